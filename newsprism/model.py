"""Frozen value objects that flow between the stages.

Every derived object carries character offsets ``[start, end)`` into the cleaned
text of its article; :class:`OffsetMap` takes those back to the raw input.
Stages build new objects rather than mutating old ones (``dataclasses.replace``).
"""

from __future__ import annotations

import bisect
import hashlib
import re
from dataclasses import dataclass, field, replace
from typing import Any
from urllib.parse import urlsplit

__all__ = [
    "Article",
    "Contradiction",
    "Copy",
    "Dispute",
    "Document",
    "LedgerGroup",
    "OffsetMap",
    "ProvenanceEdge",
    "Quote",
    "QuoteGroup",
    "Rejection",
    "Removal",
    "Span",
    "Speaker",
    "Statement",
    "Story",
    "Timex",
    "TimelineEntry",
    "content_id",
    "reader_label",
    "with_copy",
]


def content_id(*parts: str, prefix: str = "", length: int = 16) -> str:
    """A stable id from content, so that re-running on the same input upserts."""
    h = hashlib.sha256()
    for part in parts:
        h.update(part.encode("utf-8", "surrogatepass"))
        h.update(b"\x1f")
    return prefix + h.hexdigest()[:length]


@dataclass(frozen=True)
class Span:
    """Half-open character range ``[start, end)`` in an article's cleaned text."""

    start: int
    end: int

    def __post_init__(self) -> None:
        if self.start < 0 or self.end < self.start:
            raise ValueError(f"bad span [{self.start}, {self.end})")

    def __len__(self) -> int:
        return self.end - self.start

    def overlaps(self, other: Span) -> bool:
        return self.start < other.end and other.start < self.end

    def contains(self, other: Span) -> bool:
        return self.start <= other.start and other.end <= self.end


@dataclass(frozen=True)
class OffsetMap:
    """Maps offsets in cleaned text back to offsets in the raw input.

    Stored as runs ``(clean_start, raw_start, length)`` sorted by ``clean_start``:
    inside a run characters correspond one to one; text the cleaner inserted
    (paragraph joins) maps to the raw offset where the next run begins.
    """

    runs: tuple[tuple[int, int, int], ...] = ()

    def to_raw(self, offset: int) -> int:
        if not self.runs:
            return offset
        starts = [r[0] for r in self.runs]
        i = bisect.bisect_right(starts, offset) - 1
        if i < 0:
            return self.runs[0][1]
        clean_start, raw_start, length = self.runs[i]
        if offset < clean_start + length:
            return raw_start + (offset - clean_start)
        if i + 1 < len(self.runs):
            return self.runs[i + 1][1]
        return raw_start + length

    def span_to_raw(self, start: int, end: int) -> tuple[int, int]:
        """Raw ``[start, end)`` covering cleaned ``[start, end)``."""
        if end <= start:
            raw = self.to_raw(start)
            return raw, raw
        return self.to_raw(start), self.to_raw(end - 1) + 1


@dataclass(frozen=True)
class Removal:
    """A piece of the raw input the cleaner left out, and why."""

    text: str
    reason: str
    raw_start: int
    raw_end: int


@dataclass(frozen=True)
class Document:
    """What a reader produced from one input, before cleaning."""

    path: str
    raw: str
    format: str  # "text", "html", "json"
    title: str | None = None
    outlet: str | None = None
    author: str | None = None
    published: str | None = None  # ISO date or datetime
    published_source: str | None = None
    url: str | None = None
    html: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)


# A file-name part that is an id, not a word: 8+ hex characters with a digit ("548a66990e9d9a05").
_HASHLIKE = re.compile(r"^(?=.*\d)[0-9a-f]{8,}$", re.IGNORECASE)
# Title words that name an article with no outlet, URL or readable file name (after the file's
# number, when it has one): short enough for a column of labels.
_LABEL_WORDS = 4


@dataclass(frozen=True)
class Copy:
    """Another outlet's publication of an article's exact text (a syndicated reprint): stored
    once with the article, shown to the reader as a carrier, counted as the same source."""

    outlet: str
    url: str | None = None
    path: str = ""
    published: str | None = None


def reader_label(outlet: str | None, url: str | None, path: str, title: str | None) -> str:
    """How an article is named to a reader: its outlet, else its URL's host, else its file name
    without hash-like parts ("2024-fire-report"), else the title's first words; never a bare hash."""
    if outlet:
        return outlet
    if url and (host := urlsplit(url).hostname):
        return host.removeprefix("www.")
    name = path.rsplit("/", 1)[-1]
    stem, _, tail = name.partition("#")
    parts = [p for p in re.split(r"[_\-. ]+", stem.rsplit(".", 1)[0]) if p and not _HASHLIKE.match(p)]
    readable = "-".join(parts)
    if sum(c.isalpha() for c in readable) >= 3:
        return readable + (f"#{tail}" if tail else "")
    if title:
        words = title.split()
        short = " ".join(words[:_LABEL_WORDS]) + ("…" if len(words) > _LABEL_WORDS else "")
        return f"{readable}: {short}" if readable else short  # "000: Council delays the vote…"
    return name


@dataclass(frozen=True)
class Article:
    """One cleaned article. ``id`` is a hash of the raw input text."""

    id: str
    path: str
    raw: str
    text: str
    offsets: OffsetMap
    format: str = "text"
    title: str | None = None
    outlet: str | None = None
    author: str | None = None
    published: str | None = None
    published_source: str | None = None
    published_confidence: float | None = None
    url: str | None = None
    credits: tuple[str, ...] = ()
    removed: tuple[Removal, ...] = ()
    paragraphs: tuple[Span, ...] = ()
    # Subheadings and section labels kept in the text: not statements, not quotes.
    headings: tuple[Span, ...] = ()
    # Other outlets that published this exact text (syndicated reprints), in the order read.
    copies: tuple[Copy, ...] = ()

    def in_heading(self, start: int, end: int) -> bool:
        """Whether ``[start, end)`` lies inside a subheading."""
        return any(h.start <= start and end <= h.end for h in self.headings)

    @property
    def label(self) -> str:
        """How the article is named to a reader (:func:`reader_label`)."""
        return reader_label(self.outlet, self.url, self.path, self.title)


def with_copy(kept: Article, other: Article) -> Article:
    """``kept`` with ``other`` (the same text) recorded as a copy when another outlet published it."""
    label = other.label
    if label == kept.label or any(c.outlet == label for c in kept.copies):
        return kept
    return replace(kept, copies=(*kept.copies, Copy(label, other.url, other.path, other.published)))


@dataclass(frozen=True)
class Rejection:
    """An input (or one stage on one input) that failed, recorded as data."""

    path: str
    stage: str
    reason: str
    hint: str = ""

    def line(self) -> str:
        tail = f" ({self.hint})" if self.hint else ""
        return f"{self.path}: {self.reason}{tail}"


@dataclass(frozen=True)
class Speaker:
    """Who a quote is given to. ``name`` is as written; ``canonical`` after identity merge."""

    name: str
    canonical: str
    role: str | None = None
    anonymous: bool = False
    kind: str = "person"  # person, group (named people speaking together), organisation, anonymous, unknown
    span: Span | None = None


@dataclass(frozen=True)
class Quote:
    id: str
    article_id: str
    text: str
    span: Span
    kind: str  # direct, indirect, fragment
    cue: str | None = None
    cue_span: Span | None = None
    speaker: Speaker | None = None
    method: str = "unknown"


@dataclass(frozen=True)
class Statement:
    """An atomic, checkable statement made in an article (outlet voice or attributed)."""

    id: str
    article_id: str
    text: str
    span: Span
    quote_id: str | None = None
    attributed_to: str | None = None
    hedges: tuple[str, ...] = ()
    polarity: str = "positive"  # positive, negative
    # The sentence the statement was cut from (display context; equal to ``span`` when the
    # statement is the whole sentence). None on statements built without it.
    sentence: Span | None = None


@dataclass(frozen=True)
class LedgerGroup:
    id: str
    text: str
    status: str  # consensus, single-source, disputed, corroborated
    statement_ids: tuple[str, ...]
    article_ids: tuple[str, ...]
    independent_support: int
    # How the text reads out of its article: "alone" (a sentence, or a clause with its own
    # subject and finite verb), "in_sentence" (a fragment or subordinate clause, shown inside
    # its sentence), "quote_piece" (a sentence cut out of a longer direct quote).
    form: str = "alone"


@dataclass(frozen=True)
class QuoteGroup:
    id: str
    speaker: str | None
    quote_ids: tuple[str, ...]
    variants: tuple[dict[str, Any], ...] = ()


@dataclass(frozen=True)
class Dispute:
    id: str
    claim: str  # an outlet's own words stating the claim
    asserts: tuple[dict[str, Any], ...]
    denies: tuple[dict[str, Any], ...]
    subject: str = ""  # who or what the claim is about ("United States"), when known


@dataclass(frozen=True)
class Contradiction:
    id: str
    kind: str  # number, date, place, negation
    a: dict[str, Any]
    b: dict[str, Any]
    note: str = ""
    values: tuple[str, str] = ("", "")  # what a and b each say ("12", "21"), for grouping by fact


@dataclass(frozen=True)
class ProvenanceEdge:
    source: str  # article id or outlet/agency name
    target: str
    kind: str  # reuses, shares, credits, cites
    evidence: str


@dataclass(frozen=True)
class Timex:
    """A temporal expression, normalised to a TIMEX3-style value."""

    span: Span
    text: str
    type: str  # DATE, TIME, DURATION, SET
    value: str
    article_id: str = ""
    mod: str | None = None  # TIMEX3 mod: APPROX, LESS_THAN, MORE_THAN, START, END...


@dataclass(frozen=True)
class TimelineEntry:
    date: str
    time: str | None
    text: str
    article_ids: tuple[str, ...]
    conflict: str | None = None
    spans: tuple[tuple[str, int, int], ...] = ()
    # When outlets' dates clash: each clashing passage as (date and time, article id, start,
    # end, sentence), so a reader sees both sides in their own words.
    versions: tuple[tuple[str, str, int, int, str], ...] = ()


@dataclass(frozen=True)
class Story:
    id: str
    title: str
    article_ids: tuple[str, ...]
    outlets: tuple[str, ...] = ()
    first_published: str | None = None
    last_published: str | None = None
