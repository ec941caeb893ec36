"""What a step finds in a text from the text alone, kept in the store in force (the temporal
tagger's pattern matches): the same mentions, read back instead of scanned again."""

import sqlite3

import pytest

from newsprism.nlp import use_parse_cache
from newsprism.nlp.cache import derived
from newsprism.store import Store
from newsprism.temporal import tagger

TEXT = "The ferry left Port Aldwin on Tuesday, March 3, 2015, two days after the storm."


def test_matches_are_kept_and_read_back(tmp_path, monkeypatch):
    expected = tagger.find_mentions(TEXT)
    assert expected  # the text has dates to find
    with Store(tmp_path / "s.db") as store, use_parse_cache(store):
        assert tagger.find_mentions(TEXT) == expected
        assert store.count("derived") == 1

        def scanned(text):
            raise AssertionError("scanned again")

        monkeypatch.setattr(tagger, "_all_matches", scanned)
        assert tagger.find_mentions(TEXT) == expected


def test_a_changed_kind_misses(tmp_path):
    with Store(tmp_path / "s.db") as store, use_parse_cache(store):
        assert derived("a", TEXT, len, lambda n: str(n).encode(), lambda b: -1) == len(TEXT)
        assert derived("a", TEXT, len, lambda n: str(n).encode(), lambda b: int(b)) == len(TEXT)
        assert derived("b", TEXT, lambda t: 7, lambda n: str(n).encode(), int) == 7


def test_a_store_that_cannot_keep_only_costs_the_work(tmp_path):
    with Store(tmp_path / "s.db") as store, use_parse_cache(store):
        store.conn.execute("DROP TABLE derived")  # an older store, say
        assert derived("a", TEXT, len, lambda n: b"", int) == len(TEXT)


def test_without_a_store_nothing_is_kept():
    assert derived("a", TEXT, len, lambda n: pytest.fail("encoded"), int) == len(TEXT)


def test_the_table_comes_with_the_schema(tmp_path):
    with Store(tmp_path / "s.db"):
        pass
    names = {r[0] for r in sqlite3.connect(tmp_path / "s.db").execute("SELECT name FROM sqlite_master")}
    assert "derived" in names
