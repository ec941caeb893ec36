"""Cost of one `newsprism ingest` batch against a store that already holds many articles.

For each store size, a store is built under /tmp (never in the repo) the way
`newsprism ingest` builds it: the generated corpus of bench/stories_scale.py,
shuffled with a fixed seed (so a new batch joins old stories as well as opening new
ones), stored and assigned 1,000 articles at a time. Then 1,000 more articles are
stored, unassigned, and one batch is timed on a fresh copy of the file, in its own
process (clean peak RSS), with two versions of the code:

- before: the package at ``--before`` (a git ref, exported under /tmp; default ``main``,
  and once the lazy index is on main, a commit before it, e.g. ``ef4fa57``), which
  loads the whole index from SQLite (``load_index``);
- after: this checkout, which reads only what the batch needs.

Both must give the same assignments (their digests are printed and compared).

    PYTHONPATH=. python bench/stories_ingest.py --data /work/shared/eval --sizes 10000 100000

Stores are cached under /tmp/newsprism-bench (``--rebuild`` to build them again: about
40 s at 10k and 8-10 min at 100k on this machine).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import resource
import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from stories_ecbplus import DEFAULT_DATA  # noqa: E402
from stories_scale import generate  # noqa: E402

from newsprism.store import Store  # noqa: E402
from newsprism.stories.persist import assign_stories  # noqa: E402

WORK = Path("/tmp/newsprism-bench")
ROOT = Path(__file__).resolve().parent.parent


def build(n: int, batch: int, data: Path, path: Path) -> dict[str, Any]:
    """A store with ``n`` assigned articles and ``batch`` more stored but not yet assigned."""
    arts, _ = generate(n + batch, data)
    random.Random(11).shuffle(arts)
    path.unlink(missing_ok=True)
    last: dict[str, Any] = {}
    start = time.perf_counter()
    with Store(path) as store:
        for lo in range(0, n, batch):
            chunk = arts[lo : min(lo + batch, n)]
            store.add_articles(chunk)
            t = time.perf_counter()
            got = assign_stories(store, chunk)
            last = {"stored_before": lo, "assign_s": round(time.perf_counter() - t, 2), "assigned": len(got)}
        store.add_articles(arts[n : n + batch])
    return {"built_s": round(time.perf_counter() - start, 1), "last_build_batch": last}


def _timed(fn: Callable[..., Any], spent: list[float]) -> Callable[..., Any]:
    """``fn`` adding its wall and CPU seconds to ``spent``."""

    def wrapper(*args: Any) -> Any:
        t, c = time.perf_counter(), time.process_time()
        try:
            return fn(*args)
        finally:
            spent[0] += time.perf_counter() - t
            spent[1] += time.process_time() - c

    return wrapper


def run_one(mode: str, path: Path) -> dict[str, Any]:
    """Time one `newsprism ingest` batch (after its files are stored) with the code on PYTHONPATH."""
    from newsprism.stories import index as index_module
    from newsprism.stories import persist

    t0, c0 = time.perf_counter(), time.process_time()
    feat, load = [0.0, 0.0], [0.0, 0.0]
    for module in (persist, index_module):  # wherever this version calls it from
        if hasattr(module, "extract_features"):
            module.extract_features = _timed(module.extract_features, feat)  # type: ignore[attr-defined]
    if mode == "before":
        persist.load_index = _timed(persist.load_index, load)  # type: ignore[assignment]
    else:
        from newsprism.stories import lazy

        for name in ("_df", "_postings", "_profiles", "_assigned", "recent_vectors"):
            if hasattr(lazy, name):
                setattr(lazy, name, _timed(getattr(lazy, name), load))
    with Store(path) as store:
        arts = persist.unassigned_articles(store)
        c1 = time.process_time()
        got = persist.assign_stories(store, arts)
        t2, c2 = time.perf_counter(), time.process_time()
        stored = store.conn.execute("SELECT count(*) FROM story_members").fetchone()[0] - len(got)
    digest = hashlib.sha256(json.dumps([list(map(str, vars(a).values())) for a in got]).encode()).hexdigest()
    return {
        "mode": mode,
        "stored_articles": stored,
        "batch": len(arts),
        # CPU seconds (comparable on a shared machine), then wall seconds.
        "cpu": {
            "read_batch": round(c1 - c0, 2),  # open the store, find and read the unassigned articles
            "features": round(feat[1], 2),
            "load": round(load[1], 2),  # before: load_index; after: every read from the story tables
            "cluster_write": round(c2 - c1 - feat[1] - load[1], 2),
            "total": round(c2 - c0, 2),  # the whole call after the files are stored
        },
        "wall": {"load": round(load[0], 2), "total": round(t2 - t0, 2)},
        "peak_rss_mb": peak_rss_mb(),
        "opened": sum(a.opened for a in got),
        "joined": sum(not a.opened for a in got),
        "digest": digest[:16],
    }


def peak_rss_mb() -> int:
    """This process's peak RSS. VmHWM, not ru_maxrss: Linux carries ru_maxrss over exec, so a
    child started by a parent that built a big store would report the parent's memory."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return round(int(line.split()[1]) / 1024)
    except OSError:
        pass
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)


def checkout(ref: str) -> Path:
    """The package as it is at git ``ref`` (exported under /tmp), to run the 'before' side."""
    sha = subprocess.run(
        ["git", "-C", str(ROOT), "rev-parse", ref], check=True, capture_output=True, text=True
    )
    out = WORK / f"code-{sha.stdout.strip()[:12]}"
    if not out.exists():
        out.mkdir(parents=True)
        tar = subprocess.run(
            ["git", "-C", str(ROOT), "archive", ref, "newsprism"], check=True, capture_output=True
        )
        subprocess.run(["tar", "-x", "-C", str(out)], input=tar.stdout, check=True)
    return out


def measure(mode: str, db: Path, code: Path) -> dict[str, Any]:
    copy = db.with_name(f"{db.stem}-{mode}.db")
    shutil.copyfile(db, copy)
    cmd = [sys.executable, __file__, "--one", mode, str(copy)]
    env = {**os.environ, "PYTHONPATH": str(code)}
    out = subprocess.run(cmd, check=True, capture_output=True, text=True, env=env).stdout
    copy.unlink()
    return json.loads(out.strip().splitlines()[-1])


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--sizes", type=int, nargs="+", default=[10000, 100000])
    ap.add_argument("--batch", type=int, default=1000)
    ap.add_argument("--rebuild", action="store_true", help="build the stores again even when cached")
    ap.add_argument("--before", default="main", help="git ref of the code to compare with (default: main)")
    ap.add_argument("--one", nargs=2, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.one:
        print(json.dumps(run_one(args.one[0], Path(args.one[1]))))
        return 0
    WORK.mkdir(exist_ok=True)
    for n in args.sizes:
        db = WORK / f"ingest-{n}-{args.batch}.db"
        if args.rebuild or not db.exists():
            print(json.dumps({"store": n, **build(n, args.batch, args.data, db)}), flush=True)
        rows = [measure("before", db, checkout(args.before)), measure("after", db, ROOT)]
        for row in rows:
            print(json.dumps({"db_mb": round(db.stat().st_size / 2**20), **row}), flush=True)
        same = rows[0]["digest"] == rows[1]["digest"]
        print(
            f"{n} stored, CPU s: before {rows[0]['cpu']['total']} (load {rows[0]['cpu']['load']}),"
            f" after {rows[1]['cpu']['total']} (reads {rows[1]['cpu']['load']}); peak RSS MB:"
            f" before {rows[0]['peak_rss_mb']}, after {rows[1]['peak_rss_mb']};"
            f" same assignments: {same}",
            flush=True,
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
