"""The ``compare`` pipeline stage.

compare: statements -> embeddings -> alignment -> provenance -> contradictions ->
         disputes -> ledger -> unique/omissions -> quote variants -> framing
(the ``brief`` stage, the extractive summary from the ledger, is in newsprism/brief/stage.py).

The embedder is a module-level seam: :func:`set_embedder` plugs in another model
(tests use a tiny deterministic one; a user with a GPU can use a stronger one).
"""

from __future__ import annotations

import logging
import time
from collections.abc import Sequence
from typing import TYPE_CHECKING, TypeVar

from newsprism.analysis import Analysis
from newsprism.compare.alignment import align_statements
from newsprism.compare.contradictions import find_contradictions
from newsprism.compare.disputes import find_disputes
from newsprism.compare.facts import fact_groups
from newsprism.compare.framing import build_framing
from newsprism.compare.ledger import (
    build_ledger,
    near_articles,
    nearness,
    omissions,
    text_forms,
    unique_content,
)
from newsprism.compare.pairs import frames_used, sentence_vectors, statement_frames
from newsprism.compare.provenance import origins, provenance_edges
from newsprism.compare.quote_variants import group_quotes, grouped_texts
from newsprism.compare.statements import build_statements
from newsprism.model import Article, Quote, Rejection, Statement
from newsprism.nlp import load_spacy, parse_cached
from newsprism.nlp.cache import default_cache
from newsprism.nlp.embed import Embedder, EmbedsAhead, get_embedder
from newsprism.quotes.fallback import fallback_quotes
from newsprism.settings import CompareSettings, Settings

if TYPE_CHECKING:
    from spacy.tokens import Doc

log = logging.getLogger(__name__)

__all__ = ["compare_stage", "embedder_for", "set_embedder"]

_EMBEDDER: list[Embedder] = []
T = TypeVar("T")


def set_embedder(embedder: Embedder | None) -> None:
    """Use ``embedder`` for every later run (``None``: back to the default MiniLM)."""
    _EMBEDDER.clear()
    if embedder is not None:
        _EMBEDDER.append(embedder)


def embedder_for(settings: Settings) -> Embedder:
    """The sentence embedder in force: the one set with :func:`set_embedder`, else the configured model."""
    return _EMBEDDER[0] if _EMBEDDER else get_embedder(settings.compare.embedder)


def _statements(
    articles: Sequence[Article],
    quotes: Sequence[Quote],
    s: CompareSettings,
    rejections: list[Rejection],
    docs: Sequence[Doc] | None,
    max_seconds: float = 0.0,
) -> list[Statement]:
    return build_statements(
        articles,
        quotes,
        s.min_statement_words,
        rejections,
        docs,
        s.min_clause_words,
        max_seconds,
        s.unit_words,
    )


def _parses(articles: Sequence[Article], settings: Settings) -> list[Doc]:
    """The spaCy parses of ``articles``: from the parse cache the quotes stage filled, else
    parsed now (and cached)."""
    items = [(a.id, a.text) for a in articles]
    nlp = load_spacy()
    return parse_cached(
        nlp, items, default_cache(), batch_size=settings.nlp.batch_size, n_process=settings.nlp.n_process
    )


def _order(articles: Sequence[Article]) -> dict[str, int]:
    ranked = sorted(articles, key=lambda a: (a.published or "9999", a.id))
    return {a.id: i for i, a in enumerate(ranked)}


class _Clock:
    """Seconds per step, reported as ``compare.<step>`` timings."""

    def __init__(self) -> None:
        self.laps: dict[str, float] = {}
        self.last = time.perf_counter()

    def lap(self, name: str, value: T) -> T:
        """Record the time since the last lap under ``name``; pass ``value`` through."""
        now = time.perf_counter()
        self.laps[f"compare.{name}"] = now - self.last
        self.last = now
        return value


def compare_stage(analysis: Analysis, settings: Settings) -> Analysis:
    """Fill statements, ledger, quote groups, disputes, contradictions, unique,
    omissions, framing and provenance."""
    s, articles, clock = settings.compare, analysis.articles, _Clock()
    if not articles:
        return analysis
    quotes = analysis.quotes or tuple(fallback_quotes(articles))
    rejections: list[Rejection] = []
    docs = clock.lap("parse", _parses(articles, settings) if s.clause_statements else None)
    statements = clock.lap(
        "statements", _statements(articles, quotes, s, rejections, docs, settings.nlp.max_seconds)
    )
    embedder = clock.lap("model_load", embedder_for(settings))
    vectors = clock.lap("embed", embedder.embed([st.text for st in statements]))
    sentences = clock.lap(
        "embed_sentences",
        sentence_vectors(statements, {a.id: a.text for a in articles}, vectors, embedder.embed)
        if s.align_model < 1.0
        else None,
    )
    # Frames serve the pair model's frame features and the confirmation of a group by one deed
    # (their verbs and predicates embedded) and the polarity gates' predicate polarity (the
    # parse alone).
    deeds = frames_used() or s.align_confirm_predicate <= 1.0
    frames = clock.lap(
        "frames",
        statement_frames(
            statements,
            {a.id: d for a, d in zip(articles, docs, strict=True)},
            embedder.embed if deeds else None,
        )
        if docs is not None and s.align_model < 1.0 and (frames_used() or s.align_predicate_polarity)
        else None,
    )
    # The quotes are embedded on the embedder's background thread while alignment and the
    # steps after it run (grouping them asks last); a run that has them stored starts nothing.
    if isinstance(embedder, EmbedsAhead):
        embedder.embed_ahead(grouped_texts(quotes))
    alignment = clock.lap("align", align_statements(statements, vectors, s, sentences, frames))
    edges = clock.lap("provenance", provenance_edges(articles, s))
    contradictions = clock.lap(
        "contradictions",
        find_contradictions(
            statements,
            alignment,
            {a.id: a.text for a in articles},
            s.contradiction_min_sim,
            s.contradiction_shared,
            s.contradiction_negation_overlap,
            s.contradiction_sim,
            {a.id: a.published for a in articles if a.published},
        ),
    )
    disputes = clock.lap(
        "disputes",
        find_disputes(
            statements,
            {q.id: q for q in quotes},
            vectors,
            s.dispute_sim,
            {a.id: a.outlet for a in articles if a.outlet},
        ),
    )
    # Disputed: the group carries a claim someone denies (the denial itself is a fact). Outlets
    # disagreeing on a detail is a contradiction, shown apart; it does not unsettle the fact.
    disputed = {e["statement_id"] for d in disputes for e in d.asserts}
    groups = list(alignment.groups) + (
        fact_groups(statements, articles, docs, alignment.groups) if s.fact_keys else []
    )
    # The similarities the ledger and near_articles read, computed once for both.
    near = nearness(statements, alignment.sims, s.only_here_sim, groups)
    ledger = clock.lap(
        "ledger",
        build_ledger(
            statements,
            groups,
            alignment.sims,
            origins(articles, edges),
            disputed,
            s,
            alignment.related,
            near,
            alignment.parts,
        ),
    )
    ledger = text_forms(
        ledger,
        statements,
        {a.id: a.text for a in articles},
        None if docs is None else {a.id: d for a, d in zip(articles, docs, strict=True)},
    )
    quote_groups = clock.lap(
        "ledger_quotes", group_quotes(quotes, embedder, s, _order(articles), {a.id: a.text for a in articles})
    )
    # Own voice and loaded words read the parse, parsed now when statements did without it.
    framing = build_framing(
        articles,
        statements,
        ledger,
        docs if docs is not None else _parses(articles, settings),
        quotes,
        s.loaded_threshold,
        s.loaded_contrast_step,
    )
    return analysis.replace(
        quotes=tuple(quotes),
        statements=tuple(statements),
        ledger=tuple(ledger),
        quote_groups=tuple(quote_groups),
        disputes=tuple(disputes),
        contradictions=tuple(contradictions),
        unique=unique_content(ledger, origins(articles, edges)),
        omissions=omissions(
            ledger,
            [a.id for a in articles],
            s.omission_share,
            near_articles(ledger, statements, alignment.sims, s.only_here_sim, alignment.related, near),
        ),
        framing=tuple(framing),
        provenance=tuple(edges),
        rejections=analysis.rejections + tuple(rejections),
        timings={**analysis.timings, **clock.laps, "compare.framing": time.perf_counter() - clock.last},
    )
