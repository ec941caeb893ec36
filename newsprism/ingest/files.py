"""Find input files: directories (recursive), globs, plain paths and ``-`` for stdin."""

from __future__ import annotations

import glob
import os
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from newsprism.errors import InputError, MissingInputError, TooLargeInputError

__all__ = ["Source", "SUFFIXES", "iter_sources", "format_of"]

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


def _expand(arg: str) -> list[str] | None:
    """Files named by one argument; None when nothing matches."""
    if arg != "-" and any(ch in arg for ch in "*?["):
        matches = sorted(p for p in glob.glob(arg, recursive=True) if os.path.isfile(p))
        return matches or None
    path = Path(arg)
    if path.is_dir():
        found = []
        for root, dirs, files in os.walk(path):
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            for name in sorted(files):
                base = name[:-3] if name.endswith(".gz") else name
                if os.path.splitext(base)[1].lower() in SUFFIXES:
                    found.append(os.path.join(root, name))
        return found
    return [arg] if arg == "-" or path.exists() else None


def _read(path: str, max_bytes: int) -> bytes:
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
    if path.endswith(".gz"):
        import gzip

        try:
            data = gzip.decompress(data)
        except (OSError, EOFError) as exc:
            raise InputError(path, f"not a readable gzip file ({exc})", "check the file") from None
    return data


def iter_sources(args: list[str], max_mb: float = 20.0) -> Iterator[Source | InputError]:
    """Each input file in order, or the error that stops it from being read."""
    max_bytes = int(max_mb * 1_000_000)
    seen: set[str] = set()
    for arg in args:
        paths = _expand(arg)
        if paths is None:
            yield MissingInputError(arg, "no such file or directory")
            continue
        for path in paths:
            if path in seen:
                continue
            seen.add(path)
            try:
                data = _read(path, max_bytes)
            except InputError as exc:
                yield exc
                continue
            except OSError as exc:
                yield InputError(path, f"cannot be read ({exc.strerror})", "check its permissions")
                continue
            yield Source(path, data, format_of(path, data))
