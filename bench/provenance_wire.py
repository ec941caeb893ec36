"""Score wire/credit detection per article against PolNeAR's metadata (development gold).

    PYTHONPATH=. python bench/provenance_wire.py [--data /work/shared/eval] [--compartment dev] [-v]

PolNeAR's ``metadata.tsv`` says for each article whether it is wire copy (column ``wire``:
AP, Reuters, AFP, UPI) and whether it credits another outlet (``credit``: "h/t: The Hill").
An article counts as found when ``find_credits`` credits the wire agency; precision asks
that every article we credit to an agency is wire copy of that agency. Credits to other
outlets ("h/t") are reported apart. Calibrate on ``train``, report on ``dev``.
"""

from __future__ import annotations

import argparse
import csv
import dataclasses
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from brief_common import default_data  # noqa: E402

from newsprism.analyze import load_articles  # noqa: E402
from newsprism.compare.provenance import find_credits  # noqa: E402

_WIRES = {"ap": "AP", "reuters": "Reuters", "afp": "AFP", "upi": "UPI"}


def _gold(data: Path, compartment: str) -> list[dict[str, str]]:
    with open(data / "polnear" / "metadata.tsv", encoding="utf-8") as f:
        rows = [r for r in csv.DictReader(f, delimiter="\t") if r["compartment"] == compartment]
    seen, out = set(), []
    for row in rows:  # the metadata lists some articles twice
        if row["filename"] not in seen:
            seen.add(row["filename"])
            out.append(row)
    return out


def score(data: Path, compartment: str, verbose: bool) -> dict[str, float]:
    rows = _gold(data, compartment)
    folder = data / "polnear" / compartment / "text"
    tp = fp = fn = 0
    for row in rows:
        path = folder / f"{row['filename']}.txt"
        if not path.exists():
            continue
        article = load_articles([str(path)]).articles[0]
        article = dataclasses.replace(article, outlet=row["publisher"])
        gold = _WIRES.get(row["wire"].lower())
        ours = {name for name, _ in find_credits(article) if name in _WIRES.values()}
        hit = gold is not None and gold in ours
        tp += hit
        fn += gold is not None and not hit
        fp += len(ours - {gold})
        if verbose and (ours - {gold} or (gold and not hit)):
            print(f"  {row['filename']}: gold {gold} ours {sorted(ours)}")
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    print(
        f"{compartment}: {len(rows)} articles, wire copy {tp + fn}; precision {p:.2f} ({tp}/{tp + fp}) recall {r:.2f} ({tp}/{tp + fn})"
    )
    return {"precision": p, "recall": r}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=default_data())
    ap.add_argument("--compartment", default="dev", choices=["train", "dev", "test"])
    ap.add_argument("-v", "--verbose", action="store_true")
    args = ap.parse_args()
    if not (args.data / "polnear" / "metadata.tsv").exists():
        print(f"{args.data}/polnear/metadata.tsv: not found", file=sys.stderr)
        return 1
    score(args.data, args.compartment, args.verbose)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
