"""Stories: ``stories DB`` (the stored ones) and ``cluster PATHS`` (without a database)."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from newsprism.cli.common import add_inputs, dump, given_from_args, no_input, warn_rejections
from newsprism.cli.output import add_output, emit
from newsprism.progress import progress_bar

if TYPE_CHECKING:
    from newsprism.settings import Settings

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
    add_output(s, ("json", "text"))


def _stories_text(rows: list[dict[str, Any]]) -> str:
    out = []
    for r in rows:
        span = f"{r['first_published'] or '----------'} .. {r['last_published'] or '----------'}"
        outlets = ", ".join(r["outlets"])[:40] or "-"
        out.append(f"{r['id']}  {r['size']:4d}  {span}  {r['title'][:70]}  [{outlets}]\n")
    return "".join(out)


def run_stories(args: argparse.Namespace, settings: Settings) -> int:
    from newsprism.store import Store
    from newsprism.stories.persist import stored_stories

    with Store(args.db) as store:
        rows = [_story_json(s) for s in stored_stories(store)]
    emit(args, rows, {"json": dump, "text": _stories_text})
    return 0


def add_cluster(c: argparse.ArgumentParser) -> None:
    add_inputs(c)
    add_output(c, ("json", "text"))


def _cluster_text(rows: list[dict[str, Any]]) -> str:
    out = []
    for r in rows:
        out.append(f"{r['id']}  {r['size']} article(s)  {r['title'][:70]}\n")
        out.extend(f"    {path}\n" for path in r["paths"])
    return "".join(out)


def run_cluster(args: argparse.Namespace, settings: Settings) -> int:
    from newsprism.analyze import load_articles
    from newsprism.stories import cluster

    with progress_bar("reading", args.quiet) as tick:
        batch = load_articles(args.paths, settings, tick, given=given_from_args(args))
    if not batch.articles:
        return no_input(batch.rejections)
    warn_rejections(batch.rejections)
    paths = {a.id: a.path for a in batch.articles}
    rows = [_story_json(s, paths) for s in cluster(batch.articles, settings.stories)]
    emit(args, rows, {"json": lambda rs: dump([r["paths"] for r in rs]), "text": _cluster_text})
    return 1 if batch.rejections else 0
