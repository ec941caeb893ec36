"""ECB+ as a dated stream: full articles, some with a publication date, some without.

ECB+ carries no publication dates. Here a document's date is the latest past
calendar date with a year that its own text writes (what `analyze` reads as the
``text-mention`` lower bound), used as a stand-in publication date; no gold is
looked at. Of the documents that write such a date, a seeded share (``--undated``,
30% by default) lose it again, as articles arriving without a date line (they keep
the text-mention floor that `ingest` would give them); documents that write no date
stay undated. The dated ones arrive in date order, the undated ones at seeded
random places in the stream, in batches (what `ingest` does) and in one batch.
Gold = ECB+ sub-topic (two events of one kind per topic, often years apart).

Calibrate on train topics 1-35 (``--calibrate``), report on test topics 36-45 and
on all 43 topics. TF-IDF + average link (dates unused) runs in the same script.

    PYTHONPATH=. python bench/stories_dated.py --data /work/shared/eval
    PYTHONPATH=. python bench/stories_dated.py --data /work/shared/eval --calibrate
"""

from __future__ import annotations

import argparse
import dataclasses
import itertools
import random
import sys
from pathlib import Path

from stories_ecbplus import (
    DEFAULT_DATA,
    TEST,
    TRAIN,
    load_docs,
    scores,
    tfidf_average_link,
    to_articles,
    with_overrides,
)

from newsprism.model import Article
from newsprism.settings import StorySettings
from newsprism.stories import StoryIndex, extract_features
from newsprism.stories.features import ArticleFeatures
from newsprism.stories.index import feature_lookup
from newsprism.stories.metrics import adjusted_rand
from newsprism.temporal.published import resolve_published

GRID = {"undated_threshold": (0.15, 0.25, 0.35), "link_threshold": (0.0, 0.15), "max_gap_days": (10, 30)}


def dated_articles(docs, undated_share: float, seed: int = 0) -> list[Article]:
    """ECB+ articles with text dates as publication dates, a seeded share of them taken away."""
    rng = random.Random(seed)
    out = []
    for article in resolve_published(tuple(to_articles(docs))):
        if article.published is not None and rng.random() >= undated_share:
            article = dataclasses.replace(article, published_source="stand-in", published_confidence=1.0)
        out.append(article)  # otherwise undated: no date, or the text-mention floor only
    return out


def stream(features: list[ArticleFeatures], seed: int) -> list[ArticleFeatures]:
    """Dated articles in date order, undated ones inserted at seeded random places."""
    rng = random.Random(seed)
    dated = sorted((f for f in features if f.published), key=lambda f: (f.published, f.article_id))
    for feat in (f for f in features if not f.published):
        dated.insert(rng.randrange(len(dated) + 1), feat)
    return dated


def run(
    features: list[ArticleFeatures], settings: StorySettings, batch: int | None, seed: int = 0
) -> list[str]:
    ordered = stream(features, seed)
    size = batch or len(ordered)
    index = StoryIndex(settings)
    index.member_features = feature_lookup(features)  # what the store reads back
    for start in range(0, len(ordered), size):
        index.add_features(ordered[start : start + size])
    return [index.story_of(f.article_id) or "" for f in features]


def _fmt(r: dict[str, float]) -> str:
    return f"ARI {r['ARI']:.3f}  V {r['V']:.3f}  B3F1 {r['B3F1']:.3f}  clusters {r['clusters']}"


def report(label: str, docs, share: float, settings: StorySettings, tfidf: float | None) -> None:
    gold = [g for _, _, g in docs]
    articles = dated_articles(docs, share)
    feats = extract_features(articles, settings.entities, settings)
    n_dated = sum(f.published is not None for f in feats)
    n_floor = sum(f.floor is not None for f in feats)
    print(
        f"{label}: {len(docs)} docs ({n_dated} dated, {n_floor} undated with a text floor), {len(set(gold))} gold"
    )
    print(f"  newsprism, one batch            {_fmt(scores(gold, run(feats, settings, None)))}")
    for size in (10, 50):
        runs = [adjusted_rand(gold, run(feats, settings, size, seed)) for seed in range(3)]
        print(
            f"  newsprism, batches of {size} in date order (3 placements of the undated)"
            f"  ARI mean {sum(runs) / 3:.3f}  min {min(runs):.3f}"
        )
    undated = [dataclasses.replace(f, published=None, floor=None) for f in feats]
    print(f"  newsprism, no dates, one batch  {_fmt(scores(gold, run(undated, settings, None)))}")
    if tfidf is not None:
        print(f"  TF-IDF + average link @{tfidf}   {_fmt(scores(gold, tfidf_average_link(docs, tfidf)))}")


def calibrate(data: Path, share: float) -> None:
    docs = load_docs(data, TRAIN)
    gold = [g for _, _, g in docs]
    feats = extract_features(dated_articles(docs, share))
    print(f"train topics 1-35: {len(docs)} docs")
    for values in itertools.product(*GRID.values()):
        setting = dict(zip(GRID, values, strict=True))
        s = dataclasses.replace(StorySettings(), **setting)
        one = adjusted_rand(gold, run(feats, s, None))
        runs = [adjusted_rand(gold, run(feats, s, 50, seed)) for seed in range(3)]
        print(f"  {setting}  one batch {one:.3f}  batches of 50 {sum(runs) / 3:.3f}", flush=True)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--calibrate", action="store_true", help="grid on train topics 1-35")
    ap.add_argument("--undated", type=float, default=0.3, help="share of text-dated docs left undated")
    ap.add_argument("--tfidf-threshold", type=float, default=0.75)  # best on train (stories_ecbplus)
    ap.add_argument("--set", action="append", default=[], metavar="NAME=VALUE", help="a StorySettings value")
    args = ap.parse_args()
    if not (args.data / "ecbplus").is_dir():
        print(f"no ECB+ under {args.data}; pass --data /path/to/shared/eval", file=sys.stderr)
        return 2
    if args.calibrate:
        calibrate(args.data, args.undated)
        return 0
    for label, topics in (("test topics 36-45", TEST), ("all 43 topics", range(1, 46))):
        report(
            label, load_docs(args.data, topics), args.undated, with_overrides(args.set), args.tfidf_threshold
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
