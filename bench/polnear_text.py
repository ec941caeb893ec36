"""PolNeAR articles with deterministic sentence numbers (a reader's tool and the brief gold's index).

The splitter is our own and deliberately simple, so gold sentence numbers never depend on
newsprism: the text is cut into paragraphs at blank lines, and a paragraph into sentences after
``.``, ``!`` or ``?`` (plus any closing quote marks or brackets) followed by white space and an
upper-case letter, a digit or an opening quote — unless the word ending in ``.`` is a known
abbreviation ("Mr.", "Sen.", "Sept."), a single letter ("J.") or dotted initials ("U.S."). Sentences are numbered
from 0 in document order; sentence 0 is the headline line the PolNeAR texts begin with.

    python bench/polnear_text.py nyt_2016-09-27_some-file-stem [more stems]   # "[n] sentence"
"""

from __future__ import annotations

import csv
import re
import sys
from pathlib import Path

DEFAULT_DATA = Path(__file__).resolve().parents[1].parent / "shared" / "eval"
ABBREVIATIONS = {
    "mr", "mrs", "ms", "dr", "sen", "sens", "rep", "reps", "gov", "lt", "gen", "col", "sgt", "st",
    "jr", "sr", "no", "vs", "v", "inc", "corp", "co", "ltd", "prof", "rev", "hon", "pres", "sec",
    "jan", "feb", "mar", "apr", "aug", "sept", "sep", "oct", "nov", "dec", "a.m", "p.m", "etc",
    "ft", "mt", "gens", "adm", "capt", "cmdr", "maj", "supt", "atty", "dept", "govt", "ave",
}  # fmt: skip
_BREAK = re.compile(r"[.!?][\"'”’)\]]*\s+(?=[A-Z0-9\"“‘'(])")
_PARAGRAPH = re.compile(r"[^\n]+(?:\n(?!\s*\n)[^\n]+)*")


def _is_abbreviation(text: str, end: int) -> bool:
    """Whether the ``.`` at ``text[end]`` closes an abbreviation rather than a sentence."""
    if text[end] != ".":
        return False
    start = end
    while start > 0 and (text[start - 1].isalnum() or text[start - 1] == "."):
        start -= 1
    word = text[start:end].lower()
    return word in ABBREVIATIONS or "." in word or (len(word) <= 1 and word != "")


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Character spans ``[start, end)`` of the sentences of ``text``, in order."""
    spans = []
    for para in _PARAGRAPH.finditer(text):
        a, b = para.start(), para.end()
        start = a
        for m in _BREAK.finditer(text, a, b):
            if _is_abbreviation(text, m.start()):
                continue
            end = m.start() + len(m.group(0).rstrip())
            spans.append((start, end))
            start = m.end()
        if text[start:b].strip():
            spans.append((start, b))
    return [
        (s + len(text[s:e]) - len(text[s:e].lstrip()), e - (len(text[s:e]) - len(text[s:e].rstrip())))
        for s, e in spans
    ]


def text_path(data: Path, stem: str) -> Path:
    """The text file of document ``stem`` (train or dev)."""
    for part in ("train", "dev"):
        path = data / "polnear" / part / "text" / f"{stem}.txt"
        if path.is_file():
            return path
    raise FileNotFoundError(f"{stem}: no PolNeAR text under {data / 'polnear'}")


def read_text(data: Path, stem: str) -> str:
    return text_path(data, stem).read_text(encoding="utf-8")


def sentences(data: Path, stem: str) -> list[tuple[int, str, int, int]]:
    """(sentence number, text, start, end) of document ``stem``."""
    text = read_text(data, stem)
    return [(i, text[a:b], a, b) for i, (a, b) in enumerate(sentence_spans(text))]


def metadata(data: Path) -> dict[str, dict[str, str]]:
    """PolNeAR's metadata.tsv by file stem (publisher, publication_date, title, credit, wire)."""
    with (data / "polnear" / "metadata.tsv").open(encoding="utf-8", newline="") as f:
        return {row["filename"]: row for row in csv.DictReader(f, delimiter="\t")}


def main(argv: list[str]) -> int:
    meta = metadata(DEFAULT_DATA)
    for stem in argv:
        m = meta.get(stem, {})
        print(f"=== {stem}  ({m.get('publisher')}, {m.get('publication_date')}, wire={m.get('wire')})")
        for number, line, _, _ in sentences(DEFAULT_DATA, stem):
            print(f"[{number}] {line}")
        print()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
