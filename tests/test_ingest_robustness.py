"""Bad input and interrupted runs: nothing half-written, the next run completes."""

import os
import signal
import sqlite3
import subprocess
import sys
import time

from newsprism.analyze import ingest
from newsprism.store import Store
from tests.conftest import ROOT

BODY = "Harbour crane inspection ordered after storm\n\nInspectors will check every crane on the quay, the port said on Friday in its statement number {i}.\n"


def test_a_50_mb_file_is_refused_without_being_read(tmp_path):
    big = tmp_path / "huge.txt"
    with open(big, "wb") as fh:
        fh.truncate(50 * 1_000_000)  # sparse: costs no disk and no time
    (tmp_path / "ok.txt").write_text(BODY.format(i=1))
    with Store() as store:
        batch = ingest(store, [str(tmp_path)])
    assert [a.path for a in batch.articles] == [str(tmp_path / "ok.txt")]
    assert "50.0 MB" in batch.rejections[0].reason


def test_killed_ingest_leaves_a_consistent_store_that_the_next_run_completes(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    n = 400
    for i in range(n):
        (corpus / f"{i:04d}.txt").write_text(BODY.format(i=i) * 3)
    db = tmp_path / "n.db"
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    proc = subprocess.Popen(
        [sys.executable, "-m", "newsprism", "ingest", str(db), str(corpus), "-q"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.time() + 30
    while time.time() < deadline and proc.poll() is None:
        try:
            with sqlite3.connect(db, timeout=1) as conn:
                if conn.execute("SELECT count(*) FROM articles").fetchone()[0] >= 20:
                    break
        except sqlite3.Error:
            pass
        time.sleep(0.02)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    with Store(db) as store:
        assert store.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        partial = store.count("articles")
        orphans = store.conn.execute(
            "SELECT count(*) FROM removals WHERE article_id NOT IN (SELECT id FROM articles)"
        ).fetchone()[0]
        assert orphans == 0
        assert 0 < partial <= n
        batch = ingest(store, [str(corpus)])
        assert batch.added == n - partial
        assert store.count("articles") == n
