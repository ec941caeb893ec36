"""What the Spark tasks run, without Spark: rows round-trip, units, rejections, counted assignment."""

from __future__ import annotations

import json
import random
from collections import Counter
from dataclasses import replace
from pathlib import Path

import pytest

from newsprism.analyze import load_articles
from newsprism.errors import StoryStateError
from newsprism.ingest.inputs import input_units, iter_inputs
from newsprism.settings import Settings, StorySettings
from newsprism.spark.assign import (
    SPARK_HINT,
    arrival_row_key,
    assign_counted,
    draft_cuts,
    index_from_rows,
    member_rows,
    posting_rows,
    story_rows,
    window_groups,
    window_spread,
)
from newsprism.spark.rows import article_row, features_row, row_article, row_features
from newsprism.spark.tasks import brief_of_story, read_blobs, read_units
from newsprism.stories import StoryIndex, extract_features
from newsprism.stories.index import arrival_key
from newsprism.stories.vector import DocFrequency
from tests.spark_corpus import write_corpus
from tests.warc_helpers import page, write_warc

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "harbour-fire"


def test_article_and_feature_rows_round_trip() -> None:
    batch = load_articles([str(EXAMPLE)])
    for art in batch.articles:
        row = json.loads(json.dumps(article_row(art, 3, 1)))  # what Parquet keeps: plain values
        assert row_article(row) == art
    for feat in extract_features(batch.articles):
        back = row_features(json.loads(json.dumps(features_row(feat))))
        assert back == feat
        assert list(back.counts) == list(feat.counts)  # order breaks weight ties: kept


def test_units_follow_the_local_reading_order(tmp_path: Path) -> None:
    write_corpus(tmp_path / "c", 2, 4)
    (tmp_path / "c" / "sub").mkdir()
    (tmp_path / "c" / "sub" / "late.txt").write_text("A late note about the harbour.\n")
    args = [str(tmp_path / "c"), str(EXAMPLE / "01-carrowmere-courier.txt"), str(tmp_path / "missing")]
    units = input_units(args)
    files = [u[1] for u in units if isinstance(u, tuple)]
    read = [s.path for s in iter_inputs(args) if not hasattr(s, "hint")]
    assert files == read
    assert any(getattr(u, "path", "") == args[2] for u in units)  # the missing input is listed as an error


def test_a_unit_that_fails_is_a_rejection_and_the_rest_go_on(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text("Harbour reopens\n\nThe harbour reopened on Monday after the storm, the port said.\n")
    binary = tmp_path / "bad.txt"
    binary.write_bytes(b"\x00\x01\x02" * 500)
    broken = tmp_path / "broken.jsonl"
    broken.write_text('{"title": "ok", "text": "The port said ships may enter again."}\n{"title": \n')
    units = [(0, "file", str(binary)), (1, "file", str(tmp_path / "gone.txt")), (2, "file", str(good)),
             (3, "file", str(broken))]  # fmt: skip
    rows = list(read_units(units, Settings()))
    kinds = {(r["kind"], r["path"]) for r in rows}
    assert ("article", str(good)) in kinds
    assert ("rejection", str(binary)) in kinds
    assert ("rejection", str(tmp_path / "gone.txt")) in kinds  # vanished after listing
    assert any(r["kind"] == "article" and r["path"].startswith(str(broken)) for r in rows)  # its good line
    assert any(r["kind"] == "rejection" and r["path"].startswith(str(broken)) for r in rows)


def test_a_failure_nobody_anticipated_is_a_row_not_a_failed_task(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A reader or the brief code raising something unforeseen: the unit becomes a rejection,
    the story a briefs row with its error, and the task goes on."""
    import newsprism.analyze

    write_corpus(tmp_path, 2, 3, seed=4)
    files = sorted(str(p) for p in tmp_path.iterdir())
    clean = newsprism.analyze.clean_source

    def fails_on_the_first(source: object, settings: Settings) -> object:
        if str(getattr(source, "path", "")).startswith(files[0]):
            raise RecursionError("a reader bug")
        return clean(source, settings)

    monkeypatch.setattr(newsprism.analyze, "clean_source", fails_on_the_first)
    rows = list(read_units([(n, "file", f) for n, f in enumerate(files)], Settings()))
    failed = [r for r in rows if r["path"].startswith(files[0])]
    assert [r["kind"] for r in failed] == ["rejection"] and "RecursionError" in failed[0]["reason"]
    assert {r["path"].split("#")[0] for r in rows if r["kind"] == "article"} >= set(files[1:])
    articles = [r for r in rows if r["kind"] == "article"]

    def broken(*args: object, **kwargs: object) -> None:
        raise ZeroDivisionError("a brief bug")

    monkeypatch.setattr(newsprism.analyze, "analyze_articles", broken)
    row = brief_of_story("st-x", list(enumerate(articles)), Settings())
    assert row["report"] is None and row["error"].startswith("ZeroDivisionError")
    assert row["size"] == len(articles) and row["quotes"] == [] and row["edges"] == []


def test_files_from_a_hadoop_filesystem_are_read_under_their_uri(tmp_path: Path) -> None:
    """What ``binaryFiles`` gives for hdfs:// or s3a:// inputs (path, bytes): read as local
    files, WARC included, the rows named by the URI (no cluster filesystem needed)."""
    body = "The ferry union stopped the crossings on Monday, the county said."
    warc = write_warc(tmp_path / "w.warc.gz", [{"uri": "https://a.example/f", "body": page("Ferry", body)}])
    blobs = [("s3a://bucket/crawl/w.warc.gz", warc.read_bytes()), ("hdfs://nn/in/bad.txt", b"\x00\x01\x02" * 500),
             ("hdfs://nn/in/note.txt", b"Port note\n\nThe port reopened on Monday after the storm.\n")]  # fmt: skip
    rows = list(read_blobs(blobs, 7, Settings()))
    assert {(r["kind"], r["path"]) for r in rows} == {
        ("article", "s3a://bucket/crawl/w.warc.gz#0"), ("rejection", "hdfs://nn/in/bad.txt"),
        ("article", "hdfs://nn/in/note.txt"),
    }  # fmt: skip
    assert all(r["unit"] == 7 for r in rows)


def test_counted_assignment_equals_the_local_index(tmp_path: Path) -> None:
    write_corpus(tmp_path, 6, 4)
    feats = extract_features(load_articles([str(tmp_path)]).articles)
    local = StoryIndex()
    expected = local.add_features(feats)
    df: dict[str, int] = {}
    for f in reversed(feats):  # counted in another order, as partitions would
        for k in f.counts:
            df[k] = df.get(k, 0) + 1
    index, got = assign_counted(list(reversed(feats)), df, len(feats), local.settings)
    assert [(a.article_id, a.story_id, a.opened) for a in got] == [
        (a.article_id, a.story_id, a.opened) for a in expected
    ]
    assert [s.article_ids for s in index.stories()] == [s.article_ids for s in local.stories()]
    # what the run writes rebuilds the same index (for the store)
    again, assignments = index_from_rows(
        story_rows(index), member_rows(index, got), posting_rows(index), df, len(feats), local.settings
    )
    assert again.to_state()["stories"] == sorted(index.to_state()["stories"], key=lambda s: s["id"])
    assert {a.article_id for a in assignments} == {a.article_id for a in got}


def test_counted_assignment_refuses_a_wrong_count(tmp_path: Path) -> None:
    write_corpus(tmp_path, 1, 3)
    feats = extract_features(load_articles([str(tmp_path)]).articles)
    try:
        StoryIndex().add_counted(feats, DocFrequency(len(feats) + 1, {}))
    except Exception as exc:
        assert "count" in str(exc)
    else:
        raise AssertionError("a df over other articles must be refused")


def _windows(feats: list, size: int) -> dict[int, list[tuple[tuple[str, str], dict]]]:
    """(arrival key, features row) by link window, as the Spark job cuts them."""
    ordered = sorted((features_row(f) for f in feats), key=arrival_row_key)
    windows: dict[int, list[tuple[tuple[str, str], dict]]] = {}
    for position, row in enumerate(ordered):
        windows.setdefault(position // size, []).append((arrival_row_key(row), row))
    return windows


def test_windows_linked_apart_give_the_local_stories(tmp_path: Path) -> None:
    write_corpus(tmp_path, 30, 5, seed=5)
    feats = extract_features(load_articles([str(tmp_path)]).articles)
    # small windows and the standing-actor pass on: several windows, hubs found in them;
    # close_days 0: with the days as evidence no draft here needs cutting, and the cut is tested;
    # small_story_size 0: stories of five link again stricter and none needs cutting either
    settings = replace(StorySettings(), link_window=40, hub_groups=3, close_days=0, small_story_size=0)
    local = StoryIndex(settings)
    expected = local.add_features(feats)
    df = DocFrequency()
    for f in feats:
        df.update(f.counts)
    windows = _windows(feats, settings.link_window)
    assert len(windows) == 4
    spread: Counter[str] = Counter()
    for rows in windows.values():  # each task gets its rows in any order
        spread.update(dict(window_spread(list(reversed(rows)), df.df, df.n_docs, settings)))
    hubs = frozenset(k for k, n in spread.items() if n >= settings.hub_groups)
    assert hubs and hubs < set(df.df)
    groups = [
        g["article_ids"]
        for w, rows in windows.items()
        for g in window_groups(w, rows, df.df, df.n_docs, settings, hubs)
    ]
    random.Random(3).shuffle(groups)  # collected in any order
    rows = {f.article_id: features_row(f) for f in feats}
    plans: list[dict] = []

    def cut(drafts: list[list[str]]) -> list[dict]:  # each draft a task: rows and answers in any order
        tasks = [list(enumerate(rows[a] for a in ids))[::-1] for ids in drafts]
        plans.extend(draft_cuts(n, t, df.df, df.n_docs, settings, hubs) for n, t in enumerate(tasks))
        return random.Random(4).sample(plans, len(plans))

    index, got = assign_counted(list(reversed(feats)), dict(df.df), df.n_docs, settings, hubs, groups, cut)
    assert got == expected
    assert any(p["cuts"] for p in plans)  # some draft was cut apart
    assert [s.article_ids for s in index.stories()] == [s.article_ids for s in local.stories()]
    # the hubs reached the batch: without them its vectors (and so the stored index) differ
    plain = [
        g["article_ids"]
        for w, rows in windows.items()
        for g in window_groups(w, rows, df.df, df.n_docs, settings, frozenset())
    ]
    unhubbed, _ = assign_counted(feats, dict(df.df), df.n_docs, settings, frozenset(), plain)
    assert unhubbed.changed_vectors != index.changed_vectors
    assert index.changed_vectors == local.changed_vectors


def test_a_pool_of_small_stories_linked_apart_gives_the_local_stories(tmp_path: Path) -> None:
    # Stories of three: the driver links the executors' groups again (the small-story pool)
    write_corpus(tmp_path, 12, 3, seed=5)
    feats = extract_features(load_articles([str(tmp_path)]).articles)
    settings = replace(StorySettings(), link_window=12)
    local = StoryIndex(settings)
    expected = local.add_features(feats)
    df = DocFrequency()
    for f in feats:
        df.update(f.counts)
    groups = [
        g["article_ids"]
        for w, rows in _windows(feats, settings.link_window).items()
        for g in window_groups(w, rows, df.df, df.n_docs, settings, frozenset())
    ]
    index, got = assign_counted(feats, dict(df.df), df.n_docs, settings, frozenset(), groups)
    assert got == expected
    assert [s.article_ids for s in index.stories()] == [s.article_ids for s in local.stories()]


def test_groups_that_do_not_tile_the_windows_are_refused(tmp_path: Path) -> None:
    write_corpus(tmp_path, 4, 5, seed=2)
    feats = extract_features(load_articles([str(tmp_path)]).articles)
    settings = replace(StorySettings(), link_window=8)
    df = DocFrequency()
    for f in feats:
        df.update(f.counts)
    ids = [f.article_id for f in sorted(feats, key=arrival_key)]
    with pytest.raises(StoryStateError, match="windows"):  # a group across two windows
        assign_counted(feats, dict(df.df), df.n_docs, settings, groups=[ids[:9], *[[i] for i in ids[9:]]])
    with pytest.raises(StoryStateError, match="windows") as refused:  # an article left out
        assign_counted(feats, dict(df.df), df.n_docs, settings, groups=[[i] for i in ids[1:]])
    assert refused.value.hint == SPARK_HINT  # what a Spark user can do, not the store's version hint


def test_cut_plans_that_do_not_match_the_drafts_are_refused(tmp_path: Path) -> None:
    write_corpus(tmp_path, 6, 5, seed=2)
    feats = extract_features(load_articles([str(tmp_path)]).articles)
    settings = replace(StorySettings(), link_window=8)
    df = DocFrequency()
    for f in feats:
        df.update(f.counts)
    groups = [[f.article_id] for f in feats]  # merged into drafts of several articles

    def answers(change: str) -> object:
        def cut(drafts: list[list[str]]) -> list[dict]:
            rows = [{"draft": n, "size": len(d), "cuts": []} for n, d in enumerate(drafts)]
            if change == "missing":
                rows.pop()
            elif change == "size":
                rows[0]["size"] += 1
            else:  # a draft losing an article that is not its own
                rows[0]["cuts"] = [(0, [next(f.article_id for f in feats if f.article_id not in drafts[0])])]
            return rows

        return cut

    for change, message in [("missing", "drafts asked"), ("size", "drafts asked"), ("stranger", "members")]:
        with pytest.raises(StoryStateError, match=message) as refused:
            assign_counted(feats, dict(df.df), df.n_docs, settings, groups=groups, cut=answers(change))
        assert "executor" in refused.value.line()  # the batch's own check ("stranger") too
