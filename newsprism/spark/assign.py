"""Story assignment of a Spark run: the windowed steps on executors, the rest on the driver.

The batch logic (:class:`newsprism.stories.batch.Batch`) has two kinds of steps. The first
grouping of a batch (average link, and the first pass that finds standing actors) runs over
windows of ``link_window`` articles in arrival order, and windows never look at each other:
those run on executors, one task per window (:func:`window_spread`, :func:`window_groups`),
with the document frequencies broadcast. So do the cuts: each draft story is cut over its own
members' vectors only, one task per draft (:func:`draft_cuts`), and the driver applies the
plans in the local order (the order in which cuts open stories feeds the capped posting lists
that settling reads). The merge of drafts and settling look across the whole batch through
its blocking index, in arrival order, and posting lists are capped in that order: split by
connected blocks they would give other stories (on every corpus tried, the blocking graph is
one component anyway: docs/spark.md), so the driver runs them as is, over compact features
only (per article its id, feature counts, dates, outlet and title; no text), the groups and
the cut plans the executors found (article ids). The result goes back out as rows.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from typing import Any

from newsprism.errors import StoryStateError
from newsprism.settings import StorySettings
from newsprism.spark.rows import row_features
from newsprism.stories.batch import Batch, CutPlan, Links
from newsprism.stories.blocking import Blocker
from newsprism.stories.features import ArticleFeatures
from newsprism.stories.index import Assignment, StoryIndex, arrival_key
from newsprism.stories.vector import DocFrequency

# What a Spark user does when the executors' answers do not fit the driver's features (the
# store's version hint of StoryStateError does not apply to a run).
SPARK_HINT = (
    "the executors disagree with the driver: give every executor the same newsprism version and "
    "models as the driver, and run into a new OUTPUT (a rerun keeps the tables already written, "
    "so other inputs or settings must not reuse one)"
)

__all__ = [
    "SPARK_HINT",
    "assign_counted",
    "draft_cuts",
    "finds_hubs",
    "index_from_rows",
    "member_rows",
    "posting_rows",
    "story_rows",
    "window_groups",
    "window_spread",
]

Row = dict[str, Any]
# Cut drafts elsewhere: given each draft's members (article ids, ascending), a row per draft:
# its number (place in the list), its size, and its cuts (story cut, article ids leaving).
DraftCutter = Callable[[list[list[str]]], Iterable[Row]]
# The arrival key of an undated article (date.max), as features rows write dates.
UNDATED = "9999-12-31"


def arrival_row_key(row: Any) -> tuple[str, str]:
    """:func:`arrival_key` of a features row: ISO dates sort as dates."""
    return (row["published"] or UNDATED, row["article_id"])


def finds_hubs(settings: StorySettings, n_docs: int) -> bool:
    """Does a first batch of ``n_docs`` articles look for standing actors?"""
    return _batch({}, 0, settings).finds_hubs(n_docs)


def _batch(df: dict[str, int], n_docs: int, settings: StorySettings) -> Batch:
    """An empty first batch over the run's document frequencies (read only: a task shares the
    worker's broadcast copy, never its own)."""
    index = StoryIndex(settings)
    index.df = DocFrequency(n_docs, df)
    return Batch(index, local=Blocker(settings.max_postings))


def _window(rows: Iterable[tuple[Any, Any]]) -> list[ArticleFeatures]:
    """The features of one window's ``(arrival key, features row)``, in arrival order."""
    return [row_features(r) for _, r in sorted(rows, key=lambda kr: kr[0])]


def window_spread(
    rows: Iterable[tuple[Any, Any]], df: dict[str, int], n_docs: int, settings: StorySettings
) -> list[tuple[str, int]]:
    """(entity, groups) of one window's ``(arrival key, features row)``: summed over the windows,
    the batch's standing actors (:meth:`Batch.hub_spread`)."""
    return sorted(_batch(df, n_docs, settings).hub_spread(_window(rows)).items())


def window_groups(
    window: int, rows: Iterable[tuple[Any, Any]], df: dict[str, int], n_docs: int,
    settings: StorySettings, hubs: frozenset[str],
) -> list[Row]:  # fmt: skip
    """The average-link groups of one window (article ids in arrival order), given the hubs."""
    feats = _window(rows)
    groups = _batch(df, n_docs, settings).link_groups(feats, hubs or None)
    return [{"window": window, "article_ids": [feats[i].article_id for i in g]} for g in groups]


def draft_cuts(
    draft: int, rows: Iterable[tuple[int, Any]], df: dict[str, int], n_docs: int, settings: StorySettings,
    hubs: frozenset[str],
) -> Row:  # fmt: skip
    """The cuts of one draft story from its members' ``(place, features row)``, given the hubs."""
    feats = [row_features(r) for _, r in sorted(rows, key=lambda pr: pr[0])]
    plan = _batch(df, n_docs, settings).draft_cuts(feats, hubs or None)
    cuts = [(story, [feats[i].article_id for i in leaving]) for story, leaving in plan]
    return {"draft": draft, "size": len(feats), "cuts": cuts}


def _cutter(ordered: list[ArticleFeatures], cut: DraftCutter) -> Callable[[list[list[int]]], list[CutPlan]]:
    """The batch's cuts made by ``cut`` (on executors), as plans over the batch's indices,
    checked to answer each draft asked for once, over all of its members."""
    position = {f.article_id: i for i, f in enumerate(ordered)}

    def cuts(drafts: list[list[int]]) -> list[CutPlan]:
        answers = {r["draft"]: r for r in cut([[ordered[i].article_id for i in d] for d in drafts])}
        if sorted(answers) != list(range(len(drafts))) or any(
            answers[n]["size"] != len(d) for n, d in enumerate(drafts)
        ):
            raise StoryStateError("the cut drafts do not match the drafts asked for: the features differ")
        try:
            return [
                [(story, sorted(position[a] for a in ids)) for story, ids in answers[n]["cuts"]]
                for n in range(len(drafts))
            ]
        except KeyError as exc:
            raise StoryStateError(f"a cut names an article without features: {exc}") from None

    return cuts


def _links(
    ordered: list[ArticleFeatures], hubs: frozenset[str], groups: Iterable[list[str]], settings: StorySettings,
    cut: DraftCutter | None = None,
) -> Links:  # fmt: skip
    """The executors' groups as the batch's indices, checked against the driver's own order."""
    position = {f.article_id: i for i, f in enumerate(ordered)}
    try:
        found = sorted(sorted(position[a] for a in g) for g in groups)
    except KeyError as exc:
        raise StoryStateError(f"a linked group names an article without features: {exc}") from None
    window = settings.link_window
    covered = sum(len(g) for g in found)
    if covered != len(ordered) or any(g[0] // window != g[-1] // window for g in found):
        raise StoryStateError("the linked groups do not tile the batch's windows: the arrival orders differ")
    return Links(hubs or None, found, None if cut is None else _cutter(ordered, cut))


def assign_counted(
    features: Iterable[ArticleFeatures], df: dict[str, int], n_docs: int, settings: StorySettings,
    hubs: frozenset[str] = frozenset(), groups: Iterable[list[str]] | None = None,
    cut: DraftCutter | None = None,
) -> tuple[StoryIndex, list[Assignment]]:  # fmt: skip
    """The index after one batch of ``features`` whose document frequencies are ``df``;
    ``groups``: its average-link groups (article ids), linked window by window elsewhere;
    ``cut``: cuts the draft stories elsewhere (with ``groups`` only; see :data:`DraftCutter`)."""
    index = StoryIndex(settings)
    counted = DocFrequency(n_docs, {k: df[k] for k in sorted(df)})  # a fixed order, whatever the partitions
    ordered = sorted(features, key=arrival_key)
    try:
        links = None if groups is None else _links(ordered, hubs, groups, settings, cut)
        return index, index.add_counted(ordered, counted, links)
    except StoryStateError as exc:  # the batch's own checks of the plans included
        raise StoryStateError(str(exc), SPARK_HINT) from None


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
