"""Values of relative, anaphoric and clock-time expressions ("yesterday", "last week",
"two days ago", "the day before", "the third quarter", "around 3 a.m.")."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

from newsprism.temporal import calendar as cal
from newsprism.temporal import lexicon as lx
from newsprism.temporal.durations import number_of
from newsprism.temporal.normalize import Context, Value, day_value, low, mod_of
from newsprism.temporal.tagger import Mention

__all__ = ["RELATIVE"]

_BACK = {"last", "past", "previous", "the previous"}
_AHEAD = {"next", "coming", "following", "the following", "the coming"}
_REL_DAY = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}


def _rel_day(m: Mention, ctx: Context) -> Value | None:
    word = low(m, "word")
    if ctx.reference is None:
        return "DATE", "XXXX-XX-XX", None
    offset = _REL_DAY.get(word, -2 if "yesterday" in word else 2)
    part = m.part("part") or ("night" if word == "tonight" else None)
    return day_value(ctx.reference + dt.timedelta(days=offset), part)


def _this_part(m: Mention, ctx: Context) -> Value | None:
    if ctx.reference is None:
        return None
    back = low(m, "rel") in {"last", "late last"}
    day = ctx.reference - dt.timedelta(days=1 if back else 0)
    value = day_value(day, m.part("part"))
    return value[0], value[1], mod_of(m.part("pre"))


def _ref(m: Mention, ctx: Context) -> Value | None:
    key = re.sub(r"\s+", " ", ctx.text[m.start : m.end].lower())
    return "DATE", lx.REF_WORDS[key], None


def _ref_span(m: Mention, ctx: Context) -> Value | None:
    return "DATE", "FUTURE_REF" if low(m, "rel") == "coming" else "PAST_REF", None


def _weekend(m: Mention, ctx: Context) -> Value | None:
    ref = ctx.reference
    if ref is None:
        return "DATE", "XXXX-WXX-WE", None
    if ref.weekday() < 5 and not ctx.future(m):
        ref = ref - dt.timedelta(days=7)
    return "DATE", cal.format_unit(ref, "weekend"), None


def _year_ana(m: Mention, ctx: Context) -> Value | None:
    anchor = ctx.reference
    if anchor is None:
        return "DATE", "XXXX", None
    end = "end" in low(m, "what")
    return "DATE", str(anchor.year), "END" if end else None


def _overnight(m: Mention, ctx: Context) -> Value | None:
    if ctx.reference is None:
        return None
    if m.part("part"):
        value = day_value(ctx.anchor() or ctx.reference, m.part("part"))
        return value[0], value[1], mod_of(m.part("pre"))
    named = _NAMED_NIGHT.match(ctx.text, m.end)
    if named and named.group(1).lower() in lx.WEEKDAYS:
        # "overnight Tuesday": that weekday's night, in the tense's direction
        direction = "same-or-future" if ctx.day_tense(m) == "future" else "same-or-past"
        day = cal.weekday_near(ctx.reference, lx.WEEKDAYS[named.group(1).lower()], direction)
        return "TIME", f"{day.isoformat()}TNI", None
    # "overnight" in a news report: the night before the day its sentence tells ("... overnight
    # and into Tuesday", "... overnight, police said on Wednesday"), else before publication.
    told = _TOLD_DAY.search(_sentence_after(ctx.text, m.end))
    if told and told.group(1).lower() in lx.WEEKDAYS:
        day = cal.weekday_near(ctx.reference, lx.WEEKDAYS[told.group(1).lower()], "same-or-past")
        return "TIME", f"{(day - dt.timedelta(days=1)).isoformat()}TNI", None
    return "TIME", f"{(ctx.reference - dt.timedelta(days=1)).isoformat()}TNI", None


_NAMED_NIGHT = re.compile(r"\s+(?:on\s+)?([A-Z][a-z]+day)\b")
# The day a sentence's overnight ends in: "into (early) Tuesday", or a reporting verb's day.
_TOLD_DAY = re.compile(
    r"\b(?:into\s+(?:early\s+)?|(?:said|says|told\s+\w+|reported|announced)\s+(?:on\s+|early\s+)?)([A-Z][a-z]+day)\b"
)


def _sentence_after(text: str, start: int) -> str:
    """The rest of the sentence from ``start`` (at most 160 characters)."""
    rest = text[start : start + 160]
    end = re.search(r"[.!?](?:\s|$)|\n", rest)
    return rest[: end.start()] if end else rest


def _thanksgiving(m: Mention, ctx: Context) -> Value | None:
    if ctx.reference is None:
        return "DATE", "XXXX-11", None
    day = _thanksgiving_of(ctx.reference.year)
    if day > ctx.reference and not ctx.future(m):
        day = _thanksgiving_of(ctx.reference.year - 1)
    return "DATE", day.isoformat(), None


def _thanksgiving_of(year: int) -> dt.date:
    first = dt.date(year, 11, 1)
    return first + dt.timedelta(days=(3 - first.weekday()) % 7 + 21)


def _floating_holiday(m: Mention, ctx: Context) -> Value | None:
    """Memorial Day, Election Day...: this year's unless the tense points to another (as a
    month without a year), or the year written after it."""
    name = re.sub(r"\s+", " ", re.sub(r"\s+\d{4}$", "", ctx.text[m.start : m.end]))
    rule = lx.FLOATING_HOLIDAYS[name]
    if m.part("year"):
        return "DATE", cal.nth_weekday(int(m.part("year")), *rule).isoformat(), None
    if ctx.reference is None:
        return "DATE", f"XXXX-{rule[0]:02d}", None
    day = cal.nth_weekday(ctx.reference.year, *rule)
    tense = ctx.day_tense(m)
    if tense == "past" and day > ctx.reference:
        day = cal.nth_weekday(ctx.reference.year - 1, *rule)
    elif tense == "future" and day < ctx.reference:
        day = cal.nth_weekday(ctx.reference.year + 1, *rule)
    return "DATE", day.isoformat(), None


def _rel_unit(m: Mention, ctx: Context) -> Value | None:
    rel, unit = low(m, "rel"), low(m, "unit")
    if rel in {"same", "the same"}:  # "the same month": the month last told, as "that month"
        anchor = ctx.last_point if unit in {"month", "year"} and ctx.last_point else ctx.last_day
        return ("DATE", cal.format_unit(anchor, unit), None) if anchor else None
    step = -1 if rel in _BACK else 1 if rel in _AHEAD else 0
    if ctx.reference is None:
        return "DATE", "PAST_REF" if step < 0 else "FUTURE_REF" if step > 0 else "PRESENT_REF", None
    if unit == "weekend" and step == 0 and ctx.reference.weekday() < 5 and _told_past(m, ctx):
        step = -1  # "earlier this weekend", "said this weekend" in a Monday paper: the one just past
    day = cal.shift(ctx.reference, unit, step)
    return "DATE", cal.format_unit(day, unit), mod_of(m.part("pre"))


def _told_past(m: Mention, ctx: Context) -> bool:
    """ "earlier this weekend", or a reporting verb right before it ("said this weekend").
    A past verb elsewhere does not count: TimeML reads "became public this weekend" in a
    Monday paper as the coming weekend (MEANTIME)."""
    return low(m, "pre") == "earlier" or ctx.said_before(m)


def _ago(m: Mention, ctx: Context) -> Value | None:
    unit = low(m, "unit").rstrip("s").replace("centurie", "century")
    n = number_of(low(m, "num"))
    sign = -1 if low(m, "dir") in {"ago", "earlier", "before that"} else 1
    if n is None or ctx.reference is None:
        return "DATE", "PAST_REF" if sign < 0 else "FUTURE_REF", None
    if unit in {"hour", "minute", "second"}:
        return "DATE", "PAST_REF" if sign < 0 else "FUTURE_REF", None
    if unit == "year" and n == 1 and sign < 0 and ctx.last_quarter and ctx.last_quarter[:4].isdigit():
        # Earnings reports: "a year ago" is the same quarter of the previous year.
        return "DATE", f"{int(ctx.last_quarter[:4]) - 1}{ctx.last_quarter[4:]}", None
    base = ctx.last_day if low(m, "dir") in {"before that", "after that"} and ctx.last_day else ctx.reference
    day = cal.shift(base, unit, sign * int(n))
    return "DATE", cal.format_unit(day, "day" if unit == "night" else unit), mod_of(m.part("mod"))


# "earlier in the week" / "later in the day": the week or day of the last day told (else the
# article's), as "earlier that week".
_ANAPHOR_STEP = {"the next": 1, "the following": 1, "the previous": -1, "later that": 0, "earlier that": 0}


def _year_words(m: Mention, ctx: Context) -> Value | None:
    words = low(m, "words").replace("hundred ", "")
    if words.startswith("two thousand"):
        rest = words.removeprefix("two thousand").removeprefix(" and ").strip()
        return "DATE", str(2000 + int(number_of(rest) or 0)), None
    century, _, rest = words.partition(" ")
    high, low_part = number_of(century), number_of(rest)
    if high is None or low_part is None:
        return None
    return "DATE", str(int(high) * 100 + int(low_part)), None


_DECADES = {
    "twenties": 2,
    "thirties": 3,
    "forties": 4,
    "fifties": 5,
    "sixties": 6,
    "seventies": 7,
    "eighties": 8,
    "nineties": 9,
}


def _decade_words(m: Mention, ctx: Context) -> Value | None:
    century = 19 if ctx.reference is None or ctx.reference.year < 2030 else 20
    return "DATE", f"{century}{_DECADES[low(m, 'words')]}", None


def _anaphor(m: Mention, ctx: Context) -> Value | None:
    rel, unit = low(m, "rel"), low(m, "unit")
    if rel.startswith("the day before") or rel.startswith("the night before"):
        step, unit = -1, unit or ("night" if "night" in rel else "day")
    elif rel == "the day after":
        step, unit = 1, unit or "day"
    else:
        step = _ANAPHOR_STEP.get(rel, 0)
    if not unit:
        return None
    anchor = ctx.last_point if unit in {"month", "year"} and ctx.last_point else ctx.anchor()
    if anchor is None:
        return "DATE", "XXXX-XX-XX", None
    if unit in {"morning", "afternoon", "evening", "night"}:
        return day_value(anchor + dt.timedelta(days=step), unit)
    day = cal.shift(anchor, unit, step)
    return "DATE", cal.format_unit(day, unit), None


_ORD = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4}
# "last", "latter", "final" quarter or half: the last one of the year (missing from _ORD).


def _quarter(m: Mention, ctx: Context) -> Value | None:
    unit, rel = low(m, "unit"), low(m, "rel")
    letter = "Q" if unit == "quarter" else "H"
    n = _ORD.get(low(m, "ord"), 4 if letter == "Q" else 2)  # "the last half": H2
    given = m.part("year") or m.part("year2")
    year = int(given) if given else None
    yrel = low(m, "yrel")
    if year is None and ctx.reference is not None and (rel.startswith("next year") or yrel):
        year = ctx.reference.year + {"last": -1, "this": 0}.get(yrel, 1)
    if year is None and ctx.reference is not None:
        year = ctx.reference.year
        current = (ctx.reference.month - 1) // (3 if letter == "Q" else 6) + 1
        if n > current and rel not in {"next"}:
            year -= 1
        if rel in {"year-earlier", "year-ago"}:
            year -= 1
    value = f"{year if year is not None else 'XXXX'}-{letter}{n}"
    if letter == "Q":
        ctx.last_quarter = value
    return "DATE", value, None


def _quarter_ana(m: Mention, ctx: Context) -> Value | None:
    rel, unit = low(m, "rel"), low(m, "unit")
    if unit == "period" and rel not in {"year-earlier", "year-ago", "latest"}:
        return None
    value = None if rel in {"current", "latest"} else ctx.last_quarter
    if value is None and ctx.reference is not None:
        step = 0 if rel == "current" else -1  # "the latest quarter": the last one reported
        value = cal.format_unit(cal.shift(ctx.reference, "quarter", step), "quarter")
    if value is None:
        return "DATE", "XXXX-QX", None
    if rel in {"year-earlier", "year-ago"}:
        value = f"{int(value[:4]) - 1}{value[4:]}"
    elif rel == "previous":
        year, q = int(value[:4]), int(value[-1])
        value = f"{year - 1}-Q4" if q == 1 else f"{year}-Q{q - 1}"
    return "DATE", value, None


def _year_ago_adj(m: Mention, ctx: Context) -> Value | None:
    if ctx.last_quarter:
        return "DATE", f"{int(ctx.last_quarter[:4]) - 1}{ctx.last_quarter[4:]}", None
    if ctx.reference is None:
        return "DATE", "PAST_REF", None
    return "DATE", str(ctx.reference.year - 1), None


def _clock(hour: int, minute: int, ampm: str) -> tuple[int, int]:
    ampm = ampm.lower().replace(".", "").replace(" ", "")
    if ampm == "pm" and hour < 12:
        hour += 12
    if ampm == "am" and hour == 12:
        hour = 0
    return hour, minute


def _time(m: Mention, ctx: Context) -> Value | None:
    hour, minute = int(m.part("hour") or 0), int(m.part("minute") or 0)
    hour, minute = _clock(hour, minute, m.part("ampm") or "")
    if hour > 23:
        return None
    # A clock time given in UTC/GMT is exact: ISO 8601 writes it with "Z".
    zone = "Z" if re.search(r"GMT|UTC", m.part("tz") or "") else ""
    return "TIME", f"T{hour:02d}:{minute:02d}{zone}", _clock_mod(m, ctx)


_BEFORE_AFTER = re.compile(r"\b(before|after|by|until)\s+$", re.IGNORECASE)


def _clock_mod(m: Mention, ctx: Context) -> str | None:
    """APPROX from "around"; BEFORE / AFTER from the word just outside the span."""
    found = _BEFORE_AFTER.search(ctx.text[max(0, m.start - 12) : m.start])
    if found:
        return "AFTER" if found.group(1).lower() == "after" else "BEFORE"
    return mod_of(m.part("mod"))


def _time_word(m: Mention, ctx: Context) -> Value | None:
    word, mod = low(m, "word"), _clock_mod(m, ctx)
    # Midnight closes the day it is anchored to ("before midnight" on Tuesday), except
    # "after midnight on Wednesday", the first minutes of that day.
    clock = {"noon": "T12:00", "midday": "T12:00", "midnight": "T24:00", "dawn": "TMO", "dusk": "TEV"}
    if word == "midnight" and mod == "AFTER":
        return "TIME", "T00:00", mod
    return "TIME", clock[word], mod


def _time_oclock(m: Mention, ctx: Context) -> Value | None:
    n = number_of(low(m, "num"))
    if n is None or not 0 < n <= 12 or n != int(n):
        return None
    part = low(m, "part")
    hour = int(n) + (12 if part in {"afternoon", "evening"} and n < 12 else 0)
    return "TIME", f"T{hour:02d}:00", _clock_mod(m, ctx)


# A one-word holiday before a noun other than a time's is a kind of thing, no date ("a
# Christmas ad", "Christmas-themed", "Halloween costumes"); "Christmas morning" is the day.
# (a time noun a word on keeps it a time: "the Christmas shopping season")
_TIME_NOUN = r"(?:eve|day|morning|afternoon|evening|night|weekend|week|holidays?|season|break|period|time|vacation|recess)\b"
_MODIFIED = re.compile(r"(?:-[a-z]|\s+(?!" + _TIME_NOUN + r"|[a-z]+\s+" + _TIME_NOUN + r")[a-z])")


def _holiday(m: Mention, ctx: Context) -> Value | None:
    name = re.sub(r"\s+", " ", ctx.text[m.start : m.end].lower())
    name = re.sub(r"\s+\d{4}$", "", name)
    month, day = lx.HOLIDAYS[name]
    year = m.part("year")
    if not year and " " not in name and _MODIFIED.match(ctx.text, m.end):
        return None
    if year:
        return "DATE", f"{year}-{month:02d}-{day:02d}", None
    if ctx.reference is None:
        return "DATE", f"XXXX-{month:02d}-{day:02d}", None
    return "DATE", cal.closest_year(ctx.reference, month, day).isoformat(), None


RELATIVE: dict[str, Callable[[Mention, Context], Value | None]] = {
    "rel_day": _rel_day,
    "this_part": _this_part,
    "ref": _ref,
    "rel_unit": _rel_unit,
    "ref_span": _ref_span,
    "weekend": _weekend,
    "year_ana": _year_ana,
    "overnight": _overnight,
    "thanksgiving": _thanksgiving,
    "ago": _ago,
    "ago_a": _ago,
    "anaphor": _anaphor,
    "year_words": _year_words,
    "decade_words": _decade_words,
    "quarter": _quarter,
    "quarter_ana": _quarter_ana,
    "year_ago_adj": _year_ago_adj,
    "time": _time,
    "time_24": _time,
    "time_word": _time_word,
    "time_oclock": _time_oclock,
    "holiday": _holiday,
    "floating_holiday": _floating_holiday,
}
