"""``newsprism export DB``: stored articles, story briefs or quotes as JSON Lines, CSV or Parquet."""

from __future__ import annotations

import argparse
import csv
import io
import json
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from newsprism.cli.common import dump
from newsprism.cli.output import add_output, emit
from newsprism.errors import ModelMissingError
from newsprism.progress import progress_bar

if TYPE_CHECKING:
    from newsprism.settings import Settings
    from newsprism.store import Store

__all__ = ["add_export", "rows_csv", "rows_jsonl", "rows_parquet", "run_export"]

WHAT = ("articles", "briefs", "quotes")


def add_export(s: argparse.ArgumentParser) -> None:
    s.add_argument("db")
    s.add_argument("--what", choices=WHAT, default="articles", help="what to export (default: articles)")
    add_output(s, ("jsonl", "csv", "parquet", "json"))


def _cell(value: Any) -> Any:
    """A value for a flat table: lists and objects as JSON text."""
    return json.dumps(value, ensure_ascii=False) if isinstance(value, list | dict) else value


# A CSV cell starting with one of these is run as a formula by spreadsheet programs
# ("=HYPERLINK(...)", "@SUM(...)"): article text is untrusted, so such cells get a leading "'".
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _csv_cell(value: Any) -> Any:
    value = _cell(value)
    return "'" + value if isinstance(value, str) and value.startswith(_FORMULA_START) else value


def rows_jsonl(rows: list[dict[str, Any]]) -> str:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)


def rows_csv(rows: list[dict[str, Any]]) -> str:
    out = io.StringIO()
    if rows:
        writer = csv.DictWriter(out, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows({k: _csv_cell(v) for k, v in r.items()} for r in rows)
    return out.getvalue()


def rows_parquet(rows: list[dict[str, Any]]) -> bytes:
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError:  # pragma: no cover - pyarrow is a dependency
        raise ModelMissingError("Parquet export needs pyarrow", "run `make install`") from None
    columns = list(rows[0]) if rows else []
    table = pa.table({c: [_cell(r.get(c)) for r in rows] for c in columns})
    sink = pa.BufferOutputStream()
    pq.write_table(table, sink)
    return bytes(sink.getvalue().to_pybytes())


def _brief_rows(store: Store, settings: Settings, quiet: bool) -> Iterator[dict[str, Any]]:
    from newsprism.analyze import analyze_story
    from newsprism.brief.report import build_report
    from newsprism.cli.briefs import store_brief
    from newsprism.nlp import use_parse_cache
    from newsprism.store.briefs import BriefTables, settings_key
    from newsprism.stories.persist import stored_stories

    stories = stored_stories(store)
    stored = BriefTables(store.conn, settings_key(settings.to_dict()))
    with use_parse_cache(store), progress_bar("briefs", quiet) as tick:
        for story in stories:
            report = stored.get(story.id)  # `newsprism briefs` may have computed it already
            if report is None:
                report = build_report(analyze_story(store, story.id, settings))
                store_brief(store, story.id, report, settings)
            tick("")
            yield {
                "story_id": story.id,
                "title": story.title,
                "articles": len(story.article_ids),
                "first_published": story.first_published,
                "last_published": story.last_published,
                "summary": " ".join(s.get("text", "") for s in report["summary"]),
                "report": report,
            }


def _quote_rows(store: Store, settings: Settings) -> list[dict[str, Any]]:
    from newsprism.brief.report import build_report
    from newsprism.quotes.stage import analyze_quotes

    articles = list(store.articles())
    labels = {a.id: a.label for a in articles}
    report = build_report(analyze_quotes(articles, settings, cache=store))
    return [
        {
            "id": q["id"],
            "article_id": q["article_id"],
            "label": labels.get(q["article_id"]),
            "kind": q["kind"],
            "speaker": (q["speaker"] or {}).get("canonical"),
            "cue": q["cue"],
            "text": q["text"],
            "start": q["start"],
            "end": q["end"],
            "method": q["method"],
        }
        for q in report["quotes"]
    ]


def run_export(args: argparse.Namespace, settings: Settings) -> int:
    from newsprism.brief.report import article_json
    from newsprism.store import Store

    with Store(args.db) as store:
        if args.what == "articles":
            rows = [article_json(a) for a in store.articles()]
        elif args.what == "quotes":
            rows = _quote_rows(store, settings)
        else:
            rows = list(_brief_rows(store, settings, args.quiet))
    formats = {
        "jsonl": rows_jsonl,
        "csv": rows_csv,
        "parquet": rows_parquet,
        "json": dump,
        "text": rows_jsonl,
    }
    emit(args, rows, formats)
    return 0
