"""Vote tallies: "voted 52-48", "passed the House 219-212", "by a vote of 51 to 49".

A tally is one vote's count, for and against; two outlets giving one vote two tallies disagree
(issue 16 item 4). Which vote it is comes from the sentence: the body that voted (a general list
of voting bodies), what it voted on (a name or a content word both sentences give besides the
words of voting), and the kind of vote (a procedural or cloture vote, an amendment, is another
vote than the final one). Sports scores and ratios ("a 2-1 margin") are not tallies: a tally
stands next to a word of voting.
"""

from __future__ import annotations

import re

from newsprism.text import content_words, stem

__all__ = ["Tally", "same_vote", "tallies"]

# "52-48", "219 – 212", "51 to 49", "52 votes to 48" (not "18-34 percent", "18 to 35 years old",
# "$10-12", "2015-16", "1,200-1,500")
_TALLY = re.compile(
    r"(?<![\w$£€/:-])(?<![.,])(\d{1,3})\s*(?:votes?\s+)?(?:-|–|—|\s+to\s+)\s*(\d{1,3})(?![\w/:%-]|[.,]\d|\s*(?:percent|per\s*cent|years?\b|year-old|months?\b|weeks?\b|days?\b|hours?\b|minutes?\b))"
)
# A word of voting in the tally's clause, or a verb a vote's outcome is told with right before it
# ("passed 219-212", "confirmed 52-48", "The Senate voted 52-48"). A court's "ruled 5-4" is not
# read: a story recalls a court's earlier rulings more often than it miscounts one.
_VOTE_WORD = re.compile(r"\bvot(?:e|es|ed|ing)\b", re.IGNORECASE)
_OUTCOME_BEFORE = re.compile(
    r"\b(?:passed|approved|confirmed|rejected|defeated|adopted|ratified|failed|overrode|sustained)\b(?:\s+(?:the|a|an|its|his|her|their|[A-Z][\w'’.-]*)){0,4}"
    r"(?:\s+(?:by|on|in)\s+(?:a\s+)?)?\s*$"
)
# "a 2-1 margin", "a 3-to-1 ratio": a ratio of voters, not a count of votes
_RATIO_AFTER = re.compile(r"^\s*(?:margin|ratio|majority|edge|lead)\b", re.IGNORECASE)
# Bodies that vote; a tally is keyed by the one its sentence names (else "vote").
_BODIES = frozenset(
    """senate house assembly committee subcommittee panel council court justices jury board legislature
    parliament commons lords caucus delegates senators representatives lawmakers members commissioners
    chamber congress""".split()  # noqa: SIM905
)
# Another vote than the final one of the same body: a sentence naming one of these and the other
# not tells two votes ("a procedural vote of 51-48" / "the bill passed 52-47").
_OTHER_VOTE = re.compile(
    r"\b(?:procedural|cloture|test|preliminary|amendment|motion|filibuster|override|earlier|first|second|"
    r"final|initial|previous|last|advanced?|advancing|proceed|forward|debate|take\s+up|took\s+up)\b",
    re.IGNORECASE,
)
# A vote told on two weekdays is two votes ("voted 51-49 on Friday to advance" / "confirmed 50-48 on
# Saturday"); a saying verb's day is no frame here ("confirmed" tells the vote).
_WEEKDAY = re.compile(r"\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b", re.IGNORECASE)
# Words every vote's sentence can share: no sign the two sentences tell one vote.
_VOTING_WORDS = frozenset(
    stem(w)
    for w in """vote votes voted voting pass passed approve approved confirm confirmed reject rejected
    defeat defeated adopt adopted ratify ratified fail failed margin tally favor favour against
    support supported opposed oppose party line along member members""".split()  # noqa: SIM905
) | frozenset(stem(w) for w in _BODIES)

Tally = tuple[str, str, str, int, int]  # body, "for-against", shown, start, end


def tallies(text: str) -> list[Tally]:
    """The vote tallies a sentence gives: (body, "larger-smaller", shown, start, end). A sentence
    giving two tallies of one body tells two votes (or a vote and its parts): none is read."""
    out: list[Tally] = []
    for m in _TALLY.finditer(text):
        big, small = sorted((int(m.group(1)), int(m.group(2))), reverse=True)
        if big + small < 3 or _RATIO_AFTER.match(text[m.end() : m.end() + 12]):
            continue
        piece = _clause(text, m.start(), m.end())
        if not (_VOTE_WORD.search(piece) or _OUTCOME_BEFORE.search(text[max(0, m.start() - 60) : m.start()])):
            continue
        out.append((_body(text, m.start()), f"{big}-{small}", m.group(0).strip(), m.start(), m.end()))
    by_body: dict[str, set[str]] = {}
    for body, value, *_ in out:
        by_body.setdefault(body, set()).add(value)
    return [t for t in out if len(by_body[t[0]]) == 1]


def _body(text: str, at: int) -> str:
    """The body a tally is the vote of: the last one named before it, else the first after."""
    before = [w for w in re.findall(r"[a-z]+", text[:at].lower()) if w in _BODIES]
    after = [w for w in re.findall(r"[a-z]+", text[at:].lower()) if w in _BODIES]
    body = before[-1] if before else after[0] if after else ""
    return f"{body} vote".strip()


def _clause(text: str, start: int, end: int) -> str:
    """The words around a tally up to the clause ends either side (a comma of "1,200" is none)."""
    left = re.split(r"[;:.!?()—–](?=\s|$)|,\s", text[:start])[-1]
    right = re.split(r"[;:.!?()—–](?=\s|$)|,\s", text[end:])[0]
    return left + text[start:end] + right


def same_vote(a_text: str, b_text: str) -> bool:
    """Two sentences may tell one vote: they share a word besides the words of voting and its body
    (what was voted on: "the bill", "to confirm", a name), neither tells a vote of another kind the
    other does not (a procedural vote, one "to advance" or "end debate", an amendment, a first
    vote), and they name no two different weekdays."""
    kinds_a = {w.lower() for w in _OTHER_VOTE.findall(a_text)}
    kinds_b = {w.lower() for w in _OTHER_VOTE.findall(b_text)}
    days_a = {w.lower() for w in _WEEKDAY.findall(a_text)}
    days_b = {w.lower() for w in _WEEKDAY.findall(b_text)}
    if kinds_a != kinds_b or days_a and days_b and not days_a & days_b:
        return False
    shared = _stems(a_text) & _stems(b_text)
    return bool(shared - _VOTING_WORDS)


def _stems(text: str) -> frozenset[str]:
    return frozenset(stem(w) for w in content_words(text) if not w[:1].isdigit())
