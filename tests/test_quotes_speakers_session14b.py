"""Speaker names, session 14 second pass (issue 16 part 2): titles off every path's names, a
person's campaign without the person's titles, and "the Ohio Republican" as the person the
article was about. Fictional texts, parsed with the bundled model."""

import dataclasses

from newsprism.model import Quote, Span, Speaker
from newsprism.quotes.names import strip_titles
from newsprism.quotes.speakers import merge_speakers
from tests.quote_helpers import name_of


def test_a_place_before_an_abbreviated_title_is_stripped_with_it():
    assert strip_titles("Ohio Gov. Ana Lind") == "Ana Lind"
    assert strip_titles("New Hampshire Sen. Ana Lind") == "Ana Lind"


def test_a_name_holding_a_title_word_keeps_its_two_words():
    assert strip_titles("Tom Major") == "Tom Major"
    assert strip_titles("Former Prime Minister Tom Major") == "Tom Major"


def _quote(n: int, name: str, kind: str = "person") -> Quote:
    return Quote(
        id=f"q{n}",
        article_id="a1",
        text=f"words {n}",
        span=Span(n * 10, n * 10 + 5),
        kind="direct",
        speaker=Speaker(name=name, canonical=name, kind=kind),
    )


def test_a_titled_name_from_the_last_resort_path_joins_the_plain_name():
    text = "Ohio Gov. Ana Lind ended her bid. Ana Lind spoke to supporters."
    quotes, speakers = merge_speakers(
        [_quote(1, "Ana Lind"), _quote(2, "Ohio Gov. Ana Lind")], 92, {"a1": text}
    )
    assert {q.speaker.canonical for q in quotes} == {"Ana Lind"}
    assert len(speakers) == 1


def test_a_persons_campaign_is_named_without_the_persons_titles():
    text = "New Hampshire Sen. Ana Lind’s campaign said she would wait."
    q = _quote(1, "New Hampshire Sen. Ana Lind’s campaign", "organisation")
    quotes, _ = merge_speakers([dataclasses.replace(q)], 92, {"a1": text})
    assert quotes[0].speaker.canonical == "Ana Lind campaign"


RYAN_LIKE = (
    "House Speaker Tom Garr said on Friday that he was not ready to back the nominee.\n\n"
    "“I am just not there yet,” Garr told reporters.\n\n"
    "Garr said in the interview that the burden was on the nominee to unite the party. "
    "“We need a real plan,” he said.\n\n"
    "The Maine Republican did give the nominee some credit during the interview, saying "
    "“he deserves praise for winning so many states.”\n"
)


def test_the_state_and_party_description_is_the_person_the_article_is_about(nlp):
    assert name_of(nlp, RYAN_LIKE, "deserves praise") == "Tom Garr"


def test_the_party_description_stays_unresolved_between_two_equally_near_persons(nlp):
    text = (
        "Tom Garr and Ana Ruiz met the governor on Friday.\n\n"
        "The Maine Republican later told reporters “we will need more time.”\n"
    )
    assert name_of(nlp, text, "more time") not in ("Tom Garr", "Ana Ruiz")


def test_a_title_joined_to_an_unknown_title_word_is_not_cut_in_half():
    name = "United Field Workers Secretary - Treasurer Ana Lind"
    assert strip_titles(name) == name


def test_a_title_word_we_do_not_list_is_not_taken_for_the_name():
    name = "United Field Workers Secretary Treasurer Ana Lind"
    assert strip_titles(name) == name
    assert strip_titles("Ohio State Sen. Ana Maria Lind") == "Ana Maria Lind"


TWO_PEOPLE = (
    "Sen. Tom Garr of Maine, a Republican, said on Friday that he was not ready to back the nominee.\n\n"
    "“I am just not there yet,” Garr told reporters.\n\n"
    "Businessman Ed Holt has won most states.\n\n"
)


def test_the_party_description_is_the_person_introduced_with_that_party_and_state(nlp):
    text = TWO_PEOPLE + "The Maine Republican later told reporters that “the party must unite soon.”\n"
    assert name_of(nlp, text, "must unite") == "Tom Garr"


def test_an_abbreviated_title_and_an_of_place_introduce_the_state_senator(nlp):
    text = TWO_PEOPLE + "The Maine senator later told reporters that “the party must unite soon.”\n"
    assert name_of(nlp, text, "must unite") == "Tom Garr"


def test_a_description_by_wealth_stands_for_the_person_just_named(nlp):
    text = (
        "Tom Garr spoke to a crowd of 3,000 people in Reno on Sunday.\n\n"
        "The billionaire property magnate says “the league has gone soft on everyone.”\n"
    )
    assert name_of(nlp, text, "gone soft") == "Tom Garr"
