"""``newsprism analyze``: read, clean and store inputs (or a stored story) and print the brief."""

from __future__ import annotations

import argparse
import sys

from newsprism.analyze import Batch, analyze_articles, ingest
from newsprism.brief.report import build_report
from newsprism.cli.common import dump, exit_code, warn_rejections, write
from newsprism.errors import NewsprismError
from newsprism.nlp import use_parse_cache
from newsprism.progress import progress_bar
from newsprism.render import render_html, render_markdown, render_terminal
from newsprism.settings import Settings
from newsprism.store import Store
from newsprism.stories.persist import story_articles

__all__ = ["add_analyze", "run_analyze"]


def add_analyze(a: argparse.ArgumentParser) -> None:
    a.add_argument("paths", nargs="*", metavar="PATHS", help="files, directories, globs or - for stdin")
    a.add_argument("--db", help="SQLite file to store into (default: in memory)")
    a.add_argument("--json", metavar="FILE", help="write the report JSON (- for stdout)")
    a.add_argument("--md", metavar="FILE", help="write the brief as Markdown (- for stdout)")
    a.add_argument("--html", metavar="FILE", help="write the brief as a self-contained HTML page")
    a.add_argument("--story", metavar="ID", help="analyze a stored story of --db instead of PATHS")


def _story_batch(store: Store, args: argparse.Namespace) -> Batch:
    if not args.db:
        raise NewsprismError("--story needs --db", "give the database the story was ingested into")
    return Batch(articles=story_articles(store, args.story))


def run_analyze(args: argparse.Namespace, settings: Settings) -> int:
    store = Store(args.db) if args.db else Store(":memory:")
    with store, use_parse_cache(store), progress_bar("reading", args.quiet) as tick:
        batch = _story_batch(store, args) if args.story else ingest(store, args.paths, settings, tick)
        analysis = analyze_articles(batch.articles, settings, batch.rejections)
    report = build_report(analysis)
    warn_rejections(batch.rejections)
    for flag, render in (("json", dump), ("md", render_markdown), ("html", render_html)):
        if getattr(args, flag):
            write(getattr(args, flag), render(report))
    if "-" not in (args.json, args.md, args.html):
        sys.stdout.write(render_terminal(report))
    return exit_code(len(batch.articles), len(batch.rejections))
