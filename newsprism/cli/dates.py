"""``newsprism dates PATHS``: temporal expressions with TIMEX3 values and raw offsets."""

from __future__ import annotations

import argparse
import datetime as dt
import sys

from newsprism.analyze import load_articles
from newsprism.cli.common import dump, warn_rejections
from newsprism.errors import SettingsError
from newsprism.settings import Settings
from newsprism.temporal.listing import list_dates

__all__ = ["add_dates", "run_dates"]


def add_dates(d: argparse.ArgumentParser) -> None:
    d.add_argument("paths", nargs="+", metavar="PATHS")
    d.add_argument("--published", metavar="YYYY-MM-DD", help="reference date for every input")
    d.add_argument("--json", action="store_true", help="print JSON")


def run_dates(args: argparse.Namespace, settings: Settings) -> int:
    try:
        published = dt.date.fromisoformat(args.published) if args.published else None
    except ValueError:
        raise SettingsError(f"--published {args.published!r} is not a date", "use YYYY-MM-DD") from None
    batch = load_articles(args.paths, settings)
    listing = list_dates(batch.articles, published)
    warn_rejections(batch.rejections)
    if args.json:
        sys.stdout.write(dump(listing))
    else:
        for item in listing:
            print(f"{item['path']}  (reference {item['reference'] or 'unknown'}, {item['published_source']})")
            for t in item["timexes"]:
                print(
                    f"  {t['start']:>6}-{t['end']:<6} {t['type']:8} {t['value']:22} {' '.join(t['text'].split())}"
                )
    return 1 if batch.rejections else 0
