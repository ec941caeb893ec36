"""The values contradictions read in an article's sentences, kept in the store in force: the
same values read back, and a miss whenever the sentences or the code change; and pairs of one
value never read further."""

import numpy as np
import pytest

from newsprism.compare import attributes, contradictions
from newsprism.compare.alignment import Alignment
from newsprism.model import Span, Statement
from newsprism.nlp import cache_articles, use_parse_cache
from newsprism.store import Store

ARTICLES = {
    "a1": [
        "The fire at the 4400 block of Tamsin Road broke out at about 3:10 p.m. on Tuesday.",
        "Warden Ilse Marrowby, 61, said 1,200 residents left their homes.",
    ],
    "a2": [
        "Crews reached the 4500 block of Tamsin Road at 3:40 p.m., the Quellbrook council said.",
        "The repairs will cost $2.5 million, a magnitude 4.2 tremor having cracked the dam.",
        "Mrs. Quillon, 58, led the crews.",  # an age whose person's sex a title tells
    ],
}


def _refused(text):
    raise AssertionError("read the sentence again")


def test_values_are_kept_and_read_back_the_same(tmp_path, monkeypatch):
    expected = {t: attributes.mentions(t) for texts in ARTICLES.values() for t in texts}
    kinds = {m.kind for found in expected.values() for m in found}
    assert {"block", "clock", "age", "money"} <= kinds  # ints, floats and strings as values
    assert any(m.sex for found in expected.values() for m in found)
    assert contradictions._article_mentions(ARTICLES) == expected  # no store: read
    with Store(tmp_path / "s.db") as store, use_parse_cache(store):
        assert contradictions._article_mentions(ARTICLES) == expected
        assert store.count("derived") == 2  # one entry per article
        monkeypatch.setattr(contradictions, "mentions", _refused)
        read = contradictions._article_mentions(ARTICLES)
        assert read == expected
        assert [type(m.value) for t in read for m in read[t]] == [
            type(m.value) for t in expected for m in expected[t]
        ]


def test_other_sentences_miss(tmp_path):
    calls = []

    def read(text):
        calls.append(text)
        return attributes.mentions(text)

    args = (contradictions._encode_mentions, contradictions._decode_mentions)
    with Store(tmp_path / "s.db") as store, use_parse_cache(store):
        cache_articles.kept_mentions(ARTICLES["a1"], read, *args)
        cache_articles.kept_mentions(ARTICLES["a1"], read, *args)
        assert len(calls) == 2
        cache_articles.kept_mentions(ARTICLES["a1"][:1], read, *args)  # a sentence fewer
        cache_articles.kept_mentions([ARTICLES["a1"][0] + " Again."], read, *args)  # another text
        assert len(calls) == 4


@pytest.mark.parametrize("kind", [cache_articles.mentions_kind, cache_articles.marks_kind])
def test_a_changed_module_misses(tmp_path, monkeypatch, kind):
    name = f"fake_{kind.__name__}"  # one module per case: the import system keeps what it found
    (tmp_path / f"{name}.py").write_text("RULE = 1\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    before = kind((name,))
    (tmp_path / f"{name}.py").write_text("RULE = 2\n")
    cache_articles._source.cache_clear()
    assert kind((name,)) not in (before, None)
    assert kind() is not None


def test_the_keys_name_the_value_and_mark_readers():
    assert {"newsprism.compare.attributes", "newsprism.compare.lexicon", "newsprism.quotes"} <= set(
        cache_articles.MENTION_CODE
    )
    assert "newsprism.compare.contradictions" in cache_articles.MARK_CODE
    assert set(cache_articles.MENTION_CODE) <= set(cache_articles.MARK_CODE)
    assert cache_articles.marks_kind() != cache_articles.mentions_kind()


def test_unreadable_code_keeps_nothing(tmp_path, monkeypatch):
    monkeypatch.setattr(cache_articles, "MENTION_CODE", ("newsprism.no_such_module",))
    with Store(tmp_path / "s.db") as store, use_parse_cache(store):
        assert contradictions._article_mentions(ARTICLES)
        assert store.count("derived") == 0


def test_one_value_twice_is_not_read_for_two_events(monkeypatch):
    texts = [
        "The fire at the 4400 block of Tamsin Road broke out on Tuesday, firefighters said.",
        "Firefighters said the fire at the 4400 block of Tamsin Road broke out on Tuesday.",
        "On Tuesday the fire broke out at the 4500 block of Tamsin Road, firefighters said.",
    ]
    sts = [
        Statement(id=f"s{i}", article_id=f"a{i}", text=t, span=Span(0, len(t))) for i, t in enumerate(texts)
    ]
    apart = Alignment(groups=((0,), (1,), (2,)), conflicts=(), sims=np.eye(3, dtype=np.float32))
    read = []
    two_events = contradictions._two_events

    def watched(ta, ma, tb, mb):
        read.append((ma.kind, ma.value, mb.value))
        return two_events(ta, ma, tb, mb)

    monkeypatch.setattr(contradictions, "_two_events", watched)
    found = contradictions.find_contradictions(sts, apart)
    assert {(c.a["statement_id"], c.b["statement_id"]) for c in found if "block" in c.note} == {
        ("s0", "s2"),
        ("s1", "s2"),
    }
    blocks = [r for r in read if r[0] == "block"]
    assert len(blocks) == 2 and all(a != b for _, a, b in blocks)


def test_the_key_covers_what_the_value_readers_import():
    """Every newsprism module the value readers import at module level, and what those import,
    is in the key's code (a package counts with all its files)."""
    import ast
    import importlib.util
    from pathlib import Path

    code = cache_articles.MENTION_CODE
    todo, seen = ["newsprism.compare.attributes"], set()
    while todo:
        name = todo.pop()
        if name in seen:
            continue
        seen.add(name)
        assert any(name == c or name.startswith(c + ".") for c in code), name
        spec = importlib.util.find_spec(name)
        if spec.submodule_search_locations:  # a package's __init__ names no reader here
            continue
        for node in ast.parse(Path(spec.origin).read_text(encoding="utf-8")).body:
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("newsprism"):
                todo.append(node.module)
    assert {"newsprism.compare.births", "newsprism.quotes.names", "newsprism.text"} <= seen


def test_group_marks_are_kept_and_read_back_the_same(tmp_path, monkeypatch):
    texts = {
        "a0": "The hearing in Quellbrook was held on Tuesday, March 3, 2015. It ran late.",
        "a1": "It ran from 1998 to 2004 in Quellbrook. The council met.",
    }
    sts = [
        Statement(id="s0", article_id="a0", text="It ran late.", span=Span(62, 74), sentence=Span(62, 74)),
        Statement(id="s1", article_id="a0", text=texts["a0"][:61], span=Span(0, 61), sentence=Span(0, 61)),
        Statement(id="s2", article_id="a1", text="It ran from 1998 to 2004 in Quellbrook.", span=Span(0, 39)),
    ]
    groups = ((0, 2), (1,))
    expected = {i: contradictions._marks(sts[i], texts) for i in range(3)}
    assert expected[1] and expected[2]  # dates, days and places found
    assert contradictions._group_marks(sts, groups, texts) == expected  # no store: read
    with Store(tmp_path / "s.db") as store, use_parse_cache(store):
        assert contradictions._group_marks(sts, groups, texts) == expected
        assert store.count("derived") == 2  # one entry per article
        monkeypatch.setattr(contradictions, "_marks", lambda *args: _refused(args))
        assert contradictions._group_marks(sts, groups, texts) == expected
        other = {**texts, "a0": texts["a0"].replace("Tuesday", "Friday")}
        with pytest.raises(AssertionError, match="read the sentence again"):  # another text: read
            contradictions._group_marks(sts, groups, other)
