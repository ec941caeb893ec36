"""Cost of the story feature step on real articles, side by side with another checkout.

    PYTHONPATH=. python bench/features_speed.py --data /work/shared/eval [--articles 327] [--rounds 3] [--before ../main]

Articles: ECB+ documents, three joined per article (the length of a full news article, as
in bench/brief_speed.py). Each round runs, one after the other in fresh processes, the
feature step of clustering (``fast_features`` with the story settings in force) here and,
with ``--before DIR``, in that other checkout. Prints median CPU seconds, articles per
CPU-second, and a digest of all features: equal digests mean equal outputs.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def worker(data: Path, n: int) -> None:
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from brief_common import plain_article
    from brief_speed import ecb_docs, ecb_text

    from newsprism.settings import Settings
    from newsprism.stories.features import fast_features

    texts = [ecb_text(d) for d in ecb_docs(data, 3 * n)]
    articles = [
        plain_article(f"a{i}.txt", "\n\n".join(texts[3 * i : 3 * i + 3])) for i in range(len(texts) // 3)
    ]
    s = Settings().stories
    t0 = time.process_time()
    feats = [fast_features(a, s.lead_sentences, s.lead_boost) for a in articles]
    cpu = time.process_time() - t0
    # Keys in their order: the vectors are built by iterating the counts.
    digest = hashlib.sha1(json.dumps([list(f.counts.items()) for f in feats]).encode()).hexdigest()[:12]
    print(json.dumps({"cpu": cpu, "articles": len(articles), "digest": digest}))


def _run(root: Path, data: Path, n: int) -> dict[str, object]:
    cmd = [
        sys.executable,
        str(Path(__file__).resolve()),
        "--worker",
        "--data",
        str(data),
        "--articles",
        str(n),
    ]
    out = subprocess.run(
        cmd, env={**os.environ, "PYTHONPATH": str(root)}, capture_output=True, text=True, check=True
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "eval")
    ap.add_argument("--articles", type=int, default=327)  # all of ECB+ (982 documents)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--before", type=Path)
    ap.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.worker:
        worker(args.data, args.articles)
        return 0
    roots = {"this checkout": ROOT, **({"before": args.before.resolve()} if args.before else {})}
    print(f"{args.rounds} alternating rounds; load average {os.getloadavg()}")
    got: dict[str, list[dict[str, object]]] = {k: [] for k in roots}
    for _ in range(args.rounds):
        for label, root in roots.items():
            got[label].append(_run(root, args.data, args.articles))
    for label, runs in got.items():
        med = statistics.median(float(r["cpu"]) for r in runs)  # type: ignore[arg-type]
        n = int(runs[0]["articles"])  # type: ignore[call-overload]
        print(
            f"  {label:14s} {med:6.2f} CPU-s for {n} articles = {n / med:6.0f} articles/CPU-s  digest {runs[0]['digest']}"
        )
    print(f"load average after: {os.getloadavg()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
