"""Disputes: claims that one actor asserts and another denies, with both sides' words.

1. Stance of a sentence (read whole, not clause by clause), from reporting and denial verbs:
   *deny* (denied that, rejected the claim, "nothing to do with", "not true", a pronoun subject
   with a negated auxiliary: "we did not ...") or *assert* (accused, blamed, "was behind",
   "responsible for", alleged...). A cue under negation ("did not deny"), a hedge ("the
   alleged attack"), a noun mention ("the allegations"), a court's charge, a habit ("has
   frequently accused") or deny meaning refuse ("denied both motions") takes no side.
2. Actor: who takes the stance (the statement's speaker, else the subject of the cue's own
   clause), and its party: a named country, people, body or person. Names are found in the
   text (capitalised words), and a country and its demonym fold to one party by their shared
   stem ("Peru" / "Peruvian", "Iran" / "Iranian"); no gazetteer of particular
   people, capitals or institutions is used, so a capital never stands for a government.
3. Accused party: the party the cue names ("blamed X", "X was behind"); a denial is about
   the actor's own party.
A party dispute is one accused party with at least two assertions by other parties and one
denial. A topic dispute joins a denial to the claim it answers: the claim just before it when
it points back ("rejected the allegation"), the close statements of the source or of the
charge it names ("contests police allegations", "claims of plagiarism", "X is not the one
who ..."), or an allegation close in meaning, unless the denial clears another accused party
or the allegation is a further charge ("has also reported ...").
"""

from __future__ import annotations

import dataclasses
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from functools import lru_cache

import numpy as np

from newsprism.model import Dispute, Quote, Span, Statement, content_id
from newsprism.quotes.identity import PRONOUNS
from newsprism.text import DAYS, MONTHS, STOPWORDS, content_words, normalize_words, stem, without_quoted

__all__ = ["find_disputes", "parties_in", "party_key", "stance"]

# Country names written several ways: one key each (abbreviations, not metonymy).
_ALIASES = {
    "us": "united states",
    "u s": "united states",
    "usa": "united states",
    "the united states": "united states",
    "uk": "united kingdom",
    "britain": "united kingdom",
    "great britain": "united kingdom",
    "eu": "european union",
}
# Endings that turn a country's name into its people's ("Peru-vian", "Chin-ese", "Israel-i").
_DEMONYM = re.compile(r"(?:ians|ian|ans|an|ese|ish|is|i|y|e|a)$")
_NAME = re.compile(r"\b(?:U\.S\.|U\.K\.|[A-Z][\w’'&-]*)(?:\s+(?:of\s+(?:the\s+)?)?(?:[A-Z][\w’'&-]*))*")
_TITLES = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "president",
        "minister",
        "secretary",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "senator",
        "governor",
        "mayor",
        "chief",
        "general",
        "prime",
        "foreign",
        "defense",
        "defence",
        "state",
    ]
)
_DENY = re.compile(
    r"\b(den(?:y|ied|ies|ial|ying)|reject(?:ed|s)?|refut(?:e|ed|es)|dismiss(?:ed|es)?|"
    r"nothing to do with|no role|not involved|baseless|unfounded|groundless|fabricat\w+|"
    r"absurd|ridiculous|ludicrous|nonsense|contest(?:s|ed)|pushed back|no (?:\w+ )?evidence (?:that|of)|"
    r"discredit(?:s|ed|ing)?|disagree(?:s|d)? (?:\w+ )?with|meritless|without merit|"
    r"(?:did|does|do|has|had|have) (?:absolutely )?nothing (?:wrong|illegal|improper|untoward)|"
    r"(?:claims?|allegations?|accusations?|charges?|reports?|story)\b[^.;:!?]{0,40}?\b(?:is|are|was|were) "
    r"(?:all |simply |completely )?(?:false|baseless|meritless|untrue|fake)|"
    r"contradict(?:s|ed)?|differs? (?:sharply )?from|"
    r"(?:is|was|are|were)(?: not|n[’']t) the (?:one|ones|person|man|woman|people) who|"
    r"(?:does|did|do)(?: not|n[’']t) mean that|(?:a )?(?:slightly |very |starkly )?different "
    r"(?:tale|story|account|version)|"
    r"(?:completely|simply|flatly|flat|just|dead) wrong|"
    r"(?:mak(?:e|es|ing)|made) (?:that|it|this|things|everything|it all|stuff) up|"
    r"(?:is|are) (?:just |simply )?lying|"
    r"had nothing|has nothing|have nothing|categorically false|untrue|not true|"
    r"(?:we|i|they)\s+(?:do|did|does|have|had|are|were|would|will)(?:\s+not|n[’']t)|"
    r"disput(?:es|ed) (?:th(?:is|at|e|ese|ose)|its|their|his|her))\b",
    re.IGNORECASE,
)
_ASSERT = re.compile(
    r"\b(accus(?:e|ed|es|ation)|blam(?:e|ed|es|ing)|charged|(?:was|were|is|are) behind|"
    r"responsible for|involvement|alleg(?:e|ed|es|ing|ation|ations)|claim(?:s|ed)? that|"
    r"made the (?:accusation|allegation|charge|claim)|charge(?:s|d)? that)\b",
    re.IGNORECASE,
)
_ATTRIBUTION_END = re.compile(r"(?:said|says|told|added)\s+[^.,;]*$")
_PASSIVE = re.compile(r"(?:was|were|is|are) behind|responsible|involvement", re.IGNORECASE)


def party_key(name: str) -> str:
    """One key per party: case, a leading "the", possessives and demonym endings folded."""
    low = re.sub(r"[’']s$", "", name.strip().lower()).replace(".", "").strip()
    low = _ALIASES.get(low, low).removeprefix("the ")
    low = _ALIASES.get(low, low)
    if " " in low:
        return low
    while (stem := _DEMONYM.sub("", low)) != low and len(stem) >= 3:
        low = stem
    return low


def _names(text: str) -> list[str]:
    """Capitalised names in ``text``, without titles, weekdays, months and function words."""
    out = []
    for m in _NAME.finditer(text):
        words = [w for w in m.group().split() if w.isupper() or w.lower().strip("’'") not in _SKIP]
        while words and words[0].lower() in _TITLES | {"of", "the"}:
            words = words[1:]
        while words and words[-1].lower() in _TITLES | {"of", "the"}:
            words = words[:-1]
        if words:
            out.append(" ".join(words))
    return out


def parties_in(text: str) -> set[str]:
    """Party keys of the names ``text`` mentions."""
    return {party_key(n) for n in _names(text)}


# "the claim that X was behind it": the charge is someone else's, named, not made.
_REPORTED_CHARGE = re.compile(
    r"\b(?:claims?|allegations?|accusations?|assertions?|suggestions?|notion|idea|theory|rumou?rs?)"
    r"\s+that\b",
    re.IGNORECASE,
)


# A cue under negation takes no stance ("did not deny", "never publicly blamed", "not disavowing"),
# nor one in a reason negated ("it isn't because they were dead wrong").
_NEGATED = re.compile(
    r"(?:\b(?:not|never|no|nor)|n[’']t)\s+(?:\w+\s+)?$|(?:\bnot|n[’']t)\s+because\s+[^.;:!?,]*$",
    re.IGNORECASE,
)
# "the alleged attack": a hedge on a noun, not somebody alleging.
_DETERMINER = re.compile(r"\b(?:the|an?|his|her|its|their|this|that|these|those)\s+$", re.IGNORECASE)
# "calls to investigate alleged fraud", "a probe into alleged bribes": after a preposition or a verb's
# infinitive, "alleged" qualifies the noun that follows; nobody is alleging.
_BEFORE_ADJECTIVE = re.compile(
    r"(?:\bto\s+[a-z]+|\b(?:of|for|into|over|about|against|with|on))\s+$", re.IGNORECASE
)
# "his claim that ...", "Kessler's claim that ...": the claim named as a noun, not made here.
_POSSESSIVE = re.compile(r"(?:[’']s?|\b(?:my|our|your))\s+$", re.IGNORECASE)
# "wrongly claimed that": the outlet calling the claim false (a one-sentence dispute), not a claim made.
_FALSELY = re.compile(r"\b(?:wrongly|falsely|erroneously|inaccurately|mistakenly)\s+$", re.IGNORECASE)
# "was charged with murder": a court's charge, not a side's accusation.
_PASSIVE_AUX = re.compile(r"\b(?:was|were|been|is|are|be|being)\s+$", re.IGNORECASE)
# A charge named as a noun ("the plagiarism allegations", "direct involvement") is mentioned,
# not made; "made the accusation" is matched whole.
_NOUN_CUE = re.compile(r"(?:accusations?|allegations?|involvement)$", re.IGNORECASE)
# "its decision not to pursue criminal charges that ...", "the charges that": a court's charges named
# as a noun, not somebody charging that something is so.
_CHARGES_NOUN = re.compile(
    r"(?:\b(?:the|any|no|these|those|such|new)|\b(?:pursu\w*|fil\w+|bring\w*|brought|drop\w*|fac\w+|press\w*)"
    r"(?:\s+[a-z]+)?)\s+$",
    re.IGNORECASE,
)
# "has frequently accused X of ...": a habit of accusing, not the claim in dispute.
# "people accused of rape": the participle names who is accused, not who accuses.
_PARTICIPLE = re.compile(r"\s+of\b", re.IGNORECASE)
_HABITUAL = re.compile(
    r"\b(?:frequently|repeatedly|often|long|regularly|routinely|always)\s+$", re.IGNORECASE
)


# "denied both motions", "denied him a hearing": deny in the sense of refuse. A claim is denied
# with "that ...", a claim noun, a pronoun, "having"/"being", "as ...", or nothing after it.
_REFUSAL_VERB = re.compile(
    r"den(?:y|ied|ies|ying)|reject(?:ed|s)?|dismiss(?:ed|es)?|contest(?:s|ed)?", re.IGNORECASE
)
_PRONOUN_NEGATION = re.compile(
    r"(?:we|i|they)\s+(?:do|did|does|have|had|are|were|would|will)(?:\s+not|n[’']t)", re.IGNORECASE
)
_CLAIM_OBJECT = re.compile(
    r"\s*(?:[.,;:!?”\"]|$|(?:[\w’'-]+\s+){0,3}?(?:that|claims?|allegations?|accusations?|charges?|reports?|"
    r"accounts?|story|stories|suggestions?|notion|idea|this|these|those|any|involvement|"
    r"(?:it|them)(?!\s+(?:the|an?|its|their|his|her|any)\b)|"
    r"wrongdoing|responsibility|knowledge|having|being|as|kerfuffle)\b)",
    re.IGNORECASE,
)


# "Clinton proposed they debate on April 15, but Sanders rejected that": turning down an offer,
# not denying a claim. ("suggested" is left out: it also introduces claims.)
_PROPOSAL = re.compile(
    r"\b(?:propos(?:ed|es|al)|offer(?:ed|s)?|invit(?:ed|es|ation)|request(?:ed|s)?|plan(?:ned)? to)\b",
    re.IGNORECASE,
)


# "It is absurd that 400 insiders backed her before the race began": outrage at something that
# happened (it asserts the thing), not a denial of a claim ("the claim is absurd", "That's absurd.").
_IT_IS = re.compile(r"\bit(?:[’']s|\s+(?:is|was|would be|seems))\s+(?:\w+\s+)?$", re.IGNORECASE)
_OUTRAGE = re.compile(r"\s+that\b", re.IGNORECASE)


# "I don't believe she is qualified": a negated verb of opinion states a view (often a charge),
# it denies nothing said before.
_OPINION = re.compile(
    r"\s+(?:\w+ly\s+)?(?:believe|think|feel|consider|expect|want|like|care|trust|know)\b", re.IGNORECASE
)


# "What he said privately is a different story": another matter, not a denial (which is told:
# "gave a different account").
_COPULA = re.compile(r"(?:\b(?:is|was|are|were|be|been|remains)|[’']s)\s+$", re.IGNORECASE)


# "shares blame", "took the blame": blame a side takes or is given a share of, a noun; nobody
# blames anybody in it.
_BLAME_TAKEN = re.compile(
    r"\b(?:share[sd]?|sharing|takes?|taken|took|taking|accept\w*|deserve[sd]?|bears?|bore|escape[sd]?|avoid\w*)"
    r"\s+(?:the\s+|some\s+|no\s+|(?:much|most|part)\s+of\s+the\s+)?$",
    re.IGNORECASE,
)


def _cues(pattern: re.Pattern, text: str) -> list[re.Match]:
    """The cues of ``pattern`` in ``text`` that take a stance (not negated, not a hedge, not a
    noun mention, not a court's charge)."""
    out = []
    for m in pattern.finditer(text):
        before, cue = text[max(0, m.start() - 30) : m.start()], m.group().lower()
        if _NEGATED.search(before) or _NOUN_CUE.match(cue):
            continue
        if (
            cue.startswith("alleg")
            and cue.endswith("ed")
            and (_DETERMINER.search(before) or _BEFORE_ADJECTIVE.search(before))
        ):
            continue
        if cue == "charged" and _PASSIVE_AUX.search(before):
            continue
        if (
            pattern is _ASSERT
            and cue.startswith("claim")
            and (_DETERMINER.search(before) or _POSSESSIVE.search(before) or _FALSELY.search(before))
        ):
            continue
        if cue.startswith("charges") and _CHARGES_NOUN.search(before):
            continue
        if pattern is _ASSERT and (_HABITUAL.search(before) or _PARTICIPLE.match(text, m.end())):
            continue
        if _OUTRAGE.match(text, m.end()) and _IT_IS.search(before):
            continue
        if _REFUSAL_VERB.fullmatch(cue) and (
            not _CLAIM_OBJECT.match(text, m.end()) or _PROPOSAL.search(text[: m.start()])
        ):
            continue
        if pattern is _DENY and _PRONOUN_NEGATION.fullmatch(cue) and _OPINION.match(text, m.end()):
            continue
        if pattern is _DENY and "different" in cue and _COPULA.search(before):
            continue
        if cue.startswith("blame") and _BLAME_TAKEN.search(before):
            continue
        if pattern is _DENY and _in_relative_denial(text, m):
            continue
        out.append(m)
    return out


@lru_cache(maxsize=1 << 14)  # asked of each sentence by two steps (stances, answered sources)
def stance(text: str) -> str | None:
    """``deny``, ``assert`` or ``None``; a denial cue wins (a denial often names the charge)."""
    if _cues(_DENY, text):
        return "deny"
    found = _cues(_ASSERT, text)
    if found:
        reported = _REPORTED_CHARGE.search(text)
        return None if reported and reported.start() < found[0].start() else "assert"
    return None


_CUE = re.compile(
    "|".join((_DENY.pattern, _ASSERT.pattern, r"\b(said|says|told|claimed|stated)\b")),
    re.IGNORECASE,
)


def _actor(
    statement: Statement, quote: Quote | None, people: frozenset[str] = frozenset()
) -> tuple[str | None, str | None]:
    """(actor as written, party): the quote's speaker, else whoever stands before the cue. A
    person of the story (``people``, actor keys) named before the cue acts for themself, not
    for the speaker the statement is given to ("Clinton proposed a debate, but Sanders rejected
    that": Sanders rejects, though the sentence may be read as Clinton's)."""
    if quote is not None and quote.speaker is not None:
        # A role that names one country or body ("Peruvian President") gives the side.
        role = parties_in(quote.speaker.role or "")
        if len(role) == 1 and " " not in next(iter(role)):
            return quote.speaker.canonical or quote.speaker.name, next(iter(role))
        for text in (quote.speaker.canonical, quote.speaker.name):
            parties = parties_in(text or "")
            if len(parties) == 1:
                return quote.speaker.canonical or quote.speaker.name, next(iter(parties))
    outside = without_quoted(statement.text)
    cue = _CUE.search(outside)
    # "X was behind / responsible for": the words before the cue name the accused, not the actor.
    passive = cue is not None and _PASSIVE.match(cue.group())
    head = _clause_before(outside, cue.start()) if cue and not passive else ""
    parties = parties_in(head)
    if len(parties) == 1:
        party = next(iter(parties))
        named, speaker = _names(head), statement.attributed_to
        if speaker and named and _actor_key(named[-1]) in people and not _same_person(speaker, named[-1]):
            return named[-1], party
        # The speaker the statement is attributed to speaks for the side named before the cue.
        return (statement.attributed_to or party), party
    name = statement.attributed_to
    parties = parties_in(name or "")
    if len(parties) == 1:
        return name, next(iter(parties))
    return name or _subject(head), None


# Where the clause holding a stance cue begins: after the last stop, dash or subordinator.
_CLAUSE_START = re.compile(
    r".*(?:[,;:(—–]|\b(?:because|which|that|who|and|but|when|after|while|as|since|although)\b)\s*",
    re.IGNORECASE | re.DOTALL,
)
# A trailing adverb or auxiliary ("Kiev has firmly"), not a noun after a determiner or a
# possessive ("the boy's family").
_ADVERB_OR_AUX = re.compile(
    r"(?<!\bthe)(?<!\ba)(?<!\ban)(?<![’']s)\s+(?:\w+ly|has|have|had|is|are|was|were|will|would|also|again|still|then|now|only)$",
    re.IGNORECASE,
)


def _clause_before(text: str, start: int) -> str:
    """The words of the cue's own clause before the cue ("the boy's family" in "... which has
    stirred anger, in part because the boy's family contests ...")."""
    head = text[max(0, start - 120) : start]
    m = _CLAUSE_START.match(head)
    return head[m.end() :] if m else head


_REPORTING = re.compile(r"\s+(?:called|said|says|told|added|insisted|argued|stated)\b", re.IGNORECASE)


def _subject(clause: str) -> str | None:
    """The clause's subject when it is a short phrase with a noun ("the boy's family"), without
    adverbs and auxiliaries; None for a pronoun or nothing."""
    phrase = " " + _REPORTING.split(clause.strip(), maxsplit=1)[0].strip()
    while (cut := _ADVERB_OR_AUX.sub("", phrase)) != phrase:
        phrase = cut
    phrase = phrase.strip()
    words = phrase.split()
    if not 1 <= len(words) <= 5 or all(w.lower().strip("’'s") in _SKIP for w in words):
        return None
    return re.sub(r"^(?:the|a|an)\s+", "", phrase, flags=re.IGNORECASE)


def _display_names(statements: Sequence[Statement]) -> dict[str, str]:
    """Party key -> how the story names it most often (a country over its demonym on a tie)."""
    forms: dict[str, Counter] = {}
    for st in statements:
        for name in _names(st.text):
            forms.setdefault(party_key(name), Counter())[re.sub(r"[’']s$", "", name)] += 1
    return {k: min(c, key=lambda f: (-c[f], len(f), f)) for k, c in forms.items()}


# Cues whose accused is named before them ("X was behind it"); the others name it after
# ("blamed X", "accused X of").
_ACCUSED_BEFORE = re.compile(r"(?:was|were|is|are) behind|responsible", re.IGNORECASE)


def _accused_named(text: str, party: str) -> set[str]:
    """The parties an assertion accuses: the first one named after an accusing verb, the last one
    before "was behind" / "responsible"; every other named party when the cue names none."""
    cues = _cues(_ASSERT, text)
    named = parties_in(text) - {party}
    if not cues:
        return named
    cue = cues[0]
    if _ACCUSED_BEFORE.match(cue.group()):
        before = [party_key(n) for n in _names(text[max(0, cue.start() - 90) : cue.start()])]
        found = [k for k in before if k != party]
        return {found[-1]} if found else named
    after = [party_key(n) for n in _names(text[cue.end() : cue.end() + 90])]
    found = [k for k in after if k != party]
    return {found[0]} if found else named


def _accused(statement: Statement, kind: str, party: str, display: Mapping[str, str]) -> set[str]:
    if kind == "assert":
        own = party_key(party)
        return {display.get(k, k) for k in _accused_named(_strip_attribution(statement.text), own)} - {party}
    # A denial speaks for the denier's own side ("the US had no role", "we don't attack");
    # other parties it names are the accusers it answers, not what it denies.
    return {party}


def _strip_attribution(text: str) -> str:
    """``text`` without a closing "said ..." after its last ``.,;`` (searched there only: from
    every "said" before it the pattern ran to the next stop and failed, quadratic in a long text)."""
    tail = max(text.rfind(c) for c in ".,;") + 1
    return text[:tail] + _ATTRIBUTION_END.sub("", text[tail:])


def find_disputes(
    statements: Sequence[Statement],
    quotes: Mapping[str, Quote],
    vectors: np.ndarray | None = None,
    min_sim: float = 0.5,
    outlets: Mapping[str, str] | None = None,
) -> list[Dispute]:
    """Party disputes (who accuses which country or institution), then topic disputes
    (an allegation and a denial about the same thing, actors named as written), then disputes
    told in one sentence. ``outlets`` names each article's outlet (its own voice's actor)."""
    party_stances, topic_stances = [], []
    display = _display_names(statements)
    people = frozenset(
        _actor_key(q.speaker.canonical or q.speaker.name)
        for q in quotes.values()
        if q.speaker is not None and q.speaker.kind == "person"
    )
    for k, st, kind in _sentence_stances(statements):
        name, party = _actor(st, quotes.get(st.quote_id or ""), people)
        if name is not None and name.lower() in PRONOUNS:
            name = _pronoun_actor(statements, k, st, name, people)
            if name is None:
                continue  # a side nobody can be named for is left out
        shown = display.get(party, party) if party is not None else None
        actor = shown if name in (None, party) else name
        if shown is not None:
            party_stances.append((st, kind, actor, shown))
        actor = actor or _head_name(st.text)
        if actor:
            topic_stances.append((k, st, kind, actor))
    topic_stances += _implied_claims(statements, topic_stances)
    links: list[tuple[int, int]] = []
    if vectors is not None:
        named, links = _named_claims(statements, topic_stances, vectors)
        topic_stances += named
    topic_stances = sorted(topic_stances, key=lambda x: x[0])
    disputes = _party_disputes(party_stances, display)
    if vectors is not None:
        # Statements a party dispute already shows are not joined again into topic disputes.
        used = {e["statement_id"] for d in disputes for e in d.asserts + d.denies}
        topic_stances = [x for x in topic_stances if x[1].id not in used]
        elsewhere = {party_key(d.subject) for d in disputes if d.subject}
        disputes += _topic_disputes(statements, topic_stances, vectors, min_sim, elsewhere, links)
    shown = {e["statement_id"] for d in disputes for e in d.asserts + d.denies}
    disputes += _sentence_disputes(statements, quotes, outlets or {}, shown, vectors)
    disputes += _own_voice_disputes(statements, quotes, outlets or {}, shown)
    return merge_copies(disputes)


def _pronoun_actor(
    statements: Sequence[Statement], k: int, whole: Statement, pronoun: str, people: set[str]
) -> str | None:
    """Who a pronoun side ("'..., he said") stands for: the last name outside quotes in its
    sentence (``whole``) or else the sentence before, in the same article. "he"/"she" take a
    name the story's quotes give to a person, or a full name; None when there is none."""
    texts = [without_quoted(whole.text)]
    start = _sentence_start(statements, k)
    if start > 0 and statements[start - 1].article_id == whole.article_id:
        before = statements[_sentence_start(statements, start - 1) : start]
        texts.append(without_quoted(" ".join(st.text for st in before)))
    personal = pronoun.lower() in {"he", "she", "him", "her", "his"}
    for text in texts:
        names = _names(text)
        if personal:
            names = [n for n in names if _actor_key(n) in people or len(n.split()) > 1]
        if names:
            return names[-1]
    return None


def _sentence_stances(statements: Sequence[Statement]) -> list[tuple[int, Statement, str]]:
    """(index, statement, stance) once per sentence that takes a stance, read whole: a clause
    cut from its sentence loses the cue or the actor ("The campaign called the charges
    unsubstantiated" / "fabricated by former employees"). The statement returned carries the
    whole sentence's text and span and the index of the clause holding the cue."""
    out = []
    for k, group in _sentences(statements):
        text = " ".join(st.text for st in group)
        kind = stance(text)
        if kind is not None:
            pattern = _DENY if kind == "deny" else _ASSERT
            at = next((k + i for i, st in enumerate(group) if _cues(pattern, st.text)), k)
            whole = dataclasses.replace(
                statements[at],
                text=text,
                span=Span(group[0].span.start, group[-1].span.end),
                quote_id=next((st.quote_id for st in group if st.quote_id), None),
                attributed_to=next((st.attributed_to for st in group if st.attributed_to), None),
            )
            out.append((at, whole, kind))
    return out


# Two claims sharing this share of the shorter one's content words are one claim told by
# near-copies of an article (one word or one number changed): shown once, with every outlet.
_SAME_CLAIM = 0.8


@lru_cache(maxsize=1 << 12)
def _claim_terms(claim: str) -> frozenset[str]:
    return frozenset(content_words(claim))


def _same_claim(a: Dispute, b: Dispute) -> bool:
    wa, wb = _claim_terms(a.claim), _claim_terms(b.claim)
    return a.subject == b.subject and len(wa & wb) >= _SAME_CLAIM * max(1, min(len(wa), len(wb)))


def merge_copies(disputes: Sequence[Dispute]) -> list[Dispute]:
    """One dispute per claim and parties: disputes whose claims are near-copies, about the
    same subject, are joined (their assertions and denials listed once each)."""
    groups: list[list[Dispute]] = []
    for d in disputes:
        home = next((g for g in groups if _same_claim(g[0], d)), None)
        if home is None:
            groups.append([d])
        else:
            home.append(d)
    out = []
    for g in groups:
        if len(g) == 1:
            out.append(g[0])
            continue
        asserts = list({e["statement_id"]: e for d in g for e in d.asserts}.values())
        denies = list({e["statement_id"]: e for d in g for e in d.denies}.values())
        ids = sorted(e["statement_id"] for e in asserts + denies)
        out.append(
            Dispute(
                id=content_id(g[0].subject, *ids, prefix="d_"),
                claim=_claim_words(asserts),
                subject=g[0].subject,
                asserts=tuple(asserts),
                denies=tuple(denies),
            )
        )
    return out


def _party_disputes(
    stances: list[tuple[Statement, str, str | None, str]], display: Mapping[str, str]
) -> list[Dispute]:
    sides: dict[str, dict[str, list[dict]]] = {}
    for st, kind, name, party in stances:
        for accused in _accused(st, kind, party, display):
            entry = _evidence(st, name or party, party)
            sides.setdefault(accused, {"assert": [], "deny": []})[kind].append(entry)
    disputes = []
    for accused, both in sorted(sides.items()):
        asserts = [e for e in both["assert"] if e["party"] != accused]
        denies = both["deny"]
        # A side that accuses does not also deny (its "deny" cue dismisses the denials).
        accusers = {e["party"] for e in asserts}
        denies = [e for e in denies if e["party"] == accused or e["party"] not in accusers]
        # One assertion is a remark; a claim in dispute is made at least twice (or by two outlets).
        if len({e["statement_id"] for e in asserts}) >= 2 and denies:
            claim = _claim_words(asserts)
            disputes.append(
                Dispute(
                    id=content_id(accused, *sorted(e["statement_id"] for e in asserts + denies), prefix="d_"),
                    claim=claim,
                    subject=accused,
                    asserts=tuple(asserts),
                    denies=tuple(denies),
                )
            )
    return disputes


_NOT_ACTORS = (
    {
        "on",
        "in",
        "the",
        "but",
        "its",
        "a",
        "asked",
        "one",
        "two",
        "three",
        "four",
        "five",
        "several",
        "it",
        "however",
        "after",
        "before",
        "when",
        "while",
        "he",
        "she",
        "they",
        "we",
    }
    | set(DAYS)
    | (set(MONTHS) - {"may"})
)
# A denial that points back at a claim just made ("rejected the allegation").
_ANAPHORIC = re.compile(
    r"\b(?:the|these|this|those|such|that)\s+(?:allegations?|claims?|accusations?|charges?|reports?|accounts?)\b"
    r"|\b(?:denied|rejected|dismissed|disputed) (?:it|this|that)\b"
    r"|^\W*(?:that|this|it)(?:['’]s| is| was) (?:\w+ )?(?:wrong|false|untrue|not true|nonsense|absurd)\b"
    r"|^\W*(?:nice try, )?not true\b"
    r"|\bdifferent (?:tale|story|account|version)\b",
    re.IGNORECASE,
)
_SKIP = _NOT_ACTORS | STOPWORDS
_HEAD_NAME = re.compile(r"((?:[A-Z][\w’'&.-]+\s+){0,4}[A-Z][\w’'&.-]+)")


def _head_name(text: str) -> str | None:
    """The last capitalised name before the stance cue ("the Dockside Workers' Union alleged")."""
    cue = _CUE.search(text)
    if cue is None:
        return None
    names = [m.group(1) for m in _HEAD_NAME.finditer(text[: cue.start()])]
    names = [" ".join(w for w in n.split() if w.lower() not in _SKIP) for n in names]
    # a party-and-state tag after a lawmaker's name ("Gowdy, R-S.C.,") names nobody
    names = [n for n in names if n and not _STATE_TAG.fullmatch(n)]
    return names[-1] if names else None


_STATE_TAG = re.compile(r"(?:[A-Z]\s*-\s*)?-?(?:[A-Z][a-z]?\.){2,}")


Stance = tuple[int, Statement, str, str]  # (statement index, statement, assert|deny, actor)


_ACCORDING_TO = re.compile(r"\baccording to ((?:the )?[\w’' -]+?)(?=,| who | that |\.|$)", re.IGNORECASE)


# "weren't true", "is not the case": a sentence saying something is not so answers a claim.
_NOT_TRUE = re.compile(
    r"(?:\b(?:not|never)|n[’']t)\s+(?:\w+\s+)?(?:true|the case|real|correct|accurate|so)\b", re.IGNORECASE
)


def _unnegated_before(statements: Sequence[Statement], start: int, taken: set[int], skip: int = 2) -> int:
    """First statement of the sentence before ``start``, passing over up to ``skip`` sentences
    that say something is not so, with no stance of their own ("Both of those things weren't true" is itself an
    answer, not the claim a later denial answers: the claim is the sentence before it). A
    sentence that takes a stance (in ``taken``) stops the walk."""
    k = _sentence_start(statements, start - 1)
    for _ in range(skip):
        end = k
        while end < start and statements[end].sentence == statements[k].sentence:
            end += 1
        if (
            k == 0
            or k in taken
            or not _NOT_TRUE.search(" ".join(st.text for st in statements[k : max(end, k + 1)]))
        ):
            break
        k = _sentence_start(statements, k - 1)
    return k


# "the Courier published a story", "Ortega told reporters": a name that tells something.
_TELLS = re.compile(
    r"\s+(?:\w+\s+)?(?:published|reported|revealed|disclosed|filed|wrote|detailed|broke|said|told)\b",
    re.IGNORECASE,
)


def _other_name(text: str, denier: str) -> str | None:
    """The first party a sentence names as telling something, other than the denier ("after the
    Courier published a story detailing ..." -> "Courier"): who tells the charge a pointing-back
    denial answers. A party the sentence only mentions tells nothing."""
    outside = without_quoted(text)
    for m in _NAME.finditer(outside):
        names = _names(m.group())
        if names and not _same_person(names[-1], denier) and _TELLS.match(outside, m.end()):
            return names[-1]
    return None


def _implied_claims(statements: Sequence[Statement], stances: list[Stance]) -> list[Stance]:
    """A denial that points back ("disputes that account") with no claim just before it in its
    article makes the sentence just before it a claim (its first clause), asserted by its
    source ("according to two officials"), even without an assertion cue."""
    out: list[Stance] = []
    asserted = {(st.article_id, k) for k, st, kind, _ in stances if kind == "assert"}
    taken = {x[0] for x in stances}
    for kd, sd, kind, actor_d in stances:
        start = _sentence_start(statements, kd)
        if kind != "deny" or not _ANAPHORIC.search(sd.text) or start == 0:
            continue
        if any((sd.article_id, k) in asserted for k in range(max(0, start - _NEAR), start)):
            continue
        k = _unnegated_before(statements, start, taken)
        prior = statements[k]
        if k in taken:
            continue
        m = _ACCORDING_TO.search(prior.text)
        same = [st for st in statements[k:start] if st.sentence == prior.sentence] or [prior]
        whole = " ".join(st.text for st in same)
        actor = prior.attributed_to or (m.group(1).strip() if m else None) or _other_name(whole, actor_d)
        if prior.article_id == sd.article_id and actor and actor.lower() != actor_d.lower():
            # the whole sentence is the claim shown, not its first clause
            claim = dataclasses.replace(prior, text=whole, span=Span(prior.span.start, same[-1].span.end))
            out.append((k, claim, "assert", actor))
            asserted.add((prior.article_id, k))
    return out


# A denial naming whose claim it answers ("contests police allegations", "differs from Kelly's
# assertion"): the name or role right before the claim noun.
_NAMED_CHARGE = re.compile(
    r"(?:((?:[A-Z][\w.’'-]*\s+){0,3}[A-Z][\w.’'-]*)[’']s?|(police|prosecutors?|officials?|authorities|investigators))"
    r"\s+(?:allegations?|claims?|accusations?|charges?|assertions?|account|version)\b"
)
# A denial naming the charge ("denying claims of plagiarism", "the plagiarism allegations").
_CHARGE_WORD = re.compile(
    r"\b(?:claims?|allegations?|accusations?|charges?) of ([a-z]{5,})"
    r"|\b(?:the|these|those) ([a-z]{5,}) (?:claims?|allegations?|accusations?|charges?)\b"
)
# How alike a statement of the named source must be to the denial to be the claim it answers.
# (Any source's statement, unnamed by the denial, was tried on the calibrate halves from 0.55 to
# 0.70: it found no dispute more and brought false ones.)
_NAMED_SIM = 0.45


# "X is not the one who fired": a denial that X did it; the claim is any other source's
# statement naming X that is close in meaning.
_AGENT_DENIAL = re.compile(
    r"(?:is|was|are|were)(?: not|n[’']t) the (?:one|ones|person|man|woman|people) who", re.I
)


def _agent_denied(text: str, denier: str) -> str | None:
    """The last word of the person a denial of agency clears ("Timmons"), lower case."""
    m = _AGENT_DENIAL.search(text)
    if m is None:
        return None
    names = [n for n in _names(text[: m.start()]) if _actor_key(n) != _actor_key(denier)]
    return names[-1].split()[-1].lower().strip("’'") if names else None


# What a denial says the charge it answers is about ("dismissed the charges about his stance on X",
# "denied allegations of bribery") and what a charge is about ("accused him of a smear over her
# fundraising"): the words after the charge noun or the accusing verb, up to the clause's end.
_DENIED_MATTER = re.compile(
    r"\b(?:claims?|allegations?|accusations?|charges?|criticism|attacks?|suggestions?)\s+"
    r"(?:about|of|over|regarding|concerning|on)\s+([^.;:!?,]+)",
    re.IGNORECASE,
)
_CHARGE_MATTER = re.compile(
    r"\b(?:accus|blam|charg|alleg)\w*\b[^.;:!?,]*?\b(?:of|about|over|for|that)\s+([^.;:!?]+)", re.IGNORECASE
)
# The matter ends where the clause turns to how or why ("... on X by pointing out that ...").
_MATTER_END = re.compile(r"\s+(?:by|because|when|while|after|before|as|and then|but|which|who)\s+|,", re.I)


def _matter(pattern: re.Pattern, text: str, skip: frozenset[str]) -> frozenset[str]:
    """The stems of what ``text`` says a charge is about (empty when it does not say): content
    words after ``pattern``'s anchor, the parties and the story's occasion words (``skip``) left out."""
    m = pattern.search(without_quoted(text)) or pattern.search(text)
    if m is None:
        return frozenset()
    words = _MATTER_END.split(m.group(1), maxsplit=1)[0]
    return frozenset(stem(w) for w in content_words(words) if w not in skip and len(w) > 2)


def _other_matter(denial: str, claim: str, skip: frozenset[str]) -> bool:
    """A denial answers a charge only about the same matter: when the denial names what it
    answers ("charges about his stance on X"), the charge must share one of those words (in what
    it is about, or anywhere when it does not say)."""
    denied = _matter(_DENIED_MATTER, denial, skip)
    if not denied:
        return False
    charged = _matter(_CHARGE_MATTER, claim, skip) or frozenset(
        stem(w) for w in content_words(claim) if w not in skip
    )
    return bool(charged) and not denied & charged


def _occasion_words(statements: Sequence[Statement]) -> frozenset[str]:
    """Words every article of a story uses (the occasion: "debate", "primary"), which say nothing
    about what one charge is about; none for a story of one article."""
    by_article: dict[str, set[str]] = {}
    for st in statements:
        by_article.setdefault(st.article_id, set()).update(content_words(st.text))
    if len(by_article) < 2:
        return frozenset()
    return frozenset(set.intersection(*by_article.values()))


def _skip_words(occasion: frozenset[str], *actors: str) -> frozenset[str]:
    """The words a matter leaves out: the story's occasion words and the two sides' names."""
    return occasion | {w for a in actors for w in normalize_words(a or "")}


def _named_claims(
    statements: Sequence[Statement], stances: list[Stance], vectors: np.ndarray
) -> tuple[list[Stance], list[tuple[int, int]]]:
    """The claims a denial names the source of: statements attributed to that source, close in
    meaning to the denial, become its allegations (asserted by the source), linked to it."""
    taken = {x[0] for x in stances}
    out: list[Stance] = []
    links: list[tuple[int, int]] = []
    occasion = _occasion_words(statements)
    for kd, sd, kind, actor_d in stances:
        if kind != "deny":
            continue
        m = _NAMED_CHARGE.search(sd.text)
        source = (m.group(1) or m.group(2)).split()[-1].lower().strip("’'") if m else None
        c = _CHARGE_WORD.search(sd.text)
        charge = (c.group(1) or c.group(2)).lower()[:6] if c and source is None else None
        person = _agent_denied(sd.text, actor_d) if source is None and charge is None else None
        if source is None and charge is None and person is None:
            continue
        cleared = parties_in(sd.text)
        for k, st in enumerate(statements):
            who = (st.attributed_to or "").lower().split()
            same = st.id == sd.id or (st.sentence is not None and st.sentence == sd.sentence)
            if not who or same or _actor_key(st.attributed_to) == _actor_key(actor_d):
                continue
            if source is not None and (source not in who or source in actor_d.lower().split()):
                continue
            if charge is not None and not any(w.startswith(charge) for w in content_words(st.text)):
                continue
            if person is not None and person not in normalize_words(st.text):
                continue
            accused = _accused_named(st.text, party_key(st.attributed_to or source))
            if accused and not accused & cleared:
                continue  # it accuses someone the denial does not speak for
            if _other_matter(sd.text, st.text, _skip_words(occasion, actor_d, st.attributed_to or source)):
                continue  # it denies a charge about something else
            if stance(st.text) != "deny" and float(vectors[k] @ vectors[kd]) >= _NAMED_SIM:
                if k not in taken:
                    out.append((k, st, "assert", st.attributed_to or source))
                    taken.add(k)
                links.append((kd, k))
    return out, links


# How many statements back a pointing-back denial looks for the allegation it answers.
_NEAR = 3


def _sentence_start(statements: Sequence[Statement], k: int) -> int:
    """Index of the first statement of the sentence statement ``k`` belongs to."""
    sentence = statements[k].sentence
    while k > 0 and sentence is not None and statements[k - 1].sentence == sentence:
        k -= 1
    return k


# Cue stems of an allegation proper, preferred over "warned" or "ordered" as what a denial answers.
_ALLEGING = {"alleg", "accus", "claim", "blame", "charg"}


def _cue_stem(text: str) -> str:
    cue = _ASSERT.search(text)
    return cue.group().lower()[:5] if cue else ""


def _answered(earlier: list[Stance], anaphor: str, kd: int) -> Stance:
    """The claim a pointing-back denial answers: the latest earlier assertion whose cue has the
    anaphor's stem ("the allegation" answers "alleged", not a later "warned"), else the latest."""
    stem = anaphor.lower().split()[-1][:5]
    near = [x for x in earlier if x[0] >= kd - _NEAR] or earlier
    cues = [(x, _cue_stem(x[1].text)) for x in reversed(near)]
    for wanted in ({stem}, _ALLEGING):
        for x, cue in cues:
            if cue in wanted:
                return x
    return earlier[-1]


def _link_stances(
    stances: list[Stance],
    vectors: np.ndarray,
    min_sim: float,
    elsewhere: set[str] = frozenset(),
    links: Sequence[tuple[int, int]] = (),
    occasion: frozenset[str] = frozenset(),
) -> dict[int, list[Stance]]:
    """Join each denial to the allegations it answers: the one just before it when it points
    back ("rejected the allegation"), and any allegation close in meaning by another actor;
    never one about another matter than the denial names (``occasion``: the story's words)."""
    asserts = [x for x in stances if x[2] == "assert"]
    assert_vectors = vectors[[x[0] for x in asserts]] if asserts else vectors[:0]
    by_article: dict[str, list[Stance]] = {}
    for x in asserts:
        by_article.setdefault(x[1].article_id, []).append(x)
    parent = {x[0]: x[0] for x in stances}

    def find(i: int) -> int:
        while parent[i] != i:
            i = parent[i]
        return i

    for kd, ka in links:
        if kd in parent and ka in parent:
            parent[find(kd)] = find(ka)
    accused = {x[0]: _accused_named(x[1].text, party_key(x[3])) for x in asserts}
    every_accused = set(elsewhere).union(*accused.values())
    for kd, sd, kind, actor_d in stances:
        if kind != "deny":
            continue
        cleared = parties_in(sd.text)
        mine = by_article.get(sd.article_id, [])
        earlier = [x for x in mine if x[1].span.end <= sd.span.start]
        anaphor = _ANAPHORIC.search(sd.text)
        if anaphor and earlier:
            answered = _answered(earlier, anaphor.group(), kd)
            if answered[3].lower() != actor_d.lower() and not _other_matter(
                sd.text, answered[1].text, _skip_words(occasion, actor_d, answered[3])
            ):
                parent[find(kd)] = find(answered[0])
        for ka, sa, _, actor_a in _close_asserts(asserts, assert_vectors, vectors, kd, min_sim):
            if _further_charge(sa.text):
                continue
            if (
                actor_a.lower() != actor_d.lower()
                and not _clears_another(cleared, accused[ka], every_accused)
                and not _other_matter(sd.text, sa.text, _skip_words(occasion, actor_d, actor_a))
            ):
                parent[find(kd)] = find(ka)
    groups: dict[int, list[Stance]] = {}
    for x in stances:
        groups.setdefault(find(x[0]), []).append(x)
    return groups


# "Russia has also reported attacks on oil depots, blaming X": a further charge, besides the one
# in dispute; it joins a denial only by pointing back, never by likeness.
_FURTHER = re.compile(r"\b(?:also|separately|additionally|in addition)\b", re.IGNORECASE)


def _further_charge(text: str) -> bool:
    cues = _cues(_ASSERT, text)
    return bool(cues) and bool(_FURTHER.search(text[: cues[0].start()]))


def _clears_another(named: set[str], accused: set[str], every_accused: set[str]) -> bool:
    """A denial that names another accused party and not this allegation's ("the United States
    has nothing to do with it" against "X blamed Ukraine") answers another allegation."""
    return bool(accused) and not named & accused and bool(named & (every_accused - accused))


# Blocking margin: one matrix product finds the allegations near a denial, and each is then
# scored as before (a product of two rows), so a sum taken in another order cannot move a pair
# across ``min_sim``.
_MARGIN = 1e-4


def _close_asserts(
    asserts: list[Stance], assert_vectors: np.ndarray, vectors: np.ndarray, kd: int, min_sim: float
) -> list[Stance]:
    """The allegations (rows ``assert_vectors``) at least ``min_sim`` alike to statement ``kd``,
    in their order."""
    if not asserts:
        return []
    near = np.flatnonzero(assert_vectors @ vectors[kd] >= min_sim - _MARGIN)
    return [asserts[k] for k in near if float(vectors[asserts[k][0]] @ vectors[kd]) >= min_sim]


def _topic_disputes(
    statements: Sequence[Statement],
    stances: list[Stance],
    vectors: np.ndarray,
    min_sim: float,
    elsewhere: set[str] = frozenset(),
    links: Sequence[tuple[int, int]] = (),
) -> list[Dispute]:
    """Allegation/denial pairs about one thing, by different actors, joined into claims."""
    out = []
    linked = _link_stances(stances, vectors, min_sim, elsewhere, links, _occasion_words(statements))
    for members in linked.values():
        pro = [_evidence(st, actor, actor) for _, st, kind, actor in members if kind == "assert"]
        con = [_evidence(st, actor, actor) for _, st, kind, actor in members if kind == "deny"]
        # Someone who both alleges and denies ("Varga made the accusation" / "Varga dismissed
        # attempts to deny it") is one side, not a dispute with himself.
        asserting = {_actor_key(e["actor"]) for e in pro}
        con = [e for e in con if _actor_key(e["actor"]) not in asserting]
        if pro and con:
            ids = sorted(e["statement_id"] for e in pro + con)
            dispute = Dispute(
                id=content_id(*ids, prefix="d_"), claim=pro[0]["text"], asserts=tuple(pro), denies=tuple(con)
            )
            out.append(dispute)
    return sorted(out, key=lambda d: d.id)


def _same_person(a: str, b: str) -> bool:
    """One actor by surname, and by given name too when both are written in full (Dena Grayson is
    not Alan Grayson)."""
    wa, wb = _names(a)[-1:] or [a], _names(b)[-1:] or [b]
    fa, fb = wa[0].split(), wb[0].split()
    given = len(fa) < 2 or len(fb) < 2 or fa[0].lower() == fb[0].lower()
    return _actor_key(a) == _actor_key(b) and given


def _actor_key(actor: str) -> str:
    """One key per actor however titled: the last word of the name, lower case."""
    words = actor.split()
    return words[-1].lower().strip(".,’'s") if words else ""


def _claim_words(asserts: list[dict]) -> str:
    """The claim in an outlet's own words: the shortest assertion in the outlet's voice
    (no quote), else the shortest assertion; never a sentence we wrote."""
    own = [e for e in asserts if not e.get("quote_id") and '"' not in e["text"] and "“" not in e["text"]]
    return min(own or asserts, key=lambda e: (len(e["text"]), e["statement_id"]))["text"]


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


# --- A dispute told in one sentence: both sides' lines are the same sentence.

# The outlet calls a claim it reports false ("repeating a false claim that", "wrongly claimed").
_OUTLET_FALSE = re.compile(
    r"\b(?:false|debunked|baseless|unfounded|bogus|discredited|untrue|evidence-free|unsupported|unsubstantiated)\s+"
    r"(?:claims?|assertions?|allegations?|charges?|contentions?|statements?)\b"
    r"|\b(?:erred|(?:was|were) wrong) (?:in|when) (?:saying|claiming|stating|asserting|suggesting)\b"
    r"|\b(?:wrongly|falsely|erroneously|inaccurately)\s+(?!accused\b|charged\b|convicted\b|arrested\b|imprisoned\b)[a-z]+(?:ed|s)\b",
    re.IGNORECASE,
)
# "Trump said, repeating a false claim": the participle describes the speaker's words.
_REPEATING = re.compile(
    r"(?:,\s*|\s+)(?:repeating|making|reiterating|echoing|renewing|again)\s+(?:an?\s+|the\s+|his\s+|her\s+|their\s+)?$",
    re.IGNORECASE,
)
_SPEECH = re.compile(r"\b(?:said|says|told|argued|added|wrote|tweeted|according to)\b", re.IGNORECASE)
# A named source's report or claim: "a Politico story", "the AP report".
_SOURCE_REPORT = re.compile(
    r"((?:[A-Z][\w.’'&-]*\s+){0,3}[A-Z][\w.’'&-]*?)(?:[’']s)?\s+"
    r"(?:story|report|article|claims?|allegations?|accusations?|charges?|assertions?|reporting)\b"
    r"|\b(?:story|report|article)\s+(?:from|by|in)\s+((?:the\s+)?(?:[A-Z][\w.’'&-]*\s+){0,3}[A-Z][\w.’'&-]*)"
)
# Called false, misleading, a lie (not "is not misleading").
_CALLED_FALSE = re.compile(
    r"\b(?:is|was|are|were)\s+(?:(?!not\b|never\b)\w+\s+)?(?:misleading|false|wrong|inaccurate|untrue|distorted)\b"
    r"|\ban?\s+(?:\w+\s+)?lie\b",
    re.IGNORECASE,
)
# "X deny ..., but critics point to ...": the other clause's subject keeps the claim.
_CONTRAST = re.compile(r",?\s+\b(?:but|while|whereas|although|though)\s+", re.IGNORECASE)
_CLAIM_VERB = re.compile(
    r"\s+(?:say|says|said|point|points|pointed|insist\w*|contend\w*|argue\w*|maintain\w*|claim\w*|"
    r"note\w*|allege\w*|accuse\w*|charge[sd]?|counter\w*)\b",
    re.IGNORECASE,
)


def _sentences(statements: Sequence[Statement]) -> list[tuple[int, list[Statement]]]:
    """(index of the first statement, the statements) of each sentence, in order."""
    out, k = [], 0
    while k < len(statements):
        end = k + 1
        while (
            end < len(statements)
            and statements[k].sentence is not None
            and statements[end].sentence == statements[k].sentence
            and statements[end].article_id == statements[k].article_id
        ):
            end += 1
        out.append((k, list(statements[k:end])))
        k = end
    return out


def _last_name(text: str) -> str | None:
    """The last name in ``text``, without a possessive ending ("Ortega's" -> "Ortega")."""
    names = _names(text)
    return re.sub(r"[’'](?:s\b)?$", "", names[-1]) if names else None


_PRONOUN_SUBJECT = re.compile(r"\s*(?:he|she|they)\s+", re.IGNORECASE)


def _outlet_refutes(outside: str, speaker: str | None, previous: str = "") -> str | None:
    """Who asserts the claim the outlet itself calls false in ``outside`` (the text without its
    quotes): the name before "wrongly claimed", or the speaker a participle describes; for a
    pronoun ("She falsely presents herself ..."), the last name of the ``previous`` sentence."""
    m = _OUTLET_FALSE.search(outside)
    if m is None:
        return None
    prefix = outside[: m.start()]
    if _PASSIVE_AUX.search(prefix):
        return None  # "was wrongly allowed": something done to someone, no claim made
    if _REPEATING.search(prefix):
        return speaker or _last_name(prefix)
    if _SPEECH.search(prefix):
        return None  # someone else calls it false: their voice, not the outlet's
    clause = _clause_before(outside, m.start())
    if _PRONOUN_SUBJECT.fullmatch(clause):
        return _last_name(without_quoted(previous))
    return _last_name(clause)


def _source_answered(outside: str, denier: str | None) -> str | None:
    """The named source whose report the sentence denies or calls false ("refute a Politico
    story", "said the AP report is misleading")."""
    if stance(outside) != "deny" and not _CALLED_FALSE.search(outside):
        return None
    for m in _SOURCE_REPORT.finditer(outside):
        name = _last_name(m.group(1) or m.group(2))
        if name and (denier is None or _actor_key(name) != _actor_key(denier)):
            return name
    return None


def _denier(outside: str) -> str | None:
    """Who denies in ``outside``: the subject of the denial cue's own clause, else the last name
    before the cue ("Council chair Ada Varga dismissed ...")."""
    cues = _cues(_DENY, outside)
    if not cues:
        return None
    return _subject(_clause_before(outside, cues[0].start())) or _head_name(
        outside[: cues[0].start()] + " said"
    )


# "X alleges that ..., a claim that Y disputes": the claim's denier in a relative clause.
# "..., a claim that the port disputes", "..., something the firm has denied", "..., which the
# club rejects": a relative clause with its own subject; its denial is that subject's, not the
# sentence speaker's, who asserts the claim.
_RELATIVE_DENIAL = re.compile(
    r",\s+(?:(?:a|an|the)\s+(?:claim|charge|allegation|accusation|assertion|contention|account)\s+"
    r"(?:that|which)|something|which|what)\s+"
    r"((?:[\w’'.-]+\s+){1,5}?)(?:\w+ly\s+)?(?:disput|den(?:y|ies|ied)|reject|refut|dismiss)\w*",
    re.IGNORECASE,
)
_SAYS = re.compile(r"\b(?:said|says|say|claimed|claims|insisted|insists|argued|argues|told)\b", re.IGNORECASE)
_FINDS = re.compile(
    r"\s+(?:\w+ly\s+)?(?:reveal|show|find|found|say|said|note|point|suggest|indicate|prove|call)\w*\b",
    re.IGNORECASE,
)


def _in_relative_denial(text: str, cue: re.Match) -> bool:
    """Whether the denial ``cue`` is the verb of a relative clause with its own subject."""
    return any(
        r.start() < cue.start() and r.end() >= cue.end() and _subject(r.group(1))
        for r in _RELATIVE_DENIAL.finditer(text)
    )


def _relative_denial(outside: str, speaker: str | None = None) -> tuple[str, str] | None:
    """(denier, claimant) of "X alleges ..., a claim that Y strongly disputes"; the claimant is
    the sentence's speaker when it has one ("two workers told the paper that ..., something the
    firm has denied")."""
    m = _RELATIVE_DENIAL.search(outside)
    if m is None:
        return None
    head = outside[: m.start()]
    said = _SAYS.search(head)
    names = _names(head)
    claimant = speaker or (said and _subject(head[: said.start()])) or (names[0] if names else None)
    denier = _subject(m.group(1))
    if claimant and denier and _actor_key(claimant) != _actor_key(denier):
        return denier, claimant
    return None


# "... reveal that's untrue", "that is false": a clause answering the one before it.
_ANSWERS_BEFORE = re.compile(
    r"\b(?:that|this|it)(?:[’']s| is| was)\s+(?:\w+\s+)?(?:untrue|false|not true|wrong)\b"
)


def _clause_answer(group: Sequence[Statement]) -> tuple[str, str] | None:
    """(denier, claimant) of a sentence whose clauses (its statements, the connective cut) are
    "A said X" and then "B reveal that's untrue", or "A deny X" and then "B point to Y"."""
    if len(group) == 2:
        # the two clauses read as if "but" still joined them
        found = _contrast_claimant(without_quoted(group[0].text) + ", but " + without_quoted(group[1].text))
        if found is not None and _cues(_DENY, group[0].text):
            return found
    for i, st in enumerate(group[1:], 1):
        if not _ANSWERS_BEFORE.search(st.text) or not _cues(_DENY, st.text):
            continue
        first = without_quoted(" ".join(g.text for g in group[:i]))
        said = _SAYS.search(first)
        if said is None or _cues(_DENY, first):
            return None
        verb = _FINDS.search(st.text)
        denier = _subject(st.text[: verb.start()]) if verb and verb.start() < 60 else None
        claimant = _last_name(first[: said.start()])
        if claimant and denier and _actor_key(denier) != _actor_key(claimant):
            return denier, claimant
    return None


def _contrast_claimant(outside: str) -> tuple[str, str] | None:
    """(denier, claimant) of "A deny X, but B point to Y" (the subjects of the two clauses), or
    of "A said X, but B show that is untrue" (the claim first, its denial after "but")."""
    parts = _CONTRAST.split(outside, maxsplit=1)
    if len(parts) != 2:
        return None
    if not _cues(_DENY, parts[0]) and _cues(_DENY, parts[1]) and (said := _SAYS.search(parts[0])):
        claimant = _last_name(parts[0][: said.start()])
        verb = _FINDS.search(parts[1])
        denier = _subject(parts[1][: verb.start()]) if verb and verb.start() < 60 else _denier(parts[1])
        if claimant and denier and _actor_key(denier) != _actor_key(claimant):
            return denier, claimant
        return None
    if not _cues(_DENY, parts[0]) or _cues(_DENY, parts[1]):
        return None
    cue = _cues(_DENY, parts[0])[0]
    denier = _subject(_clause_before(parts[0], cue.start()))
    verb = _CLAIM_VERB.search(parts[1])
    claimant = _subject(parts[1][: verb.start()]) if verb and verb.start() < 60 else None
    if denier and claimant and _actor_key(denier) != _actor_key(claimant):
        return denier, claimant
    return None


def _sentence_disputes(
    statements: Sequence[Statement],
    quotes: Mapping[str, Quote],
    outlets: Mapping[str, str],
    shown: set[str] = frozenset(),
    vectors: np.ndarray | None = None,
) -> list[Dispute]:
    """Disputes told within one sentence: the outlet calling a claim it reports false, a
    denial naming the source it answers, or a denial and a claim joined by "but". Sentences
    another dispute already shows (``shown`` statement ids) are left to it."""
    out, previous = [], ""
    for _, group in _sentences(statements):
        text, before = " ".join(st.text for st in group), previous
        previous = text
        if any(g.id in shown for g in group):
            continue
        outside = without_quoted(text)
        st = dataclasses.replace(group[0], text=text, span=Span(group[0].span.start, group[-1].span.end))
        quote = next((quotes.get(g.quote_id or "") for g in group if g.quote_id), None)
        speaker = quote.speaker.canonical or quote.speaker.name if quote and quote.speaker else None
        speaker = speaker or next((g.attributed_to for g in group if g.attributed_to), None)
        pair, reported = None, []
        outlet = outlets.get(st.article_id, "the outlet")
        refuted = (claimant := _outlet_refutes(outside, speaker, before)) and _actor_key(
            claimant
        ) != _actor_key(outlet)
        if refuted:
            pair = (claimant, outlet)
        elif (source := _source_answered(outside, speaker)) and (denier := speaker or _denier(outside)):
            pair = (source, denier)
            reported = _report_words(statements, group, source)
        elif found := _relative_denial(outside, speaker):
            pair = (found[1], found[0])
            reported = [_evidence(st, found[1], found[1])]  # the sentence is the claimant's report
        elif found := _contrast_claimant(outside) or _clause_answer(group):
            pair = (found[1], found[0])
        elif (claimant := _corrected_claim(outside)) and _actor_key(claimant) != _actor_key(outlet):
            pair = (claimant, outlet)
        if pair is not None:
            # the claim the outlet calls false, in the words its author gave it in this article
            own = (
                _claimant_words(statements, quotes, group, pair[0], vectors)
                if refuted and vectors is not None
                else []
            )
            # No sentence of the claimant's own: the denial names them, and that is all it shows
            # of them (the sentence is the denial's passage, not the claim's).
            asserts = tuple(own or reported) or ({**_evidence(st, pair[0], pair[0]), "named_only": True},)
            d = _evidence(st, pair[1], pair[1])
            out.append(
                Dispute(
                    id=content_id("one sentence", st.id, prefix="d_"),
                    claim=text,
                    asserts=asserts,
                    denies=(d,),
                )
            )
    return out


# "his recent claim that ...", "Ada Lind's claim in May that ...": a claim named with its owner
_OWNED_CLAIM = re.compile(
    r"\b(?:(his|her|their)|((?:[A-Z][\w’'.-]*\s+){0,2}[A-Z][\w’'.-]*)[’']s?)\s+(?:\w+\s+)?"
    r"(?:claims?|assertions?|contentions?|statements?|allegations?|charges?)\s+(?:\w+\s+){0,3}?that\s+"
    r"([^()]+?)\s*\(([^()]+)\)"
)
# A bracket right after a claim telling what is so instead ("(the actual number is closer to 15
# percent)", "(in fact, the bridge reopened in May)")
_INSTEAD = re.compile(r"\b(?:actual|actually|in fact|in reality|the real|really|correct)\b", re.IGNORECASE)
_NUMBER = re.compile(r"\d[\d,.]*")
# A bracket giving another moment's or another scope's number adds to the claim ("up from 8,000
# in 2019", "of 12,000 in all"): no correction.
_THEN_NOW = re.compile(
    r"\b(?:up|down|from|than|compared|previous|previously|last|earlier|before|since|of|out|total|(?:19|20)\d\d)\b",
    re.IGNORECASE,
)


def _corrected_claim(outside: str) -> str | None:
    """Who owns a claim the outlet corrects in a bracket right after it: "his claim that Obama
    wants 250,000 refugees (Obama has proposed 10,000 refugees)" — the bracket says what is so
    instead, or gives another number of a thing the claim counts. The owner is the name before
    the possessive, or for "his"/"her"/"their" the name the sentence opens with."""
    m = _OWNED_CLAIM.search(outside)
    if m is None:
        return None
    claim, bracket = m.group(3), m.group(4)
    numbers_a, numbers_b = set(_NUMBER.findall(claim)), set(_NUMBER.findall(bracket))
    shared = {stem(w) for w in content_words(claim) if w.isalpha()} & {
        stem(w) for w in content_words(bracket) if w.isalpha()
    }
    other = numbers_a and numbers_b and not numbers_a & numbers_b and shared and not _THEN_NOW.search(bracket)
    if not (_INSTEAD.search(bracket) or other):
        return None
    if m.group(2):
        return m.group(2)
    names = _names(outside[: m.start()])
    return names[0] if names else None


# "The AP reported that ...", "The report published Tuesday showed ...": a sentence telling what a
# source's report says, its subject the source or the report itself.
_REPORT_SAYS = (
    r"^\W*(?:(?:the|an?|its|their)\s+)?(?:[\w’'-]+\s+){{0,2}}?(?:{source}|report|story|article|analysis)\b"
    r"[^.;,]{{0,50}}?\b(?:reported|reports|found|finds|showed|shows|documented|documents|revealed|reveals|"
    r"concluded|detailed|details)\b"
)


def _report_words(statements: Sequence[Statement], group: Sequence[Statement], source: str) -> list[dict]:
    """The sentences of the article that tell what the source's report says: the claim a denial of
    "the AP report" answers, in the report's words rather than in the denial's."""
    says = re.compile(_REPORT_SAYS.format(source=re.escape(source.split()[-1])), re.IGNORECASE)
    here, article = {g.id for g in group}, group[0].article_id
    return [
        _evidence(st, source, source)
        for st in statements
        if st.article_id == article
        and st.id not in here
        and says.search(st.text)
        and stance(st.text) != "deny"
    ]


def _speaker(st: Statement, quotes: Mapping[str, Quote]) -> str | None:
    quote = quotes.get(st.quote_id or "")
    return (quote.speaker.canonical or quote.speaker.name) if quote and quote.speaker else st.attributed_to


def _claimant_words(
    statements: Sequence[Statement],
    quotes: Mapping[str, Quote],
    group: Sequence[Statement],
    claimant: str,
    vectors: np.ndarray,
) -> list[dict]:
    """The claimant's own statements of the claim a one-sentence dispute reports ("While Marlow
    wrongly claimed that the bridge was closed" / Marlow: "The bridge is closed"): said by them
    in another sentence of the same article, unnegated, and alike to the sentence (the
    :data:`_NAMED_SIM` a named source's claim needs). The claim is shown in its author's words."""
    index = {st.id: k for k, st in enumerate(statements)}
    here = [index[g.id] for g in group if g.id in index]
    if not here:
        return []
    article = group[0].article_id
    out = []
    for k, st in enumerate(statements):
        who = _speaker(st, quotes)
        if st.article_id != article or k in here or not who or not _same_person(who, claimant):
            continue
        if _NOT.search(st.text) or stance(st.text) == "deny" or _OUTLET_FALSE.search(st.text):
            continue
        if max(float(vectors[k] @ vectors[h]) for h in here) >= _NAMED_SIM:
            out.append(_evidence(st, who, who))
    return out


# --- The outlet denying a claim in its own words: the same claim with opposite polarity.

# "Obama did not, however, personally found ISIS": a named party, a negated auxiliary, the rest.
_OWN_NEGATION = re.compile(
    r"\b([A-Z][\w’'-]+)\s+(?:did|does|do|has|have|had|was|is|were|are)(?:\s+not|n[’']t)\b([^.;:!?]*)"
)
_FILLER = re.compile(r"\b(?:however|though|actually|really|even|ever|then|in fact|\w+ly)\b|,", re.IGNORECASE)
_SPEECH_VERB = re.compile(
    r"(?:say|said|tell|told|comment|respond|reply|return|confirm|know|specif)", re.IGNORECASE
)
_NOT = re.compile(r"\b(?:not|never|no)\b|n[’']t\b", re.IGNORECASE)


# "pressing his attack that Ada Varga is not qualified", "the view that ...", "whether ...": the
# negation sits inside a clause someone else's charge or question frames, not the outlet's voice.
_EMBEDDED = re.compile(r"\b(?:that|whether|if)\s+(?:[A-Z][\w’'.-]*\s+){0,3}$")


def _own_denial(outside: str) -> tuple[str, str, set[str]] | None:
    """(party, predicate stem, object words) the outlet's own negated sentence denies."""
    m = _OWN_NEGATION.search(outside)
    if m is None or _SPEECH.search(outside) or m.group(1).lower() in _SKIP:
        return None
    if _EMBEDDED.search(outside[: m.start(1)]):
        return None
    words = _FILLER.sub(" ", m.group(2)).split()
    if len(words) < 2 or not words[0].isalpha() or len(words[0]) < 4 or _SPEECH_VERB.match(words[0]):
        return None
    objects = {w.lower().strip("’'") for w in words[1:4] if len(w) >= 3 and w.lower() not in STOPWORDS}
    return (m.group(1), words[0].lower()[:5], objects) if objects else None


def _asserts_claim(text: str, party: str, stem: str, objects: set[str]) -> bool:
    """``text`` says ``party`` <stem...> <object>, unnegated ("Obama was the founder of ISIS")."""
    at = text.find(party)
    if at < 0:
        return False
    rest = text[at + len(party) : at + len(party) + 80]
    words = [w.lower().strip("’'.,") for w in rest.split()]
    hit = next((i for i, w in enumerate(words[:5]) if w.startswith(stem)), None)
    return (
        hit is not None
        and not _NOT.search(" ".join(words[:hit]))
        and bool(objects & set(words[hit + 1 : hit + 6]))
    )


def _own_voice_disputes(
    statements: Sequence[Statement], quotes: Mapping[str, Quote], outlets: Mapping[str, str], shown: set[str]
) -> list[Dispute]:
    """The outlet's own negated sentence against sources' statements of the same claim: the
    same party, the same predicate and object, opposite polarity (no cue on either side)."""
    out = []
    for _, group in _sentences(statements):
        if any(g.id in shown or g.quote_id or g.attributed_to for g in group):
            continue
        text = " ".join(g.text for g in group)
        found = _own_denial(without_quoted(text))
        if found is None:
            continue
        outlet = outlets.get(group[0].article_id, "the outlet")
        st = dataclasses.replace(group[0], text=text, span=Span(group[0].span.start, group[-1].span.end))
        pro = []
        for other in statements:
            quote = quotes.get(other.quote_id or "")
            who = (
                (quote.speaker.canonical or quote.speaker.name)
                if quote and quote.speaker
                else other.attributed_to
            )
            if who and other.id not in {g.id for g in group} and _asserts_claim(other.text, *found):
                pro.append(_evidence(other, who, who))
        if pro:
            ids = sorted(e["statement_id"] for e in pro) + [st.id]
            out.append(
                Dispute(
                    id=content_id(*ids, prefix="d_"),
                    claim=pro[0]["text"],
                    asserts=tuple(pro),
                    denies=(_evidence(st, outlet, outlet),),
                )
            )
    return out
