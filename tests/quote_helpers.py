"""Shared helpers for quote tests: extract quotes from a fictional text with the bundled model."""

from __future__ import annotations

from newsprism.model import Quote, Span, Speaker
from newsprism.quotes import extract_quotes
from newsprism.quotes.speakers import merge_speakers
from tests.conftest import make_article


def quotes_of(nlp, text: str) -> list[Quote]:
    """The quotes found in ``text`` (an already-clean article)."""
    art = make_article(text)
    return extract_quotes(art, nlp(art.text))


def speaker_of(quotes: list[Quote], words: str) -> Speaker | None:
    """The speaker of the first quote holding ``words``."""
    return next(q.speaker for q in quotes if words in q.text)


def merged_quotes(nlp, text: str) -> list[Quote]:
    """The quotes of ``text`` with speaker names merged story-wide, as the quotes stage does."""
    found = list(quotes_of(nlp, text))
    quotes, _ = merge_speakers(found, 92, {found[0].article_id: text})
    return quotes


def name_of(nlp, text: str, words: str) -> str | None:
    """The story-wide name of the speaker of the first quote holding ``words``."""
    speaker = speaker_of(merged_quotes(nlp, text), words)
    return speaker.canonical if speaker else None


def direct_quote(
    article: str,
    start: int,
    text: str,
    name: str,
    method: str,
    written: str | None = None,
    *,
    kind: str = "person",
) -> Quote:
    """A direct quote of ``name`` (written ``written`` where the article writes it otherwise),
    found by ``method``, for tests of the steps after extraction."""
    sp = Speaker(name=written or name, canonical=name, kind=kind, span=Span(start, start + 2))
    return Quote(
        id=f"{article}{start}",
        article_id=article,
        text=text,
        span=Span(start, start + len(text)),
        kind="direct",
        speaker=sp,
        method=method,
    )
