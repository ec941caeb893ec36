"""The brief's cross-section invariants: a small hand-built brief that keeps them, and one
violation of each kind (fictional text)."""

import copy

import numpy as np

from newsprism.brief.consistency import GATED, KINDS, check_brief, count_kinds
from newsprism.compare.ledger import build_ledger
from newsprism.model import Span, Statement
from newsprism.settings import CompareSettings

A_TEXT = "The ferry to Lorn Island ran aground on Sunday morning.\n\nAll 40 passengers were taken off safely."
B_TEXT = "On Sunday morning the ferry to Lorn Island ran aground. All 40 passengers were taken off safely."
C_TEXT = "A ferry ran aground near Lorn Island. The captain said: “The tide was lower than the chart said.”"


def _span(text: str, part: str) -> tuple[int, int]:
    start = text.index(part)
    return start, start + len(part)


def _statement(sid: str, article: str, text: str, part: str, quote: str | None = None) -> dict:
    start, end = _span(text, part)
    return {"id": sid, "article_id": article, "text": part, "start": start, "end": end, "quote_id": quote}


def _brief() -> dict:
    """Three outlets, A and B independent, C a rewrite of B (one origin)."""
    statements = [
        _statement("s1", "A", A_TEXT, "The ferry to Lorn Island ran aground on Sunday morning."),
        _statement("s2", "B", B_TEXT, "On Sunday morning the ferry to Lorn Island ran aground."),
        _statement("s3", "C", C_TEXT, "A ferry ran aground near Lorn Island."),
        _statement("s4", "A", A_TEXT, "All 40 passengers were taken off safely."),
        _statement("s5", "B", B_TEXT, "All 40 passengers were taken off safely."),
        _statement("s6", "C", C_TEXT, "“The tide was lower than the chart said.”", quote="q1"),
    ]
    ledger = [
        {"id": "g1", "text": statements[0]["text"], "status": "consensus", "article_ids": ["A", "B", "C"],
         "statement_ids": ["s1", "s2", "s3"], "independent_support": 2},
        {"id": "g2", "text": statements[3]["text"], "status": "consensus", "article_ids": ["A", "B"],
         "statement_ids": ["s4", "s5"], "independent_support": 2},
        {"id": "g3", "text": statements[5]["text"], "status": "single-source", "article_ids": ["C"],
         "statement_ids": ["s6"], "independent_support": 1},
    ]  # fmt: skip
    start, end = _span(A_TEXT, statements[0]["text"])
    summary = [
        {"text": statements[0]["text"], "group_id": "g1", "statement_id": "s1", "article_id": "A",
         "start": start, "end": end, "status": "consensus", "independent_support": 2,
         "cites": [{"article_id": a, "statement_id": s, **dict(zip(("start", "end"), _span(t, p), strict=True))}
                   for a, s, t, p in (("A", "s1", A_TEXT, statements[0]["text"]),
                                      ("B", "s2", B_TEXT, statements[1]["text"]))]},
    ]  # fmt: skip
    return {
        "articles": [{"id": "A", "text": A_TEXT}, {"id": "B", "text": B_TEXT}, {"id": "C", "text": C_TEXT}],
        "statements": statements,
        "ledger": ledger,
        "summary": summary,
        "unique": {"C": ["g3"]},
        "omissions": {},
        "quote_groups": [],
        "timeline": [
            {
                "date": "2025-05-04",
                "text": "ran aground on Sunday morning",
                "spans": [{"article_id": "A", "start": 0, "end": 55}],
                "versions": [],
            },
        ],  # fmt: skip
        "provenance": {
            "edges": [{"from": "C", "to": "B", "kind": "reuses"}],
            "origins": {"A": "A", "B": "B", "C": "B"},
        },
    }


def _kinds(brief: dict) -> dict[str, int]:
    return {k: v for k, v in count_kinds(check_brief(brief)).items() if v}


def test_a_consistent_brief_has_no_violation():
    assert _kinds(_brief()) == {}
    assert set(GATED) < set(KINDS)


def test_a_summary_count_that_is_not_the_ledgers():
    brief = _brief()
    brief["summary"][0]["independent_support"] = 3
    assert _kinds(brief) == {"summary_support": 1}


def test_a_summary_citing_an_outlet_outside_its_group():
    brief = _brief()
    brief["ledger"][0]["article_ids"] = ["A", "C"]
    brief["ledger"][0]["statement_ids"] = ["s1", "s3"]
    assert "summary_cites" in _kinds(brief)


def test_a_summary_status_other_than_the_groups():
    brief = _brief()
    brief["summary"][0]["status"] = "disputed"
    assert _kinds(brief) == {"summary_status": 1}


def test_a_summary_line_showing_another_groups_text_with_another_count():
    brief = _brief()
    brief["ledger"][1]["text"] = brief["summary"][0]["text"]  # g2's row would print line 1's words
    brief["ledger"][1]["independent_support"] = 1
    brief["ledger"][1]["article_ids"] = ["A"]
    brief["ledger"][1]["statement_ids"] = ["s4"]
    assert _kinds(brief) == {"summary_text": 1}
    brief["ledger"][1]["independent_support"] = 2  # the same count and status: nothing to trip on
    assert "summary_text" not in _kinds(brief)


def test_a_summary_counting_an_altered_quote():
    brief = _brief()
    brief["statements"][1]["quote_id"] = "q9"
    brief["quote_groups"] = [
        {"id": "qg", "variants": [{"quote_id": "q9", "flagged": True, "article_id": "B"}]}
    ]
    assert _kinds(brief) == {"altered_support": 1}


def test_only_here_for_a_line_another_origin_carries():
    brief = _brief()
    brief["unique"] = {"A": ["g2"]}  # B carries it too
    assert _kinds(brief) == {"only_here": 1}
    brief = _brief()
    # The same sentence in another group that A holds: "only here" for C would be false.
    brief["ledger"].append(
        {**brief["ledger"][2], "id": "g4", "article_ids": ["A", "C"], "statement_ids": ["s1", "s6"]}
    )
    assert _kinds(brief)["only_here"] == 1


def test_leaves_out_a_fact_the_outlet_carries():
    brief = _brief()
    brief["omissions"] = {"C": ["g2"]}  # C's text lacks it: a true omission
    assert _kinds(brief) == {}
    brief["articles"][2]["text"] = C_TEXT + " All 40 passengers were\ntaken off safely."
    assert _kinds(brief) == {"leaves_out": 1}


def test_an_agree_row_listed_twice():
    brief = _brief()
    brief["ledger"].append({**brief["ledger"][1], "id": "g5", "statement_ids": ["s5", "s4"]})
    kinds = _kinds(brief)
    assert kinds["agree_duplicate"] == 1 and kinds["statement_twice"] == 2


def test_a_cited_passage_not_in_the_named_outlet():
    brief = _brief()
    brief["summary"][0]["cites"][1]["article_id"] = "C"  # B's sentence, said to be C's
    assert _kinds(brief) == {"passage": 1}
    brief = _brief()
    brief["statements"][3]["text"] = "All forty passengers were taken off safely."
    assert _kinds(brief) == {"passage": 1}


def test_without_texts_passages_are_not_judged_and_with_them_they_are():
    brief = _brief()
    texts = {a["id"]: a.pop("text") for a in brief["articles"]}
    brief["statements"][3]["text"] = "All forty passengers were taken off safely."
    assert _kinds(brief) == {}
    assert count_kinds(check_brief(brief, texts))["passage"] == 1


def test_whitespace_does_not_make_a_passage_wrong():
    brief = _brief()
    brief["statements"][3]["text"] = "All 40  passengers were\ntaken off safely."
    assert _kinds(brief) == {}


def test_independent_counts_follow_the_reuse_edges():
    brief = _brief()
    brief["ledger"][0]["independent_support"] = 3  # C is a rewrite of B: two origins, not three
    assert _kinds(brief)["origins"] == 1
    brief = _brief()
    brief["ledger"][1]["independent_support"] = 3  # more origins than outlets
    assert _kinds(brief)["origins"] == 1


def test_a_timeline_row_citing_a_passage_without_its_date():
    brief = _brief()
    assert _kinds(copy.deepcopy(brief)) == {}
    start, end = _span(A_TEXT, "All 40 passengers were taken off safely.")
    brief["timeline"][0]["spans"] = [{"article_id": "A", "start": start, "end": end}]
    assert _kinds(brief) == {"timeline_date": 1}


def _st(sid: str, article: str, text: str) -> Statement:
    return Statement(id=sid, article_id=article, text=text, span=Span(0, len(text)))


def test_the_ledger_never_shows_two_groups_with_one_sentence():
    # Two overlapping groups (say an alignment group and a fact group) whose most central member is
    # the same sentence: the second is shown by a member of its own.
    sts = [
        _st("a", "A", "The bridge reopened on Monday."),
        _st("b", "B", "The bridge reopened on Monday."),
        _st("c", "C", "Traffic crossed the bridge again from Monday."),
        _st("d", "D", "Cars were back on the bridge on Monday."),
    ]
    sims = np.full((4, 4), 0.6) + np.eye(4) * 0.4
    sims[0, 1] = sims[1, 0] = 0.9
    ledger = build_ledger(sts, [[0, 1, 2], [0, 1, 3]], sims, {}, set(), CompareSettings())
    texts = [" ".join(g.text.split()).lower() for g in ledger if len(g.article_ids) > 1]
    assert len(texts) == len(set(texts)) == 2
    # A group whose every member the first already holds is folded into it, outlets and count.
    ledger = build_ledger(sts[:2], [[0, 1], [0]], sims[:2, :2], {}, set(), CompareSettings())
    assert len(ledger) == 1 and ledger[0].independent_support == 2


def test_only_here_skips_a_group_whose_statement_another_origin_group_holds():
    from newsprism.compare.ledger import unique_content
    from newsprism.model import LedgerGroup

    alone = LedgerGroup("g1", "The pier was closed.", "single-source", ("s1",), ("A",), 1)
    shared = LedgerGroup("g2", "The pier was shut.", "consensus", ("s1", "s2"), ("A", "B"), 2)
    assert unique_content([alone]) == {"A": ("g1",)}
    assert unique_content([alone, shared]) == {}
    copies = LedgerGroup("g2", "The pier was shut.", "single-source", ("s1", "s2"), ("A", "B"), 1)
    assert unique_content([alone, copies], {"B": "A"}) == {"A": ("g1", "g2"), "B": ("g2",)}


def test_a_dispute_side_is_cited_in_the_outlets_words():
    from newsprism.brief.sections import _sides

    # The finder joined the clause without the sentence's comma: the report shows the text itself.
    side = {
        "article_id": "A",
        "start": 0,
        "end": 55,
        "text": "The ferry to Lorn Island ran aground on Sunday morning",
    }
    texts = {"A": A_TEXT.replace("Island ran", "Island, ran")}
    assert _sides([side], texts)[0]["text"] == texts["A"][0:55]
    assert _sides([{**side, "end": 999}], texts)[0]["text"] == side["text"]  # offsets off the text: kept
