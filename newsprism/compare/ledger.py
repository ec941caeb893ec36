"""The ledger: each statement group with its support counted by independent origin.

Status of a group:
  disputed       a statement in it is contradicted by another outlet, or is a claim
                 that one actor asserts and another denies;
  consensus      at least ``consensus_min_origins`` independent origins carry it;
  single-source  one origin only (one outlet, or several copies of one wire story).
Per article: ``unique`` lists the groups only its origin carries; ``omissions`` the groups
that most other articles carry and it leaves out.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence

import numpy as np

from newsprism.model import LedgerGroup, Statement, content_id
from newsprism.settings import CompareSettings

__all__ = ["build_ledger", "omissions", "unique_content"]


def build_ledger(
    statements: Sequence[Statement],
    groups: Sequence[Sequence[int]],
    sims: np.ndarray,
    origin_of: Mapping[str, str],
    disputed: set[str],
    settings: CompareSettings,
) -> list[LedgerGroup]:
    """One :class:`LedgerGroup` per alignment group, most supported first."""
    ledger = []
    for members in groups:
        items = [statements[i] for i in members]
        article_ids = tuple(sorted({s.article_id for s in items}))
        support = len({origin_of.get(a, a) for a in article_ids})
        if any(s.id in disputed for s in items):
            status = "disputed"
        elif support >= settings.consensus_min_origins:
            status = "consensus"
        else:
            status = "single-source"
        ids = tuple(s.id for s in items)
        ledger.append(
            LedgerGroup(
                id=content_id(*sorted(ids), prefix="g_"),
                text=_representative(items, list(members), sims).text,
                status=status,
                statement_ids=ids,
                article_ids=article_ids,
                independent_support=support,
            )
        )
    ledger.sort(key=lambda g: (-g.independent_support, -len(g.article_ids), g.id))
    return ledger


def _representative(items: list[Statement], members: list[int], sims: np.ndarray) -> Statement:
    """The statement closest to the others; outlet voice preferred on a near tie."""
    if len(items) == 1:
        return items[0]
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


def unique_content(ledger: Sequence[LedgerGroup]) -> dict[str, tuple[str, ...]]:
    """Article id -> ids of the groups only this article's origin carries (an article and
    the copies of the same wire text share what they alone report)."""
    out: dict[str, list[str]] = {}
    for group in ledger:
        if group.independent_support == 1:
            for article_id in group.article_ids:
                out.setdefault(article_id, []).append(group.id)
    return {k: tuple(v) for k, v in sorted(out.items())}


def omissions(
    ledger: Sequence[LedgerGroup], article_ids: Sequence[str], share: float
) -> dict[str, tuple[str, ...]]:
    """Article id -> ids of groups most other articles carry and this one does not."""
    out: dict[str, tuple[str, ...]] = {}
    need = max(2, math.ceil(share * (len(article_ids) - 1)))
    for article_id in sorted(article_ids):
        missing = [g.id for g in ledger if article_id not in g.article_ids and len(g.article_ids) >= need]
        if missing:
            out[article_id] = tuple(missing)
    return out
