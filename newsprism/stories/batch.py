"""Clustering of one batch against the stories already known.

Single-pass assignment depends on arrival order: the first article of a story
may be atypical, and a later article that would bridge two half-stories arrives
too late. Within a batch nothing is settled yet, so the batch is refined before
it is committed:

1. one pass: each article joins its best candidate story (old or opened in this
   batch) at or above ``join_threshold``, else opens a draft story;
2. ``refine_passes`` re-assignment passes: each article leaves its story and
   chooses again against the updated profiles (k-means style, only this batch's
   articles move, so stories from earlier batches keep every member they had);
3. merge: a draft story whose profile is close (``merge_threshold``) to an older
   story, or an earlier draft, is folded into it.

Every step looks only at blocked candidates, so a batch costs
O(articles x candidates x passes). Draft stories get their id at commit time from
their earliest member, which is what makes ids a function of content.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field

from newsprism.stories.blocking import Blocker, block_keys
from newsprism.stories.decide import StoryProfile, choose, similarity, time_compatible
from newsprism.stories.features import ArticleFeatures
from newsprism.stories.vector import cosine, top_terms, weigh

__all__ = ["Batch", "Item", "separation"]


@dataclass
class Item:
    feat: ArticleFeatures
    vector: dict[str, float]
    lookup: list[str]
    story: str = ""
    score: float = 0.0


@dataclass
class Batch:
    """Working state of one batch; ``index`` is the :class:`StoryIndex` it commits into."""

    index: object
    items: list[Item] = field(default_factory=list)
    drafts: dict[str, StoryProfile] = field(default_factory=dict)
    members: dict[str, set[int]] = field(default_factory=dict)
    local: Blocker = field(default_factory=Blocker)
    opened: int = 0

    def run(self, features: Sequence[ArticleFeatures]) -> None:
        s = self.index.settings
        for feat in features:
            vector = weigh(feat.counts, self.index.df, self.index.kinds, s.vector_terms)
            self.items.append(Item(feat, vector, block_keys(vector, self.index.df.df, s.block_keys)))
        for i in range(len(self.items)):
            self._place(i)
        for _ in range(s.refine_passes):
            if not any(self._replace(i) for i in range(len(self.items))):
                break
        for key in [k for k in self.drafts if k.startswith("~")]:
            self._split(key, depth=s.split_depth)
        self._merge_drafts()

    def _split(self, key: str, depth: int) -> None:
        """Bisect a draft story when its two halves are far apart (two events of one kind)."""
        members = sorted(self.members[key])
        if depth <= 0 or len(members) < 4:
            return
        vectors = [self.items[i].vector for i in members]
        left, right = _bisect(vectors)
        if min(len(left), len(right)) < 2:
            return
        if separation(vectors, left, right) >= self.index.settings.split_threshold:
            return
        moving = right if 0 in left else left
        new_key = self._open(self.items[members[moving[0]]])
        for j in moving:
            i = members[j]
            self.drafts[key].release(self.items[i].vector)
            self.members[key].discard(i)
            self._join(i, new_key, self.items[i].score)
        self._split(key, depth - 1)
        self._split(new_key, depth - 1)

    def _candidates(self, item: Item) -> list[StoryProfile]:
        s = self.index.settings
        found: list[StoryProfile] = []
        for story_id in self.index.blocker.candidates(item.lookup, s.max_candidates):
            found.append(self._working(story_id))
        for key in self.local.candidates(item.lookup, s.max_candidates):
            if self.members.get(key):
                found.append(self.drafts[key])
        return found

    def _working(self, story_id: str) -> StoryProfile:
        """A copy of an old story's profile that this batch may change (copy on first touch)."""
        draft = self.drafts.get(story_id)
        if draft is None:
            old = self.index.profiles[story_id]
            draft = StoryProfile(
                old.id, old.title, dict(old.centroid), old.norm, first=old.first, last=old.last
            )
            self.drafts[story_id] = draft
            self.members[story_id] = set()
        return draft

    def _place(self, i: int) -> None:
        item = self.items[i]
        s = self.index.settings
        choice = choose(
            item.vector, item.feat.published, self._candidates(item), s.join_threshold, s.max_gap_days
        )
        key = choice.story_id if choice.story_id is not None else self._open(item)
        self._join(i, key, choice.score)

    def _replace(self, i: int) -> bool:
        """Take item ``i`` out and place it again; True when it moved."""
        item = self.items[i]
        before = item.story
        self.drafts[before].release(item.vector)
        self.members[before].discard(i)
        s = self.index.settings
        choice = choose(
            item.vector, item.feat.published, self._candidates(item), s.join_threshold, s.max_gap_days
        )
        if choice.story_id is None:
            key = before if not self.members[before] and before.startswith("~") else self._open(item)
        else:
            key = choice.story_id
        self._join(i, key, choice.score)
        return key != before

    def _open(self, item: Item) -> str:
        key = f"~{self.opened}"
        self.opened += 1
        self.drafts[key] = StoryProfile(key, item.feat.title)
        self.members[key] = set()
        self.local.add(key, dict.fromkeys(list(item.vector)[: self.index.settings.block_keys] + item.lookup))
        return key

    def _join(self, i: int, key: str, score: float) -> None:
        item = self.items[i]
        draft = self.drafts[key]
        draft.absorb(item.vector)
        draft.widen(item.feat.published)
        self.members[key].add(i)
        item.story, item.score = key, score
        if key.startswith("~"):
            self.local.add(key, item.lookup)

    def _merge_drafts(self) -> None:
        s = self.index.settings
        keys = sorted((k for k in self.drafts if k.startswith("~")), key=lambda k: int(k[1:]))
        for key in keys:
            if not self.members[key]:
                continue
            target = self._merge_target(key, s.merge_threshold, s.max_gap_days)
            if target is not None:
                for i in sorted(self.members[key]):
                    self.drafts[key].release(self.items[i].vector)
                    self.members[key].discard(i)
                    self._join(i, target, self.items[i].score)

    def _merge_target(self, key: str, threshold: float, max_gap: int) -> str | None:
        draft = self.drafts[key]
        probe = Item(self.items[min(self.members[key])].feat, {}, [])
        heaviest = top_terms(draft.centroid, 4 * self.index.settings.block_keys)
        probe.lookup = block_keys(heaviest, self.index.df.df, self.index.settings.block_keys)
        best, best_key = threshold, None
        for other in self._candidates(probe):
            if other.id == key or not _older(other.id, key):
                continue
            if not (
                time_compatible(draft.first, other, max_gap) and time_compatible(draft.last, other, max_gap)
            ):
                continue
            score = similarity(draft, other)
            if score >= best:
                best, best_key = score, other.id
        return best_key


def _older(a: str, b: str) -> bool:
    """Stories from earlier batches are older than drafts; drafts by opening order."""
    if not a.startswith("~"):
        return True
    return b.startswith("~") and int(a[1:]) < int(b[1:])


def _profile(vectors: Sequence[dict[str, float]]) -> StoryProfile:
    profile = StoryProfile("", "")
    for vector in vectors:
        profile.absorb(vector)
    return profile


def _bisect(vectors: Sequence[dict[str, float]], rounds: int = 6) -> tuple[list[int], list[int]]:
    """2-means over unit vectors, seeded by the most atypical member and the one farthest from it."""
    whole = _profile(vectors)
    seed_a = min(range(len(vectors)), key=lambda j: (cosine(vectors[j], whole.centroid, whole.norm), j))
    seed_b = min(range(len(vectors)), key=lambda j: (cosine(vectors[j], vectors[seed_a], 1.0), j))
    a, b = _profile([vectors[seed_a]]), _profile([vectors[seed_b]])
    left: list[int] = []
    for _ in range(rounds):
        new_left = [
            j for j, v in enumerate(vectors) if cosine(v, a.centroid, a.norm) >= cosine(v, b.centroid, b.norm)
        ]
        if new_left == left:
            break
        left = new_left
        right = [j for j in range(len(vectors)) if j not in set(left)]
        if not left or not right:
            break
        a, b = _profile([vectors[j] for j in left]), _profile([vectors[j] for j in right])
    right = [j for j in range(len(vectors)) if j not in set(left)]
    return left, right


def separation(vectors: Sequence[dict[str, float]], left: list[int], right: list[int]) -> float:
    """How alike the two halves are, relative to how alike each half is inside.

    Mean cosine of each member with the other half's profile, over the mean cosine
    of each member with its own half without itself (leave-one-out). Near 1 when
    the halves are two samples of one event; small for two events of one kind.
    Unlike the raw profile cosine, it does not fall for small, noisy halves.
    """
    halves = [_profile([vectors[j] for j in side]) for side in (left, right)]
    across = within = 0.0
    for own, other, side in ((halves[0], halves[1], left), (halves[1], halves[0], right)):
        square = own.norm * own.norm
        for j in side:
            dot = sum(v * own.centroid.get(k, 0.0) for k, v in vectors[j].items())
            rest = math.sqrt(max(square - 2 * dot + 1.0, 1e-12))  # |own - v| for a unit v
            within += (dot - 1.0) / rest
            across += cosine(vectors[j], other.centroid, other.norm)
    return across / within if within > 0 else 0.0
