"""The year of a sale told with its sum (fictional sentences; session 18, issue 16 part 4)."""

from newsprism.compare.attributes import mentions
from tests.contra_helpers import two_article_flags as _flags


def _sales(text: str) -> list[tuple[str, int]]:
    return [(m.key, int(m.value)) for m in mentions(text) if m.kind == "sale_year"]


def test_a_sale_year_is_read_after_its_sum_other_sums_are_not():
    assert _sales("The family sold the Carrow mill for a reported $12 million in 1958.") == [
        ("usd|1.2e+07", 1958)
    ]
    assert _sales("The county spent $12 million in 1958 on roads.") == []
    assert _sales("The family sold the mill for more than $12 million in 1958.") == []  # a bound
    assert _sales("The family sold the mill for $12 million in 1958-59.") == []


def test_one_sale_told_with_two_years_is_flagged_two_sums_are_not():
    a = "The Vellin family sold the Carrow mill for a reported $12 million in 1958."
    assert _flags(a, "The mill was sold for $12 million in 1968, a cousin said.") == [
        "$12 million in 1958 vs $12 million in 1968"
    ]
    assert _flags(a, "The mill was sold again for $19 million in 1968.") == []
