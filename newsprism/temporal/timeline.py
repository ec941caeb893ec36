"""Dated events on one timeline, merged across outlets, with date conflicts shown.

Each sentence (or statement, once a later stage fills ``Analysis.statements``) that
carries a temporal expression resolved to a calendar day becomes a candidate event.
Candidates from several outlets that say the same thing (shared content words,
compared with rapidfuzz so spelling variants count) merge into one entry when their
dates are compatible; when they are about the same thing but their dates cannot
both be true, the entry keeps each version and says so in ``conflict``.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import itertools
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import numpy as np
from rapidfuzz import fuzz, process

from newsprism.compare.alignment import Cosines, cosines
from newsprism.model import Article, Span, TimelineEntry, Timex
from newsprism.settings import TimelineSettings
from newsprism.spans import SpanIndex, SpanSet
from newsprism.temporal import calendar as cal
from newsprism.temporal import lexicon as lx
from newsprism.temporal.published import published_date
from newsprism.text import quote_regions, signpost

__all__ = ["Candidate", "build_timeline", "candidates", "sentences"]

_ROWS = 256  # similarity rows per matrix product in the grouping tests
# A day (with a clock time or part of day), or a month, a year or a decade ("199", TIMEX3's
# "the 1990s") kept at its own precision.
_DAY = re.compile(r"^(\d{4}(?:-\d\d(?:-\d\d)?)?|\d{3})(?:T(\d\d:\d\d)Z?|T(MO|MI|AF|EV|NI|DT))?$")
_PARTS = {"MO": "morning", "MI": "midday", "AF": "afternoon", "EV": "evening", "NI": "night", "DT": "daytime"}
_SENT_END = re.compile(r"(?<=[.!?])[\"”’)]?\s+(?=[\"“‘(]?[A-Z0-9])")
_ABBREV = re.compile(
    r"(?:\b[A-Z]\.|\b(?:[A-Z]\.){2,}|\b(?:Mr|Mrs|Ms|Dr|St|Gen|Sen|Rep|Gov|Lt|Col|Jan|Feb|Aug|Sept|Oct|Nov|Dec|"
    r"No|vs|a\.m|p\.m)\.)$"
)
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]+")
_STOP = frozenset(
    """about after again also against among around because been before being between both could
    during each even first from have having here into itself just more most much only other over
    said same says should since some such than that their them then there these they this those
    through under until very were what when where which while with would will your yours told
    according monday tuesday wednesday thursday friday saturday sunday morning night evening
    afternoon today yesterday tomorrow week month year january february march april june july
    august september october november december""".split()  # noqa: SIM905
)


@dataclass(frozen=True)
class Candidate:
    """One dated sentence of one article."""

    article_id: str
    span: Span
    text: str
    timex: Timex
    day: str
    time: str | None
    words: frozenset[str]
    # Every dated value in the unit: a sentence with "at 7am" and "before 4 a.m."
    # can agree with another outlet's "4 a.m." through either.
    values: tuple[tuple[str, str | None], ...] = ()  # (value, mod)
    # Sentence embedding (L2-normalised), when an embedder ran; None means words only.
    vector: Any = field(default=None, compare=False, repr=False)
    # The clause a later date of the unit opens ("said Thursday that the vote in May will ..."):
    # its words and its meaning are this candidate's, the unit is only what it cites.
    clause: str | None = None
    # A day told by another event, not yet dated ("the day after the debate"): days to add to
    # that event's day, and the stem of its head word. ``day`` is empty until resolved.
    anchored: tuple[int, str] | None = None
    # The compare stage's group of the unit's statement, when it holds other outlets' statements.
    aligned: str | None = None

    @property
    def meaning(self) -> str:
        """The text whose meaning is compared: the candidate's own clause, else the unit."""
        return self.clause or self.text


@dataclass
class _Group:
    members: list[Candidate] = field(default_factory=list)

    def articles(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(m.article_id for m in self.members))


def sentences(text: str, paragraphs: tuple[Span, ...] = ()) -> list[Span]:
    """Sentence spans of ``text``, inside paragraph spans when given."""
    blocks = paragraphs or (Span(0, len(text)),)
    spans = []
    for block in blocks:
        start = block.start
        for m in _SENT_END.finditer(text, block.start, block.end):
            if _ABBREV.search(text[max(block.start, m.start() - 12) : m.start()]):
                continue
            spans.append(Span(start, m.start()))
            start = m.end()
        if text[start : block.end].strip():
            spans.append(Span(start, block.end))
    return [_trim(text, s) for s in spans if text[s.start : s.end].strip()]


def _trim(text: str, span: Span) -> Span:
    piece = text[span.start : span.end]
    lead = len(piece) - len(piece.lstrip())
    return Span(span.start + lead, span.start + len(piece.rstrip()))


def content_words(text: str) -> frozenset[str]:
    words = (w.lower().strip("'’-") for w in _WORD.findall(text))
    return frozenset(w[:6] for w in words if len(w) > 3 and w not in _STOP)


def candidates(article: Article, units: list[Span], timexes: list[Timex]) -> list[Candidate]:
    """A candidate event for each unit holding a timex resolved to a day, month or year (one
    for each of coordinated dates: "in 2004 and 2005" is two dated events)."""
    out = []
    counted = _counted_from_a_date(article.text, timexes) + _eves(article.text, timexes)
    counted += _named_dates(article.text, article.id)
    counted += _later(article.text, timexes, published_date(article)) + _recent(article, timexes)
    ahead = _counted_from_now(article, timexes) + _days_ahead(article, timexes)
    counted += [t for t in ahead if t.span not in {c.span for c in counted}]
    recounted = SpanSet([c.span for c in counted])  # "four days earlier" counted from now by the rules
    own = [_as_month(t) for t in timexes if not recounted.overlapping(t.span.start, t.span.end)]
    dated = sorted([*own, *counted], key=lambda t: t.span.start)
    # a week shown as its month is still that week when told apart from another date of its unit
    weeks = {t.span: t.value for t in timexes if _WEEK.match(t.value)}
    # a count right after a day is counted from that day ("on March 12 - six days after the vote")
    back = SpanSet([t.span for t in counted if _counts_to_event(article.text, t)])
    pending = [
        p
        for p in _event_anchored(article.text, timexes)
        if not back.overlapping(p.timex.span.start, p.timex.span.end)
    ]
    if pending:  # "the day after the debate" is dated by the debate, never by the last date told
        taken = SpanSet([p.timex.span for p in pending])
        dated = [t for t in dated if not taken.overlapping(t.span.start, t.span.end)]
    index = SpanIndex(dated, lambda t: t.span)  # every unit against every timex was quadratic
    for before, unit in zip([None, *units[:-1]], units, strict=True):
        near = index.overlapping(unit.start - 1, unit.end + 1)  # widened: holds empty spans too
        # a timex that starts in the unit belongs to it even when the unit was cut inside it
        # ("about 12:30 a.m. | Tuesday" split at the abbreviation's period)
        inside = [
            t
            for t in near
            if unit.start <= t.span.start < unit.end
            and _DAY.match(t.value)
            and not _dateline(article.text, unit, t)
        ]
        inside = _decades_alone(_year_ranges(_ranges_as_months(inside, article.text), article.text))
        if not inside:
            continue
        text = article.text[unit.start : unit.end]
        if not content_words(text) and before is not None and _DATES_THE_LAST.match(text):
            unit = Span(before.start, unit.end)  # "That was May.": the sentence before's event
            text = article.text[unit.start : unit.end]
        if not content_words(text) or signpost(text):
            # a date line or a bare date tells when the article was written, and "Here are five
            # things to watch tonight:" what the page holds: neither is an event
            continue
        values = tuple((t.value, t.mod) for t in inside)
        chain = _coordinated(_anchor(inside, weeks), inside, article.text)
        for anchor in chain:
            if len(chain) > 1:  # each of coordinated dates is its own event, with its date only
                values = ((anchor.value, anchor.mod),)
            m = _DAY.match(anchor.value)
            assert m is not None
            time = m.group(2) or m.group(3)
            part = _PARTS.get(time or "", time)
            out.append(
                Candidate(article.id, unit, text, anchor, m.group(1), part, content_words(text), values)
            )
        for later, clause in _own_clause_dates(chain, inside, article.text, unit, weeks):
            m = _DAY.match(later.value)
            assert m is not None
            time = m.group(2) or m.group(3)
            out.append(
                Candidate(
                    article.id, unit, text, later, m.group(1), _PARTS.get(time or "", time),
                    content_words(clause), ((later.value, later.mod),), clause=clause,
                )
            )  # fmt: skip
    return out + _anchored_candidates(article, units, pending)


# A sentence that only dates the one before ("That was May.", "It was 2009.").
_DATES_THE_LAST = re.compile(r"^(?:That|This|It)\s+(?:was|is|had\s+been)\s", re.IGNORECASE)


# A day counted from an event the sentence names, not from a date: "the day after the debate",
# "two days before the vote", "hours after the shooting", "on the eve of the summit", "the
# morning after the storm".
_ANCHORED = re.compile(
    r"\b(?:(?P<n>the|a|one|two|three|four|five|six|seven)\s+days?|(?:(?:just|only|several|a\s+few|"
    r"\d+|two|three|four)\s+)?(?:hours|minutes)|the\s+(?P<eve>eve)|the\s+(?P<part>morning|night|evening))"
    r"\s+(?P<rel>after|before|following|of)\s+(?P<np>(?:the|an?|his|her|their|its|this)\s+"
    r"(?:[a-z][a-z'’-]*\s+){0,2}?(?P<head>[a-z]{4,}))(?![a-z'’-])(?!\s+(?:of|on|in|at)\s+[A-Z0-9])",
    re.IGNORECASE,
)
_AFTER = {"after": 1, "following": 1, "before": -1, "of": 0}
_SMALL = frozenset({"that", "when", "with", "from", "into", "over", "this", "said", "says"})


def _event_anchored(text: str, timexes: list[Timex]) -> list[Candidate]:
    """Days told by an event the sentence names ("the day after the debate"), as candidates
    to date once the story's timeline dates that event (:func:`resolve_anchored`). A date
    written inside the phrase or right after it ("the day after Tuesday's debate", "the vote
    on March 3") is left to the rules that count from it."""
    out = []
    for m in _ANCHORED.finditer(text):
        head = m.group("head").lower()
        rel = m.group("rel").lower()
        if head in _SMALL or head in _STOP or any(m.start("np") <= t.span.start < m.end() for t in timexes):
            continue
        if rel == "of" and not (m.group("eve") or m.group("part") or (m.group("n") or "").lower() == "the"):
            continue  # "the eve of", "the night of", "the day of"; not "two days of"
        if re.match(r"the\s+days\b", m.group(0), re.IGNORECASE):
            continue  # "in the days before the vote": a stretch of days, no one of them
        if m.group("eve") and rel != "of":
            continue
        count = lx.NUMBERS.get((m.group("n") or "").lower(), 1) if m.group("n") else 0
        if m.group("eve"):
            count = 1
        offset = -count if m.group("eve") else count * _AFTER[rel]
        if m.group("part") and rel != "of":
            offset = _AFTER[rel]
        span = Span(m.start(), m.end())
        timex = Timex(span, m.group(0), "DATE", "")
        out.append(Candidate("", span, m.group(0), timex, "", None, frozenset(), anchored=(offset, head[:6])))
    return out


def _anchored_candidates(article: Article, units: list[Span], pending: list[Candidate]) -> list[Candidate]:
    """Each event-anchored day as a candidate of its unit, with the unit's words."""
    out = []
    for p in pending:
        unit = next((u for u in units if u.start <= p.span.start < u.end), None)
        if unit is None:
            continue
        text = article.text[unit.start : unit.end]
        timex = dataclasses.replace(p.timex, article_id=article.id)
        out.append(dataclasses.replace(p, article_id=article.id, span=unit, text=text, timex=timex,
                                       words=content_words(text)))  # fmt: skip
    return out


def _date_clause_words(c: Candidate) -> frozenset[str]:
    """Stems of the punctuated clause holding the candidate's date ("The blast shook the port
    on Friday": blast, shook, port)."""
    start, end = c.timex.span.start - c.span.start, c.timex.span.end - c.span.start
    before = _CLAUSE.split(c.text[: max(0, start)])[-1]
    after = _CLAUSE.split(c.text[max(0, end) :])[0]
    return content_words(before + " " + after)


def resolve_anchored(cands: list[Candidate]) -> list[Candidate]:
    """Event-anchored days dated from the story's timeline: the day of the one event the
    phrase names (a day candidate of any outlet with the head word next to its date), plus
    the offset. When no such event is dated, or several days are, the phrase stays relative
    and off the timeline: never guessed."""
    days_of: dict[str, set[str]] = {}
    for c in cands:
        if c.anchored is None and _ISO_DAY.match(c.day):
            for w in _date_clause_words(c):
                days_of.setdefault(w, set()).add(c.day)
    out = []
    for c in cands:
        if c.anchored is None:
            out.append(c)
            continue
        offset, head = c.anchored
        days = days_of.get(head, set())
        if len(days) != 1:
            continue
        day = (dt.date.fromisoformat(next(iter(days))) + dt.timedelta(days=offset)).isoformat()
        timex = dataclasses.replace(c.timex, value=day)
        out.append(dataclasses.replace(c, day=day, timex=timex, values=((day, None),), anchored=None))
    return out


# A weekday named alone or as a possessive, with a part of its day ("Monday night's debate").
_WEEKDAY_ONLY = re.compile(
    r"^(?:(?:early|late|mid)[\s-]+)?(?:mon|tues|wednes|thurs|fri|satur|sun)day(?:\s+(?:morning|afternoon|evening|night))?$",
    re.IGNORECASE,
)


def week_flips(
    cands: list[Candidate], published: dict[str, dt.date], cfg: TimelineSettings
) -> list[Candidate]:
    """A bare weekday two or more days from its article's publication is read by its tense,
    often a guess ("the moderator of Monday night's debate" in a Friday paper: last Monday).
    When the story gives the same event the same weekday of the other week by a firm date
    (a date, "tomorrow", a weekday a day from its own paper's day), and the two share a word
    next to the date (or are alike enough to merge), the weekday takes that week: one event,
    one date."""
    firm: dict[str, list[Candidate]] = {}
    for c in cands:
        pub = published.get(c.article_id)
        if _ISO_DAY.match(c.day) and not (_loose_weekday(c, pub)):
            firm.setdefault(c.day, []).append(c)
    out = []
    for c in cands:
        pub = published.get(c.article_id)
        if pub is None or not _loose_weekday(c, pub):
            out.append(c)
            continue
        day = dt.date.fromisoformat(c.day)
        alt = (day + dt.timedelta(days=7 if day < pub else -7)).isoformat()
        if any(_same_event_words(c, d, cfg) for d in firm.get(alt, ()) if d is not c):
            value = alt + c.timex.value[10:]
            timex = dataclasses.replace(c.timex, value=value)
            values = tuple((value if v == c.timex.value else v, mod) for v, mod in c.values)
            c = dataclasses.replace(c, day=alt, timex=timex, values=values)
        out.append(c)
    return out


def _loose_weekday(c: Candidate, pub: dt.date | None) -> bool:
    """A weekday named alone, two or more days from its paper's day: its week was a guess."""
    if (
        pub is None
        or not _ISO_DAY.match(c.day)
        or not _WEEKDAY_ONLY.match(re.sub(r"['’]s$", "", c.timex.text))
    ):
        return False
    return abs((dt.date.fromisoformat(c.day) - pub).days) >= 2


def _same_event_words(a: Candidate, b: Candidate, cfg: TimelineSettings) -> bool:
    """A word next to each date in common (on either side), or words or meaning alike enough
    to merge."""
    near = (_next_words(a)[0] | _next_words(a)[1]) & (_next_words(b)[0] | _next_words(b)[1])
    return (
        bool(near - _SAYING_WORDS - (name_stems(a.text) & name_stems(b.text)))
        or similarity(a.words, b.words) >= cfg.merge_similarity
        or semantic(a, b) >= cfg.merge_cosine
    )


# A range of days: "May 13-22", "between May 13 and 22", "from May 13 through Sunday", "Sept. 19 to 22".
_RANGE_END = re.compile(
    r"\s*(?:[-–]|through|thru|to)\s*(\d{1,2})\b(?![-–/.,]?\d)(?!\s*(?:%|percent\b|[ap]\.?m\b))"
)
_RANGE_GAP = re.compile(r"^\s*(?:[-–]|through|thru)\s*$", re.IGNORECASE)
_ISO_DAY = re.compile(r"^\d{4}-\d\d-\d\d$")


def _decades_alone(inside: list[Timex]) -> list[Timex]:
    """A decade is a row only when its unit dates nothing more precisely, and only whole
    ("the 1980s", not "the mid-1990s", which no precision holds)."""
    finer = any(len(_DAY.match(t.value)[1]) > 3 for t in inside)  # type: ignore[index]
    return [t for t in inside if len(_DAY.match(t.value)[1]) > 3 or not (finer or t.mod)]  # type: ignore[index]


_YEAR = re.compile(r"^\d{4}$")
_BETWEEN = re.compile(r"\bbetween\s+$", re.IGNORECASE)


def _rewrite_pairs(
    inside: list[Timex], step: Callable[[Timex, Timex | None], tuple[list[Timex], bool]]
) -> list[Timex]:
    """Each timex read with the next one: ``step`` gives what stands for it on the timeline and
    whether it took the next one too (a range's two ends are one reading)."""
    out: list[Timex] = []
    i = 0
    while i < len(inside):
        kept, took = step(inside[i], inside[i + 1] if i + 1 < len(inside) else None)
        out.extend(kept)
        i += 2 if took else 1
    return out


def _year_ranges(inside: list[Timex], text: str) -> list[Timex]:
    """Years "between 1991 and 1998" are no row: what happened between them spans the years and
    neither is its date (as a row, the end year joined another event of that year; as their
    decade, the same). A term's ends ("served from 2019 to 2023") stay two events, its start
    and its end, as "in 2004 and 2005" does."""

    def step(t: Timex, nxt: Timex | None) -> tuple[list[Timex], bool]:
        between = (
            nxt is not None
            and _YEAR.match(t.value)
            and _YEAR.match(nxt.value)
            and re.fullmatch(r"\s+and\s+", text[t.span.end : nxt.span.start])
            and _BETWEEN.search(text[max(0, t.span.start - 12) : t.span.start])
        )
        return ([], True) if between else ([t], False)

    return _rewrite_pairs(inside, step)


def _ranges_as_months(inside: list[Timex], text: str) -> list[Timex]:
    """A range of days within one month on the timeline as that month: the event spans the
    days, and no one of them is its date ("the poll was conducted May 13-22")."""

    def step(t: Timex, nxt: Timex | None) -> tuple[list[Timex], bool]:
        if not _ISO_DAY.match(t.value):
            return [t], False
        end = _RANGE_END.match(text, t.span.end)
        joined = (
            nxt is not None
            and _ISO_DAY.match(nxt.value)
            and nxt.value[:7] == t.value[:7]
            and nxt.value > t.value
            and _RANGE_GAP.match(text[t.span.end : nxt.span.start])
        )
        if (end and int(end.group(1)) > int(t.value[8:])) or joined:
            return [dataclasses.replace(t, value=t.value[:7], mod=None)], bool(joined)
        return [t], False

    return _rewrite_pairs(inside, step)


# What opens a clause of its own between two dates of one unit: a reporting verb, a
# subordinating conjunction, or "and" with a new subject ("said on Thursday that the vote in
# May ...", "on Sunday after she had said on Saturday ...", "at a rally Wednesday, and he
# repeated it Thursday").
_OPENER = re.compile(
    r"\b(?:said|says|saying|told|telling|announced|added|after|before|ahead\s+of|when|while|until|that|"
    r"and\s+(?:then\s+)?(?:he|she|they|it|we|I))\b"
    # a participle right before the date opens a reduced clause: "a process launched in 2012"
    r"|\b[a-z]{3,}ed(?=\s+(?:in|on|during|since)\s+$)"
    # a semicolon joins two clauses, each with its own event ("held Monday; the next night ...")
    r"|;",
    re.IGNORECASE,
)


def _tells_something(text: str, start: int, t: Timex) -> bool:
    """Whether the clause from ``start`` to its sentence's end says more than when it was
    said: "..., Reed said Tuesday." is the saying's day, no event of its own."""
    end = _CLAUSE_END.search(text, t.span.end)
    rest = text[start : t.span.start] + " " + text[t.span.end : end.start() if end else len(text)]
    return bool(content_words(rest) - _SAYING)


# Stems of the media of a saying ("said in an interview Tuesday", "in a statement"), which tell
# how something was said, not a second event.
_SAYING = frozenset({"interv", "statem", "tweet", "tweete", "email", "briefi", "remark", "phone", "telepho"})
_CLAUSE_END = re.compile(r"[.!?;]\s|\n|$")


_NOUN_AFTER = re.compile(r"\s+(?:([a-z]+(?:-[a-z]+)?)\s+)?([a-z]+)\b")


def _names_a_thing(t: Timex, text: str) -> bool:
    """A bare year written before a noun of events or documents ("his 2014 tax return")."""
    m = _NOUN_AFTER.match(text, t.span.end)
    return bool(
        re.fullmatch(r"\d{4}", t.value) and m and (m.group(1) in lx.YEAR_NOUNS or m.group(2) in lx.YEAR_NOUNS)
    )


def _own_clause_dates(
    chain: list[Timex], inside: list[Timex], text: str, unit: Span, weeks: dict[Span, str] | None = None
) -> list[tuple[Timex, str]]:
    """Later dates of a unit that open a clause of their own and cannot be the anchor's moment,
    each with its clause's text: a second event of the sentence ("On Thursday, he said the
    gathering in September would be the last": the gathering is September's event)."""
    out: list[tuple[Timex, str]] = []
    last = chain[-1]
    for t in inside[inside.index(last) + 1 :] if last in inside else ():
        opener = max(
            _OPENER.finditer(text, last.span.end, t.span.start), key=lambda o: o.start(), default=None
        )
        clashes = all(
            not _overlap(_moment(t, weeks), _moment(c, weeks)) for c in (*chain, *(x for x, _ in out))
        )
        if clashes and _counts_to_event(text, t):
            # "on March 12 - six days after the vote": the count dates the event it names
            out.append((t, text[t.span.start : unit.end]))
            last = t
            continue
        if opener is None and clashes and _ISO_DAY.match(t.value) and _names_a_thing(last, text):
            # "release his 2014 return Friday": the year names a thing, the day is the event's
            out.append((t, text[last.span.start : unit.end]))
            last = t
            continue
        if opener is not None and clashes and _tells_something(text, opener.start(), t):
            out.append((t, text[opener.start() : unit.end]))
        elif (
            opener is None
            and clashes
            and (_COARSE.match(t.value) or _COARSE.match(last.value))
            and (clause := _background_split(text, unit, last, t))
        ):
            out.append((t, clause))
        last = t
    return out


# A year or a month, the precision of background facts ("who left the agency in 1973").
_COARSE = re.compile(r"^\d{4}(?:-\d\d)?$")


def _segment(text: str, unit: Span, t: Timex) -> Span:
    """The clause around ``t`` between punctuation marks of its unit ("Voss, who left the
    agency in 1973, died": "who left the agency in 1973")."""
    left = max((m.end() for m in _CLAUSE.finditer(text, unit.start, t.span.start)), default=unit.start)
    right = next((m.start() for m in _CLAUSE.finditer(text, t.span.end, unit.end)), unit.end)
    return Span(left, right)


def _background_split(text: str, unit: Span, last: Timex, t: Timex) -> str | None:
    """The clause of a later date when it and the date before cannot be one moment and one of
    them is a year or a month: a background fact told beside the sentence's event, no
    opener between them ("Voss, who left the agency in 1973, died on Thursday"; "On Tuesday
    the board revised the island's 1947 charter"). The background date's clause is its
    punctuated segment; the other's is the unit without that segment. None when the clause
    tells nothing but the date."""
    if _COARSE.match(t.value) and not _COARSE.match(last.value):
        seg = _segment(text, unit, t)
        clause = text[seg.start : seg.end]
    else:
        seg = _segment(text, unit, last)
        clause = text[unit.start : seg.start] + " " + text[seg.end : unit.end]
        if seg.start <= t.span.start < seg.end:  # one segment holds both: no telling them apart
            return None
    clause = clause.strip(" ,;:")
    rest = clause.replace(t.text, " ")
    return clause if content_words(rest) - _SAYING else None


# "The criticism comes a day before Ada Morrow faces the board": told in the present, the
# sentence's moment is the article's day, and the event after "before" that many days later.
_NOW_VERB = re.compile(r"\b(?:comes|arrives|falls|lands)\s+(?:just\s+|only\s+)?$", re.IGNORECASE)
_BEFORE_EVENT = re.compile(r"\s+(before|after)\s+(?:the\s+|a\s+|an\s+)?[A-Za-z]", re.IGNORECASE)
_DAYS_SPAN = re.compile(r"P(\d)D")


def _counted_from_now(article: Article, timexes: list[Timex]) -> list[Timex]:
    """The day of an event a present-tense sentence counts from the article's day ("comes two
    days before the vote": the vote is two days after publication), as a dated expression on
    the span of the count."""
    day = published_date(article)
    out = []
    for t in timexes if day else ():
        m = _DAYS_SPAN.fullmatch(t.value)
        after = _BEFORE_EVENT.match(article.text, t.span.end)
        if t.type != "DURATION" or not m or not after:
            continue
        if not _NOW_VERB.search(article.text[max(0, t.span.start - 30) : t.span.start]):
            continue
        sign = 1 if after.group(1).lower() == "before" else -1
        when = day + dt.timedelta(days=sign * int(m.group(1)))
        out.append(dataclasses.replace(t, type="DATE", value=when.isoformat(), mod=None))
    return out


# "the final vote in 10 days", "the vote in just three days": an event named, then "in" and a
# count of days, is that many days after publication.
_EVENT_IN = re.compile(
    r"\bthe\s+(?:(?!that\b|which\b|who\b)[\w-]+\s+){0,2}?(?![a-z]+ed\b)[a-z]{4,}\s+in\s+(?:just\s+|only\s+)?$",
    re.IGNORECASE,
)
_DAYS_AHEAD = re.compile(r"P(\d{1,2})D")
# ... told as still to come: "the second keeper in two days to leave" is a count within a span
_AHEAD_CUE = re.compile(
    r"\b(?:heading\s+into|ahead\s+of|before|will\s+(?:\w+\s+)?|to\s+face|prepar\w+\s+for|set\s+for|"
    r"scheduled\s+for|looking\s+ahead\s+to)\s*$",
    re.IGNORECASE,
)


def _days_ahead(article: Article, timexes: list[Timex]) -> list[Timex]:
    """The day of an event told as "the vote in 10 days": publication plus the days, on the
    count's span (timeline only: for TimeML it stays a duration)."""
    day = published_date(article)
    out = []
    for t in timexes if day else ():
        m = _DAYS_AHEAD.fullmatch(t.value)
        if t.type != "DURATION" or not m or int(m.group(1)) > 31 or not t.text.lower().endswith("days"):
            continue
        event = _EVENT_IN.search(article.text, max(0, t.span.start - 50), t.span.start)
        if event and _AHEAD_CUE.search(article.text, max(0, event.start() - 30), event.start()):
            when = day + dt.timedelta(days=int(m.group(1)))
            out.append(dataclasses.replace(t, type="DATE", value=when.isoformat(), mod=None))
    return out


# "in the past week", "over the last two weeks", "during the past few days": the days up to publication.
_RECENT = re.compile(r"\b(?:in|over|during|within)\s+(?:just\s+)?$", re.IGNORECASE)
_RECENT_TEXT = re.compile(r"^the\s+(?:past|last)\s", re.IGNORECASE)
_SPAN_DAYS = re.compile(r"^P(\d+|X)([DW])$")


def _recent(article: Article, timexes: list[Timex]) -> list[Timex]:
    """The month of an event told as in the days or weeks up to publication ("in the past week,
    the friendship ended"), when those days lie in one month (timeline only: for TimeML "the
    past week" stays a duration). A few days count as a week."""
    day = published_date(article)
    out = []
    for t in timexes if day else ():
        m = _SPAN_DAYS.match(t.value)
        if t.type != "DURATION" or not m or not _RECENT_TEXT.match(t.text):
            continue
        if not _RECENT.search(article.text[max(0, t.span.start - 20) : t.span.start]):
            continue
        days = 7 if m.group(1) == "X" else int(m.group(1)) * (7 if m.group(2) == "W" else 1)
        first = day - dt.timedelta(days=days)
        if (first.year, first.month) == (day.year, day.month):
            out.append(dataclasses.replace(t, type="DATE", value=f"{day.year}-{day.month:02d}", mod=None))
    return out


# "a day before Tuesday's primary", "two days after the March 3 vote", "three days before the
# vote on March 3": a count of days, "before" or "after", then a dated event in a few words.
_TO_DATE = re.compile(r"\s+(before|after)\s+((?:[A-Za-z'’-]+\s+){0,3}?)$", re.IGNORECASE)


def _counted_from_a_date(text: str, timexes: list[Timex]) -> list[Timex]:
    """The day of an event counted in days from a dated one ("The debate came a day before
    Tuesday's primary": the debate is Monday's), as a dated expression on the count's span.
    Timeline candidates only: for TimeML "a day" stays a duration."""
    out = []
    for t, nxt in zip(timexes, timexes[1:], strict=False):
        m = _DAYS_SPAN.fullmatch(t.value)
        if t.type != "DURATION" or not m or not re.fullmatch(r"\d{4}-\d\d-\d\d", nxt.value):
            continue
        link = _TO_DATE.match(text[t.span.end : nxt.span.start] + " ")
        if not link or nxt.span.start - t.span.end > 40:
            continue
        sign = -1 if link.group(1).lower() == "before" else 1
        when = dt.date.fromisoformat(nxt.value) + dt.timedelta(days=sign * int(m.group(1)))
        out.append(dataclasses.replace(t, type="DATE", value=when.isoformat(), mod=None))
    return out + _counted_back(text, timexes)


# "on March 12 - six days after the vote", "March 5, two days before the gala": a day,
# a dash or a comma, then a count of days "after" or "before" an event named next.
_DAY_THEN_COUNT = re.compile(r"\s*(?:,|-{1,2}|–|—)\s*")
_COUNT_TO_EVENT = re.compile(
    r"\s+(before|after)\s+(?:the\s+|a\s+|an\s+|his\s+|her\s+|their\s+)?[A-Za-z]", re.IGNORECASE
)


def _counts_to_event(text: str, t: Timex) -> bool:
    """Whether ``t`` is a count of days dated as the event named after it ("six days after
    the vote")."""
    return (
        t.type == "DATE"
        and _COUNT_WORDS.search(t.text) is not None
        and _AFTER_A_DAY.search(text, max(0, t.span.start - 12), t.span.start) is not None
        and bool(_COUNT_TO_EVENT.match(text, t.span.end))
    )


_COUNT_WORDS = re.compile(r"\bdays?$", re.IGNORECASE)
_AFTER_A_DAY = re.compile(r"(?:\d|day)(?:st|nd|rd|th)?\s*(?:,|-{1,2}|–|—)\s*$", re.IGNORECASE)


def _counted_back(text: str, timexes: list[Timex]) -> list[Timex]:
    """The day of the event a count follows, counted from the day told just before it ("on
    March 12 - six days after the vote": the vote is March 6), on the count's
    span. Timeline candidates only."""
    out = []
    for t, nxt in zip(timexes, timexes[1:], strict=False):
        m = _DAYS_SPAN.fullmatch(nxt.value)
        if nxt.type != "DURATION" or not m or not _ISO_DAY.fullmatch(t.value):
            continue
        if not _DAY_THEN_COUNT.fullmatch(text, t.span.end, nxt.span.start):
            continue
        if (link := _COUNT_TO_EVENT.match(text, nxt.span.end)) is None:
            continue
        sign = -1 if link.group(1).lower() == "after" else 1
        when = dt.date.fromisoformat(t.value) + dt.timedelta(days=sign * int(m.group(1)))
        out.append(dataclasses.replace(nxt, type="DATE", value=when.isoformat(), mod=None))
    return out


# "Minutes later", "hours earlier", "two days later", "four days earlier", "earlier in the
# morning": counted from the day the text told last (a writer counts "earlier" from the story's
# moment, "ago" from now).
_LATER = re.compile(
    r"\b(?:(?:(?:a\s+few|several|\d+|some|(?P<n>a|an|one|two|three|four|five|six))\s+)?"
    r"(?P<unit>minutes|hours|days?)|(?P<small>minutes|hours))\s+(?P<dir>later|earlier)\b"
    r"|\b(?:earlier|later)\s+in\s+the\s+(?:morning|afternoon|evening|day)\b"
    # "came moments after the senator spoke": the moment told last ("Moments later" alone was
    # measured and dropped: a background day told last)
    r"|\bmoments\s+(?P<near>after|before)\b",
    re.IGNORECASE,
)
# "Today, it is Trump that ...", "Today they are tied": a present state, not a past event's day
_NOWADAYS = re.compile(r"today\s*,?\s+(?:[\w']+\s+){0,3}?(?:is|are)\s+(?!\w+ed\b)", re.IGNORECASE)
_LATER_REACH = 800  # characters back to the day counted from: a paragraph or two
_DEICTIC = re.compile(
    r"(?:today|tonight|yesterday|tomorrow|this\s+(?:morning|afternoon|evening))\b", re.IGNORECASE
)


def _later(text: str, timexes: list[Timex], published: dt.date | None = None) -> list[Timex]:
    """The day of an event told as "minutes later", "hours earlier" or "two days later": the
    last date the text told, when a day and within a paragraph or two, plus or minus the days
    counted (timeline only: for TimeML "two days" stays a duration, "four days earlier" a day
    counted from publication). A vague count of days ("a few days later") gives no day. What
    happened "earlier" is counted from a day told that is not still to come ("voters go to the
    polls Feb. 9 ... debated earlier in the evening" is the debate's evening)."""
    quoted = SpanSet([Span(a, b) for a, b in quote_regions(text)])
    # a speaker's "today" inside a quote tells the speaking day, not the narrative's moment;
    # "Today, it is ..." tells a state of these days, no moment either
    dated = [
        t
        for t in timexes
        if _DAY.match(t.value)
        and not (_DEICTIC.match(t.text) and quoted.overlapping(t.span.start, t.span.end))
        and not _NOWADAYS.match(text, t.span.start)
    ]
    out: list[Timex] = []
    for m in _LATER.finditer(text):
        # a day counted here replaces the rules' value of its words ("four days earlier")
        known = sorted(
            [
                t
                for t in dated
                if not any(o.span.start < t.span.end and t.span.start < o.span.end for o in out)
            ]
            + out,
            key=lambda t: t.span.start,
        )
        back = {(m.group("dir") or "").lower(), (m.group("near") or "").lower()}
        earlier = m.group(0).lower().startswith("earlier") or bool(back & {"earlier", "before"})
        last = next(
            (
                t
                for t in reversed(known)
                if t.span.end <= m.start()
                and not (earlier and published and t.value[:10] > published.isoformat())
            ),
            None,
        )
        if last is None or m.start() - last.span.end > _LATER_REACH or not _ISO_DAY.match(last.value[:10]):
            # too far back, or a month or a year: only a count of days may follow a like
            # event's noun
            told = [t for t in known if t.span.end <= m.start() and _ISO_DAY.match(t.value[:10])]
            last = _like_event_day(text, m.start(), told) if m.group("n") else None
        if last is None or not _ISO_DAY.match(last.value[:10]):
            continue  # too far back, or the last date told is a month or a year
        unit = (m.group("unit") or m.group("small") or "").lower()
        if unit.startswith("day") and not m.group("n"):
            continue
        count = lx.NUMBERS.get((m.group("n") or "").lower(), 1) if unit.startswith("day") else 0
        if earlier:
            count = -count
        when = dt.date.fromisoformat(last.value[:10]) + dt.timedelta(days=count)
        out.append(Timex(Span(m.start(), m.end()), m.group(0), "DATE", when.isoformat(), last.article_id))
    return out


# a noun phrase's head right before the count: "CNN's Republican debate four days earlier"
_NOUN_BEFORE = re.compile(
    r"\b(?:the|a|an|its|their|his|her|[A-Z]\w*['’]s)\s+(?:[\w-]+\s+){0,2}?([a-z]{4,})\s+$"
)


def _like_event_day(text: str, at: int, known: list[Timex]) -> Timex | None:
    """The day told last, anywhere before, in a sentence naming the noun the count follows:
    "the viewers for CNN's debate four days earlier" compares with the debate the story is
    about ("a Democratic debate Saturday night", paragraphs back)."""
    noun = _NOUN_BEFORE.search(text, max(0, at - 30), at)
    if noun is None:
        return None
    word = re.compile(rf"\b{noun.group(1)}s?\b", re.IGNORECASE)
    units = sentences(text[:at])
    for t in reversed(known):
        unit = next((u for u in units if u.start <= t.span.start < u.end), None)
        if unit is not None and unit.end < at and word.search(text, unit.start, unit.end):
            return t
    return None


# An event known by its date, used as a date ("since 9/11", "before 9/11") or naming the event
# ("the 9/11 attacks"); not as a mere label ("9/11 families", "families of 9/11 victims", "the
# 9/11 Commission") nor as a topic ("remarks on 9/11").
_NAMED_DATE = re.compile(
    r"(?:\b(?P<prep>since|after|before|until)\s+)?(?<![\w/])(?P<name>"
    + "|".join(re.escape(n) for n in lx.NAMED_DATES)
    + r")(?![\w/])(?:(?P<noun>\s+(?:terror(?:ist)?\s+)?(?:attacks?|hijackings?|bombings?)\b)|(?![ \t]+[A-Za-z]))",
    re.IGNORECASE,
)


def _named_dates(text: str, article_id: str) -> list[Timex]:
    """The day of an event known by its date ("the 9/11 attacks"), as a dated expression on
    its name (timeline only)."""
    out = []
    for m in _NAMED_DATE.finditer(text):
        if m.group("prep") or m.group("noun"):
            span = Span(m.start("name"), m.end("name"))
            out.append(Timex(span, m.group("name"), "DATE", lx.NAMED_DATES[m.group("name")], article_id))
    return out


# "on the eve of Tuesday's primary", "on the eve of the March 3 vote": the day before.
_EVE = re.compile(r"\b(?:on\s+)?the\s+eve\s+of\s+(?:[A-Za-z'’-]+\s+){0,3}?$", re.IGNORECASE)


def _eves(text: str, timexes: list[Timex]) -> list[Timex]:
    """The day before a dated event named after "the eve of", as a dated expression on the
    words "the eve of" (timeline only: TimeML tags no such expression)."""
    out = []
    for t in timexes:
        if not _ISO_DAY.match(t.value):
            continue
        eve = _EVE.search(text, max(0, t.span.start - 40), t.span.start)
        if eve is None:
            continue
        when = dt.date.fromisoformat(t.value) - dt.timedelta(days=1)
        span = Span(eve.start(), eve.start() + len(eve.group(0).rstrip()))
        out.append(Timex(span, text[span.start : span.end], "DATE", when.isoformat(), t.article_id))
    return out


# A dateline: a place in capitals (and an agency) before the date, a dash after it
# ("LIMA, May 3 (Wire) -", "QUITO (Wire) — May 3, 2029 —").
_DATELINE_BEFORE = re.compile(r"^[A-Z][A-Z .,'’-]*(?:\([^)]{1,40}\))?[\s,—–-]*$")
_DATELINE_AFTER = re.compile(r"^\s*(?:\([^)]{1,40}\)\s*)?[—–-]")


def _dateline(text: str, unit: Span, t: Timex) -> bool:
    """The date of a dateline tells when the article was filed, not when its lead's event
    happened ("LIMA, May 3 (Wire) - The mayor won the vote on Tuesday")."""
    before = text[unit.start : t.span.start]
    return bool(_DATELINE_BEFORE.match(before)) and bool(
        _DATELINE_AFTER.match(text[t.span.end : t.span.end + 50])
    )


_WEEK = re.compile(r"^(\d{4})-W(\d\d)(-WE)?$")
_SEASON = re.compile(r"^(\d{4})-(?:SP|SU|FA|WI)$")


def _as_month(t: Timex) -> Timex:
    """A week ("two weeks ago", "last weekend") on the timeline at the precision a reader can
    use, its month, when the whole week lies in one month; a season ("this spring") its year;
    else unchanged (and left out)."""
    if season := _SEASON.match(t.value):
        return dataclasses.replace(t, value=season[1])
    m = _WEEK.match(t.value)
    if not m:
        return t
    try:
        first = dt.date.fromisocalendar(int(m[1]), int(m[2]), 6 if m[3] else 1)
    except ValueError:  # no such week
        return t
    last = first + dt.timedelta(days=1 if m[3] else 6)
    if (first.year, first.month) != (last.year, last.month):
        return t
    return dataclasses.replace(t, value=f"{first.year}-{first.month:02d}")


# Between two coordinated dates: "2004 and 2005", "June 20, June 24", "from 1967 to 1979"; or
# between two coordinated phrases, each with its date: "moved there in January 2007 and to
# First Street in September", "arrested on Monday and charged on Tuesday".
_COORD = re.compile(r"^\s*,?\s*(?:and|or|&|to|through|until|-|–|—)?\s*(?:(?:in|on)\s+)?$", re.IGNORECASE)
_AND = re.compile(r"\b(?:and|or|but|then)\b", re.IGNORECASE)
_PHRASE_CHARS = 60


def _from_to(first: Timex, gap: str, text: str) -> bool:
    """ "from $3 million in 2014 to $5 million in 2015": two phrases, each with its date."""
    return bool(_TO.match(gap)) and bool(_FROM.search(text, max(0, first.span.start - 40), first.span.start))


_TO = re.compile(r"^\s+to\s")
_FROM = re.compile(r"\bfrom\s")


def _coordinated(anchor: Timex, inside: list[Timex], text: str) -> list[Timex]:
    """The anchor and the dates coordinated with it, in order, each value once."""
    chain = [anchor]
    for t in inside[inside.index(anchor) + 1 :]:
        gap = text[chain[-1].span.end : t.span.start]
        tight = len(t.value) == len(chain[-1].value) and _COORD.match(gap)
        if not tight and not (
            len(gap) <= _PHRASE_CHARS and (_AND.search(gap) or _from_to(chain[-1], gap, text))
        ):
            break
        chain.append(t)
    seen: set[str] = set()
    return [t for t in chain if not (t.value in seen or seen.add(t.value))]


def _anchor(inside: list[Timex], weeks: dict[Span, str] | None = None) -> Timex:
    """The first dated expression, or a more precise one inside it that follows (a clock
    time on the same day, the day of the same month; not a day of the month outside a week
    shown as that month: "this weekend's show ... Monday's debate" are two moments)."""
    first = inside[0]
    for t in inside[1:]:
        if (
            t.value.startswith(first.value[:10])
            and len(t.value) > len(first.value)
            and _overlap(_moment(first, weeks), _moment(t, weeks))
        ):
            return t
    return first


def _moment(t: Timex, weeks: dict[Span, str] | None) -> tuple[str, str | None]:
    """The value and mod a date's moment is compared by: a week shown as its month by its week."""
    return (weeks or {}).get(t.span, t.value), t.mod


FUZZY_WORD = 80  # rapidfuzz ratio at which two spellings are one word


def similarity(a: frozenset[str], b: frozenset[str], near: dict[str, frozenset[str]] | None = None) -> float:
    """Share of the smaller sentence's content words found (fuzzily) in the other. ``near``
    (:func:`_near_words`) holds each word's fuzzy matches computed once for many pairs."""
    if not a or not b:
        return 0.0
    small, large = (a, b) if len(a) <= len(b) else (b, a)
    if near is not None:
        hits = sum(1 for w in small if w in large or not near[w].isdisjoint(large))
    else:
        pool = list(large)
        hits = sum(
            1
            for w in small
            if w in large or process.extractOne(w, pool, scorer=fuzz.ratio, score_cutoff=FUZZY_WORD)
        )
    return hits / len(small) if hits >= 2 else 0.0


@functools.lru_cache(maxsize=1 << 12)
def name_stems(text: str) -> frozenset[str]:
    """Stems of the words a text writes capitalised and never in lower case: names ("Trump",
    "Clinton"), which say who, not which of a person's many events."""
    words = _WORD.findall(text)
    upper = {w.lower().strip("'’-")[:6] for w in words if w[:1].isupper()}
    return frozenset(upper - {w.lower().strip("'’-")[:6] for w in words if w[:1].islower()})


_FEW_NAMES = 3


def _names_only(a: Candidate, b: Candidate, near: dict[str, frozenset[str]]) -> bool:
    """Whether the two share only a few words (three at most), each a name in both: "Clinton,
    who was tied with Trump" and "Trump invited Russia ... Clinton's emails" are two events of
    the same people, and "emceed the Tony Awards" and "won a Tony Award" two events of one show.
    A longer run of shared names ("Los Angeles County Sheriff's Deputy Jerry Ortiz") names
    the one party a story's event is about (on the ECB+ calibrate half)."""
    small, large = (a, b) if len(a.words) <= len(b.words) else (b, a)
    names_s, names_l = name_stems(small.meaning), name_stems(large.meaning)
    hits = [
        w for w in small.words if w in large.words or not near.get(w, frozenset()).isdisjoint(large.words)
    ]
    return 0 < len(hits) <= _FEW_NAMES and all(
        w in names_s and (w in names_l or not near.get(w, frozenset()).isdisjoint(names_l)) for w in hits
    )


def _near_words(vocab: list[str], chunk: int = 2000) -> dict[str, frozenset[str]]:
    """Each word's fuzzy matches (ratio >= FUZZY_WORD) in ``vocab``, all pairs scored in C."""
    near: dict[str, frozenset[str]] = {}
    for start in range(0, len(vocab), chunk):
        rows = vocab[start : start + chunk]
        scores = process.cdist(rows, vocab, scorer=fuzz.ratio, score_cutoff=FUZZY_WORD, dtype=np.uint8)
        for word, row in zip(rows, scores, strict=True):
            near[word] = frozenset(vocab[j] for j in np.flatnonzero(row))
    return near


def compatible(a: Candidate, b: Candidate) -> bool:
    """Whether some date of ``a`` and some date of ``b`` can be the same moment."""
    own = ((a.timex.value, a.timex.mod),)
    other = ((b.timex.value, b.timex.mod),)
    return any(_overlap(x, y) for x in a.values or own for y in b.values or other)


def _overlap(x: tuple[str, str | None], y: tuple[str, str | None]) -> bool:
    ix, iy = cal.value_interval(*x), cal.value_interval(*y)
    if ix is None or iy is None:
        return x[0][:10] == y[0][:10]
    return ix[0] < iy[1] and iy[0] < ix[1]


def build_timeline(
    cands: list[Candidate],
    labels: dict[str, str],
    cfg: TimelineSettings,
    published: dict[str, dt.date] | None = None,
) -> list[TimelineEntry]:
    """Merge candidates into entries, sorted by date then time. ``published`` (article id to
    publication day) lets a weekday read a week off by its tense take the week the story's
    firm dates give the same event (:func:`week_flips`)."""
    groups: list[_Group] = []
    cands = week_flips(resolve_anchored(cands), published or {}, cfg)
    ordered = sorted(cands, key=lambda c: (c.day, c.article_id, c.span.start))
    memo = _Memo(ordered)
    alike = memo.alike(cfg)
    owner: dict[int, int] = {}  # row of a candidate -> index of its group
    for row, cand in enumerate(ordered):
        # only the groups holding a candidate alike with this one can take it
        near = [groups[g] for g in sorted({owner[q] for q in alike[row] if q in owner})]
        target = _best_group(near, cand, cfg, memo)
        if target is None:
            owner[row] = len(groups)
            groups.append(_Group([cand]))
        else:
            owner[row] = owner[memo.row(target.members[0])]
            target.members.append(cand)
    entries = [_entry(g, labels) for g in _merge_groups(groups, cfg, memo, alike)]
    return sorted(entries, key=lambda e: (e.date, e.time or "", e.text))


class _Memo:
    """Pair verdicts of one timeline build, by candidate identity: grouping asks the same pairs
    again and again (every group re-scanned after each merge), and each answer is costly
    (fuzzy word matching, date intervals)."""

    def __init__(self, cands: list[Candidate]) -> None:
        self._pairs: dict[tuple[str, int, int], Any] = {}
        self._groups: dict[tuple[int, int, int, int], bool] = {}
        # cosines by matrix products, not a dot product per pair (the whole matrix while small)
        self._cands = cands
        self._row = {id(c): i for i, c in enumerate(cands)}
        dims = {len(c.vector) for c in cands if c.vector is not None}
        vectors = np.zeros((len(cands), dims.pop() if len(dims) == 1 else 0), dtype=np.float32)
        if vectors.shape[1]:
            for i, c in enumerate(cands):
                if c.vector is not None:
                    vectors[i] = c.vector
        self._cosines: np.ndarray | Cosines = cosines(vectors)
        self._near = _near_words(sorted({w for c in cands for w in c.words}))

    def row(self, c: Candidate) -> int:
        return self._row[id(c)]

    def alike(self, cfg: TimelineSettings) -> list[set[int]]:
        """For each candidate (by row), the rows some test of a group's members could find
        alike with it (by the loosest threshold of each test): words, meaning, the same day's
        meaning or one month's event. A superset: the tests still decide, but only here."""
        n = len(self._cands)
        out: list[set[int]] = [set() for _ in range(n)]
        slack = 1 - 1e-6  # float rounding of the tests' ratios never drops a pair
        high = min(cfg.merge_cosine, cfg.conflict_cosine) * slack
        days = {d: k for k, d in enumerate(sorted({c.day for c in self._cands}))}
        day = np.array([days[c.day] if len(c.day) == 10 else -1 for c in self._cands])
        period = np.array([days[c.day] if len(c.day) < 10 else -1 for c in self._cands])
        for start in range(0, n, _ROWS):
            block = self._cosines[start : start + _ROWS]
            for r in range(start, min(n, start + _ROWS)):
                row = block[r - start]
                close = row >= high
                if day[r] >= 0:
                    close |= (row >= cfg.same_day_cosine * slack) & (day == day[r])
                if period[r] >= 0:
                    close |= (row >= cfg.period_cosine * slack) & (period == period[r])
                out[r].update(np.flatnonzero(close).tolist())
        self._alike_words(out, min(cfg.merge_similarity, cfg.conflict_similarity) * slack)
        self._alike_periods(out)
        self._alike_aligned(out)
        self._alike_amounts(out)
        self._alike_clocks(out)
        for r, rows in enumerate(out):
            for q in rows:
                out[q].add(r)
        return out

    def _alike_words(self, out: list[set[int]], least: float) -> None:
        """Pairs whose word similarity can reach ``least``: ``similarity`` counts the smaller
        side's words with a fuzzy match in the other (two at least), so counting each side's
        words with a match bounds it from above."""
        rows_of: dict[str, list[int]] = {}
        for r, c in enumerate(self._cands):
            for w in c.words:
                rows_of.setdefault(w, []).append(r)
        near = {w: set(ws) for w, ws in self._near.items()}
        for w, ws in self._near.items():
            for v in ws:
                near[v].add(w)  # both ways round, whatever the scorer does
        for r, c in enumerate(self._cands):
            hits: Counter[int] = Counter()
            for w in c.words:
                hits.update({q for v in near[w] for q in rows_of[v]})
            out[r].update(q for q, h in hits.items() if h >= 2 and h / len(c.words) >= least)

    def _alike_periods(self, out: list[set[int]]) -> None:
        """Pairs of two articles dated to one month or year with a word next to the date in common."""
        by_side: dict[tuple[str, int, str], list[int]] = {}
        for r, c in enumerate(self._cands):
            for side, ws in enumerate(_next_words(c)):
                for w in ws:
                    # a day's event words may sit on either side ("Tuesday's primary", "the
                    # primary on Tuesday"); a month's or a year's on the same side
                    by_side.setdefault((c.day, side if len(c.day) != 10 else 0, w), []).append(r)
        for rows in by_side.values():
            for r in rows:  # one article's two sentences of one day may tell one event
                out[r].update(
                    q
                    for q in rows
                    if self._cands[q].article_id != self._cands[r].article_id or len(self._cands[r].day) == 10
                )

    def _alike_aligned(self, out: list[set[int]]) -> None:
        """Pairs of candidates whose statements the compare stage aligned."""
        by_group: dict[str, list[int]] = {}
        for r, c in enumerate(self._cands):
            if c.aligned is not None:
                by_group.setdefault(c.aligned, []).append(r)
        for rows in by_group.values():
            for r in rows:
                out[r].update(rows)

    def _alike_amounts(self, out: list[set[int]]) -> None:
        """Pairs of two articles, one date, one amount (:func:`_same_amount`)."""
        by_day: dict[str, list[int]] = {}
        for r, c in enumerate(self._cands):
            if _amounts(c.meaning):
                by_day.setdefault(c.day, []).append(r)
        for rows in by_day.values():
            for r, q in itertools.combinations(rows, 2):
                if _same_amount(self._cands[r], self._cands[q]):
                    out[r].add(q)

    def _alike_clocks(self, out: list[set[int]]) -> None:
        """Pairs of two articles, one day, one clock time (:func:`_same_clock`)."""
        by_moment: dict[tuple[str, str | None], list[int]] = {}
        for r, c in enumerate(self._cands):
            if _CLOCK.match(c.time or ""):
                by_moment.setdefault((c.day, c.time), []).append(r)
        for rows in by_moment.values():
            for r, q in itertools.combinations(rows, 2):
                if _same_clock(self._cands[r], self._cands[q]):
                    out[r].add(q)

    def _get(self, kind: str, a: Candidate, b: Candidate, fn: Any) -> Any:
        key = (kind, id(a), id(b))
        if key not in self._pairs:
            self._pairs[key] = fn(a, b)
        return self._pairs[key]

    def compatible(self, a: Candidate, b: Candidate) -> bool:
        return bool(self._get("dates", a, b, compatible))

    def similarity(self, a: Candidate, b: Candidate) -> float:
        return float(self._get("words", a, b, self._words))

    def _words(self, a: Candidate, b: Candidate) -> float:
        score = similarity(a.words, b.words, self._near)
        return 0.0 if score and _names_only(a, b, self._near) else score

    def semantic(self, a: Candidate, b: Candidate) -> float:
        return float(self._cosines[self._row[id(a)], self._row[id(b)]])

    def joinable(self, a: _Group, b: _Group, cfg: TimelineSettings) -> bool:
        key = (id(a), len(a.members), id(b), len(b.members))  # a group only ever grows
        if key not in self._groups:
            self._groups[key] = _joinable(a, b, cfg, self)
        return self._groups[key]


def _best_group(groups: list[_Group], cand: Candidate, cfg: TimelineSettings, memo: _Memo) -> _Group | None:
    """The group ``cand`` belongs to: alike enough in words or meaning, dates or not."""
    best, best_score = None, 0.0
    for group in groups:
        if cand.article_id in group.articles() and not _retold(cand, group, cfg, memo):
            continue
        words = max(memo.similarity(cand, m) for m in group.members)
        meaning = max(memo.semantic(cand, m) for m in group.members)
        if all(memo.compatible(cand, m) for m in group.members):
            same_day = max((memo.semantic(cand, m) for m in group.members if _same_day(cand, m)), default=0.0)
            score = max(
                words / cfg.merge_similarity, meaning / cfg.merge_cosine, same_day / cfg.same_day_cosine
            )
            if any(
                _one_period_event(cand, m)
                or _aligned_day(cand, m)
                or _period_alike(cand, m, cfg, memo)
                or _same_amount(cand, m)
                or _same_clock(cand, m)
                if m.article_id != cand.article_id
                else _day_event_word(cand, m)
                for m in group.members
            ):
                score = max(score, 1.0)
        elif cand.clause is None and not _other_people(cand, group.members):
            # (a clause cut from its sentence is too short to claim a clash)
            score = max(words / cfg.conflict_similarity, meaning / cfg.conflict_cosine)
        else:
            score = 0.0
        if score >= 1.0 and score > best_score:
            best, best_score = group, score
    return best


_CALENDAR_STEMS = frozenset(w[:6] for w in (*lx.MONTHS, *lx.WEEKDAYS))


def _people(text: str) -> frozenset[str]:
    """Name stems of ``text`` (:func:`name_stems`) without its first word, capitalised by the
    sentence ("But", "In"), and without months and weekdays, which date rather than name."""
    first = _WORD.search(text)
    opener = {first.group(0).lower().strip("'’-")[:6]} if first else set()
    return name_stems(text) - opener - _CALENDAR_STEMS


def _other_people(cand: Candidate, members: list[Candidate]) -> bool:
    """Whether ``cand`` and a member it clashes with in date each name someone the other does
    not: "Obama, who endorsed Clinton on Thursday" and "Reid, who endorsed Clinton in February"
    tell two people's events, not one event two outlets date differently."""
    mine = _people(cand.meaning)
    return any(
        mine - (theirs := _people(m.meaning)) and theirs - mine for m in members if not compatible(cand, m)
    )


def _retold(cand: Candidate, group: _Group, cfg: TimelineSettings, memo: _Memo) -> bool:
    """An article telling an event again, on the same day in other words, may join the event's
    row (on the calibrate halves, same-article pairs of one day at cosine >= 0.40: 14 of one
    event, 1 of two); otherwise two sentences of one article are two events."""
    own = [m for m in group.members if m.article_id == cand.article_id]
    return all(memo.compatible(cand, m) for m in group.members) and any(
        _same_day(cand, m) and memo.semantic(cand, m) >= cfg.same_day_cosine or _day_event_word(cand, m)
        for m in own
    )


def _merge_groups(
    groups: list[_Group], cfg: TimelineSettings, memo: _Memo, alike: list[set[int]]
) -> list[_Group]:
    """Join groups the one-pass assignment left apart (order effects): no article in
    both, dates compatible, and some pair of members alike enough to merge. The first
    joinable pair in list order merges, then the search starts again; only groups holding
    alike members (``alike``) are tried, and the rows before a merge, all tried already, only
    against the group that grew."""
    owner = {memo.row(m): g for g in groups for m in g.members}
    place = {id(g): k for k, g in enumerate(groups)}

    def partners(a: _Group) -> list[_Group]:
        found = {id(g): g for m in a.members for q in alike[memo.row(m)] if (g := owner[q]) is not a}
        return sorted(found.values(), key=lambda g: place[id(g)])

    def join(a: _Group, b: _Group) -> None:
        a.members.extend(b.members)
        for m in b.members:
            owner[memo.row(m)] = a
        groups.remove(b)
        place.clear()
        place.update((id(g), k) for k, g in enumerate(groups))

    row = 0  # every pair of the rows before ``row`` was tried and is not joinable
    while row < len(groups):
        a = groups[row]
        b = next((g for g in partners(a) if place[id(g)] > row and memo.joinable(a, g, cfg)), None)
        if b is None:
            row += 1
            continue
        join(a, b)
        # an earlier row may now join the grown group: the first such pair comes first
        while earlier := next(
            (g for g in partners(a) if place[id(g)] < place[id(a)] and memo.joinable(g, a, cfg)), None
        ):
            join(earlier, a)
            a = earlier
        row = place[id(a)]
    return groups


def _joinable(a: _Group, b: _Group, cfg: TimelineSettings, memo: _Memo) -> bool:
    pairs = [(x, y) for x in a.members for y in b.members]
    if not all(memo.compatible(x, y) for x, y in pairs):
        return False
    if set(a.articles()) & set(b.articles()):
        # an article in both tells the event again there, as the first pass lets it (_retold)
        return any(
            x.article_id == y.article_id
            and _same_day(x, y)
            and (memo.semantic(x, y) >= cfg.retold_join_cosine or _day_event_word(x, y))
            for x, y in pairs
        )
    return any(
        memo.similarity(x, y) >= cfg.merge_similarity
        or memo.semantic(x, y) >= (cfg.same_day_cosine if _same_day(x, y) else cfg.merge_cosine)
        or _one_period_event(x, y)
        or _aligned_day(x, y)
        or _period_alike(x, y, cfg, memo)
        or _same_amount(x, y)
        or _same_clock(x, y)
        for x, y in pairs
    )


_SIDE_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]+")
_CLAUSE = re.compile(r"[,;:()—–]|(?<!\b[A-Z])\.(?=\s|$)")  # not an initial's period ("the U.S. election")


def _next_words(c: Candidate) -> tuple[frozenset[str], frozenset[str]]:
    """Stems of the two content words before and after the candidate's date in its clause."""
    start, end = c.timex.span.start - c.span.start, c.timex.span.end - c.span.start
    before = _CLAUSE.split(c.text[max(0, start - 50) : max(0, start)])[-1]
    after = _CLAUSE.split(c.text[max(0, end) : end + 50])[0]

    def stems(piece: str) -> list[str]:
        return [w.lower()[:6] for w in _SIDE_WORD.findall(piece) if len(w) > 3 and w.lower() not in _STOP]

    # a possessive day's event is the head of the noun phrase after it, often a third word on
    # ("Thursday night's seventh Republican debate")
    wide = 3 if re.match(r"['’]s\b", c.text[max(0, end) :]) else 2
    return frozenset(stems(before)[-2:]), frozenset(stems(after)[:wide])


def _one_period_event(a: Candidate, b: Candidate) -> bool:
    """Two outlets' sentences dated to one month or one year with the same word next to the
    date ("the Democratic convention in July" / "the party's national convention in July"): a
    month holds many events, the words next to its date tell which. On one day the word may
    sit on either side ("ahead of Saturday's caucus" / "holds its caucuses on Saturday")."""
    if a.day != b.day or a.article_id == b.article_id:
        return False
    (ab, aa), (bb, ba) = _next_words(a), _next_words(b)
    if len(a.day) == 10:
        return _same_day(a, b) and bool((ab | aa) & (bb | ba) - _SAYING_WORDS)
    # a month holds many of one person's events: a name next to both dates says who, not
    # which (on one day a shared name or place still tells the event: ECB+ calibrate half)
    return bool((ab & bb | aa & ba) - (name_stems(a.text) & name_stems(b.text)))


# An amount a sentence names: money, a count in millions, a share, a number with thousands
# separators. Years and small counts name too many things to tell an event.
_AMOUNT = re.compile(
    r"(?P<cur>[$€£])?\s?(?P<num>\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)"
    r"(?:\s?(?P<scale>million|billion|trillion)\b)?(?:\s?(?P<pct>%|percent\b|per\s+cent\b))?",
    re.IGNORECASE,
)
_SCALE = {"million": 1e6, "billion": 1e9, "trillion": 1e12}
AMOUNT_SLACK = 0.02  # outlets round: "$916 million" and "more than $915 million" are one sum


@functools.lru_cache(maxsize=4096)  # asked for every pair a group test tries
def _amounts(text: str) -> frozenset[tuple[str, float]]:
    """(kind, value) of each amount of ``text``: kind is the currency, "%", or "" for a count."""
    out = set()
    for m in _AMOUNT.finditer(text):
        num, scale = m["num"], (m["scale"] or "").lower()
        if not (m["cur"] or scale or m["pct"] or "," in num):
            continue
        kind = m["cur"] or ("%" if m["pct"] else "")
        out.add((kind, float(num.replace(",", "")) * _SCALE.get(scale, 1)))
    return frozenset(out)


def _one_amount(x: frozenset[tuple[str, float]], y: frozenset[tuple[str, float]]) -> bool:
    return any(k == j and abs(v - w) <= AMOUNT_SLACK * max(v, w) for k, v in x for j, w in y)


def _same_amount(a: Candidate, b: Candidate) -> bool:
    """Two outlets' sentences of one date naming one amount ("leaked documents from his 1995 tax
    return show he took a $916 million loss" / "a net loss of more than $915 million in 1995"):
    the amount tells which of the date's events, however differently the rest is worded."""
    return (
        a.article_id != b.article_id
        and a.day == b.day
        and _one_amount(_amounts(a.meaning), _amounts(b.meaning))
    )


_CLOCK = re.compile(r"^\d\d:\d\d$")


def _same_clock(a: Candidate, b: Candidate) -> bool:
    """Two outlets' sentences of one day at one clock time ("the ferry sank at around 7:40
    a.m." / "sirens sounded just after 7:40 a.m."): a day's events seldom share a minute, so the
    time tells which one, however differently the rest is worded. Once on the tuning sets, right."""
    return (
        a.article_id != b.article_id
        and a.day == b.day
        and bool(_CLOCK.match(a.time or ""))
        and a.time == b.time
    )


def _period_alike(a: Candidate, b: Candidate, cfg: TimelineSettings, memo: _Memo) -> bool:
    """Two outlets' sentences dated to one month or year, alike in meaning and in words ("her
    first campaign for the White House in 2008" / "in 2008, the last election without a
    Democratic incumbent in the White House"): a looser pair of bars than any date's. Statements
    the compare stage aligned need only the meaning ("scheduled to hit theaters in November of
    2013" / "would like a November 2013 release date": names only in common, so no words), when
    each tells its event itself: "In September, Trump did the same thing." names it by reference
    (PolNeAR dev: aligned with another September event)."""
    aligned = (
        a.aligned is not None and a.aligned == b.aligned and min(len(a.words), len(b.words)) > _BY_REFERENCE
    )
    return (
        a.article_id != b.article_id
        and len(a.day) < 10
        and a.day == b.day
        and memo.semantic(a, b) >= cfg.period_cosine
        and (aligned or memo.similarity(a, b) >= cfg.period_similarity)
    )


_BY_REFERENCE = 3  # content words at most of a sentence that names its event by reference


def _day_event_word(a: Candidate, b: Candidate) -> bool:
    """Two sentences of one article dated to one day with the same event word next to the
    date ("the debate tomorrow night" / "Monday night's debate"; "the June 20 shooting" /
    "investigating the June 20 shooting"): the article tells that event again. A name next to
    both says who, not which of the day's events; a saying word how it was told."""
    if not _same_day(a, b):
        return False
    (ab, aa), (bb, ba) = _next_words(a), _next_words(b)
    return bool((ab | aa) & (bb | ba) - _SAYING_WORDS - (name_stems(a.text) & name_stems(b.text)))


def _aligned_day(a: Candidate, b: Candidate) -> bool:
    """Two outlets' statements the compare stage aligned, dated to one day, one by a word of
    the article's own day ("today", "yesterday") and the other by the day's name or date: one
    event however few words they share. Two outlets naming the day alike need the usual
    likeness (on the calibrate halves and dev, 17 aligned pairs both naming the day: 11 one
    event, 4 two events of that day, 2 not in the gold)."""
    return (
        a.aligned is not None
        and a.aligned == b.aligned
        and a.article_id != b.article_id
        and bool(_DEICTIC.search(a.timex.text)) != bool(_DEICTIC.search(b.timex.text))
        and _same_day(a, b)
    )


_DEICTIC = re.compile(
    r"\b(?:today|tonight|yesterday|tomorrow|this\s+(?:morning|afternoon|evening)|last\s+night)\b",
    re.IGNORECASE,
)


# Words next to a day that tell how or where something was said, not which event it was.
_SAYING_WORDS = frozenset({"told", "tweete", "interv", "statem", "report", "speaki", "saying", "telling"})


def _same_day(a: Candidate, b: Candidate) -> bool:
    """Both dated to one calendar day (not a month or a year, which hold many events), at
    times that can be the same ("after midnight" and "before 4 a.m." are two moments)."""
    if len(a.day) != 10 or a.day != b.day:
        return False
    return _overlap((a.timex.value, a.timex.mod), (b.timex.value, b.timex.mod))


def semantic(a: Candidate, b: Candidate) -> float:
    """Cosine of the two sentence embeddings, 0 when either has none."""
    if a.vector is None or b.vector is None:
        return 0.0
    return float(a.vector @ b.vector)


def _entry(group: _Group, labels: dict[str, str]) -> TimelineEntry:
    day, time = _date_of(group.members)
    lead = next(m for m in group.members if (m.day, m.time) == (day, time))
    clashing = _clashing(group.members)
    spans = tuple((m.article_id, m.span.start, m.span.end) for m in group.members)
    versions = tuple((_when(m), m.article_id, m.span.start, m.span.end, m.text) for m in clashing)
    return TimelineEntry(day, time, lead.text, group.articles(), _conflict(clashing, labels), spans, versions)


def _date_of(members: list[Candidate]) -> tuple[str, str | None]:
    """The date most members agree with (a month agrees with each of its days), the most
    precise of equals, then the earliest."""

    def support(m: Candidate) -> int:
        return sum(1 for o in members if m.day.startswith(o.day))

    best = max(members, key=lambda m: (support(m), len(m.day), m.time is not None))
    same = [m for m in members if m.day == best.day]
    times = Counter(m.time for m in same if m.time)
    time = min(times.items(), key=lambda kv: (-kv[1], kv[0]))[0] if times else None
    return best.day, time


def _when(m: Candidate) -> str:
    return m.day + (f" {m.time}" if m.time else "")


def _clashing(members: list[Candidate]) -> list[Candidate]:
    """The members some other member's date cannot agree with."""
    return [m for m in members if any(not compatible(m, other) for other in members)]


def _conflict(clashing: list[Candidate], labels: dict[str, str]) -> str | None:
    """Each version in a clash, with the words each outlet dates it by."""
    if not clashing:
        return None
    by_version: dict[str, list[str]] = {}
    for m in clashing:
        by_version.setdefault(_when(m), []).append(
            f"{labels.get(m.article_id, m.article_id)}: “{m.timex.text}”"
        )
    parts = [f"{key} ({'; '.join(dict.fromkeys(who))})" for key, who in sorted(by_version.items())]
    return "outlets give different dates: " + " vs ".join(parts)
