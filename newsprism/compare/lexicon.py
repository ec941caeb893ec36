"""Evaluative-word lexicon for loaded terms, from two public lexicons on the registry.

- VADER (``vaderSentiment``): about 7,500 English words rated for valence (-4 to 4) by
  several raters each;
- the Pattern subjectivity lexicon shipped in ``textblob`` (``en-sentiment.xml``): about
  2,900 adjectives with subjectivity (0 to 1) and polarity (-1 to 1).

A word is loaded when Pattern calls it strongly subjective and clearly polar, or VADER
gives it a strong valence and it reads as an adjective or adverb. Neither package is imported: only their data files are read,
located through the import system, so no model or network is involved. The thresholds
were chosen on the calibrate half of bench/brief_gold (best F1 of loaded-term recall and
precision); figures in docs/results/brief.md.
"""

from __future__ import annotations

import functools
import importlib.util
import logging
import re
import xml.etree.ElementTree as ET
from pathlib import Path

__all__ = ["is_loaded", "loaded_words"]

log = logging.getLogger(__name__)

PATTERN_SUBJECTIVITY = 0.9
PATTERN_POLARITY = 0.5
VADER_VALENCE = 2.5
# VADER rates event words as strongly as judgements ("killed" -3.5, "dead" -3.3), which in
# news are plain reporting. Only its words with an adjective or adverb ending judge.
_JUDGING_ENDINGS = ("ous", "ful", "ive", "ic", "ible", "able", "al", "ish", "less", "ly", "ent", "ant", "ing")
_WORD = re.compile(r"[a-z][a-z'-]+")


def _package_dir(name: str) -> Path | None:
    spec = importlib.util.find_spec(name)
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(next(iter(spec.submodule_search_locations)))


def _vader() -> dict[str, float]:
    base = _package_dir("vaderSentiment")
    path = base / "vader_lexicon.txt" if base else None
    if path is None or not path.is_file():
        log.warning("vaderSentiment is not installed: loaded terms use the Pattern lexicon only")
        return {}
    out = {}
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        parts = line.split("\t")
        if len(parts) >= 2 and _WORD.fullmatch(parts[0]):
            out[parts[0]] = float(parts[1])
    return out


def _pattern() -> dict[str, tuple[float, float]]:
    base = _package_dir("textblob")
    path = base / "en" / "en-sentiment.xml" if base else None
    if path is None or not path.is_file():
        log.warning("textblob is not installed: loaded terms use the VADER lexicon only")
        return {}
    scores: dict[str, list[tuple[float, float]]] = {}
    for word in ET.parse(path).getroot().iter("word"):
        form = (word.get("form") or "").lower()
        scores.setdefault(form, []).append(
            (float(word.get("subjectivity", 0)), float(word.get("polarity", 0)))
        )
    return {w: (sum(s for s, _ in v) / len(v), sum(p for _, p in v) / len(v)) for w, v in scores.items()}


@functools.lru_cache(maxsize=1)
def loaded_words() -> frozenset[str]:
    """Every word the two lexicons mark as loaded (lower case)."""
    pattern = {
        w
        for w, (subj, pol) in _pattern().items()
        if subj >= PATTERN_SUBJECTIVITY and abs(pol) >= PATTERN_POLARITY
    }
    vader = {w for w, v in _vader().items() if abs(v) >= VADER_VALENCE and w.endswith(_JUDGING_ENDINGS)}
    return frozenset(pattern | vader)


def is_loaded(word: str) -> bool:
    return word.lower() in loaded_words()
