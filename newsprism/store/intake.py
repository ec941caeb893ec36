"""SQL of web intake (tables: migration 6): URLs of articles, fetch/watch state, revisions.

:func:`record_page` is the one writer for a fetched article: in one transaction it stores
the article (or finds the copy already stored under another URL or id), keeps the URL,
records a revision when the page's text changed since it was last read, and moves the
page's fetch state forward. A kill between pages leaves every page either done or not.
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from newsprism.model import Article
from newsprism.store.db import Store

__all__ = [
    "COPY_SKIP", "PageFetch", "article_urls", "feed_state", "fold_copies", "keep_urls", "note_failure", "note_state",
    "page_state", "recheck_pages", "record_page", "revisions_of", "superseded", "revisions", "text_hash",
    "watched_feeds",
]  # fmt: skip

Diff = Callable[[Article, Article], dict[str, Any]]


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


@functools.lru_cache(maxsize=256)
def text_hash(text: str) -> str:
    """Hash of a cleaned text's lower-cased words: the same article however it was laid out.

    Cached: ingest asks it twice per article of a group (to fold copies, then to file the
    hash), 1 to 2 % of a WARC ingest's CPU when computed twice."""
    return hashlib.sha1(" ".join(re.findall(r"\w+", text.lower())).encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class PageFetch:
    """How a page was had: its URL (and final URL), key, validators and feed entry stamp."""

    url: str
    page_key: str
    final_url: str | None = None
    etag: str | None = None
    last_modified: str | None = None
    entry_stamp: str | None = None


def page_state(store: Store, url: str) -> dict[str, Any] | None:
    row = store.conn.execute("SELECT * FROM fetch_state WHERE url = ?", (url,)).fetchone()
    return dict(row) if row else None


feed_state = page_state


def _current(store: Store, key: str) -> str | None:
    """The latest version read of the page with this key, under any of its URLs."""
    row = store.conn.execute(
        "SELECT article_id FROM fetch_state WHERE page_key = ? AND article_id IS NOT NULL"
        " ORDER BY changed_at DESC, rowid DESC LIMIT 1",
        (key,),
    ).fetchone()
    return row[0] if row else None


def _settle(store: Store, art: Article) -> tuple[str, bool]:
    """(id the article is stored under, whether it was new): a copy already stored wins."""
    if store.has_article(art.id):
        return art.id, False
    h = text_hash(art.text)
    row = store.conn.execute("SELECT article_id FROM text_hashes WHERE hash = ?", (h,)).fetchone()
    if row:
        return row[0], False
    store._insert(art, None)
    store.conn.execute("INSERT INTO text_hashes(hash, article_id) VALUES (?, ?)", (h, art.id))
    return art.id, True


# How ingest counts the copies fold_copies finds (Batch.skipped).
COPY_SKIP = "same article under another URL (URL kept)"


def fold_copies(store: Store, articles: list[Article]) -> tuple[list[Article], list[Article]]:
    """(to store, copies): an article with a URL whose cleaned words a stored article, or an
    earlier one of ``articles``, already has under another id is a copy (an AMP page, a tracking
    URL, a syndicated reprint in an archive): it is not stored again; :func:`keep_urls` files its
    URL under the article that has its text."""
    keep, copies, batch = [], [], {}
    for art in articles:
        if not art.url or store.has_article(art.id):
            keep.append(art)
            continue
        h = text_hash(art.text)
        row = store.conn.execute("SELECT article_id FROM text_hashes WHERE hash = ?", (h,)).fetchone()
        first = row[0] if row else batch.get(h)
        if first is not None and first != art.id:
            copies.append(dataclasses.replace(art, id=first))
            continue
        batch.setdefault(h, art.id)
        keep.append(art)
    return keep, copies


def keep_urls(store: Store, articles: list[Article]) -> None:
    """Every URL of these stored articles (or of their copies, ids set to the stored article's),
    and their text hashes, so that a later page or record with the same text is folded into them."""
    from newsprism.fetch.urls import page_key  # not at import: the stories code reads this module

    now = _now()
    with store.transaction() as conn:
        for art in articles:
            if not art.url or not store.has_article(art.id):
                continue
            conn.execute(
                "INSERT OR IGNORE INTO article_urls(url, article_id, page_key, first_seen) VALUES (?,?,?,?)",
                (art.url, art.id, page_key(art.url), now),
            )
            conn.execute(
                "INSERT OR IGNORE INTO text_hashes(hash, article_id) VALUES (?, ?)",
                (text_hash(art.text), art.id),
            )


def record_page(
    store: Store, art: Article, page: PageFetch, diff: Diff, run_id: int | None = None, settled: bool = True
) -> str:
    """Store one fetched article; returns "added", "revised", "duplicate" (another URL's copy) or "same".

    ``settled=False`` (a stand-in such as a feed summary) stores the article and its URL but
    leaves the page's state alone, so the page itself is asked for again and no revision is made.
    """
    now = _now()
    with store.transaction() as conn:
        previous = _current(store, page.page_key) if settled else None
        target, new = _settle(store, art)
        if run_id is not None and new:
            conn.execute("UPDATE articles SET run_id = ? WHERE id = ?", (run_id, target))
        for url in dict.fromkeys(u for u in (page.url, page.final_url) if u):
            conn.execute(
                "INSERT OR IGNORE INTO article_urls(url, article_id, page_key, first_seen) VALUES (?,?,?,?)",
                (url, target, page.page_key, now),
            )
        outcome = "added" if new else ("same" if previous == target or not settled else "duplicate")
        if outcome == "duplicate":
            store.note_copy(art, target)
        if previous is not None and previous != target:
            old, current = store.article(previous), store.article(target)
            conn.execute(
                "INSERT INTO revisions(page_key, url, article_id, previous_id, seen_at, diff_json) VALUES (?,?,?,?,?,?)",
                (
                    page.page_key,
                    page.url,
                    target,
                    previous,
                    now,
                    json.dumps(diff(old, current), ensure_ascii=False),
                ),
            )
            outcome = "revised"
        changed = now if outcome in ("added", "revised") or previous is None else None
        if settled:
            _upsert_state(conn, page, "page", target, now, changed)
    return outcome


def _upsert_state(
    conn: Any, page: PageFetch, kind: str, article_id: str | None, now: str, changed: str | None
) -> None:
    conn.execute(
        "INSERT INTO fetch_state(url, kind, page_key, article_id, etag, last_modified, entry_stamp, first_seen,"
        " checked_at, changed_at, error) VALUES (?,?,?,?,?,?,?,?,?,?,NULL)"
        " ON CONFLICT(url) DO UPDATE SET kind=excluded.kind, page_key=excluded.page_key,"
        " article_id=coalesce(excluded.article_id, article_id), etag=excluded.etag,"
        " last_modified=excluded.last_modified, entry_stamp=coalesce(excluded.entry_stamp, entry_stamp),"
        " checked_at=excluded.checked_at, changed_at=coalesce(excluded.changed_at, changed_at), error=NULL",
        (
            page.url,
            kind,
            page.page_key,
            article_id,
            page.etag,
            page.last_modified,
            page.entry_stamp,
            now,
            now,
            changed,
        ),
    )


def note_state(store: Store, page: PageFetch, kind: str, watched: bool | None = None) -> None:
    """A successful request that stored no article: a feed or sitemap read, or a page's 304."""
    now = _now()
    with store.transaction() as conn:
        _upsert_state(conn, page, kind, None, now, None)
        if watched is not None:
            conn.execute("UPDATE fetch_state SET watched = ? WHERE url = ?", (int(watched), page.url))


def note_failure(store: Store, url: str, kind: str, line: str, watched: bool | None = None) -> None:
    """Keep the last failure of a URL (its one line); the next poll tries it again."""
    now = _now()
    store.conn.execute(
        "INSERT INTO fetch_state(url, kind, first_seen, checked_at, error, watched) VALUES (?,?,?,?,?,?)"
        " ON CONFLICT(url) DO UPDATE SET checked_at=excluded.checked_at, error=excluded.error,"
        " watched=max(watched, excluded.watched)",
        (url, kind, now, now, line, int(bool(watched))),
    )


def recheck_pages(store: Store, first_seen_after: str, checked_before: str) -> list[str]:
    """Pages first seen after a time and last checked before another: young pages due a recheck."""
    rows = store.conn.execute(
        "SELECT url FROM fetch_state WHERE kind = 'page' AND first_seen > ? AND (checked_at IS NULL OR checked_at <= ?)"
        " ORDER BY first_seen, rowid",
        (first_seen_after, checked_before),
    )
    return [r[0] for r in rows]


def watched_feeds(store: Store) -> list[str]:
    """Feeds ``newsprism watch`` polled before, in the order they were first given."""
    rows = store.conn.execute("SELECT url FROM fetch_state WHERE watched = 1 ORDER BY first_seen, rowid")
    return [r[0] for r in rows]


def article_urls(store: Store, article_id: str) -> list[str]:
    """Every URL an article was read from, in the order they were first seen."""
    rows = store.conn.execute(
        "SELECT url FROM article_urls WHERE article_id = ? ORDER BY first_seen, rowid", (article_id,)
    )
    return [r[0] for r in rows]


def superseded(store: Store, ids: list[str]) -> set[str]:
    """Those of ``ids`` that are an earlier version of a page whose text has changed since."""
    if not ids:
        return set()
    marks = ",".join("?" * len(ids))
    rows = store.conn.execute(
        f"SELECT DISTINCT page_key, previous_id FROM revisions WHERE previous_id IN ({marks})", ids
    ).fetchall()
    return {old for key, old in rows if _current(store, key) != old}


def revisions_of(store: Store, ids: list[str]) -> list[dict[str, Any]]:
    """Every revision that led to one of ``ids`` (the versions a story uses), oldest first, with its
    outlet and title: for a brief's "changed after publication" part."""
    if not ids:
        return []
    marks = ",".join("?" * len(ids))
    keys = [
        r[0]
        for r in store.conn.execute(
            f"SELECT DISTINCT page_key FROM revisions WHERE article_id IN ({marks})", ids
        )
    ]
    out = []
    for key in keys:
        for rev in revisions(store, key):
            row = store.conn.execute(
                "SELECT outlet, title FROM articles WHERE id = ?", (rev["article_id"],)
            ).fetchone()
            out.append({**rev, "outlet": row["outlet"], "title": row["title"]})
    return out


def revisions(store: Store, url_or_key: str | None = None) -> list[dict[str, Any]]:
    """Revisions (oldest first), all or those of one page (by URL or page key), diffs decoded."""
    sql = "SELECT * FROM revisions"
    args: tuple[str, ...] = ()
    if url_or_key:
        sql += " WHERE url = ? OR page_key = ?"
        args = (url_or_key, url_or_key)
    rows = store.conn.execute(sql + " ORDER BY id", args)
    return [{**dict(r), "diff": json.loads(r["diff_json"])} for r in rows]
