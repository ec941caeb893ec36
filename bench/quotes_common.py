"""Shared helpers for the quote benchmarks: data path, articles from plain text, parsing."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from newsprism.model import Article, OffsetMap, Quote, content_id

REPO = Path(__file__).resolve().parent.parent
DEFAULT_DATA = REPO.parent / "shared" / "eval"


def data_arg(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="the shared eval folder")


def article_from_text(text: str, path: str = "") -> Article:
    """An Article whose cleaned text is the given text (identity offsets)."""
    return Article(id=content_id(text, prefix="a_"), path=path, raw=text, text=text, offsets=OffsetMap())


def scoring_quotes(quotes: tuple[Quote, ...]) -> list[Quote]:
    """Quotes as one-per-attribution gold sets count them: fragments inside another quote drop."""
    outer = [q.span for q in quotes if q.kind != "fragment"]
    return [q for q in quotes if not (q.kind == "fragment" and any(o.contains(q.span) for o in outer))]


MARKS = "\"“”‘’«»„'"


def with_marks(text: str, start: int, end: int) -> tuple[int, int]:
    """Widen a direct quote's span over its quote marks (gold sets that include the marks)."""
    if start > 0 and text[start - 1] in MARKS:
        start -= 1
    if end < len(text) and text[end] in MARKS:
        end += 1
    return start, end


def polnear_gold_stems() -> set[str]:
    """PolNeAR articles of the brief gold stories (``bench/brief_gold_polnear*``, every half): a
    bench that tunes on PolNeAR's own annotation leaves them out, so no report-half article is
    ever read while tuning."""
    out: set[str] = set()
    for path in Path(__file__).resolve().parent.glob("brief_gold_polnear*/pn-*.json"):
        out.update(json.loads(path.read_text(encoding="utf-8"))["articles"])
    return out
