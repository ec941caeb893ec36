"""``newsprism analyze``: read, clean and store inputs (or a stored story) and print the brief."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from newsprism.cli.common import add_inputs, dump, given_from_args, no_input, warn_rejections
from newsprism.cli.output import add_output, emit
from newsprism.errors import NewsprismError
from newsprism.progress import progress_bar

if TYPE_CHECKING:
    from newsprism.settings import Settings

__all__ = ["REPORT_FORMATS", "add_analyze", "run_analyze"]


def _render(name: str) -> Callable[[dict[str, Any]], str]:
    """A renderer of newsprism.render, imported when a report is written (not for --help)."""

    def render(report: dict[str, Any]) -> str:
        import newsprism.render

        return getattr(newsprism.render, name)(report)

    return render


REPORT_FORMATS = {
    "json": dump,
    "md": _render("render_markdown"),
    "html": _render("render_html"),
    "text": _render("render_terminal"),
}


def add_analyze(a: argparse.ArgumentParser) -> None:
    add_inputs(a, nargs="*")
    a.add_argument("--db", help="SQLite file to store into (default: in memory)")
    a.add_argument(
        "--story", metavar="ID", help="analyze a stored story of --db (a unique id prefix is enough)"
    )
    add_output(a, REPORT_FORMATS)


def run_analyze(args: argparse.Namespace, settings: Settings) -> int:
    from newsprism.analyze import Batch, analyze_articles, analyze_story, ingest
    from newsprism.brief.report import build_report
    from newsprism.cli.briefs import store_brief
    from newsprism.nlp import use_parse_cache
    from newsprism.store import Store

    given = given_from_args(args)
    if args.story and not args.db:
        raise NewsprismError("--story needs --db", "give the database the story was ingested into")
    store = Store(args.db) if args.db else Store(":memory:")
    with store, use_parse_cache(store), progress_bar("reading", args.quiet) as tick:
        if args.story:  # a stored story: its revisions are part of its brief, and the brief is kept
            story_id = store.resolve_id("stories", args.story)
            batch = Batch()
            report = build_report(analyze_story(store, story_id, settings))
            store_brief(store, story_id, report, settings)
        else:
            batch = ingest(store, args.paths, settings, tick, given=given)
            if not batch.articles:
                return no_input(batch.rejections)
            report = build_report(analyze_articles(batch.articles, settings, batch.rejections))
    warn_rejections(batch.rejections)
    emit(args, report, REPORT_FORMATS)
    return 1 if batch.rejections else 0
