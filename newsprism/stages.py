"""The analysis stages in run order, declared in one place.

    published ─► quotes ─► compare ─► timeline ─► brief

Publication dates come first (everything dated needs them); quotes before the comparison
(statements link to quotes, variants compare them); the timeline after the comparison so that
it dates statements rather than bare sentences; the brief last (it reads all the rest).
Stage modules import :class:`~newsprism.analysis.Analysis`, never the runner.
"""

from __future__ import annotations

from newsprism.analysis import Stage
from newsprism.brief.stage import brief_stage
from newsprism.compare.stage import compare_stage
from newsprism.quotes.stage import quotes_stage
from newsprism.temporal.stages import published_stage, timeline_stage

__all__ = ["STAGES"]

STAGES: list[tuple[str, Stage]] = [
    ("published", published_stage),
    ("quotes", quotes_stage),
    ("compare", compare_stage),
    ("timeline", timeline_stage),
    ("brief", brief_stage),
]
