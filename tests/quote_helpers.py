"""Shared helpers for quote tests: extract quotes from a fictional text with the bundled model."""

from __future__ import annotations

from newsprism.model import Quote, Speaker
from newsprism.quotes import extract_quotes
from tests.conftest import make_article


def quotes_of(nlp, text: str) -> list[Quote]:
    """The quotes found in ``text`` (an already-clean article)."""
    art = make_article(text)
    return extract_quotes(art, nlp(art.text))


def speaker_of(quotes: list[Quote], words: str) -> Speaker | None:
    """The speaker of the first quote holding ``words``."""
    return next(q.speaker for q in quotes if words in q.text)
