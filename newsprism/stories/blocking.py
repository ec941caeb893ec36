"""Candidate blocking: which stories are worth scoring for a new article.

An inverted index from salient features to the stories whose profile carries
them. Each posting list keeps only its most recent ``max_postings`` stories, so
memory is bounded by (features x cap) and a lookup never scans the corpus; a
feature so common that its list overflows still points at the recent stories,
which is where a new article most likely belongs. There is no all-pairs step:
an article is compared only with the stories its own salient features name.
"""

from __future__ import annotations

import heapq
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

__all__ = ["Blocker", "block_keys"]


def block_keys(vector: Mapping[str, float], df: Mapping[str, int], n: int) -> list[str]:
    """The first ``n`` features of ``vector`` (heaviest first) that another article also has."""
    keys: list[str] = []
    for key in vector:
        if df.get(key, 0) >= 2:
            keys.append(key)
            if len(keys) == n:
                break
    return keys


@dataclass
class Blocker:
    max_postings: int = 1000
    # feature -> {story id: None}, oldest first. A store-backed index puts each story's
    # stored rank in the value; an add sets None, so the store rewrites only what moved.
    postings: dict[str, dict[str, int | None]] = field(default_factory=dict)

    def add(self, story_id: str, keys: Iterable[str]) -> None:
        """Index ``story_id`` under ``keys`` (most recent last; the oldest drop off)."""
        for key in keys:
            posting = self.postings.get(key)
            if posting is None:
                posting = self.postings[key] = {}
            elif story_id in posting:
                del posting[story_id]  # re-insert to mark it recent
            posting[story_id] = None
            if len(posting) > self.max_postings:
                del posting[next(iter(posting))]

    def candidates(self, keys: Iterable[str], limit: int) -> list[str]:
        """Stories sharing the most keys, at most ``limit``; ties go to the first seen
        (most recent first within each key's posting), so the result is deterministic."""
        hits: Counter[str] = Counter()
        for key in keys:
            posting = self.postings.get(key)
            if posting:
                hits.update(reversed(posting))
        if len(hits) <= limit:
            return sorted(hits, key=hits.__getitem__, reverse=True)
        return heapq.nlargest(limit, hits, key=hits.__getitem__)
