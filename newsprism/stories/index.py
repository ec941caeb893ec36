"""Incremental story assignment: :class:`StoryIndex` and the one-shot :func:`cluster`.

Each batch first updates the document frequencies, then assigns its new articles
one by one, oldest first (publication date, then id): block, score, join or open.
Earlier assignments never change and a story's id is a hash of its founding
article's id, so ids stay stable however many batches follow. The whole state is
plain data (:meth:`StoryIndex.to_state` / :meth:`StoryIndex.from_state`) so the
store can persist it between runs.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from newsprism.errors import SettingsError, StoryStateError
from newsprism.model import Article, Story, content_id
from newsprism.settings import StorySettings
from newsprism.stories.batch import Batch, Links
from newsprism.stories.blocking import Blocker
from newsprism.stories.decide import StoryProfile
from newsprism.stories.features import ArticleFeatures, fast_features, spacy_features
from newsprism.stories.vector import DocFrequency, KindWeights, top_terms

__all__ = [
    "Assignment",
    "StoryIndex",
    "arrival_key",
    "cluster",
    "extract_features",
    "feature_lookup",
    "story_id_for",
]

log = logging.getLogger(__name__)
STATE_VERSION = 1
# spaCy components not needed for entities: skipping them makes NER about 3x faster.
NER_ONLY = ("parser", "lemmatizer", "tagger", "attribute_ruler", "senter")


@dataclass(frozen=True)
class Assignment:
    article_id: str
    story_id: str
    opened: bool  # True when this article founded the story
    score: float  # cosine with its story profile when last placed (0: nothing was close)


def story_id_for(founding_article_id: str) -> str:
    return content_id("story", founding_article_id, prefix="st-")


def extract_features(
    articles: Sequence[Article], entities: str = "fast", settings: StorySettings | None = None
) -> list[ArticleFeatures]:
    """Features of each article; ``entities`` is "fast" (no model) or "spacy" (NER)."""
    s = settings or StorySettings()
    if entities not in ("fast", "spacy"):
        raise SettingsError(f"stories.entities: {entities!r} is not 'fast' or 'spacy'")
    if entities == "spacy":
        from newsprism.nlp import parse
        from newsprism.nlp.cache import auto_processes

        texts = [a.text for a in articles]
        docs = parse(texts, disable=NER_ONLY, n_process=auto_processes(len(texts)))
        return [spacy_features(a, d) for a, d in zip(articles, docs, strict=True)]
    return [
        fast_features(a, s.lead_sentences, s.lead_boost, s.lead_actions, s.title_case_names, s.lead_days)
        for a in articles
    ]


def feature_lookup(
    features: Sequence[ArticleFeatures],
) -> Callable[[Sequence[str]], dict[str, ArticleFeatures]]:
    """A :attr:`StoryIndex.member_features` over ``features`` held in memory (what a store
    reads back from its articles), for an index fed without a store."""
    by_id = {f.article_id: f for f in features}
    return lambda ids: {i: by_id[i] for i in ids if i in by_id}


class StoryIndex:
    """Stories seen so far and the blocking index over them."""

    def __init__(self, settings: StorySettings | None = None) -> None:
        self.settings = settings or StorySettings()
        self.kinds = KindWeights(
            entity=self.settings.entity_weight,
            number=self.settings.number_weight,
            year=self.settings.year_weight,
            common_entity_share=self.settings.common_entity_share,
        )
        self.df = DocFrequency()
        self.blocker = Blocker(self.settings.max_postings)
        self.profiles: dict[str, StoryProfile] = {}
        self.assigned: dict[str, str] = {}
        # The latest members' vectors (trimmed) per story, so a later batch can still
        # tell whether its newcomers to the story are another event (Batch cut).
        self.recent: dict[str, list[dict[str, float]]] = {}
        # The features of stored articles by id (the store reads them back), for the pair
        # model's link of a later batch with the stories it may join; None: not available.
        self.member_features: Callable[[Sequence[str]], dict[str, ArticleFeatures]] | None = None
        # What the last batch changed, so the store writes only that.
        self.changed_features: set[str] = set()
        self.changed_postings: set[str] = set()
        self.changed_vectors: dict[str, dict[str, float]] = {}

    def __len__(self) -> int:
        return len(self.profiles)

    def add(self, articles: Sequence[Article]) -> list[Assignment]:
        """Assign each article not seen before; return the new assignments in order."""
        return self.add_features(extract_features(articles, self.settings.entities, self.settings))

    def add_features(self, features: Sequence[ArticleFeatures]) -> list[Assignment]:
        ordered = self._fresh(features)
        for feat in ordered:
            self.df.update(feat.counts)
        return self._assign(ordered)

    def add_counted(
        self, features: Sequence[ArticleFeatures], df: DocFrequency, links: Links | None = None
    ) -> list[Assignment]:
        """Like :meth:`add_features` for a first batch whose document frequencies were counted
        elsewhere (a Spark ``reduceByKey``): ``df`` must count exactly ``features``. ``links``:
        the batch's windowed steps, run elsewhere too (see :meth:`Batch.link_groups`)."""
        if self.df.n_docs or self.profiles:
            raise StoryStateError("add_counted starts an empty index; use add_features to go on")
        ordered = self._fresh(features)
        if df.n_docs != len(ordered):
            raise StoryStateError(f"document frequencies count {df.n_docs} articles, not {len(ordered)}")
        self.df = df
        return self._assign(ordered, links)

    def _fresh(self, features: Sequence[ArticleFeatures]) -> list[ArticleFeatures]:
        """The features of articles not assigned yet, once each, in arrival order."""
        fresh: dict[str, ArticleFeatures] = {}
        for feat in features:
            if feat.article_id not in self.assigned:
                fresh.setdefault(feat.article_id, feat)
        return sorted(fresh.values(), key=arrival_key)

    def _assign(self, ordered: list[ArticleFeatures], links: Links | None = None) -> list[Assignment]:
        self.changed_features = {key for feat in ordered for key in feat.counts}
        self.changed_postings = set()
        self.changed_vectors = {}
        batch = Batch(self, local=Blocker(self.settings.max_postings))
        batch.run(ordered, links)
        return self._commit(batch)

    def _commit(self, batch: Batch) -> list[Assignment]:
        """Write the batch's stories into the index; drafts get ids from their earliest member."""
        s = self.settings
        final: dict[str, str] = {}
        for key, members in batch.members.items():
            if not members:
                continue
            first = batch.items[min(members)].feat
            if key.startswith("~"):
                story = StoryProfile(id=story_id_for(first.article_id), title=first.title)
                self.profiles[story.id] = story
            else:
                story = self.profiles[key]
            story.centroid = top_terms(batch.drafts[key].centroid, s.centroid_terms)
            story.norm = sum(v * v for v in story.centroid.values()) ** 0.5
            final[key] = story.id
        out = []
        for item in batch.items:
            story = self.profiles[final[item.story]]
            story.note(item.feat.article_id, item.feat.outlet, item.feat.published)
            self.assigned[item.feat.article_id] = story.id
            trimmed = top_terms(item.vector, s.recent_terms)
            self.changed_vectors[item.feat.article_id] = trimmed
            kept = self.recent.setdefault(story.id, [])
            kept.append(trimmed)
            if len(kept) > s.recent_members:
                del kept[0]
            own = list(item.vector)[: s.block_keys]
            keys = dict.fromkeys(own + item.lookup)
            self.blocker.add(story.id, keys)
            self.changed_postings.update(keys)
            opened = item.story.startswith("~") and story.article_ids[0] == item.feat.article_id
            out.append(Assignment(item.feat.article_id, story.id, opened, item.score))
        return out

    def story_of(self, article_id: str) -> str | None:
        return self.assigned.get(article_id)

    def stories(self) -> list[Story]:
        """All stories, largest first (then by id)."""
        ranked = sorted(self.profiles.values(), key=lambda p: (-len(p.article_ids), p.id))
        return [_story(p) for p in ranked]

    def to_state(self) -> dict[str, Any]:
        """Plain data (JSON-serialisable) holding everything needed to go on later."""
        return {
            "version": STATE_VERSION,
            "n_docs": self.df.n_docs,
            "df": dict(self.df.df),
            "stories": [_profile_state(p) for p in self.profiles.values()],
            "postings": {k: list(v) for k, v in self.blocker.postings.items()},
            "recent": {k: list(v) for k, v in self.recent.items()},
        }

    @classmethod
    def from_state(cls, state: dict[str, Any], settings: StorySettings | None = None) -> StoryIndex:
        if state.get("version") != STATE_VERSION:
            raise StoryStateError(
                f"story index state version {state.get('version')!r} is not {STATE_VERSION}"
            )
        index = cls(settings)
        index.df = DocFrequency(int(state["n_docs"]), dict(state["df"]))
        for data in state["stories"]:
            profile = _profile_from_state(data)
            index.profiles[profile.id] = profile
            for article_id in profile.article_ids:
                index.assigned[article_id] = profile.id
        index.blocker.postings = {k: dict.fromkeys(v) for k, v in state["postings"].items()}
        # Absent in states saved before member vectors were kept: such stories just
        # cannot have newcomers cut off them until new members arrive.
        keep = index.settings.recent_members
        index.recent = {k: [dict(v) for v in vs[-keep:]] for k, vs in state.get("recent", {}).items()}
        return index


def cluster(articles: Sequence[Article], settings: StorySettings | None = None) -> list[Story]:
    """Group ``articles`` into stories in one shot (no store), largest story first."""
    index = StoryIndex(settings)
    index.add(articles)
    return index.stories()


def arrival_key(feat: ArticleFeatures) -> tuple[date, str]:
    """The order a batch assigns its articles in: publication date (undated last), then id."""
    return (feat.published or date.max, feat.article_id)


def _story(p: StoryProfile) -> Story:
    return Story(
        id=p.id,
        title=p.title,
        article_ids=tuple(p.article_ids),
        outlets=tuple(p.outlets),
        first_published=p.first.isoformat() if p.first else None,
        last_published=p.last.isoformat() if p.last else None,
    )


def _profile_state(p: StoryProfile) -> dict[str, Any]:
    return {
        "id": p.id,
        "title": p.title,
        "centroid": p.centroid,
        "article_ids": p.article_ids,
        "outlets": list(p.outlets),
        "first": p.first.isoformat() if p.first else None,
        "last": p.last.isoformat() if p.last else None,
    }


def _profile_from_state(data: dict[str, Any]) -> StoryProfile:
    centroid = {str(k): float(v) for k, v in data["centroid"].items()}
    return StoryProfile(
        id=data["id"],
        title=data["title"],
        centroid=centroid,
        norm=sum(v * v for v in centroid.values()) ** 0.5,
        article_ids=list(data["article_ids"]),
        outlets=dict.fromkeys(data["outlets"]),
        first=date.fromisoformat(data["first"]) if data["first"] else None,
        last=date.fromisoformat(data["last"]) if data["last"] else None,
    )
