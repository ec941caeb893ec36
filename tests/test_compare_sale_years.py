"""The year of a sale told with its sum (fictional sentences; session 18, issue 16 part 4)."""

import numpy as np

from newsprism.compare.alignment import Alignment
from newsprism.compare.attributes import mentions
from newsprism.compare.contradictions import find_contradictions
from newsprism.model import Span, Statement


def _sales(text: str) -> list[tuple[str, int]]:
    return [(m.key, int(m.value)) for m in mentions(text) if m.kind == "sale_year"]


def test_a_sale_year_is_read_after_its_sum_other_sums_are_not():
    assert _sales("The family sold the Carrow mill for a reported $12 million in 1958.") == [
        ("usd|1.2e+07", 1958)
    ]
    assert _sales("The county spent $12 million in 1958 on roads.") == []
    assert _sales("The family sold the mill for more than $12 million in 1958.") == []  # a bound
    assert _sales("The family sold the mill for $12 million in 1958-59.") == []


def _flags(a_text: str, b_text: str) -> list[str]:
    sts = [
        Statement(id=f"s{i}", article_id=art, text=t, span=Span(0, len(t)), sentence=Span(0, len(t)))
        for i, (art, t) in enumerate((("a", a_text), ("b", b_text)))
    ]
    alignment = Alignment(groups=((0,), (1,)), conflicts=(), sims=np.eye(2, dtype=np.float32))
    return [c.note for c in find_contradictions(sts, alignment, {"a": a_text, "b": b_text}, min_shared=2)]


def test_one_sale_told_with_two_years_is_flagged_two_sums_are_not():
    a = "The Vellin family sold the Carrow mill for a reported $12 million in 1958."
    assert _flags(a, "The mill was sold for $12 million in 1968, a cousin said.") == [
        "$12 million in 1958 vs $12 million in 1968"
    ]
    assert _flags(a, "The mill was sold again for $19 million in 1968.") == []
