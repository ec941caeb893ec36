"""Weak speakers checked against other outlets, on hand-built quotes (no model)."""

from newsprism.quotes.corroborate import corroborate_speakers, same_words
from tests.quote_helpers import direct_quote

_q = direct_quote


FARMER = "We never sold the land to the mining company; we farm it still"
REWORDED = "We did not sell our land to the mining firm. We still farm it."


def test_same_words_needs_shared_content_words():
    assert same_words(FARMER, REWORDED, 3, 0.6)
    assert not same_words(FARMER, "The mining company will appeal the ruling", 3, 0.6)
    assert not same_words("We farm", "We farm", 3, 0.6)  # too short to tell


def test_pronoun_quote_takes_the_speaker_another_outlet_names():
    here = (
        "“We did not sell our land to the mining firm. We still farm it.” He said, “Our children will too.”"
    )
    other = _q("b", 0, FARMER, "Nora Quist", "syntactic-subject")
    weak = _q("a", 1, REWORDED, "Ivo Brandt", "continuation", written="He")
    follow = _q(
        "a", here.index("Our"), "Our children will too.", "Ivo Brandt", "syntactic-subject+pronoun", "He"
    )
    out = corroborate_speakers([weak, follow, other], {"a": here, "b": FARMER})
    assert [q.speaker.canonical for q in out] == ["Nora Quist", "Nora Quist", "Nora Quist"]
    assert out[0].method == "continuation+outlets" and out[1].method.endswith("+outlets")
    assert out[0].speaker.name == "He"  # as written stays as written


def test_named_speakers_and_lone_articles_are_never_changed():
    named = _q("a", 0, REWORDED, "Ivo Brandt", "syntactic-subject")
    other = _q("b", 0, FARMER, "Nora Quist", "syntactic-subject")
    assert corroborate_speakers([named, other], {}) == [named, other]
    weak = _q("a", 0, REWORDED, "Ivo Brandt", "syntactic-subject+pronoun", "he")
    same_article = _q("a", 200, FARMER, "Nora Quist", "syntactic-subject")
    assert corroborate_speakers([weak, same_article], {}) == [weak, same_article]


def test_outlets_that_disagree_change_nothing():
    weak = _q("a", 0, REWORDED, "Ivo Brandt", "syntactic-subject+pronoun", "he")
    one = _q("b", 0, FARMER, "Nora Quist", "syntactic-subject")
    two = _q("c", 0, FARMER, "Ivo Brandt", "syntactic-subject")
    three = _q("d", 0, FARMER, "Carl Moen", "syntactic-subject")
    assert corroborate_speakers([weak, one, two], {})[0] == weak  # one outlet agrees with us
    assert corroborate_speakers([weak, one, three], {})[0] == weak  # two other names: no call


def test_a_new_paragraph_stops_the_followers():
    here = "“We did not sell our land to the mining firm. We still farm it.”\n\n“Our children will too,” he said."
    weak = _q("a", 1, REWORDED, "Ivo Brandt", "continuation", "He")
    nxt = _q(
        "a", here.index("Our"), "Our children will too,", "Ivo Brandt", "syntactic-subject+pronoun", "he"
    )
    other = _q("b", 0, FARMER, "Nora Quist", "syntactic-subject")
    out = corroborate_speakers([weak, nxt, other], {"a": here})
    assert out[0].speaker.canonical == "Nora Quist" and out[1] == nxt
