"""Watch mode: polls, a page changed between polls (revision), network errors, restart, Ctrl-C."""

from __future__ import annotations

import json

import pytest

from newsprism import watch as watch_mod
from newsprism.analyze import analyze_story
from newsprism.brief.report import build_report
from newsprism.cli import main
from newsprism.errors import SettingsError
from newsprism.revisions import diff_articles, revision_lines
from newsprism.store import Store
from newsprism.store.intake import revisions, revisions_of, watched_feeds
from newsprism.stories.persist import story_articles
from newsprism.watch import parse_every, watch
from tests.conftest import make_article
from tests.http_fixture import FixtureServer
from tests.intake_site import STRIKE, page, serve_site
from tests.test_intake import fast_settings

CHANGED = (
    STRIKE[0],
    "The union said 260 members had voted for the strike after talks on pay broke down last week.",
    STRIKE[3],
    "Ferries to Holm will run a reduced timetable.",
)


@pytest.fixture
def site():
    with FixtureServer() as srv:
        serve_site(srv)
        yield srv


def test_a_page_changed_between_polls_becomes_a_revision(site, tmp_path):
    db = tmp_path / "news.db"
    settings = fast_settings(recheck_minutes=0)
    polls = []
    with Store(db) as store:
        watch(store, [site.url("/feed.xml")], settings, every_s=0.01, max_polls=1, on_poll=polls.append)
        site.routes["/news/strike"] = {"body": page("Ferry crews strike", CHANGED), "etag": '"s2"'}
        watch(store, [], settings, every_s=0.01, max_polls=1, on_poll=polls.append)  # feeds from the store
        revs = revisions(store, site.url("/news/strike"))
        stories = store.conn.execute("SELECT count(*) FROM story_members").fetchone()[0]
        runs = [r["command"] for r in store.runs()]
        story = store.conn.execute(
            "SELECT story_id FROM story_members WHERE article_id = ?", (revs[0]["article_id"],)
        ).fetchone()[0]
        in_story = [a.id for a in story_articles(store, story)]
        for_brief = revisions_of(store, in_story)
        brief = build_report(analyze_story(store, story))
    assert polls[0].counts["added"] == 3 and polls[0].stories_opened >= 1
    assert polls[1].counts["revised"] == 1 and polls[1].error is None
    assert runs == ["watch", "watch"] and stories == 4
    (rev,) = revs
    diff = rev["diff"]
    assert diff["summary"]["numbers_changed"] == 1 and diff["summary"]["quotes_removed"] == 1
    changed = diff["changed"][0]
    assert changed["numbers_removed"] == ["240"] and changed["numbers_added"] == ["260"]
    removed_quotes = [q for item in diff["removed"] + diff["changed"] for q in item.get("quotes_removed", [])]
    assert any("run out of patience" in q for q in removed_quotes)
    assert [s["text"] for s in diff["added"]] == ["Ferries to Holm will run a reduced timetable."]
    # the story speaks with the latest version only; the brief can list what changed, by outlet
    assert rev["article_id"] in in_story and rev["previous_id"] not in in_story
    assert [(r["outlet"], r["previous_id"]) for r in for_brief] == [("Harbour Times", rev["previous_id"])]
    # ... and the stored story's brief does: the quote taken out, the count changed
    (shown,) = brief["revisions"]
    assert shown["article_id"] == rev["article_id"] and shown["outlet"] == "Harbour Times"
    taken = [i for i in shown["items"] if i["kind"] == "removed"]
    assert any("run out of patience" in q for i in taken for q in i.get("quotes_removed", []))
    assert [i["numbers_added"] for i in shown["items"] if i["kind"] == "changed"] == [["260"]]


def test_a_restart_resumes_without_refetching(site, tmp_path):
    db = tmp_path / "news.db"
    with Store(db) as store:
        watch(store, [site.url("/feed.xml")], fast_settings(), every_s=0.01, max_polls=1)
    site.log.clear()
    with Store(db) as store:
        assert watched_feeds(store) == [site.url("/feed.xml")]
        (result,) = watch(store, [], fast_settings(), every_s=0.01, max_polls=1)
    assert site.paths() == ["/robots.txt", "/feed.xml"]  # the feed, conditionally: 304
    assert result.counts == {"unchanged (304)": 1}


def test_the_loop_survives_network_and_store_errors(site, tmp_path, monkeypatch):
    calls = {"n": 0}
    real = watch_mod.poll

    def flaky(*args, **kwargs):
        calls["n"] += 1
        if calls["n"] == 1:
            raise OSError("network is unreachable")
        return real(*args, **kwargs)

    monkeypatch.setattr(watch_mod, "poll", flaky)
    with Store(tmp_path / "n.db") as store:
        results = watch(
            store, [site.url("/feed.xml"), "http://127.0.0.1:9/feed"], fast_settings(), 0.01, max_polls=2
        )
    assert results[0].error and "network is unreachable" in results[0].error
    assert results[1].error is None and results[1].counts["added"] == 3
    assert any("127.0.0.1:9/feed" in r.line() for r in results[1].rejections)


def test_ctrl_c_stops_cleanly_and_keeps_what_was_stored(site, tmp_path, monkeypatch, capsys):
    real = watch_mod.poll
    calls = {"n": 0}

    def then_interrupt(*args, **kwargs):
        calls["n"] += 1
        if calls["n"] == 2:
            raise KeyboardInterrupt
        return real(*args, **kwargs)

    monkeypatch.setattr(watch_mod, "poll", then_interrupt)
    db = tmp_path / "n.db"
    sets = ["fetch.host_interval_s=0", "fetch.backoff_s=0.01"]
    code = main(
        [
            "watch",
            str(db),
            site.url("/feed.xml"),
            "--every",
            "1s",
            "--json",
            *[x for s in sets for x in ("--set", s)],
        ]
    )
    out, err = capsys.readouterr()
    assert code == 0 and "watch stopped" in err and "Traceback" not in err
    first = json.loads(out.splitlines()[0])
    assert first["counts"]["added"] == 3
    with Store(db) as store:
        assert store.count() == 3


def test_parse_every():
    assert parse_every("15m") == 900 and parse_every("30s") == 30 and parse_every("2h") == 7200
    assert parse_every("45") == 45
    with pytest.raises(SettingsError):
        parse_every("soon")


def test_diff_articles_reports_numbers_quotes_and_headline():
    old = make_article("Twelve homes were flooded. “It was terrifying,” said Ann Moss. Crews left at dawn.")
    new = make_article("Fourteen homes were flooded. Crews left at dawn. The council will meet on Friday.")
    old = old.__class__(**{**old.__dict__, "title": "Flood hits homes"})
    diff = diff_articles(old, new)
    assert diff["changed"][0]["numbers_removed"] == ["12"] and diff["changed"][0]["numbers_added"] == ["14"]
    assert diff["removed"][0]["quotes_removed"] == ["“It was terrifying,”"]
    assert diff["added"][0]["text"] == "The council will meet on Friday."
    assert diff["title"] == {"before": "Flood hits homes", "after": None}
    lines = revision_lines(diff)
    assert lines[0].startswith("headline:") and any(ln.startswith("removed (quotes removed") for ln in lines)
    # spans point into each version's own text
    span = diff["added"][0]
    assert new.text[span["start"] : span["end"]] == span["text"]


@pytest.mark.parametrize("slow", ["feed", "page"])
def test_ctrl_c_during_a_slow_fetch_stops_at_once(site, tmp_path, capsys, slow):
    import signal
    import threading
    import time

    from tests.intake_site import rss

    site.routes["/slow-feed"] = {"delay": 5.0, "body": "<rss></rss>"}
    site.routes["/slow-page"] = {"delay": 5.0, "body": "<p>late</p>"}
    site.routes["/feed-of-slow"] = {"body": rss(site.base, [("/slow-page", "Late", "Late page.")])}
    feed = site.url("/slow-feed" if slow == "feed" else "/feed-of-slow")
    # a real SIGINT to the main thread, as a terminal's Ctrl-C gives (it interrupts a blocking read)
    timer = threading.Timer(0.7, signal.pthread_kill, (threading.main_thread().ident, signal.SIGINT))
    timer.start()
    t0 = time.perf_counter()
    code = main(
        [
            "watch",
            str(tmp_path / "n.db"),
            feed,
            "--set",
            "fetch.read_timeout_s=30",
            "--set",
            "fetch.host_interval_s=0",
        ]
    )
    elapsed = time.perf_counter() - t0
    assert code == 0 and "watch stopped" in capsys.readouterr().err
    assert elapsed < 3


def test_ctrl_c_ends_the_process_at_once_though_a_request_is_in_flight(site, tmp_path):
    """A real process and a real SIGINT: in-flight fetch threads must not hold the exit."""
    import os
    import signal
    import subprocess
    import sys
    import time

    from tests.conftest import ROOT
    from tests.intake_site import rss

    site.routes["/slow-page"] = {"delay": 30.0, "body": "<p>late</p>"}
    site.routes["/feed-of-slow"] = {"body": rss(site.base, [("/slow-page", "Late", "Late page.")])}
    cmd = [sys.executable, "-m", "newsprism", "watch", str(tmp_path / "n.db"), site.url("/feed-of-slow")]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen(
        [*cmd, "--set", "fetch.host_interval_s=0"], env=env, stderr=subprocess.PIPE, text=True
    )
    deadline = time.monotonic() + 60
    while "/slow-page" not in site.paths() and time.monotonic() < deadline:
        time.sleep(0.05)
    t0 = time.monotonic()
    proc.send_signal(signal.SIGINT)
    err = proc.communicate(timeout=20)[1]
    assert proc.returncode == 0 and "watch stopped" in err
    assert time.monotonic() - t0 < 5


def test_a_feed_down_at_the_first_poll_is_watched_and_read_when_it_is_back(site, tmp_path):
    site.routes["/late-feed.xml"] = {"statuses": [500, 500, 500], "body": site.routes["/feed.xml"]["body"]}
    site.routes["/late-feed.xml"]["type"] = "application/rss+xml"
    db = tmp_path / "n.db"
    with Store(db) as store:
        (first,) = watch(store, [site.url("/late-feed.xml")], fast_settings(retries=2), 0.01, max_polls=1)
        assert watched_feeds(store) == [site.url("/late-feed.xml")]
        (second,) = watch(store, [], fast_settings(), 0.01, max_polls=1)
    assert "HTTP 500 after 3 tries" in first.rejections[0].line()
    assert second.counts["added"] == 3


def test_revisions_command_lists_what_changed(site, tmp_path, capsys):
    db = tmp_path / "news.db"
    settings = fast_settings(recheck_minutes=0)
    with Store(db) as store:
        watch(store, [site.url("/feed.xml")], settings, every_s=0.01, max_polls=1)
        site.routes["/news/strike"] = {"body": page("Ferry crews strike", CHANGED), "etag": '"s2"'}
        watch(store, [], settings, every_s=0.01, max_polls=1)
    capsys.readouterr()
    assert main(["revisions", str(db)]) == 0
    text = capsys.readouterr().out
    assert site.url("/news/strike") in text and "numbers removed ['240']" in text
    assert "removed (quotes removed" in text  # the quote the outlet took out, named on its line
    assert main(["revisions", str(db), site.url("/news/strike"), "--json"]) == 0
    (rev,) = json.loads(capsys.readouterr().out)
    assert rev["diff"]["summary"]["sentences_added"] == 1 and site.url("/news/strike") in rev["urls"]


def test_an_interrupted_poll_is_marked_in_its_run(site, tmp_path, monkeypatch):
    import newsprism.watch as w

    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(w, "assign_stories", interrupted)
    with Store(tmp_path / "n.db") as store:
        with pytest.raises(KeyboardInterrupt):
            watch(store, [site.url("/feed.xml")], fast_settings(), 0.01, max_polls=1)
        (run,) = store.runs()
        assert run["status"] == "interrupted" and store.count() == 3  # the pages stored stay


def test_ctrl_c_stops_the_watch_though_a_library_left_a_failing_handler(site, tmp_path, capsys):
    """A SIGINT handler that raises something else (pyspark's, once its context stopped) must
    not turn Ctrl-C into a fetch error and leave the loop waiting for the next poll."""
    import signal
    import threading
    import time

    def broken(_signum, _frame):
        raise RuntimeError("the context this handler belongs to is gone")

    site.routes["/slow-feed"] = {"delay": 5.0, "body": "<rss></rss>"}
    previous = signal.signal(signal.SIGINT, broken)
    timer = threading.Timer(0.7, signal.pthread_kill, (threading.main_thread().ident, signal.SIGINT))
    try:
        timer.start()
        t0 = time.perf_counter()
        code = main(
            ["watch", str(tmp_path / "n.db"), site.url("/slow-feed"), "--set", "fetch.host_interval_s=0"]
        )
        elapsed = time.perf_counter() - t0
        assert signal.getsignal(signal.SIGINT) is broken  # the caller's handler is given back
    finally:
        timer.cancel()
        signal.signal(signal.SIGINT, previous)
    assert code == 0 and "watch stopped" in capsys.readouterr().err
    assert elapsed < 3
