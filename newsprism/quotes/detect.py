"""Quote detection: direct quotes and fragments from quote marks, indirect speech from the parse.

Direct quote or fragment (rules, in order, on each marked stretch):
  1. a paragraph that is only a short quoted phrase without end punctuation is a
     heading (``‘A ludicrous claim’``): not a quote;
  2. text that starts a clause (paragraph start, after ``: , . ? !`` or a dash) and
     ends one (punctuation inside the marks, or a sentence end right after) is a
     direct quote, as is any quoted stretch of ``long_quote_words`` or more;
  3. otherwise it is a fragment when a speech cue governs its sentence
     (``calling them “ludicrous”``) and a scare quote or a title when none does.
Indirect speech: a speech verb with a clausal complement (``X said (that) …``,
``X denied that …``, ``X told reporters that …``), the "that" clause of a claim noun it
governs (``X denied reports that …``), a tag set into the sentence it reports
(``The museum, X said, will open``) or ``According to X, …``. A long quote that starts
inside such a clause (``X said the plan was “a betrayal of …”``) is a fragment of it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from newsprism.model import Span
from newsprism.quotes.cues import AS_TAG_VERBS, CHARGE_VERBS, CLAIM_NOUNS, SPEECH_VERBS, TITLE_CUES
from newsprism.quotes.documents import source_in_phrase
from newsprism.quotes.found import Found
from newsprism.quotes.marks import DASH_CHARS, MarkedSpan
from newsprism.quotes.syntax import (
    cue_verbs,
    entities,
    expand,
    inside,
    is_cue,
    may_speak,
    person_noun,
    sentence,
    subject_of,
    subjectless_past,
    text_of,
    token_span,
    tokens_between,
    via_relative,
)
from newsprism.spans import SpanSet

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token
    from spacy.tokens import Span as SpacySpan

__all__ = [
    "classify_marked",
    "find_according",
    "find_charges",
    "find_claims",
    "find_indirect",
    "find_speech_acts",
    "find_trailing",
    "headline_line",
]

CLAUSE_BEFORE = ":,.?!-(;" + DASH_CHARS
CLAUSE_END = ".,!?;:…-" + DASH_CHARS


def _prev_char(text: str, pos: int) -> str:
    while pos > 0 and text[pos - 1] in " \t":
        pos -= 1
    return text[pos - 1] if pos > 0 else "\n"


def _next_char(text: str, pos: int) -> str:
    return text[pos] if pos < len(text) else "\n"


def _words(text: str) -> list[str]:
    return [w for w in text.split() if any(c.isalnum() for c in w)]


def is_heading(text: str, mark: MarkedSpan, para: Span, max_words: int) -> bool:
    alone = text[para.start : para.end].strip() == text[mark.span.start : mark.span.end].strip()
    inner = text[mark.inner.start : mark.inner.end].rstrip()
    return alone and len(_words(inner)) <= max_words and inner[-1:] not in ".!?"


def is_title(text: str, mark: MarkedSpan) -> bool:
    """Capitalised words without end punctuation, or after a word like ``titled``."""
    before = text[max(0, mark.span.start - 25) : mark.span.start].split()
    if before and (before[-1].lower().strip(",") in TITLE_CUES or before[-1].lower() == "so-called"):
        return True
    inner = text[mark.inner.start : mark.inner.end].strip()
    if _prev_char(text, mark.span.start) not in CLAUSE_BEFORE + "\n":
        inner = inner.removesuffix(",")  # the writer's comma set inside the marks: `in “Big Fish,” he`
    words = [w for w in _words(inner) if len(w) > 3]
    capital = sum(1 for w in words if w[0].isupper())
    return bool(words) and capital == len(words) and len(words) >= 2 and inner[-1:] not in CLAUSE_END


# Nouns for works and the words that introduce a title: quoted words right after one are the
# work's title, however sentence-like (``the 2005 book “The Show: High Times at the Awards.”``).
WORK_CUES = frozenset(TITLE_CUES - {"called", "named", "dubbed", "nicknamed", "hashtag", "slogan"})


def _after_work_noun(text: str, mark: MarkedSpan) -> bool:
    before = text[max(0, mark.span.start - 25) : mark.span.start].split()
    return bool(before) and before[-1].lower() in WORK_CUES


def shape(text: str, mark: MarkedSpan, long_words: int) -> str:
    """``direct`` when the marked text reads as a whole utterance, else ``partial``."""
    inner = text[mark.inner.start : mark.inner.end].strip()
    n = len(_words(inner))
    if n == 0:
        return "none"
    starts = _prev_char(text, mark.span.start) in CLAUSE_BEFORE + "\n"
    after = _next_char(text, mark.span.end)
    ends = inner[-1:] in CLAUSE_END or after in ".!?\n" or not mark.closed
    if n >= 2 and starts and ends:
        return "direct"
    if n >= long_words:
        return "direct"
    return "partial"


def _sentence_cue(doc: Doc, mark: MarkedSpan, marks: list[Span]) -> Token | None:
    """A speech verb in the sentence holding the marked text, outside every quote."""
    tok = expand(doc, mark.span)
    if tok is None or len(tok) == 0:
        return None
    sent: SpacySpan = sentence(tok[0])
    cues = [t for t in cue_verbs(sent) if not inside(t, marks)]
    # "X described Y as a “disgrace” after she blamed …": the verb the words hang from first
    above = {a.i for a in tok[0].ancestors}
    return next((c for c in reversed(cues) if c.i in above), cues[-1] if cues else None)


def classify_marked(
    doc: Doc, mark: MarkedSpan, para: Span, marks: list[Span], long_words: int, heading_words: int
) -> Found | None:
    """A direct quote, a fragment, or None for headings, titles and scare quotes."""
    text = text_of(doc)
    if is_heading(text, mark, para, heading_words):
        return None
    kind = shape(text, mark, long_words)
    if kind == "direct" and _after_work_noun(text, mark):
        return None
    if kind == "direct":
        found = Found("direct", inner_span(text, mark))
        starts = _prev_char(text, mark.span.start) in CLAUSE_BEFORE + "\n"
        found.embedded = not starts and not _whole_clause(doc, found.span)
        return found
    if kind == "none" or (is_title(text, mark) and not _named_by_speaker(doc, mark)):
        return None
    cue = _sentence_cue(doc, mark, marks)
    words = [t for t in expand(doc, mark.inner) if not (t.is_punct or t.is_space)]
    if cue is None or (words and _in_medium(cue, words[0])):
        return None  # nobody's words, or the name of where they were said (``on “Meet the Press”``)
    return Found("fragment", inner_span(text, mark), cue=cue, cue_span=token_span([cue]))


NAMING_VERBS = frozenset(["called", "dubbed", "labeled", "labelled", "termed"])
NAMING_LEMMAS = frozenset(["call", "dub", "label", "term"])


def _named_by_speaker(doc: Doc, mark: MarkedSpan) -> bool:
    """``what he called “our arguments this year”``, ``which Ann Lee called “a farce”``: a
    naming verb with a subject of its own gives someone's words; ``a film called “X”`` (a
    participle, no subject) gives a title."""
    before = [t for t in expand(doc, Span(max(0, mark.span.start - 12), mark.span.start)) if not t.is_space]
    verb = before[-1] if before else None
    if verb is None or verb.lower_ not in NAMING_VERBS or verb.pos_ != "VERB":
        return False
    return any(c.dep_ == "nsubj" for c in verb.children)


def _whole_clause(doc: Doc, span: Span) -> bool:
    """The quoted words hold a clause with its own subject (``believes "decisions … are
    made in the capital."``), not a phrase cut out of the writer's clause."""
    toks = expand(doc, span)
    inside_ids = {t.i for t in toks}
    roots = [t for t in toks if t.head.i not in inside_ids or t.head is t]
    return any(
        r.pos_ in ("VERB", "AUX")
        and any(c.dep_ in ("nsubj", "nsubjpass") and c.i in inside_ids for c in r.children)
        for r in roots
    )


def inner_span(text: str, mark: MarkedSpan) -> Span:
    """The words between the marks, without surrounding white space."""
    start, end = mark.inner.start, mark.inner.end
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Span(start, end)


def _broken_relative(tok: Token) -> bool:
    """``…, which Norway claims was …`` parsed as a relative clause with two subjects whose
    own complement hangs elsewhere: not part of the reported content."""
    return tok.dep_ == "relcl" and sum(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children) >= 2


_RELATIVE_TAGS = frozenset(["WDT", "WP"])


def _relative_words(verb: Token, clause: Token) -> set[int]:
    """``a bill, which critics said was unfair``, ``what he said were failures``, ``rules that
    they say are illegal``: a cue inside a relative clause reports the clause after it, whose
    gap the relative pronoun before the cue fills. That pronoun is neither the speaker nor a
    question word, and with it in the content the content would hold the cue and its speaker."""
    if verb.dep_ not in ("relcl", "pcomp"):
        return set()
    before = [t for t in clause.subtree if t.i < verb.i]
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    if len(subjects) >= 2:  # "who he said escalated": the parser made the pronoun a second subject
        before += subjects
    words = {
        t
        for t in before
        if t.tag_ in _RELATIVE_TAGS or (t.lower_ == "that" and t.dep_ in ("nsubj", "nsubjpass", "dobj"))
    }
    # A gap in object position is a claim only in a relative clause set off by a comma ("the
    # wall, which he said Mexico would pay for"); without one the clause names its noun by a
    # claim and makes none ("the data that officials said they found", "between what X says
    # the plan would do and …"). A subject gap predicates ("rules that they say are illegal").
    return {t.i for t in words if t.dep_ in ("nsubj", "nsubjpass") or t.doc[max(0, t.i - 1)].text == ","}


def _participles(clause: Token, verb: Token) -> list[Token]:
    """``Lee announced that she had filed the form, saying it set a record``: the parser hangs a
    participle cue after a comma on the reported clause, but it reports its own words, and
    they are the cue's speaker's (not those of the clause's subject, "she" here by chance)."""
    return [
        t
        for t in clause.subtree
        if t.i > verb.i and t.tag_ == "VBG" and t.dep_ == "advcl" and t.doc[t.i - 1].text == "," and is_cue(t)
    ]


def _content_span(clause: Token, verb: Token) -> Span | None:
    cut = {t.i for r in clause.subtree if _broken_relative(r) for t in r.subtree}
    cut |= {t.i for p in _participles(clause, verb) for t in p.subtree}
    cut |= _relative_words(verb, clause)  # "Kelly, who he claims has been unfair": "who" is a person
    toks = [t for t in clause.subtree if t.i != verb.i and t.i not in cut]
    # a tag after its clause reports that clause: a direct quote and its tag before a semicolon
    # are a sentence part of their own ("“…,” said Ann Lee, …; a date was not set, he said"),
    # though a tag reports every part of "X was hurt; he refused care, she said"
    semis = [t.i for t in toks if t.text == ";" and t.i < clause.i]
    before = verb.doc[sentence(verb).start : semis[-1]] if semis else []
    if clause.i < verb.i and semis and any(t.text in QUOTE_MARKS for t in before):
        toks = [t for t in toks if t.i > semis[-1]]
    if toks and toks[0].lower_ == "that" and toks[0].dep_ == "mark":
        toks.pop(0)
    while toks and (toks[-1].is_punct or toks[-1].is_space or toks[-1].dep_ == "cc"):
        toks.pop()
    while toks and (toks[0].is_punct or toks[0].is_space):
        toks.pop(0)
    if len(toks) < 3:
        return None
    return token_span(toks)


QUOTE_MARKS = '"“”«»'


def _balanced(text: str, span: Span) -> Span:
    """Through the mark that closes a quote opened inside the content (``Oslo "reserves …."``)."""
    if sum(text.count(m, span.start, span.end) for m in QUOTE_MARKS) % 2 == 0:
        return span
    for end in range(span.end, min(len(text), span.end + 2)):
        if text[end] in QUOTE_MARKS:
            return Span(span.start, end + 1)
    return span


def _mostly_inside(span: Span, quotes: list[Span], share: float) -> bool:
    if isinstance(quotes, SpanSet):  # asked for every candidate of an article: indexed
        quotes = quotes.overlapping(span.start, span.end)
    covered = sum(max(0, min(span.end, q.end) - max(span.start, q.start)) for q in quotes)
    return covered >= share * len(span)


QUESTION_WORDS = frozenset(["whether", "if", "why", "how", "what", "when", "where", "who", "which"])


def _question(text: str, span: Span) -> bool:
    """``asked whether …``, ``did not say why …`` (but ``said that if …`` is a claim)."""
    first = text[span.start : span.end].split(" ", 1)[0].lower()
    return first in QUESTION_WORDS and not text[: span.start].rstrip(" ,").lower().endswith("that")


# Verbs whose "whether", "how" or "why" clause is what was said: a question put ("asked whether
# …") or an account given ("explained how …"). After other verbs such a clause reports no claim
# ("did not say why …").
QUESTION_CUES = frozenset(["ask", "question", "wonder", "inquire", "enquire", "query", "explain", "describe"])


def _asked(verb: Token) -> bool:
    """``she asked whether …``, ``explained how …``: a question or an account given. Not when
    negated or modal ("may ask whether": nobody has), nor passive ("Asked whether …, Lee
    said": the question is someone else's, the answer is the quote)."""
    kids = list(verb.children)
    perfect = any(c.dep_ == "aux" and c.lemma_ == "have" for c in kids)
    return (
        verb.lemma_.lower() in QUESTION_CUES
        and (verb.tag_ != "VBN" or perfect)
        and not subjectless_past(verb)
        and not any(c.dep_ in ("neg", "auxpass", "nsubjpass") or c.tag_ == "MD" for c in kids)
    )


def headline_line(text: str, pos: int) -> bool:
    """A short line without end punctuation (a headline or a caption), not running prose."""
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    line = text[start : end if end >= 0 else len(text)].rstrip()
    return len(line) < 200 and line[-1:] not in ".?!\"”’'…:"


def _claim_clause(verb: Token) -> Token | None:
    """``denied reports that …``: the "that" clause of a claim noun the verb governs."""
    for obj in verb.children:
        if obj.dep_ != "dobj" or obj.lemma_.lower() not in CLAIM_NOUNS:
            continue
        for clause in obj.children:
            if clause.dep_ in ("acl", "ccomp") and any(c.lower_ == "that" for c in clause.children):
                return clause
    return None


def _stray_that_clauses(verb: Token) -> list[Token]:
    """``told the audience at his fundraiser for veterans that he had …``: the parser hangs the
    cue's "that" clause on the last noun before it as a relative clause. A relative clause
    whose "that" is a subordinator (not the relative pronoun, which is its subject or object)
    and which has its own subject is the verb's complement, when the noun is the verb's
    addressee (an object: "told the audience") or inside the prepositional phrases after it.
    Without an addressee, the clause must be set off from the noun by an aside and a comma
    (``said on CNN, where he is a contributor, that …``), or the noun must say where the words
    were given (``stressing in his remarks that …``). A noun's own "that" clause (``a lack
    of confidence that …``, ``responded to the revelation that …``) is no stray: it tells what
    the noun holds."""
    out: list[Token] = []
    addressee = [c for c in verb.children if c.dep_ in ("dobj", "dative")]
    after = addressee[0].i if addressee else verb.i
    nouns = addressee + [c for c in verb.children if c.dep_ == "prep" and c.i > after]
    while nouns:
        noun = nouns.pop()
        nouns += [c for c in noun.children if c.dep_ in ("prep", "pobj")]
        for clause in noun.children:
            kids = list(clause.children)
            that = next((k for k in kids if k.lower_ == "that" and k.dep_ == "mark"), None)
            medium = _medium_noun(verb, noun)
            if (
                (clause.dep_ == "relcl" or (clause.dep_ == "acl" and medium))
                and clause.i > noun.i
                and that is not None
                and any(k.dep_ in ("nsubj", "nsubjpass") and k.lower_ != "that" for k in kids)
                and (addressee or verb.doc[that.i - 1].text == "," or medium)
            ):
                out.append(clause)
    return out


def _medium_noun(verb: Token, noun: Token) -> bool:
    """``stressing in his remarks that …``: the noun says where the words were given, and is no
    claim noun, whose "that" clause tells the claim (``fired back at accusations that …``)."""
    return _in_medium(verb, noun) and noun.lemma_.lower() not in CLAIM_NOUNS


def _misread_object(verb: Token) -> list[Token]:
    """``said many of the shootings involved kids``: after a long subject the parser may read the
    reported clause's subject as the object of "say" and its verb as a participle on it; a
    participle that takes an object of its own is no participle, so the object is the clause."""
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if verb.lemma_ != "say" or obj is None or obj.pos_ == "PRON":
        return []
    verbs = [t for t in obj.subtree if t.dep_ == "acl" and t.tag_ == "VBN"]
    return [obj] if any(c.dep_ == "dobj" for v in verbs for c in v.children) else []


def _relative_xcomp(verb: Token) -> list[Token]:
    """``outsiders who he said escalated tensions``: the parser makes the relative pronoun a
    second subject of the cue and the reported verb its open complement."""
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    if verb.dep_ != "relcl" or len(subjects) < 2 or not any(c.tag_ in _RELATIVE_TAGS for c in subjects):
        return []
    return [c for c in verb.children if c.dep_ == "xcomp" and c.pos_ in ("VERB", "AUX")]


# Subordinators that make a clause a time, a cause or a condition of the telling, never what
# was told: "said before the mayor arrived".
ADVERBIAL_MARKS = frozenset(
    "before after until till since because while whilst once although though unless whereas".split()  # noqa: SIM905
)


def _adverbial(clause: Token) -> bool:
    return any(c.dep_ == "mark" and c.lower_ in ADVERBIAL_MARKS for c in clause.children)


def _inverted_tag(clause: Token) -> bool:
    """``“…,” said Ann Lee, …; a date was not set, he said``: a speech verb followed by its
    subject is the tag of an earlier quote, not what the later tag reports."""
    return is_cue(clause) and any(c.dep_ == "nsubj" and c.i > clause.i for c in clause.children)


def _complements(verb: Token) -> list[Token]:
    """The clause a cue verb reports: a claim noun's clause first (the parser may also hang
    a later relative clause's verb on the cue as ccomp), else its clausal complements."""
    claim = _claim_clause(verb)
    if claim is not None:
        return [claim]
    clauses = (
        [c for c in verb.children if c.dep_ == "ccomp" and not _adverbial(c) and not _inverted_tag(c)]
        or _stray_that_clauses(verb)
        or _misread_object(verb)
        or _relative_xcomp(verb)
    )
    # a "that" clause first: the parser also hangs clauses of a fronted phrase on the verb
    return sorted(clauses, key=lambda c: (not any(m.lower_ == "that" for m in c.children), c.i < verb.i))


def _medial_content(verb: Token) -> Span | None:
    """``The museum, the mayor said, will open in June``: a tag set into (or after) the
    sentence it reports hangs on it as parataxis; the content is that sentence."""
    if verb.dep_ != "parataxis" or any(c.dep_ == "ccomp" for c in verb.children):
        return None
    tag = {t.i for t in verb.subtree}
    toks = [t for t in verb.head.subtree if t.i not in tag or t.i > min(tag)]
    toks = [t for t in toks if t.i < max(tag) or t.i not in tag]
    while toks and (toks[-1].is_punct or toks[-1].is_space or toks[-1].i in tag):
        toks.pop()
    while toks and (toks[0].is_punct or toks[0].is_space or toks[0].dep_ == "cc"):
        toks.pop(0)
    outside = [t for t in toks if t.i not in tag]
    return token_span(toks) if len(outside) >= 3 else None


def _share(speaker: Token) -> bool:
    """``Another 19 percent said``: a poll share with no "of" phrase naming who is no speaker."""
    quantity = speaker.lemma_.lower() in ("percent", "%", "per cent") or speaker.ent_type_ == "PERCENT"
    return quantity and not any(c.dep_ == "prep" and c.lower_ == "of" for c in speaker.children)


def _dummy(speaker: Token) -> bool:
    """``there``, and an ``it`` that names no earlier organisation (``it is said``, ``it
    says a lot``); ``It said`` after a company or a ministry is that body speaking."""
    if speaker.lower_ == "there" or _share(speaker):
        return True
    if speaker.lower_ != "it":
        return False
    before = [e for e in entities(speaker.doc) if e.label_ in ("ORG", "GPE", "NORP") and e.end <= speaker.i]
    return speaker.dep_ != "nsubj" or not before or speaker.i - before[-1].end > 60


def _impersonal(verb: Token) -> bool:
    """``it's fair to say that …``, ``it is safe to say …``: an infinitive after an adjective
    with an empty "it" is the writer's own hedge, no one's report."""
    head = verb.head
    return (
        verb.dep_ == "xcomp"
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
        and any(c.dep_ == "acomp" for c in head.children)
        and any(c.dep_ in ("nsubj", "expl") and c.lower_ == "it" for c in head.children)
    )


def _with_object_subject(verb: Token, clause: Token, span: Span) -> Span:
    """``said closed primaries -- those open to members -- deny voters …``: the parser read the
    reported clause's subject as the object (or a second subject) of "say" and its verb, which
    has no subject then, as the complement; the content starts at that subject."""
    # the object, or a second subject after the verb (never a name: "said Ann Lee" is inverted)
    obj = next((c for c in verb.children if c.dep_ in ("dobj", "nsubj") and verb.i < c.i < clause.i), None)
    kids = list(clause.children)
    if verb.lemma_ != "say" or obj is None or obj.pos_ != "NOUN" or clause.i < verb.i:
        return span
    if any(k.dep_ in ("nsubj", "nsubjpass", "expl", "mark") for k in kids):
        return span
    return Span(min(t.idx for t in obj.subtree), span.end)


def _with_fronted(verb: Token, clause: Token, span: Span) -> Span:
    """``There is a risk, some Democrats said, that Lee would push …``: a tag set between the
    start of a clause and its "that" clause reports both; the content starts with the fronted
    words (the tag stays inside, as in a medial tag)."""
    doc = verb.doc
    comma_after = verb.i + 1 < len(doc) and doc[verb.i + 1].text == ","
    if clause.i < verb.i or not comma_after or not any(m.lower_ == "that" for m in clause.children):
        return span
    fronted = [c for c in verb.children if c.dep_ == "ccomp" and c.i < verb.i]
    if not fronted:
        return span
    toks = [t for t in fronted[0].subtree if not (t.is_punct or t.is_space or t.dep_ == "cc")]
    if len(toks) < 3 or doc[toks[-1].i + 1].text != ",":
        return span
    return Span(toks[0].idx, span.end)


def _counterfactual(verb: Token) -> bool:
    """``Had you told me that …, I'd have laughed``: "had" (or "were", "should") before the
    subject makes a condition nobody met, so no one said it."""
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    aux = next((c for c in verb.children if c.dep_ == "aux" and c.lower_ in ("had", "were", "should")), None)
    return (
        subject is not None
        and aux is not None
        and aux.i < subject.i
        and not sentence(verb).text.rstrip().endswith("?")
    )


def _subordinate_cue(verb: Token) -> bool:
    """``When the verdict was announced a gasp went up``: a passive cue in a clause opened by
    "when" (or "once", "after", "before", "while") that the parser made the sentence's root
    tells the time of the main clause, which it does not report; its own "that" clause it
    does ("When Lee said that …, …"), and an active one its complement ("While both parties
    say the US must act, they differ")."""
    opener = next((c for c in verb.children if c.dep_ in ("advmod", "mark")), None)
    return (
        opener is not None
        and opener.i < verb.i
        and opener.lower_ in ("when", "whenever", "once", "after", "before", "while")
        and opener.i == sentence(verb).start
        and any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)
    )


def find_indirect(
    doc: Doc, marks: list[Span], direct: list[Span], think: bool, direct_share: float, asked: bool = False
) -> list[Found]:
    """``X said (that) …``: a speech verb outside quotes with a clausal complement; with
    ``asked``, a question put or an account given too (``asked whether …``)."""
    found: list[Found] = []
    told: set[int] = set()  # participles whose speaker a cue before them gave
    for verb in doc:
        if verb.i in told or not is_cue(verb, think) or inside(verb, marks):
            continue
        if verb.lemma_.lower() in NAMING_LEMMAS:
            continue  # "call X Y" names; a clause the parser hangs on it ("I'd have called you nuts") is no report
        if _counterfactual(verb):
            continue
        for clause in _complements(verb):
            if _subordinate_cue(verb) and not any(m.lower_ == "that" for m in clause.children):
                continue  # the main clause after "When the verdict was announced"
            if _inner_tag(clause):
                break  # the sentence is the inner speaker's: "X cannot say that “…,” Y added"
            if verb.lemma_.lower() not in ("say", "tell") and _inner_report(clause):
                break  # "X said the mayor will attend, the Tribune reported": X's words, found at X
            span = _content_span(clause, verb)
            span = _balanced(text_of(doc), span) if span is not None else None
            if (
                span is None
                or _mostly_inside(span, direct, direct_share)
                or headline_line(text_of(doc), verb.idx)
            ):
                continue
            if (
                (span.start > verb.idx or not _closes(verb))
                and _question(text_of(doc), span)
                and not (asked and _asked(verb))
            ):
                continue  # an indirect question reports no claim (a fronted "When …" clause is none)
            relative = [token_span([doc[i]]) for i in sorted(_relative_words(verb, clause))]
            avoid = (
                [span, *relative, *marks] if relative or not isinstance(marks, SpanSet) else marks.plus(span)
            )
            speaker = subject_of(verb, avoid)
            if speaker is None or _dummy(speaker) or _impersonal(verb):
                continue
            method = "syntactic-subject+relative" if via_relative(verb) else "syntactic-subject"
            span = _with_fronted(verb, clause, _with_object_subject(verb, clause, span))
            found.append(Found("indirect", span, verb, token_span([verb]), speaker, method))
            for part in _participles(clause, verb):
                told.add(part.i)
                found += _participle_quote(doc, part, speaker, marks, direct, direct_share)
            break
        else:
            found += _medial(doc, verb, marks, direct, direct_share) or _as_tag(
                doc, verb, marks, direct, direct_share
            )
    return found


def _inner_tag(clause: Token) -> bool:
    """``Garr cannot say that “from his view,” Lind added, …``: a clause the parser hung on the
    first verb is the tag of the whole sentence when it is a speech verb whose own subject
    follows a closing quote mark and a comma: everything before the tag is what Lind said."""
    subject = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None or subject.i > clause.i or not is_cue(clause) or clause.i - subject.i > 4:
        return False
    k = subject.left_edge.i
    before = [t.text for t in clause.doc[max(0, k - 2) : k]]
    return len(before) == 2 and before[0] == "," and before[1] in ("”", '"', "''")


def _inner_report(clause: Token) -> bool:
    """``The campaign said the candidate will attend, CNN reported``, ``fact checkers pointed out
    that Comey said only …``: a clause that is itself a report, a speech verb with its own named
    subject before it and its own clause, is the report to attribute (to its subject); the verb
    above only passes it on. Not under "say" or "tell": "a spokesman said the witness told
    detectives …" stays the spokesman's, the source who relays it."""
    subject = next((c for c in clause.children if c.dep_ == "nsubj" and c.i < clause.i), None)
    named = subject is not None and (
        subject.pos_ == "PROPN"
        or subject.ent_type_ in ("PERSON", "ORG")
        or any(c.dep_ == "compound" and c.pos_ == "PROPN" for c in subject.children)  # "the Lind campaign"
    )  # "the story of the porters reminds us that …, X writes" stays X's
    return named and is_cue(clause) and any(c.dep_ == "ccomp" and c.i > clause.i for c in clause.children)


def _participle_quote(
    doc: Doc, part: Token, speaker: Token, marks: list[Span], direct: list[Span], share: float
) -> list[Found]:
    """What a participle cue after a reported clause reports, given to that clause's speaker."""
    for clause in _complements(part):
        span = _content_span(clause, part)
        span = _balanced(text_of(doc), span) if span is not None else None
        if span is None or _mostly_inside(span, direct, share) or _question(text_of(doc), span):
            continue
        return [Found("indirect", span, part, token_span([part]), speaker, "syntactic-subject")]
    return []


def _as_content(verb: Token) -> Span | None:
    """``As the Post reported, the inspector issued subpoenas``, ``…, as reported by X``: a cue
    with no object of its own in an "as" clause reports the clause it hangs on."""
    if verb.dep_ != "advcl" or verb.lemma_.lower() not in AS_TAG_VERBS:
        return None
    if not any(c.dep_ == "mark" and c.lower_ == "as" for c in verb.children):
        return None
    if verb.head.pos_ not in ("VERB", "AUX") or any(
        c.dep_ in ("ccomp", "xcomp", "dobj", "dative", "prt") for c in verb.children
    ):
        return None
    tag = {t.i for t in verb.subtree}
    toks = [t for t in verb.head.subtree if t.i not in tag]
    while toks and (toks[-1].is_punct or toks[-1].is_space or toks[-1].dep_ == "cc"):
        toks.pop()
    while toks and (toks[0].is_punct or toks[0].is_space or toks[0].dep_ == "cc"):
        toks.pop(0)
    return token_span(toks) if len(toks) >= 3 else None


def _as_tag(doc: Doc, verb: Token, marks: list[Span], direct: list[Span], share: float) -> list[Found]:
    span = _as_content(verb)
    if span is None or _mostly_inside(span, direct, share) or headline_line(text_of(doc), verb.idx):
        return []
    speaker = subject_of(verb, marks)
    # its own subject or agent ("As noted above, the plan failed": no one said it, the plan least)
    if speaker is None or _dummy(speaker) or verb not in (speaker.head, speaker.head.head):
        return []
    return [Found("indirect", span, verb, token_span([verb]), speaker, "syntactic-subject")]


# What may follow a closing tag's verb: when, where and how it was said ("the police said at
# the time", "said Ann Lee, a spokeswoman", "she said, adding …"), never an object of its own.
_TAG_TAIL = frozenset(["prep", "npadvmod", "advmod", "punct", "advcl", "nsubj", "agent"])


def _closes(verb: Token) -> bool:
    """The cue ends its sentence as a tag: after it only when, where and how it was said (no
    clause, no quote, no object of its own)."""
    sent = sentence(verb)
    after = verb.doc[verb.i + 1 : sent.end]
    tail = _TAG_TAIL | {"dobj", "dative"} if verb.lemma_ == "tell" else _TAG_TAIL  # "…, she told reporters."
    return all(c.i < verb.i or c.dep_ in tail for c in verb.children) and not any(
        t.pos_ in ("VERB", "AUX") or t.text in QUOTE_MARKS for t in after
    )


def find_trailing(
    doc: Doc, marks: list[Span], found: list[Span], share: float, cues: set[int]
) -> list[Found]:
    """``<claim>, the police said at the time.`` and ``<claim>, said Ann Lee.``: a tag that closes
    the sentence it reports, after a comma, when the parser hung the claim on it in another way
    (an adverbial clause, a conjunct) or hung the tag on the claim; the claim is the sentence
    before the comma. ``cues``: verbs that already report a quote."""
    out: list[Found] = []
    for verb in doc:
        if verb.i in cues or not is_cue(verb) or inside(verb, marks):
            continue
        subjects = [c for c in verb.children if c.dep_ == "nsubj"]
        if not subjects:
            continue
        subject = subjects[-1]  # inverted ("…, said Ann Lee") when one follows the verb
        first = verb.i if subject.i > verb.i else min(t.i for t in subject.subtree)
        sent = sentence(verb)
        if first - 1 <= sent.start or doc[first - 1].text != ",":
            continue
        if not _closes(verb) or not may_speak(subject):
            continue
        toks = [t for t in doc[sent.start : first - 1] if not t.is_space]
        while toks and toks[0].is_punct:
            toks.pop(0)
        span = token_span(toks) if len(toks) >= 3 and any(t.pos_ in ("VERB", "AUX") for t in toks) else None
        if span is None or _mostly_inside(span, found, share) or headline_line(text_of(doc), verb.idx):
            continue
        speaker = subject if subject.i > verb.i or len(subjects) > 1 else subject_of(verb, marks)
        if speaker is None or _dummy(speaker):
            continue
        out.append(Found("indirect", span, verb, token_span([verb]), speaker, "syntactic-subject"))
    return out


def _medial(doc: Doc, verb: Token, marks: list[Span], direct: list[Span], share: float) -> list[Found]:
    span = _medial_content(verb)
    if span is None or _mostly_inside(span, direct, share) or headline_line(text_of(doc), verb.idx):
        return []
    speaker = subject_of(verb, marks)
    if speaker is None or _dummy(speaker) or not span.start <= speaker.idx < span.end:
        return []
    return [Found("indirect", span, verb, token_span([verb]), speaker, "syntactic-subject")]


def _predicate_clauses(noun: Token) -> list[Token]:
    """``X's suggestion was that …``: the clause a claim noun is the subject of "be" with."""
    head = noun.head
    if noun.dep_ != "nsubj" or head.lemma_ != "be":
        return []
    return [c for c in head.children if c.dep_ == "ccomp" and c.i > head.i]


def _named_author(noun: Token) -> Token | None:
    """``a Daily Ledger report that …``: a named body or person in front of the claim noun is
    its author (the last word of the name, which the parser hangs on the noun)."""
    return next(
        (c for c in noun.children if c.dep_ == "compound" and c.ent_type_ in ("ORG", "PERSON", "NORP")),
        None,
    )


def find_claims(doc: Doc, marks: list[Span], direct: list[Span], direct_share: float) -> list[Found]:
    """``Norway's claim that …``, ``the accusation by X that …``: a claim noun with its
    author (a possessor or a ``by`` phrase) and a "that" clause, outside quotes (the parser
    may read the clause as a relative one, its "that" then a marker, not a pronoun)."""
    found: list[Found] = []
    for noun in doc:
        if noun.pos_ != "NOUN" or noun.lemma_.lower() not in CLAIM_NOUNS or inside(noun, marks):
            continue
        author = next((c for c in noun.children if c.dep_ == "poss"), None) or _named_author(noun)
        if author is None:
            by = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ == "by"), None)
            author = next((c for c in by.children if c.dep_ == "pobj"), None) if by is not None else None
        clause = next(
            (
                c
                for c in (*noun.children, *_predicate_clauses(noun))
                if (c.dep_ in ("acl", "ccomp") and any(m.lower_ == "that" for m in c.children))
                or (c.dep_ == "relcl" and any(m.lower_ == "that" and m.dep_ == "mark" for m in c.children))
            ),
            None,
        )
        span = _content_span(clause, noun) if clause is not None and author is not None else None
        if span is None or _mostly_inside(span, direct, direct_share) or inside(author, [span]):
            continue
        found.append(Found("indirect", span, noun, token_span([noun]), author, "syntactic-subject"))
    return found


def _charge(verb: Token) -> list[Token] | None:
    """``accused the mayor of lying``: the person charged and what with, as tokens, when the
    verb is active and both are there (the preposition may hang on the verb or the object)."""
    word = CHARGE_VERBS.get(verb.lemma_.lower())
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if (
        word is None
        or verb.pos_ != "VERB"
        or obj is None
        or any(c.dep_ == "nsubjpass" for c in verb.children)
    ):
        return None
    # on the verb, the object, or the object's last conjunct ("the media and the campaign of …")
    prep = next((c for c in (*verb.children, *obj.subtree) if c.dep_ == "prep" and c.lower_ == word), None)
    if prep is None or not any(c.dep_ in ("pobj", "pcomp") for c in prep.children):
        return None
    toks = sorted({*obj.subtree, *prep.subtree}, key=lambda t: t.i)
    return toks if len(toks) >= 3 else None


def find_charges(doc: Doc, marks: list[Span], found: list[Span], share: float) -> list[Found]:
    """``X accused Y of …``, ``X criticized Y for …``: what the speaker said of someone, as
    reported speech of X (the content runs from the person charged to the end of the charge)."""
    out: list[Found] = []
    for verb in doc:
        toks = _charge(verb) if verb.lemma_.lower() in CHARGE_VERBS and not inside(verb, marks) else None
        if toks is None:
            continue
        span = token_span(toks)
        if _mostly_inside(span, found, share) or headline_line(text_of(doc), verb.idx):
            continue
        speaker = subject_of(verb, marks)
        if speaker is None or _dummy(speaker) or not may_speak(speaker):
            continue
        out.append(Found("indirect", span, verb, token_span([verb]), speaker, "syntactic-subject"))
    return out


# Children of a speech verb that are not what it reports: its subject, other clauses joined to
# it, and asides.
_NOT_REPORTED = frozenset(["nsubj", "nsubjpass", "conj", "cc", "punct", "advcl", "parataxis", "mark", "aux"])


# A speech verb with one of these children is no act to widen: a reported clause (find_indirect's)
# or a passive, whose subject is what was described, not who described it.
_NOT_ACTS = frozenset(["ccomp", "nsubjpass", "auxpass"])


def _other_act_or_aside(tok: Token) -> bool:
    return tok.dep_ == "appos" or (tok.dep_ == "conj" and tok.pos_ in ("VERB", "AUX"))


def _act_content(verb: Token, fragment: list[Token]) -> Span | None:
    """The words a speech act with an object reports, when they hold the quoted fragment:
    ``dismissed the whole kerfuffle as “absurd”``, ``vowed to punish “those who …”``."""
    kept = [c for c in verb.children if c.i > verb.i and c.dep_ not in _NOT_REPORTED]
    toks = sorted((t for c in kept for t in c.subtree), key=lambda t: t.i)
    end = fragment[-1].i
    # after the quoted words, another act joined by "and" or the writer's aside ("…,” a subtle
    # dig at …) is not what this act said
    cut = {u.i for t in toks if t.i > end and _other_act_or_aside(t) for u in t.subtree}
    toks = [t for t in toks if t.i not in cut]
    while toks and (toks[-1].is_punct or toks[-1].is_space or toks[-1].dep_ == "cc"):
        toks.pop()
    if not toks or not (toks[0].i <= fragment[0].i and fragment[-1].i <= toks[-1].i):
        return None
    quoted = {t.i for t in fragment}
    if all(t.i in quoted or t.is_punct or t.is_space or t.pos_ == "PRON" for t in toks):
        return None  # the quoted words are all it says (``said, “Probably.”``, ``calling them “ludicrous”``)
    return token_span(toks)


# Prepositions whose phrase on a speech verb tells where, when or how something was said.
MEDIUM_PREPS = frozenset(["in", "on", "at", "during", "via", "through", "over"])


# Verbs that only report: a phrase of place, time or medium on them is where the words were
# given ("said on CNN"); on other cues such a phrase is an argument ("blamed X on “…”").
PLAIN_REPORTING = frozenset(
    "say tell write add state announce comment remark speak post tweet stress note report explain "  # noqa: SIM905
    "insist declare reply respond".split()
)


def _in_medium(verb: Token, tok: Token) -> bool:
    """``tok`` sits in a phrase of place, time or medium on ``verb`` (``said in a “memo”``)."""
    if verb.lemma_.lower() not in PLAIN_REPORTING:
        return False
    prep = next((a for a in tok.ancestors if a.head.i == verb.i), None)
    return prep is not None and prep.dep_ == "prep" and prep.lower_ in MEDIUM_PREPS


def find_speech_acts(doc: Doc, found: list[Found]) -> list[Found]:
    """A quoted fragment inside what a speech verb without a reported clause governs is a mixed
    quote of that act: ``Manafort dismissed the kerfuffle as “absurd.”`` reports Manafort, as
    ``he said it was “absurd”`` does (the fragment stays, as the quoted words of it). Verbs with
    a clause are ``find_indirect``'s; fragments already inside an indirect quote are left."""
    clauses = [f.span for f in found if f.kind == "indirect"]
    reporting = {f.cue.i for f in found if f.kind == "indirect" and f.cue is not None}
    direct = [f.span for f in found if f.kind == "direct"]
    out: dict[int, Found] = {}  # one quote per act, however many quoted words it holds
    for f in found:
        verb = f.cue
        if f.kind != "fragment" or verb is None or f.speaker is None or verb.i in reporting:
            continue  # a verb that reports a clause is find_indirect's
        if any(c.contains(f.span) for c in clauses) or any(d.contains(f.span) for d in direct):
            continue
        toks = [t for t in expand(doc, f.span) if not (t.is_punct or t.is_space)]
        if not toks or verb.i >= toks[0].i or verb not in toks[0].ancestors:
            continue
        if inside(verb, direct) or any(c.dep_ in _NOT_ACTS or c.tag_ == "MD" for c in verb.children):
            continue  # "a guest would call him “Sam”" tells of no act
        if verb.lemma_.lower() in NAMING_LEMMAS and any(c.tag_ == "WP" for c in verb.children):
            continue  # "what he called “…”" names a thing
        if _in_medium(verb, toks[0]):
            continue  # "said in an e-mailed “traffic update”": where it was said, not what
        span = _act_content(verb, toks)
        if span is None:
            continue
        text = text_of(doc)
        end = f.span.end + (text[f.span.end : f.span.end + 1] in "”’\"'»")  # through the closing mark
        span = Span(span.start, max(span.end, end))
        if verb.i in out:
            span = Span(min(span.start, out[verb.i].span.start), max(span.end, out[verb.i].span.end))
        out[verb.i] = Found("indirect", span, verb, f.cue_span, f.speaker, f.method)
    return list(out.values())


def _according_source(to: Token) -> Token | None:
    """The source after "according to": its object, or the noun of an object the parser read as
    a verb phrase ("according to show insiders": "show" a verb, "insiders" its object)."""
    source = next((c for c in to.children if c.dep_ == "pobj"), None)
    if source is not None:
        return source
    phrase = next((c for c in to.children if c.dep_ == "pcomp"), None)
    return next((c for c in phrase.children if c.dep_ == "dobj"), None) if phrase is not None else None


def _reported(tok: Token) -> bool:
    """``tok`` lies in the clause a speech verb reports (``X said that according to his reading,
    …``): a source named there is the speaker's, inside the speaker's report."""
    return any(a.dep_ == "ccomp" and is_cue(a.head) for a in [tok, *tok.ancestors])


def find_according(doc: Doc, marks: list[Span], direct: list[Span]) -> list[Found]:
    """``According to X, …``: the rest of the sentence, given to X."""
    found: list[Found] = []
    for tok in doc:
        if tok.lower_ != "according" or inside(tok, marks):
            continue
        to = next((c for c in tok.children if c.lower_ == "to"), None)
        source = _according_source(to) if to is not None else None
        if source is None or _reported(tok):
            continue
        if source.pos_ == "NOUN" and not source.ent_type_ and not person_noun(source):
            source = source_in_phrase(source) or source  # "according to a speech X gave"
        phrase = {t.i for t in tok.subtree}
        rest = [t for t in sentence(tok) if t.i not in phrase and not t.is_space]
        while rest and rest[0].is_punct:
            rest.pop(0)
        while rest and rest[-1].is_punct:
            rest.pop()
        if len(rest) < 3 or (not person_noun(source) and _reports_itself(rest)):
            continue
        span = token_span(rest)
        if any(d.overlaps(span) for d in direct):
            continue
        cue_toks = [tok, to]
        found.append(Found("indirect", span, tok, token_span(cue_toks), source, "according-to"))
    return found


def _reports_itself(rest: list[Token]) -> bool:
    """``According to a 1998 profile, Lind said she …``: the sentence's own speech verb and its
    subject name the speaker; a publication only passes the report on (people who heard it,
    "according to authorities, the teenager told police …", stay the source: the caller's
    check)."""
    return any(
        t.dep_ == "ROOT" and t.lemma_.lower() in SPEECH_VERBS and any(c.dep_ == "nsubj" for c in t.children)
        for t in rest
    )


_DASHES = frozenset({"-", "–", "—", "--"})
_NAME_PARTICLES = frozenset(
    {"de", "da", "di", "del", "der", "van", "von", "bin", "al", "la", "le", "du", "dos"}
)


# A digest's source label may say it continues ("TOPIC - More from Jones: “…”").
_MORE_FROM = ("more", "from")


def _colon_speaker(doc: Doc, para: Span, colon: int, quoted: bool = False) -> list[Token] | None:
    """The label before a paragraph's colon when it names someone: a PERSON/ORG entity
    or an all-capitals transcript label (``WALLACE:``), at most four words. In a digest's
    "TOPIC - Source: “…”" (``quoted``: the words after the colon open with a quote mark) the
    source after the last dash may be one or two names not tagged as entities."""
    toks = [t for t in tokens_between(doc, para.start, colon) if not t.is_space]
    dashes = [k for k, t in enumerate(toks) if t.text in _DASHES]
    if dashes:
        toks = toks[dashes[-1] + 1 :]
        if tuple(t.lower_ for t in toks[:2]) == _MORE_FROM:
            toks = toks[2:]
        digest = _digest_source(toks) if quoted else None
        if digest is not None:
            return digest
    if not toks or len(toks) > 4 or not toks[0].text[:1].isupper():
        return None
    # A label is a name and nothing else: a lower-case word makes it a phrase ("Spoiler no
    # more: Kasich ends bid"), save the small words inside names ("Charles de Gaulle").
    if any(t.is_alpha and t.is_lower and t.lower_ not in _NAME_PARTICLES for t in toks):
        return None
    people = {t.lower_ for e in entities(doc) if e.label_ == "PERSON" for t in e}
    # each capitalised word a name here, or a person's name elsewhere in the article
    named = all(t.ent_type_ in ("PERSON", "ORG") or t.lower_ in people for t in toks if t.text[:1].isupper())
    # capitals only when the word is a person's name elsewhere: not "CURRENCIES:" or "WATCH:"
    shouting = all(t.text.isupper() and t.lower_ in people for t in toks if t.is_alpha)
    return toks if named or shouting else None


def _digest_source(toks: list[Token]) -> list[Token] | None:
    """The source of a digest's "TOPIC - Source: “…”": one to three capitalised words, or two
    such names joined by "and" (the first name's words are the label)."""
    words = [t for t in toks if not t.is_punct or t.text == "."]
    if not words or len(words) > 7:
        return None
    parts: list[list[Token]] = [[]]
    for t in words:
        if t.lower_ == "and":
            parts.append([])
        else:
            parts[-1].append(t)
    if len(parts) > 2 or any(not 1 <= len(part) <= 3 for part in parts):
        return None
    if not all(t.text[:1].isupper() for part in parts for t in part if t.is_alpha):
        return None
    return parts[0]


# How far a digest's "TOPIC - Source:" may run before its colon (a plain label ends by 60).
_DIGEST_LABEL = 160


def find_colon(doc: Doc, paras: list[Span]) -> list[Found]:
    """``Berg: “…”`` or a transcript ``PENCE: Well, look…``: the speaker labels the paragraph."""
    text = text_of(doc)
    found: list[Found] = []
    for para in paras:
        colon = text.find(":", para.start, min(para.end, para.start + _DIGEST_LABEL))
        if colon < 0 or colon + 2 >= para.end:
            continue
        quoted = text[colon + 1 : colon + 4].lstrip()[:1] in ("“", '"')
        # past 60 characters only a digest's quoted "TOPIC - Source:" is a label
        if colon - para.start > 60 and not (
            quoted and any(d in text[para.start : colon] for d in (" - ", " – ", " — "))
        ):
            continue
        label = _colon_speaker(doc, para, colon, quoted)
        start = colon + 1
        while start < para.end and text[start] in ' \t“"‘«':
            start += 1
        end = para.end
        while end > start and text[end - 1] in ' \t”"’»':
            end -= 1
        if label is None or len(text[start:end].split()) < 3:
            continue
        head = max(label, key=lambda t: (t.ent_type_ != "", t.i))
        found.append(Found("direct", Span(start, end), None, Span(colon, colon + 1), head, "colon"))
    return found
