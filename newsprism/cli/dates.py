"""``newsprism dates PATHS``: temporal expressions with TIMEX3 values and raw offsets.

``--published`` (or a manifest) gives an input's publication date, the reference of its
relative expressions; otherwise it is resolved from the articles."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from newsprism.cli.common import add_inputs, dump, given_from_args, no_input, warn_rejections
from newsprism.cli.output import add_output, emit

if TYPE_CHECKING:
    from newsprism.settings import Settings

__all__ = ["add_dates", "run_dates"]


def add_dates(d: argparse.ArgumentParser) -> None:
    add_inputs(d)
    add_output(d, ("json", "text"))


def _text(listing: list[dict[str, Any]]) -> str:
    out = []
    for item in listing:
        out.append(
            f"{item['path']}  (reference {item['reference'] or 'unknown'}, {item['published_source']})"
        )
        for t in item["timexes"]:
            text = " ".join(t["text"].split())
            out.append(f"  {t['start']:>6}-{t['end']:<6} {t['type']:8} {t['value']:22} {text}")
    return "\n".join(out) + ("\n" if out else "")


def run_dates(args: argparse.Namespace, settings: Settings) -> int:
    from newsprism.analyze import load_articles
    from newsprism.temporal.listing import list_dates

    batch = load_articles(args.paths, settings, given=given_from_args(args))
    if not batch.articles:
        return no_input(batch.rejections)
    warn_rejections(batch.rejections)
    emit(args, list_dates(batch.articles), {"json": dump, "text": _text})
    return 1 if batch.rejections else 0
