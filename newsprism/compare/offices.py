"""The year a person took up an office: "has served in Congress since 1993", "Morrow, who has been
in the House since 1995", "first elected to the Senate in 1992".

One person's start in one office told with two years is a contradiction (issue 16 item 4). The
holder is the name nearest before the year (the sentence's subject, or the name a "who" clause
hangs on); the office is the body or post named between them. "Since" (serving from) and "first
elected" (the election, a year or so before the term) are two attributes: 1992 / 1993 told that way
is no disagreement.
"""

from __future__ import annotations

import re

from newsprism.compare.lexicon import zipf
from newsprism.quotes.names import TITLE_WORDS
from newsprism.text import DAYS, MONTHS

__all__ = ["given_before", "holder_before", "office_starts", "office_tenures", "same_holder_given"]

_YEAR = r"(?P<year>(?:19|20)\d\d)\b"
# "has served in Congress since 1993", "has represented the district since 1993", "who has been in
# the House since 1995", "a member of the Senate since 2001", "in office since 2009"
_SINCE = re.compile(
    r"\b(?:has|have|had|who's|she's|he's)\s+(?:served|been|represented|held|sat)\b"
    r"(?P<between>[^.;:()]{0,60}?)\bsince\s+"
    + _YEAR
    + r"|\b(?:member|members)\s+of\s+(?P<between2>[^.;:()]{0,40}?)\bsince\s+"
    + _YEAR.replace("year", "year2"),
    re.IGNORECASE,
)
# "was first elected to Congress in 1992", "first won the seat in 1992"
_FIRST_ELECTED = re.compile(
    r"\bfirst\s+(?:elected|won)\b(?P<between>[^.;:()]{0,40}?)\bin\s+" + _YEAR, re.IGNORECASE
)
# Bodies and posts a year of taking up can be told of (a general list).
_OFFICES = frozenset(
    """senate house congress assembly legislature parliament council court bench office seat district
    governorship mayoralty presidency cabinet""".split()  # noqa: SIM905
)
# Posts within a body: a start in one is no start in the body ("has been the Senate's majority
# leader since 2015" / "has served in the Senate since 1985")
_POSTS = frozenset(
    """leader chair chairman chairwoman chairs whip speaker head president secretary majority minority
    ranking committee subcommittee caucus delegation""".split()  # noqa: SIM905
)
_NAME = re.compile(r"\b([A-Z][a-z][\w'’-]*)\b(?!\s+[A-Z][a-z])")
_TENURE_WORDS = """one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen
    sixteen seventeen eighteen nineteen twenty""".split()  # noqa: SIM905
_TENURE_NUMBERS = {w: i + 1 for i, w in enumerate(_TENURE_WORDS)} | {"thirty": 30, "forty": 40, "fifty": 50}
# "Morrow, who served in the Senate for 36 years", "Ada Morrow served as governor for eight years":
# a finished term's length (not "has served ... for", a term still running; not "for nearly 36
# years", a bound)
_TENURE = re.compile(
    r"(?<!\bhas\s)(?<!\bhave\s)(?<!\bhad\s)\bserved\s+(?:as|in|on)\s+(?P<between>[^.;:()]{1,40}?)\s+for\s+"
    r"(?P<n>\d{1,2}|" + "|".join(_TENURE_NUMBERS) + r")\s+years\b",
    re.IGNORECASE,
)
# elected posts a tenure names by title ("served as senator"), as the body they sit in
_POST_OFFICE = {
    "senator": "senate",
    "governor": "governorship",
    "mayor": "mayoralty",
    "congressman": "house",
    "congresswoman": "house",
    "representative": "house",
    "president": "presidency",
}
# Capitalised words that are no one's surname: the office, the calendar, titles
_NOT_HOLDER = _OFFICES | frozenset(
    """the a an in on of and but since who he she they sen rep gov president senator representative
    congressman congresswoman mr mrs ms dr democrat democrats republican republicans first""".split()  # noqa: SIM905
)

Start = tuple[str, str, str, int, int]  # key "surname|relation|office", "year|given name", shown, start, end


def office_starts(text: str) -> list[Start]:
    """(key, "year|given name", shown, start, end) for each start in an office the sentence gives
    with its holder and its office named; none when it gives two for one key (two terms, two
    offices)."""
    out: list[Start] = []
    for relation, pattern in (("since", _SINCE), ("first elected", _FIRST_ELECTED)):
        for m in pattern.finditer(text):
            year_group = "year" if m.group("year") else "year2"
            between = (m.groupdict().get("between") or m.groupdict().get("between2") or "").lower()
            words = re.findall(r"[a-z]+", between)
            if _POSTS & set(words):
                continue  # "has been the Senate's majority leader since 2015": a post in the body
            offices = [w for w in words if w in _OFFICES]
            holder = holder_before(text[: m.start()])
            if len(offices) != 1 or holder is None:
                continue
            key = f"{holder}|{relation}|{offices[0]}"
            year = m.group(year_group)
            shown = f"since {year}" if relation == "since" else f"first elected in {year}"
            out.append((key, f"{year}|{given_before(text[: m.start()], holder)}", shown, m.start(), m.end()))
    years: dict[str, set[str]] = {}
    for key, value, *_ in out:
        years.setdefault(key, set()).add(value.split("|")[0])
    return [s for s in out if len(years[s[0]]) == 1]


def given_before(before: str, surname: str) -> str:
    """The given name written right before the last mention of the holder's surname in ``before``
    ("Ada Morrow": "ada"; "Sen. Morrow", "Morrow": "")."""
    found = list(
        re.finditer(rf"\b([A-Z][a-z][\w'’-]*)\.?\s+(?:[A-Z]\.\s+)?{re.escape(surname)}\b", before, re.I)
    )
    if not found or not found[-1].group(1)[0].isupper():
        return ""
    given = found[-1].group(1).lower()
    return "" if given in _NOT_HOLDER or given in TITLE_WORDS else given


def same_holder_given(a: str, b: str) -> bool:
    """Two given names of one surname's holder can be one person's: one unknown, or the first
    three letters alike (Dave / David)."""
    return not a or not b or a[:3] == b[:3]


def holder_before(before: str) -> str | None:
    """The surname nearest before the start: the last word of the last run of capitalised words
    that is no office, title or calendar word, nor a place ("Ada Morrow of Vessia": Morrow)."""
    for m in reversed(list(_NAME.finditer(before))):
        word = m.group(1).lower()
        if _PLACE_BEFORE.search(before[: m.start()]) or word in _NOT_HOLDER or word in _CALENDAR:
            continue
        if not before[: m.start()].strip() and zipf(word) >= _COMMON_WORD:
            continue  # "Children born in 2001 ...": a sentence's first word, capitalised as such
        return word
    return None


_CALENDAR = frozenset(DAYS) | frozenset(MONTHS)
# A word this frequent in general English (Zipf scale) opening a sentence is no surname
_COMMON_WORD = 5.2
# "of Vessia", "from Carrowmere", "in Lindvale": a place, not the holder
_PLACE_BEFORE = re.compile(r"\b(?:of|from|in|at|for)\s+(?:[A-Z][\w'’.-]*\s+)*$")


Tenure = tuple[str, str, str, int, int]  # key "surname|tenure|office", "years|given name", shown, start, end


def office_tenures(text: str) -> list[Tenure]:
    """(key, "years|given name", shown, start, end) of each finished term in one office the
    sentence gives with its holder named; none when it gives two (two offices, two terms)."""
    found = list(_TENURE.finditer(text))
    if len(found) != 1 or len(re.findall(r"\bfor\s+\S+\s+years\b", text, re.IGNORECASE)) > 1:
        return []
    m = found[0]
    words = re.findall(r"[a-z]+", m.group("between").lower())
    offices = {w for w in words if w in _OFFICES} | {_POST_OFFICE[w] for w in words if w in _POST_OFFICE}
    holder = holder_before(text[: m.start()])
    if len(offices) != 1 or _POSTS & set(words) - {"president"} or holder is None:
        return []
    n = m.group("n").lower()
    years = n if n.isdigit() else str(_TENURE_NUMBERS[n])
    given = given_before(text[: m.start()], holder)
    return [(f"{holder}|tenure|{offices.pop()}", f"{years}|{given}", m.group(0), m.start(), m.end())]
