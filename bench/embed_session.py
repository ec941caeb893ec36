"""Embedding session setup side by side: onnxruntime threads and spin-waiting.

    PYTHONPATH=. python bench/embed_session.py --data /work/shared/eval [--sentences 500 --rounds 3]

Sentences are the first N sentences of ECB+ documents (the text the brief embeds). Every
setup gets its own MiniLM session in this one process; rounds alternate the setups (A B C D,
A B C D, ...) so that a change in the machine's load hits all of them alike. The
embedder's per-sentence cache is cleared before each run, so every run encodes all
sentences. Prints the median seconds per setup, its ratio to the fastest, and the load
average before and after.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from brief_common import default_data  # noqa: E402
from brief_speed import ecb_docs, ecb_text  # noqa: E402

from newsprism.nlp.embed import MiniLMEmbedder  # noqa: E402

# (label, threads, spin-wait)
SETUPS = (
    ("2 threads, spinning (onnxruntime default)", 2, True),
    ("2 threads, no spinning", 2, False),
    ("1 thread, spinning", 1, True),
    ("1 thread, no spinning", 1, False),
)


def sentences(data: Path, n: int) -> list[str]:
    out: list[str] = []
    for doc in ecb_docs(data, 400):
        out += [line for line in ecb_text(doc).split("\n\n") if len(line.split()) >= 4]
        if len(out) >= n:
            break
    return out[:n]


def timed(embedder: MiniLMEmbedder, texts: list[str]) -> float:
    embedder._cache.clear()  # every run encodes every sentence
    t0 = time.perf_counter()
    embedder.embed(texts)
    return time.perf_counter() - t0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=default_data())
    ap.add_argument("--sentences", type=int, default=500)
    ap.add_argument("--rounds", type=int, default=3)
    args = ap.parse_args()
    texts = sentences(args.data, args.sentences)
    embedders = [MiniLMEmbedder(threads=t, spin_wait=s) for _, t, s in SETUPS]
    timed(embedders[0], texts[:32])  # warm the shared tokenizer / allocator once
    print(f"{len(texts)} sentences, {args.rounds} alternating rounds; load average {os.getloadavg()}")
    runs: list[list[float]] = [[] for _ in SETUPS]
    for _ in range(args.rounds):
        for i, emb in enumerate(embedders):
            runs[i].append(timed(emb, texts))
    medians = [statistics.median(r) for r in runs]
    best = min(medians)
    for (label, _, _), med, r in zip(SETUPS, medians, runs, strict=True):
        rate = len(texts) / med
        print(f"  {label:44s} median {med:6.2f} s  {rate:5.0f} sent/s  ×{med / best:.2f}  runs {r}")
    print(f"load average after: {os.getloadavg()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
