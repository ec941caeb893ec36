"""Story assignment of a Spark run, on the driver, over compact features only.

The batch logic (:class:`newsprism.stories.batch.Batch`) looks at the whole batch at once:
standing actors are found from average-link groups over every article, drafts merge across
blocks, and posting lists are capped in arrival order. Split by block it would give other
stories than the local path, so the driver runs it as is, on what it needs and nothing more:
per article its id, feature counts, dates, outlet and title (about 2 KB; no text), with the
document frequencies counted on the executors. The result goes back out as rows.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from newsprism.settings import StorySettings
from newsprism.stories.features import ArticleFeatures
from newsprism.stories.index import Assignment, StoryIndex
from newsprism.stories.vector import DocFrequency

__all__ = ["assign_counted", "index_from_rows", "member_rows", "posting_rows", "story_rows"]

Row = dict[str, Any]


def assign_counted(
    features: Iterable[ArticleFeatures], df: dict[str, int], n_docs: int, settings: StorySettings
) -> tuple[StoryIndex, list[Assignment]]:
    """The index after one batch of ``features`` whose document frequencies are ``df``."""
    index = StoryIndex(settings)
    counted = DocFrequency(n_docs, {k: df[k] for k in sorted(df)})  # a fixed order, whatever the partitions
    return index, index.add_counted(list(features), counted)


def story_rows(index: StoryIndex) -> list[Row]:
    """One row per story (id order): what the store's ``stories`` table keeps, and the members."""
    rows = []
    for story_id in sorted(index.profiles):
        p = index.profiles[story_id]
        rows.append({
            "id": p.id, "title": p.title, "founded_by": p.article_ids[0], "size": len(p.article_ids),
            "outlets_json": json.dumps(list(p.outlets), ensure_ascii=False),
            "first_published": p.first.isoformat() if p.first else None,
            "last_published": p.last.isoformat() if p.last else None,
            "centroid_json": json.dumps(p.centroid, sort_keys=True), "article_ids": list(p.article_ids),
        })  # fmt: skip
    return rows


def member_rows(index: StoryIndex, assignments: list[Assignment]) -> list[Row]:
    """One row per article: its story, its place in it, its score and its trimmed vector."""
    rows = []
    for a in assignments:
        members = index.profiles[a.story_id].article_ids
        rows.append({
            "article_id": a.article_id, "story_id": a.story_id, "seq": members.index(a.article_id),
            "score": a.score, "opened": a.opened,
            "vector_json": json.dumps(index.changed_vectors[a.article_id], sort_keys=True),
        })  # fmt: skip
    return rows


def posting_rows(index: StoryIndex) -> list[Row]:
    """The blocking index (feature -> stories, oldest first) for a store that goes on from here."""
    return [
        {"feature": feature, "story_id": story_id, "rank": rank}
        for feature in sorted(index.blocker.postings)
        for rank, story_id in enumerate(index.blocker.postings[feature])
    ]


def index_from_rows(
    stories: list[Row], members: list[Row], postings: list[Row], df: dict[str, int], n_docs: int,
    settings: StorySettings,
) -> tuple[StoryIndex, list[Assignment]]:  # fmt: skip
    """The index (and its assignments, in joining order) a run wrote, for the store to save."""
    by_story: dict[str, list[Row]] = {}
    for m in sorted(members, key=lambda m: (m["story_id"], m["seq"])):
        by_story.setdefault(m["story_id"], []).append(m)
    state = {
        "version": 1,
        "n_docs": n_docs,
        "df": df,
        "stories": [_profile_state(s) for s in stories],
        "postings": {},
        "recent": {
            k: [json.loads(m["vector_json"]) for m in ms][-settings.recent_members :]
            for k, ms in by_story.items()
        },
    }
    index = StoryIndex.from_state(state, settings)
    for p in sorted(postings, key=lambda p: (p["feature"], p["rank"])):
        index.blocker.postings.setdefault(p["feature"], {})[p["story_id"]] = None
    index.changed_features = set(df)
    index.changed_postings = set(index.blocker.postings)
    index.changed_vectors = {m["article_id"]: json.loads(m["vector_json"]) for m in members}
    ordered = sorted(members, key=lambda m: (m["story_id"], m["seq"]))
    return index, [Assignment(m["article_id"], m["story_id"], m["opened"], m["score"]) for m in ordered]


def _profile_state(row: Row) -> dict[str, Any]:
    return {
        "id": row["id"], "title": row["title"], "centroid": json.loads(row["centroid_json"]),
        "article_ids": list(row["article_ids"]), "outlets": json.loads(row["outlets_json"]),
        "first": row["first_published"], "last": row["last_published"],
    }  # fmt: skip
