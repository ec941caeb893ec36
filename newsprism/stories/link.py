"""Average-link grouping of a batch's unplaced articles (the first draft of its new stories).

A greedy join in arrival order decides for each article alone, against story
profiles that are still forming: a loose story's profile grows long along its
topic, so articles on the topic keep joining it (issue 11: seven abortion stories
over nine days became one). Average link decides on pairs instead: two groups
merge only while the mean similarity of all their cross pairs clears the bar, so a
chain of same-topic, different-event articles never accumulates. Cost is quadratic
in the group size, so a batch is linked in windows of at most ``window`` articles
(in arrival order); later steps (merge of drafts, cut, settle) join across windows.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from datetime import date

import numpy as np
from scipy.cluster.hierarchy import fcluster, linkage

from newsprism.stories.partition import similarity_matrix

__all__ = ["average_link", "days_apart", "fixed_link"]


def average_link(
    vectors: Sequence[Mapping[str, float]],
    published: Sequence[date | None],
    threshold: float,
    max_gap_days: int,
    window: int,
    word_gate: float = 0.0,
    close_days: int = 0,
    late: float = 1.0,
    method: str = "average",
    similarity: Callable[[int, int], np.ndarray] | None = None,
) -> list[list[int]]:
    """Groups (lists of indices, each sorted, in order of first member) whose average link is >= ``threshold``
    (``method`` "complete": every pair of a group is, as a pool of small stories needs).
    ``similarity``: the pair similarities of the window ``start:stop`` (default: the cosines of ``vectors``).

    Two dated articles more than ``max_gap_days`` apart never end in one group; more than
    ``close_days`` apart (> 0: on), their similarity counts ``late`` times.
    """
    groups: list[list[int]] = []
    for start in range(0, len(vectors), window):
        stop = min(start + window, len(vectors))
        window_vectors, days = vectors[start:stop], published[start:stop]
        sims = similarity_matrix(window_vectors) if similarity is None else similarity(start, stop)
        for group in _link_window(
            window_vectors, sims, days, threshold, (max_gap_days, close_days, late), word_gate, method
        ):
            groups.append([start + i for i in group])
    return groups


def _link_window(
    vectors: Sequence[Mapping[str, float]],
    sims: np.ndarray,
    published: Sequence[date | None],
    threshold: float,
    gaps: tuple[int, int, float],
    word_gate: float,
    method: str,
) -> list[list[int]]:
    n = len(vectors)
    if n < 2:
        return [[0]] if n else []
    # sims is the caller's fresh matrix: changed in place.
    if word_gate > 0.0:
        words = similarity_matrix([{k: v for k, v in vec.items() if k[0] == "w"} for vec in vectors])
        sims[words < word_gate] = 0.0
    max_gap_days, close_days, late = gaps
    apart = days_apart(published)
    if close_days > 0:
        sims[apart > close_days] *= late
    distance = 1.0 - np.clip(sims, 0.0, 1.0)
    # Dated articles too far apart: a distance so large (n^2 > any count of cross pairs)
    # that no two groups holding such a pair average below the cut; an undated
    # article cannot bridge them.
    distance[apart > max_gap_days] = float(n * n)
    condensed = distance[np.triu_indices(n, k=1)]
    labels = fcluster(linkage(condensed, method=method), t=1.0 - threshold, criterion="distance")
    by_label: dict[int, list[int]] = {}
    for i, label in enumerate(labels):
        by_label.setdefault(int(label), []).append(i)
    return sorted(by_label.values(), key=lambda g: g[0])


def days_apart(published: Sequence[date | None]) -> np.ndarray:
    """Days between each two dated articles (-1 where either date is unknown)."""
    n = len(published)
    apart = np.full((n, n), -1, dtype=np.int32)
    dated = [i for i, day in enumerate(published) if day is not None]
    if len(dated) < 2:
        return apart
    ordinals = np.array([published[i].toordinal() for i in dated])  # type: ignore[union-attr]
    index = np.array(dated)
    apart[np.ix_(index, index)] = np.abs(ordinals[:, None] - ordinals[None, :])
    return apart


def fixed_link(
    sims: np.ndarray, fixed: Sequence[str | None], threshold: float, method: str = "average"
) -> tuple[list[int], list[str | None]]:
    """Agglomerative link of ``sims`` where some items already belong to a group that must not
    change (``fixed``: its name, None for a free item): items of one name start as one group,
    two named groups never merge, and merging stops when no allowed pair of groups links at
    ``threshold`` or more (``method`` "average": the mean of the cross pairs, "complete": the
    least). Returns each item's group and each group's name (None: it holds no named item)."""
    start: dict[str | None, list[int]] = {}
    groups: list[list[int]] = []
    for i, name in enumerate(fixed):
        if name is None:
            groups.append([i])
        else:
            start.setdefault(name, []).append(i)
    names: list[str | None] = [None] * len(groups) + list(start)
    groups += list(start.values())
    reduce = np.minimum.reduceat if method == "complete" else np.add.reduceat
    order = np.array([i for g in groups for i in g])
    bounds = np.cumsum([0] + [len(g) for g in groups[:-1]])
    if not len(order):
        return [], []
    link = reduce(reduce(sims[np.ix_(order, order)], bounds, axis=0), bounds, axis=1).astype(float)
    sizes = np.array([len(g) for g in groups], dtype=float)
    alive = np.ones(len(groups), dtype=bool)
    named = np.array([n is not None for n in names])
    while True:
        score = link / np.outer(sizes, sizes) if method != "complete" else link.copy()
        blocked = ~np.outer(alive, alive) | np.outer(named, named)
        np.fill_diagonal(blocked, True)
        score[blocked] = -np.inf
        a, b = np.unravel_index(int(np.argmax(score)), score.shape)
        if score[a, b] < threshold:
            break
        if named[b]:
            a, b = b, a  # keep the named group's row
        groups[a] += groups[b]
        names[a] = names[a] if names[a] is not None else names[b]
        named[a] = names[a] is not None
        pick = np.minimum if method == "complete" else np.add
        link[a, :] = pick(link[a, :], link[b, :])
        link[:, a] = link[a, :]
        sizes[a] += sizes[b]
        alive[b] = False
    out = [0] * len(fixed)
    for g, group in enumerate(groups):
        for i in group:
            out[i] = g
    return out, names
