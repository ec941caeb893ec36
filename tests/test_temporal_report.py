"""The timeline in the report, its schema, the renderers and the ``dates`` command."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema

from newsprism.analyze import analyze_articles
from newsprism.brief.report import build_report
from newsprism.cli import main
from newsprism.model import Article, OffsetMap
from newsprism.render import render_html, render_markdown, render_terminal

SCHEMA = json.loads((Path(__file__).resolve().parents[1] / "docs" / "brief.schema.json").read_text())


def _articles() -> list[Article]:
    a = "Kremlin spokesman Dmitry Peskov accused <Washington> on Thursday."
    b = "On Thursday, Kremlin spokesman Peskov accused <Washington> of the attack."
    return [
        Article(id="a", path="a.txt", raw=a, text=a, offsets=OffsetMap(), published="2023-05-04",
                published_source="url", outlet="Alpha"),
        Article(id="b", path="b.txt", raw=b, text=b, offsets=OffsetMap(), outlet="Beta"),
    ]  # fmt: skip


def test_report_has_timeline_and_published_fields() -> None:
    report = build_report(analyze_articles(_articles()))
    jsonschema.validate(report, SCHEMA)
    (entry,) = report["timeline"]
    assert entry["date"] == "2023-05-04" and entry["conflict"] is None
    # b has no date of its own: its "Thursday" has no anchor and no date is guessed for it.
    assert entry["article_ids"] == ["a"]
    beta = next(a for a in report["articles"] if a["id"] == "b")
    assert beta["published"] is None and beta["published_source"] is None


def test_renderers_show_the_timeline_escaped() -> None:
    report = build_report(analyze_articles(_articles()))
    assert render_markdown(report).count("## Timeline") == 1
    assert "\\<Washington\\>" in render_markdown(report)
    terminal = render_terminal(report)
    assert terminal.count("== Timeline ") == 1 and "2023-05-04" in terminal
    html = render_html(report)
    assert "<h2>Timeline</h2>" in html and "&lt;Washington&gt;" in html and "<Washington>" not in html


def test_dates_command_gives_raw_offsets(tmp_path: Path, capsys) -> None:
    path = tmp_path / "story.txt"
    raw = "Kremlin fire\n\nThe fire broke out around 3 a.m. on Wednesday, officials said.\n"
    path.write_text(raw, encoding="utf-8")
    assert main(["dates", str(path), "--published", "2023-05-04", "--json", "-q"]) == 0
    (item,) = json.loads(capsys.readouterr().out)
    got = {(t["text"], t["value"]) for t in item["timexes"]}
    assert ("around 3 a.m.", "2023-05-03T03:00") in got and ("Wednesday", "2023-05-03") in got
    for t in item["timexes"]:
        assert raw[t["start"] : t["end"]] == t["text"]


def test_dates_command_rejects_a_bad_date(tmp_path: Path, capsys) -> None:
    path = tmp_path / "story.txt"
    path.write_text("On Friday.\n", encoding="utf-8")
    assert main(["dates", str(path), "--published", "2023-13-01"]) == 2
    assert "YYYY-MM-DD" in capsys.readouterr().err


def test_brief_command_shows_the_timeline(tmp_path: Path, capsys) -> None:
    from newsprism.compare.stage import set_embedder
    from newsprism.nlp.embed import LexicalEmbedder

    (tmp_path / "a.txt").write_text(
        "Harbour fire\n\nPublished: March 14, 2024\n\nThe warehouse fire broke out on Tuesday night, "
        "officials said. The port was built in 1998 and rebuilt in 2005.\n",
        encoding="utf-8",
    )
    set_embedder(LexicalEmbedder())
    try:
        assert main(["brief", str(tmp_path), "--quiet"]) == 0
        text = capsys.readouterr().out
        assert main(["brief", str(tmp_path), "--json", "--quiet"]) == 0
    finally:
        set_embedder(None)
    assert "== Timeline " in text and "2024-03-12 night" in text
    dates = {(e["date"], e["precision"]) for e in json.loads(capsys.readouterr().out)["timeline"]}
    assert dates == {("2024-03-12", "day"), ("1998", "year"), ("2005", "year")}


def test_a_date_conflict_shows_both_passages_escaped_in_every_renderer() -> None:
    a = "The <b>warehouse</b> fire broke out at 11:40 p.m. on Tuesday near Kestrel Quay."
    b = "The <b>warehouse</b> fire broke out shortly after 2 a.m. on Wednesday near Kestrel Quay."
    articles = [
        Article(id=k, path=f"{k}.txt", raw=t, text=t, offsets=OffsetMap(), published="2024-03-13",
                published_source="url", outlet=k.upper())
        for k, t in (("a", a), ("b", b))
    ]  # fmt: skip
    report = build_report(analyze_articles(articles))
    jsonschema.validate(report, SCHEMA)
    (entry,) = [e for e in report["timeline"] if e["conflict"]]
    assert {(v["when"], v["text"]) for v in entry["versions"]} == {
        ("2024-03-12 23:40", a),
        ("2024-03-13 02:00", b),
    }
    html = render_html(report)
    assert "2024-03-12 23:40 — " in html and "&lt;b&gt;warehouse" in html and "<b>warehouse" not in html
    markdown = render_markdown(report)
    assert "2024-03-13 02:00 — B" in markdown and "\\<b\\>" in markdown
    assert "2024-03-12 23:40 — A" in render_terminal(report)


def test_the_timeline_uses_the_embedder_plugged_in(monkeypatch) -> None:
    from newsprism.compare.stage import set_embedder
    from newsprism.nlp import embed
    from newsprism.nlp.embed import LexicalEmbedder

    def no_default(*_args, **_kwargs):
        raise AssertionError("the configured model was loaded although an embedder is plugged in")

    monkeypatch.setattr(embed, "get_embedder", no_default)
    texts = (
        "The depot fire broke out on Tuesday near Kestrel Quay.",
        "The depot fire began on Tuesday night.",
    )
    articles = [
        Article(id=k, path=f"{k}.txt", raw=t, text=t, offsets=OffsetMap(), published="2024-03-13",
                published_source="url", outlet=k.upper())
        for k, t in zip("ab", texts, strict=True)
    ]  # fmt: skip
    set_embedder(LexicalEmbedder())
    try:
        timeline = analyze_articles(articles).timeline
    finally:
        set_embedder(None)
    assert any(e.date == "2024-03-12" for e in timeline)
