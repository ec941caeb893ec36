"""Own voice (what an outlet says in its own words) and the loaded words in it."""

import json
from importlib import resources

import numpy as np
import pytest

from newsprism.compare.lexicon import FEATURES, is_loaded, word_features
from newsprism.compare.voice import loaded_terms, own_voice
from newsprism.model import Span, Statement
from newsprism.nlp import load_spacy


@pytest.fixture(scope="module")
def nlp():
    return load_spacy()


def _loaded(nlp, text, statements=()):
    doc = nlp(text)
    return loaded_terms(own_voice(text, list(statements), doc), doc)


def test_words_inside_quote_marks_are_the_speakers(nlp):
    assert _loaded(nlp, "“It was a furious, reckless mob,” the mayor said.") == {}
    assert _loaded(nlp, "The furious mayor spoke.") == {"furious mayor": 1}


def test_reported_speech_is_the_speakers_but_the_reporting_verb_is_the_outlets(nlp):
    assert _loaded(nlp, "Police said that the furious crowd smashed windows.") == {}
    assert _loaded(nlp, "The furious crowd smashed windows, police said.") == {}
    # "rampaged" is the outlet's verb; what the police said after it is theirs.
    assert _loaded(nlp, "Protesters rampaged, police saying the reckless crowd was armed.") == {"rampaged": 1}


def test_a_parenthetical_police_said_puts_its_clause_in_their_mouth(nlp):
    assert _loaded(nlp, "The crowd, police said, was furious and hostile.") == {}
    assert _loaded(nlp, "The crowd, police said, was hostile. The furious mayor left.") == {
        "furious mayor": 1
    }


def test_an_aside_the_parser_reads_as_a_relative_clause_is_still_reported_speech(nlp):
    # The small parser hangs "Democrats charged" on "bill" as a relative clause.
    assert _loaded(nlp, "The bill, Democrats charged, was a furious giveaway to donors.") == {}
    # A real relative clause with its own object reports nothing: the rest is the outlet's.
    assert _loaded(nlp, "The senator, who said nothing, left the furious crowd.") == {"furious crowd": 1}


def test_according_to_puts_the_whole_sentence_in_the_sources_mouth(nlp):
    assert _loaded(nlp, "According to the council, the furious crowd smashed windows.") == {}
    assert _loaded(nlp, "According to the council, it rained. The furious crowd left.") == {
        "furious crowd": 1
    }


def test_what_a_speaker_is_accused_of_or_called_is_reported(nlp):
    assert _loaded(nlp, "The council accused the mayor of reckless spending.") == {}
    assert _loaded(nlp, "The council described the plan as reckless.") == {}
    assert _loaded(nlp, "The mayor's reckless spending grew.") == {"reckless spending": 1}


def test_without_a_parse_an_attributed_statement_is_blanked_whole():
    # The safe side: without the parse nothing tells the reporting verb from what was reported.
    text = "The disgusting crowd smashed windows, police said. The disgusting mayor left."
    end = text.index(".") + 1
    first = Statement(id="s1", article_id="a", text=text[:end], span=Span(0, end), attributed_to="police")
    voice = own_voice(text, [first])
    assert voice[:end].strip() == "" and voice[end:] == text[end:]


def test_a_word_every_other_outlet_uses_is_the_storys_vocabulary_not_a_choice():
    assert word_features("furious", "furious", "ADJ", 1.0) is not None
    assert is_loaded("furious", "furious", "ADJ", 0.0, ("attributive",))
    assert not is_loaded("furious", "furious", "ADJ", 1.0, ("attributive",))


def test_broken_tokens_and_unknown_strings_are_not_judged():
    assert word_features("low-") is None
    assert word_features("xqzvtr") is None  # neither English nor a lexicon word: a typo or a handle


def test_the_shipped_model_matches_the_features():
    data = json.loads(resources.files("newsprism.compare").joinpath("loaded_model.json").read_text())
    assert tuple(data["features"]) == FEATURES and len(data["weights"]) == len(FEATURES)
    assert 0 < data["threshold"] < 1
    # The meaning probe reads MiniLM's 384-dimensional word vectors, within a fitted range.
    lo, hi = data["meaning_range"]
    assert len(data["probe"]) == 384 and lo < data["meaning_neutral"] < hi


def test_only_words_that_could_be_loaded_are_embedded_and_a_missing_model_is_neutral(monkeypatch):
    import newsprism.nlp.embed as embed
    from newsprism.compare.lexicon import loaded_words
    from newsprism.errors import ModelMissingError

    asked: list[list[str]] = []

    class Fake:
        def embed(self, texts):
            asked.append(list(texts))
            return np.zeros((len(texts), 384))

    monkeypatch.setattr(embed, "load_embedder", lambda: Fake())
    loaded_words(
        [("said", "say", "VERB", 0.0, ("reporting",), False), ("furious", "", "ADJ", 0.0, (), False)]
    )
    assert asked == [["furious"]]  # "said" cannot pass whatever it means

    def missing():
        raise ModelMissingError("the sentence-embedding model is not installed")

    monkeypatch.setattr(embed, "load_embedder", missing)
    # Without vectors every word gets the typical meaning: the other features decide, and
    # the run goes on (precision first: fewer words pass than with the model).
    from newsprism.compare.lexicon import loaded_model, meanings

    assert meanings(["kerfuffle"]) == {"kerfuffle": loaded_model().meaning_neutral}
    assert loaded_words([("said", "say", "VERB", 0.0, (), False)]) == [False]


def test_a_part_of_a_hyphenated_word_and_a_hedge_are_not_loaded_words(nlp):
    from newsprism.compare.voice import own_words

    text = "The counter-offensive began after an unconfirmed report."
    doc = nlp(text)
    words = [w for w, *_ in own_words(own_voice(text, [], doc), doc)]
    assert "offensive" not in words and "counter" not in words
    assert "unconfirmed" not in words  # a hedge, counted among the hedges


def test_a_quote_the_quotes_stage_found_is_blanked_but_not_the_sentence_around_it(nlp):
    from newsprism.model import Quote

    text = "The furious councillor wrote in a letter that the reckless plan would fail."
    start = text.index("the reckless")
    quote = Quote(
        id="q1", article_id="a", text=text[start:-1], span=Span(start, len(text) - 1), kind="indirect"
    )
    statement = Statement(id="s1", article_id="a", text=text, span=Span(0, len(text)), quote_id="q1")
    doc = nlp(text)
    assert loaded_terms(own_voice(text, [statement], doc, [quote]), doc) == {"furious councillor": 1}


def test_the_loaded_threshold_is_a_setting(nlp):
    from newsprism.settings import Settings

    text = "The furious mayor spoke."
    doc = nlp(text)
    voice = own_voice(text, [], doc)
    assert (
        Settings().compare.loaded_threshold
        == json.loads(resources.files("newsprism.compare").joinpath("loaded_model.json").read_text())[
            "threshold"
        ]
    )
    assert loaded_terms(voice, doc, threshold=0.99) == {}
    assert loaded_terms(voice, doc, threshold=0.01)["furious mayor"] == 1


def test_a_loaded_word_is_shown_in_its_phrase_when_the_whole_phrase_is_the_outlets(nlp):
    from newsprism.compare.voice import term_unit

    text = "An unruly young mob smashed windows. Relatives vehemently deny it, the lawyer said."
    doc = nlp(text)
    voice = own_voice(text, [], doc)
    unit = {t.lower_: term_unit(t, voice) for t in doc}
    assert unit["unruly"] == "unruly young mob"
    # The sentence is the lawyer's ("..., the lawyer said"): no phrase of the outlet's to show.
    assert unit["vehemently"] == "vehemently"
    assert term_unit(nlp("They vehemently deny it.")[1], "They vehemently deny it.") == "vehemently deny"


def test_a_compound_of_two_common_words_and_a_form_english_never_uses():
    from newsprism.compare.lexicon import FEATURES, compound

    assert compound("stationhouse") and compound("speechwriters")
    assert not compound("kerfuffle") and not compound("lawman")  # "law" is too short to tell
    noun = dict(zip(FEATURES, word_features("stationhouse", "stationhouse", "NOUN"), strict=True))
    verb = dict(zip(FEATURES, word_features("stationhouse", "stationhouse", "VERB"), strict=True))
    assert noun["compound"] == 1.0 and verb["compound"] == 0.0
    # A typo whose lemma is a lexicon word is still no word.
    assert word_features("difficults", "difficult", "NOUN") is None
    assert word_features("difficult", "difficult", "ADJ") is not None


def test_a_lower_case_word_tagged_as_a_proper_noun_is_still_read(nlp):
    from spacy.tokens import Doc

    from newsprism.compare.voice import own_words

    # The small tagger sometimes reads an ordinary word as a proper noun ("the *slain* teen"),
    # which used to drop it with the names; a capitalised proper noun stays a name.
    words = ["Mourners", "met", "Orlavo", "and", "the", "slain", "teen", "'s", "family", "."]
    pos = ["NOUN", "VERB", "PROPN", "CCONJ", "DET", "PROPN", "NOUN", "PART", "NOUN", "PUNCT"]
    doc = Doc(nlp.vocab, words=words, pos=pos, sent_starts=[True] + [False] * 9)
    found = {w for w, *_ in own_words(doc.text, doc)}
    assert "slain" in found
    assert "orlavo" not in found


def test_an_abbreviation_in_the_plural_is_not_an_own_voice_word(nlp):
    from newsprism.compare.voice import own_words

    text = "Angry PUMAs and several NGOs marched against the scandalous plan."
    doc = nlp(text)
    words = [w for w, *_ in own_words(own_voice(text, [], doc), doc)]
    assert "pumas" not in words and "ngos" not in words
    assert "scandalous" in words and "angry" in words


def test_a_loaded_word_before_a_name_is_shown_without_the_name(nlp):
    from newsprism.compare.voice import term_unit

    text = "Voters saw a derisive Vell on stage, and an unruly young mob at the gate."
    doc = nlp(text)
    word = {t.text: t for t in doc}
    assert term_unit(word["derisive"], text) == "derisive"
    assert term_unit(word["unruly"], text) == "unruly young mob"
