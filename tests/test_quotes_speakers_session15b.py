"""Speakers, session 15 second pass (issue 16 part 2): an outlet reporting a person's words,
an event as the subject of a side clause, a verb after ", then", an organisation named with
"the" taken for "he" or "she". Fictional texts, parsed with the bundled model."""

from tests.quote_helpers import name_of


def test_an_outlet_reporting_a_persons_words_is_not_their_speaker(nlp):
    text = (
        "Senator Dan Holloway spoke to reporters about the vote on Monday.\n\n"
        "When asked about how the plan would affect farmers, Holloway said: "
        '"There will always be exceptions," the Tribune reported.\n'
    )
    assert name_of(nlp, text, "always be exceptions") == "Dan Holloway"


def test_an_event_is_never_a_speaker(nlp):
    text = (
        "Senator Ana Brightwater has spent the week in Ohio.\n\n"
        "She sent out a fundraising email as the budget committee meeting began vowing to "
        '"fight for every dollar" in the state\'s last primary.\n'
    )
    assert name_of(nlp, text, "every dollar") == "Ana Brightwater"


def test_a_verb_after_then_goes_on_with_the_earlier_subject(nlp):
    text = (
        "Governor Ray Lindqvist took the stage late on Friday.\n\n"
        "The crowd shouted for several minutes. Lindqvist gestured as if to stop the noise, "
        'then leaned in and boomed: "Let\'s win this in November."\n'
    )
    assert name_of(nlp, text, "win this in November") == "Ray Lindqvist"


def test_an_organisation_named_with_the_is_never_he_or_she(nlp):
    text = (
        "Senator Ana Brightwater has spent the week in Ohio. The Associated Press reported that "
        '"her rival had won the count."\n\n'
        "The independent Ohio senator vowed last month to stay in the race. "
        '"We will fight for every dollar," she said.\n'
    )
    assert name_of(nlp, text, "every dollar") != "Associated Press"


def test_a_fragment_takes_the_speech_verb_it_hangs_from(nlp):
    text = (
        "The race has turned bitter this month.\n\n"
        'Senator Ana Lindqvist accuses the mayor of "hiding from voters" and Carl Brody says '
        'he is "losing the city," part of a verbal lashing they have given him since the vote.\n'
    )
    assert name_of(nlp, text, "hiding from voters") == "Ana Lindqvist"


def test_a_named_body_that_found_the_quoted_words_wrote_them(nlp):
    text = (
        'Gun laws are a popular topic with voters. In 2015, Gallup found that "about three times '
        'as many voters said it was more important to fund schools than to cut taxes." But since '
        "2009, the numbers have moved.\n"
    )
    assert name_of(nlp, text, "fund schools") == "Gallup"


def test_a_surname_shared_by_a_family_gives_no_sex_to_a_full_name(nlp):
    text = (
        "Zarif Okonkwo said he accepted the nomination because he owed it to his party and his "
        "voters. He spoke for an hour, and he thanked his supporters.\n\n"
        "Earlier, his daughter Amarachi Okonkwo took the stage. She said her father has been an "
        "advocate for women in his company.\n"
    )
    assert name_of(nlp, text, "advocate for women") == "Amarachi Okonkwo"
