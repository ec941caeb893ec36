"""Loaded words: how likely a word in an outlet's own voice carries judgement or emotion.

Three public resources from the registry, none built from our inputs:

- VADER (``vaderSentiment``): about 7,500 English words rated for valence (-4 to 4);
- the Pattern subjectivity lexicon shipped in ``textblob`` (``en-sentiment.xml``): about
  2,900 adjectives with subjectivity (0 to 1) and polarity (-1 to 1);
- ``wordfreq``: how often a word occurs in general English (zipf scale, 0 to 8).

Sentiment alone is not loadedness: "killed", "won" and "support" are rated strongly but are
plain reporting, while "melee", "rampaged" and "desultory" are in no sentiment lexicon yet a
neutral report avoids them. What marks a loaded word is a colourful, uncommon choice where a
plainer word was at hand; so rarity in general English weighs most, then valence, then part of
speech and role in the sentence (an adjective describing a noun, a manner adverb), and a word
the other outlets of the story use too is the story's vocabulary, not one outlet's choice. A logistic model over these few general
features (:data:`FEATURES`) gives the probability; its weights and threshold were fitted on
the calibrate halves of bench/brief_gold and bench/brief_gold_polnear by
``bench/loaded_terms.py`` and stored in ``loaded_model.json``. Rarity and valence do not tell
"melee" or "rampaged" from "carjacker" or "autopsy"; what a word means does, so one feature
is a linear probe over the word's MiniLM vector (the sentence-embedding model newsprism
already loads), fitted there too. No word list is stored.

The data files are read, not the packages' analysers; a missing package is one warning and
the model runs on the features left.
"""

from __future__ import annotations

import functools
import importlib.util
import json
import logging
import math
import re
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import numpy as np

__all__ = [
    "FEATURES",
    "ROLES",
    "LoadedModel",
    "compound",
    "is_loaded",
    "loaded_model",
    "loaded_words",
    "meanings",
    "word_features",
    "zipf",
]

log = logging.getLogger(__name__)

FEATURES = (
    "valence",  # |VADER valence| / 4
    "subjectivity",  # Pattern subjectivity
    "polarity",  # |Pattern polarity|
    "rare",  # (7 - zipf) / 7: 0 for "the", 1 for a word general English never uses
    "very_rare",  # zipf under 2.5: "kerfuffle", "savaging"
    "adj",
    "adv",
    "verb",
    "noun",
    "shared",  # share of the story's other articles that use the word too
    "in_lexicon",  # VADER or Pattern knows the word
    # A noun made of two common words ("stationhouse", "speechwriters", "frontcourt"): a name
    # for a thing of the story's domain, rarely a judgement.
    "compound",
    # The word's lemma occurs again in the article: a loaded word is a one-off choice, while a
    # word the article repeats ("autopsy", "pollster", "criminal") is the name of a thing in
    # the story.
    "repeated",
    # Its role in the sentence (from the parse): "the *furious* crowd", "he *grimly* said",
    # "Williams *fumed*" (a verb that reports speech), "the plan was *absurd*", the main verb.
    "attributive",
    "manner",
    "reporting",
    "predicative",
    "main_verb",
    # What the word means, not how rare or rated it is: a linear probe over the word's MiniLM
    # vector, fitted with the weights (out of fold, by story), clipped to its fitted range.
    # "melee", "rampaged", "smackdown" and "carjacker", "murrelets", "autopsy" look alike to
    # every other feature.
    "meaning",
)
_POS = ("ADJ", "ADV", "VERB", "NOUN")
ROLES = ("attributive", "manner", "reporting", "predicative", "main_verb")
_WORD = re.compile(r"[a-z][a-z'-]+")


def _package_dir(name: str) -> Path | None:
    spec = importlib.util.find_spec(name)
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(next(iter(spec.submodule_search_locations)))


@functools.cache
def _vader() -> dict[str, float]:
    base = _package_dir("vaderSentiment")
    path = base / "vader_lexicon.txt" if base else None
    if path is None or not path.is_file():
        log.warning("vaderSentiment is not installed: loaded terms go without VADER valence")
        return {}
    out = {}
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        parts = line.split("\t")
        if len(parts) >= 2 and _WORD.fullmatch(parts[0]):
            out[parts[0]] = float(parts[1])
    return out


@functools.cache
def _pattern() -> dict[str, tuple[float, float]]:
    base = _package_dir("textblob")
    path = base / "en" / "en-sentiment.xml" if base else None
    if path is None or not path.is_file():
        log.warning("textblob is not installed: loaded terms go without Pattern subjectivity")
        return {}
    scores: dict[str, list[tuple[float, float]]] = {}
    for word in ET.parse(path).getroot().iter("word"):
        form = (word.get("form") or "").lower()
        scores.setdefault(form, []).append(
            (float(word.get("subjectivity", 0)), float(word.get("polarity", 0)))
        )
    return {w: (sum(s for s, _ in v) / len(v), sum(p for _, p in v) / len(v)) for w, v in scores.items()}


@functools.cache
def _frequencies() -> dict[str, float]:
    try:
        from wordfreq import get_frequency_dict
    except ImportError:
        log.warning("wordfreq is not installed: loaded terms go without word rarity (pip install wordfreq)")
        return {}
    return get_frequency_dict("en", wordlist="best")


def zipf(word: str) -> float:
    """Zipf frequency of ``word`` in general English (log10 per billion words; 0 when unseen)."""
    freq = _frequencies().get(word.lower(), 0.0)
    return math.log10(freq) + 9 if freq > 0 else 0.0


_PART = 4  # letters of each part of a compound ("law" + "man" is too short to tell)
_PART_ZIPF = 3.5


def compound(word: str) -> bool:
    """Is ``word`` two common English words written as one ("station" + "house")?"""
    low = word.lower()
    return any(
        zipf(low[:i]) >= _PART_ZIPF and zipf(low[i:]) >= _PART_ZIPF
        for i in range(_PART, len(low) - _PART + 1)
    )


def _look(table: dict, forms: tuple[str, ...]):
    return next((table[f] for f in forms if f in table), None)


def word_features(
    word: str,
    lemma: str = "",
    pos: str = "",
    shared: float = 0.0,
    roles: tuple[str, ...] = (),
    repeated: bool = False,
    meaning: float = 0.0,
) -> tuple[float, ...] | None:
    """The :data:`FEATURES` of one word (``roles`` among :data:`ROLES`; ``repeated``: its lemma
    occurs more than once in the article; ``meaning``: :meth:`LoadedModel.meaning` of its
    vector), or None for a word
    that cannot be judged: a broken token ("low-") or one neither general English nor a
    lexicon knows (a typo, a handle)."""
    low = word.lower()
    forms = (low, lemma.lower()) if lemma else (low,)
    valence, pattern, z = _look(_vader(), forms), _look(_pattern(), forms), zipf(low)
    known = valence is not None or pattern is not None
    # A form general English never uses is a typo or a handle, even when its lemma is a word
    # ("difficults"); a lexicon word missing from the frequency list is still judged.
    if low.endswith("-") or (
        z == 0 and (_look(_vader(), (low,)) is None and _look(_pattern(), (low,)) is None)
    ):
        return None
    subj, pol = pattern or (0.0, 0.0)
    return (
        abs(valence or 0.0) / 4,
        subj,
        abs(pol),
        max(0.0, 7 - z) / 7 if z else 1.0,
        float(z < 2.5),
        *(float(pos == p) for p in _POS),
        shared,
        float(known),
        float(pos == "NOUN" and compound(low)),
        float(repeated),
        *(float(r in roles) for r in ROLES),
        meaning,
    )


@dataclass(frozen=True)
class LoadedModel:
    """Logistic weights over :data:`FEATURES` and the probability from which a word is loaded;
    ``probe`` and ``probe_bias`` score a word's vector for the ``meaning`` feature, clipped to
    ``meaning_range``; ``meaning_neutral`` stands in when no vector can be had."""

    weights: tuple[float, ...]
    intercept: float
    threshold: float
    probe: tuple[float, ...] = ()
    probe_bias: float = 0.0
    meaning_range: tuple[float, float] = (0.0, 0.0)
    meaning_neutral: float = 0.0

    def probability(self, features: tuple[float, ...]) -> float:
        z = sum(w * x for w, x in zip(self.weights, features, strict=True)) + self.intercept
        return 1.0 / (1.0 + math.exp(-z))

    def meaning(self, vectors: np.ndarray) -> np.ndarray:
        """The probe's score of each row of ``vectors`` (word vectors), clipped."""
        lo, hi = self.meaning_range
        # Row-wise, so a word's score does not depend on the batch it is judged in (BLAS rounding).
        score = (np.asarray(vectors) * np.asarray(self.probe)).sum(axis=1) + self.probe_bias
        return np.clip(score, lo, hi)


@functools.cache
def loaded_model() -> LoadedModel:
    """The model shipped with newsprism (``compare/loaded_model.json``)."""
    data = json.loads(resources.files("newsprism.compare").joinpath("loaded_model.json").read_text())
    if tuple(data["features"]) != FEATURES:
        raise ValueError(
            "loaded_model.json was fitted on other features: rerun bench/loaded_terms.py --write"
        )
    return LoadedModel(
        tuple(data["weights"]),
        data["intercept"],
        data["threshold"],
        tuple(data.get("probe", ())),
        data.get("probe_bias", 0.0),
        tuple(data.get("meaning_range", (0.0, 0.0))),
        data.get("meaning_neutral", 0.0),
    )


_WARNED: list[bool] = []


def meanings(words: Sequence[str], model: LoadedModel | None = None) -> dict[str, float]:
    """The ``meaning`` feature of each word: the probe over its MiniLM vector (the word alone,
    embedded in one batch); the neutral value when the embedding model is not installed."""
    model = model or loaded_model()
    unique = list(dict.fromkeys(words))
    if not unique or not model.probe:
        return dict.fromkeys(unique, model.meaning_neutral)
    from newsprism.errors import ModelMissingError
    from newsprism.nlp.embed import load_embedder

    try:
        vectors = load_embedder().embed(unique)
    except ModelMissingError as exc:
        if not _WARNED:
            log.warning("%s; loaded terms go without word meaning", exc.line())
            _WARNED.append(True)
        return dict.fromkeys(unique, model.meaning_neutral)
    return dict(zip(unique, model.meaning(vectors).tolist(), strict=True))


Candidate = tuple[str, str, str, float, tuple[str, ...], bool]


def loaded_words(candidates: Sequence[Candidate], threshold: float | None = None) -> list[bool]:
    """For each (word, lemma, part of speech, share of other outlets using it, roles, lemma
    repeated in the article): is it loaded? A word all the story's other articles use is not
    (it names the story's matter: no outlet chose it). Only words that could pass ``threshold`` (default:
    the model's) at the top of the meaning range are embedded."""
    model = loaded_model()
    floor = model.threshold if threshold is None else threshold
    # A word every other article of the story uses for it is the story's word, not a choice.
    features = [word_features(*c) if c[3] < 1.0 else None for c in candidates]
    top = model.meaning_range[1]
    maybe = [
        c[0]
        for c, f in zip(candidates, features, strict=True)
        if f and model.probability((*f[:-1], top)) >= floor
    ]
    scores = meanings(maybe, model)
    return [
        f is not None and c[0] in scores and model.probability((*f[:-1], scores[c[0]])) >= floor
        for c, f in zip(candidates, features, strict=True)
    ]


def is_loaded(
    word: str,
    lemma: str = "",
    pos: str = "",
    shared: float = 0.0,
    roles: tuple[str, ...] = (),
    threshold: float | None = None,
    repeated: bool = False,
) -> bool:
    """Would newsprism count ``word`` as loaded in an outlet's own voice? ``threshold``
    (``compare.loaded_threshold``) defaults to the one the model was fitted with."""
    return loaded_words([(word, lemma, pos, shared, roles, repeated)], threshold)[0]
