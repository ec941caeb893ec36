"""Equality of the Spark job with the local path on given inputs (default: the seeds), to the briefs.

    python bench/spark_equal.py                               # /work/shared/seeds, 1 and 3 partitions
    python bench/spark_equal.py DIR... --partitions 1,4 --until stories

The tests check equality on the bundled example and generated corpora (they may not read
../shared); this runs the same comparison on real articles: the same article ids, stories
(members in joining order) and whole briefs (quote groups and ledger included, timings left
out) from ``load_articles`` + ``cluster`` + ``analyze_articles`` and from a Spark ``local[2]``
run with each partitioning. Prints one JSON object; exits 1 on any difference.
"""

from __future__ import annotations

import argparse
import glob
import json
import os
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.spark_speed import tree_cpu  # noqa: E402
from newsprism.settings import Settings  # noqa: E402
from tests.spark_paths import local_path, spark_tables  # noqa: E402

SEEDS = "/work/shared/seeds"


def _differences(want: dict[str, Any], got: dict[str, Any]) -> dict[str, int]:
    """Per table, how many keys differ (missing, extra or another value)."""
    return {
        table: sum(
            want[table].get(k) != got.get(table, {}).get(k)
            for k in set(want[table]) | set(got.get(table, {}))
        )
        for table in want
    }


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("inputs", nargs="*", default=[SEEDS])
    p.add_argument("--partitions", default="1,3", help="comma-separated partition counts")
    p.add_argument("--until", choices=("stories", "briefs"), default="briefs")
    args = p.parse_args()
    inputs = [m for a in args.inputs for m in (sorted(glob.glob(a)) or [a])]
    briefs = args.until == "briefs"
    cpu, start = tree_cpu(os.getpid()), time.perf_counter()
    want = local_path(inputs, briefs)
    result: dict[str, Any] = {
        "inputs": args.inputs, "articles": len(want["articles"]), "stories": len(want["stories"]),
        "local": {"s": round(time.perf_counter() - start, 1), "cpu_s": round(tree_cpu(os.getpid()) - cpu, 1)},
    }  # fmt: skip
    from newsprism.spark.job import SparkRun, spark_session

    spark = spark_session("local[2]", "newsprism-equal", {"spark.sql.shuffle.partitions": "4"})
    spark.sparkContext.setLogLevel("ERROR")
    equal = True
    with tempfile.TemporaryDirectory(prefix="spark-equal-") as scratch:
        for n in (int(x) for x in args.partitions.split(",")):
            out = Path(scratch) / f"p{n}"
            cpu, start = tree_cpu(os.getpid()), time.perf_counter()
            SparkRun(spark, str(out), Settings(), partitions=n).run(inputs, until=args.until)
            diff = _differences(want, spark_tables(out))
            equal &= not any(diff.values())
            result[f"spark_p{n}"] = {
                "differing": diff, "s": round(time.perf_counter() - start, 1),
                "cpu_s": round(tree_cpu(os.getpid()) - cpu, 1),
            }  # fmt: skip
    spark.stop()
    result["equal"] = equal
    print(json.dumps(result, indent=2))
    return 0 if equal else 1


if __name__ == "__main__":
    sys.exit(main())
