"""HTML read+clean cost per page against trafilatura's ``extract()``, side by side.

    PYTHONPATH=. python bench/html_speed.py --data /work/shared/eval [--rounds 3] [--before ../main]

Pages: the 181 pages of the article-extraction benchmark. Each round runs, one after the
other in fresh processes, newsprism's reader + cleaner (``read_html`` then
``clean_document``), trafilatura's ``extract()`` as the benchmark calls it, and, with
``--before DIR``, newsprism's reader + cleaner from that other checkout. Each worker reads
one page first (imports and caches warm), then times CPU seconds over all pages. Prints the
median CPU ms per page, the ratio to trafilatura, and the load average.
"""

from __future__ import annotations

import argparse
import contextlib
import gzip
import json
import logging
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _pages(data: Path) -> list[str]:
    root = data if (data / "html").is_dir() else data / "article_extraction"
    return [gzip.open(p, "rt", encoding="utf8").read() for p in sorted((root / "html").glob("*.html.gz"))]


def _ours(html: str) -> None:
    from newsprism.clean import clean_document
    from newsprism.errors import InputError
    from newsprism.ingest.html import read_html

    with contextlib.suppress(InputError):  # a page without text costs its reading all the same
        clean_document(read_html("page.html", html))


def _trafilatura(html: str) -> None:
    import trafilatura

    trafilatura.extract(html, include_comments=False)


def worker(which: str, data: Path) -> None:
    """One timed pass over every page; prints {"cpu": seconds, "pages": n} as JSON."""
    logging.disable(logging.CRITICAL)
    fn = _ours if which == "ours" else _trafilatura
    pages = _pages(data)
    fn(pages[0])
    t0 = time.process_time()
    for html in pages:
        fn(html)
    print(json.dumps({"cpu": time.process_time() - t0, "pages": len(pages)}))


def _run(which: str, data: Path, root: Path) -> dict[str, float]:
    cmd = [sys.executable, str(Path(__file__).resolve()), "--worker", which, "--data", str(data)]
    env = {**os.environ, "PYTHONPATH": str(root)}
    out = subprocess.run(cmd, env=env, capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "eval")
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--before", type=Path, help="another checkout whose reader is timed alongside")
    ap.add_argument("--worker", choices=("ours", "trafilatura"), help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.worker:
        worker(args.worker, args.data)
        return 0
    setups = [("newsprism read+clean", "ours", ROOT), ("trafilatura extract()", "trafilatura", ROOT)]
    if args.before:
        setups.append(("newsprism read+clean (before)", "ours", args.before.resolve()))
    print(f"{args.rounds} alternating rounds; load average {os.getloadavg()}")
    cpu: dict[str, list[float]] = {label: [] for label, _, _ in setups}
    pages = 0
    for _ in range(args.rounds):
        for label, which, root in setups:
            got = _run(which, args.data, root)
            cpu[label].append(got["cpu"])
            pages = int(got["pages"])
    base = statistics.median(cpu["trafilatura extract()"])
    for label, runs in cpu.items():
        med = statistics.median(runs)
        print(
            f"  {label:32s} {1000 * med / pages:6.1f} ms CPU/page  ×{med / base:.2f} of trafilatura"
            f"  runs {[round(r, 2) for r in runs]}"
        )
    print(f"{pages} pages; load average after: {os.getloadavg()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
