"""Keep a :class:`StoryIndex` in the SQLite store between runs (tables: migration 3).

``assign_stories`` is what ``newsprism ingest`` calls: add the articles not yet in
a story and write back what changed, in one transaction. It reads only what the
batch needs (see :mod:`newsprism.stories.lazy`), so a call costs in proportion to
the batch, not to the store; :func:`load_index` still reads everything, for
listings and for a caller that keeps the whole index in memory.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence
from datetime import UTC, datetime

from newsprism.model import Article, Story
from newsprism.settings import StorySettings
from newsprism.store import Store
from newsprism.store.intake import superseded
from newsprism.stories.features import ArticleFeatures
from newsprism.stories.index import STATE_VERSION, Assignment, StoryIndex, extract_features
from newsprism.stories.lazy import StoredDict, open_index, recent_vectors, story_state

__all__ = ["assign_stories", "load_index", "story_articles", "stored_stories", "unassigned_articles"]


def load_index(store: Store, settings: StorySettings | None = None) -> StoryIndex:
    """The whole index as the store last saved it, in memory (empty for a new store)."""
    conn = store.conn
    meta = dict(conn.execute("SELECT key, value FROM story_meta").fetchall())
    if not meta:
        return StoryIndex(settings)
    members: dict[str, list[str]] = {}
    for row in conn.execute("SELECT story_id, article_id FROM story_members ORDER BY story_id, seq"):
        members.setdefault(row[0], []).append(row[1])
    postings: dict[str, dict[str, int | None]] = {}
    for row in conn.execute("SELECT feature, story_id, rank FROM story_postings ORDER BY feature, rank"):
        postings.setdefault(row[0], {})[row[1]] = row[2]
    state = {
        "version": int(meta.get("state_version", 0)),
        "n_docs": int(meta["n_docs"]),
        "df": dict(conn.execute("SELECT feature, df FROM story_df").fetchall()),
        "stories": [story_state(row, members) for row in conn.execute("SELECT * FROM stories")],
        "postings": {},
        "recent": recent_vectors(conn, (settings or StorySettings()).recent_members),
    }
    index = StoryIndex.from_state(state, settings)
    index.blocker.postings = postings  # with their stored ranks: _save writes only what moves
    return index


def assign_stories(
    store: Store,
    articles: Sequence[Article],
    settings: StorySettings | None = None,
    run_id: int | None = None,
    index: StoryIndex | None = None,
) -> list[Assignment]:
    """Put each article not yet in a story into one (existing or new); persist the index.

    By default the stored index is read lazily, only where this batch looks. ``index``
    may instead be one that holds exactly the stored state (from :func:`load_index`,
    kept up to date by earlier calls); it is updated in place, so after a failed call it
    is ahead of the store and must be loaded again.
    """
    s = index.settings if index is not None else settings or StorySettings()
    features = extract_features(articles, s.entities, s)
    # One transaction for reading and writing: a concurrent ingest cannot interleave,
    # and a failure or a kill leaves the store as it was before the batch.
    with store.transaction():
        if index is None:
            index = open_index(store.conn, s)
        _prefetch(index, features)
        assignments = index.add_features(features)
        if assignments:
            _save(store, index, assignments, run_id)
    return assignments


def _prefetch(index: StoryIndex, features: Sequence[ArticleFeatures]) -> None:
    """Read the batch's memberships and document frequencies in a few queries, not one per key."""
    if isinstance(index.assigned, StoredDict):
        index.assigned.prefetch(f.article_id for f in features)
    if isinstance(index.df.df, StoredDict):
        index.df.df.prefetch({key for f in features for key in f.counts})


def _save(store: Store, index: StoryIndex, assignments: list[Assignment], run_id: int | None) -> None:
    conn = store.conn
    now = datetime.now(UTC).isoformat(timespec="seconds")
    touched = sorted({a.story_id for a in assignments})
    for story_id in touched:
        p = index.profiles[story_id]
        conn.execute(
            "INSERT OR REPLACE INTO stories(id, title, founded_by, size, outlets_json, first_published,"
            " last_published, centroid_json, updated_at) VALUES (?,?,?,?,?,?,?,?,?)",
            (p.id, p.title, p.article_ids[0], len(p.article_ids), json.dumps(list(p.outlets)),
             p.first.isoformat() if p.first else None, p.last.isoformat() if p.last else None,
             json.dumps(p.centroid, sort_keys=True), now),
        )  # fmt: skip
    conn.executemany(
        "INSERT INTO story_members(article_id, story_id, seq, score, run_id, vector_json)"
        " VALUES (?,?,?,?,?,?)",
        [
            (
                a.article_id,
                a.story_id,
                index.profiles[a.story_id].article_ids.index(a.article_id),
                a.score,
                run_id,
                json.dumps(index.changed_vectors[a.article_id], sort_keys=True),
            )
            for a in assignments
        ],
    )
    df = index.df.df
    conn.executemany(
        "INSERT OR REPLACE INTO story_df(feature, df) VALUES (?,?)",
        [(f, df[f]) for f in sorted(index.changed_features)],
    )
    _save_postings(conn, index, index.df.n_docs - len(assignments))
    meta = {"n_docs": str(index.df.n_docs), "state_version": str(STATE_VERSION)}
    conn.executemany("INSERT OR REPLACE INTO story_meta(key, value) VALUES (?,?)", sorted(meta.items()))


def _save_postings(conn: sqlite3.Connection, index: StoryIndex, n_before: int) -> None:
    """Write the posting lists the batch changed, touching only the rows that moved.

    A posting maps a story to its stored rank, or to None when this batch (re)added
    it; those come last (an add moves a story to the recent end). They get ranks
    above every stored one (``n_before`` + 1, 2, ...: at most one per article of
    the batch, so the next batch starts above them), and the rows ranked below the
    oldest story still listed are the ones that fell off the capped list.
    """
    drop: list[tuple[str, int]] = []
    put: list[tuple[str, str, int]] = []
    for feature in sorted(index.changed_postings):
        posting = index.blocker.postings[feature]
        rank = n_before
        for story_id, stored in posting.items():
            if stored is None:
                rank += 1
                put.append((feature, story_id, rank))
                posting[story_id] = rank  # an index kept in memory stays in step with the store
        drop.append((feature, next(iter(posting.values()))))
    conn.executemany("DELETE FROM story_postings WHERE feature=? AND rank<?", drop)
    conn.executemany("INSERT OR REPLACE INTO story_postings(feature, story_id, rank) VALUES (?,?,?)", put)


def unassigned_articles(store: Store) -> list[Article]:
    """Stored articles in no story yet: the last batch, and any stored before stories existed."""
    rows = store.conn.execute(
        "SELECT a.id FROM articles a LEFT JOIN story_members m ON m.article_id = a.id"
        " WHERE m.article_id IS NULL ORDER BY a.published IS NULL, a.published, a.id"
    )
    return list(store.articles([r[0] for r in rows]))


def stored_stories(store: Store) -> list[Story]:
    """Every stored story, most recently published first (undated last), then largest."""
    members: dict[str, list[str]] = {}
    for row in store.conn.execute("SELECT story_id, article_id FROM story_members ORDER BY story_id, seq"):
        members.setdefault(row[0], []).append(row[1])
    rows = store.conn.execute(
        "SELECT * FROM stories ORDER BY last_published IS NULL, last_published DESC, size DESC, id"
    )
    return [
        Story(
            id=r["id"],
            title=r["title"],
            article_ids=tuple(members.get(r["id"], ())),
            outlets=tuple(json.loads(r["outlets_json"])),
            first_published=r["first_published"],
            last_published=r["last_published"],
        )
        for r in rows
    ]


def story_articles(store: Store, story_id: str) -> list[Article]:
    """The articles of one stored story (a unique id prefix of 6+ characters is enough)."""
    full = store.resolve_id("stories", story_id)
    ids = [r[0] for r in store.conn.execute(
        "SELECT article_id FROM story_members WHERE story_id=? ORDER BY seq", (full,))]  # fmt: skip
    gone = superseded(store, ids)  # a page revised since: only its latest version speaks for the outlet
    return list(store.articles([i for i in ids if i not in gone]))
