"""Helpers for the compare/brief tests: hand-made quotes and a controllable embedder."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from newsprism.model import Quote, Span, Speaker, content_id
from newsprism.nlp.embed import LexicalEmbedder


class TableEmbedder:
    """Lexical vectors, except for texts given explicit similarities to an anchor text."""

    def __init__(self, pinned: dict[str, float] | None = None, anchor: str = "") -> None:
        self.base = LexicalEmbedder(dim=512)
        self.pinned = pinned or {}
        self.anchor = anchor

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        out = self.base.embed(texts)
        for row, text in enumerate(texts):
            if text in self.pinned:
                sim = self.pinned[text]
                vec = np.zeros(out.shape[1], dtype=np.float32)
                vec[0], vec[1] = sim, np.sqrt(max(0.0, 1 - sim * sim))
                out[row] = vec
            elif text == self.anchor:
                out[row] = 0
                out[row, 0] = 1
        return out


def quote_in(article, text: str, speaker: str | None, kind: str = "direct") -> Quote:
    start = article.text.index(text)
    who = Speaker(name=speaker, canonical=speaker) if speaker else None
    return Quote(
        id=content_id(article.id, text, prefix="q"),
        article_id=article.id,
        text=text,
        span=Span(start, start + len(text)),
        kind=kind,
        speaker=who,
    )
