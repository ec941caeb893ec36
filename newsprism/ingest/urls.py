"""URL lists, sitemaps (and sitemap indexes), and telling what a fetched document is.

Nothing here fetches: these read bytes that :mod:`newsprism.fetch` already has.
Feed discovery on a home page uses trafilatura's link finder, which reads the HTML only.
"""

from __future__ import annotations

import gzip
import zlib
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit

import lxml.etree

from newsprism.errors import FormatInputError
from newsprism.fetch.urls import is_url
from newsprism.ingest.feeds import looks_like_feed

__all__ = ["Sitemap", "discover_feeds", "is_url_list", "kind_of", "parse_sitemap", "parse_url_list"]


def parse_url_list(text: str) -> list[str]:
    """The URLs of a list file: one a line, blank lines and ``#`` comments skipped."""
    lines = (ln.strip() for ln in text.splitlines())
    return list(dict.fromkeys(ln for ln in lines if ln and not ln.startswith("#") and is_url(ln)))


def is_url_list(text: str) -> bool:
    """Every non-comment line of the first twenty is a URL (and there is at least one)."""
    lines = [ln.strip() for ln in text.splitlines() if ln.strip() and not ln.strip().startswith("#")][:20]
    return bool(lines) and all(is_url(ln) for ln in lines)


@dataclass
class Sitemap:
    """Pages (with their ``lastmod``) and child sitemaps of one sitemap document."""

    pages: list[tuple[str, str | None]] = field(default_factory=list)
    children: list[str] = field(default_factory=list)


def _ungzip(data: bytes, cap: int) -> bytes:
    if not data.startswith(b"\x1f\x8b"):
        return data
    out = zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(data, cap + 1)
    if len(out) > cap:
        raise gzip.BadGzipFile(f"over {cap / 1e6:.0f} MB unpacked")
    return out


def _local(tag: object) -> str:
    return tag.rsplit("}", 1)[-1].lower() if isinstance(tag, str) else ""


def parse_sitemap(data: bytes, url: str, cap: int = 50_000_000) -> Sitemap:
    """Read a sitemap or sitemap index (``.xml`` or gzipped); raises :class:`FormatInputError`."""
    try:
        data = _ungzip(data, cap)
        parser = lxml.etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, recover=True)
        root = lxml.etree.fromstring(data, parser)
    except (lxml.etree.XMLSyntaxError, OSError, zlib.error, EOFError):
        root = None
    if root is None or _local(root.tag) not in ("urlset", "sitemapindex"):
        raise FormatInputError(
            url, "not a sitemap (no <urlset> or <sitemapindex>)", "give the sitemap's address"
        )
    found = Sitemap()
    for item in root:
        fields = {_local(child.tag): (child.text or "").strip() for child in item}
        loc = fields.get("loc", "")
        if not is_url(loc):
            continue
        if _local(item.tag) == "sitemap":
            found.children.append(loc)
        elif _local(item.tag) == "url":
            found.pages.append((loc, fields.get("lastmod") or None))
    return found


def kind_of(content_type: str | None, data: bytes) -> str:
    """ "feed", "sitemap", "html" or "other", from the content type and the first bytes."""
    head = data[:1024].lstrip().lower()
    if data.startswith(b"\x1f\x8b") or b"<urlset" in head or b"<sitemapindex" in head:
        return "sitemap"
    if looks_like_feed(data):
        return "feed"
    if (content_type or "").endswith(("html", "xhtml+xml")) or head.startswith((b"<!doctype html", b"<html")):
        return "html"
    return "other"


_FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/rdf+xml", "application/feed+json")


def _announced(html: str, url: str) -> list[str]:
    """``<link rel="alternate" type="application/rss+xml" href=…>`` of a page, made absolute."""
    import lxml.html

    try:
        tree = lxml.html.fromstring(html)
    except (lxml.etree.ParserError, ValueError):
        return []
    found = []
    for link in tree.iterfind(".//link"):
        rel = (link.get("rel") or "").lower().split()
        if "alternate" in rel and (link.get("type") or "").lower() in _FEED_TYPES and link.get("href"):
            found.append(urljoin(url, link.get("href").strip()))
    return [u for u in dict.fromkeys(found) if is_url(u)]


def discover_feeds(html: str, url: str) -> list[str]:
    """Feeds a home page announces in its head, else feed-like links trafilatura finds in it."""
    announced = _announced(html, url)
    if announced:
        return announced
    from courlan import get_hostinfo
    from trafilatura.feeds import FeedParameters, determine_feed

    domain, base = get_hostinfo(url)
    if not base:
        return []
    # courlan names no domain for an IP address or a reserved name (an intranet site, a local
    # server); the feed finder itself only needs the base, so the host stands in.
    return determine_feed(html, FeedParameters(base, domain or urlsplit(url).hostname, url))
