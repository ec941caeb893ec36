"""Degenerate stories stay readable: one contradiction row per fact, one dispute per claim."""

from newsprism.compare.contradictions import group_contradictions
from newsprism.compare.disputes import merge_copies
from newsprism.model import Contradiction, Dispute


def _side(sid: str, art: str, text: str) -> dict:
    return {"statement_id": sid, "article_id": art, "text": text, "start": 0, "end": len(text)}


def _count(
    a: tuple[str, str, str], b: tuple[str, str, str], note: str, values: tuple[str, str]
) -> Contradiction:
    return Contradiction(
        id=f"c_{a[0]}{b[0]}", kind="number", a=_side(*a), b=_side(*b), note=note, values=values
    )


def test_pairwise_count_clashes_about_one_fact_are_one_row_with_each_value_and_its_outlets():
    s1, s2, s3, s4 = (
        ("s1", "a1", "12 hurt"),
        ("s2", "a2", "21 hurt"),
        ("s3", "a3", "12 hurt"),
        ("s4", "a4", "30 hurt"),
    )
    pairs = [
        _count(s1, s2, "people: 12 vs 21", ("12", "21")),
        _count(s3, s2, "people: 12 vs 21", ("12", "21")),
        _count(s1, s4, "people: 12 vs 30", ("12", "30")),
    ]
    rows = group_contradictions(pairs)
    assert len(rows) == 1
    values = {v["value"]: [e["article_id"] for e in v["sides"]] for v in rows[0]["values"]}
    assert values == {"12": ["a1", "a3"], "21": ["a2"], "30": ["a4"]}
    assert len(rows[0]["pairs"]) == 3


def test_clashes_about_different_counted_things_stay_separate_rows():
    pairs = [
        _count(("s1", "a1", "x"), ("s2", "a2", "y"), "people: 12 vs 21", ("12", "21")),
        _count(("s1", "a1", "x"), ("s3", "a3", "z"), "homes: 3 vs 4", ("3", "4")),
    ]
    assert len(group_contradictions(pairs)) == 2


def _dispute(n: int, claim: str, subject: str = "Acme") -> Dispute:
    ev = {"statement_id": f"s{n}", "article_id": f"a{n}", "text": claim, "actor": "X", "party": "X"}
    deny = {**ev, "statement_id": f"t{n}", "text": "Acme denied it"}
    return Dispute(id=f"d{n}", claim=claim, asserts=(ev,), denies=(deny,), subject=subject)


def test_near_copies_of_one_claim_are_one_dispute_listing_every_outlet():
    copies = [
        _dispute(n, f"Officials accused Acme of dumping {n} tonnes of waste into the river")
        for n in range(300)
    ]
    merged = merge_copies(copies)
    assert len(merged) == 1
    assert len(merged[0].asserts) == 300 and len(merged[0].denies) == 300


def test_different_claims_or_subjects_are_not_merged():
    a = _dispute(1, "Officials accused Acme of dumping waste into the river")
    b = _dispute(2, "The union said Acme cut pay for night shifts last year")
    c = _dispute(3, "Officials accused Acme of dumping waste into the river", subject="Bolt")
    assert len(merge_copies([a, b, c])) == 3
