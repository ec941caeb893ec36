"""Speech acts with no reported clause (``quotes/acts.py``) and questions put (session 18,
issue 16). Fictional texts, parsed with the bundled model."""

import pytest

from tests.quote_helpers import quotes_of


def _indirect(nlp, text: str) -> list[tuple[str, str | None]]:
    return [
        (q.text, q.speaker.canonical if q.speaker else None)
        for q in quotes_of(nlp, text)
        if q.kind == "indirect"
    ]


@pytest.mark.parametrize(
    ("text", "words"),
    [
        (
            "Mayor Dana Whitlock called for an independent inquiry into the flooding.",
            "an independent inquiry",
        ),
        ("Dana Whitlock vowed to rebuild the harbour wall before winter.", "rebuild the harbour wall"),
        ("Dana Whitlock urged residents to stay away from the river.", "residents to stay away"),
        ("Dana Whitlock described the damage as the worst in a century.", "the damage as the worst"),
        ("Dana Whitlock called on the province to send more engineers.", "the province to send"),
        ("Dana Whitlock denied the allegations of negligence.", "the allegations of negligence"),
        ("Dana Whitlock linked the flooding to years of neglect.", "the flooding to years"),
        ("Dana Whitlock blasted the council for its slow response.", "the council for its slow response"),
    ],
)
def test_a_speech_act_with_its_complement_is_an_indirect_quote(nlp, text, words):
    [(content, speaker)] = _indirect(nlp, text)
    assert words in content
    assert speaker == "Dana Whitlock"


@pytest.mark.parametrize(
    "text",
    [
        "Dana Whitlock called the harbour office before noon.",  # "call" without for/on/predicate
        "Dana Whitlock called out the council on Tuesday.",  # another verb with its particle
        "Dana Whitlock did not call for an inquiry.",  # no act happened
        "Dana Whitlock would call for an inquiry if asked.",  # a modal: none yet
        "The floods forced Dana Whitlock to acknowledge the problem.",  # made to, not done
        "The judge denied both motions on Friday.",  # "deny" of something not said
        "Dana Whitlock pointed a flashlight at the water.",  # a gesture
        "The results were announced on Monday.",  # a passive: no one named speaks
        "It called for more rain.",  # no speaker
    ],
)
def test_acts_that_report_nothing_said_are_not_quotes(nlp, text):
    assert _indirect(nlp, text) == []


def test_an_act_already_reported_by_a_clause_is_not_taken_twice(nlp):
    quotes = _indirect(nlp, "Dana Whitlock warned that the river would rise again.")
    assert [t for t, _ in quotes] == ["the river would rise again"]


def test_a_pronoun_subject_gives_the_act_to_the_person_named_before(nlp):
    text = "Dana Whitlock toured the site on Monday. She pledged to restore the bridge by spring."
    assert ("to restore the bridge by spring", "Dana Whitlock") in _indirect(nlp, text)


def test_a_question_put_is_reported_speech(nlp):
    [(content, speaker)] = _indirect(nlp, "Dana Whitlock asked whether the bridge would reopen in May.")
    assert content.startswith("whether the bridge") and speaker == "Dana Whitlock"


@pytest.mark.parametrize(
    "text",
    [
        "Dana Whitlock did not say why the bridge was closed.",  # no answer given
        "Voters may ask whether the bridge will ever reopen.",  # not (yet) asked
    ],
)
def test_a_question_nobody_put_is_not_reported(nlp, text):
    assert _indirect(nlp, text) == []


def test_the_question_in_an_asked_tag_is_not_the_answerers(nlp):
    text = 'Asked whether the bridge would reopen, Dana Whitlock said, "Probably."'
    assert not any(t.startswith("whether") for t, _ in _indirect(nlp, text))


def test_a_document_that_alleges_is_the_source(nlp):
    text = "The complaint alleged two counts of fraud against the builder."
    assert [t for t, _ in _indirect(nlp, text)] == ["two counts of fraud against the builder"]


def test_an_aim_is_no_act(nlp):
    assert _indirect(nlp, "The firm has been working to emphasize its retail arm in recent years.") == []


def test_a_named_body_before_a_claim_noun_is_its_author(nlp):
    text = "Critics seized on a Daily Ledger report that the mayor had misled the council."
    assert ("the mayor had misled the council", "Daily Ledger") in _indirect(nlp, text)


def test_the_setting_turns_acts_and_questions_off(nlp):
    from newsprism.quotes import extract_quotes
    from newsprism.settings import QuoteSettings
    from tests.conftest import make_article

    art = make_article("Dana Whitlock called for an inquiry. Lee Hart asked whether the bridge would reopen.")
    assert extract_quotes(art, nlp(art.text), QuoteSettings(speech_acts=False)) == ()


def test_an_act_inside_another_speakers_report_is_a_quote_of_its_own(nlp):
    text = "Lee Hart said Monday that Dana Whitlock has long called for a new bridge over the river."
    quotes = _indirect(nlp, text)
    assert ("for a new bridge over the river", "Dana Whitlock") in quotes
    assert any(t.startswith("Dana Whitlock has long called") and s == "Lee Hart" for t, s in quotes)


def test_an_act_in_a_condition_is_no_act(nlp):
    text = "Lee Hart said he would have resigned if Dana Whitlock had asked him to do so."
    assert not any(s == "Dana Whitlock" for _, s in _indirect(nlp, text))


def test_made_it_clear_that_reports_the_clause(nlp):
    [(content, speaker)] = _indirect(nlp, "Dana Whitlock made it clear that the council would not pay.")
    assert content.endswith("the council would not pay") and speaker == "Dana Whitlock"


def test_a_text_that_makes_clear_is_the_writers_reading(nlp):
    text = "Dana Whitlock issued a statement. But her language makes clear that she is angry."
    assert not any(t.endswith("she is angry") for t, _ in _indirect(nlp, text))


def test_a_participle_tagged_as_a_past_tense_puts_no_question(nlp):
    text = '"We are a new team," Lee Hart said when asked what the win means to the club.'
    assert not any(t.startswith("what") for t, _ in _indirect(nlp, text))


def test_an_acts_words_stay_the_outlets_own_voice(nlp):
    from newsprism.compare.voice import voice_of
    from newsprism.quotes.acts import is_act

    text = 'Dana Whitlock portrayed herself as a shrewd reformer. Lee Hart said the plan was "reckless."'
    quotes = quotes_of(nlp, text)
    assert any(is_act(q.method) for q in quotes)
    voice = voice_of(text, quotes, [])
    assert "shrewd reformer" in voice and "reckless" not in voice
