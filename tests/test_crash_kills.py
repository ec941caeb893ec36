"""Issue 15: ten kill -9s at random points of one ingest; the store stays sound and ends as a clean run's."""

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time

from tests.conftest import ROOT

KILLS = 10
# Large enough that no ingest can store the rest of the corpus before a busy machine's poller
# sees its kill target (with 400, a run under load 19 once finished before its kill).
N = 1000
TOPICS = ["harbour fire", "ferry strike", "bridge repair", "school opening", "flood warning"]


def _corpus(folder, n=N):
    folder.mkdir()
    for i in range(n):
        topic = TOPICS[i % len(TOPICS)]
        (folder / f"{i:04d}.txt").write_text(
            f"Update {i} on the {topic}\n\nOfficials said on Monday that the {topic} affected {i * 3 + 7} people"
            f" in district {i % 11}, and that a review would follow within {i % 9 + 2} weeks.\n"
        )


def _cmd(db, corpus):
    return [sys.executable, "-m", "newsprism", "ingest", str(db), str(corpus), "-q",
            "--set", "ingest.commit_every=10"]  # fmt: skip


def _count(db):
    try:
        with sqlite3.connect(db, timeout=0.2) as conn:
            return conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    except sqlite3.Error:
        return -1


def _kill_after_progress(db, corpus, env, rng):
    """Start an ingest and kill -9 it once it has stored a random number (1-25) of new articles."""
    target = max(0, _count(db)) + rng.randint(1, 25)
    proc = subprocess.Popen(_cmd(db, corpus), env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.time() + 60
    while time.time() < deadline and proc.poll() is None and _count(db) < target:
        time.sleep(0.005)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    return proc.returncode


def _lingering(db, grace=10.0):
    """Processes still running with ``db`` in their command line (Linux /proc), after a grace."""
    deadline = time.time() + grace
    while True:
        found = []
        for entry in os.listdir("/proc"):
            try:
                with open(f"/proc/{entry}/cmdline", "rb") as f:
                    if str(db).encode() in f.read():
                        found.append(int(entry))
            except (OSError, ValueError):
                continue
        if not found or time.time() > deadline:
            return found
        time.sleep(0.1)


def _state(db):
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        articles = conn.execute(
            "SELECT id, path, title, text, offsets_json FROM articles ORDER BY id"
        ).fetchall()
        removals = conn.execute(
            "SELECT article_id, seq, reason, raw_start FROM removals ORDER BY 1, 2"
        ).fetchall()
        members = conn.execute("SELECT story_id, article_id FROM story_members").fetchall()
    stories: dict[str, set[str]] = {}
    for story, article in members:
        stories.setdefault(story, set()).add(article)
    return articles, removals, sorted(sorted(s) for s in stories.values())


def test_ten_random_kills_leave_a_sound_store_that_completes_to_a_clean_runs(tmp_path):
    corpus = tmp_path / "corpus"
    _corpus(corpus)
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    clean_db, killed_db = tmp_path / "clean.db", tmp_path / "killed.db"
    subprocess.run(_cmd(clean_db, corpus), env=env, check=True, capture_output=True, timeout=300)
    rng = random.Random(15)
    codes = [_kill_after_progress(killed_db, corpus, env, rng) for _ in range(KILLS)]
    assert codes == [-signal.SIGKILL] * KILLS
    assert _lingering(killed_db) == []  # no reader process outlives its killed run
    partial = _state(killed_db)  # sound after the last kill already
    assert 0 < len(partial[0]) < N
    subprocess.run(_cmd(killed_db, corpus), env=env, check=True, capture_output=True, timeout=300)
    assert _state(killed_db) == _state(clean_db)
