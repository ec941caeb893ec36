"""Pre-tokenised input back to printed text, with a map to the raw offsets.

Corpora and some exports print text as tokens: PTB-style quotes (``` `` ``` and ``''``),
clitics split off (``is n't``, ``family 's``), spaces before punctuation (``said .``), and
line breaks written as the two characters ``\\n``. The cleaner's rules read printed text, so
such input is detokenised first; the raw text is kept as it came, and every offset of the
detokenised text maps back to it (a quote token becomes one quote mark, which maps to the
token's first character).
"""

from __future__ import annotations

import re

from newsprism.model import OffsetMap
from newsprism.settings import CleanSettings

__all__ = ["compose", "detokenise", "has_literal_breaks", "is_pretokenised"]

_SPACED_PUNCT = re.compile(r"(?<=\S) [,.;:!?](?=\s|$)|(?<=\w) n't\b|(?:^|\s)(?:``|'')(?=\s|$)", re.MULTILINE)
_PUNCT = re.compile(r"[,.;:!?](?=\s|$)", re.MULTILINE)
_SPACED_HINTS = (" ,", " .", " ;", " :", " !", " ?", " n't", "``", "''")
_ESCAPE = re.compile(r'\\r\\n|\\n|\\"|\\t')
_PIECE = re.compile(r"\n|[^\S\n]+|\S+")

_OPEN_QUOTES = {"``": "“", "`": "‘"}
_CLOSE_QUOTES = {"''": "”"}
_CLOSING = re.compile(r"^(?:[,.;:!?%)\]}]+|\.\.\.|…|”|n't|n’t|['’](?:s|re|ve|ll|d|m|t)?)$", re.IGNORECASE)
_OPENING = re.compile(r"^(?:[(\[{$#]|“|‘)$")
_CLITIC = re.compile(r"^(?:s|t|re|ve|ll|d|m)$", re.IGNORECASE)


def is_pretokenised(raw: str, cfg: CleanSettings) -> bool:
    """Whether punctuation is set off by spaces often enough to be tokens, not typing slips."""
    # Every match of _SPACED_PUNCT holds one of these; printed text mostly has none, and
    # looking for them is a fraction of the regular expression's cost on a long text.
    spaced = len(_SPACED_PUNCT.findall(raw)) if any(h in raw for h in _SPACED_HINTS) else 0
    return spaced >= cfg.pretokenised_min and spaced >= cfg.pretokenised_share * max(
        1, len(_PUNCT.findall(raw))
    )


def has_literal_breaks(raw: str) -> bool:
    """Line breaks written as ``\\n`` (an export that escaped them), more of them than real ones."""
    literal = raw.count("\\n")  # a written-out break, "\\n" or "\\r\\n", holds one "\\n"
    return literal >= 2 and literal > raw.count("\n")


class _Out:
    """Detokenised text and its runs ``(out_start, raw_start, length)``."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.runs: list[tuple[int, int, int]] = []
        self.length = 0

    def add(self, raw_start: int, text: str, contiguous: bool) -> None:
        if self.runs and contiguous:
            cs, rs, ln = self.runs[-1]
            if cs + ln == self.length and rs + ln == raw_start:
                self.runs[-1] = (cs, rs, ln + len(text))
                self.parts.append(text)
                self.length += len(text)
                return
        self.runs.append((self.length, raw_start, len(text)))
        self.parts.append(text)
        self.length += len(text)


def _pieces(raw: str, literal_breaks: bool) -> list[tuple[int, str, str]]:
    """``(raw_start, raw_piece, kind)``: kind is "nl", "space" or "token"."""
    out: list[tuple[int, str, str]] = []
    for m in _PIECE.finditer(raw):
        piece, start = m.group(0), m.start()
        if piece == "\n":
            out.append((start, piece, "nl"))
        elif piece.isspace():
            out.append((start, piece, "space"))
        elif literal_breaks and _ESCAPE.search(piece):
            out.extend(_unescaped(piece, start))
        else:
            out.append((start, piece, "token"))
    return out


def _unescaped(piece: str, start: int) -> list[tuple[int, str, str]]:
    """A token holding written-out escapes: ``\\n`` a line break, ``\\"`` a quote mark (the
    mark itself, one character after the backslash), ``\\t`` a space."""
    out: list[tuple[int, str, str]] = []
    pos = 0
    for esc in _ESCAPE.finditer(piece):
        if esc.start() > pos:
            out.append((start + pos, piece[pos : esc.start()], "token"))
        code = esc.group(0)
        if code == '\\"':
            out.append((start + esc.start() + 1, '"', "token"))
        else:
            out.append((start + esc.start(), code, "space" if code == "\\t" else "nl"))
        pos = esc.end()
    if pos < len(piece):
        out.append((start + pos, piece[pos:], "token"))
    return out


def _in_number(pieces: list[tuple[int, str, str]], k: int) -> bool:
    """The space at ``k`` splits a time or a decimal ("09 : 30", "4 . 6") after the mark."""
    if k < 3 or k + 1 >= len(pieces):
        return False
    before, mark, nxt = pieces[k - 3][1], pieces[k - 1][1], pieces[k + 1][1]
    return mark in (":", ".") and before[-1:].isdigit() and nxt[:1].isdigit() and pieces[k - 2][2] == "space"


def _glue(prev: str, nxt: str, straight_open: bool) -> bool:
    """Whether the space between tokens ``prev`` and ``nxt`` is a tokeniser's, not the writer's."""
    if _OPENING.match(prev) or prev in _OPEN_QUOTES or (prev == '"' and straight_open):
        return True
    if nxt in _CLOSE_QUOTES or (nxt == '"' and straight_open):
        return True
    if prev in ("'", "’") and _CLITIC.match(nxt):
        return True
    if nxt in ("'", "’"):  # a closing single quote, or the mark of a split clitic ("teen ’ s")
        return prev[-1:].isalnum()
    return bool(_CLOSING.match(nxt))


def detokenise(raw: str, tokens: bool = True, literal_breaks: bool = False) -> tuple[str, OffsetMap]:
    """``raw`` as printed text (tokens closed up when ``tokens``; ``\\n`` written out as line breaks
    when ``literal_breaks``) and the map from its offsets to ``raw``'s."""
    out = _Out()
    pieces = _pieces(raw, literal_breaks)
    straight_open = False  # inside a straight-quoted stretch (reset at a blank line)
    for k, (start, piece, kind) in enumerate(pieces):
        if kind == "nl":
            out.add(start, "\n", contiguous=piece == "\n")
            if k > 0 and pieces[k - 1][2] == "nl":
                straight_open = False
            continue
        if kind == "space":
            prev = pieces[k - 1] if k else None
            nxt = pieces[k + 1] if k + 1 < len(pieces) else None
            if (
                tokens
                and prev
                and nxt
                and prev[2] == nxt[2] == "token"
                and (_glue(prev[1], nxt[1], straight_open) or _in_number(pieces, k))
            ):
                continue
            out.add(start, piece, contiguous=True)
            continue
        if tokens and piece == '"':
            straight_open = not straight_open
        text = (_OPEN_QUOTES.get(piece) or _CLOSE_QUOTES.get(piece)) if tokens else None
        out.add(start, text or piece, contiguous=text is None)
    return "".join(out.parts), OffsetMap(tuple(out.runs))


def compose(outer: OffsetMap, inner: OffsetMap) -> OffsetMap:
    """The map ``cleaned -> raw`` from ``cleaned -> middle`` (outer) and ``middle -> raw`` (inner)."""
    runs: list[tuple[int, int, int]] = []
    inner_runs = inner.runs
    j = 0
    for cs, ms, ln in outer.runs:
        end = ms + ln
        while j > 0 and (j >= len(inner_runs) or inner_runs[j][0] > ms):
            j -= 1
        while j < len(inner_runs) and inner_runs[j][0] + inner_runs[j][2] <= ms:
            j += 1
        k = j
        while k < len(inner_runs) and inner_runs[k][0] < end:
            i_ms, i_rs, i_ln = inner_runs[k]
            lo, hi = max(ms, i_ms), min(end, i_ms + i_ln)
            if hi > lo:
                runs.append((cs + lo - ms, i_rs + lo - i_ms, hi - lo))
            k += 1
    return OffsetMap(tuple(runs))
