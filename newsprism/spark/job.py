"""The Spark job: the corpus stages as transformations, each table written atomically.

    units ─► read+clean (mapPartitions) ─► articles, rejections
    articles ─► features (mapPartitions) ─► document frequencies (reduceByKey)
    features by link window (groupByKey) ─► standing actors (reduceByKey) ─► hubs
    windows + hubs ─► average-link groups, one task per window ─► groups
    features + df + groups ─► merge, settle (driver, compact features only) ─► stories, members, postings
        └ drafts (ids) ─► one cut task per draft ─► cut plans (ids) ─► applied on the driver
    articles ⋈ members ─► groupBy(story) ─► one brief per story ─► briefs, quotes, provenance

Each table is written to ``OUTPUT/_tmp/`` and renamed into place when complete, and a table
already in place is read back instead of computed: a job killed at any point and run again
gives the same output, and only redoes the tables it had not finished. Every stage is a
function of its input rows only (never of partition order), so any partitioning gives the
same tables. No article text reaches the driver: it lists the inputs (paths), and collects
the features, document frequencies, groups and cut plans (ids) for the rest of the assignment (see
:mod:`newsprism.spark.assign`).
"""

from __future__ import annotations

import bisect
import functools
import json
import logging
import os
import sys
import uuid
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from newsprism.errors import InputError, SettingsError
from newsprism.settings import Settings
from newsprism.spark import assign, tasks
from newsprism.spark import rows as R
from newsprism.spark.assign import assign_counted, member_rows, posting_rows, story_rows
from newsprism.version import __version__

if TYPE_CHECKING:
    from pyspark.sql import DataFrame, SparkSession

__all__ = ["STAGES", "SparkRun", "spark_session"]

log = logging.getLogger(__name__)

# The stages a run can stop after (``until``), in order, and the tables each one writes.
STAGES = {
    "read": ("articles", "rejections"),
    "stories": ("features", "df", "hubs", "groups", "stories", "members", "postings", "meta"),
    "briefs": ("briefs", "quotes", "provenance"),
}
STORY_COLUMNS = {
    "id": "string", "title": "string", "founded_by": "string", "size": "long", "outlets_json": "string",
    "first_published": "string", "last_published": "string", "centroid_json": "string",
    "article_ids": "array<string>",
}  # fmt: skip
MEMBER_COLUMNS = {
    "article_id": "string", "story_id": "string", "seq": "long", "score": "double", "opened": "boolean",
    "vector_json": "string",
}  # fmt: skip
GROUP_COLUMNS = {"window": "long", "article_ids": "array<string>"}
# What the read stage gives: article and rejection rows in one frame, told apart by ``kind``.
READ_COLUMNS = {"kind": "string", **R.ARTICLE_COLUMNS, **R.REJECTION_COLUMNS}
# Each story's quotes and provenance edges travel with its brief as JSON, so the quotes and
# provenance tables are read off the briefs table and a resumed run never analyses a story twice.
BRIEF_COLUMNS = {
    "story_id": "string", "size": "long", "report": "string", "error": "string", "quotes_json": "string",
    "edges_json": "string",
}  # fmt: skip


def spark_session(
    master: str | None = None, app: str = "newsprism", conf: dict[str, str] | None = None
) -> SparkSession:
    """A session for ``master`` (None: what spark-submit gave). In local mode the executors run
    this interpreter, so they see the same installed models as the driver."""
    from pyspark.sql import SparkSession

    builder = SparkSession.builder.appName(app).config("spark.ui.showConsoleProgress", "false")
    if master:
        builder = builder.master(master)
    if master and master.startswith("local"):
        # pyspark starts its workers with $PYSPARK_PYTHON (default: python3 on the PATH, which
        # may be another environment, without the models)
        os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
        builder = builder.config("spark.ui.enabled", "false")
    for key, value in (conf or {}).items():
        builder = builder.config(key, value)
    return builder.getOrCreate()


def _schema(columns: dict[str, str]) -> str:
    return ", ".join(f"`{name}` {kind}" for name, kind in columns.items())


def _tuples(columns: dict[str, str]) -> Callable[[dict[str, Any]], tuple]:
    names = list(columns)
    return lambda row: tuple(row.get(n) for n in names)


def _balanced(units: list[tuple[int, str, str]], n: int) -> list[list[tuple[int, str, str]]]:
    """``units`` in at most ``n`` bins of about equal bytes (largest first into the lightest bin):
    a JSON Lines file can hold thousands of articles, a text file one. Only sizes are read."""
    bins: list[list[tuple[int, str, str]]] = [[] for _ in range(max(1, min(n, len(units))))]
    load = [0] * len(bins)
    for unit in sorted(units, key=lambda u: (-_size(u[2]), u[0])):
        lightest = load.index(min(load))
        bins[lightest].append(unit)
        load[lightest] += _size(unit[2])
    return [b for b in bins if b]


def _size(path: str) -> int:
    try:
        return os.path.getsize(path)
    except OSError:
        return 0  # read (and rejected) by its task


def _read_bins(bins: Any, settings: Settings) -> Any:
    for units in bins:
        yield from tasks.read_units(units, settings)


def _keys(row: Any) -> list[str]:
    return list(json.loads(row["counts_json"]))


class _Files:
    """Exists / delete / rename through Hadoop's FileSystem: local paths, hdfs://, s3a://..."""

    def __init__(self, spark: SparkSession, root: str) -> None:
        sc = spark.sparkContext
        self._path = sc._jvm.org.apache.hadoop.fs.Path
        self.fs = self._path(root).getFileSystem(sc._jsc.hadoopConfiguration())

    def exists(self, path: str) -> bool:
        return bool(self.fs.exists(self._path(path)))

    def delete(self, path: str) -> None:
        self.fs.delete(self._path(path), True)

    def rename(self, source: str, target: str) -> None:
        self.fs.mkdirs(self._path(target).getParent())
        if not self.fs.rename(self._path(source), self._path(target)):
            raise OSError(f"could not move {source} to {target}")


class SparkRun:
    """One run's output directory: ``run`` computes the tables not there yet, in stage order."""

    def __init__(self, spark: SparkSession, output: str, settings: Settings | None = None,
                 partitions: int | None = None) -> None:  # fmt: skip
        self.spark, self.output = spark, output.rstrip("/")
        self.settings = settings or Settings()
        self.partitions = partitions or spark.sparkContext.defaultParallelism * 2
        self.files = _Files(spark, self.output)
        self._cache: dict[str, Any] = {}

    def table(self, name: str) -> DataFrame:
        return self.spark.read.parquet(f"{self.output}/{name}")

    def run(self, inputs: list[str], until: str = "briefs") -> list[str]:
        """Compute every table up to stage ``until`` that is not written yet; returns the tables."""
        if until not in STAGES:
            raise ValueError(f"until: {until!r} is not one of {', '.join(STAGES)}")
        self.files.delete(f"{self.output}/_tmp")  # what a killed run left half written
        self.inputs = inputs
        self._check_resumable()
        names = [t for stage in list(STAGES)[: list(STAGES).index(until) + 1] for t in STAGES[stage]]
        try:
            for name in names:
                self._write(name, getattr(self, f"_make_{name}"))
        finally:
            for cached in self._cache.values():
                if hasattr(cached, "unpersist"):
                    cached.unpersist()
            self._cache.clear()
        return names

    def _check_resumable(self) -> None:
        """A rerun keeps the tables already written: refuse one whose recorded inputs or
        settings (``meta``, written with the stories) differ, rather than mix two runs."""
        if not self.files.exists(f"{self.output}/meta/_SUCCESS"):
            return
        recorded = {r["key"]: r["value"] for r in self.table("meta").collect()}
        if (
            recorded.get("inputs") != json.dumps(self.inputs)
            or recorded.get("settings") != self._settings_json()
        ):
            raise SettingsError(
                f"{self.output} holds a run of other inputs or settings",
                "give a new OUTPUT (or delete this one to start again)",
            )

    def _settings_json(self) -> str:
        return json.dumps(self.settings.to_dict(), sort_keys=True, default=str)

    def counts(self, names: list[str]) -> dict[str, int]:
        """Rows of each table (from the Parquet footers)."""
        return {name: self.table(name).count() for name in names}

    def _write(self, name: str, make: Callable[[], DataFrame]) -> None:
        final = f"{self.output}/{name}"
        if self.files.exists(f"{final}/_SUCCESS"):
            log.info("%s: already written, kept", name)
            return
        tmp = f"{self.output}/_tmp/{name}-{uuid.uuid4().hex}"
        make().write.parquet(tmp)
        if self.files.exists(final):
            self.files.delete(final)
        self.files.rename(tmp, final)
        log.info("%s: written", name)

    def _frame(self, rdd: Any, columns: dict[str, str]) -> DataFrame:
        return self.spark.createDataFrame(rdd.map(_tuples(columns)), _schema(columns))

    def _rows(self, rows: list[dict[str, Any]], columns: dict[str, str]) -> DataFrame:
        return self.spark.createDataFrame([_tuples(columns)(r) for r in rows], _schema(columns))

    # read + clean -----------------------------------------------------------------------
    def _read(self) -> DataFrame:
        """Every article and rejection row of the inputs, tagged by ``kind``; Python reads each
        unit once (the frame is cached), deduplication and splitting run in the JVM."""
        if "read" not in self._cache:
            self._cache["read"] = self._frame(self._read_rdd(), READ_COLUMNS).cache()
        return self._cache["read"]

    def _read_rdd(self) -> Any:
        from newsprism.ingest.inputs import input_units

        sc = self.spark.sparkContext
        local = [a.removeprefix("file://") for a in self.inputs if not _is_uri(a)]
        units, listed = [], []
        for number, unit in enumerate(input_units(local)):
            if isinstance(unit, InputError):
                listed.append({"kind": "rejection", **R.rejection_row(tasks._rejection(unit), number)})
            else:
                units.append((number, *unit))
        bins = _balanced(units, self.partitions)
        read = functools.partial(_read_bins, settings=self.settings)
        rdd = sc.parallelize(bins, max(1, len(bins))).mapPartitions(read)
        for offset, uri in enumerate(a for a in self.inputs if _is_uri(a)):
            blobs = functools.partial(
                tasks.read_blobs, unit=len(units) + len(listed) + offset, settings=self.settings
            )
            rdd = rdd.union(sc.binaryFiles(uri, self.partitions).mapPartitions(blobs))
        return rdd.union(sc.parallelize(listed, 1)) if listed else rdd

    def _make_articles(self) -> DataFrame:
        from pyspark.sql import Window
        from pyspark.sql import functions as F

        # The record read first wins (record counts a unit's articles in read order; the path
        # only parts the files of one hdfs:// glob); the others of its text are its copies.
        same = Window.partitionBy("id")
        first = same.orderBy("unit", "record", "path")
        records = F.sort_array(F.collect_list(F.struct(*R.COPY_FIELDS)).over(same))
        articles = (
            self._read()
            .filter(F.col("kind") == "article")
            .withColumn("_n", F.row_number().over(first))
            .withColumn("copies_json", F.when(F.count("*").over(same) > 1, F.to_json(records)))
        )
        return articles.filter(F.col("_n") == 1).select(*R.ARTICLE_COLUMNS).repartition(self.partitions, "id")

    def _make_rejections(self) -> DataFrame:
        return self._read().filter("kind = 'rejection'").select(*R.REJECTION_COLUMNS).coalesce(1)

    # features, document frequencies, stories ---------------------------------------------
    def _make_features(self) -> DataFrame:
        extract = functools.partial(tasks.feature_rows, settings=self.settings)
        return self._frame(self.table("articles").rdd.mapPartitions(extract), R.FEATURE_COLUMNS)

    def _make_df(self) -> DataFrame:
        pairs = self.table("features").rdd.flatMap(_keys).map(lambda k: (k, 1))
        counted = pairs.reduceByKey(lambda a, b: a + b, self.partitions)
        return self._frame(
            counted.map(lambda kv: {"feature": kv[0], "df": kv[1]}), {"feature": "string", "df": "long"}
        )

    def _df(self) -> dict[str, int]:
        """The document frequencies on the driver (features and counts, no text)."""
        if "df" not in self._cache:
            self._cache["df"] = {r["feature"]: r["df"] for r in self.table("df").toLocalIterator()}
        return self._cache["df"]

    def _n_docs(self) -> int:
        if "n_docs" not in self._cache:
            self._cache["n_docs"] = self.table("features").count()
        return self._cache["n_docs"]

    def _windows(self) -> Any:
        """(window, [(arrival key, features row)]): the features cut into the batch's link
        windows, and the document frequencies broadcast to the tasks. The driver sorts the
        arrival keys (dates and ids, no text) and sends out the first key of each window; each
        row finds its window from them, so one shuffle groups the windows."""
        if "windows" not in self._cache:
            self._cache["broadcast"] = self.spark.sparkContext.broadcast(self._df())
            keyed = self.table("features").select("published", "article_id").toLocalIterator()
            starts = sorted(assign.arrival_row_key(r) for r in keyed)[:: self.settings.stories.link_window]
            by_window = functools.partial(_by_window, starts=starts)
            windows = self.table("features").rdd.map(by_window).groupByKey(self.partitions)
            self._cache["windows"] = windows.cache()  # the hubs and the groups both go over it
        return self._cache["windows"], self._cache["broadcast"]

    def _make_hubs(self) -> DataFrame:
        s = self.settings.stories
        if not assign.finds_hubs(s, self._n_docs()):
            return self._rows([], {"feature": "string"})
        windows, df = self._windows()
        spread = functools.partial(_spread, df=df, n_docs=self._n_docs(), settings=s)
        counted = windows.flatMap(spread).reduceByKey(lambda a, b: a + b, self.partitions)
        hubs = counted.filter(functools.partial(_is_hub, least=s.hub_groups)).map(
            lambda kv: {"feature": kv[0]}
        )
        return self._frame(hubs, {"feature": "string"})

    def _make_groups(self) -> DataFrame:
        s = self.settings.stories
        if s.link_threshold <= 0.0:
            return self._rows([], GROUP_COLUMNS)  # the greedy join: nothing is linked by windows
        windows, df = self._windows()
        hubs = frozenset(r["feature"] for r in self.table("hubs").collect())
        link = functools.partial(_groups, df=df, n_docs=self._n_docs(), settings=s, hubs=hubs)
        return self._frame(windows.flatMap(link), GROUP_COLUMNS)

    def _assigned(self) -> tuple[Any, Any]:
        if "assigned" not in self._cache:
            s = self.settings.stories
            df = self._df()
            features = self.table("features").select(*R.FEATURE_COLUMNS)  # compact columns, no text
            feats = [R.row_features(r) for r in features.toLocalIterator()]
            hubs = frozenset(r["feature"] for r in self.table("hubs").collect())
            groups = None
            if s.link_threshold > 0.0:
                groups = [list(r["article_ids"]) for r in self.table("groups").toLocalIterator()]
            cut = functools.partial(self._cut_drafts, hubs=hubs)
            self._cache["assigned"] = assign_counted(feats, df, len(feats), s, hubs, groups, cut)
        return self._cache["assigned"]

    def _cut_drafts(self, drafts: list[list[str]], hubs: frozenset[str]) -> list[dict[str, Any]]:
        """Each draft story cut by one task: the driver broadcasts the drafts' members (ids),
        each features row finds its draft, one shuffle groups them; the plans come back (ids)."""
        if not drafts:
            return []
        sc = self.spark.sparkContext
        place = sc.broadcast({a: (n, p) for n, ids in enumerate(drafts) for p, a in enumerate(ids)})
        if "broadcast" not in self._cache:  # a resumed run whose groups were written already
            self._cache["broadcast"] = sc.broadcast(self._df())
        df = self._cache["broadcast"]
        members = self.table("features").rdd.flatMap(functools.partial(_in_draft, place=place))
        cut = functools.partial(_cut, df=df, n_docs=self._n_docs(), settings=self.settings.stories, hubs=hubs)
        try:
            return members.groupByKey(self.partitions).map(cut).collect()
        finally:
            place.unpersist()

    def _make_stories(self) -> DataFrame:
        return self._rows(story_rows(self._assigned()[0]), STORY_COLUMNS)

    def _make_members(self) -> DataFrame:
        return self._rows(member_rows(*self._assigned()), MEMBER_COLUMNS)

    def _make_postings(self) -> DataFrame:
        columns = {"feature": "string", "story_id": "string", "rank": "long"}
        return self._rows(posting_rows(self._assigned()[0]), columns)

    def _make_meta(self) -> DataFrame:
        n_docs = self.table("features").count()
        values = {
            "version": __version__, "n_docs": str(n_docs), "inputs": json.dumps(self.inputs),
            "settings": self._settings_json(),
        }  # fmt: skip
        rows = [{"key": k, "value": v} for k, v in values.items()]
        return self._rows(rows, {"key": "string", "value": "string"})

    # one brief per story ----------------------------------------------------------------------
    def _make_briefs(self) -> DataFrame:
        members = self.table("members").selectExpr("article_id AS id", "story_id", "seq")
        joined = self.table("articles").join(members, "id")  # in the JVM: rows reach Python once
        by_story = joined.rdd.map(lambda r: (r["story_id"], (r["seq"], r)))
        brief = functools.partial(_brief, settings=self.settings)
        return self._frame(by_story.groupByKey(self.partitions).map(brief), BRIEF_COLUMNS)

    def _make_quotes(self) -> DataFrame:
        rows = self.table("briefs").select("quotes_json").rdd.flatMap(lambda b: json.loads(b[0]))
        return self._frame(rows, R.QUOTE_COLUMNS)

    def _make_provenance(self) -> DataFrame:
        rows = self.table("briefs").select("edges_json").rdd.flatMap(lambda b: json.loads(b[0]))
        return self._frame(rows, R.EDGE_COLUMNS)


def _by_window(row: Any, starts: list[tuple[str, str]]) -> tuple[int, tuple[tuple[str, str], dict[str, Any]]]:
    key = assign.arrival_row_key(row)
    return bisect.bisect_right(starts, key) - 1, (key, row.asDict())


def _spread(item: tuple[int, Any], df: Any, n_docs: int, settings: Any) -> list[tuple[str, int]]:
    return assign.window_spread(item[1], df.value, n_docs, settings)


def _is_hub(kv: tuple[str, int], least: int) -> bool:
    return kv[1] >= least


def _groups(
    item: tuple[int, Any], df: Any, n_docs: int, settings: Any, hubs: frozenset[str]
) -> list[dict[str, Any]]:
    return assign.window_groups(item[0], item[1], df.value, n_docs, settings, hubs)


def _in_draft(row: Any, place: Any) -> list[tuple[int, tuple[int, dict[str, Any]]]]:
    found = place.value.get(row["article_id"])
    return [] if found is None else [(found[0], (found[1], row.asDict()))]


def _cut(item: tuple[int, Any], df: Any, n_docs: int, settings: Any, hubs: frozenset[str]) -> dict[str, Any]:
    return assign.draft_cuts(item[0], item[1], df.value, n_docs, settings, hubs)


def _brief(item: tuple[str, Any], settings: Settings) -> dict[str, Any]:
    row = tasks.brief_of_story(item[0], list(item[1]), settings)
    quotes, edges = row.pop("quotes"), row.pop("edges")
    return {
        **row,
        "quotes_json": json.dumps(quotes, ensure_ascii=False),
        "edges_json": json.dumps(edges, ensure_ascii=False),
    }


def _is_uri(arg: str) -> bool:
    """An input Hadoop reads (hdfs://, s3a://, ...), not a local path (file:// is read as one)."""
    return "://" in arg and not arg.startswith("file://")
