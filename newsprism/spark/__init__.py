"""The corpus stages as a PySpark job, with Parquet in and out (see docs/spark.md).

    from newsprism.spark import SparkRun, spark_session
    SparkRun(spark_session("local[*]"), "out/").run(["articles/"])
    from newsprism.spark.export import export_run
    export_run("out/", "news.db")

:mod:`.tasks` holds what executors run (the local code over rows, no pyspark import),
:mod:`.assign` the story assignment (window links and draft cuts as tasks, the rest on the
driver over compact features), :mod:`.job` the
transformations and the atomic writes, :mod:`.export` the load into the SQLite store.
pyspark is imported only by :mod:`.job` (``pip install pyspark``; Spark needs Java 17).
"""

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from newsprism.spark.export import export_run
    from newsprism.spark.job import SparkRun, spark_session

__all__ = ["SparkRun", "export_run", "spark_session"]

_EXPORTS = {
    "SparkRun": "newsprism.spark.job",
    "spark_session": "newsprism.spark.job",
    "export_run": "newsprism.spark.export",
}


def __getattr__(name: str) -> object:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'newsprism.spark' has no attribute {name!r}")
    import importlib

    return getattr(importlib.import_module(module), name)
