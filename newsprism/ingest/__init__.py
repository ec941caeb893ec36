"""Readers by format. Each input becomes :class:`Document`s or an :class:`InputError`."""

from __future__ import annotations

from collections.abc import Iterator

from newsprism.errors import InputError
from newsprism.ingest.decode import decode_bytes
from newsprism.ingest.files import Source, iter_sources
from newsprism.ingest.jsonl import read_json
from newsprism.ingest.text import read_text
from newsprism.ingest.web import WebSource, read_web_source
from newsprism.model import Document

__all__ = ["read_documents", "read_source"]


def read_source(source: Source, binary_ratio: float = 0.05) -> Iterator[Document | InputError]:
    """The documents in one source (JSON Lines files hold several)."""
    if isinstance(source, WebSource):  # a WARC record or a fetched page: decoded by its charset
        yield from read_web_source(source, binary_ratio)
        return
    try:
        text, _encoding = decode_bytes(source.path, source.data, binary_ratio)
    except InputError as exc:
        yield exc
        return
    if source.format == "json":
        yield from read_json(source.path, text)
        return
    try:
        if source.format == "html":
            from newsprism.ingest.html import read_html

            yield read_html(source.path, text)
        else:
            yield read_text(source.path, text)
    except InputError as exc:
        yield exc


def read_documents(
    paths: list[str], max_mb: float = 20.0, binary_ratio: float = 0.05
) -> Iterator[Document | InputError]:
    """Every document named by ``paths`` (files, directories, globs, ``-``), errors inline."""
    for item in iter_sources(paths, max_mb):
        if isinstance(item, InputError):
            yield item
        else:
            yield from read_source(item, binary_ratio)
