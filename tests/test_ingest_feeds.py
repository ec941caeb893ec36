"""Feed, OPML, sitemap and URL-list parsing from bytes (no server needed)."""

from __future__ import annotations

import gzip

import pytest

from newsprism.errors import FormatInputError
from newsprism.ingest.feeds import parse_feed, parse_opml, summary_document
from newsprism.ingest.urls import discover_feeds, is_url_list, kind_of, parse_sitemap, parse_url_list

RSS091 = b"""<?xml version="1.0"?><rss version="0.91"><channel><title>Farrowby Post</title>
<item><title>Harbour wall repaired</title><link>https://post.example/wall</link>
<description>The &lt;b&gt;harbour wall&lt;/b&gt; was repaired after the storm, the council said.</description></item>
</channel></rss>"""
RDF = b"""<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"
 xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel rdf:about="https://rdf.example/"><title>Holm Weekly</title><link>https://rdf.example/</link></channel>
<item rdf:about="https://rdf.example/ferry"><title>Ferry back</title><link>https://rdf.example/ferry</link>
<dc:date>2024-05-08T07:00:00Z</dc:date></item></rdf:RDF>"""
ATOM = b"""<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">
<title>Carrow Gazette</title><id>urn:x</id><updated>2024-05-07T08:00:00Z</updated>
<entry><title>Surge</title><link href="https://gazette.example/surge"/><id>urn:1</id>
<published>2024-05-06T22:00:00Z</published><updated>2024-05-07T08:00:00Z</updated></entry>
<entry><title>No link</title><id>urn:2</id><updated>2024-05-07T08:00:00Z</updated></entry></feed>"""


def test_rss_091_gives_entries_with_plain_summaries():
    feed = parse_feed(RSS091, "https://post.example/rss")
    (e,) = feed.entries
    assert (e.url, e.title, e.outlet) == (
        "https://post.example/wall",
        "Harbour wall repaired",
        "Farrowby Post",
    )
    assert e.summary == "The harbour wall was repaired after the storm, the council said."


def test_rss_10_rdf_and_atom():
    (rdf,) = parse_feed(RDF, "https://rdf.example/rss").entries
    assert (
        rdf.url == "https://rdf.example/ferry"
        and rdf.published == "2024-05-08"
        and rdf.outlet == "Holm Weekly"
    )
    atom = parse_feed(ATOM, "https://gazette.example/atom")
    (surge,) = atom.entries  # the entry without a link is left out
    assert surge.published == "2024-05-06" and surge.stamp == "2024-05-07T08:00:00Z"


def test_not_a_feed_is_one_line():
    with pytest.raises(FormatInputError) as err:
        parse_feed(b"<html><body>hello</body></html>", "https://x.example/")
    assert "not an RSS or Atom feed" in err.value.line() and "https://x.example/" in err.value.line()


def test_summary_stands_in_only_when_long_enough_and_is_marked():
    (e,) = parse_feed(RSS091, "https://post.example/rss").entries
    doc = summary_document(e, "https://post.example/rss")
    assert doc.format == "feed-summary" and doc.extra["via"] == "feed-summary" and doc.url == e.url
    short = e.__class__(e.url, summary="Too short.")
    assert summary_document(short, "f") is None


def test_opml_lists_feeds_and_ignores_entities():
    opml = b"""<?xml version="1.0"?><!DOCTYPE opml [<!ENTITY x SYSTEM "file:///etc/passwd">]>
    <opml version="2.0"><body><outline text="a" xmlUrl="https://a.example/feed"/>
    <outline text="group"><outline xmlUrl="https://b.example/rss"/><outline xmlUrl="https://a.example/feed"/></outline>
    <outline text="&x;"/></body></opml>"""
    assert parse_opml(opml, "f.opml") == ["https://a.example/feed", "https://b.example/rss"]


def test_sitemaps_plain_gzipped_and_index():
    urlset = b"""<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
    <url><loc>https://s.example/a</loc><lastmod>2024-05-06</lastmod></url><url><loc>not a url</loc></url></urlset>"""
    index = b"""<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
    <sitemap><loc>https://s.example/news.xml.gz</loc></sitemap></sitemapindex>"""
    assert parse_sitemap(urlset, "u").pages == [("https://s.example/a", "2024-05-06")]
    assert parse_sitemap(gzip.compress(urlset), "u").pages == [("https://s.example/a", "2024-05-06")]
    assert parse_sitemap(index, "u").children == ["https://s.example/news.xml.gz"]
    with pytest.raises(FormatInputError):
        parse_sitemap(b"<html></html>", "u")
    with pytest.raises(FormatInputError):
        parse_sitemap(gzip.compress(b"<urlset>" + b" " * 2000 + b"</urlset>"), "u", cap=1000)


def test_kinds_url_lists_and_discovery():
    assert kind_of("application/xml", RSS091) == "feed" and kind_of(None, ATOM) == "feed"
    assert kind_of("text/xml", b"<?xml version='1.0'?><urlset>") == "sitemap"
    assert (
        kind_of("text/html", b"<!doctype html><html>") == "html"
        and kind_of("image/png", b"\x89PNG") == "other"
    )
    text = "# my list\nhttps://a.example/1\n\nhttps://a.example/2\nhttps://a.example/1\n"
    assert is_url_list(text) and parse_url_list(text) == ["https://a.example/1", "https://a.example/2"]
    assert not is_url_list("Ferry strike\n\nThe union said...")
    home = '<html><head><link rel="alternate" type="application/atom+xml" href="/atom.xml"></head></html>'
    assert discover_feeds(home, "https://h.example/") == ["https://h.example/atom.xml"]


def test_a_feed_summary_stand_in_is_marked_where_a_reader_sees_it(tmp_path, capsys):
    from newsprism.analyze import clean_input
    from newsprism.cli import main
    from newsprism.settings import Settings
    from newsprism.store import Store

    (e,) = parse_feed(RSS091, "https://post.example/rss").entries
    art = clean_input(summary_document(e, "https://post.example/rss"), Settings())
    db = str(tmp_path / "n.db")
    with Store(db) as store:
        store.add_article(art)
    assert main(["articles", db]) == 0
    assert "[feed summary: the page could not be fetched]" in capsys.readouterr().out
    assert main(["show", db, art.id]) == 0
    assert "the feed's summary of the article" in capsys.readouterr().out
