import numpy as np

from newsprism.brief.summary import summarize
from newsprism.model import LedgerGroup, Span, Statement
from tests.conftest import make_article

A = make_article(
    "Twelve people were injured in the warehouse fire on Tuesday night.\n\n"
    "The mayor praised the firefighters for their quick work overnight.",
    outlet="A",
)
B = make_article("The warehouse fire on Tuesday night injured twelve people in the town.", outlet="B")


def _st(sid, art, text):
    start = art.text.index(text)
    return Statement(id=sid, article_id=art.id, text=text, span=Span(start, start + len(text)))


STS = [
    _st("s1", A, "Twelve people were injured in the warehouse fire on Tuesday night."),
    _st("s2", B, "The warehouse fire on Tuesday night injured twelve people in the town."),
    _st("s3", A, "The mayor praised the firefighters for their quick work overnight."),
]
LEDGER = [
    LedgerGroup("g1", STS[0].text, "consensus", ("s1", "s2"), (A.id, B.id), 2),
    LedgerGroup("g2", STS[2].text, "single-source", ("s3",), (A.id,), 1),
]
VECS = {
    "s1": np.array([1, 0], np.float32),
    "s2": np.array([1, 0], np.float32),
    "s3": np.array([0, 1], np.float32),
}


def test_summary_cites_every_outlet_and_marks_single_source():
    summary = summarize(LEDGER, STS, [A, B], VECS)
    assert [s["group_id"] for s in summary] == ["g1", "g2"]
    assert {c["outlet"] for c in summary[0]["cites"]} == {"A", "B"}
    assert summary[0]["marked"] is None and summary[1]["marked"] == "single-source"
    for s in summary:
        art = A if s["article_id"] == A.id else B
        assert art.text[s["start"] : s["end"]] == s["text"]


def test_summary_respects_its_length_and_skips_redundant_sentences():
    assert len(summarize(LEDGER, STS, [A, B], VECS, max_sentences=1)) == 1
    twin = [LEDGER[0], LedgerGroup("g3", STS[1].text, "consensus", ("s2",), (B.id,), 2)]
    assert [s["group_id"] for s in summarize(twin, STS, [A, B], VECS)] == ["g1"]


def test_an_altered_quote_is_not_the_words_the_summary_uses():
    altered = STS[0].__class__(**{**STS[0].__dict__, "quote_id": "q-bad"})
    sts = [altered, STS[1], STS[2]]
    summary = summarize(LEDGER, sts, [A, B], VECS, avoid_quotes={"q-bad"})
    assert summary[0]["statement_id"] == "s2"
