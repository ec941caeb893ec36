"""Speaker names, session 14 (issue 16 part 2): a bare surname shared by two people of one
article is the one named in full just before it. Fictional texts, parsed with the bundled model."""

from tests.quote_helpers import name_of

TWO_LINDS = (
    "Protesters filled Elm Street on Friday night.\n\n"
    "“They never listen to us,” Rosa Lind, 19, said as officers lined the road.\n\n"
    "Many in the crowd blamed the city for the closing of the clinic.\n\n"
    "But Councilman Peter Lind, a frequent critic of the mayor, blamed outsiders for the trouble.\n\n"
    "“Please stay away from our streets,” Lind wrote on Twitter.\n"
)


def test_a_bare_surname_right_after_a_second_full_name_is_that_person(nlp):
    assert name_of(nlp, TWO_LINDS, "stay away") == "Peter Lind"


def test_the_person_named_first_keeps_a_surname_written_far_from_the_second(nlp):
    text = (
        "Councilman Peter Lind opened the meeting on Friday.\n\n"
        + "The council then heard from residents about the clinic, the roads and the school. " * 6
        + "\n\nRosa Lind, 19, a student at the school, asked for a new bus line.\n\n"
        + "The council voted on the budget after a long debate about parking and the new library. " * 6
        + "\n\n“We will decide next month,” Lind said.\n"
    )
    assert name_of(nlp, text, "decide next month") == "Peter Lind"


def test_a_second_person_just_named_as_an_object_does_not_take_the_surname(nlp):
    text = (
        "Councilman Peter Lind opened the meeting on Friday.\n\n"
        "Critics showed a photo of Rosa Lind, his niece, at the protest.\n\n"
        "“We will decide next month,” Lind said.\n"
    )
    assert name_of(nlp, text, "decide next month") == "Peter Lind"


PARTY_RIFT = (
    "Tom Garr won the party's nomination on Tuesday. Garr thanked his family. Garr promised to "
    "unite the party. Garr spoke for an hour.\n\n"
    "Garr also met the delegates, and Garr said he was proud of them.\n\n"
    "Speaker Sam Lind, who was slow to endorse Mr. Garr, was more direct about the party's rift, "
    "what he called “our quarrels this year.”\n"
)


def test_a_pronoun_under_a_named_subject_is_that_subject_not_the_storys_main_person(nlp):
    assert name_of(nlp, PARTY_RIFT, "our quarrels") == "Sam Lind"


def test_a_pronoun_of_the_other_sex_than_the_governing_subject_is_not_it(nlp):
    text = PARTY_RIFT.replace("what he called", "what she called")
    assert name_of(nlp, text, "our quarrels") != "Sam Lind"


def test_the_other_person_named_by_a_given_name_since_keeps_the_surname_open(nlp):
    text = TWO_LINDS.replace(
        "“Please stay away from our streets,” Lind wrote on Twitter.\n",
        "But Rosa said she would come back.\n\n“Please stay away from our streets,” Lind wrote.\n",
    )
    assert name_of(nlp, text, "stay away") != "Peter Lind"


def test_they_after_two_named_people_who_spoke_is_both_of_them(nlp):
    text = (
        "Producers John Miller and David Brown said the film would open in May.\n\n"
        "“We are thrilled,” they said.\n"
    )
    assert name_of(nlp, text, "thrilled") == "John Miller and David Brown"


def test_they_after_a_later_plural_source_is_that_source(nlp):
    text = (
        "Producers John Miller and David Brown said the film would open in May.\n\n"
        "Three critics said the script was weak.\n\n"
        "“It is far too long,” they said.\n"
    )
    assert name_of(nlp, text, "far too long") != "John Miller and David Brown"


def test_the_source_after_a_source_no_step_took_as_a_speaker_is_that_source(nlp):
    text = (
        "Investigators never asked the witness about the weapon, according to the rules that a "
        "police source described to reporters on Monday.\n\n"
        "“They are only asked to say what happened,” the source said.\n"
    )
    assert name_of(nlp, text, "only asked") == "a police source"


def test_the_source_far_from_any_source_stays_as_written(nlp):
    text = (
        "Reporters met a police source near the court.\n\n"
        "The trial opened in May. The jury heard from nine witnesses. The defense rested in June.\n\n"
        "“They are only asked to say what happened,” the source said.\n"
    )
    assert name_of(nlp, text, "only asked") == "the source"
