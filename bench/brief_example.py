"""Score the brief on the bundled example story against the truth written with it.

    PYTHONPATH=. python bench/brief_example.py [--story examples/harbour-fire]

Measures, against ``<story>.truth.json``:
- ledger statuses: each truth fact is matched to our group holding its evidence
  sentences; status accuracy, precision/recall per status, independent-support accuracy;
- quote-variant classes: each truth version is matched to our variant of the same words
  in the same file; class accuracy, precision/recall per class;
- provenance edges: (from, to, kind) precision/recall (reuse between two articles is
  compared without direction).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from brief_common import run_brief  # noqa: E402

from newsprism.analyze import load_articles  # noqa: E402
from newsprism.brief.report import build_report  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
# Our classes -> the truth file's names.
CLASS_MAP = {"extended": "trimmed", "spelling": "verbatim", "paraphrase": "translation"}


def _file_of(path: str) -> str:
    return path.replace("\\", "/").rsplit("/", 1)[-1]


def load(story: Path) -> tuple[list, list[str]]:
    """Articles of the story, one input at a time so that one unreadable format skips only itself."""
    articles, skipped = [], []
    for path in sorted(p for p in story.iterdir() if p.is_file()):
        try:
            batch = load_articles([str(path)])
        except Exception as exc:  # a reader not on this branch yet: score what can be read
            skipped.append(f"{path.name}: {type(exc).__name__}: {exc}")
            continue
        articles += batch.articles
        skipped += [r.line() for r in batch.rejections]
    return articles, skipped


def _norm(text: str) -> str:
    return " ".join(text.lower().replace("’", "'").replace("“", '"').replace("”", '"').split())


def _prf(tp: int, fp: int, fn: int) -> str:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return f"P {p:.2f} R {r:.2f} F1 {f:.2f} (tp {tp}, fp {fp}, fn {fn})"


def _per_class(pairs: list[tuple[str, str]]) -> None:
    labels = sorted({t for t, _ in pairs} | {o for _, o in pairs})
    for label in labels:
        tp = sum(1 for t, o in pairs if t == label and o == label)
        fp = sum(1 for t, o in pairs if t != label and o == label)
        fn = sum(1 for t, o in pairs if t == label and o != label)
        print(f"    {label:14s} {_prf(tp, fp, fn)}")


def score_ledger(truth: dict, report: dict, file_of: dict[str, str]) -> None:
    statements = {s["id"]: s for s in report["statements"]}
    group_of = {sid: g for g in report["ledger"] for sid in g["statement_ids"]}
    pairs, support_ok, counted = [], 0, 0
    for fact in truth["ledger"]:
        votes: Counter = Counter()
        for file, evidence in fact["evidence"].items():
            for sid, st in statements.items():
                if file_of.get(st["article_id"]) == file and _norm(evidence) in _norm(st["text"]):
                    votes[group_of[sid]["id"]] += 1
        if not votes or not any(f in file_of.values() for f in fact["files"]):
            pairs.append((fact["status"], "missing"))
            continue
        group = next(g for g in report["ledger"] if g["id"] == votes.most_common(1)[0][0])
        pairs.append((fact["status"], group["status"]))
        readable = [f for f in fact["files"] if f in file_of.values()]
        counted += 1
        support_ok += group["independent_support"] == min(fact["independent_support"], len(readable))
        print(
            f"    {fact['id']:24s} truth {fact['status']:13s} ours {group['status']:13s} "
            f"support {group['independent_support']} (truth {fact['independent_support']})"
        )
    acc = sum(t == o for t, o in pairs) / len(pairs)
    print(
        f"  ledger status accuracy {acc:.2f} over {len(pairs)} truth facts; "
        f"independent support exact on {support_ok}/{counted} matched facts (truth capped at readable files)"
    )
    _per_class(pairs)


def score_quotes(truth: dict, report: dict, file_of: dict[str, str]) -> None:
    variants = [
        (file_of.get(v["article_id"]), _norm(v["text"]), v["classification"])
        for g in report["quote_groups"]
        for v in g["variants"]
    ]
    pairs = []
    for group in truth["quote_variants"]:
        for version in group["versions"]:
            if version["file"] not in file_of.values():
                continue
            words = _norm(version["text"]).strip(' ,."')
            found = [
                c for f, t, c in variants if f == version["file"] and (words in t or t.strip(' ,."') in words)
            ]
            ours = CLASS_MAP.get(found[0], found[0]) if found else "missing"
            pairs.append((version["classification"], ours))
            print(f"    {version['file']:26s} truth {version['classification']:13s} ours {ours}")
    acc = sum(t == o for t, o in pairs) / max(1, len(pairs))
    print(f"  quote-variant class accuracy {acc:.2f} over {len(pairs)} truth versions in readable files")
    _per_class(pairs)


def _edge_key(frm: str, to: str, kind: str, articles: set[str]) -> tuple:
    if kind == "reuses" and frm in articles and to in articles:
        return (kind, *sorted((frm, to)))
    return (kind, frm, to)


def score_provenance(truth: dict, report: dict, file_of: dict[str, str]) -> None:
    files = set(file_of.values())
    gold = {
        _edge_key(e["from"], e["to"], e["kind"], files)
        for e in truth["provenance"]
        if e["from"] in files and (e["to"] in files or e["to"] not in truth["articles"])
    }
    ours = {
        _edge_key(file_of.get(e["from"], e["from"]), file_of.get(e["to"], e["to"]), e["kind"], files)
        for e in report["provenance"]["edges"]
        if e["kind"] in ("reuses", "credits")
    }
    print(
        f"  provenance edges (reuses, credits) {_prf(len(gold & ours), len(ours - gold), len(gold - ours))}"
    )
    for edge in sorted(ours - gold):
        print(f"    extra   {edge}")
    for edge in sorted(gold - ours):
        print(f"    missing {edge}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--story", type=Path, default=ROOT / "examples" / "harbour-fire")
    args = parser.parse_args()
    truth = json.loads(args.story.with_suffix(".truth.json").read_text(encoding="utf-8"))
    articles, skipped = load(args.story)
    for line in skipped:
        print(f"  not read: {line}")
    analysis = run_brief(tuple(articles))
    report = build_report(analysis)
    file_of = {a.id: _file_of(a.path) for a in articles}
    print(
        f"{len(articles)} articles read; timings { ({k: round(v, 2) for k, v in analysis.timings.items()}) }"
    )
    score_ledger(truth, report, file_of)
    score_quotes(truth, report, file_of)
    score_provenance(truth, report, file_of)
    return 0


if __name__ == "__main__":
    sys.exit(main())
