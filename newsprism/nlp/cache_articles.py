"""What is read from one article's parse, kept in the run's store
(:func:`newsprism.nlp.cache.derived`): its quotes, its statements and what framing reads of
it; and the values contradictions read in its sentences. A brief from cached parses reads them back instead of walking the parse again (about
1 CPU s each in a 100-article brief).

Each key names everything the output depends on: the article's text and the fields read
with it, the parser (its name and version: the parse is the text's under it; and spaCy's,
whose code reads the parse), the settings, what else the step is given (an article's
statements are cut around its quotes), and the source of the step's modules and of those
they import from newsprism, data files included: a changed rule, word list or setting misses.
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import importlib.metadata
import json
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, TypeVar

from newsprism.model import Article, Quote, Span, Speaker, Statement
from newsprism.nlp.cache import derived, derived_cache, parsed_by, source_key
from newsprism.settings import QuoteSettings

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = [
    "FRAMING_CODE",
    "QUOTE_CODE",
    "STATEMENT_CODE",
    "framing_kind",
    "marks_kind",
    "mentions_kind",
    "MARK_CODE",
    "MENTION_CODE",
    "kept_framing",
    "kept_marks",
    "kept_mentions",
    "kept_quotes",
    "kept_statements",
    "quotes_kind",
    "statements_kind",
]
T = TypeVar("T")

Extract = Callable[[Article, "Doc", QuoteSettings], tuple[Quote, ...]]
Cut = Callable[..., list[Statement]]

# The code quote extraction runs: the quotes package and what it imports from newsprism.
_SHARED = ("newsprism.model", "newsprism.spans", "newsprism.text", "newsprism.nlp.spacy_model")
QUOTE_CODE = ("newsprism.quotes", *_SHARED)
# Statement cutting: its module, the clause reader, and what they import from newsprism.
STATEMENT_CODE = ("newsprism.compare.statements", "newsprism.compare.clauses", *_SHARED)
# Framing's reading of a parse: own voice and loaded words (word rarity from wordfreq, in the key).
FRAMING_CODE = (
    "newsprism.compare.framing",
    "newsprism.compare.voice",
    "newsprism.compare.lexicon",
    "newsprism.quotes.cues",
    *_SHARED,
)
# Contradictions' values of a sentence (compare/attributes.mentions) and what they import from
# newsprism (quotes for its title and name lists); word rarity from wordfreq (in the key).
MENTION_CODE = (
    "newsprism.compare.attributes",
    "newsprism.compare.births",
    "newsprism.compare.offices",
    "newsprism.compare.person_acts",
    "newsprism.compare.prison_terms",
    "newsprism.compare.residences",
    "newsprism.compare.tallies",
    "newsprism.compare.lexicon",
    "newsprism.quotes",
    *_SHARED,
)

# Which dates and places a grouped statement gives (compare/contradictions._marks: its readers
# are in that module and read words and months through the value readers' modules).
MARK_CODE = ("newsprism.compare.contradictions", *MENTION_CODE)


def kept_quotes(article: Article, doc: Doc, settings: QuoteSettings, extract: Extract) -> tuple[Quote, ...]:
    """``extract(article, doc, settings)``, kept in the store in force by :func:`quotes_kind`
    and what the extraction reads of ``article`` (``doc`` is its text's parse, from
    :func:`~newsprism.nlp.cache.parse_cached`: a parse made elsewhere keeps nothing)."""
    model = parsed_by(doc)
    kind = quotes_kind(settings, model) if model is not None and derived_cache() is not None else None
    if kind is None:
        return extract(article, doc, settings)
    return derived(kind, _article_key(article), lambda _: extract(article, doc, settings), _encode, _decode)


def quotes_kind(settings: QuoteSettings, model: str, code: tuple[str, ...] | None = None) -> str | None:
    """``quotes-`` and a hash of the parser, the settings and the code (:data:`QUOTE_CODE`);
    None when the code cannot be read (then nothing is kept)."""
    return _kind("quotes-", code or QUOTE_CODE, model, dataclasses.asdict(settings))


def kept_statements(
    article: Article,
    quotes: Sequence[Quote],
    min_words: int,
    doc: Doc | None,
    min_clause_words: int,
    unit_words: int,
    cut: Cut,
) -> list[Statement]:
    """``cut(article, quotes, min_words, doc, min_clause_words, unit_words)`` (the statements of
    one article), kept in the store in force by :func:`statements_kind`, what the cut reads of
    ``article`` and its ``quotes``. Without a parse from :func:`~newsprism.nlp.cache.parse_cached`
    (sentences only) nothing is kept."""
    model = parsed_by(doc) if doc is not None and derived_cache() is not None else None
    kind = statements_kind(model, min_words, min_clause_words, unit_words) if model is not None else None
    if kind is None:
        return cut(article, quotes, min_words, doc, min_clause_words, unit_words)
    given = _article_key(article) + "\0" + json.dumps([dataclasses.asdict(q) for q in quotes])
    return derived(
        kind,
        given,
        lambda _: cut(article, quotes, min_words, doc, min_clause_words, unit_words),
        _encode_statements,
        _decode_statements,
    )


def statements_kind(
    model: str, min_words: int, min_clause_words: int, unit_words: int, code: tuple[str, ...] | None = None
) -> str | None:
    """``statements-`` and a hash of the parser, the settings and the code (:data:`STATEMENT_CODE`)."""
    return _kind("statements-", code or STATEMENT_CODE, model, [min_words, min_clause_words, unit_words])


def kept_framing(
    text: str,
    quotes: Sequence[Quote],
    model: str | None,
    read: Callable[[], T],
    encode: Callable[[T], bytes],
    decode: Callable[[bytes], T],
) -> T:
    """``read()`` (what framing reads from the parse of ``text`` by the pipeline ``model``
    names, around the spans of the article's ``quotes``), kept in the store in force by
    :func:`framing_kind`, ``text`` and the quotes' spans. No model (a parse not from
    :func:`~newsprism.nlp.cache.parse_cached`, see :func:`~newsprism.nlp.cache.parsed_by`):
    nothing kept."""
    kind = framing_kind(model) if model is not None and derived_cache() is not None else None
    if kind is None:
        return read()
    given = json.dumps([[q.span.start, q.span.end] for q in quotes]) + "\0" + text
    return derived(kind, given, lambda _: read(), encode, decode)


def framing_kind(model: str, code: tuple[str, ...] | None = None) -> str | None:
    """``framing-`` and a hash of the parser, wordfreq's version and the code (:data:`FRAMING_CODE`)."""
    return _kind("framing-", code or FRAMING_CODE, model, {"wordfreq": _version("wordfreq")})


def kept_mentions(
    sentences: Sequence[str],
    read: Callable[[str], T],
    encode: Callable[[list[T]], bytes],
    decode: Callable[[bytes], list[T]],
) -> list[T]:
    """``read(sentence)`` of each of one article's ``sentences`` (what contradictions compare:
    it reads the text alone), kept in the store in force as one entry by :func:`mentions_kind`
    and the sentences; without a store, or when the code cannot be read, only read."""
    kind = mentions_kind() if derived_cache() is not None else None
    if kind is None:
        return [read(s) for s in sentences]
    return derived(kind, "\0".join(sentences), lambda _: [read(s) for s in sentences], encode, decode)


def mentions_kind(code: tuple[str, ...] | None = None) -> str | None:
    """``mentions-`` and a hash of wordfreq's version and the code (:data:`MENTION_CODE`)."""
    return _kind("mentions-", code or MENTION_CODE, "", {"wordfreq": _version("wordfreq")})


def kept_marks(
    given: str, read: Callable[[], T], encode: Callable[[T], bytes], decode: Callable[[bytes], T]
) -> T:
    """``read()`` (contradictions' date and place marks of one article's grouped statements),
    kept in the store in force by :func:`marks_kind` and ``given`` (what the marks read: the
    statements' texts and sentences and the article's text)."""
    kind = marks_kind() if derived_cache() is not None else None
    if kind is None:
        return read()
    return derived(kind, given, lambda _: read(), encode, decode)


def marks_kind(code: tuple[str, ...] | None = None) -> str | None:
    """``marks-`` and a hash of wordfreq's version and the code (:data:`MARK_CODE`)."""
    return _kind("marks-", code or MARK_CODE, "", {"wordfreq": _version("wordfreq")})


def _kind(prefix: str, code: tuple[str, ...], model: str, settings: object) -> str | None:
    source = _source(code)
    if source is None:
        return None
    named = json.dumps([model, _version("spacy"), settings, source], sort_keys=True)
    return prefix + hashlib.sha1(named.encode("utf-8")).hexdigest()[:16]


@functools.cache
def _version(package: str) -> str:
    try:
        return importlib.metadata.version(package)
    except importlib.metadata.PackageNotFoundError:
        return ""


@functools.cache
def _source(code: tuple[str, ...]) -> str | None:
    return source_key(*code)


def _article_key(article: Article) -> str:
    """What names what is read from an article besides its text: its id (in every quote's and
    statement's id), the paragraphs and headings read with the text, and the fields that could be."""
    fields = [article.id, article.path, article.format, article.title, article.outlet, article.published]
    spans = [[s.start, s.end] for s in article.paragraphs], [[s.start, s.end] for s in article.headings]
    return json.dumps([fields, spans]) + "\0" + article.text


def _encode(quotes: tuple[Quote, ...]) -> bytes:
    return json.dumps([dataclasses.asdict(q) for q in quotes]).encode("utf-8", "surrogatepass")


def _decode(data: bytes) -> tuple[Quote, ...]:
    return tuple(_quote(d) for d in json.loads(data.decode("utf-8", "surrogatepass")))


def _encode_statements(statements: list[Statement]) -> bytes:
    return json.dumps([dataclasses.asdict(st) for st in statements]).encode("utf-8", "surrogatepass")


def _decode_statements(data: bytes) -> list[Statement]:
    return [
        Statement(
            **{**d, "span": _span(d["span"]), "sentence": _span(d["sentence"]), "hedges": tuple(d["hedges"])}
        )
        for d in json.loads(data.decode("utf-8", "surrogatepass"))
    ]


def _span(d: dict | None) -> Span | None:
    return Span(d["start"], d["end"]) if d is not None else None


def _quote(d: dict) -> Quote:
    speaker = d["speaker"]
    if speaker is not None:
        speaker = Speaker(**{**speaker, "span": _span(speaker["span"])})
    return Quote(**{**d, "span": _span(d["span"]), "cue_span": _span(d["cue_span"]), "speaker": speaker})
