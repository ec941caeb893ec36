"""Who a speaker is: name, role, kind, and one canonical name per person across articles.

A mention like ``ministry spokesman Anna Berg`` becomes name ``Anna Berg`` and
role ``ministry spokesman``; ``three US officials`` is anonymous with that description;
``the Foreign Ministry`` is an organisation. Names are compared by :func:`fold`, which
removes accents, case and word-final transliterations of one Cyrillic ending
(-iy / -yy / -y), so that variants merge; a surname alone merges with the one
full name that ends in it.
"""

from __future__ import annotations

import dataclasses
import re
import unicodedata
from typing import TYPE_CHECKING

from newsprism.model import Speaker
from newsprism.quotes.cues import ANONYMOUS_NOUNS, ORG_DESCRIPTORS, ORG_NOUNS, PEOPLE_NOUNS, SPEECH_VERBS
from newsprism.quotes.marks import DOUBLE_OPEN, SINGLE_OPEN, is_dash
from newsprism.quotes.names import (
    TITLE_QUALIFIERS,
    TITLE_WORDS,
    compatible,
    full_names,
    given_sex,
    is_given_name,
    strip_titles,
)
from newsprism.quotes.syntax import entities, sentence, token_span

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token
    from spacy.tokens import Span as SpacySpan

__all__ = [
    "abbreviated_title",
    "describe",
    "fold",
    "mention_tokens",
    "one_speaker",
    "surname_key",
    "surnames",
]

HONORIFICS = frozenset(
    ["mr", "mr.", "mrs", "mrs.", "ms", "ms.", "miss", "dr", "dr.", "prof", "prof.", "sir", "dame"]
)
LEFT_DEPS = frozenset(["compound", "amod", "det", "poss", "nummod", "nmod", "flat", "quantmod", "case"])
PRONOUNS = frozenset(
    ["he", "she", "they", "it", "i", "we", "you", "him", "her", "them", "his", "its", "their"]
)
DEFINITE = frozenset(["the", "this", "that", "these", "those", "his", "her", "its", "their", "our", "my"])
INDEFINITE = frozenset(
    ["a", "an", "one", "two", "three", "four", "five", "six", "several", "some", "many", "other", "another"]
)
# Word-final spellings that transliterate the same Cyrillic ending (-ий / -ый).
_ENDINGS = re.compile(r"(iy|yy|ii|yi|ij|y)\b")


def fold(name: str) -> str:
    """A comparison key for a name: no accents, lower case, one transliteration."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    text = re.sub(r"[’'`]s\b", "", text)
    text = re.sub(r"[^a-z0-9 ]+", " ", text)
    text = _ENDINGS.sub("y", text)
    words = [w for w in text.split() if w not in HONORIFICS]
    return " ".join(words)


def one_speaker(a: str, b: str) -> bool:
    """Whether two speaker names can be one person or body: equal once folded, one inside the
    other ("Fox" / "Fox News"), or compatible person names ("Trump" / "Donald Trump")."""
    fa, fb = fold(a), fold(b)
    return fa == fb or f" {fa} " in f" {fb} " or f" {fb} " in f" {fa} " or compatible(a, b)


def surname_key(name: str) -> str:
    words = fold(name).split()
    return words[-1] if words else ""


def _keep(tok: Token) -> bool:
    """Inside a name, hyphens, dots and ampersands belong (Merriam-Webster, al-Shabaab)."""
    return not tok.is_space and (not tok.is_punct or tok.text in "-–/.&'’")


def mention_tokens(head: Token) -> list[Token]:
    """The speaker phrase around ``head``: its left modifiers, the head, flat names to the right."""
    left = [t for t in head.lefts if t.dep_ in LEFT_DEPS or t.ent_iob_ == "I"]
    toks = [t for lt in left for t in lt.subtree if _keep(t)] + [head]
    for child in head.rights:
        if child.dep_ in ("flat", "compound"):
            toks.append(child)
        elif _same_entity(head, child):  # with the hyphen between ("Ortiz-Cortell")
            toks.extend(head.doc[head.i + 1 : child.i + 1])
        elif child.dep_ == "prep" and (
            (head.pos_ == "NOUN" and child.lower_ in ("for", "of", "with", "at", "in", "from"))
            or (head.pos_ in ("PRON", "DET", "NUM") and child.lower_ == "of")  # "Some of the protesters"
        ):
            # "donors in Ohio, who said …": the relative clause is no part of the name
            cut = {t.i for c in child.subtree if c.dep_ == "relcl" for t in c.subtree}
            toks.extend(t for t in child.subtree if t.i not in cut)
    toks = _dash_side(sorted({t.i: t for t in toks}.values(), key=lambda t: t.i), head)
    while toks and toks[-1].is_punct and toks[-1].i != head.i:
        toks.pop()
    while toks and toks[0].is_punct and toks[0].i != head.i:
        toks.pop(0)
    return toks or [head]


def _dash_side(toks: list[Token], head: Token) -> list[Token]:
    """Only the tokens on the head's side of a dash: "made public ― Ana Berg" is two phrases
    (a hyphen between words, "NBC-Wall Street Journal poll", joins them)."""
    # every dash between the phrase's ends: the parser may hang a dash outside the subtree
    span = head.doc[toks[0].i : toks[-1].i + 1] if toks else []
    cuts = [t.i for t in span if is_dash(t.text) and (t.text != "-" or t.whitespace_)]
    before = [i for i in cuts if i < head.i]
    after = [i for i in cuts if i > head.i]
    lo, hi = max(before, default=-1), min(after, default=len(head.doc))
    return [t for t in toks if lo < t.i < hi]


def _same_entity(head: Token, child: Token) -> bool:
    """``child`` continues the entity ``head`` is in ("Brenner" ... "Okafor" are two)."""
    doc = head.doc
    return child.ent_type_ == head.ent_type_ != "" and all(
        doc[i].ent_iob_ == "I" for i in range(head.i + 1, child.i + 1)
    )


def join(tokens: list[Token]) -> str:
    """Tokens as they read in the text (original spacing, line breaks as spaces), trimmed."""
    out = []
    tokens = [t for t in tokens if not t.is_space]
    for k, t in enumerate(tokens):
        out.append(t.text)
        if t.whitespace_ or (k + 1 < len(tokens) and tokens[k + 1].i != t.i + 1):
            out.append(" ")
    return "".join(out).strip(" ,")


def _entity(tokens: list[Token], labels: tuple[str, ...]) -> list[Token]:
    return [t for t in tokens if t.ent_type_ in labels]


def _clean_name(tokens: list[Token]) -> str:
    return join(
        [t for t in tokens if t.lower_ not in HONORIFICS and t.tag_ != "POS" and t.lower_ not in ("'s", "’s")]
    )


def _appos_role(head: Token) -> str | None:
    """``Paul Amsel, the spokesman,`` → the spokesman (an age like ``, 71,`` is no role)."""
    for child in head.rights:
        if child.dep_ == "appos" and not child.like_num:
            return join(list(child.subtree)) or None
    return None


def _role_words(tokens: list[Token], name_tokens: list[Token]) -> str | None:
    names = {t.i for t in name_tokens} | _affiliation(tokens)
    words = [t for t in tokens if t.i not in names and t.dep_ != "det" and t.lower_ not in HONORIFICS]
    return join(words) or None


def _affiliation(tokens: list[Token]) -> set[int]:
    """``NBC's Ana Velez``: a possessive organisation or place is where someone works, not a
    role; its tokens (with the "'s") are left out of the role."""
    out: set[int] = set()
    for t in tokens:
        if t.dep_ == "poss" and t.ent_type_ == "ORG":  # "Peru's President": the office's country
            out |= {s.i for s in t.subtree}
    return out


# Capitalised titles the tagger calls proper nouns; they start a role, never a name.
ROLE_WORDS = frozenset(
    [
        "president",
        "minister",
        "executive",
        "justice",
        "mayor",
        "premier",
        "chief",
        "senator",
        "governor",
        "secretary",
        "spokesman",
        "spokeswoman",
        "director",
        "producer",
        "ceo",
        "chairman",
        "chair",
        "coach",
        "prime",
        "general",
        "judge",
        "officer",
        "organizer",
        "organiser",
        "councillor",
        "councilor",
        "commissioner",
        "ambassador",
        "sen",
        "rep",
        "gov",
        "gen",
        "lt",
        "col",
        "capt",
        "sgt",
        "dr",
        "prof",
        "mr",
        "mrs",
        "ms",
        "rev",
        "pope",
        "king",
        "queen",
        "prince",
        "princess",
        "leader",
        "deputy",
        "head",
        "sheriff",
        "superintendent",
        "constable",
        "inspector",
        "detective",
        "attorney",
        "lawyer",
        "counsel",
        "prosecutor",
        "solicitor",
        "sergeant",
        "lieutenant",
        "captain",
        "colonel",
        "commander",
    ]
)


def widen_name(tokens: list[Token]) -> list[Token]:
    """A PERSON entity plus untagged proper nouns right before it (``Anna`` + ``Berg``)."""
    if not tokens:
        return tokens
    doc, first = tokens[0].doc, tokens[0].i
    while first > 0 and doc[first - 1].pos_ == "PROPN" and not doc[first - 1].ent_type_:
        if "\n" in doc[first - 1].text_with_ws or not _name_before(
            doc[first - 1], len(tokens) + tokens[0].i - first
        ):
            break
        first -= 1
    out = [*doc[first : tokens[0].i], *tokens]
    while len(out) > 1 and (_role_word(out[0].lower_) or _opening_verb(out[0], out[-1])):
        out.pop(0)  # "Justice Dunphy", "Organizer Dwayne Croteau": the title is a role
    return out


def _opening_verb(tok: Token, last: Token) -> bool:
    """``Said Lind, “…”``: a reporting verb capitalised only because it opens the sentence,
    which the tagger took into the name ``… last``. A verb that is a given name too ("Said",
    "Hope") is one only when a quote follows the name at once ("Said Lind, “…”", not "Hope
    Lind said")."""
    word = tok.lower_
    stems = {word, word[:-1], word[:-2]} if word.endswith(("s", "ed")) else {word}
    if tok.is_sent_start is not True or not (word in ("said", "told", "wrote") or stems & SPEECH_VERBS):
        return False
    after = [t.text for t in tok.doc[last.i + 1 : last.i + 3]]
    return not is_given_name(word) or (
        len(after) == 2 and after[0] in ",:" and after[1][:1] in DOUBLE_OPEN + SINGLE_OPEN + "\"'"
    )


def _name_before(tok: Token, length: int) -> bool:
    """Whether an untagged proper noun before a tagged name is part of it: a given name or an
    initial ("Anna" Berg, "C." Boyden Gray), or any word before a one-word name ("Ban"
    Ki-moon). A demonym or the end of a title ("Vermonter", Chief of "Staff", Majority
    "Whip") is not; nor is a role word."""
    if _role_word(tok.lower_) or (tok.i > 0 and tok.doc[tok.i - 1].lower_ == "of"):
        return False
    return length == 1 or _given(tok) or re.fullmatch(r"[A-Z]\.?", tok.text) is not None


def _role_word(word: str) -> bool:
    """A title or role, singular or plural ("Director", "Producers")."""
    word = word.rstrip(".")
    return word in ROLE_WORDS or (word.endswith("s") and word[:-1] in ROLE_WORDS)


def _person(head: Token, toks: list[Token]) -> Speaker | None:
    names = _head_run(widen_name(_entity(toks, ("PERSON",))), head)
    names = [t for t in names if t.i >= toks[0].i]
    if not names or head.ent_type_ not in ("PERSON", "") or (head.pos_ == "NOUN" and not head.ent_type_):
        return None
    name = _clean_name(names)
    role = _role_words(toks, names) or _appos_role(head)
    return Speaker(name=name, canonical=name, role=role, kind="person", span=token_span(toks))


def _head_run(tokens: list[Token], head: Token) -> list[Token]:
    """The contiguous run of name tokens that holds the head (else the last run): in "Oscar
    producer Laurence Mark" the tagger's "Oscar" is no part of the name."""
    runs: list[list[Token]] = []
    for t in tokens:
        if runs and t.i == runs[-1][-1].i + 1:
            runs[-1].append(t)
        else:
            runs.append([t])
    return next((r for r in runs if any(t.i == head.i for t in r)), runs[-1] if runs else [])


def _organisation(head: Token, toks: list[Token]) -> Speaker | None:
    """``the ministry``, ``the Foreign Ministry``, ``The RIA news agency``."""
    org_head = head.ent_type_ in ("ORG", "GPE", "NORP") or (
        head.pos_ in ("PROPN", "NOUN") and head.lemma_.lower() in ORG_NOUNS
    )
    named = any(t.ent_type_ in ("ORG", "GPE", "NORP") for t in toks) and head.lemma_.lower() in ORG_NOUNS | {
        "agency",
        "newspaper",
        "outlet",
        "group",
    }
    if not (org_head or named) or (head.pos_ == "NOUN" and not named and not _has_proper(toks)):
        return None
    words = _whole_entity(head, list(toks))
    signed = bool(words) and is_dash(words[0].text)  # "― Ana Ruiz" signing a quote
    while words and (words[0].dep_ == "det" or words[0].is_space or is_dash(words[0].text)):
        words.pop(0)  # "The office of the Norwegian prime minister" keeps its inner "the"
    if words and words[-1].tag_ == "POS":
        words.pop()  # "the ministry's" → "ministry"
    while len(words) > 1 and _describes(words[0]) and any(t.pos_ == "PROPN" for t in words[1:]):
        words.pop(0)  # "nonpartisan Congressional Budget Office", "security firm Trend Micro"
    owned = _after_owner(words, head)
    # "Fox News' Ana Velez" tagged as one organisation; "― Ana Ruiz" signing a quote
    if (len(owned) < len(words) or signed) and _person_words(owned):
        name = join(owned)
        return Speaker(name=name, canonical=name, kind="person", span=token_span(toks))
    name = join(words)
    return Speaker(name=name, canonical=name, kind="organisation", span=token_span(toks))


def _job_noun(word: str) -> bool:
    """A lower-case title or job noun before a name ("host", "manager"), not a qualifier."""
    return word in TITLE_WORDS and word not in TITLE_QUALIFIERS


def _person_words(words: list[Token]) -> bool:
    """Two or three proper nouns led by a known given name: shaped as a person's name."""
    return (
        2 <= len(words) <= 3
        and _given(words[0])
        and all(t.pos_ == "PROPN" for t in words)
        and words[-1].lemma_.lower() not in ORG_NOUNS | ORG_DESCRIPTORS  # "Douglas Post" is a paper
    )


def _whole_entity(head: Token, toks: list[Token]) -> list[Token]:
    """The mention widened to the whole organisation entity its head is in: the parse may cut
    "Academy of Motion Picture Arts and Sciences" after "of"."""
    ent = next((e for e in entities(head.doc) if e.start <= head.i < e.end and e.label_ == "ORG"), None)
    if ent is None or not toks or (ent.start >= toks[0].i and ent.end <= toks[-1].i + 1):
        return toks
    return list(head.doc[min(ent.start, toks[0].i) : max(ent.end, toks[-1].i + 1)])


def _describes(tok: Token) -> bool:
    """A lower-case word describing a name that follows it (not part of the name)."""
    return tok.pos_ != "PROPN" and not tok.ent_type_ and not any(c.isupper() for c in tok.text)


def _has_proper(toks: list[Token]) -> bool:
    return any(t.pos_ == "PROPN" for t in toks)


def _anonymous(head: Token, toks: list[Token]) -> Speaker | None:
    """Unnamed sources: ``a senior official``, ``three US officials``, ``hardliners``."""
    if head.pos_ != "NOUN" or head.ent_type_ == "PERSON" or _misread_name(head):
        return None
    det = {t.lower_ for t in toks if t.dep_ in ("det", "nummod", "poss") or t.like_num}
    plural = head.tag_ == "NNS"
    indefinite = bool(det & INDEFINITE) or (plural and not det & DEFINITE)
    if indefinite or (not det and head.lemma_.lower() in ANONYMOUS_NOUNS):
        text = join(toks)
        return Speaker(name=text, canonical=text, kind="anonymous", anonymous=True, span=token_span(toks))
    return None


# Plural members and outputs of an organisation that speak for it as a body: "researchers at
# security firm X", "figures from X", "X leaders" are X (one named person would be a person).
MEMBER_NOUNS = frozenset(
    "researcher leader figure data statistic scientist expert analyst economist".split()  # noqa: SIM905
)


def _members(head: Token, toks: list[Token]) -> Speaker | None:
    """``Researchers at software security firm Trend Micro`` -> the organisation Trend Micro."""
    lemma = head.lemma_.lower()
    if head.pos_ != "NOUN" or lemma not in MEMBER_NOUNS or (head.tag_ != "NNS" and lemma != "data"):
        return None
    org = next((t for t in toks if t.ent_type_ == "ORG" and t.i != head.i), None)
    if org is None:
        return None
    ent = next((e for e in entities(org.doc) if e.start <= org.i < e.end), None)
    words = [t for t in (ent or [org]) if t.dep_ != "det" and t.tag_ != "POS" and t.lower_ != "the"]
    name = join(words)
    return (
        Speaker(name=join(toks), canonical=name, kind="organisation", span=token_span(toks)) if name else None
    )


def _role_led(head: Token, toks: list[Token]) -> Speaker | None:
    """``chief executive Corin Ashdale`` tagged ORG: a role word before a name makes a person."""
    if head.pos_ != "PROPN" or head.ent_type_ == "PERSON":
        return None
    names = [t for t in toks if t.pos_ == "PROPN" and t.i > toks[0].i]
    roles = [
        t
        for t in toks
        if t.i < (names[0].i if names else head.i) and t.lower_ in ROLE_WORDS | ANONYMOUS_NOUNS
    ]
    if not roles:  # "Metro Radio host Ana Lind": an employer, a job noun, then a person's name
        roles = [t for t in toks if t.i < head.i and t.pos_ == "NOUN" and _job_noun(t.lower_)]
        names = [t for t in toks if roles and t.i > roles[-1].i]
        if not (_person_words(names) and head in names):
            return None
    if not names or not roles or names[0].i < roles[-1].i:
        return None
    name = _clean_name([t for t in toks if t.i >= names[0].i])
    return Speaker(
        name=name, canonical=name, role=_role_words(toks, names), kind="person", span=token_span(toks)
    )


# Nouns for one person ("his daughter Ivy Brandt"), not for a body ("the campaign, X").
_KIN_NOUNS = PEOPLE_NOUNS - {"camp", "campaign", "staff", "team", "family"}


# Common nouns for a body that a name in apposition names ("the newspaper X", "the group X").
_BODY_NOUNS = ORG_NOUNS | ORG_DESCRIPTORS | {"newspaper", "paper", "magazine", "outlet", "website", "daily"}


def _appositive_name(head: Token, toks: list[Token]) -> Speaker | None:
    """``Its chief executive, Corin Ashdale, said``: the name in apposition is the speaker."""
    if head.pos_ != "NOUN":
        return None
    for child in head.rights:
        if child.dep_ == "appos" and child.ent_type_ == "ORG" and head.lemma_.lower() in _BODY_NOUNS:
            name = join(_whole_entity(child, [child]))  # "the Latvian newspaper Dienas Vestis"
            return Speaker(name=name, canonical=name, kind="organisation", span=token_span(toks))
        if child.dep_ == "appos" and (child.ent_type_ == "PERSON" or child.pos_ == "PROPN"):
            found = _person(child, mention_tokens(child)) or _role_led(child, mention_tokens(child))
            if found is None and head.lemma_.lower() in ROLE_WORDS | ANONYMOUS_NOUNS | _KIN_NOUNS:
                name = _clean_name([t for t in mention_tokens(child) if t.pos_ == "PROPN"])
                found = (
                    Speaker(name=name, canonical=name, kind="person") if name else None
                )  # a role names a person
            if found is not None:
                role = join([t for t in toks if t.dep_ != "det" and t.tag_ != "PRP$"])
                found = _family_surname(head, found)
                return dataclasses.replace(found, role=role or found.role, span=token_span(toks))
    return None


# Relatives written by first name after the family's full name ("his wife, Jane"): a spouse
# carries the family name; a child, sibling or father of a man does (of a woman, often not).
_SPOUSES = frozenset(["wife", "husband", "widow", "widower"])
_MALE_LINE = frozenset(["son", "daughter", "brother", "sister", "father", "grandson", "granddaughter"])


def _family_surname(kin: Token, found: Speaker) -> Speaker:
    """``Pell's wife, Dana`` / ``Sen. Ned Carrow … his wife, Jane``: a relative named by first
    name alone carries the family name of the person whose relative they are (that person as
    written, or the latest person named before "his"/"her" in the sentence or the one before),
    when the article also writes that person's full name."""
    kin_word = kin.lemma_.lower()
    if kin_word not in _SPOUSES | _MALE_LINE or len(found.name.split()) != 1:
        return found
    owner = next((c for c in kin.children if c.dep_ == "poss"), None)
    if owner is None:
        return found
    if owner.lower_ in ("his", "her"):
        sex = "m" if owner.lower_ == "his" else "f"
        start = _sentence_start(owner)
        people = [
            e for e in entities(kin.doc) if e.label_ == "PERSON" and start <= e.start and e.end <= owner.i
        ]
        people = [e for e in people if given_sex(e.text) in (None, sex)]
        family = people[-1][-1].text if people else ""
    else:
        ent = next((e for e in entities(kin.doc) if e.start <= owner.i < e.end), None)
        first = ent.start if ent is not None else owner.i
        before = kin.doc[first - 1].lower_.rstrip(".") if first > 0 else ""
        honorific = {"mr": "m", "mrs": "f", "ms": "f", "miss": "f"}.get(before)
        sex = honorific or (given_sex(ent.text) if ent is not None else None)
        family = (ent[-1] if ent is not None else owner).text
    if kin_word in _MALE_LINE and sex != "m":
        return found
    family = re.sub(r"[’']s?$", "", family)
    if not family[:1].isupper() or family == found.name or not _full_name_with(kin.doc, family):
        return found  # the relative's full name must not be the only one a bare surname can take
    name = f"{found.name} {family}"
    return dataclasses.replace(found, name=name, canonical=name)


def _full_name_with(doc: Doc, family: str) -> bool:
    """The article writes someone's full name with this family name ("Sen. Ned Carrow")."""
    return any(e.label_ == "PERSON" and len(e) > 1 and e[-1].text == family for e in entities(doc))


def _sentence_start(tok: Token) -> int:
    """The first token of the sentence before ``tok``'s (or of ``tok``'s, at the start)."""
    first = tok.sent.start
    return tok.doc[first - 1].sent.start if first > 0 else first


def _joint(head: Token, first: Speaker) -> Speaker | None:
    """``Laurence Mark and Bill Condon said``: named people speaking together are one joint
    source (kind ``group``), never one person with a borrowed surname."""
    if first.kind == "organisation":
        return _joint_bodies(head, first)
    if first.kind != "person":
        return None
    parts = [c for c in _conjuncts(head) if c.ent_type_ == "PERSON" or c.pos_ == "PROPN"]
    known = surnames(head.doc)
    if not any(_person(c, mention_tokens(c)) or c.text in known for c in parts):
        return _joint_titled(head)
    # each person's name without the role words before it ("Producers Laurence Mark", "Speaker
    # Ana Ruiz"); a surname the tagger left unlabelled is a name all the same ("Ruiz and Lee")
    names = [
        strip_titles(_clean_name(widen_name(_entity(mention_tokens(c), ("PERSON",))) or [c]))
        for c in (head, *parts)
    ]
    names = [_full_in_article(head.doc, n) for n in names if n]
    if len(names) < 2:
        return None
    name = ", ".join(names[:-1]) + " and " + names[-1]
    tokens = [t for c in (head, *parts) for t in mention_tokens(c)]
    return Speaker(
        name=name, canonical=name, kind="group", span=token_span(sorted(tokens, key=lambda t: t.i))
    )


def _conjuncts(head: Token) -> list[Token]:
    """The members after ``head`` of a list "A, B and C": the parser hangs C on B, not on A,
    and may read B as an apposition of A (a name apposed to a name that heads a conjunct)."""
    out: list[Token] = []
    node = head
    while True:
        nxt = next((c for c in node.rights if c.dep_ == "conj"), None)
        if nxt is None and node is head:
            nxt = next(
                (
                    c
                    for c in head.rights
                    if c.dep_ == "appos"
                    and c.ent_type_ == "PERSON"
                    and any(g.dep_ == "conj" for g in c.rights)
                ),
                None,
            )
        if nxt is None or nxt in out:
            return out
        out.append(nxt)
        node = nxt


def _full_in_article(doc: Doc, name: str) -> str:
    """A surname alone as the one full name the article writes with it ("Sandmann" -> "Nick
    Sandmann"), else as written."""
    if len(name.split()) != 1:
        return name
    full = {
        strip_titles(_clean_name(widen_name(list(e))))
        for e in entities(doc)
        if e.label_ == "PERSON" and len(e) > 1 and e[-1].text == name
    }
    return next(iter(full)) if len(full) == 1 else name


def _joint_bodies(head: Token, first: Speaker) -> Speaker | None:
    """``Greenpeace and the Sierra Club said``: named bodies speaking together are one joint
    source, like named people."""
    parts = [c for c in head.rights if c.dep_ == "conj" and c.ent_type_ == "ORG"]
    inside = [c for c in parts if _same_entity(head, c)]
    if inside:  # "Lind and Ruiz" tagged one organisation: a firm, or two people named before
        return _tagged_pair(head, inside)
    others = [_organisation(c, mention_tokens(c)) for c in parts]
    names = [first.canonical] + [o.canonical for o in others if o is not None]
    if len(names) < 2 or len(names) != len(parts) + 1:
        return None
    name = ", ".join(names[:-1]) + " and " + names[-1]
    tokens = [t for c in (head, *parts) for t in mention_tokens(c)]
    return Speaker(
        name=name, canonical=name, kind="group", span=token_span(sorted(tokens, key=lambda t: t.i))
    )


def _tagged_pair(head: Token, parts: list[Token]) -> Speaker | None:
    """Surnames joined by "and" that the tagger read as one organisation: the people the article
    named in full before ("Ana Lind … Tom Ruiz … Lind and Ruiz said"), else the one body it
    is ("Procter and Gamble"; None: the organisation as written)."""
    names = list(dict.fromkeys(_person_in_full(head.doc, t.text) for t in (head, *parts)))
    if len(names) < 2 or not all(names):
        return None
    name = ", ".join(names[:-1]) + " and " + names[-1]
    tokens = [head, *parts]
    return Speaker(name=name, canonical=name, kind="group", span=token_span(tokens))


def _person_in_full(doc: Doc, word: str) -> str | None:
    """The one full person name (a given name first) the article writes ending in ``word``."""
    found = {n for n in full_names(doc.text, word) if n.split()[-1] == word and is_given_name(n.split()[0])}
    return next(iter(found)) if len(found) == 1 else None


def _joint_titled(head: Token) -> Speaker | None:
    """``Speaker Ana Ruiz and Senate leader Tom Lee said``: the second name, after its title, is
    a person of its own however the parser hung it (an apposition of the first, a title noun's
    compound), never part of the first person's name."""
    cc = next((c for c in head.rights if c.dep_ == "cc" and c.lower_ == "and"), None)
    if cc is None or not any(c.dep_ == "conj" for c in head.rights):
        return None
    end = max(t.i for t in head.subtree) + 1
    ents = [e for e in entities(head.doc) if e.label_ == "PERSON" and cc.i < e.start and e.end <= end]
    if len(ents) != 1:
        return None
    first = strip_titles(_clean_name(_head_run(widen_name(_entity(mention_tokens(head), ("PERSON",))), head)))
    second = strip_titles(_clean_name(widen_name(list(ents[0]))))
    if not first or not second or first == second:
        return None
    name = f"{first} and {second}"
    toks = [t for t in head.subtree if t.i < end]
    return Speaker(name=name, canonical=name, kind="group", span=token_span(toks))


# Kinds of publication written before its name ("trade magazine Variety", "the newspaper Le Monde").
MEDIA_NOUNS = frozenset(
    "magazine publication newspaper paper daily weekly tabloid journal website outlet broadcaster".split()  # noqa: SIM905
)


def _media_name(head: Token, toks: list[Token]) -> Speaker | None:
    """``Trade publication Variety``, ``trade magazine The Daily Courier``: the publication's
    name after the noun for its kind, an organisation, however the parser hung the two."""
    if head.pos_ == "PROPN":
        kinds = [t for t in toks if t.i < head.i and t.pos_ == "NOUN" and t.lower_ in MEDIA_NOUNS]
        names = [t for t in toks if kinds and t.i > kinds[-1].i and t.pos_ == "PROPN"]
    elif head.pos_ == "NOUN" and head.lower_ in MEDIA_NOUNS and not head.ent_type_:
        names = []
        for t in head.doc[head.i + 1 : sentence(head).end]:
            if t.pos_ == "PROPN" or (
                not names and t.lower_ == "the" and t.i + 1 < len(t.doc) and t.nbor().pos_ == "PROPN"
            ):
                names.append(t)
                continue
            break
    else:
        return None
    if not [t for t in names if t.pos_ == "PROPN"]:
        return None
    name = join(names)
    return Speaker(name=join(toks) if head.pos_ == "NOUN" else name, canonical=name, kind="organisation",
                   span=token_span(toks))  # fmt: skip


def _titles_then_name(head: Token) -> Speaker | None:
    """``CHA president and chief executive officer Sister Ana Lind said``: bare titles joined by
    "and" up to one named person are that person's offices, not a second speaker ("the
    president and Senator Lind", with its article, stays two people)."""
    if head.pos_ != "NOUN" or head.lemma_.lower() not in TITLE_WORDS or head.ent_type_:
        return None
    if any(c.dep_ in ("det", "poss") for c in head.children):
        return None
    conj = [c for c in head.children if c.dep_ == "conj"]
    named = [c for c in conj if c.ent_type_ == "PERSON"]
    titles = [c for c in conj if c.pos_ == "NOUN" and c.lemma_.lower() in TITLE_WORDS and not c.ent_type_]
    if len(named) != 1 or len(named) + len(titles) != len(conj) or conj[-1] is not named[0]:
        return None
    found = _person(named[0], mention_tokens(named[0]))
    if found is None:
        return None
    role = join([t for t in head.subtree if t.i < named[0].left_edge.i and t.dep_ != "cc" or t.i == head.i])
    return dataclasses.replace(found, role=found.role or role)


def _misread_name(head: Token) -> bool:
    """A capitalised word inside a sentence that the tagger called an adverb or a common noun
    ("Reilly/ADV told", "― Morrow/NOUN boasted"): a name it did not know."""
    if not head.shape_.startswith("Xx") or head.is_stop:
        return False
    bare = head.pos_ == "NOUN" and not any(c.dep_ == "det" for c in head.children)
    # "Nunes/NNS/ORG said": a surname ending in -s read as a plural common noun
    plural_name = head.tag_ == "NNS" and head.ent_type_ == "ORG" and head.lemma_.lower() not in ORG_NOUNS
    single = head.tag_ == "NN" and head.ent_type_ in ("", "DATE") and not head.is_sent_start
    return head.pos_ == "ADV" or (bare and (single or plural_name))


def surnames(doc: Doc) -> frozenset[str]:
    """Last words of the article's full person names (two words or more), computed once."""
    found = doc.user_data.get("newsprism_surnames")
    if found is None:
        found = frozenset(
            e.text.split()[-1] for e in entities(doc) if e.label_ == "PERSON" and len(e.text.split()) >= 2
        )
        doc.user_data["newsprism_surnames"] = found
    return found


def places(doc: Doc) -> frozenset[str]:
    """Words the article's tagger reads as a place (the first word of a GPE, LOC or FAC entity:
    "in Washington") and never as the first word of a person's full name ("Virginia Lind"),
    computed once."""
    found = doc.user_data.get("newsprism_places")
    if found is None:
        found = frozenset(e[0].text for e in entities(doc) if e.label_ in ("GPE", "LOC", "FAC"))
        found -= {e[0].text for e in entities(doc) if e.label_ == "PERSON" and len(e) >= 2}
        doc.user_data["newsprism_places"] = found
    return found


def _given(tok: Token) -> bool:
    """A given name of the first-name table that is no place here: "Washington Post" is no
    person in an article that writes "in Washington" (the table is of baby names, where
    place names occur)."""
    return (
        is_given_name(tok.text)
        and tok.ent_type_ not in ("GPE", "LOC", "FAC")
        and tok.text not in places(tok.doc)
    )


def _known_surname(head: Token, toks: list[Token]) -> Speaker | None:
    """A capitalised word the article also writes as the surname of a full person name ("Carla
    Brenner … Brenner said"): that person, however the tagger labelled it here (an organisation,
    a plural common noun)."""
    if head.ent_type_ == "PERSON" or head.pos_ not in ("PROPN", "NOUN") or not head.shape_.startswith("Xx"):
        return None
    ent = next((e for e in entities(head.doc) if e.start <= head.i < e.end), None)
    word = [head] if ent is None or len(ent) == 1 else list(ent)
    if " " in join(word) or any(c.dep_ == "det" for c in head.children):
        return None  # one word, hyphens aside ("Ortiz-Cortell" tagged as an organisation)
    if join(word) not in surnames(head.doc):
        return None
    names = widen_name(word)
    name = _clean_name(names)
    role = _role_words(toks, names)
    return Speaker(name=name, canonical=name, role=role, kind="person", span=token_span(toks))


def _bare_title(head: Token, toks: list[Token]) -> bool:
    """A capitalised title alone ("The Speaker said", "President says"): every word of the
    mention but its article is a title word, however the tagger labelled it."""
    words = [t for t in toks if t.dep_ != "det"]
    if head.ent_type_ == "PERSON" and any(t.lower_ in HONORIFICS for t in words if t.i < head.i):
        return False  # "Mr. King said": an honorific makes the title word a surname
    return (
        head.pos_ == "PROPN"
        and head.lower_.rstrip(".") not in TITLE_QUALIFIERS
        and head.text[:1].isupper()
        and bool(words)
        and all(t.lower_.rstrip(".") in TITLE_WORDS for t in words)
    )


def _after_owner(toks: list[Token], head: Token) -> list[Token]:
    """``Fox News' Ana Velez``: the tokens after the last possessive before the head (the
    owner is where the person works, not part of the name)."""
    marks = [t.i for t in toks if t.i < head.i and (t.tag_ == "POS" or t.lower_ in ("'s", "’s", "'", "’"))]
    return [t for t in toks if t.i > max(marks, default=-1)]


def _the_name(head: Token, toks: list[Token]) -> bool:
    """ "the Gazette said": one proper noun after "the", which no person's name takes (the
    tagger may still label it a person); "the Rev. Ana Ruiz" has more words."""
    return [t.lower_ for t in toks if t.i != head.i] == ["the"] and toks[0].dep_ == "det"


def _from_given(names: list[Token]) -> list[Token]:
    """``Texan Ana Velez``: a demonym, or a word before a known given name that is none, in
    front of a name of the tagger's own making is a descriptor."""
    while len(names) > 1 and names[0].ent_type_ == "NORP":
        names = names[1:]
    if len(names) >= 3 and not _given(names[0]) and _given(names[1]):
        names = names[1:]
    return names


def _after_dateline(head: Token) -> Token | None:
    """ "WASHINGTON -- President Ana Ruiz, …, said", "LONDON (Wire) - Ana Ruiz said": the parser
    may make the dateline (a place in capitals opening its line, then a dash) the subject; the
    person named right after the dash speaks."""
    doc = head.doc
    opens_line = head.i == 0 or "\n" in doc[head.i - 1].text_with_ws or doc[head.i - 1].is_space
    if not (head.is_upper and len(head.text) > 2 and opens_line):
        return None
    k = head.i + 1
    if k < len(doc) and doc[k].text == "(":  # "(Reuters)"
        k = next((t.i + 1 for t in doc[k : k + 6] if t.text == ")"), k)
    if k >= len(doc) or not is_dash(doc[k].text):
        return None
    ent = next((e for e in entities(doc) if e.start == k + 1 and e.label_ == "PERSON"), None)
    if ent is not None and (ent.root.head.i in (head.i, head.head.i)):
        return ent.root
    return next((c for c in head.children if c.dep_ == "appos" and c.ent_type_ == "PERSON"), None)


def glued_dateline(ent: SpacySpan) -> SpacySpan | None:
    """``CLEVELAND - Ana Ruiz painted …``: a tagger may glue a dateline (capitals, then a dash)
    and the person after it into one entity of another kind; the name after the dash (a known
    given name first), else None."""
    if len(ent) < 4 or not (ent[0].is_upper and len(ent[0]) > 2):
        return None
    dash = next((t.i for t in ent if is_dash(t.text)), None)
    if dash is None or ent.end - dash < 3:
        return None
    name = ent.doc[dash + 1 : ent.end]
    return name if given_sex(name.text) is not None else None


def _glued_person(head: Token, toks: list[Token]) -> Speaker | None:
    ent = next((e for e in entities(head.doc) if e.start <= head.i < e.end), None)
    name = glued_dateline(ent) if ent is not None and ent.label_ != "PERSON" else None
    if name is None or head.i < name.start:
        return None
    return Speaker(name=name.text, canonical=name.text, kind="person", span=token_span(list(name)))


# Titles written as abbreviations, whose dot a parser may take for a sentence's end.
_TITLE_ABBREVIATIONS = frozenset(
    "sgt lt capt col gen gov sen rep det insp supt cmdr maj cpl pvt adm dr prof rev msgr atty".split()  # noqa: SIM905
)


def abbreviated_title(tok: Token) -> bool:
    """``Sgt`` in "Police Sgt. Ana Ruiz": a title abbreviation, its dot a token of its own."""
    return tok.lower_ in _TITLE_ABBREVIATIONS and tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].text == "."


def _after_abbreviated_title(head: Token) -> Token | None:
    """ "said Police Sgt. Ana Ruiz": the parser may end the phrase at the title's abbreviation
    dot and leave the name after it apart; the person named right after the dot speaks."""
    doc = head.doc
    if not abbreviated_title(head) or head.i + 2 >= len(doc):
        return None
    ent = next((e for e in entities(doc) if e.start == head.i + 2 and e.label_ == "PERSON"), None)
    return ent.root if ent is not None and len(ent) >= 2 else None


def _one_of_named(head: Token) -> Token | None:
    """ "one of the family's lawyers, Ana Ruiz, said": the person apposed to the group."""
    if head.lower_ != "one":
        return None
    group = [
        o
        for p in head.children
        if p.dep_ == "prep" and p.lower_ == "of"
        for o in p.children
        if o.dep_ == "pobj"
    ]
    if not group:
        return None
    names = [a for g in (head, *group) for a in g.children if a.dep_ == "appos" and a.ent_type_ == "PERSON"]
    return names[0] if len(names) == 1 else None


def describe(head: Token) -> Speaker:
    """A :class:`Speaker` for the mention headed by ``head``, before any cross-mention merging."""
    named = _after_dateline(head) or _one_of_named(head) or _after_abbreviated_title(head)
    if named is not None:
        head = named
    toks = mention_tokens(head)
    appositive = _appositive_name(head, toks) or _titles_then_name(head)
    if appositive is not None:
        return appositive
    known = _known_surname(head, toks) or _glued_person(head, toks)
    if known is not None:
        return _joint(head, known) or known
    media = _media_name(head, toks)
    if media is not None:
        return media
    if _bare_title(head, toks):  # "the Speaker", "President" in a headline: a role, no name
        text = join(toks)
        return Speaker(name=text, canonical=text, kind="nominal", span=token_span(toks))
    if head.pos_ == "PROPN" and _the_name(head, toks):  # "the Gazette said": a paper, no person
        name = join([t for t in toks if t.dep_ != "det"])
        return Speaker(name=name, canonical=name, kind="organisation", span=token_span(toks))
    for make in (_person, _role_led, _members, _organisation, _anonymous):
        found = make(head, toks)
        if found is not None and found.kind == "person" and head.dep_ == "appos":
            found = _family_surname(head.head, found)  # "she" for "his wife, Jane"
        if found is not None:
            return _joint(head, found) or found
    misread = _misread_name(head)
    if (head.pos_ == "PROPN" or misread) and head.lemma_.lower() not in ORG_NOUNS:
        names = _from_given(
            [t for t in _after_owner(toks, head) if t.pos_ == "PROPN" or t.i == head.i]
        )  # a name the tagger did not label
        return Speaker(name=_clean_name(names), canonical=_clean_name(names), role=_role_words(toks, names),
                       kind="person", span=token_span(toks))  # fmt: skip
    text = join(toks)
    kind = "pronoun" if head.lower_ in PRONOUNS else "nominal"
    if kind == "nominal" and head.lemma_.lower() in ORG_NOUNS:
        kind = "organisation"  # "the council", "the hospital": an unnamed but definite body
    return Speaker(name=text, canonical=text, kind=kind, span=token_span(toks))
