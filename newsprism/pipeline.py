"""The ordered stages of an analysis, run one after the other on model objects.

    read ─► clean ─► annotate ─► quotes ─► stories ─► compare ─► brief

Each stage is a function ``(Analysis, Settings) -> Analysis`` that does no I/O (the contract
lives in :mod:`newsprism.analysis`). A stage that fails on one article records a
:class:`Rejection` for it and goes on. The run order is declared in :mod:`newsprism.stages`.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from newsprism.analysis import Analysis, Stage
from newsprism.errors import TooSlowInputError
from newsprism.ingest.limits import cpu_budget
from newsprism.model import Article
from newsprism.settings import Settings
from newsprism.stages import STAGES

if TYPE_CHECKING:
    from newsprism.nlp.embed import EmbedsAhead

log = logging.getLogger(__name__)

__all__ = ["Analysis", "Stage", "embed_sentences_ahead", "run_stages"]


def run_stages(
    analysis: Analysis,
    settings: Settings,
    stages: Iterable[tuple[str, Stage]] | None = None,
) -> Analysis:
    """Run ``stages`` (default: :data:`newsprism.stages.STAGES`) in order, timing each."""
    from newsprism.nlp.embed import configure_embedder

    configure_embedder(settings.nlp.embed_threads, settings.nlp.embed_spin_wait, settings.nlp.embed_workers)
    stages = list(STAGES if stages is None else stages)
    ahead = None
    if settings.nlp.embed_ahead and any(name == "compare" for name, _ in stages):
        ahead = embed_sentences_ahead(analysis.articles, settings)
    try:
        for name, stage in stages:
            t0 = time.perf_counter()
            analysis = stage(analysis, settings)
            timings = dict(analysis.timings)
            timings[name] = timings.get(name, 0.0) + time.perf_counter() - t0
            analysis = analysis.replace(timings=timings)
            log.debug("stage %s took %.2fs", name, timings[name])
    finally:
        if ahead is not None:  # a stage that failed, or found no statements, left it running
            ahead.end_ahead()
    return analysis


def embed_sentences_ahead(articles: Sequence[Article], settings: Settings) -> EmbedsAhead | None:
    """Start embedding the sentences the compare stage will embed, on a background thread of
    the embedder (one that can): every sentence that makes statements is embedded there, as a
    statement or as the sentence its clauses sit in, and parsing comes first (spaCy's worker
    processes), so the vectors are made while they parse. Nothing is started when the pair
    model is off and clauses are cut (sentences are then not embedded). Gives the embedder
    that started, to end its job when the run ends."""
    from newsprism.compare.stage import embedder_for
    from newsprism.compare.statements import article_statements
    from newsprism.nlp.embed import EmbedsAhead

    s = settings.compare
    embedder = embedder_for(settings)
    if not isinstance(embedder, EmbedsAhead) or (s.clause_statements and s.align_model >= 1.0):
        return None
    if _all_parsed(articles):  # a brief run before stored their vectors too: skip the splitting
        return None
    texts: list[str] = []
    for article in articles:
        try:  # the sentences alone (no parse, no quotes): what the compare stage cuts clauses from
            with cpu_budget(settings.nlp.max_seconds, article.path, "statement splitting"):
                texts.extend(st.text for st in article_statements(article, (), s.min_statement_words))
        except (TooSlowInputError, ValueError, IndexError, KeyError, AttributeError):
            continue  # the compare stage meets it again, and says so
    embedder.embed_ahead(texts)
    return embedder


def _all_parsed(articles: Sequence[Article]) -> bool:
    """Whether the run's parse cache holds a parse of every article (a run before made them)."""
    from newsprism.nlp import load_spacy, model_key
    from newsprism.nlp.cache import default_cache

    cache, key = default_cache(), model_key(load_spacy())
    return all(cache.get_parse(a.id, key) is not None for a in articles)
