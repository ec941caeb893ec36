"""Embedded posts: a tweet that a page embeds reads, once its markup is gone, as the post's
words followed by the signature Twitter's embed code prints, ``— Name (@handle) Month D, YYYY``.
The words are a direct quote of the signed name, with no quote marks and no speech verb."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from newsprism.model import Span
from newsprism.quotes.found import Found
from newsprism.quotes.marks import DASH_CHARS
from newsprism.quotes.syntax import text_of, tokens_between

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["find_tweets"]

_SIGNATURE = re.compile(
    rf"[{DASH_CHARS}—–-]\s*(?P<name>[^\s@(—–][^@()\n]{{0,60}}?)\s*\(@\w{{1,30}}\)\s*"
    r"[A-Z][a-z]+\.? \d{1,2}, \d{4}"
)
# What the embed prints after the words: picture and short links, never part of the post.
_TRAILER = re.compile(r"(\s*(pic\.twitter\.com/\S+|https?://\S+))+\s*$")
_MARKUP = re.compile(r"^\s*(<[^<>\n]{0,300}>\s*)+")


def find_tweets(doc: Doc, paras: list[Span]) -> list[Found]:
    """Each signed embedded post as a direct quote of its signer (method ``tweet``)."""
    text = text_of(doc)
    found: list[Found] = []
    for para in paras:
        start = para.start
        for m in _SIGNATURE.finditer(text, para.start, para.end):
            span = _words(text, start, m.start())
            head = _name_head(doc, m.start("name"), m.end("name"))
            start = m.end()
            if span is None or head is None:
                continue
            found.append(Found("direct", span, None, Span(m.start(), m.end()), head, "tweet"))
    return found


def _words(text: str, start: int, end: int) -> Span | None:
    """The post's words between ``start`` and its signature: leading markup and trailing links
    dropped; None when fewer than three words are left."""
    head = _MARKUP.match(text, start, end)
    start = head.end() if head else start
    body = _TRAILER.sub("", text[start:end])
    end = start + len(body.rstrip())
    while start < end and text[start].isspace():
        start += 1
    return Span(start, end) if len(text[start:end].split()) >= 3 else None


def _name_head(doc: Doc, start: int, end: int):
    """The last word of the signed name (a name's head), or None when it is no word."""
    toks = [t for t in tokens_between(doc, start, end) if t.is_alpha]
    return toks[-1] if toks else None
