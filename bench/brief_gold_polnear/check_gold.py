"""Integrity check of the PolNeAR brief gold (data only: never runs newsprism).

Every story of ``stories.json`` that has a file must load with the shape of ``../brief_gold/README.md``:
its articles are those of ``stories.json``, every sentence number exists in
``bench/polnear_text.py``'s numbering, every quote locator and loaded term is found inside its
sentence, every speaker id is declared, a real contradiction joins two different articles (one
look-alike of pn-apr26-primaries sits inside one article), and timeline dates match their
precision. Prints the counts per story; exit status 1 on any error.

    python bench/brief_gold_polnear/check_gold.py
    python bench/brief_gold_polnear/check_gold.py bench/brief_gold_polnear_dev   # another PolNeAR gold
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from polnear_text import DEFAULT_DATA, sentences  # noqa: E402

GOLD = Path(__file__).resolve().parent
DATE = {"day": r"\d{4}-\d{2}-\d{2}", "month": r"\d{4}-\d{2}", "year": r"\d{4}", "decade": r"\d{3}"}
LISTS = ("speakers", "quotes", "facts", "contradictions", "timeline", "loaded")


def _cited(texts: dict[str, dict[int, str]], doc: str, number: int, where: str) -> list[str]:
    if doc not in texts:
        return [f"{where}: {doc} is not an article of the story"]
    return [] if number in texts[doc] else [f"{where}: {doc}[{number}] no such sentence"]


def _found(texts: dict[str, dict[int, str]], doc: str, number: int, words: str, where: str) -> list[str]:
    errors = _cited(texts, doc, number, where)
    if not errors and words.lower() not in texts[doc][number].lower():
        errors.append(f"{where}: {words!r} not in {doc}[{number}]")
    return errors


def check_story(gold: dict, entry: dict) -> list[str]:
    """Errors of one story file against its ``stories.json`` entry."""
    errors = [f"missing list {key!r}" for key in LISTS if not isinstance(gold.get(key), list)]
    if errors:
        return errors
    if gold.get("articles") != entry["articles"]:
        errors.append("articles differ from stories.json")
    texts = {doc: {n: t for n, t, _, _ in sentences(DEFAULT_DATA, doc)} for doc in entry["articles"]}
    people = {p["id"] for p in gold["speakers"]}
    for q in gold["quotes"]:
        errors += _found(texts, q["doc"], q["sentence"], q["locator"], "quote")
        if q["speaker"] not in people or q["kind"] not in ("direct", "indirect") or not q.get("group"):
            errors.append(f"quote {q['doc']}[{q['sentence']}]: bad speaker, kind or group")
    for item in gold["facts"] + gold["timeline"]:
        for doc, numbers in item["support"].items():
            for n in numbers:
                errors += _cited(texts, doc, n, item.get("id") or item["event"])
    for t in gold["timeline"]:
        if not re.fullmatch(DATE.get(t["precision"], "-"), t["date"]):
            errors.append(f"timeline {t['event']!r}: date {t['date']} is not a {t['precision']}")
    for c in gold["contradictions"]:
        errors += _cited(texts, c["a"]["doc"], c["a"]["sentence"], "contradiction")
        errors += _cited(texts, c["b"]["doc"], c["b"]["sentence"], "contradiction")
        if not isinstance(c["real"], bool) or (c["real"] and c["a"]["doc"] == c["b"]["doc"]):
            errors.append(f"contradiction {c['about']!r}: needs real true/false, and two articles when real")
    for item in gold["loaded"]:
        errors += _found(texts, item["doc"], item["sentence"], item["term"], "loaded")
    return errors


def main() -> int:
    gold_dir = Path(sys.argv[1]) if len(sys.argv) > 1 else GOLD
    index = json.loads((gold_dir / "stories.json").read_text(encoding="utf-8"))["stories"]
    failed = 0
    for entry in index:
        path = gold_dir / f"{entry['story']}.json"
        if not path.is_file():
            print(f"{entry['story']}: no file yet")
            continue
        gold = json.loads(path.read_text(encoding="utf-8"))
        errors = check_story(gold, entry)
        counts = " ".join(f"{key} {len(gold.get(key) or [])}" for key in LISTS)
        print(f"{entry['story']} ({entry['split']}): {counts}; {len(errors)} errors")
        for e in errors:
            print(f"  {e}")
        failed += bool(errors)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
