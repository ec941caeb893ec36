"""RSS 0.9x/1.0/2.0 and Atom feeds (feedparser) and OPML lists of feeds, from bytes already fetched.

Feeds are parsed from a byte stream, never from a URL, so feedparser fetches nothing. Each
entry gives the page to fetch and what the feed says about it (title, date, outlet); the
entry's summary is kept for when the page cannot be had (:func:`summary_document`).
"""

from __future__ import annotations

import io
import time
from dataclasses import dataclass

import lxml.etree
import lxml.html

from newsprism.errors import FormatInputError
from newsprism.model import Document

__all__ = ["Feed", "FeedEntry", "looks_like_feed", "parse_feed", "parse_opml", "summary_document"]


@dataclass(frozen=True)
class FeedEntry:
    """One item of a feed. ``stamp`` changes when the publisher updates the entry."""

    url: str
    title: str | None = None
    published: str | None = None  # ISO date
    outlet: str | None = None
    summary: str | None = None  # plain text
    stamp: str | None = None


@dataclass(frozen=True)
class Feed:
    url: str
    title: str | None
    entries: tuple[FeedEntry, ...]


def looks_like_feed(data: bytes) -> bool:
    """An RSS, RDF or Atom document, by its first elements."""
    head = data[:2048].lstrip().lower()
    return any(tag in head for tag in (b"<rss", b"<feed", b"<rdf:rdf", b"<channel"))


def _iso(parsed: time.struct_time | None) -> str | None:
    return time.strftime("%Y-%m-%d", parsed) if parsed else None


def _plain(html: str | None) -> str | None:
    if not html or not html.strip():
        return None
    try:
        text = lxml.html.fragment_fromstring(html, create_parent="div").text_content()
    except (lxml.etree.ParserError, ValueError):
        text = html
    return " ".join(text.split()) or None


def parse_feed(data: bytes, url: str) -> Feed:
    """The entries of a feed document; raises :class:`FormatInputError` when it is none."""
    import feedparser

    parsed = feedparser.parse(io.BytesIO(data), response_headers={"content-location": url})
    if not parsed.entries and (parsed.bozo or not parsed.version):
        raise FormatInputError(
            url, "not an RSS or Atom feed", "give the feed's own address (often /feed or /rss)"
        )
    outlet = _plain(parsed.feed.get("title"))
    entries = []
    for e in parsed.entries:
        link = e.get("link") or ""
        if not link.startswith(("http://", "https://")):
            continue
        # dict.get: feedparser's own get() maps a missing "updated" to "published" with a warning
        field = dict(e).get
        entries.append(
            FeedEntry(
                url=link,
                title=_plain(e.get("title")),
                published=_iso(field("published_parsed") or field("updated_parsed")),
                outlet=outlet,
                summary=_plain(e.get("summary")),
                stamp=field("updated") or field("published"),
            )  # fmt: skip
        )
    return Feed(url, outlet, tuple(entries))


def parse_opml(data: bytes, path: str) -> list[str]:
    """The feed addresses (``xmlUrl``) of an OPML subscription list."""
    parser = lxml.etree.XMLParser(resolve_entities=False, no_network=True, recover=True)
    try:
        root = lxml.etree.fromstring(data, parser)
    except lxml.etree.XMLSyntaxError:
        root = None
    if root is None:
        raise FormatInputError(path, "not a readable OPML file", "export the subscription list again")
    urls = [o.get("xmlUrl") or o.get("xmlurl") for o in root.iter("outline")]
    return list(dict.fromkeys(u.strip() for u in urls if u and u.strip()))


def summary_document(entry: FeedEntry, feed_url: str) -> Document | None:
    """The feed's own summary as an article, for a page that could not be had; marked so."""
    if not entry.summary or len(entry.summary.split()) < 5:
        return None
    return Document(
        path=entry.url, raw=entry.summary, format="feed-summary", title=entry.title, outlet=entry.outlet,
        published=entry.published, published_source="feed" if entry.published else None, url=entry.url,
        extra={"via": "feed-summary", "feed": feed_url,
               "note": "the page could not be fetched; this is the feed's summary, not the article"},
    )  # fmt: skip
