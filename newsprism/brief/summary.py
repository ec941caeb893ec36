"""A neutral extractive summary: the best-supported statements, each citing its outlets.

Sentences are picked from ledger groups, best independent support first (then more
articles, then earlier in their articles: news puts the main facts first), skipping
any too close to one already picked. Within a group the outlet's own voice is
preferred over quotes, and a shorter sentence over a longer one. A group that only
one origin carries is used only when nothing better is left, and is marked. Statements
are clause-sized; the summary shows the picked claim's whole sentence, once.

A group is a line only when every outlet's own statement in it is close to the shown one
(:func:`~newsprism.compare.ledger.carriers`): a group holding a look-alike (one topic, another
fact) would lend the shown sentence outlets that do not carry it, and a line citing fewer
outlets than its group would contradict the ledger's count, so such a group is skipped.
An outlet's own-voice aside to its reader ("So we still don't know ...") is not a fact.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence

import numpy as np

from newsprism.compare.ledger import carriers
from newsprism.model import Article, LedgerGroup, Span, Statement
from newsprism.text import quote_regions, signpost, unclosed_quotes, words

__all__ = ["bare_quote", "leans_back", "reads_alone", "summarize"]


def _position(st: Statement, articles: Mapping[str, Article]) -> float:
    art = articles.get(st.article_id)
    # A clause is as early as its sentence: the summary shows (and news ranks) sentences.
    return (st.sentence or st.span).start / max(1, len(art.text)) if art else 1.0


def _pick_statement(
    group: LedgerGroup,
    by_id: Mapping[str, Statement],
    articles: Mapping[str, Article],
    avoid: set[str],
) -> Statement:
    items = [by_id[s] for s in group.statement_ids if s in by_id]
    return min(
        items,
        key=lambda st: (
            st.quote_id in avoid,
            not reads_alone(st.text),
            _aside(st),
            st.quote_id is not None or st.attributed_to is not None,
            bool(st.hedges),
            abs(len(words(st.text)) - 25) // 10,
            _position(st, articles),
            st.id,
        ),
    )


# Weight of "earlier in the article" against "closer to what the whole story is about";
# 1.5 scored best of 0, 0.5 and 1.5 on the first 80 AllSides train roundups (ROUGE, bench/brief_rouge.py).
POSITION_WEIGHT = 1.5


def _salience(
    group: LedgerGroup,
    by_id: Mapping[str, Statement],
    arts: Mapping[str, Article],
    vectors: Mapping[str, np.ndarray],
    center: np.ndarray | None,
) -> float:
    """Among groups with equal support: central to the story and early in its articles."""
    items = [by_id[s] for s in group.statement_ids if s in by_id]
    position = min(_position(st, arts) for st in items)
    if center is None:
        return -position
    central = max(float(vectors[st.id] @ center) for st in items if st.id in vectors)
    return central - POSITION_WEIGHT * position


def summarize(
    ledger: Sequence[LedgerGroup],
    statements: Sequence[Statement],
    articles: Sequence[Article],
    vectors: Mapping[str, np.ndarray],
    max_sentences: int = 8,
    redundancy: float = 0.72,
    avoid_quotes: set[str] | None = None,
    origin_of: Mapping[str, str] | None = None,
    close: Callable[[str, str], float | None] | None = None,
) -> list[dict]:
    """Up to ``max_sentences`` summary sentences with their citations; a group is told in
    words other than an altered or misattributed quote (``avoid_quotes``) when it can be.
    ``origin_of`` (article id -> origin) counts the support of a shown sentence; ``close`` (two
    statement ids -> probability of one fact) decides which outlets carry it (default: cosine)."""
    by_id = {s.id: s for s in statements}
    arts = {a.id: a for a in articles}
    close = close or _cosine(vectors)
    vectors, sentence_means = _sentence_vectors(statements, vectors)
    sentence_groups = _sentence_groups(statements, ledger)
    center = np.mean(sentence_means, axis=0) if sentence_means else None
    candidates = []
    for group in ledger:
        st = _pick_statement(group, by_id, arts, avoid_quotes or set())
        if len(words(st.text)) < 6 or _aside(st):
            continue
        line = _sentence(
            group, st, by_id, arts, sentence_groups, origin_of or {}, close, avoid_quotes or set()
        )
        if page_note(st.text) or page_note(line["text"]):
            continue  # the shown sentence, not only the picked clause ("Win or go home: Here's …")
        if not _reads_alone(group, st, line["whole"]):
            continue  # a clause cut out of its sentence ("among them three firefighters, ...")
        if not line["full"]:
            continue  # some members tell another fact: the ledger's count would not be this line's
        candidates.append((group, st, line))
    candidates.sort(
        key=lambda c: (
            # a group not confirmed as one fact (possibly-shared) is not agreement: it ranks with
            # the lines of one origin, its count shown as the ledger's
            _unagreed(c[2]),
            # an unconfirmed group's outlets are no support to rank by: it ranks as one origin's line
            -(1 if _unagreed(c[2]) else c[2]["independent_support"]),
            leans_back(c[2]["text"]),  # "It happened in 2008": what, only the sentence before says
            -(1 if _unagreed(c[2]) else len({x["article_id"] for x in c[2]["cites"]})),
            -_salience(c[0], by_id, arts, vectors, center),
            c[0].id,
        )
    )
    chosen: list[Statement] = []
    lines: list[dict] = []
    for _group, st, line in candidates:
        if len(chosen) >= max_sentences:
            break
        if _redundant(st, chosen, vectors, redundancy):
            continue
        if any(_sentence_of(st) == _sentence_of(c) and st.article_id == c.article_id for c in chosen):
            continue  # another claim of a sentence already shown
        chosen.append(st)
        del line["whole"], line["full"]
        lines.append(line)
    return lines


def _unagreed(line: dict) -> bool:
    """A line no two origins confirm: one origin's, or a group not confirmed as one fact."""
    return line["independent_support"] < 2 or line["status"] == "possibly-shared"


def _reads_alone(group: LedgerGroup, st: Statement, whole: bool) -> bool:
    """Whether the line reads without the sentence it was cut from: it is that whole sentence,
    or the ledger's parse found the group's clause standing alone (``LedgerGroup.form``)."""
    if whole and st.sentence is not None:
        return True
    return group.form == "alone" if st.text == group.text else reads_alone(st.text)


_PERSONAL = re.compile(r"\b(?:we|us|our|you|your|i|me|my)\b", re.IGNORECASE)
# A newsletter naming itself and its issue ("This is Harbour Watch for Wednesday, …", "Welcome
# to The Briefing"): the outlet introducing its page, not a fact.
_MASTHEAD = re.compile(
    r"(?:This is|Welcome to) (?:the |The )?(?:[A-Z][\w’'&-]*\s){0,3}?[A-Z][\w’'&-]*"
    r"(?: for (?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b|[.!]?$)"
)


def page_note(text: str) -> bool:
    """Whether ``text`` speaks of the page itself (a newsletter naming itself, a signpost to
    what follows) rather than stating a fact."""
    text = text.strip()
    return bool(_MASTHEAD.match(text)) or signpost(text)


def _aside(st: Statement) -> bool:
    """An outlet's own-voice word to its reader (first or second person outside quote marks, or
    a question): commentary, not a fact the outlets can share."""
    if st.quote_id is not None or st.attributed_to is not None:
        return False
    text = st.text
    for a, b in reversed(quote_regions(text)):
        text = text[:a] + " " + text[b:]
    return bool(_PERSONAL.search(text)) or text.rstrip().endswith("?")


# A sentence opening on a linking word reads on from the one before it ("And then he promised",
# "Yet the spectacle"): shown alone, the reader cannot tell what it answers, so it comes after the
# lines of its support that read alone. Pronouns and demonstratives ("It created a special rule",
# "That left Cruz center stage", "He said in a statement") are left out: on the calibrate halves
# those lines state gold facts, as does "Then came the anger: …" (docs/results/brief.md 0y-reader3).
_LEANS_BACK = re.compile(r"(?:and|yet|also|still|such|well)\b", re.IGNORECASE)


def leans_back(text: str) -> bool:
    """Whether ``text`` opens on a word that refers to what an earlier sentence said."""
    return bool(_LEANS_BACK.match(text.lstrip(" \"'“‘(—–-…")))


def bare_quote(text: str) -> bool:
    """A quote with nobody named in its sentence (all of it inside quote marks): alone, a reader
    cannot tell who says it."""
    text = text.strip().replace("''", '"')  # typewriter marks, as some archives print quotes
    if text[:1] in '"“' and unclosed_quotes(text) == (False, True):
        return True  # a quote that opens the sentence and runs on past it
    regions = quote_regions(text)
    outside = text
    for a, b in reversed(regions):
        outside = outside[:a] + " " + outside[b:]
    return bool(regions) and not words(outside)


def _cosine(vectors: Mapping[str, np.ndarray]) -> Callable[[str, str], float | None]:
    def close(a: str, b: str) -> float | None:
        va, vb = vectors.get(a), vectors.get(b)
        return None if va is None or vb is None else float(va @ vb)

    return close


def reads_alone(text: str) -> bool:
    """Whether ``text`` starts as a sentence does (a capital, a digit or a quote), so a reader
    can take it in without the sentence it was cut from."""
    head = text.lstrip(" \"'“‘(—–-…")
    return bool(head) and (head[0].isupper() or head[0].isdigit())


def _sentence_of(st: Statement) -> Span:
    return st.sentence or st.span


def _key(st: Statement) -> tuple[str, int]:
    return st.article_id, _sentence_of(st).start


def _sentence_groups(
    statements: Sequence[Statement], ledger: Sequence[LedgerGroup]
) -> dict[tuple[str, int], list[LedgerGroup]]:
    """The ledger groups of every claim of each sentence: each group a claim is in (a claim
    that tells several facts supports each of their groups)."""
    groups_of: dict[str, list[LedgerGroup]] = {}
    for g in ledger:
        for sid in g.statement_ids:
            groups_of.setdefault(sid, []).append(g)
    out: dict[tuple[str, int], list[LedgerGroup]] = {}
    for st in statements:
        out.setdefault(_key(st), []).extend(groups_of.get(st.id, ()))
    return {k: v for k, v in out.items() if v}


def _sentence_vectors(
    statements: Sequence[Statement], vectors: Mapping[str, np.ndarray]
) -> tuple[dict[str, np.ndarray], list[np.ndarray]]:
    """Each statement's vector replaced by its sentence's (the normalised mean of the
    sentence's clause vectors), and the sentence vectors: the summary picks, shows and
    compares whole sentences, and the story's centre weighs each sentence once."""
    by_sentence: dict[tuple[str, int], list[str]] = {}
    for st in statements:
        if st.id in vectors:
            by_sentence.setdefault((st.article_id, (st.sentence or st.span).start), []).append(st.id)
    out: dict[str, np.ndarray] = {}
    means = []
    for ids in by_sentence.values():
        mean = np.mean([vectors[i] for i in ids], axis=0)
        mean = mean / max(float(np.linalg.norm(mean)), 1e-9)
        out.update((i, mean) for i in ids)
        means.append(mean)
    return out, means


def _redundant(
    st: Statement, chosen: Sequence[Statement], vectors: Mapping[str, np.ndarray], limit: float
) -> bool:
    v = vectors.get(st.id)
    if v is None:
        return any(c.text == st.text for c in chosen)
    return any(float(v @ vectors[c.id]) > limit for c in chosen if c.id in vectors)


def _cites(
    group: LedgerGroup, by_id: Mapping[str, Statement], arts: Mapping[str, Article], carried: set[str]
) -> list[dict]:
    cites = []
    for sid in group.statement_ids:
        other = by_id.get(sid)
        if other is None or other.article_id not in carried:
            continue
        art = arts.get(other.article_id)
        cites.append(
            {
                "article_id": other.article_id,
                "outlet": art.label if art else other.article_id,
                "statement_id": sid,
                "start": other.span.start,
                "end": other.span.end,
            }
        )
    return sorted(cites, key=lambda c: (c["outlet"], c["article_id"]))


def _sentence(
    group: LedgerGroup,
    st: Statement,
    by_id: Mapping[str, Statement],
    arts: Mapping[str, Article],
    sentence_groups: Mapping[tuple[str, int], list[LedgerGroup]],
    origin_of: Mapping[str, str],
    close: Callable[[str, str], float | None],
    altered: set[str],
) -> dict:
    # A summary is read as sentences: the claim is shown in its whole sentence when every claim
    # of that sentence has the group's support; else only the claim itself, so the line says
    # what the ledger says (the same support, the same status, the same outlets).
    # Only the outlets whose own words in the group are close to the shown claim carry it.
    close_to = carriers(group, st, by_id, close) - _altered_only(group, st, by_id, altered)
    groups = sentence_groups.get(_key(st), [group])
    carried = set.intersection(*(set(g.article_ids) for g in groups)) | {st.article_id}
    whole = len({origin_of.get(a, a) for a in carried & close_to}) >= len(
        {origin_of.get(a, a) for a in close_to}
    )
    carried = (carried if whole else set(group.article_ids)) & close_to
    support = len({origin_of.get(a, a) for a in carried})
    cites = _cites(group, by_id, arts, carried)
    span = _sentence_of(st) if whole else st.span
    art = arts.get(st.article_id)
    return {
        "text": art.text[span.start : span.end] if art else st.text,
        "group_id": group.id,
        "statement_id": st.id,
        "article_id": st.article_id,
        "start": span.start if art else st.span.start,
        "end": span.end if art else st.span.end,
        "status": group.status if support >= 2 else _one_origin(group),
        "independent_support": support,
        "marked": _one_origin(group) if support < 2 else None,
        "cites": cites,
        "whole": whole,
        # The line's count is the ledger's: every origin of the group carries the shown words.
        "full": {origin_of.get(a, a) for a in close_to} >= {origin_of.get(a, a) for a in group.article_ids},
    }


def _altered_only(
    group: LedgerGroup, shown: Statement, by_id: Mapping[str, Statement], altered: set[str]
) -> set[str]:
    """The articles whose every statement in ``group`` is a quote flagged as altered or
    misattributed: they tell the shown words otherwise, so they are not counted as carrying them."""
    told: dict[str, bool] = {}
    for sid in group.statement_ids:
        other = by_id.get(sid)
        if other is not None and other.article_id != shown.article_id:
            told[other.article_id] = told.get(other.article_id, False) or other.quote_id not in altered
    return {a for a, ok in told.items() if not ok}


def _one_origin(group: LedgerGroup) -> str:
    """How a sentence one origin carries is marked: unique, or close to another's words."""
    return "possibly-shared" if group.status == "possibly-shared" else "single-source"
