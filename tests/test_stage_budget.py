"""Issue 15: an article an analysis stage cannot finish in its time budget is left out of that
stage with a reason; the other articles go on (no model needed: the slow work is simulated)."""

import time

from newsprism.compare import statements as statements_module
from newsprism.compare.statements import build_statements
from newsprism.quotes import stage as quotes_stage
from newsprism.settings import load_settings
from tests.conftest import make_article

TEXT = "The harbour fire burned for six hours on Tuesday night, the port authority said."


def _stalls_on(slow_id: str, work):
    def run(article, *args, **kwargs):
        if article.id == slow_id:  # 5 s: ended by the budget first, or the test fails (no hang)
            deadline = time.monotonic() + 5
            while time.monotonic() < deadline:
                time.sleep(0.05)
        return work(article, *args, **kwargs)

    return run


def test_statement_splitting_over_its_budget_skips_only_that_article(monkeypatch):
    slow, fine = make_article(TEXT, "Courier"), make_article(TEXT, "Herald")
    real = statements_module.article_statements
    monkeypatch.setattr(statements_module, "article_statements", _stalls_on(slow.id, real))
    rejections = []
    start = time.monotonic()
    found = build_statements([slow, fine], [], rejections=rejections, max_seconds=0.3)
    assert time.monotonic() - start < 10
    assert {st.article_id for st in found} == {fine.id}
    (rejection,) = rejections
    assert rejection.path == slow.path and rejection.stage == "compare"
    assert "statement splitting took over 0.3 s" in rejection.reason
    assert "nlp.max_seconds" in rejection.hint


def test_quote_extraction_over_its_budget_skips_only_that_article(monkeypatch):
    slow, fine = make_article(TEXT, "Courier"), make_article(TEXT, "Herald")
    monkeypatch.setattr(quotes_stage, "load_spacy", lambda: None)
    monkeypatch.setattr(quotes_stage, "parse_cached", lambda nlp, items, *a, **k: [None for _ in items])
    extracted = []
    monkeypatch.setattr(
        quotes_stage,
        "extract_quotes",
        _stalls_on(slow.id, lambda article, *_: extracted.append(article.id) or []),
    )
    settings = load_settings(None, ["nlp.max_seconds=0.3"])
    quotes, rejections = quotes_stage.quotes_for_articles([slow, fine], settings)
    assert quotes == [] and extracted == [fine.id]
    assert [(r.path, r.stage) for r in rejections] == [(slow.path, "quotes")]
    assert "quote extraction took over 0.3 s; skipped" in rejections[0].reason


def test_temporal_tagging_over_its_budget_skips_only_that_article(monkeypatch):
    from newsprism.analysis import Analysis
    from newsprism.temporal import stages as temporal_stages

    slow, fine = make_article(TEXT, "Courier"), make_article(TEXT + " It reopened in May 2024.", "Herald")
    real = temporal_stages.tag_text

    def tag(text, published, article_id, *rest):
        stall = _stalls_on(slow.id, lambda article: real(text, published, article_id, *rest))
        return stall(slow if article_id == slow.id else fine)

    monkeypatch.setattr(temporal_stages, "tag_text", tag)
    settings = load_settings(None, ["nlp.max_seconds=0.3"])
    out = temporal_stages.timeline_stage(Analysis(articles=(slow, fine)), settings)
    assert [(r.path, r.stage) for r in out.rejections] == [(slow.path, "timeline")]
    assert "temporal tagging took over 0.3 s; skipped" in out.rejections[0].reason
    assert {t.article_id for t in out.timexes} == {fine.id}
