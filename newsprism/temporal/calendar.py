"""Calendar arithmetic and TIMEX3 value formatting, and reading values back as intervals."""

from __future__ import annotations

import datetime as dt
import functools
import re

__all__ = [
    "clamped",
    "closest_year",
    "format_unit",
    "season_of",
    "shift",
    "value_interval",
    "weekday_near",
]

SEASON_ORDER = ("WI", "SP", "SU", "FA")
CLOCK_SLACK = dt.timedelta(minutes=15)
_PART_HOURS = {"MO": (5, 12), "MI": (11, 14), "AF": (12, 18), "EV": (17, 22), "NI": (18, 30), "DT": (6, 18)}


def format_unit(day: dt.date, unit: str) -> str:
    """``day`` written at the granularity of ``unit`` (day, week, month, quarter...)."""
    if unit == "day":
        return day.isoformat()
    if unit in {"week", "weekend"}:
        year, week, _ = day.isocalendar()
        return f"{year}-W{week:02d}" + ("-WE" if unit == "weekend" else "")
    if unit == "month":
        return f"{day.year}-{day.month:02d}"
    if unit == "quarter":
        return f"{day.year}-Q{(day.month - 1) // 3 + 1}"
    if unit == "decade":
        return str(day.year // 10)
    if unit == "century":
        return str(day.year // 100)
    return str(day.year)


def shift(day: dt.date, unit: str, n: int) -> dt.date:
    """``day`` moved by ``n`` units (months clamp to the month's last day)."""
    if unit in {"day", "night"}:
        return day + dt.timedelta(days=n)
    if unit in {"week", "weekend", "fortnight"}:
        return day + dt.timedelta(weeks=n * (2 if unit == "fortnight" else 1))
    months = {"month": 1, "quarter": 3, "year": 12, "decade": 120, "century": 1200}.get(unit)
    if months is None:
        return day
    total = day.year * 12 + day.month - 1 + n * months
    year, month = divmod(total, 12)
    return clamped(year, month + 1, day.day)


def clamped(year: int, month: int, day: int) -> dt.date:
    """The date, or the month's last day when ``day`` is past it (29 February)."""
    year = min(max(year, 1), 9999)
    for d in (day, 30, 29, 28):
        try:
            return dt.date(year, month, d)
        except ValueError:
            continue
    return dt.date(year, month, 28)


def weekday_near(ref: dt.date, weekday: int, direction: str) -> dt.date:
    """The ``weekday`` (0 = Monday) near ``ref``.

    ``same-or-past``: ``ref`` itself when it is that weekday, else the most recent one
    before it (the news convention for a bare weekday); ``same-or-future``: the same
    or the next one; ``past`` / ``future``: strictly before / after; ``nearest``: the
    closer of the last and the next (``ref`` itself when it is that weekday).
    """
    delta = (ref.weekday() - weekday) % 7
    if direction == "nearest":
        direction = "same-or-past" if delta <= 3 else "same-or-future"
    if direction == "same-or-past":
        return ref - dt.timedelta(days=delta)
    if direction == "past":
        return ref - dt.timedelta(days=delta or 7)
    ahead = (weekday - ref.weekday()) % 7
    if direction == "future":
        return ref + dt.timedelta(days=ahead or 7)
    return ref + dt.timedelta(days=ahead)


def nth_weekday(year: int, month: int, weekday: int, nth: int, offset: int = 0) -> dt.date:
    """The ``nth`` ``weekday`` (0 Monday) of a month, -1 the last, ``offset`` days later."""
    if nth > 0:
        first = dt.date(year, month, 1)
        day = first + dt.timedelta(days=(weekday - first.weekday()) % 7 + 7 * (nth - 1))
    else:
        last = dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)
        day = last - dt.timedelta(days=(last.weekday() - weekday) % 7)
    return day + dt.timedelta(days=offset)


def closest_year(ref: dt.date, month: int, day: int) -> dt.date:
    """Month and day without a year: the occurrence nearest to ``ref``."""
    options = [clamped(ref.year + k, month, day) for k in (0, -1, 1)]
    return min(options, key=lambda d: abs((d - ref).days))


def season_of(day: dt.date) -> tuple[int, str]:
    """(year, season code); December counts to the next year's winter."""
    if day.month == 12:
        return day.year + 1, "WI"
    return day.year, SEASON_ORDER[(day.month % 12) // 3]


_VALUE = re.compile(
    r"^(?P<y>\d{4})(?:-(?:(?P<m>\d\d)(?:-(?P<d>\d\d))?|W(?P<w>\d\d)(?P<we>-WE)?))?"
    r"(?:T(?:(?P<hh>\d\d):(?P<mm>\d\d)Z?|(?P<part>MO|MI|AF|EV|NI|DT)))?$"
)


@functools.lru_cache(maxsize=1 << 16)  # pure, and asked for the same few values over and over
def value_interval(value: str, mod: str | None = None) -> tuple[dt.datetime, dt.datetime] | None:
    """The stretch of time a TIMEX3 date/time value covers, or ``None`` if vague.

    A clock time covers a quarter of an hour either side (outlets round), the hour
    before it with ``mod="BEFORE"`` ("shortly before 4 a.m."), the hour after with AFTER.
    """
    if len(value) == 3 and value.isdigit():  # a decade: "199", the 1990s
        return dt.datetime(int(value) * 10, 1, 1), dt.datetime(int(value) * 10 + 10, 1, 1)
    m = _VALUE.match(value)
    if not m:
        return None
    y = int(m["y"])
    if m["w"]:
        start = dt.datetime.fromisocalendar(y, int(m["w"]), 6 if m["we"] else 1)
        return start, start + dt.timedelta(days=2 if m["we"] else 7)
    if not m["m"]:
        return dt.datetime(y, 1, 1), dt.datetime(y + 1, 1, 1)
    if not m["d"]:
        start = dt.datetime(y, int(m["m"]), 1)
        return _part_of((start, dt.datetime(y + int(m["m"]) // 12, int(m["m"]) % 12 + 1, 1)), mod)
    day = dt.datetime(y, int(m["m"]), int(m["d"]))
    if m["hh"]:
        moment = day + dt.timedelta(hours=int(m["hh"]), minutes=int(m["mm"]))
        if mod == "BEFORE":
            return moment - dt.timedelta(hours=1), moment
        if mod == "AFTER":
            return moment, moment + dt.timedelta(hours=1)
        return moment - CLOCK_SLACK, moment + CLOCK_SLACK
    if m["part"]:
        lo, hi = _PART_HOURS[m["part"]]
        return day + dt.timedelta(hours=lo), day + dt.timedelta(hours=hi)
    return _part_of((day, day + dt.timedelta(days=1)), mod)


def _part_of(span: tuple[dt.datetime, dt.datetime], mod: str | None) -> tuple[dt.datetime, dt.datetime]:
    """The half a START or END mod keeps of a day or a month: "late Thursday" is no Thursday
    morning, "early June" no June 25 (halves, not thirds: a looser reading keeps fewer false
    clashes)."""
    start, end = span
    half = (end - start) / 2
    if mod == "START":
        return start, start + half
    if mod == "END":
        return start + half, end
    return span
