"""Headline quotes: a headline speaks only when it names its speaker.

``Lind: ‘We will not back down’`` and ``A warning from Ana Lind: ‘Be ready’``: the quoted words
after a headline's colon are those of the person its words before the colon end with, or
open with as the subject of a lower-case verb (``Ana Lind heckles her rivals: ‘…’``). That
name is resolved in the article's body like any mention (the headline's "Lind" is the body's
"Ana Lind"); a lead that names nobody the body names ("Report:", "The Latest:") leaves its
quotes unspoken. Headlines that say who said it (``…, Lind says``) are read by the ordinary
attribution steps.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from newsprism.model import Span
from newsprism.quotes.detect import inner_span, shape
from newsprism.quotes.found import Found
from newsprism.quotes.identity import join, widen_name
from newsprism.quotes.names import TITLE_WORDS, name_words, same_given
from newsprism.quotes.syntax import entities, expand, inside

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from newsprism.quotes.marks import MarkedSpan

__all__ = ["headline_speakers"]

HEADLINE_WORDS = 30  # a longer first line is a lead paragraph, not a headline
LEAD_WORDS = 8  # "A lesson from Ana Lind:" at most; a longer lead before a colon is a sentence
OPENING_MARKS = " \t\"“‘'«"  # what may stand before a quote's first word in its paragraph


def _headline(text: str, paras: list[Span]) -> Span | None:
    """The first paragraph when it is one short line (a headline, or a lead as short)."""
    if not paras:
        return None
    line = text[paras[0].start : paras[0].end].strip()
    return paras[0] if line and "\n" not in line and len(line.split()) <= HEADLINE_WORDS else None


def _colon(text: str, head: Span, marks: list[MarkedSpan]) -> int | None:
    """Where the lead of ``Name: …`` ends: the first colon outside quote marks and clock times."""
    for pos in range(head.start, head.end):
        if text[pos] != ":" or any(m.span.start <= pos < m.span.end for m in marks):
            continue
        if pos + 1 < head.end and text[pos - 1 : pos].isdigit() and text[pos + 1].isdigit():
            continue  # "3:30"
        return pos
    return None


# Words that may link a lead to the name it ends with ("A lesson from Ana Lind:"); any other
# word before the name ("Garr Praises Editor Ana Lind:") makes someone else the subject.
LEAD_LINKS = frozenset(["from", "by", "of"])
# Small words a title-case headline capitalises ("A Lesson From Ana Lind"): never part of a name.
SMALL_WORDS = frozenset("a an the and or of to in on at by for from with as vs via".split())  # noqa: SIM905


def _name_run(lead: list[Token]) -> list[Token]:
    """The name a lead is, or ends with after "from", "by" or "of" ("Lind", "Sen. Ana Lind",
    "A lesson from Ana Lind"), read before an "on" that gives a topic ("Lind on taxes"), titles
    in front taken off; else empty."""
    cut = next((i for i, t in enumerate(lead) if t.lower_ == "on" and i > 0), len(lead))
    words = [t for t in lead[:cut] if not t.is_punct or t.text == "."]
    run: list[Token] = []
    while words and words[-1].text[:1].isupper() and words[-1].lower_ not in SMALL_WORDS:
        run.insert(0, words.pop())
    while run and run[0].lower_.rstrip(".") in TITLE_WORDS:
        run.pop(0)
    if words and words[-1].lower_ not in LEAD_LINKS:
        return []
    return run if len(run) <= 3 else []


def _subject_run(lead: list[Token]) -> list[Token]:
    """The name a sentence-case lead opens with when a lower-case word, its verb, follows it
    ("Ana Lind heckles her rivals:"): the subject of the headline, whose words the quote after
    the colon are; not in title case (the verb cannot be told from a name there), not with
    "by" in the lead (a passive: "Lind mocked by Garr:"), not before a small word ("Lind and
    Garr:")."""
    words = [t for t in lead if not t.is_punct or t.text == "."]
    run: list[Token] = []
    while words and words[0].text[:1].isupper() and words[0].lower_ not in SMALL_WORDS:
        run.append(words.pop(0))
    while run and run[0].lower_.rstrip(".") in TITLE_WORDS:
        run.pop(0)
    if not words or not words[0].text[:1].islower() or words[0].lower_ in SMALL_WORDS:
        return []
    if any(t.lower_ == "by" for t in words):
        return []
    return run if 1 <= len(run) <= 3 else []


def _body_people(doc: Doc, after: int, said: list[Span], found: list[Found]) -> list[tuple[list[str], Token]]:
    """(name words, head token) of every person the body names outside quotes, in order: the
    tagger's persons, and the proper-noun speakers of the body's quotes (a surname it missed)."""
    heads = [e[-1] for e in entities(doc) if e.label_ == "PERSON" and e.start_char >= after]
    heads += [f.speaker for f in found if f.speaker is not None and f.speaker.pos_ == "PROPN"]
    out = []
    for head in sorted(
        {t.i: t for t in heads if t.idx >= after and not inside(t, said)}.values(), key=lambda t: t.i
    ):
        ent = next((e for e in entities(doc) if e.start <= head.i < e.end and e.label_ == "PERSON"), None)
        tokens = widen_name(list(ent) if ent is not None else [head])
        words = [w for w in name_words(join(tokens)) if w not in TITLE_WORDS]
        if words:
            out.append((words, head))
    return out


def _matches(run: list[str], body: list[str]) -> bool:
    """ "Lind" or "Ana Lind" (or "Anna Lind") for the body's "Ana Lind"; "Ana" alone for the one
    body person of that given name (a headline may use it: "Hillary:")."""
    if len(run) >= 2 and len(body) >= 2:
        return run[-1] == body[-1] and same_given(run[0], body[0])
    return run[-1] == body[-1] or (len(run) == 1 and len(body) >= 2 and run[0] == body[0])


def _named_in_body(
    doc: Doc, run: list[Token], after: int, said: list[Span], quotes: list[Found]
) -> Token | None:
    """The body mention of the person the headline names: its fullest form, the first one
    when two forms are equally full; None when the body never names that person, or when a
    given name alone fits two people."""
    words = name_words(join(run))
    if not words:
        return None
    people = _body_people(doc, after, said, quotes)
    found = [(w, t) for w, t in people if _matches(words, w)]
    other = [w for w, _ in people if len(w) >= 2 and w[-1] == words[-1] and not _matches(words, w)]
    if len(words) >= 2 and other and all(len(w) == 1 for w, _ in found):
        return None  # "Ana Lind:" where the body's "Lind" may be its "Peter Lind"
    if len(words) == 1:
        surnamed = [(w, t) for w, t in found if w[-1] == words[0]]
        if not surnamed and len({" ".join(w) for w, _ in found}) > 1:
            return None  # "Ana:" with an Ana Lind and an Ana Ruiz in the body
        found = surnamed or found
    if not found:
        return None
    return max(found, key=lambda wt: len(wt[0]))[1]


def _quotes_after(
    text: str, doc: Doc, colon: int, head: Span, found: list[Found], marks: list[MarkedSpan]
) -> list[Found]:
    """The quotes after the colon: those found there, and marked words no step kept (a
    headline's title case reads as a title; a fragment there has no speech verb)."""
    out = [f for f in found if colon < f.span.start < head.end]
    for m in marks:
        if (
            colon < m.span.start
            and m.span.end <= head.end
            and not any(f.span.overlaps(m.inner) for f in found)
        ):
            kind = "direct" if shape(text, m, 1_000) == "direct" else "fragment"
            new = Found(kind, inner_span(text, m))
            if expand(doc, new.span):
                found.append(new)
                out.append(new)
    return out


def headline_speakers(
    text: str, doc: Doc, found: list[Found], paras: list[Span], marks: list[MarkedSpan]
) -> None:
    """Give the quotes of a ``Name: ‘…’`` headline to that name, resolved in the body (in place,
    new quotes appended; quotes another step attributed keep their speaker)."""
    head = _headline(text, paras)
    colon = _colon(text, head, marks) if head is not None else None
    if head is None or colon is None:
        return
    lead = expand(doc, Span(head.start, colon))
    if not lead or len([t for t in lead if not t.is_punct]) > LEAD_WORDS:
        return
    run = _name_run(lead) or _subject_run(lead)
    said = [m.span for m in marks]
    named = _named_in_body(doc, run, head.end, said, found) if run else None
    if named is None:
        return
    for f in _quotes_after(text, doc, colon, head, found, marks):
        if f.speaker is None:
            f.speaker, f.referent, f.method = run[-1], named, "headline"
    opening = _opening_quote(text, found, paras)
    if opening is not None:  # the headline's words given in full below it
        opening.speaker, opening.referent, opening.method = run[-1], named, "headline"


def _opening_quote(text: str, found: list[Found], paras: list[Span]) -> Found | None:
    """An untagged direct quote that opens the paragraph right under the headline ("Lind:
    ‘Roads first’" / "“Roads come first, and …”"): what the headline quoted, in full."""
    if len(paras) < 2:
        return None
    for f in found:
        before = text[paras[1].start : f.span.start] if paras[1].start <= f.span.start else "x"
        if f.kind == "direct" and f.speaker is None and not before.strip(OPENING_MARKS):
            return f
    return None
