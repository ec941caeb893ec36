"""The time a person served in prison: "Ada Morrow served four months in federal prison", "He
served a reduced sentence of four and a half months in prison", "Morrow, who served a
6-month jail term".

One person's term told two ways is a contradiction (issue 16 item 4). The person is the name
opening the sentence ("Ada Morrow, a former aide who served ...": Morrow, not a name inside
the apposition); a sentence opening with "He" or "She" is the article's main person's (see
:func:`main_person`), the one whose surname the article writes most, by far. A term told with a
bound ("nearly a year", "more than two years") is no value to compare, and only terms of one
unit are compared: "136 days" against "four months" is a conversion the copy may have rounded.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from newsprism.compare.lexicon import zipf
from newsprism.quotes.names import TITLE_WORDS, is_given_name

__all__ = ["holder_opening", "main_person", "prison_terms", "terms_apart"]

_NUMBER_WORDS = "one two three four five six seven eight nine ten eleven twelve".split()  # noqa: SIM905
_NUM = r"(?:\d{1,3}|" + "|".join(_NUMBER_WORDS) + r"|a|an)"
_UNIT = r"(?:day|week|month|year)s?"
# "served four and a half months in federal prison", "served a sentence of five months in jail",
# "served 18 months behind bars"
_SERVED_IN = re.compile(
    rf"\bserved\s+(?:a\s+(?:reduced\s+|total\s+)?(?:sentence|term)\s+of\s+)?(?P<n>{_NUM})"
    rf"(?P<half>\s+and\s+a\s+half)?\s+(?P<unit>{_UNIT})\s+(?:in\s+(?:a\s+)?(?:federal\s+|state\s+|county\s+)?"
    r"(?:prison|jail|penitentiary)|behind\s+bars)\b",
    re.IGNORECASE,
)
# "served a 6-month jail term", "served a two-year prison sentence"
_SERVED_TERM = re.compile(
    rf"\bserved\s+an?\s+(?P<n>{_NUM})(?P<half>)[- ](?P<unit>day|week|month|year)[- ]"
    r"(?:prison|jail)\s+(?:term|sentence)\b",
    re.IGNORECASE,
)
# any term the sentence gives, served or not ("and Ada Morrow three years in jail")
_ANY_TERM = re.compile(
    rf"\b{_NUM}(?:\s+and\s+a\s+half)?[\s-]+(?:{_UNIT})[\s-]+(?:in\s+(?:a\s+)?(?:federal\s+|state\s+|county\s+)?"
    r"(?:prison|jail|penitentiary)|behind\s+bars|prison\s+(?:term|sentence)|jail\s+(?:term|sentence))\b",
    re.IGNORECASE,
)
# what opens a sentence before its subject's name: "Mr.", "Former Sen.", a title word
_OPENING_NAME = re.compile(r"^\W*((?:[A-Z][a-z]*\.?\s+){0,3}[A-Z][a-z][\w'’-]*)\b")
_PRONOUN = re.compile(r"^\W*(?:he|she)\b", re.IGNORECASE)
# A word this common in general English opening a sentence is no one's name ("The", "After").
_COMMON_WORD = 4.5

Term = tuple[str, str, str, int, int]  # key "surname" ("" for he / she), "amount unit", shown, start, end


def prison_terms(text: str) -> list[Term]:
    """(holder's surname or "" for a pronoun, "amount unit", shown, start, end) of each prison
    term the sentence gives with its holder opening the sentence."""
    found = [*_SERVED_IN.finditer(text), *_SERVED_TERM.finditer(text)]
    if len(found) != 1 or len(_ANY_TERM.findall(text)) > 1:
        return []  # two terms: whose is which is not told
    m = found[0]
    holder = holder_opening(text[: m.start()])
    if holder is None:
        return []
    word = m.group("n").lower()
    amount = (
        1.0 if word in ("a", "an") else float(word) if word.isdigit() else _NUMBER_WORDS.index(word) + 1.0
    )
    amount += 0.5 if m.group("half") else 0.0
    unit = m.group("unit").lower().rstrip("s")
    return [(holder, f"{amount:g} {unit}", m.group(0), m.start(), m.end())]


def holder_opening(before: str) -> str | None:
    """The surname of the name opening ``before`` (titles left out), "" for "he" / "she", or None."""
    if _PRONOUN.match(before):
        return ""
    opening = _OPENING_NAME.match(before)
    if opening is None:
        return None
    words = [w for w in opening.group(1).split() if w.rstrip(".").lower() not in TITLE_WORDS]
    if not words or words[-1].endswith(".") or (len(words) == 1 and zipf(words[0]) >= _COMMON_WORD):
        return None
    return words[-1].lower()


# "Ada Morrow", "Mr. Morrow": a surname is a word written after a given name or a courtesy title
_SURNAME_AFTER = re.compile(
    r"\b(?:(?P<given>[A-Z][a-z]+)|Mr|Mrs|Ms)\.?\s+(?:[A-Z]\.\s+)?(?P<surname>[A-Z][a-z][\w'’-]+)"
)
# The main person's surname is written this many times at least, and this many times as often
# as any other surname, or written more than any other and first (a lead names its person
# first: an obituary of an aide names the president he served often too).
_MAIN_LEAST = 3
_MAIN_RATIO = 2.0


@lru_cache(maxsize=256)
def main_person(article: str) -> str | None:
    """The surname the article writes most, when it writes it often and far more than any other
    or first and more than any other: whom "He served ..." tells of in an article about one
    person."""
    found = [
        m.group("surname")
        for m in _SURNAME_AFTER.finditer(article)
        if m.group("given") is None or is_given_name(m.group("given"))
    ]
    counts = Counter(
        {s.lower(): len(re.findall(rf"\b{re.escape(s)}\b", article)) for s in found}
    ).most_common(2)
    if not counts or counts[0][1] < _MAIN_LEAST:
        return None
    if len(counts) > 1 and counts[0][1] < _MAIN_RATIO * counts[1][1]:
        first = counts[0][0] == found[0].lower()
        return counts[0][0] if first and counts[0][1] > counts[1][1] else None
    return counts[0][0]


# Two terms of one person this far apart are no term told wrong but a garbled figure ("412
# months" for four and a half) or another term (a sentence against the time served).
_TERM_RATIO = 10.0


def terms_apart(a: str, b: str) -> bool:
    """Two terms ("amount unit") of one holder told two ways: one unit, amounts different and
    within a factor of ten."""
    (amount_a, unit_a), (amount_b, unit_b) = a.split(), b.split()
    low, high = sorted((float(amount_a), float(amount_b)))
    return unit_a == unit_b and low != high and high < _TERM_RATIO * low
