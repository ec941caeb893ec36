"""Split raw text into lines and blank-line separated blocks, keeping raw offsets."""

from __future__ import annotations

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

    @property
    def words(self) -> list[str]:
        """Words (tokens with a letter or digit): punctuation set off by spaces does not count."""
        return [w for w in self.text.split() if any(c.isalnum() for c in w)]


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
