"""Issue 15: article text, metadata and file names never drive the terminal or live Markdown."""

import json

import pytest

from newsprism.cli import main
from newsprism.render import render_markdown, render_terminal
from newsprism.termsafe import SafeStream, escape_controls, one_line

HOSTILE = "\x1b[2J\x1b]52;c;ZXZpbA==\x07\r\x9b31m\u202e"
FORBIDDEN = ("\x1b", "\x07", "\x9b", "\u202e", "\r")
ARTICLE = (
    "Harbour fire{h} burns at the quay\n\n"
    "The harbour fire{h} burned for hours on Monday, the port authority said in a statement.\n"
)


def _clean(text):
    return not any(ch in text for ch in FORBIDDEN)


def test_escape_controls_makes_every_control_visible_and_keeps_text():
    out = escape_controls("a\x1bb\x9bc\u202ed\ne\tf")
    assert out == "a\\u001bb\\u009bc\\u202ed\ne\tf"
    assert one_line("x\ny\rz") == "x\\u000ay\\u000dz"
    assert escape_controls("Zürich — “quoted” 東京") == "Zürich — “quoted” 東京"


def test_safe_stream_keeps_json_valid():
    import io

    raw = io.StringIO()
    SafeStream(raw).write(json.dumps({"t": "a\x9bb\u2028c"}, ensure_ascii=False))
    assert json.loads(raw.getvalue()) == {"t": "a\x9bb\u2028c"} and _clean(raw.getvalue())


@pytest.fixture
def hostile_dir(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(ARTICLE.format(h=HOSTILE))
    (folder / "b.jsonl").write_text(
        json.dumps({"text": ARTICLE.format(h=""), "author": f"Ann{HOSTILE}", "outlet": f"Out{HOSTILE}"})
        + "\n"
    )
    (folder / "bad\x1b[2J\nname `<img src=x onerror=alert(1)>`.txt").write_text("")
    return folder


def test_ingest_listing_show_and_search_print_no_control_sequences(hostile_dir, tmp_path, capsys):
    db = str(tmp_path / "n.db")
    assert main(["ingest", db, str(hostile_dir), "-q"]) == 1
    out = capsys.readouterr()
    assert _clean(out.out) and _clean(out.err)
    (error,) = [ln for ln in out.err.splitlines() if "bad" in ln]
    assert "\\u000aname" in error and "the file is empty" in error  # one line, newline shown
    for argv in (["articles", db], ["search", db, "harbour"], ["export", db], ["stories", db]):
        assert main(argv) == 0
        out = capsys.readouterr()
        assert _clean(out.out) and _clean(out.err), argv
    for argv in (["cluster", str(hostile_dir)], ["dates", str(hostile_dir)], ["quotes", str(hostile_dir)]):
        assert main([*argv, "-q"]) == 1  # the empty file is rejected
        out = capsys.readouterr()
        assert _clean(out.out) and _clean(out.err), argv
    ids = [a["id"] for a in json.loads(_run(capsys, ["articles", db, "--json"]))]
    for article_id in ids:
        shown = _run(capsys, ["show", db, article_id])
        assert _clean(shown) and "harbour fire" in shown
    exported = [json.loads(line) for line in _run(capsys, ["export", db]).splitlines()]
    assert any(HOSTILE in (a["author"] or "") for a in exported)  # JSON keeps the text exactly


def _run(capsys, argv):
    main(argv)
    return capsys.readouterr().out


def test_a_file_name_cannot_open_live_markup_in_markdown():
    report = {
        "articles": [],
        "rejections": [
            {"path": "x`<img src=x onerror=alert(1)>`\n# title.txt", "stage": "read", "reason": "empty\n<b>"}
        ],
    }
    md = render_markdown(report)
    assert _clean(md)
    mdit = pytest.importorskip("markdown_it")
    html = mdit.MarkdownIt("commonmark", {"html": True}).render(md)
    assert "<img" not in html and "<b>" not in html and "<h1>title" not in html


def test_terminal_rendering_escapes_article_text():
    article = {
        "id": "a1", "label": f"lab{HOSTILE}", "title": f"T{HOSTILE}", "outlet": f"O{HOSTILE}",
        "author": None, "published": None, "url": None, "credits": [], "path": f"p{HOSTILE}.txt",
        "removed": [], "text": f"x{HOSTILE}", "format": "text",
    }  # fmt: skip
    out = render_terminal({"articles": [article], "rejections": []})
    assert _clean(out) and "\\u001b[2J" in out


def test_the_brief_on_a_terminal_and_in_markdown_carries_no_live_sequences(hostile_dir, tmp_path, capsys):
    md_path = tmp_path / "b.md"
    assert main(["analyze", str(hostile_dir), "-o", str(md_path), "-o", "-", "-q"]) == 1
    out = capsys.readouterr()
    assert _clean(out.out) and _clean(out.err)
    assert "harbour fire" in out.out and "\\u001b[2J" in out.out
    md = md_path.read_text()
    assert _clean(md)
    mdit = pytest.importorskip("markdown_it")
    assert "<img" not in mdit.MarkdownIt("commonmark", {"html": True}).render(md)


def test_an_unexpected_error_is_one_line_and_the_stack_only_with_traceback(monkeypatch, capsys, tmp_path):
    import importlib

    cli_main = importlib.import_module("newsprism.cli.main")  # the module (the package exports the function)

    def broken(*args):
        raise KeyError("boom\x1b[2J")

    monkeypatch.setattr(cli_main, "load_settings", broken)
    assert main(["config"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "internal error (KeyError" in err and _clean(err)
    with pytest.raises(KeyError):
        main(["config", "--traceback"])


def test_csv_cells_never_start_a_spreadsheet_formula():
    import csv
    import io

    from newsprism.cli.export import rows_csv

    rows = [{"title": '=HYPERLINK("http://x.example","click")', "author": "@SUM(A1)", "n": 3, "text": "fine"}]
    (row,) = csv.DictReader(io.StringIO(rows_csv(rows)))
    assert row["title"] == '\'=HYPERLINK("http://x.example","click")' and row["author"] == "'@SUM(A1)"
    assert row["n"] == "3" and row["text"] == "fine"
