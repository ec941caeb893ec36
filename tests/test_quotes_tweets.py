"""Embedded posts read as their words and Twitter's embed signature (session 9, issue 16).
Fictional texts, parsed with the bundled model."""

from tests.quote_helpers import quotes_of, speaker_of


def test_a_signed_post_is_a_direct_quote_of_its_signer(nlp):
    text = (
        "The governor's office reacted within minutes.\n\n"
        "Nobody in this state is above the law. The vote on Monday will show it. "
        "pic.twitter.com/Ab12Cd34 — Marla Quentin (@MarlaQuentin) March 3, 2015\n\n"
        "The vote was postponed."
    )
    quotes = quotes_of(nlp, text)
    post = next(q for q in quotes if "above the law" in q.text)
    assert post.kind == "direct" and post.method == "tweet"
    assert post.text.startswith("Nobody") and post.text.endswith("will show it.")
    assert speaker_of(quotes, "above the law").canonical == "Marla Quentin"


def test_a_dash_and_a_name_without_a_handle_and_date_is_no_post(nlp):
    text = "The hall was full by noon — Marla Quentin arrived late and left early.\n\nThe vote was postponed."
    assert not [q for q in quotes_of(nlp, text) if q.method == "tweet"]
