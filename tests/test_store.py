import sqlite3

import pytest

from newsprism.analyze import ingest
from newsprism.errors import NotFoundError, StoreError
from newsprism.store import Store
from newsprism.store.migrate import migrations

BODY = (
    "Headline about the harbour fire\n\nThe fire started late on Tuesday, the brigade said in a statement on Wednesday."
    "\n\nWhat comes next\n\nThe inquiry opens next week.\n"
)


def _corpus(tmp_path):
    (tmp_path / "a.txt").write_text(BODY)
    (tmp_path / "b.txt").write_text(BODY.replace("Tuesday", "Monday").replace("harbour", "river"))
    (tmp_path / "bad.txt").write_bytes(b"\x00\x01\x02binary")
    return tmp_path


def test_reingesting_changes_nothing(tmp_path):
    db = tmp_path / "n.db"
    (tmp_path / "in").mkdir()
    corpus = _corpus(tmp_path / "in")
    with Store(db) as store:
        first = ingest(store, [str(corpus)])
        second = ingest(store, [str(corpus)])
        assert (first.added, second.added) == (2, 0)
        assert store.count("articles") == 2
        assert [r["status"] for r in store.runs()] == ["partial", "partial"]
        assert len(store.rejections()) == 2  # one per run, recorded with its run
        assert store.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_articles_round_trip(tmp_path):
    with Store(tmp_path / "n.db") as store:
        (tmp_path / "a.txt").write_text(BODY)
        batch = ingest(store, [str(tmp_path / "a.txt")])
        original = batch.articles[0]
        loaded = store.article(original.id[:8])
        assert original.headings  # "What comes next" is a kept subheading
        assert loaded == original


def test_full_text_search_finds_words_and_survives_bad_syntax(tmp_path):
    with Store(tmp_path / "n.db") as store:
        ingest(store, [str(_corpus(tmp_path))])
        hits = store.search("Monday")
        assert len(hits) == 1 and "river" in hits[0]["title"] and "[Monday]" in hits[0]["snippet"]
        assert len(store.search('brigade "said')) == 2  # unbalanced quote: searched as a phrase, not an error
        assert len(store.search("brigade")) == 2


def test_failed_article_leaves_no_rows(tmp_path):
    with Store(tmp_path / "n.db") as store:
        (tmp_path / "a.txt").write_text(BODY)
        art = ingest(Store(":memory:"), [str(tmp_path / "a.txt")]).articles[0]
        broken = art.__class__(**{**art.__dict__, "removed": (None,)})  # removal insert will fail
        with pytest.raises(AttributeError):
            store.add_article(broken)
        assert store.count("articles") == 0 and store.count("removals") == 0
        assert store.add_article(art) is True


def test_interrupted_run_is_visible_and_next_run_completes(tmp_path):
    db = tmp_path / "n.db"
    corpus = _corpus(tmp_path)
    with Store(db) as store:
        store.begin_run("ingest", {}, [str(corpus)])  # killed before it finished
    with Store(db) as store:
        assert store.runs()[0]["finished_at"] is None
        assert ingest(store, [str(corpus)]).added == 2


def test_unknown_ids_and_non_databases_are_clear_errors(tmp_path):
    with Store() as store, pytest.raises(NotFoundError):
        store.article("nosuchid")
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(StoreError):
        Store(junk)


def test_schema_sections_are_numbered_and_applied():
    numbers = [n for n, _, _ in migrations()]
    assert numbers == sorted(numbers) and numbers[0] == 1
    with Store() as store:
        assert store.version == numbers[-1]
        tables = {r[0] for r in store.conn.execute("SELECT name FROM sqlite_master")}
        assert {"articles", "removals", "runs", "rejections", "articles_fts"} <= tables


def test_plain_sqlite_can_read_the_file(tmp_path):
    db = tmp_path / "n.db"
    with Store(db) as store:
        ingest(store, [str(_corpus(tmp_path))])
    conn = sqlite3.connect(db)
    assert conn.execute("SELECT count(*) FROM articles").fetchone()[0] == 2


def test_a_full_id_wins_over_longer_ids_it_prefixes():
    from dataclasses import replace

    from tests.stories_fixtures import FIRE_A, TAIWAN_A, article

    with Store() as store:
        store.add_articles(
            [replace(article(FIRE_A), id="abcdef12"), replace(article(TAIWAN_A), id="abcdef1234")]
        )
        assert store.resolve_id("articles", "abcdef12") == "abcdef12"  # exact, found by primary key
        assert store.resolve_id("articles", "abcdef123") == "abcdef1234"  # a unique prefix
        with pytest.raises(NotFoundError, match="more than one"):
            store.resolve_id("articles", "abcdef")
        with pytest.raises(NotFoundError, match="no article"):
            store.resolve_id("articles", "abc")  # too short to be a prefix
