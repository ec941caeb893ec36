"""Keep a :class:`StoryIndex` in the SQLite store between runs (tables: migration 3).

``assign_stories`` is what ``newsprism ingest`` calls: add the articles not yet in
a story and write back what changed, in one transaction. It reads only what the
batch needs (see :mod:`newsprism.stories.lazy`), so a call costs in proportion to
the batch, not to the store; :func:`load_index` still reads everything, for
listings and for a caller that keeps the whole index in memory.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import UTC, datetime
from functools import partial

from newsprism.model import Article, Story
from newsprism.settings import StorySettings
from newsprism.store import Store
from newsprism.store.intake import superseded
from newsprism.store.stories import StoryTables
from newsprism.stories.features import ArticleFeatures
from newsprism.stories.index import STATE_VERSION, Assignment, StoryIndex, extract_features
from newsprism.stories.lazy import StoredDict, open_index, recent_vectors, story_state

__all__ = [
    "assign_features",
    "assign_stories",
    "load_index",
    "save_index",
    "story_articles",
    "stored_stories",
    "unassigned_articles",
]


def load_index(store: Store, settings: StorySettings | None = None) -> StoryIndex:
    """The whole index as the store last saved it, in memory (empty for a new store)."""
    tables = StoryTables(store.conn)
    meta = tables.meta()
    if not meta:
        return StoryIndex(settings)
    members = tables.members()
    state = {
        "version": int(meta.get("state_version", 0)),
        "n_docs": int(meta["n_docs"]),
        "df": tables.df(),
        "stories": [story_state(row, members) for row in tables.all_rows()],
        "postings": {},
        "recent": recent_vectors(tables, (settings or StorySettings()).recent_members),
    }
    index = StoryIndex.from_state(state, settings)
    index.blocker.postings = tables.postings()  # with their stored ranks: _save writes only what moves
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
    return assign_features(store, extract_features(articles, s.entities, s), s, run_id, index)


def assign_features(
    store: Store,
    features: Sequence[ArticleFeatures],
    settings: StorySettings | None = None,
    run_id: int | None = None,
    index: StoryIndex | None = None,
) -> list[Assignment]:
    """:func:`assign_stories` from the articles' features, computed elsewhere (ingest's workers)."""
    s = index.settings if index is not None else settings or StorySettings()
    # One transaction for reading and writing: a concurrent ingest cannot interleave,
    # and a failure or a kill leaves the store as it was before the batch.
    with store.transaction():
        if index is None:
            index = open_index(store.conn, s)
        if index.member_features is None:
            index.member_features = partial(_stored_features, store, s)
        _prefetch(index, features)
        assignments = index.add_features(features)
        if assignments:
            _save(store, index, assignments, run_id)
    return assignments


def _stored_features(store: Store, settings: StorySettings, ids: Sequence[str]) -> dict[str, ArticleFeatures]:
    """The features of stored articles ``ids``, computed again from their stored text."""
    found = extract_features(list(store.articles(list(ids))), settings.entities, settings)
    return {f.article_id: f for f in found}


def _prefetch(index: StoryIndex, features: Sequence[ArticleFeatures]) -> None:
    """Read the batch's memberships and document frequencies in a few queries, not one per key."""
    if isinstance(index.assigned, StoredDict):
        index.assigned.prefetch(f.article_id for f in features)
    if isinstance(index.df.df, StoredDict):
        index.df.df.prefetch({key for f in features for key in f.counts})


def save_index(store: Store, index: StoryIndex, assignments: list[Assignment], run_id: int | None) -> None:
    """Write what the index's last batch changed (its ``assignments``); call inside a transaction.
    newsprism.spark.export writes a Spark run's stories through here, as ``ingest`` does its own."""
    _save(store, index, assignments, run_id)


def _save(store: Store, index: StoryIndex, assignments: list[Assignment], run_id: int | None) -> None:
    tables = StoryTables(store.conn)
    now = datetime.now(UTC).isoformat(timespec="seconds")
    for story_id in sorted({a.story_id for a in assignments}):
        p = index.profiles[story_id]
        tables.put_story({
            "id": p.id, "title": p.title, "founded_by": p.article_ids[0], "size": len(p.article_ids),
            "outlets_json": json.dumps(list(p.outlets)),
            "first_published": p.first.isoformat() if p.first else None,
            "last_published": p.last.isoformat() if p.last else None,
            "centroid_json": json.dumps(p.centroid, sort_keys=True), "updated_at": now,
        })  # fmt: skip
    tables.add_members(
        (
            a.article_id,
            a.story_id,
            index.profiles[a.story_id].article_ids.index(a.article_id),
            a.score,
            run_id,
            json.dumps(index.changed_vectors[a.article_id], sort_keys=True),
        )
        for a in assignments
    )
    df = index.df.df
    tables.put_df([(f, df[f]) for f in sorted(index.changed_features)])
    _save_postings(tables, index, index.df.n_docs - len(assignments))
    tables.put_meta({"n_docs": str(index.df.n_docs), "state_version": str(STATE_VERSION)})


def _save_postings(tables: StoryTables, index: StoryIndex, n_before: int) -> None:
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
    tables.move_postings(drop, put)


def unassigned_articles(store: Store) -> list[Article]:
    """Stored articles in no story yet: the last batch, and any stored before stories existed."""
    return list(store.articles(StoryTables(store.conn).unassigned_ids()))


def stored_stories(store: Store) -> list[Story]:
    """Every stored story, most recently published first (undated last), then largest."""
    tables = StoryTables(store.conn)
    members = tables.members()
    return [
        Story(
            id=r["id"],
            title=r["title"],
            article_ids=tuple(members.get(r["id"], ())),
            outlets=tuple(json.loads(r["outlets_json"])),
            first_published=r["first_published"],
            last_published=r["last_published"],
        )
        for r in tables.rows()
    ]


def story_articles(store: Store, story_id: str) -> list[Article]:
    """The articles of one stored story (a unique id prefix of 6+ characters is enough)."""
    full = store.resolve_id("stories", story_id)
    ids = StoryTables(store.conn).member_ids(full)
    gone = superseded(store, ids)  # a page revised since: only its latest version speaks for the outlet
    return list(store.articles([i for i in ids if i not in gone]))
