"""A digest's "TOPIC - Source: “…”" paragraphs (issue 16 part 2): the source after the last dash
speaks the paragraph, however long the topic, and no word of the topic joins its name.
Fictional texts, parsed with the bundled model."""

from newsprism.quotes import extract_quotes
from newsprism.quotes.speakers import merge_speakers
from tests.conftest import make_article
from tests.quote_helpers import speaker_of

DIGEST = (
    "VALLEYPOLL: Turnout Surprises Everyone In Marsh County.\n\n"
    "Early counts show turnout in Marsh County beat every forecast this week.\n\n"
    "MARSH COUNTY TURNOUT OUTRAN EVERY FORECAST, BUT NOT EVERYWHERE - Odile Brannock and Peter Fane: "
    "“Turnout in the river towns was the highest since the county began keeping records.”\n\n"
    "Analysts share doubts about the early counts - Valleypoll: “The early counts come from the "
    "largest precincts, which always report first and lean one way.”\n\n"
    "What the counts mean for the autumn - More from Brannock: “A high spring turnout has "
    "rarely carried over to the autumn in this county.”\n"
)


def _canonical(nlp, text: str, words: str) -> str | None:
    art = make_article(text)
    quotes, _ = merge_speakers(list(extract_quotes(art, nlp(text))), 92, {art.id: text})
    speaker = speaker_of(quotes, words)
    return speaker.canonical if speaker else None


def test_a_long_digest_topic_leaves_its_source_the_speaker(nlp):
    # the topic runs past the 60 characters a plain label may take
    # two sources joined by "and": the first names the pair, as "X and Y said" does
    assert _canonical(nlp, DIGEST, "river towns") == "Odile Brannock"


def test_a_digest_source_no_tagger_knows_is_still_the_speaker_and_the_topic_no_part_of_it(nlp):
    # "Analysts share doubts": a speech-like verb in the topic names no speaker
    assert _canonical(nlp, DIGEST, "largest precincts") == "Valleypoll"


def test_more_from_a_digest_source_is_that_source(nlp):
    assert _canonical(nlp, DIGEST, "rarely carried over") == "Odile Brannock"


def test_a_long_colon_lead_in_without_a_dash_is_no_label(nlp):
    text = (
        "The county clerk, who has run every election in Marsh County since the flood, said this: "
        "“We counted every ballot twice before we sent a single figure to the state.”\n"
    )
    assert _canonical(nlp, text, "counted every ballot") == "The county clerk"
