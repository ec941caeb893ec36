"""What each Spark task runs: plain functions over rows, with no pyspark import.

Every function here is the local code applied to one partition (or one story), so the Spark
job and the one-machine path share their logic, and these functions are tested without Spark.
None of them raises on bad input: a unit that cannot be read is a rejection row, a story whose
brief fails is a brief row with its error. Models (spaCy, the sentence embedder) are loaded by
:mod:`newsprism.nlp` once per Python worker process and reused by every task it runs.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import Any

from newsprism.errors import InputError, UnexpectedInputError
from newsprism.model import Article, Rejection
from newsprism.settings import Settings
from newsprism.spark.rows import (
    article_row,
    edge_rows,
    features_row,
    quote_rows,
    rejection_row,
    row_article,
)

__all__ = ["brief_of_story", "feature_rows", "read_blobs", "read_units", "report_json"]

Row = dict[str, Any]
Unit = tuple[int, str, str]  # (position in the input order, "file" or "archive", path)


def _sources(kind: str, path: str, settings: Settings) -> Iterator[Any]:
    from newsprism.ingest.inputs import iter_inputs
    from newsprism.ingest.warc import iter_warc

    s = settings.ingest
    if kind == "archive":
        return iter_warc(path, s.max_input_mb, None, s.warc_reader)
    return iter_inputs([path], s.max_input_mb, None, s.warc_reader, s.max_gzip_ratio)


def _read_unit(unit: Unit, settings: Settings) -> Iterator[Row]:
    from newsprism.analyze import clean_source

    number, kind, path = unit
    record = 0
    for source in _sources(kind, path, settings):
        for item in clean_source(source, settings):
            if isinstance(item, Rejection):
                yield {"kind": "rejection", **rejection_row(item, number)}
            else:
                yield {"kind": "article", **article_row(item, number, record)}
                record += 1


def read_units(units: Iterable[Unit], settings: Settings) -> Iterator[Row]:
    """Read and clean each unit into tagged rows (``kind``: article or rejection).

    Whatever goes wrong with one unit (even a failure no reader anticipated, or the listing
    going stale) is a rejection naming it; the partition, and the job, go on.
    """
    for unit in units:
        try:
            yield from list(_read_unit(unit, settings))  # whole, so a failure leaves no half unit
        except Exception as exc:
            detail = " ".join(str(exc).split())[:160]
            err = UnexpectedInputError(unit[2], f"reading failed ({type(exc).__name__}: {detail})")
            yield {"kind": "rejection", **rejection_row(_rejection(err), unit[0])}


def read_blobs(blobs: Iterable[tuple[str, bytes]], unit: int, settings: Settings) -> Iterator[Row]:
    """Read and clean files Spark fetched from a Hadoop filesystem (``binaryFiles``: hdfs://,
    s3a://...): each is put in a scratch file and read as a local unit, under its own URI."""
    import os
    import tempfile

    from newsprism.ingest.warc import is_archive

    for uri, data in blobs:
        with tempfile.TemporaryDirectory(prefix="newsprism-") as scratch:
            local = os.path.join(scratch, os.path.basename(uri.rstrip("/")) or "input")
            with open(local, "wb") as fh:
                fh.write(data)
            kind = "archive" if is_archive(local) else "file"
            for row in read_units([(unit, kind, local)], settings):
                if row["path"].startswith(local):
                    row["path"] = uri + row["path"][len(local) :]
                yield row


def _rejection(err: InputError) -> Rejection:
    return Rejection(err.path, "read", str(err), err.hint)


def feature_rows(rows: Iterable[Any], settings: Settings) -> Iterator[Row]:
    """Clustering features of each article row, as :func:`newsprism.stories.extract_features`
    computes them (for ``stories.entities = "spacy"``, one parse per partition's articles)."""
    from newsprism.stories import extract_features

    articles = [row_article(r) for r in rows]
    for feat in extract_features(articles, settings.stories.entities, settings.stories):
        yield features_row(feat)


def report_json(report: dict[str, Any]) -> str:
    """The brief as stored: sorted keys, without the timings (the only part that varies)."""
    return json.dumps({k: v for k, v in report.items() if k != "timings"}, ensure_ascii=False, sort_keys=True)


def brief_of_story(story_id: str, members: Iterable[tuple[int, Any]], settings: Settings) -> Row:
    """The brief of one story from its ``(seq, article row)`` members, with its quotes and
    provenance edges: the local brief code (analyze_articles, build_report) on the story's
    articles in joining order, as ``newsprism briefs`` gives them."""
    from newsprism.analyze import analyze_articles
    from newsprism.brief.report import build_report

    articles: list[Article] = [row_article(r) for _, r in sorted(members, key=lambda m: m[0])]
    try:
        analysis = analyze_articles(articles, settings)
        report = build_report(analysis)
    except Exception as exc:  # one story's failure is a row, never a failed job
        error = f"{type(exc).__name__}: {' '.join(str(exc).split())[:200]}"
        return {"story_id": story_id, "size": len(articles), "report": None, "error": error,
                "quotes": [], "edges": []}  # fmt: skip
    return {
        "story_id": story_id, "size": len(articles), "report": report_json(report), "error": None,
        "quotes": quote_rows(analysis, story_id), "edges": edge_rows(analysis, story_id),
    }  # fmt: skip
