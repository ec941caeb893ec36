"""One way to give output on every command: ``--json`` prints JSON to stdout; ``-o FILE``
writes a file (its format from the extension, or ``--format``); ``--force`` lets a file that
exists be overwritten. An output that is one of the inputs is always refused."""

from __future__ import annotations

import argparse
import glob
import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from newsprism.cli.common import dump
from newsprism.errors import OutputError

__all__ = ["EXTENSIONS", "Renderers", "add_output", "check_outputs", "emit"]

# Renderers per format: each returns text, or bytes for binary formats (Parquet).
Renderers = dict[str, Callable[[Any], str | bytes]]

EXTENSIONS = {
    ".json": "json",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".md": "md",
    ".markdown": "md",
    ".html": "html",
    ".htm": "html",
    ".txt": "text",
    ".csv": "csv",
    ".parquet": "parquet",
}


def add_output(p: argparse.ArgumentParser, formats: Iterable[str]) -> None:
    """The output flags every command takes; ``formats`` are those ``-o`` can write."""
    formats = list(formats)
    p.add_argument("--json", action="store_true", help="print JSON to stdout")
    p.add_argument(
        "-o",
        "--output",
        action="append",
        default=[],
        metavar="FILE",
        help=f"write to FILE (- for stdout; repeatable), format from its extension: {', '.join(formats)}",
    )
    p.add_argument("--format", choices=formats, help="format of every -o FILE (default: from its extension)")
    p.add_argument("--force", action="store_true", help="overwrite output files that exist")


def _format(path: str, given: str | None, renderers: Renderers) -> str:
    fmt = given or (EXTENSIONS.get(Path(path).suffix.lower()) if path != "-" else "text")
    if fmt is None or fmt not in renderers:
        known = ", ".join(sorted(renderers))
        raise OutputError(f"{path}: cannot tell which format to write", f"use one of {known} with --format")
    return fmt


def _input_paths(inputs: Iterable[str]) -> list[Path]:
    out: list[Path] = []
    for given in inputs:
        if given == "-" or not given:
            continue
        matches = glob.glob(given, recursive=True) if glob.has_magic(given) else [given]
        out.extend(Path(m).resolve() for m in matches)
    return out


def check_outputs(outputs: Iterable[str], inputs: Iterable[str], force: bool) -> None:
    """Refuse, before any work, an output that is an input (or would be read as one) or that
    exists when ``force`` is not set."""
    sources = _input_paths(inputs)
    for given in outputs:
        if given == "-":
            continue
        path = Path(given).resolve()
        for src in sources:
            if path == src or (src.is_dir() and path.exists() and path.is_relative_to(src)):
                raise OutputError(
                    f"{given}: is one of the inputs; refusing to write over it", "give a new file"
                )
        if path.exists() and not force:
            raise OutputError(f"{given}: exists", "give a new file, or --force to overwrite it")
        if path.is_dir():
            raise OutputError(f"{given}: is a directory", "give a file name")


def _write(path: str, data: str | bytes) -> None:
    if path == "-":
        if isinstance(data, bytes):
            sys.stdout.buffer.write(data)
        else:
            sys.stdout.write(data)
    elif isinstance(data, bytes):
        Path(path).write_bytes(data)
    else:
        Path(path).write_text(data, encoding="utf-8")


def emit(args: argparse.Namespace, data: Any, renderers: Renderers) -> None:
    """Write ``data`` to each ``-o FILE``; print it as JSON with ``--json``, else in
    ``--format`` or as text, unless an ``-o -`` already went to stdout."""
    for path in args.output:
        _write(path, renderers[_format(path, args.format, renderers)](data))
    if args.json:
        _write("-", renderers.get("json", dump)(data))
    elif "-" not in args.output:
        _write("-", renderers[args.format or "text"](data))
