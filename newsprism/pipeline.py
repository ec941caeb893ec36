"""The ordered stages of an analysis, run one after the other on model objects.

    read ─► clean ─► annotate ─► quotes ─► stories ─► compare ─► brief

Each stage is a function ``(Analysis, Settings) -> Analysis`` that does no I/O.
A stage that fails on one article records a :class:`Rejection` for it and goes on.
The run order is declared in :mod:`newsprism.stages`.
"""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Callable, Iterable
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

log = logging.getLogger(__name__)

__all__ = ["Analysis", "Stage", "run_stages"]


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
    timings: dict[str, float] = field(default_factory=dict)

    def article(self, article_id: str) -> Article:
        for art in self.articles:
            if art.id == article_id:
                return art
        raise KeyError(article_id)

    def replace(self, **changes: Any) -> Analysis:
        return dataclasses.replace(self, **changes)


Stage = Callable[[Analysis, Settings], Analysis]


def run_stages(
    analysis: Analysis,
    settings: Settings,
    stages: Iterable[tuple[str, Stage]] | None = None,
) -> Analysis:
    """Run ``stages`` (default: :data:`newsprism.stages.STAGES`) in order, timing each."""
    import time

    if stages is None:
        from newsprism.stages import STAGES as stages
    for name, stage in stages:
        t0 = time.perf_counter()
        analysis = stage(analysis, settings)
        timings = dict(analysis.timings)
        timings[name] = timings.get(name, 0.0) + time.perf_counter() - t0
        analysis = analysis.replace(timings=timings)
        log.debug("stage %s took %.2fs", name, timings[name])
    return analysis
