"""The SQLite store: one object with verbs over a plain SQLite file (WAL mode).

Tables are documented in docs/store.md and schema.sql. Each article is written in one
transaction with its removals, so a failed or killed ingest never leaves half an article;
ids are content hashes, so ingesting the same files again changes nothing.
"""

from __future__ import annotations

import dataclasses
import functools
import json
import logging
import sqlite3
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TypeVar

from newsprism.errors import NotFoundError, StoreError
from newsprism.model import Article, Copy, OffsetMap, Rejection, Removal, Span, reader_label
from newsprism.store.migrate import migrate, migrations
from newsprism.version import __version__

__all__ = ["Store", "atomic"]

log = logging.getLogger(__name__)
T = TypeVar("T")


# Seconds a write waits for another process's write lock before giving up.
LOCK_TIMEOUT = 30.0


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _store_error(path: str, exc: sqlite3.Error) -> StoreError:
    """A one-line StoreError whose hint fits what SQLite reported."""
    text = str(exc)
    if "locked" in text or "busy" in text:
        return StoreError(
            f"{path}: the database stayed locked by another process for {LOCK_TIMEOUT:g} s",
            "wait for the other newsprism run to finish, or give another database file",
        )
    if "readonly" in text or "read-only" in text:
        return StoreError(f"{path}: the database cannot be written ({text})", "check the file's permissions")
    if isinstance(exc, sqlite3.OperationalError):
        return StoreError(
            f"{path}: the database cannot be written ({text})", "check the disk space and permissions"
        )
    return StoreError(f"{path}: cannot open as a newsprism database ({text})", "give a new file name")


def _translated(method: Callable[..., T]) -> Callable[..., T]:
    """Store methods raise StoreError (one clear line), never a bare sqlite3 error."""

    @functools.wraps(method)
    def wrapper(self: Store, *args: Any, **kwargs: Any) -> T:
        try:
            return method(self, *args, **kwargs)
        except sqlite3.Error as exc:
            raise _store_error(self.path, exc) from None

    return wrapper


def article_from_row(row: Any, removed: tuple[Removal, ...]) -> Article:
    """The :class:`Article` of an ``articles`` row (SQLite, or a Parquet row with the same
    columns), with its ``removed`` lines read by the caller."""
    return Article(
        id=row["id"], path=row["path"], raw=row["raw"], text=row["text"],
        offsets=OffsetMap(tuple(tuple(r) for r in json.loads(row["offsets_json"]))),
        format=row["format"], title=row["title"], outlet=row["outlet"], author=row["author"],
        published=row["published"], published_source=row["published_source"],
        published_confidence=row["published_confidence"], url=row["url"],
        credits=tuple(json.loads(row["credits_json"])), removed=removed,
        paragraphs=tuple(Span(a, b) for a, b in json.loads(row["paragraphs_json"])),
        headings=tuple(Span(a, b) for a, b in json.loads(row["headings_json"])),
    )  # fmt: skip


class Store:
    """A newsprism database. ``Store(":memory:")`` for a throw-away one.

    ``read_only=True`` opens an existing file that nothing through this object can change
    (SQLite ``mode=ro``; no migration runs): what ``newsprism serve`` uses.
    """

    def __init__(self, path: str | Path = ":memory:", read_only: bool = False) -> None:
        self.path = str(path)
        if read_only:
            self._open_read_only()
            return
        try:
            self.conn = sqlite3.connect(self.path, isolation_level=None, timeout=LOCK_TIMEOUT)
            self.conn.row_factory = sqlite3.Row
            if self.path != ":memory:":
                self.conn.execute("PRAGMA journal_mode=WAL")
            self.conn.execute("PRAGMA foreign_keys=ON")
            self.conn.execute("PRAGMA synchronous=NORMAL")
            self.version = migrate(self.conn)
        except sqlite3.Error as exc:
            raise _store_error(self.path, exc) from None

    def _open_read_only(self) -> None:
        if not Path(self.path).is_file():
            raise StoreError(
                f"{self.path}: no such database", "run `newsprism ingest DB PATHS` to create one"
            )
        uri = Path(self.path).resolve().as_uri() + "?mode=ro"
        try:
            self.conn = sqlite3.connect(
                uri, uri=True, isolation_level=None, timeout=30, check_same_thread=False
            )
            self.conn.row_factory = sqlite3.Row
            self.conn.execute("PRAGMA query_only=ON")
            self.version = int(self.conn.execute("PRAGMA user_version").fetchone()[0])
        except sqlite3.DatabaseError as exc:
            raise StoreError(
                f"{self.path}: cannot open as a newsprism database ({exc})", "check the file"
            ) from None
        if self.version < max(n for n, _, _ in migrations()):
            self.conn.close()
            raise StoreError(
                f"{self.path}: written by an older newsprism (schema {self.version})",
                "run `newsprism ingest` on it once to upgrade it",
            )

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # runs -------------------------------------------------------------------------
    @_translated
    def begin_run(self, command: str, settings: dict[str, Any], inputs: list[str]) -> int:
        cur = self.conn.execute(
            "INSERT INTO runs(command, started_at, version, settings_json, inputs_json) VALUES (?,?,?,?,?)",
            (command, _now(), __version__, json.dumps(settings, sort_keys=True), json.dumps(inputs)),
        )
        return int(cur.lastrowid or 0)

    def abort_run(self, run_id: int, status: str = "failed") -> None:
        """Mark a run that ended by an error or an interrupt; never raises (it runs while unwinding)."""
        try:
            self.conn.execute("UPDATE runs SET finished_at=?, status=? WHERE id=?", (_now(), status, run_id))
        except sqlite3.Error as exc:
            log.warning("run %d could not be marked %s (%s)", run_id, status, exc)

    @_translated
    def end_run(self, run_id: int, n_articles: int, n_rejections: int) -> None:
        status = "ok" if not n_rejections else ("partial" if n_articles else "failed")
        self.conn.execute(
            "UPDATE runs SET finished_at=?, status=?, n_articles=?, n_rejections=? WHERE id=?",
            (_now(), status, n_articles, n_rejections, run_id),
        )

    def runs(self) -> list[dict[str, Any]]:
        return [dict(r) for r in self.conn.execute("SELECT * FROM runs ORDER BY id")]

    # articles ---------------------------------------------------------------------
    def has_article(self, article_id: str) -> bool:
        return self.conn.execute("SELECT 1 FROM articles WHERE id=?", (article_id,)).fetchone() is not None

    def add_article(self, art: Article, run_id: int | None = None) -> bool:
        """Store ``art`` with its removals in one transaction; False when it was already there."""
        return self.add_articles([art], run_id) == 1

    def add_articles(self, articles: list[Article], run_id: int | None = None) -> int:
        """Store new articles with their removals in one transaction; returns how many were new.

        Either all of them are written or none: a failure (or a kill) never leaves half an article.
        """
        return len(self.insert_articles(articles, run_id))

    @_translated
    def insert_articles(self, articles: list[Article], run_id: int | None = None) -> list[str]:
        """:meth:`add_articles`, returning the ids of the articles it inserted, in order."""
        added: list[str] = []
        with self.transaction():
            for art in articles:
                stored = self.conn.execute("SELECT path FROM articles WHERE id=?", (art.id,)).fetchone()
                if stored is None:
                    self._insert(art, run_id)
                    added.append(art.id)
                elif stored[0] != art.path:
                    self._note_duplicate(art, run_id)
                    self.note_copy(art, art.id)
        return added

    def note_copy(self, art: Article, stored_id: str) -> None:
        """``art`` has the text of the stored article ``stored_id``: when another outlet published
        it (a syndicated reprint), that outlet is kept as one of the article's copies."""
        row = self.conn.execute(
            "SELECT outlet, url, path, title FROM articles WHERE id=?", (stored_id,)
        ).fetchone()
        if row is None or art.label == reader_label(*row):
            return
        self.conn.execute(
            "INSERT OR IGNORE INTO copies(article_id, outlet, url, path, published) VALUES (?,?,?,?,?)",
            (stored_id, art.label, art.url, art.path, art.published),
        )

    def _note_duplicate(self, art: Article, run_id: int | None) -> None:
        """The same bytes under another name: kept as a duplicate of the stored article."""
        self.conn.execute(
            "INSERT OR IGNORE INTO duplicates(article_id, path, run_id, at) VALUES (?,?,?,?)",
            (art.id, art.path, run_id, _now()),
        )

    def duplicates(self, run_id: int | None = None) -> list[dict[str, Any]]:
        """Inputs that were byte-identical to a stored article, with the stored article's path.

        ``run_id`` keeps those found by one run; oldest first.
        """
        sql = (
            "SELECT d.path, d.article_id, a.path AS stored_path, a.title, d.run_id, d.at, c.outlet AS copy_outlet"
            " FROM duplicates d JOIN articles a ON a.id = d.article_id"
            " LEFT JOIN copies c ON c.article_id = d.article_id AND c.path = d.path"
        )
        where, params = ("", ()) if run_id is None else (" WHERE d.run_id = ?", (run_id,))
        rows = self.conn.execute(sql + where + " ORDER BY d.rowid", params)
        return [dict(r) for r in rows]

    def _insert(self, art: Article, run_id: int | None) -> None:
        self.conn.execute(
            "INSERT INTO articles(id, path, format, title, outlet, author, published, published_source,"
            " published_confidence, url, credits_json, raw, text, offsets_json, paragraphs_json, headings_json,"
            " run_id, ingested_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (
                art.id, art.path, art.format, art.title, art.outlet, art.author, art.published,
                art.published_source, art.published_confidence, art.url, json.dumps(list(art.credits)),
                art.raw, art.text, json.dumps(art.offsets.runs),
                json.dumps([[p.start, p.end] for p in art.paragraphs]),
                json.dumps([[h.start, h.end] for h in art.headings]), run_id, _now(),
            ),
        )  # fmt: skip
        self.conn.executemany(
            "INSERT INTO removals(article_id, seq, reason, text, raw_start, raw_end) VALUES (?,?,?,?,?,?)",
            [(art.id, i, r.reason, r.text, r.raw_start, r.raw_end) for i, r in enumerate(art.removed)],
        )

    def transaction(self) -> _Transaction:
        return _Transaction(self.conn)

    def resolve_id(self, table: str, given: str) -> str:
        """The full id in ``table`` (articles, stories) matching ``given`` or a unique 6+ character prefix."""
        if table not in {"articles", "stories"}:
            raise ValueError(table)
        exact = self.conn.execute(f"SELECT id FROM {table} WHERE id = ?", (given,)).fetchone()
        if exact is not None:  # the primary key: a full id never scans the table
            return str(exact[0])
        # Story ids read "st-<hash>"; a prefix of the hash alone is enough too.
        bare = given.removeprefix("st-") if table == "stories" else given
        rows = self.conn.execute(
            f"SELECT id FROM {table} WHERE length(?) >= 6 AND (id LIKE ? || '%' OR id LIKE 'st-' || ? || '%')"
            " LIMIT 2",
            (bare, given, bare if table == "stories" else given),
        ).fetchall()
        if len(rows) != 1:
            noun = table[:-3] + "y" if table == "stories" else table[:-1]
            what = f"no {noun}" if not rows else f"more than one {noun}"
            raise NotFoundError(f"{what} with id {given!r}", f"run `newsprism {table} DB` to list ids")
        return rows[0][0]

    def article(self, article_id: str) -> Article:
        """One article by id (a unique prefix of at least 6 characters is enough)."""
        full = self.resolve_id("articles", article_id)
        return self._to_article(self.conn.execute("SELECT * FROM articles WHERE id = ?", (full,)).fetchone())

    def articles(self, ids: list[str] | None = None) -> Iterator[Article]:
        """All articles in publication order (or those with ``ids``, in that order)."""
        if ids is not None:
            for article_id in ids:
                yield self.article(article_id)
            return
        for row in self.conn.execute(
            "SELECT * FROM articles ORDER BY published IS NULL, published, path, id"
        ):
            yield self._to_article(row)

    def count(self, table: str = "articles") -> int:
        if table not in {
            "articles",
            "removals",
            "rejections",
            "runs",
            "parses",
            "stories",
            "briefs",
            "vectors",
            "derived",
        }:
            raise ValueError(table)
        return int(self.conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])

    def _to_article(self, row: sqlite3.Row) -> Article:
        removed = tuple(
            Removal(r["text"], r["reason"], r["raw_start"], r["raw_end"])
            for r in self.conn.execute("SELECT * FROM removals WHERE article_id=? ORDER BY seq", (row["id"],))
        )
        copies = tuple(
            Copy(r["outlet"], r["url"], r["path"], r["published"])
            for r in self.conn.execute("SELECT * FROM copies WHERE article_id=? ORDER BY rowid", (row["id"],))
        )
        art = article_from_row(row, removed)
        return dataclasses.replace(art, copies=copies) if copies else art

    # parses (a ParseCache: see newsprism.nlp.cache) ------------------------------------
    def get_parse(self, article_id: str, model: str) -> bytes | None:
        row = self.conn.execute(
            "SELECT doc FROM parses WHERE article_id=? AND model=?", (article_id, model)
        ).fetchone()
        return bytes(row[0]) if row else None

    @_translated
    def put_parse(self, article_id: str, model: str, data: bytes) -> None:
        """Keep a parse of a stored article (parses of articles not in the store are not kept)."""
        if self.has_article(article_id):
            self.conn.execute(
                "INSERT OR REPLACE INTO parses(article_id, model, doc, created_at) VALUES (?,?,?,?)",
                (article_id, model, data, _now()),
            )

    # sentence vectors (the embedding cache) ------------------------------------------
    @_translated
    def get_vectors(self, keys: list[str], model: str) -> dict[str, bytes]:
        """Stored vectors of the sentence hashes ``keys`` made by ``model``."""
        out: dict[str, bytes] = {}
        for i in range(0, len(keys), 500):  # SQLite caps the number of parameters
            chunk = keys[i : i + 500]
            marks = ",".join("?" * len(chunk))
            sql = f"SELECT text_hash, vector FROM vectors WHERE model = ? AND text_hash IN ({marks})"
            out.update(self.conn.execute(sql, (model, *chunk)).fetchall())
        return out

    @_translated
    def put_vectors(self, items: list[tuple[str, bytes]], model: str) -> None:
        """Keep vectors of sentence hashes (one transaction)."""
        with atomic(self.conn):
            self.conn.executemany(
                "INSERT OR REPLACE INTO vectors(text_hash, model, vector) VALUES (?,?,?)",
                [(k, model, v) for k, v in items],
            )

    # what steps derive from a text alone (the derived cache) ---------------------------
    @_translated
    def get_derived(self, key: str, kind: str) -> bytes | None:
        """What the step ``kind`` found in the text of hash ``key``, if kept."""
        row = self.conn.execute(
            "SELECT value FROM derived WHERE text_hash = ? AND kind = ?", (key, kind)
        ).fetchone()
        return None if row is None else bytes(row[0])

    @_translated
    def put_derived(self, key: str, kind: str, value: bytes) -> None:
        """Keep what the step ``kind`` found in the text of hash ``key``."""
        self.conn.execute(
            "INSERT OR REPLACE INTO derived(text_hash, kind, value) VALUES (?,?,?)", (key, kind, value)
        )

    # rejections and search --------------------------------------------------------
    @_translated
    def add_rejection(self, rej: Rejection, run_id: int | None = None) -> None:
        self.conn.execute(
            "INSERT INTO rejections(run_id, path, stage, reason, hint, at) VALUES (?,?,?,?,?,?)",
            (run_id, rej.path, rej.stage, rej.reason, rej.hint, _now()),
        )

    def rejections(self) -> list[Rejection]:
        rows = self.conn.execute("SELECT * FROM rejections ORDER BY id")
        return [Rejection(r["path"], r["stage"], r["reason"], r["hint"]) for r in rows]

    def search(self, query: str, limit: int = 20) -> list[dict[str, Any]]:
        """Full-text search (FTS5 syntax; a plain phrase is quoted for you when it is not valid)."""
        sql = (
            "SELECT a.id, a.title, a.outlet, a.published, snippet(articles_fts, 1, '[', ']', '…', 12) AS snippet"
            " FROM articles_fts JOIN articles a ON a.rowid = articles_fts.rowid"
            " WHERE articles_fts MATCH ? ORDER BY rank LIMIT ?"
        )
        try:
            rows = self.conn.execute(sql, (query, limit)).fetchall()
        except sqlite3.OperationalError:
            quoted = '"' + query.replace('"', '""') + '"'
            rows = self.conn.execute(sql, (quoted, limit)).fetchall()
        return [dict(r) for r in rows]


class _Transaction:
    """BEGIN IMMEDIATE … COMMIT, rolled back on any exception; inside an open transaction it joins
    that one (the outer block commits or rolls back the whole)."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        self.outer = False

    def __enter__(self) -> sqlite3.Connection:
        self.outer = not self.conn.in_transaction
        if self.outer:
            self.conn.execute("BEGIN IMMEDIATE")
        return self.conn

    def __exit__(self, exc_type: object, *rest: object) -> None:
        if self.outer:
            self.conn.execute("ROLLBACK" if exc_type else "COMMIT")


def atomic(conn: sqlite3.Connection) -> _Transaction:
    """A block whose writes land together or not at all (the connections here autocommit, so
    ``with conn:`` alone would not group them)."""
    return _Transaction(conn)
