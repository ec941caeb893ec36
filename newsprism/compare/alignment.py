"""Alignment: group statements that say the same thing in different articles.

Embeddings find candidates; agreement on key terms (names, numbers, dates) and on
polarity decides. MiniLM puts "ruled out" and "not ruled out" at cosine ~0.86, so two
statements that differ in negation or in their numbers never share a group: such
pairs are returned as *conflicts* for the contradiction finder instead.

Grouping is greedy average-link over the accepted pairs, most similar first, with
at most one statement per article in a group (an article says a thing once; this
also stops chains from gluing a whole story into one group). Afterwards a group also
takes a member's near copy in its article (a fact an article states twice).
"""

from __future__ import annotations

import heapq
import math
from collections import Counter, OrderedDict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from typing import Any

import numpy as np

from newsprism.compare.blocking import candidate_pairs
from newsprism.compare.pairs import FEATURES, Frames, StoryPairs, frames_used, pair_model
from newsprism.compare.predicates import Predicate, one_deed
from newsprism.compare.support import further_support
from newsprism.model import Statement
from newsprism.quotes.identity import one_speaker
from newsprism.settings import CompareSettings
from newsprism.text import (
    DAYS,
    MONTHS,
    content_words,
    counted_things,
    counts_of_things,
    key_terms,
    money_amounts,
    numbers,
    quantities,
    stem,
    words,
)

__all__ = ["Alignment", "Cosines", "align_statements", "cosines"]


@dataclass(frozen=True)
class Alignment:
    """Groups of statement indices, and the similar-but-conflicting pairs."""

    groups: tuple[tuple[int, ...], ...]
    conflicts: tuple[tuple[int, int, float], ...]
    sims: np.ndarray | Cosines
    # Pairs of different articles the pair model finds likely enough to be one fact
    # (``only_here_model``), joined or not: evidence against "only here" and "leaves out".
    related: tuple[tuple[int, int], ...] = ()
    # For each group, a part label per member: the parts its firm joins (all but weak joins,
    # see :func:`_firm_parts`) make of it. A group whose parts each hold one origin is held
    # together across origins only by weak joins: not a confirmed shared fact. Empty: all firm.
    parts: tuple[tuple[int, ...], ...] = ()


def align_statements(
    statements: Sequence[Statement],
    vectors: np.ndarray,
    settings: CompareSettings,
    sentences: np.ndarray | None = None,
    frames: Frames | None = None,
) -> Alignment:
    """Group ``statements`` that tell one fact; ``sentences`` (the vector of each statement's
    sentence, :func:`newsprism.compare.pairs.sentence_vectors`) and ``frames`` (who did what to
    whom, :func:`newsprism.compare.pairs.statement_frames`) inform the pair model."""
    sims = cosines(vectors) if len(statements) else np.zeros((0, 0), dtype=np.float32)
    terms = [key_terms(s.text) for s in statements]
    nums = [quantities(s.text) for s in statements]
    words_ = [set(content_words(s.text)) for s in statements]
    judge = _PairJudge(statements, vectors, settings, sentences, frames)
    candidates, usual, close = _candidates(statements, vectors, sims, terms, nums, words_, judge, settings)
    # The model's verdict is asked only where it can decide: both or neither count something,
    # and below the bands one polarity (an opposite polarity is a veto there).
    counted = np.array(
        [
            bool(counts_of_things(s.text)) if settings.align_gate_things else bool(n)
            for s, n in zip(statements, nums, strict=True)
        ],
        dtype=bool,
    )
    negative = _negative(statements, frames, settings)
    opposed = _Opposed(negative, frames, words_, settings.align_polarity_denied <= 1.0)
    left, right = candidates[:, 0], candidates[:, 1]
    apart = opposed.pairs(candidates)
    judge.prepare(candidates, usual | ~apart)
    # a pair of opposite polarity whose negation denies something else must be surer
    judge.refuse(
        ~usual & ~apart & (opposed.codes[left] != opposed.codes[right]), settings.align_polarity_denied
    )
    # A count on one side only is two facts, unless the other side names the counted thing
    # (it tells the same thing without its count) and the model is sure of the pair.
    one_sided = counted[left] != counted[right]
    told = _count_told(statements, words_, counted, candidates, one_sided)
    # With align_count_support the pair only offers further support (after the groups are
    # formed, with its test of one event); else it may join groups in the clustering.
    counted_sure = (
        [
            (i, j)
            for i, j in candidates[
                one_sided & told & judge.yes & (judge.probability >= settings.align_count_sure)
            ].tolist()
        ]
        if settings.align_count_support and len(judge.yes)
        else []
    )
    judge.refuse(one_sided & ~told, math.inf)
    judge.refuse(one_sided & told, math.inf if settings.align_count_support else settings.align_count_sure)
    vetoes = _Vetoes(statements, settings)
    pairs: list[tuple[float, int, int]] = []
    conflicts: list[tuple[int, int, float]] = []
    clashes: set[tuple[int, int]] = set()
    affinity: dict[tuple[int, int], float] = {}
    judged: set[tuple[int, int]] = set()
    # Out of the bands, a pair the model does not accept is passed over: only these are read.
    read = np.flatnonzero(usual | judge.yes) if judge.on else np.flatnonzero(usual)
    for (i, j), in_band, sim in zip(
        candidates[read].tolist(), usual[read].tolist(), close[read].tolist(), strict=True
    ):
        a, b = statements[i], statements[j]
        if sim < settings.align_strong and vetoes.apply(i, j):
            continue
        if not in_band:
            # Below the embedding bands only the model can join a pair, never against a veto.
            if judge.same(i, j) and not _conflict(opposed(i, j), nums[i], nums[j], words_[i], words_[j], 0.0):
                affinity[i, j] = max(sim, settings.align_mean)
                pairs.append((sim, i, j))
                judged.add((i, j))
            continue
        if _conflict(
            a.polarity != b.polarity, nums[i], nums[j], words_[i], words_[j], settings.negation_same_words
        ):
            conflicts.append((i, j, sim))
            if sim >= settings.contradiction_count_sim and _count_clash(
                nums[i], nums[j], words_[i], words_[j]
            ):
                clashes.add((i, j))
        elif _same_count(sim, negative[i] == negative[j], nums[i], nums[j], settings):
            # As good as a strong pair, also for the average link of the clusters they join.
            affinity[i, j] = max(sim, float(np.float32(settings.align_strong)))
            pairs.append((affinity[i, j], i, j))
        elif _same_fact(
            sim, negative[i] == negative[j], *_counted_alike(terms[i], terms[j], nums[i], nums[j]), settings
        ) and (sim >= settings.align_strong or bool(nums[i]) == bool(nums[j])):
            # In the weak band a count that only one side gives is a fact the other does not
            # state ("Twenty-one people were injured in the fire at Warehouse 7" / "The fire
            # broke out ... on Kestrel Quay").
            pairs.append((sim, i, j))
        elif judge.same(i, j):
            # Reworded: the model's evidence (rare shared words, names, numbers) stands in
            # for the similarity the embedding does not give, also for the average link.
            affinity[i, j] = max(sim, settings.align_mean)
            pairs.append((sim, i, j))
            judged.add((i, j))
    blocked = {(i, j) for i, j, _ in conflicts} | vetoes.amounts
    related = judge.related(settings.only_here_model)  # asked twice below: built once
    if judge.on and settings.align_link <= 1.0:
        # Average link over the model's probability of telling one fact: a look-alike at high
        # cosine no longer takes the place of the reworded statement that tells the fact.
        link = _ModelAffinity(judge, dict.fromkeys(affinity, settings.align_link))
        groups = _cluster_average(
            statements,
            link,
            pairs,
            settings.align_link,
            blocked,
            settings.align_one_polarity,
        )
        if settings.align_second <= 1.0:
            groups += _second_groups(statements, link, pairs, groups, settings, blocked)
        if settings.align_rare_link <= 1.0:
            groups += _rare_groups(statements, negative, terms, nums, link, groups, settings, blocked)
        if settings.align_copy_cosine <= 1.0:
            firm_pairs = [(i, j) for _, i, j in pairs if (i, j) not in judged or (i, j) in judge.strict]
            groups = _near_copies(statements, sims, firm_pairs, groups, settings.align_copy_cosine, blocked)
        if settings.align_extend <= 1.0:
            # Any pair the model finds likely enough may lead a statement to a group, also one
            # the count gate kept from the clustering: the whole group must then vouch for it.
            near = [(i, j) for _, i, j in pairs] + list(related)
            groups = _extend_groups(statements, link, near, groups, settings, blocked)
    else:
        groups = _cluster(
            statements,
            _Affinity(sims, affinity),
            pairs,
            settings.align_mean,
            blocked,
            settings.align_one_polarity,
        )
    strong = tuple(sorted(c for c in conflicts if c[2] >= settings.contradiction_sim or c[:2] in clashes))
    firm = {(i, j) for _, i, j in pairs if (i, j) not in judged} | judge.strict
    if not judge.on or judge.evidence is None:
        return Alignment(groups=groups, conflicts=strong, sims=sims, related=related)
    occasion = _Occasion(statements, judge.evidence, settings.align_occasion_share)
    deeds = _Deeds(
        frames, judge.evidence.names, words_, settings.align_confirm_predicate, settings.align_confirm_agents
    )

    def confirms(a: int, b: int) -> bool:
        if not ((a, b) in firm or judge.probability_of(a, b) >= judge.sure > 0):
            return False  # the cheap test first: a lazy matrix computes sims[a, b] on each read
        # a near paraphrase needs no more: one fact told in the occasion's own words
        specific = occasion.specific(a, b) or float(sims[a, b]) >= settings.align_occasion_cosine
        return specific and deeds.alike(a, b)

    if settings.align_support <= 1.0 and settings.align_link <= 1.0:
        vouch = confirms if settings.align_support_vouch else None
        offered = pairs + [(0.0, i, j) for i, j in counted_sure]
        groups = _further_support(statements, judge, offered, groups, settings, blocked, vouch)
    return Alignment(
        groups=groups,
        conflicts=strong,
        sims=sims,
        related=related,
        parts=tuple(_firm_parts(g, confirms) for g in groups),
    )


class _Occasion:
    """The story's occasion: the words, names (a person's given name counted as the surname it
    stands before), numbers, weekdays and months more than ``share`` of its statements carry:
    its people, place and event, which nearly every statement names. Two different statements
    of one story share them; one fact told twice shares something more specific."""

    def __init__(self, statements: Sequence[Statement], ev: StoryPairs, share: float) -> None:
        self.on = share < 1.0
        self.specific_terms: list[set[object]] = []
        if not self.on:
            return
        head = _name_heads(statements)
        bags = [
            {_term(w, head, ev.names[i]) for w in content_words(st.text) if not numbers(w)}
            | {("name", head.get(t, t)) for t in ev.names[i]}
            | {("number", t) for t in ev.numbers[i]}
            | {("date", t) for t in ev.dates[i]}
            for i, st in enumerate(statements)
        ]
        df = Counter(t for bag in bags for t in bag)
        # never fewer than one statement per article: a fact every outlet states is no occasion
        most = max(share * len(bags), float(len(set(ev.articles))))
        # "one" is the commonest number and mostly no count ("one of us", "no one", a list's
        # "1)"): no evidence that two statements tell one fact
        self.specific_terms = [{t for t in bag if df[t] <= most and t != ("number", "1")} for bag in bags]

    def specific(self, i: int, j: int) -> bool:
        """Whether statements ``i`` and ``j`` share a term that is not the occasion's (always,
        with the test off)."""
        return not self.on or not self.specific_terms[i].isdisjoint(self.specific_terms[j])


class _Deeds:
    """Who did what in each statement (its parsed predicate, compare/predicates.py): a join
    confirms its group only between statements that can tell one deed (:func:`one_deed`): a rare
    word both share says nothing of what happened when two doers did it ("Trump fired back" /
    "Romney fired back") or two things happened ("Sanders kept campaigning" / "the campaign went
    into overdrive"). A statement without a parsed predicate is not judged."""

    def __init__(
        self,
        frames: Frames | None,
        names: Sequence[set[str]],
        words_: Sequence[set[str]],
        floor: float,
        agents: bool = True,
    ) -> None:
        self.on = floor <= 1.0 and frames is not None
        # a word the story writes as a name is one wherever the tagger missed it ("Trump fired
        # back", read as a common noun at the start of a sentence)
        story_names = {n for found in names for n in found} if self.on else set()
        self.predicates = [_named(f.predicate, story_names) for f in frames.frames] if frames else []
        self.vectors = frames.phrase_vectors if frames else {}
        self.verb_vectors = frames.verb_vectors if frames else {}
        self.verbs = (
            [f.verbs | ({f.predicate.lemma.split()[0]} if f.predicate else set()) for f in frames.frames]
            if frames
            else []
        )
        self.words = words_
        self.floor = floor
        self.agents = agents

    def alike(self, i: int, j: int) -> bool:
        """Whether statements ``i`` and ``j`` can tell one deed (always, with the test off)."""
        if not self.on:
            return True
        a, b = self.predicates[i], self.predicates[j]
        if a is None or b is None:
            return True
        va, vb = self.vectors.get(a.phrase), self.vectors.get(b.phrase)
        similarity = float(va @ vb) if va is not None and vb is not None else 0.0
        if one_deed(a, b, similarity, self.floor, self.agents):
            return True
        # the main predicate is read from a fragile parse ("knocking Cruz out of the race" /
        # "leading Cruz to drop out of the race"): any verb of the one may tell the other's deed
        return not (self.agents and a.apart_from(b)) and self._some_verb(i, j)

    def _some_verb(self, i: int, j: int) -> bool:
        """Whether a content verb of ``i`` and one of ``j`` are one (the same lemma or verbs at
        least ``floor`` alike), or one's verb is a word of the other ("finished third" / "his
        third-place finish", "announced" / "the announcement")."""
        vi, vj = self.verbs[i], self.verbs[j]
        if (
            vi & vj
            or any(_nominal(v, self.words[j]) for v in vi)
            or any(_nominal(v, self.words[i]) for v in vj)
        ):
            return True
        left = [self.verb_vectors[v] for v in vi if v in self.verb_vectors]
        right = [self.verb_vectors[v] for v in vj if v in self.verb_vectors]
        return bool(left and right) and float((np.asarray(left) @ np.asarray(right).T).max()) >= self.floor


def _named(predicate: Predicate | None, names: set[str]) -> Predicate | None:
    """``predicate`` with each argument that is one of the story's ``names`` keyed as a name."""
    if predicate is None:
        return None

    def key(arg: str | None) -> str | None:
        return "@" + arg if arg is not None and arg in names else arg

    return replace(
        predicate,
        subject=key(predicate.subject),
        object=key(predicate.object),
        oblique=key(predicate.oblique),
    )


def _nominal(lemma: str, words_: set[str]) -> bool:
    """Whether ``words_`` hold a noun made of the verb ``lemma`` ("announce" / "announcement",
    "elect" / "election", "win" / "winner")."""
    root = lemma.split()[0].removesuffix("e")
    return len(root) >= 3 and any(w.startswith(root) for w in words_)


def _term(word: str, head: dict[str, str], names: set[str]) -> str | tuple[str, str]:
    """A word's stem, or, written as one of the statement's ``names``, the name it is part of
    (:func:`_name_heads`)."""
    return ("name", head[word]) if word in names and word in head else stem(word)


def _name_heads(statements: Sequence[Statement]) -> dict[str, str]:
    """The name word each lower-cased name word stands for: a word the story mostly writes just
    before one other name word at least as frequent ("Hillary" before "Clinton", "Reince" before
    "Priebus", a middle initial skipped) is part of that person's name, as frequent as it."""
    seen: Counter[str] = Counter()
    before: dict[str, Counter[str]] = {}
    for st in statements:
        # capitalised words in a row (None between them), initials left out
        toks = [
            t.rstrip(".").lower() if k and t[:1].isupper() else None for k, t in enumerate(words(st.text))
        ]
        toks = [t for t in toks if t is None or len(t) > 1]
        seen.update(t for t in toks if t)
        for a, b in zip(toks, toks[1:], strict=False):
            if a and b:
                before.setdefault(a, Counter())[b] += 1
    head: dict[str, str] = {}
    for a, after in before.items():
        b, n = after.most_common(1)[0]
        if b != a and 3 * n >= 2 * seen[a] and seen[b] >= seen[a]:
            head[a] = b
    for a in list(head):  # "Debbie" -> "Wasserman" -> "Schultz"
        seen_chain = {a}
        while head[a] in head and head[head[a]] not in seen_chain:
            seen_chain.add(head[a])
            head[a] = head[head[a]]
    return head


def _firm_parts(group: Sequence[int], confirms: Callable[[int, int], bool]) -> tuple[int, ...]:
    """A part label per member of ``group``: members linked by confirming joins share one.
    Firm: a pair the embedding and key terms join, one the model accepts with strict evidence (a
    name or rare words overlapping at least ``align_second_names`` /
    ``align_second_evidence_words``, a number, a date), or one it finds at least
    ``align_model_sure`` likely; it confirms when the two also share a term specific to the fact,
    not the story's occasion (:class:`_Occasion`), or are near paraphrases
    (``align_occasion_cosine``: "We don't attack X or Y" / "We are not attacking X or Y"). Other
    joins (a weak join held only by a
    moderately rare shared word, or a firm one held by the occasion alone) keep their group but
    do not confirm it."""
    label = list(range(len(group)))

    def root(k: int) -> int:
        while label[k] != k:
            label[k] = label[label[k]]
            k = label[k]
        return k

    for x, i in enumerate(group):
        for y in range(x + 1, len(group)):
            a, b = min(i, group[y]), max(i, group[y])
            if root(x) != root(y) and confirms(a, b):
                label[root(y)] = root(x)
    return tuple(root(k) for k in range(len(group)))


def _negative(statements: Sequence[Statement], frames: Frames | None, s: CompareSettings) -> list[bool]:
    """Whether each statement denies what it tells, for the polarity gates: its own predicate's
    negation read from the parse (``align_predicate_polarity``, where a frame has it), else any
    negation in its text (a negated aside or quoted phrase then makes the statement negative)."""
    own = [st.polarity == "negative" for st in statements]
    if not s.align_predicate_polarity or frames is None:
        return own
    return [o if f.negated is None else f.negated for o, f in zip(own, frames.frames, strict=True)]


class _Opposed:
    """Whether two statements are of opposite polarity for the gates below the bands. With
    ``denied`` on, only where the negative one denies something the other tells (a word of the
    other with the stem of a lemma its negation denies, :func:`newsprism.compare.pairs._denied`):
    "the editorials were not endorsements of Clinton, who is in a tight race" denies nothing
    "Clinton and Sanders are locked in a tight race" tells, "Clinton did not win Missouri" does
    deny what "Clinton won Missouri" tells. A negation whose denied words were not read opposes
    any affirmation."""

    def __init__(
        self, negative: Sequence[bool], frames: Frames | None, words_: Sequence[set[str]], denied: bool
    ) -> None:
        self.negative = negative
        self.codes = _codes(negative)
        self.denied = (
            [{stem(w) for w in f.denied} for f in frames.frames] if denied and frames is not None else None
        )
        # the other's words and its verbs' lemmas ("won" is the "win" a negation denies)
        self.stems = (
            [{stem(w) for w in ws | f.verbs} for ws, f in zip(words_, frames.frames, strict=True)]
            if self.denied is not None and frames is not None
            else []
        )

    def __call__(self, i: int, j: int) -> bool:
        if self.negative[i] == self.negative[j]:
            return False
        if self.denied is None:
            return True
        neg, other = (i, j) if self.negative[i] else (j, i)
        return not self.denied[neg] or not self.denied[neg].isdisjoint(self.stems[other])

    def pairs(self, pairs: np.ndarray) -> np.ndarray:
        """Whether each of ``pairs`` (an ``(m, 2)`` array) is opposed."""
        out = self.codes[pairs[:, 0]] != self.codes[pairs[:, 1]] if len(pairs) else np.zeros(0, dtype=bool)
        if self.denied is not None:
            for k in np.flatnonzero(out).tolist():
                out[k] = self(int(pairs[k, 0]), int(pairs[k, 1]))
        return out


def _count_told(
    statements: Sequence[Statement],
    words_: Sequence[set[str]],
    counted: np.ndarray,
    pairs: np.ndarray,
    one_sided: np.ndarray,
) -> np.ndarray:
    """For each of ``pairs`` marked ``one_sided`` (only the ``counted`` side counts something),
    whether the other side names a thing that side counts ("officers shot the teenager" / "two
    officers shot him"): the same thing told without its count, not a second fact ("Twenty-one
    people were injured" / "The fire broke out on the quay")."""
    out = np.zeros(len(pairs), dtype=bool)
    things: dict[int, set[str]] = {}
    stems: dict[int, set[str]] = {}
    for k in np.flatnonzero(one_sided).tolist():
        i, j = int(pairs[k, 0]), int(pairs[k, 1])
        counting, other = (i, j) if counted[i] else (j, i)
        if counting not in things:
            text = statements[counting].text
            things[counting] = set(quantities(text)) | set(counted_things(text))
        if other not in stems:
            stems[other] = {stem(w) for w in words_[other]}
        out[k] = not things[counting].isdisjoint(stems[other])
    return out


def _codes(values: Sequence[object]) -> np.ndarray:
    """Each value as a small integer (equal values, equal codes)."""
    codes: dict[str, int] = {}
    return np.array([codes.setdefault(v, len(codes)) for v in values], dtype=np.int64)


def _candidates(
    statements: Sequence[Statement],
    vectors: np.ndarray,
    sims: np.ndarray | Cosines,
    terms: Sequence[set[str]],
    nums: Sequence[dict[str, set[str]]],
    words_: Sequence[set[str]],
    judge: _PairJudge,
    s: CompareSettings,
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Pairs of different articles worth a look (an ``(m, 2)`` array, sorted), whether each is
    in the embedding bands (else only the pair model may join it) and its similarity. In the
    bands: similarity over the weak floor, or over the count floor when both count something
    (only counts can align or clash there). Pairs come from blocking (compare/blocking.py):
    embedding neighbours and rare shared terms. Arrays, not lists of tuples: at 500 articles
    a story has millions of candidates."""
    if not len(statements):
        return np.zeros((0, 2), dtype=np.int64), np.zeros(0, dtype=bool), np.zeros(0, dtype=np.float32)
    counted = np.array([bool(n) for n in nums], dtype=bool)
    high = min(s.align_weak, s.contradiction_sim)
    low = min(s.align_count, s.contradiction_count_sim)
    floor = min(high, low, judge.floor if judge.on else high)
    bags = [
        {"w:" + stem(w) for w in ws} | {"k:" + t for t in ts} for ws, ts in zip(words_, terms, strict=True)
    ]
    found = candidate_pairs(
        vectors,
        [st.article_id for st in statements],
        floor,
        s.align_neighbours,
        bags,
        s.align_rare,
        sims,  # blocking reads rows by slice and pairs by arrays: a Cosines serves both
    )
    i, j = found[:, 0], found[:, 1]
    close = sims[i, j]
    in_band = (close >= high) | ((close >= low) & counted[i] & counted[j])
    keep = in_band | ((close >= judge.floor) if judge.on else False)
    return found[keep], in_band[keep], close[keep]


# Up to this many rows the whole similarity matrix is kept (1 GB in float32); past it (at
# 500 articles a story has ~50,000 statements: 10 GB) rows are computed when asked. Lazy
# rows cost more CPU where steps ask a group's rows at a time (the ledger: at 200 articles,
# 13,145 statements, the whole brief took 86 CPU s with them against 51 with the matrix).
_DENSE_UP_TO = 16_384
_ROWS = 256  # rows per matrix product
_MIN_ROWS = 2  # one row is a matrix-vector product, which BLAS sums in another order
_SCORED = 50_000  # candidate pairs whose features are computed at once
_ASKED = 64  # rows asked at once up to which they are kept for the next asks
_KEEP = 1 << 25  # values of recently asked rows kept (128 MB in float32)
_WORDS = FEATURES.index("words")


def cosines(vectors: np.ndarray) -> np.ndarray | Cosines:
    """``vectors @ vectors.T``, or past ``_DENSE_UP_TO`` rows a :class:`Cosines` that gives
    the same values where asked without holding the whole matrix."""
    return vectors @ vectors.T if len(vectors) <= _DENSE_UP_TO else Cosines(vectors)


class Cosines:
    """The dense ``vectors @ vectors.T`` read by index (``[i, j]``, rows by slice or list,
    ``[rows, cols]`` arrays, ``np.ix_``) without holding it: each value is computed by the
    same BLAS product as the dense matrix's, ``vectors[rows] @ vectors.T`` with at least
    ``_MIN_ROWS`` rows, so it is equal to the last bit (a pair's own dot product is not:
    a tie at a threshold could flip). Rows asked one value or a few at a time are kept a while."""

    def __init__(self, vectors: np.ndarray) -> None:
        self.vectors = vectors
        self._kept: OrderedDict[int, np.ndarray] = OrderedDict()
        self._keep = max(2 * _ASKED, _KEEP // max(1, len(vectors)))

    def __len__(self) -> int:
        return len(self.vectors)

    def __getitem__(self, key: Any) -> Any:
        if isinstance(key, tuple):
            r, c = key
            if isinstance(r, int | np.integer) and isinstance(c, int | np.integer):
                return self._one(int(r), int(c))
            rows, cols = np.broadcast_arrays(np.asarray(r), np.asarray(c))
            return self.pairs(rows, cols)
        idx = np.arange(len(self))[key]
        return self.rows(idx.reshape(-1))[0] if idx.ndim == 0 else self.rows(idx)

    def rows(self, idx: np.ndarray) -> np.ndarray:
        """The rows ``idx`` of the dense matrix; a few rows (a group's members, asked by
        several steps) are kept a while."""
        if len(idx) > _ASKED:
            return self._product(idx)
        wanted = idx.tolist()
        for k in wanted:
            if k in self._kept:
                self._kept.move_to_end(k)  # not to be dropped for the missing ones
        missing = [k for k in dict.fromkeys(wanted) if k not in self._kept]
        if missing:
            self._keep_rows(missing)
        if not wanted:
            return np.empty((0, len(self)), dtype=np.result_type(self.vectors, self.vectors))
        return np.stack([self._kept[k] for k in wanted])

    def _product(self, idx: np.ndarray) -> np.ndarray:
        parts = []
        for start in range(0, max(1, len(idx)), _ROWS):
            chunk = np.asarray(idx[start : start + _ROWS], dtype=np.int64)
            pad = np.arange(max(0, _MIN_ROWS - len(chunk))) % max(1, len(self))
            parts.append((self.vectors[np.concatenate([chunk, pad])] @ self.vectors.T)[: len(chunk)])
        return np.concatenate(parts)

    def _keep_rows(self, missing: list[int]) -> None:
        # the rows after the last one asked come at no cost (a product needs _MIN_ROWS rows),
        # and a scan asks them next
        extra = (missing[-1] + 1 + np.arange(max(0, _MIN_ROWS - len(missing)))) % len(self)
        idx = np.concatenate([np.asarray(missing, dtype=np.int64), extra])
        for k, values in zip(idx.tolist(), self._product(idx), strict=True):
            self._kept[k] = values
            self._kept.move_to_end(k)
        while len(self._kept) > self._keep:
            self._kept.popitem(last=False)

    def pairs(self, r: np.ndarray, c: np.ndarray) -> np.ndarray:
        """The values at ``(r[k], c[k])``, rows computed once each, ``_ROWS`` at a time."""
        flat_r, flat_c = r.reshape(-1), c.reshape(-1)
        order = np.argsort(flat_r, kind="stable")
        uniq, first = np.unique(flat_r[order], return_index=True)
        out = np.empty(len(flat_r), dtype=np.result_type(self.vectors, self.vectors))
        for start in range(0, len(uniq), _ROWS):
            rows = uniq[start : start + _ROWS]
            stop = first[start + _ROWS] if start + _ROWS < len(uniq) else len(order)
            take = order[first[start] : stop]
            out[take] = self.rows(rows)[np.searchsorted(rows, flat_r[take]), flat_c[take]]
        return out.reshape(r.shape)

    def _one(self, i: int, j: int) -> Any:
        # a dot product gives the same bits both ways round: a kept row j serves (i, j)
        for row, col in ((i, j), (j, i)):
            if row in self._kept:
                self._kept.move_to_end(row)
                return self._kept[row][col]
        self._keep_rows([i])
        return self._kept[i][j]


class _Affinity:
    """The similarity matrix with the pairs alignment vouches for raised (a reworded pair counts
    as close for the average link of the clusters it joins), without copying the matrix."""

    def __init__(self, sims: np.ndarray | Cosines, raised: dict[tuple[int, int], float]) -> None:
        self.sims = sims
        self.raised: dict[int, dict[int, float]] = {}
        for (i, j), value in raised.items():
            self.raised.setdefault(i, {})[j] = value
            self.raised.setdefault(j, {})[i] = value

    def block_mean(self, left: list[int], right: list[int]) -> float:
        block = self.sims[np.ix_(left, right)]
        column = {y: c for c, y in enumerate(right)}
        for r, x in enumerate(left):
            for y, value in self.raised.get(x, {}).items():
                if y in column:
                    block[r, column[y]] = value
        return float(block.mean())


class _ModelAffinity:
    """The pair model's probability of one fact, for any pair (scored on first use), with the
    pairs alignment vouches for raised to at least the linking floor."""

    def __init__(self, judge: _PairJudge, raised: dict[tuple[int, int], float]) -> None:
        self.judge = judge
        self.raised = raised

    def block_total(self, left: list[int], right: list[int]) -> int:
        """The exact sum of the pairs' values over ``left`` x ``right``, in units of 2**-1074
        (every float is a whole number of them): block totals add up without rounding, so
        a merged cluster's total is the sum of its parts' and the mean does not depend on
        the order of the merges."""
        if len(left) == 1 and len(right) == 1:  # most blocks: one pair, scored already
            x, y = left[0], right[0]
            q = (x, y) if x < y else (y, x)
            p = self.judge.known.get(q)
            if p is None:
                p = self.judge.probabilities([q])[0]
            raised = self.raised.get(q)
            return _exact(p if raised is None or p >= raised else raised)
        pairs = [(x, y) if x < y else (y, x) for x in left for y in right]
        probs = self.judge.probabilities(pairs)
        return sum(_exact(max(p, self.raised.get(q, 0.0))) for q, p in zip(pairs, probs, strict=True))

    def block_mean(self, left: list[int], right: list[int]) -> float:
        """The mean value of the pairs over ``left`` x ``right``."""
        return _exact_mean(self.block_total(left, right), len(left) * len(right))

    def prefetch(self, blocks: list[tuple[list[int], list[int]]]) -> None:
        """Score the pairs of each block (left x right) not scored yet in one call (the
        blocks a merge asks next: one call each costs more than the features themselves)."""
        self.judge.probabilities(
            [(min(x, y), max(x, y)) for left, right in blocks for y in right for x in left]
        )


def _exact(value: float) -> int:
    """``value`` (>= 0) as a whole number of 2**-1074, the smallest float step."""
    num, den = value.as_integer_ratio()
    return num << (1075 - den.bit_length())


def _exact_mean(total: int, count: int) -> float:
    """The float nearest to ``total`` (in 2**-1074) over ``count`` (int division rounds correctly)."""
    return total / (count << 1074)


class _PairJudge:
    """The pair model's verdict (compare/pairs.py), or always no when it is off or absent."""

    def __init__(
        self,
        statements: Sequence[Statement],
        vectors: np.ndarray,
        s: CompareSettings,
        sentences: np.ndarray | None = None,
        frames: Frames | None = None,
    ) -> None:
        self.model = pair_model() if s.align_model < 1.0 else None
        self.min = s.align_model
        # Frame features are read only when the model weighs them (a walk per pair otherwise).
        framed = frames if frames_used() else None
        self.evidence = (
            StoryPairs(statements, vectors, sentences, framed, s.align_date_alone)
            if self.model and len(statements)
            else None
        )
        self.floor = s.align_model_floor
        self.min_words = s.align_model_words
        self.sure = s.align_model_sure
        self.second_names = s.align_second_names
        self.second_words = s.align_second_evidence_words
        self.second_rarity = s.align_second_rarity
        self.keep_weak = s.align_keep_weak
        self.nearest = s.align_model_nearest
        self.nearest_rank = s.align_model_nearest_rank
        self.accepted: set[tuple[int, int]] = set()
        # Accepted pairs whose evidence passes without the rarity way (see ``_evidence``).
        self.strict: set[tuple[int, int]] = set()
        self.n = len(statements)
        # The prepared pairs, their probabilities and verdicts, and their codes i * n + j
        # sorted (``order``: the pair of each); pairs scored later are kept in ``known``.
        self.pairs = np.zeros((0, 2), dtype=np.int64)
        self.codes = np.zeros(0, dtype=np.int64)
        self.order = np.zeros(0, dtype=np.int64)
        self.probability = np.zeros(0)
        self.words = np.zeros(0)  # the "words" feature of each prepared pair
        self.yes = np.zeros(0, dtype=bool)
        self.known: dict[tuple[int, int], float] = {}

    @property
    def on(self) -> bool:
        """Whether the model looks at pairs beyond the usual candidates (from ``floor`` up)."""
        return self.evidence is not None

    def prepare(self, pairs: np.ndarray, eligible: np.ndarray) -> None:
        """Score ``pairs`` (an ``(m, 2)`` array) at once (features are computed in bulk); only
        ``eligible`` ones can be accepted as one fact."""
        if self.model is None or self.evidence is None or not len(pairs):
            return
        self.pairs, self.probability, self.words = pairs, np.zeros(len(pairs)), np.zeros(len(pairs))
        codes = pairs[:, 0] * self.n + pairs[:, 1]
        self.order = np.argsort(codes, kind="stable")
        self.codes = codes[self.order]
        evidence = np.zeros(len(pairs), dtype=bool)
        strict = np.zeros(len(pairs), dtype=bool)
        # In slices: at 500 articles the features of every candidate at once took over 10 GB
        # (the scores do not depend on the slice: compare/pairs.py scores row by row).
        for start in range(0, len(pairs), _SCORED):
            x = self.evidence.matrix(pairs[start : start + _SCORED])
            self.probability[start : start + len(x)] = self.model.probability(x)
            self.words[start : start + len(x)] = x[:, _WORDS]
            evidence[start : start + len(x)], strict[start : start + len(x)] = self._evidence(
                pairs[start : start + len(x)], x, self.probability[start : start + len(x)]
            )
        self.yes = evidence & (self.probability >= self.min) & np.asarray(eligible, dtype=bool)
        self.accepted = {(i, j) for i, j in pairs[self.yes].tolist()}
        self.strict = {(i, j) for i, j in pairs[self.yes & strict].tolist()}

    def refuse(self, where: np.ndarray, floor: float) -> None:
        """Refuse the prepared pairs marked in ``where`` that the model finds under ``floor``."""
        if not len(self.yes):
            return
        drop = np.asarray(where, dtype=bool) & self.yes & (self.probability < floor)
        if drop.any():
            self.yes &= ~drop
            refused = {(i, j) for i, j in self.pairs[drop].tolist()}
            self.accepted -= refused
            self.strict -= refused

    def _evidence(
        self, pairs: np.ndarray, x: np.ndarray, probability: np.ndarray
    ) -> tuple[np.ndarray, np.ndarray]:
        """Whether each of ``pairs`` (feature rows ``x``) holds the evidence its probability
        needs, and whether it does without the rarity way (the strict test). A rewording still shares a name, a number or some rare words. Below
        ``align_model_sure`` the model leans on the two sentences' topic (their embeddings, a
        lead position), which two different statements of one story share: such a pair also
        needs a second, specific kind of evidence, a name, a number, a date, several rare words,
        or a word or name few other statements of the story use."""
        col = {f: x[:, FEATURES.index(f)] for f in ("words", "names", "numbers", "dates")}
        some = (col["words"] >= self.min_words) | (col["names"] > 0) | (col["numbers"] > 0)
        specific = (
            (col["names"] >= self.second_names)
            | (col["numbers"] > 0)
            | (col["dates"] > 0)
            | (col["words"] >= self.second_words)
        )
        # under ``align_model_nearest`` the pair must also stand out of the story's topic
        weak = np.flatnonzero(some & (probability < self.nearest) & (probability >= self.min))
        if self.evidence is not None and len(weak):
            some[weak] = self.evidence.nearest(pairs[weak], self.nearest_rank)
        strict = some & ((probability >= self.sure) | specific)
        ok = strict.copy()
        if self.keep_weak:  # kept, unconfirmed: only strict pairs make a group's firm parts
            return some, strict
        ask = np.flatnonzero(some & ~ok & (probability >= self.min))
        if self.evidence is not None and len(ask):
            ok[ask] = [self._rare_shared(self.evidence, i, j) for i, j in pairs[ask].tolist()]
        return ok, strict

    def _rare_shared(self, ev: StoryPairs, i: int, j: int) -> bool:
        """Whether ``i`` and ``j`` share a word stem or a name that few statements of the story
        use: its rarity (idf) at least ``align_second_rarity`` of the rarest possible."""
        floor = self.second_rarity * math.log(self.n + 1)
        return any(ev.idf[t] >= floor for t in ev.stems[i] & ev.stems[j]) or any(
            ev.name_idf[t] >= floor for t in ev.names[i] & ev.names[j]
        )

    def probability_of(self, i: int, j: int) -> float:
        return float(self.probabilities([(i, j)])[0])

    def probabilities(self, pairs: list[tuple[int, int]]) -> list[float]:
        """The model's probability for ``pairs`` (``i < j``), scoring those not yet scored."""
        ask = [p for p in dict.fromkeys(pairs) if p not in self.known]
        if ask:
            # looked up once in the prepared pairs, then kept with the pairs scored since
            new = []
            for p, got in zip(ask, self._prepared(ask), strict=True):
                if got is None:
                    new.append(p)
                else:
                    self.known[p] = got
            if new and self.model is not None and self.evidence is not None:
                self.known.update(
                    zip(new, self.model.probability(self.evidence.matrix(new)).tolist(), strict=True)
                )
        return [self.known.get(p, 0.0) for p in pairs]

    def _prepared(self, pairs: list[tuple[int, int]], values: np.ndarray | None = None) -> list[float | None]:
        """The probability (or of ``values``, another per-pair array of :meth:`prepare`) of
        each of ``pairs`` scored by :meth:`prepare`, else None."""
        if not len(self.codes):
            return [None] * len(pairs)
        codes = np.array([i * self.n + j for i, j in pairs], dtype=np.int64)
        at = np.minimum(np.searchsorted(self.codes, codes), len(self.codes) - 1)
        hit = (self.codes[at] == codes).tolist()
        found = (self.probability if values is None else values)[self.order[at]].tolist()
        return [p if ok else None for p, ok in zip(found, hit, strict=True)]

    def shared_words(self, pairs: list[tuple[int, int]]) -> list[float]:
        """The "words" feature of ``pairs`` (``i < j``): kept by :meth:`prepare`, else computed."""
        found = self._prepared(pairs, self.words)
        missing = [p for p, got in zip(pairs, found, strict=True) if got is None]
        if missing and self.evidence is not None:
            extra = iter(self.evidence.matrix(missing)[:, _WORDS].tolist())
            found = [next(extra) if got is None else got for got in found]
        return [0.0 if got is None else got for got in found]

    def related(self, floor: float) -> tuple[tuple[int, int], ...]:
        """Scored pairs at least ``floor`` likely to be one fact."""
        return tuple((i, j) for i, j in self.pairs[self.probability >= floor].tolist())

    def same(self, i: int, j: int) -> bool:
        return (i, j) in self.accepted


_QUOTE_MARKS = frozenset('"“”«»')


class _Vetoes:
    """Pairs that tell two facts whatever the model says: statements attributed to speakers who
    cannot be one person or body, and money amounts with no value in common. A vetoed pair is
    not joined; a pair of different amounts also keeps their groups apart (``amounts``)."""

    def __init__(self, statements: Sequence[Statement], s: CompareSettings) -> None:
        # Only quoted words: a report of what someone said may be told under another source
        # ("the campaign said" / "Clinton said"), quoted words have one speaker.
        self.speakers = (
            [st.attributed_to if _QUOTE_MARKS & set(st.text) else None for st in statements]
            if s.align_speaker_veto
            else None
        )
        self.money = [money_amounts(st.text) for st in statements] if s.align_money_veto else None
        self.amounts: set[tuple[int, int]] = set()

    def apply(self, i: int, j: int) -> bool:
        if self.money is not None and self.money[i] and self.money[j] and not self.money[i] & self.money[j]:
            self.amounts.add((i, j))
            return True
        if self.speakers is None:
            return False
        a, b = self.speakers[i], self.speakers[j]
        return bool(a and b) and not one_speaker(a, b)  # type: ignore[arg-type]


def _conflict(
    opposite: bool,
    nums_a: dict[str, set[str]],
    nums_b: dict[str, set[str]],
    words_a: set[str],
    words_b: set[str],
    negation_same: float,
) -> bool:
    """Opposite polarity (``opposite``) in nearly the same words, or different counts of one
    thing ("12 people" / "21 people"). Polarity alone is not enough: one sentence may add a
    negated clause of its own."""
    if opposite and _jaccard(words_a, words_b) >= negation_same:
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
    affinity: _Affinity,
    pairs: list[tuple[float, int, int]],
    mean_min: float,
    blocked: set[tuple[int, int]],
    one_polarity: bool = True,
) -> tuple[tuple[int, ...], ...]:
    if one_polarity:
        pairs = [p for p in pairs if statements[p[1]].polarity == statements[p[2]].polarity]
    cluster_of = list(range(len(statements)))
    members: dict[int, list[int]] = {i: [i] for i in range(len(statements))}
    articles: dict[int, set[str]] = {i: {st.article_id} for i, st in enumerate(statements)}
    against = _neighbours(blocked)
    for _, i, j in sorted(pairs, key=lambda p: (-p[0], p[1], p[2])):
        ci, cj = cluster_of[i], cluster_of[j]
        if ci == cj or articles[ci] & articles[cj]:
            continue
        left, right = members[ci], members[cj]
        if affinity.block_mean(left, right) < mean_min:
            continue
        if any(cluster_of[y] == cj for x in left for y in against.get(x, ())):
            continue
        members[ci] = left + right
        articles[ci] |= articles.pop(cj)
        for k in right:
            cluster_of[k] = ci
        del members[cj]
    return tuple(sorted(tuple(sorted(m)) for m in members.values()))


def _neighbours(pairs: Iterable[tuple[int, int]]) -> dict[int, set[int]]:
    """Each index with the indices it is paired with."""
    out: dict[int, set[int]] = {}
    for x, y in pairs:
        out.setdefault(x, set()).add(y)
        out.setdefault(y, set()).add(x)
    return out


def _cluster_average(
    statements: Sequence[Statement],
    affinity: _ModelAffinity,
    pairs: list[tuple[float, int, int]],
    mean_min: float,
    blocked: set[tuple[int, int]],
    one_polarity: bool = True,
) -> tuple[tuple[int, ...], ...]:
    """Average-link clustering over the accepted pairs: the two clusters with the highest mean
    probability merge first (not the clusters of the most probable single pair), while that
    mean is at least ``mean_min``, one statement per article, and no vetoed pair inside.
    With ``one_polarity`` only pairs of one polarity link, so every group has one polarity."""
    if one_polarity:
        pairs = [p for p in pairs if statements[p[1]].polarity == statements[p[2]].polarity]
    cluster_of = list(range(len(statements)))
    members: dict[int, list[int]] = {i: [i] for i in range(len(statements))}
    articles: dict[int, set[str]] = {i: {st.article_id} for i, st in enumerate(statements)}
    # Per cluster (keyed like ``members``, merged with them): the statements its members link
    # to and those they are vetoed with, so a merge reads each once, not each member's.
    links = _neighbours((i, j) for _, i, j in pairs)
    against = _neighbours(blocked)
    version = dict.fromkeys(members, 0)
    # Exact block totals of cluster pairs already scored, both ways round: when b joins a, the
    # total of a and c is the old total of a and c plus that of b and c (Lance-Williams), so a
    # merge costs only the blocks not scored yet instead of every pair of the grown cluster.
    totals: dict[int, dict[int, int]] = {}
    # Right after a merge: the merged cluster's two parts, and per cluster the total of one
    # part where only one is known (the other is scored when first needed).
    split: tuple[int, list[int], list[int], dict[int, tuple[int | None, int | None]]] | None = None

    def block(a: int, c: int) -> int:
        if split is None or split[0] != a or c not in split[3]:
            return affinity.block_total(members[a], members[c])
        _, first, second, halves = split
        left, right = halves[c]
        left = affinity.block_total(first, members[c]) if left is None else left
        right = affinity.block_total(second, members[c]) if right is None else right
        return left + right

    def linkable(a: int, b: int) -> bool:
        if not articles[a].isdisjoint(articles[b]):
            return False
        vetoed = against.get(a)  # most clusters have none
        return not vetoed or not any(cluster_of[y] == b for y in vetoed)

    def score(a: int, b: int) -> float | None:
        return scored(a, b) if linkable(a, b) else None

    def scored(a: int, b: int) -> float | None:
        known = totals.get(a)
        if known is None:
            known = totals[a] = {}
        total = known.get(b)
        if total is None:
            total = known[b] = totals.setdefault(b, {})[a] = block(a, b)
        mean = _exact_mean(total, len(members[a]) * len(members[b]))
        return mean if mean >= mean_min else None

    def merge_totals(a: int, b: int) -> dict[int, tuple[int | None, int | None]]:
        """Sum the totals of ``a`` and ``b`` with each cluster both know; return the known
        part where only one does."""
        old_a, old_b = totals.pop(a, {}), totals.pop(b, {})
        old_a.pop(b, None)
        old_b.pop(a, None)
        for c in old_a:
            del totals[c][a]
        for c in old_b:
            del totals[c][b]
        merged = totals[a] = {}
        for c in old_a.keys() & old_b.keys():
            merged[c] = totals[c][a] = old_a[c] + old_b[c]
        return {c: (old_a.get(c), old_b.get(c)) for c in old_a.keys() ^ old_b.keys()}

    heap: list[tuple[float, int, int, int, int]] = []
    # Every pair's own value scored in one call (a call per pair cost more than the values).
    affinity.judge.probabilities([(i, j) if i < j else (j, i) for _, i, j in pairs])
    for _, i, j in pairs:
        got = score(i, j)
        if got is not None:
            heapq.heappush(heap, (-got, i, j, 0, 0))
    while heap:
        _, a, b, va, vb = heapq.heappop(heap)
        if a not in members or b not in members or version[a] != va or version[b] != vb:
            continue
        halves = merge_totals(a, b)
        first, second = members[a], members.pop(b)
        split = (a, first, second, halves)
        members[a] = first + second
        articles[a] |= articles.pop(b)
        for per_cluster in (links, against):  # each cluster's own sets: grown in place
            if b in per_cluster:
                theirs = per_cluster.pop(b)
                if a in per_cluster:
                    per_cluster[a] |= theirs
                else:
                    per_cluster[a] = theirs
        for k in second:  # the first part's are a's already
            cluster_of[k] = a
        version[a] += 1
        del version[b]
        near = _linkable_near(a, links, cluster_of, members, articles, against)
        affinity.prefetch(
            [(_unsummed(halves.get(c), first, second), members[c]) for c in near if c not in totals[a]]
        )
        for c in near:
            got = scored(a, c)
            if got is not None:
                x, y = (a, c) if a < c else (c, a)
                heapq.heappush(heap, (-got, x, y, version[x], version[y]))
        split = None
    return tuple(sorted(tuple(sorted(m)) for m in members.values()))


def _linkable_near(
    a: int,
    links: dict[int, set[int]],
    cluster_of: list[int],
    members: dict[int, list[int]],
    articles: dict[int, set[str]],
    against: dict[int, set[int]],
) -> list[int]:
    """The clusters that cluster ``a``'s members link to and ``a`` may join (no article in
    common, no vetoed pair). The statements of the others, and ``a``'s own, leave ``a``'s
    links: clusters only grow, and with them their articles and vetoes, so a cluster that
    cannot join ``a`` now never can (a merge read each of them again before)."""
    linked = links.get(a)
    if not linked:
        return []
    near = {cluster_of[y] for y in linked}
    linked.difference_update(members[a])
    near.discard(a)
    barred = {cluster_of[y] for y in against.get(a, ())}
    own = articles[a]
    out = []
    for c in near:
        if c not in barred and own.isdisjoint(articles[c]):
            out.append(c)
        else:
            linked.difference_update(members[c])
    return out


def _unsummed(known: tuple[int | None, int | None] | None, first: list[int], second: list[int]) -> list[int]:
    """The part of a merged cluster (``first`` + ``second``) whose block total with a cluster
    is not known (``known``: the two parts' totals, one of them None); its pairs are the
    only ones not scored yet."""
    if known is None:
        return first + second
    return second if known[0] is not None else first


def _second_groups(
    statements: Sequence[Statement],
    link: _ModelAffinity,
    pairs: list[tuple[float, int, int]],
    groups: tuple[tuple[int, ...], ...],
    s: CompareSettings,
    blocked: set[tuple[int, int]],
) -> tuple[tuple[int, ...], ...]:
    """Groups of the pairs the first clustering left apart (mostly because one group already
    held another clause of the article) though the model gives them at least ``align_second``
    and they share rare words (``align_second_words``): a sentence often tells two facts, so a
    statement that joined one group may support a second. Clustered again, same average link,
    over those pairs only; a group inside a first group adds nothing."""
    home = {i: g for g, members in enumerate(groups) for i in members}
    apart = [(min(i, j), max(i, j)) for _, i, j in pairs if home.get(i) != home.get(j)]
    if not apart or link.judge.evidence is None:
        return ()
    probs = link.judge.probabilities(apart)
    shared_words = link.judge.shared_words(apart)
    sure = [
        (prob, i, j)
        for (i, j), prob, words_ in zip(apart, probs, shared_words, strict=True)
        if prob >= s.align_second and words_ >= s.align_second_words
    ]
    found = _cluster_average(statements, link, sure, s.align_link, blocked, s.align_one_polarity)
    # the first groups cover every statement once: a group is inside one when all its members share a home
    return tuple(g for g in found if len(g) > 1 and len({home.get(i) for i in g}) > 1)


# Key terms a pair inside a rare-term set shares, the rare one included: one shared name alone
# (a party, a state) joined two events of one kind in the look-alike briefs.
_RARE_SHARED = 2


def _rare_groups(
    statements: Sequence[Statement],
    negative: Sequence[bool],
    terms: Sequence[set[str]],
    nums: Sequence[dict[str, set[str]]],
    link: _ModelAffinity,
    groups: tuple[tuple[int, ...], ...],
    s: CompareSettings,
    blocked: set[tuple[int, int]],
) -> tuple[tuple[int, ...], ...]:
    """Groups of the statements that share a rare name or number: one that at least two
    articles state, each once (background told in passing: "next week's votes in Tollbury and
    Marrowfield"). Inside such a small set, single link over the pairs that share
    ``_RARE_SHARED`` key terms, both or neither count something, the model gives at least
    ``align_rare_link``, and whose articles already share ``align_rare_links`` groups (two
    events of one kind share few): one statement per article, one polarity, no vetoed pair.
    The first clustering refused these pairs because a group already held another statement
    of the article, or the mean link was too low; a set inside one group adds nothing."""
    holders: dict[str, list[int]] = {}
    for i, ts in enumerate(terms):
        for t in ts:
            holders.setdefault(t, []).append(i)
    date_words = set(MONTHS) | set(DAYS)
    together = _groups_together(statements, groups)
    home = {i: g for g, members in enumerate(groups) for i in members}
    seen = {frozenset(g) for g in groups}
    out: list[tuple[int, ...]] = []
    for t, members in sorted(holders.items()):
        articles = [statements[i].article_id for i in members]
        if t in date_words or len(set(articles)) < 2 or len(set(articles)) < len(articles):
            continue
        pairs = [
            (i, j)
            for x, i in enumerate(members)
            for j in members[x + 1 :]
            if (i, j) not in blocked
            and negative[i] == negative[j]
            and bool(nums[i]) == bool(nums[j])
            and len(terms[i] & terms[j] - date_words) >= _RARE_SHARED
            and together.get(frozenset((articles[x], statements[j].article_id)), 0) >= s.align_rare_links
        ]
        sure = [
            p
            for p, prob in zip(pairs, link.judge.probabilities(pairs), strict=True)
            if prob >= s.align_rare_link
        ]
        for group in _components(sure):
            vetoed = any((i, j) in blocked for x, i in enumerate(group) for j in group[x + 1 :])
            if not vetoed and len({home.get(i) for i in group}) > 1 and frozenset(group) not in seen:
                seen.add(frozenset(group))
                out.append(group)
    return tuple(out)


def _components(pairs: list[tuple[int, int]]) -> list[tuple[int, ...]]:
    """Connected components of ``pairs``, each sorted."""
    near = _neighbours(pairs)
    done: set[int] = set()
    out = []
    for start in sorted(near):
        if start in done:
            continue
        stack, comp = [start], set()
        while stack:
            x = stack.pop()
            if x not in comp:
                comp.add(x)
                stack.extend(near[x] - comp)
        done |= comp
        out.append(tuple(sorted(comp)))
    return out


def _extend_groups(
    statements: Sequence[Statement],
    link: _ModelAffinity,
    near_pairs: list[tuple[int, int]],
    groups: tuple[tuple[int, ...], ...],
    s: CompareSettings,
    blocked: set[tuple[int, int]],
) -> tuple[tuple[int, ...], ...]:
    """Each multi-article group widened by the statements of the articles it lacks that match
    its members as a whole: a ``near_pairs`` pair with one member, a mean probability of at least
    ``align_extend`` over all of them, and no veto with any. A lead sentence tells the event, its
    date and its people at once; the clustering gave it one group, and the other facts lost it.
    Only an article that already shares ``align_extend_links`` groups with every article of the
    group may join (two events of one kind in one brief share few), its best statement; the
    group keeps its place in the order."""
    near = _neighbours(near_pairs)
    against = _neighbours(blocked)
    together = _groups_together(statements, groups)
    groups_of: dict[int, list[tuple[int, ...]]] = {}
    for g in groups:
        for i in g:
            groups_of.setdefault(i, []).append(g)
    out = []
    for members in groups:
        articles = {statements[i].article_id for i in members}
        if len(articles) < 2:
            out.append(members)
            continue
        best: dict[str, tuple[float, int]] = {}
        for j in sorted({j for i in members for j in near.get(i, ())}):
            article = statements[j].article_id
            if article in articles or against.get(j, set()) & set(members):
                continue
            if any(set(g) & set(members) for g in groups_of.get(j, ())):
                continue  # already grouped with a member: a second row of those statements
            if min(together.get(frozenset((article, a)), 0) for a in articles) < s.align_extend_links:
                continue
            mean = link.block_mean([j], list(members))
            if mean >= s.align_extend and mean > best.get(article, (0.0, -1))[0]:
                best[article] = (mean, j)
        kept: list[int] = []
        for _, j in sorted(best.values(), reverse=True):
            if not against.get(j, set()) & set(kept):
                kept.append(j)
        out.append(tuple(sorted((*members, *kept))))
    return tuple(out)


def _further_support(
    statements: Sequence[Statement],
    judge: _PairJudge,
    pairs: list[tuple[float, int, int]],
    groups: tuple[tuple[int, ...], ...],
    s: CompareSettings,
    blocked: set[tuple[int, int]],
    vouch: Callable[[int, int], bool] | None = None,
) -> tuple[tuple[int, ...], ...]:
    """``groups`` with the further supporting statements of :func:`further_support`."""
    return further_support(
        [st.article_id for st in statements],
        groups,
        sorted(
            {
                (min(i, j), max(i, j))
                for _, i, j in pairs
                if not s.align_one_polarity or statements[i].polarity == statements[j].polarity
            }
        ),
        judge.probabilities,
        blocked,
        s.align_support,
        s.align_support_mean,
        _groups_together(statements, groups) if s.align_support_links else None,
        s.align_support_links,
        s.align_support_least,
        vouch,
    )


def _near_copies(
    statements: Sequence[Statement],
    sims: np.ndarray | Cosines,
    firm_pairs: list[tuple[int, int]],
    groups: tuple[tuple[int, ...], ...],
    floor: float,
    blocked: set[tuple[int, int]],
) -> tuple[tuple[int, ...], ...]:
    """Each group of 2+ articles also takes the near copies of its members: a statement of a
    member's article at least ``floor`` similar to that member, with a firm join
    (``firm_pairs``) to a member of another article and no veto with any. A live report states
    a fact twice ("X will keep his title" / "X, the chairman, will keep his title"); one group
    per article gave each copy its own group, so neither spanned the outlets. The copy keeps its
    own group too."""
    near = _neighbours(firm_pairs)
    against = _neighbours(blocked)
    # Each group's possible copies (the member of its article, the copy) first, their
    # similarities then read at once: past _DENSE_UP_TO statements a lazy matrix computes a
    # row per value read alone (241 of 355 CPU s of a 500-article alignment).
    asked: list[tuple[int, int]] = []
    spans: list[tuple[int, int] | None] = []  # None: a group of one article, kept as it is
    for members in groups:
        member_of = {statements[i].article_id: i for i in members}
        if len(member_of) < 2:
            spans.append(None)
            continue
        start = len(asked)
        asked += [
            (member_of[statements[j].article_id], j)
            for j in sorted({j for i in members for j in near.get(i, ())} - set(members))
            if statements[j].article_id in member_of and not against.get(j, set()) & set(members)
        ]
        spans.append((start, len(asked)))
    close = _pair_values(sims, asked)
    return tuple(
        members
        if span is None
        else tuple(sorted((*members, *(asked[k][1] for k in range(*span) if close[k] >= floor))))
        for members, span in zip(groups, spans, strict=True)
    )


def _pair_values(sims: np.ndarray | Cosines, pairs: list[tuple[int, int]]) -> list[float]:
    """``float(sims[i, j])`` of each of ``pairs``, read in one call (the same values)."""
    if not pairs:
        return []
    rows, cols = np.array(pairs, dtype=np.int64).T
    return np.asarray(sims[rows, cols]).tolist()


def _groups_together(
    statements: Sequence[Statement], groups: Sequence[Sequence[int]]
) -> dict[frozenset[str], int]:
    """How many groups each two articles share."""
    out: dict[frozenset[str], int] = {}
    for members in groups:
        articles = sorted({statements[i].article_id for i in members})
        for x, a in enumerate(articles):
            for b in articles[x + 1 :]:
                key = frozenset((a, b))
                out[key] = out.get(key, 0) + 1
    return out
