"""Speaker attribution, session 13 (issue 16 part 2): the mention a speech verb's syntax picks —
object control, a relative clause on something said, a participle right after a person, an
inverted tag after a comma, "as X put it", a tag sentence after a closed question, a side
clause the parser hangs on the quote, and a named subject in the quote's own paragraph.
Fictional texts, parsed with the bundled model."""

from tests.quote_helpers import name_of, quotes_of, speaker_of


def test_the_object_of_a_control_verb_speaks_its_infinitive(nlp):
    text = (
        "Senator Ella Warden grilled the bank's chief on Tuesday.\n\n"
        "The senator also forced Ken Marsh, who was under questioning from the committee, "
        "to admit that no senior executives have been held accountable."
    )
    assert name_of(nlp, text, "no senior executives") == "Ken Marsh"


def test_a_subject_control_verb_keeps_its_subject(nlp):
    text = "Mayor Ana Ruiz promised voters to explain that the budget was balanced."
    speaker = speaker_of(quotes_of(nlp, text), "budget")
    assert speaker is None or speaker.canonical != "voters"


def test_a_relative_clause_on_a_comment_speaks_for_its_maker(nlp):
    text = (
        "Governor Ted Sallow made a controversial comment that described all young men in the city "
        'as "a lost generation."'
    )
    assert name_of(nlp, text, "lost generation") == "Ted Sallow"


def test_a_participle_right_after_a_person_is_that_persons_words(nlp):
    text = (
        'The ad then cuts to footage of Tom Bell saying, "you have to give them a path. You have to do that."'
    )
    assert name_of(nlp, text, "give them a path") == "Tom Bell"


def test_a_participle_on_a_letter_to_someone_is_not_the_addressees(nlp):
    text = (
        '"There is a greater goal here," said Representative Ramon Ortega of Arizona, who sent a letter '
        "to Mr. Castle criticizing the mortgage sales."
    )
    assert name_of(nlp, text, "greater goal") == "Ramon Ortega"


def test_an_inverted_tag_after_a_comma_names_its_speaker(nlp):
    text = 'The likely result will be "erroneous findings" by agencies, argued the Wildlife Council.'
    assert name_of(nlp, text, "erroneous findings") == "Wildlife Council"


def test_as_someone_put_it_attributes_the_quote(nlp):
    text = (
        "There is no way to tell without the records. As Steven Rosewood, a tax lawyer, recently put it, "
        '"Did he lower his taxes through legal tax avoidance?"'
    )
    assert name_of(nlp, text, "legal tax avoidance") == "Steven Rosewood"


def test_a_tag_sentence_after_a_closed_question_is_its_tag(nlp):
    text = (
        '"I saw the gun," the witness said.\n\n'
        "Ana Ruiz joined the crowd. "
        '"So which is it?" Deputy Public Defender Peter Lind asked Cole, who in turn said he had seen it.'
    )
    assert name_of(nlp, text, "which is it") == "Peter Lind"


def test_a_side_clause_after_the_quote_is_no_tag(nlp):
    text = (
        "Chela Ruiz, who married the deputy three weeks before he was killed, told Orozco in a firm "
        'voice, "I want you to know you did not break our family, "as her family began to cry.'
    )
    assert name_of(nlp, text, "break our family") == "Chela Ruiz"


def test_a_named_subject_in_the_quotes_paragraph_beats_the_last_paragraphs_speaker(nlp):
    text = (
        '"We need to step away from efforts to paint the police with a broad brush," Pence said on Sunday.\n\n'
        'On "Meet the Voters," Sen. Bernard Sand, who lost the primaries, identified young voters\' '
        'exhaustion with bigotry as one of the reasons to vote. "The younger people are sick and tired of it."'
    )
    assert name_of(nlp, text, "sick and tired") == "Bernard Sand"


def test_an_untagged_quote_after_narration_without_a_named_subject_continues(nlp):
    text = (
        '"We will not sell the mill," Dora Pike said on Friday.\n\n'
        'The offer was raised twice last year. "Not for any price."'
    )
    assert name_of(nlp, text, "any price") == "Dora Pike"


def test_he_after_a_company_named_by_description_is_the_person(nlp):
    text = (
        "Traffic was also hit, according to Dan Mercer, chief security officer with Harlow Networks. "
        "His company's sensors reported that 4,000 routes were off-line.\n\n"
        '"It is significant that it was lost," he said.'
    )
    assert name_of(nlp, text, "significant") == "Dan Mercer"


def test_she_with_no_person_named_is_still_the_company_she_speaks_for(nlp):
    text = (
        "Traffic between Europe and Asia was hampered Friday after two cables were cut, according to "
        "Varel Telecom. The cut occurred on two lines in the sea, the telecommunications company said. "
        "Varel Telecom is not sure what caused the cut, she said."
    )
    assert name_of(nlp, text, "not sure") == "Varel Telecom"


def test_a_quote_joined_by_and_then_to_a_fragment_is_the_same_speakers(nlp):
    text = (
        "Donald Grump is once again questioning the integrity of the voting system.\n\n"
        'Grump tells his supporters at a rally to "go to your place and vote" and then '
        '"go pick some other place and go sit there."'
    )
    assert name_of(nlp, text, "go pick some other place") == "Donald Grump"


def test_a_paragraph_quote_after_a_sentence_quoting_a_few_words_is_its_subjects(nlp):
    text = (
        "In a statement issued Tuesday morning, nominee Hilda Clayton was more careful than her "
        'fellow Democrats. Though she called the bank\'s behavior "outrageous" and called for pay to '
        'be "clawed back," Clayton restricted comments about breaking up big banks to hypothetical scenarios.\n\n'
        '"If any bank can\'t be managed effectively, it should be broken up."'
    )
    assert name_of(nlp, text, "broken up") == "Hilda Clayton"


def test_a_paragraph_quote_after_someone_elses_full_quote_is_not_taken_by_the_subject(nlp):
    text = (
        '"The bank failed its customers," Senator Ella Warden said, and Hilda Clayton agreed on Tuesday.\n\n'
        '"We will not let this happen again."'
    )
    assert name_of(nlp, text, "happen again") != "Hilda Clayton"


def test_a_relative_clause_left_open_before_said_gives_the_person(nlp):
    text = (
        '"This new ad raises new questions about whether voters can trust him," Maria Gold, who is '
        "chairman of Our Values Pac said in a statement."
    )
    assert name_of(nlp, text, "new questions") == "Maria Gold"


def test_a_closed_relative_clause_keeps_the_parsers_subject(nlp):
    text = "Dan Roe, who chairs the Farm Council, said the harvest was late."
    assert name_of(nlp, text, "harvest") == "Dan Roe"


def test_according_to_a_speech_someone_gave_is_theirs(nlp):
    text = (
        "The goal is not revenue; it is supposed to curb activist investors, according to a speech "
        "Senator Ella Warden delivered at the state university in July."
    )
    assert name_of(nlp, text, "curb activist") == "Ella Warden"


def test_according_to_information_from_a_company_is_the_companys(nlp):
    text = "A fault is affecting the cable near the harbour station, according to information received from Telvana."
    assert name_of(nlp, text, "fault") == "Telvana"


def test_according_to_a_named_poll_stays_the_poll(nlp):
    text = "Most voters back the plan, according to a new Harlow Daily poll."
    speaker = speaker_of(quotes_of(nlp, text), "Most voters")
    assert speaker is not None and "poll" in speaker.canonical


def test_a_quote_ending_in_a_comma_takes_its_tag_from_the_next_line(nlp):
    text = (
        "Much of the voice traffic was out of service, according to Orvane.\n\n"
        "Internet traffic “from the coast to the capital has now been rerouted, which may lead to congestion,”\n\n"
        "Telvana said in an e-mailed update, adding that it is working with its customers."
    )
    assert name_of(nlp, text, "rerouted") == "Telvana"


def test_a_finished_quote_takes_no_tag_from_the_next_paragraph(nlp):
    text = (
        '"The line will be fixed by Monday." Dora Pike, the engineer, said on Friday.\n\n'
        '"We have no idea how long it will take."\n\n'
        "Telvana said in a long statement that repairs had begun at three sites along the coast."
    )
    assert name_of(nlp, text, "no idea") != "Telvana"
