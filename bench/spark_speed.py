"""Articles/s of the local path and of the Spark job in local[2] on the same generated corpus.

    python bench/spark_speed.py --articles 10000                 # read + clean, local vs Spark
    python bench/spark_speed.py --articles 10000 --stories       # + fast features and the stories
    python bench/spark_speed.py --articles 1000 --nlp            # + spaCy NER features and stories
    python bench/spark_speed.py --articles 100000 --spark-only   # growth of the Spark read + clean

The corpus is tests/spark_corpus.py's (made-up events told by six outlets, JSON Lines files of 25
articles and some text files). The local path is ``load_articles`` (its process pool, 2 workers
on this machine), then with ``--stories`` ``cluster`` (``--nlp``: with ``stories.entities =
"spacy"``). The Spark path is ``SparkRun.run(until="read")`` (``"stories"`` with ``--stories`` or
``--nlp``) in a local[2] session; the session's start is timed apart. Peak memory: the Python
driver (ru_maxrss), the JVM (driver and executors share it in local mode) and the Python workers
(VmHWM of each, largest and sum), sampled from /proc while the job runs. ``driver_cpu_s``: the
Python driver's own CPU (with ``--stories``, the share of the story assignment left on it);
``cut_step_driver_cpu_s``: the part of it spent sending the drafts out to be cut and reading the
plans back (the cut step, when the version has it).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from newsprism.analyze import load_articles  # noqa: E402
from newsprism.settings import Settings  # noqa: E402
from tests.spark_corpus import write_corpus  # noqa: E402


def _status(pid: int, key: str) -> int:
    """A /proc/PID/status figure in MB (VmRSS, VmHWM), 0 when the process is gone."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith(key + ":"):
                return int(line.split()[1]) // 1024
    except OSError:
        pass
    return 0


def tree_cpu(root: int) -> float:
    """CPU seconds (user + system) of a process and all its descendants, reaped ones included:
    the fair measure on a machine whose cores other jobs share."""
    tick, total = os.sysconf("SC_CLK_TCK"), 0.0
    for pid in [root, *_descendants(root)]:
        try:
            stat = Path(f"/proc/{pid}/stat").read_text()
        except OSError:
            continue
        total += sum(int(x) for x in stat[stat.rindex(")") + 2 :].split()[11:15]) / tick
    return total


def _descendants(root: int) -> dict[int, str]:
    parents: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                stat = Path(f"/proc/{entry}/stat").read_text()
            except OSError:
                continue
            parents.setdefault(int(stat[stat.rindex(")") + 2 :].split()[1]), []).append(int(entry))
    found, stack = {}, [root]
    while stack:
        for kid in parents.get(stack.pop(), []):
            try:
                found[kid] = Path(f"/proc/{kid}/cmdline").read_bytes().replace(b"\0", b" ").decode()
            except OSError:
                continue
            stack.append(kid)
    return found


class Peaks:
    """Samples the JVM's and the Python workers' memory every half second."""

    def __init__(self) -> None:
        self.jvm = self.worker = self.workers = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._loop, daemon=True)

    def __enter__(self) -> Peaks:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._sample()
        self._stop.set()
        self._thread.join()

    def _loop(self) -> None:
        while not self._stop.wait(0.5):
            self._sample()

    def _sample(self) -> None:
        procs = _descendants(os.getpid())
        jvm = [p for p, cmd in procs.items() if "java" in cmd.split(" ")[0]]
        workers = [p for p, cmd in procs.items() if "python" in cmd.split(" ")[0]]
        self.jvm = max([self.jvm] + [_status(p, "VmHWM") for p in jvm])
        rss = [_status(p, "VmHWM") for p in workers]
        self.worker = max([self.worker, *rss])
        self.workers = max(self.workers, sum(_status(p, "VmRSS") for p in workers))


def _local(inputs: list[str], nlp: bool, stories: bool) -> dict[str, float]:
    settings = Settings().with_values({"stories": {"entities": "spacy"}}, "bench") if nlp else Settings()
    start, cpu = time.perf_counter(), tree_cpu(os.getpid())
    batch = load_articles(inputs, settings)
    read = time.perf_counter() - start
    out = {
        "articles": len(batch.articles), "read_s": round(read, 1), "read_per_s": round(len(batch.articles) / read, 1),
        "read_cpu_s": round(tree_cpu(os.getpid()) - cpu, 1),
    }  # fmt: skip
    if nlp or stories:
        from newsprism.stories import cluster

        stories = cluster(batch.articles, settings.stories)
        total = time.perf_counter() - start
        out |= {"stories": len(stories), "total_s": round(total, 1), "per_s": round(len(batch.articles) / total, 1),
                "total_cpu_s": round(tree_cpu(os.getpid()) - cpu, 1)}  # fmt: skip
    out["driver_peak_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
    out["pool_peak_mb"] = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss // 1024
    return out


def _timed_step(run: Any, name: str) -> list[float]:
    """The driver's CPU seconds in each call of ``run.<name>`` (when this version has that step)."""
    spent: list[float] = []
    step = getattr(run, name, None)
    if step is not None:

        def timed(*args: Any, **kwargs: Any) -> Any:
            start = time.process_time()
            try:
                return step(*args, **kwargs)
            finally:
                spent.append(time.process_time() - start)

        setattr(run, name, timed)
    return spent


def _spark(inputs: list[str], nlp: bool, stories: bool, partitions: int, scratch: Path) -> dict[str, float]:
    from newsprism.spark.job import SparkRun, spark_session

    settings = Settings().with_values({"stories": {"entities": "spacy"}}, "bench") if nlp else Settings()
    start = time.perf_counter()
    conf = {"spark.sql.shuffle.partitions": str(partitions), "spark.driver.memory": "2g"}
    spark = spark_session("local[2]", "newsprism-bench", conf)
    spark.sparkContext.setLogLevel("ERROR")
    session = time.perf_counter() - start
    out_dir = scratch / "spark-out"
    shutil.rmtree(out_dir, ignore_errors=True)
    run = SparkRun(spark, str(out_dir), settings, partitions)
    cuts = _timed_step(run, "_cut_drafts")  # the driver's share of the cuts made on executors
    with Peaks() as peaks:
        start, cpu, own = time.perf_counter(), tree_cpu(os.getpid()), time.process_time()
        run.run(inputs, until="stories" if nlp or stories else "read")
        took, cpu = time.perf_counter() - start, tree_cpu(os.getpid()) - cpu
        own = time.process_time() - own
    stories = nlp or stories
    counts = run.counts(["articles"] + (["stories"] if stories else []))
    spark.stop()
    n = counts["articles"]
    return {
        "articles": n, **({"stories": counts["stories"]} if stories else {}), "session_s": round(session, 1),
        "job_s": round(took, 1), "per_s": round(n / took, 1), "job_cpu_s": round(cpu, 1),
        "driver_cpu_s": round(own, 1), **({"cut_step_driver_cpu_s": round(sum(cuts), 2)} if cuts else {}),
        "driver_peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024,
        "jvm_peak_mb": peaks.jvm, "worker_peak_mb": peaks.worker, "workers_peak_sum_mb": peaks.workers,
    }  # fmt: skip


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--articles", type=int, default=10_000)
    p.add_argument("--stories", action="store_true", help="also the (fast) features and the stories")
    p.add_argument("--nlp", action="store_true", help="also spaCy NER features and the stories")
    p.add_argument("--spark-only", action="store_true")
    p.add_argument("--local-only", action="store_true")
    p.add_argument("--partitions", type=int, default=8)
    p.add_argument("--scratch", default=None, help="where the corpus and output go (default: a temp dir)")
    args = p.parse_args()
    scratch = Path(args.scratch or tempfile.mkdtemp(prefix="spark-bench-"))
    corpus = scratch / f"corpus-{args.articles}"
    if not corpus.exists():
        write_corpus(corpus, args.articles // 5, 5, seed=13)
    result: dict[str, object] = {
        "articles": args.articles, "stories": args.stories, "nlp": args.nlp, "cpus": os.cpu_count()
    }  # fmt: skip
    if not args.spark_only:
        result["local"] = _local([str(corpus)], args.nlp, args.stories)
    if not args.local_only:
        result["spark_local2"] = _spark([str(corpus)], args.nlp, args.stories, args.partitions, scratch)
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
