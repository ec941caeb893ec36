"""The ``brief`` pipeline stage: the extractive summary from the compared data."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from newsprism.analysis import Analysis
from newsprism.brief.summary import summarize
from newsprism.compare.provenance import origins
from newsprism.compare.stage import embedder_for
from newsprism.model import Statement
from newsprism.settings import Settings

__all__ = ["brief_stage"]


def brief_stage(analysis: Analysis, settings: Settings) -> Analysis:
    """Fill the summary (needs the compare stage)."""
    if not analysis.ledger:
        return analysis
    statements: Sequence[Statement] = analysis.statements
    vecs = embedder_for(settings).embed([st.text for st in statements])
    vectors = {st.id: np.asarray(v) for st, v in zip(statements, vecs, strict=True)}
    summary = summarize(
        analysis.ledger,
        statements,
        analysis.articles,
        vectors,
        settings.compare.summary_sentences,
        settings.compare.summary_redundancy,
        {v["quote_id"] for g in analysis.quote_groups for v in g.variants if v.get("flagged")},
        origins(analysis.articles, analysis.provenance),
    )
    return analysis.replace(summary=tuple(summary))
