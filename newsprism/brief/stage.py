"""The ``brief`` pipeline stage: the extractive summary from the compared data."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np

from newsprism.analysis import Analysis
from newsprism.brief.summary import summarize
from newsprism.compare.pairs import StoryPairs, pair_model, sentence_vectors
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
        _pair_closeness(analysis, vecs, embedder_for(settings).embed),
    )
    return analysis.replace(summary=tuple(summary))


def _pair_closeness(
    analysis: Analysis, vecs: np.ndarray, embed: Callable[[list[str]], np.ndarray]
) -> Callable[[str, str], float | None] | None:
    """P(one fact) of two statements from the fitted pair model (None without the model): the
    same judge that aligned them decides which outlets a summary line may cite."""
    model = pair_model()
    if model is None:
        return None
    statements = analysis.statements
    index = {st.id: k for k, st in enumerate(statements)}
    matrix = np.asarray(vecs, dtype=np.float64)
    texts = {a.id: a.text for a in analysis.articles}
    pairs = StoryPairs(statements, matrix, sentence_vectors(statements, texts, matrix, embed))

    def close(a: str, b: str) -> float | None:
        if a not in index or b not in index:
            return None
        row = np.asarray([pairs.features(index[a], index[b])], dtype=np.float64)
        return float(model.probability(row)[0])

    return close
