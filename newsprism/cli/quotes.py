"""``newsprism quotes PATHS... [--json]`` and ``newsprism quotes DB --speaker NAME``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from newsprism.analyze import load_articles
from newsprism.brief.report import build_report
from newsprism.cli.common import dump, warn_rejections
from newsprism.errors import NotFoundError
from newsprism.quotes.speakers import find_speaker
from newsprism.quotes.stage import analyze_quotes
from newsprism.settings import Settings
from newsprism.store import Store

__all__ = ["add_quotes", "is_store", "run_quotes"]


def is_store(path: str) -> bool:
    """Whether ``path`` is a SQLite file (a newsprism store) rather than an input."""
    p = Path(path)
    if not p.is_file():
        return False
    with p.open("rb") as fh:
        return fh.read(16) == b"SQLite format 3\x00"


def add_quotes(q: argparse.ArgumentParser) -> None:
    q.add_argument("paths", nargs="+", metavar="PATHS", help="input files/directories, or one store DB")
    q.add_argument("--speaker", metavar="NAME", help="only what NAME said (name, alias or surname)")
    q.add_argument("--json", action="store_true", help="print the report's articles, quotes and speakers")


def _line(q: dict[str, Any]) -> str:
    s = q["speaker"]
    who = (
        "?" if s is None else s["canonical"] + (f" (as “{s['name']}”)" if s["name"] != s["canonical"] else "")
    )
    text = " ".join(q["text"].split())
    return f"  {q['start']:>6}  {q['kind']:8} {who}: “{text}”  ({q['method']})"


def run_quotes(args: argparse.Namespace, settings: Settings) -> int:
    batch_rejections: list[Any] = []
    if len(args.paths) == 1 and is_store(args.paths[0]):
        with Store(args.paths[0]) as store:
            articles = list(store.articles())
            analysis = analyze_quotes(articles, settings, cache=store)
    else:
        batch = load_articles(args.paths, settings)
        batch_rejections = batch.rejections
        analysis = analyze_quotes(batch.articles, settings)
    report = build_report(analysis)
    if args.speaker:
        rows = find_speaker(report["speakers"], args.speaker)
        if not rows:
            raise NotFoundError(
                f"no speaker named {args.speaker!r}", "run without --speaker to list speakers"
            )
        keep = {i for r in rows for i in r["quote_ids"]}
        report = dict(report, speakers=rows, quotes=[q for q in report["quotes"] if q["id"] in keep])
    warn_rejections(batch_rejections + list(analysis.rejections))
    if args.json:
        sys.stdout.write(dump({k: report[k] for k in ("articles", "quotes", "speakers")}))
        return 1 if batch_rejections else 0
    by_article: dict[str, list[dict[str, Any]]] = {}
    for q in report["quotes"]:
        by_article.setdefault(q["article_id"], []).append(q)
    for art in report["articles"]:
        if art["id"] in by_article:
            print(f"{art['title'] or art['label']}  [{art['label']}, {art['id'][:10]}]")
            for q in by_article[art["id"]]:
                print(_line(q))
    if not report["quotes"]:
        print("no quotes found", file=sys.stderr)
    return 1 if batch_rejections else 0
