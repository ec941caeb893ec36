"""Alignment: group statements that say the same thing in different articles.

Embeddings find candidates; agreement on key terms (names, numbers, dates) and on
polarity decides. MiniLM puts "ruled out" and "not ruled out" at cosine ~0.86, so two
statements that differ in negation or in their numbers never share a group: such
pairs are returned as *conflicts* for the contradiction finder instead.

Grouping is greedy average-link over the accepted pairs, most similar first, with
at most one statement per article in a group (an article says a thing once; this
also stops chains from gluing a whole story into one group).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from newsprism.compare.pairs import StoryPairs, pair_model
from newsprism.model import Statement
from newsprism.settings import CompareSettings
from newsprism.text import content_words, key_terms, quantities, stem

__all__ = ["Alignment", "align_statements"]


@dataclass(frozen=True)
class Alignment:
    """Groups of statement indices, and the similar-but-conflicting pairs."""

    groups: tuple[tuple[int, ...], ...]
    conflicts: tuple[tuple[int, int, float], ...]
    sims: np.ndarray


def align_statements(
    statements: Sequence[Statement], vectors: np.ndarray, settings: CompareSettings
) -> Alignment:
    sims = vectors @ vectors.T if len(statements) else np.zeros((0, 0), dtype=np.float32)
    terms = [key_terms(s.text) for s in statements]
    nums = [quantities(s.text) for s in statements]
    words_ = [set(content_words(s.text)) for s in statements]
    pairs, conflicts = [], []
    clashes: set[tuple[int, int]] = set()
    affinity = sims.copy()
    judge = _PairJudge(statements, vectors, settings)
    usual = _candidates(sims, nums, settings)
    # Pairs within one article are never aligned: masked before listing (a long article
    # otherwise lists millions of its own pairs only to skip them one by one).
    ids = {a: k for k, a in enumerate(dict.fromkeys(s.article_id for s in statements))}
    article = np.array([ids[s.article_id] for s in statements], dtype=np.int64)
    apart = article[:, None] != article[None, :]
    candidates = list(zip(*np.nonzero(np.triu((usual | judge.candidates(sims)) & apart, k=1)), strict=True))
    judge.prepare([(int(i), int(j)) for i, j in candidates])
    for i, j in candidates:
        a, b = statements[i], statements[j]
        sim = float(sims[i, j])
        if not usual[i, j]:
            # Below the embedding bands only the model can join a pair, never against a veto.
            vetoed = _conflict(a, b, nums[i], nums[j], _jaccard(words_[i], words_[j]), 0.0)
            if not vetoed and bool(nums[i]) == bool(nums[j]) and judge.same(int(i), int(j)):
                affinity[i, j] = affinity[j, i] = max(sim, settings.align_mean)
                pairs.append((sim, int(i), int(j)))
            continue
        if _conflict(a, b, nums[i], nums[j], _jaccard(words_[i], words_[j]), settings.negation_same_words):
            conflicts.append((int(i), int(j), sim))
            if sim >= settings.contradiction_count_sim and _count_clash(
                nums[i], nums[j], words_[i], words_[j]
            ):
                clashes.add((int(i), int(j)))
        elif _same_count(sim, a.polarity == b.polarity, nums[i], nums[j], settings):
            # As good as a strong pair, also for the average link of the clusters they join.
            affinity[i, j] = affinity[j, i] = max(sim, settings.align_strong)
            pairs.append((float(affinity[i, j]), int(i), int(j)))
        elif _same_fact(
            sim, a.polarity == b.polarity, *_counted_alike(terms[i], terms[j], nums[i], nums[j]), settings
        ) and (sim >= settings.align_strong or bool(nums[i]) == bool(nums[j])):
            # In the weak band a count that only one side gives is a fact the other does not
            # state ("Twenty-one people were injured in the fire at Warehouse 7" / "The fire
            # broke out ... on Kestrel Quay").
            pairs.append((sim, int(i), int(j)))
        elif bool(nums[i]) == bool(nums[j]) and judge.same(int(i), int(j)):
            # Reworded: the model's evidence (rare shared words, names, numbers) stands in
            # for the similarity the embedding does not give, also for the average link.
            affinity[i, j] = affinity[j, i] = max(sim, settings.align_mean)
            pairs.append((sim, int(i), int(j)))
    blocked = {(i, j) for i, j, _ in conflicts}
    groups = _cluster(statements, affinity, pairs, settings.align_mean, blocked)
    strong = tuple(sorted(c for c in conflicts if c[2] >= settings.contradiction_sim or c[:2] in clashes))
    return Alignment(groups=groups, conflicts=strong, sims=sims)


def _candidates(
    sims: np.ndarray, nums: Sequence[dict[str, set[str]]], settings: CompareSettings
) -> np.ndarray:
    """Pairs worth a look: in the embedding bands, or below them when both count something
    (only counts can align or clash there)."""
    counted = np.array([bool(n) for n in nums], dtype=bool)
    low = min(settings.align_count, settings.contradiction_count_sim)
    return (sims >= min(settings.align_weak, settings.contradiction_sim)) | (
        (sims >= low) & counted[:, None] & counted[None, :]
    )


class _PairJudge:
    """The pair model's verdict (compare/pairs.py), or always no when it is off or absent."""

    def __init__(self, statements: Sequence[Statement], vectors: np.ndarray, s: CompareSettings) -> None:
        self.model = pair_model() if s.align_model < 1.0 else None
        self.min = s.align_model
        self.evidence = StoryPairs(statements, vectors) if self.model and len(statements) else None
        self.floor = s.align_model_floor
        self.min_words = s.align_model_words
        self.accepted: set[tuple[int, int]] = set()

    def candidates(self, sims: np.ndarray) -> np.ndarray:
        """Pairs the model looks at beyond the usual candidates."""
        if self.evidence is None:
            return np.zeros(sims.shape, dtype=bool)
        return sims >= self.floor

    def prepare(self, pairs: list[tuple[int, int]]) -> None:
        """Judge ``pairs`` at once (features are computed in bulk)."""
        if self.model is None or self.evidence is None or not pairs:
            return
        x = self.evidence.matrix(pairs)
        # A rewording still shares a name, a number or some rare words.
        evidence = (x[:, 1] >= self.min_words) | (x[:, 2] > 0) | (x[:, 3] > 0)
        yes = evidence & (self.model.probability(x) >= self.min)
        self.accepted = {p for p, ok in zip(pairs, yes, strict=True) if ok}

    def same(self, i: int, j: int) -> bool:
        return (i, j) in self.accepted


def _conflict(
    a: Statement,
    b: Statement,
    nums_a: dict[str, set[str]],
    nums_b: dict[str, set[str]],
    same_words: float,
    negation_same: float,
) -> bool:
    """Opposite polarity in nearly the same words, or different counts of one thing ("12 people" /
    "21 people"). Polarity alone is not enough: one sentence may add a negated clause of its own."""
    if a.polarity != b.polarity and same_words >= negation_same:
        return True
    return any(not nums_a[unit] & nums_b[unit] for unit in nums_a.keys() & nums_b.keys())


def _same_fact(sim: float, same_polarity: bool, ta: set[str], tb: set[str], s: CompareSettings) -> bool:
    """Strong similarity decides alone; in the weak band the polarity must agree and the key
    terms must overlap (a large share of them, or two in common when similarity is in the
    upper half of the band: in a story where every sentence names the same two actors,
    two shared names alone say little)."""
    if sim >= s.align_strong:
        return True
    if sim < s.align_weak or not same_polarity:
        return False
    upper = sim >= (s.align_weak + s.align_strong) / 2
    return _jaccard(ta, tb) >= s.align_terms or (upper and len(ta & tb) >= 2)


def _same_count(
    sim: float,
    same_polarity: bool,
    nums_a: dict[str, set[str]],
    nums_b: dict[str, set[str]],
    s: CompareSettings,
) -> bool:
    """The same count of the same thing ("about 200 residents") in two clauses tells one fact
    in other words ("forcing the evacuation of" / "were moved out of their homes"), which
    MiniLM scores far apart; a looser similarity floor then suffices."""
    if sim < s.align_count or not same_polarity:
        return False
    return any(nums_a[unit] & nums_b[unit] for unit in nums_a.keys() & nums_b.keys())


def _count_clash(
    nums_a: dict[str, set[str]], nums_b: dict[str, set[str]], words_a: set[str], words_b: set[str]
) -> bool:
    """Different counts of one thing for one event: "injuring 12 people" / "Twenty-one people
    were injured" (the unit and a word of the event in common), not "200 people were evacuated"."""
    units = {u for u in nums_a.keys() & nums_b.keys() if not nums_a[u] & nums_b[u]}
    if not units:
        return False
    counted = units | {n for ns in (*nums_a.values(), *nums_b.values()) for n in ns}
    shared = {stem(w) for w in words_a} & {stem(w) for w in words_b}
    return bool(shared - counted - {stem(w) for w in counted})


def _counted_alike(
    ta: set[str], tb: set[str], nums_a: dict[str, set[str]], nums_b: dict[str, set[str]]
) -> tuple[set[str], set[str]]:
    """Key terms without the numbers that count different things: "three fire stations" and
    "three firefighters" share the number, not a fact."""
    shared = nums_a.keys() & nums_b.keys()
    only_a = {n for unit, ns in nums_a.items() if unit not in shared for n in ns}
    only_b = {n for unit, ns in nums_b.items() if unit not in shared for n in ns}
    if not (only_a or only_b):
        return ta, tb
    drop = {n for n in only_a | only_b if n in ta and n in tb}
    return ta - drop, tb - drop


def _jaccard(a: set[str], b: set[str]) -> float:
    if not a or not b:
        return 0.0
    return len(a & b) / len(a | b)


def _cluster(
    statements: Sequence[Statement],
    sims: np.ndarray,
    pairs: list[tuple[float, int, int]],
    mean_min: float,
    blocked: set[tuple[int, int]],
) -> tuple[tuple[int, ...], ...]:
    cluster_of = list(range(len(statements)))
    members: dict[int, list[int]] = {i: [i] for i in range(len(statements))}
    for _, i, j in sorted(pairs, key=lambda p: (-p[0], p[1], p[2])):
        ci, cj = cluster_of[i], cluster_of[j]
        if ci == cj:
            continue
        left, right = members[ci], members[cj]
        if {statements[k].article_id for k in left} & {statements[k].article_id for k in right}:
            continue
        if float(sims[np.ix_(left, right)].mean()) < mean_min:
            continue
        if any((min(x, y), max(x, y)) in blocked for x in left for y in right):
            continue
        members[ci] = left + right
        for k in right:
            cluster_of[k] = ci
        del members[cj]
    return tuple(sorted(tuple(sorted(m)) for m in members.values()))
