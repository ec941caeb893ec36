"""The patterns of the temporal tagger, one named rule per kind of expression.

In the manner of HeidelTime, each rule is a regular expression assembled from word
lists (:mod:`newsprism.temporal.lexicon`); the rule's name selects the function in
:mod:`newsprism.temporal.normalize` that turns the match into a TIMEX3 value. Rules
earlier in :data:`RULES` win ties between matches of equal length.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from newsprism.temporal import lexicon as lx

_MONTH_FULL = lx.alternation(lx.MONTH_NAMES, case_sensitive=True)
MONTH = r"(?:" + lx.alternation(lx.MONTHS, case_sensitive=True) + r"\.?)"
WEEKDAY = lx.alternation([w for w in lx.WEEKDAYS if w.endswith("day")], case_sensitive=True)
_WEEKDAY_ABBR = r"(?:" + lx.alternation(lx.WEEKDAYS, case_sensitive=True) + r"\.?)"
DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
YEAR = r"(?:1[6-9]\d\d|20\d\d)"
# A stray full stop between an ordinal day and its year, the sentence running on with a
# preposition ("aired live on March 3rd. 2027 on the harbour channel"): no sentence ends there
# (a year opening a sentence is its subject: "May 3rd. 2016 was ...").
_STRAY_STOP = r"(?<=st|nd|rd|th)\.[ \t]+(?=\d{4}[ \t]+(?:on|in|at|by|from|during|when|with|for)\b)"
_NUM_WORD = lx.alternation(lx.NUMBERS)
_TENS = r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)[-\s](?:one|two|three|four|five|six|seven|eight|nine)"
NUM = r"(?:\d+(?:[.,]\d+)?(?:\s+1/2)?|" + _TENS + "|" + _NUM_WORD + r")(?:\s+and\s+a\s+half)?"
VAGUE = lx.alternation(lx.VAGUE_QUANTITIES)
UNIT = r"(?:second|minute|hour|day|night|week|fortnight|month|quarter|year|decade|centur(?:y|ie))"
PART = lx.alternation(k for k in lx.DAY_PARTS if " " not in k and "-" not in k)
PRE_PART = r"(?:early[\s-]+morning|late[\s-]+night|early|late|mid)"
SEASON = lx.alternation(lx.SEASONS)
_APPROX = r"(?:around|about|approximately|roughly|nearly|almost)"
_MOD = r"(?:less\s+than|more\s+than|fewer\s+than|at\s+least|at\s+most|up\s+to|nearly|almost|about|some|over|under|roughly|approximately|around|just|only)"
_AMPM = r"(?:[ap]\.\s?m\b\.?|[ap]m\b|[AP]M\b|[AP]\.M\.)"
_TZ = r"(?:\s+\(?(?-i:[ECMP][SD]T|GMT|UTC|BST|CET|CEST|MSK)\)?)"
REL = r"(?:this|last|next|past|coming|previous|following|current|same|the\s+previous|the\s+following|the\s+same)"


@dataclass(frozen=True)
class Rule:
    name: str
    regex: re.Pattern[str]


def _rule(name: str, pattern: str) -> Rule:
    bounded = r"(?<![\w'’])(?:" + pattern + r")(?![\w])"
    return Rule(name, re.compile(bounded, re.IGNORECASE))


_RULE_PATTERNS: list[tuple[str, str]] = [
    ("night_between", r"the\s+night\s+(?:between|from|of)\s+(?P<wd1>" + WEEKDAY + r")\s+(?:and|to|into)\s+(?P<wd2>" + WEEKDAY + ")"),
    # "the night of May 2 to May 3", "the night from 2 to 3 May, 2031": the first day's night
    ("night_dates_mdy", r"the\s+night\s+(?:between|from|of)\s+(?P<month>" + MONTH + r")\s+(?P<day>" + DAY + r")\s+(?:and|to|into)\s+(?:" + MONTH + r"\s+)?" + DAY + r"(?!\d)(?:,?\s+(?P<year>" + YEAR + "))?"),
    ("night_dates_dmy", r"the\s+night\s+(?:between|from|of)\s+(?:the\s+)?(?P<day>" + DAY + r")\s+(?:and|to|into)\s+(?:the\s+)?" + DAY + r"(?:\s+of)?\s+(?P<month>" + MONTH + r")(?:,?\s+(?P<year>" + YEAR + "))?"),
    ("date_iso", r"(?P<year>" + YEAR + r")-(?P<month>[01]\d)-(?P<day>[0-3]\d)(?:[T\s](?P<hour>[0-2]\d):(?P<minute>[0-5]\d))?"),
    ("date_num", r"(?P<month>1[0-2]|0?[1-9])/(?P<day>[12]\d|3[01]|0?[1-9])/(?P<year>" + YEAR + r"|\d\d)"),
    ("date_mdy", r"(?:(?P<wd>" + _WEEKDAY_ABBR + r"),?\s+)?(?P<month>" + MONTH + r")\s+(?P<day>" + DAY + r")(?!\d)(?:(?:,\s*|\s+|" + _STRAY_STOP + r")(?P<year>" + YEAR + "))?"),
    ("date_dmy", r"(?:(?P<wd>" + _WEEKDAY_ABBR + r"),?\s+)?(?:the\s+)?(?P<day>" + DAY + r")(?:\s+of)?\s+(?P<month>" + MONTH + r")(?:,?\s+(?P<year>" + YEAR + "))?"),
    ("month_year", r"(?:(?P<pre>early|late|mid|the\s+end\s+of|the\s+beginning\s+of)[\s-]+)?(?P<month>" + _MONTH_FULL + r")(?:,?\s+(?:of\s+)?)(?P<year>" + YEAR + ")"),
    ("month_that_year", r"(?:(?P<pre>early|late|mid|the\s+end\s+of|the\s+beginning\s+of)[\s-]+)?(?P<month>" + _MONTH_FULL + r")(?:\s+of)?\s+(?P<yrel>that|the\s+same|the\s+following|the\s+next|the\s+previous)\s+year"),
    ("month_rel", r"(?P<rel>" + REL + r")\s+(?P<month>" + _MONTH_FULL + ")"),
    ("month", r"(?:(?P<pre>early|late|mid|the\s+end\s+of|the\s+beginning\s+of|the\s+middle\s+of)[\s-]+)?(?P<month>" + _MONTH_FULL + ")"),
    ("decade", r"(?:the\s+)?(?:(?P<pre>early|late|mid)[\s-]*)?(?P<decade>(?:1[6-9]|20)\d0s|['’]\d0s)"),
    ("century", r"(?:the\s+)?(?P<ord>\d{1,2})(?:st|nd|rd|th)\s+century"),
    ("season", r"(?:(?P<rel>" + REL + r"|early|late)\s+)?(?P<season>" + SEASON + r")(?:\s+of)?(?:\s+(?P<year>" + YEAR + "))?"),
    ("quarter", r"(?:the\s+)?(?:(?P<rel>latest|last|current|fiscal|year-earlier|year-ago|same|previous|this\s+year['’]s|next\s+year['’]s|next)\s+)?(?:(?P<year2>" + YEAR + r")\s+)?(?:fiscal\s+)?(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th|last|latter|final)[\s-]+(?P<unit>quarter|half)(?:\s+of\s+(?:(?:fiscal\s+)?(?P<year>" + YEAR + r")|(?P<yrel>last|next|this)\s+year))?"),
    ("quarter_ana", r"the\s+(?:(?P<rel>latest|current|year-earlier|year-ago|same|previous|fiscal)\s+)?(?P<unit>quarter|period)"),
    ("year_ago_adj", r"(?:the\s+)?(?P<rel>year-earlier|year-ago)"),
    ("year", r"(?:(?P<pre>early|late|mid|fiscal|the\s+end\s+of|the\s+beginning\s+of|the\s+year|post|pre)[\s-]+)?(?P<year>" + YEAR + r")(?!-\d|\s*%)"),
    ("rel_day", r"(?P<word>today|tonight|yesterday|tomorrow|the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow)(?:\s+(?P<part>" + PART + "))?"),
    ("this_part", r"(?:(?P<pre>earlier|later)\s+)?(?P<rel>this|last|early\s+this|late\s+last)\s+(?P<part>morning|afternoon|evening|night)"),
    ("ref", lx.alternation(lx.REF_WORDS)),
    ("ref_span", r"(?:the\s+)?(?P<rel>recent|coming|past)\s+(?:days|weeks|months|years)"),
    ("weekend", r"the\s+weekend"),
    ("year_ana", r"(?P<what>year[-\s]end|the\s+end\s+of\s+the\s+year|the\s+(?:full|fiscal|current|current\s+fiscal|latest\s+fiscal)?\s*year)"),
    ("overnight", r"(?P<pre>mid|late|early)[\s-]+(?P<part>morning|afternoon|evening)|overnight"),
    ("rel_unit", r"(?:(?P<pre>earlier|later|early|late)\s+)?(?P<rel>" + REL + r"|the\s+coming|the\s+current)\s+(?P<unit>week|month|year|weekend|decade|century|quarter)"),
    ("rel_weekday", r"(?P<rel>this|last|next|coming|past|the\s+previous|the\s+following)\s+(?P<wd>" + WEEKDAY + r")(?:\s+(?P<part>" + PART + "))?"),
    ("ago", r"(?:(?P<mod>" + _MOD + r")\s+)?(?P<num>" + NUM + r"|" + VAGUE + r")\s+(?P<unit>" + UNIT + r")s?\s+(?P<dir>ago|earlier|from\s+now|hence|before\s+that)"),
    ("ago_a", r"(?:(?P<mod>" + _MOD + r")\s+)?(?P<num>a|an|one)\s+(?P<unit>" + UNIT + r")\s+(?P<dir>ago|earlier)"),
    ("anaphor", r"(?P<rel>the\s+(?:next|following|previous|same)|that\s+same|that|the(?=\s+day\b(?!\s+(?:before|after)))|earlier\s+that|later\s+that|(?:earlier|later)\s+in\s+the(?=\s+week\b)|the\s+(?:day|night)\s+before\s+that|the\s+(?:day|night)\s+before|the\s+day\s+after)(?:\s+(?P<unit>day|morning|afternoon|evening|night|week|month|year))?"),
    ("weekday", r"(?:(?P<pre>" + PRE_PART + r")\s+)?(?P<wd>" + WEEKDAY + r")(?!['’]s\b\s+(?:night|morning))(?:\s+(?P<part>" + PART + "))?"),
    ("time", r"(?:(?P<mod>" + _APPROX + r")\s+)?(?P<hour>[01]?\d|2[0-3])(?:[:.](?P<minute>[0-5]\d))?\s*(?P<ampm>" + _AMPM + r")(?P<tz>" + _TZ + ")?"),
    ("time_24", r"(?:(?P<mod>" + _APPROX + r")\s+)?(?P<hour>[01]?\d|2[0-3]):(?P<minute>[0-5]\d)(?:\s*(?P<tz>(?-i:GMT|UTC|[ECMP][SD]T|MSK|CET)))"),
    ("time_word", r"(?:(?P<mod>" + _APPROX + r")\s+)?(?P<word>noon|midnight|midday|dawn|dusk)"),
    ("time_oclock", r"(?:(?P<mod>" + _APPROX + r")\s+)?(?P<num>" + NUM + r")\s+(?:o['’]clock|in\s+the\s+(?P<part>morning|afternoon|evening))"),
    ("duration", r"(?:(?P<pre>the\s+(?:past|last|next|first|previous|coming|final)|(?:the\s+)?(?:past|last|next|first|previous|coming))\s+)?(?:(?P<mod>" + _MOD + r")\s+)?(?P<num>" + NUM + r"|" + VAGUE + r")\s+(?:(?:more|additional|full|straight|consecutive|long)\s+)?(?P<unit>" + UNIT + r")s?(?!\s+old)"),
    ("duration_adj", r"(?P<num>\d+|" + _TENS + "|" + _NUM_WORD + r"|half)-(?P<unit>" + UNIT + r")(?:-long)?(?!-old)"),
    ("duration_long", r"(?P<unit>day|week|month|year|decade|hour|centur(?:y|ie))s?-long"),
    ("duration_bare", r"(?P<pre>for|over|in|within)\s+(?P<core>(?P<unit>years|months|weeks|days|decades|hours|minutes|centuries))"),
    ("duration_the", r"the\s+(?:past|last)\s+(?P<unit>week|month|year|decade|century|hour|fortnight)"),
    ("set", r"(?P<every>every|each)\s+(?:(?P<other>other|single)\s+)?(?P<unit>" + UNIT + r"|" + WEEKDAY + "|" + _MONTH_FULL + ")"),
    ("year_words", r"(?:the\s+year\s+)?(?P<words>(?:nineteen|twenty)\s+(?:hundred\s+)?(?:" + _TENS + r"|(?:ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety))|two\s+thousand(?:\s+and\s+(?:one|two|three|four|five|six|seven|eight|nine))?)"),
    ("decade_words", r"the\s+(?P<words>twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)"),
    ("set_word", lx.alternation(lx.SET_WORDS)),
    ("thanksgiving", r"(?-i:Thanksgiving)(?:\s+(?-i:Day))?"),
    ("holiday", lx.alternation(lx.HOLIDAYS) + r"(?:\s+(?P<year>" + YEAR + "))?"),
    ("floating_holiday", r"(?-i:" + "|".join(re.escape(h).replace(r"\ ", r"\s+") for h in sorted(lx.FLOATING_HOLIDAYS, key=len, reverse=True)) + r")(?:\s+(?P<year>" + YEAR + "))?"),
]  # fmt: skip

RULES: tuple[Rule, ...] = tuple(_rule(name, pattern) for name, pattern in _RULE_PATTERNS)
PRIORITY = {rule.name: i for i, rule in enumerate(RULES)}
