"""Calibrate the alignment thresholds on the *calibrate* half of the brief gold only.

Runs the analysis once per story, then re-runs alignment, ledger and contradictions for
each point of a threshold grid and prints facts found, ledger pair precision, "only here"
errors and contradiction precision, so the chosen point and its neighbours can be read.

    PYTHONPATH=. python bench/brief_calibrate.py            # the grid
    PYTHONPATH=. python bench/brief_calibrate.py --apart [--gold bench/brief_gold_polnear_dev3 --split dev]
        # the pair model's weight on two different subjects of one kind of predicate
"""

from __future__ import annotations

import argparse
import dataclasses
import itertools
import sys
from pathlib import Path

from brief_gold import (
    DEFAULT_DATA,
    GOLD,
    Tally,
    build_doc,
    build_polnear_doc,
    gold_source,
    load_split,
    measures,
    polnear_metadata,
    score_contradictions,
    score_facts,
    score_ledger_pairs,
    score_summary,
)

import newsprism.compare.alignment as alignment_module
import newsprism.compare.pairs as pairs_module
from newsprism.analyze import analyze_articles
from newsprism.compare.alignment import align_statements
from newsprism.compare.contradictions import find_contradictions
from newsprism.compare.facts import fact_groups
from newsprism.compare.ledger import build_ledger, unique_content
from newsprism.compare.pairs import FEATURES, PairModel, pair_model, sentence_vectors, statement_frames
from newsprism.compare.provenance import origins
from newsprism.compare.stage import _parses, embedder_for
from newsprism.settings import load_settings

ONLY_HERE_GRID = {"only_here_sim": [0.4, 0.45, 0.5], "only_here_model": [1.0, 0.3, 0.2, 0.15, 0.1, 0.05]}
CONTRADICTION_GRID = {
    "contradiction_min_sim": [0.4, 0.5, 0.6, 0.7, 0.8],
    "contradiction_shared": [1, 2, 3],
}
# The pair model (compare/pairs.py): its probability floor, the similarity below which it
# looks at no pair, the shared rare words it needs when no name or number is shared, and the
# mean probability two groups need to merge (average link).
MODEL_GRID = {
    "align_model": [1.01, 0.1, 0.15, 0.2, 0.3],
    "align_model_floor": [0.3],
    "align_model_words": [0.001, 0.3],
    "align_link": [0.25, 0.3, 0.35, 0.45],
}
# Weights of ``apart_pred`` (compare/pairs.py: two different named subjects of one kind of
# predicate, "she lost" / "Trump won"); session 14 measured -4.5 (the middle of the tuning plateau) and shipped 0 (docs/results/brief.md 0z-predicates).
APART_WEIGHTS = [0.0, -1.0, -2.0, -3.0, -4.0, -4.5, -5.0, -5.5, -6.0]
GRID = {
    "align_strong": [0.66, 0.70, 0.74],
    "align_weak": [0.50, 0.55, 0.60, 0.65],
    "align_terms": [0.15, 0.25],
    "align_mean": [0.45, 0.50, 0.55],
}


def prepare(data, stories, source="ecbplus"):
    settings = load_settings()
    meta = polnear_metadata(data) if source == "polnear" else {}
    out = []
    for gold in stories:
        if source == "polnear":
            docs = {name: build_polnear_doc(data, name, meta.get(name, {})) for name in gold["articles"]}
        else:
            docs = {name: build_doc(data, name) for name in gold["articles"]}
        analysis = analyze_articles([d.article for d in docs.values()], settings)
        embedder = embedder_for(settings)
        vectors = embedder.embed([st.text for st in analysis.statements])
        texts = {a.id: a.text for a in analysis.articles}
        sentences = sentence_vectors(analysis.statements, texts, vectors, embedder.embed)
        parses = dict(
            zip((a.id for a in analysis.articles), _parses(analysis.articles, settings), strict=True)
        )
        frames = statement_frames(analysis.statements, parses, embedder.embed)
        out.append((gold, docs, analysis, vectors, (sentences, frames)))
    return out


def evaluate_one(gold, docs, analysis, vectors, extra, compare):
    """One story's analysis with alignment, fact groups, ledger, "only here" and
    contradictions redone at ``compare``."""
    sentences, frames = extra
    statements = analysis.statements
    alignment = align_statements(statements, vectors, compare, sentences, frames)
    docs_ = _parses(analysis.articles, load_settings())
    groups = list(alignment.groups)
    if compare.fact_keys:
        groups += fact_groups(statements, analysis.articles, docs_, alignment.groups)
    ledger = build_ledger(
        statements,
        groups,
        alignment.sims,
        origins(analysis.articles, analysis.provenance),
        set(),
        compare,
        alignment.related,
        parts=alignment.parts,
    )
    texts = {a.id: a.text for a in analysis.articles}
    return analysis.replace(
        ledger=tuple(ledger),
        unique=unique_content(ledger),
        contradictions=tuple(
            find_contradictions(
                statements, alignment, texts, compare.contradiction_min_sim, compare.contradiction_shared
            )
        ),
    )


def evaluate(prepared, compare) -> dict:
    total = Tally()
    for gold, docs, analysis, vectors, extra in prepared:
        redone = evaluate_one(gold, docs, analysis, vectors, extra, compare)
        score_facts(gold, docs, redone, total)
        score_ledger_pairs(gold, docs, redone, total)
        score_contradictions(gold, docs, redone, total)
        score_summary(gold, docs, redone, total)
    return measures(total)


def _with_weight(feature: str, weight: float) -> None:
    """Make the alignment read the shipped pair model with one feature's weight replaced."""
    model = pair_model()
    weights = list(model.weights)
    weights[FEATURES.index(feature)] = weight
    changed = PairModel(tuple(weights), model.intercept)
    alignment_module.pair_model = pairs_module.pair_model = lambda: changed


def apart_grid(prepared) -> None:
    """Facts found (in a confirmed group), ledger pair and agree-row precision per weight of
    ``apart_pred``."""
    print("apart_pred | facts confirmed pairP agreeP onlyhere")
    for weight in APART_WEIGHTS:
        _with_weight("apart_pred", weight)
        m = evaluate(prepared, load_settings().compare)
        print(
            f"{weight:5.1f} | {m['facts_found']:.3f} {m['facts_found_confirmed']:.3f}"
            f" {m['ledger_pair_precision']:.3f} {m['agree_cite_precision']:.3f} {m['only_here_wrong']:.3f}",
            flush=True,
        )


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", default=DEFAULT_DATA)
    ap.add_argument("--contradictions", action="store_true", help="the contradiction gate's grid")
    ap.add_argument("--only-here", action="store_true", help="the only-here confidence grid")
    ap.add_argument("--model", action="store_true", help="the pair model's grid")
    ap.add_argument("--apart", action="store_true", help="the pair model's weight on apart_pred")
    ap.add_argument("--gold", type=Path, default=GOLD, help="gold directory (default bench/brief_gold)")
    ap.add_argument("--split", default="calibrate", help="calibrate, or dev for a dev set (never report)")
    args = ap.parse_args()
    if args.split == "report":
        ap.error("thresholds are chosen on the calibrate half or a dev set, never on report")
    prepared = prepare(Path(args.data), load_split(args.split, args.gold), gold_source(args.gold))
    if args.apart:
        apart_grid(prepared)
        return 0
    base = load_settings().compare
    grid = (
        CONTRADICTION_GRID
        if args.contradictions
        else ONLY_HERE_GRID
        if args.only_here
        else MODEL_GRID
        if args.model
        else GRID
    )
    keys = list(grid)
    print("  ".join(keys), "| facts facts2+ pairP onlyhere onlyhereR contraP contraR")
    for values in itertools.product(*grid.values()):
        if grid is GRID and values[1] > values[0]:
            continue
        compare = dataclasses.replace(base, **dict(zip(keys, values, strict=True)))
        m = evaluate(prepared, compare)
        print(
            "  ".join(f"{v:.2f}" for v in values),
            f"| {m['facts_found']:.2f} {m['facts_found_2plus']:.2f} {m['ledger_pair_precision']:.2f}"
            f" {m['only_here_wrong']:.2f} {m['only_here_recall']:.2f} {m['contradiction_precision'] or 0:.2f} {m['contradiction_recall'] or 0:.2f}",
            flush=True,
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
