"""The SQL of the story tables (migration 3 and 5): the story index reads and writes through here.

:mod:`newsprism.stories` decides; this module only moves rows. Every method takes and returns
plain values (ids, dicts, rows), so the store knows nothing of the clustering classes.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Sequence
from typing import Any

__all__ = ["StoryTables"]


def _marks(n: int) -> str:
    return ",".join("?" * n)


class StoryTables:
    """Reads and writes of ``stories``, ``story_members``, ``story_df``, ``story_postings``, ``story_meta``."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn

    # reads ------------------------------------------------------------------------
    def meta(self) -> dict[str, str]:
        return dict(self.conn.execute("SELECT key, value FROM story_meta").fetchall())

    def df(self, keys: Sequence[str] | None = None) -> dict[str, int]:
        """Document frequency of ``keys`` (all features when None)."""
        if keys is None:
            return dict(self.conn.execute("SELECT feature, df FROM story_df").fetchall())
        sql = f"SELECT feature, df FROM story_df WHERE feature IN ({_marks(len(keys))})"
        return dict(self.conn.execute(sql, keys).fetchall())

    def postings(self, keys: Sequence[str] | None = None) -> dict[str, dict[str, int | None]]:
        """``{feature: {story_id: rank}}`` in rank order, for ``keys`` (all when None)."""
        where, args = "", ()
        if keys is not None:
            where, args = f" WHERE feature IN ({_marks(len(keys))})", tuple(keys)
        sql = f"SELECT feature, story_id, rank FROM story_postings{where} ORDER BY feature, rank"
        out: dict[str, dict[str, int | None]] = {}
        for feature, story_id, rank in self.conn.execute(sql, args):
            out.setdefault(feature, {})[story_id] = rank
        return out

    def assigned(self, article_ids: Sequence[str]) -> dict[str, str]:
        """``{article_id: story_id}`` for those of ``article_ids`` in a story."""
        sql = (
            f"SELECT article_id, story_id FROM story_members WHERE article_id IN ({_marks(len(article_ids))})"
        )
        return dict(self.conn.execute(sql, article_ids).fetchall())

    def members(self, story_ids: Sequence[str] | None = None) -> dict[str, list[str]]:
        """``{story_id: [article_id, ...]}`` in joining order (all stories when None)."""
        where, args = "", ()
        if story_ids is not None:
            where, args = f" WHERE story_id IN ({_marks(len(story_ids))})", tuple(story_ids)
        sql = f"SELECT story_id, article_id FROM story_members{where} ORDER BY story_id, seq"
        out: dict[str, list[str]] = {}
        for story_id, article_id in self.conn.execute(sql, args):
            out.setdefault(story_id, []).append(article_id)
        return out

    def member_ids(self, story_id: str) -> list[str]:
        sql = "SELECT article_id FROM story_members WHERE story_id=? ORDER BY seq"
        return [r[0] for r in self.conn.execute(sql, (story_id,))]

    def rows(self, story_ids: Sequence[str] | None = None) -> list[sqlite3.Row]:
        """``stories`` rows of ``story_ids`` (unordered), or all of them newest first when None."""
        if story_ids is not None:
            sql = f"SELECT * FROM stories WHERE id IN ({_marks(len(story_ids))})"
            return self.conn.execute(sql, tuple(story_ids)).fetchall()
        return self.conn.execute(
            "SELECT * FROM stories ORDER BY last_published IS NULL, last_published DESC, size DESC, id"
        ).fetchall()

    def all_rows(self) -> list[sqlite3.Row]:
        """Every ``stories`` row in storage order (as the full index is rebuilt)."""
        return self.conn.execute("SELECT * FROM stories").fetchall()

    def recent_vectors(
        self, keep: int, story_ids: Sequence[str] | None = None
    ) -> dict[str, list[dict[str, float]]]:
        """The trimmed vectors of each story's latest ``keep`` members, oldest first (all
        stories, or those in ``story_ids``); stories with none stored are left out."""
        where, args = "", [keep]
        if story_ids is not None:
            where, args = f" AND story_id IN ({_marks(len(story_ids))})", [*story_ids, keep]
        rows = self.conn.execute(
            "SELECT story_id, vector_json FROM (SELECT story_id, seq, vector_json, ROW_NUMBER() OVER"
            " (PARTITION BY story_id ORDER BY seq DESC) AS back FROM story_members"
            f" WHERE vector_json IS NOT NULL{where}) WHERE back <= ? ORDER BY story_id, seq",
            args,
        )
        recent: dict[str, list[dict[str, float]]] = {}
        for story_id, vector_json in rows:
            recent.setdefault(story_id, []).append(json.loads(vector_json))
        return recent

    def unassigned_ids(self) -> list[str]:
        """Ids of stored articles in no story, in publication order (undated last)."""
        rows = self.conn.execute(
            "SELECT a.id FROM articles a LEFT JOIN story_members m ON m.article_id = a.id"
            " WHERE m.article_id IS NULL ORDER BY a.published IS NULL, a.published, a.id"
        )
        return [r[0] for r in rows]

    # writes (inside the caller's transaction) ----------------------------------------
    def put_story(self, values: dict[str, Any]) -> None:
        """Insert or replace one ``stories`` row (``values`` holds every column)."""
        cols = ("id", "title", "founded_by", "size", "outlets_json", "first_published",
                "last_published", "centroid_json", "updated_at")  # fmt: skip
        self.conn.execute(
            f"INSERT OR REPLACE INTO stories({', '.join(cols)}) VALUES ({_marks(len(cols))})",
            tuple(values[c] for c in cols),
        )

    def add_members(self, rows: Iterable[tuple[str, str, int, float, int | None, str]]) -> None:
        """``(article_id, story_id, seq, score, run_id, vector_json)`` rows."""
        self.conn.executemany(
            "INSERT INTO story_members(article_id, story_id, seq, score, run_id, vector_json)"
            " VALUES (?,?,?,?,?,?)",
            rows,
        )

    def put_df(self, rows: Iterable[tuple[str, int]]) -> None:
        self.conn.executemany("INSERT OR REPLACE INTO story_df(feature, df) VALUES (?,?)", rows)

    def move_postings(self, drop: Iterable[tuple[str, int]], put: Iterable[tuple[str, str, int]]) -> None:
        """Drop each ``(feature, rank)``'s rows ranked below ``rank``; then put ``(feature, story, rank)``."""
        self.conn.executemany("DELETE FROM story_postings WHERE feature=? AND rank<?", drop)
        self.conn.executemany(
            "INSERT OR REPLACE INTO story_postings(feature, story_id, rank) VALUES (?,?,?)", put
        )

    def put_meta(self, meta: dict[str, str]) -> None:
        self.conn.executemany(
            "INSERT OR REPLACE INTO story_meta(key, value) VALUES (?,?)", sorted(meta.items())
        )
