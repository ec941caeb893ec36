"""Find input files: directories (recursive), globs, plain paths and ``-`` for stdin."""

from __future__ import annotations

import glob
import gzip
import io
import os
import stat
import sys
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from newsprism.errors import InputError, MissingInputError, TooLargeInputError

__all__ = ["Source", "SUFFIXES", "expand", "format_of", "iter_sources", "not_regular"]

SUFFIXES = {
    ".txt": "text",
    ".md": "text",
    ".text": "text",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".json": "json",
    ".jsonl": "json",
    ".ndjson": "json",
}


@dataclass(frozen=True)
class Source:
    """One input to read: its name for messages, its bytes and its format."""

    path: str
    data: bytes
    format: str


# Inflated output below this size is not checked against the ratio cap.
_RATIO_FLOOR = 1_000_000


def format_of(path: str, data: bytes = b"") -> str:
    """The format by suffix (``.gz`` looked through), else by sniffing the first bytes."""
    name = path[:-3] if path.endswith(".gz") else path
    suffix = os.path.splitext(name)[1].lower()
    if suffix in SUFFIXES:
        return SUFFIXES[suffix]
    head = data.lstrip()[:200].lower()
    if head.startswith((b"<!doctype html", b"<html", b"<head", b"<body", b"<article", b"<div", b"<p")):
        return "html"
    if head.startswith((b"{", b"[")):
        return "json"
    return "text"


def _walk(path: Path) -> Iterator[str | InputError]:
    """Files with a known suffix under ``path``; a directory that cannot be listed is an error."""
    errors: list[OSError] = []
    for root, dirs, files in os.walk(path, onerror=errors.append):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            base = name[:-3] if name.endswith(".gz") else name
            if os.path.splitext(base)[1].lower() in SUFFIXES:
                yield os.path.join(root, name)
        while errors:
            yield _unlisted(errors.pop(0), path)
    yield from (_unlisted(exc, path) for exc in errors)  # the top directory itself


def _unlisted(exc: OSError, path: Path) -> InputError:
    name = str(exc.filename or path)
    return InputError(name, f"directory cannot be listed ({exc.strerror})", "check its permissions")


def expand(arg: str) -> list[str | InputError] | None:
    """Files named by one argument (or errors met while listing them); None when nothing matches."""
    if arg != "-" and any(ch in arg for ch in "*?["):
        matches = sorted(p for p in glob.glob(arg, recursive=True) if os.path.isfile(p))
        return list(matches) or None
    path = Path(arg)
    if path.is_dir():
        return list(_walk(path))
    return [arg] if arg == "-" or path.exists() else None


def not_regular(path: str) -> InputError | None:
    """A FIFO, socket or device found in a directory would block or never end: refuse it."""
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return None  # reading it reports the reason
    if stat.S_ISREG(mode):
        return None
    return InputError(path, "not a regular file (a pipe, socket or device)", "give plain files")


def _inflate(path: str, data: bytes, max_bytes: int, max_ratio: float) -> bytes:
    """Decompress with the caps applied to the output, so a gzip bomb never fills memory."""
    # Below _RATIO_FLOOR bytes out the ratio is not checked: tiny files compress oddly well.
    limit = min(max_bytes, max(_RATIO_FLOOR, int(len(data) * max_ratio)))
    try:
        with gzip.GzipFile(fileobj=io.BytesIO(data)) as fh:
            out = fh.read(limit + 1)
    except (OSError, EOFError, zlib.error) as exc:
        raise InputError(path, f"not a readable gzip file ({exc})", "check the file") from None
    if len(out) > max_bytes:
        raise TooLargeInputError(path, f"it inflates to over the {max_bytes / 1e6:.0f} MB cap")
    if len(out) > limit:
        raise TooLargeInputError(
            path,
            f"it inflates over {max_ratio:.0f} times its compressed size (a compression bomb?)",
            "raise ingest.max_gzip_ratio if this file is really one article",
        )
    return out


def _read(path: str, max_bytes: int, max_ratio: float) -> bytes:
    if path == "-":
        data = sys.stdin.buffer.read(max_bytes + 1)
    else:
        size = os.path.getsize(path)
        if size > max_bytes:
            raise TooLargeInputError(
                path, f"the file is {size / 1e6:.1f} MB, over the {max_bytes / 1e6:.0f} MB cap"
            )
        with open(path, "rb") as fh:
            data = fh.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise TooLargeInputError(path, f"the input is over the {max_bytes / 1e6:.0f} MB cap")
    return _inflate(path, data, max_bytes, max_ratio) if path.endswith(".gz") else data


def iter_sources(
    args: list[str], max_mb: float = 20.0, max_ratio: float = 100.0
) -> Iterator[Source | InputError]:
    """Each input file in order, or the error that stops it from being read.

    ``max_mb`` caps the bytes read and, for ``.gz`` files, the bytes after decompression;
    ``max_ratio`` caps how many times its compressed size a ``.gz`` file may inflate to.
    """
    max_bytes = int(max_mb * 1_000_000)
    seen: set[str] = set()
    for arg in args:
        paths = expand(arg)
        if paths is None:
            yield MissingInputError(arg, "no such file or directory")
            continue
        for path in paths:
            if isinstance(path, InputError):
                yield path
                continue
            if path in seen:
                continue
            seen.add(path)
            refused = not_regular(path) if path != arg else None
            if refused:
                yield refused
                continue
            try:
                data = _read(path, max_bytes, max_ratio)
            except InputError as exc:
                yield exc
                continue
            except OSError as exc:
                yield InputError(path, f"cannot be read ({exc.strerror})", "check its permissions")
                continue
            yield Source(path, data, format_of(path, data))
