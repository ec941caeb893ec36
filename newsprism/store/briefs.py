"""Stored briefs (migration 8): each story's brief with the size and settings it was computed from.

A brief costs seconds of model work, and the pages that look across stories (a person, an
outlet) need every analysed story, not the few a server keeps in memory. A stored brief is
*current* while its story has the size it had and the settings (and newsprism version) are the
same; otherwise it is ignored and recomputed on demand. ``brief_speakers`` indexes each brief's
named speakers by every name they go by, so a person page reads only the briefs that quote them.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Iterable
from datetime import UTC, datetime
from typing import Any

from newsprism.store.db import atomic
from newsprism.version import __version__

__all__ = ["BriefTables", "settings_key"]

Report = dict[str, Any]
NameRow = tuple[str, str, int, bool]  # (name key, canonical name, quotes, is an alias)


def settings_key(settings: dict[str, Any] | None) -> str:
    """What a brief depends on besides its articles: the newsprism version and the settings."""
    body = json.dumps({"version": __version__, "settings": settings or {}}, sort_keys=True, default=str)
    return hashlib.sha256(body.encode()).hexdigest()[:16]


class BriefTables:
    """Reads and writes of ``briefs`` and ``brief_speakers``."""

    def __init__(self, conn: sqlite3.Connection, key: str) -> None:
        self.conn = conn
        self.key = key  # settings_key of the settings in force: other briefs are not current

    _CURRENT = "FROM briefs b JOIN stories s ON s.id = b.story_id AND s.size = b.size WHERE b.settings = ?"

    def get(self, story_id: str) -> Report | None:
        """The current brief of ``story_id`` (full id), or None."""
        row = self.conn.execute(
            f"SELECT b.report {self._CURRENT} AND b.story_id = ?", (self.key, story_id)
        ).fetchone()
        return json.loads(row[0]) if row else None

    def put(self, story_id: str, size: int, report: Report, names: Iterable[NameRow] = ()) -> None:
        """Store ``report`` as the brief of ``story_id`` at ``size`` members, replacing any older one;
        ``names`` index its speakers (:func:`newsprism.quotes.speakers.speaker_index`)."""
        now = datetime.now(UTC).isoformat(timespec="seconds")
        with atomic(self.conn):  # the brief and its index change together or not at all
            self.conn.execute("DELETE FROM brief_speakers WHERE story_id = ?", (story_id,))
            self.conn.execute(
                "INSERT OR REPLACE INTO briefs (story_id, size, settings, created, report) VALUES (?, ?, ?, ?, ?)",
                (story_id, size, self.key, now, json.dumps(report, ensure_ascii=False, sort_keys=True)),
            )
            self.conn.execute("DELETE FROM brief_quotes WHERE story_id = ?", (story_id,))
            self.conn.executemany(
                "INSERT INTO brief_quotes (text, speaker, story_id, article_id, start, end) VALUES (?, ?, ?, ?, ?, ?)",
                [
                    (x["text"], (x.get("speaker") or {}).get("canonical") or "", story_id,
                     x["article_id"], x["start"], x["end"])
                    for x in report.get("quotes", [])
                ],
            )  # fmt: skip
            self.conn.executemany(
                "INSERT OR IGNORE INTO brief_speakers (story_id, name_key, canonical, quotes, is_alias)"
                " VALUES (?, ?, ?, ?, ?)",
                [(story_id, k, c, n, int(a)) for k, c, n, a in names],
            )

    def current_ids(self) -> list[str]:
        """Ids of the stories with a current brief, newest story first."""
        sql = f"SELECT b.story_id {self._CURRENT} ORDER BY s.last_published IS NULL, s.last_published DESC, s.id"
        return [r[0] for r in self.conn.execute(sql, (self.key,))]

    def stale_ids(self) -> list[str]:
        """Ids of the stories without a current brief, newest first (what ``briefs`` computes)."""
        sql = (
            "SELECT s.id FROM stories s LEFT JOIN briefs b ON b.story_id = s.id AND b.size = s.size"
            " AND b.settings = ? WHERE b.story_id IS NULL"
            " ORDER BY s.last_published IS NULL, s.last_published DESC, s.id"
        )
        return [r[0] for r in self.conn.execute(sql, (self.key,))]

    def stories_quoting(self, keys: list[str]) -> list[str]:
        """Ids of the stories whose current brief has a speaker going by one of the name ``keys``."""
        keys = sorted(set(keys))
        if not keys:
            return []
        marks = ",".join("?" * len(keys))
        sql = (
            f"SELECT DISTINCT b.story_id {self._CURRENT} AND b.story_id IN"
            f" (SELECT story_id FROM brief_speakers WHERE name_key IN ({marks}))"
            " ORDER BY s.last_published IS NULL, s.last_published DESC, b.story_id"
        )
        return [r[0] for r in self.conn.execute(sql, (self.key, *keys))]

    def people(self) -> list[dict[str, Any]]:
        """Every named speaker of the current briefs: quotes and stories, most quoted first."""
        sql = (
            "SELECT min(p.canonical), sum(p.quotes), count(DISTINCT p.story_id) FROM brief_speakers p"
            f" WHERE p.is_alias = 0 AND p.story_id IN (SELECT b.story_id {self._CURRENT})"
            " GROUP BY p.name_key"
        )
        rows = self.conn.execute(sql, (self.key,)).fetchall()
        people = [{"name": name, "quotes": quotes, "stories": n} for name, quotes, n in rows]
        return sorted(people, key=lambda p: (-p["quotes"], p["name"]))

    def search_quotes(self, query: str, limit: int) -> list[dict[str, Any]]:
        """Quotes of the current briefs matching the FTS5 ``query``, best first (may raise
        :class:`sqlite3.OperationalError` on bad syntax)."""
        sql = (
            "SELECT text, speaker, story_id, article_id, start, end FROM brief_quotes WHERE brief_quotes MATCH ?"
            f" AND story_id IN (SELECT b.story_id {self._CURRENT}) ORDER BY rank LIMIT ?"
        )
        rows = self.conn.execute(sql, (query, self.key, limit)).fetchall()
        keys = ("text", "speaker", "story_id", "article_id", "start", "end")
        return [dict(zip(keys, r, strict=True)) for r in rows]
