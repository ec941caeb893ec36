"""A minimal direct-quote finder from marks and reporting verbs, without a parse.

Used when the quote stage has not run (:func:`fallback_quotes`: text in double quote marks,
curly, straight or guillemets, the speaker taken from a reporting verb in the same sentence,
else the previous quote's), and by the quote stage as the last resort for a quote its parse
left without a speaker (:func:`speaker_near`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from newsprism.model import Article, Quote, Span, Speaker, content_id
from newsprism.text import split_sentences, words

__all__ = ["fallback_quotes", "profile_name", "speaker_near"]

# Curly and straight marks mix in copy-edited text ("...,” said X): either opens, either closes.
_MARKS = re.compile(r"[“\"]([^“”\"\n]{3,}?)(?:[”\"]|(?=\n))|«([^»]{3,}?)»")
_CUE = re.compile(
    r"\b(said|says|saying|told|telling|added|stated|claimed|asserted|insisted|warned|wrote|tweeted|"
    r"fumed|recalled|explained|noted|argued|testified|according to)\b",
    re.IGNORECASE,
)
_NAME = re.compile(r"(?:[A-Z][\w’'-]+\s+){0,3}[A-Z][\w’'-]+")
_NOT_NAMES = {
    "Thursday",
    "Wednesday",
    "Tuesday",
    "Monday",
    "Friday",
    "Saturday",
    "Sunday",
    "On",
    "In",
    "The",
    "He",
    "She",
    "They",
    "We",
    "But",
    "And",
    "According",
}
_ORGS = {
    "Service",
    "Council",
    "Ministry",
    "Authority",
    "Union",
    "Department",
    "Agency",
    "Office",
    "Press",
    "News",
    "Company",
    "Police",
    "Army",
    "Forces",
    "Committee",
    "Commission",
    "Court",
}
_TITLES = {
    "President",
    "Prime",
    "Minister",
    "Secretary",
    "Spokesman",
    "Spokesperson",
    "Chief",
    "Officer",
    "Mr",
    "Mrs",
    "Ms",
    "Dr",
    "Senator",
    "General",
    "State",
    "Foreign",
    "Defense",
    "U.S.",
    "White",
    "House",
    "Fire",
}


def fallback_quotes(articles: Sequence[Article]) -> list[Quote]:
    out: list[Quote] = []
    for article in articles:
        out.extend(_article_quotes(article))
    return out


def _unclosed_guillemets_hidden(text: str) -> str:
    """``text`` with each « after the last » blanked (same length): none of them can open a
    quote, and the lazy «…» pattern rescanned the rest of the text from every one of them."""
    cut = text.rfind("»") + 1
    return text[:cut] + text[cut:].replace("«", "\x00")


def _article_quotes(article: Article) -> list[Quote]:
    text = article.text
    sentences = split_sentences(text)
    quotes, last, known = [], None, {}
    for m in _MARKS.finditer(_unclosed_guillemets_hidden(text)):
        group = 1 if m.group(1) is not None else 2
        start, end = m.start(group), m.end(group)
        body = text[start:end].strip()
        context = _context(text, sentences, m.start(), m.end())
        name = _speaker_name(context)
        if name:
            name = _full_name(name, known)
            last = name
        elif re.search(r"\b(he|she)\s+(said|added|told|stated)\b|\b(said|added)\s+(he|she)\b", context, re.I):
            name = last or _previous_speaker(text, sentences, m.start())
        kind = "direct" if len(words(body)) >= 4 else "fragment"
        speaker = Speaker(name=name, canonical=name) if name else None
        quotes.append(
            Quote(
                id=content_id(article.id, str(start), body, prefix="q_"),
                article_id=article.id,
                text=body,
                span=Span(start, end),
                kind=kind,
                speaker=speaker,
                method="fallback",
            )
        )
    return quotes


def _previous_speaker(text: str, sentences: list[tuple[int, int]], pos: int) -> str | None:
    """For "he said" before any named quote: the name before a cue in the previous sentence."""
    before = [(s, e) for s, e in sentences if e <= pos]
    if not before:
        return None
    names = [_clean(m.group()) for m in _CAPS.finditer(text[before[-1][0] : before[-1][1]])]
    people = [n for n in names if n and " " in n]
    return people[0] if people else None


def _context(text: str, sentences: list[tuple[int, int]], start: int, end: int) -> str:
    """The sentence(s) around a quote with the quoted words blanked out."""
    around = [(s, e) for s, e in sentences if s < end + 2 and e > start - 2]
    if not around:
        return ""
    lo, hi = around[0][0], around[-1][1]
    return text[lo:start] + " … " + text[end:hi]


_CAPS = re.compile(r"(?:[A-Z][\w’'.-]+\s+){0,5}[A-Z][\w’'-]+")


def _speaker_name(context: str) -> str | None:
    """The speaker named by the cue nearest the quote: right after it ("…,” said X", "…,” X
    said") or before it ("X told reporters: “…”"). ``None`` for a pronoun or no cue."""
    mark = context.find(" … ")
    before, after = (context[:mark], context[mark + 3 :]) if mark >= 0 else ("", context)
    cue = _CUE.search(after[:60])
    if cue is not None:
        if re.search(r"\b(he|she|they)\s*$", after[: cue.start()], re.IGNORECASE):
            return None
        return _name_before(after[: cue.start()]) or _name_after(after[cue.end() :])
    cues = list(_CUE.finditer(before))
    if not cues:
        return None
    cue = cues[-1]
    if re.search(r"\b(he|she|they)\s*$", before[: cue.start()], re.IGNORECASE):
        return None
    return _name_before(before[: cue.start()]) or _name_after(before[cue.end() :])


def _name_before(text: str) -> str | None:
    """The last person-like name in the words before a cue (organisations only as a last resort)."""
    names = [n for n in (_clean(m.group()) for m in _CAPS.finditer(text[-100:])) if n]
    people = [n for n in names if " " in n and n.split()[-1] not in _ORGS]
    return people[-1] if people else (names[-1] if names else None)


def _name_after(text: str) -> str | None:
    """The name after a cue, up to the first preposition or punctuation ("said ministry spokesman Anna Berg")."""
    head = re.split(r"[,.;:…]|\s(?:on|in|at|to|during|that|after|before|from)\s", text, maxsplit=1)[0]
    names = [n for n in (_clean(m.group()) for m in _CAPS.finditer(head)) if n]
    return names[-1] if names else None


def _clean(name: str) -> str | None:
    parts = name.split()
    while parts and parts[0].endswith(("’s", "'s")):  # "Norway’s Prime Minister Lund"
        parts = parts[1:]
    parts = [p for p in parts if p not in _NOT_NAMES]
    # A word before a title qualifies the title ("Norwegian Prime Minister X", "Fire Chief X").
    while len(parts) > 2 and parts[0] not in _TITLES and parts[1] in _TITLES:
        parts = parts[1:]
    while len(parts) > 1 and parts[0] in _TITLES:
        parts = parts[1:]
    return " ".join(parts) if parts and parts[-1] not in _TITLES else None


def _full_name(name: str, known: dict[str, str]) -> str:
    surname = name.split()[-1]
    if len(name.split()) > 1:
        known.setdefault(surname, name)
    return known.get(surname, name)


def speaker_near(text: str, start: int, end: int) -> str | None:
    """The speaker a reporting verb next to the quote ``text[start:end]`` names, for a quote the
    parse-based attribution left without one ("…,” said Ron Howard, the director of …")."""
    return _speaker_name(_context(text, split_sentences(text), start, end))


# A profile's labelled fields before its quote ("Name: Ana Lind Age: 27 … Why she came: “…”"):
# the name runs to the next "Label:".
_PROFILE = re.compile(r"\bName:\s*([A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,3}?)(?=\s+[A-Z][a-z]+:|\s*$)")


def profile_name(text: str, start: int) -> str | None:
    """The name a labelled profile gives ("Name: Ana Lind Age: 27 …") earlier in the paragraph
    of the quote starting at ``start`` (captions of a photo series of people speaking)."""
    head = text[text.rfind("\n", 0, start) + 1 : start]
    m = _PROFILE.search(head)
    return m.group(1) if m else None
