"""Issue 15: an article an analysis stage cannot finish in its time budget is left out of that
stage with a reason; the other articles go on (no model needed: the slow work is simulated).
Issue 16: the budget counts the CPU time the article costs, not the wall time, so a loaded
machine (or a wait) never drops an article."""

import contextlib
import re
import threading
import time

import pytest

from newsprism.compare import statements as statements_module
from newsprism.compare.statements import build_statements
from newsprism.errors import TooSlowInputError
from newsprism.ingest.limits import cpu_budget
from newsprism.quotes import stage as quotes_stage
from newsprism.settings import load_settings
from tests.conftest import make_article

TEXT = "The harbour fire burned for six hours on Tuesday night, the port authority said."


def _stalls_on(slow_id: str, work):
    def run(article, *args, **kwargs):
        if article.id == slow_id:  # 5 s of CPU: ended by the budget first, or the test fails (no hang)
            deadline = time.thread_time() + 5
            while time.thread_time() < deadline:
                pass
        return work(article, *args, **kwargs)

    return run


def test_statement_splitting_over_its_budget_skips_only_that_article(monkeypatch):
    slow, fine = make_article(TEXT, "Courier"), make_article(TEXT, "Herald")
    real = statements_module.article_statements
    monkeypatch.setattr(statements_module, "article_statements", _stalls_on(slow.id, real))
    rejections = []
    found = build_statements([slow, fine], [], rejections=rejections, max_seconds=0.3)
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


def _quotes_with(monkeypatch, slow_id: str, wait) -> list[str]:
    """Quote extraction (simulated) where the article ``slow_id`` first runs ``wait``."""
    monkeypatch.setattr(quotes_stage, "load_spacy", lambda: None)
    monkeypatch.setattr(quotes_stage, "parse_cached", lambda nlp, items, *a, **k: [None for _ in items])
    extracted: list[str] = []

    def extract(article, *_):
        if article.id == slow_id:
            wait()
        extracted.append(article.id)
        return []

    monkeypatch.setattr(quotes_stage, "extract_quotes", extract)
    return extracted


def test_time_spent_waiting_does_not_spend_an_articles_budget(monkeypatch):
    # A loaded machine looks, to the article, like waiting: twice the budget asleep is not rejected.
    waits, fine = make_article(TEXT, "Courier"), make_article(TEXT, "Herald")
    extracted = _quotes_with(monkeypatch, waits.id, lambda: time.sleep(0.6))
    settings = load_settings(None, ["nlp.max_seconds=0.3"])
    _, rejections = quotes_stage.quotes_for_articles([waits, fine], settings)
    assert rejections == [] and extracted == [waits.id, fine.id]


def test_another_threads_cpu_time_does_not_spend_an_articles_budget():
    # The embedder works on a background thread while quotes are extracted: its CPU is not the article's.
    stop = threading.Event()

    def spin() -> None:
        while not stop.is_set():
            pass

    worker = threading.Thread(target=spin)
    worker.start()
    try:
        with cpu_budget(0.2, "a.txt", "quote extraction"):
            time.sleep(0.8)
    finally:
        stop.set()
        worker.join()


def test_a_cpu_bound_runaway_is_still_stopped():
    expected = pytest.raises(TooSlowInputError, match="statement splitting took over 0.2 s; skipped")
    with expected, cpu_budget(0.2, "a.txt", "statement splitting"):
        while True:  # would run forever
            pass


def test_a_regex_backtracking_in_c_is_still_stopped():
    # The kernel's timer reaches code that never returns to Python (no watchdog thread could).
    expected = pytest.raises(TooSlowInputError, match="temporal tagging took over 0.2 s")
    with expected, cpu_budget(0.2, "a.txt", "temporal tagging"):
        re.match(r"(a+)+$", "a" * 60 + "b")


def test_a_cpu_budget_survives_code_that_swallows_exceptions():
    with pytest.raises(TooSlowInputError), cpu_budget(0.2, "a.txt", "quote extraction"):
        while True:
            with contextlib.suppress(Exception):  # the budget is a BaseException: it passes
                sum(range(10_000))


def test_a_cpu_budget_gives_back_a_callers_cpu_timer():
    import signal

    signal.setitimer(signal.ITIMER_PROF, 50.0)
    try:
        with cpu_budget(5, "a.txt", "quote extraction"):
            pass
        remaining, _ = signal.getitimer(signal.ITIMER_PROF)
    finally:
        signal.setitimer(signal.ITIMER_PROF, 0)
    assert 45 < remaining <= 50.1  # the CPU timer counts in clock ticks
