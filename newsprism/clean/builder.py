"""Build cleaned text from kept pieces of the raw input, keeping a map back to raw offsets."""

from __future__ import annotations

import re

from newsprism.model import OffsetMap

__all__ = ["TextBuilder", "fold_char"]

# Typographic variants folded to the four marks the rest of newsprism expects; the
# original character stays in the raw text, reachable through the offset map.
_FOLD = str.maketrans(
    {
        "\u201e": "\u201c",  # „ low double
        "\u201f": "\u201c",  # ‟ reversed double
        "\u2033": "\u201d",  # ″ double prime used as a quote
        "\uff02": '"',  # fullwidth
        "\u201a": "\u2018",  # ‚ low single
        "\u201b": "\u2018",  # ‛ reversed single
        "\u00a0": " ",
        "\u2007": " ",
        "\u202f": " ",
        "\u200b": " ",
        "\t": " ",
        "\n": " ",
        "\r": " ",
        "\f": " ",
        "\v": " ",
    }
)
# Runs of two or more white-space characters; a single one is folded to a space one for one.
_SPACE = re.compile(r"[ \t\u00a0\u2007\u202f\u200b\r\n\f\v]{2,}")


_SPACE_CHARS = " \t\u00a0\u2007\u202f\u200b\r\n\f\v"


def fold_char(text: str) -> str:
    """Fold quote-mark and space variants, one character for one."""
    return text.translate(_FOLD)


class TextBuilder:
    """Appends raw segments (whitespace collapsed) and separators; yields text and its map."""

    def __init__(self, raw: str) -> None:
        self.raw = raw
        self._parts: list[str] = []
        self._runs: list[tuple[int, int, int]] = []
        self._length = 0

    @property
    def length(self) -> int:
        return self._length

    def ends_with_space(self) -> bool:
        return bool(self._parts) and self._parts[-1].endswith((" ", "\n"))

    def add_raw(self, start: int, end: int) -> None:
        """Append ``raw[start:end]`` with runs of white space folded to one space."""
        pos = start
        for match in _SPACE.finditer(self.raw, start, end):
            self._add_run(pos, match.start())
            if self._length and not self.ends_with_space():
                self._add_run(match.start(), match.start() + 1, replace=" ")
            pos = match.end()
        if pos < end and self.raw[pos] in _SPACE_CHARS and self.ends_with_space():
            pos += 1  # a single space right after a separator
        self._add_run(pos, end)

    def add_sep(self, sep: str) -> None:
        """Append text that is not in the raw input (paragraph breaks, joining spaces)."""
        if not sep:
            return
        if self._parts and self._parts[-1].endswith(" ") and sep.strip() == "":
            self._trim_trailing_space()
        self._parts.append(sep)
        self._length += len(sep)

    def _trim_trailing_space(self) -> None:
        last = self._parts[-1]
        self._parts[-1] = last[:-1]
        self._length -= 1
        if self._runs:
            cs, rs, ln = self._runs[-1]
            if cs + ln > self._length:
                if ln > 1:
                    self._runs[-1] = (cs, rs, ln - 1)
                else:
                    self._runs.pop()

    def _add_run(self, start: int, end: int, replace: str | None = None) -> None:
        if end <= start:
            return
        piece = replace if replace is not None else fold_char(self.raw[start:end])
        if self._runs:
            cs, rs, ln = self._runs[-1]
            if cs + ln == self._length and rs + ln == start:
                self._runs[-1] = (cs, rs, ln + len(piece))
            else:
                self._runs.append((self._length, start, len(piece)))
        else:
            self._runs.append((self._length, start, len(piece)))
        self._parts.append(piece)
        self._length += len(piece)

    def build(self) -> tuple[str, OffsetMap]:
        text = "".join(self._parts)
        stripped = text.rstrip()
        return stripped, OffsetMap(tuple(self._runs))
