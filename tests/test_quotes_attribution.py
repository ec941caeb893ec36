"""Speaker choices a careful reader would make: salience, possessive roles, claim clauses."""

from tests.quote_helpers import quotes_of


def test_pronoun_follows_the_person_the_last_sentences_are_about(nlp):
    text = (
        "“The rules are clear,” Inspector Karen Doyle said. Hundreds of residents attended the meeting, "
        "among them the farmer Paul Grant. He has lived in the valley for forty years. "
        "“Nobody listened to us,” he said."
    )
    last = quotes_of(nlp, text)[-1]
    assert last.speaker.name == "he" and last.speaker.canonical == "Paul Grant"
    assert last.method == "syntactic-subject+pronoun"


def test_pronoun_prefers_the_main_subject_to_a_name_in_a_phrase(nlp):
    text = (
        "“We will appeal,” lawyer Mark Stone said. The hearing lasted three hours. "
        "The judge, Henry Vale, later ruled against the landlord of Tom Reyes. “The law is plain,” he wrote."
    )
    assert quotes_of(nlp, text)[-1].speaker.canonical == "Henry Vale"


def test_possessive_role_is_the_one_person_named_with_that_role(nlp):
    text = (
        "Mayor Lia Park left for Brussels on Monday. The budget is final, her spokesman said.\n\n"
        "Later, spokesman Carl Dunne said that nothing would change."
    )
    first = quotes_of(nlp, text)[0]
    assert first.speaker.name == "her spokesman" and first.speaker.canonical == "Carl Dunne"
    assert first.method.endswith("+nominal")


def test_unnamed_possessive_role_is_described_by_its_owner(nlp):
    text = "Governor Tom Reyes announced cuts on Friday. The plant will close in June, his spokesman said."
    q = next(q for q in quotes_of(nlp, text) if "plant" in q.text)  # "announced cuts" is the governor's act
    assert q.speaker.canonical == "spokesman of Tom Reyes" and q.speaker.kind == "nominal"


def test_role_written_as_someone_elses_is_not_taken(nlp):
    text = (
        "Governor Tom Reyes announced cuts. The plant will close in June, his spokesman said on Monday. "
        "Later, Mayor Lia Park and her aide spoke, and Park's spokesman Carl Dunne said the plan was unfair."
    )
    first = quotes_of(nlp, text)[0]
    assert first.speaker.canonical == "spokesman of Tom Reyes"


def test_denied_claims_that_reports_the_claim_not_a_later_clause(nlp):
    text = "The minister has rejected claims that his party funded the protest, which Beijing claims was an effort to topple the government."
    (q,) = quotes_of(nlp, text)
    assert q.cue == "rejected" and q.text == "his party funded the protest"
    (q,) = quotes_of(nlp, "Mayor Lia Park has dismissed reports that the council would raise taxes.")
    assert q.text == "the council would raise taxes" and q.speaker.canonical == "Lia Park"


def test_speaker_reached_through_a_relative_pronoun_is_marked(nlp):
    text = "The depot was closed by the regulator, which called it “a danger to every worker on the site.”"
    (q,) = quotes_of(nlp, text)
    assert q.speaker.canonical == "regulator" or q.speaker.name.endswith("regulator")
    assert q.method.endswith("+relative")


def test_tag_set_inside_the_reported_sentence(nlp):
    (q,) = quotes_of(nlp, "The ferry service, the harbour master said, will resume on Friday.")
    assert q.kind == "indirect" and q.cue == "said" and q.speaker.name == "the harbour master"
    assert q.text == "The ferry service, the harbour master said, will resume on Friday"


def test_according_to_in_mid_sentence_is_kept(nlp):
    (q,) = quotes_of(nlp, "The old bridge, according to the county engineer, must close for two years.")
    assert q.method == "according-to" and q.speaker.name.endswith("county engineer")


def test_said_that_with_a_fronted_condition_is_a_claim_not_a_question(nlp):
    (q,) = quotes_of(nlp, "Ms. Vance said that, if elected, she would close the landfill.")
    assert q.text == "if elected, she would close the landfill" and q.cue == "said"


def test_long_quote_inside_a_reported_clause_is_part_of_it(nlp):
    text = (
        "Ms. Ruiz said the plan was “a betrayal of every family that voted for this council in good faith.”"
    )
    kinds = {q.kind: q for q in quotes_of(nlp, text)}
    assert set(kinds) == {"indirect", "fragment"}
    assert (
        kinds["indirect"].text
        == "the plan was “a betrayal of every family that voted for this council in good faith.”"
    )
    assert kinds["fragment"].speaker.canonical == "Ruiz"


def test_quoted_whole_clause_after_a_verb_stays_a_direct_quote(nlp):
    text = "Ms. Ruiz told reporters that the council believes “the budget cuts will be reversed before the end of the year.”"
    (q,) = quotes_of(nlp, text)
    assert q.kind == "direct" and q.text.startswith("the budget cuts")


def test_a_document_speaks_for_whoever_issued_it(nlp):
    text = "The dockworkers' union issued a statement on Friday. The strike will go on until wages rise, the statement said."
    (q,) = quotes_of(nlp, text)
    assert q.speaker.name == "the statement" and q.speaker.canonical == "The dockworkers' union"
    assert q.method.endswith("+document")
    (q,) = quotes_of(nlp, "A statement e-mailed to reporters by Ana Ruiz said the council would appeal.")
    assert q.speaker.canonical == "Ana Ruiz"
    (q,) = quotes_of(nlp, "The memo said staff would be moved. Nobody knows who wrote it.")
    assert q.speaker.canonical == "The memo"  # no author in the text: the document stays


def test_it_said_after_an_organisation_is_that_organisation(nlp):
    (q,) = quotes_of(nlp, "Ryanair reported a loss on Monday. It said fuel costs had “doubled in a year.”")[
        :1
    ]
    assert q.kind == "indirect" and q.speaker.canonical == "Ryanair"
    assert q.text == "fuel costs had “doubled in a year.”"  # through the closing mark
    assert quotes_of(nlp, "It is said that the castle is haunted.") == ()


def test_a_name_the_tagger_missed_but_the_text_describes_is_a_candidate(nlp):
    text = (
        "President Omar Bello visited the coast on Monday. Yuni, a resident of the town, "
        "was at home when she heard the water coming. “It dragged me out,” she said."
    )
    assert quotes_of(nlp, text)[-1].speaker.canonical == "Yuni"


def test_untagged_quote_takes_the_tag_that_follows_it_in_its_paragraph(nlp):
    text = "“The budget is final,” Mayor Lia Park said.\n\n“We will not go back.” Councillor Tom Baird said later, “The vote was fair.”"
    quotes = quotes_of(nlp, text)
    assert [q.speaker.canonical for q in quotes] == ["Lia Park", "Tom Baird", "Tom Baird"]
    assert quotes[1].method == "continuation"


def test_a_claim_noun_with_its_author_is_indirect_speech(nlp):
    text = "Ms. Lia Park spoke on Monday. She offered no proof for her claim that the council had lied."
    (q,) = quotes_of(nlp, text)
    assert (q.kind, q.cue, q.text) == ("indirect", "claim", "the council had lied")
    assert q.speaker.name == "her" and q.speaker.canonical == "Lia Park"
    assert quotes_of(nlp, "There were claims that the council had lied.") == ()  # nobody's claim


def test_two_people_speaking_together_are_one_joint_source_not_one_person(nlp):
    text = (
        "Producers Lena Marsh and Otto Brandt said the show would open in May.\n\n"
        "Otto Brandt said later that the cast was complete."
    )
    joint, single = quotes_of(nlp, text)[:2]
    assert joint.speaker.canonical == "Lena Marsh and Otto Brandt" and joint.speaker.kind == "group"
    assert single.speaker.canonical == "Otto Brandt"  # not merged into the joint source by surname


def test_a_party_and_state_tag_is_never_an_antecedent():
    from newsprism.quotes.attribute import PARTY_TAG

    assert all(PARTY_TAG.match(t) for t in ("D-Wash.", "R-Texas", "D-N.Y.", "I-Vt."))
    assert not any(PARTY_TAG.match(t) for t in ("Dicks", "Washington", "D.C.", "A-Rod Inc"))


def test_a_tag_after_a_question_mark_names_the_speaker(nlp):
    text = "Maria Lopez watched the crowd.\n\n“I said, ‘Oh my god!\nWhat is going on here?’” she asked."
    [q] = [q for q in quotes_of(nlp, text) if q.kind == "direct"]
    assert "What is going on here" in q.text and q.speaker.canonical == "Maria Lopez"


def test_x_agreed_after_a_quote_does_not_speak_it(nlp):
    text = (
        "“He played with real energy tonight,” said Tom Reed, who scored ten points.\n\n"
        "“He really stepped up in the second half.”\n\nCoach Ann Marsh agreed.\n\n"
        "“Look at his numbers,” Marsh said."
    )
    second = [q for q in quotes_of(nlp, text) if q.kind == "direct"][1]
    assert second.speaker.canonical == "Tom Reed"


def test_a_narration_verb_frames_a_quote_but_continues_to_does_not(nlp):
    text = (
        "“There is more that unites us,” Paul Grant said to a crowd in Leeds. "
        "Grant could have most of the votes he needs after Tuesday. "
        "Tom Reed himself acknowledged in a forum Monday night “it will be very hard for us to win” "
        "if he continues to lose ground in the count."
    )
    [direct] = [q for q in quotes_of(nlp, text) if q.text == "it will be very hard for us to win"]
    assert direct.speaker.name == "Tom Reed"  # not "he" of "he continues"
    text = "The crowd waited. “I said, stop! Please!” she exclaimed. Nobody moved."
    [quote] = quotes_of(nlp, text)
    assert quote.speaker is not None and quote.speaker.name == "she"
