"""``newsprism spark export OUTPUT DB``: load a Spark run's Parquet tables into the SQLite store.

After it, ``stories``, ``show``, ``serve`` and ``analyze --db`` work on the result as on a store
filled by ``ingest`` and ``briefs``: the articles and rejections, the stories with the index
state a later ``ingest`` goes on from, and each story's brief (current for the run's
settings). Reading needs pyarrow only, not Spark; tables are read a batch of rows at a time.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from newsprism.errors import InputError
from newsprism.model import Article, Rejection
from newsprism.settings import Settings, StorySettings
from newsprism.spark.assign import index_from_rows
from newsprism.spark.rows import copy_article, row_article
from newsprism.store import Store

__all__ = ["export_run", "read_rows"]

_BATCH = 500


def read_rows(output: str, table: str, columns: list[str] | None = None) -> Iterator[dict[str, Any]]:
    """The rows of one table of a run, as dicts, a batch at a time."""
    import pyarrow.dataset as ds

    path = Path(output) / table
    if not (path / "_SUCCESS").exists():
        raise InputError(
            str(path), "not a finished table of a Spark run", "run `newsprism spark run` to the end"
        )
    for batch in ds.dataset(str(path), format="parquet").to_batches(columns=columns, batch_size=_BATCH):
        yield from batch.to_pylist()


def _meta(output: str) -> dict[str, str]:
    return {r["key"]: r["value"] for r in read_rows(output, "meta")}


def export_run(output: str, db: str) -> dict[str, int]:
    """Store the run in ``output`` into the store ``db``; returns counts of what was added.

    Exporting twice adds nothing the second time (ids are content hashes); a store that already
    holds other stories is refused, since the run's stories were made without them. The briefs
    are stored as current for the run's settings (those the run recorded in its ``meta``)."""
    meta = _meta(output)
    settings = Settings().with_values(json.loads(meta["settings"]), f"{output}/meta")
    with Store(db) as store:
        run_id = store.begin_run("spark export", settings.to_dict(), [output])
        added = _articles(store, output, run_id)
        rejected = _rejections(store, output, run_id)
        n_stories = _stories(store, output, int(meta["n_docs"]), settings.stories, run_id)
        n_briefs = _briefs(store, output, settings)
        store.end_run(run_id, added, rejected)
    return {"articles": added, "rejections": rejected, "stories": n_stories, "briefs": n_briefs}


def _articles(store: Store, output: str, run_id: int) -> int:
    added, pending = 0, []
    for row in read_rows(output, "articles"):
        pending.append(row_article(row))
        if len(pending) >= _BATCH:
            added += _add(store, pending, run_id)
            pending = []
    return added + _add(store, pending, run_id)


def _add(store: Store, articles: list[Article], run_id: int) -> int:
    """Store ``articles`` and their copies (other outlets' records of the same text), in order."""
    added = store.add_articles(articles, run_id)
    with store.transaction():
        for art in articles:
            for c in art.copies:
                store.note_copy(copy_article(art.id, c.path, c.outlet, c.url, None, c.published), art.id)
    return added


def _rejections(store: Store, output: str, run_id: int) -> int:
    known = set(store.rejections())  # exported before: not again
    n = 0
    for row in read_rows(output, "rejections"):
        rej = Rejection(row["path"], row["stage"], row["reason"], row["hint"])
        if rej not in known:
            store.add_rejection(rej, run_id)
            n += 1
    return n


def _stories(store: Store, output: str, n_docs: int, settings: StorySettings, run_id: int) -> int:
    from newsprism.store.stories import StoryTables
    from newsprism.stories.persist import save_index

    tables = StoryTables(store.conn)
    stories = list(read_rows(output, "stories"))
    if tables.meta():
        known = {r["id"] for r in tables.all_rows()}
        if known == {s["id"] for s in stories}:
            return 0  # exported before
        raise InputError(store.path, "the store already holds other stories", "export into a new store")
    df = {r["feature"]: r["df"] for r in read_rows(output, "df")}
    members, postings = list(read_rows(output, "members")), list(read_rows(output, "postings"))
    index, assignments = index_from_rows(stories, members, postings, df, n_docs, settings)
    with store.transaction():
        save_index(store, index, assignments, run_id)
    return len(stories)


def _briefs(store: Store, output: str, settings: Settings) -> int:
    from newsprism.quotes.speakers import speaker_index
    from newsprism.store.briefs import BriefTables, settings_key

    tables = BriefTables(store.conn, settings_key(settings.to_dict()))
    if not (Path(output) / "briefs" / "_SUCCESS").exists():
        return 0  # a run stopped after the stories
    n = 0
    for row in read_rows(output, "briefs"):
        if row["report"] is None:
            continue
        report = json.loads(row["report"])
        tables.put(row["story_id"], row["size"], report, speaker_index(report.get("speakers", [])))
        n += 1
    return n
