"""``newsprism brief PATHS... [--json]``: only the brief (summary, ledger, disputes, quote
variants, unique/omissions, framing, provenance), without the article listing."""

from __future__ import annotations

import argparse
import sys

from newsprism.analyze import analyze_articles, load_articles
from newsprism.brief.report import build_report
from newsprism.cli.common import dump, exit_code, warn_rejections
from newsprism.render.brief_text import term_brief
from newsprism.settings import Settings

__all__ = ["BRIEF_KEYS", "add_brief", "run_brief"]

BRIEF_KEYS = (
    "summary",
    "ledger",
    "disputes",
    "contradictions",
    "quote_groups",
    "unique",
    "omissions",
    "framing",
    "provenance",
    "statements",
)


def add_brief(b: argparse.ArgumentParser) -> None:
    b.add_argument("paths", nargs="+", metavar="PATHS", help="files, directories or globs of one story")
    b.add_argument("--json", action="store_true", help="print the brief's report sections as JSON")


def run_brief(args: argparse.Namespace, settings: Settings) -> int:
    batch = load_articles(args.paths, settings)
    analysis = analyze_articles(batch.articles, settings, batch.rejections)
    report = build_report(analysis)
    warn_rejections(analysis.rejections)
    if args.json:
        articles = [{"id": a["id"], "label": a["label"]} for a in report["articles"]]
        sys.stdout.write(dump({"articles": articles, **{k: report[k] for k in BRIEF_KEYS}}))
    else:
        sys.stdout.write(term_brief(report).lstrip("\n") + "\n")
    return exit_code(len(batch.articles), len(batch.rejections))
