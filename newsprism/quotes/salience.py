"""Which earlier person a pronoun speaker ("he said") stands for: salience, not mere recency.

After Lappin and Leass (1994): every mention of a candidate earns points for what it
is in its sentence, and the points halve with each sentence between the mention and
the pronoun; a candidate's salience is the sum over its mentions (one person written
"Doug Purdy" then "Purdy" is one candidate). The candidate of the pronoun's gender
(when known) with the most points wins. So the person the last sentences are about —
the subject of the main clause, the speaker of the quote just before, a newcomer
introduced with a full name — beats a name merely mentioned more recently in a
subordinate clause or a prepositional phrase, and beats a speaker of three paragraphs ago.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from newsprism.quotes.syntax import sentence

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = ["salience", "best_referent"]

RECENCY = 100.0  # every mention, before decay
MAIN_SUBJECT = 80.0  # subject of the main clause, or a sentence that is only the name's phrase
SPEAKER = 80.0  # the speaker of a quote (also "…," said X, where X is no parser subject)
SUBORDINATE_SUBJECT = 40.0  # subject of a subordinate clause ("Although Lind tweeted…")
OBJECT = 50.0  # direct object
NOT_OBLIQUE = 50.0  # anything but a prepositional object ("…for Mississauga accountant X")
DECAY = 0.5  # per sentence between the mention and the pronoun

SUBJECTS = ("nsubj", "nsubjpass")
MAIN = ("ROOT", "conj")


def _head_of_phrase(tok: Token) -> Token:
    """``Doug`` in ``Doug Purdy`` stands for its phrase head."""
    while tok.dep_ in ("compound", "flat") and tok.head.i != tok.i:
        tok = tok.head
    return tok


def _role_points(tok: Token, speakers: set[int]) -> float:
    head = _head_of_phrase(tok)
    points = RECENCY
    if head.dep_ in SUBJECTS:
        points += MAIN_SUBJECT if head.head.dep_ in MAIN else SUBORDINATE_SUBJECT
    elif head.dep_ == "ROOT" or (head.dep_ == "appos" and head.head.dep_ in SUBJECTS):
        points += MAIN_SUBJECT  # "Toronto retiree Doug Purdy, who lost …" split off as a sentence
    elif tok.i in speakers:
        points += SPEAKER
    elif head.dep_ in ("dobj", "attr"):
        points += OBJECT
    if head.dep_ != "pobj":
        points += NOT_OBLIQUE
    if _relative_subject(head):  # "with Ana Ruiz, who has called for …": "who" is her, a subject
        points = max(points, RECENCY + SUBORDINATE_SUBJECT + NOT_OBLIQUE)
    return points


def _relative_subject(head: Token) -> bool:
    """The phrase heads a relative clause whose subject is "who" (a mention of it), also through
    its apposition ("of Ana Ruiz, a delegate who dressed up as …")."""
    return any(
        (c.dep_ == "relcl" and any(g.dep_ in SUBJECTS and g.lower_ == "who" for g in c.children))
        or (c.dep_ == "appos" and _relative_subject(c))
        for c in head.rights
    )


def _sentence_index(tok: Token) -> int:
    sentence(tok)  # fills the per-doc sentence cache
    starts = tok.doc.user_data["newsprism_sent_starts"]
    return bisect.bisect_right(starts, tok.i) - 1


def _scores(mentions: list[tuple[str, int, float]], here: int) -> dict[str, float]:
    """Decayed sum over sentences of each candidate's best mention in that sentence
    (three "she"s in one sentence are not three times the salience)."""
    best: dict[tuple[str, int], float] = {}
    for key, sent, points in mentions:
        best[key, sent] = max(points, best.get((key, sent), 0.0))
    out: dict[str, float] = {}
    for (key, sent), points in best.items():
        out[key] = out.get(key, 0.0) + points * DECAY ** max(0, here - sent)
    return out


def salience(
    cands: Sequence[Token],
    at: Token,
    speakers: set[int],
    pronouns: Sequence[Token] = (),
    agrees: Callable[[Token, Token], bool] = lambda cand, pron: True,
    unsexed: Callable[[Token], bool] = lambda cand: False,
) -> dict[str, float]:
    """Points per candidate (keyed by lower-cased head word, e.g. the surname) for a pronoun at
    ``at``. Earlier ``pronouns`` (he/she outside quotes) are mentions too, of the candidate
    most salient at their place that ``agrees`` with them: "Purdy … He became … he adds". A
    candidate of no known sex (``unsexed``) that such a pronoun was taken for keeps its sex: one
    called "he" is no "she" later."""
    mentions: list[tuple[str, int, float]] = []
    latest: dict[str, Token] = {}
    said_by_pronoun = {p.i for p in pronouns}
    called: dict[str, set[str]] = {}  # the he/she each candidate was taken for so far
    for tok in sorted([*cands, *pronouns], key=lambda t: t.i):
        here = _sentence_index(tok)
        if tok.i not in said_by_pronoun:
            latest[tok.lower_] = tok
            mentions.append((tok.lower_, here, _role_points(tok, speakers)))
            continue
        scores = _scores(mentions, here)
        fits = [k for k in scores if agrees(latest[k], tok) and not _called_otherwise(called.get(k), tok)]
        if fits:
            best = max(fits, key=lambda k: scores[k])
            mentions.append((best, here, _role_points(tok, speakers)))
            if (
                unsexed(latest[best]) and tok.dep_ in SUBJECTS and tok.head.dep_ == "ROOT"
            ):  # not "if she wins"
                called.setdefault(best, set()).add(tok.lower_)
    scores = _scores(mentions, _sentence_index(at))
    return {k: v for k, v in scores.items() if not _called_otherwise(called.get(k), at)}


_SEXED = frozenset(["he", "she"])


def _called_otherwise(called: set[str] | None, pron: Token) -> bool:
    """A name the text has already called "he" is no "she" (and the other way round)."""
    return pron.lower_ in _SEXED and bool(called) and called & _SEXED == _SEXED - {pron.lower_}


def best_referent(
    cands: Sequence[Token],
    at: Token,
    speakers: set[int],
    pronouns: Sequence[Token] = (),
    agrees: Callable[[Token, Token], bool] = lambda cand, pron: True,
    unsexed: Callable[[Token], bool] = lambda cand: False,
) -> Token | None:
    """The latest mention of the most salient candidate (ties: the more recent one)."""
    if not cands:
        return None
    scores = salience(cands, at, speakers, pronouns, agrees, unsexed)
    latest: dict[str, Token] = {}
    for c in sorted(cands, key=lambda t: t.i):
        latest[c.lower_] = c
    return max(latest.values(), key=lambda t: (scores.get(t.lower_, 0.0), t.i))
