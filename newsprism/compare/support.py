"""Further support: a statement that tells several facts supports each of them.

Alignment gives each statement one group: a lead or a long sentence that tells the event, its
day and its people at once sits with the outlets that tell the first of them, and the groups of
the others lack its article (so the article was said to "leave out" what it states, or the fact
was "only here"). Here a statement joins, as a further supporting passage, each group of a
statement it was accepted with (a join the pair model finds at least ``bar`` likely) when its
article is not in that group yet: the groups overlap, as a sentence's facts do.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence

__all__ = ["further_support"]

Pair = tuple[int, int]


def further_support(
    article_of: Sequence[str],
    groups: tuple[tuple[int, ...], ...],
    joins: Sequence[Pair],
    probability: Callable[[list[Pair]], list[float]],
    blocked: Iterable[Pair],
    bar: float,
    mean: float = 0.0,
    together: Mapping[frozenset[str], int] | None = None,
    links: int = 0,
    least: float = 0.0,
    vouch: Callable[[int, int], bool] | None = None,
) -> tuple[tuple[int, ...], ...]:
    """``groups`` (statement indices; ``article_of`` each statement's article) each widened by
    the statements of articles it lacks that an accepted pair of ``joins`` (``i < j``) links to a
    member with ``probability`` at least ``bar``: at least ``mean`` on average and ``least`` with
    every member, no ``blocked`` pair with any, not grouped with a member already (that would
    show the same statements as a second row) and, given ``together`` (how many groups two
    articles share), from an article sharing at least ``links`` groups with each of the group's
    articles (two events of one kind share few). ``vouch`` (two statement indices): the join
    must also be one that would confirm a group (a term specific to the fact, not the story's
    occasion: two winners' lists of the same places share only the occasion). One statement per
    article, the likeliest; a widened group inside another group keeps its own members."""
    sure = [
        p
        for p, prob in zip(joins, probability(list(joins)), strict=True)
        if prob >= bar and (vouch is None or vouch(*p))
    ]
    if not sure:
        return groups
    groups_of: dict[int, list[int]] = {}
    for g, members in enumerate(groups):
        for i in members:
            groups_of.setdefault(i, []).append(g)
    against = _neighbours(blocked)
    offers: dict[int, dict[str, tuple[float, int]]] = {}
    for i, j in sure:
        for new, member in ((i, j), (j, i)):
            for g in groups_of.get(member, ()):
                if _may_join(new, groups[g], article_of, groups_of, groups, against, together, links):
                    values = probability([(min(new, m), max(new, m)) for m in groups[g]])
                    score = sum(values) / len(values)
                    best = offers.setdefault(g, {}).get(article_of[new])
                    if (
                        score >= mean
                        and min(values) >= least
                        and (best is None or (score, -new) > (best[0], -best[1]))
                    ):
                        offers[g][article_of[new]] = (score, new)
    grown = [
        tuple(sorted((*members, *_kept(offers.get(g, {}), against)))) for g, members in enumerate(groups)
    ]
    return tuple(_unless_inside(grown, groups))


def _may_join(
    new: int,
    members: tuple[int, ...],
    article_of: Sequence[str],
    groups_of: Mapping[int, list[int]],
    groups: tuple[tuple[int, ...], ...],
    against: Mapping[int, set[int]],
    together: Mapping[frozenset[str], int] | None,
    links: int,
) -> bool:
    """Whether statement ``new`` may join the group of ``members`` (see :func:`further_support`)."""
    articles = {article_of[m] for m in members}
    if new in members or article_of[new] in articles or against.get(new, set()) & set(members):
        return False
    if any(set(groups[h]) & set(members) for h in groups_of.get(new, ())):
        return False
    return together is None or all(
        together.get(frozenset((article_of[new], a)), 0) >= links for a in articles
    )


def _kept(offers: Mapping[str, tuple[float, int]], against: Mapping[int, set[int]]) -> list[int]:
    """The offered statements, likeliest first, none vetoed with one kept before it."""
    kept: list[int] = []
    for _, new in sorted(offers.values(), key=lambda o: (-o[0], o[1])):
        if not against.get(new, set()) & set(kept):
            kept.append(new)
    return kept


def _unless_inside(
    grown: list[tuple[int, ...]], groups: tuple[tuple[int, ...], ...]
) -> list[tuple[int, ...]]:
    """Each grown group, or its first members when it grew into a part of another group (two
    rows of one fact, one of them wider)."""
    sets = [frozenset(g) for g in grown]
    out = []
    for k, members in enumerate(grown):
        wider = members != groups[k] and any(
            x != k and sets[k] <= other and (sets[k] < other or x < k) for x, other in enumerate(sets)
        )
        out.append(groups[k] if wider else members)
    return out


def _neighbours(pairs: Iterable[Pair]) -> dict[int, set[int]]:
    out: dict[int, set[int]] = {}
    for i, j in pairs:
        out.setdefault(i, set()).add(j)
        out.setdefault(j, set()).add(i)
    return out
