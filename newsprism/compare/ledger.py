"""The ledger: each statement group with its support counted by independent origin.

Status of a group:
  disputed       a statement in it is contradicted by another outlet, or is a claim
                 that one actor asserts and another denies;
  consensus      at least ``consensus_min_origins`` independent origins carry it;
  single-source  one origin only (one outlet, or several copies of one wire story), and
                 nothing close to it in another origin;
  possibly-shared not confirmed as the same fact, not claimed unique either: one origin in
                 the group, but another origin has a statement close to it
                 (``only_here_sim``); or several origins held together only by weak joins of
                 the pair model (``Alignment.parts``: no firm part spans two origins). Not an
                 "agree on" row, not agreement in the summary, not a "leaves out".
Per article: ``unique`` lists the groups only its origin carries; ``omissions`` the groups
that most other articles carry and it leaves out.
"""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING

import numpy as np

from newsprism.compare.blocking import article_codes
from newsprism.compare.clauses import stands_alone
from newsprism.compare.nearness import Nearness
from newsprism.model import LedgerGroup, Statement, content_id
from newsprism.settings import CompareSettings
from newsprism.text import quote_regions

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["build_ledger", "carriers", "near_articles", "omissions", "text_forms", "unique_content"]


def build_ledger(
    statements: Sequence[Statement],
    groups: Sequence[Sequence[int]],
    sims: np.ndarray,
    origin_of: Mapping[str, str],
    disputed: set[str],
    settings: CompareSettings,
    related: Sequence[tuple[int, int]] = (),
    near: Nearness | None = None,
    parts: Sequence[Sequence[int]] = (),
) -> list[LedgerGroup]:
    """One :class:`LedgerGroup` per alignment group, most supported first. ``related`` pairs
    (statement indices) are further evidence that a one-origin group is told elsewhere.
    ``near``: :func:`nearness` of these groups at ``only_here_sim``, when the caller has it.
    ``parts``: the firm parts of the first groups (``Alignment.parts``); a group none of whose
    parts holds two origins is possibly-shared, not consensus."""
    ledger = []
    origins = _origin_codes(statements, origin_of)
    partners = _partners(related)
    near = near or nearness(statements, sims, settings.only_here_sim, groups)
    origin_of_article = _article_origins(statements, origins)
    for k, members in enumerate(groups):
        items = [statements[i] for i in members]
        article_ids = tuple(sorted({s.article_id for s in items}))
        support = len({origin_of.get(a, a) for a in article_ids})
        if any(s.id in disputed for s in items):
            status = "disputed"
        elif support >= settings.consensus_min_origins:
            firm = k >= len(parts) or _firmly_shared(items, parts[k], origin_of)
            status = "consensus" if firm else "possibly-shared"
        elif _near_elsewhere(list(members), origins, near, origin_of_article, partners):
            status = "possibly-shared"
        else:
            status = "single-source"
        ids = tuple(s.id for s in items)
        ledger.append(
            LedgerGroup(
                id=content_id(*sorted(ids), prefix="g_"),
                text=_representative(items, list(members), sims, near).text,
                status=status,
                statement_ids=ids,
                article_ids=article_ids,
                independent_support=support,
            )
        )
    ledger.sort(key=lambda g: (-g.independent_support, -len(g.article_ids), g.id))
    return _distinct_rows(_fold_twins(ledger), statements, sims, origin_of, near)


def _firmly_shared(items: Sequence[Statement], parts: Sequence[int], origin_of: Mapping[str, str]) -> bool:
    """Whether one firm part of a group holds two or more origins."""
    found: dict[int, set[str]] = {}
    for st, part in zip(items, parts, strict=True):
        found.setdefault(part, set()).add(origin_of.get(st.article_id, st.article_id))
    return any(len(v) >= 2 for v in found.values())


def _merged_status(kept: LedgerGroup, group: LedgerGroup) -> str:
    """The status of a row that takes in ``group``: disputed if either is, consensus if either
    is (a firm group confirms what a weak one only suggested), else the row's own."""
    for status in ("disputed", "consensus"):
        if status in (kept.status, group.status):
            return status
    return kept.status


def nearness(
    statements: Sequence[Statement], sims: np.ndarray, threshold: float, groups: Sequence[Sequence[int]] = ()
) -> Nearness:
    """What :func:`build_ledger` and :func:`near_articles` read of ``sims``, computed once: the
    articles at least ``threshold`` close to each statement, the similarities inside ``groups``."""
    return Nearness(sims, article_codes([st.article_id for st in statements]), threshold, groups)


def _distinct_rows(
    ledger: list[LedgerGroup],
    statements: Sequence[Statement],
    sims: np.ndarray,
    origin_of: Mapping[str, str],
    near: Nearness | None = None,
) -> list[LedgerGroup]:
    """No two groups shown with the same sentence: two overlapping groups (an alignment group and
    a fact group sharing members) would read as one fact listed twice with two counts. The later
    group is shown by its best member the earlier one does not hold; when it holds none, its
    statements are the earlier group's already and it is folded into that group."""
    index = {st.id: k for k, st in enumerate(statements)}
    out: list[LedgerGroup] = []
    shown: dict[str, int] = {}
    for group in ledger:
        at = shown.get(_row_key(group.text))
        if at is None:
            shown[_row_key(group.text)] = len(out)
            out.append(group)
            continue
        kept = out[at]
        own = [index[i] for i in group.statement_ids if i in index and i not in kept.statement_ids]
        text = _representative([statements[k] for k in own], own, sims, near).text if own else None
        if text is not None and _row_key(text) not in shown:
            shown[_row_key(text)] = len(out)
            out.append(dataclasses.replace(group, text=text))
            continue
        ids = kept.statement_ids + tuple(i for i in group.statement_ids if i not in kept.statement_ids)
        articles = tuple(sorted(set(kept.article_ids) | set(group.article_ids)))
        status = _merged_status(kept, group)
        support = len({origin_of.get(a, a) for a in articles})
        out[at] = dataclasses.replace(
            kept, statement_ids=ids, article_ids=articles, status=status, independent_support=support
        )
    return out


def _row_key(text: str) -> str:
    return " ".join(text.split()).lower()


# A member carries a shown statement when the pair model gives the two at least this
# probability of telling one fact (or, without the model, this cosine of their vectors):
# group membership alone also joins look-alikes (one topic, two facts). 0.5 kept the seed
# brief's true rewordings and dropped its look-alikes (docs/results/brief.md section 0m).
CARRY_MIN = 0.5


def carriers(
    group: LedgerGroup,
    shown: Statement,
    by_id: Mapping[str, Statement],
    close: Callable[[str, str], float | None],
    min_close: float = CARRY_MIN,
) -> set[str]:
    """The articles of ``group`` whose own statement in it is close to ``shown`` (``close`` of
    two statement ids; None when unknown, counted as close): the outlets a line showing
    ``shown`` may cite as carrying it (the shown article always does)."""
    out = {shown.article_id}
    for sid in group.statement_ids:
        other = by_id.get(sid)
        if other is None or other.article_id in out:
            continue
        p = close(shown.id, sid)
        if p is None or p >= min_close:
            out.add(other.article_id)
    return out


def _fold_twins(ledger: list[LedgerGroup]) -> list[LedgerGroup]:
    """Groups a reader cannot tell apart become one, with both groups' statements: the same
    articles with the same representative sentence (a fact group beside the alignment group it
    overlaps), or the same three or more articles through the same statements in all but one
    of them (one outlet's sentence cut into two clauses gave two groups, shown as one fact
    twice)."""
    out: list[LedgerGroup] = []
    # Each row's group as it first came: a later group is its twin only against that one, not
    # against the row grown by earlier twins (which chained groups of one topic into one row).
    first: list[LedgerGroup] = []
    seen: dict[tuple[str, tuple[str, ...]], int] = {}
    by_articles: dict[tuple[str, ...], list[int]] = {}
    for group in ledger:
        key = (group.text, group.article_ids)
        at = seen.get(key)
        if at is None:
            at = next((k for k in by_articles.get(group.article_ids, []) if _twins(first[k], group)), None)
        if at is None:
            seen[key] = len(out)
            by_articles.setdefault(group.article_ids, []).append(len(out))
            out.append(group)
            first.append(group)
            continue
        kept = out[at]
        ids = kept.statement_ids + tuple(i for i in group.statement_ids if i not in kept.statement_ids)
        status = _merged_status(kept, group)
        out[at] = dataclasses.replace(kept, statement_ids=ids, status=status)
    return out


def _twins(a: LedgerGroup, b: LedgerGroup) -> bool:
    """Same three or more articles, and the same statements in all of them but one."""
    n = len(a.article_ids)
    return n >= 3 and len(set(a.statement_ids) & set(b.statement_ids)) >= n - 1


def _origin_codes(statements: Sequence[Statement], origin_of: Mapping[str, str]) -> np.ndarray:
    """Each statement's independent origin as a small integer (for masks over the similarity rows)."""
    codes: dict[str, int] = {}
    return np.array(
        [codes.setdefault(origin_of.get(st.article_id, st.article_id), len(codes)) for st in statements],
        dtype=np.int64,
    )


def _article_origins(statements: Sequence[Statement], origins: np.ndarray) -> np.ndarray:
    """Each article code's (:func:`article_codes`) origin code."""
    out = np.zeros(len(statements), dtype=np.int64)
    out[article_codes([st.article_id for st in statements])] = origins
    return out


def _partners(related: Sequence[tuple[int, int]]) -> dict[int, set[int]]:
    out: dict[int, set[int]] = {}
    for i, j in related:
        out.setdefault(i, set()).add(j)
        out.setdefault(j, set()).add(i)
    return out


def _near_elsewhere(
    members: list[int],
    origins: np.ndarray,
    near: Nearness,
    origin_of_article: np.ndarray,
    partners: Mapping[int, set[int]] | None = None,
) -> bool:
    """Whether another origin has a statement at least the threshold of ``near`` close to a
    member, or one of the member's ``partners``."""
    own = set(origins[members].tolist())
    if any(origins[k] not in own for m in members for k in (partners or {}).get(m, ())):
        return True
    return any(int(origin_of_article[a]) not in own for a in near.articles(members, strict=True))


def _representative(
    items: list[Statement], members: list[int], sims: np.ndarray, near: Nearness | None = None
) -> Statement:
    """The statement closest to the others; outlet voice preferred on a near tie."""
    if len(items) == 1:
        return items[0]
    block = near.block(members) if near is not None else None
    if block is None:
        block = sims[np.ix_(members, members)]
    scores = block.sum(axis=1) - 1.0
    ranked = sorted(
        range(len(items)),
        key=lambda k: (
            -round(float(scores[k]), 1),
            items[k].attributed_to is not None,
            not items[k].text[:1].isupper(),  # a whole clause ("Twelve people were injured") over a fragment
            items[k].id,
        ),
    )
    return items[ranked[0]]


def text_forms(
    ledger: Sequence[LedgerGroup],
    statements: Sequence[Statement],
    texts: Mapping[str, str],
    docs: Mapping[str, Doc] | None = None,
) -> list[LedgerGroup]:
    """Each group with the ``form`` of its text (see :class:`LedgerGroup`): a line of "only
    here" or "leaves out" must be a checkable statement, not a clause cut from its sentence
    ("continuing to poke at …", "while X received 38 percent"), and a sentence of a longer quote
    is shown as its speaker's words.
    Clauses are judged on the parse (``docs`` by article id); without it, whole sentences."""
    by_id = {s.id: s for s in statements}
    regions = {a: quote_regions(t) for a, t in texts.items()}
    out = []
    for group in ledger:
        shown = next(
            (by_id[i] for i in group.statement_ids if i in by_id and by_id[i].text == group.text), None
        )
        form = "alone" if shown is None else _form(shown, regions.get(shown.article_id, []), (docs or {}))
        out.append(dataclasses.replace(group, form=form) if form != group.form else group)
    return out


def _form(st: Statement, regions: Sequence[tuple[int, int]], docs: Mapping[str, Doc]) -> str:
    sentence = st.sentence or st.span
    # A direct quote running past the sentence: the sentence is a piece of what was said.
    if any(
        a < st.span.end and b > st.span.start and (a < sentence.start or b > sentence.end) for a, b in regions
    ):
        return "quote_piece"
    doc = docs.get(st.article_id)
    if doc is None or stands_alone(doc, st.span.start, st.span.end, (sentence.start, sentence.end)):
        return "alone"
    return "in_sentence"


def unique_content(
    ledger: Sequence[LedgerGroup], origin_of: Mapping[str, str] | None = None
) -> dict[str, tuple[str, ...]]:
    """Article id -> ids of the groups only this article's origin carries (an article and
    the copies of the same wire text share what they alone report). A group whose statements
    or sentence another group holds with a second origin (overlapping alignment and fact
    groups) is not "only here": the ledger shows that origin carrying it."""
    origin_of = origin_of or {}
    held: dict[str, set[str]] = {}
    for group in ledger:
        found = {origin_of.get(a, a) for a in group.article_ids}
        for key in (*group.statement_ids, _row_key(group.text)):
            held.setdefault(key, set()).update(found)
    out: dict[str, list[str]] = {}
    for group in ledger:
        if group.status != "single-source":
            continue
        others = set().union(*(held[k] for k in (*group.statement_ids, _row_key(group.text))))
        if len(others) > 1:
            continue
        for article_id in group.article_ids:
            out.setdefault(article_id, []).append(group.id)
    return {k: tuple(v) for k, v in sorted(out.items())}


def omissions(
    ledger: Sequence[LedgerGroup],
    article_ids: Sequence[str],
    share: float,
    near: Mapping[str, set[str]] | None = None,
) -> dict[str, tuple[str, ...]]:
    """Article id -> ids of groups most other articles carry and this one does not.
    ``near`` (group id -> articles with a statement close to the group, see
    :func:`near_articles`) keeps an article that may tell it in other words off the list."""
    out: dict[str, tuple[str, ...]] = {}
    need = max(2, math.ceil(share * (len(article_ids) - 1)))
    near = near or {}
    for article_id in sorted(article_ids):
        missing = [
            g.id
            for g in ledger
            if article_id not in g.article_ids
            and g.status != "possibly-shared"
            and len(g.article_ids) >= need
            and article_id not in near.get(g.id, ())
        ]
        if missing:
            out[article_id] = tuple(missing)
    return out


def near_articles(
    ledger: Sequence[LedgerGroup],
    statements: Sequence[Statement],
    sims: np.ndarray,
    threshold: float,
    related: Sequence[tuple[int, int]] = (),
    near: Nearness | None = None,
) -> dict[str, set[str]]:
    """Group id -> articles outside it with a statement at least ``threshold`` close to a
    member, or ``related`` to one (``near``: :func:`nearness` at ``threshold``, when the
    caller has it)."""
    index = {st.id: k for k, st in enumerate(statements)}
    partners = _partners(related)
    out: dict[str, set[str]] = {}
    if not len(sims):
        return out
    near = near or nearness(statements, sims, threshold)
    ids = list(dict.fromkeys(st.article_id for st in statements))  # by article code
    for group in ledger:
        members = [index[s] for s in group.statement_ids if s in index]
        close = {ids[a] for a in near.articles(members)}
        close |= {statements[k].article_id for m in members for k in partners.get(m, ())}
        out[group.id] = close - set(group.article_ids)
    return out
