"""Agreement between two annotators of own-voice loaded terms: the ceiling for any system.

The first annotation is the brief golds' ``loaded`` lists (``bench/brief_gold``,
``bench/brief_gold_polnear``); the second is ``bench/loaded_second.json``, written blind for
the calibrate stories. Each annotator's terms are scored against the other's exactly as
``bench/brief_gold.py`` scores the system's (per article, a term matches one of the other list
when the two are equal or one holds the other as whole words), so "second vs first" reads as
the recall and precision a careful human reaches against our gold.

    PYTHONPATH=. python bench/loaded_agreement.py            # agreement per gold and pooled
    PYTHONPATH=. python bench/loaded_agreement.py -v         # also every term only one lists
    PYTHONPATH=. python bench/loaded_agreement.py --system   # also the system against both, and
                                                             # against terms both annotators list

Measures: recall and precision of the second annotation against the first (their F1 is the
positive specific agreement, symmetric), and Jaccard of the matched terms.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from pathlib import Path

from brief_gold import _term

SECOND = Path(__file__).resolve().parent / "loaded_second.json"
ROOT = Path(__file__).resolve().parent.parent

Terms = dict[str, set[str]]  # document -> terms


def same(a: str, b: str) -> bool:
    """``bench/brief_gold.py``'s rule: equal, or one holds the other as whole words."""
    return a == b or f" {a} " in f" {b} " or f" {b} " in f" {a} "


def first_terms(story: dict) -> Terms:
    """The first annotator's terms (the brief gold) of one story."""
    gold = json.loads((ROOT / story["gold"] / f"{story['story']}.json").read_text(encoding="utf-8"))
    out: Terms = {d: set() for d in story["articles"]}
    for item in gold.get("loaded", []):
        out[item["doc"]].add(_term(item["term"]))
    return out


def second_terms(story: dict) -> Terms:
    out: Terms = {d: set() for d in story["articles"]}
    for item in story["loaded"]:
        out[item["doc"]].add(_term(item["term"]))
    return out


def tally(reference: Terms, other: Terms) -> tuple[int, int, int, int]:
    """(reference terms found by ``other``, reference terms, ``other`` terms right, ``other`` terms)."""
    found = right = n_ref = n_other = 0
    for doc, ref in reference.items():
        mine = other.get(doc, set())
        found += sum(any(same(t, u) for u in mine) for t in ref)
        right += sum(any(same(t, u) for u in ref) for t in mine)
        n_ref, n_other = n_ref + len(ref), n_other + len(mine)
    return found, n_ref, right, n_other


def both(a: Terms, b: Terms) -> Terms:
    """Terms of ``a`` that ``b`` also lists (the annotators agree on them)."""
    return {d: {t for t in ts if any(same(t, u) for u in b.get(d, set()))} for d, ts in a.items()}


def line(name: str, s: tuple[int, int, int, int]) -> str:
    found, n_ref, right, n_other = s
    r, p = found / max(1, n_ref), right / max(1, n_other)
    f1 = 2 * r * p / (r + p) if r + p else 0.0
    return f"{name:<34} R {r:.2f} ({found}/{n_ref})  P {p:.2f} ({right}/{n_other})  F1 {f1:.2f}"


def add(a: tuple[int, ...], b: tuple[int, ...]) -> tuple[int, int, int, int]:
    return tuple(x + y for x, y in zip(a, b, strict=True))  # type: ignore[return-value]


def system_terms(stories: list[dict], gold_dir: str) -> Terms:
    """Loaded terms newsprism lists for the articles of ``stories`` (runs the pipeline)."""
    from brief_gold import DEFAULT_DATA, build_doc, build_polnear_doc, gold_source
    from polnear_text import metadata as polnear_metadata

    from newsprism.analyze import analyze_articles

    source = gold_source(ROOT / gold_dir)
    meta = polnear_metadata(DEFAULT_DATA) if source == "polnear" else {}
    out: Terms = {}
    for story in stories:
        if source == "polnear":
            docs = {n: build_polnear_doc(DEFAULT_DATA, n, meta.get(n, {})) for n in story["articles"]}
        else:
            docs = {n: build_doc(DEFAULT_DATA, n) for n in story["articles"]}
        analysis = analyze_articles([d.article for d in docs.values()])
        name_of = {d.article.id: n for n, d in docs.items()}
        for f in analysis.framing:
            out[name_of[f["article_id"]]] = {_term(t) for t in f.get("loaded_terms", {})}
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("-v", action="store_true", help="list the terms only one annotator gives")
    ap.add_argument("--system", action="store_true", help="also score newsprism against both annotators")
    args = ap.parse_args()
    stories = json.loads(SECOND.read_text(encoding="utf-8"))["stories"]
    by_gold: dict[str, list[dict]] = defaultdict(list)
    for story in stories:
        by_gold[story["gold"]].append(story)
    pooled = (0, 0, 0, 0)
    for gold_dir, group in by_gold.items():
        first: Terms = {}
        second: Terms = {}
        for story in group:
            first |= first_terms(story)
            second |= second_terms(story)
        s = tally(first, second)
        pooled = add(pooled, s)
        print(line(f"{gold_dir} calibrate, 2nd vs 1st", s))
        if args.v:
            for doc in first:
                only1 = sorted(t for t in first[doc] if not any(same(t, u) for u in second[doc]))
                only2 = sorted(t for t in second[doc] if not any(same(t, u) for u in first[doc]))
                print(f"  {doc}\n    only 1st: {only1}\n    only 2nd: {only2}")
        if args.system:
            system = system_terms(group, gold_dir)
            print(line("  system vs 1st (the gold)", tally(first, system)))
            print(line("  system vs 2nd", tally(second, system)))
            print(line("  system vs terms both list", tally(both(first, second), system)))
            either = {d: first[d] | second[d] for d in first}
            print(line("  system vs terms either lists", tally(either, system)))
    print(line("pooled, 2nd vs 1st", pooled))
    return 0


if __name__ == "__main__":
    sys.exit(main())
