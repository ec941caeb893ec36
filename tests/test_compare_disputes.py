import numpy as np

from newsprism.compare.disputes import find_disputes, parties_in, party_key, stance
from newsprism.model import Span, Statement


def _st(i, article, text, who=None):
    return Statement(
        id=f"s{i}", article_id=article, text=text, span=Span(200 * i, 200 * i + len(text)), attributed_to=who
    )


def test_stance_cues():
    assert stance("Russia blamed the United States for the attack.") == "assert"
    assert stance("The US denied these claims.") == "deny"
    assert stance("The weather was fine.") is None


def test_naming_someone_elses_charge_is_no_assertion():
    text = "The suggestion that the union was behind the strike may be a sign of panic, Lind said."
    assert stance(text) is None
    assert stance("The union was behind the strike, the claim went.") == "assert"


def test_parties_are_the_names_written_with_a_country_and_its_people_as_one():
    assert parties_in("Ukrainian officials said Ukraine was ready") == {party_key("Ukraine")}
    assert party_key("Iranian") == party_key("Iran") != party_key("Iraq")
    assert party_key("U.S.") == party_key("the United States") == party_key("US")
    # No capital stands for a government: that would need a gazetteer of the world.
    assert party_key("Paris") != party_key("France")
    assert parties_in("a statement from press secretary Lena Brandt on Monday") == {"lena brandt"}


def test_party_dispute_lists_who_asserts_and_who_denies():
    sts = [
        _st(0, "a", "Russia blamed the United States for the drone attack."),
        _st(3, "c", "Russian officials accused the US of ordering the strike."),
        _st(1, "b", "The United States has nothing to do with it, said John Kirby.", who="John Kirby"),
        _st(2, "c", "The weather in Moscow was mild."),
    ]
    disputes = find_disputes(sts, {})
    us = [d for d in disputes if d.subject == "United States"]
    assert len(us) == 1
    assert [e["party"] for e in us[0].asserts] == ["Russia", "Russia"]
    assert [(e["actor"], e["statement_id"]) for e in us[0].denies] == [("John Kirby", "s1")]


def test_a_single_remark_is_not_a_dispute():
    sts = [_st(0, "a", "Russia blamed the United States."), _st(1, "b", "The United States denied it.")]
    assert find_disputes(sts, {}) == []


def test_topic_dispute_links_a_denial_back_to_the_allegation():
    sts = [
        _st(0, "a", "The Harbour Workers' Union alleged that the sprinklers had been switched off."),
        _st(1, "a", "Brannock Logistics rejected the allegation."),
    ]
    vectors = np.eye(2, dtype=np.float32)  # dissimilar: only the anaphora links them
    [dispute] = find_disputes(sts, {}, vectors, 0.5)
    assert [e["actor"] for e in dispute.asserts] == ["Harbour Workers' Union"]
    assert [e["actor"] for e in dispute.denies] == ["Brannock Logistics"]


def test_the_claim_is_an_outlets_own_words():
    sts = [
        _st(0, "a", "Russia blamed the United States for the drone attack on the Kremlin."),
        _st(3, "c", "Russian officials accused the U.S. of ordering the strike."),
        _st(1, "b", "The United States has nothing to do with it, said John Kirby.", who="John Kirby"),
    ]
    [dispute] = [d for d in find_disputes(sts, {}) if d.subject == "United States"]
    assert dispute.claim in {s.text for s in sts}


def test_a_denial_pointing_back_makes_the_sentence_before_it_a_claim():
    sts = [
        _st(
            0,
            "a",
            "Investigators examined a consignment of batteries that, according to two officials, was stored there.",
        ),
        _st(1, "a", "Kestrel Freight disputes that account."),
        _st(2, "a", "The weather was mild."),
    ]
    disputes = find_disputes(sts, {}, np.eye(3, dtype=np.float32))
    assert len(disputes) == 1
    assert [(e["actor"], e["statement_id"]) for e in disputes[0].asserts] == [("two officials", "s0")]
    assert [e["statement_id"] for e in disputes[0].denies] == ["s1"]


def test_a_pointing_back_denial_answers_the_allegation_not_a_later_warning():
    sts = [
        _st(0, "a", "The union alleged that the sprinklers were off.", who="The union"),
        _st(1, "a", "It had warned the managers in a letter.", who="The union"),
        _st(2, "a", "Kestrel Freight rejected the allegation."),
    ]
    disputes = find_disputes(sts, {}, np.eye(3, dtype=np.float32))
    assert [e["statement_id"] for d in disputes for e in d.asserts] == ["s0"]


def test_nobody_disputes_with_himself():
    sts = [
        _st(0, "a", "At the hearing, harbour master Ola Brandt made the accusation against the operator."),
        _st(1, "b", "Brandt dismissed attempts to deny the accusation against the operator as absurd."),
    ]
    vectors = np.ones((2, 2), dtype=np.float32) / np.sqrt(2)  # alike: linked by meaning
    assert all(
        {e["actor"].split()[-1] for e in d.asserts}.isdisjoint({e["actor"].split()[-1] for e in d.denies})
        for d in find_disputes(sts, {}, vectors, 0.5)
    )
