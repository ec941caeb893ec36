"""Does real copy reach the contradiction detector? PolNeAR articles with one value altered.

PolNeAR's outlets state the values of one story alike (no real cross-outlet conflict of values was
found in sessions 13 and 15: bench/brief_contra_dev2, bench/brief_contra_dev3). This probe takes
pairs of real sentences of two outlets that give one value (a primary's date), alters the value in
one of them (``edits``: an exact string of the article replaced) and runs the whole pipeline on
the articles, as ``analyze`` would: a case is found when a contradiction cites both target
sentences (PolNeAR sentence numbers of bench/polnear_text.py, counted after the edit). Cases
named ``s-*`` insert a sentence written for the probe into a real article (office years, which no
two outlets state). A probe of recall on real copy, not gold: ``why`` says what each case is and,
for a case no reader should find (two parties' contests, reported speech), why; flags citing other
sentences are listed, to be read.

A target side may list several sentence numbers (an outlet stating the value twice): any one counts.
A case with no target is an unaltered set (``--cases bench/brief_contra_probe2/cases.json``): each
of its flags is an invented one.

    PYTHONPATH=$PWD:$PWD/bench python bench/brief_contra_probe.py [--cases PATH] [--case p-ny] [-v] [--check]

``--check`` (``make eval``) fails when fewer altered values are found than the ``found`` floor of the
``floors.json`` beside the cases, or when any flag cites other sentences or an unaltered set.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from brief_gold import Doc, build_polnear_doc
from polnear_text import DEFAULT_DATA, metadata, read_text

from newsprism.analyze import analyze_articles
from newsprism.settings import load_settings

CASES = Path(__file__).resolve().parent / "brief_contra_probe" / "cases.json"


def _doc(data: Path, name: str, edits: list[list[str]], meta: dict[str, str]) -> Doc:
    """A PolNeAR article with the case's edits, cleaned and dated as brief_gold builds one."""
    raw = read_text(data, name)
    for old, new in edits:
        if raw.count(old) != 1:
            raise SystemExit(f"cases file: {old!r} is not found once in {name}; fix the case's edit")
        raw = raw.replace(old, new)
    return build_polnear_doc(data, name, meta, raw)


def run(case: dict, data: Path, meta: dict) -> tuple[bool, list[str]]:
    """Whether a contradiction cites the case's two target sentences, and every flag's line."""
    docs = {n: _doc(data, n, case.get("edits", {}).get(n, []), meta.get(n, {})) for n in case["articles"]}
    by_id = {d.article.id: d for d in docs.values()}
    want = [(name, set(number if isinstance(number, list) else [number])) for name, number in case["target"]]
    found, lines = False, []
    for c in analyze_articles([d.article for d in docs.values()], load_settings()).contradictions:
        sides = [
            (by_id[s["article_id"]].name, by_id[s["article_id"]].sentences_of(s["start"], s["end"]))
            for s in (c.a, c.b)
        ]
        cited = {(name, number) for name, numbers in sides for number in numbers}
        hit = bool(want) and all(any((name, n) in cited for n in numbers) for name, numbers in want)
        found |= hit
        lines.append(f"   {'target' if hit else 'OTHER '} {c.kind}: {c.note} | {sides}")
    return found, lines


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--cases", type=Path, default=CASES, help="a cases.json (default: the first probe)")
    ap.add_argument("--case", default="", help="only cases whose name starts with this")
    ap.add_argument("-v", "--verbose", action="store_true")
    ap.add_argument("--check", action="store_true", help="fail under the found floor or on any other flag")
    args = ap.parse_args()
    if not (args.data / "polnear").is_dir():
        print(f"skipped: no polnear data under {args.data}", file=sys.stderr)
        return 0
    meta = metadata(args.data)
    cases = [
        c
        for c in json.loads(args.cases.read_text(encoding="utf-8"))["cases"]
        if c["name"].startswith(args.case)
    ]
    hits = others = unaltered = 0
    altered = [c for c in cases if c["target"]]
    for case in cases:
        found, lines = run(case, args.data, meta)
        hits += found
        flags = sum(line.startswith("   OTHER") for line in lines)
        others += flags if case["target"] else 0
        unaltered += 0 if case["target"] else flags
        state = ("found " if found else "missed") if case["target"] else f"{flags} flags"
        print(f"{state} {case['name']}: {case['why']}")
        if args.verbose:
            print("\n".join(lines))
    print(
        f"contradiction probe: {hits} of {len(altered)} altered values found; {others} other flags;"
        f" {unaltered} flags on {len(cases) - len(altered)} unaltered sets"
    )
    return _check(args.cases, hits, others + unaltered) if args.check else 0


def _check(cases: Path, hits: int, invented: int) -> int:
    """1 with a line saying why when the probe is under its floor or flags anything else."""
    floor = json.loads(cases.with_name("floors.json").read_text(encoding="utf-8"))["found"]
    failed = [f"found {hits} < floor {floor}"] if hits < floor else []
    failed += [f"{invented} flags cite sentences no edit altered (allowed: 0)"] if invented else []
    for line in failed:
        print(f"FAIL {cases.parent.name}: {line}", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
