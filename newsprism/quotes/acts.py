"""Speech acts with no reported clause: ``X called for an inquiry``, ``Y vowed to appeal``,
``Z urged voters to stay home``, ``W described the scene as chaos``.

The golds count such acts as indirect quotes of their speaker (``bench/brief_gold/README.md``:
"every indirect quote (reported speech with a reporting verb)"; PolNeAR annotates them as
attributions). A verb is taken only in the frames of :data:`~newsprism.quotes.cues.ACT_FRAMES`
(the complement that makes it speech: "called for", not "called the police"), with a subject
that can speak (a person, a body, a pronoun) and a complement of some words. Verbs that report
a clause are ``detect.find_indirect``'s; quoted words under an act are ``find_speech_acts``'.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from newsprism.model import Span
from newsprism.quotes.cues import ACT_FRAMES, CLAIM_NOUNS, DOCUMENT_NOUNS, SPEECH_NOUNS
from newsprism.quotes.detect import headline_line
from newsprism.quotes.found import Found
from newsprism.quotes.syntax import inside, may_speak, subject_of, subjectless_past, token_span

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

__all__ = ["ACT_METHOD", "act_frame", "find_acts", "find_made_clear", "is_act"]

# How an act's speaker is found (its subject), marked as an act: the words of an act are the
# outlet's own paraphrase ("portrayed himself as a shrewd manipulator"), which framing reads as
# its own voice, unlike a reported clause.
ACT_METHOD = "syntactic-subject+act"


def is_act(method: str | None) -> bool:
    """A quote's ``method`` says it is a speech act read by :func:`find_acts`."""
    return method is not None and "act" in method.split("+")


# Children of an act verb that are not what it reports: who acted, joined clauses, asides, and
# when or how it happened ("on Tuesday", "repeatedly").
_NOT_CONTENT = frozenset(
    ["nsubj", "nsubjpass", "conj", "cc", "punct", "advcl", "parataxis", "mark", "aux", "auxpass", "neg"]
    + ["advmod", "npadvmod", "prt", "expl", "dep", "appos"]
)

# A verb with one of these children tells of no act that happened: a passive (its subject is
# what was described) or a negation ("did not call for"); a modal ("would call for") too.
_NO_ACT = frozenset(["nsubjpass", "neg"])


def _infinitive(tok: Token) -> bool:
    """``to appeal``: a verb with "to" as its marker (xcomp, or ccomp after an object)."""
    return tok.dep_ in ("xcomp", "ccomp") and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)


def _prep(verb: Token, words: tuple[str, ...]) -> Token | None:
    """The verb's preposition among ``words`` with an object (on the verb or on its object)."""
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    heads = [verb] if obj is None else [verb, obj]
    for head in heads:
        for c in head.children:
            if (
                c.dep_ == "prep"
                and c.lower_ in words
                and any(g.dep_ in ("pobj", "pcomp") for g in c.children)
            ):
                return c
    return None


# Question words: "what he called a hoax" names a thing, it reports no act on it.
_WH = frozenset(["WP", "WDT"])


def _predicate(kids: list[Token]) -> bool:
    """``called the charges baseless``: an object's predicate (not an infinitive of purpose:
    "called his mother to tell her")."""
    return any(c.dep_ in ("oprd", "ccomp", "xcomp") and not _infinitive(c) for c in kids)


def _claim_object(obj: Token) -> bool:
    """``rejected the allegation``, ``disputed his remarks``: an object that is something said."""
    return obj.lemma_.lower() in CLAIM_NOUNS or obj.lemma_.lower() in SPEECH_NOUNS


def act_frame(verb: Token) -> str | None:
    """The frame in which ``verb`` reports speech, or None when it does not here.

    Frames: ``to`` (vowed to V), ``obj-to`` (urged X to V), ``for``/``on``/``against``/``at``
    (a preposition carries what was said), ``as`` (described X as Y), ``link`` (linked X to
    Y), ``obj`` (any object), ``claim`` (an object that is something said), ``pred`` (called
    X Y: an object and its predicate)."""
    frames = ACT_FRAMES.get(verb.lemma_.lower())
    if not frames or verb.pos_ != "VERB" or any(c.dep_ in _NO_ACT or c.tag_ == "MD" for c in verb.children):
        return None
    # "who's called for": a "'s" read as a passive's "is" is "has" when the verb has a subject
    passive = any(c.dep_ == "auxpass" for c in verb.children) and not any(
        c.dep_ == "nsubj" for c in verb.children
    )
    to = any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)  # "working to stress": an aim
    condition = any(c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in verb.children)
    described = verb.dep_ == "amod" or subjectless_past(verb)
    if passive or to or condition or described or any(c.dep_ == "prt" for c in verb.children):
        # "forced X to acknowledge", "if X had asked": not (yet) done; "pledged delegates": a
        # description; "called out", "called off": other verbs
        return None
    kids = list(verb.children)
    obj = next((c for c in kids if c.dep_ == "dobj"), None)
    infinitive = any(_infinitive(c) for c in kids)
    for frame in frames:
        if frame == "to" and infinitive and obj is None:
            return frame
        if frame == "obj-to" and infinitive and (obj is not None or any(c.dep_ == "ccomp" for c in kids)):
            return frame
        if frame in ("for", "on", "against", "at", "as", "of") and _prep(verb, (frame,)) is not None:
            return frame
        if frame == "link" and obj is not None and _prep(verb, ("to",)) is not None:
            return frame
        if frame == "pred" and obj is not None and not any(c.tag_ in _WH for c in kids) and _predicate(kids):
            return frame
        if frame == "obj" and obj is not None and obj.pos_ != "PRON":
            return frame
        if frame == "claim" and obj is not None and _claim_object(obj):
            return frame
    return None


def _content(verb: Token) -> list[Token]:
    """What the act reports: the verb's complements after it, without a later act joined by
    "and" or an aside."""
    kept = [c for c in verb.children if c.i > verb.i and c.dep_ not in _NOT_CONTENT]
    toks = sorted((t for c in kept for t in c.subtree), key=lambda t: t.i)
    while toks and (toks[-1].is_punct or toks[-1].is_space or toks[-1].dep_ == "cc"):
        toks.pop()
    return toks


def _worded(toks: list[Token]) -> bool:
    """Some words of content, not a lone pronoun ("denied it", "urged them to")."""
    words = [t for t in toks if not (t.is_punct or t.is_space or t.pos_ in ("PRON", "DET", "PART", "ADP"))]
    return len(words) >= 1 and len([t for t in toks if not (t.is_punct or t.is_space)]) >= 2


def _may_act(speaker: Token) -> bool:
    """A speaker, or a document that states ("the complaint alleged …", "the video cites …")."""
    return may_speak(speaker) or speaker.lemma_.lower() in DOCUMENT_NOUNS


def find_acts(doc: Doc, marks: list[Span], found: list[Found]) -> list[Found]:
    """Speech acts outside quote marks whose verb reports no clause already found."""
    cues = {f.cue.i for f in found if f.cue is not None}
    spans = [f.span for f in found]
    reports = [f.span for f in found if f.kind == "indirect"]
    out: list[Found] = []
    for verb in doc:
        if verb.i in cues or verb.lemma_.lower() not in ACT_FRAMES or inside(verb, marks):
            continue
        if act_frame(verb) is None or headline_line(doc.text, verb.idx):
            continue
        toks = _content(verb)
        if not _worded(toks):
            continue
        span = token_span(toks)
        # the words are already a quote (or a quote's part), but for an act inside another's
        # report ("Lee said Ann has long called for …"): Ann's act, which Lee reports
        within = [s for s in reports if s.contains(span) and s.start <= verb.idx]
        if any(s.overlaps(span) for s in spans if s not in within):
            continue
        speaker = subject_of(verb, marks)
        if speaker is None or speaker.lower_ in ("it", "there") or not _may_act(speaker):
            continue
        out.append(Found("indirect", span, verb, token_span([verb]), speaker, ACT_METHOD, act=True))
    return out


# "made it clear that …", "made plain that …": an adjective of stating after "make".
_STATED = frozenset(["clear", "plain", "known"])


def _that_clause(word: Token) -> Token | None:
    """The clause opened by "that" that hangs on ``word`` (or on its own clause)."""
    return next(
        (
            c
            for c in word.children
            if c.i > word.i and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)
        ),
        None,
    )


def find_made_clear(doc: Doc, marks: list[Span], found: list[Found]) -> list[Found]:
    """``Lee made it clear that …``: the parser hangs the clause on "clear", not on a speech
    verb; the clause is Lee's report."""
    spans = [f.span for f in found]
    out: list[Found] = []
    for verb in doc:
        if verb.lemma_.lower() != "make" or verb.pos_ != "VERB" or inside(verb, marks):
            continue
        word = next((c for c in verb.children if c.lower_ in _STATED and c.i > verb.i), None)
        clause = None if word is None else (_that_clause(word) or _that_clause(verb))
        if clause is None:
            continue
        toks = [t for t in clause.subtree if not (t.dep_ == "mark" and t.head is clause)]
        while toks and (toks[-1].is_punct or toks[-1].is_space):
            toks.pop()
        span = token_span(toks) if toks else None
        if span is None or any(s.overlaps(span) for s in spans):
            continue
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subject is not None and not may_speak(subject):
            continue  # "his language makes clear that …": the writer's reading of a text
        speaker = subject_of(verb, marks)
        if speaker is None or not may_speak(speaker):
            continue
        out.append(Found("indirect", span, verb, token_span([verb]), speaker, "syntactic-subject"))
    return out
