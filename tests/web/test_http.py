"""Every page and API route over the example store, through the ASGI app (no network)."""

from __future__ import annotations

import re
from urllib.parse import quote

import pytest
from markupsafe import escape
from starlette.testclient import TestClient

from newsprism.errors import StoreError
from newsprism.store import Store
from newsprism.web import create_app
from newsprism.web.guard import CSP
from tests.web.conftest import HOSTILE


@pytest.fixture(scope="module")
def client(site):
    return TestClient(
        create_app(site.db, site.reports, allowed_hosts=["testserver"]), raise_server_exceptions=False
    )


def _ok(client, url: str) -> str:
    r = client.get(url)
    assert r.status_code == 200, (url, r.status_code, r.text[:300])
    assert r.headers["content-security-policy"] == CSP
    assert r.headers["x-content-type-options"] == "nosniff"
    return r.text


def test_stories_page_lists_both_stories_newest_first(client, site):
    html = _ok(client, "/stories")
    titles = re.findall(r'class="story-link" href="/stories/([^"]+)"', html)
    assert titles == [site.hostile_story, site.example_story]  # May 2024 before March 2024
    assert "<polyline" in html and "Carrowmere" in html
    api = client.get("/api/stories").json()
    assert api["total"] == 2 and [s["id"] for s in api["stories"]] == titles
    assert api["stories"][1]["per_day"] == {"2024-03-13": 4, "2024-03-14": 1, "2024-03-15": 1}


def test_stories_filters(client, site):
    assert client.get("/api/stories?q=sprinkler").json()["total"] == 1
    assert client.get("/api/stories?outlet=Meridian%20Post").json()["stories"][0]["id"] == site.example_story
    assert client.get("/api/stories?since=2024-04-01").json()["total"] == 1
    assert client.get("/api/stories?until=2024-03-13").json()["total"] == 1
    assert client.get("/api/stories?since=2030-01-01").json()["total"] == 0
    assert client.get("/api/stories?page=999999").json()["stories"] == []
    r = client.get("/api/stories?q=%22open")
    assert r.status_code == 400 and "FTS5" in r.json()["error"]


def test_story_page_has_findings_first_and_every_section(client, site):
    html = _ok(client, f"/stories/{site.example_story}")
    assert html.index("Key findings") < html.index('id="summary"')
    for anchor in ("summary", "coverage", "disputes", "quotes", "only", "framing", "timeline", "provenance"):
        assert f'id="{anchor}"' in html
    assert 'class="matrix"' in html and 'class="timeline"' in html and 'class="graph"' in html
    report = client.get(f"/api/stories/{site.example_story}/report").json()
    for c in report["contradictions"]:
        assert escape(c["note"]) in html
    for d in report["disputes"]:
        assert escape(d["claim"]) in html
    links = re.findall(r'href="/articles/([^"?]+)\?span=(\d+)-(\d+)#s-\2-\3"', html)
    assert len(links) > 20
    data = client.get(f"/api/stories/{site.example_story}").json()
    assert {"findings", "summary", "matrix", "timeline", "provenance", "quote_groups"} <= set(data)
    assert any(f["kind"] == "altered quote" for f in data["findings"])
    report = client.get(f"/api/stories/{site.example_story}/report").json()
    assert report["schema"].startswith("newsprism.brief/") and len(report["articles"]) == 6


def test_a_story_id_prefix_works_and_a_wrong_one_is_a_404(client, site):
    assert client.get(f"/api/stories/{site.example_story[:10]}").status_code == 200
    r = client.get("/stories/st-nothing-here")
    assert r.status_code == 404 and "no story" in r.text and "Traceback" not in r.text
    assert client.get("/api/stories/zz").json()["error"].startswith("no story")


def test_article_page_marks_the_cited_span(client, site):
    story = client.get(f"/api/stories/{site.example_story}").json()
    formats = {
        a["id"]: a["format"]
        for a in client.get(f"/api/stories/{site.example_story}/report").json()["articles"]
    }
    cite = next(c for s in story["summary"] for c in s["cites"] if formats[c["article_id"]] == "text")
    html = _ok(client, cite["href"].split("#")[0])
    start, end = re.search(r"span=(\d+)-(\d+)", cite["href"]).groups()
    assert f'id="s-{start}-{end}"' in html
    assert re.search(r'<mark class="[^"]*target[^"]*">', html)
    assert "Removed by cleaning" in html and re.search(r"line in the text: “[^”]*2024", html)
    assert "a line of the text: “By " in html  # the byline the author came from
    data = client.get(f"/api/articles/{cite['article_id']}").json()
    assert data["article"]["outlet"] and data["quotes"] and data["paragraphs"]
    assert "syntactic" not in html  # the "how" column is in plain words


def test_search_pages_and_a_malformed_query(client):
    html = _ok(client, "/search?q=sprinkler")
    assert "<mark>" in html and "sprinkler" in html.lower()
    data = client.get("/api/search?q=sprinkler%20AND%20union").json()
    assert data["articles"] and all(h["href"].startswith("/articles/") for h in data["articles"])
    quotes = client.get("/api/search?q=speaker%3AHolloway%20AND%20fire").json()["quotes"]  # FTS5 over quotes
    assert quotes and all(x["speaker"] == "Maren Holloway" for x in quotes)
    r = client.get("/search?q=%22unclosed%20AND")
    assert r.status_code == 400
    assert "could not be run" in r.text and "FTS5 syntax" in r.text and "Traceback" not in r.text
    assert client.get("/search?q=" + "x" * 600).status_code == 400


def test_people_person_outlets_outlet(client, site):
    assert "Maren Holloway" in _ok(client, "/people")
    html = _ok(client, "/people/" + quote("Maren Holloway"))
    assert "<del>" in html or "<ins>" in html  # each outlet's version with its diff
    assert client.get("/api/people/Holloway").json()["aliases"]  # a surname finds the person
    assert client.get("/people/Nobody%20Atall").status_code == 404
    assert "Meridian Post" in _ok(client, "/outlets")
    data = client.get("/api/outlets/" + quote("Meridian Post")).json()
    assert data["profile"]["articles"] == 1 and data["articles"]
    assert data["in_stories"] == {"stories": 1, "alone": 0}
    hostile = client.get("/api/outlets/" + quote(HOSTILE["outlet"], safe="")).json()
    assert hostile["in_stories"] == {"stories": 1, "alone": 1}
    assert client.get("/api/outlets/Nowhere").status_code == 404


def test_hostile_article_is_escaped_everywhere(client, site):
    pages = [
        "/stories",
        f"/stories/{site.hostile_story}",
        f"/articles/{site.hostile_article}",
        "/outlets",
        "/outlets/" + quote(HOSTILE["outlet"], safe=""),
        "/search?q=mayor",
    ]
    for url in pages:
        html = _ok(client, url)
        for raw in ("<script>window", "<img src=x", "<svg onload", "<b onmouseover", "</mark></p></div><h1>"):
            assert raw not in html, (url, raw)
        assert "\x1b" not in html and "\x07" not in html, url
        assert 'href="javascript:' not in html.lower(), url
    html = _ok(client, f"/articles/{site.hostile_article}")
    assert "&lt;script&gt;window.pwned=1&lt;/script&gt;" in html
    assert "javascript:window.pwned=5" in html  # shown as text, never as a link
    assert html.count("<script") == 1  # the app's own script only


def test_static_assets_come_from_memory_only(client):
    assert client.get("/static/app.css").headers["content-type"].startswith("text/css")
    assert client.get("/static/app.js").headers["content-type"].startswith("text/javascript")
    for bad in ("/static/..%2f..%2fpyproject.toml", "/static/app.py", "/static/%2e%2e/app.py", "/static/"):
        assert client.get(bad).status_code == 404, bad


def test_limits_methods_and_hosts(client):
    assert client.post("/stories").status_code == 405
    assert client.request("GET", "/stories", content=b"x" * 10).status_code == 413
    assert client.get("/stories?q=" + "a" * 3000).status_code == 414
    assert client.get("/stories?" + "&".join(f"a{i}=1" for i in range(30))).status_code == 400
    assert client.get("/stories", headers={"host": "evil.example"}).status_code == 400  # DNS rebinding
    assert client.get("/stories", headers={"host": "127.0.0.1:8000"}).status_code == 200
    assert client.get("/", follow_redirects=False).headers["location"] == "/stories"


def test_server_errors_have_no_traceback(site):
    def boom(store, story_id):
        raise RuntimeError("secret internals")

    from newsprism.web import ReportCache

    client = TestClient(
        create_app(site.db, ReportCache(boom), allowed_hosts=["testserver"]), raise_server_exceptions=False
    )
    for url in (f"/stories/{site.example_story}", f"/api/stories/{site.example_story}"):
        r = client.get(url)
        assert r.status_code == 500
        assert "secret internals" not in r.text and "Traceback" not in r.text


def test_the_server_opens_the_store_read_only(site, tmp_path):
    with Store(site.db, read_only=True) as store, pytest.raises(Exception, match="readonly|read-only"):
        store.conn.execute("DELETE FROM articles")
    with pytest.raises(StoreError):
        create_app(tmp_path / "missing.db")


def test_people_pages_use_briefs_computed_in_the_background(site):
    import time

    from newsprism.web import ReportCache

    def compute(store, story_id):
        speaker = {"canonical": "Ada Quillfeather", "aliases": [], "quote_ids": [], "kind": "person"}
        return {"speakers": [speaker], "articles": [], "quotes": []}

    cold = TestClient(create_app(site.db, ReportCache(compute), allowed_hosts=["testserver"]))
    assert cold.get("/api/people").json()["coverage"] == {"analysed": 0, "shown": 0, "pending": 2, "total": 2}
    warm = TestClient(create_app(site.db, ReportCache(compute), allowed_hosts=["testserver"], warm=True))
    deadline = time.monotonic() + 10
    while warm.get("/api/people").json()["coverage"]["pending"] and time.monotonic() < deadline:
        time.sleep(0.05)
    data = warm.get("/api/people").json()
    assert data["coverage"]["analysed"] == 2 and data["people"][0]["name"] == "Ada Quillfeather"
