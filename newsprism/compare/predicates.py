"""What happened to whom in one statement: its main predicate and core arguments.

Two statements of one story share its occasion (the day, the place, the contest) whatever they
tell: "On Tuesday she lost the Oregon primary" / "In other voting Tuesday in Oregon, Trump won the
Republican primary". What tells them apart is the predicate and who fills it. Read from the spaCy
parse already made: the statement's main predicate (the verb heading the statement; under a
reporting verb, the verb of what is reported; a copula's complement), with its negation and
particle, and the heads of its subject, object and main oblique. A name is its entity's last word
(the key :func:`newsprism.compare.facts.arg_key` gives), so a surname meets the full name; a
personal pronoun subject ("she lost") is read as the nearest earlier person of the article whom
it can denote (a given name of the other sex rules a person out).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from newsprism.compare.clauses import REPORTING_LEMMAS
from newsprism.compare.facts import FRAME_VERBS, arg_key
from newsprism.quotes.cues import SPEECH_VERBS
from newsprism.quotes.names import given_sex

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

__all__ = ["Predicate", "one_deed", "predicate_of"]

# Verbs that give way to the verb of what they report or frame ("argued that his attacks were
# aimed at ...": aim).
_GIVING_WAY = FRAME_VERBS | REPORTING_LEMMAS | SPEECH_VERBS
_SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj"})
_OBJECTS = frozenset({"dobj", "obj", "attr", "oprd", "dative"})
_REPORTED = frozenset({"ccomp", "xcomp", "parataxis"})
# Relative pronouns ("who", "which", "that"): a relative clause's subject is the noun it describes.
_RELATIVE = frozenset({"WP", "WDT"})
_PRONOUN_SEX = {"he": "m", "him": "m", "she": "f", "her": "f"}
# Sentences back a personal pronoun may reach for its person.
_PRONOUN_REACH = 3


@dataclass(frozen=True)
class Predicate:
    """The main predicate of a statement and the keys of its core arguments (None: none read)."""

    lemma: str
    # What is embedded to compare predicates: the lemma with its particle, "not" when negated
    # (its arguments left out: "win primary" / "win Oklahoma" are one predicate).
    phrase: str
    negated: bool = False
    subject: str | None = None
    object: str | None = None
    oblique: str | None = None

    @property
    def named_subject(self) -> bool:
        """Whether the subject is a name (an entity key), the case a different subject tells."""
        return self.subject is not None and self.subject.startswith("@")

    def apart_from(self, other: Predicate) -> bool:
        """Whether the two have different named subjects neither of which fills the other's
        predicate ("she lost" / "Trump won"; not "Ostrow beat Lindqvist" / "Lindqvist lost to
        Ostrow")."""
        if not (self.named_subject and other.named_subject) or self.subject == other.subject:
            return False
        return self.subject not in (other.object, other.oblique) and other.subject not in (
            self.object,
            self.oblique,
        )


def one_deed(a: Predicate, b: Predicate, similarity: float, floor: float, agents: bool = True) -> bool:
    """Whether two statements' predicates can tell one deed: not two named doers of it ("Trump
    fired back" / "Romney fired back", :meth:`Predicate.apart_from`), and one predicate: the same
    lemma or phrases whose embedding ``similarity`` reaches ``floor`` ("kept campaigning" / "went
    into overdrive" do not). ``agents`` False: the doers are not compared."""
    if agents and a.apart_from(b):
        return False
    return a.lemma == b.lemma or similarity >= floor


def predicate_of(span: Span) -> Predicate | None:
    """The :class:`Predicate` of a statement's tokens, or None when no verb heads it."""
    verb = _main_verb(span)
    if verb is None:
        return None
    inside = {t.i for t in span}
    children = [c for c in verb.children if c.i in inside]
    lemma = verb.lemma_.lower()
    particle = next((c.lower_ for c in children if c.dep_ == "prt"), None)
    negated = any(c.dep_ == "neg" for c in children)
    obj_tok = next((c for c in children if c.dep_ in _OBJECTS or c.dep_ == "acomp"), None)
    oblique = next(
        (_key(g) for c in children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"), None
    )
    lemma += " " + particle if particle else ""
    return Predicate(
        lemma=lemma,
        phrase=("not " if negated else "") + lemma,
        negated=negated,
        subject=_subject(verb),
        object=_key(obj_tok) if obj_tok is not None else None,
        oblique=oblique,
    )


def _subject(verb: Token) -> str | None:
    """The key of the verb's subject; a verb without one takes it from the clause it depends on
    ("Ostrow won, beating Lindqvist": Ostrow beat) or, in a relative clause, from the noun it
    describes ("Lindqvist, who lost the primary")."""
    for _ in range(3):
        subject = next((c for c in verb.children if c.dep_ in _SUBJECTS), None)
        if subject is not None and not (subject.tag_ in _RELATIVE and verb.dep_ == "relcl"):
            return _key(subject)
        if verb.dep_ in ("relcl", "acl") and verb.head.pos_ in ("NOUN", "PROPN"):
            return _key(verb.head)
        if verb.dep_ not in ("conj", "advcl", "xcomp") or verb.head.i == verb.i:
            return None
        verb = verb.head
    return None


def _main_verb(span: Span) -> Token | None:
    """The verb heading the statement: the first head (a token whose head lies outside the span)
    that is a verb; a reporting or light verb gives way to the verb of what it reports."""
    inside = {t.i for t in span}
    heads = [t for t in span if t.head.i == t.i or t.head.i not in inside]
    verbs = [t for t in heads if t.pos_ in ("VERB", "AUX")]
    if not verbs:
        return None
    verb = verbs[0]
    for _ in range(3):  # "said she would try to win": say -> try -> win
        if verb.lemma_.lower() not in _GIVING_WAY and verb.pos_ == "VERB":
            break
        inner = next((c for c in verb.children if c.dep_ in _REPORTED and c.i in inside), None)
        if inner is None:
            break
        verb = inner
    return verb


def _key(tok: Token) -> str | None:
    """An argument's key: a name's last word, a noun lemma, a number; a personal pronoun is
    read as its person (:func:`_antecedent`)."""
    low = tok.lower_
    if tok.pos_ == "PRON" and low in _PRONOUN_SEX:
        return _antecedent(tok, _PRONOUN_SEX[low])
    if tok.pos_ == "PROPN" and tok.ent_type_ == "" and tok.is_alpha:
        return "@" + low
    return arg_key(tok)


def _antecedent(pronoun: Token, sex: str) -> str | None:
    """The nearest person named before ``pronoun`` in its last few sentences whom it can denote
    (not one whose given name, written in full somewhere in the article, is of the other sex)."""
    doc = pronoun.doc
    first = pronoun.sent.start
    for _ in range(_PRONOUN_REACH - 1):
        if first == 0:
            break
        first = doc[first - 1].sent.start
    persons = [e for e in doc.ents if e.label_ == "PERSON" and first <= e.start and e.end <= pronoun.i]
    for ent in reversed(persons):
        key = arg_key(ent[-1])
        if key and key.startswith("@") and _person_sex(doc, key[1:]) in (None, sex):
            return key
    return None


def _person_sex(doc: Doc, surname: str) -> str | None:
    """The usual sex of the given names the article writes before ``surname`` (None: unknown or
    both)."""
    found = {
        given_sex(e.text) for e in doc.ents if e.label_ == "PERSON" and len(e) > 1 and e[-1].lower_ == surname
    }
    found.discard(None)
    return found.pop() if len(found) == 1 else None
