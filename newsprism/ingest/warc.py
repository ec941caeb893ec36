"""WARC and ARC archives (``.warc``, ``.warc.gz``, ``.arc``, ``.arc.gz``): one article per HTML page.

Every HTTP ``response`` record with status 200 and an HTML payload becomes a
:class:`~newsprism.ingest.web.WebSource` carrying the record's target URI, its date and
the charset its HTTP headers declared. Everything else is skipped and counted under a
reason: ``not a response`` (request, warcinfo, metadata...), ``revisit``, ``not 200``,
``not HTML``, ``duplicate`` (a payload digest seen earlier in the file under the same URI; under another
URI the record is read, and the store keeps the article once with both URLs), ``too large``.

Two readers do the same job: FastWARC (default for WARC: several times the records/s of
warcio, see ``docs/results/intake.md``) and warcio (ARC files, which FastWARC cannot read,
and a fallback). Archives are opened as local files only; nothing is fetched.
"""

from __future__ import annotations

import hashlib
import logging
import os
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime
from typing import IO

from newsprism.errors import InputError, MissingInputError, SettingsError
from newsprism.ingest.web import WebSource

log = logging.getLogger(__name__)

__all__ = ["ARCHIVE_SUFFIXES", "Record", "is_archive", "iter_records", "iter_warc"]

ARCHIVE_SUFFIXES = (".warc", ".warc.gz", ".arc", ".arc.gz")
_HTML_TYPES = {"text/html", "application/xhtml+xml"}


def is_archive(path: str) -> bool:
    """Whether ``path`` names a WARC or ARC file (by its suffix)."""
    return path.lower().endswith(ARCHIVE_SUFFIXES)


@dataclass
class Record:
    """What the filter needs of one archive record; ``read`` gives the decoded HTTP payload."""

    kind: str
    uri: str
    date: str | None
    status: int | None
    content_type: str | None
    charset: str | None
    digest: str | None
    read: Callable[[], bytes]


def _iso(value: datetime | str | None) -> str | None:
    if isinstance(value, datetime):
        return value.isoformat(timespec="seconds")
    return value or None


def _split_type(header: str | None) -> tuple[str | None, str | None]:
    """``text/html; charset=UTF-8`` → ``("text/html", "utf-8")``."""
    if not header:
        return None, None
    kind, *params = header.split(";")
    charset = next(
        (
            p.split("=", 1)[1].strip().strip("\"'").lower()
            for p in params
            if p.strip().lower().startswith("charset=")
        ),
        None,
    )
    return kind.strip().lower() or None, charset or None


def _fastwarc_records(fh: IO[bytes]) -> Iterator[Record]:
    from fastwarc.warc import ArchiveIterator, WarcRecordType

    for rec in ArchiveIterator(fh, parse_http=False, fsspec_args=False):
        kind = str(rec.record_type)
        status = ctype = charset = None
        if rec.record_type == WarcRecordType.response and rec.is_http:
            rec.parse_http()
            status = rec.http_headers.status_code
            ctype, charset = _split_type(rec.http_headers.get("Content-Type"))
        yield Record(
            kind, rec.headers.get("WARC-Target-URI") or "", _iso(rec.record_date), status, ctype, charset,
            rec.headers.get("WARC-Payload-Digest"), rec.reader.read,
        )  # fmt: skip


def _warcio_records(fh: IO[bytes]) -> Iterator[Record]:
    from warcio.archiveiterator import ArchiveIterator

    for rec in ArchiveIterator(fh, arc2warc=True):
        status = ctype = charset = None
        if rec.rec_type == "response" and rec.http_headers is not None:
            code = rec.http_headers.get_statuscode()
            status = int(code) if code and code.isdigit() else None
            ctype, charset = _split_type(rec.http_headers.get_header("Content-Type"))
        yield Record(
            rec.rec_type, rec.rec_headers.get_header("WARC-Target-URI") or "",
            _iso(rec.rec_headers.get_header("WARC-Date")), status, ctype, charset,
            rec.rec_headers.get_header("WARC-Payload-Digest"), rec.content_stream().read,
        )  # fmt: skip


READERS: dict[str, Callable[[IO[bytes]], Iterator[Record]]] = {
    "fastwarc": _fastwarc_records,
    "warcio": _warcio_records,
}


def iter_records(fh: IO[bytes], reader: str = "fastwarc") -> Iterator[Record]:
    """Every record of an open archive, read by ``reader`` ("fastwarc" or "warcio")."""
    if reader not in READERS:
        raise SettingsError(f"ingest.warc_reader {reader!r} is not a WARC reader", "use fastwarc or warcio")
    return READERS[reader](fh)


def _looks_html(payload: bytes) -> bool:
    head = payload[:512].lstrip().lower()
    return (
        head.startswith((b"<!doctype html", b"<html", b"<head", b"<body", b"<?xml")) and b"<rss" not in head
    )


def _seen_before(seen: dict[str, set[str]], digest: str, uri: str) -> bool:
    """Whether this payload was read under this URI already. The same payload under another URI
    is read again: the store keeps it once, with both URLs (an AMP or tracking-parameter copy)."""
    uris = seen.setdefault(digest, set())
    if uri in uris:
        return True
    uris.add(uri)
    return False


def _skip_reason(rec: Record, seen: dict[str, set[str]]) -> str | None:
    """Why a record is not an article, before its payload is read (None: read it)."""
    if rec.kind == "revisit":
        return "revisit"
    if rec.kind != "response":
        return "not a response"
    if rec.status != 200:
        return "not 200"
    if rec.content_type and rec.content_type not in _HTML_TYPES:
        return "not HTML"
    if rec.digest and _seen_before(seen, rec.digest, rec.uri):
        return "duplicate"
    return None


def _payload_reason(payload: bytes, rec: Record, seen: dict[str, set[str]], max_bytes: int) -> str | None:
    """Why a read payload is not an article (None: it is one)."""
    if len(payload) > max_bytes:
        return "too large"
    if not rec.content_type and not _looks_html(payload):
        return "not HTML"
    if not rec.digest and _seen_before(seen, hashlib.sha1(payload).hexdigest(), rec.uri):
        return "duplicate"
    return None


def _load_failed() -> type[Exception]:
    from warcio.exceptions import ArchiveLoadFailed

    return ArchiveLoadFailed


def _reader_for(path: str, reader: str | None) -> str:
    if path.lower().endswith((".arc", ".arc.gz")):
        return "warcio"  # FastWARC reads WARC only
    return reader or "fastwarc"


def iter_warc(
    path: str, max_mb: float = 20.0, skipped: Counter[str] | None = None, reader: str | None = None
) -> Iterator[WebSource | InputError]:
    """The HTML pages of one archive, each named ``PATH#N`` (N: the record's number in the file).

    Skipped records are counted in ``skipped`` by reason; an unreadable archive is one
    :class:`InputError` after the pages read before the damage.
    """
    skipped = skipped if skipped is not None else Counter()
    max_bytes, seen, n = int(max_mb * 1_000_000), {}, -1
    if not os.path.isfile(path):
        yield MissingInputError(path, "no such file")
        return
    try:
        with open(path, "rb") as fh:
            for n, rec in enumerate(iter_records(fh, _reader_for(path, reader))):
                reason = _skip_reason(rec, seen)
                payload = b"" if reason else rec.read()
                reason = reason or _payload_reason(payload, rec, seen, max_bytes)
                if reason:
                    skipped[reason] += 1
                    continue
                yield WebSource(
                    f"{path}#{n}",
                    payload,
                    "html",
                    url=rec.uri,
                    captured=rec.date,
                    charset=rec.charset,
                    via="warc",
                )
    except (OSError, ValueError, EOFError, _load_failed()) as exc:
        yield InputError(
            path,
            f"damaged or not a WARC/ARC file after {n + 1} record(s) ({exc})",
            "check or re-download the file",
        )
    log.info("%s: skipped %s", path, dict(skipped))
