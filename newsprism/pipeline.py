"""The ordered stages of an analysis, run one after the other on model objects.

    read ─► clean ─► annotate ─► quotes ─► stories ─► compare ─► brief

Each stage is a function ``(Analysis, Settings) -> Analysis`` that does no I/O (the contract
lives in :mod:`newsprism.analysis`). A stage that fails on one article records a
:class:`Rejection` for it and goes on. The run order is declared in :mod:`newsprism.stages`.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Iterable

from newsprism.analysis import Analysis, Stage
from newsprism.settings import Settings
from newsprism.stages import STAGES

log = logging.getLogger(__name__)

__all__ = ["Analysis", "Stage", "run_stages"]


def run_stages(
    analysis: Analysis,
    settings: Settings,
    stages: Iterable[tuple[str, Stage]] | None = None,
) -> Analysis:
    """Run ``stages`` (default: :data:`newsprism.stages.STAGES`) in order, timing each."""
    for name, stage in STAGES if stages is None else stages:
        t0 = time.perf_counter()
        analysis = stage(analysis, settings)
        timings = dict(analysis.timings)
        timings[name] = timings.get(name, 0.0) + time.perf_counter() - t0
        analysis = analysis.replace(timings=timings)
        log.debug("stage %s took %.2fs", name, timings[name])
    return analysis
