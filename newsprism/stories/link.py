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

__all__ = ["average_link"]


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
    apart = _days_apart(published)
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


def _days_apart(published: Sequence[date | None]) -> np.ndarray:
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
