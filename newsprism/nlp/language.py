"""Is a text English? The models behind every analysis read English only; say so when they cannot."""

from __future__ import annotations

import re

__all__ = ["language_problem"]

# The most frequent English function words: any English news paragraph is full of them.
_ENGLISH = frozenset(
    ["the", "of", "and", "to", "a", "in", "is", "that", "for", "on", "with", "as", "was", "by", "at",
     "it", "from", "be", "has", "have", "are", "said", "were", "its", "an", "this"]
)  # fmt: skip
_WORD = re.compile(r"[^\W\d_]+")
# Shares set by hand: the example's English articles are 30-33% these words; one-sentence
# German, French and Spanish news samples 0-4%. Latin letters: English is all of them.
_MIN_LATIN = 0.5
_MIN_ENGLISH = 0.08


def language_problem(text: str, sample: int = 20_000) -> str | None:
    """Why ``text`` is not English enough for the models, or None when it is (or too short to say)."""
    words = _WORD.findall(text[:sample])
    if len(words) < 20:
        return None
    letters = "".join(words)
    # an all-ASCII text (most news) is all Latin: no reading letter by letter
    latin = (
        1.0
        if letters.isascii()
        else sum(ch.isascii() or "\u00c0" <= ch <= "\u024f" for ch in letters) / len(letters)
    )
    if latin < _MIN_LATIN:
        return "the text is not in the Latin script"
    english = sum(w.lower() in _ENGLISH for w in words) / len(words)
    if english < _MIN_ENGLISH:
        return "the text does not look like English"
    return None
