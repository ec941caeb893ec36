"""Speaker identity, session 11 second pass (issue 16 part 2): verbs of manner of speaking
tag quotes, and descriptors before a name (demonym, employer, the end of a title) are no part
of it. Fictional texts, parsed with the bundled model."""

import pytest

from tests.quote_helpers import merged_quotes, quotes_of, speaker_of


@pytest.mark.parametrize("verb", ["barked", "fumed", "shot back", "growled"])
def test_a_manner_of_speaking_verb_tags_its_quote(nlp, verb):
    text = (
        f'"Nobody here trusts the plan," Lena Okafor said.\n\n"Then show me your numbers," Tom Brandt {verb}.'
    )
    assert speaker_of(quotes_of(nlp, text), "your numbers").canonical == "Tom Brandt"


@pytest.mark.parametrize("demonym", ["Ohioan", "Texan"])
def test_a_demonym_before_a_name_is_no_part_of_it(nlp, demonym):
    text = f'"We will keep going," {demonym} Marta Lindqvist said at the rally.'
    assert speaker_of(quotes_of(nlp, text), "keep going").canonical == "Marta Lindqvist"


def test_the_end_of_a_title_before_a_name_is_no_part_of_it(nlp):
    text = '"We have a deal," Chief of Staff Denis Halloran said on Monday.'
    assert speaker_of(quotes_of(nlp, text), "a deal").canonical == "Denis Halloran"


def test_an_employer_before_a_name_is_no_part_of_it(nlp):
    text = '"The numbers are clear," the Daily Ledger’s Ishaan Varma wrote.'
    assert speaker_of(quotes_of(nlp, text), "numbers are clear").canonical == "Ishaan Varma"


def test_a_role_with_qualifiers_is_whoever_was_introduced_with_it(nlp):
    text = (
        "Senate Minority Leader Gus Ferrante backed Paul Osgood last week. Osgood thanked him.\n\n"
        '"He is ready," the minority leader said.'
    )
    assert speaker_of(quotes_of(nlp, text), "is ready").canonical == "Gus Ferrante"


def test_a_role_nobody_was_introduced_with_stays_unresolved(nlp):
    text = 'Paul Osgood spoke in Dayton on Tuesday.\n\n"He is ready," the minority leader said.'
    assert speaker_of(quotes_of(nlp, text), "is ready").canonical != "Paul Osgood"


def test_a_paper_whose_name_starts_with_a_given_name_is_no_person(nlp):
    text = (
        "The city council met on Monday.\n\n"
        '"The mayor has misled the public about the deficit," the Douglas Post said in an editorial '
        "on Tuesday. The Post has covered the city since 1890."
    )
    quotes = merged_quotes(nlp, text)
    speaker = speaker_of(quotes, "misled the public")
    assert (speaker.canonical, speaker.kind) == ("Douglas Post", "organisation")


def test_a_short_form_of_an_organisation_takes_its_full_name(nlp):
    text = (
        "The Marsh Valley Gazette first reported the deal on Monday.\n\n"
        'The deal "was never put to a vote," the Gazette said, citing two council members.'
    )
    quotes = merged_quotes(nlp, text)
    speaker = speaker_of(quotes, "put to a vote")
    assert (speaker.canonical, speaker.kind) == ("Marsh Valley Gazette", "organisation")


def test_an_organisation_named_with_a_given_name_stays_an_organisation(nlp):
    text = (
        "Harlan Foundation gave $2 million to the clinic on Monday.\n\n"
        '"We expect results within a year," Harlan Foundation said in a statement. Foundation staff '
        "will visit in May."
    )
    quotes = merged_quotes(nlp, text)
    assert speaker_of(quotes, "within a year").kind == "organisation"
