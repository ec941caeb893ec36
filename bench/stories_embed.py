"""Is a title+lead sentence embedding event evidence the bag of words lacks? (issue 11, session 10)

For each calibrate set (PolNeAR March, the roundups calibration sample, ECB+ train topics), the
share of articles of multi-article stories whose nearest neighbour belongs to their story, by the
cosine of the article vectors (the clustering's bag of words), of MiniLM int8 embeddings of the
title and first two sentences, and of mixes of the two; and the CPU milliseconds per article the
embedding costs. Calibrate material only.

    PYTHONPATH=.:bench python bench/stories_embed.py --data /work/shared/eval
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from pathlib import Path

import numpy as np
import stories_polnear
import stories_roundups
from stories_ecbplus import DEFAULT_DATA, TRAIN, load_docs, to_articles

from newsprism.model import Article
from newsprism.nlp.embed import load_embedder
from newsprism.settings import StorySettings
from newsprism.stories import StoryIndex, extract_features
from newsprism.stories.partition import similarity_matrix
from newsprism.stories.vector import weigh

MIXES = (0.0, 0.2, 0.35, 0.5, 1.0)  # weight of the embedding cosine
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n+")  # as the fast features split a lead


def title_lead(article: Article) -> str:
    head = _SENTENCE_END.split(article.text.strip(), maxsplit=2)[:2]
    return " ".join([article.title or "", *head])[:1000]


def bag_of_words(articles: list[Article]) -> np.ndarray:
    s = StorySettings()
    feats = extract_features(articles, s.entities, s)
    index = StoryIndex(s)
    for f in feats:
        index.df.update(f.counts)
    return similarity_matrix([weigh(f.counts, index.df, index.kinds, s.vector_terms) for f in feats])


def nearest_same(sims: np.ndarray, gold: np.ndarray) -> float:
    """Share of articles of multi-article stories whose nearest other article is of their story."""
    sims = sims.copy()
    np.fill_diagonal(sims, -np.inf)
    multi = np.array([(gold == g).sum() > 1 for g in gold])
    return float(np.mean((gold[sims.argmax(1)] == gold)[multi]))


def measure(name: str, articles: list[Article], gold: list[str]) -> None:
    embedder = load_embedder()
    start = time.process_time()
    vectors = embedder.embed([title_lead(a) for a in articles])
    ms = (time.process_time() - start) * 1000 / len(articles)
    vectors = vectors / np.linalg.norm(vectors, axis=1, keepdims=True)
    words, meaning, labels = bag_of_words(articles), vectors @ vectors.T, np.array(gold)
    rates = "  ".join(
        f"{mix:.2f}: {nearest_same((1 - mix) * words + mix * meaning, labels):.2f}" for mix in MIXES
    )
    print(
        f"{name}: {len(articles)} articles, embedding {ms:.1f} ms CPU each; nearest of its story, by mix  {rates}"
    )


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    args = ap.parse_args()
    if not (args.data / "polnear" / "metadata.tsv").is_file():
        print(f"no PolNeAR under {args.data}; pass --data /path/to/shared/eval", file=sys.stderr)
        return 2
    measure("PolNeAR March", *stories_polnear.load(args.data, "calibrate-march"))
    pool = stories_roundups.load_pool(args.data, "train", stories_roundups.CALIBRATION_STORIES)
    measure("roundups calibration", [d.article for d in pool], [d.gold for d in pool])
    docs = load_docs(args.data, TRAIN)
    measure("ECB+ train", to_articles(docs), [g for _, _, g in docs])
    return 0


if __name__ == "__main__":
    sys.exit(main())
