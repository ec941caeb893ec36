"""Where a speaker's name and clause are cut (session 8, issue 16): every dash like an em dash,
participles and relative clauses given to the right noun phrase, and nouns that are not
speakers (a thing someone said, a poll share, an employer taken for a role).
Fictional texts, parsed with the bundled model."""

import pytest

from newsprism.quotes.marks import DASH_CHARS, is_dash
from tests.quote_helpers import quotes_of, speaker_of


@pytest.mark.parametrize("dash", list(DASH_CHARS))
def test_every_dash_ends_the_clause_before_a_speaker(nlp, dash):
    text = (
        f"Senator Dale Morrow's tax returns from 1995 were made public {dash} Morrow boasted, "
        "“That makes me smart.”"
    )
    speaker = speaker_of(quotes_of(nlp, text), "makes me smart")
    assert dash not in speaker.canonical and "public" not in speaker.canonical
    assert speaker.canonical == "Dale Morrow"


def test_is_dash_knows_dashes_from_hyphenated_words():
    assert is_dash("\u2015") and is_dash("--") and is_dash("\u2e3a")
    assert not is_dash("Merriam-Webster") and not is_dash("")


def test_a_participle_after_a_relative_clause_tells_of_the_main_subject(nlp):
    text = (
        "Senator Dale Brickman spoke in Reno on Friday. Brickman was similarly defensive when forced to "
        "defend not paying a plumber who said he was stiffed on a contract, saying, "
        "“Maybe he didn't do a good job.”"
    )
    quotes = quotes_of(nlp, text)
    assert speaker_of(quotes, "good job").canonical == "Dale Brickman"
    assert speaker_of(quotes, "stiffed").canonical == "a plumber"  # the relative clause's own


def test_a_relative_clause_speaker_is_its_noun_phrase_not_a_place_inside(nlp):
    text = "The remark alarmed donors in Ohio, who said they would stop giving money to the party."
    speaker = speaker_of(quotes_of(nlp, text), "stop giving money")
    assert speaker.canonical == "donors in Ohio" and speaker.kind != "organisation"


def test_a_possessed_thing_is_no_speaker_its_owner_is(nlp):
    text = (
        "Senator Dale Morrow spoke in Reno on Friday. His promises said that taxes would fall for "
        "every family."
    )
    assert speaker_of(quotes_of(nlp, text), "taxes would fall").canonical == "Dale Morrow"


def test_a_possessed_person_still_speaks(nlp):
    text = "Senator Dale Morrow spoke in Reno on Friday. His father said the senator had always worked hard."
    speaker = speaker_of(quotes_of(nlp, text), "always worked hard")
    assert speaker.canonical != "Dale Morrow"


def test_a_poll_share_is_no_speaker(nlp):
    text = "The poll was taken last week. Another 19 percent said they were undecided about the race."
    assert not any("percent" in (q.speaker.canonical if q.speaker else "") for q in quotes_of(nlp, text))


def test_a_share_of_named_people_still_speaks(nlp):
    text = "About 40 percent of voters said the economy was the top issue."
    assert speaker_of(quotes_of(nlp, text), "top issue").canonical == "About 40 percent of voters"


def test_an_employer_in_the_possessive_is_no_role(nlp):
    text = "Velton News's Ana Velez said the network would air the debate again."
    speaker = quotes_of(nlp, text)[0].speaker
    assert speaker.canonical == "Ana Velez"
    assert speaker.role is None or "Velton" not in speaker.role


def test_a_description_without_a_title_word_is_the_person_named_before(nlp):
    text = "Rory Vance hosted the show on Monday. The comedian said the jokes were written by his staff."
    assert speaker_of(quotes_of(nlp, text), "jokes were written").canonical == "Rory Vance"


def test_a_company_description_is_not_taken_for_a_person(nlp):
    text = "Rory Vance hosted the show on Monday. The carrier said the flights would resume on Friday."
    assert speaker_of(quotes_of(nlp, text), "flights would resume").canonical != "Rory Vance"


def test_they_never_stands_for_a_nationality_word(nlp):
    text = "A man was shot in Hawaiian Gardens. They said the gang was to blame."
    assert speaker_of(quotes_of(nlp, text), "gang was to blame").canonical != "Hawaiian"


def test_a_title_word_is_no_part_of_the_name(nlp):
    text = "Outside court, Defense Attorney Tom Brask said the trial was unfair."
    speaker = speaker_of(quotes_of(nlp, text), "trial was unfair")
    assert speaker.canonical == "Tom Brask" and speaker.role == "Defense Attorney"


def test_a_surname_read_as_a_plural_noun_is_a_name(nlp):
    text = (
        "Neither lawyer, Robin Yanes or Tom Brask, claimed innocence.\n\n"
        "“It's a tragic situation with nothing but a sad ending. What else could it be?” Yanes said."
    )
    speaker = speaker_of(quotes_of(nlp, text), "tragic situation")
    assert speaker.canonical == "Robin Yanes" and not speaker.anonymous


def test_a_description_introduced_as_someone_new_stays_unnamed(nlp):
    text = (
        "Rory Vance hosted the show on Monday. Two guests were late, their agent told reporters. "
        "The agent said the traffic was to blame."
    )
    assert speaker_of(quotes_of(nlp, text), "traffic was to blame").canonical != "Rory Vance"


def test_a_country_in_the_possessive_stays_in_the_role(nlp):
    text = "Canada's Prime Minister Ana Velez said the border would stay open."
    speaker = quotes_of(nlp, text)[0].speaker
    assert speaker.canonical == "Ana Velez" and "Canada" in (speaker.role or "")


def test_they_stands_for_the_latest_plural_source_that_spoke(nlp):
    text = (
        "According to three jurors who spoke outside the courtroom, the decision was a difficult one. "
        "The evidence was overwhelming, they said."
    )
    assert speaker_of(quotes_of(nlp, text), "evidence was overwhelming").canonical == "three jurors"
