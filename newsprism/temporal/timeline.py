"""Dated events on one timeline, merged across outlets, with date conflicts shown.

Each sentence (or statement, once a later stage fills ``Analysis.statements``) that
carries a temporal expression resolved to a calendar day becomes a candidate event.
Candidates from several outlets that say the same thing (shared content words,
compared with rapidfuzz so spelling variants count) merge into one entry when their
dates are compatible; when they are about the same thing but their dates cannot
both be true, the entry keeps each version and says so in ``conflict``.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from rapidfuzz import fuzz, process

from newsprism.model import Article, Span, TimelineEntry, Timex
from newsprism.settings import TimelineSettings
from newsprism.temporal import calendar as cal

__all__ = ["Candidate", "build_timeline", "candidates", "sentences"]

# A day (with a clock time or part of day), or a month or year kept at its own precision.
_DAY = re.compile(r"^(\d{4}(?:-\d\d(?:-\d\d)?)?)(?:T(\d\d:\d\d)Z?|T(MO|MI|AF|EV|NI|DT))?$")
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
    """A candidate event for each unit holding a timex resolved to a day, month or year."""
    out = []
    for unit in units:
        inside = [t for t in timexes if unit.contains(t.span) and _DAY.match(t.value)]
        if not inside:
            continue
        anchor = _anchor(inside)
        m = _DAY.match(anchor.value)
        assert m is not None
        time = m.group(2) or m.group(3)
        text = article.text[unit.start : unit.end]
        if not content_words(text):
            continue  # a date line or a bare date tells when the article was written, not an event
        part = _PARTS.get(time or "", time)
        values = tuple((t.value, t.mod) for t in inside)
        out.append(Candidate(article.id, unit, text, anchor, m.group(1), part, content_words(text), values))
    return out


def _anchor(inside: list[Timex]) -> Timex:
    """The first dated expression, or a more precise one inside it that follows (a clock
    time on the same day, the day of the same month)."""
    first = inside[0]
    for t in inside[1:]:
        if t.value.startswith(first.value[:10]) and len(t.value) > len(first.value):
            return t
    return first


def similarity(a: frozenset[str], b: frozenset[str]) -> float:
    """Share of the smaller sentence's content words found (fuzzily) in the other."""
    if not a or not b:
        return 0.0
    small, large = (a, b) if len(a) <= len(b) else (b, a)
    pool = list(large)
    hits = sum(
        1 for w in small if w in large or process.extractOne(w, pool, scorer=fuzz.ratio, score_cutoff=80)
    )
    return hits / len(small) if hits >= 2 else 0.0


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
    cands: list[Candidate], labels: dict[str, str], cfg: TimelineSettings
) -> list[TimelineEntry]:
    """Merge candidates into entries, sorted by date then time."""
    groups: list[_Group] = []
    for cand in sorted(cands, key=lambda c: (c.day, c.article_id, c.span.start)):
        target = _best_group(groups, cand, cfg)
        if target is None:
            groups.append(_Group([cand]))
        else:
            target.members.append(cand)
    entries = [_entry(g, labels) for g in _merge_groups(groups, cfg)]
    return sorted(entries, key=lambda e: (e.date, e.time or "", e.text))


def _best_group(groups: list[_Group], cand: Candidate, cfg: TimelineSettings) -> _Group | None:
    """The group ``cand`` belongs to: alike enough in words or meaning, dates or not."""
    best, best_score = None, 0.0
    for group in groups:
        if cand.article_id in group.articles():
            continue
        words = max(similarity(cand.words, m.words) for m in group.members)
        meaning = max(semantic(cand, m) for m in group.members)
        if all(compatible(cand, m) for m in group.members):
            score = max(words / cfg.merge_similarity, meaning / cfg.merge_cosine)
        else:
            score = max(words / cfg.conflict_similarity, meaning / cfg.conflict_cosine)
        if score >= 1.0 and score > best_score:
            best, best_score = group, score
    return best


def _merge_groups(groups: list[_Group], cfg: TimelineSettings) -> list[_Group]:
    """Join groups the one-pass assignment left apart (order effects): no article in
    both, dates compatible, and some pair of members alike enough to merge."""
    merged = True
    while merged:
        merged = False
        for i, a in enumerate(groups):
            for b in groups[i + 1 :]:
                if _joinable(a, b, cfg):
                    a.members.extend(b.members)
                    groups.remove(b)
                    merged = True
                    break
            if merged:
                break
    return groups


def _joinable(a: _Group, b: _Group, cfg: TimelineSettings) -> bool:
    if set(a.articles()) & set(b.articles()):
        return False
    pairs = [(x, y) for x in a.members for y in b.members]
    if not all(compatible(x, y) for x, y in pairs):
        return False
    return any(
        similarity(x.words, y.words) >= cfg.merge_similarity or semantic(x, y) >= cfg.merge_cosine
        for x, y in pairs
    )


def semantic(a: Candidate, b: Candidate) -> float:
    """Cosine of the two sentence embeddings, 0 when either has none."""
    if a.vector is None or b.vector is None:
        return 0.0
    return float(a.vector @ b.vector)


def _entry(group: _Group, labels: dict[str, str]) -> TimelineEntry:
    versions = Counter((m.day, m.time) for m in group.members)
    (day, time), _ = min(versions.items(), key=lambda kv: (-kv[1], kv[0][0], kv[0][1] or ""))
    lead = next(m for m in group.members if (m.day, m.time) == (day, time))
    conflict = _conflict(group, labels)
    spans = tuple((m.article_id, m.span.start, m.span.end) for m in group.members)
    return TimelineEntry(day, time, lead.text, group.articles(), conflict, spans)


def _conflict(group: _Group, labels: dict[str, str]) -> str | None:
    """Each version in a clash: the dates of members some other member cannot agree with."""
    members = group.members
    clashing = [m for m in members if any(not compatible(m, other) for other in members)]
    if not clashing:
        return None
    by_version: dict[str, list[str]] = {}
    for m in clashing:
        key = m.day + (f" {m.time}" if m.time else "")
        by_version.setdefault(key, []).append(f"{labels.get(m.article_id, m.article_id)}: “{m.timex.text}”")
    parts = [f"{key} ({'; '.join(dict.fromkeys(who))})" for key, who in sorted(by_version.items())]
    return "outlets give different dates: " + " vs ".join(parts)
