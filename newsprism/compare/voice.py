"""An outlet's own voice, and the loaded words it uses there.

Own voice is the article's text less what it reports others saying: words inside quote marks,
the content of reported speech ("police said *the crowd was hostile*", "accused him *of
lying*"), every clause of a sentence that cites its source ("according to X, ..."), and
statements whose words come from a quote. The reporting verb and its manner stay: "Williams
*blasted* outsiders" and "she *emphatically* told" are the outlet's choice of words.

Loaded words are scored by :mod:`newsprism.compare.lexicon` on each own-voice word, with its
lemma and part of speech from the parse when there is one.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Sequence

from spacy.tokens import Doc, Span, Token

from newsprism.compare.lexicon import ROLES, loaded_words, zipf
from newsprism.model import Quote, Statement
from newsprism.quotes.acts import is_act
from newsprism.quotes.cues import SPEECH_VERBS
from newsprism.text import HEDGES, quote_regions

__all__ = [
    "Term",
    "blank",
    "lemma_counts",
    "loaded_terms",
    "own_voice",
    "own_words",
    "repeated_lemmas",
    "reported_spans",
    "score_terms",
    "term_unit",
    "voice_of",
    "voice_terms",
]

# A reporting verb's phrase that holds what was said ("accused X of lying", "called it a stunt"
# is an oprd, "described it as reckless").
_CONTENT_PREPS = {"of", "about", "for", "as"}
# Complement relations of a reporting verb that hold what was said.
_CONTENT_DEPS = {"ccomp", "xcomp", "oprd", "parataxis"}
_WORD = re.compile(r"[a-z][a-z'-]+")
# Hedges ("unconfirmed", "alleged") are counted as hedges, not as loaded words.
_HEDGE_WORDS = frozenset(h for h in HEDGES if " " not in h)


def blank(text: str, spans: Sequence[tuple[int, int]]) -> str:
    """``text`` with every span replaced by spaces (offsets kept)."""
    chars = list(text)
    for start, end in spans:
        chars[start:end] = " " * (end - start)
    return "".join(chars)


def _reports(tok: Token) -> bool:
    return tok.pos_ in ("VERB", "AUX") and tok.lemma_.lower() in SPEECH_VERBS


def _parenthetical(verb: Token) -> list[tuple[int, int]]:
    """A reporting verb set into the clause it reports ("the crowd, police said, was hostile"):
    the rest of that sentence is what was said. The small parser often reads "the bill,
    Democrats charged, was ..." as a relative clause: one set off by commas, with a subject and
    no object of its own, is the same aside."""
    if any(c.dep_ in _CONTENT_DEPS for c in verb.children):
        return []
    sent, sub = verb.sent, list(verb.subtree)
    if verb.dep_ != "parataxis" and not (verb.dep_ == "relcl" and _aside(verb, sub)):
        return []
    return [(sent.start_char, sub[0].idx), (sub[-1].idx + len(sub[-1]), sent.end_char)]


def _aside(verb: Token, sub: list[Token]) -> bool:
    """``verb``'s clause is "<subject> <verb>" between two commas ("the bill, Democrats said, ...")."""
    doc, kids = verb.doc, {c.dep_ for c in verb.children}
    if "nsubj" not in kids or kids & {"dobj", "prep", "attr", "acomp"} or sub[0].i == 0:
        return False
    after = sub[-1].i + 1
    return doc[sub[0].i - 1].text == "," and after < len(doc) and doc[after].text == ","


def _content(verb: Token) -> list[tuple[int, int]]:
    """Spans of what ``verb`` reports: its clausal complement, and for verbs other than "say"
    its "of"/"about"/"for"/"as" phrase, also when it hangs on the object ("accused the mayor
    of lying", "described the plan as reckless")."""
    heads = [verb] + [c for c in verb.children if c.dep_ == "dobj"]
    spans = []
    for head in heads:
        for child in head.children:
            content = (head is verb and child.dep_ in _CONTENT_DEPS) or (
                child.dep_ == "prep" and child.lower_ in _CONTENT_PREPS and verb.lemma_.lower() != "say"
            )
            if content:
                sub = list(child.subtree)
                spans.append((sub[0].idx, sub[-1].idx + len(sub[-1])))
    return spans


def reported_spans(doc: Doc) -> list[tuple[int, int]]:
    """Character spans of reported content in a parsed article: reporting verbs' complements,
    the clause around a parenthetical "police said", and whole sentences that cite a source
    ("according to")."""
    spans = []
    for tok in doc:
        if _reports(tok):
            spans.extend(_content(tok) + _parenthetical(tok))
        elif tok.lower_ == "according" and tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == "to":
            sent = tok.sent
            spans.append((sent.start_char, sent.end_char))
    return spans


def own_voice(
    text: str, statements: Sequence[Statement], doc: Doc | None = None, quotes: Sequence[Quote] = ()
) -> str:
    """The outlet's own words: quote marks' contents, the quotes stage's quotes (``quotes``, of
    this article) and reported speech blanked, offsets kept. Without a parse, every statement
    taken from a quote or attributed to a speaker is blanked whole (the safe side)."""
    if doc is None:
        return voice_of(
            text,
            quotes,
            [(st.span.start, st.span.end) for st in statements if st.quote_id or st.attributed_to],
        )
    return voice_of(text, quotes, reported_spans(doc))


def voice_of(text: str, quotes: Sequence[Quote], reported: Sequence[tuple[int, int]]) -> str:
    """``text`` with quote marks' contents, ``quotes`` and the ``reported`` spans blanked."""
    # a speech act's words ("described X as a shrewd manipulator") are the outlet's paraphrase
    spans = [(q.span.start, q.span.end) for q in quotes if not is_act(q.method)]
    return blank(text, [*quote_regions(text), *spans, *reported])


def _in_compound(tok: Token) -> bool:
    """Part of a hyphenated word ("counter-offensive"): the word is the whole compound."""
    doc = tok.doc
    before = tok.i > 0 and doc[tok.i - 1].text == "-" and not doc[tok.i - 1].whitespace_
    after = tok.i + 1 < len(doc) and doc[tok.i + 1].text == "-" and not tok.whitespace_
    return before or after


def roles(tok: Token) -> tuple[str, ...]:
    """The token's roles among :data:`newsprism.compare.lexicon.ROLES`."""
    kids = {c.dep_ for c in tok.children}
    found = {
        "attributive": tok.dep_ == "amod",
        "manner": tok.dep_ == "advmod" and tok.head.pos_ == "VERB",
        "reporting": tok.pos_ == "VERB" and ("ccomp" in kids or tok.lemma_.lower() in SPEECH_VERBS),
        "predicative": tok.dep_ in ("acomp", "attr"),
        "main_verb": tok.dep_ == "ROOT",
    }
    return tuple(r for r in ROLES if found[r])


Word = tuple[str, str, str, tuple[str, ...]]

# A headline in title case ("Trump Made This Shocking Final Demand"): the tagger reads its
# capitalised words as proper nouns. One outside any entity whose lower-case form is a common
# English word is an ordinary word, its part of speech unknown.
_TITLE_SHARE = 0.8
_COMMON_ZIPF = 3.0


def _title_cased(sent: Span) -> bool:
    words = [t for t in sent if t.is_alpha and len(t) > 3]
    return len(words) >= 3 and sum(t.is_title or t.is_upper for t in words) / len(words) >= _TITLE_SHARE


def _mid_capital(tok: Token) -> bool:
    """Capitalised inside a sentence that is not in title case: part of a name."""
    return tok.is_title and tok.i != tok.sent.start and not _title_cased(tok.sent)


def _headline_word(tok: Token) -> bool:
    """A capitalised ordinary word of a title-case headline, tagged as a proper noun."""
    return (
        tok.pos_ == "PROPN"
        and not tok.ent_type_
        and tok.is_title
        and zipf(tok.lower_) >= _COMMON_ZIPF
        and _title_cased(tok.sent)
    )


def _mistagged(tok: Token) -> bool:
    """A lower-case word the tagger took for a proper noun, outside any entity ("the family of
    the *slain* teen"): an ordinary word, its part of speech unknown."""
    return tok.pos_ == "PROPN" and tok.is_lower and not tok.ent_type_


def _acronym(tok: Token) -> bool:
    """Two capitals in a word not written all in capitals ("PUMAs", "NGOs", "CEOs"): an
    abbreviation or a name, never an evaluative word, whatever the tagger calls it."""
    return sum(c.isupper() for c in tok.text) >= 2 and not tok.text.isupper()


def _own_tokens(voice: str, doc: Doc) -> list[tuple[Token, Word]]:
    """Each own-voice token that could be loaded, with its :data:`Word`."""
    out = []
    for tok in doc:
        low = tok.lower_
        headline = _headline_word(tok) or _mistagged(tok)
        if (
            tok.is_stop
            or (tok.pos_ in ("PROPN", "NUM", "PUNCT") and not headline)
            or not _WORD.fullmatch(low)
        ):
            continue
        if _in_compound(tok) or low in _HEDGE_WORDS or _acronym(tok):
            continue
        if _mid_capital(tok) and not headline:  # "Bellflower courthouse": a name the tagger missed
            continue
        if voice[tok.idx : tok.idx + len(tok)] == tok.text:  # not blanked: the outlet's words
            word = (low, "", "", ()) if headline else (low, tok.lemma_.lower(), tok.pos_, roles(tok))
            out.append((tok, word))
    return out


def own_words(voice: str, doc: Doc | None = None) -> list[Word]:
    """Each own-voice word that could be loaded, as (lower case, lemma, part of speech,
    roles): no stop words, names or numbers. Without a parse, only the word is known."""
    if doc is None:
        return [(w, "", "", ()) for w in _WORD.findall(voice.lower())]
    return [word for _tok, word in _own_tokens(voice, doc)]


def lemma_counts(doc: Doc) -> Counter[str]:
    """How often each lemma (lower case) occurs in the parsed article, quotes included."""
    return Counter(t.lemma_.lower() for t in doc if t.is_alpha)


# How far a judging modifier may stand from the word it judges and still be read with it
# ("an unruly young mob": two tokens).
_UNIT_GAP = 3


def term_unit(tok: Token, voice: str) -> str:
    """The phrase a loaded word is read in: an adjective with the common noun it describes
    ("unruly young mob", "furious clashes"; not a name), an adverb with the verb or adjective it modifies
    ("vehemently deny", "lavishly subsidized"); else the word. The whole phrase must be the
    outlet's own words."""
    head = tok.head
    # A name is not part of the wording ("combative Christie" is "combative"): the reader sees the
    # outlet's word, not the person it is said of.
    describes = tok.dep_ == "amod" and head.pos_ == "NOUN" and not head.ent_type_
    modifies = tok.dep_ == "advmod" and head.pos_ in ("VERB", "ADJ")
    if not (describes or modifies) or not 0 < head.i - tok.i <= _UNIT_GAP:
        return tok.lower_
    span = tok.doc[tok.i : head.i + 1]
    if voice[span.start_char : span.end_char] != span.text or any(t.is_punct for t in span):
        return tok.lower_
    return " ".join(t.lower_ for t in span)


# An own-voice word that could be loaded, with the phrase it is read in (:func:`term_unit`).
Term = tuple[Word, str]


def voice_terms(voice: str, doc: Doc) -> list[Term]:
    """Each own-voice token that could be loaded (:func:`own_words`), with its phrase."""
    return [(word, term_unit(tok, voice)) for tok, word in _own_tokens(voice, doc)]


def repeated_lemmas(terms: Sequence[Term], counts: Counter[str]) -> set[str]:
    """The lemmas (the word when none) of ``terms`` that ``counts`` holds more than once."""
    return {k for (w, lemma, _pos, _roles), _unit in terms if counts[k := lemma or w] > 1}


def score_terms(
    terms: Sequence[Term],
    repeated: set[str],
    shared: Callable[[str], float] | None = None,
    threshold: float | None = None,
) -> dict[str, int]:
    """How often each loaded term of ``terms`` occurs (its phrase); ``repeated`` the lemmas
    used more than once in the article (:func:`repeated_lemmas`)."""
    share = shared or (lambda _w: 0.0)
    keys = list(dict.fromkeys(word for word, _unit in terms))
    candidates = [(w, lemma, pos, share(w), role, (lemma or w) in repeated) for w, lemma, pos, role in keys]
    verdicts = dict(zip(keys, loaded_words(candidates, threshold), strict=True))
    return dict(sorted(Counter(unit for word, unit in terms if verdicts[word]).items()))


def loaded_terms(
    voice: str,
    doc: Doc | None = None,
    shared: Callable[[str], float] | None = None,
    threshold: float | None = None,
) -> dict[str, int]:
    """Loaded terms of the own-voice text ``voice`` and how often each occurs: each loaded
    word in its phrase (:func:`term_unit`) when there is a parse. ``shared`` gives the share
    of the story's other articles that use a word (the story's vocabulary); ``threshold`` the
    probability from which a word is loaded (default: the model's)."""
    if doc is None:
        terms = [(w, w[0]) for w in own_words(voice)]
        counts = Counter(w[0] for w, _unit in terms)
    else:
        terms, counts = voice_terms(voice, doc), lemma_counts(doc)
    return score_terms(terms, repeated_lemmas(terms, counts), shared, threshold)
