"""The one-machine path and a Spark run's tables in one comparable shape (tests and bench).

Both give ``articles`` (id -> path), ``stories`` (id -> article ids in joining order) and, when
asked for, ``briefs`` (story id -> the brief as stored, without timings).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from newsprism.analyze import analyze_articles, load_articles
from newsprism.brief.report import build_report
from newsprism.settings import Settings
from newsprism.spark.export import read_rows
from newsprism.spark.tasks import report_json
from newsprism.stories import cluster

__all__ = ["local_path", "spark_tables"]


def local_path(inputs: list[str], briefs: bool, settings: Settings | None = None) -> dict[str, Any]:
    """Read and clean, cluster, one brief per story in joining order."""
    settings = settings or Settings()
    batch = load_articles(inputs, settings)
    by_id = {a.id: a for a in batch.articles}
    stories = cluster(batch.articles, settings.stories)
    out: dict[str, Any] = {
        "articles": {a.id: a.path for a in batch.articles},
        "stories": {s.id: list(s.article_ids) for s in stories},
    }
    if briefs:
        out["briefs"] = {
            s.id: report_json(build_report(analyze_articles([by_id[i] for i in s.article_ids], settings)))
            for s in stories
        }
    return out


def spark_tables(out: Path) -> dict[str, Any]:
    """The same shape read off a run's Parquet tables (briefs when the run made them)."""
    got = {
        "articles": {r["id"]: r["path"] for r in read_rows(str(out), "articles", ["id", "path"])},
        "stories": {
            r["id"]: list(r["article_ids"]) for r in read_rows(str(out), "stories", ["id", "article_ids"])
        },
    }
    if (out / "briefs").exists():
        got["briefs"] = {r["story_id"]: r["report"] for r in read_rows(str(out), "briefs")}
    return got
