"""The date of an act a person does once, as court and obituary copy dates it: "Ada Morrow
pleaded guilty in July 1973", "On June 27, 1973, he pleaded guilty", "Morrow died on May 3,
2004".

One person's once-only act dated two ways (days or months that do not overlap) is a
contradiction (issue 16 item 4). The person opens the sentence, by name or as "he" / "she"
(the article's main person: :func:`newsprism.compare.prison_terms.main_person`); the sentence
gives one date with its year, and the act is the clause's verb right after the person. Acts
that repeat (arrests, charges, elections) are left out: two of them are two dates.
"""

from __future__ import annotations

import re

from newsprism.compare.prison_terms import holder_opening
from newsprism.text import MONTHS

__all__ = ["act_dates", "act_dates_apart"]

# Acts a person does once (a plea of guilty to a case, a conviction, a sentence, a death)
_ACT = re.compile(
    r"\b(?P<act>pleaded\s+guilty|pled\s+guilty|was\s+convicted|was\s+sentenced|died)\b", re.IGNORECASE
)
_MONTH = "|".join(MONTHS)
_MONTH_SHORT = r"(?:jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\."
# "June 27, 1973", "Sept. 3, 1973", "July 1973" (the day optional; the year required)
_DATE = re.compile(
    rf"\b(?P<month>{_MONTH}|{_MONTH_SHORT})\s+(?:(?P<day>\d{{1,2}}),\s+)?(?P<year>(?:19|20)\d\d)\b",
    re.IGNORECASE,
)
_ANY_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
# what may stand between the person and the act: "he", "Mr. Morrow", "Morrow, 61,"
_BEFORE_ACT = re.compile(r"^[^,;:]{0,30}$|^[^;:]{0,30},\s*\d{1,3},\s*$")

Act = tuple[
    str, str, str, int, int
]  # key "surname|act" ("|act" for he / she), "year:month:first:last", shown, start, end


def act_dates(text: str) -> list[Act]:
    """(key, "year:month:first:last", shown, start, end) of the sentence's one dated once-only
    act of the person who opens it."""
    dates, acts = list(_DATE.finditer(text)), list(_ACT.finditer(text))
    if len(dates) != 1 or len(acts) != 1 or len(_ANY_YEAR.findall(text)) != 1:
        return []
    d, act = dates[0], acts[0]
    fronted = re.match(r"^\W*on\s+$", text[: d.start()], re.IGNORECASE)
    subject_at = text.index(",", d.end()) + 1 if fronted and "," in text[d.end() : d.end() + 3] else 0
    holder = holder_opening(text[subject_at : act.start()])
    if holder is None or not _BEFORE_ACT.match(text[subject_at : act.start()]):
        return []
    if not fronted and not re.match(r"^[^,;:.]{0,60}\b(?:in|on)\s+$", text[act.end() : d.start()]):
        return []  # the date must date the act's own clause: "... pleaded guilty to perjury in July 1973"
    month = _month_number(d.group("month"))
    first, last = (int(d.group("day")),) * 2 if d.group("day") else (1, 31)
    verb = " ".join(act.group("act").lower().split()).replace("pled", "pleaded")
    value = f"{d.group('year')}:{month}:{first}:{last}"
    return [(f"{holder}|{verb}", value, d.group(0), d.start(), d.end())]


def _month_number(word: str) -> int:
    word = word.lower().rstrip(".")
    return next(i for i, m in enumerate(MONTHS, 1) if m.startswith(word[:3]))


def act_dates_apart(a: str, b: str) -> bool:
    """Two dates ("year:month:first:last") of one act that cannot be one: another year or month,
    or days that do not overlap."""
    ya, ma, fa, la = (int(x) for x in a.split(":"))
    yb, mb, fb, lb = (int(x) for x in b.split(":"))
    return (ya, ma) != (yb, mb) or la < fb or lb < fa
