"""Throughput of `newsprism ingest`: read + clean + store, and with ``--mixed`` story assignment too.

Default: a corpus made by replicating the bundled example (and the seeds, when ../shared is
there) to N articles, each copy made unique by a numbered sentence so that content ids differ,
timed through `newsprism.analyze.ingest` into a fresh SQLite file:

    python bench/ingest_throughput.py --n 10000

``--mixed``: N real files as `newsprism ingest DB FOLDER` reads them, stories included: the 181
pages of the article-extraction benchmark (HTML), the bundled example, and ECB+ documents as
text (one sentence a line), cycled with a numbered line added to repeats so that each file is a
new article. Each round runs this checkout and, with ``--before DIR``, another checkout, one
after the other in fresh processes; CPU seconds are those of the process and its workers, with
the workers', the main process's share of ingest (reads files, writes the store) and the main
process in all (ingest's share plus story assignment: what no worker overlaps) given apart:

    PYTHONPATH=. python bench/ingest_throughput.py --mixed --n 2000 --rounds 3 --before ../main
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


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


def _real_files(data: Path) -> list[tuple[str, str]]:
    """(suffix, text) of the extraction pages, the example's files and the ECB+ documents."""
    from ecbplus_text import sentences

    pages = sorted((data / "article_extraction" / "html").glob("*.html.gz"))
    out = []
    for page in pages:
        with gzip.open(page, "rt", encoding="utf8") as f:
            out.append((".html", f.read()))
    out += _templates(Path("/nonexistent"))
    for xml in sorted((data / "ecbplus" / "ECB+").glob("*/*.xml")):
        out.append((".txt", "\n".join(line for _, line in sentences(xml)) + "\n"))
    return out


def build_mixed(folder: Path, n: int, data: Path) -> None:
    """``n`` files: every real file once, then ECB+ texts again with a numbered line each."""
    files = _real_files(data)
    texts = [f for f in files if f[0] == ".txt"]
    for i in range(n):
        suffix, text = files[i] if i < len(files) else texts[i % len(texts)]
        if i >= len(files):
            text = _vary(suffix, text, i)
        (folder / f"{i:06d}{suffix}").write_text(text, encoding="utf-8")


def _cpu() -> float:
    me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime


def worker(corpus: Path, db: Path) -> None:
    """`newsprism ingest DB corpus` as the CLI runs it; prints one JSON line of figures."""
    from newsprism import analyze
    from newsprism.settings import load_settings
    from newsprism.store import Store
    from newsprism.stories.persist import assign_stories, unassigned_articles

    settings = load_settings()
    cpu0, main0, t0 = _cpu(), time.process_time(), time.perf_counter()
    with Store(db) as store:
        if hasattr(analyze, "assign_ingested"):  # features made in the workers (session 8)
            batch = analyze.ingest(store, [str(corpus)], settings, stories=True)
            cpu1, main1 = _cpu(), time.process_time()
            assigned = analyze.assign_ingested(store, batch, settings)
        else:  # a checkout from before: stories from the articles read back
            batch = analyze.ingest(store, [str(corpus)], settings)
            cpu1, main1 = _cpu(), time.process_time()
            assigned = assign_stories(store, unassigned_articles(store), settings.stories)
    cpu2, t2 = _cpu(), time.perf_counter()
    print(
        json.dumps(
            {
                "articles": len(batch.articles),
                "rejected": len(batch.rejections),
                "stories": sum(a.opened for a in assigned),
                "cpu_ingest": cpu1 - cpu0,
                "cpu_ingest_main": main1 - main0,
                "cpu_stories": cpu2 - cpu1,
                "wall": t2 - t0,
            }
        )
    )


def _run(root: Path, corpus: Path, db: Path) -> dict[str, float]:
    db.unlink(missing_ok=True)
    cmd = [sys.executable, str(Path(__file__).resolve()), "--worker", str(corpus), "--db", str(db)]
    env = {**os.environ, "PYTHONPATH": str(root)}
    out = subprocess.run(cmd, env=env, capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def mixed(args: argparse.Namespace) -> None:
    tmp = Path(tempfile.mkdtemp(prefix="np-mixed-"))
    try:
        corpus = tmp / "corpus"
        corpus.mkdir()
        build_mixed(corpus, args.n, args.data)
        setups = [("this checkout", ROOT)]
        if args.before:
            setups.append(("before", args.before.resolve()))
        print(f"{args.n} files, {args.rounds} alternating rounds; load average {os.getloadavg()}")
        runs: dict[str, list[dict[str, float]]] = {label: [] for label, _ in setups}
        for _ in range(args.rounds):
            for label, root in setups:
                runs[label].append(_run(root, corpus, tmp / "bench.db"))
        for label, got in runs.items():
            n = got[0]["articles"]
            cpu = statistics.median(r["cpu_ingest"] + r["cpu_stories"] for r in got)
            read = statistics.median(r["cpu_ingest"] for r in got)
            stories = statistics.median(r["cpu_stories"] for r in got)
            wall = statistics.median(r["wall"] for r in got)
            main_cpu = statistics.median(r["cpu_ingest_main"] for r in got)
            critical = statistics.median(r["cpu_ingest_main"] + r["cpu_stories"] for r in got)
            print(
                f"  {label:14s} {n} articles, {got[0]['rejected']} rejected, {got[0]['stories']} stories;"
                f" CPU s {cpu:.1f} (ingest {read:.1f}: workers {read - main_cpu:.1f}, main process"
                f" {main_cpu:.1f}; stories {stories:.1f}) = {n / cpu:.0f} articles per CPU-s;"
                f" main process in all (the part no worker overlaps) {critical:.1f};"
                f" wall here {wall:.1f} s = {n / wall:.0f}/s"
            )
        print(f"load average after: {os.getloadavg()}")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=10_000)
    ap.add_argument("--seeds", type=Path, default=ROOT.parent / "shared" / "seeds")
    ap.add_argument("--mixed", action="store_true", help="real files and story assignment")
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "eval")
    ap.add_argument("--rounds", type=int, default=1)
    ap.add_argument("--before", type=Path, help="another checkout timed alongside (--mixed)")
    ap.add_argument("--worker", type=Path, help=argparse.SUPPRESS)
    ap.add_argument("--db", type=Path, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.worker:  # the package under test comes from PYTHONPATH
        worker(args.worker, args.db)
        return
    sys.path.insert(0, str(ROOT))
    if args.mixed:
        mixed(args)
    else:
        synthetic(args)


def synthetic(args: argparse.Namespace) -> None:
    from newsprism.analyze import ingest
    from newsprism.store import Store

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
        cpu = _cpu()
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
