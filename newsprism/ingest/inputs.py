"""Every local input, archives included: files, directories, globs, ``-`` and WARC/ARC files.

Web inputs (URLs, URL lists, OPML) are not read here: :mod:`newsprism.intake` fetches them.
"""

from __future__ import annotations

import glob
import os
from collections import Counter
from collections.abc import Iterator

from newsprism.errors import InputError, MissingInputError
from newsprism.ingest.files import Source, expand, iter_sources, not_regular
from newsprism.ingest.warc import is_archive, iter_warc

__all__ = ["input_units", "iter_inputs"]


def _archives(arg: str) -> list[str]:
    """The archives an argument names (a glob or a directory may name several), else none."""
    if any(ch in arg for ch in "*?["):
        return sorted(p for p in glob.glob(arg, recursive=True) if is_archive(p))
    if os.path.isdir(arg):
        found = []
        for root, dirs, files in os.walk(arg):
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            found += [os.path.join(root, f) for f in sorted(files) if is_archive(f)]
        return found
    return [arg] if is_archive(arg) else []


def iter_inputs(
    args: list[str],
    max_mb: float = 20.0,
    skipped: Counter[str] | None = None,
    warc_reader: str | None = None,
    max_gzip_ratio: float = 100.0,
) -> Iterator[Source | InputError]:
    """Each input in argument order: archive records one by one, other files as :func:`iter_sources` does.

    Archive records skipped (not HTML, not 200, revisits, duplicates) are counted in ``skipped``.
    """
    plain: list[str] = []
    for arg in args:
        archives = _archives(arg)
        if not archives or os.path.isdir(arg):  # a directory's other files are read as usual
            plain.append(arg)
        if not archives:
            continue
        if plain:
            yield from iter_sources(plain, max_mb, max_gzip_ratio)
            plain = []
        for path in archives:
            yield from iter_warc(path, max_mb, skipped, warc_reader)
    if plain:
        yield from iter_sources(plain, max_mb, max_gzip_ratio)


def input_units(args: list[str]) -> list[tuple[str, str] | InputError]:
    """The units :func:`iter_inputs` reads, in its order, without reading them: ``("file", path)``,
    ``("archive", path)``, or the error met while listing. A distributed run (newsprism.spark)
    hands each unit to a task, which reads it with ``iter_inputs([path])``."""
    units: list[tuple[str, str] | InputError] = []
    seen: set[str] = set()
    for arg in args:
        archives = _archives(arg)
        if not archives or os.path.isdir(arg):
            for path in expand(arg) or [MissingInputError(arg, "no such file or directory")]:
                if isinstance(path, InputError):
                    units.append(path)
                elif path not in seen:
                    seen.add(path)
                    refused = not_regular(path) if path != arg else None
                    units.append(refused or ("file", path))
        units.extend(("archive", path) for path in archives)
    return units
