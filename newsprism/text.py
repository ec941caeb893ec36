"""The text layer under quotes, compare and the brief: sentences, words, numbers, cues.

Rule-based and model-free on purpose: they run on every sentence of every article,
and their decisions must be explainable in one line of a brief.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable
from typing import TypeVar

_T = TypeVar("_T")

__all__ = [
    "ATTRIBUTION_VERBS",
    "NOT_TAKEN",
    "HEDGES",
    "balance_quotes",
    "content_words",
    "counted_things",
    "counts_at",
    "date_terms",
    "hedges_in",
    "key_terms",
    "negated_words",
    "money_amounts",
    "negations",
    "normalize_words",
    "numbers",
    "quantities",
    "quote_regions",
    "split_sentences",
    "stem",
    "unclosed_quotes",
    "without_quoted",
    "words",
]

_ABBREV = {
    "u.s",
    "u.k",
    "u.n",
    "mr",
    "mrs",
    "ms",
    "dr",
    "st",
    "gen",
    "col",
    "sen",
    "rep",
    "gov",
    "jan",
    "feb",
    "aug",
    "sept",
    "oct",
    "nov",
    "dec",
    "d.c",
    "inc",
    "corp",
    "no",
    "vs",
    "lt",
    "sgt",
    "prof",
    # titles written before a name, never at a sentence's end ("the Rev. Al Vell", "Sens. Orrin and Roe")
    "rev",
    "sens",
    "reps",
    "govs",
    "capt",
    "adm",
    "maj",
    "cmdr",
    "msgr",
    "supt",
}
# The look-behind starts a match only at the first mark of a run: a run that fails from its
# first mark fails from every later one, and retrying each made a long run of dots quadratic.
_BOUNDARY = re.compile(r"(?<![.!?])[.!?]+[\"”’']*(?=\s+[\"“‘'(\[]*[A-Z0-9])|\n+")
_WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9'’.-]*[A-Za-z0-9]|[A-Za-z0-9]")

# Reporting hedges: words that mark a claim as not established by the outlet itself.
HEDGES = (
    "alleged",
    "allegedly",
    "apparent",
    "apparently",
    "claimed",
    "purported",
    "purportedly",
    "reportedly",
    "unverified",
    "unconfirmed",
    "supposed",
    "supposedly",
    "so-called",
    "possibly",
    "may have",
    "might have",
    "appeared to",
    "seemed to",
    "without citing evidence",
    "without evidence",
    "did not offer proof",
    "could not validate",
    "could not be verified",
    "could not be independently verified",
    "could not be confirmed",
    "if at all",
    "according to",
)
# Attribution verbs, by what they imply about the speaker (said is neutral).
ATTRIBUTION_VERBS = {
    "said": "neutral",
    "says": "neutral",
    "told": "neutral",
    "added": "neutral",
    "stated": "neutral",
    "according": "neutral",
    "reported": "neutral",
    "announced": "neutral",
    "noted": "neutral",
    "claimed": "doubt",
    "claims": "doubt",
    "alleged": "doubt",
    "insisted": "doubt",
    "asserted": "doubt",
    "admitted": "concession",
    "conceded": "concession",
    "acknowledged": "concession",
    "denied": "denial",
    "denies": "denial",
    "rejected": "denial",
    "refuted": "denial",
    "dismissed": "denial",
    "derided": "denial",
    "denounced": "denial",
    "accused": "accusation",
    "blamed": "accusation",
    "charged": "accusation",
    "warned": "emphasis",
    "vowed": "emphasis",
    "threatened": "emphasis",
    "slammed": "emphasis",
}
_NEGATION = re.compile(r"\b(not|no|never|nothing|none|neither|nor|without|cannot)\b|n[’']t\b", re.IGNORECASE)
_UNITS = (
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
)
_TENS = ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
_WORD_NUMBERS = {w: i + 1 for i, w in enumerate(_UNITS)} | {w: 20 + 10 * i for i, w in enumerate(_TENS)}
_WORD_NUMBERS |= {"dozen": 12, "hundred": 100}
# A compound ordinal counts as its number ("eighty-first" is 81, as "81st" is), not its tens.
_ORDINAL_UNITS = {
    w: i + 1
    for i, w in enumerate(
        ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth")
    )
}
_WORD_NUMBER = (
    r"(?:"
    + "|".join(_TENS)
    + r")(?:-(?:"
    + "|".join((*_UNITS[:9], *_ORDINAL_UNITS))
    + r"))?|"
    + "|".join(sorted(_WORD_NUMBERS, key=len, reverse=True))
)
# A number starts at the head of its digits (a start inside them finds nothing the head does
# not) and runs over at most 60 more digits and commas: a quantity's search retried every digit
# of a long run, each time to the end of it (25,000 digits took minutes).
_NUMBER = re.compile(
    r"([$€£]?(?<!\d)\d[\d,]{0,60}(?:\.\d+)?)\s*(million|billion|trillion|thousand|%|percent|(?:bn|tn)\b)?|\b((?:"
    + _WORD_NUMBER
    + r")(?:\s+(?:hundred|thousand))?)\b",
    re.IGNORECASE,
)
_QUANTITY = re.compile("(?:" + _NUMBER.pattern + r")\s+([a-z]+)", re.IGNORECASE)
MONTHS = (
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
)
DAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_STOP_TEXT = (
    "a an the and or but of to in on at for by with from as is are was were be been being it its this "
    "that these those he she they we you i his her their our your my me him them us who whom which "
    "what when where how why there here than then so such also has have had do does did will would "
    "can could should may might must shall into over under about after before while not no if"
)
STOPWORDS = frozenset(_STOP_TEXT.split())
# Spelling and transliteration variants folded to one form (applies to words, lower case).
_SPELLINGS = {
    "u.s": "us",
    "u.s.": "us",
}
# Word-final "-iy"/"-yy" transliterate one Cyrillic ending that others write "-y".
_TRANSLIT_END = re.compile(r"(?<=\w\w\w)(?:iy|yy)$")
_QUOTE_PAIRS = (("“", "”"), ('"', '"'), ("«", "»"), ("‘", "’"))


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans ``[start, end)``: ends at . ! ? (+ closing quote) before a capital, or a newline."""
    spans: list[tuple[int, int]] = []
    start = 0
    for match in _BOUNDARY.finditer(text):
        end = match.end() if match.group().strip() else match.start()
        if match.group().startswith(".") and _is_abbreviation(text, match.start()):
            continue
        _add_span(text, start, end, spans)
        start = match.end()
    _add_span(text, start, len(text), spans)
    return spans


def _is_abbreviation(text: str, dot: int) -> bool:
    head = text[max(0, dot - 6) : dot].lower()
    word = re.split(r"[\s(\"“]", head)[-1]
    return word in _ABBREV or (len(word) == 1 and word.isalpha())


def _add_span(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append((start, end))


def words(text: str) -> list[str]:
    return _WORD.findall(text)


def normalize_words(text: str) -> list[str]:
    """Lower-cased words with spelling/transliteration variants folded."""
    folded = _FOLDED
    out = []
    for w in words(text.replace("’", "'")):
        f = folded.get(w)
        if f is None:
            if len(folded) >= _FOLDED_MAX:
                folded.clear()
            f = folded[w] = _fold(w)
        out.append(f)
    return out


def _fold(word: str) -> str:
    low = word.lower().rstrip(".")
    found = _SPELLINGS.get(low)
    if found is not None:
        return found
    return _TRANSLIT_END.sub("y", low) if low.endswith(("iy", "yy")) else low


# Each distinct word's folded form, kept: a brief normalises the same statements' words in
# several steps (a story's vocabulary is tens of thousands of words; the bound keeps memory flat).
_FOLDED: dict[str, str] = {}
_FOLDED_MAX = 1 << 18


def stem(word: str) -> str:
    """A crude suffix stripper: enough to match attack/attacks/attacking/attacked."""
    found = _STEMS.get(word)
    if found is None:
        if len(_STEMS) >= _FOLDED_MAX:
            _STEMS.clear()
        found = _STEMS[word] = _stem(word)
    return found


_STEMS: dict[str, str] = {}  # kept like _FOLDED: the same words are stemmed by many steps


def _stem(word: str) -> str:
    w = word.lower()
    for suffix in ("ing", "ed", "es", "s"):
        if len(w) > len(suffix) + 3 and w.endswith(suffix):
            return w[: -len(suffix)]
    return w


def content_words(text: str) -> list[str]:
    found = _CONTENT.get(text)
    if found is None:
        if len(_CONTENT) >= _CONTENT_MAX:
            _CONTENT.clear()
        found = _CONTENT[text] = tuple(
            w for w in normalize_words(text) if w not in STOPWORDS and "'" not in w
        )
    return list(found)  # a new list: callers may change it


# Each text's content words, kept: alignment (twice) and the pair features read every statement's
# (bounded like _FOLDED, by texts).
_CONTENT: dict[str, tuple[str, ...]] = {}
_CONTENT_MAX = 1 << 15


# Negations that belong to how a source is described, not to the claim ("two officials who
# asked not to be named"): they must not flip the polarity of what the source says.
_SOURCE_FORMULA = re.compile(
    r"\b(?:asked|requested|declined|wished|agreed)\s+not\s+to\s+be\s+(?:named|identified|quoted)\b"
    r"|\bnot\s+authori[sz]ed\s+to\s+(?:speak|talk|comment)\b",
    re.IGNORECASE,
)


def negations(text: str) -> int:
    return len(_NEGATION.findall(_SOURCE_FORMULA.sub(" ", text)))


def negated_words(text: str, window: int = 4) -> set[str]:
    """Stems of the content words in the ``window`` words after each negation: what is denied."""
    text = _SOURCE_FORMULA.sub(" ", text)
    out: set[str] = set()
    for m in _NEGATION.finditer(text):
        after = content_words(" ".join(text[m.end() :].split()[:window]))
        out.update(stem(w) for w in after)
    return out


def numbers(text: str) -> set[str]:
    """Numbers as normalised strings ("2.6 billion" -> "2600000000")."""
    return set(_kept(_NUMBERS_OF, text, lambda t: frozenset(_numbers(t))))  # a new set: callers may add to it


# Words, short phrases and statements are read again and again: each statement word, and each
# statement by several steps of a brief (alignment, the pair model in compare and in the
# brief, contradictions). What the pure readers below find in a text is kept by text, bounded
# like _FOLDED, frozen, and handed out as new containers (callers may add to them).
_KEPT_CHARS = 2000  # statements and sentences; a whole article is read once
_NUMBERS_OF: dict[str, frozenset[str]] = {}
_QUANTITIES_OF: dict[str, tuple[tuple[str, frozenset[str]], ...]] = {}
_KEY_TERMS_OF: dict[str, frozenset[str]] = {}


def _kept(table: dict[str, _T], text: str, read: Callable[[str], _T]) -> _T:
    """``read(text)``, kept in ``table`` for texts up to ``_KEPT_CHARS``."""
    if len(text) > _KEPT_CHARS:
        return read(text)
    found = table.get(text)
    if found is None:
        if len(table) >= _FOLDED_MAX:
            table.clear()
        found = table[text] = read(text)
    return found


def _numbers(text: str) -> set[str]:
    found = set()
    for m in _NUMBER.finditer(text):
        if m.group(3):
            found.add(str(_word_number(m.group(3))))
            continue
        raw = m.group(1).lstrip("$€£").replace(",", "")
        try:
            value = float(raw)
        except ValueError:
            continue
        scale = _MONEY_SCALE.get((m.group(2) or "").lower(), 1)
        found.add(format(value * scale, ".15g"))
    return found


# A sum of money: a currency sign or code, the figure, and a scale word ("$1 million",
# "€3.5bn", "US$ 200,000", "£12m").
_MONEY = re.compile(
    r"(?:US\$|[$€£¥]|\b(?:USD|EUR|GBP)\s?)\s?(\d[\d,]*(?:\.\d+)?)\s*(million|billion|trillion|thousand|bn|m|k)?\b",
    re.IGNORECASE,
)
_MONEY_SCALE = {
    "thousand": 1e3,
    "k": 1e3,
    "million": 1e6,
    "m": 1e6,
    "billion": 1e9,
    "bn": 1e9,
    "trillion": 1e12,
    "tn": 1e12,
}


def money_amounts(text: str) -> set[str]:
    """Sums of money as normalised values ("$1 million" -> "1000000"); ranges give both ends."""
    found = set()
    for m in _MONEY.finditer(text):
        try:
            value = float(m.group(1).replace(",", ""))
        except ValueError:
            continue
        found.add(format(value * _MONEY_SCALE.get((m.group(2) or "").lower(), 1), ".15g"))
    return found


def _word_number(word: str) -> int:
    """ "twenty-one" -> 21, "two hundred" -> 200."""
    first, _, scale = word.lower().partition(" ")
    tens, _, unit = first.partition("-")
    value = _WORD_NUMBERS[tens] + (_WORD_NUMBERS.get(unit) or _ORDINAL_UNITS[unit] if unit else 0)
    return value * {"hundred": 100, "thousand": 1000}.get(scale.strip(), 1)


def _is_ordinal(m: re.Match) -> bool:
    """A compound ordinal ("the eighty-first district") ranks a thing: it counts nothing."""
    return bool(m.group(3)) and m.group(3).lower().rpartition("-")[2] in _ORDINAL_UNITS


# Counts of persons under another name are one unit ("about 200 residents" / "two hundred people").
_PERSONS = {"people", "person", "resident", "inhabitant", "civilian"}


def quantities(text: str) -> dict[str, set[str]]:
    """Counted things: {"people": {"12"}} from "12 people" or "twelve injured people"."""
    kept = _kept(_QUANTITIES_OF, text, lambda t: tuple((k, frozenset(v)) for k, v in _quantities(t).items()))
    return {noun: set(values) for noun, values in kept}


def counts_of_things(text: str) -> dict[str, set[str]]:
    """:func:`quantities` without the numbers that count nothing: the day or year of a date
    ("June 24 outside", "June 24, 2005 murder"), a clock time ("4:43 left"), a score ("45-42
    game"), a code ("No. VA089897 filed"), an age in apposition ("Zimmerman, 32, noted") and
    the pronoun "one another"."""
    out: dict[str, set[str]] = {}
    for m in _QUANTITY.finditer(text):
        if _counts_nothing(text, m):
            continue
        for noun, values in _quantities(m.group(0)).items():
            out.setdefault(noun, set()).update(values)
    return out


_MONTH_BEFORE = re.compile(
    r"\b(?:" + "|".join(m[:3] for m in MONTHS) + r")[a-z]*\.?\s+(?:\d{1,2},?\s+)?$", re.IGNORECASE
)
_NAME_BEFORE = re.compile(r"\b[A-Z][\w'’.-]*,\s+$")


def _counts_nothing(text: str, m: re.Match[str]) -> bool:
    """Whether the number of a :data:`_QUANTITY` match ``m`` is part of a date, a clock time, a
    score or a code, an age set off by commas after a name, or "one" of "one another"."""
    start = m.start()
    glued = text[start - 1] if start else " "
    if glued == ":" or glued.isalpha() or (glued in "-–" and start > 1 and text[start - 2].isdigit()):
        return True
    before = text[max(0, start - 20) : start]
    if _MONTH_BEFORE.search(before):
        return True
    raw = m.group(0).rsplit(None, 1)[0]
    if raw.endswith(",") and _NAME_BEFORE.search(before) and raw[:-1].isdigit() and len(raw) <= 4:
        return True  # "Zimmerman, 32, noted": an age in apposition
    return m.group(0).lower().split()[-1] == "another" and raw.lower() == "one"


def _quantities(text: str) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for m in _QUANTITY.finditer(text):
        if _is_ordinal(m):
            continue
        value = numbers(m.group(0).rsplit(None, 1)[0])
        noun = stem(m.group(4))
        noun = "people" if noun in _PERSONS else noun
        if value and noun not in STOPWORDS and noun not in {"a.m", "p.m", "am", "pm"}:
            out.setdefault(noun, set()).update(value)
    return out


# The words after a count, up to the head noun of what is counted: "300 Welsh sheep" counts
# sheep, not Welsh. Only a modifier leads on (a capitalised word: "Welsh",
# "Northern"; an adjective ending: "additional", "local"), so "90 people set off" counts
# people; a participle ("people hurt", "sheep sold") or a function word ends it.
_NEXT_WORD = re.compile(r"[ \t]+([A-Za-z][\w'’-]*)")
_MODIFIER = re.compile(r"^(?:[A-Z]\w*|\w+(?:al|ary|ive|ous|ful|ic|ian|ese|ish))$")
_HEAD_WORDS = 3
_NOT_HEAD = frozenset(
    """since until across despite per amid among after before during including near over under ago
    against toward towards within without via than""".split()  # noqa: SIM905
)


def counted_things(text: str) -> dict[str, set[str]]:
    """Counts by the head noun of what they count: {"sheep": {"300"}} from "300 Welsh sheep",
    where :func:`quantities` keys on the first word after the number ("welsh")."""
    out: dict[str, set[str]] = {}
    for _, _, noun, value in counts_at(text):
        out.setdefault(noun, set()).update(value)
    return out


def counts_at(text: str) -> list[tuple[int, int, str, set[str]]]:
    """Each count with where it stands: (start, end of the counted phrase, head noun, values)
    ("300 Welsh sheep" -> (0, 15, "sheep", {"300"})), as :func:`counted_things` reads them."""
    out = []
    for m in _QUANTITY.finditer(text):
        if _is_ordinal(m):
            continue
        value = numbers(m.group(0).rsplit(None, 1)[0])
        head, end = m.group(4), m.end()
        if head.lower() in STOPWORDS:
            continue  # "$5 million in grants": what follows is not what is counted
        for _ in range(_HEAD_WORDS - 1):
            nxt = _NEXT_WORD.match(text, end) if _MODIFIER.match(head) else None
            word = nxt.group(1).lower() if nxt else ""
            if (
                not word
                or word in STOPWORDS
                or word in _NOT_HEAD
                or word.endswith(("ed", "ing"))
                or word in _WORD_NUMBERS
            ):
                break
            head, end = nxt.group(1), nxt.end()
        noun = stem(head)
        noun = "people" if noun in _PERSONS else noun
        if value and noun not in STOPWORDS and noun not in {"a.m", "p.m", "am", "pm"}:
            out.append((m.start(), end, noun, value))
    return out


_DATE_TERM = re.compile(r"\b(?:" + "|".join(DAYS + MONTHS) + r")\b")
# An abbreviated month, with its period or before a day ("Feb. 22", "Sept 9"): "mar" or "may"
# alone are words.
_MONTH_ABBREVIATION = re.compile(r"\b(jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)(?:\.|(?=\s+\d))")


# A signpost to what the page holds ("Win or go home: Here's a look at what each needs"); one
# that goes on past a colon gives the fact it announces ("Here's one example: the fund lost …");
# one ending on the colon introduces what follows ("Here are five things to watch tonight:").
_SIGNPOST = re.compile(r"(?:^|:\s+)here(?:['’]s| is| are)\b[^:]*:?$", re.IGNORECASE)


def signpost(text: str) -> bool:
    """Whether ``text`` points the reader to what the page holds next rather than telling it."""
    return bool(_SIGNPOST.search(text.strip()))


def date_terms(text: str) -> set[str]:
    """Weekday and month names the text uses, lower-cased, abbreviated months as their full name
    (one pass over the text)."""
    low = text.lower()
    found = set(_DATE_TERM.findall(low))
    for m in _MONTH_ABBREVIATION.finditer(low):
        found.add(next(name for name in MONTHS if name.startswith(m.group(1)[:3])))
    return found


def key_terms(text: str) -> set[str]:
    """Names (capitalised words not starting the sentence), numbers and dates."""
    return set(_kept(_KEY_TERMS_OF, text, lambda t: frozenset(_key_terms(t))))


def _key_terms(text: str) -> set[str]:
    toks = words(text)
    names = {
        _SPELLINGS.get(t.lower().rstrip("."), t.lower().rstrip("."))
        for i, t in enumerate(toks)
        if i > 0 and t[0].isupper() and t.lower() not in STOPWORDS
    }
    return names | numbers(text) | date_terms(text)


@functools.lru_cache(maxsize=32)
def _word_patterns(lexicon: tuple[str, ...]) -> tuple[tuple[str, re.Pattern], ...]:
    return tuple(
        (h, re.compile(rf"\b{re.escape(h)}\b" + (NOT_TAKEN if h in _CLAIMS else ""))) for h in lexicon
    )


_CLAIMS = frozenset({"claim", "claims", "claimed", "claiming"})
# "claimed victory", "claims the nomination", "claimed the lives of": to claim a thing is to take
# it (or, of a disaster, to cause deaths), not to assert something the outlet holds in doubt.
NOT_TAKEN = (
    r"(?!\s+(?:(?:the|a|an|his|her|their|its|our|your)\s+)?"
    r"(?:victory|victories|credit|lives|life|title|titles|nomination|win|wins|seat|seats|crown|prize|"
    r"throne|mantle|majority|spot|place|ownership)\b)"
)


def hedges_in(text: str, lexicon: Iterable[str] = HEDGES) -> tuple[str, ...]:
    low = text.lower()  # patterns compiled once per lexicon: this runs on every clause
    # A word match is a substring first: the cheap test leaves most patterns unsearched.
    return tuple(h for h, pattern in _word_patterns(tuple(lexicon)) if h in low and pattern.search(low))


@functools.lru_cache(maxsize=16)
def _mark_class(marks: str) -> re.Pattern:
    return re.compile("[" + re.escape(marks) + "]")


def without_quoted(text: str, opens: str = '“"', closes: str = '”"', fill: str = " ") -> str:
    """``text`` with each quoted stretch, from an opening mark to the next closing mark, replaced
    by ``fill``: what ``re.sub(f"[{opens}][^{closes}]*[{closes}]", fill, text)`` gives, in linear
    time (that pattern rescans the rest of the text from every unclosed opening mark)."""
    opener, closer = _mark_class(opens), _mark_class(closes)
    out, pos = [], 0
    while (start := opener.search(text, pos)) and (end := closer.search(text, start.end())):
        out += [text[pos : start.start()], fill]
        pos = end.end()
    return "".join(out) + text[pos:]


def quote_regions(text: str) -> list[tuple[int, int]]:
    """Spans inside quote marks (straight or curly), used to tell outlet voice from quoted words."""
    regions = []
    for opener, closer in _QUOTE_PAIRS:
        pos = 0
        while True:
            start = text.find(opener, pos)
            if start < 0:
                break
            end = text.find(closer, start + 1)
            if end < 0:
                break
            if opener == "‘" and end - start < 3:
                pos = end + 1
                continue
            regions.append((start, end + 1))
            pos = end + 1
    return sorted(regions)


def _opens(text: str, at: int) -> bool:
    """Whether the double quote mark at ``text[at]`` opens a quote: a curly one says so; a
    straight one opens at the start or after a space or an opening bracket or dash."""
    mark = text[at]
    if mark in "“«":
        return True
    if mark in "”»":
        return False
    return at == 0 or text[at - 1].isspace() or text[at - 1] in "([—–-"


def unclosed_quotes(text: str) -> tuple[bool, bool]:
    """Whether ``text`` starts inside a quote (a closing mark comes before any opening one) and
    whether it ends inside one (an opening mark is never closed). Single marks are left out:
    ’ is also the apostrophe."""
    depth, starts_inside = 0, False
    for at, ch in enumerate(text):
        if ch not in '“”"«»':
            continue
        if _opens(text, at):
            depth += 1
        elif depth:
            depth -= 1
        else:
            starts_inside = True
    return starts_inside, depth > 0


def balance_quotes(text: str) -> str:
    """``text`` cut from a longer passage, with “… before it when it starts inside a quote and …”
    after it when it ends inside one, so a line never reads a quote's words as the outlet's."""
    starts_inside, ends_inside = unclosed_quotes(text)
    if starts_inside:
        text = ("“" if text.startswith("…") else "“…") + text
    if ends_inside:
        text += "”" if text.endswith("…") else "…”"
    return text
