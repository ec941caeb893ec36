"""The ``newsprism`` command: one explicit table of subcommands, the parser, ``main``.

Errors are one line on stderr and a non-zero exit (``--traceback`` shows the stack):
exit 0 when everything was read, 1 when some inputs failed, 2 when the run itself failed.
"""

from __future__ import annotations

import argparse
import logging
import sys
from typing import TYPE_CHECKING

from newsprism.cli import (
    analyze,
    articles,
    brief,
    briefs,
    config,
    dates,
    export,
    ingest,
    quotes,
    serve,
    spark,
    stories,
    watch,
)
from newsprism.cli.common import Command, common_parser, input_paths
from newsprism.cli.output import check_outputs
from newsprism.errors import NewsprismError
from newsprism.termsafe import one_line, safe_streams
from newsprism.version import __version__

if TYPE_CHECKING:
    from newsprism.settings import Settings

__all__ = ["COMMANDS", "main"]

# The subcommands in the order `newsprism --help` lists them; each noun's module holds its own.
COMMANDS: tuple[Command, ...] = (
    Command("analyze", "read, clean, store and print the brief of PATHS", analyze.add_analyze, analyze.run_analyze),
    Command("brief", "the story brief of PATHS, without the article listing", brief.add_brief, brief.run_brief),
    Command("ingest", "read, clean and store PATHS into DB", ingest.add_ingest, ingest.run_ingest),
    Command("articles", "list stored articles", articles.add_articles, articles.run_articles),
    Command("show", "one stored article with what cleaning removed", articles.add_show, articles.run_show),
    Command("search", "full-text search over stored articles", articles.add_search, articles.run_search),
    Command("export", "stored articles, briefs or quotes as JSON Lines, CSV or Parquet", export.add_export, export.run_export),
    Command("stories", "list the stories stored in DB", stories.add_stories, stories.run_stories),
    Command("briefs", "analyse the stories of DB and store their briefs", briefs.add_briefs, briefs.run_briefs),
    Command("cluster", "group PATHS into stories (no database)", stories.add_cluster, stories.run_cluster),
    Command("watch", "poll feeds into DB: new and changed articles, stories", watch.add_watch, watch.run_watch),
    Command("revisions", "what outlets changed in articles after publishing", watch.add_revisions, watch.run_revisions),
    Command("quotes", "who said what: the quotes of PATHS or of a store DB", quotes.add_quotes, quotes.run_quotes),
    Command("dates", "list the temporal expressions of PATHS with values", dates.add_dates, dates.run_dates),
    Command("config", "print the settings in force", config.add_config, config.run_config),
    Command("serve", "browse a store in a web browser (read-only)", serve.add_serve, serve.run_serve),
    Command("spark", "run the corpus stages on Spark (run), load the result into a store (export)", spark.add_spark, spark.run_spark),
)  # fmt: skip


def build_parser(commands: tuple[Command, ...] = COMMANDS) -> argparse.ArgumentParser:
    common = common_parser()
    p = argparse.ArgumentParser(prog="newsprism", description="Read one news story through many outlets.")
    p.add_argument("--version", action="version", version=f"newsprism {__version__}")
    sub = p.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for cmd in commands:
        cmd.arguments(sub.add_parser(cmd.name, parents=[common], help=cmd.help))
    return p


def main(argv: list[str] | None = None) -> int:
    with safe_streams():  # article text and file names reach stdout/stderr: no control sequence passes
        return _main(argv)


def load_settings(config: str | None, overrides: list[str] | None) -> Settings:
    """The settings in force, imported when a command runs (``--help`` never builds them)."""
    from newsprism.settings import load_settings as load

    return load(config, overrides)


def _main(argv: list[str] | None) -> int:
    args = build_parser().parse_args(argv)
    logging.basicConfig(
        level=logging.INFO if args.verbose else logging.WARNING, format="newsprism: %(message)s"
    )
    handlers = {cmd.name: cmd.run for cmd in COMMANDS}
    try:
        settings = load_settings(args.config, args.set)
        check_outputs(args.output, input_paths(args), args.force)
        return handlers[args.command](args, settings)
    except NewsprismError as exc:
        if args.traceback:
            raise
        print(f"newsprism: error: {one_line(exc.line())}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("newsprism: interrupted; the store keeps every article written so far", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    except Exception as exc:  # a bug: still one line, the stack only on request
        if args.traceback:
            raise
        detail = one_line(" ".join(str(exc).split())[:200])
        print(f"newsprism: error: internal error ({type(exc).__name__}: {detail}); rerun with --traceback"
              " and report it", file=sys.stderr)  # fmt: skip
        return 2


if __name__ == "__main__":
    sys.exit(main())
