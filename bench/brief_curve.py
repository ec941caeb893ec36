"""Brief cost by story size, cold and cached, for this tree and (optionally) an older copy.

    PYTHONPATH=. python bench/brief_curve.py --sizes 50 100 200 [--before /tmp/old] [--cached-only]

For each size, a fresh process runs ``bench/brief_speed.py --articles N --docs-per-article 3
--store DB``: first with an empty store (cold: parsing and embedding included), then again on
a copy of the filled store (cached: parses and sentence vectors read back). With ``--before``
the same runs are made with that tree's code (a ``git archive`` copy of main), alternating
with this tree, on copies of the same filled store, so both read the same parses. Prints CPU
seconds (this process and its spaCy workers: on a shared machine the wall time moves with the
load), the growth from the previous size, the report digest (one digest: the same brief), and
the largest steps of each cached run.
``--cached-only`` reuses stores left in ``--work`` by an earlier run.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent.parent
STEPS = (
    "quotes",
    "compare.align",
    "compare.provenance",
    "compare.ledger_quotes",
    "compare.framing",
    "timeline",
)


def run(tree: Path, n: int, store: Path, timeout: float) -> dict:
    """One ``brief_speed.py`` run in a fresh process: CPU seconds and the step timings."""
    env = {**os.environ, "PYTHONPATH": str(tree), "OMP_NUM_THREADS": "1"}
    cmd = [sys.executable, str(HERE / "bench" / "brief_speed.py"), "--articles", str(n)]
    cmd += ["--docs-per-article", "3", "--store", str(store)]
    try:
        out = subprocess.run(cmd, cwd=tree, env=env, capture_output=True, text=True, timeout=timeout).stdout
    except subprocess.TimeoutExpired:
        return {"cpu": float("nan"), "digest": "timed out"}
    found = {m.group(1): float(m.group(2)) for m in re.finditer(r"^\s+(\S+)\s+([\d.]+) s$", out, re.M)}
    cpu = re.search(r"CPU s .* ([\d.]+)$", out, re.M)
    found["cpu"] = float(cpu.group(1)) if cpu else float("nan")
    digest = re.search(r"^report digest .* (\w+)$", out, re.M)
    found["digest"] = digest.group(1) if digest else "-"
    return found


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[50, 100, 200])
    ap.add_argument("--before", type=Path, help="an older tree (git archive copy) run alternately")
    ap.add_argument("--work", type=Path, default=Path("/tmp/brief_curve"))
    ap.add_argument("--cached-only", action="store_true", help="reuse the filled stores in --work")
    ap.add_argument("--timeout", type=float, default=3600.0, help="wall seconds per run (then n/a)")
    args = ap.parse_args()
    args.work.mkdir(parents=True, exist_ok=True)
    trees = {"after": HERE, **({"before": args.before.resolve()} if args.before else {})}
    rows = []
    for n in args.sizes:
        filled = args.work / f"s{n}.db"
        cold = {}
        if not args.cached_only or not filled.exists():
            filled.unlink(missing_ok=True)
            cold = run(HERE, n, filled, args.timeout)
            print(f"  {n} articles: cold {cold['cpu']:.1f} CPU s", flush=True)
        for name, tree in trees.items():
            copy = args.work / f"s{n}-{name}.db"
            shutil.copy(filled, copy)
            cached = run(tree, n, copy, args.timeout)
            print(
                f"  {n} articles, {name}: cached {cached['cpu']:.1f} CPU s, digest {cached['digest']}",
                flush=True,
            )
            rows.append((n, name, cold.get("cpu", float("nan")) if name == "after" else float("nan"), cached))
    print(
        "articles version  cold CPU s  cached CPU s  growth  digest        "
        + "  ".join(f"{s:>14s}" for s in STEPS)
    )
    last: dict[str, float] = {}
    for n, name, cold_cpu, cached in rows:
        growth = cached["cpu"] / last[name] if name in last else float("nan")
        last[name] = cached["cpu"]
        steps = "  ".join(f"{cached.get(s, float('nan')):14.2f}" for s in STEPS)
        print(
            f"{n:8d} {name:8s} {cold_cpu:11.1f} {cached['cpu']:13.1f} {growth:7.2f}  {cached['digest']:12s}  {steps}"
        )
    print("(steps: wall seconds of the cached run; growth: cached CPU over the previous size's)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
