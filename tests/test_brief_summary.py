import dataclasses

import numpy as np

from newsprism.brief.summary import summarize
from newsprism.model import LedgerGroup, Span, Statement
from tests.conftest import make_article

A = make_article(
    "Twelve people were injured in the warehouse fire on Tuesday night.\n\n"
    "The mayor praised the firefighters for their quick work overnight.",
    outlet="A",
)
B = make_article("The warehouse fire on Tuesday night injured twelve people in the town.", outlet="B")


def _st(sid, art, text):
    start = art.text.index(text)
    return Statement(id=sid, article_id=art.id, text=text, span=Span(start, start + len(text)))


STS = [
    _st("s1", A, "Twelve people were injured in the warehouse fire on Tuesday night."),
    _st("s2", B, "The warehouse fire on Tuesday night injured twelve people in the town."),
    _st("s3", A, "The mayor praised the firefighters for their quick work overnight."),
]
LEDGER = [
    LedgerGroup("g1", STS[0].text, "consensus", ("s1", "s2"), (A.id, B.id), 2),
    LedgerGroup("g2", STS[2].text, "single-source", ("s3",), (A.id,), 1),
]
VECS = {
    "s1": np.array([1, 0], np.float32),
    "s2": np.array([1, 0], np.float32),
    "s3": np.array([0, 1], np.float32),
}


def test_summary_cites_every_outlet_and_marks_single_source():
    summary = summarize(LEDGER, STS, [A, B], VECS)
    assert [s["group_id"] for s in summary] == ["g1", "g2"]
    assert {c["outlet"] for c in summary[0]["cites"]} == {"A", "B"}
    assert summary[0]["marked"] is None and summary[1]["marked"] == "single-source"
    for s in summary:
        art = A if s["article_id"] == A.id else B
        assert art.text[s["start"] : s["end"]] == s["text"]


def test_summary_respects_its_length_and_skips_redundant_sentences():
    assert len(summarize(LEDGER, STS, [A, B], VECS, max_sentences=1)) == 1
    twin = [LEDGER[0], LedgerGroup("g3", STS[1].text, "consensus", ("s2",), (B.id,), 2)]
    assert [s["group_id"] for s in summarize(twin, STS, [A, B], VECS)] == ["g1"]


def test_an_altered_quote_is_not_the_words_the_summary_uses():
    altered = STS[0].__class__(**{**STS[0].__dict__, "quote_id": "q-bad"})
    sts = [altered, STS[1], STS[2]]
    summary = summarize(LEDGER, sts, [A, B], VECS, avoid_quotes={"q-bad"})
    # Told in B's words, the line has one outlet where the ledger counts two (A's altered quote
    # does not carry B's words): it is left out rather than shown with another count.
    assert all(c["statement_id"] != "s1" for s in summary for c in s["cites"])
    assert "g1" not in [s["group_id"] for s in summary]


def test_an_altered_quote_is_not_counted_when_the_origin_is_carried_otherwise():
    altered = STS[0].__class__(**{**STS[0].__dict__, "quote_id": "q-bad"})
    sts = [altered, STS[1], STS[2]]
    copies = {A.id: B.id}  # A and B are one origin: the line keeps the ledger's count of one
    ledger = [dataclasses.replace(LEDGER[0], independent_support=1), LEDGER[1]]
    summary = summarize(ledger, sts, [A, B], VECS, avoid_quotes={"q-bad"}, origin_of=copies)
    line = next(s for s in summary if s["group_id"] == "g1")
    assert [c["statement_id"] for c in line["cites"]] == ["s2"] and line["independent_support"] == 1


def _two_clauses(art, text):
    """The storm sentence cut as the clause splitter cuts it: before ", and" and from "the mayor"."""
    cut = text.index("the mayor")
    whole = Span(0, len(text))
    return [
        Statement("c1", art.id, text[: cut - 6], Span(0, cut - 6), sentence=whole),
        Statement("c2", art.id, text[cut:], Span(cut, len(text)), sentence=whole),
    ]


def test_a_clause_is_shown_in_its_whole_sentence_once():
    text = "The storm flooded the harbour district overnight, and the mayor closed every school on Monday."
    art = make_article(text, outlet="C")
    other = make_article("The storm flooded the harbour district. The mayor closed every school.", outlet="D")
    sts = [
        *_two_clauses(art, text),
        _st("d1", other, "The storm flooded the harbour district."),
        _st("d2", other, "The mayor closed every school."),
    ]
    ledger = [
        LedgerGroup("g1", sts[0].text, "consensus", ("c1", "d1"), (art.id, other.id), 2),
        LedgerGroup("g2", sts[1].text, "consensus", ("c2", "d2"), (art.id, other.id), 2),
    ]
    vecs = {
        k: np.array(v, np.float32)
        for k, v in {"c1": [1, 0], "c2": [0, 1], "d1": [1, 0], "d2": [0, 1]}.items()
    }
    summary = summarize(ledger, sts, [art, other], vecs)
    shown = [s["text"] for s in summary]
    assert shown.count(text) <= 1 and all(
        art.text[s["start"] : s["end"]] == s["text"] for s in summary if s["article_id"] == art.id
    )
    assert any(s["text"] == text for s in summary)


def test_a_summary_line_says_what_the_ledger_says_about_its_claim():
    text = "The storm flooded the harbour district overnight, and the mayor closed every school on Monday."
    art = make_article(text, outlet="C")
    other = make_article("The storm flooded the harbour district overnight.", outlet="D")
    sts = [
        *_two_clauses(art, text),
        _st("d1", other, "The storm flooded the harbour district overnight."),
    ]
    ledger = [
        LedgerGroup("g1", sts[0].text, "consensus", ("c1", "d1"), (art.id, other.id), 2),
        LedgerGroup("g2", sts[1].text, "single-source", ("c2",), (art.id,), 1),
    ]
    vecs = {"c1": np.array([1, 0], np.float32), "c2": np.array([0, 1], np.float32)}
    vecs["d1"] = np.array([1, 0], np.float32)
    first = summarize(ledger, sts, [art, other], vecs)[0]
    # D does not report the schools, so C's clause is shown alone, with g1's support and outlets:
    # the summary never calls single-source what the ledger counts as consensus.
    assert first["statement_id"] == "c1" and first["text"] == sts[0].text
    assert {c["outlet"] for c in first["cites"]} == {"C", "D"}
    assert first["independent_support"] == 2 and first["marked"] is None
    assert first["status"] == ledger[0].status


def test_a_claim_that_supports_two_groups_is_shown_whole_only_where_both_are_carried():
    text = "The storm flooded the harbour district overnight, and the mayor closed every school on Monday."
    art = make_article(text, outlet="C")
    other = make_article("The storm flooded the harbour district. The mayor closed every school.", outlet="D")
    third = make_article("Flood water reached the harbour district before dawn.", outlet="E")
    sts = [
        *_two_clauses(art, text),
        _st("d1", other, "The storm flooded the harbour district."),
        _st("d2", other, "The mayor closed every school."),
        _st("e1", third, "Flood water reached the harbour district before dawn."),
    ]
    # c1 tells the flood (with D) and, as a further supporting passage, its hour (with E only):
    # D does not carry every fact of the sentence, so no line cites D for all of it.
    ledger = [
        LedgerGroup("g3", sts[4].text, "consensus", ("c1", "e1"), (art.id, third.id), 2),
        LedgerGroup("g1", sts[0].text, "consensus", ("c1", "d1"), (art.id, other.id), 2),
        LedgerGroup("g2", sts[1].text, "consensus", ("c2", "d2"), (art.id, other.id), 2),
    ]
    vecs = {
        k: np.array(v, np.float32)
        for k, v in {"c1": [1, 0], "c2": [0, 1], "d1": [1, 0], "d2": [0, 1], "e1": [1, 0]}.items()
    }
    summary = summarize(ledger, sts, [art, other, third], vecs)
    assert summary and all(s["text"] != text or "D" not in {c["outlet"] for c in s["cites"]} for s in summary)


def test_a_clause_cut_from_its_sentence_is_never_a_summary_line():
    art = make_article(
        "Twelve people were injured on Tuesday, among them three firefighters, the fire service said.",
        outlet="C",
    )
    fragment = _st("f1", art, "among them three firefighters, the fire service said.")
    group = LedgerGroup("gf", fragment.text, "single-source", ("f1",), (art.id,), 1, form="in_sentence")
    assert summarize([group], [fragment], [art], {"f1": np.array([1, 0], np.float32)}) == []
    whole = _st("w1", art, "Twelve people were injured on Tuesday")
    both = LedgerGroup("gw", whole.text, "single-source", ("f1", "w1"), (art.id,), 1)
    vecs = {"f1": np.array([1, 0], np.float32), "w1": np.array([1, 0], np.float32)}
    (line,) = summarize([both], [fragment, whole], [art], vecs)
    assert line["statement_id"] == "w1"  # the clause that reads as a sentence is the one shown


def test_a_group_holding_a_look_alike_is_no_summary_line_and_a_tight_one_is():
    c = make_article("Drones struck a fuel depot near the harbour on Monday night.", outlet="C")
    d = make_article("A fuel depot near the harbour was hit by drones on Monday night.", outlet="D")
    e = make_article("Officials said the harbour would reopen to ferries next month.", outlet="E")
    sts = [
        _st("c1", c, c.text),
        _st("d1", d, d.text),
        _st("e1", e, e.text),
    ]
    vecs = {
        "c1": np.array([1, 0], np.float32),
        "d1": np.array([0.95, 0.31], np.float32),
        "e1": np.array([0.2, 0.98], np.float32),
    }
    # One topic (the harbour), two facts: E's sentence is a look-alike in the group, so the
    # ledger's "3 outlets" is not true of any one sentence of it and the summary skips it.
    loose = LedgerGroup("gl", sts[0].text, "consensus", ("c1", "d1", "e1"), (c.id, d.id, e.id), 3)
    assert summarize([loose], sts, [c, d, e], vecs) == []
    # The same fact without the look-alike: the line cites both outlets, as the ledger counts.
    tight = LedgerGroup("gt", sts[0].text, "consensus", ("c1", "d1"), (c.id, d.id), 2)
    (line,) = summarize([loose, tight], sts, [c, d, e], vecs)
    assert line["group_id"] == "gt"
    assert {x["outlet"] for x in line["cites"]} == {"C", "D"}
    assert line["independent_support"] == tight.independent_support


def test_an_outlets_aside_to_its_reader_is_not_a_summary_line():
    art = make_article("So we still really do not know who sent the drones or why they came.", outlet="C")
    st = _st("a1", art, art.text)
    group = LedgerGroup("ga", st.text, "single-source", ("a1",), (art.id,), 1)
    assert summarize([group], [st], [art], {"a1": np.array([1, 0], np.float32)}) == []


def test_a_newsletter_introducing_itself_is_not_a_summary_line():
    art = make_article("This is Harbour Watch for Wednesday, March 5, 2031.", outlet="C")
    st = _st("n1", art, art.text)
    group = LedgerGroup("gn", st.text, "single-source", ("n1",), (art.id,), 1)
    assert summarize([group], [st], [art], {"n1": np.array([1, 0], np.float32)}) == []
    # A sentence that opens the same way and reports a fact stays a line.
    fact = make_article("This is the third time the harbour has flooded since Wednesday.", outlet="D")
    st = _st("n2", fact, fact.text)
    group = LedgerGroup("gf", st.text, "single-source", ("n2",), (fact.id,), 1)
    assert len(summarize([group], [st], [fact], {"n2": np.array([1, 0], np.float32)})) == 1
    # A signpost to what the page holds is no fact; one that goes on past a colon gives its fact.
    post = make_article("Sink or swim: Here's a look at what each ferry line needs on Tuesday.", outlet="E")
    st = _st("n3", post, post.text)
    group = LedgerGroup("gp", st.text, "single-source", ("n3",), (post.id,), 1)
    assert summarize([group], [st], [post], {"n3": np.array([1, 0], np.float32)}) == []
    # The clause before the colon is picked, but the line shows its whole sentence.
    lead = make_article("Win, lose or get out of the ferry race: Here's a look at what each line needs.", "G")
    clause = "Win, lose or get out of the ferry race"
    st = dataclasses.replace(_st("n5", lead, clause), sentence=Span(0, len(lead.text)))
    group = LedgerGroup("gl", clause, "single-source", ("n5",), (lead.id,), 1)
    assert summarize([group], [st], [lead], {"n5": np.array([1, 0], np.float32)}) == []
    given = make_article("Here's one example: the ferry fund lost four million last year.", outlet="F")
    st = _st("n4", given, given.text)
    group = LedgerGroup("gg", st.text, "single-source", ("n4",), (given.id,), 1)
    assert len(summarize([group], [st], [given], {"n4": np.array([1, 0], np.float32)})) == 1


def test_a_sentence_that_reads_on_from_the_one_before_comes_after_those_that_read_alone():
    art = make_article(
        "And then in March the ferry company raised its fares for the island route.\n\n"
        "The ferry company raised its fares for the island route in March this year.",
        outlet="C",
    )
    sts = [_st(f"b{k}", art, t) for k, t in enumerate(art.text.split("\n\n"))]
    groups = [
        LedgerGroup(f"g{k}", st.text, "single-source", (st.id,), (art.id,), 1) for k, st in enumerate(sts)
    ]
    vecs = {"b0": np.array([1, 0], np.float32), "b1": np.array([0, 1], np.float32)}
    assert [s["group_id"] for s in summarize(groups, sts, [art], vecs)] == ["g1", "g0"]
    assert [s["group_id"] for s in summarize(groups, sts, [art], vecs, max_sentences=1)] == ["g1"]
    from newsprism.brief.summary import leans_back

    assert leans_back("And then they closed two berths.") and not leans_back("Andorra closed two berths.")
    assert not leans_back("That left the harbour closed.") and not leans_back("It closed two berths.")


def test_an_unconfirmed_group_ranks_as_one_origins_line_not_by_its_outlets():
    a = make_article(
        "The harbour council met on Monday to vote on the ferry fares for next year.\n\n"
        "A ferry official said the fares might rise by a small amount next spring.",
        outlet="A",
    )
    b = make_article(
        "The island ferry will carry more cars from next month, the company said.\n\n"
        "Fares on the island ferry could go up slightly in the spring, an official hinted.",
        outlet="B",
    )
    (a0, a1), (b0, b1) = a.text.split("\n\n"), b.text.split("\n\n")
    sts = [_st("u0", a, a0), _st("u1", a, a1), _st("u2", b, b1), _st("u3", b, b0)]
    groups = [
        LedgerGroup("g1", a0, "single-source", ("u0",), (a.id,), 1),
        LedgerGroup("g2", a1, "possibly-shared", ("u1", "u2"), (a.id, b.id), 2),
        LedgerGroup("g3", b0, "single-source", ("u3",), (b.id,), 1),
    ]
    one, other = np.array([1, 0], np.float32), np.array([0, 1], np.float32)
    vecs = {"u0": one, "u1": other, "u2": other, "u3": one}
    summary = summarize(groups, sts, [a, b], vecs)
    # As central as the rest, the opening sentence leads: two outlets not confirmed as one fact
    # are no support to rank by (they ranked the unconfirmed group first).
    assert [s["group_id"] for s in summary] == ["g1", "g2"]
    assert summary[1]["status"] == "possibly-shared" and summary[1]["independent_support"] == 2
