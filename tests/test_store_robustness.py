"""Issue 15: a locked or concurrently created store is a clear error or just works; runs say how they ended."""

import os
import sqlite3
import subprocess
import sys

import pytest

from newsprism import analyze
from newsprism.analyze import ingest
from newsprism.cli import main
from newsprism.errors import StoreError
from newsprism.settings import load_settings
from newsprism.store import Store, db
from newsprism.store.migrate import migrations
from tests.conftest import ROOT

BODY = "Harbour crane inspection ordered {i}\n\nInspectors will check every crane on the quay, the port said ({i}).\n"


def test_a_store_locked_by_another_writer_is_one_clear_line(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(db, "LOCK_TIMEOUT", 0.2)
    path = tmp_path / "n.db"
    Store(path).close()
    (tmp_path / "a.txt").write_text(BODY.format(i=1))
    holder = sqlite3.connect(path)
    holder.execute("BEGIN IMMEDIATE")  # another process's write transaction
    try:
        with Store(path) as store, pytest.raises(StoreError, match="locked by another process"):
            ingest(store, [str(tmp_path / "a.txt")])
        assert main(["ingest", str(path), str(tmp_path / "a.txt"), "-q"]) == 2
    finally:
        holder.rollback()
        holder.close()
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Traceback" not in err
    assert "locked by another process" in err and "wait for the other newsprism run" in err


def test_several_processes_creating_one_new_store_all_succeed(tmp_path):
    for i in range(4):
        (tmp_path / f"{i}.txt").write_text(BODY.format(i=i))
    path = tmp_path / "new.db"
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    procs = [
        subprocess.Popen(
            [sys.executable, "-m", "newsprism", "ingest", str(path), str(tmp_path / f"{i}.txt"), "-q"],
            env=env,
            stderr=subprocess.PIPE,
            stdout=subprocess.DEVNULL,
            text=True,
        )
        for i in range(4)
    ]
    results = [(p.wait(timeout=120), p.stderr.read()) for p in procs]
    assert all(code == 0 for code, _ in results), results
    with Store(path) as store:
        assert store.count() == 4
        assert store.version == migrations()[-1][0]
        assert [r["status"] for r in store.runs()] == ["ok"] * 4
        members = store.conn.execute("SELECT article_id FROM story_members").fetchall()
        assert sorted(m[0] for m in members) == sorted(a.id for a in store.articles())  # each in one story
        assert store.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_a_run_that_fails_midway_is_marked_failed_and_keeps_its_groups(tmp_path, monkeypatch):
    for i in range(5):
        (tmp_path / f"{i}.txt").write_text(BODY.format(i=i))
    calls = []

    def insert_articles(self, articles, run_id=None):  # what ingest stores each group with
        calls.append(len(articles))
        if len(calls) == 2:
            raise StoreError("disk full", "free some space")
        return real_insert(self, articles, run_id)

    real_insert = analyze.Store.insert_articles
    monkeypatch.setattr(analyze.Store, "insert_articles", insert_articles)
    with Store(tmp_path / "n.db") as store:
        settings = load_settings(None, ["ingest.commit_every=2"])
        with pytest.raises(StoreError):
            ingest(store, [str(tmp_path)], settings)
        assert store.runs()[-1]["status"] == "failed" and store.runs()[-1]["finished_at"]
        assert store.count() == 2  # the first group was committed and stays
