import numpy as np

from newsprism.compare.ledger import (
    _fold_twins,
    build_ledger,
    near_articles,
    omissions,
    text_forms,
    unique_content,
)
from newsprism.model import LedgerGroup, Span, Statement
from newsprism.settings import CompareSettings


def _st(i, article):
    return Statement(id=f"s{i}", article_id=article, text=f"statement {i}", span=Span(0, 5))


STS = [_st(0, "a"), _st(1, "b"), _st(2, "c"), _st(3, "a"), _st(4, "b"), _st(5, "c")]
GROUPS = [(0, 1, 2), (3, 4), (5,)]
SIMS = np.eye(6, dtype=np.float32)  # nothing close outside its own group


def test_status_counts_independent_origins_not_articles():
    independent = {"a": "a", "b": "b", "c": "c"}
    copies = {"a": "a", "b": "a", "c": "c"}  # b reprints a
    s = CompareSettings()
    by_text = {g.statement_ids: g for g in build_ledger(STS, GROUPS, SIMS, independent, set(), s)}
    assert by_text[("s3", "s4")].status == "consensus"
    by_text = {g.statement_ids: g for g in build_ledger(STS, GROUPS, SIMS, copies, set(), s)}
    assert by_text[("s3", "s4")].status == "single-source"
    assert by_text[("s3", "s4")].independent_support == 1
    assert by_text[("s0", "s1", "s2")].independent_support == 2


def test_disputed_statements_make_their_group_disputed():
    ledger = build_ledger(STS, GROUPS, SIMS, {}, {"s1"}, CompareSettings())
    assert [g.status for g in ledger if "s1" in g.statement_ids] == ["disputed"]


def test_unique_and_omissions_per_article():
    ledger = build_ledger(STS, GROUPS, SIMS, {}, set(), CompareSettings())
    only_c = next(g.id for g in ledger if g.statement_ids == ("s5",))
    pair = next(g.id for g in ledger if g.statement_ids == ("s3", "s4"))
    assert unique_content(ledger) == {"c": (only_c,)}
    assert omissions(ledger, ["a", "b", "c"], 0.5) == {"c": (pair,)}


def test_a_one_origin_group_close_to_another_origin_is_not_claimed_unique():
    sims = np.eye(6, dtype=np.float32)
    sims[5, 0] = sims[0, 5] = 0.9  # c's statement reads like a's, yet alignment kept them apart
    ledger = build_ledger(STS, GROUPS, sims, {}, set(), CompareSettings())
    only_c = next(g for g in ledger if g.statement_ids == ("s5",))
    assert only_c.status == "possibly-shared"
    assert unique_content(ledger) == {}


def test_an_article_with_something_close_does_not_leave_the_group_out():
    sims = np.eye(6, dtype=np.float32)
    sims[5, 3] = sims[3, 5] = 0.9  # c may tell the a/b fact in other words
    ledger = build_ledger(STS, GROUPS, sims, {}, set(), CompareSettings())
    near = near_articles(ledger, STS, sims, CompareSettings().only_here_sim)
    assert omissions(ledger, ["a", "b", "c"], 0.5, near) == {}
    assert omissions(ledger, ["a", "b", "c"], 0.5) != {}


def test_a_statement_the_pair_model_relates_elsewhere_is_neither_unique_nor_left_out():
    s = CompareSettings()
    related = [(5, 3)]  # c's lone statement likely tells a's fact in other words
    ledger = build_ledger(STS, GROUPS, SIMS, {}, set(), s, related)
    assert unique_content(ledger) == {}
    assert next(g.status for g in ledger if g.statement_ids == ("s5",)) == "possibly-shared"
    pair = next(g.id for g in ledger if g.statement_ids == ("s3", "s4"))
    near = near_articles(ledger, STS, SIMS, s.only_here_sim, related)
    assert near[pair] == {"c"}
    assert omissions(ledger, ["a", "b", "c"], 0.5, near) == {}
    # a partner in the same origin is no evidence
    ledger = build_ledger(STS, GROUPS, SIMS, {"a": "a", "b": "b", "c": "a"}, set(), s, [(5, 0)])
    assert next(g.status for g in ledger if g.statement_ids == ("s5",)) != "possibly-shared"


def test_groups_a_reader_cannot_tell_apart_become_one():
    sts = [_st(0, "a"), _st(1, "b"), _st(2, "b")]
    sts[2] = Statement(id="s2", article_id="b", text="statement 2", span=Span(0, 5))
    sims = np.array([[1, 0.9, 0.2], [0.9, 1, 0.2], [0.2, 0.2, 1]], dtype=np.float32)
    # an alignment group and a fact group over the same two articles with one representative
    ledger = build_ledger(sts, [(0, 1), (0, 2)], sims, {}, set(), CompareSettings())
    assert len(ledger) == 1
    assert set(ledger[0].statement_ids) == {"s0", "s1", "s2"}


def test_groups_through_the_same_statements_of_all_but_one_article_become_one():
    # one article's sentence cut into two clauses: two alignment groups over the same three
    # articles that share the other two articles' statements
    sts = [_st(0, "a"), _st(1, "b"), _st(2, "c"), _st(3, "c")]
    sims = np.eye(4, dtype=np.float32)
    sims[3, [0, 1]] = sims[[0, 1], 3] = 0.5  # each group shows its own sentence
    ledger = build_ledger(sts, [(0, 1, 2), (3, 0, 1)], sims, {}, set(), CompareSettings())
    assert len(ledger) == 1
    assert set(ledger[0].statement_ids) == {"s0", "s1", "s2", "s3"}


def test_groups_sharing_one_statement_of_three_articles_stay_apart():
    sts = [_st(0, "a"), _st(1, "b"), _st(2, "c"), _st(3, "b"), _st(4, "c")]
    sims = np.eye(5, dtype=np.float32)
    sims[3, [0, 4]] = sims[[0, 4], 3] = 0.5  # the second group's most central sentence is s3
    ledger = build_ledger(sts, [(0, 1, 2), (3, 0, 4)], sims, {}, set(), CompareSettings())
    assert len(ledger) == 2


def test_twins_fold_against_the_group_first_met_not_the_grown_row():
    # g2 is a twin of g1 (the same statements in all but one article); g3 shares two statements
    # with the row g1 and g2 make together but one with g1: a third group of the topic
    arts = ("a", "b", "c")
    g1 = LedgerGroup("g1", "statement 0", "consensus", ("s0", "s1", "s2"), arts, 3)
    g2 = LedgerGroup("g2", "statement 3", "consensus", ("s0", "s1", "s3"), arts, 3)
    g3 = LedgerGroup("g3", "statement 4", "consensus", ("s0", "s3", "s4"), arts, 3)
    rows = _fold_twins([g1, g2, g3])
    assert [set(g.statement_ids) for g in rows] == [{"s0", "s1", "s2", "s3"}, {"s0", "s3", "s4"}]


def test_a_sentence_of_a_longer_quote_is_marked_as_a_piece_of_it():
    text = "“The bridge will open in May. The tolls stay,” the mayor said. Crews worked “all night.”"
    second = text.index("The tolls")
    crews = text.index("Crews")
    piece = Statement("q", "a", text[second : crews - 1], Span(second, crews - 1))
    plain = Statement("p", "a", text[crews:], Span(crews, len(text)))  # holds its whole quote
    ledger = [
        LedgerGroup("gq", piece.text, "single-source", ("q",), ("a",), 1),
        LedgerGroup("gp", plain.text, "single-source", ("p",), ("a",), 1),
    ]
    marked = text_forms(ledger, [piece, plain], {"a": text})
    assert [g.form for g in marked] == ["quote_piece", "alone"]
    assert unique_content(marked) == {"a": ("gq", "gp")}  # still listed, shown as the speaker's words


def test_several_origins_held_only_by_weak_joins_are_possibly_shared_not_agreement():
    from newsprism.render.brief_text import agree_rows, unconfirmed

    independent = {"a": "a", "b": "b", "c": "c"}
    s = CompareSettings()
    # (0, 1, 2): s0 and s1 firmly joined, s2 only weakly; (3, 4): two parts, one origin each
    parts = [(0, 0, 2), (0, 1), (0,)]
    ledger = build_ledger(STS, GROUPS, SIMS, independent, set(), s, parts=parts)
    status = {g.statement_ids: g.status for g in ledger}
    assert status[("s0", "s1", "s2")] == "consensus"
    assert status[("s3", "s4")] == "possibly-shared"
    held = next(g for g in ledger if g.statement_ids == ("s3", "s4"))
    assert held.article_ids == ("a", "b") and held.independent_support == 2  # no fact lost
    assert held.id not in unique_content(ledger, independent).get("a", ())
    assert held.id not in omissions(ledger, ["a", "b", "c"], 0.5).get("c", ())
    rows = [(f"The ferry timetable will change in week {k}.", g.article_ids) for k, g in enumerate(ledger)]
    doubtful = [unconfirmed(g.status, g.independent_support) for g in ledger]
    shown = [ledger[k].statement_ids for k in agree_rows(rows, doubtful)]
    assert shown == [("s0", "s1", "s2")]
