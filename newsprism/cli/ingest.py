"""``newsprism ingest DB PATHS``: read, clean and store inputs, and group them into stories."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from newsprism.cli.common import add_inputs, dump, given_from_args, no_input, warn_rejections
from newsprism.cli.output import add_output, emit
from newsprism.progress import progress_bar
from newsprism.termsafe import one_line

if TYPE_CHECKING:
    from newsprism.settings import Settings

__all__ = ["add_ingest", "run_ingest"]


_PATHS_HELP = (
    "files, directories, globs, - for stdin, WARC/ARC archives, or feed, sitemap and page URLs, URL lists "
    "and OPML files (fetched politely: `newsprism config` shows the fetch settings)"
)


def add_ingest(i: argparse.ArgumentParser) -> None:
    i.add_argument("db")
    add_inputs(i, paths_help=_PATHS_HELP)
    add_output(i, ("json", "text"))


def _text(r: dict[str, Any]) -> str:
    lines = [
        f"read {r['read']}, added {r['added']}, rejected {r['rejected']}; {r['total']} in {r['db']}\n",
        f"stories: {r['stories_opened']} opened, {r['stories_joined']} joined existing ones\n",
    ]
    lines.extend(  # archive records passed over; web intake outcomes
        f"{name}: " + ", ".join(f"{v} {k}" for k, v in sorted(r[name].items())) + "\n"
        for name in ("skipped", "fetched")
        if r[name]
    )
    if r["duplicates"]:
        lines.append(
            f"duplicates: {len(r['duplicates'])} (same bytes as a stored article; "
            "`newsprism articles DB --duplicates` lists them)\n"
        )
        lines.extend(
            f"  {one_line(d['path'])} = {one_line(d['stored_path'])}"
            + (
                f" (published by {one_line(d['copy_outlet'])}: kept as a copy)"
                if d.get("copy_outlet")
                else ""
            )
            + "\n"
            for d in r["duplicates"]
        )
    return "".join(lines)


def run_ingest(args: argparse.Namespace, settings: Settings) -> int:
    from newsprism.analyze import assign_ingested, ingest
    from newsprism.store import Store

    given = given_from_args(args)
    with Store(args.db) as store, progress_bar("ingesting", args.quiet) as tick:
        batch = ingest(store, args.paths, settings, tick, given=given, stories=True)
        assignments = assign_ingested(store, batch, settings)
        total = store.count()
    if not batch.articles and batch.rejections:
        return no_input(batch.rejections)
    warn_rejections(batch.rejections)
    result = {
        "db": args.db,
        "read": len(batch.articles),
        "added": batch.added,
        "rejected": len(batch.rejections),
        "total": total,
        "stories_opened": sum(a.opened for a in assignments),
        "stories_joined": sum(not a.opened for a in assignments),
        "skipped": dict(batch.skipped),
        "fetched": dict(batch.fetched),
        "duplicates": [
            {k: d[k] for k in ("path", "article_id", "stored_path", "copy_outlet")} for d in batch.duplicates
        ],
    }
    emit(args, result, {"json": dump, "text": _text})
    return 1 if batch.rejections else 0
