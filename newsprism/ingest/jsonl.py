"""JSON and JSON Lines articles.

Each object is one article. Fields (the first present wins):
``text`` | ``body`` | ``content`` (plain text) or ``html``; ``title``; ``url`` | ``link``;
``published`` | ``date`` | ``published_at`` | ``datePublished``; ``outlet`` | ``source`` | ``site``;
``author`` | ``byline``; ``credits`` (list of strings). A ``.json`` file may hold one object
or a list; a ``.jsonl`` file holds one object per line. Each article is named ``FILE#N``
(N the 1-based line or list position).
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator
from typing import Any

from newsprism.clean.dates import parse_date
from newsprism.errors import FormatInputError, InputError
from newsprism.model import Document

__all__ = ["read_json"]

log = logging.getLogger(__name__)

_FIELDS = {
    "text": ("text", "body", "content", "article"),
    "html": ("html", "raw_html"),
    "title": ("title", "headline"),
    "url": ("url", "link", "canonical_url"),
    "published": ("published", "date", "published_at", "datePublished", "pub_date"),
    "outlet": ("outlet", "source", "site", "publisher", "site_name"),
    "author": ("author", "byline", "authors"),
}


def _as_text(value: Any) -> str | None:
    """A string field's value; a list of strings joined; an object by its "name"; else None."""
    if isinstance(value, list):
        parts = [_as_text(v) for v in value]
        value = ", ".join(p for p in parts if p) if parts and all(p is not None for p in parts) else None
    if isinstance(value, dict):
        value = value.get("name")
    return value if isinstance(value, str) else None


def _field(obj: dict[str, Any], name: str, path: str = "") -> str | None:
    """The first present field of ``name``'s keys; a value of the wrong type is skipped with a warning.

    ``True``, ``3.5`` or ``42`` as an author, outlet or URL is junk, not metadata: storing its
    ``str()`` would show "True" as a byline.
    """
    for key in _FIELDS[name]:
        value = obj.get(key)
        if value in (None, "", []):
            continue
        text = _as_text(value)
        if text is None:
            log.warning("%s: field %r is %s, not text; ignored", path, key, type(value).__name__)
            continue
        if text:
            return text
    return None


def _to_document(name: str, obj: Any) -> Document:
    if not isinstance(obj, dict):
        raise FormatInputError(name, "a JSON article must be an object with a text or html field")
    text, html = _field(obj, "text", name), _field(obj, "html", name)
    meta = {k: _field(obj, k, name) for k in ("title", "url", "outlet", "author")}
    published = _field(obj, "published", name)
    iso = parse_date(published) if published else None
    credits = (
        tuple(c for c in obj.get("credits", []) if c and isinstance(c, str))
        if isinstance(obj.get("credits"), list)
        else ()
    )
    if html and not text:
        from newsprism.ingest.html import read_html

        doc = read_html(name, html)
        return Document(
            path=name,
            raw=doc.raw,
            format="json",
            title=meta["title"] or doc.title,
            outlet=meta["outlet"] or doc.outlet,
            author=meta["author"] or doc.author,
            published=iso or doc.published,
            published_source="json-field" if iso else doc.published_source,
            url=meta["url"] or doc.url,
            html=html,
            extra={**doc.extra, "credits": tuple(dict.fromkeys([*credits, *doc.extra.get("credits", ())]))},
        )
    if not text or not text.strip():
        raise FormatInputError(name, "the JSON article has no text, body, content or html field")
    return Document(
        path=name,
        raw=text.replace("\r\n", "\n"),
        format="json",
        published=iso,
        published_source="json-field" if iso else None,
        extra={"credits": credits},
        **meta,
    )


def read_json(path: str, text: str) -> Iterator[Document | InputError]:
    """Documents from a JSON or JSON Lines file; a bad line is an error, the rest go on."""
    stripped = text.lstrip()
    if stripped.startswith("[") or (stripped.startswith("{") and not path.endswith((".jsonl", ".ndjson"))):
        try:
            data = _loads(path, text)
        except FormatInputError as exc:
            if not isinstance(exc.__cause__, json.JSONDecodeError):
                yield exc
                return
            data = None  # perhaps JSON Lines after all
        if data is not None:
            items = data if isinstance(data, list) else [data]
            for i, obj in enumerate(items, 1):
                yield _safe(f"{path}#{i}", obj)
            return
    for lineno, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        name = f"{path}#{lineno}"
        try:
            obj = _loads(name, line)
        except FormatInputError as exc:
            yield exc
            continue
        yield _safe(name, obj)


def _loads(name: str, text: str) -> Any:
    """``json.loads`` whose every failure is a FormatInputError (depth and huge numbers too)."""
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise FormatInputError(name, f"not valid JSON ({exc.msg})", "fix or remove that line") from exc
    except RecursionError:
        raise FormatInputError(name, "the JSON is nested too deeply to read", "flatten it") from None
    except ValueError:  # an integer of thousands of digits (int_max_str_digits)
        raise FormatInputError(
            name, "the JSON holds a number too long to read", "shorten or quote it"
        ) from None


def _safe(name: str, obj: Any) -> Document | InputError:
    try:
        return _to_document(name, obj)
    except InputError as exc:
        return exc
