"""Read the five seed articles as an editor would: does the brief find what a careful reader finds?

    PYTHONPATH=. python bench/brief_seeds.py --data /work/shared/eval [--out bench/out/seeds]

Prints each editorial check (found / missed, with the evidence) and writes the brief
(Markdown, HTML, JSON) to --out when given. The seeds live beside the eval folder
(``<data>/../seeds``).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from brief_common import default_data, read_articles, run_brief  # noqa: E402

from newsprism.brief.report import build_report  # noqa: E402
from newsprism.render import render_html, render_markdown  # noqa: E402


def _check(name: str, ok: bool, detail: str) -> bool:
    print(f"[{'FOUND' if ok else 'MISSED'}] {name}\n        {detail}")
    return ok


def peskov_quote(report: dict, labels: dict[str, str]) -> bool:
    groups = [
        g for g in report["quote_groups"] if any("washington" in v["text"].lower() for v in g["variants"])
    ]
    best = max(groups, key=lambda g: len(g["variants"]), default=None)
    outlets = sorted({labels[v["article_id"]] for v in best["variants"]}) if best else []
    classes = [v["classification"] for v in best["variants"]] if best else []
    return _check(
        "Peskov's 'decided in Washington' quote in every outlet, in different wordings",
        len(outlets) == len(labels),
        f"{len(outlets)}/{len(labels)} outlets: {outlets}; classes {classes}",
    )


def zelensky_alteration(report: dict, labels: dict[str, str]) -> bool:
    hits = [
        (labels[v["article_id"]], v["classification"], v.get("notes"), v["text"])
        for g in report["quote_groups"]
        for v in g["variants"]
        if "putin" in v["text"].lower() and "moscow" in v["text"].lower() and v.get("flagged")
    ]
    changed = [h for h in hits if any("criticize" in n for n in h[2] or [])]
    return _check(
        "one outlet's Zelensky quote changes its meaning (attack -> criticize)",
        bool(changed),
        f"flagged versions: {hits}",
    )


def unique_facts(report: dict, labels: dict[str, str]) -> bool:
    texts = {g["id"]: g["text"] for g in report["ledger"]}
    for article_id, groups in report["unique"].items():
        examples = [texts[g][:90] for g in groups[:2]]
        print(f"        {labels[article_id]}: {len(groups)} statements only here, e.g. {examples}")
    return _check(
        "facts only one outlet has",
        bool(report["unique"]),
        f"{len(report['unique'])} outlets with unique content",
    )


def us_dispute(report: dict) -> bool:
    disputes = [d for d in report["disputes"] if d.get("subject") == "United States"]
    if not disputes:
        return _check(
            "who asserts and who denies US involvement", False, "no dispute about the United States"
        )
    d = disputes[0]
    asserts = sorted({e["actor"] for e in d["asserts"]})
    denies = sorted({e["actor"] for e in d["denies"]})
    ok = any(p["party"] == "Russia" for p in d["asserts"]) and any(
        p["party"] == "United States" for p in d["denies"]
    )
    return _check("who asserts and who denies US involvement", ok, f"asserts: {asserts}; denies: {denies}")


def agency_credits(report: dict, labels: dict[str, str]) -> bool:
    credits = sorted(
        (labels[e["from"]], e["to"]) for e in report["provenance"]["edges"] if e["kind"] == "credits"
    )
    agencies = {to for _, to in credits}
    return _check(
        "one article credits Reuters and another AFP", {"Reuters", "AFP"} <= agencies, f"credits: {credits}"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=default_data())
    parser.add_argument("--out", type=Path, default=None)
    args = parser.parse_args()
    seeds = args.data.resolve().parent / "seeds"
    articles = read_articles(sorted(seeds.glob("*.txt")))
    analysis = run_brief(articles)
    report = build_report(analysis)
    labels = {a["id"]: a["label"] for a in report["articles"]}
    print(f"{len(articles)} articles, {len(report['statements'])} statements, {len(analysis.quotes)} quotes")
    print("timings (s):", {k: round(v, 2) for k, v in analysis.timings.items()})
    results = [
        peskov_quote(report, labels),
        zelensky_alteration(report, labels),
        unique_facts(report, labels),
        us_dispute(report),
        agency_credits(report, labels),
    ]
    print(f"\n{sum(results)}/{len(results)} editorial checks found")
    if args.out:
        args.out.mkdir(parents=True, exist_ok=True)
        (args.out / "seeds.md").write_text(render_markdown(report), encoding="utf-8")
        (args.out / "seeds.html").write_text(render_html(report), encoding="utf-8")
        (args.out / "seeds.json").write_text(
            json.dumps(report, ensure_ascii=False, indent=1), encoding="utf-8"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
