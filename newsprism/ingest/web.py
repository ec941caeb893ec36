"""Pages that come with where and when they were found: WARC records and fetched pages.

A :class:`WebSource` is a :class:`Source` that also knows its URL, the time it was
captured or fetched and the charset its HTTP headers declared. :func:`read_web_source`
decodes it with that charset, extracts it like any saved page (nothing the page names is
fetched) and fills in what the page does not say about itself from the capture.
"""

from __future__ import annotations

import codecs
import dataclasses
from collections.abc import Iterator
from dataclasses import dataclass

from newsprism.errors import InputError
from newsprism.ingest.decode import decode_bytes
from newsprism.ingest.files import Source
from newsprism.model import Document

__all__ = ["WebSource", "read_web_source"]


@dataclass(frozen=True)
class WebSource(Source):
    """A page with its capture: ``url`` (the target URI), ``captured`` (ISO time), ``charset``."""

    url: str = ""
    captured: str | None = None
    charset: str | None = None
    # What the page came through: "warc", "page", "feed", "sitemap" (kept in Document.extra).
    via: str = "page"
    # Feed entry fields (title, published, outlet, summary) used when the page lacks them.
    hints: tuple[tuple[str, str], ...] = ()


def _decode(source: WebSource, binary_ratio: float) -> str:
    """The declared charset when Python knows it, else the usual UTF-8 / cp1252 sniffing."""
    if source.charset:
        try:
            codecs.lookup(source.charset)
        except LookupError:
            pass
        else:
            text = source.data.decode(source.charset, errors="replace")
            if text.count("\ufffd") <= 0.01 * max(len(text), 1):
                return text
    return decode_bytes(source.path, source.data, binary_ratio)[0]


def _with_capture(doc: Document, source: WebSource) -> Document:
    """The page's own metadata first; the capture's URL, date and feed fields fill the gaps."""
    hints = dict(source.hints)
    published, published_source = doc.published, doc.published_source
    if not published and hints.get("published"):
        published, published_source = hints["published"], "feed"
    if not published and source.captured:
        published, published_source = source.captured[:10], f"{source.via}-date"
    extra = {**doc.extra, "via": source.via, "fetched_url": source.url}
    if source.captured:
        extra["captured"] = source.captured
    if doc.url and doc.url != source.url:
        extra["canonical"] = doc.url
    return dataclasses.replace(
        doc,
        url=source.url or doc.url,
        title=doc.title or hints.get("title"),
        outlet=doc.outlet or hints.get("outlet"),
        published=published,
        published_source=published_source,
        extra=extra,
    )


def read_web_source(source: WebSource, binary_ratio: float = 0.05) -> Iterator[Document | InputError]:
    """The article of one captured page, or the error naming its URL and what to do."""
    from newsprism.ingest.html import read_html

    try:
        text = _decode(source, binary_ratio)
        doc = read_html(source.path, text)
    except InputError as exc:
        where = f"{source.url}: " if source.url and source.url != source.path else ""
        yield type(exc)(source.path, f"{where}{exc}", exc.hint)
        return
    yield _with_capture(doc, source)
