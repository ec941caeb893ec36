"""Speaker identity, session 11 second pass (issue 16 part 2): verbs of manner of speaking
tag quotes, and descriptors before a name (demonym, employer, the end of a title) are no part
of it. Fictional texts, parsed with the bundled model."""

import pytest

from tests.quote_helpers import quotes_of, speaker_of


@pytest.mark.parametrize("verb", ["barked", "fumed", "shot back", "pressed"])
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
