"""An article's extracted quotes, kept in the run's store (:func:`newsprism.nlp.cache.derived`):
a brief from cached parses read them back instead of walking the parse again (about 1 CPU s
in a 100-article brief).

The key names everything the extraction's output depends on: the article's text and the
fields read with it, the parser (its name and version: the parse is the text's under it),
the quote settings, and the source of the quotes package and of the modules it imports from
newsprism, its data files included, so a changed rule, word list or setting misses.
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import json
from collections.abc import Callable
from typing import TYPE_CHECKING

from newsprism.model import Article, Quote, Span, Speaker
from newsprism.nlp.cache import derived, source_key
from newsprism.settings import QuoteSettings

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["QUOTE_CODE", "kept_quotes", "quotes_kind"]

Extract = Callable[[Article, "Doc", QuoteSettings], tuple[Quote, ...]]

# The code quote extraction runs: the quotes package and what it imports from newsprism.
QUOTE_CODE = (
    "newsprism.quotes",
    "newsprism.model",
    "newsprism.spans",
    "newsprism.text",
    "newsprism.nlp.spacy_model",
)


def kept_quotes(
    article: Article, doc: Doc, settings: QuoteSettings, model: str, extract: Extract
) -> tuple[Quote, ...]:
    """``extract(article, doc, settings)``, kept in the store in force by :func:`quotes_kind`
    and what the extraction reads of ``article`` (``doc`` is its text's parse under ``model``)."""
    kind = quotes_kind(settings, model)
    if kind is None:
        return extract(article, doc, settings)
    return derived(kind, _article_key(article), lambda _: extract(article, doc, settings), _encode, _decode)


def quotes_kind(settings: QuoteSettings, model: str, code: tuple[str, ...] | None = None) -> str | None:
    """``quotes-`` and a hash of the parser, the settings and the code (:data:`QUOTE_CODE`);
    None when the code cannot be read (then nothing is kept)."""
    source = _source(code or QUOTE_CODE)
    if source is None:
        return None
    named = json.dumps([model, dataclasses.asdict(settings), source], sort_keys=True)
    return "quotes-" + hashlib.sha1(named.encode("utf-8")).hexdigest()[:16]


@functools.cache
def _source(code: tuple[str, ...]) -> str | None:
    return source_key(*code)


def _article_key(article: Article) -> str:
    """What names an article's quotes besides its text: its id (in every quote's id), the
    paragraphs and headings the extraction reads, and the fields it could."""
    fields = [article.id, article.path, article.format, article.title, article.outlet, article.published]
    spans = [[s.start, s.end] for s in article.paragraphs], [[s.start, s.end] for s in article.headings]
    return json.dumps([fields, spans]) + "\0" + article.text


def _encode(quotes: tuple[Quote, ...]) -> bytes:
    return json.dumps([dataclasses.asdict(q) for q in quotes]).encode("utf-8", "surrogatepass")


def _decode(data: bytes) -> tuple[Quote, ...]:
    return tuple(_quote(d) for d in json.loads(data.decode("utf-8", "surrogatepass")))


def _span(d: dict | None) -> Span | None:
    return Span(d["start"], d["end"]) if d is not None else None


def _quote(d: dict) -> Quote:
    speaker = d["speaker"]
    if speaker is not None:
        speaker = Speaker(**{**speaker, "span": _span(speaker["span"])})
    return Quote(**{**d, "span": _span(d["span"]), "cue_span": _span(d["cue_span"]), "speaker": speaker})
