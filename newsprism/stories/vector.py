"""Sparse TF-IDF vectors over article features, with document frequencies kept incrementally."""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from operator import itemgetter
from sys import intern

__all__ = [
    "DocFrequency",
    "KindWeights",
    "cosine",
    "ranked",
    "raw_weights",
    "top_terms",
    "unit_of",
    "unit_top",
    "weigh",
]


@dataclass(frozen=True)
class KindWeights:
    """Multipliers per feature kind (the prefix before ':')."""

    word: float = 1.0
    entity: float = 2.0
    number: float = 1.0
    year: float = 1.0
    # An entity carried by more than this share of all articles is a topic's standing
    # actor (a head of state, a legislature), not evidence of one event: it weighs as a word.
    common_entity_share: float = 1.0
    # Entity features known to be standing actors (see Batch: found in many groups of one
    # batch): they weigh as words.
    demoted: frozenset[str] = frozenset()

    def of(self, key: str) -> float:
        kind = key[0]
        if kind == "e":
            return self.entity
        if kind == "n":
            return self.number
        if kind in "yd":
            return self.year
        return self.word


@dataclass
class DocFrequency:
    """How many articles carry each feature, over everything the index has seen."""

    n_docs: int = 0
    df: dict[str, int] = field(default_factory=dict)

    def update(self, keys: Iterable[str]) -> None:
        self.n_docs += 1
        df = self.df
        for key in keys:
            df[key] = df.get(key, 0) + 1

    def idf(self, key: str) -> float:
        return math.log((self.n_docs + 1) / (self.df.get(key, 0) + 1)) + 1.0


def weigh(counts: Mapping[str, int], df: DocFrequency, kinds: KindWeights, keep: int) -> dict[str, float]:
    """Sub-linear TF x IDF x kind weight: the ``keep`` heaviest terms, heaviest first, L2-normalised."""
    return unit_top(raw_weights(counts, df, kinds), keep)


def raw_weights(counts: Mapping[str, int], df: DocFrequency, kinds: KindWeights) -> dict[str, float]:
    """Sub-linear TF x IDF x kind weight of every feature (before trimming and normalising)."""
    log_n = math.log(df.n_docs + 1) + 1.0  # idf = log((N+1)/(df+1)) + 1, inlined: hot path
    by_kind = {"e": kinds.entity, "n": kinds.number, "y": kinds.year, "d": kinds.year, "w": kinds.word}
    frequencies, log = df.df, math.log
    common = kinds.common_entity_share * df.n_docs
    demoted = kinds.demoted
    raw = {}
    for key, tf in counts.items():
        seen = frequencies.get(key, 0)
        if key[0] != "e" or (seen <= common and key not in demoted):
            kind = by_kind.get(key[0], kinds.word)
        else:
            kind = kinds.word
        raw[key] = (1.0 + log(tf)) * (log_n - log(seen + 1)) * kind
    return raw


def unit_top(raw: Mapping[str, float], keep: int) -> dict[str, float]:
    """The ``keep`` heaviest terms of ``raw``, heaviest first, L2-normalised."""
    return unit_of(ranked(raw)[:keep])


def ranked(raw: Mapping[str, float]) -> list[tuple[str, float]]:
    """All terms, heaviest first; ties keep insertion order (deterministic)."""
    return sorted(raw.items(), key=itemgetter(1), reverse=True)


def unit_of(pairs: list[tuple[str, float]]) -> dict[str, float]:
    """The (term, weight) pairs as an L2-normalised vector, in their order."""
    norm = math.sqrt(sum(v * v for _, v in pairs)) or 1.0
    # Interned keys: the vectors, profiles and kept member vectors of 100k articles then
    # share one copy of each feature string instead of one per article.
    return {intern(key): v / norm for key, v in pairs}


def top_terms(vector: Mapping[str, float], keep: int) -> dict[str, float]:
    """The ``keep`` largest entries, largest first; ties keep insertion order (deterministic)."""
    return dict(sorted(vector.items(), key=itemgetter(1), reverse=True)[:keep])


def cosine(unit: Mapping[str, float], other: Mapping[str, float], other_norm: float) -> float:
    """Cosine of a unit vector with another vector whose norm is given."""
    if other_norm <= 0.0:
        return 0.0
    if len(unit) > len(other):
        dot = sum(v * unit[k] for k, v in other.items() if k in unit)
    else:
        dot = sum(v * other[k] for k, v in unit.items() if k in other)
    return dot / other_norm
