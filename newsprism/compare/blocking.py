"""Blocking: the few statement pairs worth a pairwise look, without looking at every pair.

The pairwise steps (alignment, disputes) judge a pair with Python-level rules and a pair
model; over every pair of a story that is quadratic, and a story of 1,000 articles has
20,000+ statements. Two cheap sources of candidates stand in for "every pair":

- embedding neighbours: each statement's ``k`` most similar statements of *other*
  articles at or above a similarity floor (found with one matrix product per block of
  rows, so no pair is looked at in Python);
- an inverted index of rare terms: pairs of statements of different articles that share
  a term (word stem, name or number) at most ``max_df`` statements use. A rewording the
  embedding scores low still shares a rare name or number ("evacuation of about 200
  residents" / "200 residents were moved out"), and a rare term's postings are short, so
  the pairs it yields stay linear in the story's size.

A pair left out by both is one the steps would not have joined in a small story; with
``k`` of 0 every pair above the floor is a candidate (the exhaustive behaviour).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import numpy as np

__all__ = ["article_codes", "candidate_pairs", "distinct", "neighbour_pairs", "rare_term_pairs"]

# Rows of the similarity matrix taken at once (memory: block x statements floats).
_BLOCK = 1024


def article_codes(article_ids: Sequence[str]) -> np.ndarray:
    """Each statement's article as a small integer (for masks over similarity rows)."""
    codes: dict[str, int] = {}
    return np.array([codes.setdefault(a, len(codes)) for a in article_ids], dtype=np.int64)


def neighbour_pairs(
    vectors: np.ndarray, articles: np.ndarray, floor: float, k: int, sims: np.ndarray | None = None
) -> np.ndarray:
    """Pairs ``(i, j)``, ``i < j``, of different articles with similarity >= ``floor`` where
    ``j`` is among the ``k`` most similar statements of ``i`` or the reverse (``k`` <= 0:
    every such pair; a tie goes to the earlier statement). ``sims``, when the caller has the
    whole similarity matrix, is read instead of recomputing its rows (the same values to the
    last bit). Returns an ``(m, 2)`` array, sorted."""
    return _neighbours_and_values(vectors, articles, floor, k, sims)[0]


def _neighbours_and_values(
    vectors: np.ndarray,
    articles: np.ndarray,
    floor: float,
    k: int,
    sims: np.ndarray | None = None,
    asked: np.ndarray | None = None,
) -> tuple[np.ndarray, np.ndarray]:
    """:func:`neighbour_pairs`, and the similarity of each of the ``asked`` pairs (sorted by
    row, read from ``sims``) taken from the same row blocks: past the dense size, ``sims``
    computes the rows it is asked, and reading the asked pairs apart computed most rows twice."""
    n = len(vectors)
    found: list[np.ndarray] = []
    values = np.zeros(0 if asked is None else len(asked), dtype=np.result_type(vectors, vectors))
    for start in range(0, n, _BLOCK):
        stop = min(n, start + _BLOCK)
        block = sims[start:stop] if sims is not None else vectors[start:stop] @ vectors.T
        if asked is not None:
            lo, hi = np.searchsorted(asked[:, 0], [start, stop])
            values[lo:hi] = block[asked[lo:hi, 0] - start, asked[lo:hi, 1]]
        r, c = np.nonzero(block >= floor)
        other = articles[r + start] != articles[c]
        r, c = r[other], c[other]
        if k > 0 and len(r):
            r, c = _top(r, c, block[r, c], k, stop - start)
        found.append(np.stack([r + start, c], axis=1))
    return _unique_pairs(found, n), values


def _top(
    r: np.ndarray, c: np.ndarray, values: np.ndarray, k: int, rows: int
) -> tuple[np.ndarray, np.ndarray]:
    """The ``k`` entries of highest value in each row (``r`` ascending, as ``np.nonzero`` gives;
    columns ascending within a row, so a tie goes to the earlier column). Only rows holding
    more than ``k`` are sorted."""
    counts = np.bincount(r, minlength=rows)
    if counts.max() <= k:
        return r, c
    heavy = counts[r] > k
    hr, hc, hv = r[heavy], c[heavy], values[heavy]
    if hv.dtype == np.float32:
        # One stable sort of one key, (row, -value) as an unsigned integer, instead of a
        # three-key lexsort: entries come in column order, so equal values keep it.
        bits = (-hv + np.float32(0)).view(np.uint32).astype(np.uint64)  # + 0: -0.0 is 0.0
        bits = np.where(bits >> np.uint64(31), bits ^ np.uint64(0xFFFFFFFF), bits | np.uint64(0x80000000))
        order = np.argsort((hr.astype(np.uint64) << np.uint64(32)) | bits, kind="stable")
    else:
        order = np.lexsort((hc, -hv, hr))
    hr, hc = hr[order], hc[order]
    rank = np.arange(len(hr)) - np.searchsorted(hr, hr)
    keep = rank < k
    return np.concatenate([r[~heavy], hr[keep]]), np.concatenate([c[~heavy], hc[keep]])


def rare_term_pairs(bags: Sequence[Iterable[str]], articles: np.ndarray, max_df: int) -> np.ndarray:
    """Pairs ``(i, j)``, ``i < j``, of different articles sharing a term that at most
    ``max_df`` bags hold. Returns an ``(m, 2)`` array, sorted.

    The postings are arrays, and the pairs inside every posting list of one length are made
    at once (a loop over lengths up to ``max_df``, not over terms: a story has ~50,000)."""
    ids: dict[str, int] = {}
    terms: list[int] = []
    rows: list[int] = []
    for k, bag in enumerate(bags):
        for term in set(bag):
            terms.append(ids.setdefault(term, len(ids)))
            rows.append(k)
    if not terms:
        return np.zeros((0, 2), dtype=np.int64)
    order = np.argsort(np.asarray(terms, dtype=np.int64), kind="stable")  # each term's rows ascending
    members = np.asarray(rows, dtype=np.int64)[order]
    sizes = np.bincount(np.asarray(terms, dtype=np.int64))
    starts = np.cumsum(sizes) - sizes
    found: list[np.ndarray] = []
    for size in range(2, min(max_df, int(sizes.max())) + 1):
        at = starts[sizes == size]
        if not len(at):
            continue
        lists = members[at[:, None] + np.arange(size)]  # one posting list a row
        i, j = np.triu_indices(size, k=1)
        pairs = np.stack([lists[:, i].reshape(-1), lists[:, j].reshape(-1)], axis=1)
        found.append(pairs[articles[pairs[:, 0]] != articles[pairs[:, 1]]])
    return _unique_pairs(found, len(bags))


def candidate_pairs(
    vectors: np.ndarray,
    article_ids: Sequence[str],
    floor: float,
    k: int,
    bags: Sequence[Iterable[str]] = (),
    max_df: int = 0,
    sims: np.ndarray | None = None,
) -> np.ndarray:
    """Embedding neighbours and rare-term pairs together, each at similarity >= ``floor``."""
    articles = article_codes(article_ids)
    if k <= 0 or not bags or max_df <= 1:
        return neighbour_pairs(vectors, articles, floor, k, sims)
    rare = rare_term_pairs(bags, articles, max_df)  # sorted: rows ascending
    if sims is not None:  # the rare pairs' similarities from the neighbour search's rows
        near, close = _neighbours_and_values(vectors, articles, floor, k, sims, rare)
    else:
        near = neighbour_pairs(vectors, articles, floor, k)
        close = np.einsum("ij,ij->i", vectors[rare[:, 0]], vectors[rare[:, 1]])
    return _unique_pairs([near, rare[close >= floor]], len(vectors))


def _unique_pairs(parts: list[np.ndarray], n: int) -> np.ndarray:
    """The distinct pairs of ``parts`` as ``(min, max)``, sorted."""
    parts = [p for p in parts if len(p)]
    if not parts:
        return np.zeros((0, 2), dtype=np.int64)
    pairs = np.concatenate(parts).astype(np.int64)
    pairs.sort(axis=1)
    codes = distinct(pairs[:, 0] * max(n, 1) + pairs[:, 1])
    return np.stack([codes // max(n, 1), codes % max(n, 1)], axis=1)


def distinct(values: np.ndarray) -> np.ndarray:
    """``np.unique(values)`` of a 1-d array (sorted distinct values) by one sort: numpy 2.4's
    ``np.unique`` hashes first, about 40 times slower on the millions of pair codes of a
    large story."""
    ordered = np.sort(values, kind="stable")
    if not len(ordered):
        return ordered
    keep = np.empty(len(ordered), dtype=bool)
    keep[0] = True
    np.not_equal(ordered[1:], ordered[:-1], out=keep[1:])
    return ordered[keep]
