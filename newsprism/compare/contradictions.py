"""Contradictions: two outlets telling the same fact differently (numbers, dates, places, negation).

Candidates are the pairs alignment refused to group because they conflict (see
:mod:`newsprism.compare.alignment`) plus aligned pairs, which are checked for dates and
places. Each contradiction carries both statements with their spans.
"""

from __future__ import annotations

import dataclasses
import json
import re
from calendar import monthrange
from collections.abc import Mapping, Sequence
from datetime import date
from functools import lru_cache
from typing import Any

import numpy as np

from newsprism.compare.alignment import Alignment
from newsprism.compare.attributes import (
    MONTH_ABBREVIATED,
    Mention,
    clause,
    clause_pieces,
    content_stems,
    dates_a_remark,
    given_names,
    mentions,
    month_number,
    name_shared,
    ordinals_apart,
    quoted_spans,
    recurring_apart,
    remark_day,
    same_attribute,
    same_remark,
)
from newsprism.compare.prison_terms import main_person
from newsprism.model import Contradiction, Span, Statement, content_id
from newsprism.nlp.cache_articles import kept_marks, kept_mentions
from newsprism.quotes.names import given_sex
from newsprism.text import (
    DAYS,
    MONTHS,
    STOPWORDS,
    content_words,
    counted_things,
    date_terms,
    key_terms,
    negations,
    quantities,
    stem,
    without_quoted,
)

__all__ = ["find_contradictions", "group_contradictions"]

# A story's pairs share statements: each statement's terms are read once, not once per pair
# (the cached readers return frozen values, or values their callers only read).
_CACHE = 1 << 16

_PLACE = re.compile(r"\b(?:in|at|near|outside)\s+(?:the\s+)?((?:[A-Z][\w-]+\s?){1,3})")
_FOLLOWER = re.compile(r"\s*([a-z][\w'’-]*)")
_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_MONTHS = tuple(m + r"\w*" for m in _MONTHS)
_WEEKDAYS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}


def _side(st: Statement) -> dict:
    return {
        "statement_id": st.id,
        "article_id": st.article_id,
        "text": st.text,
        "start": st.span.start,
        "end": st.span.end,
    }


_SAYING = r"said|says|told|added|stated|claimed|alleged|announced|confirmed|reported|denied"
_SAYING_WORDS = frozenset(_SAYING.split("|"))
_DAY = "|".join(sorted(_WEEKDAYS))
# The day something was said is not the day of the event it tells ("On Wednesday afternoon
# the union alleged that ...", "the fire service said on Thursday").
_FRAME_DAY = re.compile(
    rf"\b(?:{_SAYING})\b[^.,;]{{0,40}}?\bon\s+(?:{_DAY})\b"
    rf"|^\W*on\s+(?:{_DAY})(?:\s+\w+)?,?\s+[^,.;]{{0,60}}?\b(?:{_SAYING})\b",
    re.IGNORECASE,
)


@lru_cache(maxsize=_CACHE)
def _event_days(text: str) -> frozenset[str]:
    return frozenset(date_terms(_FRAME_DAY.sub(" ", text)) & _WEEKDAYS)


def _days(st: Statement, texts: Mapping[str, str]) -> frozenset[str]:
    """Weekdays of the event a statement tells; a clause that names none is dated by its
    sentence ("Twelve people were injured" in "... when a fire destroyed a warehouse ... on
    Wednesday")."""
    return _event_days(_dated_text(st, texts))


def _dated_text(st: Statement, texts: Mapping[str, str]) -> str:
    """The text whose weekdays date the statement: its own, else its sentence's."""
    text = texts.get(st.article_id)
    if _event_days(st.text) or st.sentence is None or text is None:
        return st.text
    return text[st.sentence.start : st.sentence.end]


_WEEKDAY_WORD = re.compile(r"\b(?:" + "|".join(sorted(_WEEKDAYS)) + r")\b", re.IGNORECASE)


def _same_event(a: str, b: str, pattern: re.Pattern[str]) -> bool:
    """Two dates date one event when the words next to them meet ("the hearing is set for
    June 3" / "the hearing will be held in mid-June"), not "the crash on Saturday" / "the
    funeral on Monday": a story's events each have their date, and two dates of two events are no
    contradiction."""
    return _sides_meet(_near_common(a, pattern), _near_common(b, pattern))


def _kind(
    a: Statement,
    b: Statement,
    conflict: bool,
    texts: Mapping[str, str] | None = None,
    negation_overlap: float = 0.6,
    close: bool = True,
) -> tuple[str, str] | None:
    """Numbers and negation on the pairs alignment refused; dates and places on aligned pairs
    (only statements already judged to tell one fact can disagree on its date or place)."""
    if conflict:
        qa, qb = _quantities_undated(a.text), _quantities_undated(b.text)
        for unit in sorted(qa.keys() & qb.keys() - _SHARES - _ELAPSED):
            if (
                not qa[unit] & qb[unit]
                and (
                    not _approximate(a.text, b.text, unit)
                    or _estimates_apart(a.text, b.text, unit, qa[unit], qb[unit])
                )
                and _same_count(a.text, b.text, unit)
                and not _part_of(a.text)
                and not _part_of(b.text)
            ):
                va, vb = ", ".join(sorted(qa[unit])), ", ".join(sorted(qb[unit]))
                return "number", f"{unit}: {va} vs {vb}"
        if _negated(a.text) != _negated(b.text) and _overlap(a.text, b.text) >= negation_overlap:
            return "negation", "one outlet negates what the other asserts"
        return None
    if a.polarity != b.polarity:
        # "The mayor was in her office on Thursday" / "the mayor had not been there ... on Wednesday":
        # one side says what did not happen, so their dates and places tell two things.
        return None
    ya, yb = _year_ranges(a.text), _year_ranges(b.text)
    if len(ya) == 1 and len(yb) == 1 and ya != yb:
        if not _spans_overlap(next(iter(ya)), next(iter(yb))):
            return None  # two periods: their other values are two periods' too
        return "years", f"{_range_text(*next(iter(ya)))} vs {_range_text(*next(iter(yb)))}"
    one_tense = _future(a.text) == _future(b.text)
    ma, mb = _calendar_dates(a.text), _calendar_dates(b.text)
    # one date each: a sentence with two dates tells two moments, which pairs cannot sort out
    if (
        len(ma) == 1
        and len(mb) == 1
        and one_tense
        and not _dates_meet(ma, mb)
        and _same_event(a.text, b.text, _CAL_DATE)
        and not _other_parties(_sentence_of(a, texts or {}), _sentence_of(b, texts or {}))
        and not ordinals_apart(a.text, b.text)
        and not dates_a_remark(a.text)
        and not dates_a_remark(b.text)
        and not recurring_apart(a.text, b.text)
    ):
        return (
            "date",
            f"{', '.join(sorted(_date_text(d) for d in ma))} vs {', '.join(sorted(_date_text(d) for d in mb))}",
        )
    if not close:
        # A weekday or a place differs between loosely alike statements mostly because they
        # tell two events of the story ("charged on Friday" / "appeared in court on Monday").
        return None
    da, db = _days(a, texts or {}), _days(b, texts or {})
    if (
        da
        and db
        and not da & db
        and one_tense
        and _same_event(_dated_text(a, texts or {}), _dated_text(b, texts or {}), _WEEKDAY_WORD)
    ):
        return "date", f"{', '.join(sorted(da))} vs {', '.join(sorted(db))}"
    pa, pb = _places(a.text), _places(b.text)
    if (
        pa
        and pb
        and not any(x in y or y in x for x in pa for y in pb)
        and not _names_other(a, b, pa, pb)
        and _same_event(a.text, b.text, _PLACE)  # "born in X" / "died in Y": two events
    ):
        return "place", f"{', '.join(sorted(pa))} vs {', '.join(sorted(pb))}"
    return None


# A share differs by poll, sample and moment ("plus or minus four percentage points among that
# group" / "5.7 percentage points"): no count of one thing.
_SHARES = frozenset(["percent", "percentage"])
# Time elapsed in a story that runs on ("five days of riots" / "eight days of riots", "after 20
# hours"): each outlet counts to its own moment of writing, so two counts are two moments.
# Years are kept: a sentence or a term of years is one value, not a clock still running.
_ELAPSED = frozenset(
    ["minute", "minutes", "hour", "hours", "day", "days", "week", "weeks", "month", "months"]
)
# "178 of 369 punches", "seven of them": a part of a whole, counted over another scope
_PART = re.compile(r"\b\d[\d,]*\s+of\s+(?:(?:his|her|their|its|the)\s+)?\d")


@lru_cache(maxsize=_CACHE)
def _part_of(text: str) -> bool:
    return bool(_PART.search(text))


def _names_other(a: Statement, b: Statement, pa: frozenset[str], pb: frozenset[str]) -> bool:
    """Either statement names the other's place anywhere ("in Tennessee" / "in Nashville,
    Tennessee"; "in Delaware" / "in Pennsylvania, Maryland and Delaware"): no disagreement."""
    low_a, low_b = a.text.lower(), b.text.lower()
    if any(_place_words(x) <= _place_words(y) or _place_words(y) <= _place_words(x) for x in pa for y in pb):
        return True  # "Mt Cook" / "Aoraki Mount Cook"
    return any(re.search(rf"\b{re.escape(p)}\b", low_b) for p in pa) or any(
        re.search(rf"\b{re.escape(p)}\b", low_a) for p in pb
    )


_PLACE_ABBREVIATIONS = {"mt": "mount", "ft": "fort", "pt": "point", "st": "saint"}


def _place_words(place: str) -> frozenset[str]:
    """A place's words, abbreviations spelled out ("mt cook" -> mount, cook)."""
    words = (w.rstrip(".") for w in place.split())
    return frozenset(_PLACE_ABBREVIATIONS.get(w, w) for w in words)


# "from 1967 to 1979", "1967-79", "1967–1979": the years something lasted (a term in office)
# "from January 1967 to January 1979", "between 1966 and 1978" too
_MONTH_OF = (
    r"(?:(?:January|February|March|April|May|June|July|August|September|October|November|December)\s+)?"
)
_YEAR_RANGE = re.compile(
    rf"\bbetween\s+{_MONTH_OF}((?:19|20)\d\d)\s+and\s+{_MONTH_OF}((?:19|20)\d\d)\b"
    rf"|\b{_MONTH_OF}((?:19|20)\d\d)\s*(?:-|–|—|to|until|through)\s*{_MONTH_OF}((?:19|20)?\d\d)\b"
)


# "was elected to the Senate in 1966 and served until 1978": a term told by its first year and its
# last (the years' own match starts at the first year, so the office words stand before it)
_TERM_SPAN = re.compile(
    r"\b(?:elected|appointed|sworn in|took office)\b[^.;()]{0,40}?\bin\s+"
    r"(?P<first>(?:19|20)\d\d)\s+and\s+(?:was\s+)?(?:served|remained|stayed|held\s+(?:it|the\s+\w+))\s+"
    r"(?:\w+\s+){0,3}?(?:until|through|till)\s+(?P<last>(?:19|20)\d\d)\b",
    re.IGNORECASE,
)


def _span_matches(text: str) -> list[tuple[int, str, str]]:
    """(offset of the first year, first year, last year) of each span of years in ``text``."""
    out = [
        (m.start(), m.group(1) or m.group(3), m.group(2) or m.group(4)) for m in _YEAR_RANGE.finditer(text)
    ]
    return out + [(m.start("first"), m.group("first"), m.group("last")) for m in _TERM_SPAN.finditer(text)]


@lru_cache(maxsize=_CACHE)
def _year_ranges(text: str) -> frozenset[tuple[int, int]]:
    out = set()
    for _, first, end in _span_matches(text):
        start = int(first)
        stop = int(end) if len(end) == 4 else start // 100 * 100 + int(end)
        if start < stop <= start + 80:
            out.add((start, stop))
    return frozenset(out)


def _spans_overlap(ra: tuple[int, int], rb: tuple[int, int]) -> bool:
    """Two spans of years share half the shorter at least: one term told two ways (1967–1979 /
    1966–1978), not two periods ("since the 2004-05 season" / "the 1982-83 championship team")."""
    shared = min(ra[1], rb[1]) - max(ra[0], rb[0])
    inner, outer = sorted((ra, rb), key=lambda r: r[1] - r[0])
    if outer[0] <= inner[0] and inner[1] <= outer[1] and outer[1] - outer[0] >= 2 * (inner[1] - inner[0]):
        return False  # one span well inside the other: a term within a life or a career
    return shared * 2 >= min(ra[1] - ra[0], rb[1] - rb[0])


def _range_text(start: int, stop: int) -> str:
    return f"{start}–{stop}"


_MONTH_NAMES = ("january", "february", "march", "april", "may", "june", "july", "august", "september",
                "october", "november", "december")  # fmt: skip
# "April 30", "30 April", "mid-May", "early June", "late March" (a month alone is too vague)
_CAL_DATE = re.compile(
    r"\b(?:(?P<part>early|mid|late)[- ](?P<m1>" + "|".join(_MONTH_NAMES) + r")"
    r"|(?P<m2>" + "|".join(_MONTH_NAMES) + "|" + MONTH_ABBREVIATED + r")\.?\s+(?P<d2>\d{1,2})(?!\d|:)"
    r"|(?P<d3>\d{1,2})\s+(?P<m3>" + "|".join(_MONTH_NAMES) + r"))\b",
    re.IGNORECASE,
)
_PARTS = {"early": (1, 10), "mid": (11, 20), "late": (21, 31)}


@lru_cache(maxsize=_CACHE)
def _calendar_dates(text: str) -> frozenset[tuple[int, int, int]]:
    """(month, first day, last day) of each calendar date the text gives."""
    out = set()
    for m in _CAL_DATE.finditer(text):
        number = month_number(m.group("m1") or m.group("m2") or m.group("m3"))
        if m.group("part"):
            out.add((number, *_PARTS[m.group("part").lower()]))
        else:
            day = int(m.group("d2") or m.group("d3"))
            if 1 <= day <= 31:
                out.add((number, day, day))
    return frozenset(out)


def _dates_meet(a: frozenset[tuple[int, int, int]], b: frozenset[tuple[int, int, int]]) -> bool:
    """Some date of one can be some date of the other (same month, overlapping days)."""
    return any(ma == mb and sa <= eb and sb <= ea for ma, sa, ea in a for mb, sb, eb in b)


def _date_text(d: tuple[int, int, int]) -> str:
    """ "April 30", "mid-May": as the text wrote it, so one sentence read by two paths shows one
    value, not "mid-May" and "May 11–20"."""
    month, first, last = d
    name = _MONTH_NAMES[month - 1].capitalize()
    part = next((p for p, days in _PARTS.items() if days == (first, last)), None)
    if part is not None:
        return f"{part}-{name}"
    return f"{name} {first}" if first == last else f"{name} {first}–{last}"


# A date or a span of years that two outlets attribute to a source for one event still
# disagree on the fact ("the primary is set for April 30, officials said" / "in mid-May").
_FACT_KINDS = frozenset(["years", "date"])

_APPROX = re.compile(
    r"\b(?:about|around|nearly|almost|roughly|some|over|more than|fewer than|less than|at least|"
    r"up to|as many as|dozens of|hundreds of|thousands of|approximately|an estimated)\s+(?:\S+\s+){0,2}?$",
    re.IGNORECASE,
)


def _approximate(a: str, b: str, unit: str) -> bool:
    """Either count is an estimate ("nearly 100", "more than 200"): estimates of a crowd, or of
    different moments, differ without contradicting each other."""
    for text in (a, b):
        for m in re.finditer(rf"\b{re.escape(unit[:4])}", text, re.IGNORECASE):
            if _APPROX.search(text[max(0, m.start() - 40) : m.start()]):
                return True
    return False


_POINT_ESTIMATE = re.compile(
    r"\b(?:about|around|nearly|almost|roughly|approximately|an estimated)\s+(?:\S+\s+){0,2}?$", re.IGNORECASE
)
# Two estimates of one count this far apart cannot both be near it (40,000 / 52,000: 1.3);
# rounding stays well below (4.8 / 5 tonnes: 1.04).
_ESTIMATE_RATIO = 1.25


def _estimates_apart(a: str, b: str, unit: str, va: set[str], vb: set[str]) -> bool:
    """Both counts are point estimates ("nearly 40,000 letters" / "nearly 52,000 letters"),
    not bounds ("more than 200"), each side one, and too far apart to be one number rounded."""
    if len(va) != 1 or len(vb) != 1:
        return False
    for text in (a, b):
        counts = list(re.finditer(rf"\b{re.escape(unit[:4])}", text, re.IGNORECASE))
        if not counts or not all(
            _POINT_ESTIMATE.search(text[max(0, m.start() - 40) : m.start()]) for m in counts
        ):
            return False
    x, y = float(next(iter(va))), float(next(iter(vb)))
    return min(x, y) > 0 and max(x, y) / min(x, y) >= _ESTIMATE_RATIO


# A date still to come ("will meet ... on Saturday") belongs to another event than a date
# reported as past, so the two never contradict.
_FUTURE = re.compile(
    r"\b(?:will|would|shall|'ll|is to|are to|plans? to|(?:is|are) set (?:to|for)|scheduled|expected to)\b",
    re.I,
)


def _count_context(text: str, unit: str) -> _Sides:
    """Common-word stems next to each count of ``unit`` ("lead to 3 points midway" -> lead,
    midway): what is being counted, beyond its unit."""
    counted = re.compile(rf"\b{re.escape(unit[:4])}\w*", re.IGNORECASE)
    unit_stem = {stem(unit)}
    before, after, next_before, next_after = _near_common(text, counted)
    return before - unit_stem, after - unit_stem, next_before - unit_stem, next_after - unit_stem


_COMMON = re.compile(r"(?<![\w'’-])[a-z][\w'’-]*")
_NOT_EVENT = frozenset(_SAYING.split("|")) | {"last", "next", "early", "late", "mid", "week"}
# Stems before and after a value, two words each side, then the one word next to it each side.
_Sides = tuple[set[str], set[str], set[str], set[str]]


def _near_common(text: str, pattern: re.Pattern[str]) -> _Sides:
    """Stems of the common words next to each match of ``pattern`` in its clause, dates and
    saying verbs left out. Names are left out too: the story's people and places stand near
    every count and every date."""

    def common(piece: str) -> list[str]:
        return [
            stem(w)
            for w in _COMMON.findall(piece)
            if w not in STOPWORDS and w not in _NOT_EVENT and w not in _DATE_WORDS
        ]

    out: _Sides = (set(), set(), set(), set())
    for m in pattern.finditer(text):
        before = common(clause_pieces(text[max(0, m.start() - 40) : m.start()])[-1])
        after = common(clause_pieces(text[m.end() : m.end() + 40])[0])
        for side, words in zip(out, (before[-2:], after[:2], before[-1:], after[:1]), strict=True):
            side.update(words)
    return out


def _sides_meet(a: _Sides, b: _Sides) -> bool:
    """The words next to two values meet on the same side ("a depot yard in the 400 block" /
    "outside a depot in the 700 block"), or right next to them across sides ("wounding 7
    passengers" / "9 passengers were wounded"); "lost 300 sheep" and "still has 4,000 sheep on
    the hills" share nothing next to the count, whatever else the two sentences share."""
    return bool(a[0] & b[0] or a[1] & b[1] or a[2] & b[3] or a[3] & b[2])


def _same_count(a: str, b: str, unit: str) -> bool:
    """Two counts of one unit count the same thing when their nearby words meet ("record of
    2,106 points" / "record of 2,116 points"), not "lead to 3 points" / "14 points from X"."""
    return _sides_meet(_count_context(a, unit), _count_context(b, unit))


@lru_cache(maxsize=_CACHE)
def _places(text: str) -> frozenset[str]:
    """Places named after "in", "at", "near", "outside"; not a capitalised word that only
    qualifies a common noun ("in Senate history", "in American politics": no place)."""
    out = set()
    for m in _PLACE.finditer(text):
        place = m.group(1).strip().lower()
        follower = _FOLLOWER.match(text, m.end(1))  # no slice: a copy per place was quadratic
        if follower and follower.group(1) not in STOPWORDS:
            continue
        if place not in _WEEKDAYS and not place.startswith(_MONTH_NAMES):
            out.add(place)
    return frozenset(out)


def _undated(text: str) -> str:
    """Text without dates and clock times, whose digits are not counts."""
    text = re.sub(r"\b(?:" + "|".join(_MONTHS) + r")\.?\s+\d{1,2}(?:,\s*\d{4})?", " ", text, flags=re.I)
    text = re.sub(r"\b\d{1,2}(?:[:.]\d{2})?\s*(?:a\.?m\.?|p\.?m\.?|pm|am)\b", " ", text, flags=re.I)
    return re.sub(r"\b(?:19|20)\d{2}\b", " ", text)


def _overlap(a: str, b: str) -> float:
    wa, wb = set(content_words(a)), set(content_words(b))
    return len(wa & wb) / max(1, min(len(wa), len(wb)))


def _same_thing(a: Statement, b: Statement, sim: float, min_sim: float, min_shared: int) -> bool:
    """Precision first: the two statements must be about one thing, not merely alike. They
    name the same person, body or place (when they name any), share ``min_shared`` content words besides the
    numbers and units that differ, and are at least ``min_sim`` alike."""
    if sim < min_sim:
        return False
    names_a, names_b = _names(a.text), _names(b.text)
    if (names_a or names_b) and not names_a & names_b:
        return False
    counted = _counted(a.text) | _counted(b.text)
    return len((content_stems(a.text) - counted) & (content_stems(b.text) - counted)) >= min_shared


_DATE_WORDS = frozenset(DAYS) | frozenset(MONTHS)


@lru_cache(maxsize=_CACHE)
def _names(text: str) -> frozenset[str]:
    """Names the statement gives (key terms that are words, not dates)."""
    return frozenset(t for t in key_terms(text) if t.isalpha()) - _DATE_WORDS


@lru_cache(maxsize=_CACHE)
def _counted(text: str) -> frozenset[str]:
    return frozenset(quantities(text))


@lru_cache(maxsize=_CACHE)
def _quantities_undated(text: str) -> dict[str, set[str]]:
    """Counts by what they count ("300 Welsh sheep" and "4,000 Welsh cattle" are two things,
    not two counts of Welsh)."""
    return counted_things(_undated(text))


# Words of negation that deny nothing the other outlet asserts: "not only X but Y" adds, "none of
# the other teams" / "no other bidder" speak of the rest, not of what the other sentence names.
_NOT_DENIAL = re.compile(r"\bnot\s+only\b|\bno\s+other\b|\bnone\s+of\s+the\s+other\b", re.IGNORECASE)


@lru_cache(maxsize=_CACHE)
def _negated(text: str) -> bool:
    return negations(_NOT_DENIAL.sub(" ", text)) > 0


@lru_cache(maxsize=_CACHE)
def _future(text: str) -> bool:
    return bool(_FUTURE.search(text))


def _marks(a: Statement, texts: Mapping[str, str]) -> int:
    """Which kinds of date or place disagreement the statement could take part in (bits: one
    span of years, one calendar date, a weekday, a place); an aligned pair can disagree only
    on a kind both have (see :func:`_kind`)."""
    bits = len(_year_ranges(a.text)) == 1
    bits |= (len(_calendar_dates(a.text)) == 1) << 1
    bits |= bool(_days(a, texts)) << 2
    bits |= bool(_places(a.text)) << 3
    return bits


def _group_marks(
    statements: Sequence[Statement], groups: Sequence[Sequence[int]], texts: Mapping[str, str]
) -> dict[int, int]:
    """:func:`_marks` of every grouped statement, kept per article in the run's store (by the
    statements' texts and sentences and the article's text: what the marks read)."""
    by_article: dict[str, list[int]] = {}
    for i in dict.fromkeys(i for group in groups for i in group):
        by_article.setdefault(statements[i].article_id, []).append(i)
    out: dict[int, int] = {}
    for article, members in by_article.items():
        read = [(statements[i].text, _span_pair(statements[i].sentence)) for i in members]
        given = json.dumps(read) + "\0" + texts.get(article, "\0")
        found = kept_marks(
            given, lambda m=members: [_marks(statements[i], texts) for i in m], _encode_ints, _decode_ints
        )
        out.update(zip(members, found, strict=True))
    return out


def _span_pair(span: Span | None) -> list[int] | None:
    return None if span is None else [span.start, span.end]


def _encode_ints(values: list[int]) -> bytes:
    return json.dumps(values).encode("ascii")


def _decode_ints(data: bytes) -> list[int]:
    return json.loads(data.decode("ascii"))


def _pair_sims(sims: Any, pairs: Sequence[tuple[int, int, bool]]) -> list[float]:
    """The similarity of each pair, read at once (a lazy matrix computes each row once, many
    rows per product, rather than a row or two per pair); 1.0 without a matrix."""
    if not len(sims) or not pairs:
        return [1.0] * len(pairs)
    rows, cols = np.array([(i, j) for i, j, _ in pairs], dtype=np.int64).T
    return [float(v) for v in sims[rows, cols]]


def find_contradictions(
    statements: Sequence[Statement],
    alignment: Alignment,
    texts: Mapping[str, str] | None = None,
    min_sim: float = 0.6,
    min_shared: int = 2,
    negation_overlap: float = 0.6,
    close_sim: float = 0.7,
    published: Mapping[str, str] | None = None,
) -> list[Contradiction]:
    """Contradictions between aligned or conflicting statements; ``texts`` (article id ->
    cleaned text) lets a clause without a date be dated by its sentence, ``published`` (article
    id -> ISO date) tells a count that grew on a later day from one told two ways. A missed
    contradiction costs a reader less than an invented one, so each pair must pass
    :func:`_same_thing` (``min_sim``, ``min_shared``); a weekday or place differing needs the
    pair at least ``close_sim`` alike (counts, negation, office years and calendar dates are
    specific enough below it)."""
    pairs = [(i, j, True) for i, j, _ in alignment.conflicts]
    marks = _group_marks(statements, alignment.groups, texts or {})
    for group in alignment.groups:
        # Only members that give a date or a place can disagree with another on one: a group of
        # a hundred outlets is not a hundred squared pairs to read.
        dated = [i for i in group if marks[i]]
        pairs.extend(
            (i, j, False)
            for k, i in enumerate(dated)
            for j in dated[k + 1 :]
            if marks[i] & marks[j] and statements[i].polarity == statements[j].polarity
        )
    out: dict[str, Contradiction] = {}
    for i, j in _term_pairs(statements, texts or {}):
        a, b = sorted((statements[i], statements[j]), key=lambda s: (s.article_id, s.span.start))
        (ra,), (rb,) = _year_ranges(a.text), _year_ranges(b.text)
        note = f"{_range_text(*ra)} vs {_range_text(*rb)}"
        cid = content_id(a.id, b.id, "years", prefix="c_")
        out[cid] = Contradiction(id=cid, kind="years", a=_side(a), b=_side(b), note=note, values=(
            _range_text(*ra), _range_text(*rb)))  # fmt: skip
    for (i, j, conflict), sim in zip(pairs, _pair_sims(alignment.sims, pairs), strict=True):
        a, b = sorted((statements[i], statements[j]), key=lambda s: (s.article_id, s.span.start))
        # Grouped or refused, the pair must be close in meaning: a group can hold a reworded
        # pair the embedding scores low, whose differences are more often two facts.
        if not _same_thing(a, b, sim, min_sim, min_shared):
            continue
        found = _kind(a, b, conflict, texts, negation_overlap, sim >= close_sim)
        if found is None:
            continue
        if (a.quote_id or b.quote_id) and found[0] not in _FACT_KINDS:
            continue  # a speaker's words: a dispute or a quote variant, not the outlets disagreeing
        kind, note = found
        values = _values(kind, note, a.text, b.text)
        if kind == "number" and _grew(a.article_id, values[0], b.article_id, values[1], published or {}):
            continue
        cid = content_id(a.id, b.id, kind, prefix="c_")
        out[cid] = Contradiction(id=cid, kind=kind, a=_side(a), b=_side(b), note=note, values=values)
    units = _units(statements, texts or {})
    unit_of = {statements[i].id: unit for unit, (_, members) in units.items() for i in members}
    told = {_told(c, unit_of) for c in out.values()}
    for found in _attribute_contradictions(statements, units, published or {}):
        # the paths above may have told this one already ("the 400 block" read as a count)
        if _told(found, unit_of) not in told and _told(found, unit_of, "number") not in told:
            out.setdefault(found.id, found)
    return [out[k] for k in sorted(out)]


# A sentence of the story: (article id, start, end) -> its text and the statements cut from it.
_Unit = tuple[str, int, int]


_PAST = re.compile(r"\b(?:was|were|had|did)\b|\b[a-z]{3,}ed\b|\b(?:has|have)\s+(?:[a-z]+ly\s+)?[a-z]{3,}\b")


def _other_days(a: str, b: str) -> bool:
    """The two sentences name weekdays and no weekday in common: two days' events ("about 5,000
    attended the rally on Monday" / "about 9,000 attended the rally on Saturday")."""
    da, db = _event_days(a), _event_days(b)
    return bool(da and db and not da & db)


def _other_places(a: str, b: str) -> bool:
    """Both sentences place their event and neither names the other's place ("attended the rally
    in Carrowmere" / "in Lindvale"): two events."""
    pa, pb = _places(a), _places(b)
    if not pa or not pb:
        return False
    low_a, low_b = a.lower(), b.lower()
    return not any(p in low_b for p in pa) and not any(p in low_a for p in pb)


# "the 1,237 delegates needed to clinch", "the 60 votes required to pass": a participle after a
# count tells what the count is for, not that something happened
_COUNT_PARTICIPLE = re.compile(r"(\b\d[\d,.]*(?:\s+[a-z][\w-]*){1,2}?)\s+(?:needed|required)(?=\s+to\s)")


def _plan_and_report(a: str, b: str) -> bool:
    """One sentence tells a plan ("will be held on May 14", "is set for") and the other what
    happened ("was held on April 30"): two moments, not one told twice. A sentence in the
    present ("who faces a primary in mid-May") can be either."""
    if _future(a) == _future(b):
        return False
    reported = b if _future(a) else a
    return bool(_PAST.search(_COUNT_PARTICIPLE.sub(r"\1", _FUTURE.sub(" ", reported))))


# "will face voters next month", "in two weeks": a moment ahead a plan names without a date
_AHEAD = re.compile(
    r"\b(?:next|coming)\s+(?:week|month|year|spring|summer|fall|autumn|winter)\b"
    r"|\bin\s+(?:a|an|two|three|four|five|six|\d+)\s+(?:days?|weeks?|months?|years?)\b",
    re.IGNORECASE,
)


def _plan_dated(a: str, b: str) -> bool:
    """Of a plan and a report (see :func:`_plan_and_report`), the plan names when it comes ("Trial
    is set for June 17 for 26-year-old Dana Varsk"): an age beside it may be the age then. A plan
    with no moment ("Ada Morrow, 74, will not run again") gives the person's age now."""
    plan = a if _future(a) else b
    return bool(_calendar_dates(plan) or _event_days(plan) or _AHEAD.search(plan))


def _told(c: Contradiction, unit_of: Mapping[str, _Unit], kind: str = "") -> tuple[frozenset[_Unit], str]:
    """The two sentences a contradiction cites, and its kind."""
    return frozenset((unit_of[c.a["statement_id"]], unit_of[c.b["statement_id"]])), kind or c.kind


def _units(statements: Sequence[Statement], texts: Mapping[str, str]) -> dict[_Unit, tuple[str, list[int]]]:
    out: dict[_Unit, tuple[str, list[int]]] = {}
    for i, st in enumerate(statements):
        span = st.sentence or st.span
        text = texts.get(st.article_id)
        sentence = text[span.start : span.end] if text is not None else st.text
        start = span.start if text is not None else st.span.start
        out.setdefault((st.article_id, start, start + len(sentence)), (sentence, []))[1].append(i)
    return _clock_cuts_joined(out, texts)


# A sentence the splitter cut after a clock time's "a.m." ("was arrested around 10:24 a.m." /
# "Friday and charged with two counts ..."): the rest opens with a weekday or a lower-case word.
_CUT_AT_CLOCK = re.compile(r"\b[ap]\.m\.$", re.IGNORECASE)


def _clock_cuts_joined(
    units: dict[_Unit, tuple[str, list[int]]], texts: Mapping[str, str]
) -> dict[_Unit, tuple[str, list[int]]]:
    """Units cut after a clock time joined again with the rest of their sentence, so a value
    and the words that tell what it is of ("arrested", "charged") stand in one unit."""
    out: dict[_Unit, tuple[str, list[int]]] = {}
    last: _Unit | None = None
    for unit in sorted(units):
        sentence, members = units[unit]
        text = texts.get(unit[0])
        if (
            last is not None
            and text is not None
            and last[0] == unit[0]
            and _CUT_AT_CLOCK.search(out[last][0])
            and not text[last[2] : unit[1]].strip()
            and (sentence[0].islower() or sentence.split()[0].lower().strip(",") in _WEEKDAYS)
        ):
            joined = (last[0], last[1], unit[2])
            out[joined] = (text[last[1] : unit[2]], out.pop(last)[1] + members)
            last = joined
            continue
        out[unit] = (sentence, list(members))
        last = unit
    return out


def _attribute_contradictions(
    statements: Sequence[Statement],
    units: Mapping[_Unit, tuple[str, list[int]]],
    published: Mapping[str, str] | None = None,
) -> list[Contradiction]:
    """One attribute of one thing (a clock time, a street block, an interval) given two values by
    two articles, whether or not alignment paired their sentences (see
    :mod:`newsprism.compare.attributes`). Values inside quote marks are a speaker's, not the
    outlet's, and are left to disputes."""
    found: list[tuple[_Unit, Mention, _Unit, Mention]] = []
    by_key: dict[tuple[str, str], list[tuple[_Unit, Mention]]] = {}
    articles: dict[str, list[str]] = {}
    for unit, (text, _) in units.items():
        articles.setdefault(unit[0], []).append(text)
    first: dict[tuple[str, str, str], float | str] = {}
    read = _article_mentions(articles)
    for unit, (text, members) in sorted(units.items()):
        quoted = quoted_spans(text)
        # a sentence that is all quote still names its speaker in the outlet's words (the title)
        spoken = all(statements[i].quote_id for i in members)
        for found_m in read[text]:
            m = _with_holder(_with_given(found_m, " ".join(articles[unit[0]])), " ".join(articles[unit[0]]))
            if m is None:
                continue
            outlets = m.kind in _REPORTED or not spoken or _in_opening_phrase(text, m)
            if outlets and not any(s <= m.start < e for s, e in quoted):
                if m.kind in _OWN_FIGURE and first.setdefault((unit[0], m.kind, m.key), m.value) != m.value:
                    continue  # a second figure the article gives is another source's (see _OWN_FIGURE)
                by_key.setdefault((m.kind, m.key), []).append((unit, m))
    for (kind, _key), items in by_key.items():
        # An article giving two sums of one currency tells two things or two estimates (a bill and
        # its part, two packages, a first figure and a revised one), two tallies of one body two
        # votes (a procedural one and the final one): only an article's one value is compared.
        if kind in ("money", "tally"):
            sums: dict[str, set[float | str]] = {}
            for unit, m in items:
                sums.setdefault(unit[0], set()).add(m.value)
            items[:] = [(unit, m) for unit, m in items if len(sums[unit[0]]) == 1]
    tied: set[tuple[_Unit, _Unit]] = set()
    for clocks in (False, True):
        for (kind, _), items in sorted(by_key.items()):
            if (kind == "clock") != clocks:
                continue
            for k, (ua, ma) in enumerate(items):
                for ub, mb in items[k + 1 :]:
                    if ma.value == mb.value:
                        continue  # one value twice disagrees on nothing (same_attribute's first test)
                    ta, tb = units[ua][0], units[ub][0]
                    if (
                        ua[0] == ub[0]
                        # a plan and a report, or what did not happen and what did: two things
                        # (a person's title is theirs whatever the sentence tells of them)
                        or kind not in _PERSONAL
                        and _two_events(ta, ma, tb, mb)
                        or not same_attribute(ta, ma, tb, mb, (ua, ub) in tied or (ub, ua) in tied)
                        or _update(kind, ua[0], ma, ub[0], mb, published or {})
                        or kind == "age"
                        and _plan_and_report(ta, tb)
                        and _plan_dated(ta, tb)
                        or kind in ("full_name", "nickname")
                        and _both_spellings(articles[ua[0]], articles[ub[0]], ma, mb)
                        or kind == "calendar"
                        and _past_and_coming(ma, published.get(ua[0]), mb, published.get(ub[0]))
                    ):
                        continue
                    found.append((ua, ma, ub, mb))
                    tied.add((ua, ub))
    found += _anonymous_ages(units, by_key, published or {})
    found += _group_ages(units, by_key, published or {})
    # a measure read as a plain count too ("60 metres" counts metres): told once, as the measure
    measured = {frozenset((ua, ub)) for ua, ma, ub, _ in found if ma.kind in _MEASURED}
    found = [f for f in found if f[1].kind != "count" or frozenset((f[0], f[2])) not in measured]
    out = [_attribute_contradiction(statements, units, *f) for f in found]
    return out + _remark_days(statements, units)


# "Finally, with the city's April 19 primary looming, the mayor tweeted ...": a phrase opening
# the sentence, before its speaker, in which no one speaks, is the outlet's setting of the scene
_OPENING_PHRASE = re.compile(
    r"^\W*(?:[A-Za-z]+,\s+)?(?:with|after|before|ahead\s+of|following|as)\b[^,;:\"“”]*,", re.IGNORECASE
)


def _in_opening_phrase(text: str, m: Mention) -> bool:
    """The value stands in a phrase opening a sentence the quote stage holds as speech, and the
    phrase tells no one's words: the outlet's value, not the speaker's."""
    opening = _OPENING_PHRASE.match(text)
    return bool(
        opening and m.end <= opening.end() and not _SAYING_WORDS & set(_COMMON.findall(opening.group(0)))
    )


def _article_mentions(articles: Mapping[str, Sequence[str]]) -> dict[str, tuple[Mention, ...]]:
    """Each sentence's :func:`mentions`, kept per article in the run's store (a cached brief
    reads them back instead of running every value reader over every sentence)."""
    out: dict[str, tuple[Mention, ...]] = {}
    for texts in articles.values():
        out.update(
            zip(texts, kept_mentions(texts, mentions, _encode_mentions, _decode_mentions), strict=True)
        )
    return out


def _encode_mentions(found: list[tuple[Mention, ...]]) -> bytes:
    rows = [[[m.kind, m.key, m.value, m.shown, m.start, m.end, m.sex] for m in ms] for ms in found]
    return json.dumps(rows).encode("utf-8", "surrogatepass")


def _decode_mentions(data: bytes) -> list[tuple[Mention, ...]]:
    return [tuple(Mention(*m) for m in ms) for ms in json.loads(data.decode("utf-8", "surrogatepass"))]


_MEASURED = frozenset(["length", "magnitude", "money"])
# An article giving two values of one measure tells two sources' figures ("a magnitude-5.2 quake,
# state television says" ... "the U.S. Geological Survey put it at magnitude-5.4"): its first is
# its own, the rest are compared with nothing.
_OWN_FIGURE = frozenset(["magnitude"])


def _both_spellings(texts_a: Sequence[str], texts_b: Sequence[str], a: Mention, b: Mention) -> bool:
    """Either article writes both spellings of the name: two people, or a typo it corrects itself."""
    words = {str(a.value), str(b.value)}
    return any(all(re.search(rf"\b{w}\b", " ".join(texts)) for w in words) for texts in (texts_a, texts_b))


def _anonymous_ages(
    units: Mapping[_Unit, tuple[str, list[int]]],
    by_key: Mapping[tuple[str, str], list[tuple[_Unit, Mention]]],
    published: Mapping[str, str],
) -> list[tuple[_Unit, Mention, _Unit, Mention]]:
    """An age told without a name ("a 60-year-old woman") against a named person's ("61-year-old
    Ada Lee Morrow") when each article can mean one person only: the unnamed article gives one
    age for anyone, the named article names one aged person and no unnamed one, the ages are
    a year or two apart, and the two sentences name someone or somewhere in common and share a word
    (the same name, and "charged" / "charged", "arrested" / "arrested")."""
    ages: dict[str, set[int]] = {}
    named: dict[str, set[str]] = {}
    anonymous: dict[str, list[tuple[_Unit, Mention]]] = {}
    named_items: dict[str, list[tuple[_Unit, Mention]]] = {}
    for (kind, key), items in by_key.items():
        for unit, m in items:
            if kind == "anonymous_age":
                ages.setdefault(unit[0], set()).add(int(m.value))
                anonymous.setdefault(unit[0], []).append((unit, m))
            elif kind == "age":
                ages.setdefault(unit[0], set()).add(int(str(m.value).split("|")[0]))
                named.setdefault(unit[0], set()).add(key)
                named_items.setdefault(unit[0], []).append((unit, m))
    out = []
    for art_a, items_a in sorted(anonymous.items()):
        if len(ages[art_a]) != 1:
            continue
        for art_b, items_b in sorted(named_items.items()):
            if art_b == art_a or len(named[art_b]) != 1 or art_b in anonymous or len(ages[art_b]) != 1:
                continue
            for ua, ma in items_a:
                for ub, mb in items_b:
                    ta, tb = units[ua][0], units[ub][0]
                    age_b = int(str(mb.value).split("|")[0])
                    if (
                        0 < abs(int(ma.value) - age_b) <= _ANONYMOUS_AGE_SPAN
                        and name_shared(ta, tb)
                        and _event_words(ta) & _event_words(tb)
                        and not _two_events(ta, ma, tb, mb)
                        and not _grew(ua[0], str(ma.value), ub[0], str(age_b), published)
                    ):
                        out.append((ua, ma, ub, mb))
                        break
                else:
                    continue
                break
    return out


def _group_ages(
    units: Mapping[_Unit, tuple[str, list[int]]],
    by_key: Mapping[tuple[str, str], list[tuple[_Unit, Mention]]],
    published: Mapping[str, str],
) -> list[tuple[_Unit, Mention, _Unit, Mention]]:
    """A group's ages told as a list ("two women -- 68 and 48-years-old") against another
    article's list or one sentence's named ages ("Ada Vell, 48, and Bo Lind, 61"): as many ages,
    all but one the same, the two left a few years apart, and the two sentences naming someone
    or something in common or sharing a word of the event. One person's age told two ways; two
    groups of one size rarely share all ages but one."""
    lists: dict[_Unit, list[tuple[Mention, list[int]]]] = {}
    for (kind, _), items in by_key.items():
        for unit, m in items:
            if kind == "group_ages":
                lists.setdefault(unit, []).append((m, [int(x) for x in str(m.value).split("|")]))
    named: dict[_Unit, list[Mention]] = {}
    for (kind, _), items in by_key.items():
        if kind == "age":
            for unit, m in items:
                named.setdefault(unit, []).append(m)
    for unit, ms in named.items():
        if len(ms) >= 2:
            lists.setdefault(unit, []).append((ms[0], [int(str(m.value).split("|")[0]) for m in ms]))
    out = []
    for ua, ga in sorted(lists.items()):
        for ma, ages_a in ga:
            if ma.kind != "group_ages":
                continue
            for ub, gb in sorted(lists.items()):
                if ub[0] == ua[0]:
                    continue
                for mb, ages_b in gb:
                    odd = _one_age_apart(ages_a, ages_b)
                    ta, tb = units[ua][0], units[ub][0]
                    if (
                        odd is None
                        or (mb.kind == "group_ages" and ub < ua)  # two lists: told once
                        or not (name_shared(ta, tb) or _event_words(ta) & _event_words(tb))
                        or _grew(ua[0], str(odd[0]), ub[0], str(odd[1]), published)
                    ):
                        continue
                    if mb.kind == "age":
                        mb = next(m for m in named[ub] if int(str(m.value).split("|")[0]) == odd[1])
                    out.append((ua, ma, ub, mb))
    return out


# Two lists of a group's ages disagree on one person when one age differs by this much at most.
_GROUP_AGE_SPAN = 10


def _one_age_apart(a: list[int], b: list[int]) -> tuple[int, int] | None:
    """The one age of list ``a`` and the one of ``b`` left when the others pair off, if the two
    lists are as long, all but one alike, and the two left a few years apart."""
    if len(a) != len(b) or len(a) < 2:
        return None
    left_a, left_b = list(a), list(b)
    for x in a:
        if x in left_b:
            left_a.remove(x)
            left_b.remove(x)
    if len(left_a) != 1 or not 0 < abs(left_a[0] - left_b[0]) <= _GROUP_AGE_SPAN:
        return None
    return left_a[0], left_b[0]


# An unnamed person and a named one are one person's ages only this close.
_ANONYMOUS_AGE_SPAN = 2


def _event_words(text: str) -> frozenset[str]:
    """Stems of the lower-case content words of a sentence that are no age or person word."""
    return frozenset(stem(w) for w in _COMMON.findall(text) if w not in STOPWORDS and "year" not in w
                     and w not in _DATE_WORDS and w not in _SAYING_WORDS)  # fmt: skip


_LEADING_NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?")


def _grew(article_a: str, value_a: str, article_b: str, value_b: str, published: Mapping[str, str]) -> bool:
    """The article published on a later day gives the larger count: a toll, a tally or a
    total that grew between two reports ("killed three" on Monday, "a total of 10" on Tuesday),
    not one count told two ways. Reports of one day, or undated ones, are compared."""
    day_a, day_b = (published.get(article_a) or "")[:10], (published.get(article_b) or "")[:10]
    xa, xb = _LEADING_NUMBER.match(value_a), _LEADING_NUMBER.match(value_b)
    if not day_a or not day_b or day_a == day_b or xa is None or xb is None:
        return False
    na, nb = float(xa.group(0).replace(",", "")), float(xb.group(0).replace(",", ""))
    return (na > nb) == (day_a > day_b) and na != nb


def _update(
    kind: str, article_a: str, a: Mention, article_b: str, b: Mention, published: Mapping[str, str]
) -> bool:
    """Two values a later report may have updated: a count or an age that grew by the later
    day. A toll (killed, injured, arrested) grows through a story's first hours and days, so
    two undated tolls are never compared: nothing tells an update from a disagreement."""
    if kind == "toll" and not (published.get(article_a) and published.get(article_b)):
        return True
    return kind in ("count", "toll", "age") and _grew(
        article_a, str(a.value), article_b, str(b.value), published
    )


def _side_of_day(m: Mention, published: str | None) -> int:
    """-1 when a calendar date ("month:first:last") lies wholly before the day its article was
    published, 1 wholly after, 0 when it holds that day or the article is undated (the year taken
    as the nearest: "Jan. 3" in a December article is the coming one)."""
    try:
        day = date.fromisoformat((published or "")[:10])
    except ValueError:
        return 0
    month, first, last = (int(x) for x in str(m.value).split(":"))
    sides = set()
    for d in (first, last):
        near = min(
            (date(y, month, min(d, monthrange(y, month)[1])) for y in (day.year - 1, day.year, day.year + 1)),
            key=lambda c: abs((c - day).days),
        )
        sides.add((near > day) - (near < day))
    return sides.pop() if len(sides) == 1 else 0


def _past_and_coming(a: Mention, published_a: str | None, b: Mention, published_b: str | None) -> bool:
    """Articles of days close together, one date passed when its article was written and the
    other still to come when its article was: no event is both done and ahead ("Lind, who won
    the April 30 primary" / "Lind is favored in the May 15 primary", both of May 2: two
    primaries). Weeks apart, the earlier article may have dated the event wrong."""
    try:
        apart = abs(
            (date.fromisoformat((published_a or "")[:10]) - date.fromisoformat((published_b or "")[:10])).days
        )
    except ValueError:
        return False
    return apart <= _CLOSE_DAYS and {_side_of_day(a, published_a), _side_of_day(b, published_b)} == {-1, 1}


_CLOSE_DAYS = 3


def _with_given(m: Mention, article: str) -> Mention | None:
    """An age given to a surname alone ("Morrow, 74,") takes the one given name its article
    writes before that surname; none, or two people of that name, and it is nobody's. A courtesy
    title leaves out the given names of the other sex ("Mrs. Clinton, 68," with Bill and Hillary
    Clinton named: Hillary)."""
    if m.kind != "age" or not str(m.value).endswith("|"):
        return m
    given = given_names(article, m.key)
    if m.sex:
        given = frozenset(g for g in given if given_sex(f"{g} {m.key}") in (None, m.sex))
    return dataclasses.replace(m, value=f"{m.value}{next(iter(given))}") if len(given) == 1 else None


def _with_holder(m: Mention | None, article: str) -> Mention | None:
    """A prison term or a dated act told of "he" or "she" is the article's main person's, or
    nobody's."""
    if m is None or m.kind not in ("prison", "act_date") or m.key.split("|")[0]:
        return m
    main = main_person(article)
    return dataclasses.replace(m, key=f"{main}{m.key}") if main else None


def _two_events(ta: str, ma: Mention, tb: str, mb: Mention) -> bool:
    """The two sentences tell two events (a plan and a report, two days, two places, what did not
    happen and what did), so their values are two events' values."""
    return (
        _plan_and_report(clause(ta, ma), clause(tb, mb))
        or _other_days(ta, tb)
        or _other_places(ta, tb)
        or _denies(_main_part(ta, ma)) != _denies(_main_part(tb, mb))
        or _other_parties(ta, tb)
    )


# "Although no debate will take place, both campaign before the June 7 primary": a clause opening
# the sentence that concedes another fact; its negation denies that fact, not the dated event
_CONCESSIVE = re.compile(r"^\W*(?:although|though|even\s+though|even\s+as|while)\b[^,;]*,", re.IGNORECASE)


def _main_part(text: str, m: Mention) -> str:
    """The sentence without an opening concessive clause, when the value stands after it."""
    opening = _CONCESSIVE.match(text)
    return text[opening.end() :] if opening and opening.end() <= m.start else text


# "released without bail", "landed without incident": what happened, told with what did not come
# with it; the event itself is not denied.
_WITHOUT = re.compile(r"\bwithout\b", re.IGNORECASE)


# A party's name: "the Democratic race", "its GOP primary" (two parties' contests of one state are
# two events, whatever else the sentences share)
_PARTY = re.compile(r"\b(?:(Democratic|Democrats?)|(Republicans?|GOP))\b")


def _other_parties(a: str, b: str) -> bool:
    """Each sentence names a party and none the other names: two parties' events."""
    pa = {"d" if m.group(1) else "r" for m in _PARTY.finditer(a)}
    pb = {"d" if m.group(1) else "r" for m in _PARTY.finditer(b)}
    return bool(pa and pb and not pa & pb)


@lru_cache(maxsize=_CACHE)  # asked of both sentences of every pair of values
def _denies(text: str) -> bool:
    """The sentence tells what did not happen (a negation outside quote marks, "without" none)."""
    return _negated(_WITHOUT.sub(" ", without_quoted(text)))


def _remark_days(
    statements: Sequence[Statement], units: Mapping[_Unit, tuple[str, list[int]]]
) -> list[Contradiction]:
    """One remark (the same quoted words) dated by two articles to two weekdays ("told the radio
    on Monday night" / "said on Tuesday")."""
    dated = [(unit, found) for unit, (text, _) in units.items() if (found := remark_day(text))]
    out = []
    for k, (ua, (da, wa)) in enumerate(dated):
        for ub, (db, wb) in dated[k + 1 :]:
            if ua[0] != ub[0] and da != db and same_remark(wa, wb):
                (a, va), (b, vb) = sorted(((ua, da), (ub, db)))
                sa, sb = _sentence_side(statements, units, a), _sentence_side(statements, units, b)
                cid = content_id(sa["statement_id"], sb["statement_id"], "remark", prefix="c_")
                out.append(
                    Contradiction(
                        id=cid, kind="date", a=sa, b=sb, note=f"said on {va} vs on {vb}", values=(va, vb)
                    )
                )
    return out


def _sentence_side(
    statements: Sequence[Statement], units: Mapping[_Unit, tuple[str, list[int]]], unit: _Unit, at: int = -1
) -> dict:
    """A sentence as one side of a contradiction, cited by its statement holding offset ``at``
    (else its first)."""
    text, members = units[unit]
    st = next((statements[i] for i in members if statements[i].span.start <= at < statements[i].span.end),
              statements[members[0]])  # fmt: skip
    return {
        "statement_id": st.id,
        "article_id": st.article_id,
        "text": text,
        "start": unit[1],
        "end": unit[2],
    }


# What a reader is told disagrees: the time, the date (an interval before an event dates it), the
# place, the count, or how a name is spelled.
_KINDS = {
    "calendar": "date",
    "clock": "time",
    "interval": "date",
    "block": "place",
    "count": "number",
    "name": "name",
    "title": "title",
    "age": "age",
    "toll": "number",
    "length": "number",
    "magnitude": "number",
    "money": "number",
    "full_name": "name",
    "anonymous_age": "age",
    "tally": "number",
    "office_start": "years",
    "birth": "years",
    "children": "number",
    "nickname": "name",
    "home": "place",
    "prison": "number",
    "tenure": "years",
    "group_ages": "age",
    "sale_year": "date",
    "act_date": "date",
}
# A person's title, age or start in an office is theirs whatever the sentence tells of them (a
# plan, another day, what they will not do).
_PERSONAL = frozenset(
    ["title", "age", "office_start", "birth", "children", "nickname", "home", "prison", "tenure", "act_date"]
)
# Values an outlet reports from a source in its own words ("killing five people, Iranian media
# said"): read in sentences the quote stage holds as speech, outside their quote marks.
_REPORTED = _PERSONAL | {"toll", "length", "magnitude", "money", "anonymous_age"}


def _attribute_contradiction(
    statements: Sequence[Statement],
    units: Mapping[_Unit, tuple[str, list[int]]],
    ua: _Unit,
    ma: Mention,
    ub: _Unit,
    mb: Mention,
) -> Contradiction:
    def side(unit: _Unit, m: Mention) -> dict:
        return _sentence_side(statements, units, unit, unit[1] + m.start)

    (a, va), (b, vb) = sorted(
        ((side(ua, ma), ma), (side(ub, mb), mb)), key=lambda s: (s[0]["article_id"], s[0]["start"])
    )
    kind = _KINDS[va.kind]
    note = f"{va.shown} vs {vb.shown}"
    if kind == "number":  # the counted thing keys the fact (see _fact_key)
        note = f"{va.key.rstrip('~')}: {note}"
    cid = content_id(a["statement_id"], b["statement_id"], f"{va.kind}:{va.key}", prefix="c_")
    return Contradiction(id=cid, kind=kind, a=a, b=b, note=note, values=(va.shown, vb.shown))


# Role words are no one's name: two statements naming "the Council" are not about one person.
_ROLES = frozenset(
    """senator senate sen rep representative congressman congresswoman congress house governor gov
    president vice mayor judge justice secretary minister chancellor former state chairman chair
    leader speaker member deputy""".split()  # noqa: SIM905
)


def _term_pairs(
    statements: Sequence[Statement], texts: Mapping[str, str] | None = None
) -> list[tuple[int, int]]:
    """Statements of different articles that give one person's years in office differently,
    whether or not alignment paired them (the rest of two such sentences often differ): each
    gives one span of years, next to the same word ("served") or the same office ("served in
    the Senate" / "a senator", see :func:`_office_words`; not "a senator" / "chaired the farm
    committee"), the two spans overlap by half the shorter
    at least (two terms of one person, or two people, seldom do) and differ, and the two
    sentences share a name that is no role word."""
    spans = [(i, next(iter(r))) for i, st in enumerate(statements) if len(r := _year_ranges(st.text)) == 1]
    out = []
    for k, (i, ra) in enumerate(spans):
        for j, rb in spans[k + 1 :]:
            a, b = statements[i], statements[j]
            if a.article_id == b.article_id or ra == rb:
                continue
            if not _spans_overlap(ra, rb) or a.polarity != b.polarity:
                continue
            named = _person_named(_sentence_of(a, texts or {}), _sentence_of(b, texts or {}))
            if not named:
                continue
            # by office, the name shared is the holder's, not the office's ("to the United States")
            # the holder's own name next to both spans is no office ("Ada Morrow served ..." /
            # "Ada Morrow (1920-1999)": a term and a life)
            oa, ob = _span_office(a, texts or {}), _span_office(b, texts or {})
            if _offices_apart(oa, ob) or _KIN_MARK in oa | ob:
                continue  # "in the House from 1959 to 1967" / "in the Senate from 1961 to 1979"
            office = oa & ob - {n[:_PREFIX] for n in named}
            if (
                _same_event(a.text, b.text, _YEAR_RANGE)
                or {n for n in named if n[:_PREFIX] not in office}
                and office
            ):
                out.append((i, j))
    return out


def _sentence_of(st: Statement, texts: Mapping[str, str]) -> str:
    """The sentence a statement was cut from (a clause "who served from 1967 to 1979" names
    nobody; its sentence does)."""
    text = texts.get(st.article_id)
    if text is None or st.sentence is None:
        return st.text
    return text[st.sentence.start : st.sentence.end]


_OPENER = re.compile(r"^\W*([A-Z][\w'’-]*[a-z])\b")


def _person_named(a: str, b: str) -> frozenset[str]:
    """The names both sentences give (no role word). A sentence's first word is
    a name when the other sentence has it as one, or opens with it too ("Morrow held the seat"
    / "Ada Morrow, who held the seat")."""
    na, nb = _names(a), _names(b)
    oa, ob = _OPENER.match(a), _OPENER.match(b)
    wa = oa.group(1).lower() if oa else ""
    wb = ob.group(1).lower() if ob else ""
    if wa and wa not in STOPWORDS and (wa in nb or wa == wb):
        na = na | {wa}
    if wb and wb not in STOPWORDS and wb in na:
        nb = nb | {wb}
    return (na & nb) - _ROLES


# Words that hold an office for a span of years: the office itself is named next to the span.
_HOLDING = frozenset(
    "served serving serve held holding represented representing was were elected led".split()  # noqa: SIM905
)
_OFFICE_WORDS = re.compile(r"[A-Za-z][\w'’-]*")
_PREFIX = 5


# An office by the words news copy names it with (a title before a name, the body, the holder):
# "Sen. Ada Morrow", "a senator", "in the Senate" are one office; "Gov." and "led the state" not.
_OFFICES = {
    "senate": "senate", "senator": "senate", "sen": "senate", "house": "house", "representative": "house",
    "rep": "house", "congressman": "house", "congresswoman": "house", "governor": "governor",
    "gov": "governor", "governorship": "governor", "mayor": "mayor", "president": "president",
    "presidency": "president",
}  # fmt: skip
_OFFICE_MARK = "office:"
_JURISDICTIONS = frozenset("state city seat office post chamber district country nation county".split())  # noqa: SIM905
# "whose father served in the Senate from 1967 to 1979", "Ada Morrow's husband, Bo, was a senator
# from ...": the years are a relative's, not those of the person the sentence names
_KIN = re.compile(
    r"\b(?:father|mother|husband|wife|son|daughter|brother|sister|grandfather|grandmother|uncle|aunt|"
    r"widow|widower|predecessor|successor)s?\b",
    re.IGNORECASE,
)
_KIN_MARK = "kin:"


def _office_words(text: str) -> set[str]:
    """First letters (five) of the words, capitalised ones too, in the two words before each
    span of years in its clause, function words and verbs of holding left out ("served in the
    Senate from" -> senat; "a senator from" -> senat); and the office those words name
    ("office:senate"), else the office named last before the span in ``text`` ("Gov. Ada
    Morrow, who led the state from 1966 to 1978" -> office:governor)."""
    out = set()
    for at, _, _ in _span_matches(text):
        pieces = clause_pieces(text[max(0, at - 80) : at])
        head = pieces[-1]
        kept = _office_kept(head)
        if not kept and len(pieces) > 1 and not pieces[-1].strip(" from"):
            # "served two terms in the Senate, from 1967 to 1979": the span closes the clause before
            head = pieces[-2]
            kept = _office_kept(head)
        out.update(w[:_PREFIX] for w in kept if len(w) >= _PREFIX)
        # the clause names only the holder ("Sen. Ada Morrow (1967-1979)") or where the office
        # was held ("who led the state"), or nothing: the office is the one the sentence names
        # last before the span; not "lived in Carrowmere"
        near = _kept_as_written(head)
        bare = all(w[0].isupper() or w.lower() in _JURISDICTIONS for w in near)
        named = _offices_in(" ".join(near)) or (_offices_in(text[:at])[-1:] if bare else [])
        out.update(_OFFICE_MARK + o for o in named)
        if _KIN.search(text[:at]):
            out.add(_KIN_MARK)
    return out


def _offices_in(text: str) -> list[str]:
    return [_OFFICES[w.lower()] for w in _OFFICE_WORDS.findall(text) if w.lower() in _OFFICES]


def _offices_apart(a: set[str], b: set[str]) -> bool:
    """Both spans name an office and no office in common: two offices' terms."""
    oa, ob = {w for w in a if w.startswith(_OFFICE_MARK)}, {w for w in b if w.startswith(_OFFICE_MARK)}
    return bool(oa and ob and not oa & ob)


def _span_office(st: Statement, texts: Mapping[str, str]) -> set[str]:
    """The office words of a statement's span of years, read in its sentence when that gives the
    same one span (a clause "from 1966 to 1978, died on Saturday" or "who served 1967-1979" names
    no office; its sentence does: "a senator from Vessia,", "Former Sen. Ada Morrow")."""
    sentence = _sentence_of(st, texts)
    if sentence != st.text and _year_ranges(sentence) == _year_ranges(st.text):
        return _office_words(sentence)
    return _office_words(st.text)


def _office_kept(head: str) -> list[str]:
    return [w.lower() for w in _kept_as_written(head)]


def _kept_as_written(head: str) -> list[str]:
    """The last two words of ``head`` that are no function word, verb of holding or date word."""
    words = _OFFICE_WORDS.findall(head)
    return [
        w
        for w in words
        if (low := w.lower()) not in STOPWORDS and low not in _HOLDING and low not in _DATE_WORDS
    ][-2:]


def _values(kind: str, note: str, a: str, b: str) -> tuple[str, str]:
    """What each side says: the two halves of ``note`` ("people: 12 vs 21" -> "12", "21")."""
    if kind == "negation":
        return ("denies" if negations(a) else "asserts"), ("denies" if negations(b) else "asserts")
    what, _, pair = note.rpartition(": ") if kind == "number" else ("", "", note)
    va, _, vb = pair.partition(" vs ")
    unit = f" {what}" if what else ""
    return f"{va}{unit}", f"{vb}{unit}"


def _fact_key(c: Contradiction) -> str:
    """The fact a contradiction is about: its kind and, for counts, what is counted."""
    return f"{c.kind}:{c.note.rpartition(': ')[0]}" if c.kind == "number" else c.kind


def group_contradictions(contradictions: Sequence[Contradiction]) -> list[dict]:
    """One row per fact: pairwise contradictions of one kind (one counted thing) that share a
    statement are one fact, listed once with each value and the statements (outlets) carrying
    it — 60 outlets giving 5 values make one row, not 1,440 pairs."""
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        while parent.setdefault(x, x) != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for c in contradictions:
        key = _fact_key(c)
        parent[find(f"{key}|{c.a['statement_id']}")] = find(f"{key}|{c.b['statement_id']}")
    rows: dict[str, dict] = {}
    for c in contradictions:
        root = find(f"{_fact_key(c)}|{c.a['statement_id']}")
        row = rows.setdefault(root, {"kind": c.kind, "values": {}, "pairs": []})
        row["pairs"].append(c.id)
        for side, value in zip((c.a, c.b), c.values, strict=True):
            sides = row["values"].setdefault(value, {})
            sides.setdefault(side["statement_id"], side)
    out = []
    for row in rows.values():
        values = [
            {"value": v, "sides": sorted(s.values(), key=lambda e: (e["article_id"], e["start"]))}
            for v, s in sorted(row["values"].items())
        ]
        first = min(row["pairs"])
        out.append({"id": "cg_" + first.removeprefix("c_"), "kind": row["kind"], "values": values,
                    "pairs": sorted(row["pairs"])})  # fmt: skip
    return sorted(out, key=lambda r: r["id"])
