import numpy as np

from newsprism.compare.alignment import Cosines
from newsprism.compare.nearness import Nearness
from tests.blas_helpers import same_values


def _vectors(n: int, seed: int = 3) -> np.ndarray:
    v = np.random.default_rng(seed).normal(size=(n, 24)).astype(np.float32)
    return v / np.linalg.norm(v, axis=1, keepdims=True)


def _articles(n: int) -> np.ndarray:
    return np.random.default_rng(5).integers(0, 40, size=n)


def test_articles_are_those_of_the_close_columns_for_both_comparisons():
    n = 600  # more than one block of rows
    sims = _vectors(n) @ _vectors(n).T
    # float32 rounds 0.7 down: a value exactly at float32(0.7) is close as an array compares,
    # not as a Python float does
    t = 0.7
    sims[3, 10] = sims[10, 3] = np.float32(t)
    arts = _articles(n)
    near = Nearness(sims, arts, t)
    for rows in ([3], [0, 1, 2], list(range(250, 270)), [599, 3]):
        loose = {int(arts[c]) for c in np.nonzero(sims[rows].max(axis=0) >= t)[0]}
        strict = {int(arts[c]) for r in rows for c in range(n) if float(sims[r, c]) >= t}
        assert near.articles(rows) == loose
        assert near.articles(rows, strict=True) == strict
    assert int(arts[10]) in near.articles([3])
    only_10 = [c for c in range(n) if arts[c] == arts[10] and float(sims[3, c]) >= t]
    assert (int(arts[10]) in near.articles([3], strict=True)) == bool(only_10)


def test_lazy_rows_give_what_the_dense_matrix_gives():
    n = 700
    v = _vectors(n, seed=8)
    dense, lazy = v @ v.T, Cosines(v)
    arts = _articles(n)
    groups = [(0, 5, 9), (650, 2, 300, 301), (10,)]
    a, b = Nearness(dense, arts, 0.25, groups), Nearness(lazy, arts, 0.25, groups)
    for rows in ([0], [5, 9, 650], list(range(690, 700))):
        assert a.articles(rows) == b.articles(rows)
    for g in groups:
        want = dense[np.ix_(g, g)]
        assert np.array_equal(a.block(list(g)), want)
        assert same_values(v, b.block(list(g)), want)  # to the last bit where BLAS allows


def test_block_of_members_of_no_one_group_is_unknown():
    n = 50
    sims = _vectors(n) @ _vectors(n).T
    near = Nearness(sims, _articles(n), 0.5, [(1, 2), (3, 4)])
    assert near.block([2, 1]) is not None
    assert near.block([1, 3]) is None
    assert near.block([49]) is None
