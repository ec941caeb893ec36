"""A document as speaker ("the statement said", "according to the memo") stands for its author.

Where the text says who wrote it, in this order:
  1. in the document's own phrase: ``Facebook's statement``, ``a statement from the
     ministry``, ``a statement e-mailed to reporters by Ana Ruiz``;
  2. before it, within the pronoun window: the subject of a verb of issuing whose object is
     the same kind of document (``The union issued a statement on Friday. … the statement
     said``), outside quotes.
Nothing found: the document stays the speaker, as written.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from newsprism.model import Span
from newsprism.quotes.cues import ORG_NOUNS
from newsprism.quotes.syntax import inside, subject_of, tokens_between

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

__all__ = ["DOCUMENT_NOUNS", "author_of"]

DOCUMENT_NOUNS = frozenset(
    ["statement", "memo", "post", "letter", "release", "tweet", "email", "e-mail", "message", "note"]
)
ISSUE_VERBS = frozenset(
    ["issue", "release", "publish", "post", "send", "write", "tweet", "email", "e-mail", "put"]
)
AUTHOR_LABELS = ("PERSON", "ORG", "GPE", "NORP")


def _named(tok: Token) -> bool:
    """A name, or a body written as one ("the union")."""
    return tok.ent_type_ in AUTHOR_LABELS or tok.pos_ == "PROPN" or tok.lemma_.lower() in ORG_NOUNS


def _in_phrase(doc_tok: Token) -> Token | None:
    """``X's statement``, ``statement from/by X``, ``statement e-mailed … by X``."""
    for child in doc_tok.children:
        if child.dep_ == "poss" and _named(child):
            return child
    for tok in doc_tok.subtree:
        if tok.dep_ == "pobj" and tok.head.lower_ in ("from", "by") and _named(tok):
            return tok
    return None


def _issued_before(doc: Doc, doc_tok: Token, marks: list[Span], window: int) -> Token | None:
    """The latest ``X issued a statement`` before the document is cited."""
    lemma = doc_tok.lemma_.lower()
    start = max(0, doc_tok.idx - window)
    for tok in reversed(tokens_between(doc, start, doc_tok.idx)):
        if tok.dep_ == "dobj" and tok.lemma_.lower() == lemma and tok.head.lemma_.lower() in ISSUE_VERBS:
            author = subject_of(tok.head, marks)
            if author is not None and _named(author) and not inside(tok, marks):
                return author
    return None


def author_of(doc: Doc, doc_tok: Token, marks: list[Span], window: int) -> Token | None:
    """The named author of the document ``doc_tok`` stands for, or None."""
    if doc_tok.lemma_.lower() not in DOCUMENT_NOUNS:
        return None
    return _in_phrase(doc_tok) or _issued_before(doc, doc_tok, marks, window)
