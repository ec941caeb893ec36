"""Could story assignment run per connected component of the blocking graph? (issue 13)

A design for Spark: group articles by blocking key (each key's group capped at ``cap``
articles), take the connected components of the graph that links the articles of a group,
and run the local assignment on each component apart, with the batch's document frequencies.
That gives the local stories only if no step of the batch looks across components. This bench
measures, on real news (ECB+, 45 topics) and on the generated corpus of the Spark tests, how
many components there are, the largest, and how many articles get the local story id when each
component is assigned alone.

    python bench/spark_components.py [--caps 0,100,30,10,5] [--generated 2000]

Lookup keys are the batch's own (``Batch.items[i].lookup``: the heaviest features another article
shares). Cap 0: no cap. Each component is assigned through ``StoryIndex._assign`` (the batch
entry point, with the whole batch's document frequencies set on the index).
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.stories_ecbplus import DEFAULT_DATA, load_docs, to_articles  # noqa: E402
from newsprism.analyze import load_articles  # noqa: E402
from newsprism.settings import StorySettings  # noqa: E402
from newsprism.stories import StoryIndex, extract_features  # noqa: E402
from newsprism.stories.batch import Batch  # noqa: E402
from newsprism.stories.blocking import Blocker  # noqa: E402
from newsprism.stories.features import ArticleFeatures  # noqa: E402
from tests.spark_corpus import write_corpus  # noqa: E402


def _whole(
    features: list[ArticleFeatures], settings: StorySettings
) -> tuple[StoryIndex, Batch, dict[str, str]]:
    """The local path, keeping its batch (for the lookup keys)."""
    index = StoryIndex(settings)
    ordered = index._fresh(features)
    for feat in ordered:
        index.df.update(feat.counts)
    batch = Batch(index, local=Blocker(settings.max_postings))
    batch.run(ordered)
    return index, batch, {a.article_id: a.story_id for a in index._commit(batch)}


def _components(groups: list[list[int]], n: int) -> list[list[int]]:
    parent = list(range(n))

    def root(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for group in groups:
        for other in group[1:]:
            a, b = root(group[0]), root(other)
            if a != b:
                parent[max(a, b)] = min(a, b)
    found: dict[int, list[int]] = {}
    for i in range(n):
        found.setdefault(root(i), []).append(i)
    return list(found.values())


def study(features: list[ArticleFeatures], caps: list[int], settings: StorySettings) -> dict[str, str]:
    index, batch, whole = _whole(features, settings)
    by_key: dict[str, list[int]] = {}
    for i, item in enumerate(batch.items):
        for key in item.lookup:
            by_key.setdefault(key, []).append(i)
    out = {"articles": str(len(batch.items)), "stories": str(len(set(whole.values())))}
    for cap in caps:
        groups = [g for g in by_key.values() if not cap or len(g) <= cap]
        parts = _components(groups, len(batch.items))
        equal = 0
        for part in parts:
            alone = StoryIndex(settings)
            alone.df = index.df
            got = alone._assign([batch.items[i].feat for i in part])
            equal += sum(whole[a.article_id] == a.story_id for a in got)
        sizes = sorted((len(p) for p in parts), reverse=True)
        out[f"cap {cap or 'none'}"] = f"{len(parts)} components, largest {sizes[:3]}, same story id {equal}"
    return out


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--caps", default="0,100,30,10,5")
    p.add_argument("--generated", type=int, default=2000, help="articles of the generated corpus")
    args = p.parse_args()
    caps = [int(c) for c in args.caps.split(",")]
    settings = StorySettings()
    result = {}
    for name, topics in (("ecbplus test", range(36, 46)), ("ecbplus train", range(1, 36))):
        feats = extract_features(to_articles(load_docs(DEFAULT_DATA, topics)), "fast", settings)
        result[name] = study(feats, caps, settings)
    with tempfile.TemporaryDirectory() as scratch:
        write_corpus(Path(scratch), args.generated // 5, 5, seed=13)
        feats = extract_features(load_articles([scratch]).articles, "fast", settings)
        result[f"generated {args.generated}"] = study(feats, caps, settings)
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
