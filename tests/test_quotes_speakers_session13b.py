"""Speaker attribution, session 13 (issue 16 part 2, second pass): a quote left with no speaker
because its lead-in sentence, ending in a speech verb and a comma, was split from it.
Fictional texts, parsed with the bundled model."""

from tests.quote_helpers import quotes_of, speaker_of


def test_a_lead_in_ending_in_a_speech_verb_and_a_comma_tags_the_next_line(nlp):
    text = (
        "Marta Quell said she pushed through the crowd to reach the officers.\n"
        "A sergeant looked at her and said: “I am so sorry.”\n"
        "To which she replied,\n"
        "“I already knew it was over.”\n"
    )
    speaker = speaker_of(quotes_of(nlp, text), "already knew")
    assert speaker is not None and speaker.canonical == "Marta Quell"


def test_a_lead_in_ending_in_another_word_and_a_comma_tags_nothing(nlp):
    text = "Marta Quell walked home through the rain,\n“I already knew it was over.”\n"
    quote = next(q for q in quotes_of(nlp, text) if "already knew" in text[q.span.start : q.span.end])
    assert quote.method != "adjacent-tag"


def test_a_quote_after_a_description_naming_its_person_is_that_persons(nlp):
    text = (
        "Dan Vell built a chain of bakeries in the 1990s.\n\n"
        "In those years he grew fast. His former partner at Crumbworks, Lee B. Cole, called him a "
        'genius at closing deals. "He closed deals that nobody else could close."\n'
    )
    speaker = speaker_of(quotes_of(nlp, text), "nobody else")
    assert speaker is not None and speaker.canonical in ("Lee Cole", "Lee B. Cole")


def test_a_description_naming_no_one_at_its_end_gives_no_lead_in(nlp):
    text = (
        "Dan Vell built a chain of bakeries in the 1990s.\n\n"
        "In those years he grew fast. His former partner, who met Lee B. Cole in college, called "
        'him a genius. "He closed deals that nobody else could close."\n'
    )
    speaker = speaker_of(quotes_of(nlp, text), "nobody else")
    assert speaker is None or "Cole" not in speaker.canonical


def test_a_colon_lead_in_in_the_quotes_own_sentence_names_its_speaker(nlp):
    text = 'Governor Ana Lind is rolling out a new and more personal campaign message: "It is about us."\n'
    speaker = speaker_of(quotes_of(nlp, text), "about us")
    assert speaker is not None and speaker.canonical == "Ana Lind"


def test_a_colon_lead_in_with_a_speech_verb_is_left_to_that_verb(nlp):
    text = (
        "Tom Garr, a data hand, vouched for Ivo Brask.\n\n"
        '"It helps to know the files," said Garr, explaining he worked with Brask, who was putting '
        'voter data into the national file: "Ivo is outstanding with data."\n'
    )
    speaker = speaker_of(quotes_of(nlp, text), "outstanding")
    assert speaker is None or "Brask" not in speaker.canonical


def test_a_surname_that_the_article_gives_a_mans_honorific_is_not_the_woman_named_in_full(nlp):
    text = (
        "Mr. Dorn spoke at the rally with his wife, Michelle Dorn, beside him.\n\n"
        'President Dorn said: "This election is about all of us."\n'
        '"We will win," Mr. Dorn said.\n'
    )
    speaker = speaker_of(quotes_of(nlp, text), "about all of us")
    assert speaker is not None and speaker.canonical != "Michelle Dorn"
