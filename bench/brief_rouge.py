"""ROUGE of our extractive summary against AllSides editors' neutral summaries (NeuS roundups).

    PYTHONPATH=. python bench/brief_rouge.py --data /work/shared/eval [--limit N] [--sentences 3]

Each roundup is three articles (left, centre, right: title + lead). Our summary comes from
the compare and brief stages; in the same run two baselines pick the same number of
sentences: lead (the first sentence of each article, in order) and centroid (the
sentences closest to the mean MiniLM embedding of all sentences). ROUGE-1/2/L F1 are
computed here (lower-cased word tokens, no stemming, no stopword removal; ROUGE-L is the
summary-level LCS over the joined text), so the three systems are scored identically.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from dataclasses import replace
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

from brief_common import default_data, plain_article, run_brief  # noqa: E402

from newsprism.nlp.embed import get_embedder  # noqa: E402
from newsprism.settings import Settings  # noqa: E402
from newsprism.text import split_sentences  # noqa: E402

_TOKEN = re.compile(r"[a-z0-9]+")


def tokens(text: str) -> list[str]:
    return _TOKEN.findall(text.lower())


def _f1(overlap: int, ref: int, hyp: int) -> float:
    if not overlap or not ref or not hyp:
        return 0.0
    p, r = overlap / hyp, overlap / ref
    return 2 * p * r / (p + r)


def rouge_n(ref: list[str], hyp: list[str], n: int) -> float:
    grams_r = Counter(tuple(ref[i : i + n]) for i in range(len(ref) - n + 1))
    grams_h = Counter(tuple(hyp[i : i + n]) for i in range(len(hyp) - n + 1))
    return _f1(sum((grams_r & grams_h).values()), sum(grams_r.values()), sum(grams_h.values()))


def rouge_l(ref: list[str], hyp: list[str]) -> float:
    if not ref or not hyp:
        return 0.0
    prev = [0] * (len(hyp) + 1)
    for r in ref:
        cur = [0]
        for j, h in enumerate(hyp):
            cur.append(prev[j] + 1 if r == h else max(prev[j + 1], cur[j]))
        prev = cur
    return _f1(prev[-1], len(ref), len(hyp))


def parse_source(line: str) -> list[tuple[str, str]]:
    """(title, body) of each article in one roundup line."""
    out = []
    for part in line.split("[SEP]"):
        m = re.search(r"TITLE=>\s*(.*?)\s*ARTICLE=>\s*(.*)", part.strip(), re.S)
        if m:
            out.append((m.group(1).strip(), m.group(2).strip()))
    return out


def parse_target(line: str) -> str:
    m = re.search(r"ARTICLE=>\s*(.*)", line, re.S)
    return (m.group(1) if m else line).strip()


def _sentences(text: str) -> list[str]:
    return [text[s:e] for s, e in split_sentences(text)]


def lead(articles: list[tuple[str, str]], k: int) -> str:
    """The first sentence of each article in turn, then the second of each, up to k sentences."""
    bodies = [_sentences(body) for _, body in articles]
    picked = [b[i] for i in range(max(map(len, bodies), default=0)) for b in bodies if i < len(b)]
    return " ".join(picked[:k])


def centroid(articles: list[tuple[str, str]], k: int, embedder) -> str:
    sents = [s for _, body in articles for s in _sentences(body) if len(tokens(s)) >= 4]
    if not sents:
        return ""
    vecs = embedder.embed(sents)
    center = vecs.mean(axis=0)
    best = sorted(np.argsort(-(vecs @ center))[:k])
    return " ".join(sents[i] for i in best)


def ours(articles: list[tuple[str, str]], k: int, settings: Settings) -> str:
    arts = tuple(
        plain_article(f"roundup-{i}.txt", body, outlet=f"outlet-{i}", title=title)
        for i, (title, body) in enumerate(articles)
    )
    analysis = run_brief(arts, settings)
    return " ".join(s["text"] for s in analysis.summary)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=default_data())
    parser.add_argument("--limit", type=int, default=0, help="first N roundups only (0: all)")
    parser.add_argument("--sentences", type=int, default=3, help="summary length for every system")
    parser.add_argument("--split", default="val", choices=["train", "val"], help="tune on train, report val")
    args = parser.parse_args()
    folder = args.data / "neus_roundups"
    sources = (folder / f"{args.split}.source").read_text(encoding="utf-8").splitlines()
    targets = (folder / f"{args.split}.target").read_text(encoding="utf-8").splitlines()
    if args.limit:
        sources, targets = sources[: args.limit], targets[: args.limit]
    base = Settings()
    settings = replace(base, compare=replace(base.compare, summary_sentences=args.sentences))
    embedder = get_embedder("auto")
    systems = {
        "newsprism": lambda a: ours(a, args.sentences, settings),
        "lead": lambda a: lead(a, args.sentences),
        "centroid": lambda a: centroid(a, args.sentences, embedder),
    }
    scores = {name: np.zeros(3) for name in systems}
    for source, target in zip(sources, targets, strict=True):
        ref = tokens(parse_target(target))
        arts = parse_source(source)
        for name, system in systems.items():
            hyp = tokens(system(arts))
            scores[name] += [rouge_n(ref, hyp, 1), rouge_n(ref, hyp, 2), rouge_l(ref, hyp)]
    print(f"AllSides roundups {args.split}: {len(sources)} stories, {args.sentences} sentences per summary")
    print(f"{'system':10s} {'ROUGE-1':>8s} {'ROUGE-2':>8s} {'ROUGE-L':>8s}")
    for name, total in scores.items():
        r1, r2, rl = 100 * total / max(1, len(sources))
        print(f"{name:10s} {r1:8.2f} {r2:8.2f} {rl:8.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
