"""Progress bars on stderr, shown only to a person at a terminal and never with --quiet."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager

__all__ = ["progress_bar"]


@contextmanager
def progress_bar(desc: str, quiet: bool = False, total: int | None = None) -> Iterator[Callable[[str], None]]:
    """Yields a ``tick(name)`` callable; a no-op when quiet or when stderr is not a terminal."""
    if quiet or not sys.stderr.isatty():
        yield lambda _name: None
        return
    from tqdm import tqdm

    with tqdm(desc=desc, total=total, unit="file", file=sys.stderr, leave=False, mininterval=0.5) as bar:
        yield lambda _name: bar.update(1)
