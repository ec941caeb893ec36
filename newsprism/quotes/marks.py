"""Find text between quote marks, in every mark style, with character offsets.

Works on plain text and paragraph spans only (no parse), so it is cheap and fully
testable. Marks are matched by *role* (opening / closing) decided from the mark
itself and its neighbours, so mixed or mismatched marks still pair up:
``"The United States has nothing to do with it,”`` opens with a straight mark
and closes with a curly one. A paragraph that ends inside a quote and is followed
by a paragraph opening with a mark is one quote continued across paragraphs: each
paragraph gives one segment, and the segments share a ``run``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from newsprism.model import Span

__all__ = ["MarkedSpan", "find_marked_spans", "join_broken", "paragraph_spans", "typed_doubles"]

DOUBLE_OPEN = "“„«‟"
DOUBLE_CLOSE = "”»"
SINGLE_OPEN = "‘‹‚"
SINGLE_CLOSE = "’›"
STRAIGHT_DOUBLE = '"'
STRAIGHT_SINGLE = "'"
# Every dash that sets off a clause or a name like an em dash: figure dash, en dash, em dash,
# horizontal bar, two- and three-em dashes (typesetters use them interchangeably).
DASH_CHARS = "\u2012\u2013\u2014\u2015\u2e3a\u2e3b"
# Characters after which a mark may open a quote (besides start of text / whitespace).
OPENERS_BEFORE = "([{-/:" + DASH_CHARS
# Characters after a closing mark that keep it a close (besides end / whitespace).
CLOSERS_AFTER = ".,;:!?)]}-…’'\"”»" + DASH_CHARS


def is_dash(text: str) -> bool:
    """A token that is only dashes ("—", "--", "―"): it ends a name and separates clauses."""
    return bool(text) and all(c == "-" or c in DASH_CHARS for c in text)


@dataclass(frozen=True)
class MarkedSpan:
    """A stretch of text in quote marks; ``span`` includes the marks themselves."""

    span: Span
    inner: Span
    double: bool
    closed: bool = True
    run: int | None = None  # same value on the paragraph segments of one continued quote


# Two straight single marks typed for one double mark (``''Not now,'' he said``), as news
# archives and treebank-style text print quotes; a third one beside them is a single mark
# inside the double (``'''Sir, …'' he said``, ``the word 'old-school,''' said``).
_TYPED_DOUBLE = re.compile(r"(?<!')'{2,3}(?!')")


def typed_doubles(text: str) -> str:
    """``text`` of the same length with each pair of straight single marks that stands for a
    double mark read as one: ``"`` beside the quoted words and a space on the other side, so
    the pair opens or closes a double quote and never pairs up as single marks."""
    if "''" not in text:
        return text
    chars = list(text)
    for m in _TYPED_DOUBLE.finditer(text):
        a, b = m.start(), m.end()
        prev = text[a - 1] if a > 0 else " "
        nxt = text[b] if b < len(text) else " "
        if (prev.isspace() or prev in OPENERS_BEFORE) and not nxt.isspace():
            chars[a], chars[a + 1] = " ", '"'  # opening (a third mark after it opens a single)
        elif not prev.isspace() and (nxt.isspace() or nxt in CLOSERS_AFTER):
            chars[b - 2], chars[b - 1] = '"', " "  # closing (a third mark before it closes a single)
    return "".join(chars)


def _with_typed_pairs(text: str, span: MarkedSpan) -> MarkedSpan:
    """The marked span widened over the other character of a typed double mark."""
    start, end = span.span.start, span.span.end
    if span.double and start > 0 and text[start - 1 : start + 1] == "''":
        start -= 1
    if span.double and span.closed and text[end - 1 : end + 1] == "''":
        end += 1
    if (start, end) == (span.span.start, span.span.end):
        return span
    return MarkedSpan(Span(start, end), span.inner, span.double, span.closed, span.run)


def _typed(text: str, span: MarkedSpan) -> bool:
    """A double quote typed with single marks (two straight ones): the single-quoted words in it
    are read as quotes of their own, as they were before such marks were read as one (a quote
    ending in another person's words, which the tag may give to that person)."""
    return text[span.span.start : span.span.start + 2] == "''"


def paragraph_spans(text: str, paragraphs: tuple[Span, ...] = ()) -> list[Span]:
    """The given paragraph spans, else spans of non-blank lines."""
    if paragraphs:
        return sorted(paragraphs, key=lambda s: s.start)
    spans, pos = [], 0
    for line in text.split("\n"):
        stripped = line.strip()
        if stripped:
            start = pos + line.index(stripped[0])
            spans.append(Span(start, start + len(stripped)))
        pos += len(line) + 1
    return spans


def _role(text: str, i: int, double: bool) -> str:
    """``open``, ``close``, ``both`` or ``none`` for the mark at ``text[i]``."""
    ch = text[i]
    prev = text[i - 1] if i > 0 else " "
    nxt = text[i + 1] if i + 1 < len(text) else " "
    can_open = (prev.isspace() or prev in OPENERS_BEFORE or (double and not prev.isalnum())) and not (
        nxt.isspace()
    )
    can_close = not prev.isspace() and (
        nxt.isspace() or nxt in CLOSERS_AFTER or (double and not nxt.isalnum())
    )
    if ch in DOUBLE_OPEN + SINGLE_OPEN:
        if nxt in ",.;" and i > 0:
            return "close"  # “ typed for ” before the clause goes on: `orchestra “, the host said`
        return "open" if can_open or not can_close else "close"
    if ch in DOUBLE_CLOSE + SINGLE_CLOSE:
        if not double and prev.isalnum() and nxt.isalnum():
            return "none"  # an apostrophe: don’t, Norway’s
        return "close" if can_close or not can_open else "open"
    if can_open and can_close:
        return "both"
    if double and prev.isspace() and nxt.isspace() and i > 1 and text[i - 2] in ".,?!":
        return "close"  # a space typed before the closing mark: `too hard. "`
    return "open" if can_open else "close" if can_close else "none"


def _marks(text: str, para: Span, double: bool) -> list[tuple[int, str]]:
    chars = (
        DOUBLE_OPEN + DOUBLE_CLOSE + STRAIGHT_DOUBLE
        if double
        else SINGLE_OPEN + SINGLE_CLOSE + STRAIGHT_SINGLE
    )
    out = []
    for i in range(para.start, para.end):
        if text[i] in chars:
            role = _role(text, i, double)
            if role != "none":
                out.append((i, role))
    return out


def _pairs_in_paragraph(text: str, para: Span, double: bool) -> tuple[list[tuple[int, int]], int | None]:
    """Closed ``(open, close)`` index pairs, and the index of a quote left open at the end."""
    pairs: list[tuple[int, int]] = []
    open_at: int | None = None
    marks = _marks(text, para, double)
    for k, (i, role) in enumerate(marks):
        if open_at is None:
            if role in ("open", "both"):
                open_at = i
        elif role in ("close", "both") or _mistyped_close(text, i, marks[k + 1 :]):
            pairs.append((open_at, i))
            open_at = None
        elif role == "open":
            open_at = i  # the previous mark never closed: restart here
    return pairs, open_at


def _mistyped_close(text: str, i: int, later: list[tuple[int, str]]) -> bool:
    """An opening mark right after the end of a clause (``again, “Jonathan Wright said``,
    ``over, "said Ann``), while a quote is open and nothing later in the paragraph closes it:
    the writer typed the wrong mark, or a space, before the closing one."""
    if text[i] == STRAIGHT_DOUBLE and text[i - 1 : i] in (",", ".", "?", "!"):
        return True  # a straight mark glued to the clause's end closes: `audiences,"Ann Lee said`
    before = text[max(0, i - 2) : i].rstrip(" ")
    return before[-1:] in (",", ".", "?", "!") and not any(r in ("close", "both") for _, r in later)


def _starts_with_open(text: str, para: Span) -> bool:
    first = text[para.start : para.end].lstrip()[:1]  # lstrip: a typed double mark reads ` "`
    return first != "" and first in DOUBLE_OPEN + STRAIGHT_DOUBLE


def _double_spans(text: str, paras: list[Span]) -> list[MarkedSpan]:
    """Closed pairs per paragraph; a quote left open runs to its paragraph's end.

    When the next paragraph opens with a mark, the open quote is continued there: both
    segments carry the same ``run`` (the offset where the quote first opened).
    """
    spans: list[MarkedSpan] = []
    run: int | None = None  # run of the quote continued from the previous paragraph
    for k, para in enumerate(paras):
        pairs, left_open = _pairs_in_paragraph(text, para, True)
        head = para.start + len(text[para.start : para.end]) - len(text[para.start : para.end].lstrip())
        for a, b in pairs:
            spans.append(_marked(a, b, True, True, run if a == head else None))
        if run is not None and (not pairs or pairs[0][0] != head) and left_open != head:
            run = None
        if left_open is None:
            run = None
            continue
        nxt = paras[k + 1] if k + 1 < len(paras) else None
        continued = nxt is not None and _starts_with_open(text, nxt)
        this_run = run if (run is not None and left_open == head) else left_open
        spans.append(_marked(left_open, para.end - 1, True, False, this_run if continued else run))
        run = this_run if continued else None
    return spans


# Paragraphs without a mark a quote may run over before the closing mark that ends it.
BROKEN_REACH = 6


def join_broken(text: str, paras: list[Span], reach: int = BROKEN_REACH) -> list[Span]:
    """A quote left open whose closing mark comes first in a later paragraph, with only
    unmarked paragraphs (up to ``reach``) in between, was broken by line breaks, not continued:
    join those paragraphs (a continued quote re-opens each paragraph instead). Short lines
    without marks after a quote line left open, before a line that continues the quote, are
    the open line's (:func:`_lines_of_one`)."""
    text = typed_doubles(text)
    out: list[Span] = []
    waiting: list[Span] = []  # unmarked paragraphs after one left open
    for para in paras:
        marks = _marks(text, para, True)
        first = marks[0] if marks else None
        left_open = bool(out) and _pairs_in_paragraph(text, out[-1], True)[1] is not None
        if (
            left_open
            and first is not None
            and (first[1] == "close" or _mistyped_close(text, first[0], marks[1:]))
        ):
            out[-1] = Span(out[-1].start, para.end)
            waiting = []
            continue
        if left_open and first is None and len(waiting) < reach:
            waiting.append(para)
            continue
        if waiting and _starts_with_open(text, para) and _lines_of_one(text, [out[-1], *waiting]):
            out[-1] = Span(out[-1].start, waiting[-1].end)  # its lines, up to the quote continued here
        else:
            out += waiting
        waiting = []
        out.append(para)
    return out + waiting


def _lines_of_one(text: str, paras: list[Span]) -> bool:
    """The paragraph left open opens with a mark (it is a quote's paragraph) and the ones after
    it are short (a sentence or two each, as text printed a sentence a line has them): an open
    quote runs over them when the next quote paragraph continues it, as a paragraph left open
    runs on in print."""
    return _starts_with_open(text, paras[0]) and all(len(p) <= SENTENCE_LINE for p in paras[1:])


# Characters: a line this short is a sentence or two, not a paragraph of prose.
SENTENCE_LINE = 160


def _marked(open_at: int, close_at: int, double: bool, closed: bool, run: int | None = None) -> MarkedSpan:
    inner_end = close_at if closed else close_at + 1
    return MarkedSpan(Span(open_at, close_at + 1), Span(open_at + 1, inner_end), double, closed, run)


def find_marked_spans(text: str, paragraphs: tuple[Span, ...] = ()) -> list[MarkedSpan]:
    """Every top-level quoted stretch of ``text``, in order.

    Double marks first; single marks count only outside double-quoted text (inside,
    they are quotes within a quote) and only within one paragraph.
    """
    paras = join_broken(text, paragraph_spans(text, paragraphs))
    marked = typed_doubles(text)
    doubles = [_with_typed_pairs(text, d) for d in _double_spans(marked, paras)]
    singles = []
    for para in paras:
        pairs, _ = _pairs_in_paragraph(marked, para, False)
        for a, b in pairs:
            cand = _marked(a, b, False, True)
            holder = next((d for d in doubles if d.span.overlaps(cand.span)), None)
            if (holder is None or _typed(text, holder)) and len(cand.inner) > 1:
                singles.append(cand)
    return sorted(doubles + singles, key=lambda m: m.span.start)
