"""ECB+ documents as article text: one detokenised sentence per line, sentence numbers kept.

Used by the story and brief evaluations; also a reader's tool for annotators:

    python bench/ecbplus_text.py 19_7ecbplus 19_5ecbplus     # prints "[n] sentence" lines
"""

from __future__ import annotations

import re
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

DEFAULT_DATA = Path(__file__).resolve().parents[1].parent / "shared" / "eval"
_NO_SPACE_BEFORE = re.compile(r" ([,.;:!?%)\]}'’]|n't|'s)")
_NO_SPACE_AFTER = re.compile(r"([(\[{$]) ")
# The ECB+ tokeniser split "4.6", "2:09" and "U.S." into tokens; the articles wrote them whole.
_SPLIT_DECIMAL = re.compile(r"(?<=\d)([.:]) (?=\d)")
_SPLIT_INITIALS = re.compile(r"\b([A-Za-z])\. (?=[A-Za-z]\.)")
_CONTRACTION = re.compile(r"(\w)’ (s|t|m|re|ve|ll|d)\b")
# "2,116" was split into "2 , 116".
_SPLIT_THOUSANDS = re.compile(r"\b(\d{1,3}), (\d{3})\b")
# "04/02/07" was split into "04 / 02 / 07".
_SPLIT_SLASH = re.compile(r"(?<=\d) / (?=\d)")
_SPACED_DASH = re.compile(r"(\S+) - (?=(\S+))")


# An opening straight mark the tokeniser left on its word (the ECB+ "plus" documents).
_GLUED_OPENER = re.compile(r'^"\w')


def _hyphen(m: re.Match) -> str:
    """ "16 - year - old", "bird's - eye" were hyphens; "Wright - director of" (a name, then a
    lower-case word) was a dash."""
    left, right = m.group(1), m.group(2)
    dash = left[0].isupper() and left.isalpha() and right[0].islower()
    if left[-1].isalnum() and right[0].isalnum() and not dash:
        return left + "-"
    return m.group(0)


def xml_path(data: Path, name: str) -> Path:
    """The CAT XML file of document ``name`` (e.g. ``19_7ecbplus``)."""
    return data / "ecbplus" / "ECB+" / name.split("_")[0] / f"{name}.xml"


def detokenise(tokens: list[str], closers_apart: bool = False) -> str:
    """Join tokens as the article printed them: quotes, contractions and hyphens closed up.

    ``closers_apart``: the document's tokeniser kept an opening straight mark on its word
    (`"Politics`) and split only closing ones off, so a lone `"` closes (after a colon, it
    opens: `He added: "[…]`); toggling would read every other closing mark as an opening one
    (`the law, "Salazar said.`)."""
    out: list[str] = []
    open_straight = False
    glue_next = False
    for k, token in enumerate(tokens):
        if token == '"' and closers_apart:
            opens = k > 0 and tokens[k - 1] == ":"
            out.append(' "' if opens else '"')
            glue_next = opens
            continue
        if token in ("``", "“"):
            out.append(" “")
            glue_next = True
            continue
        if token in ("''", "”"):
            out.append("”")
            continue
        if token == '"':
            open_straight = not open_straight
            out.append(' "' if open_straight else '"')
            glue_next = open_straight
            continue
        out.append(token if glue_next else " " + token)
        glue_next = False
    line = "".join(out).strip()
    line = _NO_SPACE_AFTER.sub(r"\1", _NO_SPACE_BEFORE.sub(r"\1", line))
    line = _CONTRACTION.sub(r"\1’\2", line)
    line = _SPACED_DASH.sub(_hyphen, line)
    line = _SPLIT_THOUSANDS.sub(r"\1,\2", line)
    line = _SPLIT_SLASH.sub("/", line)
    return _SPLIT_INITIALS.sub(r"\1.", _SPLIT_DECIMAL.sub(r"\1", line))


def sentences(xml: Path) -> list[tuple[int, str]]:
    """(sentence number, text) in order; a sentence that is a URL (ecbplus sentence 0) is dropped."""
    grouped: dict[int, list[str]] = {}
    for token in ET.parse(xml).getroot().iter("token"):
        grouped.setdefault(int(token.get("sentence", "0")), []).append(token.text or "")
    closers_apart = any(_GLUED_OPENER.match(t) for tokens in grouped.values() for t in tokens)
    out = []
    for number, tokens in sorted(grouped.items()):
        line = detokenise(tokens, closers_apart)
        if line.startswith("http"):
            continue
        out.append((number, line))
    return out


def url(xml: Path) -> str | None:
    """The source URL an ecbplus document starts with (sentence 0), if any."""
    tokens = [t.text or "" for t in ET.parse(xml).getroot().iter("token") if t.get("sentence") == "0"]
    joined = "".join(tokens)
    return joined if joined.startswith("http") else None


def main(argv: list[str]) -> int:
    for name in argv:
        xml = xml_path(DEFAULT_DATA, name)
        print(f"=== {name}  ({url(xml) or 'no url'})")
        for number, line in sentences(xml):
            print(f"[{number}] {line}")
        print()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
