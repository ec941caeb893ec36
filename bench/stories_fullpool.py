"""Two disjoint dated pools of full articles in small stories, shaped like issue 11's hidden pool.

The hidden pool: 651 full articles of 262 stories (2.5 a story), many topics and years, left /
centre / right outlets, news and opinion, about 11% undated, in one batch. Neither the roundups
(title and lead only) nor ECB+ in one batch (stories of ~11) is shaped like it, and a pool of
full articles never entered the pool of small stories where the learned pair model runs
(session 15). Here each pool mixes:

- ECB+ train topics (1-35; odd topics in the fitting pool, even ones in the held-out pool),
  each sub-topic cut to 1-4 reports (``SMALL_SIZES``, seeded), dated by their own text
  (``stories_dated.dated_articles``: the latest past full date each writes, 11% undated again).
  A topic holds two events of one kind: its topic repeats only across different events.
- PolNeAR's labelled stories outside every report half (``stories_pairs.polnear_pools``: the
  calibrate months and the non-report ``brief_gold_polnear*`` stories, a quarter of the
  one-article stories kept, 12% undated, split by a hash of the story into fitting and
  held-out halves), dated by metadata, with outlets.

The fitting pool (``--pool fit``) is for choosing any entry test, bar or model; the held-out
pool (``--pool held``) is scored only at the end. Each runs as ``--seeds`` ECB+ cuts, one batch
in date order (undated at seeded places), with TF-IDF average link given the true number of
stories in the same run. ``--stats`` prints what the entry test of the pool of small stories
sees (the first link's typical group and linked share, the share of mutual nearest pairs).

    PYTHONPATH=$PWD:bench python bench/stories_fullpool.py --data /work/shared/eval --pool fit [--set k=v]
"""

from __future__ import annotations

import argparse
import dataclasses
import random
import sys
from pathlib import Path

from scipy.cluster.hierarchy import fcluster
from stories_dated import dated_articles, stream
from stories_ecbplus import SMALL_SIZES, TRAIN, load_docs, scores, tfidf_tree, with_overrides
from stories_pairs import polnear_pools

from newsprism.settings import StorySettings
from newsprism.stories import StoryIndex, extract_features
from newsprism.stories.features import ArticleFeatures
from newsprism.stories.index import feature_lookup

DEFAULT_DATA = Path(__file__).resolve().parents[2] / "shared" / "eval"
UNDATED = 0.11  # the hidden pool's 70 of 651


@dataclasses.dataclass
class FullPool:
    name: str
    feats: list[ArticleFeatures]
    gold: list[str]
    texts: list[str]


def ecb_side(data: Path, held: bool, settings: StorySettings) -> tuple[list[ArticleFeatures], list[str]]:
    """ECB+ train documents of the odd (fitting) or even (held-out) topics, dated by their text."""
    docs = [d for d in load_docs(data, TRAIN) if (int(d[0].split("_")[0]) % 2 == 0) == held]
    feats = extract_features(dated_articles(docs, UNDATED), settings.entities, settings)
    return feats, [g for _, _, g in docs]


def _terms(feat: ArticleFeatures) -> str:
    """The article's feature terms as a text, for the TF-IDF baseline (one tokenisation for both
    sources; PolNeAR's features are what the pools keep)."""
    return " ".join(term.replace(" ", "_") for term, n in sorted(feat.counts.items()) for _ in range(n))


def pools(data: Path, held: bool, seeds: int, settings: StorySettings) -> list[FullPool]:
    """``seeds`` pools of one side: a seeded cut of its ECB+ topics with its PolNeAR half."""
    feats, gold = ecb_side(data, held, settings)
    polnear = polnear_pools(data, settings)[1 if held else 0]
    by_gold: dict[str, list[int]] = {}
    for i, g in enumerate(gold):
        by_gold.setdefault(g, []).append(i)
    out = []
    for seed in range(seeds):
        rng = random.Random(seed)
        pick = sorted(
            i for _, m in sorted(by_gold.items()) for i in rng.sample(m, min(rng.choice(SMALL_SIZES), len(m)))
        )
        out.append(
            FullPool(
                f"{'held' if held else 'fit'} {seed}",
                [feats[i] for i in pick] + list(polnear.feats),
                [gold[i] for i in pick] + list(polnear.gold),
                [_terms(feats[i]) for i in pick] + [_terms(f) for f in polnear.feats],
            )
        )
    return out


def run(pool: FullPool, settings: StorySettings, seed: int = 0, batch: int = 0) -> list[str]:
    """Our stories, the pool in one batch in date order (undated at seeded places), or ``batch``
    articles at a time in a seeded random order (a stream ingested in small batches)."""
    index = StoryIndex(settings)
    index.member_features = feature_lookup(pool.feats)
    if batch <= 0:
        index.add_features(stream(pool.feats, seed))
    else:
        order = list(pool.feats)
        random.Random(seed).shuffle(order)
        for start in range(0, len(order), batch):
            index.add_features(order[start : start + batch])
    return [index.story_of(f.article_id) or "" for f in pool.feats]


def given_k(pool: FullPool) -> float:
    tree = tfidf_tree(pool.texts)
    k = len(set(pool.gold))
    return scores(pool.gold, [str(c) for c in fcluster(tree, t=k, criterion="maxclust")])["ARI"]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--pool", choices=("fit", "held"), default="fit")
    ap.add_argument("--seeds", type=int, default=3)
    ap.add_argument("--set", nargs="*", default=[], help="StorySettings overrides name=value")
    ap.add_argument("--tfidf", action="store_true", help="also TF-IDF average link given k")
    ap.add_argument("--batch", type=int, default=0, help="ingest this many at a time (3 random orders)")
    args = ap.parse_args()
    if not (args.data / "ecbplus").is_dir() or not (args.data / "polnear").is_dir():
        print(f"no ECB+ or PolNeAR under {args.data}: pass --data", file=sys.stderr)
        return 1
    settings = with_overrides(args.set)
    aris = []
    for pool in pools(args.data, args.pool == "held", args.seeds, StorySettings()):
        if args.batch:
            each = [scores(pool.gold, run(pool, settings, seed, args.batch))["ARI"] for seed in range(3)]
            aris.append(sum(each) / 3)
            print(
                f"{pool.name} in batches of {args.batch}: ARI {' '.join(f'{a:.3f}' for a in each)}",
                flush=True,
            )
            continue
        r = scores(pool.gold, run(pool, settings))
        aris.append(r["ARI"])
        base = f"  TF-IDF given k {given_k(pool):.3f}" if args.tfidf else ""
        print(
            f"{pool.name}: {len(pool.feats)} articles, {len(set(pool.gold))} stories; ARI {r['ARI']:.3f}"
            f"  V {r['V']:.3f}  B3F1 {r['B3F1']:.3f}  clusters {r['clusters']}{base}",
            flush=True,
        )
    print(f"mean ARI {sum(aris) / len(aris):.3f}  min {min(aris):.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
