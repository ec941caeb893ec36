"""Quote extraction on the Gender Gap Tracker gold (dev half), scored by GGT's own rules.

GGT rules (their evaluate.py): a gold quote matches the predicted quote with the
highest overlap score |gold ∩ pred| / |gold| (characters) above the threshold, each
prediction used once; speaker match = the predicted speaker span overlaps the gold
speaker span (or, for a gold quote without speaker, the prediction is a floating /
continued quote); verb match = same verb string, case-folded. Gold offsets use
another normalisation, so every gold string is located in rawtext/ (the occurrence
nearest the given offset). We also report canonical-speaker accuracy: our canonical
name against GGT's "reference" (the speaker after coreference), and verb accuracy with
"According to X" quotes counted right when GGT gives them no verb (ours is "according").

    PYTHONPATH=$PWD python bench/quotes_ggt.py --data /work/shared/eval
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from quotes_common import article_from_text, data_arg, scoring_quotes, with_marks  # noqa: E402

from newsprism.nlp import load_spacy  # noqa: E402
from newsprism.quotes.extract import extract_quotes  # noqa: E402
from newsprism.quotes.identity import fold  # noqa: E402
from newsprism.settings import QuoteSettings  # noqa: E402

ANCHOR = {"0.3": (84.6, 82.7, 83.7), "0.8": (None, None, 76.1), "speaker": 86.5, "verb": 92.1}


def _start(index: str) -> int:
    try:
        return int(index.strip("()").split(",")[0])
    except ValueError:
        return 0


def _locate(text: str, needle: str, hint: int) -> tuple[int, int] | None:
    """The occurrence of ``needle`` (as whole words) nearest to ``hint``."""
    needle = needle.strip()
    if not needle:
        return None
    pattern = (
        (r"\b" if needle[0].isalnum() else "") + re.escape(needle) + (r"\b" if needle[-1].isalnum() else "")
    )
    hits = [m.start() for m in re.finditer(pattern, text)]
    if not hits:
        return None
    best = min(hits, key=lambda h: abs(h - hint))
    return best, best + len(needle)


def _overlap(gold: tuple[int, int], pred: tuple[int, int]) -> float:
    inter = max(0, min(gold[1], pred[1]) - max(gold[0], pred[0]))
    return inter / max(1, gold[1] - gold[0])


def _same_person(gold: str, ours: str | None) -> bool:
    if not ours:
        return False
    a, b = fold(gold), fold(ours)
    return bool(a) and (a == b or a.endswith(" " + b) or b.endswith(" " + a) or a in b or b in a)


def score(
    golds: list[dict], preds: list[dict], threshold: float, show: str = "", raw: str = ""
) -> dict[str, int]:
    remaining = list(preds)
    out = {"tp": 0, "fn": 0, "speaker": 0, "verb": 0, "verb_no_according": 0, "canonical": 0}
    for g in golds:
        best, best_score = None, 0.0
        for p in remaining:
            s = _overlap(g["span"], p["span"])
            if s > threshold and s > best_score:
                best, best_score = p, s
        if best is None:
            out["fn"] += 1
            if show == "fn":
                print(f"FN {raw[g['span'][0] : g['span'][1]][:150]!r}")
            continue
        remaining.remove(best)
        out["tp"] += 1
        sp, gsp = best["speaker_span"], g["speaker_span"]
        out["speaker"] += out_speaker_ok(g, best)
        verb_ok = (g["verb"] or "").lower().strip() == (best["verb"] or "").lower().strip()
        out["verb"] += verb_ok
        # GGT gives "According to X, …" quotes no verb; our cue there is "according"
        out["verb_no_according"] += verb_ok or (not g["verb"] and best["method"].startswith("according-to"))
        if show == "verb" and not verb_ok:
            print(
                f"VERB gold={g['verb']!r} ours={best['verb']!r} {best['method']} | {raw[g['span'][0] : g['span'][1]][:70]!r}"
            )
        if show == "speaker" and not out_speaker_ok(g, best):
            gs = raw[gsp[0] : gsp[1]] if gsp else None
            ours = raw[sp[0] : sp[1]] if sp else None
            print(
                f"SPK gold={gs!r}/{g['reference']!r} ours={ours!r}/{best['canonical']!r} {best['method']}"
                f" | {raw[g['span'][0] : g['span'][1]][:60]!r}"
            )
        same = _same_person(g["reference"], best["canonical"])
        out["canonical"] += same
        if show == "canonical" and not same:
            print(f"CAN gold={g['reference']!r} ours={best['canonical']!r} {best['method']}")
    out["fp"] = len(remaining)
    if show == "fp":
        for p in remaining:
            print(f"FP {p['kind']} {p['method']} {raw[p['span'][0] : p['span'][1]][:150]!r}")
    return out


def out_speaker_ok(g: dict, best: dict) -> bool:
    sp, gsp = best["speaker_span"], g["speaker_span"]
    return bool((gsp and sp and sp[0] < gsp[1] and gsp[0] < sp[1]) or (not gsp and best["floating"]))


def gold_quotes(item: dict, raw: str) -> list[dict]:
    golds = []
    for q in item["quotations"]:
        span = _locate(raw, q["quote"], _start(q["quote_index"]))
        if span is None:
            continue
        # shift the speaker offset by the quote's shift between the two normalisations
        shift = span[0] - _start(q["quote_index"])
        sp = _locate(raw, q["speaker"], _start(q["speaker_index"]) + shift)
        golds.append({"span": span, "speaker_span": sp, "verb": q["verb"], "reference": q["reference"]})
    return golds


def predicted(quotes, raw: str, fragments: bool) -> list[dict]:
    """Our quotes in GGT's convention: direct quotes with their marks. GGT has no fragment
    kind: fragments inside another quote never count; standalone ones only with --fragments."""
    out = []
    for q in scoring_quotes(quotes):
        if q.kind == "fragment" and not fragments:
            continue
        s = q.speaker
        span = (
            (q.span.start, q.span.end) if q.kind == "indirect" else with_marks(raw, q.span.start, q.span.end)
        )
        out.append(
            {
                "span": span,
                "speaker_span": (s.span.start, s.span.end) if s and s.span else None,
                "verb": q.cue,
                "canonical": s.canonical if s else None,
                "floating": q.method.startswith("continuation"),
                "method": q.method,
                "kind": q.kind,
            }
        )
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    data_arg(parser)
    parser.add_argument("--fragments", action="store_true", help="score standalone fragments as quotes")
    parser.add_argument("--show", choices=["", "verb", "speaker", "canonical", "fp", "fn"], default="")
    parser.add_argument(
        "--speech-acts",
        action="store_true",
        help="count speech acts with no reported clause (called for, vowed to), as newsprism's default does;"
        " off by default: GGT's guidelines do not annotate them",
    )
    args = parser.parse_args()
    settings = QuoteSettings(speech_acts=args.speech_acts)
    root = args.data / "ggt_quotes_dev"
    items = json.loads((root / "gold_annotations.json").read_text(encoding="utf-8"))
    nlp = load_spacy()
    raws = [(root / "rawtext" / f"{it['_id']}.txt").read_text(encoding="utf-8") for it in items]
    t0 = time.perf_counter()
    docs = list(nlp.pipe(raws, batch_size=16))
    totals: dict[float, dict[str, int]] = {0.3: {}, 0.8: {}}
    n_gold = 0
    for item, raw, doc in zip(items, raws, docs, strict=True):
        golds = gold_quotes(item, raw)
        n_gold += len(golds)
        preds = predicted(extract_quotes(article_from_text(raw), doc, settings), raw, args.fragments)
        for th in totals:
            show = args.show if th == 0.3 else ""
            for k, v in score(golds, preds, th, show, raw).items():
                totals[th][k] = totals[th].get(k, 0) + v
    elapsed = time.perf_counter() - t0
    print(f"GGT dev: {len(items)} articles, {n_gold} gold quotes located, {elapsed:.1f}s")
    for th, t in totals.items():
        p = t["tp"] / max(1, t["tp"] + t["fp"])
        r = t["tp"] / max(1, t["tp"] + t["fn"])
        f = 2 * p * r / max(1e-9, p + r)
        anchor = ANCHOR[str(th)]
        print(
            f"overlap>{th}: ours P {100 * p:.1f} R {100 * r:.1f} F1 {100 * f:.1f}"
            f"  | GGT V7.0 F1 {anchor[2]}  (tp {t['tp']} fp {t['fp']} fn {t['fn']})"
        )
        print(
            f"  speaker acc {100 * t['speaker'] / max(1, t['tp']):.1f} (GGT {ANCHOR['speaker']})"
            f"  verb acc {100 * t['verb'] / max(1, t['tp']):.1f} (GGT {ANCHOR['verb']})"
            f"  canonical-speaker acc {100 * t['canonical'] / max(1, t['tp']):.1f}"
        )
        print(
            f"  verb acc, 'according to' as no verb (GGT's convention) {100 * t['verb_no_according'] / max(1, t['tp']):.1f}"
        )


if __name__ == "__main__":
    main()
