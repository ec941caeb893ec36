"""Untrusted text on a terminal: control characters are shown escaped, never obeyed.

Article text, metadata and file names can carry escape sequences (clear the screen, write
the clipboard with OSC 52, rewrite a line with a carriage return) and bidi overrides that
reorder what a reader sees. :func:`escape_controls` turns each of them into a visible
``\\uNNNN``, which is also a valid escape inside a JSON string, so JSON written through it
stays valid; :class:`SafeStream` applies it to everything written to stdout or stderr, so
no print in the CLI can forget it.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any, TextIO

__all__ = ["SafeStream", "escape_controls", "one_line", "safe_streams"]

# C0 and C1 controls, DEL, bidi embeddings/overrides/isolates, line/paragraph separators.
_CONTROLS = "\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2028\u2029\u2066-\u2069"
_PATTERNS: dict[str, re.Pattern[str]] = {}


def _pattern(keep: str) -> re.Pattern[str]:
    if keep not in _PATTERNS:
        kept = "".join(re.escape(c) for c in keep)
        _PATTERNS[keep] = re.compile(f"(?![{kept}])[{_CONTROLS}]" if keep else f"[{_CONTROLS}]")
    return _PATTERNS[keep]


def _visible(match: re.Match[str]) -> str:
    return f"\\u{ord(match.group(0)):04x}"


def escape_controls(text: str, keep: str = "\n\t") -> str:
    """``text`` with every control character except those in ``keep`` shown as an escape."""
    return _pattern(keep).sub(_visible, text)


def one_line(text: str) -> str:
    """``text`` safe for one terminal line: newlines and tabs are escaped too."""
    return escape_controls(text, keep="")


class SafeStream:
    """A text stream that escapes control characters in everything written through it.

    ``keep`` names the characters passed through (stderr keeps ``\\r`` for progress bars);
    ``raw`` is the wrapped stream, for writers whose own control codes are trusted.
    """

    def __init__(self, stream: TextIO, keep: str = "\n\t") -> None:
        self.raw = stream
        self._keep = keep

    def write(self, text: str) -> int:
        self.raw.write(escape_controls(text, self._keep))
        return len(text)

    def writelines(self, lines: Any) -> None:
        for line in lines:
            self.write(line)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.raw, name)


@contextmanager
def safe_streams() -> Iterator[None]:
    """``sys.stdout`` and ``sys.stderr`` wrapped in :class:`SafeStream` for the block (stderr keeps ``\\r``)."""
    streams = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = SafeStream(sys.stdout), SafeStream(sys.stderr, keep="\n\t\r")
    try:
        yield
    finally:
        sys.stdout, sys.stderr = streams
