"""Headline quotes (issue 16 part 2, session 14): a headline speaks only when it names its
speaker, resolved in the body like any mention. Fictional texts, parsed with the bundled model."""

from tests.quote_helpers import quotes_of, speaker_of

BODY = (
    "Senator Ana Lind told a crowd in Elmford on Tuesday that the farm bill would fail without "
    "new money for rural roads.\n\n"
    "Her rival, Tom Garr, said the bill was already too expensive.\n"
)


def _named(text: str, words: str, nlp) -> str | None:
    quote = next((q for q in quotes_of(nlp, text) if words in q.text), None)
    assert quote is not None, f"no quote holding {words!r}"
    return quote.speaker.canonical if quote.speaker else None


def test_a_surname_and_colon_headline_gives_its_quote_to_the_body_name(nlp):
    text = "Lind: Farm Bill Will ‘Fail Every Rural Family’ Without Road Money.\n\n" + BODY
    assert _named(text, "Fail Every Rural Family", nlp) == "Ana Lind"


def test_a_whole_quote_after_a_full_name_and_colon_is_that_persons(nlp):
    text = "Tom Garr: ‘This Bill Is Far Too Expensive.’\n\n" + BODY
    assert _named(text, "Far Too Expensive", nlp) == "Tom Garr"


def test_a_lead_ending_in_the_name_gives_the_quote_to_it(nlp):
    text = "A warning from Ana Lind: ‘Roads come first.’\n\n" + BODY
    assert _named(text, "Roads come first", nlp) == "Ana Lind"


def test_a_topic_after_on_does_not_hide_the_name(nlp):
    text = "Garr on the Farm Bill: It Is ‘Far Too Expensive.’\n\n" + BODY
    assert _named(text, "Far Too Expensive", nlp) == "Tom Garr"


def test_a_lead_that_names_nobody_in_the_body_leaves_the_quote_unspoken(nlp):
    text = "Report: Farm Bill Will ‘Fail Every Rural Family.’\n\n" + BODY
    quotes = [q for q in quotes_of(nlp, text) if "Fail Every Rural Family" in q.text]
    assert all(q.speaker is None for q in quotes)


def test_a_headline_without_a_colon_or_a_name_stays_unspoken(nlp):
    text = "Farm Bill Faces ‘Rough Ride’ in Elmford.\n\n" + BODY
    quotes = [q for q in quotes_of(nlp, text) if "Rough Ride" in q.text]
    assert all(q.speaker is None for q in quotes)


def test_a_quote_before_the_colon_is_not_the_named_persons(nlp):
    text = "‘Too Expensive’ Bill: Garr Blocks the Vote.\n\n" + BODY
    quotes = [q for q in quotes_of(nlp, text) if "Too Expensive" in q.text]
    assert all(q.speaker is None or "Garr" not in q.speaker.canonical for q in quotes)


def test_a_colon_in_a_body_sentence_is_not_a_headline(nlp):
    text = (
        BODY + "\nThe mayor, who met Ana Lind last week, had one message for voters who asked "
        "her about the roads and the bill in the town hall on Friday evening: ‘Wait and see.’\n"
    )
    speaker = speaker_of(quotes_of(nlp, text), "Wait and see")
    assert speaker is None or speaker.canonical != "Ana Lind"


def test_a_name_after_a_verb_in_the_lead_is_its_object_not_the_speaker(nlp):
    text = "Garr Praises Senator Ana Lind: ‘A Very Good Leader.’\n\n" + BODY
    quotes = [q for q in quotes_of(nlp, text) if "Very Good Leader" in q.text]
    assert all(q.speaker is None or q.speaker.canonical != "Ana Lind" for q in quotes)


def test_a_title_case_lead_from_a_named_person_gives_the_quote_to_that_person(nlp):
    text = "A Lesson From Senator Ana Lind: ‘Roads Come First.’\n\n" + BODY
    assert _named(text, "Roads Come First", nlp) == "Ana Lind"


def test_a_full_name_headline_over_a_body_that_writes_only_the_surname(nlp):
    text = "Ana Lind: ‘Roads Come First.’\n\nLind told a crowd in Elmford that the farm bill would fail.\n"
    assert _named(text, "Roads Come First", nlp) in ("Lind", "Ana Lind")


def test_a_full_name_headline_does_not_take_another_given_names_surname(nlp):
    text = (
        "Rosa Lind: ‘Roads Come First.’\n\nCouncilman Peter Lind told a crowd in Elmford that the "
        "farm bill would fail.\n\nLind said the roads could wait.\n"
    )
    assert _named(text, "Roads Come First", nlp) in (None, "Rosa Lind")


def test_an_untagged_quote_opening_the_body_under_a_named_headline_is_that_persons(nlp):
    text = (
        "Ana Lind: ‘Roads Come First.’\n\n"
        "“Roads come first. The farm bill will fail every rural family without them.”\n\n" + BODY
    )
    assert _named(text, "rural family without them", nlp) == "Ana Lind"


def test_an_untagged_quote_opening_the_body_under_an_unnamed_headline_stays_unspoken(nlp):
    text = (
        "Report: Roads ‘Come First.’\n\n"
        "“Roads come first. The farm bill will fail every rural family without them.”\n\n" + BODY
    )
    assert _named(text, "rural family without them", nlp) is None
