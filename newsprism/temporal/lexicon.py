"""Words the temporal rules are built from, and their values.

Month and weekday names are matched case-sensitively (``May`` the month, ``may`` the
verb); everything else ignores case.
"""

from __future__ import annotations

import re

MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4,
    "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11,
    "nov": 11, "december": 12, "dec": 12,
}  # fmt: skip

MONTH_NAMES = (
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december",
)  # fmt: skip

WEEKDAYS = {
    "monday": 0, "mon": 0, "tuesday": 1, "tue": 1, "tues": 1, "wednesday": 2, "wed": 2,
    "thursday": 3, "thu": 3, "thurs": 3, "friday": 4, "fri": 4, "saturday": 5, "sat": 5,
    "sunday": 6, "sun": 6,
}  # fmt: skip

NUMBERS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100,
    "a hundred": 100, "a couple of": 2, "a couple": 2, "couple of": 2, "a dozen": 12,
    "dozen": 12, "half a": 0.5, "a half": 0.5,
}  # fmt: skip

# Quantities without a number: value "X" in TIMEX3 (PXD, PXY).
VAGUE_QUANTITIES = ("several", "a few", "few", "many", "some")

ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4,
}  # fmt: skip

# unit word -> (TIMEX3 duration letter, is a time unit, granularity name)
UNITS = {
    "second": ("S", True), "minute": ("M", True), "hour": ("H", True), "day": ("D", False),
    "night": ("D", False), "week": ("W", False), "fortnight": ("W2", False),
    "month": ("M", False), "year": ("Y", False), "decade": ("DE", False),
    "century": ("CE", False), "quarter": ("Q", False), "weekend": ("WE", False),
}  # fmt: skip

DAY_PARTS = {
    "morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "overnight": "NI",
    "early-morning": "MO", "early morning": "MO", "late-night": "NI", "late night": "NI",
    "midday": "MI", "nighttime": "NI", "daytime": "DT",
}  # fmt: skip

# Nouns of events, seasons and documents a year names when written before them as a modifier
# ("his 1995 tax return", "the contested 1976 convention", "her 2008 presidential campaign"): a
# four-digit number there is a year, not a count.
YEAR_NOUNS = frozenset(
    """election elections campaign campaigns convention conventions race races primary primaries
    caucus caucuses debate debates nomination speech speeches address inauguration midterm
    midterms referendum vote tax return returns budget law act bill ruling decision verdict trial
    case lawsuit indictment book memoir autobiography film movie documentary interview report
    survey poll study census letter memo email statement agreement deal accord treaty invasion war
    attack attacks bombing bombings shooting shootings crisis recession crash collapse scandal
    season series championship tournament olympics cup game games award awards visit trip summit
    meeting conference protest protests riots uprising revolution coup storm hurricane earthquake
    flood fire disaster marathon launch merger sale""".split()  # noqa: SIM905
)

SEASONS = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}

SET_WORDS = {
    "daily": "P1D", "nightly": "P1D", "weekly": "P1W", "monthly": "P1M", "yearly": "P1Y",
    "hourly": "PT1H",
}  # fmt: skip

# Adverbs and nouns that point at the present, the past or the future as a whole.
REF_WORDS = {
    "now": "PRESENT_REF", "currently": "PRESENT_REF", "current": "PRESENT_REF",
    "nowadays": "PRESENT_REF", "presently": "PRESENT_REF", "at present": "PRESENT_REF",
    "the present": "PRESENT_REF", "right now": "PRESENT_REF", "these days": "PRESENT_REF",
    "recently": "PAST_REF", "the past": "PAST_REF", "soon": "FUTURE_REF",
    "the future": "FUTURE_REF", "the near term": "FUTURE_REF", "the short term": "FUTURE_REF",
    "the near future": "FUTURE_REF", "in the coming days": "FUTURE_REF",
    "in the coming weeks": "FUTURE_REF", "in the coming months": "FUTURE_REF",
    "in the days ahead": "FUTURE_REF", "the coming days": "FUTURE_REF",
}  # fmt: skip

# Events known by their date, written month/day without a year (timeline only: TimeML tags
# them as events, not as temporal expressions).
NAMED_DATES = {"9/11": "2001-09-11", "7/7": "2005-07-07"}

# Fixed-date holidays, month-day.
HOLIDAYS = {
    "new year's day": (1, 1), "christmas": (12, 25), "christmas day": (12, 25),
    "christmas eve": (12, 24), "new year's eve": (12, 31),
    "independence day": (7, 4), "valentine's day": (2, 14), "halloween": (10, 31),
    "fourth of july": (7, 4), "veterans day": (11, 11), "veterans' day": (11, 11),
    "inauguration day": (1, 20), "st. patrick's day": (3, 17), "saint patrick's day": (3, 17),
    "st patrick's day": (3, 17), "cinco de mayo": (5, 5), "flag day": (6, 14), "juneteenth": (6, 19),
    "groundhog day": (2, 2), "april fools' day": (4, 1), "april fool's day": (4, 1),
    "boxing day": (12, 26), "bastille day": (7, 14), "armistice day": (11, 11),
    "remembrance day": (11, 11), "earth day": (4, 22), "pearl harbor day": (12, 7),
    "patriot day": (9, 11), "constitution day": (9, 17), "d-day": (6, 6),
}  # fmt: skip

# Holidays on the nth weekday of a month (-1: the last), plus days after it: (month, weekday,
# nth, offset). US federal holidays, and the US Election Day: the Tuesday after the first
# Monday of November. Capitalised names only ("election day" may be any country's).
FLOATING_HOLIDAYS = {
    "Memorial Day": (5, 0, -1, 0), "Labor Day": (9, 0, 1, 0), "Election Day": (11, 0, 1, 1),
    "Martin Luther King Day": (1, 0, 3, 0), "Martin Luther King Jr. Day": (1, 0, 3, 0),
    "Presidents Day": (2, 0, 3, 0), "Presidents' Day": (2, 0, 3, 0), "Columbus Day": (10, 0, 2, 0),
    "Mother's Day": (5, 6, 2, 0), "Father's Day": (6, 6, 3, 0),
}  # fmt: skip

# A capitalised word before a weekday that makes it the name of a day, not a date ("Super
# Tuesday", "Black Friday", "Good Friday"): named days of any year, left out.
NAMED_DAY_WORDS = frozenset(
    """super black good cyber ash bloody easter palm holy maundy mini giving shrove whit fat""".split()  # noqa: SIM905
)


def alternation(words: object, *, case_sensitive: bool = False) -> str:
    """A regex alternation of ``words``, longest first, with ``.`` and spaces escaped."""
    ordered = sorted({str(w) for w in words}, key=lambda w: (-len(w), w))
    parts = [re.escape(w).replace(r"\ ", r"\s+") for w in ordered]
    if case_sensitive:
        parts = [p for w in ordered for p in _cased(w)]
        return "(?-i:" + "|".join(parts) + ")"
    return "(?:" + "|".join(parts) + ")"


def _cased(word: str) -> list[str]:
    escaped = re.escape(word)
    return [escaped.capitalize(), escaped.upper()] if len(word) > 3 else [escaped.capitalize()]
