"""Clauses: cut a sentence into the fact-sized claims it carries, with the spaCy parse.

A news sentence often packs two or three facts ("The blaze started in Warehouse 7 and
spread to two sheds before crews brought it under control"). Each becomes its own
statement, so that every outlet is counted for every fact it reports. A claim is a run of
consecutive tokens of the sentence (its span is the outlet's exact words); the cuts come
from the dependency parse:

1. coordinated clauses and verb phrases (``conj`` of a verb): "... and spread to two sheds";
2. adverbial clauses opened by a subordinator (as, while, after, before, when...) that carry
   their own subject: "... before crews brought it under control";
3. participle clauses after a comma: ", injuring 12 people";
4. non-restrictive relative clauses (", which broke out late on Tuesday") and appositives
   that carry a verb or a count (", a storage building operated by Brannock Logistics,",
   ", three of them firefighters,"), and counts set off by "among"/"including"
   (", among them three firefighters,").
5. with ``unit_words``, adverbial clauses without a subject of their own that hold that many
   content words ("The guard was hurt | while closing the gates of the east depot").

Never cut: an attribution frame from its content (``ccomp``, ``parataxis``: "X said that
..." stays whole; the speaker is kept for every claim of the sentence), a restrictive
relative clause ("a fire that broke out ..."), or anywhere inside quote marks. A piece
shorter than ``min_words`` words goes back to its neighbour.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from typing import TYPE_CHECKING

from newsprism.text import content_words, words

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

__all__ = ["REPORTING_LEMMAS", "SUBORDINATORS", "clause_spans", "stands_alone"]

# Subordinators that open a clause telling its own fact (time, cause, contrast); "if",
# "whether", "that" open conditions or reported content, which are not facts on their own.
SUBORDINATORS = frozenset(
    {"as", "while", "after", "before", "when", "because", "since", "although", "though", "whereas", "until"}
)
_WH = frozenset({"which", "who", "whom", "whose"})
_VERBS = frozenset({"VERB", "AUX"})
_SUBJECTS = frozenset({"nsubj", "nsubjpass", "expl", "csubj"})
_EDGE_PUNCT = frozenset({",", ";", ":", "—", "–", "-", "--"})
_OPEN_POS = frozenset({"ADP", "DET", "AUX", "PART", "SCONJ"})
_CONTENT_POS = frozenset({"NOUN", "PROPN", "NUM"})
# Verbs of an attribution frame: a piece whose only verbs are these ("emergency services
# said.", "their agent told VBS.") is the frame of the claim before it, not a claim.
REPORTING_LEMMAS = frozenset(
    {
        "say",
        "tell",
        "add",
        "confirm",
        "report",
        "announce",
        "state",
        "claim",
        "insist",
        "write",
        "note",
        "learn",
    }
)


def clause_spans(
    doc: Doc,
    start: int,
    end: int,
    quoted: Sequence[tuple[int, int]] = (),
    min_words: int = 3,
    token_starts: Sequence[int] | None = None,
    unit_words: int = 0,
) -> list[tuple[int, int]]:
    """Character spans of the claims in ``doc.text[start:end]`` (one sentence), in order.

    ``quoted`` are character spans inside quote marks, where no cut is made. Returns
    ``[(start, end)]`` when the sentence holds one claim. ``token_starts`` (each token's
    character offset) saves recomputing them for every sentence of one document. With
    ``unit_words`` (positive), adverbial clauses without a subject of their own (see
    :func:`_unit`) are cut too when they hold at least that many content words.
    """
    starts = token_starts if token_starts is not None else [t.idx for t in doc]
    first, last = bisect_left(starts, start), bisect_left(starts, end)
    if last - first < 2 * min_words:
        return [(start, end)]
    cuts: set[int] = set()
    for tok in doc[first:last]:
        if _opens_clause(tok, first, last) or (unit_words > 0 and _unit(tok, first, last, unit_words)):
            left, right = _clause_bounds(tok)
            cuts.update(k for k in (left, min(right, last)) if first < k < last)
    # No cut inside quote marks, nor after a word that needs what follows ("burned for | more").
    cuts = {k for k in cuts if not _inside(doc[k].idx, quoted) and doc[k - 1].pos_ not in _OPEN_POS}
    if not cuts:
        return [(start, end)]
    bounds = [first, *sorted(cuts), last]
    pieces = [_trim(doc, bounds[i], bounds[i + 1]) for i in range(len(bounds) - 1)]
    merged = [_trim(doc, a, b) for a, b in _merge_short(doc, pieces, min_words)]
    return [_char_span(doc, a, b, start, end) for a, b in merged]


def _opens_clause(tok: Token, first: int, last: int) -> bool:
    """Does ``tok`` head a clause that tells a fact of its own (see the module docstring)?"""
    head = tok.head
    # (A subtree may run past the sentence into the whitespace after it; its start may not.)
    if head.i == tok.i or not first <= head.i < last or not first <= tok.left_edge.i:
        return False
    dep = tok.dep_
    if dep == "conj":
        return tok.pos_ in _VERBS and head.pos_ in _VERBS
    before = tok.doc[tok.left_edge.i - 1].text if tok.left_edge.i > first else ""
    if dep == "advcl":
        # The subordinator is a ``mark``, or an ``advmod`` for when/while/as; it opens the clause.
        opener = tok.left_edge
        if opener.dep_ in ("mark", "advmod") and opener.head.i == tok.i and opener.i < tok.i:
            return opener.lower_ in SUBORDINATORS and any(c.dep_ in _SUBJECTS for c in tok.children)
        marks = [c for c in tok.children if c.dep_ == "mark"]
        return not marks and tok.tag_ == "VBG" and before == "," and tok.i > head.i
    if dep == "relcl":
        return before == "," and tok.left_edge.lower_ in _WH
    if dep == "prep":
        # ", among them three firefighters," / ", including two children,": a count of its own.
        return before == "," and tok.lower_ in ("among", "including") and any(t.like_num for t in tok.subtree)
    if dep == "appos":
        # ", a storage building operated by X," or ", three of them firefighters,": a verb or
        # a count makes the appositive a fact of its own; a bare title (", its insurer,") does not.
        return before == "," and any(t.pos_ == "VERB" or t.like_num for t in tok.subtree)
    return False


def _unit(tok: Token, first: int, last: int, min_content: int) -> bool:
    """Does ``tok`` head an adverbial clause without a subject of its own that still tells a
    fact ("while doing yard work at a home on Elm Street", "after allegedly pointing a gun at
    officers")? Only with ``min_content`` content words, so "after saying so" stays. (A
    participle after its noun, "a speech given by X", was measured too and is not cut: it
    names the noun more often than it tells a fact; docs/results/brief.md 0u-facts.)"""
    head = tok.head
    if tok.dep_ != "advcl" or tok.pos_ != "VERB" or head.i == tok.i or not first <= head.i < last:
        return False
    opener = tok.left_edge
    if opener.i < first or opener.dep_ not in ("mark", "advmod") or opener.head.i != tok.i:
        return False
    if opener.lower_ not in SUBORDINATORS or any(t.dep_ in _SUBJECTS for t in (head, *head.ancestors)):
        return False  # never inside a subject
    return len(content_words(tok.doc[opener.i : tok.right_edge.i + 1].text)) >= min_content


def _clause_bounds(tok: Token) -> tuple[int, int]:
    """Token range ``[left, right)`` of the clause ``tok`` heads; a ``conj`` starts at its
    conjunction ("and spread ..."), which its head owns in spaCy's trees."""
    left = tok.left_edge.i
    doc = tok.doc
    if tok.dep_ == "conj" and left > 0 and doc[left - 1].dep_ == "cc":
        left -= 1
    return left, tok.right_edge.i + 1


def _inside(pos: int, quoted: Sequence[tuple[int, int]]) -> bool:
    return any(a < pos < b for a, b in quoted)


def _trim(doc: Doc, a: int, b: int) -> tuple[int, int]:
    """Tokens ``[a, b)`` without the joints at either edge (a leading "and", commas, dashes)."""
    while a < b - 1 and (doc[a].dep_ == "cc" or doc[a].text in _EDGE_PUNCT or doc[a].is_space):
        a += 1
    while b - 1 > a and (doc[b - 1].text in _EDGE_PUNCT or doc[b - 1].dep_ == "cc" or doc[b - 1].is_space):
        b -= 1
    return a, b


def _weak(doc: Doc, a: int, b: int, min_words: int) -> bool:
    """Too short to be a claim, without a noun, name or number of its own, or only an
    attribution frame."""
    if len(words(doc[a:b].text)) < min_words:
        return True
    if not any(t.pos_ in _CONTENT_POS for t in doc[a:b]):
        return True  # "as it sees fit", "although it has not said how": nothing to compare alone
    verbs = [t for t in doc[a:b] if t.pos_ == "VERB"]
    if not verbs:  # a count (", three of them firefighters") is a claim; a bare noun phrase is not
        return not any(t.like_num for t in doc[a:b])
    return all(t.lemma_ in REPORTING_LEMMAS for t in verbs)


def _merge_short(doc: Doc, pieces: list[tuple[int, int]], min_words: int) -> list[tuple[int, int]]:
    """Join a weak piece (see :func:`_weak`) to the piece before it (the first piece to the
    one after): "emergency services said." is a frame, not a claim; a lone "." ends a clause."""
    out: list[tuple[int, int]] = []
    for a, b in pieces:
        if out and _weak(doc, a, b, min_words):
            out[-1] = (out[-1][0], b)
        else:
            out.append((a, b))
    if len(out) > 1 and _weak(doc, *out[0], min_words):
        out[:2] = [(out[0][0], out[1][1])]
    return out


def _char_span(doc: Doc, a: int, b: int, start: int, end: int) -> tuple[int, int]:
    """Characters of tokens ``[a, b)``, within the sentence; a piece that ends the sentence
    keeps the sentence's last characters (closing quote marks)."""
    left = max(start, doc[a].idx)
    right = min(end, doc[b - 1].idx + len(doc[b - 1].text))
    if b == len(doc) or doc[b].idx >= end:
        right = end
    return left, right


# A clause that depends on another to be read: adverbial, relative, participial, appositive.
_SUBORDINATE_DEPS = frozenset({"advcl", "relcl", "acl", "appos", "ccomp", "xcomp", "csubj", "pcomp", "prep"})
_FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})
_RELATIVE_TAGS = frozenset({"WDT", "WP", "WP$"})
_COMPARATIVE_TAGS = frozenset({"JJR", "RBR"})


def stands_alone(doc: Doc, start: int, end: int, sentence: tuple[int, int]) -> bool:
    """Whether the claim ``doc.text[start:end]`` reads as a statement without the rest of its
    ``sentence`` (character span): the whole sentence, or a clause whose head is a finite verb
    with its own subject that is not a relative pronoun, coordinated with the main clause
    rather than subordinate to it. "continuing to poke at X", "as a con artist ―", "who needs
    more votes", "while Y received 38 percent" do not."""
    if (start, end) == tuple(sentence):
        return True
    tokens = [t for t in doc.char_span(start, end, alignment_mode="expand") or () if not t.is_space]
    if not tokens:
        return False
    first = tokens[0].i
    if first > 0 and doc[first - 1].tag_ in _COMPARATIVE_TAGS:
        return False  # "(the longer) the night went on": the second half of a comparison
    inside = {t.i for t in tokens}
    heads = [t for t in tokens if t.head.i not in inside or t.head.i == t.i]
    return any(_main_clause(h, inside) for h in heads)


def _main_clause(head: Token, inside: set[int]) -> bool:
    """``head`` is a finite verb with a subject of its own inside the claim, and no clause above
    it (through coordination) is subordinate."""
    if head.pos_ not in _VERBS:
        return False
    subjects = [c for c in head.children if c.dep_ in _SUBJECTS and c.i in inside]
    if not subjects or all(s.tag_ in _RELATIVE_TAGS for s in subjects):
        return False
    if any(
        c.dep_ == "mark" or (c.dep_ == "advmod" and c.tag_ == "WRB") for c in head.children if c.i < head.i
    ):
        return False  # "as that ground will be…", "when Trump is painted…"
    finite = head.tag_ in _FINITE_TAGS or any(
        c.dep_ in ("aux", "auxpass") and c.tag_ in _FINITE_TAGS for c in head.children
    )
    node = head
    while node.dep_ == "conj" and node.head.i != node.i:
        node = node.head
    return finite and node.dep_ not in _SUBORDINATE_DEPS
