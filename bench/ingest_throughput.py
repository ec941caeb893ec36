"""Throughput of read + clean + store (no NLP), and peak memory.

Builds a corpus by replicating the bundled example (and the seeds, when ../shared is there)
to N articles, each copy made unique by a numbered sentence so that content ids differ, then
times `newsprism.analyze.ingest` into a fresh SQLite file.

    python bench/ingest_throughput.py --n 10000
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from newsprism.analyze import ingest  # noqa: E402
from newsprism.store import Store  # noqa: E402


def _templates(seeds: Path) -> list[tuple[str, str]]:
    files = sorted((ROOT / "examples" / "harbour-fire").iterdir())
    if seeds.is_dir():
        files += sorted(seeds.glob("*.txt"))
    return [
        (f.suffix, f.read_text(encoding="utf-8")) for f in files if f.suffix in {".txt", ".html", ".jsonl"}
    ]


def _vary(suffix: str, text: str, i: int) -> str:
    line = f"Copy {i} of this article was made for the throughput benchmark."
    if suffix == ".jsonl":
        rows = [json.loads(r) for r in text.splitlines() if r.strip()]
        for row in rows:
            key = "text" if "text" in row else "html"
            row[key] = row[key] + ("\n\n" + line if key == "text" else f"<p>{line}</p>")
        return "\n".join(json.dumps(r) for r in rows) + "\n"
    if suffix == ".html":
        return text.replace("</article>", f"<p>{line}</p></article>", 1)
    return text + "\n\n" + line + "\n"


def build_corpus(folder: Path, n: int, seeds: Path) -> int:
    """Write files holding about ``n`` articles; returns the number of articles written."""
    templates, written, i = _templates(seeds), 0, 0
    while written < n:
        suffix, text = templates[i % len(templates)]
        (folder / f"{i:06d}{suffix}").write_text(_vary(suffix, text, i), encoding="utf-8")
        written += text.count("\n") if suffix == ".jsonl" and text.strip() else 1
        i += 1
    return written


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=10_000)
    ap.add_argument("--seeds", type=Path, default=ROOT.parent / "shared" / "seeds")
    args = ap.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="np-bench-"))
    try:
        corpus = tmp / "corpus"
        corpus.mkdir()
        n = build_corpus(corpus, args.n, args.seeds)
        t0 = time.perf_counter()
        with Store(tmp / "bench.db") as store:
            batch = ingest(store, [str(corpus)])
            stored = store.count()
        elapsed = time.perf_counter() - t0
        me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime
        peak_mb = max(me.ru_maxrss, kids.ru_maxrss) / 1024
        print(
            f"articles written: {n}; read+cleaned: {len(batch.articles)}; stored: {stored}; rejected: {len(batch.rejections)}"
        )
        print(f"wall time: {elapsed:.1f} s; throughput: {len(batch.articles) / elapsed:.0f} articles/s")
        print(
            f"CPU time (all processes): {cpu:.1f} s = {len(batch.articles) / cpu:.0f} articles per CPU-second"
        )
        print(f"peak RSS (largest process): {peak_mb:.0f} MB; load average now {os.getloadavg()[0]:.1f}")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
