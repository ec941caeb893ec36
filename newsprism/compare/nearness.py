"""What the ledger reads of the statement similarity matrix, computed once in row blocks.

The ledger asks, per group, which articles hold a statement at least ``only_here_sim`` close
to a member ("possibly shared", "leaves out") and the similarities among the members (the
representative sentence). Past 16,384 statements the matrix is lazy (compare/alignment.py
``Cosines``) and reading a group's rows costs a product over the whole story per group, memory
bound for a few rows: at 500 articles those reads took about 900 of the brief's 1,320 CPU s.
Here every row is computed once, ``_ROWS`` at a time, and kept only as the articles close to
it and its values at the pairs inside the groups. The values are the matrix's own (its slices,
or the lazy matrix's many-row products: equal to the last bit), so no threshold test moves.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

import numpy as np

from newsprism.compare.blocking import distinct

__all__ = ["Nearness"]

_ROWS = 256  # rows of the similarity matrix read at once


class Nearness:
    """For each statement, the articles (codes of ``articles``, one per statement) holding a
    statement at least ``threshold`` close to it; and the similarities inside each of ``groups``
    (statement indices)."""

    def __init__(
        self, sims: Any, articles: np.ndarray, threshold: float, groups: Iterable[Sequence[int]] = ()
    ) -> None:
        n = len(sims)
        self._n = n
        self._codes = _inside(groups, n)
        self._values = np.zeros(len(self._codes), dtype=np.float32)
        # ``>= threshold`` as a float32 array compares (near_articles) and as a Python float
        # (_near_elsewhere): one set unless float32 rounds the threshold down.
        two = float(np.float32(threshold)) < threshold
        loose: list[np.ndarray] = []
        strict: list[np.ndarray] = []
        width = int(articles.max()) + 1 if len(articles) else 1
        for start in range(0, n, _ROWS):
            stop = min(n, start + _ROWS)
            block = np.asarray(sims[start:stop])
            if start == 0:
                self._values = self._values.astype(block.dtype)
            loose.append(_row_articles(block >= threshold, articles, width, start))
            if two:
                strict.append(_row_articles(block.astype(np.float64) >= threshold, articles, width, start))
            lo, hi = np.searchsorted(self._codes, [start * n, stop * n])
            codes = self._codes[lo:hi]
            self._values[lo:hi] = block[codes // n - start, codes % n]
        self._loose = _csr(loose, n, width)
        self._strict = _csr(strict, n, width) if two else self._loose

    def articles(self, rows: Sequence[int], strict: bool = False) -> set[int]:
        """Codes of the articles with a statement at or above the threshold from any of ``rows``
        (``strict``: compared as a Python float, else as a float32 array compares)."""
        ptr, found = self._strict if strict else self._loose
        out: set[int] = set()
        for r in rows:
            out.update(found[ptr[r] : ptr[r + 1]].tolist())
        return out

    def block(self, members: Sequence[int]) -> np.ndarray | None:
        """``sims[np.ix_(members, members)]`` when every pair of ``members`` lies in one group
        given, else None."""
        m = np.asarray(members, dtype=np.int64)
        codes = (m[:, None] * self._n + m[None, :]).reshape(-1)
        at = np.searchsorted(self._codes, codes)
        if not len(codes) or at.max() >= len(self._codes) or (self._codes[at] != codes).any():
            return None
        return self._values[at].reshape(len(m), len(m))


def _inside(groups: Iterable[Sequence[int]], n: int) -> np.ndarray:
    """Sorted distinct codes ``i * n + j`` of every ordered pair (diagonal included) inside a group."""
    parts = []
    for group in groups:
        m = np.asarray(group, dtype=np.int64)
        parts.append((m[:, None] * n + m[None, :]).reshape(-1))
    return distinct(np.concatenate(parts)) if parts else np.zeros(0, dtype=np.int64)


def _row_articles(mask: np.ndarray, articles: np.ndarray, width: int, start: int) -> np.ndarray:
    """Distinct ``row * width + article`` codes of the true entries of ``mask`` (rows from ``start``)."""
    r, c = np.nonzero(mask)
    return distinct((r.astype(np.int64) + start) * width + articles[c])


def _csr(parts: list[np.ndarray], n: int, width: int) -> tuple[np.ndarray, np.ndarray]:
    codes = np.concatenate(parts) if parts else np.zeros(0, dtype=np.int64)
    ptr = np.zeros(n + 1, dtype=np.int64)
    np.cumsum(np.bincount(codes // width, minlength=n), out=ptr[1:])
    return ptr, (codes % width).astype(np.int32)
