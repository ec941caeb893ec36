import json

import jsonschema
import pytest

from newsprism.cli import main
from tests.conftest import ROOT

SCHEMA = json.loads((ROOT / "docs" / "brief.schema.json").read_text())
BODY = (
    "Ferry strike halts crossings in Farrowby\n\nThe ferry union said on Monday that crossings would stop"
    " for two days, and the county said talks would resume on Thursday.\n"
)


def _mixed(tmp_path):
    (tmp_path / "good.txt").write_text(BODY)
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "binary.txt").write_bytes(bytes(range(256)) * 4)
    (tmp_path / "big.txt").write_text("long text " * 150_000)
    (tmp_path / "evil.txt").write_text(
        "A headline with <script>alert(1)</script> in it\n\n"
        "The body mentions <img src=x onerror=alert(2)> and <iframe src=http://x.example/></iframe> as text.\n"
    )
    return tmp_path


def test_bad_files_get_one_line_each_and_the_rest_goes_on(tmp_path, capsys):
    folder = _mixed(tmp_path)
    code = main(["analyze", str(folder), "--set", "ingest.max_input_mb=1", "-o", str(tmp_path / "r.json")])
    err = capsys.readouterr().err
    assert code == 1
    assert "Traceback" not in err
    lines = [ln for ln in err.splitlines() if ln]
    assert len(lines) == 3
    assert any("empty.txt" in ln and "empty" in ln for ln in lines)
    assert any("binary.txt" in ln and "binary" in ln for ln in lines)
    assert any("big.txt" in ln and "cap" in ln for ln in lines)
    report = json.loads((tmp_path / "r.json").read_text())
    assert sorted(a["path"].rsplit("/", 1)[1] for a in report["articles"]) == ["evil.txt", "good.txt"]


def test_report_json_follows_the_published_schema(tmp_path, capsys):
    (tmp_path / "good.txt").write_text(BODY)
    assert main(["analyze", str(tmp_path / "good.txt"), "--json", "-q"]) == 0
    report = json.loads(capsys.readouterr().out)
    jsonschema.validate(report, SCHEMA)
    assert report["articles"][0]["title"] == "Ferry strike halts crossings in Farrowby"
    broken = dict(report, articles=[{"id": 1}])
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(broken, SCHEMA)


def test_html_report_escapes_article_text(tmp_path, capsys):
    folder = _mixed(tmp_path)
    main(
        [
            "analyze",
            str(folder / "evil.txt"),
            "-o",
            str(tmp_path / "b.html"),
            "-o",
            str(tmp_path / "b.md"),
        ]
    )
    page = (tmp_path / "b.html").read_text()
    assert "<script" not in page and "<iframe" not in page and "<img" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "http://" not in page.split("<body>", 1)[1].replace("http://x.example/", "")
    assert "<script>" not in (tmp_path / "b.md").read_text()


def test_missing_input_only_is_a_failed_run(tmp_path, capsys):
    assert main(["analyze", str(tmp_path / "nothing-here")]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""  # nothing but the errors
    assert "no such file" in captured.err and "Traceback" not in captured.err


def test_store_commands(tmp_path, capsys):
    db = str(tmp_path / "n.db")
    (tmp_path / "good.txt").write_text(BODY)
    assert main(["ingest", db, str(tmp_path / "good.txt"), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["added"] == 1
    assert main(["articles", db, "--json"]) == 0
    article_id = json.loads(capsys.readouterr().out)[0]["id"]
    assert main(["show", db, article_id[:8], "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["title"].startswith("Ferry strike")
    assert main(["search", db, "union", "--json"]) == 0
    assert len(json.loads(capsys.readouterr().out)) == 1
    assert main(["export", db, "--format", "jsonl"]) == 0
    assert len(capsys.readouterr().out.splitlines()) == 1
    assert main(["show", db, "nosuch"]) == 2
    assert "no article" in capsys.readouterr().err


def test_config_prints_the_merged_settings(capsys):
    assert main(["config", "--json", "--set", "ingest.max_input_mb=3"]) == 0
    assert json.loads(capsys.readouterr().out)["ingest"]["max_input_mb"] == 3.0


def test_overlapping_and_cross_paragraph_spans_all_get_anchors():
    from newsprism.render.html import render_html, span_id

    text = "First <b>para</b> here.\n\nSecond para."
    article = {"id": "a1", "text": text, "paragraphs": [[0, 23], [25, 37]], "title": "T", "label": "T",
               "path": "t.txt", "outlet": None, "author": None, "published": None, "credits": [], "removed": []}  # fmt: skip
    spans = [{"article_id": "a1", "start": s, "end": e} for s, e in [(0, 5), (0, 12), (6, 30), (30, 50)]]
    html = render_html({"articles": [article], "rejections": [], "cites": spans})
    for start, end in [(0, 5), (0, 12), (6, 30)]:
        assert f'id="{span_id("a1", start, end)}"' in html
    body = html.split('class="text">', 1)[1].split("</div>", 1)[0]
    assert body.count("<p>") == 2 and body.count("<mark") == body.count("</mark>")
    assert "&lt;b&gt;" in body and "<b>" not in body  # cut at span edges, escaped piece by piece
    assert span_id("a1", 30, 50) not in html  # past the end of the text: dropped
