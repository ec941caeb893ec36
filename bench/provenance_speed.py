"""Provenance speed: the rare-3-gram candidate step against comparing every pair.

    PYTHONPATH=. python bench/provenance_speed.py [--sizes 50 100 200 500 1000] [--all-pairs-max 200]

The corpus is synthetic and deterministic (fixed seed): stories of 3-6 articles, each
article 25-40 sentences drawn from a Zipf vocabulary around the story's own names; one
article in five is a lightly edited copy of another in its story (words swapped, sentences
dropped), so real reuse edges exist. For each size the wall time of ``provenance_edges``
is printed with the candidate step and, up to --all-pairs-max articles, with every pair
compared; the two edge sets must be equal.
"""

from __future__ import annotations

import argparse
import functools
import itertools
import random
import sys
import time
from unittest import mock

from newsprism.compare import provenance
from newsprism.settings import CompareSettings
from tests.conftest import make_article

_FUNCTION = [
    "the",
    "a",
    "of",
    "to",
    "in",
    "and",
    "on",
    "for",
    "that",
    "with",
    "said",
    "was",
    "by",
    "at",
    "from",
    "as",
    "it",
    "has",
    "have",
]


def _vocabulary(rng: random.Random, n: int = 4000) -> list[str]:
    letters = "abcdefghijklmnoprstuvwy"
    return ["".join(rng.choice(letters) for _ in range(rng.randint(3, 9))) for _ in range(n)]


@functools.cache
def _zipf(n: int) -> list[float]:
    """Cumulative Zipf weights (word of rank r drawn with weight 1/r), as in running text."""
    return list(itertools.accumulate(1 / r for r in range(1, n + 1)))


def _sentence(rng: random.Random, vocab: list[str], names: list[str]) -> str:
    words = []
    for _ in range(rng.randint(12, 24)):
        r = rng.random()
        if r < 0.35:
            words.append(rng.choice(_FUNCTION))
        elif r < 0.45:
            words.append(rng.choice(names))
        else:
            words.append(rng.choices(vocab, cum_weights=_zipf(len(vocab)))[0])
    return " ".join(words).capitalize() + "."


def _edit(rng: random.Random, text: str) -> str:
    """A light rewrite: one sentence in five dropped, one word in twenty replaced."""
    out = []
    for sentence in text.split("\n\n"):
        if rng.random() < 0.2:
            continue
        words = [w if rng.random() > 0.05 else rng.choice(_FUNCTION) for w in sentence.split()]
        out.append(" ".join(words))
    return "\n\n".join(out)


def corpus(n: int, seed: int = 7) -> list:
    rng = random.Random(seed)
    vocab = _vocabulary(rng)
    rng.shuffle(vocab)
    articles, story = [], 0
    while len(articles) < n:
        story += 1
        names = [w.capitalize() for w in rng.sample(vocab[500:], 6)]
        texts: list[str] = []
        for _ in range(rng.randint(3, 6)):
            if texts and rng.random() < 0.2:
                texts.append(_edit(rng, rng.choice(texts)))
            else:
                texts.append("\n\n".join(_sentence(rng, vocab, names) for _ in range(rng.randint(25, 40))))
        for k, text in enumerate(texts[: n - len(articles)]):
            articles.append(
                make_article(text, outlet=f"Outlet {story}-{k}", published=f"2024-01-{k + 1:02d}")
            )
    return articles


def _all_pairs(grams: dict[str, set], common: int, shared: int = 3) -> list[tuple[str, str]]:
    ids = sorted(grams)
    return [(a, b) for i, a in enumerate(ids) for b in ids[i + 1 :]]


def _timed(articles: list, every_pair: bool) -> tuple[float, set]:
    settings = CompareSettings()
    start = time.perf_counter()
    if every_pair:
        with mock.patch.object(provenance, "gram_pairs", _all_pairs):
            edges = provenance.provenance_edges(articles, settings)
    else:
        edges = provenance.provenance_edges(articles, settings)
    return time.perf_counter() - start, set(edges)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[50, 100, 200, 500, 1000])
    ap.add_argument("--all-pairs-max", type=int, default=200)
    args = ap.parse_args()
    print("articles  reuse-edges  candidates(s)  all-pairs(s)  same-edges")
    for n in args.sizes:
        articles = corpus(n)
        fast, edges = _timed(articles, every_pair=False)
        reuse = sum(e.kind == "reuses" for e in edges)
        if n <= args.all_pairs_max:
            slow, slow_edges = _timed(articles, every_pair=True)
            print(f"{n:8d}  {reuse:11d}  {fast:13.2f}  {slow:12.2f}  {edges == slow_edges}")
        else:
            print(f"{n:8d}  {reuse:11d}  {fast:13.2f}  {'-':>12}  -")
        sys.stdout.flush()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
