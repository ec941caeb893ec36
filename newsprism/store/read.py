"""Read queries over a store for browsing: stories with filters and pages, daily counts,
outlets, strict full-text search. All SQL the web app runs lives here.

Every function takes a :class:`~newsprism.store.Store` (read-only or not) and returns plain
JSON-ready values; none writes.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from typing import Any

from newsprism.errors import NewsprismError
from newsprism.store.db import Store

__all__ = [
    "QueryError",
    "StoryFilter",
    "article_story",
    "check_query",
    "daily_counts",
    "outlet_articles",
    "outlet_names",
    "outlet_story_counts",
    "search_articles",
    "story_page",
    "story_row",
]

_COLUMNS = "s.id, s.title, s.size, s.outlets_json, s.first_published, s.last_published"  # not the profile
# FTS5 queries longer than this are refused: a query is typed by a person, not a document.
MAX_QUERY_CHARS = 500


class QueryError(NewsprismError):
    """A full-text query SQLite cannot run (bad FTS5 syntax, too long)."""


@dataclass(frozen=True)
class StoryFilter:
    """What the stories listing shows: every field optional."""

    text: str = ""  # FTS5 query over the member articles' titles and text
    outlet: str = ""  # exact outlet name among the story's outlets
    since: str = ""  # ISO date: stories whose span ends on or after it
    until: str = ""  # ISO date: stories whose span starts on or before it


def check_query(query: str) -> str:
    query = query.strip()
    if len(query) > MAX_QUERY_CHARS:
        raise QueryError(f"the query is longer than {MAX_QUERY_CHARS} characters", "shorten it")
    return query


def _fts(store: Store, sql: str, params: tuple[Any, ...]) -> list[sqlite3.Row]:
    try:
        return store.conn.execute(sql, params).fetchall()
    except sqlite3.OperationalError as exc:
        raise QueryError(
            f"the search could not be run: {exc}",
            'use FTS5 syntax: words, "a phrase", AND, OR, NOT, prefix*; put odd characters in quotes',
        ) from None


def _story_json(row: sqlite3.Row) -> dict[str, Any]:
    return {
        "id": row["id"],
        "title": row["title"],
        "size": row["size"],
        "outlets": json.loads(row["outlets_json"]),
        "first_published": row["first_published"],
        "last_published": row["last_published"],
    }


def story_page(store: Store, flt: StoryFilter, limit: int, offset: int) -> tuple[list[dict[str, Any]], int]:
    """One page of stories matching ``flt``, newest first, and how many match in all."""
    where, params = [], []
    if flt.text:
        where.append(
            "s.id IN (SELECT m.story_id FROM articles_fts f JOIN articles a ON a.rowid = f.rowid"
            " JOIN story_members m ON m.article_id = a.id WHERE articles_fts MATCH ?)"
        )
        params.append(check_query(flt.text))
    if flt.outlet:
        where.append("EXISTS (SELECT 1 FROM json_each(s.outlets_json) WHERE value = ?)")
        params.append(flt.outlet)
    if flt.since:
        where.append("s.last_published >= ?")
        params.append(flt.since)
    if flt.until:
        where.append("s.first_published <= ?")
        params.append(flt.until + "T99")  # a datetime on that day still counts
    clause = (" WHERE " + " AND ".join(where)) if where else ""
    total = _fts(store, f"SELECT count(*) FROM stories s{clause}", tuple(params))[0][0]
    rows = _fts(
        store,
        f"SELECT {_COLUMNS} FROM stories s{clause} ORDER BY s.last_published IS NULL, s.last_published DESC,"
        " s.size DESC, s.id LIMIT ? OFFSET ?",
        (*params, limit, offset),
    )
    return [_story_json(r) for r in rows], int(total)


def story_row(store: Store, story_id: str) -> dict[str, Any]:
    """One story's listing row with its member article ids (a 6+ character prefix is enough)."""
    full = store.resolve_id("stories", story_id)
    row = store.conn.execute(f"SELECT {_COLUMNS} FROM stories s WHERE s.id = ?", (full,)).fetchone()
    data = _story_json(row)
    data["article_ids"] = [
        r[0]
        for r in store.conn.execute(
            "SELECT article_id FROM story_members WHERE story_id = ? ORDER BY seq", (full,)
        )
    ]
    return data


def daily_counts(store: Store, story_ids: list[str]) -> dict[str, dict[str, int]]:
    """Articles per publication day for each story (undated articles are not counted)."""
    out: dict[str, dict[str, int]] = {sid: {} for sid in story_ids}
    if not story_ids:
        return out
    marks = ",".join("?" * len(story_ids))
    for sid, day, n in store.conn.execute(
        "SELECT m.story_id, substr(a.published, 1, 10), count(*) FROM story_members m"
        f" JOIN articles a ON a.id = m.article_id WHERE m.story_id IN ({marks})"
        " AND a.published IS NOT NULL GROUP BY 1, 2 ORDER BY 1, 2",
        story_ids,
    ):
        out[sid][day] = n
    return out


def article_story(store: Store, article_id: str) -> str | None:
    """The id of the story an article belongs to, if it was grouped yet."""
    row = store.conn.execute(
        "SELECT story_id FROM story_members WHERE article_id = ?", (article_id,)
    ).fetchone()
    return None if row is None else str(row[0])


def outlet_names(store: Store) -> list[dict[str, Any]]:
    """Every outlet with its number of articles, most articles first."""
    return [
        {"outlet": r[0], "articles": r[1]}
        for r in store.conn.execute(
            "SELECT outlet, count(*) FROM articles WHERE outlet IS NOT NULL GROUP BY outlet ORDER BY 2 DESC, 1"
        )
    ]


def outlet_articles(store: Store, outlet: str, limit: int = 200) -> list[dict[str, Any]]:
    """An outlet's articles with the story each belongs to, newest first."""
    return [
        dict(r)
        for r in store.conn.execute(
            "SELECT a.id, a.title, a.published, m.story_id FROM articles a"
            " LEFT JOIN story_members m ON m.article_id = a.id WHERE a.outlet = ?"
            " ORDER BY a.published IS NULL, a.published DESC, a.id LIMIT ?",
            (outlet, limit),
        )
    ]


def outlet_story_counts(store: Store, outlet: str) -> dict[str, int]:
    """In how many stories an outlet appears, and in how many it is the only outlet."""
    row = store.conn.execute(
        "SELECT count(*), sum(json_array_length(s.outlets_json) = 1) FROM stories s"
        " WHERE EXISTS (SELECT 1 FROM json_each(s.outlets_json) WHERE value = ?)",
        (outlet,),
    ).fetchone()
    return {"stories": int(row[0] or 0), "alone": int(row[1] or 0)}


def search_articles(store: Store, query: str, limit: int = 50) -> list[dict[str, Any]]:
    """Full-text search in FTS5 syntax; a query SQLite cannot run is a :class:`QueryError`.

    The snippet marks matches with U+0002/U+0003, which the caller turns into highlights
    after escaping (no markup ever comes from the text).
    """
    query = check_query(query)
    if not query:
        return []
    rows = _fts(
        store,
        "SELECT a.id, a.title, a.outlet, a.published, m.story_id,"
        " snippet(articles_fts, 1, char(2), char(3), '…', 16) AS snippet"
        " FROM articles_fts JOIN articles a ON a.rowid = articles_fts.rowid"
        " LEFT JOIN story_members m ON m.article_id = a.id"
        " WHERE articles_fts MATCH ? ORDER BY rank LIMIT ?",
        (query, limit),
    )
    return [dict(r) for r in rows]
