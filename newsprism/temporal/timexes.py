"""Tag a text: find expressions, give them values, and tie clock times to their day."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

from newsprism.model import Span, Timex
from newsprism.temporal import calendar as cal
from newsprism.temporal.durations import DURATIONS
from newsprism.temporal.normalize import ABSOLUTE, Context, Value
from newsprism.temporal.relative import RELATIVE
from newsprism.temporal.tagger import Mention, find_mentions

__all__ = ["tag_text"]

_TABLE: dict[str, Callable[[Mention, Context], Value | None]] = {**ABSOLUTE, **RELATIVE, **DURATIONS}
_DAY = re.compile(r"^\d{4}-\d\d-\d\d$")
_POINT = re.compile(r"^(\d{4})(?:-(\d\d))?(?:-\d\d)?$")
_DAY_PREFIX = re.compile(r"^(\d{4}-\d\d-\d\d|XXXX-WXX-\d|XXXX-XX-XX)")
# Possessive: the gap may be long, and backtracking \s* against \s* was quadratic in it.
_JOIN = re.compile(r"^\s*+,?\s*+$")  # "9 a.m. Tuesday", "4 a.m. EDT Thursday"
# A day named this close after a clock time, in the same sentence, is its day
# ("four in the morning," the chief told reporters on Wednesday); further away it
# is more often another event of the sentence.
_NEAR_CHARS = 80
_SENTENCE_BREAK = re.compile(r"[.!?][\"”’)]?\s+[A-Z“\"]|\n")
_LINK = re.compile(r"^\s*+,?\s*+(?:on|at|of|in\s+the\s+(?:early\s+)?hours\s+of)\s*+$", re.IGNORECASE)


def tag_text(
    text: str, reference: dt.date | None = None, article_id: str = "", latest: dt.date | None = None
) -> tuple[Timex, ...]:
    """Every temporal expression in ``text`` with its TIMEX3 type and value.

    ``reference`` is the date relative expressions count from (the publication date);
    ``latest``, when later, the last day the text may have been written (an update): a
    weekday told in the past may fall between the two.
    """
    ctx = Context(text, reference, latest=latest)
    timexes: list[Timex] = []
    for mention in find_mentions(text):
        fn = _TABLE.get(mention.rule)
        value = fn(mention, ctx) if fn else None
        if value is None:
            continue
        typ, val, mod = value
        if _DAY_PREFIX.match(val) and val[:4].isdigit():
            ctx.last_day = dt.date.fromisoformat(val[:10])
        if typ == "DATE" and (point := _POINT.match(val)):
            ctx.last_point = dt.date(int(point[1]), int(point[2] or 1), 1)
            ctx.last_point_end = mention.end
            if point[2] is None and _FRAME.search(text, max(0, mention.start - 12), mention.start):
                ctx.frame_year = (int(point[1]), mention.end)
        span = Span(mention.start, mention.end)
        timexes.append(Timex(span, text[span.start : span.end], typ, val, article_id, mod))
    by_a_date = _week_by_a_date(_weekday_by_a_date(_before_a_date(timexes, text), text), text)
    return tuple(_anchor_times(by_a_date, text, reference))


# A year that opens its sentence: "In 1998, ...", "Back in 1995 ..." (not "who sold it in 1998").
_FRAME = re.compile(r"(?:^|[.!?][\"”’)]?\s+|\n)(?:Back\s+)?(?:In|During)\s+$")


_BEFORE_AFTER = re.compile(r"^the\s+(day|night)\s+(before|after)$", re.IGNORECASE)
_OWNER = re.compile(r"^\s+(?:(?:his|her|their|its|the|a|an)\s+)?$", re.IGNORECASE)


def _before_a_date(timexes: list[Timex], text: str) -> list[Timex]:
    """ "the day before his June 24, 2005 murder": counted from the date that follows, not
    from the last one told (which is what "the day before" alone means)."""
    out = list(timexes)
    for i, tx in enumerate(out[:-1]):
        m = _BEFORE_AFTER.match(tx.text)
        nxt = out[i + 1]
        if not m or not _DAY.match(nxt.value) or not _OWNER.match(text[tx.span.end : nxt.span.start]):
            continue
        day = dt.date.fromisoformat(nxt.value) + dt.timedelta(
            days=-1 if m.group(2).lower() == "before" else 1
        )
        value = f"{day.isoformat()}TNI" if m.group(1).lower() == "night" else day.isoformat()
        out[i] = _with_value(tx, value)
    return out


_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_WEEKDAY_NAME = re.compile(r"^(?:" + "|".join(_WEEKDAYS) + r")$", re.IGNORECASE)
_BY_A_DATE = re.compile(r"^\s+(before|after)\s+(?:the\s+)?$", re.IGNORECASE)


def _weekday_by_a_date(timexes: list[Timex], text: str) -> list[Timex]:
    """ "the Saturday before Christmas", "the Monday after May 3": that weekday nearest before
    (after) the date, one expression, not a weekday counted from publication and a second day."""
    out: list[Timex] = []
    i = 0
    while i < len(timexes):
        tx = timexes[i]
        nxt = timexes[i + 1] if i + 1 < len(timexes) else None
        link = _BY_A_DATE.match(text[tx.span.end : nxt.span.start]) if nxt else None
        if nxt is None or link is None or not _WEEKDAY_NAME.match(tx.text) or not _DAY.match(nxt.value):
            out.append(tx)
            i += 1
            continue
        date = dt.date.fromisoformat(nxt.value)
        step = -1 if link.group(1).lower() == "before" else 1
        wanted = _WEEKDAYS.index(tx.text.lower())
        day = date + dt.timedelta(days=step)
        while day.weekday() != wanted:
            day += dt.timedelta(days=step)
        span = Span(tx.span.start, nxt.span.end)
        out.append(Timex(span, text[span.start : span.end], "DATE", day.isoformat(), tx.article_id))
        i += 2
    return out


_WEEK_BY = re.compile(r"\b(week(?:end)?)\s+(before|after)\s+(?:the\s+)?$", re.IGNORECASE)


def _week_by_a_date(timexes: list[Timex], text: str) -> list[Timex]:
    """ "the week before Christmas", "the weekend after May 3": the week (weekend) next to that
    date, one expression, not the date itself (the week is when it happened)."""
    out: list[Timex] = []
    for tx in timexes:
        m = _WEEK_BY.search(text, max(0, tx.span.start - 20), tx.span.start)
        if m is None or not _DAY.match(tx.value):
            out.append(tx)
            continue
        if out and m.start() < out[-1].span.end:
            if not re.search(r"week(?:end)?$", out[-1].text, re.IGNORECASE):
                out.append(tx)
                continue
            out.pop()  # "the weekend" tagged alone: the date says which
        date = dt.date.fromisoformat(tx.value)
        unit, step = m.group(1).lower(), -1 if m.group(2).lower() == "before" else 1
        day = date + dt.timedelta(days=7 * step if unit == "week" else step)
        while unit == "weekend" and day.weekday() != 5:
            day += dt.timedelta(days=step)
        span = Span(m.start(), tx.span.end)
        value = cal.format_unit(day, unit)
        out.append(Timex(span, text[span.start : span.end], "DATE", value, tx.article_id))
    return out


def _anchor_times(timexes: list[Timex], text: str, reference: dt.date | None) -> list[Timex]:
    """Give clock times ("T03:00") their day: the date next to them, else the last one."""
    out: list[Timex] = []
    i = 0
    while i < len(timexes):
        tx = timexes[i]
        if not tx.value.startswith("T"):
            out.append(tx)
            i += 1
            continue
        nxt = timexes[i + 1] if i + 1 < len(timexes) else None
        gap = text[tx.span.end : nxt.span.start] if nxt else ""
        if nxt and _is_day(nxt) and _JOIN.match(gap):
            out.append(_merge(tx, nxt, text))
            i += 2
            continue
        day = _day_for(tx, nxt, gap, out, reference)
        told = nxt is not None and day == nxt.value  # a day named with it decides
        if tx.value == "T24:00" and reference is not None and day == reference.isoformat() and not told:
            day = _midnight_told_past(tx, text, reference)
        out.append(_with_value(tx, f"{day}{tx.value}"))
        i += 1
    return out


def _midnight_told_past(tx: Timex, text: str, reference: dt.date) -> str:
    """A midnight that only the publication day dates, told in the past ("were woken shortly
    before midnight"): the end of the publication day is not past when the article appears,
    so it is the midnight that ended the day before."""
    ctx, mention = Context(text, reference), Mention(tx.span.start, tx.span.end, "time_word", ())
    # (an opening "Shortly before midnight, with most precincts tallied, the senator had a lead":
    # the sentence's verb comes after a long aside)
    tense = ctx.tense(mention) or ctx.sentence_tense_after(mention)
    return (reference - dt.timedelta(days=1) if tense == "past" else reference).isoformat()


def _is_day(tx: Timex) -> bool:
    return tx.type == "DATE" and bool(_DAY.match(tx.value) or tx.value.startswith("XXXX-WXX-"))


def _day_for(tx: Timex, nxt: Timex | None, gap: str, before: list[Timex], reference: dt.date | None) -> str:
    """The day a clock time falls on: a day next to it, else in its sentence, else the last one."""
    near = len(gap) <= _NEAR_CHARS and not _SENTENCE_BREAK.search(gap)
    if nxt and _is_day(nxt) and (_LINK.match(gap) or near):
        return nxt.value
    for prev in reversed(before):
        if _is_day(prev) or prev.value[:10].count("-") == 2 and prev.value[:4].isdigit():
            return _after_night(prev.value, tx.value)
    return reference.isoformat() if reference else "XXXX-XX-XX"


def _after_night(prev: str, time: str) -> str:
    """A morning hour told after "the night of D" falls on the day after D, and so does one up
    to noon told after the midnight that ended D ("before midnight ... by midday")."""
    day = prev[:10]
    morning = re.match(r"T(0\d|1[01]):", time) or (prev.endswith("T24:00") and time.startswith("T12:"))
    if (prev.endswith("TNI") or prev.endswith("T24:00")) and morning and day[:4].isdigit():
        return (dt.date.fromisoformat(day) + dt.timedelta(days=1)).isoformat()
    return day


def _merge(time: Timex, day: Timex, text: str) -> Timex:
    span = Span(time.span.start, day.span.end)
    value = f"{day.value}{time.value}"
    return Timex(span, text[span.start : span.end], "TIME", value, time.article_id, time.mod)


def _with_value(tx: Timex, value: str) -> Timex:
    return Timex(tx.span, tx.text, tx.type, value, tx.article_id, tx.mod)
