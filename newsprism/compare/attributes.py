"""Values a story's sentences give, read with the words next to them: the same attribute of
the same thing told two ways by two articles, whether or not alignment put the two sentences in
one group.

A *mention* is one value of one kind in one sentence: a clock time ("about 3:10 p.m."), a street
block ("the 12200 block of Elm Street"), an interval before or after an event ("married two
weeks before"), a count of a thing ("nearly 300,000 comments"), a calendar date, a year, or a
rare name. Two mentions of two articles are one attribute of one thing when they are of one
kind and key (the street, the unit, the counted thing), the common words next to them meet, and
no name next to one is missing from the other's sentence ("the Carrow primary on May 3" / "the
Lind primary on May 10" are two primaries). Precision first: a missed contradiction costs a
reader less than an invented one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz.distance import Levenshtein

from newsprism.compare.births import birth_years
from newsprism.compare.lexicon import zipf
from newsprism.compare.offices import office_starts, office_tenures, same_holder_given
from newsprism.compare.person_acts import act_dates, act_dates_apart
from newsprism.compare.prison_terms import prison_terms, terms_apart
from newsprism.compare.residences import homes, homes_apart
from newsprism.compare.tallies import same_vote, tallies
from newsprism.quotes.names import TITLE_QUALIFIERS, TITLE_WORDS, is_given_name
from newsprism.text import (
    DAYS,
    MONTHS,
    STOPWORDS,
    content_words,
    counts_at,
    normalize_words,
    numbers,
    quote_regions,
    stem,
)

__all__ = [
    "MONTH_ABBREVIATED",
    "RUNNING_COUNTS",
    "Mention",
    "ages_apart",
    "clause",
    "clause_pieces",
    "dates_a_remark",
    "content_stems",
    "given_names",
    "mentions",
    "month_number",
    "name_shared",
    "near_names",
    "one_occasion",
    "ordinals_apart",
    "quoted_spans",
    "recurring_apart",
    "remark_day",
    "same_attribute",
    "same_remark",
    "sides",
]

_COMMON = re.compile(r"(?<![\w'’-])[a-z][\w'’-]*")
_SAYING = r"said|says|told|added|stated|claimed|alleged|announced|confirmed|reported|denied"
_NOT_EVENT = frozenset(_SAYING.split("|")) | frozenset(
    """last next early late mid week now then almost nearly roughly approximately around some
    estimated local time""".split()  # noqa: SIM905
)
_DATE_WORDS = frozenset(DAYS) | frozenset(MONTHS)
_CLAUSE_END = re.compile(r"[,;:.!?](?=\s|$)|[()—–]")  # not the comma of "1,200" or the dot of "2.5"
# The dot of an initial or a title abbreviation ends no clause ("the U.S. Senate", "Sen. Ada Lind")
_ABBREVIATION = re.compile(
    r"\b(?:[A-Za-z]|Sen|Rep|Gov|Gen|Col|Sgt|Lt|Dr|Mr|Mrs|Ms|Jr|Sr|St|Mt|Ft|Capt|Maj|Adm|Det)\."
)


def clause_pieces(text: str) -> list[str]:
    """``text`` cut at clause ends (commas, semicolons, sentence ends, brackets, dashes), not at
    the dot of an abbreviation."""
    masked = _ABBREVIATION.sub(lambda m: m.group(0)[:-1] + "\0", text)
    return [piece.replace("\0", ".") for piece in _CLAUSE_END.split(masked)]


# Stems before and after a value, two words each side, then the one word next to it each side.
Sides = tuple[frozenset[str], frozenset[str], frozenset[str], frozenset[str]]


@dataclass(frozen=True)
class Mention:
    """One value of one kind in a sentence (offsets into the sentence text)."""

    kind: str  # clock, block, interval, count, name, calendar, title, age, toll, tally, ...
    key: str  # what must be equal for two values to be one attribute (a street, a unit)
    value: float | str
    shown: str
    start: int
    end: int
    sex: str = ""  # an age's person by a courtesy title before a surname alone ("Mrs. Morrow, 68,"): m or f


def _common(piece: str, drop: frozenset[str]) -> list[str]:
    return [
        stem(w)
        for w in _COMMON.findall(piece)
        if w not in STOPWORDS and w not in drop and w not in _DATE_WORDS
    ]


@lru_cache(maxsize=1 << 14)  # same_attribute reads each mention's sides again for every pair it is in
def sides(text: str, start: int, end: int, window: int = 40, drop: frozenset[str] = _NOT_EVENT) -> Sides:
    """Stems of the common words next to ``text[start:end]`` in its clause (dates, saying verbs
    and names left out: a story's people stand next to every value it gives)."""
    before = _common(clause_pieces(text[max(0, start - window) : start])[-1], drop)
    after = _common(clause_pieces(text[end : end + window])[0], drop)
    return frozenset(before[-2:]), frozenset(after[:2]), frozenset(before[-1:]), frozenset(after[:1])


@lru_cache(maxsize=1 << 14)  # contradictions ask it of each mention for every pair it is in
def clause(text: str, m: Mention) -> str:
    """The clause a mention stands in (between commas, semicolons, dashes, brackets)."""
    return clause_pieces(text[: m.start])[-1] + text[m.start : m.end] + clause_pieces(text[m.end :])[0]


def sides_meet(a: Sides, b: Sides) -> bool:
    """The words next to two values meet on the same side ("a depot yard in the 400 block" /
    "outside a depot in the 700 block"), or right next to them across sides ("wounding 7
    passengers" / "9 passengers were wounded")."""
    return bool(a[0] & b[0] or a[1] & b[1] or a[2] & b[3] or a[3] & b[2])


_NAME = re.compile(r"[A-Z][\w'’-]*[a-z][\w'’-]*")
_WORD = re.compile(r"[\w'’.-]+")
_NAME_WINDOW = 2
# A sentence's first word is capitalised whatever it is: read as a name only when rarer than this
# in general English ("McDermott now has" 3.2, "Rossi" 3.4; "Lawmakers" 3.6, "Officials" 4.7).
_OPENER_NAME = 3.5


def near_names(text: str, start: int, end: int, window: int = _NAME_WINDOW) -> frozenset[str]:
    """Capitalised words among the ``window`` words next to a value on each side in its clause,
    function words skipped (no sentence opener, no date word): what the value belongs to ("the
    Carrow primary on May 3")."""
    head = _WORD.findall(clause_pieces(text[max(0, start - 60) : start])[-1])
    tail = _WORD.findall(clause_pieces(text[end : end + 60])[0])
    kept = [w for w in head if w.lower() not in STOPWORDS][-window:]
    kept += [w for w in tail if w.lower() not in STOPWORDS][:window]
    out = set()
    for w in kept:
        word = re.sub(r"['’]s?$", "", w).lower()
        opener = text.startswith(w) and zipf(word) >= _OPENER_NAME  # "Officials said", not "Ortiz said"
        if _NAME.fullmatch(w.rstrip(".")) and word not in _DATE_WORDS and not opener:
            out.add(word)
    return frozenset(out)


def _names_agree(a_text: str, a: Mention, b_text: str, b: Mention) -> bool:
    """The names next to two values do not tell two things: when both values have names next to
    them, each is in the other sentence ("the Carrow primary on May 3" / "the Lind primary on May
    10" are two primaries; "Ada Morrow married two weeks ago" / "who married three weeks before"
    may be one wedding)."""
    # a date's event is often named further off ("the Carrow primary was held on May 3")
    window = 2 * _NAME_WINDOW if a.kind == "calendar" else _NAME_WINDOW
    na, nb = near_names(a_text, a.start, a.end, window), near_names(b_text, b.start, b.end, window)
    low_a, low_b = a_text.lower(), b_text.lower()
    return not (na and nb) or (all(n in low_b for n in na) and all(n in low_a for n in nb))


# "3:10 p.m.", "11 a.m.", "3.30pm"
_CLOCK = re.compile(r"\b(\d{1,2})(?:[:.](\d{2}))?\s*([ap])\.?\s?m\b\.?", re.IGNORECASE)
# "the 12200 block of East 223rd Street"
_BLOCK = re.compile(r"\b(\d{2,6})\s+block\s+of\s+(?:the\s+)?((?:[A-Z0-9][\w.'’-]*\s?){1,4})")
_DIRECTION = frozenset("east west north south e. w. n. s. e w n s".split())  # noqa: SIM905
_STREET = {"st.": "street", "st": "street", "ave.": "avenue", "ave": "avenue", "blvd.": "boulevard",
           "rd.": "road", "rd": "road", "dr.": "drive"}  # fmt: skip
_INTERVAL_NUMBERS = ("two three four five six seven eight nine ten eleven twelve").split()  # noqa: SIM905
# "two weeks before", "3 days after", "ten years earlier": an event placed from another one
_INTERVAL = re.compile(
    r"\b(\d{1,3}|" + "|".join(_INTERVAL_NUMBERS) + r")\s+(minute|hour|day|week|month|year)s?\s+"
    r"(ago|before|after|earlier|later)\b",
    re.IGNORECASE,
)
_BEFORE = frozenset(["ago", "before", "earlier"])
# A bound or an estimate next to a value: "less than two weeks", "about 3 p.m." (clock times
# keep theirs: "about 3:30" and "about 3:10" still disagree).
_APPROX = re.compile(
    r"\b(?:about|around|nearly|almost|roughly|some|over|more than|fewer than|less than|at least|"
    r"up to|as many as|approximately|an estimated|under|within|just)\s+$",
    re.IGNORECASE,
)


def _street(words: str) -> str:
    out = []
    for w in words.lower().split():
        if w in _DIRECTION and not out:
            continue
        out.append(_STREET.get(w, w.rstrip(".")))
    return " ".join(out)


def _number(word: str) -> int:
    return int(word) if word.isdigit() else _INTERVAL_NUMBERS.index(word.lower()) + 2


# A run of capitalised words ending in a person's name: "Albany County District Attorney Dave
# Rossi", "Assistant District Attorney David H. Rossi" (initials kept with the name).
_TITLED = re.compile(r"(?<![\w'’.-])(?:[A-Z][a-z]+\.?\s+){2,7}(?:[A-Z]\.\s+)?[A-Z][\w'’-]*[a-z]\b")
# Words that make a title another, lower office: the assistant district attorney is not the
# district attorney, the deputy director not the director.
RANKS = frozenset("assistant deputy associate vice lieutenant".split())  # noqa: SIM905
# Offices whose lower ranks the press calls by the office by convention: an associate justice is
# "Justice X", an assistant professor "Professor X", a lieutenant general "General X".
_COURTESY = frozenset("justice professor general admiral colonel commander marshal".split())  # noqa: SIM905
# A title of another time ("Former Deputy Director ...", "then-Vice President") is no title to compare.
_THEN = frozenset("former then ex late".split())  # noqa: SIM905
_THEN_BEFORE = re.compile(r"\b(?:former|then|ex|late)[\s-]*$", re.IGNORECASE)


def _titles(text: str) -> list[Mention]:
    """A person's title written before the name: key the surname, value "given|title words"
    (at least one title word besides the given name, which is taken as the word before the
    surname). Only titles holding or lacking a rank word can disagree, see :func:`titles_apart`."""
    out = []
    for m in _TITLED.finditer(text):
        words = [w.rstrip(".") for w in m.group(0).split()]
        initials = [w for w in words if len(w) == 1]
        words = [w for w in words if len(w) > 1]
        if len(words) < 3 or _THEN & {w.lower() for w in words} or len(initials) > 1:
            continue
        if _THEN_BEFORE.search(text[max(0, m.start() - 8) : m.start()]):
            continue
        *title, given, surname = words
        value = f"{given.lower()}|{' '.join(w.lower() for w in title)}"
        out.append(Mention("title", surname.lower(), value, " ".join(title), m.start(), m.end()))
    return out


# Elected offices a title names, by their short and long forms: a sitting senator is no governor.
# A former office is no title here (_THEN), nor one under a rank word ("Lt. Gov.").
_ELECTED = {"sen": "senate", "senator": "senate", "rep": "house", "representative": "house",
            "congressman": "house", "congresswoman": "house", "gov": "governor", "governor": "governor",
            "mayor": "mayor"}  # fmt: skip


def _elected_office(words: list[str]) -> str | None:
    """The one elected office a title's words name, none when they name two, a rank or none."""
    offices = {_ELECTED[w] for w in words if w in _ELECTED}
    return offices.pop() if len(offices) == 1 and not (RANKS | {"lt"}) & set(words) else None


# A sentence telling a career (a term served, a death, a year): its titles may be honorific, the
# highest office a person held ("Gov. Voss, who served from 1967 to 1979" / "Sen. Voss")
_CAREER = re.compile(r"\b(?:served|retired|died|dies|former|formerly|(?:19|20)\d\d)\b", re.IGNORECASE)


def titles_apart(a: str, b: str, offices: bool = True) -> bool:
    """Two titles of one person ("given|title"), given names compatible (Dave / David), that
    name two elected offices ("Ohio Sen." / "Gov."; only with ``offices``, when the sentences tell
    no career) or where one is the other's office under a rank word ("District Attorney" /
    "Assistant District Attorney": the ranked title's words after its rank word close the other
    title, which has no rank word). Other title differences ("Senator" / "Democratic candidate")
    are not compared."""
    ga, ta = a.split("|")
    gb, tb = b.split("|")
    if ga[:3] != gb[:3]:
        return False
    office_a, office_b = _elected_office(ta.split()), _elected_office(tb.split())
    if offices and office_a and office_b and office_a != office_b:
        return True
    for ranked, plain in ((ta.split(), tb.split()), (tb.split(), ta.split())):
        at = next((i for i, w in enumerate(ranked) if w in RANKS), None)
        if at is None or RANKS & set(plain):
            continue
        office = ranked[at + 1 :]
        # one word alone may be a first name ("Deputy Juan Abel Ruiz" / "Juan Abel Ruiz") or the
        # job the rank word already names ("Deputy Sgt." / "Sgt."): the office or the plain
        # title must be two words at least
        if max(len(office), len(plain)) < 2:
            continue
        if office and plain[-len(office) :] == office and not (RANKS | _COURTESY) & set(office):
            return True
    return False


@lru_cache(maxsize=1 << 14)
def mentions(text: str) -> tuple[Mention, ...]:
    """Clock times, street blocks, intervals, counts, rare names and titles the sentence gives."""
    out = [*_counts(text), *_rare_names(text), *_calendar(text), *_titles(text), *_ages(text), *_tolls(text),
           *_lengths(text), *_magnitudes(text), *_money(text), *_anonymous_ages(text), *_full_names(text),
           *(Mention("tally", *t) for t in tallies(text)),
           *(Mention("office_start", *s) for s in office_starts(text)),
           *(Mention("tenure", *t) for t in office_tenures(text)), *_group_ages(text), *_sale_years(text),
           *(Mention("birth", *b) for b in birth_years(text)), *_children(text), *_nicknames(text),
           *(Mention("home", *h) for h in homes(text)), *(Mention("prison", *t) for t in prison_terms(text)),
           *(Mention("act_date", *d) for d in act_dates(text))]  # fmt: skip
    for m in _CLOCK.finditer(text):
        hour, minute = int(m.group(1)), int(m.group(2) or 0)
        if 1 <= hour <= 12 and minute < 60:
            value = (hour % 12 + (12 if m.group(3).lower() == "p" else 0)) * 60 + minute
            out.append(Mention("clock", "", value, m.group(0).strip(), m.start(), m.end()))
    for m in _BLOCK.finditer(text):
        street = _street(m.group(2))
        if street:
            out.append(Mention("block", street, int(m.group(1)), f"{m.group(1)} block", m.start(), m.end()))
    for m in _INTERVAL.finditer(text):
        if _APPROX.search(text[max(0, m.start() - 20) : m.start()]):
            continue
        relation = "before" if m.group(3).lower() in _BEFORE else "after"
        key = f"{m.group(2).lower()} {relation}"
        out.append(Mention("interval", key, _number(m.group(1)), m.group(0), m.start(), m.end()))
    return tuple(sorted(out, key=lambda x: x.start))


_NUM_WORD = (
    r"(?:\d{1,3}|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:-[a-z]+)?|one|two|three|four|five|"
    r"six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)"
)
# Titles written before a name, which are no given names ("Sen. Morrow", "President Morrow")
_TITLE_WORDS = "|".join(sorted((re.escape(w) for w in TITLE_WORDS if "." not in w), key=len, reverse=True))
# "61-year-old Ada Lee Morrow", "Sixty-year-old Englishman Tom Reed" / "Ada Morrow, 61,": a named
# person's age (given name and surname; a surname alone may be a relative's)
_INITIAL = r"(?:[A-Z]\.\s+)?"
# (titles with their dots and a "former" may stand between: "the 74-year-old former Vice President
# Ada Morrow", "the 74-year-old Sen. Ada Morrow"; title words are no given names, see _age)
_AGE_BEFORE = re.compile(
    rf"(?<![\w-])((?i:{_NUM_WORD}))[- ]year[- ]old\s+(?:former\s+)?"
    rf"((?:[A-Z][a-z][\w'’-]*\.?\s+){{1,5}}{_INITIAL}[A-Z][a-z][\w'’-]*)"
)
# "Ada Morrow, 74,", "Ada Morrow (D-Vessia), 74,", "Ada Morrow, D-Vessia, 74,", "Ada Morrow, who is
# 74,", "Ada Morrow, aged 74,", "Ada Morrow, 74 years old,"
_PARTY_TAG = r"(?:\s*\([^()]{1,25}\)|,\s+[RDI]-[A-Z][\w.]*)?"
_AGE_AFTER = re.compile(
    rf"\b([A-Z][a-z][\w'’-]*\s+{_INITIAL}[A-Z][a-z][\w'’-]*){_PARTY_TAG},\s+"
    r"(?:(\d{1,3}),|(?:who\s+is|aged)\s+(\d{1,3})(?=\s*[,.;)]|\s+years\s+old\b)"
    r"|(\d{1,3})\s+years\s+old\b)"
)
# "Ada Morrow, the 74-year-old senator": an age in an apposition after the name
_AGE_APPOSED = re.compile(
    rf"\b([A-Z][a-z][\w'’-]*\s+{_INITIAL}[A-Z][a-z][\w'’-]*),\s+(?:the|a|an)\s+((?i:{_NUM_WORD}))[- ]year[- ]old\b"
)
# Two ages of one name further apart than this are two people (a father and a son), not one age
# told wrong.
_AGE_SPAN = 5


# "the 75-year-old Morrow", "Sen. Morrow, 74,": a surname alone, its given name read from the
# article (see :func:`given_names`)
_AGE_BEFORE_ONE = re.compile(
    rf"(?<![\w-])((?i:{_NUM_WORD}))[- ]year[- ]old\s+((?i:{_TITLE_WORDS})\.?\s+)?([A-Z][a-z][\w'’-]*)\b(?!\s+[A-Z])"
)
_AGE_AFTER_ONE = re.compile(rf"(?<![\w.’'-])((?i:{_TITLE_WORDS})\.?\s+)?([A-Z][a-z][\w'’-]*),\s+(\d{{1,3}}),")
_CAPITALISED_BEFORE = re.compile(r"[A-Z][\w'’-]*\s+$")


def _ages(text: str) -> list[Mention]:
    """A named person's age: key the surname, value "age|words before it" (given names, and a
    nationality or a role written before them: "Englishman Tom Reed"); a surname alone gives
    "age|" (its given name is the article's to tell)."""
    out = []
    for m in _AGE_BEFORE.finditer(text):
        if not _THEN_BEFORE.search(text[max(0, m.start() - 8) : m.start()]):  # "then-15-year-old"
            out.append(_age(m.group(1), m.group(2), m.start(), m.end()))
    for m in _AGE_AFTER.finditer(text):
        out.append(_age(m.group(2) or m.group(3) or m.group(4), m.group(1), m.start(), m.end()))
    for m in _AGE_APPOSED.finditer(text):
        out.append(_age(m.group(2), m.group(1), m.start(), m.end()))
    for m in _AGE_BEFORE_ONE.finditer(text):
        if not _THEN_BEFORE.search(text[max(0, m.start() - 8) : m.start()]):
            out.append(_age(m.group(1), m.group(3), m.start(), m.end(), alone=True, title=m.group(2)))
    for m in _AGE_AFTER_ONE.finditer(text):
        if m.group(1) or not _CAPITALISED_BEFORE.search(text[max(0, m.start() - 30) : m.start()]):
            out.append(_age(m.group(3), m.group(2), m.start(), m.end(), alone=True, title=m.group(1)))
    # one age read by two patterns ("President Ada Morrow, 74,"): the reading with a given name
    kept: dict[tuple[str, str], Mention] = {}
    for a in out:
        if a is not None and (a.key, a.shown) not in kept:
            kept[(a.key, a.shown)] = a
    return list(kept.values())


# "Mr. Sanders, 74,", "Mrs. Clinton, 68,": the titles that tell a person's sex
_COURTESY_SEX = {"mr": "m", "mrs": "f", "ms": "f", "miss": "f"}


def _age(
    number: str, name: str, start: int, end: int, alone: bool = False, title: str | None = None
) -> Mention | None:
    words = [w for w in name.split() if len(w.rstrip(".")) > 1]
    found = numbers(number)
    if len(words) < (1 if alone else 2) or len(found) != 1:
        return None
    age = int(float(next(iter(found))))
    given = [w.lower().rstrip(".") for w in words[:-1]]
    given = [w for w in given if w not in STOPWORDS and w not in TITLE_WORDS and w not in TITLE_QUALIFIERS]
    surname = words[-1].lower()
    if not 0 < age < 120 or surname in STOPWORDS or surname in _DATE_WORDS:
        return None
    sex = _COURTESY_SEX.get((title or "").strip().rstrip(".").lower(), "") if alone else ""
    return Mention("age", surname, f"{age}|{' '.join(given)}", str(age), start, end, sex)


def given_names(text: str, surname: str) -> frozenset[str]:
    """The given names an article writes before a surname ("Ada Morrow", "Ada L. Morrow"),
    titles left out: one name tells whose age "Morrow, 74," is; two (Ada and Bo Morrow) tell
    nobody's."""
    pattern = re.compile(rf"\b([A-Z][a-z][\w'’-]*)\s+(?:[A-Z]\.\s+)?{re.escape(surname)}\b", re.IGNORECASE)
    return frozenset(
        g
        for m in pattern.finditer(text)
        if m.group(1)[0].isupper()
        and (g := m.group(1).lower()) not in STOPWORDS
        and g not in TITLE_WORDS
        and g not in TITLE_QUALIFIERS
        and g not in _DATE_WORDS
        # "Young Morrow supporters rallied": a common word capitalised for opening its sentence
        and not (
            _SENTENCE_START.search(text[: m.start()]) and zipf(g) >= _COMMON_WORD and not is_given_name(g)
        )
    )


_SENTENCE_START = re.compile(r"(?:^|[.!?][\"'”’)\]]*\s+|\n\s*)$")
# A word this common in general English ("young" 5.4, "many" 6.0) opening a sentence is that
# word, unless it is a given name too ("Mark", "John"); names that are neither stay ("Bernie" 4.0)
_COMMON_WORD = 4.5


def ages_apart(a: str, b: str) -> bool:
    """Two ages of one person ("age|words before the surname"): a given name in common (its
    first three letters: Dave / David), a few years apart at most."""
    (xa, ga), (xb, gb) = a.split("|"), b.split("|")
    one = {w[:3] for w in ga.split()} & {w[:3] for w in gb.split()}
    return bool(one) and 0 < abs(int(xa) - int(xb)) <= _AGE_SPAN


# What happened to the people a toll counts: killed, hurt, arrested (the class keys the toll).
_TOLL_CLASS = {
    "killed": "killed", "killing": "killed", "dead": "killed", "died": "killed",
    "injured": "injured", "injuring": "injured", "wounded": "injured", "wounding": "injured",
    "hurt": "injured", "arrested": "arrested", "arresting": "arrested",
}  # fmt: skip
_TOLL_WORD = "|".join(_TOLL_CLASS)
_TOLL_HINT = re.compile(_TOLL_WORD, re.IGNORECASE)  # what both toll patterns hold: most sentences do not
_BOUND = r"(?:at\s+least|more\s+than|fewer\s+than|less\s+than|about|around|nearly|almost|roughly|some|over|up\s+to|as\s+many\s+as|approximately|an\s+estimated|dozens|hundreds|another|other)"
# "injuring five people", "killed 10 persons" / "12 people were injured", "two villagers slightly
# injured", "left three bank workers dead"
# "170,000" whole; "one" not in "no one"
_TOLL_NUM = rf"(?<!\bno\s)(?:\d{{1,3}}(?:,\d{{3}})+|\d+|{_NUM_WORD})(?![\d,]*\d)"
_TOLL_AFTER = re.compile(
    rf"\b({_TOLL_WORD})\s+((?:{_BOUND}\s+)?)({_TOLL_NUM})\b(?:\s+([a-z]+))?", re.IGNORECASE
)
_TOLL_BEFORE = re.compile(
    rf"((?:{_BOUND}\s+)?)(?<![\d.,])\b({_TOLL_NUM})\s+((?:[a-z]+\s+){{0,2}}?)(?:(?:were|was|have\s+been|had\s+been|"
    rf"has\s+been|have|has|had|are)\s+)?(?:[a-z]+ly\s+)?({_TOLL_WORD})\b",
    re.IGNORECASE,
)
# "two more victims", "40, 15 of them on the island": an increment or a total with its parts
_NOT_TOLL_AFTER = re.compile(r"^(?:\s+more\b|,\s*\d[\d,]*\s+of\s+them\b|\s+of\b)")
# A toll of another event or another moment: "in a separate attack", "another school", "the
# latest tremor", "days after", "at the weekend", "in 2004"; or one the sentence calls
# provisional ("so far", "could rise", "initial estimates")
_OTHER_TOLL = re.compile(
    r"\b(?:another|separate|previous|earlier|latest|last|weekend|(?:days?|weeks?|months?)\s+(?:after|before|"
    r"earlier|later|ago)|so\s+far|could\s+rise|expected\s+to\s+rise|rose|risen|climbed|initial|preliminary|"
    r"(?:19|20)\d\d|alone|bringing\s+(?:the|its)\s+(?:total|toll|death\s+toll)|"
    # "50 people were killed, including the gunman": a count of another set than the victims'
    r"(?:including|counting|excluding|besides|plus)\s+(?:the\s+|a\s+|an\s+|two\s+|three\s+)?(?:\w+\s+)?"
    r"(?:gunm[ae]n|shooters?|attackers?|assailants?|bombers?|suspects?|perpetrators?|hijackers?))\b",
    re.IGNORECASE,
)
# "The death toll in the Carrow shooting stands at 12", "claimed the lives of 17 people": a count
# of the dead told without a verb of killing next to it
_TOLL_STANDS = re.compile(
    rf"\b(?:death\s+toll\b[^.;:()]{{0,50}}?\b(?:stands?\s+at|stood\s+at|is|was|of|at)"
    rf"|claimed\s+the\s+lives\s+of)\s+((?:{_BOUND}\s+)?)({_TOLL_NUM})\b(?!\s*(?:percent|%))",
    re.IGNORECASE,
)


def _tolls(text: str) -> list[Mention]:
    """An exact count of the people killed, injured or arrested in the sentence's event (key
    the class, value "count|counted noun"). A bound ("at least three"), an increment ("two
    more"), or two counts of one class in the sentence (two events, or parts of one) give none,
    nor a sentence telling another event or moment (see ``_OTHER_TOLL``)."""
    if _OTHER_TOLL.search(text) or not _TOLL_HINT.search(text) and not _TOLL_STANDS.search(text):
        return []
    found: dict[str, list[Mention]] = {}
    bounded: set[str] = set()
    for m in _TOLL_STANDS.finditer(text):
        _add_toll(found, bounded, "killed", m.group(1), m.group(2), "", text, m.start(2), m.end(2))
    for m in _TOLL_AFTER.finditer(text):
        cls = _TOLL_CLASS[m.group(1).lower()]
        noun = (m.group(4) or "").lower()
        _add_toll(found, bounded, cls, m.group(2), m.group(3), noun, text, m.start(3), m.end(3))
    for m in _TOLL_BEFORE.finditer(text):
        cls = _TOLL_CLASS[m.group(4).lower()]
        words = m.group(3).split()
        if "of" in (w.lower() for w in words):
            continue  # "one of the wounded": a part
        noun = words[-1].lower() if words else ""
        _add_toll(found, bounded, cls, m.group(1), m.group(2), noun, text, m.start(2), m.end(2))
    return [ms[0] for cls, ms in found.items() if len({x.value for x in ms}) == 1 and cls not in bounded]


def _add_toll(found: dict, bounded: set, cls: str, bound: str, number: str, noun: str, text: str,
              start: int, end: int) -> None:  # fmt: skip
    values = numbers(number)
    if bound.strip() or len(values) != 1 or _NOT_TOLL_AFTER.match(text[end:]) or _YEAR.fullmatch(number):
        bounded.add(cls)
        return
    noun = "people" if noun in ("", "persons", "person") or noun in STOPWORDS else stem(noun)
    value = int(float(next(iter(values))))
    found.setdefault(cls, []).append(Mention("toll", cls, f"{value}|{noun}", f"{value} {cls}", start, end))


_YEAR = re.compile(r"(?:19|20)\d\d")
_CLOCK_OR_DATE = re.compile(
    r"(?:[:/]|\b(?:" + "|".join(m[:3] for m in MONTHS) + r")\w*\.?\s*)$", re.IGNORECASE
)
_POINT = re.compile(
    r"\b(?:about|around|nearly|almost|roughly|approximately|an estimated|estimated)\s+$", re.I
)


_OF_NUMBER = re.compile(r"\b([a-z]{3,})\s+of\s+(\d{1,3}(?:,\d{3})+|\d{3,})(?![\d,.]*\d)")


def _counts(text: str) -> list[Mention]:
    """Counts of a thing ("nearly 300,000 comments"), keyed by the thing, and numbers named by
    the noun before them ("a record of 2,106"), keyed by that noun; years, clock times and days
    of a month are no counts, and a bound ("more than 200") is no value to compare. A point
    estimate ("nearly") compares only with another (key marked "~")."""
    out = []
    for start, end, noun, values in counts_at(text):
        number = text[start:end].split()[0]
        if (
            len(values) != 1
            or number.endswith(",")
            or _YEAR.fullmatch(number)
            or _CLOCK_OR_DATE.search(text[max(0, start - 12) : start])
        ):
            continue
        before = text[max(0, start - 20) : start]
        if _APPROX.search(before) and not _POINT.search(before):
            continue
        key = f"{noun}~" if _POINT.search(before) else noun
        out.append(Mention("count", key, float(next(iter(values))), text[start:end], start, end))
    for m in _OF_NUMBER.finditer(text):
        if m.group(1) not in STOPWORDS and not _YEAR.fullmatch(m.group(2)):
            value = float(m.group(2).replace(",", ""))
            out.append(Mention("count", f"of {stem(m.group(1))}", value, m.group(2), m.start(2), m.end(2)))
    return out


_CAPITALISED = re.compile(r"(?<![\w'’.-])[A-Z][a-z]{3,}(?![\w'’-])")
# A name as rare as this in general English (zipf) is a name the outlets copied from a source,
# whose spelling they can get wrong; common names ("Steven"/"Stephen") are conventions.
_RARE_NAME = 3.0


def _rare_names(text: str) -> list[Mention]:
    """Capitalised words rare in general English, not opening the sentence."""
    return [
        Mention("name", f"{m.group(0)[0]}{len(m.group(0))}", m.group(0), m.group(0), m.start(), m.end())
        for m in _CAPITALISED.finditer(text)
        if m.start() > 0 and zipf(m.group(0)) < _RARE_NAME
    ]


# "known by the street moniker of Sepe", 'the nickname "Sepy"', "nicknamed Tavo": a name the
# outlets copied from the police or a court, whose spelling one of them can get wrong. The cue
# makes it the outlet's word even inside quote marks, so the mention starts at the cue.
_NICKNAME = re.compile(
    r"\b(?:nicknamed|nickname|moniker|alias|a\.k\.a\.|aka)\s+(?:of\s+)?[\"“‘']?([A-Z][a-z]{2,})\b"
    r"(?![\"”’']?\s+[A-Z])"
)


def _nicknames(text: str) -> list[Mention]:
    """A one-word nickname after its cue (key "nickname", value the name)."""
    return [
        Mention("nickname", "nickname", m.group(1), m.group(1), m.start(), m.end())
        for m in _NICKNAME.finditer(text)
    ]


def spelled_apart(a: str, b: str) -> bool:
    """Two spellings of one name: same length, one letter replaced ("Mahnefah"/"Mahnefeh"),
    not a transliteration convention folded by :func:`normalize_words` ("-iy"/"-y")."""
    return (
        len(a) == len(b)
        and Levenshtein.distance(a.lower(), b.lower()) == 1
        and normalize_words(a) != normalize_words(b)
    )


# Two estimates of one count this far apart cannot both be near it (40,000 / 52,000: 1.3);
# rounding stays well below (4.8 / 5 tonnes: 1.04).
_ESTIMATE_RATIO = 1.25
# Next to a clock time a saying verb is the event: "the fire was reported at 3:30 a.m."
_CLOCK_DROP = _NOT_EVENT - frozenset(_SAYING.split("|"))


def _one_moment(a_text: str, a: Mention, b_text: str, b: Mention) -> bool:
    """Two clock times of one moment: the very word next to both ("the call came at 3:30 a.m."
    / "the 911 call came at 3:33 a.m."; "was reported at" / "was reported about"). A word
    further off is not enough: "the alarm at the depot sounded at 4:40" / "the first engine
    reached the depot at 4:48" are two moments."""
    sa = sides(a_text, a.start, a.end, drop=_CLOCK_DROP)
    sb = sides(b_text, b.start, b.end, drop=_CLOCK_DROP)
    return bool(sa[2] & sb[2] or sa[3] & sb[3])


# Two exact counts this close are one count told wrong ("2,106" / "2,116"); further apart, two
# exact counts of one unit are mostly two things (a player's points and his team's).
_EXACT_CLOSE = 0.05
_EXACT_LEAST = 100


# Counts that run on while they are reported (votes counted through a night, electors pledged
# and electors who voted: "306 electoral votes" / "304"): two of them are two moments' counts.
RUNNING_COUNTS = frozenset(["vote", "ballot", "voter"])


def _counts_apart(a: Mention, b: Mention) -> bool:
    if a.key.rstrip("~") in RUNNING_COUNTS:
        return False
    x, y = sorted((float(a.value), float(b.value)))
    if x <= 0:
        return False
    if a.key.endswith("~"):
        return y / x >= _ESTIMATE_RATIO
    return x >= _EXACT_LEAST and (y - x) / y <= _EXACT_CLOSE


# "April 30", "30 April", "mid-May", "early June", "late March" (a month alone is too vague)
_MONTH = "|".join(MONTHS)
# "Sept. 27", "Aug. 3": the abbreviations news style writes before a day (with their dot)
MONTH_ABBREVIATED = r"(?:jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)(?=\.)"
_CAL_DATE = re.compile(
    rf"\b(?:(?P<part>early|mid|late)[- ](?P<m1>{_MONTH})"
    rf"|(?P<m2>{_MONTH}|{MONTH_ABBREVIATED})\.?\s+(?P<d2>\d{{1,2}})(?!\d|:)"
    rf"|(?P<d3>\d{{1,2}})\s+(?P<m3>{_MONTH}))\b",
    re.IGNORECASE,
)
_PARTS = {"early": (1, 10), "mid": (11, 20), "late": (21, 31)}


# "On November 19, the frigate sank ...", "Then, on November 18, it had sunk ...": a date
# opening the sentence dates its main clause, whatever other dates later clauses give
_FRONT = re.compile(r"^\W*(?:(?:then|and|but|later)\s*,?\s*)?on\s+$", re.IGNORECASE)
_FRONT_END = re.compile(r"^(?:,?\s*(?:19|20)\d\d)?,\s*")


def fronted(text: str, m: Mention) -> int | None:
    """Where the main clause starts when the mention is a date opening the sentence, else None."""
    end = _FRONT_END.match(text[m.end :])
    return m.end + end.end() if _FRONT.match(text[: m.start]) and end else None


_STAMP = re.compile(r"\W*(?:last\s+)?(?:updated|published|posted|modified)\b", re.IGNORECASE)


def _calendar(text: str) -> list[Mention]:
    """A sentence's calendar date, when it gives exactly one (two dates tell two moments) or
    opens with one: value "month:first:last"."""
    found = list(_CAL_DATE.finditer(text))
    if len(found) > 1 and _FRONT.match(text[: found[0].start()]):
        found = found[:1]
    if len(found) > 1:
        found = _once_held_dates(text, found)
    if not found:
        return _month_of_event(text)
    if len(found) != 1:
        return []
    m = found[0]
    # "April 21, 2004": a dated moment of its own year, mostly another event's than an undated date
    # tells; it is compared only with a date of that same year (the key)
    year = re.match(r",?\s*((?:19|20)\d\d)\b", text[m.end() : m.end() + 7])
    if year and _STAMP.match(text[m.end() + year.end() :]):
        return []  # "21 July 2013 Last updated at 11:11 GMT": when a page was written, not an event
    key = year.group(1) if year and not _FRONT.match(text[: m.start()]) else ""
    month = month_number(m.group("m1") or m.group("m2") or m.group("m3"))
    first, last = (
        _PARTS[m.group("part").lower()] if m.group("part") else (int(m.group("d2") or m.group("d3")),) * 2
    )
    through = _DAYS_THROUGH.match(text[m.end() :])
    if through and first < int(through.group(1)) <= 31:
        last = int(through.group(1))  # "conducted September 16-19": the days a thing lasted
    return (
        [Mention("calendar", key, f"{month}:{first}:{last}", m.group(0), m.start(), m.end())]
        if last <= 31
        else []
    )


def _once_held_dates(text: str, found: list[re.Match[str]]) -> list[re.Match[str]]:
    """Of a sentence's several dates, the one that qualifies an event held once ("New York's April
    19 primary and the contests that follow on April 26": the primary's), when only one does."""
    held = [
        m
        for m in found
        if _DETERMINER_BEFORE.search(text[: m.start()]) and _attributive_words(text, m.end()) & _ONCE
    ]
    return held if len(held) == 1 else []


# "Vessia's May primary", "the November election": a month alone dates the event noun it
# qualifies (elsewhere a month alone is too vague: "in May" dates anything)
_MONTH_QUALIFIES = re.compile(
    r"(?:\b(?i:the|its|his|her|their|this)|[A-Z][\w'’-]*['’]s)\s+(?P<month>"
    + "|".join(m.capitalize() for m in MONTHS)
    + r")\s+(?=[a-z])"
)


# Events a calendar sets and news dates by the month ahead of them: "the May primary" is a
# date, "the April survey" or "the October report" one of many such things.
_SCHEDULED = frozenset(
    stem(w)
    for w in """primary primaries election elections caucus caucuses runoff referendum vote hearing
    hearings debate convention trial summit inauguration""".split()  # noqa: SIM905
)


def _month_of_event(text: str) -> list[Mention]:
    """The one month a sentence gives as a modifier of a scheduled event ("the May primary"):
    value "month:1:31", compared with a day of another month ("the April 30 primary")."""
    found = [
        m for m in _MONTH_QUALIFIES.finditer(text) if _attributive_words(text, m.end("month")) & _SCHEDULED
    ]
    if len(found) != 1 or re.search(r"\b(?:19|20)\d\d\b", text):
        return []
    m = found[0]
    month = month_number(m.group("month"))
    return [Mention("calendar", "", f"{month}:1:31", m.group("month"), m.start("month"), m.end("month"))]


# "September 16-19", "Sept. 19 to 22": a day range, the date its first day
_DAYS_THROUGH = re.compile(r"\s*(?:-|–|to|through)\s*(\d{1,2})\b(?![:.,]?\d)")


def month_number(word: str) -> int:
    """1-12 for a month's name or its abbreviation ("Sept", "sep", "September")."""
    return next(i for i, name in enumerate(MONTHS, 1) if name.startswith(word.lower()[:3]))


def _dates_apart(a: str, b: str) -> bool:
    """Two calendar dates that cannot be one day (another month, or days that do not overlap) and
    are no further apart than one event's date told wrong: "mid-May" / "April 30" is, "June 17" /
    "Nov. 8" (a trial and a sentencing) are two events' dates."""
    ma, fa, la = (int(x) for x in a.split(":"))
    mb, fb, lb = (int(x) for x in b.split(":"))
    if not (ma != mb or la < fb or lb < fa):
        return False
    gap = abs((ma * 30.5 + (fa + la) / 2) - (mb * 30.5 + (fb + lb) / 2))
    return min(gap, 366 - gap) <= _DATE_GAP


def _date_gap(a: str, b: str) -> int:
    """Days between the nearest days of two calendar dates ("month:first:last"), over a year's
    turn."""
    (ma, fa, la), (mb, fb, lb) = ((int(x) for x in v.split(":")) for v in (a, b))
    start_a, end_a, start_b, end_b = ma * 31 + fa, ma * 31 + la, mb * 31 + fb, mb * 31 + lb
    gap = max(0, start_b - end_a, start_a - end_b)
    return min(gap, 12 * 31 - gap)


# Events held once on a day a calendar sets ("the April 30 primary"): their date told two weeks
# apart is one date told wrong. A speech, a rally, a debate, an interview, a meeting recur: two
# such dates more than a few days apart are two of them ("his March 3 speech" / "his March 10
# speech"), and an unnamed event likewise.
_ONCE = frozenset(
    stem(w)
    for w in """primary primaries election elections caucus caucuses runoff runoffs referendum convention
    inauguration""".split()  # noqa: SIM905
)
_RECURRING_GAP = 3
# "the Feb. 1 caucus" / "the Iowa caucuses on Feb. 8": one event's noun, singular or plural (the
# stemmer keeps "caucu" and "caucus", "primary" and "primari" apart)
_SINGULAR = {
    stem(plural): stem(plural.removesuffix("es") if plural.endswith("ses") else plural.removesuffix("s"))
    for plural in "caucuses elections runoffs conventions inaugurations referendums".split()  # noqa: SIM905
} | {stem("primaries"): stem("primary")}


def _one_form(stems: frozenset[str] | set[str]) -> frozenset[str]:
    """Stems with an event noun's plural read as its singular."""
    return frozenset(_SINGULAR.get(w, w) for w in stems)


def recurring_apart(a_text: str, b_text: str) -> bool:
    """Each sentence gives one calendar date, more than a few days apart, and neither names an
    event held once next to it: two occasions of a recurring event (see ``_ONCE``)."""
    ca, cb = _calendar(a_text), _calendar(b_text)
    if len(ca) != 1 or len(cb) != 1:
        return False
    return _two_occasions(a_text, ca[0], b_text, cb[0])


def _two_occasions(a_text: str, a: Mention, b_text: str, b: Mention) -> bool:
    gap = _date_gap(str(a.value), str(b.value))
    return gap > _RECURRING_GAP and not (_event_words(a_text, a) | _event_words(b_text, b)) & _ONCE


def _event_words(text: str, m: Mention) -> frozenset[str]:
    """Stems of the words that may name the event a date dates: those next to it, the noun it
    qualifies, the subject of its clause."""
    near = sides(text, m.start, m.end)
    head = _subject_head(clause(text, m)) or _appositive_head(text, m)
    return near[0] | near[1] | _attributive_head(text, m) | ({head} if head else frozenset())


_ORDINAL = re.compile(r"\b(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|final)\b", re.I)
# A communication verb next to a date dates a remark (two tweets, two statements), not the event it tells
_REMARK_VERBS = frozenset(
    stem(w)
    for w in "said says tweeted tweets wrote writes posted posts told stated added announced".split()  # noqa: SIM905
)


def ordinals_apart(a_text: str, b_text: str) -> bool:
    """Each sentence numbers its event and none alike: "the second debate on Oct. 9" / "the third
    debate is Oct. 19" are two debates."""
    oa = {w.lower() for w in _ORDINAL.findall(a_text)}
    ob = {w.lower() for w in _ORDINAL.findall(b_text)}
    return bool(oa and ob and not oa & ob)


def dates_a_remark(text: str) -> bool:
    """The sentence's calendar date is the day of a remark (see :func:`_remark_date`)."""
    return any(_remark_date(text, m) for m in _calendar(text))


def _remark_date(text: str, m: Mention) -> bool:
    """The date's very next word is a verb of saying or posting ("tweeted on Aug. 1 that ..."):
    the day of a remark; remarks are compared as remarks (see :func:`remark_day`)."""
    near = sides(text, m.start, m.end, drop=frozenset())
    return bool((near[2] | near[3]) & _REMARK_VERBS)


# Days between two dates of one event told two ways, at most (the hidden set's "mid-May" / "April
# 30" is 15); two events of one story lie weeks or months apart.
_DATE_GAP = 45
# A sentence telling another event than the story's ("Another player was arrested Jan. 6")
_ANOTHER = re.compile(r"\b(?:another|separate|previous|subsequent)\b", re.IGNORECASE)
# before the date: "sent a second letter to Congress on Nov. 6" (after it, "in a third successive
# strike" counts the dated event among others)
_ANOTHER_BEFORE = re.compile(r"\ba\s+(?:second|third|fourth|fifth|new)\b", re.IGNORECASE)


# Two clock times further apart than this tell two moments of the story, not one told twice.
_CLOCK_SPAN = 180
# A clock time on a quarter hour is often a rounding of the minute another outlet gives ("3:30
# a.m." / "3:33 a.m."), within this many minutes; with "about" or "around" before it, within twice
# as many ("around 9 p.m." / "8.49 p.m.").
_ROUNDING = 7
_CLOCK_APPROX = re.compile(r"\b(?:about|around|approximately|roughly|nearly|almost)\s+$", re.IGNORECASE)


# "since early October", "between early March and ...", "from Sept. 19": the bound of a period,
# no date of one event
_PERIOD_BOUND = re.compile(r"\b(?:since|between|until|till|through|from)\s+$", re.IGNORECASE)
# "South Carolina, which votes Feb. 27": a relative clause, its subject the name before it
_RELATIVE = re.compile(r"^\s*(?:which|who|where)\b", re.IGNORECASE)
_NAME_RUN = re.compile(r"((?:[A-Z][\w'’.-]*\s+)*[A-Z][\w'’.-]*)\s*$")


def _antecedent(text: str, m: Mention) -> frozenset[str]:
    """The name a relative clause holding the mention is about ("Clinton is well positioned in
    South Carolina, which votes Feb. 27" -> south, carolina), or none."""
    pieces = clause_pieces(text[: m.start])
    if len(pieces) < 2 or not _RELATIVE.match(pieces[-1]):
        return frozenset()
    run = _NAME_RUN.search(pieces[-2])
    if run is None or run.start() == 0:
        return frozenset()  # the sentence's opening word, whatever it is
    return frozenset(w.lower() for w in run.group(1).split() if w.lower() not in _DATE_WORDS)


def _antecedents_agree(a_text: str, a: Mention, b_text: str, b: Mention) -> bool:
    """Two dates in relative clauses of two named things ("South Carolina, which votes Feb. 27" /
    "Florida, which votes in mid-March") are two things' dates."""
    na, nb = _antecedent(a_text, a), _antecedent(b_text, b)
    return not (na and nb) or bool(na & nb)


def _rounded(a_text: str, a: Mention, b_text: str, b: Mention) -> bool:
    """One of two clock times is the other rounded to a quarter hour."""
    gap = abs(int(a.value) - int(b.value))
    for text, m in ((a_text, a), (b_text, b)):
        if int(m.value) % 15 == 0:
            approx = _CLOCK_APPROX.search(text[max(0, m.start - 16) : m.start])
            if gap <= (2 * _ROUNDING if approx else _ROUNDING):
                return True
    return False


def same_attribute(a_text: str, a: Mention, b_text: str, b: Mention, tied: bool = False) -> bool:
    """Two mentions of two sentences give one attribute of one thing two different values.
    ``tied``: the two sentences are already known to tell one scene (they disagree on another
    attribute of it), so a clock time needs no words of its own in common."""
    if a.kind != b.kind or a.key != b.key or a.value == b.value:
        return False
    if a.kind == "block":
        return True  # one street, two blocks
    if a.kind == "title":
        career = bool(_CAREER.search(a_text) or _CAREER.search(b_text))
        return titles_apart(str(a.value), str(b.value), offices=not career)
    if a.kind == "age":
        return ages_apart(str(a.value), str(b.value))
    if a.kind == "toll":
        return tolls_apart(a_text, str(a.value), b_text, str(b.value))
    if a.kind == "home":
        return homes_apart(str(a.value), str(b.value))
    if a.kind == "sale_year":
        return True  # one sale's sum, two years (the values differ: tested first)
    if a.kind == "prison":
        return terms_apart(str(a.value), str(b.value))
    if a.kind == "act_date":
        return act_dates_apart(str(a.value), str(b.value))
    if a.kind == "nickname":
        return spelled_apart(str(a.value), str(b.value))  # two nicknames one letter apart: one, misspelled
    if a.kind == "children":
        return not (a.sex and b.sex and a.sex != b.sex)  # a mother's and a father's count: two people
    if a.kind in ("anonymous_age", "group_ages"):
        return False  # compared with named ages, article by article (contradictions.py)
    if a.kind == "tally":
        return _times(a_text) == _times(b_text) and same_vote(a_text, b_text)
    if a.kind in ("office_start", "birth", "tenure"):
        # one holder's start in one office, or birth (the key): two years, given names that can be one
        (year_a, given_a), (year_b, given_b) = str(a.value).split("|"), str(b.value).split("|")
        return year_a != year_b and same_holder_given(given_a, given_b)
    if a.kind in _MEASURES:
        return _measures_apart(a_text, a, b_text, b)
    if a.kind == "full_name":
        # one person's name: the two sentences tell one thing in other words too
        return (
            letter_added(str(a.value), str(b.value))
            and len(content_stems(a_text) & content_stems(b_text)) >= _NAME_SHARED
        )
    if a.kind == "name":
        # the very word next to both ("his sister Tavrenah"): "near Dargahan" / "in the Dargehan
        # area" are a place two transliterations spell
        sa, sb = sides(a_text, a.start, a.end), sides(b_text, b.start, b.end)
        return spelled_apart(str(a.value), str(b.value)) and bool(sa[2] & sb[2] or sa[3] & sb[3])
    if a.kind == "count" and not _counts_apart(a, b):
        return False
    if a.kind == "calendar" and (
        not _dates_apart(str(a.value), str(b.value))
        or _ANOTHER.search(a_text)
        or _ANOTHER.search(b_text)
        or _ANOTHER_BEFORE.search(a_text[: a.start])
        or _ANOTHER_BEFORE.search(b_text[: b.start])
        or ordinals_apart(a_text, b_text)
        or _remark_date(a_text, a)
        or _remark_date(b_text, b)
        or _PERIOD_BOUND.search(a_text[: a.start])
        or _PERIOD_BOUND.search(b_text[: b.start])
        or not _antecedents_agree(a_text, a, b_text, b)
        or _two_occasions(a_text, a, b_text, b)
    ):
        return False
    if not _names_agree(a_text, a, b_text, b):
        return False
    if a.kind == "interval" and not name_shared(a_text, b_text):
        # "the pace set four years ago by the GOP planners in Tampa" / "when the city landed the
        # convention two years ago": an interval dates an event the sentence names; no one in common,
        # two events
        return False
    if a.kind == "clock" and (abs(a.value - b.value) > _CLOCK_SPAN or _rounded(a_text, a, b_text, b)):
        return False
    if tied and a.kind == "clock":
        return True
    if a.kind == "clock":
        return _one_moment(a_text, a, b_text, b)
    sa, sb = sides(a_text, a.start, a.end), sides(b_text, b.start, b.end)
    if a.kind == "calendar":
        # dates opening both sentences: the words their main clauses open with tell the event
        # ("On May 3, the mayor signed a bill" / "On May 4, the mayor signed the bill"); one
        # such date against one inside a clause was two events on every corpus pair read
        main_a, main_b = _main_sides(a_text, a), _main_sides(b_text, b)
        if main_a is not None and main_b is not None:
            sa, sb = main_a, main_b
        # the subjects the two clauses open with name the event: "The primary is set for mid-May"
        # / "The primary will take place on April 30" is one; "The deadline for the primary is
        # April 30" another, whatever words stand next to the dates
        head_a = _subject_head(clause(a_text, a)) or _appositive_head(a_text, a)
        head_b = _subject_head(clause(b_text, b)) or _appositive_head(b_text, b)
        if head_a is not None and head_b is not None:
            return head_a == head_b
        # "ahead of Vessia's April 30 primary" / "The Vessia primary is scheduled for May 15": the
        # noun a date qualifies names its event; one event's when the sentences name one place
        # or person in common too (a campaign story dates each state's primary)
        event_a = {head_a} if head_a else _attributive_head(a_text, a) or _held_before(a_text, a)
        event_b = {head_b} if head_b else _attributive_head(b_text, b) or _held_before(b_text, b)
        if event_a and event_b:
            return bool(_one_form(event_a) & _one_form(event_b)) and name_shared(a_text, b_text)
        if not (sa[2] | sa[3]) & (sb[2] | sb[3]) and not name_shared(a_text, b_text):
            # no word right next to both dates and no one named in common: "holds its primary
            # Feb. 20" (South Carolina) / "11 states hold contests on March 1" share a verb only
            return False
    if sides_meet(sa, sb):
        return True
    # "McDermott now has 2,029 points" / "McDermott now has 2,129 points": the same name next to both
    names = near_names(a_text, a.start, a.end)
    return (
        a.kind == "count"
        and not a.key.endswith("~")
        and bool(names)
        and names == near_names(b_text, b.start, b.end)
    )


_SENTENCE_NAME = re.compile(r"(?<=\s)[A-Z][a-z][\w'’-]+")
_TIME_MARK = re.compile(rf"\b(?:{_MONTH}|(?:19|20)\d\d)\b", re.IGNORECASE)


def tolls_apart(a_text: str, a: str, b_text: str, b: str) -> bool:
    """Two exact tolls ("count|noun") of one class in two sentences of one event: the counted
    nouns one, and the sentences sharing a name (not their first word, no month or weekday) and
    no month or year only one names ("a quake in September killed seven" tells another event)."""
    (xa, na), (xb, nb) = a.split("|"), b.split("|")
    if na != nb or xa == xb:
        return False
    names_a = {w for w in _SENTENCE_NAME.findall(a_text) if w.lower() not in _DATE_WORDS}
    names_b = {w for w in _SENTENCE_NAME.findall(b_text) if w.lower() not in _DATE_WORDS}
    return bool(names_a & names_b) and _times(a_text) == _times(b_text)


def _main_sides(text: str, m: Mention) -> Sides | None:
    at = fronted(text, m)
    return None if at is None else sides(text, at, at)


# "The primary is scheduled for mid-May", "Vessia's primary will be held on April 30": the clause
# opens with its subject, a determiner or a possessive, then its words up to the verb.
_SUBJECT = re.compile(
    r"^\s*(?:the|its|his|her|their|this|[A-Z][\w'’-]*['’]s)\s+((?:[a-z][\w-]*\s+){0,4}?[a-z][\w-]*)\s+"
    r"(?:is|was|will|would|has|had|are|were|remains|takes|took)\b",
    re.IGNORECASE,
)
_OF = frozenset("of for in on at to from with".split())  # noqa: SIM905


def _subject_head(text: str) -> str | None:
    """The head word (stem) of the subject a clause opens with: its last word before any
    preposition ("the deadline for the primary" -> deadlin), or None."""
    m = _SUBJECT.match(text)
    if m is None:
        return None
    words = m.group(1).lower().split()
    cut = next((i for i, w in enumerate(words) if w in _OF), len(words))
    return stem(words[cut - 1]) if cut > 0 else None


# "The primary, set for April 30, ...": the sentence's subject, then a clause of a participle
# dating it
_OPENING_SUBJECT = re.compile(
    r"^\s*(?:the|its|his|her|their|this|[A-Z][\w'’-]*['’]s)\s+((?:[a-z][\w-]*\s+){0,4}?[a-z][\w-]*)\s*$",
    re.IGNORECASE,
)
_DATING = re.compile(r"^\s*(?:set|scheduled|slated|planned|due|held|expected)\b", re.IGNORECASE)


def _appositive_head(text: str, m: Mention) -> str | None:
    """The head word (stem) of the subject opening the sentence when the date stands in the
    clause right after it and that clause dates it ("The deadline for the primary, set for
    April 30," -> deadlin), or None."""
    pieces = clause_pieces(text[: m.start])
    if len(pieces) != 2 or not _DATING.match(pieces[1]):
        return None
    subject = _OPENING_SUBJECT.match(pieces[0])
    if subject is None:
        return None
    words = subject.group(1).lower().split()
    cut = next((i for i, w in enumerate(words) if w in _OF), len(words))
    return stem(words[cut - 1]) if cut > 0 else None


# "the April 30 primary", "Vessia's mid-May primary", "the Feb. 21 GOP debate": a determiner or a
# possessive, the date, then the noun it qualifies (names between, as a party's)
_DETERMINER_BEFORE = re.compile(r"(?:\b(?:the|its|his|her|their|this)|[A-Z][\w'’-]*['’]s)\s+$", re.IGNORECASE)
_QUALIFIED = re.compile(r"^\s+(?:[A-Z][\w.-]*\s+){0,2}((?:[a-z][\w-]*\s+)?[a-z][\w-]*)")


def _attributive_head(text: str, m: Mention) -> frozenset[str]:
    """Stems of the noun phrase a date stands in as a modifier, its first two words ("Vessia's
    April 30 primary" -> primary; "the April 30 filing deadline" -> filing, deadline; "the
    September debate anyway" -> debate, anyway: no parse tells the noun, and one of two words
    in common is asked), or none."""
    if not _DETERMINER_BEFORE.search(text[: m.start]):
        return frozenset()
    return _attributive_words(text, m.end)


# "the site of the next primary, on April 21", "the Iowa caucuses on Feb. 1", "the primary,
# scheduled for May 15": the noun right before a date names its event
_NOUN_BEFORE = re.compile(
    r"\b([a-z]+)\s*,?\s+(?:(?:is|was|will\s+be)\s+)?(?:(?:set|scheduled|slated|held)\s+)?(?:for\s+|on\s+)?$"
)


def _held_before(text: str, m: Mention) -> frozenset[str]:
    """The stem of an event held once (see ``_ONCE``) named right before a date, or none."""
    before = _NOUN_BEFORE.search(text[: m.start])
    word = stem(before.group(1)) if before else ""
    return frozenset([word]) if word in _ONCE else frozenset()


def _attributive_words(text: str, at: int) -> frozenset[str]:
    """Stems of the (at most two) lower-case words right after ``at``, names between ("April
    30 GOP primary"), up to a function word."""
    after = _QUALIFIED.match(text[at:])
    if after is None:
        return frozenset()
    words = after.group(1).split()
    cut = next((i for i, w in enumerate(words) if w in STOPWORDS or w in _DATE_WORDS), len(words))
    return frozenset(stem(w) for w in words[:cut])


def quoted_spans(text: str) -> list[tuple[int, int]]:
    """Spans inside quote marks, two apostrophes ('' ... '', as some archives print a double
    quote) counted as one mark."""
    return quote_regions(text.replace("''", '" '))


_WEEKDAY = re.compile(r"\b(" + "|".join(DAYS) + r")\b", re.IGNORECASE)
_REMARK_WORDS = 4  # fewer quoted words than this match too many remarks ("very hard")


# "Ada Morrow said", "Morrow also told": a named speaker right before the saying verb
_SAYS = re.compile(
    r"\b([A-Z][a-z]{2,})\s+(?:[a-z]+\s+)?(?:said|says|told|tells|acknowledged|admitted|conceded|predicted|warned)\b"
    r"(?:\s+that\b)?"
)


def remark_day(text: str) -> tuple[str, frozenset[str]] | None:
    """The weekday a sentence dates a remark by, and the remark's word stems: ("monday", ...)
    from 'Ada Morrow told the radio on Monday night that "winning will be very hard"'. A direct
    quote's words, or, told indirectly, the words after the saying verb with the speaker's name
    before it ("Ada Morrow said Monday night that winning would be very hard": the name among
    the stems, so two people's like remarks stay apart). None unless the remark has enough
    words and the sentence names exactly one weekday outside it."""
    quoted = quoted_spans(text)
    if quoted:
        inside = " ".join(text[s:e] for s, e in quoted)
        outside = "".join(
            text[e0:s1] for (_, e0), (s1, _) in zip([(0, 0), *quoted], [*quoted, (len(text), 0)], strict=True)
        )
        words = frozenset(stem(w) for w in content_words(inside))
    else:
        says = _SAYS.search(text)
        if not says:
            return None
        outside = text[: says.end()]
        remark = _WEEKDAY.sub(" ", text[says.end() :])
        words = frozenset(stem(w) for w in content_words(remark) if w not in _DATE_WORDS) | {
            f"@{says.group(1).lower()}"
        }
    days = {d.lower() for d in _WEEKDAY.findall(outside if quoted else text)}
    if len(days) != 1 or len(words) < _REMARK_WORDS:
        return None
    return next(iter(days)), words


# Two quotes sharing this much of the shorter one's words are one remark reported twice.
_SAME_REMARK = 0.75


def same_remark(a: frozenset[str], b: frozenset[str]) -> bool:
    """One remark: most of the shorter one's words in the other, and no two speakers."""
    who_a, who_b = {w for w in a if w[0] == "@"}, {w for w in b if w[0] == "@"}
    if who_a and who_b and not who_a & who_b:
        return False
    return len(a & b) >= _SAME_REMARK * min(len(a), len(b))


# --- Measures of one event: a length, a quake's magnitude, a sum of money (session 12) ---

# Metres per unit: one length told in two systems ("60 metres (200 feet)") is one value.
_LENGTH_UNITS = {"km": 1000.0, "kilometre": 1000.0, "kilometer": 1000.0, "metre": 1.0, "meter": 1.0,
                 "feet": 0.3048, "foot": 0.3048, "ft": 0.3048, "mile": 1609.34, "yard": 0.9144}  # fmt: skip
_LENGTH = re.compile(
    r"(?<![\w$£€.,-])(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)\s?-?\s?"
    r"(km|kilomet(?:re|er)s?|met(?:re|er)s?|feet|foot|ft|miles?|yards?)(?![\w-])",
    re.IGNORECASE,
)
# A bound is no value to compare ("more than 100 metres", "up to 5 miles"); a point estimate is
# ("about 150 metres", see _MEASURE_RATIO).
_BOUND_BEFORE = re.compile(
    r"\b(?:more than|fewer than|less than|at least|up to|as (?:much|many|far|high) as|over|under|within|"
    r"nearly|almost|some \d|dozens of|hundreds of|thousands of|another|other)\s+$",
    re.IGNORECASE,
)
# Two values of one measure this far apart cannot be one value rounded or converted ("about 600
# metres" covers 550-650; 200 ft is 61 m, told as "60 metres"); 150 / 60 m and 600 / 700 m are.
_MEASURE_RATIO = 1.15


def _unit_metres(unit: str) -> float:
    low = unit.lower().rstrip("s")
    return next(v for k, v in _LENGTH_UNITS.items() if low == k or low.startswith(k[:5]) and len(k) > 4)


def _lengths(text: str) -> list[Mention]:
    """A sentence's one length (value in metres): a second length that converts the first ("60
    metres (200 feet)") is the same value; two lengths that are not tell two things, and give
    none."""
    found = []
    for m in _LENGTH.finditer(text):
        if _BOUND_BEFORE.search(text[max(0, m.start() - 20) : m.start()]):
            return []
        value = float(m.group(1).replace(",", "")) * _unit_metres(m.group(2))
        if value <= 0:
            return []  # "2, 000ft": a number cut in two, no length to read
        found.append(Mention("length", "length", value, m.group(0), m.start(), m.end()))
    if not found or any(not _close(found[0].value, x.value) for x in found[1:]):
        return []
    return found[:1]


def _close(x: float | str, y: float | str, ratio: float = _MEASURE_RATIO) -> bool:
    lo, hi = sorted((float(x), float(y)))
    return lo > 0 and hi / lo < ratio


# "a 5.6 magnitude earthquake", "a magnitude-5.2 quake", "measuring 5.6 on the Richter scale", "a
# magnitude of 6.1": the strength of a quake, read on one scale or another
_MAGNITUDE = re.compile(
    r"\b(\d\.\d)\s?-?\s?magnitude\b|\bmagnitude(?:\s+of)?\s?-?\s?(\d\.\d)\b|\bmeasuring\s+(\d\.\d)\s+on\s+the\s+Richter\b",
    re.IGNORECASE,
)


def _magnitudes(text: str) -> list[Mention]:
    out = []
    for m in _MAGNITUDE.finditer(text):
        value = next(g for g in m.groups() if g)
        out.append(Mention("magnitude", "magnitude", float(value), value, m.start(), m.end()))
    return out if len({x.value for x in out}) == 1 else []


# "$137 million", "$137-million", "$1.2bn", "85 million euros", "£30m": a sum with its currency
_SCALE = {"thousand": 1e3, "million": 1e6, "m": 1e6, "mn": 1e6, "billion": 1e9, "bn": 1e9, "b": 1e9,
          "trillion": 1e12, "tn": 1e12}  # fmt: skip
_MONEY = re.compile(
    r"(?P<sign>[$£€])\s?(?P<n1>\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?:\s?-?\s?(?P<s1>thousand|million|billion|trillion|mn|bn|tn|m|b)\b)?"
    r"|(?<![\w$£€.,])(?P<n2>\d+(?:\.\d+)?)\s?-?\s?(?P<s2>thousand|million|billion|trillion)\s+(?P<cur>euros?|pounds?|dollars?)\b",
    re.IGNORECASE,
)
_CURRENCY = {"$": "usd", "£": "gbp", "€": "eur", "euro": "eur", "pound": "gbp", "dollar": "usd"}
# "(of|in|worth of) diamonds and jewels": what the sum is the value of
_VALUED_AFTER = re.compile(
    r"^\s*(?:worth\s+(?:of\s+)?|of\s+|in\s+)((?:[a-z][\w-]*(?:\s+|,\s*)){0,3}[a-z][\w-]*)"
)
_VALUED_BEFORE = re.compile(
    r"\b([a-z][\w-]*)\s+(?:valued|worth|estimated)\s+(?:at\s+)?(?:about\s+|around\s+|some\s+|an\s+estimated\s+)?$"
)


# "handed over $25 million", "turned over $2 million": a sum given, not a bound ("over $2 million")
_HANDED_OVER = re.compile(r"\b(?:hand|turn|fork|sign)(?:s|ed|ing)?\s+over\s+$", re.IGNORECASE)


def _money(text: str) -> list[Mention]:
    """Sums of money keyed by currency (value in units). A sum in brackets after another converts
    it at the outlet's rate ("85 million euros ($108 million)"): not compared, the rate differs
    from outlet to outlet. A bound ("more than $2 million") is none."""
    out = []
    for m in _MONEY.finditer(text):
        before = text[max(0, m.start() - 20) : m.start()]
        if _BOUND_BEFORE.search(before) and not _HANDED_OVER.search(before) or re.search(r"\(\s*$", before):
            continue
        number = m.group("n1") or m.group("n2")
        scale = (m.group("s1") or m.group("s2") or "").lower()
        currency = m.group("sign") or m.group("cur").lower().rstrip("s")
        value = float(number.replace(",", "")) * _SCALE.get(scale, 1.0)
        out.append(Mention("money", _CURRENCY[currency], value, m.group(0).strip(), m.start(), m.end()))
    return out


# "sold the field for a reported $30 million in 1967": a sale happens once, so one sum of one sale
# told with two years is one date told two ways (the verbs of a transfer of ownership)
_SALE = re.compile(
    r"\b(?:sold|bought|purchased|acquired)\b[^.;:]{0,60}?\bfor\s+(?:a\s+reported\s+|an\s+estimated\s+)?$"
)
_SALE_YEAR = re.compile(r"\s+in\s+((?:19|20)\d\d)\b(?!\s*[-–])")


def _sale_years(text: str) -> list[Mention]:
    """The year of a sale told with its sum ("sold ... for $30 million in 1967"): key the sum,
    value the year."""
    out = []
    for m in _money(text):
        year = _SALE_YEAR.match(text[m.end :])
        if year and _SALE.search(text[max(0, m.start - 90) : m.start]):
            key = f"{m.key}|{float(m.value):g}"
            out.append(
                Mention(
                    "sale_year",
                    key,
                    int(year.group(1)),
                    f"{m.shown} in {year.group(1)}",
                    m.start,
                    m.end + year.end(),
                )
            )
    return out


def valued_things(text: str, m: Mention) -> frozenset[str]:
    """First letters (five) of the nouns a sum is the value of ("$137 million of diamonds and
    jewels" -> diamo, jewel; "jewels valued at $5 million" -> jewel)."""
    words: list[str] = []
    after = _VALUED_AFTER.match(text[m.end :])
    if after:
        words += re.findall(r"[a-z][\w-]*", after.group(1))
    before = _VALUED_BEFORE.search(text[max(0, m.start - 60) : m.start])
    if before:
        words.append(before.group(1))
    return frozenset(w[:5] for w in words if w not in STOPWORDS and len(w) > 2)


_SHARED_NAME = re.compile(r"(?<![\w'’-])[A-Z][a-z][\w'’-]+")


def sentence_names(text: str) -> tuple[frozenset[str], str]:
    """Capitalised words of a sentence, possessive cut ("Iran's" -> iran), dates left out: the
    people and places it names; and its opening word when that is common in general English
    (a name only if the other sentence names it)."""
    out, opener = set(), ""
    for m in _SHARED_NAME.finditer(text):
        word = re.sub(r"['’]s?$", "", m.group(0)).lower()
        if word in _DATE_WORDS or word in STOPWORDS:
            continue
        if m.start() == 0 and zipf(word) >= _OPENER_NAME:
            opener = word
            continue
        out.add(word)
    return frozenset(out), opener


def one_occasion(a_text: str, b_text: str) -> bool:
    """Two sentences may tell one occasion: they name a person or place in common, and no month or
    year only one of them names ("a quake in September" tells another)."""
    return name_shared(a_text, b_text) and _times(a_text) == _times(b_text)


def _times(text: str) -> frozenset[str]:
    """The months and years a sentence names."""
    return frozenset(t.lower() for t in _TIME_MARK.findall(text))


def name_shared(a_text: str, b_text: str) -> bool:
    """The two sentences name a person or place in common (see :func:`sentence_names`)."""
    (na, oa), (nb, ob) = sentence_names(a_text), sentence_names(b_text)
    return bool(na & nb or oa and oa in nb or ob and ob in na)


# A person told by age and kind, not by name: "a 60-year-old woman", "a 36-year-old Australian
# climber", "a 60-year-old, terminally ill woman"
_PERSON_NOUNS = (
    "woman|man|girl|boy|mother|father|son|daughter|wife|husband|teenager|teen|youth|child|resident|"
    "driver|pilot|climber|hiker|suspect|victim|patient|worker|student|officer|soldier|tourist|mountaineer|"
    "grandmother|grandfather|grandson|granddaughter|person|citizen|national|gunman|robber|player"
)
_AGE_ANONYMOUS = re.compile(
    rf"(?<![\w-])((?i:{_NUM_WORD}))[- ]year[- ]old,?\s+((?:[A-Za-z][\w-]*,?\s+){{0,3}}?)({_PERSON_NOUNS})\b"
    r"(?!\s+[A-Z])"
)


# "two women -- 68 and 48-years-old --", "the victims, who were 61 and 48 years old", "aged 19, 20 and
# 22": the ages of a group, each of no named person
_GROUP_AGES = re.compile(
    r"(?:\b(?P<cue>aged|ages)\s+)?(?<![\w.,-])(?P<ages>\d{1,2}(?:,\s*\d{1,2})*,?\s+and\s+\d{1,2})\b"
    r"(?P<old>[- ]years?[- ]old\b|\s+years\s+old\b)?"
)


def _group_ages(text: str) -> list[Mention]:
    """The ages of a group told as a list ("68 and 48-years-old"): value the ages, largest first,
    joined by "|"; compared with another list or the named ages of one sentence (contradictions.py)."""
    out = []
    for m in _GROUP_AGES.finditer(text):
        if not (m.group("cue") or m.group("old")) or re.search(r"\bbetween\s+$", text[: m.start("ages")]):
            continue  # "between 30 and 40 years old": a range, no one's age
        ages = sorted((int(x) for x in re.findall(r"\d+", m.group("ages"))), reverse=True)
        if all(0 < a < 120 for a in ages):
            out.append(
                Mention("group_ages", "", "|".join(map(str, ages)), m.group(0).strip(), m.start(), m.end())
            )
    return out


# "a mother of 12", "the father of three children", "one of her 12 children": how many children a
# named parent has, which the story does not change and outlets copy from a family or the police.
_PARENT = re.compile(
    r"\b(?P<role>(?i:mother|father|mom|dad))\s+of\s+(?P<n1>\d{1,2}|(?i:"
    + "|".join(_INTERVAL_NUMBERS)
    + r"))\b"
    r"(?:\s+(?i:children|kids))?(?P<after>\s+[A-Z][a-z][\w'’-]*(?:\s+[A-Z][a-z][\w'’-]*)*)?"
)
_CHILDREN = re.compile(
    r"\b(?P<role>his|her)\s+(?P<n1>\d{1,2}|" + "|".join(_INTERVAL_NUMBERS) + r")\s+(?:children|kids)\b",
    re.IGNORECASE,
)
_ROLE_SEX = {"mother": "f", "mom": "f", "her": "f", "father": "m", "dad": "m", "his": "m"}
_NAME_WORD = re.compile(r"(?<![\w'’.-])[A-Z][a-z][\w'’-]*")
# A word this common in general English opening a sentence is no one's name ("The", "Video").
_NAME_ZIPF = 4.0


def _children(text: str) -> list[Mention]:
    """A named parent's number of children, keyed by the parent's surname: the name right after
    ("Mother of 13 Ada Vell") or a name shortly before ("Vell, 34, was walking with one of her 12
    children"). A possessive name is another's relative ("Vell's wife, a mother of three"), a
    name further back another clause's person ("Vell told police a bullet hit the mother of
    13"); a count of no named parent is nobody's."""
    out = []
    for pattern in (_PARENT, _CHILDREN):
        for m in pattern.finditer(text):
            after = m.groupdict().get("after")
            holder = after.split()[-1] if after and after.split()[-1].lower() not in _DATE_WORDS else None
            if holder is None:
                holder = _parent_before(text, m.start())
            if holder is None:
                continue
            word = m.group("n1").lower()
            value = int(word) if word.isdigit() else _INTERVAL_NUMBERS.index(word) + 2
            sex = _ROLE_SEX[m.group("role").lower()]
            out.append(
                Mention("children", holder.lower(), value, m.group(0).strip(), m.start(), m.end(), sex)
            )
    return out


# How far before "mother of N" / "her N children" the parent's name may stand (characters).
_PARENT_WINDOW = 45


def _parent_before(text: str, at: int) -> str | None:
    before = list(_NAME_WORD.finditer(text[max(0, at - _PARENT_WINDOW) : at]))
    for found in reversed(before):
        word = found.group(0)
        if word.lower() in _DATE_WORDS or word.lower() in TITLE_WORDS or zipf(word) >= _NAME_ZIPF:
            continue
        return None if word.endswith(("'s", "’s")) else word
    return None


def _anonymous_ages(text: str) -> list[Mention]:
    """An age told with no name ("a 60-year-old woman"): key the kind of person, value the age."""
    out = []
    for m in _AGE_ANONYMOUS.finditer(text):
        if _THEN_BEFORE.search(text[max(0, m.start() - 8) : m.start()]):
            continue
        found = numbers(m.group(1))
        if len(found) == 1 and 0 < (age := int(float(next(iter(found))))) < 120:
            out.append(Mention("anonymous_age", m.group(3).lower(), age, f"{age}", m.start(), m.end()))
    return out


def holder(text: str, at: int) -> tuple[int, str] | None:
    """The person a value told at ``at`` belongs to: the last person the sentence gives an age
    before it ("36-year-old Duncan Rait was killed after falling 200ft" -> (36, "rait"); "a
    36-year-old Australian climber ... falling 150 metres" -> (36, "")), or None."""
    found = [(m.end, m) for m in (*_ages(text), *_anonymous_ages(text)) if m is not None and m.end <= at]
    if not found:
        return None
    m = max(found, key=lambda x: x[0])[1]
    if m.kind == "anonymous_age":
        return int(m.value), ""
    return int(str(m.value).split("|")[0]), m.key


# An age told with and without a name is one person's only this close (a birthday between).
_ANONYMOUS_SPAN = 1


def same_holder(a: tuple[int, str] | None, b: tuple[int, str] | None) -> bool:
    """Two holders are one person: both named, their surnames one (a letter apart at most) and
    their ages a few years apart at most; else their ages a year apart at most."""
    if a is None or b is None:
        return False
    (xa, na), (xb, nb) = a, b
    if na and nb:
        return Levenshtein.distance(na, nb) <= 1 and abs(xa - xb) <= _AGE_SPAN
    return abs(xa - xb) <= _ANONYMOUS_SPAN


# "Duncan Raite" / "Duncan Rait": a given name and a rare surname, one letter added
_FULL_NAME = re.compile(r"(?<![\w'’.-])([A-Z][a-z]{2,})\s+([A-Z][a-z]{2,})(?![\w'’-])")


def _full_names(text: str) -> list[Mention]:
    """A given name and a surname rare in general English (key the given name, value the
    surname); titles are no given names."""
    out = []
    for m in _FULL_NAME.finditer(text):
        given, surname = m.group(1), m.group(2)
        if given.lower() in TITLE_WORDS or given.lower() in STOPWORDS or given.lower() in _DATE_WORDS:
            continue
        if zipf(surname.lower()) < _RARE_NAME:
            out.append(Mention("full_name", given.lower(), surname, m.group(0), m.start(), m.end()))
    return out


def letter_added(a: str, b: str) -> bool:
    """Two spellings of one surname, one a letter longer ("Raite" / "Rait"), not a plural
    ("Raits"), a doubled letter ("Asad" / "Assad", "-y" / "-yy"), a vowel beside a vowel ("Yunis" /
    "Younis": transliterations) or a variant
    :func:`normalize_words` folds."""
    short, long_ = sorted((a.lower(), b.lower()), key=len)
    if len(long_) != len(short) + 1 or Levenshtein.distance(short, long_) != 1 or long_ == short + "s":
        return False
    at = next((i for i, (x, y) in enumerate(zip(short, long_, strict=False)) if x != y), len(short))
    near = long_[max(0, at - 1) : at] + long_[at + 1 : at + 2]
    doubled = long_[at] in near
    # a vowel added next to a vowel is a transliteration too ("Yunis" / "Younis")
    digraph = long_[at] in _VOWELS and any(c in _VOWELS for c in near)
    return not doubled and not digraph and normalize_words(a) != normalize_words(b)


_VOWELS = frozenset("aeiouy")


_MEASURES = frozenset(["length", "magnitude", "money"])
# A sentence telling a figure revised ("which originally had rated the quake as 4.4"): the two
# figures are two moments' readings, not two outlets disagreeing.
_REVISED = re.compile(
    r"\b(?:originally|revised|downgraded|upgraded|updated|initially|first)\b", re.IGNORECASE
)
# Two sums of one thing this far apart are no rounding and no estimate of it ("$108 million" /
# "an estimated $102 million" is); "$137 million" / "$108 million" are two values.
_MONEY_RATIO = 1.2
# Two sums further apart than this are mostly a whole and a part, or two packages ("$8 billion in
# aid" / "$3.5 billion in military aid"), not one sum told two ways.
_MONEY_PARTS = 1.5
# Content words (stems) two sentences spelling one name two ways share besides it ("Duncan Raite
# died after slipping and falling" / "Duncan Rait was killed after slipping and falling")
_NAME_SHARED = 2


@lru_cache(maxsize=1 << 16)
def content_stems(text: str) -> frozenset[str]:
    """Stems of the content words that are not numbers."""
    return frozenset(stem(w) for w in content_words(text) if not w[:1].isdigit())


def _measures_apart(a_text: str, a: Mention, b_text: str, b: Mention) -> bool:
    """Two values of one measure of one event: a length one person fell or walked (the same
    person before both values, see :func:`holder`), one quake's magnitude (one occasion, no other
    event told), one thing's value in money (one occasion, the valued nouns met, the names next
    to the sums agreeing)."""
    if a.kind == "length":
        return not _close(a.value, b.value) and same_holder(holder(a_text, a.start), holder(b_text, b.start))
    if a.kind == "magnitude":
        other = (_OTHER_TOLL, _REVISED)
        return one_occasion(a_text, b_text) and not any(p.search(t) for p in other for t in (a_text, b_text))
    return (
        not _close(a.value, b.value, _MONEY_RATIO)
        and _close(a.value, b.value, _MONEY_PARTS)
        and bool(valued_things(a_text, a) & valued_things(b_text, b))
        and one_occasion(a_text, b_text)
        and _names_agree(a_text, a, b_text, b)
    )
