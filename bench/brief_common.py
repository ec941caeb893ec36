"""Shared helpers for the brief benchmarks: load articles, run the compare and brief stages."""

from __future__ import annotations

import time
from pathlib import Path

from newsprism.model import Article, OffsetMap, content_id
from newsprism.pipeline import Analysis, run_stages
from newsprism.settings import Settings


def plain_article(path: str, text: str, outlet: str | None = None, title: str | None = None,
                  published: str | None = None) -> Article:
    """An Article from already clean text (bench inputs that need no cleaning)."""
    return Article(id=content_id(text, prefix="a_"), path=path, raw=text, text=text, offsets=OffsetMap(),
                   outlet=outlet, title=title, published=published)


def read_articles(paths: list[Path]) -> tuple[Article, ...]:
    """Read and clean files with the project's reader when it exists, else as plain text."""
    try:
        from newsprism.analyze import read_and_clean  # type: ignore[attr-defined]
    except ImportError:
        read_and_clean = None
    if read_and_clean is not None:
        return tuple(read_and_clean([str(p) for p in paths]))
    out = []
    for p in paths:
        text = p.read_text(encoding="utf-8")
        lines = [ln.strip() for ln in text.splitlines() if ln.strip()]
        out.append(plain_article(str(p), "\n\n".join(lines), title=lines[0] if lines else None))
    return tuple(out)


def run_brief(articles: tuple[Article, ...], settings: Settings | None = None) -> Analysis:
    from newsprism.compare.stage import brief_stage, compare_stage

    settings = settings or Settings()
    t0 = time.perf_counter()
    analysis = run_stages(Analysis(articles=articles), settings,
                          [("compare", compare_stage), ("brief", brief_stage)])
    timings = dict(analysis.timings)
    timings["total"] = time.perf_counter() - t0
    return analysis.replace(timings=timings)
