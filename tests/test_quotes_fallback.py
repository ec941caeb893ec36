from newsprism.quotes.fallback import fallback_quotes
from tests.conftest import make_article


def _speakers(text):
    return [
        (q.text, q.speaker.name if q.speaker else None, q.kind) for q in fallback_quotes([make_article(text)])
    ]


def test_speaker_after_the_quote_with_a_title_before_the_name():
    got = _speakers('"Decisions are made in Washington," said Kremlin spokesman Dmitry Peskov on Thursday.')
    assert got == [("Decisions are made in Washington,", "Dmitry Peskov", "direct")]


def test_speaker_before_a_colon_quote_and_pronoun_continuation():
    text = (
        "Chief Fire Officer Maren Holloway of the Carrowmere Fire Service told a briefing: “The fire was "
        "contained before dawn.”\n\n“We were lucky with the wind,” she said."
    )
    assert [s for _, s, _ in _speakers(text)] == ["Maren Holloway", "Maren Holloway"]


def test_short_quotes_are_fragments_and_spans_point_at_the_words():
    art = make_article("Kirby called the claims “ludicrous” on Thursday.")
    [quote] = fallback_quotes([art])
    assert quote.kind == "fragment"
    assert art.text[quote.span.start : quote.span.end] == "ludicrous"


def test_a_reporting_verb_beside_a_quote_names_its_speaker():
    from newsprism.quotes.fallback import speaker_near

    text = "“A strike would be horrible,” said Ron Howard, the director of the film. Others agreed."
    start, end = 1, text.index("”")
    assert speaker_near(text, start, end) == "Ron Howard"
    tweet = "“Stay out of our community,” Williams fumed on Twitter."
    assert speaker_near(tweet, 1, tweet.index("”")) == "Williams"
    assert speaker_near("“It was cold.” The wind rose.", 1, 13) is None
