from newsprism.stories.opinion import is_opinion, opinion_cues


def test_section_label_and_question_headlines_are_opinion():
    assert opinion_cues("Opinion: The council got it wrong", "The vote was close.") == {"label"}
    assert is_opinion("Is the new levee enough?", "Engineers disagree.")


def test_the_writer_speaking_in_the_first_person_is_opinion():
    assert is_opinion("A city that forgot its river", "I grew up by the river. We knew the floods.")


def test_a_speaker_quoted_in_the_first_person_is_not_the_writer():
    text = 'The mayor said on Monday: "We will rebuild the dock." Work starts in May.'
    assert not is_opinion("Mayor: We will rebuild", text)


def test_a_plain_report_and_the_country_us_are_news():
    assert not is_opinion(
        "Fire destroys harbour warehouse", "A fire destroyed a US-owned warehouse on Monday."
    )


def test_a_modal_alone_is_not_enough_but_with_another_cue_it_is():
    assert not is_opinion("Council should vote on the budget this week", "The council meets on Tuesday.")
    assert is_opinion("Why the council should vote now", "You have heard the arguments.")
