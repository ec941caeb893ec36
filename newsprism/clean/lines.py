"""Split raw text into lines and blank-line separated blocks, keeping raw offsets."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

__all__ = ["Line", "split_lines"]


@dataclass(frozen=True)
class Line:
    """One non-blank line of the raw input. ``start``/``end`` exclude surrounding space."""

    index: int
    start: int
    end: int
    text: str
    blank_before: bool

    @functools.cached_property
    def words(self) -> list[str]:
        """Words (tokens with a letter or digit): punctuation set off by spaces does not count.

        Computed once per line (the classifier asks several times)."""
        return [w for w in self.text.split() if _ALNUM.search(w)]


# A letter or digit: the characters str.isalnum() accepts, the same set (checked over all of Unicode).
_ALNUM = re.compile(r"[^\W_]")
_LINE = re.compile(r"[^\n]*(?:\n|$)")


def split_lines(raw: str) -> list[Line]:
    """Non-blank lines with their raw offsets; ``blank_before`` marks a paragraph break."""
    lines: list[Line] = []
    blank = True
    for match in _LINE.finditer(raw):
        segment = match.group(0)
        if not segment:
            break
        stripped = segment.strip()
        if not stripped:
            blank = True
            continue
        lead = len(segment) - len(segment.lstrip())
        start = match.start() + lead
        lines.append(Line(len(lines), start, start + len(stripped), stripped, blank))
        blank = False
    return lines
