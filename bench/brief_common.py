"""Shared helpers for the brief benchmarks: load articles, run the compare and brief stages."""

from __future__ import annotations

import time
from pathlib import Path

from newsprism.model import Article, OffsetMap, content_id
from newsprism.pipeline import Analysis, run_stages
from newsprism.settings import Settings


def default_data() -> Path:
    """``../shared/eval`` relative to the repository root (the layout the benches expect)."""
    return Path(__file__).resolve().parent.parent.parent / "shared" / "eval"


def plain_article(
    path: str, text: str, outlet: str | None = None, title: str | None = None, published: str | None = None
) -> Article:
    """An Article from already clean text (bench inputs that need no cleaning)."""
    return Article(
        id=content_id(text, prefix="a_"),
        path=path,
        raw=text,
        text=text,
        offsets=OffsetMap(),
        outlet=outlet,
        title=title,
        published=published,
    )


def read_articles(paths: list[Path]) -> tuple[Article, ...]:
    """Read and clean files with the project's own reader and cleaner."""
    from newsprism.analyze import load_articles

    batch = load_articles([str(p) for p in paths])
    return tuple(batch.articles)


def run_brief(articles: tuple[Article, ...], settings: Settings | None = None) -> Analysis:
    from newsprism.compare.stage import brief_stage, compare_stage

    settings = settings or Settings()
    t0 = time.perf_counter()
    analysis = run_stages(
        Analysis(articles=articles), settings, [("compare", compare_stage), ("brief", brief_stage)]
    )
    timings = dict(analysis.timings)
    timings["total"] = time.perf_counter() - t0
    return analysis.replace(timings=timings)
