"""Every quote of the seed story (five outlets), with its speaker, for a careful reader to check.

Reads the seeds through the real reader and cleaner, runs the quotes stage and prints,
per article, each quote with kind, speaker (as written → canonical, role), cue and the
cascade step; then the speaker table.

    PYTHONPATH=$PWD python bench/quotes_seeds.py --seeds /work/shared/seeds
"""

from __future__ import annotations

import argparse
import textwrap
from pathlib import Path

from newsprism.analyze import load_articles
from newsprism.brief.report import build_report
from newsprism.quotes.stage import analyze_quotes

DEFAULT = Path(__file__).resolve().parent.parent.parent / "shared" / "seeds"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seeds", type=Path, default=DEFAULT)
    args = parser.parse_args()
    batch = load_articles([str(args.seeds)])
    report = build_report(analyze_quotes(batch.articles))
    for art in report["articles"]:
        quotes = [q for q in report["quotes"] if q["article_id"] == art["id"]]
        print(f"\n## {art['path'].rsplit('/', 1)[-1]} ({art['label']}): {len(quotes)} quotes")
        for n, q in enumerate(quotes, 1):
            s = q["speaker"]
            who = (
                "UNKNOWN"
                if s is None
                else f"{s['name']} → {s['canonical']}" + (f" [{s['role']}]" if s["role"] else "")
            )
            if s and s["anonymous"]:
                who += " (anonymous)"
            body = " ".join(q["text"].split())
            print(textwrap.fill(f"{n:2}. {q['kind']:8} {who} | {q['cue']} | {q['method']}", 110))
            print(textwrap.fill(body, 110, initial_indent="      “", subsequent_indent="       ") + "”")
    print("\n## speakers")
    for row in sorted(report["speakers"], key=lambda r: (-len(r["quote_ids"]), r["canonical"])):
        extra = f" aliases={row['aliases']}" if row["aliases"] else ""
        print(
            f"  {row['canonical']} ({row['kind']}{', anonymous' if row['anonymous'] else ''}):"
            f" {len(row['quote_ids'])} quotes in {len(row['article_ids'])} articles{extra}"
        )


if __name__ == "__main__":
    main()
