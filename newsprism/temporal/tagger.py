"""Find temporal expressions in text: every rule's matches, filtered, longest first.

The tagger only finds spans and remembers which rule matched with which parts;
:mod:`newsprism.temporal.normalize` gives them values.
"""

from __future__ import annotations

import bisect
import functools
import hashlib
import inspect
import json
import re
from dataclasses import dataclass

from newsprism.nlp.cache import derived
from newsprism.temporal import lexicon as lx
from newsprism.temporal.rules import PRIORITY, RULES

__all__ = ["Mention", "find_mentions"]

# Words after which a bare four-digit number is a year ("in 1990", "since 2014").
_YEAR_BEFORE = re.compile(
    r"(?:\b(?:in|since|of|by|until|till|before|after|from|to|during|through|between|and|or|"
    r"early|late|mid|fiscal|year|circa|around|for|than|the|this|that|'s|a|an|its|his|her|their|our)|[(,])\s*$",
    re.IGNORECASE,
)
_YEAR_AFTER = re.compile(r"^(?:\s*[,.;:)!?'’]|\s*$|\s+(?:and|or|to|was|were|is|will|when|through)\b)")
_PREP_BEFORE = re.compile(
    r"\b(?:in|since|of|by|until|till|before|after|from|to|during|through|between|and|or|"
    r"last|next|this|early|late|mid|end|until|that|each|every)\s+$",
    re.IGNORECASE,
)
_ORDINAL_SECOND = re.compile(
    r"\s+(?:consecutive|straight|successive|time|round|day|week|month|year|quarter|half|term|attempt|wave)\b",
    re.IGNORECASE,
)
_MONTH_LOOKALIKES = frozenset({"may", "march", "june", "august"})
_ARTICLE_BEFORE = re.compile(r"\b(?:a|an|the)\s+$", re.IGNORECASE)
_INDEFINITE_BEFORE = re.compile(r"\b(?:a|an)\s+$", re.IGNORECASE)
_NAME_AFTER = re.compile(r" [A-Z][a-z]+\b")  # a capitalised word right after a bare month
_COPULA_BEFORE = re.compile(r"(?:^|[.!?\"”’]\s+|\n)(?:That|This|It)\s+(?:was|is)\s+$")


@dataclass(frozen=True)
class Mention:
    """A matched expression before normalisation: span, rule and the rule's parts."""

    start: int
    end: int
    rule: str
    parts: tuple[tuple[str, str], ...]

    def part(self, name: str, default: str | None = None) -> str | None:
        for key, value in self.parts:
            if key == name:
                return value
        return default


def find_mentions(text: str) -> list[Mention]:
    """All temporal expressions in ``text``, non-overlapping, in text order."""
    candidates = [m for m in _matches(text) if _plausible(m, text)]
    candidates.sort(key=lambda m: (-(m.end - m.start), PRIORITY[m.rule], m.start))
    taken: list[Mention] = []
    starts: list[int] = []  # of taken, sorted; taken never overlap, so their ends sort alike
    ends: list[int] = []
    for cand in candidates:
        k = bisect.bisect_left(starts, cand.end)  # the taken that start before cand ends
        if k == 0 or ends[k - 1] <= cand.start:  # and the last of them ends before it starts
            taken.append(cand)
            starts.insert(k, cand.start)
            ends.insert(k, cand.end)
    return sorted(taken, key=lambda m: m.start)


def _matches(text: str) -> list[Mention]:
    """Every rule's matches, kept in the run's store by text when the code that finds them can be
    named (45 scans of each article were the largest step of a brief from cached parses)."""
    kind = _matches_kind()
    if kind is None:
        return _all_matches(text)
    return derived(kind, text, _all_matches, _encode, _decode)


@functools.cache
def _matches_kind() -> str | None:
    """``timex-`` and a hash of the rules and of the code that applies them (a changed rule or
    scan misses the kept matches); None when the source cannot be read."""
    try:
        code = inspect.getsource(_all_matches) + inspect.getsource(Mention)
    except (OSError, TypeError):
        return None
    rules = "\n".join(f"{r.name}\t{r.regex.flags}\t{r.regex.pattern}" for r in RULES)
    return "timex-" + hashlib.sha1((code + rules).encode("utf-8", "surrogatepass")).hexdigest()[:16]


def _encode(found: list[Mention]) -> bytes:
    return json.dumps([[m.start, m.end, m.rule, m.parts] for m in found]).encode("ascii")


def _decode(data: bytes) -> list[Mention]:
    return [
        Mention(start, end, rule, tuple((k, v) for k, v in parts))
        for start, end, rule, parts in json.loads(data)
    ]


def _all_matches(text: str) -> list[Mention]:
    found = []
    for rule in RULES:
        for match in rule.regex.finditer(text):
            if match.end() == match.start():
                continue
            parts = tuple(sorted((k, v) for k, v in match.groupdict().items() if v is not None))
            start, end = match.span("core") if "core" in rule.regex.groupindex else match.span()
            # "May 4." at the end of a sentence: the period is not part of the date.
            if text[end - 1 : end] == "." and rule.name in {"date_mdy", "date_dmy", "month"}:
                end -= 1
            found.append(Mention(start, end, rule.name, parts))
    return found


def _plausible(mention: Mention, text: str) -> bool:
    before = text[max(0, mention.start - 40) : mention.start]
    after = text[mention.end : mention.end + 20]
    if mention.rule in _TITLE_RULES and _in_title(mention, text, before):
        return False
    if mention.rule == "year":
        return _plausible_year(mention, before, text[mention.end : mention.end + 40])
    if mention.rule == "month":
        return _plausible_month(mention, before, after)
    if mention.rule == "date_dmy" and mention.part("year") is None:
        # "3 May" is rarer in news than "May 3"; "the 3 May" or "33 May" are noise.
        return not re.search(r"[\d$£€]\s*$", before)
    if mention.rule in {"duration", "ago"} and re.match(r"\s*(?:%|percent)", after):
        return False
    if (
        mention.rule == "duration"
        and mention.part("unit", "").lower() == "second"
        and _ORDINAL_SECOND.match(after)
    ):
        return False  # "a second consecutive day", "a second time": an ordinal
    return not (mention.rule == "duration" and re.search(r"[$£€]\s*$", before))


# Rules whose words also name shows and papers ("USA TODAY", ABC's "This Week", "Fox News Sunday").
_TITLE_RULES = frozenset({"rel_day", "rel_unit", "weekday", "this_part"})
_QUOTED_CAPS = re.compile(r"[“\"]((?:[A-Z][\w.'’-]*\s+)*)$")
_QUOTE_CLOSE = re.compile(r"[,.]?[”\"]")
_CAPS_WORD_BEFORE = re.compile(r"(?:^|[ \t])([A-Z][\w'’.-]*)[ \t]+$")


def _in_title(mention: Mention, text: str, before: str) -> bool:
    """A day word inside a name: every word capitalised, and either quoted with only
    capitalised words before it in the quote ("Fox News Sunday", ABC's "This Week"), or, for
    a word written in lower case in running text ("today", "this week"), right after a
    capitalised word of the same line ("USA TODAY", "USA Today"). Weekdays are always
    capitalised, so only a quoted name tells them apart ("Trump Monday said" is a day)."""
    words = text[mention.start : mention.end].split()
    if not all(w[:1].isupper() for w in words):
        return False
    quoted = _QUOTED_CAPS.search(before)
    if quoted and _QUOTE_CLOSE.match(text, mention.end) and (quoted.group(1) or mention.rule != "weekday"):
        return True
    if mention.rule == "weekday":
        return False
    prev = _CAPS_WORD_BEFORE.search(before)
    return bool(prev) and not prev.group(1).endswith((".", ":"))


def _plausible_year(mention: Mention, before: str, after: str) -> bool:
    if mention.part("pre"):
        return True
    # (a comma and a space is a list's or an apposition's: "in 2004, 2005 and 2006", "Ames,
    # 2015 winner of the prize"; a comma alone a number's, "1,2015", and after a day a date's
    # the date rules did not take: "FeaturedFebruary 6, 2016")
    if re.search(r"(?:[\d$£€.:/#]\s*|,|(?<!\d)\d{1,2},\s*)$", before) or re.match(
        r"\s*(?:%|percent|[-/]\d)", after
    ):
        return False
    return bool(_YEAR_BEFORE.search(before) or _YEAR_AFTER.match(after) or _before_year_noun(mention, after))


# A year as a modifier: "1995 tax return", "2008 presidential campaign" (one word between at most).
_NEXT_WORDS = re.compile(r"^\s+(?:([a-z]+(?:-[a-z]+)?)\s+)?([a-z]+)\b")


def _before_year_noun(mention: Mention, after: str) -> bool:
    """A year of this century or the last written before a noun of events or documents."""
    m = _NEXT_WORDS.match(after)
    year = mention.part("year") or ""
    if not m or not year.startswith(("19", "20")):
        return False
    return m.group(2) in lx.YEAR_NOUNS or m.group(1) in lx.YEAR_NOUNS


def _plausible_month(mention: Mention, before: str, after: str = "") -> bool:
    """A month name alone: only after a preposition or a modifier, not after a name; or as
    what a short clause says it was ("That was May.")."""
    if mention.part("pre"):
        return True
    month = (mention.part("month") or "").lower()
    if _PREP_BEFORE.search(before) or (_COPULA_BEFORE.search(before) and re.match(r"[.;]", after)):
        return True
    if _NAME_AFTER.match(after) and not (_ARTICLE_BEFORE.search(before) and month not in _MONTH_LOOKALIKES):
        # "April Mellody, a spokeswoman": a given name before a surname; but an article makes
        # the month a modifier ("a September Washington Post-ABC News poll")
        return False
    if _INDEFINITE_BEFORE.search(before) and re.match(r" [a-z]", after):
        return True  # "a May interview", "an August poll": no verb or name follows "a"
    return month not in _MONTH_LOOKALIKES
