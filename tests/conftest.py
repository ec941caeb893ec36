"""Shared test helpers: build model objects by hand, no model files needed."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsprism.model import Article, OffsetMap, Span, content_id

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "harbour-fire"


def make_article(
    text: str, outlet: str | None = None, published: str | None = None, path: str = ""
) -> Article:
    """An already-clean article whose raw text is its text (identity offset map)."""
    paragraphs, pos = [], 0
    for block in text.split("\n\n"):
        paragraphs.append(Span(pos, pos + len(block)))
        pos += len(block) + 2
    return Article(
        id=content_id(text, outlet or "", prefix="a"),
        path=path or f"{outlet or 'article'}.txt",
        raw=text,
        text=text,
        offsets=OffsetMap(((0, 0, len(text)),)),
        outlet=outlet,
        published=published,
        paragraphs=tuple(paragraphs),
    )


@pytest.fixture
def example_dir() -> Path:
    return EXAMPLE


@pytest.fixture(scope="session")
def nlp():
    """The bundled spaCy model, loaded once for every test that asks for it."""
    from newsprism.nlp import load_spacy

    return load_spacy()
