"""``newsprism quotes PATHS...`` and ``newsprism quotes DB --speaker NAME``: who said what,
each quote with its kind (direct, indirect, fragment) and its reporting verb, so that a
denial never reads as the claim it denies."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, Any

from newsprism.cli.common import add_inputs, dump, given_from_args, warn_rejections
from newsprism.cli.output import add_output, emit
from newsprism.errors import NotFoundError

if TYPE_CHECKING:
    from newsprism.settings import Settings

__all__ = ["add_quotes", "is_store", "quote_line", "run_quotes"]


def is_store(path: str) -> bool:
    """Whether ``path`` is a SQLite file (a newsprism store) rather than an input."""
    p = Path(path)
    if not p.is_file():
        return False
    with p.open("rb") as fh:
        return fh.read(16) == b"SQLite format 3\x00"


def add_quotes(q: argparse.ArgumentParser) -> None:
    add_inputs(q)
    q.add_argument("--speaker", metavar="NAME", help="only what NAME said (name, alias or surname)")
    add_output(q, ("json", "text"))


def quote_line(q: dict[str, Any]) -> str:
    """``start  kind  Speaker [verb]: “words”  (method)``: the verb says how the words were given;
    reported (indirect) speech carries no quote marks."""
    s = q["speaker"]
    who = (
        "?" if s is None else s["canonical"] + (f" (as “{s['name']}”)" if s["name"] != s["canonical"] else "")
    )
    cue = " ".join((q.get("cue") or "").split()) or "—"
    text = " ".join(q["text"].split())
    words = text if q["kind"] == "indirect" else f"“{text}”"  # reported speech is not their words
    return f"  {q['start']:>6}  {q['kind']:8} {who} [{cue}]: {words}  ({q['method']})"


def _text(report: dict[str, Any]) -> str:
    by_article: dict[str, list[dict[str, Any]]] = {}
    for q in report["quotes"]:
        by_article.setdefault(q["article_id"], []).append(q)
    out = []
    for art in report["articles"]:
        if art["id"] in by_article:
            out.append(f"{art['title'] or art['label']}  [{art['label']}, {art['id'][:10]}]")
            out.extend(quote_line(q) for q in by_article[art["id"]])
    return "\n".join(out) + "\n" if out else "no quotes found\n"


def run_quotes(args: argparse.Namespace, settings: Settings) -> int:
    from newsprism.analyze import load_articles
    from newsprism.brief.report import build_report
    from newsprism.quotes.speakers import find_speaker
    from newsprism.quotes.stage import analyze_quotes
    from newsprism.store import Store

    batch_rejections: list[Any] = []
    if len(args.paths) == 1 and is_store(args.paths[0]):
        with Store(args.paths[0]) as store:
            articles = list(store.articles())
            analysis = analyze_quotes(articles, settings, cache=store)
    else:
        batch = load_articles(args.paths, settings, given=given_from_args(args))
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
    data = {k: report[k] for k in ("articles", "quotes", "speakers")}
    emit(args, data, {"json": dump, "text": _text})
    return 1 if batch_rejections else 0
