"""A byte-identical input under a second name is recorded as a duplicate, never dropped silently."""

from __future__ import annotations

import json

from newsprism.analyze import ingest
from newsprism.cli import main
from newsprism.store import Store

BODY = "Ferry strike ends\n\nThe ferry union called off its strike on Monday after a pay deal was agreed.\n"


def test_second_name_is_a_duplicate_of_the_stored_article(tmp_path) -> None:
    (tmp_path / "a.txt").write_text(BODY)
    (tmp_path / "copy.txt").write_text(BODY)
    with Store(tmp_path / "n.db") as store:
        first = ingest(store, [str(tmp_path / "a.txt")])
        second = ingest(store, [str(tmp_path / "copy.txt")])
        again = ingest(store, [str(tmp_path / "copy.txt"), str(tmp_path / "a.txt")])
        assert (first.added, second.added, store.count()) == (1, 0, 1)
        (dup,) = second.duplicates
        assert dup["path"].endswith("copy.txt") and dup["stored_path"].endswith("a.txt")
        assert dup["article_id"] == first.articles[0].id
        assert again.duplicates == []  # already recorded; the stored name itself is no duplicate
        assert [d["path"] for d in store.duplicates()] == [dup["path"]]


def test_both_names_in_one_run(tmp_path) -> None:
    (tmp_path / "a.txt").write_text(BODY)
    (tmp_path / "b.txt").write_text(BODY)
    with Store(tmp_path / "n.db") as store:
        batch = ingest(store, [str(tmp_path)])
    assert batch.added == 1 and len(batch.duplicates) == 1


def test_ingest_reports_duplicates_and_articles_lists_them(tmp_path, capsys) -> None:
    db = str(tmp_path / "n.db")
    (tmp_path / "a.txt").write_text(BODY)
    (tmp_path / "copy.txt").write_text(BODY)
    assert main(["ingest", db, str(tmp_path / "a.txt"), "--quiet"]) == 0
    capsys.readouterr()
    assert main(["ingest", db, str(tmp_path / "copy.txt"), "--quiet"]) == 0
    out = capsys.readouterr().out
    assert "duplicates: 1" in out and "copy.txt" in out
    assert main(["ingest", db, str(tmp_path / "copy.txt"), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["duplicates"] == []
    assert main(["articles", db, "--duplicates", "--json"]) == 0
    (row,) = json.loads(capsys.readouterr().out)
    assert row["path"].endswith("copy.txt") and row["stored_path"].endswith("a.txt")
