"""A document as speaker ("the statement said", "according to the memo") stands for its author.

Where the text says who wrote it, in this order:
  1. in the document's own phrase: ``Facebook's statement``, ``a statement from the
     ministry``, ``a statement e-mailed to reporters by Ana Ruiz``;
  2. before it, within the pronoun window: the author of the latest mention of the same kind
     of document (``The union issued a statement on Friday. … the statement said``; ``X said
     in a statement``; ``A web video by X … The clip says``), outside quotes.
A narrator or voice in an ad speaks for the ad's author.
Nothing found: the document stays the speaker, as written.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from newsprism.model import Span
from newsprism.quotes.cues import ORG_NOUNS
from newsprism.quotes.syntax import inside, subject_of, tokens_between

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

__all__ = ["DOCUMENT_NOUNS", "author_of", "source_in_phrase"]

# Kinds of document, by the nouns a story uses for one document ("a new ad" … "the spot").
DOCUMENT_KINDS = {
    **dict.fromkeys(["statement", "memo", "post", "letter", "release", "tweet", "email", "e-mail"], "text"),
    **dict.fromkeys(["message", "note"], "text"),
    **dict.fromkeys(["ad", "advert", "advertisement", "commercial", "spot", "clip", "video"], "ad"),
    **dict.fromkeys(["study", "analysis", "report", "survey"], "study"),
    **dict.fromkeys(["editorial", "column", "op-ed"], "press"),
}
# A paper's own pieces: "an editorial in the Daily Courier" is the paper's.
PRESS_PIECES = frozenset(k for k, v in DOCUMENT_KINDS.items() if v == "press")
DOCUMENT_NOUNS = frozenset(DOCUMENT_KINDS)
# Voices of a document: "a narrator in the new ad", "the ad's narrator" speak for its author.
VOICE_NOUNS = frozenset(["narrator", "announcer", "voice", "voiceover", "voice-over"])
ISSUE_VERBS = frozenset(
    "issue release publish post send write tweet email e-mail put launch air unveil run produce "  # noqa: SIM905
    "conduct commission".split()
)
AUTHOR_LABELS = ("PERSON", "ORG", "GPE", "NORP")


def _named(tok: Token) -> bool:
    """A name, or a body written as one ("the union")."""
    return tok.ent_type_ in AUTHOR_LABELS or tok.pos_ == "PROPN" or tok.lemma_.lower() in ORG_NOUNS


def _in_phrase(doc_tok: Token) -> Token | None:
    """``X's statement``, ``the X ad``, ``statement from/by X``, ``statement e-mailed … by X``."""
    for child in doc_tok.children:
        if child.dep_ == "poss" and _named(child):
            return child
    for child in doc_tok.lefts:  # "a new Carla Brenner ad", "an RNC video"
        if child.dep_ == "compound" and (child.ent_type_ in AUTHOR_LABELS or child.pos_ == "PROPN"):
            return child
    press = doc_tok.lemma_.lower() in PRESS_PIECES
    for tok in doc_tok.subtree:
        if tok.dep_ == "pobj" and tok.head.lower_ in ("from", "by") and _named(tok):
            return tok
        if press and tok.dep_ == "pobj" and tok.head.lower_ == "in" and tok.head.head.i == doc_tok.i:
            return tok  # "an editorial in the conservative daily X": the paper, its head noun
    return None


def _issuer(doc_tok: Token, marks: list[Span]) -> Token | None:
    """Who a document mention says issued it: its own phrase, the subject of a verb of issuing
    (``The union issued a statement``), or of a verb it qualifies (``X said in a statement``,
    ``X is out with a new ad``)."""
    found = _in_phrase(doc_tok)
    if found is not None:
        return found
    verb = None
    if doc_tok.dep_ == "dobj" and doc_tok.head.lemma_.lower() in ISSUE_VERBS:
        verb = doc_tok.head
    elif (
        doc_tok.dep_ == "pobj"
        and doc_tok.head.lower_ in ("in", "with")
        and doc_tok.head.head.pos_ in ("VERB", "AUX")
    ):
        verb = doc_tok.head.head
    author = subject_of(verb, marks) if verb is not None else None
    return author if author is not None and _named(author) else None


def _issued_before(doc: Doc, doc_tok: Token, marks: list[Span], window: int) -> Token | None:
    """The author of the latest earlier mention of a document of the same kind ("A web video by
    X … The ad says"), outside quotes."""
    kind = DOCUMENT_KINDS.get(doc_tok.lemma_.lower(), "ad")  # a voice speaks in an ad
    # an ad or a study is one document the article discusses throughout: its maker is named
    # once, near the start; statements come from many people, the latest within the window
    start = max(0, doc_tok.idx - window) if kind == "text" else 0
    for tok in reversed(tokens_between(doc, start, doc_tok.idx)):
        if tok.pos_ == "NOUN" and DOCUMENT_KINDS.get(tok.lemma_.lower()) == kind and not inside(tok, marks):
            author = _issuer(tok, marks)
            if author is not None:
                return author
    return None


def _voiced(doc_tok: Token) -> Token | None:
    """The document a voice speaks in: ``the ad's narrator``, ``a narrator in the ad``."""
    for child in doc_tok.children:
        if child.dep_ == "poss" and child.lemma_.lower() in DOCUMENT_NOUNS:
            return child
        if child.dep_ == "prep" and child.lower_ in ("in", "of", "for"):
            inner = next((t for t in child.children if t.dep_ == "pobj"), None)
            if inner is not None and inner.lemma_.lower() in DOCUMENT_NOUNS:
                return inner
    return None


def author_of(doc: Doc, doc_tok: Token, marks: list[Span], window: int) -> Token | None:
    """The named author of the document ``doc_tok`` stands for (or of the document a narrator
    speaks in), or None."""
    lemma = doc_tok.lemma_.lower()
    if lemma in VOICE_NOUNS:
        inner = _voiced(doc_tok)
        if inner is not None:
            return _in_phrase(inner) or _issued_before(doc, inner, marks, window)
        return _issued_before(doc, doc_tok, marks, window)
    if lemma not in DOCUMENT_NOUNS:
        return None
    return _in_phrase(doc_tok) or _issued_before(doc, doc_tok, marks, window)


def source_in_phrase(tok: Token) -> Token | None:
    """``according to a speech Mrs. Ruiz delivered``, ``information received from Telco``: the
    person or body a thing said names in its own phrase as its source, if any."""
    for child in tok.children:  # not a compound: "an NBC poll" is the poll's, as written
        if child.dep_ == "poss" and _named(child):
            return child
    if tok.lemma_.lower() in DOCUMENT_NOUNS:
        return None  # a document's author is found by :func:`author_of`
    # "from X" on the noun or on its participle ("received from X"), not inside a relative clause
    holders = [tok, *(c for c in tok.children if c.dep_ == "acl")]
    for prep in (c for h in holders for c in h.children if c.dep_ in ("prep", "agent")):
        inner = next((c for c in prep.children if c.dep_ == "pobj"), None)
        if prep.lower_ in ("from", "by") and inner is not None and _named(inner):
            return inner
    for child in tok.children:
        if child.dep_ == "relcl":
            subject = next((c for c in child.children if c.dep_ == "nsubj" and _named(c)), None)
            if subject is not None:
                return subject
    return None
