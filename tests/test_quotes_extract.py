"""Detection and the attribution cascade on hand-written news text (loads spaCy once)."""

import pytest

from newsprism.nlp import load_spacy
from newsprism.quotes import extract_quotes
from tests.conftest import make_article


@pytest.fixture(scope="module")
def nlp():
    return load_spacy()


def _quotes(nlp, text):
    art = make_article(text)
    quotes = extract_quotes(art, nlp(art.text))
    for q in quotes:  # every quote points at its own words
        assert art.text[q.span.start : q.span.end] == q.text
    return quotes


def test_inverted_tag_strips_role_from_name(nlp):
    (q,) = _quotes(nlp, '"Decisions are made in Washington, not here," said Kremlin spokesman Dmitry Peskov.')
    assert q.kind == "direct" and q.cue == "said" and q.method == "syntactic-subject"
    assert q.text == "Decisions are made in Washington, not here,"
    assert (q.speaker.name, q.speaker.role, q.speaker.kind) == (
        "Dmitry Peskov",
        "Kremlin spokesman",
        "person",
    )


def test_quote_broken_by_speaker_tag_gives_both_halves_to_the_speaker(nlp):
    text = "“We were lucky,” fire chief Maren Holloway said, “that the wind turned west before midnight.”"
    quotes = _quotes(nlp, text)
    assert [q.kind for q in quotes] == ["direct", "direct"]
    assert {q.speaker.canonical for q in quotes} == {"Maren Holloway"}


def test_continuation_pronoun_and_surname(nlp):
    text = (
        "Union organiser Declan Ferris spoke outside the gates on Tuesday.\n\n"
        "“We told them in writing that the building was a tinderbox,” Ferris said.\n\n"
        "“Nobody answered that letter. Nobody came down to look.”\n\n"
        "“They knew,” he said."
    )
    quotes = _quotes(nlp, text)
    assert [q.method for q in quotes] == ["syntactic-subject", "continuation", "syntactic-subject+pronoun"]
    assert {q.speaker.canonical for q in quotes} == {"Declan Ferris"}
    assert quotes[1].cue is None and quotes[2].speaker.name == "he"


def test_fragment_kept_scare_quote_and_title_dropped(nlp):
    text = (
        "The US denied the claims, with spokesman John Kirby calling them “ludicrous”.\n\n"
        "The so-called “special operation” went on. Critics reviewed the film “Top Gun Maverick” on Sunday."
    )
    (q,) = _quotes(nlp, text)
    assert (q.kind, q.text, q.cue, q.speaker.name) == ("fragment", "ludicrous", "calling", "John Kirby")


def test_heading_in_quote_marks_is_not_a_quote(nlp):
    assert _quotes(nlp, "‘A ludicrous claim’\n\nThe dispute went on for days.") == ()


def test_indirect_speech_told_according_and_anonymous(nlp):
    text = (
        "Peskov told reporters that Washington was behind the attack on the building.\n\n"
        "According to the Kremlin, two drones were downed over the city overnight.\n\n"
        "Three US officials said the United States had no prior knowledge of an attack."
    )
    quotes = _quotes(nlp, text)
    assert [q.kind for q in quotes] == ["indirect"] * 3
    told, according, officials = quotes
    assert told.text == "Washington was behind the attack on the building" and told.cue == "told"
    assert according.method == "according-to" and according.speaker.kind == "organisation"
    assert officials.speaker.anonymous and officials.speaker.name == "Three US officials"


def test_person_only_named_inside_a_quote_never_speaks(nlp):
    (q,) = _quotes(nlp, "“I spoke to Joe Biden about it yesterday,” he said.")
    assert q.speaker.name == "he" and q.speaker.canonical == "he" and "pronoun" not in q.method


def test_untagged_quote_without_previous_speaker_stays_unknown(nlp):
    (q,) = _quotes(nlp, "Smoke rose over the quay.\n\n“It was like a furnace in there.”")
    assert q.speaker is None and q.method == "unknown"


def test_colon_label_attributes_the_paragraph(nlp):
    text = (
        "Dmitry Peskov spoke to reporters in Moscow.\n\n"
        "Peskov: “We know who did this and we know why they did it.”\n\n"
        "CURRENCIES: The dollar rose to 108 yen from 107 yen late on Tuesday."
    )
    (q,) = _quotes(nlp, text)
    assert q.method == "colon" and q.speaker.canonical == "Dmitry Peskov"
    assert q.text == "We know who did this and we know why they did it."


def test_dash_attribution_after_a_quote(nlp):
    (q,) = _quotes(nlp, "“We will rebuild the quay before the summer season.” — Maren Holloway, fire chief")
    assert q.method == "dash" and q.speaker.canonical == "Maren Holloway"


def test_role_before_a_name_is_a_role_whatever_the_tagger_says(nlp):
    text = (
        "Brannock Logistics denied the claim. “These claims are false,” chief executive Corin Ashdale said."
    )
    (q,) = [q for q in _quotes(nlp, text) if q.kind == "direct"]  # "denied the claim" is the firm's act
    assert (q.speaker.name, q.speaker.role, q.speaker.kind) == ("Corin Ashdale", "chief executive", "person")


def test_odd_inputs_never_crash_and_spans_stay_valid(nlp):
    import random

    rng = random.Random(7)
    pieces = [
        '"',
        "“",
        "”",
        "‘",
        "’",
        "'",
        "«",
        "»",
        " said ",
        "He",
        "Peskov",
        ".",
        ",",
        "\n\n",
        " — ",
        ":",
        "x",
    ]
    texts = ["", '"', "“”", "\n\n“\n\n”", "said:", "'' '' ''"]
    texts += ["".join(rng.choice(pieces) for _ in range(rng.randint(1, 60))) for _ in range(40)]
    for text in texts:
        _quotes(nlp, text)


def test_quotes_inside_marked_headings_are_dropped(nlp):
    import dataclasses

    from newsprism.model import Span

    text = "Kirby says: “It is a ludicrous claim, and we reject it.”\n\nThe talks went on all day."
    art = dataclasses.replace(make_article(text), headings=(Span(0, text.index("\n")),))
    assert extract_quotes(art, nlp(text)) == ()
    assert len(extract_quotes(make_article(text), nlp(text))) == 1


def test_name_in_apposition_is_the_speaker(nlp):
    text = "Its chief executive, Corin Ashdale, said the claims were false and the system had been inspected."
    (q,) = _quotes(nlp, text)
    assert q.speaker.canonical == "Corin Ashdale" and q.speaker.role == "chief executive"


def test_the_official_is_the_unnamed_official_introduced_before(nlp):
    text = (
        "A senior official said the talks in Geneva had failed on Monday.\n\n"
        "The official added that a new round of talks was planned for next month."
    )
    first, second = _quotes(nlp, text)
    assert first.speaker.anonymous and second.speaker.anonymous
    assert first.speaker.canonical == second.speaker.canonical == "A senior official"
    assert second.speaker.name == "The official" and second.method.endswith("+nominal")


def test_pronoun_never_resolves_to_someone_named_inside_reported_speech(nlp):
    text = (
        "Dmitry Peskov said Vladimir Putin was working in his office as usual on Thursday.\n\n"
        "“Of course, everything will be strengthened,” he said."
    )
    reported, direct = _quotes(nlp, text)
    assert reported.kind == "indirect" and direct.speaker.canonical == "Dmitry Peskov"


def test_a_colon_after_a_phrase_that_is_no_name_gives_no_speaker(nlp):
    text = (
        "Kingmaker no more: Vell ends her bid.\n\n"
        "Mayor Ada Vell ended her campaign on Friday, telling supporters that she had "
        "\u201crenewed hope\u201d and that \u201cthe town will find its way forward.\u201d"
    )
    quotes = _quotes(nlp, text)
    assert all(q.speaker is None or q.speaker.canonical != "Kingmaker" for q in quotes)
    assert not any(q.method == "colon" for q in quotes)


def test_a_digest_line_names_its_source_after_the_dash(nlp):
    text = (
        "\u201cThe polls were fine,\u201d Tom Reed said on Tuesday. Sarah Palmer, a pollster, disagreed.\n\n"
        "The lesson of the night - Sarah Palmer: \u201cKeep in contact with voters, always and everywhere.\u201d\n"
    )
    quotes = _quotes(nlp, text)
    lesson = next(q for q in quotes if q.text.startswith("Keep in contact"))
    assert lesson.method == "colon" and lesson.speaker.canonical == "Sarah Palmer"
