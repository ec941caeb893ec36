"""Give each found expression a TIMEX3 type and value, against a reference date.

The reference is the article's publication date. News conventions: a weekday
named in an article published that weekday is that day; a bare weekday otherwise
is the most recent one before publication, unless the sentence points forward
("will meet on Friday", "is due to meet on Friday"). Anaphoric expressions ("the
day before", "that day") count from the last full date mentioned, else from the
reference. Without a reference, values keep their unknown parts as ``X``.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from newsprism.temporal import calendar as cal
from newsprism.temporal import lexicon as lx
from newsprism.temporal.tagger import Mention

__all__ = ["ABSOLUTE", "Context", "Value", "day_value", "low", "mod_of"]

Value = tuple[str, str, str | None]  # (type, value, mod)

_FUTURE = re.compile(
    r"\b(?:will|won['’]t|wo\s+n['’]t|['’]ll|shall|would|(?:is|are|was|were)\s+(?:due|expected|scheduled|set|"
    r"slated|going|planning|poised|likely)\s+to|(?:is|are|am)\s+supposed\s+to|plans?\s+to|planned\s+to|planning\s+to|intends?\s+to|"
    r"(?:is|are)\s+to|if\s+(?:[\w'’]+\s+){1,4}?were\s+to(?=\s+(?!blame\b)[a-z]+\b)|upcoming|looming|impending|forthcoming|(?<!-)expected|scheduled|as\s+(?:soon|early)\s+as|"
    r"(?:is|are)\s+set\s+(?:for|on)|due\s+(?:on|to|for|by|in|at)|"
    # "postponed the vote to Friday", "pushed back until Monday": the new date is ahead
    r"(?:postpon|delay|reschedul|adjourn|push)\w*(?:\s+\w+){0,3}?(?:\s+back)?\s+(?:until|till|to)"
    r"(?:\s+after(?:\s+the)?)?(?=\s*$))\b",
    re.IGNORECASE,
)
_FUTURE_AFTER = re.compile(
    # the subject's words may be a title ("On Monday, Mr. Clinton will hold"), or the day's
    # event after a possessive ("Monday's debate in New York will be his first")
    r"^(?:['’]s\b)?[\s,]*(?:\w+\.?\s+){0,4}?(?:will|['’]ll|(?:is|are)\s+(?:due|expected|scheduled|set)\s+to)\b",
    re.IGNORECASE,
)
# "-ed" words are past verbs unless a determiner makes them adjectives ("the reduced dividend").
# Irregular past forms that are not also present forms or common nouns ("hit", "set", "read").
_IRREGULAR_PAST = (
    "met|began|took|went|came|made|gave|held|found|won|lost|ran|fell|shot|struck|told|spoke|wrote|"
    "broke|drove|flew|fought|led|rose|sent|sold|stood|thought|threw|became|brought|bought|caught|"
    "chose|drew|got|grew|heard|kept|knew|paid|sat|sought|stole|swore|taught|tore|withdrew|fled|"
    "slew|sank|swam|sang|forgot|forgave|froze|hung|meant|overtook|undertook"
)
# Verbs whose past is their present ("quit", "put", "cut"): past after a singular subject,
# which would have taken "-s" in the present ("the minister quit", "she cut", "Ames put").
_SAME_FORM_PAST = (
    r"(?:\b(?:he|she|it)|\b(?-i:[A-Z][a-z]+)|\b(?:the|a|an|his|her|its)\s+(?-i:[a-z]+[^s\W]))\s+"
    r"(?-i:quit|put|cut|hit|let|shut|split|spread|cost|hurt|bet|burst|cast|shed)\b"
)
_PAST = re.compile(
    # a participle after "be" is a passive, its tense the auxiliary's ("are supposed to be made
    # public by Jan. 29", "should be completed in October")
    r"(?<!\bbe\s)\b(?:was|were|had|did|said|ago|last|" + _IRREGULAR_PAST + r")\b|" + _SAME_FORM_PAST + r"|"
    # nor after "be" ("to be replaced through November"), nor in a compound ("the delegate-packed
    # April 19 primary")
    r"(?<!\bthe\s)(?<!\ba\s)(?<!\ban\s)(?<!\bits\s)(?<!\bbe\s)(?<!-)\b\w{3,}ed\b",
    re.IGNORECASE,
)
_PAST_VERB_LAST = re.compile(r"\b(?:" + _IRREGULAR_PAST + r"|appeared|\w{3,}ed)\s+$", re.IGNORECASE)
# A past verb of intent with its infinitive ("threatened to disrupt", "planned to hold"): the
# date tells what was aimed at, which may lie after publication as well as before.
_AIMED = re.compile(
    r"\b(?:threatened|planned|vowed|promised|pledged|agreed|decided|hoped|intended|expected|wanted|"
    r"sought|aimed|prepared|scheduled|set|urged|asked)\s+(?:\w+\s+)?to\s+[a-z]+\b(?!.*\b(?:was|were|had)\b)",
    re.IGNORECASE,
)
# A reporting verb right before the date: the date is when it was said, in its tense, whatever
# the reported clause after it says ("said Monday that he will ...").
_SAID_BEFORE = re.compile(
    r"\b(?:said|told(?:\s+\w+){0,2}|announced|reported|wrote|added|confirmed|declared|testified|tweeted|"
    r"disclosed|revealed|acknowledged)\s+(?:on\s+|late\s+|early\s+)?$",
    re.IGNORECASE,
)
# A present-tense verb in the date's own clause: the clause is not told in the past, whatever
# the sentence said before it ("Okafor said the festival, which opens July 25, ...").
_PRESENT = re.compile(
    r"\b(?:is|are|has|have|begins?|opens?|starts?|ends?|closes?|expires?|resumes?|convenes?|"
    r"takes\s+effect|runs?\s+(?:through|until|to))\b",
    re.IGNORECASE,
)
_CLAUSE_END = re.compile(r"[,;:–—]")
# A schedule's present-tense verb right before a weekday: what the day will see ("which begins
# Monday", "the talks resume on Tuesday"), not a historical present.
_SCHEDULED_BEFORE = re.compile(
    # (plural forms only of verbs that are no nouns: "got off to a rocky start Monday")
    r"\b(?:begins?|opens|starts|ends|closes|convenes?|reconvenes?|resumes?|expires?|kicks?\s+off|takes?\s+effect)"
    r"\s+(?:on\s+)?$",
    re.IGNORECASE,
)
# "before" or "until" opening a clause with its own subject and verb: the clause's day is after
# the sentence's, and told in no past tense it is still to come.
_AHEAD_OF = re.compile(
    r"\b(?:before|until)\s+(?!(?:the|a|an|his|her|their|its|midnight|noon|dawn|dusk|sunrise|sunset|daybreak)\b)"
    r"(?=[A-Za-z]+(?:\s+\S+){2,}\s*$)"
)
# The verb nearest before a day decides where the day lies ("the race Clinton is facing in
# Tuesday's primary", "holds its caucuses on Saturday", "could be higher on Saturday", "a chance
# to win it on Tuesday", "ahead of Saturday's caucus"), not a past verb earlier in the clause
# ("described the race Clinton is facing ..."). Each alternative names what it tells.
_NEAREST_CUE = re.compile(
    # a cause named after the verb is its own moment ("will vote for him because of the slaying
    # in Chicago on Friday"): the verb's tense does not date it
    r"(?P<cause>\b(?:because\s+of|in\s+the\s+wake\s+of|in\s+response\s+to|prompted\s+by)\b)"
    r"|(?P<ahead>\b(?:ahead\s+of|in\s+anticipation\s+of|in\s+the\s+run-up\s+to)\b)"
    r"|(?P<prog>\b(?:is|are|am)\s+(?:\w+ly\s+)?[a-z]+ing\b)"
    # ("could not be reached for comment Saturday" tells of a try already made)
    r"|(?P<modal>\b(?:could|might|can|should|must|(?-i:may))\b(?!\s+(?:not\s+)?have\b|\s+not\s+be\s+reached\b))"
    # (not a plural noun after "to": "speaking to reporters Tuesday"; "to discuss", "to focus" are verbs)
    r"|(?P<inf>\bto\s+(?!(?:the|his|her|its|our|their|this|that|a|an|date|be\s+\w+ed)\b)(?-i:[a-z]+)\b(?<!ing)(?<![^su\W]s))"
    r"|(?P<pres>\b(?-i:[a-z]{2,}[^sui'’\W]s)\s+(?:its|their|his|her)\b)"
    r"|(?P<future>" + _FUTURE.pattern + r")"
    r"|(?P<past>" + _PAST.pattern + r")",
    re.IGNORECASE,
)
# A verb of appearing before a body: its "before" is a place ("while testifying before Benghazi
# Committee investigators in October"), as after a past verb ("went before reporters").
_IN_FRONT_OF = re.compile(
    r"\b(?:testif\w*|appear\w*|go|goes|going|gone|come|comes|coming|stand\w*|argu\w*|plead\w*|speak\w*|spoken)\s+$",
    re.IGNORECASE,
)
# "as soon as" and "as early as" take the tense of their own clause: "as soon as the results
# were counted Tuesday" tells a past day.
_AS_SOON = re.compile(r"as\s+(?:soon|early)\s+as", re.IGNORECASE)


def _future_cue(before: str) -> bool:
    """Whether the clause before a date points ahead: a future cue other than a conjunction
    whose own clause is told in the past ("were likely to buy as soon as trading opened Monday"
    still points ahead through "likely to")."""
    return any(
        not (_AS_SOON.fullmatch(cue.group(0)) and _PAST.search(before, cue.end()))
        for cue in _FUTURE.finditer(before)
    )


_FUTURE_WORD = re.compile(r"\b(?:will|is|are)\b|['’]ll", re.IGNORECASE)
_REPORTS = re.compile(r"\b(?:says|tells|announces|adds|writes|reports)\b", re.IGNORECASE)
# After a possessive day ("Tuesday's primary") only a cue that takes the day's event as its
# object or adjunct counts: "ahead of", or a progressive verb right before it ("is facing in").
_PROG_ADJUNCT = re.compile(r"\b(?:is|are|am)\s+[a-z]+ing\s+(?:in|at|for|during)\s+$", re.IGNORECASE)
# A day's event named right after "before" or "until" ("before Monday's caucus", "until
# Friday's deadline") lies after the clause's moment, which a past verb leaves on either side
# of publication: the nearer such day is meant (a Friday paper's "challenged him before
# Monday's caucus" is three days ahead; a Wednesday paper's "polls taken before Tuesday's
# primary" the day before).
_BEFORE_EVENT = re.compile(r"\b(?:before|until|till|in\s+advance\s+of)\s+$", re.IGNORECASE)
# An event named after "before" or "until", its day after "on" ("before the New Hampshire primary on").
_EVENT_ON = re.compile(
    r"\b(?:before|until)\s+(?P<np>(?:the|a|an|its|their|his|her)\s+(?:[\w'’-]+\s+){1,4}?)on\s+$",
    re.IGNORECASE,
)
# (a closing quote may follow the stop: ''I'd like to punch him.'' And in Fayetteville ...)
_SENTENCE_END = re.compile(r"(?<![ap]\.m)(?<!\b[A-Z])[.!?](?:''|[\"”’)])?\s+(?=[A-Z\"“‘']|'')|\n")
_MODS = {
    "less than": "LESS_THAN", "fewer than": "LESS_THAN", "under": "LESS_THAN",
    "more than": "MORE_THAN", "over": "MORE_THAN", "at least": "EQUAL_OR_MORE",
    "at most": "EQUAL_OR_LESS", "up to": "EQUAL_OR_LESS", "nearly": "APPROX",
    "almost": "APPROX", "about": "APPROX", "around": "APPROX", "roughly": "APPROX",
    "approximately": "APPROX", "some": "APPROX", "early": "START", "late": "END",
    "mid": "MID", "earlier": "START", "later": "END",
}  # fmt: skip


@dataclass
class Context:
    """What the normaliser knows while walking one text from left to right."""

    text: str
    reference: dt.date | None
    last_day: dt.date | None = None
    last_quarter: str | None = None
    last_point: dt.date | None = None  # last date of any granularity (month, year...)
    # The latest day the text may have been written: an "Updated" line or the URL's date a day
    # or two after publication. A weekday told in the past can fall between the two.
    latest: dt.date | None = None
    # month -> the year the text last wrote with it ("in June 2005"): a later "June 24" told
    # away from the publication date belongs to that year.
    month_years: dict[int, int] = field(default_factory=dict)
    # A year that opens its sentence ("In 1998, ... sold in June"): (year, where it ends); the
    # months and days without a year later in that sentence are of that year.
    frame_year: tuple[int, int] | None = None
    # Where the last point ended: a month told in no tense right after a date ahead of
    # publication is of that date's time ("the April 2017 election ... an early May run-off").
    last_point_end: int = -1
    # A bare weekday told earlier that fell in publication's own week, before its day ("On
    # Tuesday" in a Wednesday paper): the writer names this week's days bare, so a later "last
    # Monday" is the week before.
    own_week_told: bool = False

    def framed_year(self, mention: Mention) -> int | None:
        """The year a sentence opened with, when ``mention`` is in that sentence."""
        if self.frame_year is None:
            return None
        year, end = self.frame_year
        return None if _SENTENCE_END.search(self.text, end, mention.start) else year

    def ahead_point(self, mention: Mention) -> dt.date | None:
        """The last point told, when it lies after publication and ends within
        ``_AHEAD_CHARS`` before ``mention`` (the text is telling what is to come)."""
        point, ref = self.last_point, self.reference
        if point is None or ref is None or point <= ref or mention.start - self.last_point_end > _AHEAD_CHARS:
            return None
        return point

    def anchor(self) -> dt.date | None:
        return self.last_day or self.reference

    def tense(self, mention: Mention) -> str:
        """``future``, ``past`` or ``""``: where the clause around ``mention`` points."""
        before = self._clause_before(mention.start)
        after = self.text[mention.end : mention.end + 60]
        after = _SENTENCE_END.split(after, maxsplit=1)[0]
        possessive = after[:2] in {"'s", "’s"}
        if _SAID_BEFORE.search(before):
            return "past"
        if not possessive and _future_cue(before):
            return "future"
        # (a possessive day opening its clause: "And while Monday's debate will be"; not "The
        # results of Tuesday's primaries will shape")
        if len(before) < 12 and _FUTURE_AFTER.match(after):
            return "future"
        ahead = _AHEAD_OF.search(before)
        if ahead and (
            _PAST_VERB_LAST.search(before, 0, ahead.start()) or _IN_FRONT_OF.search(before, 0, ahead.start())
        ):
            ahead = None  # "went before reporters on Tuesday": a place, no clause to come
        if ahead and not _PAST.search(before[ahead.end() :]):
            return "future"  # "the last debate before Iowans kick off the voting Monday": still to come
        if _AIMED.search(before):
            return ""  # "threatened to disrupt the convention in July": what was aimed at, either way
        if _PAST.search(before) or _PAST.search(after[:40]):
            return "past"
        if _PRESENT.search(before):
            return ""
        if _PAST.search(self._sentence_before(mention.start)):
            return "past"
        return ""

    def sentence_tense_after(self, mention: Mention) -> str:
        """``past`` when the rest of the sentence after ``mention`` is told in the past and has
        no future cue, else ``""``."""
        rest = _SENTENCE_END.split(self.text[mention.end : mention.end + 200], maxsplit=1)[0]
        return "past" if _PAST.search(rest) and not _FUTURE.search(rest) else ""

    def day_tense(self, mention: Mention) -> str:
        """The tense for a weekday or a holiday: the nearest verb cue before it in its clause
        decides; without one, :meth:`tense`."""
        before = self._clause_before(mention.start)
        after = self.text[mention.end : mention.end + 60]
        possessive = after[:2] in {"'s", "’s"}
        if _SAID_BEFORE.search(before):
            return "past"
        if _SCHEDULED_BEFORE.search(before):
            return "future"  # "the convention, which begins Monday": a schedule told in the present
        cues = list(_NEAREST_CUE.finditer(before))
        if possessive:
            if _PROG_ADJUNCT.search(before) or (cues and cues[-1].lastgroup == "ahead"):
                return "future"
            return self.tense(mention)
        if not cues:
            ahead = _FUTURE_AFTER.match(after)
            lead = _FUTURE_WORD.split(ahead.group(0), maxsplit=1)[0] if ahead else ""
            if ahead and not _PAST.search(lead) and not _REPORTS.search(lead):
                # "the committee on Friday will vote", "by the time the tour is over on
                # Monday, we will have ..." (not "on Friday said it will ...")
                return "future"
            return self.tense(mention)
        kind = cues[-1].lastgroup
        if kind == "cause":
            return ""
        if kind == "past":
            return self.tense(mention)
        if kind == "inf":
            # "urged them to vote Tuesday": ahead of the urging, which was in the past
            return "" if any(c.lastgroup == "past" for c in cues[:-1]) else "future"
        return "future"

    def opens_with_possessive(self, mention: Mention) -> bool:
        """Whether ``mention`` is a possessive day opening its clause with no cue before it
        ("And while Monday's debate ..."), whose tense only a verb after it gives."""
        before = self._clause_before(mention.start)
        possessive = self.text[mention.end : mention.end + 2] in {"'s", "’s"}
        return possessive and len(before) < 12 and not _NEAREST_CUE.search(before)

    def before_event(self, mention: Mention) -> bool:
        """Whether ``mention`` is a possessive day naming an event after "before" or "until",
        or the day of such an event named with "on" ("spending before the primary on Tuesday",
        "days before the caucuses on Monday"; not after a verb of appearing, whose "before" is
        a place, nor when a verb tells the event: "before the shootings occurred on Wednesday")."""
        possessive = self.text[mention.end : mention.end + 2] in {"'s", "’s"}
        before = self.text[max(0, mention.start - 80) : mention.start]
        if possessive:
            return bool(_BEFORE_EVENT.search(before[-30:]))
        named = _EVENT_ON.search(before)
        if named is None or _PAST.search(named.group("np")) or _FUTURE.search(named.group("np")):
            return False
        lead = before[: named.start()]
        return not (_IN_FRONT_OF.search(lead) or _PAST_VERB_LAST.search(lead))

    def verb_right_before(self, mention: Mention) -> bool:
        """Whether a past verb comes right before ``mention`` ("took place on", "was held")."""
        return bool(_VERB_RIGHT_BEFORE.search(self.text[max(0, mention.start - 40) : mention.start]))

    def said_before(self, mention: Mention) -> bool:
        """Whether a reporting verb comes right before ``mention`` ("said Monday")."""
        return bool(_SAID_BEFORE.search(self._clause_before(mention.start)))

    def _sentence_before(self, start: int) -> str:
        before = self.text[max(0, start - 120) : start]
        cuts = list(_SENTENCE_END.finditer(before))
        return before[cuts[-1].end() :] if cuts else before

    def future(self, mention: Mention) -> bool:
        return self.tense(mention) == "future"

    def _clause_before(self, start: int) -> str:
        before = self.text[max(0, start - 90) : start]
        cuts = list(_SENTENCE_END.finditer(before))
        if cuts:
            before = before[cuts[-1].end() :]
        clause = _CLAUSE_END.split(before)
        return clause[-1] if len(clause[-1].strip()) > 3 or len(clause) == 1 else clause[-2] + clause[-1]


def mod_of(word: str | None) -> str | None:
    """The TIMEX3 mod a modifier word stands for ("about" APPROX, "early" START...)."""
    if not word:
        return None
    return _MODS.get(re.sub(r"[\s-]+", " ", word.lower()).strip())


def low(m: Mention, name: str) -> str:
    """A part of the match, lower-cased, spaces folded, trailing period dropped."""
    return re.sub(r"\s+", " ", (m.part(name) or "").lower().rstrip("."))


def day_value(day: dt.date, part: str | None, typ: str = "DATE") -> Value:
    """A day, or a TIME for a part of it ("morning" gives ``…TMO``)."""
    code = lx.DAY_PARTS.get(re.sub(r"[\s-]+", " ", part.lower())) if part else None
    if code is None and part and "-" in part:
        code = lx.DAY_PARTS.get(part.lower())
    if code:
        return "TIME", f"{day.isoformat()}T{code}", None
    return typ, day.isoformat(), None


def _weekday(m: Mention, ctx: Context) -> Value | None:
    wd = lx.WEEKDAYS[low(m, "wd")]
    part = m.part("part") or _part_from_pre(m.part("pre"))
    if every := _EVERY.match(ctx.text, m.end):  # "on Saturday nights": every one, no day
        code = lx.DAY_PARTS.get(every.group(1).lower()[:-1], "")
        return "SET", f"XXXX-WXX-{wd + 1}" + (f"T{code}" if code else ""), None
    if ctx.reference is None or _named_day(ctx.text, m):
        return "DATE", f"XXXX-WXX-{wd + 1}", None
    tense = ctx.day_tense(m)
    if tense == "future" and (ctx.reference.weekday() - wd) % 7 == 1 and ctx.opens_with_possessive(m):
        tense = "past"  # "Tuesday's results will shape the race" in a Wednesday paper: yesterday's
    # A bare weekday is the most recent one (news tells what happened), except the day after
    # publication, which a clause in no past tense means ("Friday" in a Thursday article).
    tomorrow = (wd - ctx.reference.weekday()) % 7 == 1
    direction = "same-or-future" if tense == "future" or (tense == "" and tomorrow) else "same-or-past"
    if direction == "same-or-past" and ctx.before_event(m):
        direction = "nearest"  # "before Monday's caucus": the tense does not date the event
    day = cal.weekday_near(ctx.reference, wd, direction)
    if direction == "same-or-past" and ctx.latest is not None and ctx.latest > ctx.reference:
        # told in the past, but the text was still written after publication (an update, the
        # print edition's date): a day up to then is the one meant
        later = cal.weekday_near(ctx.latest, wd, "same-or-past")
        day = later if later > ctx.reference else day
    ctx.own_week_told |= day < ctx.reference and _in_own_week(day, ctx.reference)
    typ, value, _ = day_value(day, part)
    return typ, value, None if part else mod_of(m.part("pre"))


def _in_own_week(day: dt.date, ref: dt.date) -> bool:
    """``day`` lies in the (Monday-Sunday) week of ``ref``."""
    return ref - dt.timedelta(days=ref.weekday()) <= day <= ref + dt.timedelta(days=6 - ref.weekday())


_EVERY = re.compile(r"\s+(mornings|afternoons|evenings|nights)\b", re.IGNORECASE)
_WORD_BEFORE = re.compile(r"([A-Z][a-z]+)[\s-]+$")


def _named_day(text: str, m: Mention) -> bool:
    """A day named by the capitalised word before its weekday ("Good Friday", "Cyber
    Monday"): of a week the text does not give, so a weekday of no known week (off the
    timeline)."""
    if m.part("pre"):
        return False
    word = _WORD_BEFORE.search(text[max(0, m.start - 20) : m.start])
    return bool(word) and word.group(1).lower() in lx.NAMED_DAY_WORDS


def _part_from_pre(pre: str | None) -> str | None:
    if not pre:
        return None
    low = re.sub(r"[\s-]+", " ", pre.lower())
    return {"early morning": "morning", "late night": "night"}.get(low)


def _rel_weekday(m: Mention, ctx: Context) -> Value | None:
    wd = lx.WEEKDAYS[low(m, "wd")]
    rel = low(m, "rel")
    if ctx.reference is None:
        return "DATE", f"XXXX-WXX-{wd + 1}", None
    if rel in {"last", "past", "the previous"}:
        day = cal.weekday_near(ctx.reference, wd, "past")
        if ctx.own_week_told and _in_own_week(day, ctx.reference):
            day -= dt.timedelta(days=7)
    elif rel in {"next", "coming", "the following"}:
        day = cal.weekday_near(ctx.reference, wd, "future")
    else:  # this Friday: the one of this week
        day = ctx.reference + dt.timedelta(days=wd - ctx.reference.weekday())
    return day_value(day, m.part("part"))


def _night_between(m: Mention, ctx: Context) -> Value | None:
    first = lx.WEEKDAYS[low(m, "wd1")]
    second = lx.WEEKDAYS[low(m, "wd2")]
    if ctx.reference is None:
        return "TIME", f"XXXX-WXX-{first + 1}TNI", None
    direction = "same-or-future" if ctx.future(m) else "same-or-past"
    day = cal.weekday_near(ctx.reference, second, direction) - dt.timedelta(days=1)
    if day.weekday() != first:
        day = cal.weekday_near(ctx.reference, first, direction)
    return "TIME", f"{day.isoformat()}TNI", None


def _night_of_dates(m: Mention, ctx: Context) -> Value | None:
    """ "the night of May 2 to May 3": the first day's night, its year found as a date's."""
    found = _full_date(m, ctx)
    return None if found is None else ("TIME", f"{found[1][:10]}TNI", None)


def _year_of(m: Mention) -> int | None:
    year = m.part("year")
    if not year:
        return None
    y = int(year)
    return y if len(year) == 4 else (1900 + y if y > 50 else 2000 + y)


def _full_date(m: Mention, ctx: Context) -> Value | None:
    month = int(m.part("month") or 0) if m.rule in {"date_iso", "date_num"} else lx.MONTHS[low(m, "month")]
    day = int(re.sub(r"\D", "", m.part("day") or ""))
    year = _year_of(m)
    if year is None:
        year = _year_said_after(m, ctx)
    try:
        if year is not None:
            date = dt.date(year, month, day)
            ctx.month_years[month] = year
        elif (framed := ctx.framed_year(m)) is not None:
            date = dt.date(framed, month, day)
        elif ctx.reference is not None:
            tense = ctx.tense(m)
            reach = _YEAR_DAYS if tense == "past" and ctx.verb_right_before(m) else _YEAR_SHIFT_DAYS
            date = _year_by_tense(ctx.reference, month, day, tense, reach)
            date = _year_from_text(date, ctx)
        else:
            return "DATE", f"XXXX-{month:02d}-{day:02d}", None
    except ValueError:
        return None
    if m.part("hour"):
        return "TIME", f"{date.isoformat()}T{m.part('hour')}:{m.part('minute')}", None
    return "DATE", date.isoformat(), None


# How close after a date ahead of publication a month told in no tense is of that date's time.
_AHEAD_CHARS = 800  # a paragraph or two, as "minutes later" reaches back (timeline)
# How far from publication a month and day without a year may be moved to another year because
# of the tense: half a year. A writer omits the year of a date in the current year, or of a
# recent one; "June 25" told in the past in January is more likely a slip of tense than a date
# seven months back, which a writer would give with its year.
_YEAR_SHIFT_DAYS = 183
# A date this close to publication is about the current story, whatever year the text named.
_CURRENT_DAYS = 30


# A past verb right before the date ("took place on October 3", "was held October 3") says the
# day is behind publication however far: within a year.
_YEAR_DAYS = 366
_VERB_RIGHT_BEFORE = re.compile(
    # a participle after a present or perfect auxiliary tells no past ("parades are held on May 9")
    r"(?<!\bis\s)(?<!\bare\s)(?<!\bam\s)(?<!\bbe\s)(?<!\bbeen\s)(?<!\bbeing\s)(?<!\bhas\s)(?<!\bhave\s)"
    r"\b(?:" + _PAST.pattern + r")(?:\s+(?:place|out|up|off|down))?\s+(?:on\s+|in\s+|by\s+|until\s+)?$",
    re.IGNORECASE,
)


def _year_by_tense(ref: dt.date, month: int, day: int, tense: str, reach: int = _YEAR_SHIFT_DAYS) -> dt.date:
    """A month and day without a year: the publication year, moved by the tense only to a
    date within ``reach`` days of publication (half a year), else the occurrence nearest to
    publication."""
    if not tense:
        return cal.closest_year(ref, month, day)
    date = cal.clamped(ref.year, month, day)
    if tense == "past" and (date - ref).days > 1:
        earlier = cal.clamped(ref.year - 1, month, day)
        return earlier if (ref - earlier).days <= reach else date
    if tense == "future" and (ref - date).days > 1:
        later = cal.clamped(ref.year + 1, month, day)
        return later if (later - ref).days <= _YEAR_SHIFT_DAYS else date
    return date


def _year_from_text(date: dt.date, ctx: Context) -> dt.date:
    """The year the text last wrote with this month, unless the date is about now."""
    known = ctx.month_years.get(date.month)
    ref = ctx.reference
    if known is None or known == date.year or ref is None or abs((date - ref).days) <= _CURRENT_DAYS:
        return date
    return cal.clamped(known, date.month, date.day)


def _month_year(m: Mention, ctx: Context) -> Value | None:
    month = lx.MONTHS[low(m, "month")]
    if (year := _year_of(m)) is not None:
        ctx.month_years[month] = year
    return "DATE", f"{_year_of(m)}-{month:02d}", mod_of(low(m, "pre").split(" ")[-1] or None)


# "June 16th of last year", "October of next year": TimeML tags the year apart, but it is the
# date's year, counted from publication.
_OF_YEAR_AFTER = re.compile(r"\s+of\s+(last|this|next)\s+year\b", re.IGNORECASE)
_YEAR_STEPS = {"last": -1, "this": 0, "next": 1}


def _year_said_after(m: Mention, ctx: Context) -> int | None:
    """The year "of last/this/next year" right after a month or a day gives it."""
    after = _OF_YEAR_AFTER.match(ctx.text, m.end)
    if after is None or ctx.reference is None:
        return None
    return ctx.reference.year + _YEAR_STEPS[after.group(1).lower()]


def _month(m: Mention, ctx: Context) -> Value | None:
    month = lx.MONTHS[low(m, "month")]
    mod = mod_of(low(m, "pre") or None)
    ref = ctx.reference
    if (framed := ctx.framed_year(m)) is not None:
        return "DATE", f"{framed}-{month:02d}", mod
    if (said := _year_said_after(m, ctx)) is not None:
        return "DATE", f"{said}-{month:02d}", mod
    if ref is None:
        # No publication date: a narrative's months follow the last year it named.
        year_of = ctx.last_point.year if ctx.last_point else "XXXX"
        return "DATE", f"{year_of}-{month:02d}", mod
    year = ref.year
    tense = ctx.tense(m)
    if tense == "future" and month < ref.month - 1:
        year += 1
    elif tense == "past" and month > ref.month + 1:
        year -= 1
    elif not tense:
        year = cal.closest_year(ctx.ahead_point(m) or ref, month, 15).year
    return "DATE", f"{year}-{month:02d}", mod


_YEAR_STEP = {"that": 0, "the same": 0, "the following": 1, "the next": 1, "the previous": -1}


def _month_that_year(m: Mention, ctx: Context) -> Value | None:
    """ "September of that year": the year of the last date the text gave."""
    month = lx.MONTHS[low(m, "month")]
    mod = mod_of(low(m, "pre").split(" ")[-1] or None)
    base = ctx.last_point or ctx.reference
    if base is None:
        return "DATE", f"XXXX-{month:02d}", mod
    return "DATE", f"{base.year + _YEAR_STEP.get(low(m, 'yrel'), 0)}-{month:02d}", mod


def _month_rel(m: Mention, ctx: Context) -> Value | None:
    month = lx.MONTHS[low(m, "month")]
    rel, ref = low(m, "rel"), ctx.reference
    if ref is None:
        return "DATE", f"XXXX-{month:02d}", None
    year = ref.year
    if rel in {"last", "past", "previous", "the previous"}:
        # the month just before publication would be "last month": "last November" told in
        # December is a year back (TimeBank: "last February" in a March paper is 1997's)
        year -= 1 if month >= ref.month - 1 else 0
        year -= 1 if month == 12 and ref.month == 1 else 0
    elif rel in {"next", "coming", "following", "the following"} and month <= ref.month:
        year += 1
    return "DATE", f"{year}-{month:02d}", None


def _year(m: Mention, ctx: Context) -> Value | None:
    pre = low(m, "pre")
    return "DATE", str(_year_of(m)), mod_of(pre.split(" ")[-1] if pre else None)


def _decade(m: Mention, ctx: Context) -> Value | None:
    text = low(m, "decade")
    if text[0] in "'’":
        century = (ctx.reference.year // 100) if ctx.reference else 19
        digits = f"{century}{text[1]}"
        if ctx.reference and int(digits) * 10 > ctx.reference.year:
            digits = f"{century - 1}{text[1]}"
        return "DATE", digits, mod_of(m.part("pre"))
    return "DATE", text[:3], mod_of(m.part("pre"))


def _century(m: Mention, ctx: Context) -> Value | None:
    return "DATE", f"{int(m.part('ord') or 1) - 1:02d}", None


# "in the fall" with no "of" after it is the season ("a rally in the fall"), not a decline.
_IN_THE_FALL = re.compile(r"\bin\s+the\s+$", re.IGNORECASE)


def _season_fall(m: Mention, ctx: Context) -> bool:
    after = ctx.text[m.end : m.end + 4]
    bare = ctx.text[m.start : m.end].lower() == "fall"
    return bare and bool(_IN_THE_FALL.search(ctx.text, 0, m.start)) and not after.startswith(" of")


def _season(m: Mention, ctx: Context) -> Value | None:
    code = lx.SEASONS[low(m, "season")]
    rel, year = low(m, "rel"), _year_of(m)
    if year is not None:
        return "DATE", f"{year}-{code}", mod_of(rel or None)
    if not rel and low(m, "season") == "fall" and not _season_fall(m, ctx):
        return None  # the verb, or "the fall of the regime"
    mod = mod_of(rel or None)
    if rel in {"early", "late"}:
        rel = ""  # "by late summer": a part of the season, whose year the tense tells as for "summer"
    if ctx.reference is None:
        return "DATE", f"XXXX-{code}", None
    ref_year, ref_code = cal.season_of(ctx.reference)
    order = cal.SEASON_ORDER
    year = ref_year
    if rel in {"last", "past", "previous", "the previous"} and order.index(code) >= order.index(ref_code):
        year -= 1
    elif rel in {"next", "coming", "following"} and order.index(code) <= order.index(ref_code):
        year += 1
    elif not rel and order.index(code) != order.index(ref_code):
        # "a rally in the fall" told in March: last fall in the past tense, this one ahead
        tense = ctx.tense(m)
        if tense == "past" and order.index(code) > order.index(ref_code):
            year -= 1
        elif tense == "future" and order.index(code) < order.index(ref_code):
            year += 1
    return "DATE", f"{year}-{code}", mod


ABSOLUTE: dict[str, Callable[[Mention, Context], Value | None]] = {
    "weekday": _weekday,
    "rel_weekday": _rel_weekday,
    "night_between": _night_between,
    "night_dates_mdy": _night_of_dates,
    "night_dates_dmy": _night_of_dates,
    "date_iso": _full_date,
    "date_num": _full_date,
    "date_mdy": _full_date,
    "date_dmy": _full_date,
    "month_year": _month_year,
    "month": _month,
    "month_that_year": _month_that_year,
    "month_rel": _month_rel,
    "year": _year,
    "decade": _decade,
    "century": _century,
    "season": _season,
}
