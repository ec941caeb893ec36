"""The article page marks a feed's summary stored in place of a page that could not be had."""

from __future__ import annotations

import dataclasses

from starlette.testclient import TestClient

from newsprism.analyze import clean_input
from newsprism.ingest.feeds import parse_feed, summary_document
from newsprism.settings import Settings
from newsprism.store import Store
from newsprism.web import ReportCache, create_app

FEED = b"""<?xml version="1.0"?><rss version="2.0"><channel><title>Farrowby &lt;i&gt;Post&lt;/i&gt;</title>
<item><title>Harbour wall &lt;script&gt;window.pwned=1&lt;/script&gt; repaired</title>
<link>https://post.example/wall</link>
<description>The harbour wall was repaired after the storm, the council said on Tuesday evening.</description>
</item></channel></rss>"""


def _page(tmp_path, art) -> str:
    db = tmp_path / "n.db"
    with Store(db) as store:
        store.add_article(art)
    client = TestClient(create_app(db, ReportCache(), allowed_hosts=["testserver"]))
    r = client.get(f"/articles/{art.id}")
    assert r.status_code == 200, r.text[:300]
    return r.text


def test_a_feed_summary_is_marked_on_its_article_page_and_its_text_escaped(tmp_path):
    (entry,) = parse_feed(FEED, "https://post.example/rss").entries
    art = clean_input(summary_document(entry, "https://post.example/rss"), Settings())
    # feedparser drops markup from titles; a stored title may still hold some: it is shown as text
    art = dataclasses.replace(art, title="Harbour wall <script>window.pwned=1</script> repaired")
    html = _page(tmp_path, art)
    assert 'class="stand-in"' in html and "the page itself could not be fetched" in html
    assert "<script>window" not in html and "&lt;script&gt;window.pwned=1&lt;/script&gt;" in html
    assert html.count("<script") == 1  # the app's own script only


def test_a_page_read_from_its_own_html_has_no_such_mark(tmp_path):
    (entry,) = parse_feed(FEED, "https://post.example/rss").entries
    doc = dataclasses.replace(summary_document(entry, "https://post.example/rss"), format="html")
    art = clean_input(doc, Settings())
    assert 'class="stand-in"' not in _page(tmp_path, art)
