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


def _clause(i, article, text, sentence, who=None):
    """A statement cut from a longer sentence (``sentence`` is the sentence's span)."""
    return Statement(
        id=f"s{i}",
        article_id=article,
        text=text,
        span=Span(200 * i, 200 * i + len(text)),
        attributed_to=who,
        sentence=sentence,
    )


def test_a_cue_under_negation_or_a_hedge_takes_no_side():
    assert stance("Their lawyer did not deny that his client fired the weapon.") is None
    assert stance("Their lawyer didn’t deny that his client fired the weapon.") is None
    assert stance("We didn't attack the depot.") == "deny"
    assert stance("The ministry has never publicly blamed Norland for the leak.") is None
    assert stance("The alleged break-in was reported on Monday.") is None
    assert stance("There were fresh allegations of fraud at the depot.") is None
    assert stance("He once defended clients accused of fraud.") is None
    assert stance("Velmar was charged with arson on Friday.") is None
    assert stance("Veloria has frequently accused Norland of meddling.") is None


def test_deny_in_the_sense_of_refuse_is_no_denial():
    assert stance("The judge denied both motions.") is None
    assert stance("Judge Orla Fenn denied him a hearing.") is None
    assert stance("The mayor denied that he knew about the payments.") == "deny"
    assert stance("The company denied it.") == "deny"
    assert stance("The firm rejected the allegation.") == "deny"


def test_the_accused_is_the_party_the_cue_names():
    sts = [
        _st(0, "a", "Veloria blamed Norland for the blast at the Ostrava pipeline."),
        _st(1, "b", "Veloria accused Norland of sabotage near Ostrava."),
        _st(2, "c", "Norland denied the claims."),
    ]
    subjects = {d.subject for d in find_disputes(sts, {})}
    assert "Norland" in subjects and "Ostrava" not in subjects


def test_a_stance_is_read_from_its_whole_sentence():
    sentence = Span(400, 520)
    sts = [
        _st(0, "a", "Former crew members said the director shouted at the cast.", who="Former crew members"),
        _clause(1, "a", "The director's agency called the charges unsubstantiated", sentence),
        _clause(2, "a", "fabricated by disgruntled former staff.", sentence),
    ]
    [dispute] = find_disputes(sts, {}, np.eye(3, dtype=np.float32))
    assert [e["actor"] for e in dispute.asserts] == ["Former crew members"]
    assert dispute.denies[0]["text"].startswith("The director's agency called the charges")


def test_a_denial_naming_whose_claim_it_answers_takes_that_sources_claim():
    sts = [
        _st(0, "a", "The police said the driver had a knife when he was stopped.", who="The police"),
        _st(1, "b", "The tide was low on Monday.", who="The harbour office"),
        _st(2, "b", "In part because the driver's family contests police allegations that he was armed."),
    ]
    vectors = np.array([[1.0, 0.0], [0.0, 1.0], [0.8, 0.6]], dtype=np.float32)
    [dispute] = find_disputes(sts, {}, vectors, 0.9)
    assert [e["statement_id"] for e in dispute.asserts] == ["s0"]
    assert [e["actor"] for e in dispute.denies] == ["driver's family"]


def test_a_denial_clearing_another_accused_answers_another_allegation():
    sts = [
        _st(0, "a", "Veloria blamed Ostrava for the pipeline blast.", who="Veloria"),
        _st(
            1,
            "b",
            "\u201cIt has nothing to do with us,\u201d said Ilse Marr, the Norland envoy.",
            who="Ilse Marr",
        ),
        # A party dispute elsewhere accuses Norland: Marr clears Norland, not Ostrava.
        _st(2, "c", "Veloria accused Norland of arming the saboteurs."),
        _st(3, "d", "Veloria blamed Norland for the pipeline blast."),
        _st(4, "d", "Norland denied the claims."),
    ]
    vectors = np.ones((5, 2), dtype=np.float32) / np.sqrt(2)  # all alike in meaning
    disputes = find_disputes(sts, {}, vectors, 0.5)
    assert not any(
        e["statement_id"] == "s0" and any(x["statement_id"] == "s1" for x in d.denies)
        for d in disputes
        for e in d.asserts
    )


def test_a_different_account_answers_the_claim_just_before_it():
    sts = [
        _st(0, "a", "Mayor Ilse Marr said the port authority had called her ten times.", who="Ilse Marr"),
        _st(1, "a", "The port authority told a slightly different story."),
    ]
    [dispute] = find_disputes(sts, {}, np.eye(2, dtype=np.float32))
    assert [e["actor"] for e in dispute.asserts] == ["Ilse Marr"]
    assert [e["statement_id"] for e in dispute.denies] == ["s1"]


def test_a_further_charge_joins_no_denial_by_likeness():
    sts = [
        _st(0, "a", "Veloria blamed Ostrava for the pipeline blast.", who="Veloria"),
        _st(1, "b", "Veloria has also reported fires at two depots, blaming Ostrava.", who="Veloria"),
        _st(2, "c", "\u201cOstrava had nothing to do with the blast,\u201d said Ilse Marr.", who="Ilse Marr"),
    ]
    vectors = np.ones((3, 2), dtype=np.float32) / np.sqrt(2)  # all alike in meaning
    ids = {e["statement_id"] for d in find_disputes(sts, {}, vectors, 0.5) for e in d.asserts}
    assert "s0" in ids and "s1" not in ids


def test_a_denial_of_agency_takes_another_sources_claim_naming_that_person():
    sts = [
        _st(0, "a", "\u201cOskar Lind lit the fire,\u201d the night guard said.", who="the night guard"),
        _st(1, "a", "The depot stayed closed on Monday.", who="the owner"),
        _st(
            2,
            "b",
            "\u201cOskar Lind is not the one who lit it,\u201d his lawyer Mara Holt said.",
            who="Mara Holt",
        ),
    ]
    vectors = np.array([[1.0, 0.0], [0.0, 1.0], [0.8, 0.6]], dtype=np.float32)
    [dispute] = find_disputes(sts, {}, vectors, 0.9)
    assert [e["statement_id"] for e in dispute.asserts] == ["s0"]
    assert [e["actor"] for e in dispute.denies] == ["Mara Holt"]


def _one(sts, outlets=None):
    return find_disputes(sts, {}, np.eye(len(sts)), 0.99, outlets or {})


def test_a_negated_opinion_is_a_charge_not_a_denial():
    assert stance("\u201cI don't believe that he is fit to lead the council,\u201d Ortega said.") is None
    assert stance("\u201cWe did not take the money,\u201d Ortega said.") == "deny"


def test_the_outlet_calling_a_claim_false_is_one_dispute_with_both_sides():
    sts = [
        _st(
            0, "a", "While Marlow wrongly claimed that the bridge was closed, engineers expect repairs.", None
        ),
        _st(1, "a", "The weather was mild on Tuesday."),
    ]
    (d,) = _one(sts, {"a": "Harbour Gazette"})
    assert [e["actor"] for e in d.asserts] == ["Marlow"]
    assert [e["actor"] for e in d.denies] == ["Harbour Gazette"]
    assert d.asserts[0]["statement_id"] == d.denies[0]["statement_id"] == "s0"
    # Someone else calling it false speaks in their own voice: no outlet denial is made up.
    assert not _one([_st(0, "a", "Ruiz said Marlow wrongly claimed that the bridge was closed.")])


def test_a_denial_naming_the_report_it_answers_takes_that_source_as_the_claimant():
    text = "Council spokesman Ivo Dane said the Courier report is misleading because it omits the audit."
    (d,) = _one([_st(0, "a", text, who="Ivo Dane")])
    assert d.asserts[0]["actor"] == "Courier" and d.denies[0]["actor"] == "Ivo Dane"
    # "is not misleading" denies nothing.
    assert not _one([_st(0, "a", "Ivo Dane said the Courier report is not misleading.", who="Ivo Dane")])


def test_a_denial_and_a_claim_joined_by_but_are_one_dispute():
    text = "Port officials deny any links to the smugglers, but critics point to payments made in May."
    (d,) = _one([_st(0, "a", text)])
    assert d.asserts[0]["actor"] == "critics" and d.denies[0]["actor"] == "Port officials"


def test_the_outlets_own_negation_answers_the_same_claim_by_party_predicate_and_object():
    sts = [
        _st(0, "a", "Kessler said Varga was the founder of the Blue League last year.", who="Kessler"),
        _st(1, "a", "Varga did not, however, personally found the Blue League."),
        _st(2, "a", "Kessler said Varga was the treasurer of the Blue League.", who="Kessler"),
    ]
    (d,) = _one(sts, {"a": "Valley Post"})
    assert [e["statement_id"] for e in d.asserts] == ["s0"]
    assert d.denies[0]["actor"] == "Valley Post"
    # Another predicate of the same party is no assertion of the claim denied.
    assert not _one([sts[1], sts[2]], {"a": "Valley Post"})


def test_a_negation_inside_a_reported_charge_is_not_the_outlets_denial():
    sts = [
        _st(0, "a", "Kessler said Varga was qualified to chair the Blue League.", who="Kessler"),
        _st(
            1,
            "a",
            "Ortega kept pressing his attack that Ada Varga is not qualified to chair the Blue League.",
        ),
        _st(2, "a", "It is unclear whether Varga is not qualified to chair the Blue League."),
    ]
    assert not _one(sts, {"a": "Valley Post"})
    # Said in the outlet's own voice, the same negation denies Kessler's claim.
    own = [sts[0], _st(1, "a", "Varga is not, however, qualified to chair the Blue League.")]
    (d,) = _one(own, {"a": "Valley Post"})
    assert d.denies[0]["actor"] == "Valley Post"


def test_charges_and_alleged_as_nouns_take_no_side():
    assert stance("Officials dropped criminal charges that had been filed against the mayor.") is None
    assert stance("Ruiz renewed calls to investigate alleged kickbacks at the port.") is None
    assert stance("A probe into alleged kickbacks at the port began in May.") is None
    assert stance("The union charges that the port paid kickbacks.") == "assert"
    assert stance("Ruiz alleged the port paid kickbacks.") == "assert"


def test_a_denial_pointing_back_passes_over_a_negated_answer_to_the_claim():
    sts = [
        _st(0, "a", "\u201cThey did try to scare me off,\u201d said Ortega.", who="Ortega"),
        _st(1, "a", "\u201cLuckily, those threats weren\u2019t real.\u201d", who="Ortega"),
        _st(2, "a", "The Varga campaign denied the accusations in a statement.", who="Varga campaign"),
    ]
    [d] = find_disputes(sts, {}, np.eye(3, dtype=np.float32), 0.99)
    assert [e["statement_id"] for e in d.asserts] == ["s0"]
    assert [e["statement_id"] for e in d.denies] == ["s2"]


def test_a_claim_the_outlet_calls_false_is_shown_in_its_authors_words():
    sts = [
        _st(0, "a", "\u201cThe bridge has been closed for a month,\u201d Marlow said.", who="Marlow"),
        _st(1, "a", "While Marlow wrongly claimed that the bridge was closed, engineers expect repairs."),
        _st(2, "a", "\u201cI never drive to the coast,\u201d Marlow said.", who="Marlow"),
        _st(3, "b", "\u201cThe bridge was closed,\u201d Marlow said.", who="Marlow"),
    ]
    vectors = np.array([[1, 0, 0], [0.8, 0.6, 0], [0.6, 0, 0.8], [1, 0, 0]], dtype=np.float32)
    (d,) = find_disputes(sts, {}, vectors, 0.99, {"a": "Harbour Gazette", "b": "Coast Post"})
    # the alike statement of the same article, not the negated one nor another article's
    assert [e["statement_id"] for e in d.asserts] == ["s0"]
    assert [(e["actor"], e["statement_id"]) for e in d.denies] == [("Harbour Gazette", "s1")]


def test_denial_cues_of_other_wordings_take_the_deny_side():
    for text in (
        "Mayor Ada Varga is discrediting an earlier report about the harbour contract.",
        "The council dismissed Nils Ortega\u2019s accusations that it broke the tender rules.",
        "\u201cWe disagree strongly with those claims, which are meritless,\u201d the spokesman said.",
        "The lawyer said that she did nothing wrong in the sale.",
        "All of the claims in the lawsuit are false, the office said.",
        "He said there was no direct evidence of the treasurer\u2019s involvement.",
        "The press makes everything up!",
    ):
        assert stance(text) == "deny", text
    # "I don't know ..." states no denial; "his claim that" names a claim, it makes none.
    assert stance("\u201cI don\u2019t know who supports him,\u201d Ortega said.") is None
    assert stance("Officials doubted his claim that the pier was safe.") is None


def test_alleging_and_claiming_that_take_the_assert_side():
    assert stance("The union sent a letter alleging that the port broke the law.") == "assert"
    assert stance("Ortega claimed that the port broke the law.") == "assert"
    # The outlet calling it false is its denial, not Ortega's claim made again.
    assert stance("Ortega wrongly claimed that the port broke the law.") is None


def test_a_denial_of_a_report_from_a_source_names_the_source_and_the_denier():
    text = "Mayor Ada Varga is discrediting an earlier report from the Courier saying the pier was sold."
    (d,) = _one([_st(0, "a", text)])
    assert d.asserts[0]["actor"] == "Courier" and d.denies[0]["actor"] == "Mayor Ada Varga"


def test_a_claim_and_the_relative_clause_denying_it_are_one_dispute():
    text = "Ortega further alleges that he was fired for his union work, a claim that the port strongly disputes."
    (d,) = _one([_st(0, "a", text)])
    assert d.asserts[0]["actor"] == "Ortega" and d.denies[0]["actor"] == "port"


def test_a_claim_then_but_its_denial_are_one_dispute():
    text = "Varga said the fund had full disclosure, but several audits reveal that is untrue."
    (d,) = _one([_st(0, "a", text)])
    assert d.asserts[0]["actor"] == "Varga" and d.denies[0]["actor"] == "several audits"
    # Two claims about different things joined by "but" are no dispute.
    assert not _one([_st(0, "a", "Varga said the fund grew, but several audits reveal that costs rose.")])


def test_the_outlet_calling_a_contention_false_in_other_words():
    for text in (
        "Ortega's most famously false contention was that the pier had been sold.",
        "Ortega falsely presents himself as a licensed pilot in his advertisement.",
    ):
        (d,) = _one([_st(0, "a", text)], {"a": "Valley Post"})
        assert d.asserts[0]["actor"] == "Ortega" and d.denies[0]["actor"] == "Valley Post", text
    # Someone wrongly accused is no claim the outlet answers here.
    assert not _one([_st(0, "a", "Ortega was wrongly accused of theft in 1990.")], {"a": "Valley Post"})


def test_a_denial_of_a_named_report_takes_the_reports_own_sentences_as_the_claim():
    sts = [
        _st(0, "a", "The Courier reported that most of the pier contracts went to donors."),
        _st(1, "a", "The report also documented several meetings with the donors."),
        _st(2, "a", "Council spokesman Ivo Dane said the Courier report is misleading.", who="Ivo Dane"),
    ]
    (d,) = _one(sts)
    assert [e["statement_id"] for e in d.asserts] == ["s0", "s1"]
    assert {e["actor"] for e in d.asserts} == {"Courier"} and d.denies[0]["statement_id"] == "s2"


def _clauses(texts, sentence=(0, 300)):
    return [
        Statement(
            id=f"s{i}", article_id="a", text=t, span=Span(20 * i, 20 * i + 10), sentence=Span(*sentence)
        )
        for i, t in enumerate(texts)
    ]


def test_a_claim_and_its_denial_cut_into_two_clauses_are_one_dispute():
    sts = _clauses(["Varga said the fund had full disclosure", "several audits reveal that\u2019s untrue."])
    (d,) = _one(sts)
    assert d.asserts[0]["actor"] == "Varga" and d.denies[0]["actor"] == "several audits"


def test_a_pronoun_claimant_is_the_person_the_sentence_before_names():
    sts = [
        _st(0, "a", "Dena Varga is running for the harbour seat.", None),
        _st(1, "a", "She falsely presents herself as a licensed pilot in her advertisement.", None),
        _st(2, "a", "\u201cI will fly the new ferry myself,\u201d said Nils Varga.", who="Nils Varga"),
    ]
    found = _one(sts, {"a": "Valley Post"})
    (d,) = [d for d in found if d.denies[0]["actor"] == "Valley Post"]
    # Her claim, not her husband's words (one surname, two given names).
    assert [e["actor"] for e in d.asserts] == ["Dena Varga"]
    # Something done wrongly to someone is no claim the outlet calls false.
    assert not _one(
        [_st(0, "a", "Lawyers argued that the court was wrongly allowed to hear it.")], {"a": "V"}
    )


def test_a_pointing_back_denial_takes_the_party_the_sentence_before_names_as_claimant():
    sts = [
        _st(
            0,
            "a",
            "The ferry line lost two sponsors on Monday after the Courier published a story "
            "detailing three safety reports against its owner Nils Varga.",
        ),
        _st(1, "a", "Varga denied the charges.", who="Nils Varga"),
    ]
    (d,) = _one(sts)
    assert d.asserts[0]["actor"] == "Courier" and d.asserts[0]["statement_id"] == "s0"
    assert d.denies[0]["actor"] == "Nils Varga"


def test_the_outlet_saying_someone_erred_in_saying_takes_their_own_words_as_the_claim():
    sts = [
        _st(0, "a", "\u201cThe harbour audit found the pier safe,\u201d Ortega said.", who="Ortega"),
        _st(1, "a", "Ortega clearly erred in saying that the harbour audit found the pier safe."),
    ]
    vectors = np.array([[1.0, 0.0], [0.8, 0.6]])
    (d,) = find_disputes(sts, {}, vectors, 0.99, {"a": "Valley Post"})
    assert [e["statement_id"] for e in d.asserts] == ["s0"] and d.denies[0]["actor"] == "Valley Post"


def test_a_party_and_state_tag_is_no_actor():
    from newsprism.compare.disputes import _head_name

    text = "The suit filed by a staffer named Ivo Dane, whom Varga, R-S.C., fired in June, alleges fraud."
    assert _head_name(text) == "Varga"


def test_a_party_only_mentioned_before_a_pointing_back_denial_is_no_claimant():
    sts = [
        _st(0, "a", "The ferry is run by Tidal Lines, which has leased the pier since 2017."),
        _st(1, "a", "Its chief executive, Nils Ortega, said the claims were false.", who="Nils Ortega"),
    ]
    assert not _one(sts)


def test_a_denial_and_a_claim_cut_into_two_clauses_are_one_dispute():
    sts = _clauses(
        ["Port officials deny any links to the smugglers", "critics point to payments made in May."]
    )
    (d,) = _one(sts)
    assert d.asserts[0]["actor"] == "critics" and d.denies[0]["actor"] == "Port officials"


def test_a_pronoun_side_is_the_person_named_before_it_or_is_left_out():
    sts = [
        _st(0, "a", "The dock union alleged that the sprinklers had been switched off for weeks."),
        _st(1, "a", "The head of the firm, Ivo Marten, rejected this."),
        _st(2, "a", "“These accusations are completely untrue,” he said.", who="he"),
    ]
    [dispute] = find_disputes(sts, {}, np.ones((3, 2), dtype=np.float32) / np.sqrt(2), 0.5)
    assert {e["actor"] for e in dispute.denies} == {"Ivo Marten"}
    assert {e["statement_id"] for e in dispute.denies} == {"s1", "s2"}
    # Nobody named before the pronoun: the side is left out, and with it the dispute.
    alone = [sts[0], _st(3, "a", "“The charge is completely untrue,” she said.", who="she")]
    assert find_disputes(alone, {}, np.ones((2, 2), dtype=np.float32) / np.sqrt(2), 0.5) == []


def test_a_sentence_that_denies_a_claim_is_not_also_the_claimants_passage():
    from newsprism.render.brief_text import _side

    text = (
        "Mara Olsen, the mayor of Farrowby, has refuted claims that her town released the dam water, "
        "which Kestria claims was an attempt to flood the valley."
    )
    sts = [_st(0, "a", "Rain fell on the valley."), _st(1, "a", text)]
    [dispute] = find_disputes(sts, {}, np.ones((2, 2), dtype=np.float32) / np.sqrt(2), 0.5, {"a": "Daily"})
    [claimant] = dispute.asserts
    assert claimant["actor"] == "Kestria" and claimant["named_only"]
    assert [e["statement_id"] for e in dispute.denies] == ["s1"] and "named_only" not in dispute.denies[0]
    assert dispute.denies[0]["actor"] != "has"  # an auxiliary is nobody
    line = _side(claimant, {"a": "Daily"}, str)
    assert line == "Kestria (Daily): named in the denial, no words of their own here"


def test_a_claim_the_outlet_corrects_in_a_bracket_is_a_dispute_with_the_outlet():
    sts = [
        _st(
            0,
            "a",
            "Marlow never cited a source for his claim in May that the council hired 9,000 wardens "
            "(the council has hired 300 wardens).",
        ),  # fmt: skip
        _st(1, "a", "Holt repeated her claim that the bridge was closed (in fact, it reopened on Monday)."),
    ]
    found = sorted((d.asserts[0]["actor"], d.denies[0]["actor"]) for d in _one(sts, {"a": "Harbour Gazette"}))
    assert found == [("Holt", "Harbour Gazette"), ("Marlow", "Harbour Gazette")]
    # a bracket that only adds (a number of another thing, or the same number), no claim
    for text in [
        "Marlow repeated his claim that the council hired 9,000 wardens (up from 8,000 officers in May).",
        "Marlow repeated his claim that the council hired 9,000 wardens (9,000 wardens in all).",
        "Marlow repeated his claim that the council hired 9,000 wardens (up from 8,000 wardens in 2019).",
        "Marlow repeated his claim that the council hired wardens (a plan first made in 2019).",
    ]:
        assert not _one([_st(0, "a", text)], {"a": "Harbour Gazette"}), text


def test_turning_down_an_offer_is_no_denial():
    assert stance("Vale proposed they meet on the ferry on June 3, but Brisk rejected that, too.") is None
    assert stance("The port offered a new berth; the union rejected it.") is None
    assert stance("Vale said the union was paid, but Brisk rejected that.") == "deny"


def test_a_person_named_before_the_denial_cue_denies_not_the_speaker_the_sentence_is_given_to():
    from newsprism.model import Quote, Speaker

    def quote(qid, name):
        sp = Speaker(name=name, canonical=name, kind="person")
        return Quote(id=qid, article_id="a", text="...", span=Span(0, 3), kind="direct", speaker=sp)

    quotes = {"q1": quote("q1", "Ada Brisk"), "q2": quote("q2", "Tom Vale")}
    sts = [
        _st(0, "a", "Ada Brisk accused the council of hiding the audit."),
        _st(
            1,
            "b",
            "Tom Vale asked for a vote, but Brisk dismissed the claim that the audit was hidden.",
            who="Tom Vale",
        ),
    ]
    vectors = np.ones((2, 2), dtype=np.float32) / np.sqrt(2)
    disputes = find_disputes(sts, quotes, vectors, 0.5)
    # Brisk both accuses and dismisses: no side of hers disputes herself, and Vale denies nothing.
    assert all("Tom Vale" not in [e["actor"] for e in d.denies] for d in disputes)


def test_outrage_that_something_happened_is_no_denial():
    assert stance("It is absurd that 400 insiders backed her before anybody was in the race.") is None
    assert stance("It's simply ridiculous that the ferry still runs late.") is None
    assert stance("The claim is absurd, the mayor said.") == "deny"
    assert stance("That is absurd.") == "deny"


def test_a_denial_answers_only_a_charge_about_the_matter_it_names():
    def pairs(denial):
        sts = [
            _st(0, "a", "Vera Holm accused Tomas Brisk of a cynical smear over her donors.", who="Vera Holm"),
            _st(1, "b", denial, who="Tomas Brisk"),
        ]
        vectors = np.ones((2, 2), dtype=np.float32) / np.sqrt(2)  # alike in meaning
        return {
            (a["statement_id"], d["statement_id"])
            for x in find_disputes(sts, {}, vectors, 0.5)
            for a in x.asserts
            for d in x.denies
        }

    # A denial of charges about his harbour record does not answer a charge about her donors ...
    assert ("s0", "s1") not in pairs("Brisk dismissed Holm's charges about his record on the harbour.")
    # ... while one about her donors does.
    assert ("s0", "s1") in pairs("Brisk dismissed Holm's charges about her donors.")


def test_another_matter_is_no_different_account():
    assert stance("What the mayor said in private is a different story, according to an aide.") is None
    assert stance("The port authority told a different story.") == "deny"


def test_blame_shared_or_taken_blames_nobody():
    assert stance("Pollsters and reporters share blame in the count overhype.") is None
    assert stance("The minister took the blame for the late count.") is None
    assert stance("The union blamed the port for the delay.") == "assert"


def test_a_cue_in_a_negated_reason_takes_no_side():
    assert stance("The count was late, but it isn't because the clerks were dead wrong.") is None
    assert stance("The clerks said the mayor was dead wrong.") == "deny"


def test_a_denial_in_a_relative_clause_is_its_own_subjects_not_the_speakers():
    text = (
        "Two crane drivers told the Ledger that a contractor had cut the power to the pumps in May, "
        "something the operator has denied."
    )
    assert stance(text) is None  # the drivers assert; the operator's denial is not theirs
    (d,) = _one([_st(0, "a", text)])
    assert d.denies[0]["actor"] == "operator" and d.asserts[0]["actor"] == "Two crane drivers"
    assert not d.asserts[0].get("named_only")  # the sentence is the drivers' own account
    # A relative clause without a subject of its own ("which denied it") leaves the denial as it was.
    assert stance("The operator, which denied it, paid the fine.") == "deny"
