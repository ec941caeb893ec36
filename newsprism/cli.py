"""The ``newsprism`` command: parse flags, call one library function, print.

Errors are one line on stderr and a non-zero exit (``--traceback`` shows the stack):
exit 0 when everything was read, 1 when some inputs failed, 2 when the run itself failed.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import logging
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from newsprism import __version__
from newsprism.analyze import Batch, analyze_articles, ingest, load_articles
from newsprism.brief.report import article_json, build_report
from newsprism.errors import NewsprismError, SettingsError
from newsprism.nlp import use_parse_cache
from newsprism.progress import progress_bar
from newsprism.render import render_html, render_markdown, render_terminal
from newsprism.settings import Settings, load_settings
from newsprism.store import Store
from newsprism.stories import cluster
from newsprism.stories.persist import (
    assign_stories,
    stored_stories,
    story_articles,
    unassigned_articles,
)

__all__ = ["main"]

Handler = Callable[[argparse.Namespace, Settings], int]
COMMANDS: dict[str, Handler] = {}


def command(name: str) -> Callable[[Handler], Handler]:
    def register(fn: Handler) -> Handler:
        COMMANDS[name] = fn
        return fn

    return register


def _warn_rejections(rejections: list[Any]) -> None:
    for rej in rejections:
        print(f"newsprism: {rej.line()}", file=sys.stderr)


def _write(path: str, text: str) -> None:
    if path == "-":
        sys.stdout.write(text)
    else:
        Path(path).write_text(text, encoding="utf-8")


def _dump(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


@command("analyze")
def _analyze(args: argparse.Namespace, settings: Settings) -> int:
    store = Store(args.db) if args.db else Store(":memory:")
    with store, use_parse_cache(store), progress_bar("reading", args.quiet) as tick:
        batch = _story_batch(store, args) if args.story else ingest(store, args.paths, settings, tick)
        analysis = analyze_articles(batch.articles, settings, batch.rejections)
    report = build_report(analysis)
    _warn_rejections(batch.rejections)
    for flag, render in (("json", _dump), ("md", render_markdown), ("html", render_html)):
        if getattr(args, flag):
            _write(getattr(args, flag), render(report))
    if "-" not in (args.json, args.md, args.html):
        sys.stdout.write(render_terminal(report))
    if not batch.articles:
        print("newsprism: no article could be read", file=sys.stderr)
        return 2 if not batch.rejections else 1
    return 1 if batch.rejections else 0


@command("ingest")
def _ingest(args: argparse.Namespace, settings: Settings) -> int:
    with Store(args.db) as store, progress_bar("ingesting", args.quiet) as tick:
        batch = ingest(store, args.paths, settings, tick)
        assignments = assign_stories(store, unassigned_articles(store), settings.stories)
        total = store.count()
    _warn_rejections(batch.rejections)
    result = {
        "read": len(batch.articles),
        "added": batch.added,
        "rejected": len(batch.rejections),
        "total": total,
        "stories_opened": sum(a.opened for a in assignments),
        "stories_joined": sum(not a.opened for a in assignments),
        "skipped": dict(batch.skipped),
        "fetched": dict(batch.fetched),
    }
    if args.json:
        sys.stdout.write(_dump(result))
    else:
        print(
            f"read {result['read']}, added {result['added']}, rejected {result['rejected']}; {total} in {args.db}"
        )
        print(f"stories: {result['stories_opened']} opened, {result['stories_joined']} joined existing ones")
        for name in ("skipped", "fetched"):  # archive records passed over; web intake outcomes
            if result[name]:
                print(f"{name}: " + ", ".join(f"{v} {k}" for k, v in sorted(result[name].items())))
    return 1 if batch.rejections else 0


@command("articles")
def _articles(args: argparse.Namespace, settings: Settings) -> int:
    with Store(args.db) as store:
        rows = [
            {k: a.__dict__[k] for k in ("id", "published", "outlet", "title", "path")}
            for a in store.articles()
        ]
    if args.json:
        sys.stdout.write(_dump(rows))
        return 0
    for r in rows:
        print(
            f"{r['id']}  {r['published'] or '----------'}  {(r['outlet'] or '-')[:22]:22}  {r['title'] or r['path']}"
        )
    return 0


@command("show")
def _show(args: argparse.Namespace, settings: Settings) -> int:
    with Store(args.db) as store:
        data = article_json(store.article(args.article_id))
    if args.json:
        sys.stdout.write(_dump(data))
        return 0
    print(render_terminal({"articles": [data], "rejections": []}).rstrip())
    print()
    print(data["text"])
    return 0


@command("search")
def _search(args: argparse.Namespace, settings: Settings) -> int:
    with Store(args.db) as store:
        hits = store.search(args.query, args.limit)
    if args.json:
        sys.stdout.write(_dump(hits))
        return 0
    for h in hits:
        print(f"{h['id']}  {(h['outlet'] or '-')[:22]:22}  {h['title']}\n    {h['snippet']}")
    if not hits:
        print("no matches", file=sys.stderr)
    return 0


@command("export")
def _export(args: argparse.Namespace, settings: Settings) -> int:
    with Store(args.db) as store:
        lines = (json.dumps(article_json(art), ensure_ascii=False) + "\n" for art in store.articles())
        if args.output == "-":
            sys.stdout.writelines(lines)
        else:
            with open(args.output, "w", encoding="utf-8") as out:
                out.writelines(lines)
    return 0


@command("config")
def _config(args: argparse.Namespace, settings: Settings) -> int:
    data = settings.to_dict()
    if args.json:
        sys.stdout.write(_dump(data))
        return 0
    for section, values in data.items():
        print(f"[{section}]")
        for key, value in values.items():
            print(f"{key} = {json.dumps(value)}")
        print()
    return 0


def _parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("-q", "--quiet", action="store_true", help="no progress bars")
    common.add_argument("--traceback", action="store_true", help="show the stack on errors")
    common.add_argument("--config", help="settings file (TOML); default ./newsprism.toml if present")
    common.add_argument(
        "--set", action="append", default=[], metavar="SECTION.FIELD=VALUE", help="override a setting"
    )
    common.add_argument("-v", "--verbose", action="store_true", help="log what each stage does")
    p = argparse.ArgumentParser(prog="newsprism", description="Read one news story through many outlets.")
    p.add_argument("--version", action="version", version=f"newsprism {__version__}")
    sub = p.add_subparsers(dest="command", required=True, metavar="COMMAND")

    a = sub.add_parser("analyze", parents=[common], help="read, clean, store and print the brief of PATHS")
    a.add_argument("paths", nargs="*", metavar="PATHS", help="files, directories, globs or - for stdin")
    a.add_argument("--db", help="SQLite file to store into (default: in memory)")
    a.add_argument("--json", metavar="FILE", help="write the report JSON (- for stdout)")
    a.add_argument("--md", metavar="FILE", help="write the brief as Markdown (- for stdout)")
    a.add_argument("--html", metavar="FILE", help="write the brief as a self-contained HTML page")
    a.add_argument("--story", metavar="ID", help="analyze a stored story of --db instead of PATHS")

    i = sub.add_parser("ingest", parents=[common], help="read, clean and store PATHS into DB")
    i.add_argument("db")
    i.add_argument("paths", nargs="+", metavar="PATHS")
    i.add_argument("--json", action="store_true", help="print counts as JSON")

    for name, helptext in (("articles", "list stored articles"), ("config", "print the settings in force")):
        s = sub.add_parser(name, parents=[common], help=helptext)
        if name == "articles":
            s.add_argument("db")
        s.add_argument("--json", action="store_true")

    s = sub.add_parser("show", parents=[common], help="one stored article with what cleaning removed")
    s.add_argument("db")
    s.add_argument("article_id")
    s.add_argument("--json", action="store_true")

    s = sub.add_parser("search", parents=[common], help="full-text search over stored articles")
    s.add_argument("db")
    s.add_argument("query")
    s.add_argument("--limit", type=int, default=20)
    s.add_argument("--json", action="store_true")

    s = sub.add_parser("export", parents=[common], help="write stored articles as JSON Lines")
    s.add_argument("db")
    s.add_argument("--format", choices=["jsonl"], default="jsonl")
    s.add_argument("-o", "--output", default="-", help="file to write (default stdout)")
    for extend in PARSER_EXTENSIONS:
        extend(sub, common)
    return p


@command("dates")
def _dates(args: argparse.Namespace, settings: Settings) -> int:
    from newsprism.analyze import load_articles
    from newsprism.temporal.listing import list_dates

    try:
        published = dt.date.fromisoformat(args.published) if args.published else None
    except ValueError:
        raise SettingsError(f"--published {args.published!r} is not a date", "use YYYY-MM-DD") from None
    batch = load_articles(args.paths, settings)
    listing = list_dates(batch.articles, published)
    _warn_rejections(batch.rejections)
    if args.json:
        sys.stdout.write(_dump(listing))
    else:
        for item in listing:
            print(f"{item['path']}  (reference {item['reference'] or 'unknown'}, {item['published_source']})")
            for t in item["timexes"]:
                print(
                    f"  {t['start']:>6}-{t['end']:<6} {t['type']:8} {t['value']:22} {' '.join(t['text'].split())}"
                )
    return 1 if batch.rejections else 0


def _dates_parser(sub: Any, common: argparse.ArgumentParser) -> None:
    d = sub.add_parser("dates", parents=[common], help="list the temporal expressions of PATHS with values")
    d.add_argument("paths", nargs="+", metavar="PATHS")
    d.add_argument("--published", metavar="YYYY-MM-DD", help="reference date for every input")
    d.add_argument("--json", action="store_true", help="print JSON")


# Later issues add subcommands here: fn(subparsers, common_parent) registering a parser,
# with the handler registered through @command.
PARSER_EXTENSIONS: list[Callable[[Any, argparse.ArgumentParser], None]] = [_dates_parser]


# stories (issue 6) -------------------------------------------------------------------
def _story_batch(store: Store, args: argparse.Namespace) -> Batch:
    if not args.db:
        raise NewsprismError("--story needs --db", "give the database the story was ingested into")
    return Batch(articles=story_articles(store, args.story))


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


@command("stories")
def _stories(args: argparse.Namespace, settings: Settings) -> int:
    with Store(args.db) as store:
        rows = [_story_json(s) for s in stored_stories(store)]
    if args.json:
        sys.stdout.write(_dump(rows))
        return 0
    for r in rows:
        span = f"{r['first_published'] or '----------'} .. {r['last_published'] or '----------'}"
        outlets = ", ".join(r["outlets"])[:40] or "-"
        print(f"{r['id']}  {r['size']:4d}  {span}  {r['title'][:70]}  [{outlets}]")
    return 0


@command("cluster")
def _cluster(args: argparse.Namespace, settings: Settings) -> int:
    with progress_bar("reading", args.quiet) as tick:
        batch = load_articles(args.paths, settings, tick)
    _warn_rejections(batch.rejections)
    paths = {a.id: a.path for a in batch.articles}
    rows = [_story_json(s, paths) for s in cluster(batch.articles, settings.stories)]
    if args.json:
        sys.stdout.write(_dump([r["paths"] for r in rows]))
    else:
        for r in rows:
            print(f"{r['id']}  {r['size']} article(s)  {r['title'][:70]}")
            for path in r["paths"]:
                print(f"    {path}")
    if not batch.articles:
        print("newsprism: no article could be read", file=sys.stderr)
        return 2 if not batch.rejections else 1
    return 1 if batch.rejections else 0


def _story_parsers(sub: Any, common: argparse.ArgumentParser) -> None:
    s = sub.add_parser("stories", parents=[common], help="list the stories stored in DB")
    s.add_argument("db")
    s.add_argument("--json", action="store_true")
    c = sub.add_parser("cluster", parents=[common], help="group PATHS into stories (no database)")
    c.add_argument("paths", nargs="+", metavar="PATHS")
    c.add_argument("--json", action="store_true", help="print a JSON list of stories, each a list of paths")


PARSER_EXTENSIONS.append(_story_parsers)


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    logging.basicConfig(
        level=logging.INFO if args.verbose else logging.WARNING, format="newsprism: %(message)s"
    )
    try:
        settings = load_settings(args.config, args.set)
        return COMMANDS[args.command](args, settings)
    except NewsprismError as exc:
        if args.traceback:
            raise
        print(f"newsprism: error: {exc.line()}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("newsprism: interrupted; the store keeps every article written so far", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0


# Subcommands that live beside their library code register themselves on import.
import newsprism.brief.command  # noqa: E402, F401
import newsprism.quotes.command  # noqa: E402, F401

# web intake (issue 12): watch and revisions, handlers in newsprism.intake_command
from newsprism import intake_command  # noqa: E402


def _intake_parsers(sub: Any, common: argparse.ArgumentParser) -> None:
    """watch and revisions (issue 12); their handlers and arguments live in newsprism.intake_command."""
    for name, helptext, add, run in intake_command.COMMANDS:
        add(sub.add_parser(name, parents=[common], help=helptext))
        COMMANDS[name] = run


PARSER_EXTENSIONS.append(_intake_parsers)

if __name__ == "__main__":
    sys.exit(main())
