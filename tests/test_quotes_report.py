"""The quotes stage end to end: report sections follow the schema, renderers escape, CLI works."""

import json

import jsonschema
import pytest

from newsprism.brief.report import build_report
from newsprism.cli import main
from newsprism.nlp import MemoryParseCache, doc_from_bytes, doc_to_bytes, load_spacy, model_key, parse_cached
from newsprism.pipeline import Analysis
from newsprism.quotes.stage import quotes_stage
from newsprism.render import render_html, render_markdown, render_terminal
from newsprism.settings import Settings
from newsprism.stages import STAGES
from newsprism.store import Store
from tests.conftest import ROOT, make_article

SCHEMA = json.loads((ROOT / "docs" / "brief.schema.json").read_text())
ONE = "“The <b>quay</b> is closed until Friday,” harbour master Tomas Reilly said on Monday."
TWO = "Reilly told reporters that the quay would reopen next week.\n\n“We are not there yet,” Reilly said."


@pytest.fixture(scope="module")
def analysis():
    arts = (make_article(ONE, outlet="Courier"), make_article(TWO, outlet="Herald"))
    return quotes_stage(Analysis(articles=arts), Settings())


def test_stage_is_registered():
    assert ("quotes", quotes_stage) in STAGES


def test_speaker_merged_across_articles_and_schema_valid(analysis):
    report = build_report(analysis)
    jsonschema.validate(report, SCHEMA)
    broken = dict(report, quotes=[dict(report["quotes"][0], kind="rumour")])
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(broken, SCHEMA)
    (row,) = [s for s in report["speakers"] if s["canonical"] == "Tomas Reilly"]
    assert len(row["article_ids"]) == 2 and "Reilly" in row["aliases"] and row["roles"] == ["harbour master"]
    kinds = sorted(q["kind"] for q in report["quotes"])
    assert kinds == ["direct", "direct", "indirect"]
    for q in report["quotes"]:
        art = next(a for a in report["articles"] if a["id"] == q["article_id"])
        assert art["text"][q["start"] : q["end"]] == q["text"]


def test_renderers_show_ledger_and_escape(analysis):
    report = build_report(analysis)
    html = render_html(report)
    assert "Quotes by speaker" in html and "<b>quay</b>" not in html and "&lt;b&gt;quay" in html
    assert "Tomas Reilly" in render_markdown(report) and "\\<b\\>" in render_markdown(report)
    assert "Tomas Reilly — harbour master (3 quotes, 2 articles)" in render_terminal(report)


def test_parse_cache_round_trip_and_reuse():
    nlp = load_spacy()
    doc = nlp("Peskov said the drones were downed.")
    again = doc_from_bytes(nlp, doc_to_bytes(doc))
    assert [(t.text, t.dep_, t.ent_type_) for t in again] == [(t.text, t.dep_, t.ent_type_) for t in doc]
    cache = MemoryParseCache()
    first = parse_cached(nlp, [("a1", "Kirby said no.")], cache)
    assert len(cache) == 1 and cache.get_parse("a1", model_key(nlp)) is not None
    second = parse_cached(nlp, [("a1", "Kirby said no.")], cache)
    assert [t.dep_ for t in first[0]] == [t.dep_ for t in second[0]]


def test_store_keeps_parses_of_stored_articles_only(tmp_path):
    art = make_article(ONE, outlet="Courier")
    with Store(tmp_path / "n.db") as store:
        store.add_article(art)
        store.put_parse(art.id, "m-1", b"bytes")
        store.put_parse("not-stored", "m-1", b"bytes")
        assert store.get_parse(art.id, "m-1") == b"bytes" and store.get_parse("not-stored", "m-1") is None
        assert store.count("parses") == 1


def test_cli_quotes_paths_and_store_speaker(tmp_path, capsys):
    (tmp_path / "one.txt").write_text("Harbour news\n\n" + ONE + "\n")
    (tmp_path / "two.txt").write_text("More harbour news\n\n" + TWO + "\n")
    assert main(["quotes", str(tmp_path / "one.txt"), str(tmp_path / "two.txt"), "--json", "-q"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert {"articles", "quotes", "speakers"} <= set(data) and len(data["quotes"]) == 3
    db = str(tmp_path / "n.db")
    assert main(["ingest", db, str(tmp_path), "-q"]) == 0
    capsys.readouterr()
    assert main(["quotes", db, "--speaker", "reilly"]) == 0
    out = capsys.readouterr().out
    assert out.count("Tomas Reilly") == 3
    assert main(["quotes", db, "--speaker", "Nobody Known"]) == 2
    assert "no speaker named" in capsys.readouterr().err


def test_analyze_with_db_keeps_parses_for_the_next_run(tmp_path, capsys):
    (tmp_path / "one.txt").write_text("Harbour news\n\n" + ONE + "\n")
    db = str(tmp_path / "n.db")
    assert main(["analyze", str(tmp_path / "one.txt"), "--db", db, "--json", "-q"]) == 0
    first = json.loads(capsys.readouterr().out)
    with Store(db) as store:
        assert store.count("parses") == 1
    assert main(["analyze", str(tmp_path / "one.txt"), "--db", db, "--json", "-q"]) == 0
    assert json.loads(capsys.readouterr().out)["quotes"] == first["quotes"]
