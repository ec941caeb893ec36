"""Full-text search (FTS5 syntax) over the quotes of the briefs: stored ones and those in memory.

The stored briefs' quotes are indexed in the store (``brief_quotes``). Briefs the server computed
itself live only in its report cache, so their quotes get an in-memory SQLite FTS5 table, built
from the cached briefs and rebuilt when that set changes. Stored matches come first.
"""

from __future__ import annotations

import sqlite3
import threading
from typing import Any

from newsprism.store import Store
from newsprism.store.briefs import BriefTables
from newsprism.store.read import QueryError, check_query
from newsprism.web.reports import ReportCache

__all__ = ["search_quotes"]

_lock = threading.Lock()


def _build(cache: ReportCache, skip: set[str]) -> sqlite3.Connection:
    conn = sqlite3.connect(":memory:", check_same_thread=False)
    conn.execute(
        "CREATE VIRTUAL TABLE q USING fts5(text, speaker, article_id UNINDEXED, start UNINDEXED, end UNINDEXED)"
    )
    rows = [
        (x["text"], (x["speaker"] or {}).get("canonical") or "", x["article_id"], x["start"], x["end"])
        for sid, report in cache.reports()
        if sid not in skip
        for x in report.get("quotes", [])
    ]
    conn.executemany("INSERT INTO q VALUES (?,?,?,?,?)", rows)
    return conn


def search_quotes(store: Store, cache: ReportCache, query: str, limit: int = 50) -> list[dict[str, Any]]:
    """Quotes whose words or speaker match ``query``, best first; bad syntax is a :class:`QueryError`."""
    query = check_query(query)
    if not query:
        return []
    stored = BriefTables(store.conn, cache.key)
    current = set(stored.current_ids())
    try:
        found = stored.search_quotes(query, limit)
        with _lock:
            keys = (tuple(cache.cached()), tuple(sorted(current)))
            held = cache.quote_index  # (what it was built from, the index)
            if held is None or held[0] != keys:
                cache.quote_index = held = (keys, _build(cache, current))
            rows = (
                held[1]
                .execute(
                    "SELECT text, speaker, article_id, start, end FROM q WHERE q MATCH ? ORDER BY rank LIMIT ?",
                    (query, limit),
                )
                .fetchall()
            )
    except sqlite3.OperationalError as exc:
        raise QueryError(f"the search could not be run: {exc}", "use FTS5 syntax") from None
    found += [
        {"text": t, "speaker": s or None, "article_id": a, "start": b, "end": e} for t, s, a, b, e in rows
    ]
    for x in found:
        x["speaker"] = x["speaker"] or None
        x.pop("story_id", None)
    return found[:limit]
