"""Contradictions between two one-statement articles, each statement its own group: what the
value readers' tests ask (fictional text)."""

import numpy as np

from newsprism.compare.alignment import Alignment
from newsprism.compare.contradictions import find_contradictions
from newsprism.model import Span, Statement


def two_article_flags(a_text: str, b_text: str) -> list[str]:
    """The notes of the contradictions found between article a's and article b's sentence."""
    sts = [
        Statement(id=f"s{i}", article_id=art, text=t, span=Span(0, len(t)), sentence=Span(0, len(t)))
        for i, (art, t) in enumerate((("a", a_text), ("b", b_text)))
    ]
    alignment = Alignment(groups=((0,), (1,)), conflicts=(), sims=np.eye(2, dtype=np.float32))
    return [c.note for c in find_contradictions(sts, alignment, {"a": a_text, "b": b_text}, min_shared=2)]
