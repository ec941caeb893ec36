"""How often the brief groups sentences of two different events of the same kind.

The gold's ledger pair precision judges a group only where gold facts cover both sentences, so
a group of two look-alike sentences that no gold fact names is never counted. This bench puts
two different events into one brief and counts the groups that cross them: every such group is
a look-alike (or, rarely, shared background), never a fact of one event.

- ECB+: each gold story's articles plus the first three documents of the *other* sub-topic of
  its topic (ECB+ builds every topic from two events of one kind: two shootings, two quakes).
- PolNeAR: the stories of a split sorted by date and paired in turn (two events of one
  campaign season, told by the same kinds of outlets).

Prints, per split: cross-event statement pairs grouped per cross-event article pair, the share
of multi-article groups that mix the two events, and of those how many the brief calls
consensus (the reader-facing harm).

    PYTHONPATH=$PWD .venv/bin/python bench/brief_lookalike.py --split report [--gold bench/brief_gold_polnear]
"""

from __future__ import annotations

import argparse
import itertools
import json
import sys
from pathlib import Path

from brief_gold import GOLD, build_doc, build_polnear_doc, gold_source, load_split
from ecbplus_text import DEFAULT_DATA
from polnear_text import metadata as polnear_metadata

from newsprism.analyze import analyze_articles
from newsprism.model import Article
from newsprism.settings import load_settings


def _other_subtopic(data: Path, story: dict) -> list[str]:
    """The first three documents of the other event of the story's ECB+ topic."""
    topic = story["articles"][0].split("_")[0]
    plus = story["articles"][0].endswith("ecbplus")
    folder = data / "ecbplus" / "ECB+" / topic
    names = sorted(
        (p.stem for p in folder.glob("*.xml") if p.stem.endswith("ecbplus") != plus),
        key=lambda s: int(s.split("_")[1].rstrip("ecbplus")),
    )
    return names[:3]


def ecb_event_pairs(data: Path, stories: list[dict]) -> list[tuple[list[Article], list[Article]]]:
    out = []
    for story in stories:
        own = [build_doc(data, n).article for n in story["articles"]]
        other = [build_doc(data, n).article for n in _other_subtopic(data, story)]
        out.append((own, other))
    return out


def polnear_event_pairs(data: Path, stories: list[dict]) -> list[tuple[list[Article], list[Article]]]:
    meta = polnear_metadata(data)

    def first_date(story: dict) -> str:
        return min(meta.get(n, {}).get("publication_date") or "9999" for n in story["articles"])

    ordered = sorted(stories, key=first_date)
    out = []
    for a, b in zip(ordered[0::2], ordered[1::2], strict=False):
        arts = [[build_polnear_doc(data, n, meta.get(n, {})).article for n in s["articles"]] for s in (a, b)]
        out.append((arts[0], arts[1]))
    return out


def score(own: list[Article], other: list[Article], tally: dict[str, int]) -> None:
    """Add one two-event brief's counts to ``tally``."""
    analysis = analyze_articles([*own, *other], load_settings())
    side = {a.id: 0 for a in own} | {a.id: 1 for a in other}
    article_of = {st.id: st.article_id for st in analysis.statements}
    tally["cross_article_pairs"] += len(own) * len(other)
    for group in analysis.ledger:
        arts = {article_of[s] for s in group.statement_ids}
        if len(arts) < 2:
            continue
        tally["groups"] += 1
        sides = {side[a] for a in arts}
        if len(sides) == 2:
            tally["mixed_groups"] += 1
            tally["mixed_consensus"] += group.status == "consensus"
        for a, b in itertools.combinations(group.statement_ids, 2):
            if article_of[a] != article_of[b] and side[article_of[a]] != side[article_of[b]]:
                tally["cross_pairs"] += 1


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--gold", type=Path, default=GOLD)
    ap.add_argument("--split", choices=["calibrate", "report", "all"], default="report")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--check", action="store_true", help="fail above the ceilings in the gold's floors.json")
    args = ap.parse_args()
    source = gold_source(args.gold)
    if not (args.data / source).is_dir():
        print(f"skipped: no {source} data under {args.data}", file=sys.stderr)
        return 0
    stories = load_split(args.split, args.gold)
    pairs = (
        polnear_event_pairs(args.data, stories)
        if source == "polnear"
        else ecb_event_pairs(args.data, stories)
    )
    tally = dict.fromkeys(
        ("cross_article_pairs", "groups", "mixed_groups", "mixed_consensus", "cross_pairs"), 0
    )
    for own, other in pairs:
        score(own, other, tally)
    result = {
        "briefs": len(pairs),
        "cross_pairs_per_article_pair": round(tally["cross_pairs"] / max(1, tally["cross_article_pairs"]), 3),
        "mixed_group_share": round(tally["mixed_groups"] / max(1, tally["groups"]), 3),
        **tally,
    }
    if args.json:
        print(json.dumps(result, indent=1))
    else:
        print(f"split {args.split}: {len(pairs)} two-event briefs ({source})")
        for key, value in result.items():
            print(f"  {key:30} {value}")
    if args.check:
        failed = _over_ceiling(result, args.gold)
        for line in failed:
            print(f"LOOK-ALIKES ABOVE CEILING: {line}", file=sys.stderr)
        return 1 if failed else 0
    return 0


def _over_ceiling(result: dict, gold_dir: Path) -> list[str]:
    """Measures above their pinned ceiling (``lookalike_max`` in the gold's floors.json)."""
    ceilings = json.loads((gold_dir / "floors.json").read_text(encoding="utf-8")).get("lookalike_max", {})
    return [f"{k} {result[k]} > ceiling {v}" for k, v in ceilings.items() if result[k] > v]


if __name__ == "__main__":
    sys.exit(main())
