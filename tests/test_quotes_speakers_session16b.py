"""Speakers, session 16 second pass (issue 16 part 2): a party word left in a name, a given name
alone, a quote inside another person's report. Fictional texts, parsed with the bundled model."""

from newsprism.quotes import extract_quotes
from newsprism.quotes.names import full_names
from newsprism.quotes.speakers import merge_speakers
from tests.conftest import make_article
from tests.quote_helpers import speaker_of


def _name(nlp, text: str, words: str) -> str | None:
    art = make_article(text)
    found = list(extract_quotes(art, nlp(text)))
    quotes, _ = merge_speakers(found, 92, {art.id: text})
    speaker = speaker_of(quotes, words)
    return speaker.canonical if speaker else None


def test_a_party_word_before_a_name_is_no_part_of_it():
    assert full_names("The crowd booed Democrat Ana Lindqvist all night.", "Ana") == ["Ana Lindqvist"]


def test_a_given_name_alone_keeps_its_sex_and_a_delegate_who_did_something_is_salient(nlp):
    text = (
        "The delegates cheered their nominee, Tom Garr, and jeered his rival, Democrat Ana "
        "Lindqvist, all evening.\n\n"
        "Garr raised his arms and shouted: “We will win in November.”\n\n"
        "Lindqvist made an appearance of sorts, courtesy of Paul Denton, a delegate from Ohio "
        "who wore a rubber Ana mask and a striped prison suit.\n\n"
        "“I bought the mask last night because I thought it would be funny,” he said.\n"
    )
    assert _name(nlp, text, "bought the mask") == "Paul Denton"


def test_she_after_a_woman_described_by_a_man_of_unknown_sex_is_the_woman(nlp):
    text = (
        "Gov. Chris Garrity described Democratic senator Ana Lindqvist as a “disgrace” after she "
        "attacked county engineers and blamed the floods on “years of neglect” downstream.\n\n"
        "The two have feuded since the spring.\n"
    )
    assert _name(nlp, text, "years of neglect") == "Ana Lindqvist"


def test_quoted_words_in_a_persons_offer_are_that_persons_not_the_rejecters(nlp):
    text = (
        "The city's new mayor on Tuesday rejected Governor Tom Garrity's offer to make an "
        "“exception” to his ban on street protests for the festival.\n\n"
        "The two men have not spoken since.\n"
    )
    assert _name(nlp, text, "exception") == "Tom Garrity"


def test_a_fragment_that_is_itself_the_possessed_noun_stays_the_quoted_speakers(nlp):
    text = "It is, said Rep. Tom Garrity, the Greens' “last sour note” before the vote.\n"
    assert _name(nlp, text, "last sour note") == "Tom Garrity"


def test_words_said_of_a_persons_remarks_are_the_critics(nlp):
    text = "Mayor Ana Lindqvist described Tom Garrity’s remarks as “hurtful and cheap” on Friday.\n"
    assert _name(nlp, text, "hurtful and cheap") == "Ana Lindqvist"


def test_words_the_tag_says_refer_to_another_persons_vow_are_that_persons(nlp):
    text = (
        "''I think that most voters will not be satisfied with 'We will crush them all,''' said "
        "Senator Ana Lindqvist of Ohio, referring to Mr. Garrity's boastful vow last week.\n\n"
        "Tom Garrity did not respond.\n"
    )
    art = make_article(text)
    quotes, _ = merge_speakers(list(extract_quotes(art, nlp(text))), 92, {art.id: text})
    names = {q.text.strip(" ,'"): q.speaker.canonical for q in quotes if q.speaker}
    assert names["We will crush them all"] == "Tom Garrity"  # the nested words
    assert _name(nlp, text, "most voters") == "Ana Lindqvist"  # the quote around them


def test_a_given_name_that_acts_keeps_the_sex_its_pronouns_show(nlp):
    text = (
        "Leader Kim Jong-chol arrived in Seoul on Monday for two days of talks.\n\n"
        "Kim said in a speech he was ready to meet the envoy at any time. But he warned that "
        "he may seek another path if the sanctions continued.\n"
    )
    assert _name(nlp, text, "another path") == "Kim Jong-chol"
