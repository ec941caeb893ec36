"""The parse cache keeps this process's Docs live, so later stages do not rebuild them."""

from newsprism.nlp import MemoryParseCache, cache, load_spacy, model_key, parse_cached
from newsprism.nlp.cache import balanced_batch


def test_a_later_stage_gets_the_same_doc_without_rebuilding_it(monkeypatch):
    nlp = load_spacy()
    store = MemoryParseCache()
    first = parse_cached(nlp, [("live-1", "The ferry left at noon, the captain said.")], store)

    def rebuilt(*_args):
        raise AssertionError("rebuilt from bytes a Doc this process already holds")

    monkeypatch.setattr(cache, "doc_from_bytes", rebuilt)
    second = parse_cached(nlp, [("live-1", "The ferry left at noon, the captain said.")], store)
    assert second[0] is first[0]


def test_a_live_doc_still_fills_a_cache_that_lacks_it():
    nlp = load_spacy()
    parse_cached(nlp, [("live-2", "Crews cleared the road by Tuesday.")], MemoryParseCache())
    other = MemoryParseCache()
    parse_cached(nlp, [("live-2", "Crews cleared the road by Tuesday.")], other)
    assert other.get_parse("live-2", model_key(nlp)) is not None


def test_a_changed_text_under_the_same_id_is_parsed_again():
    nlp = load_spacy()
    parse_cached(nlp, [("live-3", "The council met.")], None)
    again = parse_cached(nlp, [("live-3", "The council met on Friday.")], None)
    assert again[0].text == "The council met on Friday."


def test_live_docs_are_bounded_by_text_length(monkeypatch):
    nlp = load_spacy()
    monkeypatch.setattr(cache, "LIVE_CHARS", 40)
    parse_cached(nlp, [("live-4", "A first short sentence here."), ("live-5", "A second short one.")], None)
    assert ("live-4", model_key(nlp)) not in cache._LIVE
    assert ("live-5", model_key(nlp)) in cache._LIVE


def test_pipe_batches_give_every_worker_a_share():
    assert balanced_batch(30, 2, 32) == 4  # one batch of 32 would go to one worker
    assert balanced_batch(100, 2, 32) == 13
    assert balanced_batch(5000, 2, 32) == 32  # large runs keep the configured size
    assert balanced_batch(100, 1, 32) == 32  # one process: nothing to balance
    assert balanced_batch(1, 4, 32) == 1
