import json

import jsonschema
import pytest

from newsprism.brief.report import build_report
from newsprism.brief.stage import brief_stage
from newsprism.compare.stage import compare_stage, set_embedder
from newsprism.nlp.embed import LexicalEmbedder
from newsprism.pipeline import Analysis, run_stages
from newsprism.render import render_html, render_markdown, render_terminal
from newsprism.settings import Settings
from tests.conftest import ROOT, make_article

SCHEMA = json.loads((ROOT / "docs" / "brief.schema.json").read_text())
ONE = (
    "Russia blamed the United States for the drone attack on the Kremlin on Thursday.\n\n"
    "“The United States has nothing to do with it,” said John Kirby.\n\n"
    "Twelve people were injured, officials said.\n\nA tag <script>alert(1)</script> in the text.\n\n"
    "Reuters contributed to this report."
)
TWO = (
    "On Thursday Russia blamed the United States for the drone attack on the Kremlin.\n\n"
    "“The United States had nothing to do with it,” John Kirby said.\n\n"
    "Twenty-one people were injured, officials said.\n\nAFP contributed reporting."
)


@pytest.fixture
def analysis():
    set_embedder(LexicalEmbedder())
    yield run_stages(
        Analysis(articles=(make_article(ONE, "One"), make_article(TWO, "Two"))),
        Settings(),
        [("compare", compare_stage), ("brief", brief_stage)],
    )
    set_embedder(None)


def test_report_sections_follow_the_schema(analysis):
    report = build_report(analysis)
    jsonschema.validate(report, SCHEMA)
    assert {
        "statements",
        "ledger",
        "quote_groups",
        "disputes",
        "contradictions",
        "unique",
        "omissions",
        "framing",
        "provenance",
        "summary",
    } <= report.keys()
    credits = {(e["to"], e["kind"]) for e in report["provenance"]["edges"]}
    assert {("Reuters", "credits"), ("AFP", "credits")} <= credits
    assert any(c["kind"] == "number" for c in report["contradictions"])
    assert report["summary"] and all(s["cites"] for s in report["summary"])


def test_every_span_in_the_report_points_at_its_text(analysis):
    report = build_report(analysis)
    texts = {a["id"]: a["text"] for a in report["articles"]}
    for st in report["statements"]:
        assert texts[st["article_id"]][st["start"] : st["end"]] == st["text"]
    for group in report["quote_groups"]:
        for v in group["variants"]:
            assert texts[v["article_id"]][v["start"] : v["end"]] == v["text"]


def test_renderers_show_the_brief_and_escape_article_text(analysis):
    report = build_report(analysis)
    html = render_html(report)
    assert "<script>alert(1)</script>" not in html
    assert "Summary" in html and "Coverage" in html
    assert "Summary" in render_markdown(report)
    assert "Summary" in render_terminal(report)


def test_every_citation_link_in_the_html_has_a_target(analysis):
    import re

    html = render_html(build_report(analysis))
    targets = set(re.findall(r'id="(s-[^"]+)"', html))
    links = set(re.findall(r'href="#(s-[^"]+)"', html))
    assert links and links <= targets


@pytest.mark.parametrize(
    "texts",
    [
        ["Only one outlet reported that the bridge reopened on Monday after repairs."],
        ["Short.", "Tiny text."],
    ],
)
def test_one_article_or_no_statements_still_gives_a_valid_report(texts):
    set_embedder(LexicalEmbedder())
    try:
        arts = tuple(make_article(t, f"Outlet {k}") for k, t in enumerate(texts))
        analysis = run_stages(
            Analysis(articles=arts), Settings(), [("compare", compare_stage), ("brief", brief_stage)]
        )
    finally:
        set_embedder(None)
    report = build_report(analysis)
    jsonschema.validate(report, SCHEMA)
    assert all(g["status"] == "single-source" for g in report["ledger"])
    assert render_html(report) and render_terminal(report)


def test_brief_command_prints_the_brief_and_json(tmp_path, capsys):
    from newsprism.cli import main

    (tmp_path / "one.txt").write_text(ONE)
    (tmp_path / "two.txt").write_text(TWO)
    set_embedder(LexicalEmbedder())
    try:
        assert main(["brief", str(tmp_path), "--quiet"]) == 0
        assert "Summary" in capsys.readouterr().out
        assert main(["brief", str(tmp_path), "--json", "--quiet"]) == 0
    finally:
        set_embedder(None)
    data = json.loads(capsys.readouterr().out)
    assert data["summary"] and data["ledger"] and len(data["articles"]) == 2


def test_ledger_context_is_the_rest_of_the_representative_sentence():
    both = make_article(
        "The storm flooded the harbour district overnight, and the mayor closed every school on Monday.",
        outlet="Both Post",
    )
    schools = make_article("The mayor closed every school on Monday.", outlet="School News")
    set_embedder(LexicalEmbedder())
    try:
        analysis = run_stages(
            Analysis(articles=(both, schools)),
            Settings(),
            [("compare", compare_stage), ("brief", brief_stage)],
        )
    finally:
        set_embedder(None)
    report = build_report(analysis)
    texts = {a.id: a.text for a in analysis.articles}
    statements = {s["id"]: s for s in report["statements"]}
    for group in report["ledger"]:
        rep = next(statements[i] for i in group["statement_ids"] if statements[i]["text"] == group["text"])
        sentence = texts[rep["article_id"]][rep["sentence_start"] : rep["sentence_end"]]
        assert (
            group["before"] + texts[rep["article_id"]][rep["start"] : rep["end"]] + group["after"] == sentence
        )
    flood = next(g for g in report["ledger"] if g["text"].startswith("The storm flooded"))
    assert flood["before"] == "" and flood["after"].startswith(", and the mayor closed")


def test_a_clause_after_a_semicolon_is_shown_inside_its_whole_sentence():
    text = (
        "The defeat raises the possibility that the mayor's strength is partly an illusion; "
        "she may not be as strong as she looks. The council meets on Friday."
    )
    one = make_article(text, outlet="Harbour Post")
    two = make_article("The council meets on Friday to weigh the budget.", outlet="Valley News")
    set_embedder(LexicalEmbedder())
    try:
        analysis = run_stages(
            Analysis(articles=(one, two)), Settings(), [("compare", compare_stage), ("brief", brief_stage)]
        )
    finally:
        set_embedder(None)
    report = build_report(analysis)
    weak = next(g for g in report["ledger"] if g["text"].startswith("she may not be"))
    assert weak["before"].startswith("The defeat raises") and weak["before"].rstrip().endswith(";")
    # The statements' sentence bounds are the whole sentence too, so the invariant of the context holds.
    rep = next(s for s in report["statements"] if s["text"].startswith("she may not be"))
    assert one.text[rep["sentence_start"] : rep["sentence_end"]].startswith("The defeat raises")
