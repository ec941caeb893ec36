"""``newsprism spark run INPUT... OUTPUT`` and ``newsprism spark export OUTPUT DB`` (docs/spark.md).

``run`` needs pyspark and Java (``pip install 'newsprism[spark]'``); ``export`` needs neither.
Under ``spark-submit`` the master comes from spark-submit (``python -m newsprism.spark`` is the
packaged entry point); otherwise ``--master`` says where to run, ``local[*]`` by default.
"""

from __future__ import annotations

import argparse
import signal
import time
from typing import TYPE_CHECKING, Any

from newsprism.cli.common import common_parser, dump
from newsprism.cli.output import add_output, emit
from newsprism.errors import NewsprismError, SettingsError

if TYPE_CHECKING:  # a type only: `newsprism --help` does not load the settings module
    from newsprism.settings import Settings

__all__ = ["add_spark", "run_spark"]

STAGE_NAMES = ("read", "stories", "briefs")


def add_spark(s: argparse.ArgumentParser) -> None:
    sub = s.add_subparsers(dest="spark_command", required=True, metavar="ACTION")
    run = sub.add_parser("run", parents=[common_parser()], help="run the corpus stages on Spark into OUTPUT")
    run.add_argument("inputs", nargs="+", metavar="INPUT",
                     help="files, directories, globs, WARC files (local), or hdfs://, s3a:// ... paths")  # fmt: skip
    run.add_argument("run_dir", metavar="OUTPUT", help="directory of the Parquet tables (a rerun resumes it)")
    run.add_argument("--master", help="local[*], local[N], spark://HOST:PORT, yarn, k8s://...; "
                     "default: spark-submit's, else local[*]")  # fmt: skip
    run.add_argument("--partitions", type=int, default=0, metavar="N", help="partitions of each stage")
    run.add_argument("--until", choices=STAGE_NAMES, default="briefs", help="the last stage to run")
    run.add_argument("--conf", action="append", default=[], metavar="KEY=VALUE", help="a Spark setting")
    add_output(run, ("json", "text"))
    export = sub.add_parser("export", parents=[common_parser()], help="load a run's tables into a store DB")
    export.add_argument("run_dir", metavar="OUTPUT")
    export.add_argument("db", metavar="DB")
    add_output(export, ("json", "text"))


def _conf(pairs: list[str]) -> dict[str, str]:
    conf = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key:
            raise SettingsError(f"--conf {pair!r} is not KEY=VALUE", "e.g. --conf spark.executor.memory=4g")
        conf[key] = value
    return conf


def _text(result: dict[str, Any]) -> str:
    counts = ", ".join(f"{n} {table}" for table, n in result["tables"].items())
    return (
        f"{result['output']}: {counts}" + (f" in {result['seconds']} s" if "seconds" in result else "") + "\n"
    )


def _run(args: argparse.Namespace, settings: Settings) -> int:
    try:
        from newsprism.spark.job import SparkRun, spark_session
    except ImportError as exc:
        raise NewsprismError(f"Spark is not installed ({exc})", "pip install 'newsprism[spark]'") from None
    from pyspark.sql import SparkSession

    start = time.perf_counter()
    ours = SparkSession.getActiveSession() is None  # a caller's session (a notebook, a test) stays up
    sigint = signal.getsignal(signal.SIGINT)  # pyspark puts in a handler that fails once it stopped
    spark = spark_session(args.master, conf=_conf(args.conf))
    try:
        run = SparkRun(spark, args.run_dir, settings, args.partitions or None)
        tables = run.counts(run.run(args.inputs, until=args.until))
    finally:
        if ours:
            spark.stop()
            signal.signal(signal.SIGINT, sigint)
    result = {"output": args.run_dir, "tables": tables, "seconds": round(time.perf_counter() - start, 1)}
    emit(args, result, {"json": dump, "text": _text})
    return 1 if tables.get("rejections") else 0


def _export(args: argparse.Namespace, settings: Settings) -> int:
    from newsprism.spark.export import export_run

    result = {"output": args.db, "tables": export_run(args.run_dir, args.db)}
    emit(args, result, {"json": dump, "text": _text})
    return 0


def run_spark(args: argparse.Namespace, settings: Settings) -> int:
    return _run(args, settings) if args.spark_command == "run" else _export(args, settings)
