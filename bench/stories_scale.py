"""Scale of story clustering: wall time and peak memory at 10k, 30k and 100k articles.

The corpus is generated deterministically (fixed seed) under /tmp, never in the
repo: every ECB+ document and the five seed articles, mixed with synthetic
stories. A synthetic story has its own people, places, numbers and dates and an
event kind shared with many other stories (so 'two earthquakes' cases abound);
its articles are different draws of sentences about it, with filler words drawn
from the ECB+ vocabulary. Each size runs in its own process so peak RSS is clean.

    PYTHONPATH=. python bench/stories_scale.py --data /work/shared/eval --sizes 10000 30000 100000
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import subprocess
import sys
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from stories_ecbplus import DEFAULT_DATA, load_docs  # noqa: E402

from newsprism.model import Article, OffsetMap, content_id  # noqa: E402
from newsprism.stories import StoryIndex, extract_features  # noqa: E402
from newsprism.stories.metrics import adjusted_rand, b_cubed  # noqa: E402

KINDS = [
    "earthquake magnitude tremor quake collapsed rubble epicentre",
    "shooting gunman fired victims police shot suspect",
    "election vote ballots candidate polls turnout winner",
    "launch product unveiled device company smartphone release",
    "fire blaze firefighters flames burned evacuated smoke",
    "flood rain rivers flooding evacuated water levels",
    "arrest charged court police detained prosecutors custody",
    "merger acquisition deal shares billion company bid",
    "crash plane passengers airline flight investigators wreckage",
    "strike workers union wages walkout negotiations pay",
    "storm hurricane winds landfall coast damage power",
    "trial jury verdict judge sentenced guilty defence",
]
SYLLABLES = [
    "ka",
    "lo",
    "mi",
    "ra",
    "ten",
    "vor",
    "dal",
    "sin",
    "pe",
    "ru",
    "ban",
    "tol",
    "mek",
    "zar",
    "fi",
    "gon",
    "lis",
    "hav",
    "nor",
    "qui",
    "bel",
    "dro",
]


def _name(rng: random.Random) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize()


def _story(rng: random.Random) -> dict:
    return {
        "kind": rng.choice(KINDS).split(),
        "people": [f"{_name(rng)} {_name(rng)}" for _ in range(rng.randint(2, 4))],
        "place": f"{_name(rng)}ville" if rng.random() < 0.5 else f"Port {_name(rng)}",
        "org": f"{_name(rng)} {rng.choice(['Group', 'Ministry', 'Council', 'Corp'])}",
        "numbers": [str(rng.randint(11, 9999)) for _ in range(3)],
        "day": date(2024, 1, 1) + timedelta(days=rng.randint(0, 365)),
    }


def _sentence(rng: random.Random, story: dict, filler: list[str]) -> str:
    words = [rng.choice(filler) for _ in range(rng.randint(6, 14))]
    facts = [
        rng.choice(story["kind"]),
        rng.choice(story["kind"]),
        rng.choice(story["people"]),
        story["place"] if rng.random() < 0.6 else story["org"],
        rng.choice(story["numbers"]) if rng.random() < 0.4 else rng.choice(story["kind"]),
    ]
    for fact in facts:
        words.insert(rng.randint(0, len(words)), fact)
    return " ".join(words).capitalize() + "."


def generate(n: int, data: Path, seed: int = 7) -> tuple[list[Article], list[str]]:
    """``n`` articles and their true story labels (ECB+ docs labelled by sub-topic)."""
    rng = random.Random(seed)
    real = load_docs(data, range(1, 46))
    seeds = sorted((data.parent / "seeds").glob("*.txt"))
    filler = sorted({w for _, text, _ in real for w in text.lower().split() if w.isalpha()})
    arts, labels = [], []
    for name, text, gold in real:
        arts.append(_article(f"ecb/{name}", text, None, None))
        labels.append(gold)
    for path in seeds:
        arts.append(_article(f"seeds/{path.name}", path.read_text(encoding="utf-8"), "2023-05-04", None))
        labels.append("seeds")
    s = 0
    while len(arts) < n:
        story, size = _story(rng), min(int(rng.paretovariate(1.2)), 60)
        for k in range(min(size, n - len(arts))):
            text = "\n".join(_sentence(rng, story, filler) for _ in range(rng.randint(6, 18)))
            day = story["day"] + timedelta(days=rng.randint(0, 4))
            arts.append(_article(f"syn/{s}/{k}", text, day.isoformat(), f"outlet{rng.randint(1, 300)}"))
            labels.append(f"syn{s}")
        s += 1
    return arts[:n], labels[:n]


def _article(path: str, text: str, published: str | None, outlet: str | None) -> Article:
    return Article(content_id(path, text), path, text, text, OffsetMap(), published=published, outlet=outlet)


def run_one(n: int, data: Path, batch: int) -> dict:
    """Generate, then stream batches: features of a batch, then its clustering (both timed)."""
    t0 = time.perf_counter()
    arts, labels = generate(n, data)
    t1 = time.perf_counter()
    rss_corpus = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    index = StoryIndex()
    by_id = {a.id: a for a in arts}
    # What the store does: the features of stored articles computed again from their text.
    index.member_features = lambda ids: {
        f.article_id: f for f in extract_features([by_id[i] for i in ids], "fast", index.settings)
    }
    feat_wall = feat_cpu = wall = cpu = 0.0
    for start in range(0, n, batch):
        w, c = time.perf_counter(), time.process_time()
        feats = extract_features(arts[start : start + batch], "fast", index.settings)
        w2, c2 = time.perf_counter(), time.process_time()
        index.add_features(feats)
        feat_wall, feat_cpu = feat_wall + w2 - w, feat_cpu + c2 - c
        wall, cpu = wall + time.perf_counter() - w2, cpu + time.process_time() - c2
    rss_after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    pred = [index.story_of(a.id) for a in arts]
    return {
        "articles": n,
        "generate_s": round(t1 - t0, 2),
        "features_cpu_s": round(feat_cpu, 2),
        "features_wall_s": round(feat_wall, 2),
        "features_articles_per_cpu_s": round(n / feat_cpu),
        "cluster_cpu_s": round(cpu, 2),
        "cluster_wall_s": round(wall, 2),
        "cluster_articles_per_cpu_s": round(n / cpu),
        "cluster_articles_per_wall_s": round(n / wall),
        "peak_rss_mb": round(rss_after / 1024),
        "rss_after_corpus_mb": round(rss_corpus / 1024),
        "stories": len(index),
        "true_stories": len(set(labels)),
        "ARI": round(adjusted_rand(labels, pred), 3),
        "B3F1": round(b_cubed(labels, pred)[2], 3),
        "load_avg_1m": round(os.getloadavg()[0], 1),  # other work on the machine inflates wall time
    }


def ner_rate(data: Path, n: int = 300) -> float:
    arts, _ = generate(n + 1000, data)
    sample = arts[-n:]
    extract_features(sample[:10], "spacy")  # load the model outside the timing
    start = time.perf_counter()
    extract_features(sample, "spacy")
    return n / (time.perf_counter() - start)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--sizes", type=int, nargs="+", default=[10000, 30000, 100000])
    ap.add_argument("--batch", type=int, default=1000, help="articles per incremental batch")
    ap.add_argument("--one", type=int, help=argparse.SUPPRESS)
    ap.add_argument("--ner", action="store_true", help="also time spaCy NER features on 300 articles")
    args = ap.parse_args()
    if args.one:
        print(json.dumps(run_one(args.one, args.data, args.batch)))
        return 0
    results = []
    for n in args.sizes:
        cmd = [
            sys.executable,
            __file__,
            "--data",
            str(args.data),
            "--batch",
            str(args.batch),
            "--one",
            str(n),
        ]
        out = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout
        results.append(json.loads(out.strip().splitlines()[-1]))
        print(json.dumps(results[-1]), flush=True)
    for a, b in zip(results, results[1:], strict=False):
        size = b["articles"] / a["articles"]
        growth = b["cluster_cpu_s"] / a["cluster_cpu_s"]
        print(
            f"{a['articles']} -> {b['articles']}: size x{size:.1f}, clustering CPU time x{growth:.2f}"
            f" (per-article cost x{growth / size:.2f}); peak RSS x{b['peak_rss_mb'] / a['peak_rss_mb']:.2f}"
        )
    if args.ner:
        print(f"spaCy NER features: {ner_rate(args.data):.0f} articles/s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
