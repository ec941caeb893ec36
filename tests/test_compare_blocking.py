import dataclasses

import numpy as np

from newsprism.compare.alignment import align_statements
from newsprism.compare.blocking import article_codes, candidate_pairs, neighbour_pairs, rare_term_pairs
from newsprism.model import Span, Statement
from newsprism.settings import CompareSettings


def _unit(rng, n, dim=8):
    v = rng.normal(size=(n, dim)).astype(np.float32)
    return v / np.linalg.norm(v, axis=1, keepdims=True)


def _all_pairs(vectors, articles, floor):
    sims = vectors @ vectors.T
    return {
        (i, j)
        for i in range(len(vectors))
        for j in range(i + 1, len(vectors))
        if articles[i] != articles[j] and sims[i, j] >= floor
    }


def test_without_a_cap_every_pair_of_different_articles_above_the_floor_is_a_candidate():
    rng = np.random.default_rng(1)
    vectors = _unit(rng, 60)
    articles = np.arange(60) % 7
    found = {tuple(p) for p in neighbour_pairs(vectors, articles, 0.1, 0).tolist()}
    assert found == _all_pairs(vectors, articles, 0.1)


def test_a_cap_keeps_each_statements_nearest_neighbours_of_other_articles():
    rng = np.random.default_rng(2)
    vectors = _unit(rng, 40)
    articles = np.arange(40) % 5
    found = {tuple(p) for p in neighbour_pairs(vectors, articles, -1.0, 3).tolist()}
    sims = vectors @ vectors.T
    for i in range(40):
        others = [j for j in np.argsort(-sims[i]) if articles[j] != articles[i]][:3]
        assert all((min(i, j), max(i, j)) in found for j in others)
    # At most 3 per statement, each counted from both ends.
    assert len(found) <= 40 * 3
    assert all(articles[i] != articles[j] for i, j in found)


def test_rare_shared_terms_make_pairs_and_common_ones_do_not():
    bags = [{"ferry", "kestrel"}, {"ferry", "kestrel"}, {"ferry"}, {"ferry"}, {"kestrel"}]
    articles = article_codes(["a", "b", "c", "d", "a"])
    found = {tuple(p) for p in rare_term_pairs(bags, articles, max_df=3).tolist()}
    # "ferry" is in 4 bags (too common); "kestrel" in 3: pairs across articles only.
    assert found == {(0, 1), (1, 4)}


def test_rare_term_pairs_are_every_pair_sharing_a_rare_term_of_random_bags():
    rng = np.random.default_rng(4)
    for _ in range(60):
        n, vocab, max_df = int(rng.integers(0, 40)), int(rng.integers(1, 30)), int(rng.integers(0, 9))
        bags = [[f"t{x}" for x in rng.integers(0, vocab, size=rng.integers(0, 6))] for _ in range(n)]
        articles = rng.integers(0, 4, size=n)
        df = {t: sum(t in set(b) for b in bags) for bag in bags for t in bag}
        expected = {
            (i, j)
            for i in range(n)
            for j in range(i + 1, n)
            if articles[i] != articles[j] and any(1 < df[t] <= max_df for t in set(bags[i]) & set(bags[j]))
        }
        found = rare_term_pairs(bags, articles, max_df)
        assert {tuple(p) for p in found.tolist()} == expected
        assert found.tolist() == sorted(found.tolist())


def test_a_rewording_far_down_the_neighbour_list_is_found_by_its_rare_term():
    rng = np.random.default_rng(3)
    vectors = _unit(rng, 30)
    sims = vectors @ vectors.T
    ids = [f"a{k % 6}" for k in range(30)]
    i = 0
    far = [j for j in np.argsort(-sims[i]) if ids[j] != ids[i]][-1]
    bags = [{f"w{k}"} for k in range(30)]
    bags[far] = {"w0"}
    blocked = {tuple(p) for p in candidate_pairs(vectors, ids, -1.0, 2, bags, 5).tolist()}
    assert (min(i, far), max(i, far)) in blocked
    assert (min(i, far), max(i, far)) not in {
        tuple(p) for p in candidate_pairs(vectors, ids, -1.0, 2).tolist()
    }


def test_rare_pairs_read_their_similarities_from_the_neighbour_search_rows(monkeypatch):
    # With a lazy matrix, the rare-term pairs' similarities come from the row blocks the
    # neighbour search computes: each row once, the pairs those of the dense matrix.
    from newsprism.compare.alignment import Cosines

    rng = np.random.default_rng(4)
    vectors = _unit(rng, 3000, dim=16)
    ids = [f"a{k % 40}" for k in range(3000)]
    bags = [{f"w{k % 700}", f"v{(k * 7) % 900}"} for k in range(3000)]
    dense = candidate_pairs(vectors, ids, 0.2, 3, bags, 6, vectors @ vectors.T)
    lazy = Cosines(vectors)
    computed = []
    product = Cosines._product
    monkeypatch.setattr(
        Cosines, "_product", lambda self, idx: computed.append(len(idx)) or product(self, idx)
    )
    found = candidate_pairs(vectors, ids, 0.2, 3, bags, 6, lazy)
    assert np.array_equal(found, dense) and len(found) > 3000
    assert sum(computed) == 3000


def _story(rng, n_articles=8, facts=12):
    """Articles that each tell most of a few facts in slightly different words and vectors."""
    base = _unit(rng, facts, dim=16)
    words = ["harbour", "warehouse", "council", "ferry", "quay", "union", "crew", "mayor", "inspector"]
    statements, vectors = [], []
    for a in range(n_articles):
        for f in range(facts):
            if rng.random() < 0.2:
                continue
            text = f"The {words[f % len(words)]} said {f + 3} people left the {words[(f + a) % len(words)]}."
            k = len(statements)
            statements.append(Statement(id=f"s{k}", article_id=f"a{a}", text=text, span=Span(0, len(text))))
            v = base[f] + rng.normal(scale=0.35, size=16)
            vectors.append(v / np.linalg.norm(v))
    return statements, np.asarray(vectors, dtype=np.float32)


def test_blocked_alignment_equals_the_exhaustive_one_when_the_cap_exceeds_the_crowd():
    statements, vectors = _story(np.random.default_rng(4))
    exhaustive = align_statements(statements, vectors, CompareSettings(align_neighbours=0))
    blocked = align_statements(statements, vectors, CompareSettings(align_neighbours=len(statements)))
    assert blocked.groups == exhaustive.groups and blocked.conflicts == exhaustive.conflicts
    assert any(len(g) > 2 for g in exhaustive.groups)


def test_a_small_cap_still_aligns_the_same_facts_across_articles():
    statements, vectors = _story(np.random.default_rng(5))
    s = CompareSettings()
    exhaustive = align_statements(statements, vectors, dataclasses.replace(s, align_neighbours=0))
    blocked = align_statements(statements, vectors, dataclasses.replace(s, align_neighbours=5))
    grouped = {p for g in exhaustive.groups for p in zip(g, g[1:], strict=False)}
    kept = {p for g in blocked.groups for p in zip(g, g[1:], strict=False)}
    assert grouped and len(kept & grouped) >= 0.8 * len(grouped)


def test_a_cap_keeps_the_k_highest_of_each_row_ties_to_the_earlier_column():
    from newsprism.compare.blocking import _top

    rng = np.random.default_rng(5)
    for dtype in (np.float32, np.float64):
        for _ in range(200):
            rows, cols, k = int(rng.integers(1, 8)), int(rng.integers(1, 12)), int(rng.integers(1, 5))
            values = rng.choice(np.array([-0.5, -0.0, 0.0, 0.3, 0.7, 1.0]), size=(rows, cols)).astype(dtype)
            r, c = np.nonzero(rng.random((rows, cols)) < 0.8)
            if not len(r):
                continue
            kept_r, kept_c = _top(r, c, values[r, c], k, rows)
            expected = set()
            for row in range(rows):
                entries = sorted((-float(values[row, col]), col) for col in c[r == row])  # -0.0 == 0.0
                expected |= {(row, col) for _, col in entries[:k]}
            assert set(zip(kept_r.tolist(), kept_c.tolist(), strict=True)) == expected
            assert len(kept_r) == len(expected)


def test_distinct_is_numpys_unique_sorted_values_by_one_sort():
    import numpy as np

    from newsprism.compare.blocking import distinct

    rng = np.random.default_rng(3)
    for size in (0, 1, 2, 7, 500):
        values = rng.integers(-5, 40, size)
        assert np.array_equal(distinct(values), np.unique(values))
        assert distinct(values).dtype == values.dtype
    assert distinct(np.array([4, 4, 4])).tolist() == [4]
