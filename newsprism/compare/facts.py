"""Fact keys: the same small fact found inside differently worded statements.

Sentence embeddings compare whole statements, so a fact told in passing ("the 16-year-old",
"killed by police on Saturday night") is lost when the rest of the two sentences differ.
Here each statement is read for compact keys from its parse:

- an event key: a content verb's lemma with two of its arguments (names, nouns, numbers,
  weekdays, months), one of them a name, number or date, e.g. ``kill|police|saturday``;
  reporting verbs ("say", "tell") are not events of the story;
- a count key: ``46|arrest`` from "46 were arrested" or "there were 46 arrests";
- an age key: ``age|16`` from "16-year-old Kimani Gray" or "Gray, 16,";
- a number key: ``n|1237`` from any number of three or more significant digits that is not a
  year ("1,237 delegates", "$916 million").

Statements of different articles that share a key tell one fact. Each key shared by two or
more articles gives a fact group (at most one statement per article, the first), kept when it
is not already inside one alignment group. A statement can so support several facts, as a
sentence of news often does.
"""

from __future__ import annotations

import itertools
import re
from collections import defaultdict
from collections.abc import Sequence
from typing import TYPE_CHECKING

from newsprism.model import Article, Statement
from newsprism.text import DAYS, MONTHS, numbers

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

__all__ = ["FRAME_VERBS", "arg_key", "fact_groups", "fact_keys", "specific_argument"]

_ARG_DEPS = frozenset(
    ["nsubj", "nsubjpass", "dobj", "obj", "attr", "agent", "pobj", "npadvmod", "dative", "oprd"]
)
# Verbs that frame a statement rather than tell an event of the story.
FRAME_VERBS = frozenset(
    """say tell add report state claim note explain accord ask write announce describe call believe
    think know see appear seem continue begin start include make take give get go come be have do
    become remain want need try use""".split()  # noqa: SIM905
)
_WEAK_ARGS = frozenset(
    """he she it they we i you him her them us me who which that this what thing way time people one
    year day week month some all part""".split()  # noqa: SIM905
)
_AGE_BEFORE = re.compile(r"\b(\d{1,3})-year-old\b")
_AGE_AFTER = re.compile(r"\b[A-Z][\w’'.-]+(?:\s+[A-Z][\w’'.-]+){0,3},\s+(\d{1,3})(?:,|\s*$)")
_DATES = frozenset(DAYS) | frozenset(MONTHS)
_NAMED = "@"


def _entity_tokens(tok: Token) -> list[Token] | None:
    """The entity ``tok`` is in, read from the IOB tags as ``doc.ents`` builds it (B starts one,
    I goes on): ``doc.ents`` is rebuilt over the whole document on every access."""
    if tok.ent_iob_ not in ("B", "I"):
        return None
    doc, start, end = tok.doc, tok.i, tok.i + 1
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return list(doc[start:end])


def arg_key(tok: Token) -> str | None:
    """A comparable form of an argument: a name's last word, a number, a weekday, a noun lemma."""
    if tok.like_num:
        return tok.text.lower().replace(",", "")
    if tok.ent_type_ in ("PERSON", "ORG", "GPE", "NORP", "FAC", "LOC", "EVENT", "WORK_OF_ART"):
        ent = _entity_tokens(tok)
        words = [t.lower_ for t in ent if t.is_alpha] if ent is not None else [tok.lower_]
        # Marked as a name, so that an event key can tell a named argument from a common noun.
        return _NAMED + words[-1] if words else None
    low = tok.lemma_.lower()
    if low in _DATES:
        return low
    if tok.pos_ in ("NOUN", "PROPN") and low not in _WEAK_ARGS and len(low) > 2:
        return low
    return None


def specific_argument(arg: str) -> bool:
    """Whether an argument key names something: a name, a number, a weekday or month."""
    return arg.startswith(_NAMED) or arg[:1].isdigit() or arg in _DATES


def _arguments(verb: Token) -> set[str]:
    """Argument keys of ``verb``: its subject, objects, and the objects of its prepositions."""
    out: set[str] = set()
    for child in verb.children:
        targets = [child]
        if child.dep_ in ("prep", "agent"):
            targets = [g for g in child.children if g.dep_ == "pobj"]
        for t in targets:
            if t.dep_ in _ARG_DEPS or child.dep_ in ("prep", "agent"):
                key = arg_key(t)
                if key:
                    out.add(key)
                out.update(
                    k for c in t.children if c.dep_ in ("compound", "nummod") for k in [arg_key(c)] if k
                )
    return out


def _event_keys(span: Span) -> set[str]:
    keys = set()
    for tok in span:
        if tok.pos_ != "VERB" or tok.lemma_.lower() in FRAME_VERBS:
            continue
        args = sorted(_arguments(tok))
        lemma = tok.lemma_.lower()
        # Two common nouns ("officers suffered injuries") tell an event of any story of the kind;
        # a name, a number or a date among the two tells which one.
        keys.update(
            f"{lemma}|{a}|{b}"
            for a, b in itertools.combinations(args, 2)
            if specific_argument(a) or specific_argument(b)
        )
        # A verb with one specific value (a number, a weekday or month) is a fact alone.
        keys.update(f"{lemma}|{a}" for a in args if a in _DATES or a[:1].isdigit())
    return keys


def _count_keys(span: Span) -> set[str]:
    """``46|arrest`` from "46 were arrested", "there were 46 arrests" and "46 demonstrators
    were arrested": a count with the noun it counts and the event that noun takes part in."""
    keys = set()
    for tok in span:
        if not tok.like_num or tok.ent_type_ in ("DATE", "TIME") or tok.dep_ == "compound":
            continue
        value = tok.text.lower().replace(",", "")
        head = tok.head
        for target in (head, head.head if head.pos_ == "NOUN" else None):
            if target is not None and target is not tok and target.pos_ in ("NOUN", "VERB"):
                lemma = target.lemma_.lower()
                if lemma not in FRAME_VERBS and lemma not in _WEAK_ARGS:
                    keys.add(f"{value}|{lemma}")
    return keys


def _age_keys(text: str) -> set[str]:
    # One story rarely has two people of one age, and outlets name them differently
    # ("Kimani Gray", "Kiki", "the teen"): the age alone is the key (two named people of one
    # age are told apart in fact_groups, _two_people).
    return {f"age|{m.group(1)}" for p in (_AGE_BEFORE, _AGE_AFTER) for m in p.finditer(text)}


def _aged_names(text: str, age: str) -> set[str]:
    """The surnames ``text`` gives ``age`` after ("King, 39," gives ``king``)."""
    return {
        m.group(0).split(",")[0].split()[-1].lower() for m in _AGE_AFTER.finditer(text) if m.group(1) == age
    }


def _two_people(key: str, members: Sequence[int], statements: Sequence[Statement]) -> bool:
    """Whether an age key's statements give the age to two differently named people ("King, 39"
    and "Elverton Thomas, 39"): one age, two facts."""
    if not key.startswith("age|"):
        return False
    named = [n for i in members if (n := _aged_names(statements[i].text, key[4:]))]
    return any(not a & b for a, b in itertools.combinations(named, 2))


def _number_keys(text: str) -> set[str]:
    """``n|916000000`` from "$916 million" or "1,237 delegates": a number with three or more
    significant digits that is not a year. Two outlets giving such a number tell one fact,
    whatever words they put around it; a round or small number ("200", "two") may count
    anything."""
    out = set()
    for value in numbers(text):
        digits = value.replace(".", "").strip("0")
        if len(digits) >= 3 and not (len(value) == 4 and value.isdigit() and 1800 <= int(value) <= 2100):
            out.add(f"n|{value}")
    return out


def fact_keys(statement: Statement, doc: Doc | None) -> set[str]:
    """The fact keys of one statement (age and number keys need no parse; event keys need ``doc``)."""
    keys = _age_keys(statement.text) | _number_keys(statement.text)
    if doc is not None:
        span = doc.char_span(statement.span.start, statement.span.end, alignment_mode="expand")
        if span is not None:
            keys |= _event_keys(span) | _count_keys(span)
    return keys


def fact_groups(
    statements: Sequence[Statement],
    articles: Sequence[Article],
    docs: Sequence[Doc] | None,
    groups: Sequence[Sequence[int]],
) -> list[tuple[int, ...]]:
    """Statement-index groups of facts shared by two or more articles that no alignment group
    already holds whole, each widened by its members' alignment mates."""
    doc_of = dict(zip((a.id for a in articles), docs or (), strict=False))
    by_key: dict[str, dict[str, int]] = defaultdict(dict)
    for k, st in enumerate(statements):
        for key in fact_keys(st, doc_of.get(st.article_id)):
            by_key[key].setdefault(st.article_id, k)
    # A statement's first group is its own; later ones are second groups (a second fact).
    group_of: dict[int, int] = {}
    for g, members in enumerate(groups):
        for i in members:
            group_of.setdefault(i, g)
    found: set[tuple[int, ...]] = set()
    for key, per_article in by_key.items():
        if len(per_article) < 2 or _two_people(key, list(per_article.values()), statements):
            continue
        members = tuple(sorted(per_article.values()))
        if len({group_of.get(i) for i in members}) > 1:
            found.add(_with_mates(members, groups, group_of, statements))
    return _maximal(found)


def _with_mates(
    members: tuple[int, ...],
    groups: Sequence[Sequence[int]],
    group_of: dict[int, int],
    statements: Sequence[Statement],
) -> tuple[int, ...]:
    """The fact group widened by the alignment mates of its members (one per new article):
    what alignment judged the same statement tells the same fact."""
    seen = {statements[i].article_id for i in members}
    out = list(members)
    for i in members:
        for j in groups[group_of[i]] if i in group_of else ():
            if statements[j].article_id not in seen:
                seen.add(statements[j].article_id)
                out.append(j)
    return tuple(sorted(out))


def _maximal(found: set[tuple[int, ...]]) -> list[tuple[int, ...]]:
    """Drop groups contained in a larger one (two keys of one fact give nested groups)."""
    ordered = sorted(found, key=lambda g: (-len(g), g))
    kept: list[tuple[int, ...]] = []
    for g in ordered:
        if not any(set(g) <= set(k) for k in kept):
            kept.append(g)
    return sorted(kept)
