"""Web intake end to end against a local site: feeds, sitemaps, URL lists, OPML, dedup, re-runs."""

from __future__ import annotations

import dataclasses

import pytest

from newsprism.analyze import ingest
from newsprism.cli import main
from newsprism.intake import Target, due_request, is_web_input
from newsprism.settings import Settings
from newsprism.store import Store
from newsprism.store.intake import article_urls, page_state
from tests.http_fixture import FixtureServer
from tests.intake_site import rss, serve_site


def fast_settings(**fetch) -> Settings:
    s = Settings()
    base = dict(host_interval_s=0.0, backoff_s=0.01, read_timeout_s=0.5, connect_timeout_s=0.5)
    return dataclasses.replace(s, fetch=dataclasses.replace(s.fetch, **{**base, **fetch}))


@pytest.fixture
def site():
    with FixtureServer() as srv:
        serve_site(srv)
        yield srv


def _by_path(batch):
    return {a.path.split("/", 3)[-1]: a for a in batch.articles}


def test_a_feed_gives_its_pages_with_feed_metadata_and_polite_failures(site):
    with Store(":memory:") as store:
        batch = ingest(store, [site.url("/feed.xml")], fast_settings())
        arts = _by_path(batch)
    assert set(arts) == {"news/strike", "news/bridge", "news/gone"}
    strike = arts["news/strike"]
    assert strike.url == site.url("/news/strike")  # tracking parameter dropped
    assert (strike.outlet, strike.title, strike.published) == (
        "Harbour Times",
        "Ferry crews strike",
        "2024-05-06",
    )
    assert "240 members" in strike.text
    # the 503 was retried; the 404 page fell back on the feed's summary, marked so
    assert site.paths().count("/news/bridge") == 2
    gone = arts["news/gone"]
    assert gone.format == "feed-summary" and "forty years" in gone.text
    assert batch.fetched["feed summary used"] == 1
    # robots.txt: one line naming the URL and what to do
    (rej,) = batch.rejections
    assert (
        rej.path == site.url("/private/memo") and "robots.txt" in rej.line() and "leave it out" in rej.line()
    )
    # nothing a page names is fetched
    assert not [p for p in site.paths() if p.startswith(("/img", "/js", "/css"))]
    assert "/private/memo" not in site.paths()


def test_running_again_fetches_only_the_feed_conditionally(site, tmp_path):
    db = tmp_path / "news.db"
    with Store(db) as store:
        ingest(store, [site.url("/feed.xml")], fast_settings())
    site.log.clear()
    with Store(db) as store:
        batch = ingest(store, [site.url("/feed.xml")], fast_settings())
        total = store.count()
    assert site.paths() == ["/robots.txt", "/feed.xml"]
    assert site.log[1][2]["If-None-Match"] == '"f1"'
    assert batch.added == 0 and batch.fetched["unchanged (304)"] == 1 and total == 3


def test_sitemap_index_url_list_redirect_and_amp_copy_stored_once(site, tmp_path):
    urls = tmp_path / "urls.txt"
    urls.write_text(f"# pages\n{site.url('/old/strike')}\n\n{site.url('/news/strike?utm_campaign=x')}\n")
    assert is_web_input(str(urls))
    with Store(":memory:") as store:
        first = ingest(store, [str(urls)], fast_settings())
        second = ingest(store, [site.url("/sitemap_index.xml")], fast_settings())
        strike = first.articles[0]
        urls_kept = article_urls(store, strike.id)
        total = store.count()
    assert len(first.articles) == 1 and first.fetched["added"] == 1
    assert {"/sitemap_index.xml", "/sitemap-news.xml", "/news/market", "/news/strike/amp"} <= set(
        site.paths()
    )
    assert [a.title for a in second.articles] == ["Market footfall doubles"]
    assert total == 2  # the AMP copy is the strike article, stored once
    assert set(urls_kept) >= {site.url("/old/strike"), site.url("/news/strike"), site.url("/news/strike/amp")}


def test_opml_and_atom_and_home_page_discovery(site, tmp_path):
    opml = tmp_path / "feeds.opml"
    opml.write_text(
        f'<?xml version="1.0"?><opml version="2.0"><body><outline text="news">'
        f'<outline type="rss" xmlUrl="{site.url("/atom.xml")}"/></outline></body></opml>'
    )
    with Store(":memory:") as store:
        batch = ingest(store, [str(opml), site.url("/")], fast_settings())
    titles = {a.title for a in batch.articles}
    assert {"Tidal surge floods streets", "Ferry crews strike"} <= titles
    tide = next(a for a in batch.articles if a.title == "Tidal surge floods streets")
    assert tide.url == site.url("/carrow/tide")


def test_cli_ingest_of_bad_urls_gives_one_line_each(site, tmp_path, capsys):
    site.routes["/huge"] = {"stream_mb": 50}
    site.routes["/slow"] = {"delay": 2.0, "body": "<p>late</p>"}
    site.routes["/loop1"] = {"status": 302, "headers": {"Location": "/loop2"}}
    site.routes["/loop2"] = {"status": 302, "headers": {"Location": "/loop1"}}
    site.routes["/image.png"] = {"body": b"\x89PNG\r\n", "type": "image/png"}
    site.routes["/feed-with-pdf.xml"] = {"body": rss(site.base, [("/report.pdf", "Report", "")])}
    site.routes["/report.pdf"] = {"body": b"%PDF-1.4 report", "type": "application/pdf"}
    urls = tmp_path / "bad.urls"
    urls.write_text(
        "\n".join(
            site.url(p)
            for p in (
                "/huge",
                "/slow",
                "/loop1",
                "/missing",
                "/image.png",
                "/news/market",
                "/feed-with-pdf.xml",
            )
        )
    )
    sets = [
        "fetch.host_interval_s=0",
        "fetch.backoff_s=0.01",
        "fetch.read_timeout_s=0.3",
        "fetch.retries=1",
        "fetch.max_mb=2",
    ]
    code = main(["ingest", str(tmp_path / "n.db"), str(urls), "-q", *[x for s in sets for x in ("--set", s)]])
    out, err = capsys.readouterr()
    lines = [ln for ln in err.splitlines() if ln]
    assert code == 1 and "Traceback" not in err and len(lines) == 6
    expect = {
        "/huge": "cap",
        "/slow": "timed out",
        "/loop1": "redirect loop",
        "/missing": "HTTP 404",
        "/image.png": "not a page",
    }
    for path, what in expect.items():
        assert any(site.url(path) in ln and what in ln for ln in lines), (path, lines)
    assert "added 1" in out and "fetched: 1 added" in out


def test_due_request_rules():
    s = fast_settings(recheck_minutes=60, recheck_days=2)
    t = Target("https://x.example/a")
    assert due_request(None, t, s).url == t.url
    state = {"article_id": "a1", "etag": '"e"', "last_modified": None, "entry_stamp": "v1",
             "first_seen": "2024-05-06T10:00:00+00:00", "checked_at": "2024-05-06T10:30:00+00:00"}  # fmt: skip
    from datetime import datetime

    soon = datetime.fromisoformat("2024-05-06T11:00:00+00:00")
    later = datetime.fromisoformat("2024-05-06T12:00:00+00:00")
    old = datetime.fromisoformat("2024-05-20T12:00:00+00:00")
    assert due_request(state, t, s, soon) is None
    assert due_request(state, t, s, later).etag == '"e"'  # conditional recheck of a young page
    assert due_request(state, t, s, old) is None  # an old page is left alone
    from newsprism.ingest.feeds import FeedEntry

    changed = Target(t.url, "feed", entry=FeedEntry(t.url, stamp="v2"))
    assert due_request(state, changed, s, old).etag == '"e"'  # its feed entry was updated


def test_page_state_keeps_validators(site, tmp_path):
    with Store(":memory:") as store:
        ingest(store, [site.url("/feed.xml")], fast_settings())
        state = page_state(store, site.url("/news/strike"))
        feed = page_state(store, site.url("/feed.xml"))
    assert state["etag"] == '"s1"' and state["article_id"] and state["error"] is None
    assert feed["kind"] == "feed" and feed["etag"] == '"f1"'


def test_a_page_that_breaks_the_reader_is_one_line_and_the_rest_goes_on(site, monkeypatch):
    import newsprism.ingest.html as html

    real = html.read_html

    def broken(path, text):
        if path.endswith("/news/bridge"):
            raise ValueError("lxml had a bad day")
        return real(path, text)

    monkeypatch.setattr(html, "read_html", broken)
    with Store(":memory:") as store:
        batch = ingest(store, [site.url("/feed.xml")], fast_settings())
    # the bridge page (its feed summary too short to stand in) is one line; nothing stops the run
    assert {a.path.rsplit("/", 1)[-1] for a in batch.articles} == {"strike", "gone"}
    (line,) = [r.line() for r in batch.rejections if "bridge" in r.path]
    assert site.url("/news/bridge") in line and "ValueError: lxml had a bad day" in line


@pytest.mark.parametrize("home", ["link", "none"])
def test_a_home_page_leads_to_its_feed_links_else_to_the_sitemaps_of_robots_txt(site, home):
    # no <link rel="alternate">: trafilatura's finder reads the page's feed-like links; with
    # none of those either, the sitemaps robots.txt names are read
    links = '<a href="/feed.xml">RSS</a> ' if home == "link" else ""
    site.routes["/"] = {"body": f"<html><body><p>Welcome</p>{links}<a href='/about'>About</a></body></html>"}
    with Store(":memory:") as store:
        batch = ingest(store, [site.url("/")], fast_settings())
    titles = {a.title for a in batch.articles}
    if home == "link":
        assert "/feed.xml" in site.paths() and "Harbour pilot retires" in titles
    else:
        assert "/feed.xml" not in site.paths() and "/sitemap_index.xml" in site.paths()
        assert "Market footfall doubles" in titles
