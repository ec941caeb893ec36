"""One person's years in office told two ways by two outlets, in the shapes news copy writes
them (fictional sentences; session 14, issue 16 item 4)."""

import numpy as np

from newsprism.compare.alignment import Alignment
from newsprism.compare.contradictions import find_contradictions
from newsprism.model import Span, Statement


def _flags(a_text: str, b_text: str, grouped: bool = False, cut: int = 0) -> list[tuple[str, str]]:
    """Kinds and notes flagged for two one-sentence articles; ``cut`` > 0 gives article b's
    sentence as two statements cut there (a clause and its rest), ``grouped`` aligns the
    sentences."""
    sts = [
        Statement(
            id="s0", article_id="a", text=a_text, span=Span(0, len(a_text)), sentence=Span(0, len(a_text))
        )
    ]
    whole = Span(0, len(b_text))
    if cut:
        sts.append(
            Statement(
                id="s1", article_id="b", text=b_text[:cut].rstrip(", "), span=Span(0, cut), sentence=whole
            )
        )
        sts.append(
            Statement(
                id="s2",
                article_id="b",
                text=b_text[cut:].strip(),
                span=Span(cut, len(b_text)),
                sentence=whole,
            )
        )
    else:
        sts.append(Statement(id="s1", article_id="b", text=b_text, span=whole, sentence=whole))
    n = len(sts)
    groups = (tuple(range(n)),) if grouped else tuple((i,) for i in range(n))
    aligned = Alignment(groups=groups, conflicts=(), sims=np.eye(n, dtype=np.float32))
    found = find_contradictions(sts, aligned, {"a": a_text, "b": b_text}, min_shared=2)
    return sorted({(c.kind, c.note) for c in found})


SPAN = [("years", "1967–1979 vs 1966–1978")]


def test_a_title_before_the_name_or_the_holders_body_names_the_office():
    # "who served 1967-1979" names no office: the title before the name does
    assert (
        _flags(
            "Former Sen. Harlan Voss (D-Vessia), who served 1967-1979, died Saturday.",
            "Harlan Voss, a two-term senator (1966-78), died on Saturday in Carrowmere.",
        )
        == SPAN
    )
    assert (
        _flags(
            "Sen. Harlan Voss (1967-1979) died Saturday at 94, his family said.",
            "Harlan Voss, who was in the Senate from 1966 to 1978, died on Saturday in Carrowmere.",
        )
        == SPAN
    )
    assert (
        _flags(
            "Bo Lind worked for Harlan Voss, who was Vessia's governor from 1967 to 1979.",
            "As a young aide, Bo Lind worked for Gov. Harlan Voss, who led the state from 1966 to 1978.",
        )
        == SPAN
    )


def test_spans_between_two_years_or_with_their_months_are_read():
    assert (
        _flags(
            "Harlan Voss held the Senate seat from 1967 until 1979.",
            "Harlan Voss was a senator between 1966 and 1978.",
        )
        == SPAN
    )
    assert (
        _flags(
            "The late Sen. Harlan Voss, who served from January 1967 to January 1979, was remembered.",
            "Harlan Voss, Vessia's senator from 1966 through 1978, died on Saturday.",
        )
        == SPAN
    )


def test_a_clause_cut_before_its_span_takes_the_office_of_its_sentence():
    b = "Harlan Voss, who served two terms as a senator from Vessia, from 1966 to 1978, died on Saturday."
    assert (
        _flags(
            "Former Sen. Harlan Voss, a Democrat who represented Vessia in the Senate from 1967 to 1979, died.",
            b,
            cut=b.index("from 1966"),
        )
        == SPAN
    )


def test_a_pair_alignment_grouped_is_compared_as_one_it_did_not():
    # alignment grouping the two sentences must not keep their years from being compared
    assert (
        _flags(
            "Former Sen. Harlan Voss, a Democrat who represented Vessia in the Senate from 1967 to 1979, died.",
            "Harlan Voss (D-Vessia), a senator from 1966-78, has died.",
            grouped=True,
        )
        == SPAN
    )


def test_two_offices_or_a_life_and_a_term_are_no_contradiction():
    assert (
        _flags(
            "Harlan Voss, who served in the House from 1959 to 1967, died Saturday.",
            "Harlan Voss served in the Senate from 1961 to 1979 and wrote the farm credit law.",
        )
        == []
    )
    assert (
        _flags(
            "Gov. Harlan Voss, who served from 1967 to 1979, signed the law.",
            "Sen. Harlan Voss, who served from 1966 to 1978, backed the bill.",
        )
        == []
    )
    assert (
        _flags(
            "Harlan Voss served in the Senate from 1967 to 1985.",
            "Mr. Voss (1921-2015) was the last of the chamber's veterans.",
        )
        == []
    )


def test_a_relatives_years_or_years_of_something_else_are_no_term():
    assert (
        _flags(
            "Sen. Ada Morrow, whose father served in the Senate from 1967 to 1979, spoke.",
            "Ada Morrow served in the Senate from 1966 to 1978.",
        )
        == []
    )
    assert (
        _flags(
            "Ada Morrow, who served in the Senate from 1967 to 1979, spoke.",
            "Ada Morrow's husband, Bo, was a senator from 1966 to 1978.",
        )
        == []
    )
    # the title names the holder's office, the clause tells where he lived
    assert (
        _flags(
            "Sen. Harlan Voss lived in Carrowmere from 1967 to 1979.",
            "Harlan Voss, a senator from 1966 to 1978, died.",
        )
        == []
    )
