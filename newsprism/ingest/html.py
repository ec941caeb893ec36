"""HTML reader: main text and metadata of one saved web page, offline.

Nothing the page names is ever fetched (no URL is handed to a library that
would download it); scripts, styles, iframes and form controls are stripped
before any text is read. The cascade for the body is in
:mod:`newsprism.ingest.html_text`; line junk rules are in
:mod:`newsprism.ingest.html_junk`. Lines removed here are kept, with their reason,
in ``Document.extra["removed"]``; reporting credits in ``Document.extra["credits"]``.
"""

from __future__ import annotations

import contextlib
import json
import logging
import re
from dataclasses import dataclass
from typing import Any

import lxml.html

from newsprism.errors import FormatInputError
from newsprism.ingest.html_junk import CREDIT_REASON, junk_reason, words
from newsprism.ingest.html_text import Block, extract_blocks, parse_html
from newsprism.model import Document

logger = logging.getLogger(__name__)

__all__ = ["Extraction", "extract", "extract_text", "read_html"]

_HINT = "the page may need JavaScript to show its text; save the rendered page or give its text"
# Standfirst/title checks look only at the top of the body.
_HEAD_BLOCKS = 3
# Share of a line inside <a> above which it is a link, not prose: 0.8 leaves in
# paragraphs with a linked name or two, removes "Related" list items.
_LINK_LINE_RATIO = 0.8
# Fewer words than this is a stub (a cookie notice, "Loading..."), not an article.
_MIN_WORDS = 5


@dataclass(frozen=True)
class Extraction:
    """The article text of a page and what was taken out of it."""

    text: str
    removed: tuple[tuple[str, str], ...] = ()  # (line, reason)
    credits: tuple[str, ...] = ()


def _meta(tree: lxml.html.HtmlElement, *names: str) -> str | None:
    """First non-empty <meta> content among property/name/itemprop ``names``."""
    for name in names:
        for attr in ("property", "name", "itemprop"):
            for el in tree.iterfind(f".//meta[@{attr}='{name}']"):
                value = " ".join((el.get("content") or "").split())
                if value:
                    return value
    return None


# "Title - Outlet". The look-behind tries a run of spaces from its start only (same splits):
# retrying from inside a long run was quadratic.
_TITLE_SEPARATOR = re.compile(r"(?<!\s)\s+[|\u2013\u2014:-]\s+")


def _page_titles(tree: lxml.html.HtmlElement) -> list[list[str]]:
    """Word lists of every headline the page states (og:title, <title> and its parts, <h1>)."""
    found: list[str] = []
    for value in (_meta(tree, "og:title", "twitter:title", "headline"), tree.findtext(".//title")):
        if value:
            found.append(value)
            found.extend(_TITLE_SEPARATOR.split(value))
    found.extend(h.text_content() for h in tree.iter("h1"))
    return [w for w in (words(t) for t in found) if w]


def _standfirsts(tree: lxml.html.HtmlElement) -> list[list[str]]:
    found = [_meta(tree, "og:description", "description", "twitter:description")]
    return [words(t) for t in found if t]


def _top_reason(
    block: Block, after_title: bool, titles: list[list[str]], decks: list[list[str]]
) -> str | None:
    """Headline at the top of the body; a standfirst right under it.

    The page description is often the lede itself, so a line matching it is only
    a standfirst when it sits between the headline and the body.
    """
    bw = words(block.text)
    if not bw:
        return None
    if any(bw == t for t in titles):
        return "headline repeated"
    is_deck = any(bw == d or (len(bw) >= 8 and d[: len(bw)] == bw) for d in decks)
    if after_title and block.kind == "head" and is_deck:
        return "standfirst repeated from the page description"
    return None


def _link_reason(block: Block) -> str | None:
    """A short line that is all link text is a headline linking to another page.

    Lines of under four words (product names, a linked URL or address printed
    in the article) stay: in the benchmark those are more often text than not.
    """
    if block.link_ratio < _LINK_LINE_RATIO or len(block.text) > 200:
        return None
    if len(words(block.text)) < 4 or re.search(r"@|www\.|https?://", block.text):
        return None
    return "link to another page"


def _clean(blocks: list[Block], titles: list[list[str]], decks: list[list[str]]) -> Extraction:
    kept: list[str] = []
    removed: list[tuple[str, str]] = []
    credits: list[str] = []
    for i, block in enumerate(blocks):
        after_title = bool(removed) and removed[-1][1] == "headline repeated"
        reason = _top_reason(block, after_title, titles, decks) if i < _HEAD_BLOCKS and not kept else None
        reason = reason or _link_reason(block) or junk_reason(block.text)
        if reason is None:
            kept.append(block.text)
            continue
        removed.append((block.text, reason))
        if reason == CREDIT_REASON:
            credits.append(block.text)
    return Extraction("\n\n".join(kept), tuple(removed), tuple(credits))


def extract(html: str) -> Extraction:
    """Article text (paragraphs separated by blank lines) with removals and credits."""
    tree = parse_html(html)
    if tree is None:
        return Extraction("")
    titles, decks = _page_titles(tree), _standfirsts(tree)  # before extraction prunes the tree
    return _clean(extract_blocks(tree), titles, decks)


def extract_text(html: str) -> str:
    """Just the article text of a page; empty when none is found."""
    return extract(html).text


def _json_ld(tree: lxml.html.HtmlElement) -> list[dict[str, Any]]:
    """Every JSON-LD object of the page (``@graph`` flattened); bad JSON is skipped."""
    found: list[dict[str, Any]] = []
    for el in tree.iterfind(".//script[@type='application/ld+json']"):
        try:
            data = json.loads(el.text or "")
        except ValueError:
            continue
        stack = data if isinstance(data, list) else [data]
        while stack:
            item = stack.pop(0)
            if isinstance(item, dict):
                found.append(item)
                stack.extend(g for g in item.get("@graph", []) if isinstance(g, dict))
            elif isinstance(item, list):
                stack.extend(item)
    return found


def _ld_name(value: Any) -> str | None:
    if isinstance(value, dict):
        value = value.get("name")
    if isinstance(value, str) and value.strip():
        return " ".join(value.split())
    return None


def _ld_value(objs: list[dict[str, Any]], key: str) -> str | None:
    """A string field of the first JSON-LD object that has it; several names joined by "; "."""
    for obj in objs:
        value = obj.get(key)
        items = value if isinstance(value, list) else [value]
        names = list(dict.fromkeys(n for n in map(_ld_name, items) if n))
        if names:
            return "; ".join(names)
    return None


# A date in the URL path: /2019/11/18/ or /2019-11-18-...
_URL_DATE = re.compile(r"/((?:19|20)\d\d)[/-](0?[1-9]|1[0-2])[/-](0?[1-9]|[12]\d|3[01])(?:[/-]|$)")


def _url_date(url: str | None) -> str | None:
    match = _URL_DATE.search(url or "")
    if not match:
        return None
    year, month, day = (int(g) for g in match.groups())
    return f"{year:04d}-{month:02d}-{day:02d}"


def _published(tree: lxml.html.HtmlElement, url: str | None) -> tuple[str | None, str | None]:
    """(ISO date, source): the page's own metadata via htmldate, else a date in the URL.

    Takes the canonical link and og:url out of ``tree`` (no copy: the body's reading after it
    has no use for them, and they hold no text).
    """
    import htmldate

    # Without the page's own URL: htmldate would read a date out of the canonical link
    # and we want to tell metadata dates from URL dates. No url argument either, so
    # nothing can be fetched.
    for el in tree.xpath(".//link[@rel='canonical'] | .//meta[@property='og:url']"):
        el.getparent().remove(el)
    try:
        found = htmldate.find_date(tree, extensive_search=False, original_date=True)
    except Exception as exc:  # noqa: BLE001 - htmldate gives up on odd markup
        logger.debug("htmldate failed: %s", exc)
        found = None
    if found:
        return found, "html-meta"
    from_url = _url_date(url)
    return (from_url, "url") if from_url else (None, None)


def _own_metadata(tree: lxml.html.HtmlElement) -> dict[str, str | None]:
    """What the page states about itself in Open Graph, JSON-LD and <meta> tags."""
    ld = _json_ld(tree)
    canonical = next(
        (el.get("href") for el in tree.iterfind(".//link[@rel='canonical']") if el.get("href")), None
    )
    # article:author and og:site_name are sometimes a URL; a URL is no name.
    return {
        "title": _meta(tree, "og:title", "twitter:title") or _ld_value(ld, "headline"),
        "outlet": _not_url(_meta(tree, "og:site_name", "application-name") or _ld_value(ld, "publisher")),
        "author": _not_url(_ld_value(ld, "author") or _meta(tree, "author", "article:author", "byl")),
        "url": next((u for u in (canonical, _meta(tree, "og:url")) if u and re.match(r"https?://", u)), None),
    }


def _not_url(value: str | None) -> str | None:
    return None if value is None or re.match(r"(https?://|www\.)", value) else value


def _trafilatura_metadata(tree: lxml.html.HtmlElement) -> dict[str, str | None]:
    """Title, site name, author and URL as ``trafilatura.extract_metadata`` reads them.

    Its readers of these four fields in its order, without the parts whose results we
    would drop: its publication date (a second htmldate run), categories, tags and licence
    were 60 % of its cost. None of its readers change the tree, so it needs no copy.
    """
    from trafilatura import metadata as tm

    md = tm.examine_meta(tree)
    if md.author and " " not in md.author:  # a one-word author from <meta> is a handle
        md.author = None
    with contextlib.suppress(Exception):  # its JSON-LD reader has bugs; it shrugs them off too
        md = tm.extract_meta_json(tree, md)
    md.title = md.title or tm.extract_title(tree)
    md.author = md.author or tm.extract_author(tree)
    md.url = md.url or tm.extract_url(tree)
    if not md.sitename:
        md.sitename = tm.extract_sitename(tree)
    if md.sitename:
        md.sitename = md.sitename.lstrip("@")
        if "." not in md.sitename and not md.sitename[:1].isupper():
            md.sitename = md.sitename.title()
    elif md.url and (domain := tm.META_URL.match(md.url)):
        md.sitename = domain[1]
    md.clean_and_trim()
    return {"title": md.title, "outlet": md.sitename, "author": md.author, "url": md.url}


def _metadata(tree: lxml.html.HtmlElement) -> dict[str, str | None]:
    meta = _own_metadata(tree)
    if not all(meta.values()):
        # trafilatura's metadata readers (title from <title>/<h1>, site name from the
        # domain, bylines in the page) fill the gaps.
        try:
            fallback = _trafilatura_metadata(tree)
        except Exception as exc:  # noqa: BLE001 - odd markup breaks its asserts: keep the page's own
            logger.debug("trafilatura metadata failed (%s: %s)", type(exc).__name__, exc)
            fallback = {}
        meta = {k: v or fallback.get(k) for k, v in meta.items()}
        if meta["url"] and not re.match(r"https?://", meta["url"]):
            meta["url"] = None  # a relative URL names no page on its own
    published, source = _published(tree, meta["url"])  # takes the page's own URL tags out
    return {**meta, "published": published, "published_source": source}


def read_html(path: str, html: str) -> Document:
    """Read one HTML page into a :class:`Document` (raw = the article text).

    Raises :class:`FormatInputError` when the page holds no article text.
    """
    tree = parse_html(html)
    if tree is None:
        raise FormatInputError(path, "no article text found in the HTML", _HINT)
    # What the page says about itself is read first: extraction prunes the tree in place (a
    # copy of every page cost more than reading these for the few pages then refused).
    titles, decks = _page_titles(tree), _standfirsts(tree)
    meta = _metadata(tree)
    ex = _clean(extract_blocks(tree), titles, decks)
    if len(words(ex.text)) < _MIN_WORDS:
        raise FormatInputError(path, "no article text found in the HTML", _HINT)
    extra: dict[str, Any] = {"removed": [{"text": t, "reason": r} for t, r in ex.removed]}
    if ex.credits:
        extra["credits"] = list(ex.credits)
    return Document(path=path, raw=ex.text, format="html", html=html, extra=extra, **meta)
