"""The pair model's evidence, built faster with the same values: the per-statement evidence
from the statements alone built once per story, and bulk dot products a slice at a time."""

import numpy as np

from newsprism.compare import pairs
from newsprism.model import Span, Statement

TEXTS = [
    "The Velden council approved the marsh plan on Tuesday.",
    "Councillors in Velden voted for the marsh plan, 7 to 2.",
    "Orla Benningt said the marsh society would appeal.",
    "The society will not appeal, a spokesman said on Friday.",
]


def _statements() -> list[Statement]:
    return [
        Statement(id=f"s{k}", article_id=f"a{k % 2}", text=t, span=Span(0, len(t)), polarity="positive")
        for k, t in enumerate(TEXTS)
    ]


def test_story_evidence_is_built_once_and_matches_a_fresh_build():
    statements = _statements()
    vectors = np.eye(len(statements))
    first = pairs.StoryPairs(statements, vectors)
    again = pairs.StoryPairs(list(statements), vectors * 0.5)
    assert again.stems is first.stems and again.idf is first.idf
    assert again.features(0, 1)[0] == 0.0 and again.vectors is not first.vectors
    pairs._LAST_TEXT[0] = None
    fresh = pairs.StoryPairs(statements, vectors)
    assert fresh.stems is not first.stems and fresh.stems == first.stems
    assert fresh.features(0, 1) == first.features(0, 1)
    other = pairs.StoryPairs(statements[1:], vectors[1:])
    assert len(other.stems) == len(statements) - 1


def test_bulk_dot_products_equal_one_gather_to_the_last_bit():
    rng = np.random.default_rng(7)
    m = rng.standard_normal((300, 384)).astype(np.float32)
    rows, cols = rng.integers(0, 300, 5000), rng.integers(0, 300, 5000)
    assert len(rows) > 2 * pairs._DOT_PAIRS  # several slices
    whole = np.einsum("ij,ij->i", m[rows], m[cols])
    got = pairs._row_dots(m, rows, cols)
    assert got.dtype == whole.dtype and np.array_equal(got, whole)
    assert pairs._row_dots(m, rows[:0], cols[:0]).shape == (0,)
