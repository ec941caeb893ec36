"""Is a group of articles one event or two? A graph cut over their nearest neighbours.

Two events of one kind (two earthquakes, two arrests of players of one team)
share most of their words, so the centroid of their union looks like a story and
each article is close to it. What gives them away is local: each article's
nearest neighbours are reports of its own event. So the group is cut on the
graph linking every article to its ``neighbours`` most similar members: if some
cut leaves few, weak links across (a low normalised cut), the group is two
stories. Reports of a single event form one well-knit graph, and any cut through
it is expensive.

The cut is found by spectral bisection (the sign pattern of the second
eigenvector of the normalised Laplacian, swept for the best threshold); a graph
that falls apart into components is cut between components first, which is
exact and needs no eigenvectors. Cost is quadratic in the group size only, and
groups are bounded (``max_size``).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np
from scipy.sparse import csr_matrix
from scipy.sparse.csgraph import connected_components

__all__ = ["Cut", "best_cut", "neighbour_graph", "normalised_cut", "similarity_matrix"]

_DENSE_CELLS = 200_000


@dataclass(frozen=True)
class Cut:
    """One side of the best cut (indices into the group) and its normalised cut value."""

    side: tuple[int, ...]
    value: float


def similarity_matrix(vectors: Sequence[Mapping[str, float]]) -> np.ndarray:
    """Dense matrix of the pairwise cosines of unit sparse vectors."""
    keys: dict[str, int] = {}
    rows, cols, values = [], [], []
    for row, vector in enumerate(vectors):
        for key, value in vector.items():
            rows.append(row)
            cols.append(keys.setdefault(key, len(keys)))
            values.append(value)
    if len(vectors) * len(keys) <= _DENSE_CELLS:  # small stories: dense is faster than CSR set-up
        matrix = np.zeros((len(vectors), len(keys)))
        matrix[rows, cols] = values
        return matrix @ matrix.T
    sparse = csr_matrix((values, (rows, cols)), shape=(len(vectors), len(keys)))
    return (sparse @ sparse.T).toarray()


def neighbour_graph(vectors: Sequence[Mapping[str, float]], neighbours: int) -> np.ndarray:
    """Symmetric weighted adjacency: each member linked to its ``neighbours`` most similar (cosine)."""
    sims = similarity_matrix(vectors)
    np.fill_diagonal(sims, -np.inf)
    n = len(vectors)
    k = min(neighbours, n - 1)
    graph = np.zeros((n, n))
    # Stable order: ties between equally similar members go to the lower index.
    nearest = np.argsort(-sims, axis=1, kind="stable")[:, :k].ravel()
    source = np.repeat(np.arange(n), k)
    graph[source, nearest] = np.maximum(sims[source, nearest], 0.0)
    return np.maximum(graph, graph.T)


def normalised_cut(graph: np.ndarray, side: np.ndarray) -> float:
    """cut/vol(A) + cut/vol(B) for the boolean mask ``side`` (A) and its complement (B)."""
    degree = graph.sum(axis=1)
    cut = graph[side][:, ~side].sum()
    vol_a, vol_b = degree[side].sum(), degree[~side].sum()
    if vol_a <= 0.0 or vol_b <= 0.0:
        return 0.0 if cut <= 0.0 else float("inf")
    return float(cut / vol_a + cut / vol_b)


def best_cut(vectors: Sequence[Mapping[str, float]], neighbours: int, min_side: int = 2) -> Cut | None:
    """The lowest normalised cut of the group into two sides of at least ``min_side`` members."""
    n = len(vectors)
    if n < 2 * min_side:
        return None
    graph = neighbour_graph(vectors, neighbours)
    count, labels = connected_components(graph, directed=False)
    if count > 1:
        return _component_cut(labels, min_side)
    return _spectral_cut(graph, min_side)


def _component_cut(labels: np.ndarray, min_side: int) -> Cut | None:
    """Cut off the component of the first member when the graph falls apart (cut value 0)."""
    side = labels == labels[0]
    if min(side.sum(), (~side).sum()) < min_side:
        # The first member's component is tiny: cut off everything but the largest one.
        largest = np.bincount(labels).argmax()
        side = labels != largest
        if min(side.sum(), (~side).sum()) < min_side:
            return None
    return Cut(tuple(int(i) for i in np.flatnonzero(side)), 0.0)


def _spectral_cut(graph: np.ndarray, min_side: int) -> Cut | None:
    degree = graph.sum(axis=1)
    scale = 1.0 / np.sqrt(degree)
    laplacian = np.eye(len(graph)) - graph * scale[:, None] * scale[None, :]
    _, eigenvectors = np.linalg.eigh(laplacian)
    fiedler = eigenvectors[:, 1] * scale
    if fiedler[0] > 0:  # the sign of an eigenvector is arbitrary; fix it for determinism
        fiedler = -fiedler
    order = np.argsort(fiedler, kind="stable")
    return _sweep(graph, order, min_side)


def _sweep(graph: np.ndarray, order: np.ndarray, min_side: int) -> Cut | None:
    """The best prefix of ``order`` as side A, updating cut and volumes one member at a time."""
    degree = graph.sum(axis=1)
    total = degree.sum()
    inside = np.zeros(len(graph), dtype=bool)
    cut = vol_a = 0.0
    best_size, best_value = 0, np.inf
    for size, member in enumerate(order[: len(graph) - min_side], start=1):
        cut += degree[member] - 2.0 * graph[member, inside].sum()
        vol_a += degree[member]
        inside[member] = True
        vol_b = total - vol_a
        if size >= min_side and vol_a > 0.0 and vol_b > 0.0:
            value = cut / vol_a + cut / vol_b
            if value < best_value - 1e-12:
                best_size, best_value = size, value
    if best_size == 0:
        return None
    return Cut(tuple(sorted(int(i) for i in order[:best_size])), float(best_value))
