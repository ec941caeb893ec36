"""``newsprism brief PATHS...``: only the brief (summary, ledger, disputes, timeline, quote
variants, unique/omissions, framing, provenance), without the article listing."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from newsprism.cli.common import add_inputs, dump, given_from_args, no_input, warn_rejections
from newsprism.cli.output import add_output, emit

if TYPE_CHECKING:
    from newsprism.settings import Settings

__all__ = ["BRIEF_KEYS", "add_brief", "run_brief"]

BRIEF_KEYS = (
    "summary",
    "ledger",
    "disputes",
    "contradictions",
    "timeline",
    "quote_groups",
    "unique",
    "omissions",
    "framing",
    "provenance",
    "statements",
)


def add_brief(b: argparse.ArgumentParser) -> None:
    add_inputs(b)
    add_output(b, ("json", "text"))


def run_brief(args: argparse.Namespace, settings: Settings) -> int:
    from newsprism.analyze import analyze_articles, load_articles
    from newsprism.brief.report import build_report
    from newsprism.render.brief_text import term_brief

    batch = load_articles(args.paths, settings, given=given_from_args(args))
    if not batch.articles:
        return no_input(batch.rejections)
    analysis = analyze_articles(batch.articles, settings, batch.rejections)
    report = build_report(analysis)
    warn_rejections(analysis.rejections)
    articles = [{"id": a["id"], "label": a["label"]} for a in report["articles"]]
    data: dict[str, Any] = {"articles": articles, **{k: report[k] for k in BRIEF_KEYS}}
    emit(args, data, {"json": dump, "text": lambda _: term_brief(report).lstrip("\n") + "\n"})
    return 1 if batch.rejections else 0
