"""The Spark job against the local path (issue 13): Spark in local[2] mode, one session per module.

Equal results: the same article ids, stories (members in order) and briefs (quote groups,
ledger, everything but timings) as load_articles + cluster + analyze_articles, with two
partitionings; bad input is a rejection row; a run interrupted between stages resumes to the
same tables; the export loads into a store that ``stories`` and ``show`` read.
"""

from __future__ import annotations

import json
import shutil
import signal
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("pyspark", reason="pyspark is not installed (make install-test)")
if shutil.which("java") is None:
    pytest.skip("Spark needs java (make java)", allow_module_level=True)

from newsprism.analyze import ingest, load_articles  # noqa: E402
from newsprism.cli import main  # noqa: E402
from newsprism.errors import SettingsError  # noqa: E402
from newsprism.settings import Settings, StorySettings  # noqa: E402
from newsprism.spark.export import export_run, read_rows  # noqa: E402
from newsprism.spark.job import SparkRun, spark_session  # noqa: E402
from newsprism.spark.rows import row_article  # noqa: E402
from newsprism.store import Store  # noqa: E402
from tests.spark_corpus import write_corpus  # noqa: E402
from tests.spark_paths import local_path, spark_tables  # noqa: E402
from tests.warc_helpers import page, write_warc  # noqa: E402

EXAMPLE = str(Path(__file__).resolve().parent.parent / "examples" / "harbour-fire")


@pytest.fixture(scope="module")
def spark() -> Any:
    conf = {
        "spark.sql.shuffle.partitions": "4",
        "spark.default.parallelism": "4",
        "spark.driver.memory": "1g",
    }
    sigint = signal.getsignal(signal.SIGINT)  # pyspark installs its own; later tests need Python's
    session = spark_session("local[2]", "newsprism-tests", conf)
    session.sparkContext.setLogLevel("ERROR")
    yield session
    session.stop()
    signal.signal(signal.SIGINT, sigint)


@pytest.fixture(scope="module")
def small(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    """The example and a small generated corpus: every stage, briefs included, stays quick."""
    root = tmp_path_factory.mktemp("small")
    write_corpus(root, 3, 4, seed=11)
    return [EXAMPLE, str(root)]


@pytest.fixture(scope="module")
def small_runs(spark: Any, small: list[str], tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    """The small inputs run to the briefs with one and with five partitions."""
    outs = []
    for n in (1, 5):
        out = tmp_path_factory.mktemp("run") / f"p{n}"
        SparkRun(spark, str(out), Settings(), partitions=n).run(small)
        outs.append(out)
    return outs


def _tables(out: Path, names: tuple[str, ...]) -> dict[str, list[Any]]:
    return {n: sorted(json.dumps(r, sort_keys=True) for r in read_rows(str(out), n)) for n in names}


def test_briefs_equal_the_local_path_with_any_partitioning(small: list[str], small_runs: list[Path]) -> None:
    expected = local_path(small, briefs=True)
    assert len(expected["stories"]) == 4  # the example's story and three generated ones
    for out in small_runs:
        got = spark_tables(out)
        assert got["articles"] == expected["articles"]
        assert got["stories"] == expected["stories"]
        assert got["briefs"].keys() == expected["briefs"].keys()
        for story_id, report in expected["briefs"].items():
            want, have = json.loads(report), json.loads(got["briefs"][story_id])
            assert have["quote_groups"] == want["quote_groups"]
            assert have["ledger"] == want["ledger"]
            assert have == want
    assert any(json.loads(r)["quote_groups"] for r in expected["briefs"].values())
    assert all(json.loads(r)["ledger"] for r in expected["briefs"].values())
    one, five = small_runs
    names = ("quotes", "provenance", "members", "df", "groups", "postings", "rejections")
    assert _tables(one, names) == _tables(five, names)
    assert next(read_rows(str(one), "quotes"))["story_id"] in expected["stories"]


def test_stories_of_a_few_hundred_articles_equal_the_local_path(
    spark: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Linked in five windows, one task each, with the standing-actor pass on, drafts cut one
    task each: the same stories (the small runs check 1 and 5 partitions; test_spark_tasks any
    order of windows, drafts and rows)."""
    plans: list[dict[str, Any]] = []
    asked: list[tuple[list[list[str]], frozenset[str]]] = []
    cut_drafts = SparkRun._cut_drafts

    def spy(self: SparkRun, drafts: list[list[str]], hubs: frozenset[str]) -> list[dict[str, Any]]:
        asked.append((drafts, hubs))
        plans.extend(cut_drafts(self, drafts, hubs))
        return plans[len(plans) - len(drafts) :]

    monkeypatch.setattr(SparkRun, "_cut_drafts", spy)
    write_corpus(tmp_path / "corpus", 40, 5, seed=5)
    inputs = [str(tmp_path / "corpus"), EXAMPLE]
    # close_days 0: with the days as evidence no draft of this corpus needs cutting, and the
    # cut on the executors is what this test runs.
    stories = replace(StorySettings(), link_window=45, hub_groups=3, close_days=0)
    settings = replace(Settings(), stories=stories)
    expected = local_path(inputs, briefs=False, settings=settings)
    assert len(expected["articles"]) == 206 and len(expected["stories"]) == 41
    out = tmp_path / "out"
    run = SparkRun(spark, str(out), settings, partitions=7)
    counts = run.counts(run.run(inputs, until="stories"))
    assert counts["articles"] == 206 and counts["rejections"] == 0
    assert counts["hubs"] > 0 and counts["groups"] >= len(expected["stories"])
    assert {r["window"] for r in read_rows(str(out), "groups")} == set(range(5))
    assert any(p["cuts"] for p in plans)  # some drafts were cut on the executors
    assert spark_tables(out) == expected
    for n in (1, 5):  # the same drafts cut with other partitionings: the same plans
        again = cut_drafts(SparkRun(spark, str(out), settings, partitions=n), *asked[0])
        assert sorted(again, key=lambda p: p["draft"]) == sorted(plans, key=lambda p: p["draft"])


def test_bad_input_in_a_partition_is_a_rejection_row(spark: Any, tmp_path: Path) -> None:
    src = tmp_path / "in"
    write_corpus(src, 2, 3, seed=3)
    (src / "binary.txt").write_bytes(b"\x00\xff\x00" * 400)
    (src / "broken.jsonl").write_text('{"title": "x", "text": "The port reopened on Monday."}\n{"text": \n')
    (src / "empty.html").write_text("<html><body></body></html>")
    pages = [  # a WARC file read inside the same partition: two pages, a 404 skipped
        {"uri": "https://a.example/ferry", "body": page("Ferry strike", "The ferry union stopped the crossings on Monday.")},
        {"uri": "https://a.example/gone", "body": page("Gone", "Nothing here."), "status": 404},
        {"uri": "https://a.example/cafe", "body": page("Cafe shut", "The harbour cafe was shut on Tuesday, the council said.")},
    ]  # fmt: skip
    warc = write_warc(src / "crawl.warc.gz", pages)
    out = tmp_path / "out"
    run = SparkRun(spark, str(out), Settings(), partitions=1)
    counts = run.counts(run.run([str(src), str(tmp_path / "nope")], "read"))
    rejected = {r["path"]: r for r in read_rows(str(out), "rejections")}
    assert str(src / "binary.txt") in rejected
    assert str(src / "empty.html") in rejected
    assert str(tmp_path / "nope") in rejected
    assert any(p.startswith(str(src / "broken.jsonl")) for p in rejected)
    assert all(r["reason"] for r in rejected.values())
    read = [r["path"] for r in read_rows(str(out), "articles", ["path"])]
    assert sorted(p for p in read if p.startswith(str(warc))) == [f"{warc}#0", f"{warc}#2"]
    assert counts["articles"] == 6 + 1 + 2  # every good article, the broken file's good line too


def test_a_run_interrupted_between_stages_resumes_to_the_same_tables(
    spark: Any, small: list[str], small_runs: list[Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "out"
    real = SparkRun._write

    def dies_before_members(self: SparkRun, name: str, make: Any) -> None:
        if name == "members":
            make().write.parquet(f"{self.output}/_tmp/members-half")  # written, never moved into place
            raise KeyboardInterrupt("killed")
        real(self, name, make)

    monkeypatch.setattr(SparkRun, "_write", dies_before_members)
    with pytest.raises(KeyboardInterrupt):
        SparkRun(spark, str(out), Settings(), partitions=3).run(small, until="stories")
    assert (out / "stories").exists() and not (out / "members").exists()
    (out / "stories" / "_SUCCESS").unlink()  # and a table killed while being moved: written again
    monkeypatch.setattr(SparkRun, "_write", real)
    SparkRun(spark, str(out), Settings(), partitions=2).run(small, until="stories")
    assert not any((out / "_tmp").iterdir())
    names = ("articles", "rejections", "features", "df", "hubs", "groups", "stories", "members", "postings")
    assert _tables(out, names) == _tables(small_runs[0], names)


def test_a_rerun_with_other_settings_or_inputs_is_refused(
    spark: Any, small: list[str], small_runs: list[Path]
) -> None:
    """Resuming keeps the tables already written, so an OUTPUT made from other inputs or
    settings is refused before anything is computed; the same ones resume (nothing to do)."""
    other = replace(Settings(), stories=replace(StorySettings(), link_window=7))
    for settings, inputs in ((other, small), (Settings(), small[:1])):
        with pytest.raises(SettingsError, match="other inputs or settings"):
            SparkRun(spark, str(small_runs[0]), settings).run(inputs, until="read")
    assert SparkRun(spark, str(small_runs[0]), Settings()).run(small, until="read") == [
        "articles",
        "rejections",
    ]


def test_export_then_stories_and_show_read_the_store(
    small_runs: list[Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "news.db"
    assert main(["spark", "export", str(small_runs[1]), str(db), "--json"]) == 0
    exported = json.loads(capsys.readouterr().out)["tables"]
    assert exported["stories"] == 4 and exported["briefs"] == 4
    assert main(["stories", str(db), "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    stories = {r["id"]: r["article_ids"] for r in read_rows(str(small_runs[1]), "stories")}
    assert {r["id"]: r["article_ids"] for r in listed} == stories
    article = next(iter(stories.values()))[0]
    assert main(["show", str(db), article, "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["id"] == article
    assert main(["briefs", str(db), "--json", "--quiet"]) == 0  # every brief is current: none to compute
    assert json.loads(capsys.readouterr().out)["analysed"] == []
    assert main(["spark", "export", str(small_runs[1]), str(db), "--json"]) == 0  # again: nothing added
    assert json.loads(capsys.readouterr().out)["tables"]["articles"] == 0
    briefs = {r["story_id"]: json.loads(r["report"]) for r in read_rows(str(small_runs[1]), "briefs")}
    smallest = min(stories, key=lambda s: (len(stories[s]), s))
    assert main(["analyze", "--db", str(db), "--story", smallest, "--json", "--quiet"]) == 0
    analysed = json.loads(capsys.readouterr().out)
    assert [a["id"] for a in analysed["articles"]] == [a["id"] for a in briefs[smallest]["articles"]]
    assert analysed["quote_groups"] == briefs[smallest]["quote_groups"]


def _never(store: Any, story_id: str) -> Any:
    raise AssertionError(f"the server computed the brief of {story_id} instead of reading the exported one")


def test_serve_reads_the_exported_stories_and_briefs(small_runs: list[Path], tmp_path: Path) -> None:
    from starlette.testclient import TestClient

    from newsprism.web import ReportCache, create_app

    db = tmp_path / "news.db"
    assert main(["spark", "export", str(small_runs[0]), str(db), "--quiet"]) == 0
    client = TestClient(create_app(db, ReportCache(_never), allowed_hosts=["testserver"]))
    listed = client.get("/api/stories").json()
    stories = {r["id"] for r in read_rows(str(small_runs[0]), "stories")}
    assert listed["total"] == 4 and {s["id"] for s in listed["stories"]} == stories
    for row in read_rows(str(small_runs[0]), "briefs"):
        served = client.get(f"/api/stories/{row['story_id']}/report").json()
        assert served["ledger"] == json.loads(row["report"])["ledger"]
    page = client.get(f"/stories/{row['story_id']}")
    assert page.status_code == 200 and "Key findings" in page.text


def test_spark_submit_runs_the_packaged_entry_point(small_runs: list[Path], tmp_path: Path) -> None:
    """``spark-submit newsprism/spark/__main__.py``, its own JVM in local mode (the master from
    spark-submit): the same article ids as the runs in this session."""
    import os
    import subprocess
    import sys

    import pyspark

    import newsprism.spark

    submit = Path(pyspark.__file__).parent / "bin" / "spark-submit"
    entry = Path(newsprism.spark.__file__).parent / "__main__.py"
    root = str(Path(__file__).resolve().parent.parent)
    env = {**os.environ, "PYSPARK_PYTHON": sys.executable, "PYSPARK_DRIVER_PYTHON": sys.executable,
           "PYTHONPATH": os.pathsep.join([root, os.environ.get("PYTHONPATH", "")])}  # fmt: skip
    out = tmp_path / "out"
    args = [str(submit), "--master", "local[1]", "--conf", "spark.ui.enabled=false", str(entry),
            EXAMPLE, str(out), "--until", "read", "--json", "--quiet"]  # fmt: skip
    done = subprocess.run(args, env=env, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-2000:]
    assert json.loads(done.stdout)["tables"] == {"articles": 6, "rejections": 0}
    ids = {r["id"] for r in read_rows(str(out), "articles", ["id"])}
    example = {r["id"] for r in read_rows(str(small_runs[0]), "articles") if r["path"].startswith(EXAMPLE)}
    assert ids == example


def test_the_command_line_runs_a_job(spark: Any, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out"
    code = main(["spark", "run", EXAMPLE, str(out), "--until", "read", "--partitions", "2", "--json"])
    assert code == 0
    assert json.loads(capsys.readouterr().out)["tables"]["articles"] == 6
    assert spark.sparkContext._jsc is not None  # the caller's session is left running


BODY = "Ferry strike ends\n\nThe ferry union called off its strike on Monday after a pay deal.\n"


def _reprints(tmp_path: Path) -> list[str]:
    """One text: the wire's, then eleven reprints; the tenth (record "#10", before "#2" as text)
    by a third outlet, so the copies' order shows whether records are taken in read order."""

    def record(outlet: str, n: int) -> str:
        return json.dumps({"outlet": outlet, "url": f"https://p{n}.example/ferry", "title": "Ferry strike ends",
                           "text": BODY, "published": "2025-04-07"})  # fmt: skip

    outlets = ["Valley Times", "Inland Reporter", "Harbour Wire"] + ["Valley Times"] * 6 + ["Coast Daily"] * 2
    (tmp_path / "a-wire.jsonl").write_text(record("Harbour Wire", 0) + "\n")
    (tmp_path / "b-reprints.jsonl").write_text("".join(record(o, n) + "\n" for n, o in enumerate(outlets, 1)))
    return [str(tmp_path / "a-wire.jsonl"), str(tmp_path / "b-reprints.jsonl")]


def test_copies_equal_the_local_path_with_any_partitioning_and_are_exported(
    spark: Any, tmp_path: Path
) -> None:
    inputs = _reprints(tmp_path)
    (want,) = load_articles(inputs).articles
    assert [c.outlet for c in want.copies] == ["Valley Times", "Inland Reporter", "Coast Daily"]
    for n in (1, 3):
        out = tmp_path / f"p{n}"
        SparkRun(spark, str(out), Settings(), partitions=n).run(inputs, until="stories")
        (row,) = read_rows(str(out), "articles")
        assert row_article(row) == want  # the kept record and its copies, in the same order
    with Store(tmp_path / "local.db") as store:
        ingest(store, inputs)
        (local,) = store.articles()
    assert export_run(str(out), str(tmp_path / "spark.db"))["articles"] == 1
    export_run(str(out), str(tmp_path / "spark.db"))  # again: nothing doubled
    with Store(tmp_path / "spark.db") as store:
        (exported,) = store.articles()
    assert exported.copies == local.copies == want.copies
