"""``newsprism analyze``: read, clean and store inputs (or a stored story) and print the brief."""

from __future__ import annotations

import argparse

from newsprism.analyze import Batch, analyze_articles, ingest
from newsprism.brief.report import build_report
from newsprism.cli.common import add_inputs, dump, given_from_args, no_input, warn_rejections
from newsprism.cli.output import add_output, emit
from newsprism.errors import NewsprismError
from newsprism.nlp import use_parse_cache
from newsprism.progress import progress_bar
from newsprism.render import render_html, render_markdown, render_terminal
from newsprism.settings import Settings
from newsprism.store import Store
from newsprism.stories.persist import story_articles

__all__ = ["REPORT_FORMATS", "add_analyze", "run_analyze"]

REPORT_FORMATS = {"json": dump, "md": render_markdown, "html": render_html, "text": render_terminal}


def add_analyze(a: argparse.ArgumentParser) -> None:
    add_inputs(a, nargs="*")
    a.add_argument("--db", help="SQLite file to store into (default: in memory)")
    a.add_argument(
        "--story", metavar="ID", help="analyze a stored story of --db (a unique id prefix is enough)"
    )
    add_output(a, REPORT_FORMATS)


def _story_batch(store: Store, args: argparse.Namespace) -> Batch:
    if not args.db:
        raise NewsprismError("--story needs --db", "give the database the story was ingested into")
    return Batch(articles=story_articles(store, args.story))


def run_analyze(args: argparse.Namespace, settings: Settings) -> int:
    given = given_from_args(args)
    store = Store(args.db) if args.db else Store(":memory:")
    with store, use_parse_cache(store), progress_bar("reading", args.quiet) as tick:
        if args.story:
            batch = _story_batch(store, args)
        else:
            batch = ingest(store, args.paths, settings, tick, given=given)
        if not batch.articles:
            return no_input(batch.rejections)
        analysis = analyze_articles(batch.articles, settings, batch.rejections)
    warn_rejections(batch.rejections)
    emit(args, build_report(analysis), REPORT_FORMATS)
    return 1 if batch.rejections else 0
