"""Build ``newsprism/quotes/data/nicknames.txt``: English given names and their nicknames, from public data.

Source: ``names.csv`` of the Apache-2.0 PyPI package ``nicknames`` 1.0.1 (Carlton Northern and
Nick Crews; a hand-curated table of English given names and the nicknames they go by, rows
``name1,has_nickname,name2``). Get it with ``pip download nicknames==1.0.1 --no-deps`` and
unzip the wheel.

Rule: every row, lower case; the file lists ``name nickname``, one pair a line, sorted. Names of
one letter or with other than letters are left out.

    python bench/nicknames_build.py /path/to/nicknames/names.csv
"""

from __future__ import annotations

import argparse
import csv
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "newsprism" / "quotes" / "data" / "nicknames.txt"


def build(table: Path) -> set[tuple[str, str]]:
    pairs = set()
    with table.open(encoding="utf-8") as f:
        for row in csv.DictReader(f):
            name, nick = row["name1"].strip().lower(), row["name2"].strip().lower()
            if (
                row["relationship"] == "has_nickname"
                and name != nick
                and all(len(w) > 1 and w.isalpha() for w in (name, nick))
            ):
                pairs.add((name, nick))
    return pairs


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("table", type=Path, help="names.csv of the nicknames package")
    args = ap.parse_args()
    pairs = build(args.table)
    header = (
        "# Given name -> nickname, built by bench/nicknames_build.py from names.csv of the PyPI\n"
        "# package nicknames 1.0.1 (Apache-2.0; Carlton Northern, Nick Crews).\n"
    )
    OUT.write_text(header + "".join(f"{a} {b}\n" for a, b in sorted(pairs)), encoding="utf-8")
    print(f"{len(pairs)} pairs -> {OUT}")


if __name__ == "__main__":
    main()
