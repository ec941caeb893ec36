import io
import json

from newsprism.errors import FormatInputError, MissingInputError, TooLargeInputError
from newsprism.ingest import read_documents
from newsprism.model import Document

ARTICLE = "A title for the story here\n\nThe body of the story says that something happened on Tuesday.\n"


def _split(items):
    docs = [d for d in items if isinstance(d, Document)]
    errors = [e for e in items if not isinstance(e, Document)]
    return docs, errors


def test_directories_are_read_recursively_and_in_order(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "a.txt").write_text(ARTICLE)
    (tmp_path / "b" / "c.md").write_text(ARTICLE + "more")
    (tmp_path / "b" / "ignored.png").write_bytes(b"\x89PNG")
    docs, errors = _split(list(read_documents([str(tmp_path)])))
    assert [d.path.rsplit("/", 1)[-1] for d in docs] == ["a.txt", "c.md"]
    assert errors == []


def test_globs_and_missing_paths(tmp_path):
    (tmp_path / "one.txt").write_text(ARTICLE)
    (tmp_path / "two.txt").write_text(ARTICLE + "x")
    docs, errors = _split(list(read_documents([str(tmp_path / "*.txt"), str(tmp_path / "nope.txt")])))
    assert len(docs) == 2
    assert len(errors) == 1 and isinstance(errors[0], MissingInputError)
    assert "nope.txt" in errors[0].line()


def test_size_cap_refuses_big_files(tmp_path):
    big = tmp_path / "big.txt"
    big.write_text("word " * 300_000)  # 1.5 MB
    docs, errors = _split(list(read_documents([str(big)], max_mb=1)))
    assert docs == []
    assert isinstance(errors[0], TooLargeInputError)


def test_json_lines_read_each_line_and_report_bad_lines(tmp_path):
    path = tmp_path / "feed.jsonl"
    rows = [
        {
            "title": "One",
            "text": "First body.",
            "outlet": "Daily One",
            "published": "2024-03-13T10:00:00+01:00",
        },
        {"title": "Two", "body": "Second body.", "source": "Two Times", "author": ["A. Writer", "B. Writer"]},
    ]
    path.write_text(
        json.dumps(rows[0]) + "\n{not json\n" + json.dumps(rows[1]) + "\n" + json.dumps({"title": "x"}) + "\n"
    )
    docs, errors = _split(list(read_documents([str(path)])))
    assert [(d.title, d.outlet, d.path.rsplit("#", 1)[1]) for d in docs] == [
        ("One", "Daily One", "1"),
        ("Two", "Two Times", "3"),
    ]
    assert docs[0].published == "2024-03-13" and docs[0].published_source == "json-field"
    assert docs[1].author == "A. Writer, B. Writer"
    assert [type(e) for e in errors] == [FormatInputError, FormatInputError]
    assert errors[0].path.endswith("#2") and errors[1].path.endswith("#4")


def test_json_file_with_a_list(tmp_path):
    path = tmp_path / "items.json"
    path.write_text(json.dumps([{"text": "Alpha body."}, {"content": "Beta body."}]))
    docs, _ = _split(list(read_documents([str(path)])))
    assert [d.raw for d in docs] == ["Alpha body.", "Beta body."]


def test_stdin_is_read_with_dash(monkeypatch):
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(ARTICLE.encode())))
    docs, _ = _split(list(read_documents(["-"])))
    assert docs[0].path == "-" and docs[0].raw == ARTICLE
