"""``newsprism ingest DB PATHS``: read, clean and store inputs, and group them into stories."""

from __future__ import annotations

import argparse
import sys

from newsprism.analyze import ingest
from newsprism.cli.common import dump, warn_rejections
from newsprism.progress import progress_bar
from newsprism.settings import Settings
from newsprism.store import Store
from newsprism.stories.persist import assign_stories, unassigned_articles

__all__ = ["add_ingest", "run_ingest"]


def add_ingest(i: argparse.ArgumentParser) -> None:
    i.add_argument("db")
    i.add_argument("paths", nargs="+", metavar="PATHS")
    i.add_argument("--json", action="store_true", help="print counts as JSON")


def run_ingest(args: argparse.Namespace, settings: Settings) -> int:
    with Store(args.db) as store, progress_bar("ingesting", args.quiet) as tick:
        batch = ingest(store, args.paths, settings, tick)
        assignments = assign_stories(store, unassigned_articles(store), settings.stories)
        total = store.count()
    warn_rejections(batch.rejections)
    result = {
        "read": len(batch.articles),
        "added": batch.added,
        "rejected": len(batch.rejections),
        "total": total,
        "stories_opened": sum(a.opened for a in assignments),
        "stories_joined": sum(not a.opened for a in assignments),
    }
    if args.json:
        sys.stdout.write(dump(result))
    else:
        print(
            f"read {result['read']}, added {result['added']}, rejected {result['rejected']}; {total} in {args.db}"
        )
        print(f"stories: {result['stories_opened']} opened, {result['stories_joined']} joined existing ones")
    return 1 if batch.rejections else 0
