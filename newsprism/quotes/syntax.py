"""Small questions asked of a spaCy parse: cue verbs, their subjects, token spans."""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from newsprism.model import Span
from newsprism.nlp.spacy_model import text_of  # noqa: F401 (the quotes modules read it from here)
from newsprism.quotes.cues import (
    ANONYMOUS_NOUNS,
    DOCUMENT_NOUNS,
    EVENT_NOUNS,
    LEVIN_SPEECH_VERBS,
    ORG_NOUNS,
    PARTICLE_CUES,
    PEOPLE_NOUNS,
    SPEECH_VERBS,
    THINK_VERBS,
)
from newsprism.quotes.marks import is_dash
from newsprism.quotes.names import TITLE_WORDS
from newsprism.spans import PlusOne, SpanSet

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token
    from spacy.tokens import Span as SpacySpan

__all__ = [
    "agent_noun",
    "cue_verbs",
    "inside",
    "person_noun",
    "subject_of",
    "subjectless_past",
    "token_span",
    "tokens_between",
    "via_relative",
]

SUBJECT_DEPS = ("nsubj", "nsubjpass")
# Dependencies through which a verb inherits its subject from its head:
# "denied the claims, calling them ..." (advcl), "said and added" (conj).
INHERIT_DEPS = ("conj", "xcomp", "advcl", "pcomp")


def token_span(tokens: Iterable[Token]) -> Span:
    toks = list(tokens)
    return Span(toks[0].idx, toks[-1].idx + len(toks[-1].text))


def inside(token: Token, spans: Iterable[Span]) -> bool:
    if isinstance(spans, SpanSet | PlusOne):  # an article's marks: asked for every token, so indexed
        return spans.covers(token.idx)
    return any(s.start <= token.idx < s.end for s in spans)


def _starts(doc: Doc) -> list[int]:
    """Token start offsets, computed once per doc (kept in ``user_data``, never serialised)."""
    starts = doc.user_data.get("newsprism_starts")
    if starts is None:
        starts = [t.idx for t in doc]
        doc.user_data["newsprism_starts"] = starts
    return starts


def tokens_between(doc: Doc, start: int, end: int) -> list[Token]:
    """Tokens whose first character lies in ``[start, end)``."""
    starts = _starts(doc)
    return list(doc[bisect.bisect_left(starts, start) : bisect.bisect_left(starts, end)])


def entities(doc: Doc) -> list:
    """``doc.ents`` built once per doc (spaCy rebuilds the tuple on every access)."""
    ents = doc.user_data.get("newsprism_ents")
    if ents is None:
        ents = list(doc.ents)
        doc.user_data["newsprism_ents"] = ents
    return ents


def is_cue(token: Token, think: bool = False) -> bool:
    lemma = token.lemma_.lower()
    if token.pos_ != "VERB":
        return False
    if lemma not in SPEECH_VERBS and lemma not in LEVIN_SPEECH_VERBS:
        return _particle_cue(token, lemma) or _put_it(token, lemma)
    return think or lemma not in THINK_VERBS


def _put_it(verb: Token, lemma: str) -> bool:
    """ "As X put it, “…”": the idiom reports what X said (only with "as" and "it")."""
    return (
        lemma == "put"
        and any(c.dep_ == "dobj" and c.lower_ == "it" for c in verb.children)
        and any(c.dep_ in ("mark", "advmod") and c.lower_ == "as" for c in verb.children)
    )


def _particle_cue(verb: Token, lemma: str) -> bool:
    """ "shot back", "chimed in": a verb that reports speech only with its particle."""
    particle = PARTICLE_CUES.get(lemma)
    return particle is not None and any(
        c.lower_ == particle and c.dep_ in ("prt", "advmod") and c.i == verb.i + 1 for c in verb.children
    )


def cue_verbs(tokens: Iterable[Token], think: bool = False) -> list[Token]:
    return [t for t in tokens if is_cue(t, think)]


def _direct_subject(verb: Token, avoid: list[Span], agent: bool = True) -> Token | None:
    """The subject of ``verb``; with ``agent``, the agent of a passive one ("was told by X"),
    which speaks only when ``verb`` is the cue itself: a participle hung on a passive verb tells
    of its subject ("Lind was booed by fans after telling them …" is Lind's)."""
    found = [  # a dash the tagger took for a noun is no subject
        c for c in verb.children if c.dep_ in SUBJECT_DEPS and not inside(c, avoid) and not is_dash(c.text)
    ]
    if found:
        # "WASHINGTON — Rep. Ana Ruiz said": a dateline the parser made a second subject
        return next((c for c in found if not _dateline(c)), found[0])
    if not agent:
        return None
    for child in verb.children:  # passive: "was told by X"
        if child.dep_ == "agent":
            for grand in child.children:
                if grand.dep_ == "pobj":
                    return grand
    return None


def _dateline(tok: Token) -> bool:
    """A place in capitals or a place name opening the sentence before a dash ("PARIS —"), the
    dash perhaps after a state and a wire credit ("AMHERST, N.Y. —", "DENVER (AP) —")."""
    if tok.left_edge.i != sentence(tok).start:
        return False
    doc = tok.doc
    end = min(len(doc), tok.i + 8)
    dash = next((t for t in doc[tok.i + 1 : end] if is_dash(t.text) and t.text != "-"), None)
    if dash is None:
        return False
    between = doc[tok.i + 1 : dash.i]
    if any(not (t.is_punct or t.pos_ == "PROPN" or t.ent_type_ in ("GPE", "ORG")) for t in between):
        return False
    return tok.text.isupper() or tok.ent_type_ in ("GPE", "LOC")


def _inverted_subject(verb: Token, avoid: list[Span]) -> Token | None:
    """``"…," said ministry spokesman Anna Berg``: the parser may not call it nsubj."""
    if verb.lemma_.lower() not in (
        "say",
        "add",
        "write",
        "ask",
        "explain",
        "note",
    ):  # not tell: its object listens
        return None
    head = verb.head
    if verb.dep_ == "compound" and head.pos_ == "PROPN" and 0 < head.i - verb.i <= 3:
        return head  # "Said Ellis: “…”": the parser read the verb as part of the name
    for child in verb.rights:
        nominal = child.dep_ in ("dobj", "attr", "npadvmod", "appos", "oprd") and child.pos_ in (
            "PROPN",
            "NOUN",
        )
        if nominal and not inside(child, avoid) and child.i - verb.i <= 6:
            return child
    return None


RELATIVE = frozenset(["who", "which", "that", "whom"])


def subject_of(verb: Token, avoid: list[Span]) -> Token | None:
    """The speaker head of a cue verb: its subject, inherited up a short chain, else inverted.

    A relative pronoun subject (``Berg, who said …``) stands for the noun it modifies.
    """
    author = _document_author(verb, avoid) or _heard_saying(verb, avoid) or _inverted_after_comma(verb, avoid)
    if author is not None:
        return author
    node = verb
    for _ in range(3 if _participial(verb) is None else 6):
        found = _direct_subject(node, avoid, agent=node is verb)
        if found is not None and found.lower_ in RELATIVE and node.dep_ == "relcl":
            return _maker_of(node.head, avoid) or _antecedent(node.head, found.lower_)
        if found is not None and not (_occasion(found) and node.dep_ == "advcl"):
            return _speaking_owner(found) or _unclosed_relative(found, node) or found
        if not (node.dep_ in INHERIT_DEPS or _gerund_preposition(node) or _then_clause(node)):
            break
        if node.head is node:
            break
        controller = _object_controller(node, avoid)
        if controller is not None:
            return controller
        node = _participial(node) or node.head
        if _gerund_preposition(node) and node.head is not node and node.head.pos_ in ("VERB", "AUX"):
            node = node.head  # "after telling …": the preposition has no subject of its own
    before = verb.doc[verb.i - 1] if verb.i > 0 else None  # "X, who chairs Y said": no subject parsed
    left_open = _unclosed_relative(before, verb) if before is not None and not before.is_punct else None
    return _inverted_subject(verb, avoid) or _mistagged_subject(verb, avoid) or left_open


def _occasion(noun: Token) -> bool:
    """``as the committee meeting began vowing …``: an event is no speaker (its side clause's
    subject is looked for instead)."""
    return noun.pos_ == "NOUN" and noun.lemma_.lower() in EVENT_NOUNS


def _then_clause(verb: Token) -> bool:
    """``X gestured …, then leaned in and boomed: “…”``: a verb after a comma that the parser
    left unlabelled ("dep") under an earlier verb goes on with that verb's subject."""
    comma = any(t.text == "," for t in verb.doc[verb.head.i + 1 : verb.left_edge.i])
    return (
        verb.dep_ == "dep"
        and verb.pos_ == "VERB"
        and verb.head.pos_ == "VERB"
        and verb.head.i < verb.i
        and comma
        and any(c.lower_ == "then" for c in verb.children)
    )


def _unclosed_relative(subject: Token, verb: Token) -> Token | None:
    """``Ana Ruiz, who is chairman of the Values PAC said …``: a relative clause the writer did
    not close with a comma ends in the subject the parser gives the verb; the person it
    describes speaks."""
    doc = verb.doc
    if any(t.text == "," for t in doc[subject.i : verb.i]):
        return None
    for tok in reversed(doc[sentence(verb).start : subject.left_edge.i]):
        if tok.text == ",":
            return None
        if tok.lower_ == "who" and tok.dep_ == "nsubj" and tok.head.dep_ == "relcl":
            person = tok.head.head
            introduced = tok.i > 0 and doc[tok.i - 1].text == "," and person.i < tok.i
            return person if introduced and person.pos_ == "PROPN" else None
    return None


# Verbs whose object, not subject, does what their infinitive says ("forced him to admit",
# "led her to declare"); "promise" and "vow" keep the subject as the doer.
_SUBJECT_CONTROL = frozenset(["promise", "vow", "pledge", "threaten", "offer"])


def _object_controller(node: Token, avoid: list[Span]) -> Token | None:
    """``X forced Y, who …, to admit that …``: the object of the verb an infinitive hangs on
    is who speaks (object control), not that verb's subject."""
    head = node.head
    if node.dep_ == "pcomp" and node.tag_ == "VBG" and head.lower_ == "for" and head.dep_ == "prep":
        # "X slammed Y as elitist for suggesting that …": who is blamed or thanked for it did it
        obj = next((c for c in head.head.children if c.dep_ == "dobj" and c.i < head.i), None)
        return obj if obj is not None and not inside(obj, avoid) and may_speak(obj) else None
    if node.dep_ != "xcomp" or head.lemma_.lower() in _SUBJECT_CONTROL:
        return None
    if not any(c.dep_ == "aux" and c.lower_ == "to" for c in node.children):
        return None
    obj = next((c for c in head.children if c.dep_ == "dobj" and c.i < node.i), None)
    if obj is None or inside(obj, avoid) or not may_speak(obj):
        return None
    return obj


def _maker_of(noun: Token, avoid: list[Span]) -> Token | None:
    """``X made a comment that described …``, ``a statement that said …``: a relative clause on
    something said or written speaks for whoever made it (the owner or the maker's subject)."""
    if noun.lemma_.lower() not in DOCUMENT_NOUNS and noun.lemma_.lower() not in _SAID_NOUNS:
        return None
    return _owner_or_maker(noun, avoid, subject_of)


# Nouns for something said (beside the written texts of DOCUMENT_NOUNS).
_SAID_NOUNS = frozenset(["comment", "remark", "speech", "claim", "assertion", "answer", "reply", "response"])


def _heard_saying(verb: Token, avoid: list[Span]) -> Token | None:
    """``footage of Dan Bell saying, “…”``, ``a video shows him saying …``: a participle right
    after a person (no comma between) tells what that person said, whatever the parser hung
    it on."""
    if verb.tag_ != "VBG" or verb.i == 0 or verb.dep_ not in ("advcl", "acl", "xcomp", "ccomp", "dep"):
        return None
    prev = verb.doc[verb.i - 1]
    person = prev.ent_type_ == "PERSON" or prev.lower_ in ("him", "her", "them")
    # "video of X saying", "shows him saying"; not "a letter to X criticizing …" (the letter's words)
    seen = prev.dep_ == "dobj" or (prev.dep_ == "pobj" and prev.head.lower_ == "of")
    if not person or not seen or inside(prev, avoid):
        return None
    return prev


# Speech verbs that invert after a quote ("…,” argued the council); not those whose object
# listens ("told", "urged", "warned the council").
_INVERTING = frozenset(
    [
        "say",
        "add",
        "write",
        "ask",
        "explain",
        "note",
        "argue",
        "insist",
        "declare",
        "reply",
        "respond",
        "recall",
        "observe",
        "remark",
        "acknowledge",
        "admit",
        "claim",
        "conclude",
        "concede",
        "counter",
        "contend",
        "maintain",
        "state",
        "suggest",
        "quip",
        "joke",
        "agree",
        "complain",
        "predict",
        "retort",
    ]
)


def _inverted_after_comma(verb: Token, avoid: list[Span]) -> Token | None:
    """``The result will be “erroneous findings,” argued the council``: a speech verb with no
    subject of its own right after a comma, followed by a name or a noun for someone, is
    inverted; the parser may have made it a conjunct of the clause before (whose subject
    would otherwise be inherited)."""
    if verb.i == 0 or verb.lemma_.lower() not in _INVERTING or verb.dep_ not in ("conj", "ccomp", "advcl"):
        return None
    if verb.doc[verb.i - 1].text not in (",", "”", "'", '"', "’") or _direct_subject(verb, avoid) is not None:
        return None
    for child in verb.rights:
        if child.dep_ in ("dobj", "attr", "npadvmod", "appos", "oprd", "nsubj") and child.i - verb.i <= 6:
            named = child.ent_type_ in ("PERSON", "ORG", "NORP") or person_noun(child)
            return child if named and not inside(child, avoid) else None
    return None


def _document_author(verb: Token, avoid: list[Span]) -> Token | None:
    """``Cisco issued a report saying …``, ``her letter saying …``: a participle on a written
    text speaks for the text's owner, or for the subject of the verb that issued it."""
    noun = verb.head
    if verb.tag_ != "VBG" or verb.dep_ != "acl" or noun.lemma_.lower() not in DOCUMENT_NOUNS:
        return None
    return _owner_or_maker(noun, avoid, _direct_subject)


def _owner_or_maker(
    noun: Token, avoid: list[Span], subject: Callable[[Token, list[Span]], Token | None]
) -> Token | None:
    """Whose a said or written thing is: its possessive owner ("her letter"), else the
    ``subject`` of the verb that made it when it is that verb's object ("Cisco issued a report")."""
    owner = next((c for c in noun.children if c.dep_ == "poss"), None)
    if owner is not None:
        return owner
    if noun.dep_ != "dobj" or noun.head.pos_ != "VERB":
        return None
    return subject(noun.head, avoid)


def _gerund_preposition(node: Token) -> bool:
    """``took the last step of announcing that …``, ``responded by saying …``: the preposition
    holding a gerund cue passes it the subject of the verb it hangs on."""
    return node.dep_ == "prep" and any(c.dep_ == "pcomp" and c.tag_ == "VBG" for c in node.children)


PLACES = ("GPE", "LOC", "FAC")
# Endings of nouns for people who do something (supporter, investor, economist, resident).
_AGENT_ENDINGS = ("er", "ers", "or", "ors", "ist", "ists", "ian", "ians", "ee", "ees", "ant", "ants")
_OWNERS = frozenset(["his", "her", "their", "its"])


def agent_noun(tok: Token) -> bool:
    """A noun for someone who does something, by its ending (comedian, supporter, resident)."""
    lemma = tok.lemma_.lower()
    return tok.lower_.endswith(_AGENT_ENDINGS) or (lemma.endswith("ent") and not lemma.endswith("ment"))


def person_noun(tok: Token) -> bool:
    """A noun for a person: an agent noun, a title, a kin or role word."""
    return agent_noun(tok) or bool(
        {tok.lemma_.lower(), tok.lower_} & (TITLE_WORDS | ANONYMOUS_NOUNS | ORG_NOUNS | PEOPLE_NOUNS)
    )


def may_speak(tok: Token) -> bool:
    """A head that can be a speaker: a name, a personal pronoun, a named entity that speaks,
    or a noun for people or bodies ("the sheriff", "a police source", "the ministry")."""
    return (
        tok.pos_ == "PROPN"
        or tok.lower_ in ("i", "we", "he", "she", "they", "you")
        or tok.ent_type_ in ("PERSON", "ORG", "NORP", "GPE")
        or person_noun(tok)
    )


def _speaking_owner(tok: Token) -> Token | None:
    """``his best response was …``, ``Her promises said``, ``the party's complaint argued``:
    a thing someone said or made is no speaker; its owner is (None for people: "his father")."""
    if tok.pos_ != "NOUN" or tok.ent_type_ or person_noun(tok):
        return None
    owner = next((c for c in tok.children if c.dep_ == "poss"), None)
    if owner is None or not (owner.lower_ in _OWNERS or owner.ent_type_ in ("PERSON", "ORG", "NORP")):
        return None
    return owner


def _antecedent(noun: Token, relative: str = "which") -> Token:
    """What a relative "who"/"which" stands for: the parser may hang it on a place inside the
    noun phrase ("farmers in the valley, who argued"), or "who" on a body there ("X, a
    co-chairman of the Farm Caucus, who sent"); the phrase's head speaks, and a description
    in apposition to a person stands for that person."""
    prep = noun.head
    inner = noun.ent_type_ in PLACES or (relative == "who" and noun.ent_type_ in ("ORG", "NORP"))
    if noun.dep_ == "pobj" and inner and prep.head.pos_ in ("NOUN", "PROPN"):
        noun = prep.head
    if relative == "who" and noun.dep_ == "appos" and noun.pos_ == "NOUN" and noun.head.ent_type_ == "PERSON":
        return noun.head
    return noun


def _participial(verb: Token) -> Token | None:
    """``X did Y to a man who said Z, saying "…"``: a participle after a comma that the parser
    hung on a relative clause tells of the main clause's subject; the verb the relative
    clause's noun belongs to, to climb from (None when the participle is no such case)."""
    head = verb.head
    comma = verb.i > 0 and verb.doc[verb.i - 1].text == ","
    if verb.tag_ != "VBG" or verb.dep_ != "advcl" or not comma:
        return None
    if head.dep_ == "advcl" and any(c.dep_ == "mark" for c in head.children):
        # "X said … after Y won the primary, remarking that …": a report that goes on from a
        # main clause that reports is the main clause's ("X went ahead after Y dropped it,
        # saying …" is Y's)
        return head.head if is_cue(head.head) else None
    if head.dep_ not in ("relcl", "acl"):
        return None
    owner = head.head.head  # relative clause -> its noun -> the verb or preposition holding it
    while owner.pos_ == "ADP" and owner.head.i != owner.i:
        owner = owner.head
    return owner if owner.pos_ in ("VERB", "AUX") else None


def via_relative(verb: Token) -> bool:
    """True when :func:`subject_of` reaches the speaker through a relative pronoun
    (``Norway, which called it …``): the parser chose what "which" stands for."""
    node = verb
    if _participial(verb) is not None:
        return False
    for _ in range(3):
        found = _direct_subject(node, [])
        if found is not None:
            return found.lower_ in RELATIVE and node.dep_ == "relcl"
        if node.dep_ not in INHERIT_DEPS or node.head is node or _object_controller(node, []) is not None:
            return False
        node = node.head
    return False


def _mistagged_subject(verb: Token, avoid: list[Span]) -> Token | None:
    """A capitalised word right before the verb that the tagger misread (``Reilly/ADV told``)."""
    for child in verb.lefts:
        name_like = child.shape_.startswith("Xx") and not child.is_stop and child.pos_ in ("ADV", "PROPN")
        if (
            name_like
            and child.i == verb.i - 1
            and child.dep_ in ("advmod", "npadvmod")
            and not inside(child, avoid)
        ):
            return child
    return None


def sentence(tok: Token) -> SpacySpan:
    """``tok.sent`` without spaCy's whole-document scan on every call."""
    doc = tok.doc
    sents = doc.user_data.get("newsprism_sents")
    if sents is None:
        sents = list(doc.sents)
        doc.user_data["newsprism_sents"] = sents
        doc.user_data["newsprism_sent_starts"] = [s.start for s in sents]
    starts = doc.user_data["newsprism_sent_starts"]
    return sents[bisect.bisect_right(starts, tok.i) - 1]


def expand(doc: Doc, span: Span) -> list[Token]:
    """The tokens overlapping a character span (like ``char_span(..., "expand")``)."""
    starts = _starts(doc)
    first = max(0, bisect.bisect_right(starts, span.start) - 1)
    if first < len(doc) and doc[first].idx + len(doc[first].text) <= span.start:
        first += 1
    return list(doc[first : bisect.bisect_left(starts, span.end)])


def subjectless_past(verb: Token) -> bool:
    """A past form with no subject of its own that no coordination lends one: a participle the
    tagger took for a past tense ("when asked what …", "with enough pledged delegates")."""
    return (
        verb.tag_ == "VBD"
        and verb.dep_ not in ("conj", "ROOT")
        and not any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in verb.children)
    )
