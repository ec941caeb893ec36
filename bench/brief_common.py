"""Shared helpers for the brief benchmarks: load articles, run the compare and brief stages."""

from __future__ import annotations

import time
from pathlib import Path

from newsprism.model import Article, OffsetMap, content_id
from newsprism.pipeline import Analysis
from newsprism.settings import Settings, load_settings


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


def run_brief(articles: tuple[Article, ...], settings: Settings | None = None, full: bool = True) -> Analysis:
    """Run every registered stage (quotes, timeline... then compare and brief) or, with
    ``full=False``, only compare and brief (quotes then come from the brief's fallback finder)."""
    from newsprism.analyze import analyze_articles
    from newsprism.brief.stage import brief_stage
    from newsprism.compare.stage import compare_stage

    settings = settings or load_settings()  # defaults + NEWSPRISM_* environment
    t0 = time.perf_counter()
    stages = None if full else [("compare", compare_stage), ("brief", brief_stage)]
    analysis = analyze_articles(articles, settings, stages=stages)
    timings = dict(analysis.timings)
    timings["total"] = time.perf_counter() - t0
    return analysis.replace(timings=timings)
