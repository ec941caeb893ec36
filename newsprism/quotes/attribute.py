"""Speaker attribution: a numbered cascade; the step that decides is stored in ``Quote.method``.

1. ``syntactic-subject``  a speech verb in the quote's own sentence, outside the
                          marks, whose subject (or inverted ``said X``) is the speaker;
                          ``according-to`` for ``According to X``;
2. ``adjacent-tag``       a short speaker tag in the next sentence (``He said.``)
                          or a lead-in ending in a colon in the previous one;
3. ``continuation``       a direct quote with no tag of its own continues the
                          speaker of the previous direct quote in the same paragraph
                          or the one before it (one paragraph run);
4. ``pronoun`` / ``nominal`` / ``document``  a speaker written as he/she/they is
                          resolved to the most salient compatible person or organisation
                          named before it (``salience.py``), outside any quote (a person
                          only mentioned inside a quote never speaks); a definite role
                          ("the spokesman", "his spokesman", "the ministry") to the one
                          named with that role (else "spokesman of <owner>"); a document
                          ("the statement said") to the author the text names;
5. ``unknown``            nothing above decided: the speaker stays unknown.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from newsprism.model import Span
from newsprism.quotes.cues import ANONYMOUS_NOUNS, CLAIM_NOUNS, ORG_DESCRIPTORS, ORG_NOUNS, SPEECH_VERBS
from newsprism.quotes.documents import DOCUMENT_NOUNS, VOICE_NOUNS, author_of
from newsprism.quotes.found import Found
from newsprism.quotes.identity import ROLE_WORDS, abbreviated_title, fold, glued_dateline, surnames
from newsprism.quotes.marks import DOUBLE_CLOSE, STRAIGHT_DOUBLE, is_dash
from newsprism.quotes.names import (
    TITLE_QUALIFIERS,
    TITLE_WORDS,
    first_name_sex,
    given_sex,
    is_given_name,
    same_given,
)
from newsprism.quotes.salience import best_referent
from newsprism.quotes.syntax import (
    agent_noun,
    cue_verbs,
    entities,
    expand,
    inside,
    person_noun,
    sentence,
    subject_of,
    text_of,
    token_span,
    tokens_between,
    via_relative,
)
from newsprism.spans import SpanIndex, SpanSet

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token
    from spacy.tokens import Span as SpacySpan

__all__ = [
    "attribute_direct",
    "continue_speakers",
    "lead_in_speakers",
    "paragraph_lead_ins",
    "resolve_references",
]

PERSON_PRONOUNS = frozenset(["he", "she", "him", "her", "his", "i", "we"])
GROUP_PRONOUNS = frozenset(["they", "it", "its"])
PERSON_ENTS = ("PERSON",)
GROUP_ENTS = ("ORG", "GPE", "NORP")
PLACE_ENTS = ("GPE", "LOC", "FAC", "NORP")


def _region_after(doc: Doc, quote: Span, marks: list[Span]) -> list[Token]:
    end = len(text_of(doc))
    nxt = (
        marks.first_start_from(quote.end, end)
        if isinstance(marks, SpanSet)
        else min((m.start for m in marks if m.start >= quote.end), default=end)
    )
    after = [t for t in tokens_between(doc, quote.end, nxt) if not t.is_space]
    words = [t for t in after if not t.is_punct]
    text = text_of(doc)
    if not words:
        return []
    gap = text[quote.end : words[0].idx]
    # a quote ending in a comma is unfinished: its tag may follow a line break (“…,” / X said)
    unfinished = text[quote.start : quote.end].rstrip("”’\"'» ")[-1:] == ","
    if "\n" in gap and not (unfinished and gap.count("\n") <= 2 and not gap.strip("”’\"'» \n")):
        return []
    closed = text[quote.start : quote.end].rstrip("”’\"'» ")[-1:] in ".?!"
    dashed = _dash_name(after) is not None
    # a lower-case word after it is its tag all the same ("…?” she continued.)
    opens = sentence(words[0]).start == words[0].i and not words[0].is_lower
    if closed and not dashed and opens and not _bare_subject_verb(doc, quote, sentence(words[0])):
        return []  # a finished sentence; what follows is the next sentence, not this quote's tag
    sent_end = sentence(words[0]).end_char
    return [t for t in after if t.idx < sent_end]


def _bare_subject_verb(doc: Doc, quote: Span, sent: SpacySpan) -> bool:
    """``“Would it be negotiable?” Brody pressed.``: after a question or an exclamation, a
    sentence of only a named subject and its verb is the quote's tag."""
    if text_of(doc)[quote.start : quote.end].rstrip("”’\"'» ")[-1:] not in "?!":
        return False
    words = [t for t in sent if not t.is_punct and not t.is_space]
    root = sent.root
    subject = [c for c in root.children if c.dep_ == "nsubj" and c.i < root.i]
    return (
        2 <= len(words) <= 3
        and root.pos_ == "VERB"
        and root.i == words[-1].i
        and bool(subject)
        and subject[0].pos_ in ("PROPN", "NOUN")  # a surname the tagger took for a noun
        and subject[0].is_title
    )


def _region_before(doc: Doc, quote: Span, marks: list[Span]) -> list[Token]:
    prev = (
        marks.last_end_upto(quote.start, 0)
        if isinstance(marks, SpanSet)
        else max((m.end for m in marks if m.end <= quote.start), default=0)
    )
    first = expand(doc, quote)
    if first is None or len(first) == 0:
        return []
    sent_start = sentence(first[0]).start_char
    return tokens_between(doc, max(prev, sent_start), quote.start)


def _according(tokens: list[Token]) -> tuple[Token, Token] | None:
    for tok in tokens:
        if tok.lower_ == "according":
            for to in tok.children:
                for obj in to.children:
                    if obj.dep_ == "pobj":
                        return tok, obj
    return None


def _decide(found: Found, cue: Token, marks: list[Span], method: str) -> bool:
    speaker = subject_of(cue, marks)
    if speaker is not None and speaker.ent_type_ in ("DATE", "TIME") and speaker.dep_ == "npadvmod":
        # "…,” police Chief Ana Ruiz said Monday: misparsed, Monday no speaker
        speaker = _named_before(cue) or _described_before(cue, marks)
    if speaker is None:
        return False
    method += "+relative" if via_relative(cue) else ""
    found.cue, found.cue_span, found.speaker, found.method = cue, token_span([cue]), speaker, method
    return True


def _named_before(cue: Token) -> Token | None:
    """The person or organisation named right before a speech verb ("Ana Ruiz said"), if any."""
    prev = cue.doc[cue.i - 1] if cue.i > 0 else None
    if prev is None or prev.ent_type_ not in ("PERSON", "ORG") or prev.ent_iob_ == "":
        return None
    return prev


def _described_before(cue: Token, marks: list[Span]) -> Token | None:
    """``“…,” a source close to the team said Monday``: the parser made the noun phrase after
    the closing mark part of the quote; its first noun for someone, between the mark and the
    verb, is the speaker."""
    start = max((m.end for m in marks if m.end <= cue.idx), default=-1)
    if start < 0:
        return None
    between = [t for t in cue.doc[: cue.i] if t.idx >= start and not t.is_punct and not t.is_space]
    if not between or cue.i - between[0].i > 12:
        return None
    return next((t for t in between if person_noun(t) and t.pos_ in ("NOUN", "PROPN")), None)


def _dash_name(tokens: list[Token]) -> Token | None:
    """``“…” — Maria Lopez, nurse``: a name right after a dash that follows the quote."""
    words = [t for t in tokens if not t.is_space and t.text not in "”’\"'»"]
    # "…”― Ana Ruiz": the tokenizer may glue the closing mark to the dash
    if len(words) < 2 or not is_dash(words[0].text.lstrip("”’\"'»")):
        return None
    name = [t for t in words[1:4] if t.pos_ == "PROPN" or t.ent_type_ in ("PERSON", "ORG")]
    if not name or name[0].i != words[1].i:
        return None
    return max(name, key=lambda t: (t.ent_type_ == "PERSON", t.i))


def _step_same_sentence(doc: Doc, found: Found, marks: list[Span]) -> bool:
    after = _region_after(doc, found.span, marks)
    before = _region_before(doc, found.span, marks)
    cues = [c for c in cue_verbs(after) if not _in_side_clause(c)][:1] + cue_verbs(before)[::-1][:1]
    cues = _person_first(cues, marks) or _went_on(after) or _tag_shaped(doc, found, after)
    if any(_decide(found, cue, marks, "syntactic-subject") for cue in cues):
        return True
    finder = _named_finder(before) if found.kind == "direct" else None
    if finder is not None and _decide(found, finder, marks, "syntactic-subject"):
        return True
    dash = _dash_name(after)
    if dash is not None:
        found.cue_span, found.speaker, found.method = token_span(after[:1]), dash, "dash"
        return True
    hit = _according(after) or _according(before)
    if hit is not None:
        found.cue, found.cue_span, found.speaker, found.method = (
            hit[0],
            token_span([hit[0]]),
            hit[1],
            "according-to",
        )
        return True
    if found.kind == "direct" and _colon_lead_in(doc, found, before, marks):
        return True
    aside = _dash_aside(doc, found, before) if found.kind == "direct" else None
    if aside is not None:
        found.cue_span, found.speaker, found.method = token_span([aside]), aside, "lead-in"
        return True
    return False


def _dash_aside(doc: Doc, found: Found, before: list[Token]) -> Token | None:
    """``When Lind finally wrapped up — “I will fight for you!” — the balloons fell``: a quote set
    off by dashes inside a sentence is the words of the named person whose clause it interrupts."""
    text = text_of(doc)
    lead = text[: found.span.start].rstrip(" “\"‘'")
    tail = text[found.span.end :].lstrip(" ”\"’'")
    if not (lead[-1:] and is_dash(lead[-1]) and tail[:1] and is_dash(tail[0])):
        return None
    verbs = [t for t in before if t.pos_ == "VERB" and not inside(t, [found.span])]
    subject = next((c for c in verbs[-1].children if c.dep_ == "nsubj"), None) if verbs else None
    person = subject is not None and (
        subject.ent_type_ == "PERSON" or (subject.pos_ == "PROPN" and subject.text in surnames(doc))
    )
    return subject if person and subject.i < verbs[-1].i else None


def _person_first(cues: list[Token], marks: list[Span]) -> list[Token]:
    """``X said: “…,” the Times reported.``: an outlet that reports what a person said is no
    speaker; the person's own cue before the quote goes first."""
    if len(cues) < 2:
        return cues
    teller, said = (subject_of(c, marks) for c in cues[:2])
    outlet = teller is not None and teller.ent_type_ == "ORG" and cues[0].lemma_.lower() == "report"
    person = said is not None and (said.pos_ == "PROPN" or said.lower_ in ("he", "she"))
    # the person's verb leads straight into the quote ("X said: “…”")
    leads = all(t.is_punct or t.is_space for t in cues[1].doc[cues[1].i + 1 : cues[0].i][:2])
    return [cues[1], cues[0]] if outlet and person and leads and said.i != teller.i else cues


def _named_finder(before: list[Token]) -> Token | None:
    """``In 2014, Pew found that “…”``: "find" is no speech verb (findings are not speech), but
    a named body that found what the quote marks hold right after "that" wrote those words."""
    words = [t for t in before if not t.is_space and t.text not in "“\"‘'"]
    if len(words) < 3 or words[-1].lower_ != "that":
        return None
    verb = words[-2]
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    named = subject is not None and subject.pos_ == "PROPN" and subject.ent_type_ in ("ORG", "")
    return verb if verb.pos_ == "VERB" and verb.lemma_.lower() == "find" and named else None


def _colon_lead_in(doc: Doc, found: Found, before: list[Token], marks: list[Span]) -> bool:
    """``X is rolling out a new message: “It's about me.”``: a lead-in ending in a colon in the
    quote's own sentence names who says it, as one in the sentence before does."""
    lead = [t for t in before if not t.is_space and not inside(t, marks)]
    if len(lead) < 3 or lead[-1].text != ":" or cue_verbs(lead):
        return False  # a speech verb there had its say in step 1 ("said X, explaining …:")
    return _lead_in_subject(doc, found, lead[:-1], marks)


# Subordinators of a clause after a quote that tells what else happened, not who spoke.
SIDE_MARKS = frozenset(["as", "while", "when", "because", "after", "before", "until", "since", "though"])


def _in_side_clause(cue: Token) -> bool:
    """``“…,” as her family began to cry``: a speech verb inside a subordinate clause that is
    not itself the cue ("as she said" is) tells of others; the tag is elsewhere."""
    node = cue
    while node.head.i != node.i and node.dep_ in ("xcomp", "ccomp", "conj"):
        node = node.head
        if _side_marked(node):  # the parser may hang "as her family began" on the quote's verb
            return True
    return node.i != cue.i and node.dep_ == "advcl" and _side_marked(node)


def _side_marked(verb: Token) -> bool:
    return any(c.dep_ == "mark" and c.lower_ in SIDE_MARKS for c in verb.children)


def _went_on(after: list[Token]) -> list[Token]:
    """``“…,” she continued.``: a tag whose verb says the speaker went on (no speech verb, no
    complement of its own, so "he continued to work" is no tag)."""
    words = [t for t in after if not t.is_punct and not t.is_space]
    if len(words) > 6:
        return []
    return [
        t
        for t in words[:3]
        if t.pos_ == "VERB"
        and t.lemma_.lower() == "continue"
        and not any(c.dep_ in ("xcomp", "dobj") for c in t.children)
    ]


def _tag_shaped(doc: Doc, found: Found, after: list[Token]) -> list[Token]:
    """``“…,” an angry Lind retaliated.``: after a quote left open with a comma, a short clause
    of a subject and a verb with no object or clause of its own is the quote's tag, whatever
    the verb (it tells how the words were said)."""
    said = text_of(doc)[found.span.start : found.span.end].rstrip("”’\"'» ")
    words = [t for t in after if not t.is_punct and not t.is_space]
    # "“…?” Brody pressed.": after a question or an exclamation only a bare subject and verb
    limit = 6 if said.endswith(",") else 3 if said.endswith(("?", "!")) else 0
    if not words or len(words) > limit:
        return []
    return [
        t
        for t in words[:5]
        if t.pos_ == "VERB"
        and any(c.dep_ == "nsubj" and c.i < t.i for c in t.children)
        and not any(c.dep_ in ("dobj", "ccomp", "xcomp") and c.i > t.i for c in t.children)
    ][:1]  # (the quote itself may be parsed as its clause)


def _bare_tag(cue: Token, sent: SpacySpan) -> bool:
    """“…?” Deputy Defender Ana Ruiz asked Cole, who …: a longer sentence after a quote is still
    its tag when it opens with the speaker and its main verb reports nothing of its own (no
    clause, no infinitive: the quote is what was said)."""
    subject = next((c for c in cue.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    opens = subject is not None and subject.left_edge.i == sent.start
    reports = any(
        c.dep_ in ("ccomp", "xcomp", "advcl") and c.i > cue.i and not _aside(c) for c in cue.children
    )
    return cue.i == sent.root.i and opens and not reports


def _aside(clause: Token) -> bool:
    """``…, turning the question into a game``: a participle after a comma that reports nothing
    (no speech verb, no clause of its own) says how, not what."""
    comma = clause.i > 0 and clause.doc[clause.i - 1].text == ","
    return (
        comma
        and clause.tag_ == "VBG"
        and not cue_verbs([clause])
        and not any(c.dep_ in ("ccomp", "xcomp") for c in clause.children)
    )


def _lead_in_subject(doc: Doc, found: Found, sent: list[Token], marks: list[Span]) -> bool:
    """``X sent out the following message on Twitter:`` then the quote: a lead-in with no speech
    verb still names who wrote or said what follows (its main subject, a name or a pronoun)."""
    for verb in reversed([t for t in sent if t.pos_ == "VERB"]):  # the clause nearest the colon
        subject = subject_of(verb, marks)
        named = subject is not None and (subject.ent_type_ in ("PERSON", "ORG") or subject.pos_ == "PROPN")
        personal = subject is not None and verb.dep_ == "ROOT" and subject.lower_ in ("he", "she", "they")
        if named or personal:
            found.cue, found.cue_span, found.speaker = verb, token_span([verb]), subject
            found.method = "adjacent-tag"
            return True
    return False


def _cue_comma(sent: SpacySpan, marks: list[Span]) -> bool:
    """``To which she replied,`` split from the quote it leads in: a sentence that ends in a
    speech verb and a comma."""
    words = [t for t in sent if not t.is_punct and not t.is_space]
    ends = sent.text.rstrip().endswith(",") and bool(words) and not inside(words[-1], marks)
    return ends and bool(cue_verbs(words[-1:]))


def _step_adjacent(doc: Doc, found: Found, marks: list[Span]) -> bool:
    toks = expand(doc, found.span)
    if toks is None or len(toks) == 0:
        return False
    first, last = sentence(toks[0]), sentence(toks[-1])
    if last.end < len(doc):
        nxt = sentence(doc[last.end])
        unquoted = not any(inside(t, marks) for t in nxt)
        # "X agreed." after a quote is X agreeing with its speaker, not X's tag
        cues = [c for c in cue_verbs(nxt)[:1] if c.lemma_.lower() != "agree"]
        same_line = "\n" not in text_of(doc)[found.span.end : nxt.start_char]
        tag = unquoted and (len(nxt) <= 12 or (cues and same_line and _bare_tag(cues[0], nxt)))
        tag = tag and (same_line or not _leads_next_quote(doc, nxt, marks))
        if tag and any(_decide(found, cue, marks, "adjacent-tag") for cue in cues):
            return True
    if first.start > 0:
        prev = sentence(doc[first.start - 1])
        if prev.text.rstrip().endswith(":") or _cue_comma(prev, marks):
            outside = [t for t in prev if not inside(t, marks)]
            cues = cue_verbs(outside)[-1:]
            if not cues:
                return _lead_in_subject(doc, found, outside, marks)
            return any(_decide(found, cue, marks, "adjacent-tag") for cue in cues)
    return False


def _leads_next_quote(doc: Doc, sent: SpacySpan, marks: list[Span]) -> bool:
    """``Trump fired back with a statement. “I am not …”``: a sentence opening a paragraph
    whose next words are a quote introduces that quote, not the one that ended the paragraph
    before."""
    text = text_of(doc)
    line_end = text.find("\n", sent.end_char)
    line_end = len(text) if line_end < 0 else line_end
    rest = text[sent.end_char : line_end]
    return bool(rest.strip()) and any(
        m.start == sent.end_char + len(rest) - len(rest.lstrip()) for m in marks
    )


def _governing_cue(doc: Doc, found: Found) -> Token | None:
    """``X said the wall “will be built,” and Y said …``, ``X told fans to “go vote”``: quoted
    words inside the clause or infinitive a speech verb governs belong to that verb's speaker,
    whatever cue follows them."""
    words = [t for t in expand(doc, found.span) if not t.is_punct and not t.is_space]
    if not words:
        return None
    node, passed = words[0], set()
    for _ in range(8):
        if node.head.i == node.i:
            return None
        passed.add(node.dep_)
        node = node.head
        outside = not found.span.start <= node.idx < found.span.end
        if outside and node.pos_ == "VERB" and cue_verbs([node]):
            # "told supporters to “go vote”": an infinitive of a speech verb is what it said too
            return node if passed & {"ccomp", "xcomp"} else None
    return None


def attribute_direct(doc: Doc, found: Found, marks: list[Span]) -> None:
    """Steps 1 and 2 for one direct quote or fragment (in place)."""
    if found.speaker is not None:
        return
    owner = _utterance_owner(doc, found) if found.kind == "fragment" else None
    if owner is not None:  # "X rejected Lind's offer to make an “exception”": Lind's words
        found.speaker, found.method = owner, "possessor"
        return
    owner = _referred_owner(doc, found, marks)
    if owner is not None:  # "“… ‘We'll crush them’ …,” said X, referring to Lind's vow"
        found.speaker, found.method = owner, "referred"
        return
    governing = _governing_cue(doc, found) if found.kind == "fragment" else None
    if governing is not None and _decide(found, governing, marks, "syntactic-subject"):
        return
    if found.cue is not None and _decide(found, found.cue, marks, "syntactic-subject"):
        return
    label = _label_inside(doc, found) if found.kind == "direct" else None
    if label is not None:  # a transcript paragraph in quote marks: “WALLACE: Let's start …”
        found.speaker, found.method = label, "colon-label"
        return
    if not _step_same_sentence(doc, found, marks):
        _step_adjacent(doc, found, marks)


# Methods that give quoted words to someone other than the tag's speaker: the owner of an
# utterance noun, or the person the tag says the words refer to.
OWNED_WORDS = frozenset(["possessor", "referred"])

# Nouns for something said or put forward besides those of speech verbs ("vow", "claim"):
# "Lind's offer to make an “exception”" gives Lind's words.
_UTTERANCE_NOUNS = CLAIM_NOUNS | {"offer", "proposal", "threat", "warning", "plea", "idea", "plan"}


def _utterance_owner(doc: Doc, found: Found) -> Token | None:
    """The named person whose utterance noun ("offer", "vow", "remark") holds a quoted
    fragment, through its possessor ("Lind's offer to …"), before any verb above it: the words
    are that person's, not those of whoever rejected or mocked the offer."""
    toks = [t for t in expand(doc, found.span) if not (t.is_punct or t.is_space)]
    if not toks:
        return None
    node = toks[0]
    while node.head.i != node.i:
        child, node = node, node.head
        if node.pos_ in ("VERB", "AUX") and not (node.dep_ == "acl" and node.tag_ == "VB"):
            return None  # only "offer to make …" (an infinitive the noun governs) is passed
        lemma = node.lemma_.lower()
        outside = not found.span.start <= node.idx < found.span.end  # "the “last sour note”" names
        if outside and node.pos_ == "NOUN" and (lemma in _UTTERANCE_NOUNS or lemma in SPEECH_VERBS):
            if child.dep_ not in ("acl", "ccomp"):
                return None  # "denounced Lind's remarks as “hurtful”": the verb's words, not hers
            owner = next((c for c in node.children if c.dep_ == "poss"), None)
            return owner if owner is not None and owner.ent_type_ == "PERSON" else None
    return None


# Verbs of a tag that say the quote quotes someone else ("…,” said Lind, referring to Garr's
# vow), with the preposition their object takes, if any.
_REFERRING = {"refer": "to", "allude": "to", "quote": "", "cite": "", "paraphrase": "", "mock": ""}


def _referred_owner(doc: Doc, found: Found, marks: list[Span]) -> Token | None:
    """``“… not be satisfied with ‘We'll crush them,’” said Lind, referring to Garr's vow``: a
    quote nested inside another whose tag refers to a named person's utterance (or quotes the
    person) is that person's, not the outer quote's speaker's."""
    holders = sorted((m for m in marks if m.contains(found.span)), key=lambda m: m.end - m.start)
    outer = holders[1:]  # the first is the quote's own marks (two characters each for typed doubles)
    if not outer and found.kind != "fragment":
        return None  # a quote of its own is the tag's speaker's; only words inside it are not
    end = max((m.end for m in outer), default=found.span.end + 1)
    after = [t for t in expand(doc, Span(end, end + 2)) if not t.is_space]  # past a space after the marks
    if not after:
        return None
    for tok in sentence(after[0]):
        prep = _REFERRING.get(tok.lemma_.lower())
        if tok.i < after[0].i or prep is None or tok.pos_ != "VERB" or inside(tok, marks):
            continue
        objs = (
            [c for c in tok.children if c.dep_ == "dobj"]
            if not prep
            else [
                g
                for c in tok.children
                if c.dep_ == "prep" and c.lower_ == prep
                for g in c.children
                if g.dep_ == "pobj"
            ]
        )
        for obj in objs:
            if obj.ent_type_ == "PERSON":
                return obj
            lemma = obj.lemma_.lower()
            owner = next((c for c in obj.children if c.dep_ == "poss"), None)
            if (
                owner is not None
                and owner.ent_type_ == "PERSON"
                and (lemma in _UTTERANCE_NOUNS or lemma in SPEECH_VERBS)
            ):
                return owner
    return None


def _label_inside(doc: Doc, found: Found) -> Token | None:
    """The speaker label a quoted transcript line opens with: one to three words in capitals,
    a name, then a colon ("PENCE:", "CHRIS WALLACE:")."""
    words = [t for t in expand(doc, found.span) if not t.is_space]
    while words and words[0].is_punct and words[0].text != ":":
        words.pop(0)  # the opening mark
    label = []
    for tok in words[:4]:
        if tok.text == ":":
            break
        if not (tok.is_alpha and tok.is_upper and len(tok.text) > 1):
            return None
        label.append(tok)
    named = label and all(t.pos_ == "PROPN" or t.ent_type_ in ("PERSON", "ORG") for t in label)
    if not named or len(words) <= len(label) or words[len(label)].text != ":":
        return None
    return label[-1] if _transcript(doc) else None  # "WARNING: …" once is no transcript


_LABEL_LINE = re.compile(r"^\W{0,3}[A-Z][A-Z.'’-]+(?: [A-Z][A-Z.'’-]+){0,2}:", re.MULTILINE)


def _transcript(doc: Doc) -> bool:
    """Whether the article prints a transcript: two lines or more open with a label in capitals."""
    found = doc.user_data.get("newsprism_transcript")
    if found is None:
        found = doc.user_data["newsprism_transcript"] = len(_LABEL_LINE.findall(text_of(doc))) >= 2
    return found


def _inherit(q: Found, source: Found) -> None:
    q.speaker, q.referent, q.inherited, q.method = source.speaker, source.referent, source, "continuation"


def _share_runs(quotes: list[Found]) -> None:
    """Segments of one quote continued over paragraphs share the speaker of the tagged one."""
    runs: dict[int, list[Found]] = {}
    for q in quotes:
        if q.run is not None:
            runs.setdefault(q.run, []).append(q)
    for segments in runs.values():
        source = next((q for q in segments if q.speaker is not None), None)
        for q in segments:
            if source is not None and q.speaker is None:
                _inherit(q, source)


# Paragraphs an untagged quote may follow a quote the writer left open (never closed): the
# open quote runs on, so the next quote that opens a paragraph is the same speaker's.
OPEN_QUOTE_PARAGRAPHS = 4


def _left_open(prev: Found, q: Found, text: str) -> bool:
    """``prev`` is a direct quote with no closing mark before ``q``, which opens its line."""
    if prev.kind != "direct" or not text:
        return False
    between = text[prev.span.end : q.span.start]
    opens_line = text[: max(0, q.span.start - 1)].rstrip(" ")[-1:] in ("", "\n")
    return opens_line and not any(c in between for c in DOUBLE_CLOSE + STRAIGHT_DOUBLE)


def continue_speakers(quotes: list[Found], text: str = "") -> None:
    """Step 3: an untagged direct quote takes the speaker of the quote (direct or reported)
    just before it, in its paragraph or the one before, or a few paragraphs before when that
    quote was left open (``text`` is the article's, to see the marks)."""
    _share_runs(quotes)
    _tagged_next(quotes)
    _joined_pairs(quotes, text)
    prev: Found | None = None
    for q in quotes:
        if q.kind == "fragment":
            continue
        if (
            q.kind == "direct"
            and q.speaker is None
            and prev is not None
            and prev.speaker is not None
            and (
                q.paragraph - prev.paragraph <= 1
                or (q.paragraph - prev.paragraph <= OPEN_QUOTE_PARAGRAPHS and _left_open(prev, q, text))
            )
        ):
            _inherit(q, prev)
        if not (prev is not None and _in_tag_of(prev, q, text)):
            prev = q


def _in_tag_of(prev: Found, q: Found, text: str) -> bool:
    """``“…,” X said at the party, after news outlets declared him the victor``: a report inside
    the tag of the direct quote before it, no sentence between, is no new speaker to go on with."""
    between = text[prev.span.end : q.span.start]
    return (
        prev.kind == "direct"
        and q.kind == "indirect"
        and prev.speaker is not None
        and "\n" not in between
        and re.search(r"[.!?][”’\"']*\s", between) is None
    )


# Only these between two quotes make the second one more of the same ("“A” and then “B”").
_JOINED = re.compile(r"[\s,”’\"']*(?:and|or|but)?(?:\s+then)?[\s,“‘\"']*")


def _joined_pairs(quotes: list[Found], text: str) -> None:
    """``told fans to “go vote” and then “go pick some other place …”``: an untagged quote that
    only a conjunction parts from the quote before it says more of that speaker's words."""
    for prev, q in zip(quotes, quotes[1:], strict=False):
        between = text[prev.span.end : q.span.start]
        joined = "\n" not in between and "." not in between and _JOINED.fullmatch(between) is not None
        if q.speaker is None and prev.speaker is not None and q.kind != "indirect" and joined:
            _inherit(q, prev)


def lead_in_speakers(doc: Doc, quotes: list[Found], paras: list[Span]) -> None:
    """``Williams joined the crowd and tried to calm it.`` then a paragraph that is only a quote:
    an untagged direct quote opening its paragraph, right after a paragraph whose last sentence
    quotes no more than a few words and has a named person as main subject, is that person's (method ``lead-in``, a
    weak attribution the cross-outlet check may correct)."""
    text = text_of(doc)
    for q in quotes:
        if q.kind != "direct" or q.speaker is not None or not 0 < q.paragraph < len(paras):
            continue
        para, prev = paras[q.paragraph], paras[q.paragraph - 1]
        if text[para.start : q.span.start].strip(' “"«'):
            continue
        last = [t for t in tokens_between(doc, prev.start, prev.end) if not t.is_space]
        if not last:
            continue
        start = sentence(last[-1]).start_char
        if any(f.kind != "fragment" and f.span.end > start and f.span.start < prev.end for f in quotes):
            continue  # a quote in the last sentence may be someone else's, to be continued
        subject = _named_person(_main_subject(sentence(last[-1])))
        if subject is not None:
            q.speaker, q.method = subject, "lead-in"


def paragraph_lead_ins(doc: Doc, quotes: list[Found], paras: list[Span]) -> None:
    """``On TV, Sen. Ana Ruiz named three reasons. “…”``: an untagged direct quote that is the
    first quote of its paragraph, right after a sentence of that paragraph with a named person
    as main subject, is that person's (before any quote of an earlier paragraph continues)."""
    first: dict[int, Found] = {}
    for q in quotes:
        first.setdefault(q.paragraph, q)
    for q in first.values():
        if q.kind != "direct" or q.speaker is not None or not 0 <= q.paragraph < len(paras):
            continue
        para = paras[q.paragraph]
        before = [t for t in tokens_between(doc, para.start, q.span.start) if not t.is_space]
        while before and before[-1].is_punct and not before[-1].text.endswith((".", "!", "?")):
            before.pop()  # the opening mark
        if not before or q.run is not None:
            continue
        sent = sentence(before[-1])
        subject = _named_person(_main_subject(sent)) if sent.end_char <= q.span.start else None
        if subject is not None and sent.root.pos_ in ("VERB", "AUX"):
            q.speaker, q.method = subject, "lead-in"


def _main_subject(sent: SpacySpan) -> Token | None:
    root = sent.root
    return next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None)


def _named_person(subject: Token | None) -> Token | None:
    """The subject if a named person; for a description, the person named at its end ("His
    former partner at Lenex, Lee B. Cole, called him …": the apposition the parser may hang on
    any word of the phrase)."""
    if subject is None or subject.ent_type_ == "PERSON":
        return subject
    if subject.pos_ != "NOUN":
        return None
    last = subject.right_edge
    while last.is_punct and last.i > subject.i:
        last = last.doc[last.i - 1]
    named = next((t for t in subject.subtree if t.dep_ == "appos" and t.ent_type_ == "PERSON"), None)
    return named if named is not None and named.i == last.i else None


def _tagged_next(quotes: list[Found]) -> None:
    """``“…” He said on a visit, “…”``: an untagged quote that the next direct quote of its
    paragraph follows, tagged between the two, has that quote's speaker."""
    spoken = [q for q in quotes if q.kind != "fragment"]
    for q, nxt in zip(spoken, spoken[1:], strict=False):
        between = nxt.cue_span is not None and q.span.end <= nxt.cue_span.start < nxt.span.start
        untagged = q.kind == nxt.kind == "direct" and q.speaker is None and nxt.speaker is not None
        if untagged and between and nxt.paragraph == q.paragraph and nxt.inherited is None:
            _inherit(q, nxt)


def _described_names(doc: Doc) -> list:
    """``Yuni, a resident of Lampung, …``: an untagged proper-noun subject with a common-noun
    apposition is a person the tagger missed (as a one-token span, like an entity)."""
    return [
        doc[t.i : t.i + 1]
        for t in doc
        if t.pos_ == "PROPN"
        and not t.ent_type_
        and t.lower_ not in ROLE_WORDS
        and t.dep_ in ("nsubj", "nsubjpass")
        and any(c.dep_ == "appos" and c.pos_ == "NOUN" and not c.ent_type_ for c in t.children)
    ]


def _surname_mentions(doc: Doc) -> list:
    """``Rossi laid out the case``: a capitalised word, unlabelled or a one-word entity of
    another kind (taggers read surnames as places and companies), that is the surname of a
    full person name in the article is that person mentioned again (one-token spans), so a
    pronoun after it can reach them."""
    full = {
        e[-1].text
        for e in entities(doc)
        if e.label_ == "PERSON" and len(e.text.split()) >= 2 and e.text.split()[-1] in surnames(doc)
    }
    single = {e.start for e in entities(doc) if len(e) == 1 and e.label_ != "PERSON"}
    # a family's surname stands for no one in particular, unless the tagger reads it alone as a
    # person elsewhere in the article ("Trump said" beside "Ivanka Trump"): then a mis-tagged
    # "Trump vowed" is that same bare-surname person again
    alone = {e.text for e in entities(doc) if len(e) == 1 and e.label_ == "PERSON"}
    return [
        doc[t.i : t.i + 1]
        for t in doc
        if (not t.ent_type_ or t.i in single)
        and t.pos_ in ("PROPN", "NOUN")
        and t.dep_ != "compound"  # "the Rossi campaign": a modifier, no mention of the person
        and t.shape_.startswith("Xx")
        and t.text in full
        and (t.lower_ not in _families(doc) or t.text in alone)
    ]


def _persons(doc: Doc, surnames_too: bool = True) -> list:
    """PERSON entities and described names, in text order, with (``surnames_too``) the
    surnames the tagger missed (computed once per doc). Gender votes leave the surnames out:
    each one would cut the window of pronouns that follow the full name before it."""
    key = ("newsprism_persons", surnames_too)
    found = doc.user_data.get(key)
    if found is None:
        found = [e for e in entities(doc) if e.label_ == "PERSON"] + _described_names(doc)
        found += _dateline_persons(doc)
        if surnames_too:
            seen = {e.start for e in found}
            found += [s for s in _surname_mentions(doc) if s.start not in seen]
        found.sort(key=lambda e: e.start)
        doc.user_data[key] = found
    return found


def _dateline_persons(doc: Doc) -> list:
    """``CLEVELAND - Ana Ruiz painted …`` tagged as one entity: the person after the dash."""
    found = (glued_dateline(e) for e in entities(doc) if e.label_ != "PERSON")
    return [span for span in found if span is not None]


# A legislator's party and state ("Rep. Norm Dicks, D-Wash."), which taggers read as an
# organisation: it qualifies the name before it and never speaks.
PARTY_TAG = re.compile(r"^[DRI]-[A-Z][A-Za-z. ]*$")


def _antecedents(
    doc: Doc, before: int, marks: list[Span], labels: tuple[str, ...], since: int = 0
) -> list[Token]:
    """Root tokens of entities with ``labels`` that end before ``before``, latest first, outside
    quotes; with ``since``, only roots from that offset on (looked up, not scanned: this runs
    for every pronoun of an article)."""
    ents = _labelled(doc, labels).overlapping(since, before)
    heads = [
        e.root
        for e in ents
        if e.end_char <= before
        and e.root.idx >= since
        and not PARTY_TAG.match(e.text)
        and not _modifier(e)
        and not abbreviated_title(e.root)  # "Police Sgt. Ana Ruiz": the entity cut at the dot
    ]
    return [h for h in reversed(heads) if not inside(h, marks)]


def _modifier(ent) -> bool:
    """A nationality or group word that modifies a noun ("American officials", a place name the
    tagger split, "Hawaiian Gardens"): the noun is what a pronoun can stand for, not it.
    (Dropping an organisation inside a title, "Defense Attorney X", was tried: on calibrate,
    "they" then reached an older wrong entity more often than it was right.)"""
    return (
        (ent.label_ == "NORP" and ent.root.dep_ in ("amod", "compound")) or _placed_in(ent) or _employer(ent)
    )


def _placed_in(ent) -> bool:
    """``Orange County, Fla.``, ``Austin, Texas``: a place written after another to say where
    it is, or a place that qualifies a noun ("an Orange County deputy sheriff"); it locates, it
    does not act."""
    root = ent.root
    if ent.label_ != "GPE":
        return False
    if root.dep_ == "appos" and root.head.ent_type_ in ("GPE", "LOC"):
        return True
    return root.dep_ in ("compound", "nmod") and root.head.pos_ == "NOUN" and not root.head.ent_type_


def _employer(ent) -> bool:
    """``Ruiz spokeswoman Ana Berg``: a person named as whose role another named person holds
    is no antecedent there; the role holder is."""
    if ent.label_ != "PERSON" or ent.root.dep_ != "compound":
        return False
    head = ent.root.head
    while head.dep_ == "compound" and head.head.i != head.i and not head.ent_type_:
        head = head.head
    return head.ent_type_ == "PERSON" and not (ent.start <= head.i < ent.end)


def _labelled(doc: Doc, labels: tuple[str, ...]) -> SpanIndex:
    """The entities with ``labels`` (persons with described names), indexed once per doc."""
    key = ("newsprism_labelled", labels)
    found = doc.user_data.get(key)
    if found is None:
        ents = _persons(doc) if labels == PERSON_ENTS else [e for e in entities(doc) if e.label_ in labels]
        found = SpanIndex(ents, lambda e: Span(e.start_char, e.end_char))
        doc.user_data[key] = found
    return found


def _nominal_noun(tok: Token) -> str | None:
    """The role noun of a definite description speaker (``the spokesman``, ``the Speaker``:
    a capitalised title alone), else None."""
    title = tok.pos_ == "PROPN" and tok.lower_ in TITLE_WORDS - TITLE_QUALIFIERS
    if (tok.pos_ != "NOUN" and not title) or (tok.ent_type_ and not title):
        return None
    if any(_names_someone(c) and not (title and c.lower_ in TITLE_WORDS) for c in tok.lefts):
        return None  # "the District Attorney": a title of two title words names nobody
    dets = [c.lower_ for c in tok.children if c.dep_ in ("det", "poss")]
    # "the Democratic presidential nominee", "Connecticut's tax commissioner": a place or a
    # group qualifies the role, nobody is named
    place = any(c.dep_ == "poss" and c.ent_type_ in ("GPE", "NORP") for c in tok.children)
    if place or "the" in dets or "its" in dets or "his" in dets or "her" in dets:
        return tok.lemma_.lower()
    return None


def _names_someone(tok: Token) -> bool:
    """A modifier that names a person or body ("Lind's", "Treasury"), not a place or group."""
    if tok.ent_type_:
        return tok.ent_type_ not in ("GPE", "NORP", "DATE", "ORDINAL", "CARDINAL")
    return tok.pos_ == "PROPN"


def _gender_of(tok: Token, genders: dict[str, str]) -> str | None:
    """``m``/``f`` from an honorific right before the name, the first name of the mention
    ("Melania Trump", where the surname's pronouns are mixed), the first names of every full
    name the article writes with that surname (also for a surname tagged as something else:
    "Trump's plan" read as a company), else the pronouns that followed it (noisy: "Galt asked
    whether she had read it" votes Galt female)."""
    if tok.ent_type_ != "PERSON" and tok.pos_ == "PROPN" and _family_name(tok):
        # a family's surname the tagger missed ("Trump vowed" beside "Ivanka Trump"): which of
        # them only the article's pronouns after the name tell; else no he or she is them
        return genders.get(tok.lower_, MIXED)
    if tok.ent_type_ not in ("PERSON", ""):  # a surname the tagger read as a company or place
        return _surname_sex(tok) if tok.pos_ == "PROPN" else None  # (its pronoun votes: too noisy)
    ent = next((e for e in entities(tok.doc) if e.start <= tok.i < e.end), None)
    start = ent.start if ent is not None else tok.i
    before = tok.doc[start - 1].lower_.rstrip(".") if start > 0 else ""
    if before == "mr":
        return "m"
    if before in ("ms", "mrs", "miss"):
        return "f"
    named = given_sex(ent.text) if ent is not None and len(ent) > 1 else None
    if named or _surname_sex(tok):
        return named or _surname_sex(tok)
    full = ent is not None and len(ent) > 1
    if (
        not full
        and _lone_modifier(tok)
        and tok.lower_ not in _surname_table(tok.doc)
        and first_name_sex(tok.text)
    ):
        # "a rubber Hillary mask. “…,” he said": a given name alone that modifies a noun has its
        # sex; the pronouns after it are the next person's ("Kim said" keeps its votes)
        return first_name_sex(tok.text)
    # "Ghazala Khan" beside "Khizr Khan": the surname's pronoun votes are the family's, not hers
    return None if full and _family_name(tok) else genders.get(tok.lower_)


def _lone_modifier(tok: Token) -> bool:
    """A name modifying a common noun with no proper noun on either side: "a rubber Hillary
    mask", not the "Dia" of "Mamadou Dia" that the tagger split."""
    doc = tok.doc
    before = doc[tok.i - 1] if tok.i > 0 else None
    after = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
    alone = all(t is None or t.pos_ != "PROPN" for t in (before, after))
    return alone and tok.dep_ == "compound" and tok.head.pos_ == "NOUN"


def _family_name(tok: Token) -> bool:
    """Two or more full person names of the article end in ``tok``'s word (a family)."""
    return tok.lower_ in _families(tok.doc)


def _families(doc: Doc) -> set[str]:
    """The surnames (lower case) that end the full names of two or more people of ``doc``."""
    key = "newsprism_family_names"
    table = doc.user_data.get(key)
    if table is None:
        given: dict[str, set[str]] = {}
        for e in entities(doc):
            if e.label_ == "PERSON" and len(e) > 1:
                given.setdefault(e[-1].lower_, set()).add(fold(e[0].text))
        # two different people: "François" / "Francois" or "Bernie" / "Bernard" are one
        table = {
            name
            for name, firsts in given.items()
            if any(not same_given(a, b) for a in firsts for b in firsts if a < b)
        }
        doc.user_data[key] = table
    return table


def _surname_sex(tok: Token) -> str | None:
    """The sex the first names give every full name of the article ending in ``tok`` ("Lind"
    after "Ana Lind"), when they agree."""
    sexes = _surname_table(tok.doc).get(tok.lower_, set())
    return next(iter(sexes)) if len(sexes) == 1 else None


def _surname_table(doc: Doc) -> dict[str, set[str | None]]:
    """Surname (lower case) → the sexes of the full person names of ``doc`` that end in it."""
    key = "newsprism_surname_sex"
    table = doc.user_data.get(key)
    if table is None:
        table = {}
        for e in entities(doc):
            if e.label_ == "PERSON" and len(e) > 1:
                table.setdefault(e[-1].lower_, set()).add(given_sex(e.text))
        doc.user_data[key] = table
    return table


MIXED = "mixed"  # the sex of a name whose pronouns are those of several people
MALE = frozenset(["he", "him", "his", "himself"])
FEMALE = frozenset(["she", "her", "hers", "herself"])


def infer_genders(doc: Doc, marks: list[Span]) -> dict[str, str]:
    """Surname → ``m``/``f`` from the subject pronouns that follow a person's mention, outside
    quotes, up to the end of the next sentence or the next person named (whichever comes first)."""
    votes: dict[str, list[int]] = {}
    persons = [e for e in _persons(doc, surnames_too=False) if not inside(e.root, marks)]
    for k, ent in enumerate(persons):
        stop = sentence(ent.root).end
        if stop < len(doc):
            stop = sentence(doc[stop]).end
        if k + 1 < len(persons):
            stop = min(stop, persons[k + 1].start)
        tally = votes.setdefault(ent[-1].lower_, [0, 0])
        for tok in doc[ent.end : stop]:
            # only "he"/"she" as a subject: "her ballot", "told him" are as often someone else
            if not inside(tok, marks) and tok.dep_ in ("nsubj", "nsubjpass"):
                tally[0] += tok.lower_ in MALE
                tally[1] += tok.lower_ in FEMALE
    return {name: "m" if m > f else "f" for name, (m, f) in votes.items() if m != f}


PRONOUN_GENDER = {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f"}


def _plural_subject(doc: Doc, pron: Token, marks: list[Span]) -> Token | None:
    """The latest plural common-noun subject before ``pron`` in its sentence or the one before,
    outside quotes ("Critics of the law often …. They have argued …")."""
    here = sentence(pron)
    start = sentence(doc[here.start - 1]).start if here.start > 0 else here.start
    found = [
        t
        for t in doc[start : pron.i]
        if t.dep_ in ("nsubj", "nsubjpass")
        and t.tag_ == "NNS"
        and not t.ent_type_
        and t.lemma_.lower() not in DOCUMENT_NOUNS
        and not inside(t, marks)
    ]
    return found[-1] if found else None


def _pronoun_referent(
    q: Found, cands: list[Token], pronouns: list[Token], speaker_idx: set[int], genders: dict[str, str]
) -> Token | None:
    assert q.speaker is not None

    def agrees(cand: Token, pron: Token) -> bool:
        return _gender_of(cand, genders) in (None, PRONOUN_GENDER.get(pron.lower_))

    def unsexed(cand: Token) -> bool:  # one person of no known sex (a family's name is several)
        return _gender_of(cand, genders) is None and not _family_name(cand)

    cands = [c for c in cands if agrees(c, q.speaker)]
    return best_referent(cands, q.speaker, speaker_idx, pronouns, agrees, unsexed)


def _the_named(tok: Token) -> bool:
    """``the Associated Press``, ``the Times``: a name the tagger called an organisation that
    takes "the" (people's names do not)."""
    if tok.ent_type_ != "ORG" or tok.ent_iob_ == "":
        return False
    start = tok.i
    while start > 0 and tok.doc[start].ent_iob_ == "I":
        start -= 1
    return tok.doc[start].lower_ == "the" or (start > 0 and tok.doc[start - 1].lower_ == "the")


def _not_named_within(cands: list[Token], said: str, own_words: bool = True) -> list[Token]:
    """“If voters choose Garr, …,” he said: a person their own words name in the third person
    is not who says them; the others, when any is left. A paraphrase (not ``own_words``) may
    name its speaker by surname, so there only a full name counts ("he said Tom Garr will …")."""

    def named(c: Token) -> bool:
        if own_words:
            return re.search(rf"(?<![\w’'-]){re.escape(c.text)}(?![\w-])", said) is not None
        found = re.finditer(rf"\b([A-Z][a-z]+) {re.escape(c.text)}(?![\w-])", said)
        return any(is_given_name(m.group(1)) for m in found)

    others = [c for c in cands if not named(c)]
    return others or cands


def _governing_subject(pron: Token, marks: list[Span], genders: dict[str, str]) -> Token | None:
    """``Speaker Ana Lind, who …, was more direct about the rift, what she called “…”``: a
    he/she inside a clause under a verb whose subject is a named person of that sex, written
    before it, is that person (the subject the clause hangs from, not whoever the story is
    about). The pronoun's own verb and a pronoun that is a main clause's subject are left to
    salience."""
    verb = pron.head
    sex = PRONOUN_GENDER.get(pron.lower_)
    while verb.head.i != verb.i:
        verb = verb.head
        subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is None:
            continue
        if subject.i > pron.i or subject.ent_type_ != "PERSON" or inside(subject, marks):
            return None  # the nearest subject up the tree decides, named or not
        return subject if _gender_of(subject, genders) in (None, sex) else None
    return None


def _sex_known_beside(q: Found, ref: Token, marks: list[Span], genders: dict[str, str]) -> Token | None:
    """``Gov. Chris Garr described Ana Lind as a “disgrace” after she blamed …``: a referent
    whose sex nothing tells gives way to the one person of the pronoun's sex named earlier in
    the pronoun's own sentence, outside quote marks (also when named inside what another said
    of them: the person described is no quoted word)."""
    pron = q.speaker
    assert pron is not None
    if _gender_of(ref, genders) is not None:
        return None
    sex = PRONOUN_GENDER.get(pron.lower_)
    here = sentence(pron)
    known = {
        e.root.lower_: e.root
        for e in entities(pron.doc)
        if e.label_ == "PERSON"
        and here.start <= e.start
        and e.end <= pron.i
        and not inside(e.root, marks)
        and not q.span.start <= e.root.idx < q.span.end
        and _gender_of(e.root, genders) == sex
    }
    return next(iter(known.values())) if len(known) == 1 else None


def _colon_lead(doc: Doc, q: Found, genders: dict[str, str]) -> Token | None:
    """``Fallon fired back: “As a guardian …,” he wrote, “…”``: a he/she tag inside a quote that
    a colon leads in is the named person whose clause ends in that colon, when the sex fits."""
    assert q.speaker is not None
    text = text_of(doc)
    before = text[: q.span.start].rstrip(" “\"‘'")
    if not before.endswith(":") or "\n" in text[len(before) : q.span.start]:
        return None
    span = doc.char_span(len(before) - 1, len(before))
    colon = span[0] if span is not None and len(span) == 1 else None
    if colon is None or colon.i == 0:
        return None
    start = sentence(colon).start
    verb = next((t for t in reversed(doc[start : colon.i]) if t.pos_ in ("VERB", "AUX")), None)
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None) if verb else None
    known = subject is not None and subject.pos_ == "PROPN" and subject.text in surnames(doc)
    subject = subject if known else _named_person(subject)  # "Fallon" the tagger left unlabelled
    if subject is None or subject.i > colon.i:
        return None
    return subject if _gender_of(subject, genders) in (None, PRONOUN_GENDER.get(q.speaker.lower_)) else None


def _subject_pronouns(doc: Doc, start: int, end: int, marks: list[Span]) -> list[Token]:
    """``he``/``she`` subjects outside quotes between two offsets (earlier mentions of someone)."""
    toks = tokens_between(doc, start, end)
    return [
        t
        for t in toks
        if t.lower_ in ("he", "she") and t.dep_ in ("nsubj", "nsubjpass") and not inside(t, marks)
    ]


# Words that make another role of the same noun: the vice presidential nominee is not the
# presidential nominee.
OTHER_ROLE = frozenset(["vice", "deputy", "assistant", "associate", "former", "acting", "ex", "co", "under"])


def _nominal_referent(
    doc: Doc, noun: str, cands: list[Token], mods: frozenset[str] = frozenset()
) -> Token | None:
    """Only a candidate introduced with the same role noun (``spokesman Anna Berg``), and with
    the description's qualifiers (``the Republican nominee``: "Republican presidential nominee
    X", never "Democratic vice presidential nominee Y")."""
    for c in cands:
        near = _described_with(c)
        if noun in near and mods <= near and (near & OTHER_ROLE) <= mods:
            return c
    return None


# Abbreviated titles written before names, and the noun a description uses for them.
_TITLE_ABBREVIATIONS = {"sen": "senator", "gov": "governor", "rep": "representative", "gen": "general"}


def _described_with(c: Token) -> set[str]:
    """The words a person mention is introduced with: the few before it ("Maine Sen."), its
    apposition (", a Republican,"), its "of" place ("Sen. Tom Garr of Maine")."""
    near = {t.lemma_.lower() for t in sentence(c) if t.i < c.i and c.i - t.i <= 4 and t.tag_ != "NNS"}
    near |= {t.lemma_.lower() for t in c.children if t.dep_ == "appos" for t in t.subtree}
    near |= {t.lower_ for t in c.doc[c.left_edge.i : c.i + 1]}  # "St Brigid's Hospital"
    near |= {t.lower_ for p in c.children if p.dep_ == "prep" and p.lower_ == "of" for t in p.subtree}
    if c.dep_ == "appos" and c.head.pos_ == "NOUN":  # "his father, coach Greg Lind": the noun it names
        near.add(c.head.lemma_.lower())
    return near | {_TITLE_ABBREVIATIONS[w.rstrip(".")] for w in near if w.rstrip(".") in _TITLE_ABBREVIATIONS}


def _modifiers(tok: Token) -> frozenset[str]:
    """The qualifiers of a description (``the Democratic presidential nominee``: democratic,
    presidential), articles and possessive pronouns aside."""
    return frozenset(
        c.lemma_.lower()
        for c in tok.lefts
        if c.dep_ in ("amod", "compound", "nmod", "poss") and c.pos_ != "PRON"
    )


def _org_description(tok: Token) -> str | None:
    """The descriptor noun of a definite description of an organisation: ``the US software
    giant``, ``French firm``, ``the company's security response team`` (its owner), else None."""
    if tok.pos_ != "NOUN" or tok.ent_type_ or any(t.ent_type_ == "PERSON" for t in tok.subtree):
        return None  # "the company's researcher Paul Ferguson" is named
    for noun in (tok, *(c for c in tok.children if c.dep_ == "poss")):
        if noun.pos_ != "NOUN" or noun.ent_type_ or noun.tag_ not in ("NN", "NNP"):
            continue
        if noun.lemma_.lower() not in ORG_DESCRIPTORS or _indefinite(noun):
            continue
        dets = {c.lower_ for c in noun.children if c.dep_ in ("det", "poss")}
        owned = noun.i != tok.i and dets & {"his", "her", "their"}  # "his company's sensors"
        if (
            owned
            or dets & {"the", "its", "this"}
            or (not dets and any(c.dep_ in ("amod", "compound") for c in noun.lefts))
        ):
            return noun.lemma_.lower()
    return None


def _latest_agent(cands: list[Token], at: Token, speakers: set[int], sentences: int = 3) -> Token | None:
    """The latest candidate (``cands`` latest first) that spoke or was a subject in the last few
    sentences: "according to the Budget Office, … The agency said" is the Budget Office, however
    often another body was named before."""
    first = sentence(at).start
    for c in cands:
        if first - sentence(c).start > 0 and _sentences_between(c, at) > sentences:
            return None
        head = c
        while head.dep_ in ("compound", "flat") and head.head.i != head.i:
            head = head.head
        if c.i in speakers or head.dep_ in ("nsubj", "nsubjpass"):
            return c
    return None


def _sentences_between(a: Token, b: Token) -> int:
    n, tok = 0, b
    while tok.i > a.i and n <= 10:
        start = sentence(tok).start
        if start <= a.i:
            break
        n += 1
        tok = tok.doc[start - 1]
    return n


def _indefinite(tok: Token) -> bool:
    """``a senior official``, ``two officials``: a source introduced without a name."""
    return any(c.lower_ in ("a", "an", "one", "another") or c.like_num for c in tok.lefts)


def _resolve_one(doc: Doc, q: Found, marks: list[Span], window: int, state: dict) -> None:
    tok = q.speaker
    assert tok is not None
    word = tok.lower_
    pos = min(tok.idx, q.span.start)
    document = state.get("document")
    if word == "it" and document is not None and _sentences_between(document[0], tok) <= 1:
        # "…, the report says. It also points out …": the document goes on (for its author)
        q.referent, q.method = document[1], f"{q.method}+document"
        return
    if word in PERSON_PRONOUNS | GROUP_PRONOUNS:
        labels = PERSON_ENTS if word in PERSON_PRONOUNS else GROUP_ENTS
        cands = _antecedents(doc, pos, marks, labels, since=pos - window)
        if labels == PERSON_ENTS:  # earlier speakers the tagger did not label still count
            seen = {c.i for c in cands}
            cands += [
                t
                for t in state["named"]
                if t.i not in seen
                and t.idx < pos
                and t.pos_ == "PROPN"
                and t.ent_type_ not in PLACE_ENTS
                and not abbreviated_title(t)  # its name is after the dot, in the candidates
            ]  # a place that spoke ("Moscow said") is never "he" or "she"
            cands.sort(key=lambda t: -t.i)
        cands = [c for c in cands if pos - c.idx <= window]
        pronouns = _subject_pronouns(doc, pos - window, pos, marks) if labels == PERSON_ENTS else []
        # a company reached through "the company" is "she" (its spokeswoman) only when no person is
        if word in ("he", "she"):  # "The Associated Press reported …": a body, never he or she
            cands = [c for c in cands if not _the_named(c)]
        people = [c for c in cands if c.i not in state["bodies"]] if labels == PERSON_ENTS else cands
        if word in ("he", "she"):  # a paraphrase names anyone, but seldom its speaker in full
            said = text_of(doc)[q.span.start : q.span.end]
            people = _not_named_within(people, said, q.kind in ("direct", "fragment"))
        ref = _governing_subject(tok, marks, state["genders"]) if word in ("he", "she") else None
        ref = ref or (_colon_lead(doc, q, state["genders"]) if word in ("he", "she") else None)
        ref = ref or _pronoun_referent(q, people, pronouns, state["speakers"], state["genders"])
        if ref is None and len(people) < len(cands):
            ref = _pronoun_referent(q, cands, pronouns, state["speakers"], state["genders"])
        if ref is not None and word in ("he", "she"):
            ref = _sex_known_beside(q, ref, state["marks"], state["genders"]) or ref
        if word == "they":  # "three jurors said … , they said": the latest plural source that spoke
            plural = [t for t in state["plural"] if t.idx < pos and pos - t.idx <= window]
            subject = _plural_subject(doc, tok, marks)  # "Critics of the law … They argued"
            plural += [subject] if subject is not None else []
            plural.sort(key=lambda t: t.i)
            if plural and (ref is None or plural[-1].i > ref.i):
                ref = plural[-1]
            elif ref is not None and ref.dep_ == "conj" and ref.head.ent_type_ in GROUP_ENTS:
                ref = ref.head  # "Greenpeace and the Sierra Club sued. They said": both
        if ref is not None:
            q.referent, q.method = ref, f"{q.method}+pronoun"
            if word in ("he", "she"):
                state["genders"].setdefault(ref.lower_, "m" if word == "he" else "f")
        return
    if any(c.dep_ == "appos" and _names_someone(c) for c in tok.children):
        return  # "the bureau director, Ana Ruiz, said": the description names its person
    if tok.lemma_.lower() in VOICE_NOUNS:
        # "a narrator in the Lind ad": a voice the maker hired, not the maker; "the ad's
        # narrator" after it is that voice again
        earlier = [t for t in reversed(state["unnamed"]) if t.lemma_ == tok.lemma_ and pos - t.idx <= window]
        if earlier and earlier[0].i != tok.i:
            q.referent, q.method = earlier[0], f"{q.method}+nominal"
        return
    author = author_of(doc, tok, marks, window)
    if author is not None:  # "the statement said": whoever issued it
        q.referent, q.method = author, f"{q.method}+document"
        return
    org = _org_description(tok)
    if org is not None:  # "the software giant", "the company's security team": a named company
        cands = _antecedents(doc, pos, marks, ("ORG",), since=pos - window)
        seen = {c.i for c in cands}  # earlier speakers ("according to X, …") count too
        cands += [
            t
            for t in state["named"]
            if t.ent_type_ == "ORG" and t.i not in seen and pos - window < t.idx < pos
        ]
        cands.sort(key=lambda t: -t.i)
        ref = (
            _nominal_referent(doc, org, cands)
            or _latest_agent(cands, tok, state["speakers"])
            or best_referent(cands, tok, state["speakers"])
        )
        if ref is not None:
            q.referent, q.method = ref, f"{q.method}+nominal"
            state["bodies"].add(ref.i)
            return
    if _age_description(tok):  # "said the 46-year-old": the person the last sentences are about
        cands = _antecedents(doc, pos, marks, PERSON_ENTS, since=pos - window)
        ref = best_referent(cands, tok, state["speakers"], _subject_pronouns(doc, pos - window, pos, marks))
        if ref is not None:
            q.referent, q.method = ref, f"{q.method}+nominal"
        return
    if _member_description(tok):  # "The Ohio Republican did give …, saying": the one just named
        ref = _nearest_agent(doc, tok, marks, state["speakers"], window)
        if ref is not None:
            q.referent, q.method = ref, f"{q.method}+nominal"
        return
    noun = _nominal_noun(tok)
    if noun is None:
        return
    earlier = [t for t in reversed(state["unnamed"]) if t.lemma_.lower() == noun and pos - t.idx <= window]
    introduced = _introduced_before(tok, noun, marks) if not earlier and _definite(tok) else None
    if earlier or introduced is not None:  # "a senior official said … the official added": one source
        q.referent, q.method = earlier[0] if earlier else introduced, f"{q.method}+nominal"
        return
    labels = ("ORG",) if noun in ORG_NOUNS else PERSON_ENTS
    mods = _modifiers(tok)
    if noun in ANONYMOUS_NOUNS - {"spokesman", "spokeswoman", "spokesperson"}:
        # "the official" is anyone; "the minority leader" is whoever was introduced as one
        # ("Senate Minority Leader Ana Ruiz"), and no one else
        cands = (
            _antecedents(doc, pos, marks, PERSON_ENTS, since=pos - window)
            if mods and tok.tag_ == "NN"
            else []
        )
        ref = _nominal_referent(doc, noun, cands, mods) if _definite(tok) else None
        if ref is not None:
            q.referent, q.method = ref, f"{q.method}+nominal"
        return
    cands = _antecedents(doc, pos, marks, labels, since=pos - window)
    ref = _nominal_referent(doc, noun, cands, mods)
    if labels == PERSON_ENTS:
        q.owner = _owner_of(tok, state["genders"])
        ref = ref or _named_anywhere(doc, noun, marks, q.owner, mods, tok)
        if ref is None and _anaphoric_title(tok, noun):
            # "The Democratic presidential nominee says": a title, not a role to find a name
            # for, stands for whom the last sentences are about
            ref = best_referent(
                cands, tok, state["speakers"], _subject_pronouns(doc, pos - window, pos, marks)
            )
        if ref is None and q.owner is None and (noun in TITLE_WORDS or agent_noun(tok)):
            ref = _named_next(doc, tok, marks)
    if ref is not None:
        q.referent, q.method = ref, f"{q.method}+nominal"


# Singular nouns for a member of a party or camp ("the Ohio Republican"); demonyms ("the
# Texan") are the tagger's singular NORP words.
_MEMBER_NOUNS = frozenset(
    ["republican", "democrat", "libertarian", "independent", "conservative", "liberal", "progressive"]
)


def _member_description(tok: Token) -> bool:
    """``the Wisconsin Republican``, ``the Texan``: "the", places, groups or adjectives, then a
    singular party-member or demonym noun: a person the article named, described."""
    if tok.tag_ not in ("NN", "NNP") or not _definite(tok):
        return False
    if tok.lower_ not in _MEMBER_NOUNS and tok.ent_type_ != "NORP":
        return False
    return all(
        c.dep_ == "det"
        or (c.dep_ == "amod" and c.pos_ == "ADJ")
        or (c.dep_ == "compound" and (c.ent_type_ in ("GPE", "NORP") or c.pos_ == "PROPN"))
        for c in tok.lefts
    )


def _subjectlike(tok: Token) -> bool:
    head = tok
    while head.dep_ in ("compound", "flat", "conj") and head.head.i != head.i:
        head = head.head
    return head.dep_ in ("nsubj", "nsubjpass")


def _nearest_agent(doc: Doc, tok: Token, marks: list[Span], speakers: set[int], window: int) -> Token | None:
    """The latest named person before ``tok`` (outside what was said, within three sentences)
    that spoke or was a subject; None when another person of that sentence is as near ("Ana
    Lind and Tom Garr met …. The Ohio Republican said": either)."""
    cands = _antecedents(doc, tok.idx, marks, ("PERSON",), since=tok.idx - window)
    words = {tok.lemma_.lower(), *(c.lemma_.lower() for c in tok.lefts if c.dep_ == "compound")}
    described = [c for c in cands if words <= _described_with(c)]  # "Sen. Garr of Maine, a Republican"
    if described:
        return described[0]
    ref = _latest_agent(cands, tok, speakers)
    if ref is None:
        return None
    rivals = [
        c
        for c in cands
        if c.i != ref.i
        and sentence(c).start == sentence(ref).start
        and c.lower_ != ref.lower_
        and (c.i in speakers or _subjectlike(c))
    ]
    joint = ref.dep_ == "conj" or any(c.dep_ == "conj" and c.pos_ == "PROPN" for c in ref.children)
    return None if rivals or joint else ref


def _introduced_before(tok: Token, noun: str, marks: list[Span], sentences: int = 2) -> Token | None:
    """``… and a police source said NYPD policy … “…,” the source said``: the latest indefinite
    mention of the same noun in this sentence or the ones just before, outside quotes (a
    source the steps before did not take as a quote's speaker)."""
    start = sentence(tok).start
    for _ in range(sentences):
        start = sentence(tok.doc[start - 1]).start if start > 0 else start
    for cand in reversed(tok.doc[start : tok.i]):
        if (
            cand.lemma_.lower() == noun
            and cand.pos_ == "NOUN"
            and _indefinite(cand)
            and not inside(cand, marks)
        ):
            return cand
    return None


def _definite(tok: Token) -> bool:
    return {c.lower_ for c in tok.children if c.dep_ in ("det", "poss")} == {"the"}


def _named_next(doc: Doc, tok: Token, marks: list[Span]) -> Token | None:
    """Cataphora: ``The state's tax commissioner says … . Ana Ruiz says …``: a description no
    earlier name answers is the person the next sentence names for the first time as the
    subject of its speech verb."""
    end = sentence(tok).end
    if end >= len(doc):
        return None
    nxt = sentence(doc[end])
    seen = {t.lower_ for t in doc[: tok.i] if t.pos_ == "PROPN" or t.ent_type_ == "PERSON"}
    for ent in entities(doc):
        if ent.label_ != "PERSON" or not nxt.start <= ent.start < nxt.end or inside(ent.root, marks):
            continue
        verb = ent.root.head
        if ent.root.dep_ == "nsubj" and verb.i == nxt.root.i and verb.lemma_.lower() in SPEECH_VERBS:
            return ent.root if not {t.lower_ for t in ent} & seen else None
    return None


def _age_description(tok: Token) -> bool:
    """``the 46-year-old``: a person described by age alone, after the article named them."""
    words = [t.lower_ for t in tok.subtree]
    return len(words) <= 6 and words[0] == "the" and bool(re.fullmatch(r"the\d+-?year-?old", "".join(words)))


# Nouns for a person by wealth or trade that stand for someone already named ("the billionaire
# real estate magnate says"), as titles do.
STATUS_NOUNS = frozenset(
    [
        "billionaire",
        "millionaire",
        "magnate",
        "mogul",
        "tycoon",
        "businessman",
        "businesswoman",
        "entrepreneur",
    ]
)


def _anaphoric_title(tok: Token, noun: str) -> bool:
    """``the senator``, ``the Republican nominee``: one person's title after the article named
    them (a possessive, "Connecticut's tax commissioner", introduces someone new)."""
    dets = {c.lower_ for c in tok.children if c.dep_ in ("det", "poss")}
    person = noun in TITLE_WORDS | STATUS_NOUNS or (
        agent_noun(tok) and noun not in ORG_NOUNS | ORG_DESCRIPTORS and not _introduced_unnamed(tok, noun)
    )
    return tok.tag_ == "NN" and dets == {"the"} and person and noun not in ANONYMOUS_NOUNS


def _introduced_unnamed(tok: Token, noun: str) -> bool:
    """``their agent told VBS … the agent said``: the noun came first as someone new and
    unnamed (any determiner but "the"), so "the agent" is that one, not a named person."""
    for t in tok.doc[: tok.i]:
        if t.lemma_.lower() == noun and t.pos_ == "NOUN":
            dets = {c.lower_ for c in t.children if c.dep_ in ("det", "poss")}
            if dets and dets != {"the"}:
                return True
    return False


def _owner_of(tok: Token, genders: dict[str, str]) -> Token | None:
    """Whose role a possessive description names: ``his spokesman`` → the latest person
    before "his" (named inside reported speech too: the owner is talked about, not speaking),
    of the pronoun's gender when it is known."""
    poss = next((c for c in tok.children if c.dep_ == "poss" and c.lower_ in ("his", "her")), None)
    if poss is None:
        return None
    want = "m" if poss.lower_ == "his" else "f"
    heads = [e.root for e in entities(tok.doc) if e.label_ == "PERSON" and e.end <= poss.i]
    heads = [h for h in heads if sentence(h).start >= sentence(poss).start - 40]
    return next((h for h in reversed(heads) if _gender_of(h, genders) in (None, want)), None)


def _named_anywhere(
    doc: Doc,
    noun: str,
    marks: list[Span],
    owner: Token | None,
    mods: frozenset[str] = frozenset(),
    description: Token | None = None,
) -> Token | None:
    """The one person the article names with ``noun`` ("ministry spokesman Anna Berg"),
    before or after the description; nobody when two different people carry the role or
    the role belongs to someone else than the ``owner`` ("the mayor's spokesman"). A name
    just after the ``description`` itself is not introduced by it ("the comedian added on
    Twitter", a platform the tagger read as a person)."""
    heads = [
        e.root
        for e in entities(doc)
        if e.label_ == "PERSON" and not inside(e.root, marks) and not _just_after(description, e.root)
    ]
    found = [h for h in heads if _nominal_referent(doc, noun, [h], mods) is not None]
    found = [h for h in found if owner is None or _owned_by(h, owner)]
    if len({h.lower_ for h in found}) != 1:
        return None
    return found[0]


def _just_after(description: Token | None, tok: Token) -> bool:
    """``tok`` within a few words after ``description``, in its sentence."""
    return (
        description is not None and 0 < tok.i - description.i <= 4 and sentence(tok) == sentence(description)
    )


def _owned_by(named: Token, owner: Token) -> bool:
    """False when the role is written as another person's (``the mayor's spokesman X``)."""
    left = named.doc[max(0, named.left_edge.i - 4) : named.i]
    other = [t for t in left if t.pos_ == "PROPN" and any(c.tag_ == "POS" for c in t.children)]
    return all(t.lower_ == owner.lower_ for t in other)


# Unnamed sources by practice: "an official said" in a lead is not the next person named.
UNNAMED_BY_PRACTICE = frozenset(
    """official source insider aide adviser advisor spokesman spokeswoman spokesperson diplomat
    officer analyst expert observer representative""".split()  # noqa: SIM905
)
# Paragraphs of an article's opening (headline, dek, lead) where a delayed name is looked for.
OPENING_PARAGRAPHS = 3


def _delayed_name(doc: Doc, q: Found, marks: list[Span]) -> Token | None:
    """Delayed identification, as news leads write it: "A Brooklyn woman who saw the shooting
    says …" then "Ana Ruiz is the only witness …"; a headline "Win or lose, candidate says, …"
    then a lead naming the candidate. An unnamed singular description of a person in the
    article's opening is the person the next sentence has as main subject (after the
    article's first sentence: the first person it names), not one named in its own sentence."""
    tok = q.speaker
    if tok is None or q.paragraph >= OPENING_PARAGRAPHS or tok.pos_ != "NOUN" or tok.ent_type_:
        return None
    owned = any(c.dep_ == "poss" for c in tok.children)
    if tok.tag_ != "NN" or owned or not person_noun(tok) or tok.lemma_.lower() in UNNAMED_BY_PRACTICE:
        return None
    here = sentence(tok)
    if here.end >= len(doc):
        return None
    nxt = sentence(doc[here.end])
    own = {t.lower_ for t in here if t.ent_type_ == "PERSON"}
    persons = [
        e
        for e in entities(doc)
        if e.label_ == "PERSON" and nxt.start <= e.start < nxt.end and not inside(e.root, marks)
        if not {t.lower_ for t in e} & own
    ]
    main = [e for e in persons if e.root.dep_ in ("nsubj", "nsubjpass") and e.root.head.i == nxt.root.i]
    if main:
        return main[0].root
    return persons[0].root if persons and here.start == 0 else None


def _joint_persons(tok: Token) -> bool:
    """``Ana Lind and Tom Garr said``: a named person joined to another named person."""
    return tok.ent_type_ == "PERSON" and any(
        c.dep_ == "conj" and c.ent_type_ == "PERSON" for c in tok.children
    )


def resolve_references(doc: Doc, quotes: list[Found], marks: list[Span], window: int) -> None:
    """Step 4: pronoun and role-noun speakers point at an earlier named one (in place)."""
    state: dict = {
        "speakers": set(),
        "named": [],
        "unnamed": [],
        "plural": [],
        "bodies": set(),  # organisations reached through a description ("the company")
        "genders": infer_genders(doc, marks),
        "marks": marks,
    }
    said = SpanSet((*marks, *(f.span for f in quotes)))  # people named only inside what was said never speak
    for q in sorted(quotes, key=lambda f: f.span.start):
        if q.speaker is not None and q.referent is None and q.inherited is None:
            _resolve_one(doc, q, said, window, state)
            if q.referent is None:
                delayed = _delayed_name(doc, q, said)
                if delayed is not None:
                    q.referent, q.method = delayed, f"{q.method}+delayed-name"
        if q.speaker is not None and q.speaker.lemma_.lower() in DOCUMENT_NOUNS and q.inherited is None:
            state["document"] = (q.speaker, q.referent if q.referent is not None else q.speaker)
        named = q.referent if q.referent is not None else q.speaker
        if named is not None and named.pos_ == "NOUN" and not named.ent_type_ and _indefinite(named):
            state["unnamed"].append(named)
        if named is not None and ((named.tag_ == "NNS" and not named.ent_type_) or _joint_persons(named)):
            state["plural"].append(named)  # "three jurors", "Ana Lind and Tom Garr": a later "they"
        if named is not None and (named.ent_type_ or named.pos_ == "PROPN"):
            state["speakers"].add(named.i)
            state["named"].append(named)
