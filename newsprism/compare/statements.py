"""Statements: the atomic, checkable claims of an article, with their spans.

A statement is one claim of a sentence of the cleaned text (sentences are split at ``;``
outside quotes, then, when the spaCy parse is given, into clauses by
:mod:`newsprism.compare.clauses`). It is linked to the :class:`Quote` it overlaps (when
the quote stage ran), records who it is attributed to (the quote's speaker, else the
subject of a reporting verb, else ``None`` for the outlet's own voice), its hedges and its
polarity. Speaker and hedges are read on the whole sentence, so that "the union alleged
that A, and that B" gives both claims to the union, hedged "alleged".
"""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from newsprism.compare.clauses import clause_spans
from newsprism.errors import TooSlowInputError
from newsprism.ingest.limits import BUDGET_HINT, cpu_budget
from newsprism.model import Article, Quote, Rejection, Span, Statement, content_id
from newsprism.nlp.cache_articles import kept_statements
from newsprism.nlp.spacy_model import text_of
from newsprism.spans import SpanIndex
from newsprism.text import (
    DAYS,
    HEDGES,
    hedges_in,
    negations,
    quote_regions,
    split_sentences,
    without_quoted,
    words,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["article_statements", "build_statements"]

log = logging.getLogger(__name__)

_REPORTING = (
    r"said|says|told|added|stated|claimed|claims|denied|denies|insisted|warned|asserted|"
    r"admitted|accused|blamed|rejected|dismissed|derided|argued|noted|announced|vowed|reported"
)
# "X said" / "said X" / "according to X": X is a run of capitalised words (with a title before).
_SUBJECT_BEFORE = re.compile(
    rf"((?:[A-Z][\w’'.-]+\s+){{0,4}}[A-Z][\w’'.-]+)\s*,?\s+(?:has\s+|had\s+)?(?:{_REPORTING})\b"
)
_SUBJECT_AFTER = re.compile(rf"\b(?:{_REPORTING})\s+((?:[A-Z][\w’'.-]+\s+){{0,4}}[A-Z][\w’'.-]+)")
_ACCORDING = re.compile(r"[Aa]ccording to\s+((?:the\s+)?(?:[A-Z][\w’'.-]+\s*){1,4})")
_CREDIT_LINE = re.compile(r"[\w .,&'-]+ contributed( reporting| to this report)?\.?|reporting by .*")
_NOT_PROSE = re.compile(r"https?://|\bvia reuters\)|^copyright\b|\(image:|^original url")
_NOT_NAMES = {
    "on",
    "in",
    "but",
    "and",
    "the",
    "cnn",
    "msnbc",
    "nbc",
    "news",
    "reuters",
    "afp",
    "obviously",
    "however",
    "also",
    "may",
    "of",
    "course",
} | set(DAYS)
_PRONOUNS = {"he", "she", "they", "it", "we", "i"}


def build_statements(
    articles: Sequence[Article],
    quotes: Sequence[Quote],
    min_words: int = 5,
    rejections: list[Rejection] | None = None,
    docs: Sequence[Doc] | None = None,
    min_clause_words: int = 3,
    max_seconds: float = 0.0,
    unit_words: int = 0,
) -> list[Statement]:
    """Statements of every article, in article then text order. With ``docs`` (the spaCy
    parses of ``articles``, in order) sentences are cut into clauses of at least
    ``min_clause_words`` words (and, with ``unit_words``, adverbial clauses without a
    subject of that many content words are cut too). An article that fails, or takes over ``max_seconds`` (when
    positive), is recorded in ``rejections`` (when given) and left out; the others go on."""
    by_article: dict[str, list[Quote]] = {}
    for quote in quotes:
        by_article.setdefault(quote.article_id, []).append(quote)
    out: list[Statement] = []
    for k, article in enumerate(articles):
        doc = docs[k] if docs is not None else None
        try:
            with cpu_budget(max_seconds, article.path, "statement splitting"):
                found = kept_statements(
                    article,
                    by_article.get(article.id, []),
                    min_words,
                    doc,
                    min_clause_words,
                    unit_words,
                    article_statements,
                )
            out.extend(found)
        except TooSlowInputError as exc:
            if rejections is None:
                raise
            log.warning("statements skipped on %s: %s", article.path, exc)
            rejections.append(Rejection(article.path, "compare", str(exc), BUDGET_HINT))
        except (ValueError, IndexError, KeyError, AttributeError) as exc:
            if rejections is None:
                raise
            log.warning("statements failed on %s: %s", article.path, exc)
            rejections.append(Rejection(article.path, "compare", f"statement splitting failed ({exc})"))
    return out


def article_statements(
    article: Article,
    quotes: Sequence[Quote],
    min_words: int = 5,
    doc: Doc | None = None,
    min_clause_words: int = 3,
    unit_words: int = 0,
) -> list[Statement]:
    """The statements of one article; clause-sized when its parse ``doc`` is given."""
    if doc is not None and text_of(doc) != article.text:
        raise ValueError("the parse does not belong to this article's text")
    quoted = _quoted(article, quotes) if doc is not None else []
    starts = [t.idx for t in doc] if doc is not None else []
    quotes = SpanIndex([q for q in quotes if q.kind != "fragment"], lambda q: q.span)
    out = []
    last_speaker: str | None = None
    for start, end in _clauses(article.text):
        sentence = article.text[start:end]
        if article.in_heading(start, end) or not _is_statement(sentence, min_words):
            continue
        speaker = _speaker_of(_overlapping_quote(quotes, Span(start, end)), sentence, last_speaker)
        last_speaker = speaker if speaker else None
        frame_hedges = hedges_in(_outside_quotes(sentence))
        pieces = (
            clause_spans(doc, start, end, quoted, min_clause_words, starts, unit_words)
            if doc is not None
            else [(start, end)]
        )
        out.extend(_clause(article, quotes, a, b, speaker, frame_hedges, Span(start, end)) for a, b in pieces)
    return out


def _clause(
    article: Article,
    quotes: SpanIndex[Quote],
    a: int,
    b: int,
    speaker: str | None,
    frame_hedges: Sequence[str],
    sentence: Span,
) -> Statement:
    """The statement for ``article.text[a:b]``, one claim of ``sentence``."""
    text = article.text[a:b]
    quote = _overlapping_quote(quotes, Span(a, b))
    hedges = set(hedges_in(text)) | set(frame_hedges)
    return Statement(
        id=content_id(article.id, str(a), str(b), text, prefix="st_"),
        article_id=article.id,
        text=text,
        span=Span(a, b),
        quote_id=quote.id if quote else None,
        attributed_to=_quote_speaker(quote) or speaker,
        hedges=tuple(h for h in HEDGES if h in hedges),
        polarity="negative" if negations(text) else "positive",
        sentence=sentence,
    )


def _quoted(article: Article, quotes: Sequence[Quote]) -> list[tuple[int, int]]:
    """Character spans inside quote marks (from the text, and the quotes stage's direct quotes;
    an indirect quote is reported speech, whose clauses may be cut)."""
    spans = quote_regions(article.text)
    spans += [(q.span.start, q.span.end) for q in quotes if q.kind == "direct"]
    return sorted(set(spans))


def _outside_quotes(text: str) -> str:
    return without_quoted(text)


def _clauses(text: str) -> list[tuple[int, int]]:
    """Sentence spans, split again at semicolons outside quotes (two claims in one sentence)."""
    spans = []
    for start, end in split_sentences(text):
        cut = start
        for m in re.finditer(r";\s+", text[start:end]):
            pos = start + m.start()
            if (
                text.count("“", start, pos) == text.count("”", start, pos)
                and text.count('"', start, pos) % 2 == 0
            ):
                spans.append((cut, pos))
                cut = start + m.end()
        spans.append((cut, end))
    return spans


def _is_statement(text: str, min_words: int) -> bool:
    n = len(words(text))
    if n < min_words - 1:
        return False
    if n < min_words and not text.rstrip("”\"’' ").endswith((".", "!", "?")):
        return False
    # Credit lines, captions, urls and copyright notes assert nothing about the story.
    low = text.lower()
    return not (_CREDIT_LINE.fullmatch(low) or _NOT_PROSE.search(low))


def _clean_name(raw: str) -> str | None:
    """Drop leading words that are not names (sentence openers, days, outlets)."""
    parts = [p for p in raw.strip().split() if p.lower().rstrip(",") not in _NOT_NAMES]
    return " ".join(parts) if parts else None


def _overlapping_quote(quotes: SpanIndex[Quote], span: Span) -> Quote | None:
    """The non-fragment quote sharing most characters with ``span`` (the first on a tie)."""
    best, best_len = None, 0
    for quote in quotes.overlapping(span.start, span.end):
        shared = min(quote.span.end, span.end) - max(quote.span.start, span.start)
        if shared > best_len:
            best, best_len = quote, shared
    return best


def _quote_speaker(quote: Quote | None) -> str | None:
    if quote is None or quote.speaker is None:
        return None
    return quote.speaker.canonical or quote.speaker.name


def _speaker_of(quote: Quote | None, text: str, last_speaker: str | None) -> str | None:
    if quote is not None and quote.speaker is not None:
        return _quote_speaker(quote)
    outside = without_quoted(text)
    for pattern in (_ACCORDING, _SUBJECT_BEFORE, _SUBJECT_AFTER):
        for m in pattern.finditer(outside):
            name = _clean_name(m.group(1))
            if name:
                return last_speaker if name.lower() in _PRONOUNS else name
    low = outside.lower()
    if re.search(rf"\b(he|she|they)\s+(?:{_REPORTING})\b", low):
        return last_speaker
    return None
