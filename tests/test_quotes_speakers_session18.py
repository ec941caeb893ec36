"""Speakers, session 18 (issue 16 part 2): the error kinds of the second blind ECB+ speaker set.
Fictional texts, parsed with the bundled model."""

from newsprism.analyze import analyze_articles
from newsprism.quotes.fallback import profile_name
from newsprism.quotes.names import full_names, strip_descriptors
from newsprism.stages import STAGES
from tests.conftest import make_article
from tests.quote_helpers import name_of


def quotes_of_story(text: str):
    """The quotes the quotes stage gives ``text`` (its fallbacks included)."""
    stages = [(n, s) for n, s in STAGES if n in ("published", "quotes")]
    return analyze_articles([make_article(text)], stages=stages).quotes


def test_an_age_or_a_base_before_a_name_is_no_part_of_it():
    assert strip_descriptors("25-year-old Lirona") == "Lirona"
    assert strip_descriptors("Oslo-based Fjord Watch") == "Fjord Watch"
    assert strip_descriptors("New Delport-based Fjord Watch") == "Fjord Watch"
    assert strip_descriptors("a 16-year-old student") == "a 16-year-old student"  # no name after it
    assert strip_descriptors("Ana Lind") == "Ana Lind"


def test_a_noun_for_someone_opening_the_sentence_is_no_part_of_the_name(nlp):
    text = "Pensioner Dovlat-aga, a voter in the capital, said:\n\n“I remember the old days.”\n"
    assert name_of(nlp, text, "old days") == "Dovlat-aga"
    assert full_names("Pensioner Ivo Garrow spoke. Garrow left.", "Garrow") == ["Ivo Garrow"]
    # a given name opening the sentence stays: "Walker" is a first name too
    assert full_names("Walker Garrow spoke. Garrow left.", "Garrow") == ["Walker Garrow"]


def test_a_name_after_an_abbreviated_title_is_the_speaker(nlp):
    text = (
        "The driver fled the scene on Friday.\n\n"
        "“He was stopped two blocks away,” said Dunmore Police Sgt. Harlan Mabey.\n"
    )
    assert name_of(nlp, text, "two blocks") == "Harlan Mabey"


def test_a_day_after_the_verb_is_no_speaker_when_a_source_comes_before_it(nlp):
    text = (
        "The club fired its coach on Saturday. The timing of this move by team president Ed Stanko "
        "was a head-scratcher.\n“It's not 100 percent on the coach,” a source with knowledge of the "
        "Rovers' thinking said Saturday afternoon.\n“But we didn't seem to have a plan.”\n"
    )
    assert name_of(nlp, text, "not 100 percent") == "a source with knowledge of the Rovers' thinking"


def test_a_surname_alone_right_after_a_quote_of_its_full_name_is_that_person(nlp):
    text = (
        "The club named Tomas Verhoek, its general manager, coach for the season.\n\n"
        "Verhoek has spent 19 seasons with the club.\n\n"
        "His son, P.J. Verhoek, plays for the college and he said after the game that he was "
        "excited for his father.\n\n"
        "“My dad is ready to step in,” Verhoek said.\n\n"
        "“We had no idea.”\n"
    )
    assert name_of(nlp, text, "ready to step in") == "P.J. Verhoek"
    # with no quote of the son just before, the surname is the man the article introduced first
    first = text.replace("and he said after the game that he was excited for his father", "and studies law")
    assert name_of(nlp, first, "ready to step in") == "Tomas Verhoek"


def test_a_name_of_unknown_sex_already_called_he_is_no_she(nlp):
    text = (
        "Witness Dana Orrin saw the car hit the woman.\n\n"
        "“The driver was uncooperative,” said Sgt. Marty Tarrow.\n\n"
        "Bell ringer Michael Gallo ran to help the woman.\n\n"
        "“He was shook up,” Tarrow said.\n\n"
        "He tried to comfort her.\n\n"
        "“I just feel sad,” she said.\n"
    )
    assert name_of(nlp, text, "feel sad") == "Dana Orrin"


def test_a_quote_ending_a_labelled_profile_is_the_profiled_persons():
    assert profile_name("Name: Ivo Lind Age: 30City: Varn Why he came: “x”", 45) == "Ivo Lind"
    assert profile_name("He said: “x”", 9) is None
    text = (
        "See the faces of the march below.\n\n"
        "Name: Mirela Dovan Age: 31City: VarnJob: CookWhy she’s marching: “I cook ten hours a day "
        "and still cannot pay the rent. We need a raise now.”\n"
    )
    found = list(quotes_of_story(text))
    assert any(q.speaker is not None and q.speaker.canonical == "Mirela Dovan" for q in found)


def test_the_source_again_is_the_source_described_before(nlp):
    text = (
        "The club fired its coach on Saturday.\n\n"
        "“It was not all on him,” a source with ties to the owners said.\n\n"
        + "The team had won four of its first ten games and lost the rest by wide margins. " * 20
        + "\n\n“Nobody saw progress,” the source said.\n"
    )
    first, again = name_of(nlp, text, "not all on him"), name_of(nlp, text, "Nobody saw")
    assert first == again == "a source with ties to the owners"


def test_a_numeral_the_story_writes_stays_on_the_name():
    from newsprism.quotes.speakers import merge_speakers
    from tests.quote_helpers import direct_quote

    texts = {
        "a": "“We will act,” said Committee Chairman Ted J. Varrow II (D-Ohio).",
        "b": "Rep. Ted Varrow, D-Ohio, said members may act.",
    }
    one = direct_quote("a", 0, "We will act", "Ted J. Varrow II", "syntactic-subject")
    two = direct_quote("b", 0, "members may act", "Ted Varrow", "syntactic-subject")
    quotes, _ = merge_speakers([one, two], 92, texts)
    assert {q.speaker.canonical for q in quotes} == {"Ted Varrow II"}


def test_the_object_of_an_office_is_no_part_of_the_name_in_a_long_text():
    from newsprism.quotes.names import NameIndex

    text = "Secretary of the Interior Kenneth Dallow, who heads it, said so. Later Dallow left."
    assert NameIndex(text).full_names("Dallow") == ["Kenneth Dallow"]


def test_two_surnames_tagged_one_organisation_are_the_people_named_before(nlp):
    from newsprism.quotes.identity import describe

    doc = nlp(
        "Secretary of Trade Gary Lemke and Secretary of the Interior Ken Savaro spoke.\n\n"
        "Lemke and Savaro said the two departments will review the rules."
    )
    head = next(t for t in doc if t.text == "Lemke" and t.dep_ == "nsubj")
    found = describe(head)
    assert found.canonical.count("Lemke") == 1 and found.canonical.count("Savaro") == 1
    firm = describe(nlp("Procter and Gamble said the plant will close.")[0])
    assert firm.canonical == "Procter and Gamble"


def test_an_office_qualified_by_lower_case_words_is_no_part_of_the_name():
    from newsprism.quotes.names import strip_titles

    assert strip_titles("Newly elected Guild President Mara Osk") == "Mara Osk"
    assert strip_titles("a friend of President Mara Osk") == "a friend of President Mara Osk"
    assert strip_titles("Msgr. Tallis") == "Tallis"
