"""Cold start: wall and CPU time of `newsprism --help` (and other light commands) against bare Python.

    python bench/cold_start.py [--rounds 10] [--python .venv/bin/python] [--before ../main]

Each round runs, one after the other, bare ``python -c pass`` and every command below in a
fresh process (with ``--before DIR``, also each command from that other checkout, e.g. the
code before a change), so that the machine's load hits them alike; prints the median and
the spread per command, the median CPU seconds of the process (user + system: what a loaded
machine moves least), the load average, and which heavy libraries each command imported.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HEAVY = ("scipy", "spacy", "onnxruntime", "trafilatura", "numpy")
COMMANDS = {
    "bare python": ["-c", "pass"],
    "newsprism --help": ["-m", "newsprism", "--help"],
    "newsprism analyze --help": ["-m", "newsprism", "analyze", "--help"],
    "newsprism config": ["-m", "newsprism", "config"],
}
_PROBE = (
    "import runpy, sys\n"
    "sys.argv = {argv!r}\n"
    "try:\n    runpy.run_module('newsprism', run_name='__main__')\n"
    "except SystemExit:\n    pass\n"
    "print(' '.join(m for m in {heavy!r} if m in sys.modules), file=sys.stderr)\n"
)


def wall(python: str, args: list[str], root: Path) -> tuple[float, float]:
    """(wall seconds, CPU seconds) of one run in a fresh process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    subprocess.run([python, *args], cwd=root, env=_env(root), stdout=subprocess.DEVNULL, check=False)
    elapsed = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    return elapsed, cpu


def _env(root: Path) -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(root)}


def heavy_imported(python: str, args: list[str], root: Path) -> str:
    """The heavy libraries a command leaves in sys.modules (run once, not timed)."""
    if args[:2] != ["-m", "newsprism"]:
        return ""
    probe = _PROBE.format(argv=["newsprism", *args[2:]], heavy=HEAVY)
    out = subprocess.run(
        [python, "-c", probe], cwd=root, env=_env(root), capture_output=True, text=True, check=False
    )
    return out.stderr.strip().splitlines()[-1] if out.stderr.strip() else ""


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rounds", type=int, default=10)
    ap.add_argument("--python", default=sys.executable)
    ap.add_argument("--before", type=Path, help="another checkout to time side by side")
    args = ap.parse_args()
    print(f"{args.rounds} alternating rounds; load average {os.getloadavg()}")
    runs = [(name, argv, ROOT) for name, argv in COMMANDS.items()]
    if args.before:
        runs += [
            (f"{name} (before)", argv, args.before) for name, argv in COMMANDS.items() if argv[0] == "-m"
        ]
    times: dict[str, list[float]] = {name: [] for name, _, _ in runs}
    cpus: dict[str, list[float]] = {name: [] for name, _, _ in runs}
    for _ in range(args.rounds):
        for name, argv, root in runs:
            elapsed, cpu = wall(args.python, argv, root.resolve())
            times[name].append(elapsed)
            cpus[name].append(cpu)
    for name, argv, root in runs:
        t = sorted(times[name])
        heavy = heavy_imported(args.python, argv, root.resolve()) or "none"
        print(
            f"  {name:35s} median {statistics.median(t):.3f} s  (min {t[0]:.3f}, max {t[-1]:.3f})"
            f"  CPU {statistics.median(cpus[name]):.3f} s  heavy imports: {heavy}"
        )
    print(f"load average after: {os.getloadavg()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
