"""Disputes: claims that one actor asserts and another denies, with both sides' words.

1. Stance of a statement, from cue words outside and inside quotes: *deny*
   (denied, rejected, "nothing to do with", "no role", ludicrous, lying...) or
   *assert* (accused, blamed, "was behind", orchestrated, "made in Washington"...).
2. Actor: who takes the stance (the statement's speaker, else the subject of the cue),
   mapped to a party (country or institution) through a small gazetteer of countries,
   capitals and their institutions and demonyms, so that "Peskov (Kremlin spokesman)",
   "Moscow" and "Russia" stand on one side.
3. Accused party: the parties the statement is about. An assertion accuses the parties
   it names other than the actor's own; a denial is about the parties it names, and
   about the actor's own party when it speaks in the first person ("we don't attack").
A dispute is one accused party with at least one assertion by another party and one
denial.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from newsprism.model import Dispute, Quote, Statement, content_id

__all__ = ["PARTIES", "find_disputes", "parties_in", "stance"]

# Party -> words that stand for it (lower case). Kept small and generic: countries,
# capitals, demonyms and the best-known institutions.
PARTIES: dict[str, tuple[str, ...]] = {
    "United States": ("united states", "u.s.", "us", "washington", "american", "white house",
                      "pentagon", "kirby", "blinken", "biden", "state department"),
    "Russia": ("russia", "russian", "moscow", "kremlin", "peskov", "putin", "medvedev", "lavrov",
               "zakharova"),
    "Ukraine": ("ukraine", "ukrainian", "kyiv", "kiev", "zelensky", "zelenskiy", "zelenskyy",
                "podolyak", "kuleba"),
    "China": ("china", "chinese", "beijing"),
    "United Kingdom": ("britain", "british", "london", "downing street"),
    "European Union": ("european union", "brussels", "eu"),
    "NATO": ("nato",),
    "Israel": ("israel", "israeli"),
    "Iran": ("iran", "iranian", "tehran"),
}
_DENY = re.compile(
    r"\b(den(?:y|ied|ies|ial)|reject(?:ed|s)?|refut(?:e|ed|es)|dismiss(?:ed|es)?|derided|"
    r"nothing to do with|no role|not involved|no prior knowledge|ludicrous|absurd|ridiculous|"
    r"lying|false flag|baseless|unfounded|fabricat\w+|we don[’']t attack|we do not attack|"
    r"not attacking|had nothing|has nothing)\b",
    re.IGNORECASE,
)
_ASSERT = re.compile(
    r"\b(accus(?:e|ed|es|ation)|blam(?:e|ed|es|ing)|charged|(?:was|were|is|are) behind|"
    r"orchestrat\w+|responsible for|made (?:not in \w+, but )?in \w+|carrying out|"
    r"involvement|ordered|determined in)\b",
    re.IGNORECASE,
)
_PASSIVE = re.compile(r"(?:was|were|is|are) behind|responsible|made|involvement|ordered|carrying|determined",
                      re.IGNORECASE)
_FIRST_PERSON = re.compile(r"\b(we|our|us)\b", re.IGNORECASE)


def parties_in(text: str) -> set[str]:
    low = " " + re.sub(r"[^\w.\s]", " ", text.lower()) + " "
    found = set()
    for party, names in PARTIES.items():
        for name in names:
            if name == "us":
                if re.search(r"\bUS\b|\bU\.S\.", text):
                    found.add(party)
            elif re.search(rf"(?<![\w]){re.escape(name)}(?![\w])", low):
                found.add(party)
    return found


def stance(text: str) -> str | None:
    """``deny``, ``assert`` or ``None``; a denial cue wins (a denial often names the charge)."""
    if _DENY.search(text):
        return "deny"
    if _ASSERT.search(text):
        return "assert"
    return None


_CUE = re.compile(
    "|".join((_DENY.pattern, _ASSERT.pattern, r"\b(said|says|told|claimed|stated|made the accusation)\b")),
    re.IGNORECASE,
)


def _actor(statement: Statement, quote: Quote | None) -> tuple[str | None, str | None]:
    """(actor as written, party): the quote's speaker, else whoever stands before the cue."""
    if quote is not None and quote.speaker is not None:
        for text in (quote.speaker.canonical, quote.speaker.name, quote.speaker.role):
            parties = parties_in(text or "")
            if len(parties) == 1:
                return quote.speaker.canonical or quote.speaker.name, next(iter(parties))
    outside = re.sub(r"[“\"][^”\"]*[”\"]", " ", statement.text)
    cue = _CUE.search(outside)
    # "X was behind / responsible for": the words before the cue name the accused, not the actor.
    passive = cue is not None and _PASSIVE.match(cue.group())
    head = outside[: cue.start()] if cue and not passive else ""
    parties = parties_in(head[-90:])
    if len(parties) == 1:
        party = next(iter(parties))
        name = statement.attributed_to
        return (name if name and parties_in(name) == parties else party), party
    name = statement.attributed_to
    parties = parties_in(name or "")
    if len(parties) == 1:
        return name, next(iter(parties))
    return name, None


def _accused(statement: Statement, kind: str, party: str) -> set[str]:
    named = parties_in(_strip_attribution(statement.text))
    if kind == "assert":
        return named - {party}
    if _FIRST_PERSON.search(statement.text) or not named:
        named = named | {party}
    return named


def _strip_attribution(text: str) -> str:
    return re.sub(r"(?:said|says|told|added)\s+[^.,;]*$", "", text)


def find_disputes(statements: Sequence[Statement], quotes: Mapping[str, Quote]) -> list[Dispute]:
    sides: dict[str, dict[str, list[dict]]] = {}
    for st in statements:
        kind = stance(st.text)
        if kind is None:
            continue
        name, party = _actor(st, quotes.get(st.quote_id or ""))
        if party is None:
            continue
        for accused in _accused(st, kind, party):
            entry = _evidence(st, name or party, party)
            sides.setdefault(accused, {"assert": [], "deny": []})[kind].append(entry)
    disputes = []
    for accused, both in sorted(sides.items()):
        asserts = [e for e in both["assert"] if e["party"] != accused]
        denies = both["deny"]
        # A side that accuses does not also deny (its "deny" cue dismisses the denials).
        accusers = {e["party"] for e in asserts}
        denies = [e for e in denies if e["party"] == accused or e["party"] not in accusers]
        if asserts and denies:
            claim = f"{accused} was involved (asserted by {', '.join(sorted(accusers))})"
            disputes.append(
                Dispute(
                    id=content_id(accused, *sorted(e["statement_id"] for e in asserts + denies), prefix="d_"),
                    claim=claim,
                    asserts=tuple(asserts),
                    denies=tuple(denies),
                )
            )
    return disputes


def _evidence(st: Statement, actor: str, party: str) -> dict:
    return {
        "actor": actor,
        "party": party,
        "article_id": st.article_id,
        "statement_id": st.id,
        "quote_id": st.quote_id,
        "text": st.text,
        "start": st.span.start,
        "end": st.span.end,
    }
