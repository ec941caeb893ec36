"""A small store for the web tests: the bundled example plus one hostile article, with the
briefs of its stories computed once per session (the same call the story page makes)."""

from __future__ import annotations

import json
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from newsprism.analyze import ingest
from newsprism.store import Store
from newsprism.stories.persist import assign_stories, stored_stories, unassigned_articles
from newsprism.web import ReportCache, compute_report, create_app
from tests.conftest import EXAMPLE

# Every field a reader sees carries markup, script, a javascript: URL or terminal escapes.
HOSTILE = {
    "title": "Mayor <script>window.pwned=1</script> resigns \x1b[31mRED\x1b[0m \x1b]0;owned\x07"
    ' <img src=x onerror="window.pwned=2">',
    "author": 'Eve <b onmouseover="window.pwned=3">Hacker</b> \x1b[2J',
    "outlet": 'Evil <svg onload="window.pwned=4"> Times',
    "url": "javascript:window.pwned=5",
    "published": "2024-05-02",
    "text": (
        "The mayor of Quillhaven resigned on Thursday after a council vote, officials said. "
        '<script>window.pwned=6</script> "We will rebuild trust," the deputy mayor, Ivo Stark, said on Thursday.'
        '\n\nA link <a href="javascript:window.pwned=7">click</a> and an image <img src=x onerror="window.pwned=8">'
        " and a closing tag </mark></p></div><h1>INJECTED</h1> appear in the text. \x1b[31mred\x1b[0m"
        "\n\nThe council will choose a new mayor in June, a spokeswoman said."
    ),
}


class Site:
    """The store file, its stories and the filled report cache."""

    def __init__(self, db: Path, reports: ReportCache) -> None:
        self.db = db
        self.reports = reports
        with Store(db, read_only=True) as store:
            self.stories = {s.title: s for s in stored_stories(store)}
            self.articles = {a.outlet: a for a in store.articles()}

    @property
    def example_story(self) -> str:
        return next(s.id for s in self.stories.values() if len(s.article_ids) > 1)

    @property
    def hostile_story(self) -> str:
        return next(s.id for t, s in self.stories.items() if t.startswith("Mayor <script>"))

    @property
    def hostile_article(self) -> str:
        return self.articles[HOSTILE["outlet"]].id


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Site:
    folder = tmp_path_factory.mktemp("web")
    (folder / "hostile.jsonl").write_text(json.dumps(HOSTILE) + "\n", encoding="utf-8")
    db = folder / "news.db"
    with Store(db) as store:
        ingest(store, [str(EXAMPLE), str(folder / "hostile.jsonl")])
        assign_stories(store, unassigned_articles(store))
    reports = ReportCache()
    with Store(db, read_only=True) as store:
        for story in stored_stories(store):
            reports.put(story.id, len(story.article_ids), compute_report(store, story.id))
    return Site(db, reports)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="session")
def server(site: Site) -> Iterator[str]:
    """The app under uvicorn on a free loopback port, in a thread, for the browser tests."""
    import uvicorn

    port = _free_port()
    config = uvicorn.Config(
        create_app(site.db, site.reports), host="127.0.0.1", port=port, log_level="warning"
    )
    srv = uvicorn.Server(config)
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not srv.started and time.monotonic() < deadline:
        time.sleep(0.05)
    assert srv.started, "the test server did not start"
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(timeout=10)
