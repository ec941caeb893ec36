"""WARC intake: records/s of FastWARC and warcio, and read + extract + clean + store against trafilatura.

Writes a WARC (gzip, one member per record) of at least ``--n`` HTML response records made
from the article-extraction benchmark pages (read from ``../shared/eval/article_extraction``
at run time; nothing is copied into the project) and the bundled example page, each copy made
unique by a numbered paragraph, plus records that must be skipped (404s, a stylesheet,
revisits, request records). Then, each part in its own process so that peak memory is its own:

- ``reader-fastwarc`` / ``reader-warcio``: ``iter_warc`` over the whole file (the filter, and
  reading the payload of every HTML 200 response): records/s;
- ``ingest``: ``newsprism.analyze.ingest`` of the WARC into a fresh SQLite store (read,
  extract, clean, store; the process pool ``ingest.workers`` picks, 2 on 2 cores): articles/s;
- ``trafilatura``: ``trafilatura.extract(html)`` on the same payloads with the same number of
  worker processes: pages/s, the floor the ingest figure is compared with.

    PYTHONPATH=$PWD python bench/warc_intake.py --n 5000
    PYTHONPATH=$PWD python bench/warc_intake.py --n 5000 --pages examples   # our pages only

``--rounds N`` runs ingest and trafilatura alternately N times (the median run of each is
compared: the machine's load moves between runs); ``--before DIR`` adds that checkout's ingest
to every round.
"""

from __future__ import annotations

import argparse
import gzip
import json
import multiprocessing
import os
import resource
import subprocess
import sys
import tempfile
import time
from io import BytesIO
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if "--part" not in sys.argv:  # a part runs the package its PYTHONPATH names (--before)
    sys.path.insert(0, str(ROOT))

SHARED = ROOT.parent / "shared" / "eval" / "article_extraction" / "html"


def _templates(which: str) -> list[bytes]:
    pages = [p.read_bytes() for p in sorted((ROOT / "examples").rglob("*.html"))]
    if which == "benchmark":
        if not SHARED.is_dir():
            sys.exit(f"{SHARED} not found: run with --pages examples, or from a checkout beside shared/")
        pages += [gzip.decompress(p.read_bytes()) for p in sorted(SHARED.glob("*.html.gz"))]
    return pages


def _vary(page: bytes, i: int) -> bytes:
    line = f"<p>Copy {i} of this page was made for the WARC intake benchmark.</p>".encode()
    for tag in (b"</article>", b"</body>"):
        if tag in page:
            return page.replace(tag, line + tag, 1)
    return page + line


def build_warc(path: Path, n: int, which: str) -> dict[str, int]:
    """Write ``n`` unique HTML responses plus records to skip; returns counts by kind."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    pages, counts = _templates(which), {"html": 0, "skip": 0}
    with open(path, "wb") as fh:
        writer = WARCWriter(fh, gzip=True)

        def response(uri: str, body: bytes, status: str, ctype: str) -> None:
            http = StatusAndHeaders(status, [("Content-Type", ctype)], protocol="HTTP/1.1")
            writer.write_record(
                writer.create_warc_record(uri, "response", payload=BytesIO(body), http_headers=http)
            )

        for i in range(n):
            uri = f"https://news.example/{i % 97}/story-{i}.html"
            response(uri, _vary(pages[i % len(pages)], i), "200 OK", "text/html; charset=utf-8")
            counts["html"] += 1
            if i % 50 == 0:
                response(uri + "?missing", b"<html>gone</html>", "404 Not Found", "text/html")
                response(f"https://news.example/s{i}.css", b"body{}", "200 OK", "text/css")
                writer.write_record(
                    writer.create_revisit_record(
                        uri, digest="sha1:AAAA", refers_to_uri=uri, refers_to_date="2024-05-01T00:00:00Z"
                    )
                )
                counts["skip"] += 3
    return counts


def _peak_mb() -> float:
    me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return max(me.ru_maxrss, kids.ru_maxrss) / 1024


def part_reader(warc: str, reader: str) -> dict[str, float]:
    from collections import Counter

    from newsprism.ingest.warc import iter_warc

    skipped: Counter[str] = Counter()
    t0 = time.perf_counter()
    pages = sum(1 for _ in iter_warc(warc, skipped=skipped, reader=reader))
    elapsed = time.perf_counter() - t0
    records = pages + sum(skipped.values())
    return {"records": records, "pages": pages, "seconds": elapsed, "per_s": records / elapsed}


def part_ingest(warc: str) -> dict[str, float]:
    from newsprism.analyze import ingest
    from newsprism.store import Store

    try:  # a copy whose cleaned text another record has is stored once, with its URL (session 11)
        from newsprism.store.intake import COPY_SKIP
    except ImportError:  # --before an older checkout
        COPY_SKIP = ""
    with tempfile.TemporaryDirectory() as tmp, Store(Path(tmp) / "bench.db") as store:
        t0 = time.perf_counter()
        batch = ingest(store, [warc], keep=False)
        elapsed = time.perf_counter() - t0
        stored = store.count()
    # Every HTML record read, extracted, cleaned and stored: as a new article, or as one more URL
    # of an article with the same cleaned text (many copies differ only by their numbered line,
    # which the cleaner drops).
    done = stored + batch.skipped[COPY_SKIP]
    return {
        "stored": stored, "copies": batch.skipped[COPY_SKIP], "articles": done,
        "rejected": len(batch.rejections), "skipped": sum(batch.skipped.values()) - batch.skipped[COPY_SKIP],
        "seconds": elapsed, "per_s": done / elapsed,
    }  # fmt: skip


def _trafilatura_one(html: bytes) -> int:
    import trafilatura

    return len(trafilatura.extract(html.decode("utf-8", "replace"), include_comments=False) or "")


def _payloads(warc: str):
    from newsprism.ingest.warc import iter_warc

    for src in iter_warc(warc):
        yield src.data


def part_trafilatura(warc: str, workers: int) -> dict[str, float]:
    t0 = time.perf_counter()
    with multiprocessing.get_context("fork").Pool(workers) as pool:
        lengths = list(pool.imap(_trafilatura_one, _payloads(warc), chunksize=8))
    elapsed = time.perf_counter() - t0
    return {
        "pages": len(lengths),
        "extracted": sum(1 for n in lengths if n),
        "seconds": elapsed,
        "per_s": len(lengths) / elapsed,
    }


def _run_part(name: str, warc: str, workers: int, root: Path = ROOT) -> dict[str, float]:
    cmd = [sys.executable, __file__, "--part", name, "--warc", warc, "--workers", str(workers)]
    out = subprocess.run(
        cmd, check=True, capture_output=True, text=True, env={**os.environ, "PYTHONPATH": str(root)}
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def _cpu_s() -> tuple[float, float]:
    """CPU seconds of this process and of its (finished) children."""
    me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime, kids.ru_utime + kids.ru_stime


def _one_part(args: argparse.Namespace) -> None:
    name = args.part
    if name.startswith("reader-"):
        result = part_reader(args.warc, name.removeprefix("reader-"))
    elif name == "ingest":
        result = part_ingest(args.warc)
    else:
        result = part_trafilatura(args.warc, args.workers)
    main_cpu, kids_cpu = _cpu_s()
    done = (
        result.get("articles", result.get("stored", result.get("pages", 0)))
        if name != "reader-fastwarc" and name != "reader-warcio"
        else result["records"]
    )
    cpu = {"cpu_s": main_cpu + kids_cpu, "main_cpu_s": main_cpu, "per_cpu_s": done / (main_cpu + kids_cpu)}
    print(json.dumps({**result, **cpu, "peak_mb": _peak_mb()}))


def _alternating(warc: str, args: argparse.Namespace) -> dict[str, dict[str, float]]:
    """Ingest (and the other checkout's) and trafilatura, A B A B...; the median run of each."""
    setups = [("ingest", "ingest", ROOT), ("trafilatura", "trafilatura", ROOT)]
    if args.before:
        setups.insert(1, ("ingest-before", "ingest", args.before.resolve()))
    runs: dict[str, list[dict[str, float]]] = {label: [] for label, _, _ in setups}
    for _ in range(args.rounds):
        for label, part, root in setups:
            runs[label].append(r := _run_part(part, warc, args.workers, root))
            print(f"{label:16} {json.dumps(r)}", flush=True)
    out = {label: sorted(got, key=lambda r: r["per_cpu_s"])[len(got) // 2] for label, got in runs.items()}
    if args.before:
        before = out["ingest-before"]["per_cpu_s"] / out["trafilatura"]["per_cpu_s"]
        print(
            f"before: ingest {out['ingest-before']['per_cpu_s']:.1f} articles per CPU-s; ratio {before:.2f}"
        )
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=5000, help="HTML response records to write")
    ap.add_argument("--pages", choices=["benchmark", "examples"], default="benchmark")
    ap.add_argument("--workers", type=int, default=min(os.cpu_count() or 1, 4))
    ap.add_argument("--part", help=argparse.SUPPRESS)
    ap.add_argument("--warc", help="use this WARC instead of writing one")
    ap.add_argument("--rounds", type=int, default=1, help="ingest and trafilatura, alternating")
    ap.add_argument("--before", type=Path, help="another checkout whose ingest runs in each round too")
    args = ap.parse_args()
    if args.part:
        _one_part(args)
        return
    with tempfile.TemporaryDirectory(prefix="np-warc-") as tmp:
        warc = args.warc or str(Path(tmp) / "bench.warc.gz")
        if not args.warc:
            t0 = time.perf_counter()
            counts = build_warc(Path(warc), args.n, args.pages)
            print(f"wrote {warc}: {counts['html']} HTML responses + {counts['skip']} records to skip, "
                  f"{os.path.getsize(warc) / 1e6:.0f} MB gzip, in {time.perf_counter() - t0:.0f} s")  # fmt: skip
        results = {}
        for name in ("reader-fastwarc", "reader-warcio"):
            results[name] = r = _run_part(name, warc, args.workers)
            print(f"{name:16} {json.dumps(r)}", flush=True)
        results.update(_alternating(warc, args))
        ratio = results["ingest"]["per_s"] / results["trafilatura"]["per_s"]
        print(f"records/s: fastwarc {results['reader-fastwarc']['per_s']:.0f}, warcio {results['reader-warcio']['per_s']:.0f} "
              f"({results['reader-fastwarc']['per_s'] / results['reader-warcio']['per_s']:.1f}x)")  # fmt: skip
        print(f"read+extract+clean+store: {results['ingest']['per_s']:.0f} articles/s "
              f"(peak {results['ingest']['peak_mb']:.0f} MB); trafilatura.extract alone: "
              f"{results['trafilatura']['per_s']:.0f} pages/s (peak {results['trafilatura']['peak_mb']:.0f} MB); ratio {ratio:.2f}")  # fmt: skip
        per_cpu = results["ingest"]["per_cpu_s"] / results["trafilatura"]["per_cpu_s"]
        print(f"per CPU-second: ingest {results['ingest']['per_cpu_s']:.1f} articles, trafilatura "
              f"{results['trafilatura']['per_cpu_s']:.1f} pages; ratio {per_cpu:.2f}")  # fmt: skip
        print(f"workers {args.workers}; load average now {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
