"""The CLI never destroys input and says one thing one way (--json, -o, --force, metadata flags)."""

import csv
import io
import json

import pytest

from newsprism.cli import main

BODY = (
    "Ferry strike halts crossings in Farrowby\n\nThe ferry union said on Monday that crossings would stop"
    " for two days, and the county said talks would resume on Thursday.\n"
)
OTHER = (
    "Farrowby ferry crews walk out\n\nFerry crews in Farrowby stopped work on Monday, the union said, and"
    " talks with the county are due to resume on Thursday.\n"
)


@pytest.fixture()
def two(tmp_path):
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text(BODY)
    b.write_text(OTHER)
    return a, b


def test_json_is_a_flag_everywhere_and_never_writes_over_an_input(two, capsys):
    a, b = two
    assert main(["analyze", "-q", "--json", str(a), str(b)]) == 0
    report = json.loads(capsys.readouterr().out)
    assert len(report["articles"]) == 2
    assert a.read_text() == BODY and b.read_text() == OTHER


def test_an_output_that_is_an_input_or_exists_is_refused(two, tmp_path, capsys):
    a, b = two
    assert main(["analyze", "-q", str(a), "-o", str(a)]) == 2
    err = capsys.readouterr().err
    assert "one of the inputs" in err and "Traceback" not in err and len(err.splitlines()) == 1
    assert main(["analyze", "-q", str(a), "-o", str(a), "--force"]) == 2  # never an input
    assert a.read_text() == BODY
    out = tmp_path / "out" / "r.json"
    out.parent.mkdir()
    out.write_text("keep me")
    assert main(["analyze", "-q", str(a), "-o", str(out)]) == 2
    assert "exists" in capsys.readouterr().err and out.read_text() == "keep me"
    assert main(["analyze", "-q", str(a), "-o", str(out), "--force"]) == 0
    assert json.loads(out.read_text())["articles"][0]["path"] == str(a)


def test_output_format_comes_from_the_extension_or_format(two, tmp_path, capsys):
    a, _ = two
    md, page = tmp_path / "r.md", tmp_path / "r.page"
    assert main(["brief", "-q", str(a), "-o", str(md)]) == 2  # brief writes json or text, not md
    assert "format" in capsys.readouterr().err
    assert main(["analyze", "-q", str(a), "-o", str(md), "-o", str(page), "--format", "html"]) == 0
    assert md.read_text().startswith("<!DOCTYPE html") or "<html" in md.read_text()
    assert "<html" in page.read_text()


def test_no_readable_input_prints_only_errors_and_fails(tmp_path, capsys):
    (tmp_path / "empty.txt").write_text("")
    for command in ("analyze", "brief", "cluster"):
        assert main([command, "-q", str(tmp_path / "empty.txt")]) == 2
        captured = capsys.readouterr()
        assert captured.out == ""
        assert "empty" in captured.err and "no article could be read" in captured.err


def test_metadata_flags_for_one_file_and_a_manifest_for_many(two, tmp_path, capsys):
    a, b = two
    assert (
        main(["analyze", "-q", "--json", str(a), "--outlet", "Farrowby Tribune", "--published", "2025-06-02"])
        == 0
    )
    art = json.loads(capsys.readouterr().out)["articles"][0]
    assert art["outlet"] == "Farrowby Tribune" and art["published"] == "2025-06-02"
    assert art["published_source"] == "command line" and art["published_confidence"] == 1.0
    assert main(["analyze", "-q", str(a), str(b), "--outlet", "X"]) == 2
    assert "one input file" in capsys.readouterr().err
    assert main(["analyze", "-q", str(a), "--published", "June"]) == 2
    assert "not a date" in capsys.readouterr().err
    manifest = tmp_path / "m.csv"
    manifest.write_text(
        "path,outlet,published,url,author\na.txt,Tribune,2025-06-02,,Ana\nb.txt,Courier,,https://c.example/x,\n"
    )
    assert main(["analyze", "-q", "--json", str(a), str(b), "--manifest", str(manifest)]) == 0
    arts = {x["path"].rsplit("/", 1)[1]: x for x in json.loads(capsys.readouterr().out)["articles"]}
    assert arts["a.txt"]["outlet"] == "Tribune" and arts["a.txt"]["author"] == "Ana"
    assert arts["b.txt"]["url"] == "https://c.example/x" and arts["b.txt"]["outlet"] == "Courier"
    jsonl = tmp_path / "m.jsonl"
    jsonl.write_text(json.dumps({"path": "b.txt", "outlet": "Gazette"}) + "\n")
    assert main(["cluster", "-q", "--json", str(b), "--manifest", str(jsonl)]) == 0


def test_story_ids_and_article_ids_take_prefixes(two, tmp_path, capsys):
    a, b = two
    db = str(tmp_path / "n.db")
    assert main(["ingest", "-q", db, str(a), str(b)]) == 0
    capsys.readouterr()
    assert main(["stories", db, "--json"]) == 0
    story = json.loads(capsys.readouterr().out)[0]["id"]
    assert story.startswith("st-")
    for prefix in (story[:9], story[3:9]):
        assert main(["analyze", "-q", "--db", db, "--story", prefix, "--json"]) == 0
        assert len(json.loads(capsys.readouterr().out)["articles"]) == 2


def test_one_date_per_article_everywhere(tmp_path, capsys):
    page = tmp_path / "cap.txt"
    page.write_text(
        "Council closes harbour road after storm\n\n"
        "Photo: The harbour road on May 4, 2023. Reuters/Ana Vries\n\n"
        "The council closed the harbour road on Thursday after the storm damaged its sea wall badly.\n"
    )
    db = str(tmp_path / "n.db")
    assert main(["analyze", "-q", "--db", db, "--json", str(page)]) == 0
    analyzed = json.loads(capsys.readouterr().out)["articles"][0]
    assert main(["show", db, analyzed["id"][:8], "--json"]) == 0
    shown = json.loads(capsys.readouterr().out)
    keys = ("published", "published_source", "published_confidence")
    assert [shown[k] for k in keys] == [analyzed[k] for k in keys] == ["2023-05-04", "photo-caption", 0.4]
    assert main(["articles", db]) == 0
    assert "2023-05-04 (photo-caption, 0.4)" in capsys.readouterr().out


def test_export_articles_as_csv_and_parquet(two, tmp_path, capsys):
    a, b = two
    db = str(tmp_path / "n.db")
    assert main(["ingest", "-q", db, str(a), str(b)]) == 0
    capsys.readouterr()
    assert main(["export", db, "--format", "csv"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert len(rows) == 2 and {"id", "title", "text", "removed"} <= set(rows[0])
    out = tmp_path / "arts.parquet"
    assert main(["export", db, "-o", str(out)]) == 0
    import pyarrow.parquet as pq

    table = pq.read_table(out)
    assert table.num_rows == 2 and "title" in table.column_names


def test_readable_labels_never_a_hash(tmp_path, capsys):
    (tmp_path / "000_548a66990e9d9a05.txt").write_text(BODY)
    (tmp_path / "harbour-report_9f86d081884c7d65.txt").write_text(OTHER)
    assert main(["analyze", "-q", "--json", str(tmp_path)]) == 0
    labels = sorted(x["label"] for x in json.loads(capsys.readouterr().out)["articles"])
    assert labels == ["000: Ferry strike halts crossings…", "harbour-report"]


def test_quote_lines_show_the_kind_and_the_reporting_verb():
    from newsprism.cli.quotes import quote_line

    q = {
        "start": 10,
        "kind": "indirect",
        "speaker": {"canonical": "Ana Vries", "name": "Vries"},
        "cue": "denied",
        "text": "the council had approved the plan",
        "method": "syntax",
    }
    line = quote_line(q)
    assert "indirect" in line and "[denied]" in line and "Ana Vries" in line


def test_export_quotes_and_briefs(two, tmp_path, capsys):
    a, b = two
    db = str(tmp_path / "n.db")
    assert main(["ingest", "-q", db, str(a), str(b)]) == 0
    capsys.readouterr()
    assert main(["export", db, "--what", "quotes", "--format", "csv"]) == 0
    header = capsys.readouterr().out.splitlines()[:1]
    assert header == [] or {"kind", "cue", "speaker", "text"} <= set(header[0].split(","))
    assert main(["export", db, "--what", "briefs", "-q"]) == 0
    briefs = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert len(briefs) == 1 and briefs[0]["articles"] == 2 and "ledger" in briefs[0]["report"]


def test_reported_speech_is_not_shown_as_the_speakers_words():
    from newsprism.cli.quotes import quote_line

    q = {"start": 0, "kind": "indirect", "speaker": None, "cue": "denied", "text": "it was so", "method": "m"}
    assert "“" not in quote_line(q) and "[denied]" in quote_line(q)


def test_a_story_index_of_another_version_is_one_line_not_a_traceback(two, tmp_path, capsys):
    import sqlite3

    a, b = two
    db = str(tmp_path / "n.db")
    assert main(["ingest", "-q", db, str(a)]) == 0
    with sqlite3.connect(db) as conn:
        conn.execute("UPDATE story_meta SET value='99' WHERE key='state_version'")
    assert main(["ingest", "-q", db, str(b)]) == 2
    err = capsys.readouterr().err
    assert "state version" in err and "Traceback" not in err and len(err.strip().splitlines()) == 1


def test_articles_columns_stay_in_line_when_a_date_shows_its_source():
    from newsprism.cli.articles import _article_lines

    rows = [
        {"id": "a" * 12, "published": "2024-05-06", "published_source": "feed", "published_confidence": 0.7,
         "label": "Farrowby Post", "title": "Harbour wall repaired", "path": "p1", "format": "html"},
        {"id": "b" * 12, "published": "2024-05-07", "published_source": "html-meta", "published_confidence": 1.0,
         "label": "Holm Weekly", "title": "Ferry back", "path": "p2", "format": "html"},
        {"id": "c" * 12, "published": None, "published_source": None, "published_confidence": None,
         "label": "Carrow Gazette", "title": None, "path": "p3", "format": "feed-summary"},
    ]  # fmt: skip
    lines = _article_lines(rows).splitlines()
    assert "2024-05-06 (feed, 0.7)" in lines[0]
    starts = [line.index(label) for line, label in zip(lines, ("Farrowby", "Holm", "Carrow"), strict=True)]
    assert len(set(starts)) == 1, lines  # the outlet column starts at one place on every line
    assert lines[2].endswith("p3 [feed summary: the page could not be fetched]")
