"""Stories: ``stories DB`` (the stored ones) and ``cluster PATHS`` (without a database)."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from newsprism.analyze import load_articles
from newsprism.cli.common import dump, exit_code, warn_rejections
from newsprism.progress import progress_bar
from newsprism.settings import Settings
from newsprism.store import Store
from newsprism.stories import cluster
from newsprism.stories.persist import stored_stories

__all__ = ["add_cluster", "add_stories", "run_cluster", "run_stories"]


def _story_json(story: Any, paths: dict[str, str] | None = None) -> dict[str, Any]:
    data = {
        "id": story.id,
        "title": story.title,
        "size": len(story.article_ids),
        "outlets": list(story.outlets),
        "first_published": story.first_published,
        "last_published": story.last_published,
        "article_ids": list(story.article_ids),
    }
    if paths is not None:
        data["paths"] = [paths[a] for a in story.article_ids]
    return data


def add_stories(s: argparse.ArgumentParser) -> None:
    s.add_argument("db")
    s.add_argument("--json", action="store_true")


def run_stories(args: argparse.Namespace, settings: Settings) -> int:
    with Store(args.db) as store:
        rows = [_story_json(s) for s in stored_stories(store)]
    if args.json:
        sys.stdout.write(dump(rows))
        return 0
    for r in rows:
        span = f"{r['first_published'] or '----------'} .. {r['last_published'] or '----------'}"
        outlets = ", ".join(r["outlets"])[:40] or "-"
        print(f"{r['id']}  {r['size']:4d}  {span}  {r['title'][:70]}  [{outlets}]")
    return 0


def add_cluster(c: argparse.ArgumentParser) -> None:
    c.add_argument("paths", nargs="+", metavar="PATHS")
    c.add_argument("--json", action="store_true", help="print a JSON list of stories, each a list of paths")


def run_cluster(args: argparse.Namespace, settings: Settings) -> int:
    with progress_bar("reading", args.quiet) as tick:
        batch = load_articles(args.paths, settings, tick)
    warn_rejections(batch.rejections)
    paths = {a.id: a.path for a in batch.articles}
    rows = [_story_json(s, paths) for s in cluster(batch.articles, settings.stories)]
    if args.json:
        sys.stdout.write(dump([r["paths"] for r in rows]))
    else:
        for r in rows:
            print(f"{r['id']}  {r['size']} article(s)  {r['title'][:70]}")
            for path in r["paths"]:
                print(f"    {path}")
    return exit_code(len(batch.articles), len(batch.rejections))
