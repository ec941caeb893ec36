"""Speaker kinds fixed in session 8 (issue 16): descriptions of a named organisation or
person, members speaking for their body, tags without a speech verb, joint and family names.
Fictional texts, parsed with the bundled model."""

from newsprism.quotes.speakers import merge_speakers
from tests.quote_helpers import quotes_of, speaker_of


def test_a_description_of_a_company_is_the_company_named_before(nlp):
    text = (
        "Corvane Software on Tuesday released a fix for a flaw in its browser. "
        "The company said the update was tested on every version. "
        "The US software giant said attacks using the flaw had slowed down."
    )
    quotes = quotes_of(nlp, text)
    assert speaker_of(quotes, "attacks using the flaw").canonical == "Corvane Software"
    assert speaker_of(quotes, "the update was tested").canonical == "Corvane Software"


def test_researchers_at_a_firm_speak_for_the_firm(nlp):
    text = (
        "Researchers at the security firm Quillon Labs Inc. said on Tuesday that the attacks were "
        "spreading quickly."
    )
    speaker = quotes_of(nlp, text)[0].speaker
    assert speaker.canonical == "Quillon Labs Inc." and speaker.kind == "organisation"


def test_describing_words_are_no_part_of_an_organisation_name(nlp):
    text = "The plan would cost $4 billion, according to the nonpartisan Harbor Budget Office."
    assert quotes_of(nlp, text)[0].speaker.canonical == "Harbor Budget Office"


def test_a_title_stands_for_the_person_the_article_is_about(nlp):
    text = (
        "Senator Mara Quint spoke in Dayton on Monday. Quint says schools need more money. "
        "The Republican nominee says every town should have a library."
    )
    assert speaker_of(quotes_of(nlp, text), "every town").canonical == "Mara Quint"


def test_a_title_needs_the_same_qualifiers(nlp):
    text = (
        "Republicans criticised Democratic vice presidential nominee Hal Brenner on Monday. "
        "Senator Ada Vance spoke in Toledo. She says schools need more money. "
        "The Democratic presidential nominee says every child deserves a fair chance."
    )
    assert speaker_of(quotes_of(nlp, text), "every child").canonical != "Hal Brenner"


def test_she_continued_is_a_tag(nlp):
    text = "Lena Ortz watched from her porch.\n\n“I said, ‘Oh no!’\n\nWhat is going on here?” she continued."
    speaker = speaker_of(quotes_of(nlp, text), "Oh no")
    assert speaker is not None and speaker.canonical == "Lena Ortz"


def test_a_lead_in_with_a_colon_names_the_author_of_a_message(nlp):
    text = (
        "Shortly before noon, Dario Fenn sent out the following message on Twitter:\n\n"
        "“I will be returning to Kessler College for one more season.”"
    )
    speaker = speaker_of(quotes_of(nlp, text), "returning")
    assert speaker is not None and speaker.canonical == "Dario Fenn"


def test_a_role_after_a_dash_is_no_part_of_the_name(nlp):
    text = (
        "Jonas Whitaker - director of wholesale products at Telvane which runs part of the "
        "network-told the BBC that the effects of the break would be felt for many days."
    )
    merged, _ = merge_speakers(quotes_of(nlp, text), texts={})
    assert merged[0].speaker.canonical == "Jonas Whitaker"


def test_a_quote_paragraph_after_a_paragraph_about_a_named_person_is_theirs(nlp):
    text = (
        "Crowds gathered on Elm Street after dark.\n\n"
        "As the crowd grew, councilman Tobias Renner joined the protesters and tried to calm them.\n\n"
        "“The mayor should be down here. Right now!”"
    )
    quote = quotes_of(nlp, text)[-1]
    assert quote.speaker is not None and quote.speaker.canonical == "Tobias Renner"
    assert quote.method == "lead-in"


def test_no_lead_in_after_a_paragraph_that_quotes_someone(nlp):
    text = (
        "Tobias Renner said the crowd was “angry but peaceful” on Monday.\n\n"
        "“The mayor should be down here. Right now!”"
    )
    quote = quotes_of(nlp, text)[-1]
    assert quote.method != "lead-in"


def test_an_age_description_is_the_person_named_before(nlp):
    text = (
        "Nora Castell took the stage on Tuesday night to loud applause.\n\n"
        "“He has always been a fighter,” said the 52-year-old."
    )
    speaker = quotes_of(nlp, text)[-1].speaker
    assert speaker is not None and speaker.canonical == "Nora Castell"


def test_his_companys_data_speak_for_the_company(nlp):
    text = (
        "Craig Labovitz, chief scientist at Lattice Networks, said the damage was wide. "
        "His company's sensors said that between 3,000 and 5,000 routes were off-line."
    )
    speaker = quotes_of(nlp, text)[-1].speaker
    assert speaker is not None and speaker.canonical == "Lattice Networks"


def test_an_organisation_speaker_is_its_whole_name(nlp):
    text = "The Academy of Motion Picture Arts and Sciences said the ceremony would be held in March."
    speaker = quotes_of(nlp, text)[0].speaker
    assert speaker.canonical == "Academy of Motion Picture Arts and Sciences"
