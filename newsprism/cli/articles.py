"""Stored articles: ``articles`` (list), ``show`` (one), ``search`` (full text)."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from newsprism.cli.common import dump
from newsprism.cli.output import add_output, emit

if TYPE_CHECKING:
    from newsprism.settings import Settings

__all__ = ["add_articles", "add_search", "add_show", "run_articles", "run_search", "run_show"]

ROW_FIELDS = (
    "id",
    "published",
    "published_source",
    "published_confidence",
    "outlet",
    "label",
    "title",
    "path",
    "format",
)
# What a listing adds after the title of an article that is not the page's own text.
_STAND_IN = {"feed-summary": " [feed summary: the page could not be fetched]"}


def add_articles(s: argparse.ArgumentParser) -> None:
    s.add_argument("db")
    s.add_argument(
        "--duplicates",
        action="store_true",
        help="list the inputs that were byte-identical to a stored article under another name",
    )
    add_output(s, ("json", "text"))


def _duplicate_lines(rows: list[dict[str, Any]]) -> str:
    return (
        "".join(f"{r['article_id']}  {r['path']}  = {r['stored_path']}\n" for r in rows) or "no duplicates\n"
    )


def _article_lines(rows: list[dict[str, Any]]) -> str:
    from newsprism.render.dates import date_text

    return "".join(
        f"{r['id']}  {date_text(r):<10}  {r['label'][:22]:22}  {r['title'] or r['path']}"
        f"{_STAND_IN.get(r.get('format'), '')}\n"
        for r in rows
    )


def run_articles(args: argparse.Namespace, settings: Settings) -> int:
    from newsprism.brief.report import article_json
    from newsprism.store import Store

    if args.duplicates:
        with Store(args.db) as store:
            found = store.duplicates()
        emit(args, found, {"json": dump, "text": _duplicate_lines})
        return 0
    with Store(args.db) as store:
        rows = [{k: article_json(a)[k] for k in ROW_FIELDS} for a in store.articles()]
    emit(args, rows, {"json": dump, "text": _article_lines})
    return 0


def add_show(s: argparse.ArgumentParser) -> None:
    s.add_argument("db")
    s.add_argument("article_id", help="an article id (a unique prefix of 6+ characters is enough)")
    add_output(s, ("json", "text"))


def _show_text(data: dict[str, Any]) -> str:
    from newsprism.render import render_terminal

    return render_terminal({"articles": [data], "rejections": []}).rstrip() + "\n\n" + data["text"] + "\n"


def run_show(args: argparse.Namespace, settings: Settings) -> int:
    from newsprism.brief.report import article_json
    from newsprism.store import Store

    with Store(args.db) as store:
        data = article_json(store.article(args.article_id))
    emit(args, data, {"json": dump, "text": _show_text})
    return 0


def add_search(s: argparse.ArgumentParser) -> None:
    s.add_argument("db")
    s.add_argument("query")
    s.add_argument("--limit", type=int, default=20)
    add_output(s, ("json", "text"))


def _hits_text(hits: list[dict[str, Any]]) -> str:
    return (
        "".join(
            f"{h['id']}  {(h['outlet'] or '-')[:22]:22}  {h['title']}\n    {h['snippet']}\n" for h in hits
        )
        or "no matches\n"
    )


def run_search(args: argparse.Namespace, settings: Settings) -> int:
    from newsprism.store import Store

    with Store(args.db) as store:
        hits = store.search(args.query, args.limit)
    emit(args, hits, {"json": dump, "text": _hits_text})
    return 0
