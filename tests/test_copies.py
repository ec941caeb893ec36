"""Another outlet's publication of the same text (a syndicated reprint) is stored once, named as a
copy of the article wherever the article is shown, and never counted as a second source."""

from __future__ import annotations

import json

from starlette.testclient import TestClient

from newsprism.analyze import ingest, load_articles
from newsprism.brief.report import article_json
from newsprism.cli import main
from newsprism.model import Copy
from newsprism.render.brief_text import md_brief, term_brief
from newsprism.store import Store
from newsprism.web import ReportCache, create_app

BODY = (
    "Ferry strike ends\n\nThe ferry union called off its strike on Monday after a pay deal was agreed, "
    "the union's secretary said.\n\nServices resume on Tuesday morning.\n"
)


def _record(outlet: str, url: str, text: str = BODY) -> str:
    return json.dumps({"outlet": outlet, "url": url, "title": "Ferry strike ends", "text": text,
                       "published": "2025-04-07"})  # fmt: skip


def _inputs(tmp_path, *records: str) -> list[str]:
    (tmp_path / "wire.jsonl").write_text(_record("Harbour Wire", "https://wire.example/ferry") + "\n")
    (tmp_path / "reprints.jsonl").write_text("".join(r + "\n" for r in records))
    return [str(tmp_path / "wire.jsonl"), str(tmp_path / "reprints.jsonl")]


def test_a_reprint_by_another_outlet_is_kept_as_a_copy_in_a_batch(tmp_path) -> None:
    paths = _inputs(
        tmp_path,
        _record("Valley <b>Times</b>", "https://valley.example/ferry?utm_source=x"),
        _record("Harbour Wire", "https://wire.example/ferry?ref=home"),  # the same outlet again: no copy
        _record("Inland Reporter", "https://inland.example/ferry"),
    )
    (art,) = load_articles(paths).articles
    assert art.outlet == "Harbour Wire"
    assert art.copies == (
        Copy(
            "Valley <b>Times</b>", "https://valley.example/ferry?utm_source=x", paths[1] + "#1", "2025-04-07"
        ),
        Copy("Inland Reporter", "https://inland.example/ferry", paths[1] + "#3", "2025-04-07"),
    )
    assert [c["outlet"] for c in article_json(art)["copies"]] == ["Valley <b>Times</b>", "Inland Reporter"]


def test_a_reprint_is_stored_once_with_its_outlet_and_read_back(tmp_path) -> None:
    paths = _inputs(tmp_path, _record("Inland Reporter", "https://inland.example/ferry"))
    with Store(tmp_path / "n.db") as store:
        batch = ingest(store, paths)
        again = ingest(store, paths)  # re-ingesting changes nothing
        (stored,) = list(store.articles())
        assert (batch.added, again.added, store.count()) == (1, 0, 1)
        assert [(c.outlet, c.url) for c in stored.copies] == [
            ("Inland Reporter", "https://inland.example/ferry")
        ]
        (dup,) = store.duplicates()
        assert dup["copy_outlet"] == "Inland Reporter"


def test_the_same_words_laid_out_differently_under_another_url_are_a_copy_too(tmp_path) -> None:
    spaced = BODY.replace("\n\n", "\n\n\n")  # other bytes, the same cleaned words: folded by text
    paths = _inputs(tmp_path, _record("Inland Reporter", "https://inland.example/ferry", spaced))
    with Store(tmp_path / "n.db") as store:
        ingest(store, paths)
        (stored,) = list(store.articles())
    assert [c.outlet for c in stored.copies] == ["Inland Reporter"]


def test_ingest_names_the_copy_in_its_report(tmp_path, capsys) -> None:
    paths = _inputs(tmp_path, _record("Inland Reporter", "https://inland.example/ferry"))
    assert main(["ingest", str(tmp_path / "n.db"), *paths]) == 0
    assert "(published by Inland Reporter: kept as a copy)" in capsys.readouterr().out


def _report(copies: list[dict]) -> dict:
    art = {"id": "a1", "label": "Harbour Wire", "copies": copies}
    return {"articles": [art], "ledger": [], "provenance": {"edges": []}}


def test_the_brief_names_the_copies_as_one_source_and_escapes_their_names() -> None:
    report = _report([{"outlet": "Valley <b>Times</b>"}, {"outlet": "Inland Reporter"}])
    line = "Valley <b>Times</b>, Inland Reporter published the same text as Harbour Wire: one source, not 3"
    assert line in term_brief(report)
    md = md_brief(report)
    assert "Valley \\<b\\>Times\\</b\\>, Inland Reporter published the same text" in md and "<b>" not in md
    assert "published the same text" not in term_brief(_report([]))


def test_the_article_page_names_the_copies_as_text(tmp_path) -> None:
    paths = _inputs(
        tmp_path, _record('Evil <img src=x onerror="window.pwned=1"> Post', "https://evil.example/f")
    )
    db = tmp_path / "n.db"
    with Store(db) as store:
        ingest(store, paths)
        (stored,) = list(store.articles())
    client = TestClient(create_app(db, ReportCache(), allowed_hosts=["testserver"]))
    html = client.get(f"/articles/{stored.id}").text
    assert "also published word for word by" in html
    assert "Evil &lt;img src=x onerror=&#34;window.pwned=1&#34;&gt; Post" in html and "<img" not in html
