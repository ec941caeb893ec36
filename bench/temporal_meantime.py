"""TIMEX3 detection and normalisation on MEANTIME (English Wikinews, intra-document layer).

MEANTIME annotates only the title and first five sentences of each article, so the
text scored is those sentences. Tokens are joined back into text (no space before
closing punctuation); each TIMEX3
mention's span is its first to last anchored token; the document creation time
(``functionInDocument="CREATION_TIME"``) is the reference date. Scored exactly as
``temporal_tempeval.py`` scores TempEval-3 (strict / relaxed detection, value and
type F1 over relaxed matches).

    PYTHONPATH=$PWD python bench/temporal_meantime.py --data /work/shared/eval
"""

from __future__ import annotations

import datetime as dt
import re
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from temporal_tempeval import Gold, evaluate, parse_args, report, run_peer  # noqa: E402

_NO_SPACE_BEFORE = re.compile(r"^(?:[,.;:!?%)\]}]|'s|'|n't|'re|'ve|'ll|'d|'m)$", re.IGNORECASE)
_NO_SPACE_AFTER = {"(", "[", "{", "$", "``", "`"}
# MEANTIME annotates the title (sentence 0) and the first five sentences only.
ANNOTATED_SENTENCES = 5


def load_doc(path: Path) -> tuple[str, dt.date | None, list[Gold]]:
    root = ET.parse(path).getroot()
    text, starts, ends = _detokenize(root)
    gold: list[Gold] = []
    ref = None
    for tx in root.iter("TIMEX3"):
        ids = [a.get("t_id") for a in tx.findall("token_anchor")]
        value = tx.get("value", "")
        if tx.get("functionInDocument") == "CREATION_TIME" and re.match(r"\d{4}-\d\d-\d\d", value):
            ref = dt.date.fromisoformat(value[:10])
        if not ids:
            continue
        start, end = starts[ids[0]], ends[ids[-1]]
        gold.append((start, end, text[start:end], tx.get("type", ""), value))
    return text, ref, gold


def _detokenize(root: ET.Element) -> tuple[str, dict[str, int], dict[str, int]]:
    parts: list[str] = []
    starts: dict[str, int] = {}
    ends: dict[str, int] = {}
    length, prev, sentence = 0, "", None
    for tok in root.iter("token"):
        if int(tok.get("sentence", "0")) > ANNOTATED_SENTENCES:
            break
        word = tok.text or ""
        sep = ""
        if sentence is not None and tok.get("sentence") != sentence:
            sep = "\n"
        elif parts and not _NO_SPACE_BEFORE.match(word) and prev not in _NO_SPACE_AFTER:
            sep = " "
        parts.append(sep + word)
        length += len(sep)
        starts[tok.get("t_id", "")] = length
        length += len(word)
        ends[tok.get("t_id", "")] = length
        prev, sentence = word, tok.get("sentence")
    return "".join(parts), starts, ends


def main() -> None:
    args = parse_args(__doc__)
    base = args.data / "meantime" / "meantime_newsreader_english_oct15" / "intra-doc_annotation"
    docs = []
    for path in sorted(base.glob("*/*.xml")):
        text, ref, gold = load_doc(path)
        docs.append((path.stem[:40], text, ref, gold))
    counts = evaluate(docs, args.errors)
    report(f"MEANTIME English ({len(docs)} docs)", counts)
    run_peer(docs, args)
    print("ANCHOR none published for HeidelTime on MEANTIME; see temporal_tempeval.py for TempEval-3")


if __name__ == "__main__":
    main()
