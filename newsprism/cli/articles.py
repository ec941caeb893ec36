"""Stored articles: ``articles`` (list), ``show`` (one), ``search`` (full text), ``export``."""

from __future__ import annotations

import argparse
import json
import sys

from newsprism.brief.report import article_json
from newsprism.cli.common import dump
from newsprism.render import render_terminal
from newsprism.settings import Settings
from newsprism.store import Store

__all__ = [
    "add_articles",
    "add_export",
    "add_search",
    "add_show",
    "run_articles",
    "run_export",
    "run_search",
    "run_show",
]


def add_articles(s: argparse.ArgumentParser) -> None:
    s.add_argument("db")
    s.add_argument("--json", action="store_true")


def run_articles(args: argparse.Namespace, settings: Settings) -> int:
    with Store(args.db) as store:
        rows = [
            {k: a.__dict__[k] for k in ("id", "published", "outlet", "title", "path")}
            for a in store.articles()
        ]
    if args.json:
        sys.stdout.write(dump(rows))
        return 0
    for r in rows:
        print(
            f"{r['id']}  {r['published'] or '----------'}  {(r['outlet'] or '-')[:22]:22}  {r['title'] or r['path']}"
        )
    return 0


def add_show(s: argparse.ArgumentParser) -> None:
    s.add_argument("db")
    s.add_argument("article_id")
    s.add_argument("--json", action="store_true")


def run_show(args: argparse.Namespace, settings: Settings) -> int:
    with Store(args.db) as store:
        data = article_json(store.article(args.article_id))
    if args.json:
        sys.stdout.write(dump(data))
        return 0
    print(render_terminal({"articles": [data], "rejections": []}).rstrip())
    print()
    print(data["text"])
    return 0


def add_search(s: argparse.ArgumentParser) -> None:
    s.add_argument("db")
    s.add_argument("query")
    s.add_argument("--limit", type=int, default=20)
    s.add_argument("--json", action="store_true")


def run_search(args: argparse.Namespace, settings: Settings) -> int:
    with Store(args.db) as store:
        hits = store.search(args.query, args.limit)
    if args.json:
        sys.stdout.write(dump(hits))
        return 0
    for h in hits:
        print(f"{h['id']}  {(h['outlet'] or '-')[:22]:22}  {h['title']}\n    {h['snippet']}")
    if not hits:
        print("no matches", file=sys.stderr)
    return 0


def add_export(s: argparse.ArgumentParser) -> None:
    s.add_argument("db")
    s.add_argument("--format", choices=["jsonl"], default="jsonl")
    s.add_argument("-o", "--output", default="-", help="file to write (default stdout)")


def run_export(args: argparse.Namespace, settings: Settings) -> int:
    with Store(args.db) as store:
        lines = (json.dumps(article_json(art), ensure_ascii=False) + "\n" for art in store.articles())
        if args.output == "-":
            sys.stdout.writelines(lines)
        else:
            with open(args.output, "w", encoding="utf-8") as out:
                out.writelines(lines)
    return 0
