"""Metadata given for input files from outside them: command-line flags for one file, or a
manifest (CSV with a header, or JSON Lines) for many, with fields ``path``, ``outlet``,
``published``, ``url``, ``author``. Given metadata wins over what the reader and the cleaner find.
"""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import io
import json
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from newsprism.errors import SettingsError
from newsprism.model import Document

__all__ = ["Given", "apply_given", "given_key", "read_manifest"]

FIELDS = ("outlet", "published", "url", "author")


@dataclass(frozen=True)
class Given:
    """Metadata for one input file; ``source`` says where it came from (shown with the date)."""

    outlet: str | None = None
    published: str | None = None
    url: str | None = None
    author: str | None = None
    source: str = "given"

    def __post_init__(self) -> None:
        if self.published:
            _check_date(self.published, self.source)


def _check_date(value: str, where: str) -> None:
    try:
        dt.datetime.fromisoformat(value)
    except ValueError:
        raise SettingsError(f"{where}: published {value!r} is not a date", "use YYYY-MM-DD") from None


def given_key(path: str) -> str:
    """The key a document's metadata is found under: its file, resolved (``FILE#N`` -> ``FILE``)."""
    return str(Path(path.split("#", 1)[0]).resolve()) if path != "-" else "-"


def _rows(path: Path, text: str) -> list[dict[str, str]]:
    if path.suffix.lower() in (".jsonl", ".ndjson", ".json"):
        rows = []
        for n, line in enumerate(text.splitlines(), 1):
            if line.strip():
                try:
                    row = json.loads(line)
                except json.JSONDecodeError:
                    raise SettingsError(f"{path}:{n}: not a JSON object", "one object per line") from None
                if not isinstance(row, dict):
                    raise SettingsError(f"{path}:{n}: not a JSON object", "one object per line")
                rows.append(row)
        return rows
    return list(csv.DictReader(io.StringIO(text)))


def read_manifest(path: str) -> dict[str, Given]:
    """``{resolved file path: Given}``; relative paths are relative to the manifest's folder."""
    manifest = Path(path)
    try:
        text = manifest.read_text(encoding="utf-8-sig")
    except OSError as exc:
        raise SettingsError(f"{path}: cannot read the manifest ({exc.strerror})", "check the path") from None
    out: dict[str, Given] = {}
    for n, row in enumerate(_rows(manifest, text), 1):
        name = str(row.get("path") or "").strip()
        if not name:
            raise SettingsError(f"{path}: row {n} has no path", "every row names its file in a 'path' field")
        values = {f: (str(row[f]).strip() or None) if row.get(f) is not None else None for f in FIELDS}
        out[given_key(str(manifest.parent / name))] = Given(**values, source=f"manifest {manifest.name}")
    return out


def apply_given(doc: Document, given: Mapping[str, Given]) -> tuple[Document, Given | None]:
    """``doc`` with the metadata given for its file (and that metadata), else ``doc`` as it was."""
    if not given:  # no manifest: resolving the path (a system call a folder level) would find nothing
        return doc, None
    meta = given.get(given_key(doc.path))
    if meta is None:
        return doc, None
    changes = {f: getattr(meta, f) for f in FIELDS if getattr(meta, f)}
    if meta.published:
        changes["published_source"] = meta.source
    return dataclasses.replace(doc, **changes), meta
