"""One article in, its quotes out: detection, the attribution cascade, speaker identity."""

from __future__ import annotations

import bisect
import dataclasses
from typing import TYPE_CHECKING

from newsprism.model import Article, Quote, Span, Speaker, content_id
from newsprism.quotes.acts import find_acts, find_made_clear
from newsprism.quotes.attribute import (
    OWNED_WORDS,
    attribute_direct,
    continue_speakers,
    lead_in_speakers,
    paragraph_lead_ins,
    resolve_references,
)
from newsprism.quotes.detect import (
    classify_marked,
    find_according,
    find_charges,
    find_claims,
    find_colon,
    find_indirect,
    find_speech_acts,
    find_trailing,
)
from newsprism.quotes.found import Found
from newsprism.quotes.headline import headline_speakers
from newsprism.quotes.identity import describe, fold, join, surname_key, widen_name
from newsprism.quotes.marks import find_marked_spans, join_broken, paragraph_spans
from newsprism.quotes.names import TITLE_WORDS, given_sex, side_clause_sex
from newsprism.quotes.syntax import entities, inside
from newsprism.quotes.tweets import find_tweets
from newsprism.settings import QuoteSettings
from newsprism.spans import SpanSet

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["extract_quotes", "find_quotes"]


def _paragraph_index(paras: list[Span], pos: int) -> int:
    return max(0, bisect.bisect_right([p.start for p in paras], pos) - 1)


_LABEL = 160  # characters: how far from a paragraph's start its colon label may end (detect._DIGEST_LABEL)


def _with_colon(found: list[Found], colon: list[Found]) -> list[Found]:
    """A colon label speaks the paragraph: it gives a speaker to the quote there, or is one."""
    for c in colon:
        inner = [f for f in found if c.span.overlaps(f.span)]
        for f in inner:
            # A cue inside the label ("Media shares blame - Pollster: “…”") told no speaker:
            # the label names the source.
            in_label = (
                f.cue_span is not None and c.cue_span.start - _LABEL <= f.cue_span.start < c.cue_span.start
            )
            if f.kind == "direct" and (f.speaker is None or in_label):
                f.speaker, f.cue_span, f.method = c.speaker, c.cue_span, "colon"
        if not inner:
            found.append(c)
    return found


def _with_tweets(found: list[Found], tweets: list[Found]) -> list[Found]:
    """A signed embedded post is one quote of its signer: what was read inside it (a quoted
    phrase, a colon label) gives way."""
    if not tweets:
        return found
    kept = [f for f in found if not any(t.span.overlaps(f.span) for t in tweets)]
    return kept + tweets


def _mixed(text: str, found: list[Found]) -> list[Found]:
    """``She said Lind represents the “same tired system he claims …”``: a long quote that
    starts inside a reported clause is part of that indirect quote, a fragment of it."""
    clauses = [f for f in found if f.kind == "indirect"]
    for f in found:
        if f.kind != "direct" or not f.embedded:
            continue
        outer = next((c for c in clauses if c.span.start < f.span.start < c.span.end), None)
        if outer is None:
            continue
        f.kind = "fragment"
        end = f.span.end + (text[f.span.end : f.span.end + 1] in "”’\"'»")
        outer.span = Span(outer.span.start, max(outer.span.end, end))  # through the closing mark
        if f.speaker is None:
            f.speaker, f.cue, f.cue_span, f.method = outer.speaker, outer.cue, outer.cue_span, outer.method
    for f in found:  # quoted words inside a clause their own cue reports are that clause's speaker's
        if f.kind == "fragment" and f.cue is not None and f.method not in OWNED_WORDS:
            outer = next(
                (
                    c
                    for c in clauses
                    if c.cue is not None and c.cue.i == f.cue.i and c.span.start <= f.span.start < c.span.end
                ),
                None,
            )
            if outer is not None:
                f.speaker, f.method = outer.speaker, outer.method
    return found


def _holding(spans: SpanSet, span: Span) -> list[Span]:
    """The spans that contain ``span`` (an empty one too: the window is widened by one)."""
    return [s for s in spans.overlapping(span.start - 1, span.end + 1) if s.contains(span)]


def _dedupe(found: list[Found]) -> list[Found]:
    """One quote per content span; an indirect quote inside a direct one is dropped."""
    out: dict[tuple[int, int], Found] = {}
    direct = SpanSet(f.span for f in found if f.kind == "direct")
    # "According to police, the boy told them he ran": the boy's report inside the police's is
    # a quote of its own; inside another speaker's report it is part of that report
    indirect = SpanSet(f.span for f in found if f.kind == "indirect" and f.method != "according-to")
    for f in found:
        if f.kind == "indirect" and direct.holds(f.span):
            continue
        nested = f.cue_span and any(i != f.span for i in _holding(indirect, f.cue_span))
        if f.kind == "indirect" and nested and not f.act:
            continue  # nested attribution: the outer one is the quote (an act inside it is one too)
        out.setdefault((f.span.start, f.span.end), f)
    return sorted(out.values(), key=lambda f: (f.span.start, f.span.end))


def find_quotes(text: str, doc: Doc, paragraphs: tuple[Span, ...], settings: QuoteSettings) -> list[Found]:
    """Detect and attribute every quote of one parsed text (the cascade's working records)."""
    paras = join_broken(text, paragraph_spans(text, paragraphs))  # a quote's line break is no paragraph
    marks = find_marked_spans(text, paragraphs)
    mark_spans = SpanSet(m.span for m in marks)
    found: list[Found] = []
    for m in marks:
        para = paras[_paragraph_index(paras, m.span.start)] if paras else Span(0, len(text))
        f = classify_marked(doc, m, para, mark_spans, settings.long_quote_words, settings.heading_words)
        if f is not None:
            f.run = m.run
            attribute_direct(doc, f, mark_spans)
            if f.kind == "direct" or f.speaker is not None:  # a fragment nobody said is a scare quote
                found.append(f)
    whole = SpanSet(f.span for f in found if f.kind == "direct" and not f.embedded)
    found += find_indirect(
        doc, mark_spans, whole, settings.think_verbs, settings.direct_share, settings.speech_acts
    )
    found = _mixed(text, found)
    found += find_speech_acts(doc, found)
    direct = SpanSet(f.span for f in found if f.kind == "direct")
    found += find_according(doc, mark_spans, direct)
    found += find_claims(doc, mark_spans, direct, settings.direct_share)
    cues = {f.cue.i for f in found if f.cue is not None}
    found += find_trailing(doc, mark_spans, SpanSet(f.span for f in found), settings.direct_share, cues)
    found += find_charges(doc, mark_spans, SpanSet(f.span for f in found), settings.direct_share)
    found += find_made_clear(doc, mark_spans, found)
    if settings.speech_acts:
        found += find_acts(doc, mark_spans, found)
    found = _with_colon(found, find_colon(doc, paras))
    found = _with_tweets(found, find_tweets(doc, paras))
    found = _dedupe(found)
    for f in found:
        f.paragraph = _paragraph_index(paras, f.span.start)
    resolve_references(doc, found, mark_spans, settings.pronoun_window)
    paragraph_lead_ins(doc, found, paras)
    continue_speakers(found, text)
    lead_in_speakers(doc, found, paras)
    continue_speakers(found, text)  # the quotes after a lead-in one continue it
    headline_speakers(text, doc, found, paras, marks)  # last: a headline's name continues nothing
    return sorted(found, key=lambda f: (f.span.start, f.span.end))


def _speaker(f: Found) -> Speaker | None:
    if f.speaker is None:
        return None
    written = describe(f.speaker)
    if f.referent is None and f.owner is not None and written.kind == "nominal":
        role = f.speaker.text.lower()  # "his spokesman", unnamed: described by whose role it is
        owner = describe(f.owner).canonical
        return dataclasses.replace(written, canonical=f"{role} of {owner}", role=role)
    if f.referent is None:
        return written
    ref = describe(f.referent)
    role = ref.role if ref.role else (written.name if written.kind == "nominal" else None)
    return dataclasses.replace(ref, name=written.name, role=role, span=written.span)


def _article_canonical(speakers: list[Speaker], doc: Doc, marks: list[Span]) -> dict[str, str]:
    """Surname → the full name it stands for in this article (persons named outside quotes)."""
    full: dict[str, set[str]] = {}
    ents = [e for e in entities(doc) if (e.label_ == "PERSON" or _titled(e)) and not inside(e.root, marks)]
    names = [join(widen_name(list(e))) for e in ents]
    names += [s.name for s in speakers if s.kind == "person"]
    for name in names:
        clean = _without_possessive(name)
        if len(fold(clean).split()) >= 2:
            full.setdefault(surname_key(clean), set()).add(clean)
    honoured = _honorific_sexes(doc)
    chosen = {
        k: sorted(v, key=lambda n: (-len(n), n))[0] for k, v in full.items() if len({fold(n) for n in v}) == 1
    }
    # "the first lady, Michelle Obama" and fifteen "Mr. Obama": the surname alone is not hers
    return {k: n for k, n in chosen.items() if not _other_sex_honoured(n, honoured)}


# Honorifics that tell a person's sex ("Mr. Obama").
_HONORIFIC_SEX = {"mr": "m", "mrs": "f", "ms": "f", "miss": "f"}


def _honorific_sexes(doc: Doc) -> dict[str, set[str]]:
    """Surname → the sexes its honorifics in the article give (``Mr. Lind`` → m)."""
    found: dict[str, set[str]] = {}
    for tok in doc[:-1]:
        sex = _HONORIFIC_SEX.get(tok.lower_.rstrip("."))
        name = tok.nbor()
        if sex is None or not name.is_title:
            continue
        while name.i + 1 < len(doc) and name.nbor().is_title and name.nbor().pos_ == "PROPN":
            name = name.nbor()  # "Mr. Van Voorhis"
        found.setdefault(surname_key(name.text), set()).add(sex)
    return found


def _other_sex_honoured(name: str, honoured: dict[str, set[str]]) -> bool:
    """A full name whose given name is of one sex while the article calls someone of that
    surname by the other sex's honorific: the surname alone is (also) someone else."""
    sex = given_sex(name)
    return sex is not None and bool(honoured.get(surname_key(name), set()) - {sex})


def _titled(ent) -> bool:
    """``former CEO Carly Fiorina`` tagged as an organisation: two or three proper nouns right
    after a title are a person's name."""
    before = ent.doc[ent.start - 1].lower_.rstrip(".") if ent.start > 0 else ""
    return (
        ent.label_ == "ORG"
        and before in TITLE_WORDS
        and 2 <= len(ent) <= 3
        and all(t.pos_ == "PROPN" and t.text[:1].isupper() for t in ent)
    )


def _without_possessive(name: str) -> str:
    return name.replace("’s", "").replace("'s", "").strip()


# How far back a full name is "just named": its sentence or the one or two before.
JUST_NAMED = 400


def _named_subjects(doc: Doc, marks: SpanSet) -> list[tuple[int, str, str]]:
    """(offset, surname key, full name) of the persons the article names in full as the
    subject of a main clause, outside quotes, in order; and (offset, "", given name) for every
    mention by a given name alone ("Doug said"), which names someone else too."""
    out = []
    for e in entities(doc):
        if e.label_ != "PERSON" or inside(e.root, marks):
            continue
        name = _without_possessive(join(widen_name(list(e))))
        words = fold(name).split()
        main = e.root.dep_ == "ROOT" or (
            e.root.dep_ in ("nsubj", "nsubjpass") and e.root.head.dep_ in MAIN_DEPS
        )
        if len(words) >= 2 and main:
            out.append((e.start_char, surname_key(name), name))
        elif len(words) == 1:
            out.append((e.start_char, "", words[0]))
    return out


MAIN_DEPS = ("ROOT", "conj")


def _just_named(key: str, at: int, subjects: list[tuple[int, str, str]]) -> str | None:
    """A surname the article gives two people ("Rosa Lind", "Peter Lind") is the one just named
    in full as a main subject ("But Councilman Peter Lind blasted …. “…,” Lind wrote"), unless
    the other was named by a given name since ("… But Rosa said …"); else None."""
    near = [(pos, name) for pos, k, name in subjects if k == key and 0 < at - pos <= JUST_NAMED]
    if not near:
        return None
    pos, name = near[-1]
    others = {fold(n).split()[0] for _, k, n in subjects if k == key and fold(n) != fold(name)}
    given_since = {n for p, k, n in subjects if not k and pos < p < at}
    return None if others & given_since else name


def _canonical(
    s: Speaker, by_surname: dict[str, str], subjects: list[tuple[int, str, str]], text: str = ""
) -> Speaker:
    one_word = len(fold(s.canonical).split()) == 1
    if s.kind == "organisation" and one_word and surname_key(s.canonical) in by_surname:
        s = dataclasses.replace(s, kind="person")  # the tagger called a surname an organisation
    if s.kind != "person":
        return s
    base = _without_possessive(s.canonical)
    younger = "younger" in (s.role or "").lower().split()  # the son: named story-wide, by generation
    key = surname_key(base)
    if len(fold(base).split()) == 1 and not younger:
        full = by_surname.get(key) or (
            _just_named(key, s.span.start, subjects) if s.span is not None else None
        )
        # "Lind said as he …" where the article's full Lind is a woman: the story's other Lind
        sex = side_clause_sex(text, s.span.end) if s.span is not None else None
        if full is not None and (sex is None or given_sex(full) in (None, sex)):
            base = full
    return dataclasses.replace(s, canonical=base)


def extract_quotes(article: Article, doc: Doc, settings: QuoteSettings | None = None) -> tuple[Quote, ...]:
    """The quotes of ``article``, given its parse ``doc`` (of ``article.text``)."""
    settings = settings or QuoteSettings()
    found = find_quotes(article.text, doc, article.paragraphs, settings)
    found = [f for f in found if not article.in_heading(f.span.start, f.span.end)]  # headings never speak
    speakers = [_speaker(f) for f in found]
    marks = SpanSet(m.span for m in find_marked_spans(article.text, article.paragraphs))
    by_surname = _article_canonical([s for s in speakers if s is not None], doc, marks)
    subjects = _named_subjects(doc, marks)
    quotes = []
    for f, s in zip(found, speakers, strict=True):
        text = article.text[f.span.start : f.span.end]
        qid = content_id(article.id, str(f.span.start), str(f.span.end), f.kind, prefix="q_")
        quotes.append(
            Quote(
                id=qid,
                article_id=article.id,
                text=text,
                span=f.span,
                kind=f.kind,
                cue=f.cue.text if f.cue is not None else None,
                cue_span=f.cue_span,
                speaker=_canonical(s, by_surname, subjects, article.text) if s is not None else None,
                method=f.method,
            )
        )
    return tuple(quotes)
