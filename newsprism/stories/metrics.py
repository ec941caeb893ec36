"""Clustering agreement scores for evaluations: ARI, V-measure and B-cubed F1.

Each takes two equal-length label sequences (gold, predicted) over the same items.
Written here from the textbook definitions (Hubert & Arabie 1985; Rosenberg &
Hirschberg 2007; Bagga & Baldwin 1998) so evaluations need no extra package.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Hashable, Sequence

__all__ = ["adjusted_rand", "b_cubed", "labels_from_clusters", "v_measure"]


def labels_from_clusters(clusters: Sequence[Sequence[str]]) -> dict[str, int]:
    """``{item: cluster number}`` from a list of clusters (lists of items)."""
    return {item: n for n, members in enumerate(clusters) for item in members}


def _pairs(n: int) -> float:
    return n * (n - 1) / 2.0


def adjusted_rand(gold: Sequence[Hashable], pred: Sequence[Hashable]) -> float:
    _check(gold, pred)
    joint = Counter(zip(gold, pred, strict=True))
    index = sum(_pairs(c) for c in joint.values())
    sum_gold = sum(_pairs(c) for c in Counter(gold).values())
    sum_pred = sum(_pairs(c) for c in Counter(pred).values())
    total = _pairs(len(gold))
    expected = sum_gold * sum_pred / total if total else 0.0
    maximum = (sum_gold + sum_pred) / 2.0
    if maximum == expected:
        return 1.0
    return (index - expected) / (maximum - expected)


def _entropy(counts: Counter, n: int) -> float:
    return -sum(c / n * math.log(c / n) for c in counts.values() if c)


def _conditional_entropy(joint: Counter, given: Counter, n: int) -> float:
    return -sum(c / n * math.log(c / given[key[1]]) for key, c in joint.items() if c)


def v_measure(gold: Sequence[Hashable], pred: Sequence[Hashable]) -> tuple[float, float, float]:
    """(homogeneity, completeness, V-measure)."""
    _check(gold, pred)
    n = len(gold)
    g, p = Counter(gold), Counter(pred)
    h_gold, h_pred = _entropy(g, n), _entropy(p, n)
    h_gold_given_pred = _conditional_entropy(Counter(zip(gold, pred, strict=True)), p, n)
    h_pred_given_gold = _conditional_entropy(Counter(zip(pred, gold, strict=True)), g, n)
    homogeneity = 1.0 if h_gold == 0 else 1.0 - h_gold_given_pred / h_gold
    completeness = 1.0 if h_pred == 0 else 1.0 - h_pred_given_gold / h_pred
    total = homogeneity + completeness
    v = 0.0 if total == 0 else 2 * homogeneity * completeness / total
    return homogeneity, completeness, v


def b_cubed(gold: Sequence[Hashable], pred: Sequence[Hashable]) -> tuple[float, float, float]:
    """(precision, recall, F1), averaged over items."""
    _check(gold, pred)
    joint = Counter(zip(gold, pred, strict=True))
    g, p = Counter(gold), Counter(pred)
    n = len(gold)
    precision = sum(joint[(a, b)] / p[b] for a, b in zip(gold, pred, strict=True)) / n
    recall = sum(joint[(a, b)] / g[a] for a, b in zip(gold, pred, strict=True)) / n
    f1 = 0.0 if precision + recall == 0 else 2 * precision * recall / (precision + recall)
    return precision, recall, f1


def _check(gold: Sequence[Hashable], pred: Sequence[Hashable]) -> None:
    if len(gold) != len(pred) or not gold:
        raise ValueError("gold and predicted labels must be non-empty and of equal length")
