"""Pair evidence: how likely two statements of different articles tell the same fact.

Sentence embeddings alone miss rewordings ("forcing the evacuation of" / "were moved out
of their homes") and group look-alikes that differ in what matters. A pair is described by
a few features that a reader would weigh, and a logistic model turns them into a
probability. The model's weights are fitted by ``bench/align_pairs.py`` on the calibration
half of the development gold (pairs of sentences that support one gold fact against pairs
that support different facts) and stored in ``pair_model.json``; nothing here knows a story.

Features (per pair):

- ``cosine``: sentence-embedding similarity;
- ``words``: overlap of content-word stems, each weighted by its rarity among the story's
  statements (the story's main actor, named everywhere, says little; a rare shared word
  says much);
- ``names``: the same, on capitalised names only;
- ``numbers``: a number both give (not as counts of different things); ``clash``: the same counted thing with different
  values;
- ``dates``: a weekday or month both name;
- ``polarity``: one negated, the other not;
- ``lead``: how early the later of the two sits in its article (facts outlets share are
  told early);
- ``sentence``: embedding similarity of the two sentences the statements sit in. A clause
  cut from its sentence loses the context that says which event it is about ("while
  Sanders's streak is halted" / "a solid victory that stopped Bernie Sanders's weeks-long
  winning streak"); its sentence keeps it;
- ``names_apart``: both name someone or somewhere and share no name, weighted by the rarity
  of the rarer name on each side (two shootings in one brief: "in Oakland" / "in Tulsa");
- ``dates_apart``: both name a weekday or month and share none;
- ``numbers_apart``: both give numbers and share none;
- ``lead_words``: ``lead`` times the shared rare words (full from ``words`` of 0.1 up): two
  leads tell one fact when they also share rare words; two leads of two events of one kind
  only sit early.

Who did what to whom, read from the parse (:func:`statement_frames`; 0 without a parse):

- ``verb``: the two share a content verb's lemma ("defeated" / "defeats");
- ``verb_sim``: the closest pair of their content verbs by embedding ("dismissed" /
  "insisted", "won" / "defeated");
- ``args``: the share of the smaller side's specific arguments (names by their last word, so
  a surname meets the full name; numbers; weekdays and months) the other also has. Common
  nouns ("the president") are not arguments here: they name someone of any story;
- ``swapped``: a name is the agent of one and the patient of the other, and never the agent
  of both ("A beat B" / "B beat A");
- ``args_verb``: ``args`` times ``verb_sim``, the rewording with few shared words that keeps
  the arguments and a compatible predicate.

What happened to whom, from each statement's main predicate (compare/predicates.py; 0 without one):

- ``pred_sim``: the embedding similarity of the two predicates (lemma, particle, negation);
- ``subject_same`` / ``object_same``: the two share their subject / object;
- ``subject_apart``: two different named subjects, neither filling the other's predicate;
- ``apart_pred``: ``subject_apart`` where the predicates are of one kind ("she lost the primary"
  / "Trump won the primary": one occasion, two facts).
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import cache, cached_property
from importlib import resources
from typing import TYPE_CHECKING, NamedTuple

import numpy as np
from scipy.sparse import csr_matrix

from newsprism.compare.clauses import REPORTING_LEMMAS
from newsprism.compare.facts import FRAME_VERBS, arg_key, specific_argument
from newsprism.compare.predicates import Predicate, predicate_of
from newsprism.model import Statement
from newsprism.quotes.cues import SPEECH_VERBS
from newsprism.text import DAYS, MONTHS, content_words, date_terms, numbers, quantities, stem, words

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

__all__ = [
    "FEATURES",
    "FRAME_FEATURES",
    "Frame",
    "Frames",
    "frames_used",
    "PairModel",
    "StoryPairs",
    "pair_model",
    "sentence_vectors",
    "statement_frames",
]

FEATURES = (
    "cosine",
    "words",
    "names",
    "numbers",
    "clash",
    "dates",
    "polarity",
    "lead",
    "sentence",
    "names_apart",
    "dates_apart",
    "numbers_apart",
    "lead_words",
    "verb",
    "verb_sim",
    "args",
    "swapped",
    "args_verb",
    "pred_sim",
    "subject_same",
    "subject_apart",
    "apart_pred",
    "object_same",
)


# The embedding cosine of two unrelated verb lemmas ("win" / "speak" 0.38, "win" / "offer" 0.30)
# and of two of one kind ("win" / "lose" 0.69, "win" / "beat" 0.63, "shoot" / "kill" 0.59):
# ``apart_pred`` counts a different subject from the first, fully from the second.
_UNRELATED_VERBS = 0.4
_ONE_KIND = 0.7

_DATE_STEMS = frozenset(stem(w) for w in DAYS + MONTHS)

# Rarity-weighted shared words from which two leads count as fully sharing their words
# (``lead_words``); a typical same-fact pair shares about 0.17, a look-alike 0.07.
_SOME_WORDS = 0.1


@dataclass(frozen=True)
class PairModel:
    """Logistic weights over :data:`FEATURES` (plus an intercept)."""

    weights: tuple[float, ...]
    intercept: float

    def probability(self, x: np.ndarray) -> np.ndarray:
        """P(same fact) for feature rows ``x`` (pairs x features)."""
        # A row-wise sum, not ``x @ w``: BLAS rounds a row differently with the batch around it,
        # and a pair's probability must not depend on which batch first scored it.
        z = (np.asarray(x, dtype=np.float64) * np.asarray(self.weights, dtype=np.float64)).sum(axis=1)
        z = z + self.intercept
        return 1.0 / (1.0 + np.exp(-z))


# The features read from the parse (:func:`statement_frames`): the last ones, from "verb" on.
FRAME_FEATURES = FEATURES[FEATURES.index("verb") :]
# Columns of the verb features (read pair by pair) and of the predicate features (in bulk).
_VERBED = slice(FEATURES.index("verb"), FEATURES.index("args_verb") + 1)
_PREDICATED = slice(FEATURES.index("pred_sim"), FEATURES.index("object_same") + 1)


def frames_used() -> bool:
    """Whether the shipped model weighs any frame feature (frames cost a walk of the parse and
    an embedding of every verb; with weight 0 they are not read)."""
    model = pair_model()
    return model is not None and any(model.weights[FEATURES.index(f)] for f in FRAME_FEATURES)


@cache
def pair_model() -> PairModel | None:
    """The fitted model shipped with newsprism, or None before one is fitted."""
    try:
        raw = resources.files("newsprism.compare").joinpath("pair_model.json").read_text(encoding="utf-8")
    except FileNotFoundError:
        return None
    data = json.loads(raw)
    if tuple(data["features"]) != FEATURES:
        return None
    return PairModel(tuple(float(w) for w in data["weights"]), float(data["intercept"]))


def sentence_vectors(
    statements: Sequence[Statement],
    texts: Mapping[str, str],
    vectors: np.ndarray,
    embed: Callable[[list[str]], np.ndarray],
) -> np.ndarray:
    """The embedding of each statement's sentence: the statement's own vector where the
    statement is its whole sentence, else the sentence's (each distinct sentence embedded once)."""
    out = np.array(vectors, copy=True)
    cut: dict[tuple[str, int, int], list[int]] = {}
    for k, st in enumerate(statements):
        sentence = st.sentence
        if sentence is not None and (sentence.start, sentence.end) != (st.span.start, st.span.end):
            cut.setdefault((st.article_id, sentence.start, sentence.end), []).append(k)
    keys = [key for key in cut if key[0] in texts]
    if keys:
        found = embed([texts[a][start:end] for a, start, end in keys])
        for key, vector in zip(keys, found, strict=True):
            out[cut[key]] = vector
    return out


_AGENT_DEPS = frozenset({"nsubj", "csubj"})
_PATIENT_DEPS = frozenset({"dobj", "obj", "dative", "nsubjpass", "attr", "oprd"})


@dataclass(frozen=True)
class Frame:
    """Who did what to whom in one statement: its content verbs' lemmas and the specific
    arguments (names, numbers, dates) of those verbs, by role."""

    verbs: frozenset[str] = frozenset()
    agents: frozenset[str] = frozenset()
    patients: frozenset[str] = frozenset()
    others: frozenset[str] = frozenset()
    # Whether the statement's own predicate is negated (None: no parse); see :func:`_negated`.
    negated: bool | None = None
    # Its main predicate and core arguments (compare/predicates.py), None without one.
    predicate: Predicate | None = None
    # What its negation denies (see :func:`_denied`): lemmas of the negated predicate, or of its
    # complements when the predicate is a copula or light verb; empty when not negated.
    denied: frozenset[str] = frozenset()

    @property
    def args(self) -> frozenset[str]:
        return self.agents | self.patients | self.others


@dataclass(frozen=True)
class Frames:
    """The frame of each statement of a story and a unit vector per content-verb lemma."""

    frames: tuple[Frame, ...]
    verb_vectors: Mapping[str, np.ndarray]
    # A unit vector per predicate phrase ("lose primary"), embedded once per distinct phrase.
    phrase_vectors: Mapping[str, np.ndarray] = field(default_factory=dict)


def _role_keys(tok: Token) -> set[str]:
    """Specific argument keys of one argument token and its compounds ("President Trump"); a
    proper noun the entity tagger missed is a name too (not a compound: "Senator" is a title)."""
    keys = {_name_key(tok)} | {arg_key(c) for c in tok.children if c.dep_ in ("compound", "nummod")}
    return {k for k in keys if k and specific_argument(k)}


def _name_key(tok: Token) -> str | None:
    key = arg_key(tok)
    if tok.pos_ == "PROPN" and tok.is_alpha and (key is None or not specific_argument(key)):
        return "@" + tok.lower_
    return key


def _frame(tokens: Sequence[Token]) -> Frame:
    """The frame of a statement's tokens: each content verb with its subject (or, on a verb
    of a coordination without one, its head verb's), objects, agent and prepositional objects."""
    verbs: set[str] = set()
    agents: set[str] = set()
    patients: set[str] = set()
    others: set[str] = set()
    for verb in tokens:
        lemma = verb.lemma_.lower()
        if verb.pos_ != "VERB" or lemma in FRAME_VERBS:
            continue
        verbs.add(lemma)
        children = list(verb.children)
        if verb.dep_ == "conj" and not any(c.dep_ in _AGENT_DEPS | {"nsubjpass"} for c in children):
            children += [c for c in verb.head.children if c.dep_ in _AGENT_DEPS | {"nsubjpass"}]
        for child in children:
            if child.dep_ in _AGENT_DEPS:
                agents |= _role_keys(child)
            elif child.dep_ in _PATIENT_DEPS:
                patients |= _role_keys(child)
            elif child.dep_ in ("agent", "prep"):
                for obj in child.children:
                    if obj.dep_ == "pobj":
                        (agents if child.dep_ == "agent" else others).update(_role_keys(obj))
    return Frame(
        frozenset(verbs),
        frozenset(agents),
        frozenset(patients),
        frozenset(others),
        _negated(tokens),
        denied=_denied(tokens),
    )


# Negative arguments that deny the predicate they fill ("no one came", "found nothing").
_NEGATIVE_ARGS = frozenset({"nothing", "none", "nobody", "noone", "neither"})


def _negated(tokens: Sequence[Token]) -> bool:
    """Whether the statement denies its own predicate: a negation on a head of the span (a
    token whose syntactic head lies outside it) or on such a head's auxiliary, a "no" on one of
    its arguments, or a negative pronoun as an argument. A negation inside a subordinate
    clause, an aside or a quoted phrase ("who conceded she is 'not a natural politician'"),
    or on an adjective ("found him not guilty") leaves the predicate affirmed."""
    return any(True for _ in _negations(tokens))


def _negations(tokens: Sequence[Token]) -> Iterator[tuple[Token, Token]]:
    """Each head of the statement (see :func:`_negated`) with the negation or negative argument
    that denies it."""
    inside = {tok.i for tok in tokens}
    heads = [tok for tok in tokens if tok.head.i == tok.i or tok.head.i not in inside]
    # what a head reports is the statement's content ("X said the plan is not ready")
    heads += [c for h in heads for c in h.children if c.dep_ in _REPORTED and c.i in inside]
    for head in heads:
        for child in head.children:
            if child.i in inside and (child.dep_ == "neg" or _negative_argument(child)):
                yield head, child


# Complements that carry what a copula, a light verb or a verb of meaning denies ("were not
# endorsements", "is not clear", "made no mention", "did not mean that agencies could build").
_COMPLEMENTS = frozenset({"attr", "acomp", "dobj", "obj", "oprd", "xcomp", "ccomp"})
_OBJECTS_DENIED = frozenset({"dobj", "obj", "attr", "oprd", "nsubjpass"})
# Verbs whose negation denies their complement ("did not mean that ...", "was not meant to hit").
_MEANING = frozenset({"mean", "intend", "expect", "plan", "believe", "suggest", "indicate"})


def _denied(tokens: Sequence[Token]) -> frozenset[str]:
    """The lemmas of what the statement's negation denies: the negated predicate and its object
    ("did not point the gun"), or, on a copula, a light verb or a verb of meaning, its complements
    and their objects ("were not endorsements", "made no mention", "was not meant to hit the
    girl"). Two statements of opposite polarity tell opposite things only where the other tells
    something this one denies."""
    out: set[str] = set()
    for head, neg in _negations(tokens):
        lemma = head.lemma_.lower()
        if lemma in _TELLING:
            # "never said a word about whether he was armed", "hasn't said whether": what is
            # denied is a telling of the matter, which opposes any statement of it
            return frozenset()
        if neg.dep_ != "neg":
            out.add(neg.lemma_.lower())
        if lemma not in FRAME_VERBS and lemma not in _MEANING:
            out.add(lemma)
            out.update(c.lemma_.lower() for c in head.children if c.dep_ in _OBJECTS_DENIED)
            continue
        for c in head.children:
            if c.dep_ in _COMPLEMENTS and c is not neg:
                out.add(c.lemma_.lower())
                out.update(g.lemma_.lower() for g in c.children if g.dep_ in _OBJECTS_DENIED)
    # a verb that frames or a negative pronoun ("no one") names no content
    return frozenset(w for w in out if w.isalpha() and w not in FRAME_VERBS and w not in _NEGATIVE_WORDS)


_NEGATIVE_WORDS = _NEGATIVE_ARGS | {"one", "no"}
_TELLING = REPORTING_LEMMAS | SPEECH_VERBS | {"know", "tell", "say", "comment", "disclose", "reveal"}


_REPORTED = frozenset({"ccomp", "parataxis"})


def _negative_argument(tok: Token) -> bool:
    """A subject or object that denies its predicate: "nothing", "no delegates", "neither X nor Y"."""
    if tok.dep_ not in _AGENT_DEPS | _PATIENT_DEPS | {"nsubjpass"}:
        return False
    return tok.lower_ in _NEGATIVE_ARGS or any(
        (c.dep_ == "det" and c.lower_ == "no") or (c.dep_ == "preconj" and c.lower_ == "neither")
        for c in tok.children
    )


def statement_frames(
    statements: Sequence[Statement],
    docs: Mapping[str, Doc],
    embed: Callable[[list[str]], np.ndarray] | None = None,
) -> Frames:
    """The :class:`Frame` of each statement from its article's parse (empty without one), and
    the embedding of each content verb's lemma and each predicate phrase. Without ``embed`` (the
    pair model weighs no frame feature: only the predicate polarity is read) no predicate is read
    and nothing is embedded."""
    frames = []
    for st in statements:
        doc = docs.get(st.article_id)
        span = None if doc is None else doc.char_span(st.span.start, st.span.end, alignment_mode="expand")
        if span is None:
            frames.append(Frame())
        else:
            frame = _frame(span)
            frames.append(frame if embed is None else replace(frame, predicate=predicate_of(span)))
    lemmas = sorted({v for f in frames for v in f.verbs})
    phrases = sorted({f.predicate.phrase for f in frames if f.predicate is not None})
    return Frames(tuple(frames), _unit_vectors(lemmas, embed), _unit_vectors(phrases, embed))


def _unit_vectors(texts: list[str], embed: Callable[[list[str]], np.ndarray] | None) -> dict[str, np.ndarray]:
    """Each of ``texts`` embedded once, scaled to unit length (none without ``embed``)."""
    if embed is None or not texts:
        return {}
    found = np.asarray(embed(texts), dtype=np.float64)
    norms = np.linalg.norm(found, axis=1, keepdims=True)
    return dict(zip(texts, found / np.where(norms > 0, norms, 1.0), strict=True))


def _names(text: str) -> set[str]:
    """Capitalised words not starting the text, lower-cased."""
    toks = words(text)
    return {t.lower().rstrip(".") for i, t in enumerate(toks) if i > 0 and t[:1].isupper() and len(t) > 1}


class StoryPairs:
    """Per-statement evidence of one story, and features of any of its pairs. ``sentences``
    holds the vector of each statement's sentence (default: the statement's own vector).
    Without ``date_alone`` a shared weekday or month is a shared date only beside a shared
    word (:meth:`_beyond`)."""

    def __init__(
        self,
        statements: Sequence[Statement],
        vectors: np.ndarray,
        sentences: np.ndarray | None = None,
        frames: Frames | None = None,
        date_alone: bool = True,
    ) -> None:
        self.vectors = vectors
        self.date_alone = date_alone
        self.frames = frames.frames if frames is not None else tuple(Frame() for _ in statements)
        self.verb_vectors = frames.verb_vectors if frames is not None else {}
        self.phrase_vectors = frames.phrase_vectors if frames is not None else {}
        self.sentences = vectors if sentences is None else sentences
        self.articles = [st.article_id for st in statements]
        (
            self.stems,
            self.names,
            self.numbers,
            self.counts,
            self.dates,
            self.negative,
            self.rank,
            self.idf,
            self.name_idf,
            self.name_peak,
        ) = _text_evidence(tuple(statements))

    def features(self, i: int, j: int) -> list[float]:
        """The :data:`FEATURES` of statements ``i`` and ``j``."""
        words_ = _weighted_overlap(self.stems[i], self.stems[j], self.idf)
        lead = 1.0 / (1.0 + max(self.rank[i], self.rank[j]))
        apart = not self.names[i] & self.names[j]
        numbers_, clash, dates, dates_apart, numbers_apart = self._count_features(i, j)
        if not self.date_alone:
            dates *= float(not self._beyond[i].isdisjoint(self._beyond[j]))
        return [
            float(self.vectors[i] @ self.vectors[j]),
            words_,
            _weighted_overlap(self.names[i], self.names[j], self.name_idf),
            numbers_,
            clash,
            dates,
            float(self.negative[i] != self.negative[j]),
            lead,
            float(self.sentences[i] @ self.sentences[j]),
            float(apart) * min(float(self.name_peak[i]), float(self.name_peak[j])),
            dates_apart,
            numbers_apart,
            lead * min(1.0, words_ / _SOME_WORDS),
            *self._frame_features(i, j),
        ]

    def _count_features(self, i: int, j: int) -> tuple[float, float, float, float, float]:
        """``numbers``, ``clash``, ``dates``, ``dates_apart`` and ``numbers_apart`` of a pair."""
        shared_counts = self.counts[i].keys() & self.counts[j].keys()
        return (
            float(bool(self._shared_numbers(i, j))),
            float(any(not self.counts[i][u] & self.counts[j][u] for u in shared_counts)),
            float(bool(self.dates[i] & self.dates[j])),
            float(bool(self.dates[i] and self.dates[j] and not self.dates[i] & self.dates[j])),
            float(bool(self.numbers[i] and self.numbers[j] and not self._shared_numbers(i, j))),
        )

    def _frame_features(self, i: int, j: int) -> list[float]:
        """The :data:`FRAME_FEATURES` of one pair."""
        a, b = self.frames[i], self.frames[j]
        return self._verb_features(a, b) + self._predicate_features(a.predicate, b.predicate)

    def _verb_features(self, a: Frame, b: Frame) -> list[float]:
        """``verb``, ``verb_sim``, ``args``, ``swapped``, ``args_verb``."""
        if not a.verbs or not b.verbs:
            return [0.0] * 5
        sim = 1.0 if a.verbs & b.verbs else 0.0
        va = [self.verb_vectors[v] for v in a.verbs if v in self.verb_vectors]
        vb = [self.verb_vectors[v] for v in b.verbs if v in self.verb_vectors]
        if va and vb:
            sim = max(sim, float((np.asarray(va) @ np.asarray(vb).T).max()))
        args_a, args_b = a.args, b.args
        args = len(args_a & args_b) / min(len(args_a), len(args_b)) if args_a and args_b else 0.0
        crossed = (a.agents & b.patients) | (b.agents & a.patients)
        swapped = bool(crossed - (a.agents & b.agents))
        return [float(bool(a.verbs & b.verbs)), sim, args, float(swapped), args * sim]

    def _predicate_features(self, a: Predicate | None, b: Predicate | None) -> list[float]:
        """``pred_sim``, ``subject_same``, ``subject_apart``, ``apart_pred``, ``object_same``:
        what happened (the predicate phrases' embeddings) and to whom (the core arguments).
        Two different named subjects of one kind of predicate ("she lost" / "Trump won") are
        two facts of one occasion."""
        if a is None or b is None:
            return [0.0] * 5
        va, vb = self.phrase_vectors.get(a.phrase), self.phrase_vectors.get(b.phrase)
        sim = 1.0 if a.phrase == b.phrase else float(va @ vb) if va is not None and vb is not None else 0.0
        same = a.subject is not None and a.subject == b.subject
        apart = a.apart_from(b)
        kind = min(1.0, max(0.0, (sim - _UNRELATED_VERBS) / (_ONE_KIND - _UNRELATED_VERBS)))
        objects = a.object is not None and a.object == b.object
        return [sim, float(same), float(apart), float(apart) * kind, float(objects)]

    def _shared_numbers(self, i: int, j: int) -> set[str]:
        """Numbers both give, less those that count different things ("three fire stations" /
        "three firefighters")."""
        shared = self.numbers[i] & self.numbers[j]
        if not shared:
            return shared
        ca, cb = self.counts[i], self.counts[j]
        apart = {n for u, ns in ca.items() if u not in cb for n in ns}
        apart |= {n for u, ns in cb.items() if u not in ca for n in ns}
        return shared - apart

    def matrix(self, pairs: Sequence[tuple[int, int]] | np.ndarray) -> np.ndarray:
        """Feature rows for ``pairs`` (tuples or an ``(m, 2)`` array), computed for all pairs at
        once (sparse products for the word and name overlaps; set operations only where both
        statements hold numbers or dates)."""
        if not len(pairs):
            return np.zeros((0, len(FEATURES)))
        if isinstance(pairs, np.ndarray):  # alignment's candidates: no list of 50,000 tuples
            rows, cols = pairs[:, 0].astype(np.int64), pairs[:, 1].astype(np.int64)
        else:
            rows = np.asarray([p[0] for p in pairs])
            cols = np.asarray([p[1] for p in pairs])
        out = np.zeros((len(pairs), len(FEATURES)))
        out[:, 0] = _row_dots(self.vectors, rows, cols)
        if len(pairs) <= _FEW:
            out[:, 1] = _few_row_cosines(self._stem_dicts, rows.tolist(), cols.tolist())
            out[:, 2] = _few_row_cosines(self._name_dicts, rows.tolist(), cols.tolist())
        else:
            out[:, 1] = _row_cosines(self._stem_rows, rows, cols)
            out[:, 2] = _row_cosines(self._name_rows, rows, cols)
        counted = self._counted
        both = np.flatnonzero(counted[rows] & counted[cols])
        if len(both) > _FEW:
            both = self._bulk_counts(out, both, rows[both], cols[both])
        if len(both):  # only these need sets; the rest is in bulk
            got = np.array(
                [
                    self._count_features(i, j)
                    for i, j in zip(rows[both].tolist(), cols[both].tolist(), strict=True)
                ]
            )
            out[both, 3:6] = got[:, :3]
            out[both, 10:12] = got[:, 3:]
        if not self.date_alone:
            out[:, 5] *= _row_cosines(self._beyond_rows, rows, cols) > 0
        negative = self._negative_array
        out[:, 6] = negative[rows] != negative[cols]
        rank = self._rank_array
        out[:, 7] = 1.0 / (1.0 + np.maximum(rank[rows], rank[cols]))
        out[:, 8] = _row_dots(self.sentences, rows, cols)
        out[:, 9] = (out[:, 2] <= 0) * np.minimum(self.name_peak[rows], self.name_peak[cols])
        out[:, 12] = out[:, 7] * np.minimum(1.0, out[:, 1] / _SOME_WORDS)
        verbed = self._verbed
        for k in np.nonzero(verbed[rows] & verbed[cols])[0]:
            i, j = int(rows[k]), int(cols[k])
            out[k, _VERBED] = self._verb_features(self.frames[i], self.frames[j])
        if self._predicates.any():
            out[:, _PREDICATED] = self._predicate_columns(rows, cols)
        return out

    def _bulk_counts(
        self, out: np.ndarray, both: np.ndarray, rows: np.ndarray, cols: np.ndarray
    ) -> np.ndarray:
        """What :meth:`_count_features` gives the pairs ``both`` (statements ``rows``,
        ``cols``) that share no number and no counted unit, written into ``out``: their date
        features from the overlap of date sets, no shared number, no clash. Returns the
        others (``both``' entries), which need the sets."""
        has_numbers, has_dates = self._has_counts
        numbers_, dates, units = self._count_rows
        dated = _row_cosines(dates, rows, cols) > 0
        out[both, 5] = dated
        out[both, 10] = has_dates[rows] & has_dates[cols] & ~dated
        out[both, 11] = has_numbers[rows] & has_numbers[cols]
        shared = (_row_cosines(numbers_, rows, cols) > 0) | (_row_cosines(units, rows, cols) > 0)
        return both[shared]

    def nearest(self, pairs: np.ndarray, rank: int = 1) -> np.ndarray:
        """For each pair ``(i, j)`` of ``pairs`` (an ``(m, 2)`` array), whether one statement's
        sentence is among the ``rank`` nearest sentences of its article to the other's (clauses
        of one sentence count once). A sentence of a loose story is near many sentences of
        another article: a pair that is neither one's best match there is mostly two
        statements of one topic, not one fact told twice."""
        out = np.zeros(len(pairs), dtype=bool)
        for k, (i, j) in enumerate(np.asarray(pairs, dtype=np.int64).tolist()):
            here = float(self.sentences[i] @ self.sentences[j])
            out[k] = here >= self._nth(i, self.articles[j], rank) or here >= self._nth(
                j, self.articles[i], rank
            )
        return out

    def _nth(self, i: int, article: str, rank: int) -> float:
        """The ``rank``-th highest sentence cosine of statement ``i`` to the sentences of
        ``article`` (less a rounding margin)."""
        key = (i, article, rank)
        if key not in self._nth_of:
            near = np.unique(self.sentences[self._article_rows[article]] @ self.sentences[i])
            self._nth_of[key] = float(near[max(0, len(near) - rank)]) - 1e-9
        return self._nth_of[key]

    @cached_property
    def _nth_of(self) -> dict[tuple[int, str, int], float]:
        return {}

    @cached_property
    def _article_rows(self) -> dict[str, np.ndarray]:
        rows: dict[str, list[int]] = {}
        for k, article in enumerate(self.articles):
            rows.setdefault(article, []).append(k)
        return {a: np.array(r, dtype=np.int64) for a, r in rows.items()}

    @cached_property
    def _beyond(self) -> list[set[str]]:
        """Each statement's word stems but weekdays and months. A story about one moment names
        its day in many statements ("on Sunday", "Sunday's debate"): two different things
        said that day share it, so a shared day or month tells one fact only beside a word."""
        return [bag - _DATE_STEMS for bag in self.stems]

    @cached_property
    def _beyond_rows(self) -> csr_matrix:
        return _incidence(self._beyond)

    @cached_property
    def _count_rows(self) -> tuple[csr_matrix, csr_matrix, csr_matrix]:
        """Each statement's numbers, dates and counted units as rows of ones."""
        return _incidence(self.numbers), _incidence(self.dates), _incidence([c.keys() for c in self.counts])

    @cached_property
    def _has_counts(self) -> tuple[np.ndarray, np.ndarray]:
        """Whether each statement holds a number, and a date."""
        return np.array([bool(n) for n in self.numbers]), np.array([bool(d) for d in self.dates])

    def _predicate_columns(self, rows: np.ndarray, cols: np.ndarray) -> np.ndarray:
        """What :meth:`_predicate_features` gives, for many pairs at once."""
        has = self._predicates[rows] & self._predicates[cols]
        phrase, subject, obj, oblique = self._predicate_codes
        sim = _row_dots(self._phrase_rows, rows, cols)
        sim = np.where(phrase[rows] == phrase[cols], 1.0, sim) * has
        sr, sc = subject[rows], subject[cols]
        same = has & (sr >= 0) & (sr == sc)
        named = self._named_subjects
        apart = named[rows] & named[cols] & (sr != sc)
        apart &= (sr != obj[cols]) & (sr != oblique[cols]) & (sc != obj[rows]) & (sc != oblique[rows])
        kind = np.clip((sim - _UNRELATED_VERBS) / (_ONE_KIND - _UNRELATED_VERBS), 0.0, 1.0)
        objects = has & (obj[rows] >= 0) & (obj[rows] == obj[cols])
        return np.column_stack([sim, same, apart, apart * kind, objects]).astype(np.float64)

    # Per-statement arrays ``matrix`` reads, built once: the average link asks for a few pairs
    # at a time, and rebuilding them per call made each call cost the whole story.
    @cached_property
    def _stem_rows(self) -> csr_matrix:
        return self._weighted(self.stems, self.idf)

    @cached_property
    def _name_rows(self) -> csr_matrix:
        return self._weighted(self.names, self.name_idf)

    @cached_property
    def _stem_dicts(self) -> list[dict[int, float]]:
        return _row_dicts(self._stem_rows)

    @cached_property
    def _name_dicts(self) -> list[dict[int, float]]:
        return _row_dicts(self._name_rows)

    @cached_property
    def _counted(self) -> np.ndarray:
        return np.array([bool(n) or bool(d) for n, d in zip(self.numbers, self.dates, strict=True)])

    @cached_property
    def _verbed(self) -> np.ndarray:
        return np.array([bool(f.verbs) for f in self.frames], dtype=bool)

    @cached_property
    def _predicates(self) -> np.ndarray:
        return np.array([f.predicate is not None for f in self.frames], dtype=bool)

    @cached_property
    def _named_subjects(self) -> np.ndarray:
        return np.array(
            [f.predicate is not None and f.predicate.named_subject for f in self.frames], dtype=bool
        )

    @cached_property
    def _predicate_codes(self) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
        """Per statement a code of its predicate phrase, subject, object and oblique (-1: none);
        argument codes share one numbering, so a subject can meet the other's object."""
        phrases: dict[str, int] = {}
        args: dict[str, int] = {}

        def code(table: dict[str, int], key: str | None) -> int:
            return -1 if key is None else table.setdefault(key, len(table))

        preds = [f.predicate for f in self.frames]
        return (
            np.array([code(phrases, p.phrase if p else None) for p in preds]),
            np.array([code(args, p.subject if p else None) for p in preds]),
            np.array([code(args, p.object if p else None) for p in preds]),
            np.array([code(args, p.oblique if p else None) for p in preds]),
        )

    @cached_property
    def _phrase_rows(self) -> np.ndarray:
        """Each statement's predicate phrase vector (zeros without one)."""
        dim = next((len(v) for v in self.phrase_vectors.values()), 1)
        out = np.zeros((len(self.frames), dim))
        for k, f in enumerate(self.frames):
            if f.predicate is not None and f.predicate.phrase in self.phrase_vectors:
                out[k] = self.phrase_vectors[f.predicate.phrase]
        return out

    @cached_property
    def _negative_array(self) -> np.ndarray:
        return np.asarray(self.negative)

    @cached_property
    def _rank_array(self) -> np.ndarray:
        return np.asarray(self.rank)

    def _weighted(self, bags: Sequence[set[str]], idf: dict[str, float]) -> csr_matrix:
        """Rows of rarity weights, each scaled to unit length."""
        vocab = {t: k for k, t in enumerate(sorted(idf))}
        data, indices, indptr = [], [], [0]
        for bag in bags:
            weights = [(vocab[t], idf[t]) for t in sorted(bag)]
            norm = math.sqrt(sum(w * w for _, w in weights)) or 1.0
            indices.extend(k for k, _ in weights)
            data.extend(w / norm for _, w in weights)
            indptr.append(len(indices))
        return csr_matrix((data, indices, indptr), shape=(len(bags), max(1, len(vocab))))


class _TextEvidence(NamedTuple):
    stems: list[set[str]]
    names: list[set[str]]
    numbers: list[set[str]]
    counts: list[dict[str, set[str]]]
    dates: list[set[str]]
    negative: list[bool]
    rank: list[int]
    idf: dict[str, float]
    name_idf: dict[str, float]
    name_peak: np.ndarray


# The last story's statements and their evidence, in one slot (a thread never reads one
# story's statements with another's evidence): the brief's pair judge reads the same
# statements as alignment's (it differs only in vectors and frames), so it is built once.
_LAST_TEXT: list[tuple[tuple[Statement, ...], _TextEvidence] | None] = [None]


def _text_evidence(statements: tuple[Statement, ...]) -> _TextEvidence:
    """:class:`StoryPairs`' attributes read from the statements alone (shared, never changed)."""
    last = _LAST_TEXT[0]
    if last is not None and last[0] == statements:
        return last[1]
    # Number words are left to the number features ("three fire stations" / "three firefighters").
    stems = [{stem(w) for w in content_words(st.text) if not numbers(w)} for st in statements]
    names = [_names(st.text) for st in statements]
    name_idf = _idf(names)
    # The rarest name of each statement, as a share of the rarest possible (0: none).
    top = math.log(len(statements) + 1) or 1.0
    found = _TextEvidence(
        stems,
        names,
        [numbers(st.text) for st in statements],
        [quantities(st.text) for st in statements],
        [date_terms(st.text) for st in statements],
        [st.polarity == "negative" for st in statements],
        _ranks(statements),
        _idf(stems),
        name_idf,
        np.array([max((name_idf[t] for t in b), default=0.0) / top for b in names]),
    )
    _LAST_TEXT[0] = (statements, found)
    return found


# Pairs whose two vectors are gathered at once: gathering every pair's rows at once (77 MB for
# 50,000 pairs of 384 floats) cost eight times the sums, in allocating and first touching them.
_DOT_PAIRS = 512


def _row_dots(m: np.ndarray, rows: np.ndarray, cols: np.ndarray) -> np.ndarray:
    """``einsum("ij,ij->i", m[rows], m[cols])`` a slice of pairs at a time, equal to the last
    bit (each pair's product is summed on its own, whatever the slice)."""
    out = np.empty(len(rows), dtype=np.result_type(m, m))
    for start in range(0, len(rows), _DOT_PAIRS):
        r, c = rows[start : start + _DOT_PAIRS], cols[start : start + _DOT_PAIRS]
        out[start : start + len(r)] = np.einsum("ij,ij->i", m[r], m[c])
    return out


def _incidence(bags: Sequence[Iterable[str]]) -> csr_matrix:
    """Rows of ones, a column per term of ``bags``: a product of two rows counts their shared terms."""
    vocab: dict[str, int] = {}
    indices = [vocab.setdefault(t, len(vocab)) for bag in bags for t in bag]
    indptr = np.cumsum([0] + [len(bag) for bag in bags])
    m = csr_matrix((np.ones(len(indices)), indices, indptr), shape=(len(bags), max(1, len(vocab))))
    m.sort_indices()
    return m


def _row_cosines(m: csr_matrix, rows: np.ndarray, cols: np.ndarray) -> np.ndarray:
    """Dot products of unit rows ``rows[k]`` and ``cols[k]`` of ``m``."""
    return np.asarray(m[rows].multiply(m[cols]).sum(axis=1)).ravel()


# Up to this many pairs, the overlaps are summed from per-row dicts: scipy's fancy indexing costs
# about a millisecond a call whatever the size, and the average link asks for a few pairs at a time.
_FEW = 2000


def _row_dicts(m: csr_matrix) -> list[dict[int, float]]:
    """Each row of ``m`` as {column: value}."""
    return [
        dict(zip(m.indices[a:b].tolist(), m.data[a:b].tolist(), strict=True))
        for a, b in zip(m.indptr[:-1].tolist(), m.indptr[1:].tolist(), strict=True)
    ]


def _few_row_cosines(rows_of: Sequence[dict[int, float]], rows: list[int], cols: list[int]) -> np.ndarray:
    """What :func:`_row_cosines` gives, to the last bit: the products of shared columns in
    column order, each row's summed by ``np.add.reduceat`` as scipy sums them."""
    products: list[float] = []
    starts: list[int] = []
    found: list[int] = []
    for k, (i, j) in enumerate(zip(rows, cols, strict=True)):
        a, b = rows_of[i], rows_of[j]
        shared = a.keys() & b.keys()
        if shared:
            starts.append(len(products))
            found.append(k)
            products.extend(a[c] * b[c] for c in sorted(shared))
    out = np.zeros(len(rows))
    if products:
        out[found] = np.add.reduceat(np.asarray(products, dtype=np.float64), starts)
    return out


def _ranks(statements: Sequence[Statement]) -> list[int]:
    """Each statement's sentence order within its article (clauses of one sentence share it)."""
    seen: dict[str, list[int]] = {}
    out = []
    for st in statements:
        starts = seen.setdefault(st.article_id, [])
        start = (st.sentence or st.span).start
        if not starts or starts[-1] != start:
            starts.append(start)
        out.append(len(starts) - 1)
    return out


def _idf(bags: Sequence[set[str]]) -> dict[str, float]:
    """Rarity of each term over the story's statements: log((n + 1) / df)."""
    df: dict[str, int] = {}
    for bag in bags:
        for t in bag:
            df[t] = df.get(t, 0) + 1
    n = len(bags)
    return {t: math.log((n + 1) / d) for t, d in df.items()}


def _weighted_overlap(a: set[str], b: set[str], idf: dict[str, float]) -> float:
    """Cosine of the two term sets with rarity weights."""
    shared = a & b
    if not shared:
        return 0.0
    wa = sum(idf.get(t, 0.0) ** 2 for t in a)
    wb = sum(idf.get(t, 0.0) ** 2 for t in b)
    if wa <= 0 or wb <= 0:
        return 0.0
    return sum(idf.get(t, 0.0) ** 2 for t in shared) / math.sqrt(wa * wb)
