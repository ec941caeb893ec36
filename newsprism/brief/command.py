"""``newsprism brief PATHS... [--json]``: only the brief (summary, ledger, disputes, quote
variants, unique/omissions, framing, provenance), without the article listing."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from newsprism.analyze import analyze_articles, load_articles
from newsprism.brief.report import build_report
from newsprism.cli import PARSER_EXTENSIONS, _dump, _warn_rejections, command
from newsprism.render.brief_text import term_brief
from newsprism.settings import Settings

__all__ = ["BRIEF_KEYS"]

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


def _add_parser(sub: Any, common: argparse.ArgumentParser) -> None:
    b = sub.add_parser(
        "brief", parents=[common], help="the story brief of PATHS, without the article listing"
    )
    b.add_argument("paths", nargs="+", metavar="PATHS", help="files, directories or globs of one story")
    b.add_argument("--json", action="store_true", help="print the brief's report sections as JSON")


PARSER_EXTENSIONS.append(_add_parser)


@command("brief")
def _brief(args: argparse.Namespace, settings: Settings) -> int:
    batch = load_articles(args.paths, settings)
    analysis = analyze_articles(batch.articles, settings, batch.rejections)
    report = build_report(analysis)
    _warn_rejections(list(analysis.rejections))
    if args.json:
        sys.stdout.write(
            _dump(
                {
                    "articles": [{"id": a["id"], "label": a["label"]} for a in report["articles"]],
                    **{k: report[k] for k in BRIEF_KEYS},
                }
            )
        )
    else:
        sys.stdout.write(term_brief(report).lstrip("\n") + "\n")
    if not batch.articles:
        print("newsprism: no article could be read", file=sys.stderr)
        return 2 if not batch.rejections else 1
    return 1 if batch.rejections else 0
