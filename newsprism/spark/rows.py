"""Plain rows (dicts of strings and numbers) for the Parquet tables of a Spark run, and back.

Spark moves rows between executors and Parquet stores them; the stages want model objects.
Nested values (offsets, spans, feature counts) travel as JSON strings, so every table has a
flat schema and a row read back gives the same object. Counts keep their order: the
clustering breaks weight ties by it.
"""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from newsprism.analysis import Analysis
from newsprism.model import Article, OffsetMap, Rejection, Removal, Span, with_copy
from newsprism.store.db import article_from_row
from newsprism.stories.features import ArticleFeatures

__all__ = [
    "ARTICLE_COLUMNS",
    "COPY_FIELDS",
    "article_row",
    "copy_article",
    "edge_rows",
    "features_row",
    "quote_rows",
    "rejection_row",
    "row_article",
    "row_features",
]

Row = dict[str, Any]

# Column name -> Spark SQL type (newsprism.spark.job builds the schemas from these).
ARTICLE_COLUMNS = {
    "id": "string", "path": "string", "format": "string", "title": "string", "outlet": "string",
    "author": "string", "published": "string", "published_source": "string",
    "published_confidence": "double", "url": "string", "credits_json": "string", "raw": "string",
    "text": "string", "offsets_json": "string", "removed_json": "string", "paragraphs_json": "string",
    "headings_json": "string", "unit": "long", "record": "long", "copies_json": "string",
}  # fmt: skip
# What ``copies_json`` keeps of each record of an article's text (the kept one first), in
# (unit, record, path) order: what :func:`newsprism.model.with_copy` needs to name the copy.
COPY_FIELDS = ("unit", "record", "path", "outlet", "url", "title", "published")
REJECTION_COLUMNS = {
    "path": "string",
    "stage": "string",
    "reason": "string",
    "hint": "string",
    "unit": "long",
}
FEATURE_COLUMNS = {
    "article_id": "string", "counts_json": "string", "published": "string", "outlet": "string",
    "title": "string", "floor": "string",
}  # fmt: skip
QUOTE_COLUMNS = {
    "id": "string", "story_id": "string", "article_id": "string", "text": "string", "start": "long",
    "end": "long", "kind": "string", "cue": "string", "speaker": "string", "canonical": "string",
    "method": "string",
}  # fmt: skip
EDGE_COLUMNS = {
    "story_id": "string",
    "source": "string",
    "target": "string",
    "kind": "string",
    "evidence": "string",
}


def _spans(spans: tuple[Span, ...]) -> str:
    return json.dumps([[s.start, s.end] for s in spans])


def article_row(art: Article, unit: int, record: int) -> Row:
    """``unit``/``record``: where the article came in the input order (the first copy wins)."""
    removed = [[r.text, r.reason, r.raw_start, r.raw_end] for r in art.removed]
    return {
        "id": art.id, "path": art.path, "format": art.format, "title": art.title, "outlet": art.outlet,
        "author": art.author, "published": art.published, "published_source": art.published_source,
        "published_confidence": art.published_confidence, "url": art.url,
        "credits_json": json.dumps(list(art.credits), ensure_ascii=False), "raw": art.raw, "text": art.text,
        "offsets_json": json.dumps(art.offsets.runs), "removed_json": json.dumps(removed, ensure_ascii=False),
        "paragraphs_json": _spans(art.paragraphs), "headings_json": _spans(art.headings),
        "unit": unit, "record": record, "copies_json": None,
    }  # fmt: skip


def row_article(row: Any) -> Article:
    """The :class:`Article` of a row (a dict or a Spark Row), with its copies: the other records
    of its text folded in read order as ``load_articles`` folds them (other outlets, once each)."""
    r = row.asDict() if hasattr(row, "asDict") else row
    removed = tuple(Removal(t, why, a, b) for t, why, a, b in json.loads(r["removed_json"]))
    art = article_from_row(r, removed)
    for rec in json.loads(r.get("copies_json") or "[]"):  # to_json leaves out null fields
        other = copy_article(art.id, rec["path"], rec.get("outlet"), rec.get("url"), rec.get("title"),
                             rec.get("published"))  # fmt: skip
        art = with_copy(art, other)
    return art


def copy_article(
    article_id: str, path: str, outlet: str | None, url: str | None, title: str | None, published: str | None
) -> Article:
    """A textless stand-in for another record of article ``article_id``'s text: what
    ``with_copy`` and ``Store.note_copy`` read (its reader label, URL, path, date)."""
    return Article(
        article_id, path, "", "", OffsetMap(), title=title, outlet=outlet, url=url, published=published
    )


def rejection_row(rej: Rejection, unit: int) -> Row:
    return {"path": rej.path, "stage": rej.stage, "reason": rej.reason, "hint": rej.hint, "unit": unit}


def features_row(feat: ArticleFeatures) -> Row:
    def iso(d: date | None) -> str | None:
        return d.isoformat() if d else None

    return {
        "article_id": feat.article_id, "counts_json": json.dumps(feat.counts, ensure_ascii=False),
        "published": iso(feat.published), "outlet": feat.outlet, "title": feat.title, "floor": iso(feat.floor),
    }  # fmt: skip


def row_features(row: Any) -> ArticleFeatures:
    r = row.asDict() if hasattr(row, "asDict") else row

    def day(value: str | None) -> date | None:
        return date.fromisoformat(value) if value else None

    return ArticleFeatures(
        article_id=r["article_id"], counts=json.loads(r["counts_json"]), published=day(r["published"]),
        outlet=r["outlet"], title=r["title"], floor=day(r["floor"]),
    )  # fmt: skip


def quote_rows(analysis: Analysis, story_id: str) -> list[Row]:
    rows = []
    for q in analysis.quotes:
        rows.append({
            "id": q.id, "story_id": story_id, "article_id": q.article_id, "text": q.text,
            "start": q.span.start, "end": q.span.end, "kind": q.kind, "cue": q.cue,
            "speaker": q.speaker.name if q.speaker else None,
            "canonical": q.speaker.canonical if q.speaker else None, "method": q.method,
        })  # fmt: skip
    return rows


def edge_rows(analysis: Analysis, story_id: str) -> list[Row]:
    return [
        {"story_id": story_id, "source": e.source, "target": e.target, "kind": e.kind, "evidence": e.evidence}
        for e in analysis.provenance
    ]
