"""What reading and cleaning make of the seed articles: metadata and every removed line.

    python bench/ingest_seeds.py [--seeds ../shared/seeds] [--text]

Prints, per article, the title, date, outlet, author and credits found, every removal with its
reason, and the first words of each kept paragraph, for a careful reader to check that every body
paragraph survived and every junk line went.
"""

from __future__ import annotations

import argparse
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from newsprism.analyze import load_articles  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--seeds", default=str(ROOT.parent / "shared" / "seeds"))
    ap.add_argument("--text", action="store_true", help="print the kept paragraphs in full")
    args = ap.parse_args()
    batch = load_articles([args.seeds])
    for rej in batch.rejections:
        print("REJECTED", rej.line())
    for art in batch.articles:
        print(f"\n### {Path(art.path).name}")
        for key in ("title", "published", "published_source", "outlet", "author", "credits", "url"):
            print(f"  {key:17} {getattr(art, key)!r}")
        print(f"  removed ({len(art.removed)}):")
        for r in art.removed:
            print(textwrap.shorten(f"    - [{r.reason}] {' '.join(r.text.split()) or repr(r.text)}", 118))
        paragraphs = art.text.split("\n\n")
        print(f"  kept paragraphs ({len(paragraphs)}):")
        for p in paragraphs:
            print(f"    | {p}" if args.text else textwrap.shorten(f"    | {p}", 100))


if __name__ == "__main__":
    main()
