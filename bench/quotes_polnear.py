"""Attribution extraction on PolNeAR dev: content / source / cue span F1, direct and indirect apart.

Gold: one annotator's .ann per document (the first in name order), brat standoff.
A gold attribution is *direct* when its content begins and ends with a quote mark.
Predicted and gold attributions are paired one to one by content overlap (largest
overlap first). For each role we report F1 with two match rules: *exact* (same span
after trimming white space, punctuation, quote marks and a leading "that", which the
annotators include and our quotes leave out) and *overlap* (spans share a character).
Source and cue are scored on the content-paired attributions. The articles of the brief gold
stories (``bench/brief_gold_polnear*``, both halves) are left out unless ``--keep-gold``.

The peer, textacy ``direct_quotations`` (direct quotes only), runs in the same script
through a subprocess in its own virtualenv (``--peer-python``), on the same texts and
the same spaCy model; its figures are for the direct bucket and for all attributions.

    PYTHONPATH=$PWD python bench/quotes_polnear.py --data /work/shared/eval \\
        --peer-python /work/venvs/quotes/bin/python
    PYTHONPATH=$PWD python bench/quotes_polnear.py --split train --every 4 --no-peer \\
        --misses /tmp/misses.jsonl      # development: a quarter of train, every miss written out
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from quotes_common import article_from_text, data_arg, polnear_gold_stems, scoring_quotes  # noqa: E402

from newsprism.nlp import load_spacy  # noqa: E402
from newsprism.quotes.extract import extract_quotes  # noqa: E402
from newsprism.settings import QuoteSettings  # noqa: E402

TRIM = " \t\n.,;:!?\"“”‘’'«»—–-()"
# Attributions whose cue is "say", "tell" or "according to": plain reported speech, the part of
# PolNeAR's attributions (which also hold beliefs, plans, polls and actions) a reader calls quotes.
SAY_CUE = re.compile(r"\b(?:say|says|said|saying|tell|tells|told|telling|according to)\b", re.IGNORECASE)
MARKS = "\"“”‘’'«»"
ROLES = ("content", "source", "cue")


def _trim(text: str, span: list[int] | None) -> tuple[int, int] | None:
    if span is None:
        return None
    a, b = span
    while a < b and text[a] in TRIM:
        a += 1
    while b > a and text[b - 1] in TRIM:
        b -= 1
    if text[a : a + 5].lower() == "that ":
        a += 5
    return (a, b) if b > a else None


def read_gold(ann: Path, text: str) -> list[dict]:
    spans: dict[str, tuple[str, list[int]]] = {}
    rels = []
    for line in ann.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if line.startswith("T") and len(parts) >= 2:
            label, _, ranges = parts[1].partition(" ")
            nums = [int(x) for r in ranges.split(";") for x in r.split()]
            spans[parts[0]] = (label, [min(nums), max(nums)])
        elif line.startswith("E") and len(parts) >= 2:
            rels.append(dict(arg.split(":") for arg in parts[1].split()[1:]))
    gold = []
    for rel in rels:
        item = {role: spans[rel[role.capitalize()]][1] for role in ROLES if role.capitalize() in rel}
        if "content" not in item:
            continue
        body = text[item["content"][0] : item["content"][1]].strip().rstrip(".,")
        item["direct"] = len(body) > 1 and body[0] in MARKS and body[-1] in MARKS
        gold.append(item)
    return gold


def ours(text: str, doc, think: bool = False) -> list[dict]:
    """Our quotes as attributions: the halves of a quote broken by its tag share one cue, and
    an untagged continuation belongs to the quote before it, so each is one attribution with
    a discontinuous content (PolNeAR's convention)."""
    settings = QuoteSettings(think_verbs=think)
    out: list[dict] = []
    by_cue: dict[tuple[int, int], dict] = {}
    for q in scoring_quotes(extract_quotes(article_from_text(text), doc, settings)):
        s = q.speaker
        cue = (q.cue_span.start, q.cue_span.end) if q.cue_span else None
        source = [s.span.start, s.span.end] if s and s.span else None
        prev = out[-1] if out else None
        if q.method == "continuation" and prev and prev["direct"] and prev["source"] == source:
            prev["content"] = [min(prev["content"][0], q.span.start), max(prev["content"][1], q.span.end)]
            continue
        if q.kind == "direct" and cue in by_cue and by_cue[cue]["direct"]:
            item = by_cue[cue]
            item["content"] = [min(item["content"][0], q.span.start), max(item["content"][1], q.span.end)]
            continue
        item = {
            "content": [q.span.start, q.span.end],
            "source": [s.span.start, s.span.end] if s and s.span else None,
            "cue": list(cue) if cue else None,
            "direct": q.kind == "direct",
        }
        out.append(item)
        if cue:
            by_cue.setdefault(cue, item)
    return out


def _overlap(a: tuple[int, int] | None, b: tuple[int, int] | None) -> int:
    if a is None or b is None:
        return 0
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def pair(text: str, gold: list[dict], pred: list[dict]) -> list[tuple[dict, dict]]:
    cands = []
    for i, g in enumerate(gold):
        for j, p in enumerate(pred):
            ov = _overlap(_trim(text, g["content"]), _trim(text, p["content"]))
            if ov:
                cands.append((-ov, i, j))
    used_g, used_p, pairs = set(), set(), []
    for _, i, j in sorted(cands):
        if i not in used_g and j not in used_p:
            used_g.add(i)
            used_p.add(j)
            pairs.append((gold[i], pred[j]))
    return pairs


def count(text: str, gold: list[dict], pred: list[dict], tally: dict) -> None:
    pairs = pair(text, gold, pred)
    for role in ROLES:
        for rule in ("exact", "overlap"):
            t = tally.setdefault((role, rule), [0, 0, 0])
            t[1] += sum(1 for p in pred if p.get(role))
            t[2] += sum(1 for g in gold if g.get(role))
            for g, p in pairs:
                gs, ps = _trim(text, g.get(role)), _trim(text, p.get(role))
                if gs and ps and (gs == ps if rule == "exact" else _overlap(gs, ps) > 0):
                    t[0] += 1


def _f1(t: list[int]) -> str:
    p = t[0] / t[1] if t[1] else 0.0
    r = t[0] / t[2] if t[2] else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return f"P {100 * p:5.1f} R {100 * r:5.1f} F1 {100 * f:5.1f}"


def run_peer(python: str, paths: list[Path]) -> tuple[dict[str, list[dict]], float]:
    script = Path(__file__).resolve().parent / "quotes_peer_textacy.py"
    proc = subprocess.run([python, str(script), *map(str, paths)], capture_output=True, text=True, check=True)
    out, seconds = {}, 0.0
    for line in proc.stdout.splitlines():
        rec = json.loads(line)
        seconds += rec["seconds"]
        out[rec["path"]] = [{**q, "source": q["speaker"], "direct": True} for q in rec["quotes"]]
    return out, seconds


def report(name: str, tallies: dict[str, dict]) -> None:
    for bucket, tally in tallies.items():
        if not tally:
            continue
        print(f"\n{name} — {bucket} attributions")
        for (role, rule), t in sorted(tally.items()):
            print(f"  {role:8} {rule:8} {_f1(t)}   (match {t[0]}, predicted {t[1]}, gold {t[2]})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    data_arg(parser)
    parser.add_argument("--think", action="store_true", help="count belief verbs as cues (PolNeAR does)")
    parser.add_argument("--peer-python", default="/work/venvs/quotes/bin/python", help="python with textacy")
    parser.add_argument("--no-peer", action="store_true", help="skip textacy")
    parser.add_argument(
        "--split", choices=("dev", "train"), default="dev", help="PolNeAR split (develop on train)"
    )
    parser.add_argument("--every", type=int, default=1, help="every n-th document only (a sample of a split)")
    parser.add_argument(
        "--misses", type=Path, help="write every unmatched gold and predicted attribution here"
    )
    parser.add_argument(
        "--keep-gold",
        action="store_true",
        help="keep the articles of the brief gold stories (left out by default: report-half articles are never tuned on)",
    )
    args = parser.parse_args()
    root = args.data / "polnear" / args.split
    anns: dict[str, Path] = {}
    for ann in sorted((root / "attributions").glob("*.ann")):
        anns.setdefault(ann.stem.rsplit("_", 1)[0], ann)
    left_out = set() if args.keep_gold else polnear_gold_stems()
    stems = [s for s in sorted(anns) if (root / "text" / f"{s}.txt").exists() and s not in left_out]
    paths = [root / "text" / f"{stem}.txt" for stem in stems][:: max(1, args.every)]
    texts = [p.read_text(encoding="utf-8") for p in paths]
    nlp = load_spacy()
    t0 = time.perf_counter()
    docs = list(nlp.pipe(texts, batch_size=16))
    preds = [ours(t, d, args.think) for t, d in zip(texts, docs, strict=True)]
    our_seconds = time.perf_counter() - t0
    peer, peer_seconds = None, 0.0
    try:
        if not args.no_peer:
            peer, peer_seconds = run_peer(args.peer_python, paths)
    except (OSError, subprocess.CalledProcessError) as exc:
        print(f"textacy peer did not run ({exc}); install textacy in {args.peer_python}")
    buckets = ("all", "direct", "indirect", "say/tell/according to")
    systems = {"newsprism": {b: {} for b in buckets}}
    if peer is not None:
        systems["textacy direct_quotations"] = {b: {} for b in buckets}
    n_gold = 0
    misses = []
    for path, text, pred in zip(paths, texts, preds, strict=True):
        gold = read_gold(anns[path.stem], text)
        n_gold += len(gold)
        misses += unmatched(path.stem, text, gold, pred)
        outputs = {"newsprism": pred}
        if peer is not None:
            outputs["textacy direct_quotations"] = peer.get(str(path), [])
        for name, out in outputs.items():
            count(text, gold, out, systems[name]["all"])
            for bucket, flag in (("direct", True), ("indirect", False)):
                g = [x for x in gold if x["direct"] == flag]
                p = [x for x in out if x["direct"] == flag]
                count(text, g, p, systems[name][bucket])
            said = [x for x in gold if _says(text, x)]
            count(text, said, [x for x in out if _says(text, x)], systems[name]["say/tell/according to"])
    print(f"PolNeAR {args.split}: {len(paths)} documents, {n_gold} gold attributions")
    print(f"speed: newsprism {len(paths) / our_seconds:.1f} docs/s (parse+quotes)", end="")
    print(f", textacy {len(paths) / peer_seconds:.1f} docs/s" if peer_seconds else "")
    for name, tallies in systems.items():
        report(name, tallies)
    if args.misses:
        args.misses.write_text("".join(json.dumps(m) + "\n" for m in misses), encoding="utf-8")
        print(f"\n{len(misses)} unmatched attributions written to {args.misses}")


def _says(text: str, item: dict) -> bool:
    cue = item.get("cue")
    return cue is not None and bool(SAY_CUE.search(text[cue[0] : cue[1]]))


def unmatched(doc: str, text: str, gold: list[dict], pred: list[dict]) -> list[dict]:
    """Gold attributions no prediction overlaps (``missed``) and predictions no gold overlaps
    (``extra``), each with its content, cue and source text and the sentence around it."""
    paired = pair(text, gold, pred)
    found = {id(g) for g, _ in paired} | {id(p) for _, p in paired}
    out = []
    for what, items in (("missed", gold), ("extra", pred)):
        for item in items:
            if id(item) in found:
                continue
            a, b = item["content"]
            left = max(text.rfind("\n", 0, a), text.rfind(". ", 0, a) + 1, 0)
            right = min((k for k in (text.find("\n", b), text.find(". ", b)) if k >= 0), default=len(text))
            row = {
                "what": what,
                "doc": doc,
                "direct": item["direct"],
                "context": text[left : right + 1].strip(),
            }
            for role in ROLES:
                span = item.get(role)
                row[role] = text[span[0] : span[1]] if span else None
            out.append(row)
    return out


if __name__ == "__main__":
    main()
