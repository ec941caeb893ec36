"""A minimal direct-quote finder, used only when the quote stage has not run.

The real extraction and attribution cascade lives in the quotes stage; this keeps the
brief useful without it: text in double quote marks (curly, straight or guillemets),
the speaker taken from a reporting verb in the same sentence, else the previous quote's.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from newsprism.compare.text import split_sentences, words
from newsprism.model import Article, Quote, Span, Speaker, content_id

__all__ = ["fallback_quotes"]

_MARKS = re.compile(r"“([^”]{3,}?)(?:”|(?=\n))|\"([^\"\n]{3,}?)\"|«([^»]{3,}?)»")
_CUE = re.compile(
    r"\b(said|says|told|added|stated|claimed|asserted|insisted|warned|wrote|according to)\b", re.IGNORECASE
)
_NAME = re.compile(r"(?:[A-Z][\w’'-]+\s+){0,3}[A-Z][\w’'-]+")
_NOT_NAMES = {"Thursday", "Wednesday", "Tuesday", "Monday", "Friday", "Saturday", "Sunday", "On", "In",
              "The", "He", "She", "They", "We", "But", "And", "According"}
_TITLES = {"President", "Prime", "Minister", "Secretary", "Spokesman", "Spokesperson", "Chief", "Officer",
           "Mr", "Mrs", "Ms", "Dr", "Senator", "General", "State", "Foreign", "Defense", "U.S.", "Kremlin",
           "White", "House", "Fire", "Harbour", "Master", "Ukrainian", "Russian", "Ukraine’s", "Russia’s"}


def fallback_quotes(articles: Sequence[Article]) -> list[Quote]:
    out: list[Quote] = []
    for article in articles:
        out.extend(_article_quotes(article))
    return out


def _article_quotes(article: Article) -> list[Quote]:
    text = article.text
    sentences = split_sentences(text)
    quotes, last, known = [], None, {}
    for m in _MARKS.finditer(text):
        group = next(i for i in (1, 2, 3) if m.group(i) is not None)
        start, end = m.start(group), m.end(group)
        body = text[start:end].strip()
        context = _context(text, sentences, m.start(), m.end())
        name = _speaker_name(context)
        if name:
            name = _full_name(name, known)
            last = name
        elif re.search(r"\b(he|she)\s+(said|added|told|stated)\b|\b(said|added)\s+(he|she)\b", context, re.I):
            name = last
        kind = "direct" if len(words(body)) >= 4 else "fragment"
        speaker = Speaker(name=name, canonical=name) if name else None
        quotes.append(Quote(id=content_id(article.id, str(start), body, prefix="q_"), article_id=article.id,
                            text=body, span=Span(start, end), kind=kind, speaker=speaker, method="fallback"))
    return quotes


def _context(text: str, sentences: list[tuple[int, int]], start: int, end: int) -> str:
    """The sentence(s) around a quote with the quoted words blanked out."""
    around = [(s, e) for s, e in sentences if s < end + 2 and e > start - 2]
    if not around:
        return ""
    lo, hi = around[0][0], around[-1][1]
    return text[lo:start] + " … " + text[end:hi]


_AFTER = re.compile(r"\s*(?:(?!on\b|in\b|to\b|at\b|that\b|during\b)[a-z-]+\s+){0,4}((?:[A-Z][\w’'.-]+\s+){0,3}"
                    r"[A-Z][\w’'-]+)")
_BEFORE = re.compile(r"((?:[A-Z][\w’'.-]+\s+){0,3}[A-Z][\w’'-]+)\s*,?\s*(?:has\s+|had\s+)?$")


def _speaker_name(context: str) -> str | None:
    """The name right after the cue ("said Kremlin spokesman Dmitry Peskov") or right before it."""
    cue = _CUE.search(context)
    if cue is None:
        return None
    before, after = context[: cue.start()], context[cue.end() :]
    if re.search(r"\b(he|she|they)\s*$", before, re.IGNORECASE):
        return None
    for pattern, chunk in ((_BEFORE, before[-80:]), (_AFTER, after[:80])):
        m = pattern.search(chunk) if pattern is _BEFORE else pattern.match(chunk)
        name = _clean(m.group(1)) if m else None
        if name:
            return name
    return None


def _clean(name: str) -> str | None:
    parts = [p for p in name.replace("’s", "").split() if p not in _NOT_NAMES]
    while len(parts) > 1 and parts[0] in _TITLES:
        parts = parts[1:]
    return " ".join(parts) if parts and parts[-1] not in _TITLES else None


def _full_name(name: str, known: dict[str, str]) -> str:
    surname = name.split()[-1]
    if len(name.split()) > 1:
        known.setdefault(surname, name)
    return known.get(surname, name)
