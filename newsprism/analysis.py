"""The one contract every stage imports: :class:`Analysis` and :data:`Stage`.

A stage is a function ``(Analysis, Settings) -> Analysis`` that does no I/O. Stages import
this module, never the runner (:mod:`newsprism.pipeline`), so imports run one way:
pipeline ─► stages ─► analyses ─► this module and the model.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from newsprism.model import (
    Article,
    Contradiction,
    Dispute,
    LedgerGroup,
    ProvenanceEdge,
    Quote,
    QuoteGroup,
    Rejection,
    Statement,
    TimelineEntry,
    Timex,
)
from newsprism.settings import Settings

__all__ = ["Analysis", "Stage"]


@dataclass(frozen=True)
class Analysis:
    """Everything known about one set of articles (one story, or one batch)."""

    articles: tuple[Article, ...] = ()
    rejections: tuple[Rejection, ...] = ()
    quotes: tuple[Quote, ...] = ()
    speakers: tuple[dict[str, Any], ...] = ()
    timexes: tuple[Timex, ...] = ()
    timeline: tuple[TimelineEntry, ...] = ()
    statements: tuple[Statement, ...] = ()
    ledger: tuple[LedgerGroup, ...] = ()
    quote_groups: tuple[QuoteGroup, ...] = ()
    disputes: tuple[Dispute, ...] = ()
    contradictions: tuple[Contradiction, ...] = ()
    unique: dict[str, tuple[str, ...]] = field(default_factory=dict)
    omissions: dict[str, tuple[str, ...]] = field(default_factory=dict)
    framing: tuple[dict[str, Any], ...] = ()
    provenance: tuple[ProvenanceEdge, ...] = ()
    summary: tuple[dict[str, Any], ...] = ()
    # Revisions of the story's pages from the store (newsprism.store.intake.revisions_of): input
    # for the brief's "changed after publication" part, empty for articles not read from a store.
    revisions: tuple[dict[str, Any], ...] = ()
    timings: dict[str, float] = field(default_factory=dict)

    def article(self, article_id: str) -> Article:
        for art in self.articles:
            if art.id == article_id:
                return art
        raise KeyError(article_id)

    def replace(self, **changes: Any) -> Analysis:
        return dataclasses.replace(self, **changes)


Stage = Callable[[Analysis, Settings], Analysis]
