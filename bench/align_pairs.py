"""Fit and check the pair model of statement alignment on the development gold.

A pair of statements from different articles of one gold story is *positive* when both
overlap sentences that support one gold fact, *negative* when both overlap gold-fact
sentences but share no fact (the hard case: same story, different fact). Pairs touching no
gold fact are not labelled. The features are newsprism's own (``newsprism.compare.pairs``).

    PYTHONPATH=. python bench/align_pairs.py              # fit on calibrate, report on report
    PYTHONPATH=. python bench/align_pairs.py --write      # also store newsprism/compare/pair_model.json

Only the calibrate halves of both gold sets (ECB+ and PolNeAR) are used for fitting; the
report halves print the same figures for the fitted model and for cosine alone.
"""

from __future__ import annotations

import argparse
import itertools
import json
import sys
from collections import defaultdict
from pathlib import Path

import numpy as np
from brief_gold import (
    DEFAULT_DATA,
    GOLD,
    build_doc,
    build_polnear_doc,
    gold_source,
    load_split,
    polnear_metadata,
)

from newsprism.analyze import analyze_articles
from newsprism.compare.pairs import FEATURES, StoryPairs, sentence_vectors
from newsprism.compare.stage import embedder_for
from newsprism.settings import Settings

POLNEAR = Path(__file__).parent / "brief_gold_polnear"
MODEL = Path(__file__).parent.parent / "newsprism" / "compare" / "pair_model.json"


def story_pairs(data: Path, gold: dict, source: str) -> tuple[np.ndarray, np.ndarray]:
    """Feature rows and labels of the labelled cross-article pairs of one gold story."""
    if source == "polnear":
        meta = polnear_metadata(data)
        docs = {n: build_polnear_doc(data, n, meta.get(n, {})) for n in gold["articles"]}
    else:
        docs = {n: build_doc(data, n) for n in gold["articles"]}
    analysis = analyze_articles([d.article for d in docs.values()])
    doc_of = {d.article.id: d for d in docs.values()}
    facts_at: dict[tuple[str, int], set[str]] = defaultdict(set)
    for fact in gold.get("facts", []):
        for name, numbers in fact["support"].items():
            for n in numbers:
                facts_at[(name, n)].add(fact["id"])
    statements = list(analysis.statements)
    facts = []
    for st in statements:
        doc = doc_of[st.article_id]
        sentences = doc.sentences_of(st.span.start, st.span.end)
        facts.append(set().union(*(facts_at.get((doc.name, n), set()) for n in sentences)))
    embedder = embedder_for(Settings())
    vectors = embedder.embed([st.text for st in statements])
    texts = {a.id: a.text for a in analysis.articles}
    evidence = StoryPairs(statements, vectors, sentence_vectors(statements, texts, vectors, embedder.embed))
    pairs, labels = [], []
    for i, j in itertools.combinations(range(len(statements)), 2):
        if statements[i].article_id == statements[j].article_id or not facts[i] or not facts[j]:
            continue
        pairs.append((i, j))
        labels.append(bool(facts[i] & facts[j]))
    return evidence.matrix(pairs), np.array(labels, dtype=bool)


def collect(split: str, data: Path, cache: Path | None = None) -> tuple[np.ndarray, np.ndarray]:
    """Labelled pairs of one split over both gold sets (read from ``cache`` when it holds them)."""
    stored = cache / f"align_pairs_{split}.npz" if cache else None
    if stored and stored.is_file():
        got = np.load(stored)
        if got["x"].shape[1] == len(FEATURES):
            return got["x"], got["y"]
    xs, ys = [], []
    for gold_dir in (GOLD, POLNEAR):
        source = gold_source(gold_dir)
        if not (data / source).is_dir():
            continue
        for gold in load_split(split, gold_dir):
            x, y = story_pairs(data, gold, source)
            xs.append(x)
            ys.append(y)
    x, y = np.vstack(xs), np.concatenate(ys)
    if stored:
        np.savez(stored, x=x, y=y)
    return x, y


def fit(x: np.ndarray, y: np.ndarray, l2: float = 1.0, rounds: int = 50) -> tuple[np.ndarray, float]:
    """Logistic regression by Newton steps with an L2 penalty (not on the intercept)."""
    a = np.hstack([x, np.ones((len(x), 1))])
    w = np.zeros(a.shape[1])
    penalty = np.full(a.shape[1], l2)
    penalty[-1] = 0.0
    for _ in range(rounds):
        p = 1 / (1 + np.exp(-(a @ w)))
        grad = a.T @ (p - y) + penalty * w
        hess = (a * (p * (1 - p))[:, None]).T @ a + np.diag(penalty + 1e-9)
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.abs(step).max() < 1e-8:
            break
    return w[:-1], float(w[-1])


def auc(score: np.ndarray, y: np.ndarray) -> float:
    order = np.argsort(score, kind="stable")
    ranks = np.empty(len(score))
    ranks[order] = np.arange(1, len(score) + 1)
    pos = y.sum()
    neg = len(y) - pos
    return float((ranks[y].sum() - pos * (pos + 1) / 2) / (pos * neg)) if pos and neg else float("nan")


def best_f1(score: np.ndarray, y: np.ndarray) -> tuple[float, float, float, float]:
    """Threshold with the best F1, and its P, R, F1."""
    best = (0.0, 0.0, 0.0, 0.0)
    for t in np.unique(np.round(score, 3)):
        pred = score >= t
        tp = (pred & y).sum()
        if not tp:
            continue
        p, r = tp / pred.sum(), tp / y.sum()
        f = 2 * p * r / (p + r)
        if f > best[3]:
            best = (float(t), float(p), float(r), float(f))
    return best


def at(score: np.ndarray, y: np.ndarray, t: float) -> tuple[float, float]:
    pred = score >= t
    tp = (pred & y).sum()
    return (float(tp / pred.sum()) if pred.sum() else 0.0, float(tp / y.sum()) if y.sum() else 0.0)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--write", action="store_true", help="store the fitted model in the package")
    ap.add_argument("--cache", type=Path, help="keep the labelled pairs here between runs")
    args = ap.parse_args()
    if not (args.data / "ecbplus").is_dir():
        print(f"skipped: no ecbplus data under {args.data}", file=sys.stderr)
        return 0
    xc, yc = collect("calibrate", args.data, args.cache)
    xr, yr = collect("report", args.data, args.cache)
    weights, intercept = fit(xc, yc)
    print(f"calibrate pairs {len(yc)} ({int(yc.sum())} same fact); report pairs {len(yr)} ({int(yr.sum())})")
    print("weights: " + ", ".join(f"{f} {w:+.2f}" for f, w in zip(FEATURES, weights, strict=True)))
    print(f"intercept {intercept:+.2f}")
    for name, x, y in (("calibrate", xc, yc), ("report", xr, yr)):
        model = 1 / (1 + np.exp(-(x @ weights + intercept)))
        cos = x[:, 0]
        print(f"{name}: AUC model {auc(model, y):.3f}  cosine {auc(cos, y):.3f}")
        print(f"  best F1 model  t={best_f1(model, y)[0]:.3f} P/R/F1 {best_f1(model, y)[1:]}")
        print(f"  best F1 cosine t={best_f1(cos, y)[0]:.3f} P/R/F1 {best_f1(cos, y)[1:]}")
    if args.write:
        tc = best_f1(1 / (1 + np.exp(-(xc @ weights + intercept))), yc)[0]
        MODEL.write_text(
            json.dumps(
                {
                    "features": list(FEATURES),
                    "weights": [round(float(w), 4) for w in weights],
                    "intercept": round(intercept, 4),
                    "threshold_best_f1_calibrate": round(tc, 3),
                    "fitted_on": "bench/brief_gold + bench/brief_gold_polnear calibrate halves "
                    "(bench/align_pairs.py)",
                },
                indent=1,
            )
            + "\n",
            encoding="utf-8",
        )
        print(f"wrote {MODEL}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
