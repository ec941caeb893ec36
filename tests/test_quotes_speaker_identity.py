"""Speaker identity, session 9 (issue 16 part 2): a description with a name in apposition
keeps its name, documents and ads speak for their authors, a description is named by the next
sentence (cataphora), and a surname the tagger mislabelled is still a person.
Fictional texts, parsed with the bundled model."""

from tests.quote_helpers import quotes_of, speaker_of


def test_a_description_with_a_name_in_apposition_is_that_person(nlp):
    text = (
        "Senator Maria Delvane's email server was at the center of the inquiry. Delvane has said "
        "she did nothing wrong.\n\nWhen the bureau director, Thomas B. Harwick, said on Tuesday that "
        'his agents had no "direct evidence" of a breach, experts understood him.'
    )
    speaker = speaker_of(quotes_of(nlp, text), "his agents")
    assert speaker.canonical == "Thomas B. Harwick"


def test_an_ad_speaks_for_whoever_made_it(nlp):
    text = (
        "Republicans attacked Governor Tim Vance on Monday. A web video by the Republican Governors "
        'Association lists three of his vetoes. The clip says Vance "has a passion for the wrong causes."'
    )
    speaker = speaker_of(quotes_of(nlp, text), "passion")
    assert speaker.canonical == "Republican Governors Association"


def test_a_narrator_speaks_for_the_ads_author(nlp):
    text = (
        "Senator Dana Pruitt has a new campaign ad hitting her rival on taxes. The 30-second spot "
        "shows a closed factory.\n\n"
        "“You work hard. Why didn't he?” a narrator in the Pruitt ad asks.\n\n"
        "“If he thinks that is smart,” the ad's narrator says, “what does he think of you?”"
    )
    quotes = quotes_of(nlp, text)
    assert speaker_of(quotes, "work hard").canonical == "Dana Pruitt"
    assert speaker_of(quotes, "think of you").canonical == "Dana Pruitt"


def test_the_statement_is_whoever_said_something_in_a_statement(nlp):
    text = (
        "“We never offered him money,” Channel Nine said in a statement on Friday.\n\n"
        "“He asked for five million dollars for his charities, which we could not accept,” the "
        "statement said."
    )
    speaker = speaker_of(quotes_of(nlp, text), "five million")
    assert speaker.canonical == "Channel Nine"


def test_an_analysis_by_someone_is_that_person(nlp):
    text = (
        "Some families would pay more under the plan, according to an analysis by Lena Marsh, a former aide."
    )
    speaker = speaker_of(quotes_of(nlp, text), "Some families")
    assert speaker.canonical == "Lena Marsh"


def test_a_description_is_the_person_the_next_sentence_introduces(nlp):
    text = (
        "The Latest on the race for governor (all times EDT):\n\n"
        "Delaware's tax commissioner says an internal review shows no one from the state revenue "
        "office released the returns.\n\n"
        "Kevin Marlowe says he instructed staff Monday to check whether anyone disclosed the information."
    )
    speaker = speaker_of(quotes_of(nlp, text), "internal review")
    assert speaker.canonical == "Kevin Marlowe"


def test_a_description_is_not_someone_named_before(nlp):
    text = (
        "Ana Ruiz said on Monday that the bridge would close. The city's transport commissioner says "
        "the closure will last a month.\n\nRuiz added that buses would replace the trains."
    )
    speaker = speaker_of(quotes_of(nlp, text), "last a month")
    assert "Ruiz" not in speaker.canonical


def test_a_surname_of_a_full_name_in_the_article_is_a_person(nlp):
    text = (
        "The court heard that Jermayne Timmons was 15 at the time. The jury listened for an hour.\n"
        "Timmons said he was scared when he saw the other group."
    )
    speaker = speaker_of(quotes_of(nlp, text), "scared")
    assert speaker.kind == "person" and not speaker.anonymous
