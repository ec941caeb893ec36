"""Speaker accuracy and "same name" against hand-written brief gold, quotes stage only.

The definitions are ``brief_gold.py``'s (``match_quotes`` and ``score_speakers``, imported, not
copied): a gold quote is found when a system quote overlaps its locator; speaker accuracy is the
share of found quotes whose canonical speaker equals the gold name; same name is the share of
pairs of found quotes of one gold speaker given one name. Only the stages up to quotes run (the
later ones never change a speaker), so a gold folder scores in a fraction of ``brief_gold.py``'s
time. ``-v`` prints every wrong or split speaker with the sentence around it, for reading errors
by kind.

    PYTHONPATH=. python bench/speakers_gold.py --gold bench/brief_gold_polnear_sdev5 --split dev -v
    PYTHONPATH=. python bench/speakers_gold.py --gold bench/brief_gold_polnear --split calibrate
"""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from pathlib import Path

from brief_gold import (
    DEFAULT_DATA,
    GOLD,
    Tally,
    build_doc,
    build_polnear_doc,
    gold_source,
    load_split,
    match_quotes,
    norm_name,
    score_speakers,
    speaker_ok,
)
from polnear_text import metadata as polnear_metadata

from newsprism.analyze import analyze_articles
from newsprism.stages import STAGES

QUOTE_STAGES = [(name, stage) for name, stage in STAGES if name in ("published", "quotes")]


def _context(doc, gq: dict) -> str:
    a, b = doc.spans.get(gq["sentence"], (0, 0))
    return " ".join(doc.article.raw[a:b].split())[:220]


def score_story(data: Path, gold: dict, tally: Tally, source: str, verbose: bool) -> None:
    if source == "polnear":
        meta = polnear_metadata(data)
        docs = {name: build_polnear_doc(data, name, meta.get(name, {})) for name in gold["articles"]}
    else:
        docs = {name: build_doc(data, name) for name in gold["articles"]}
    analysis = analyze_articles([d.article for d in docs.values()], stages=QUOTE_STAGES)
    found = match_quotes(gold, docs, analysis, tally)
    score_speakers(gold, found, analysis, tally)
    _count_initials(gold, found, analysis, tally)
    if verbose:
        _print_speakers(gold, docs, found, analysis)


def _count_initials(gold: dict, found: dict[int, str], analysis, tally: Tally) -> None:
    """Wrong speakers whose name differs from the gold's by a middle initial only ("Ana Lind" /
    "Ana K. Lind"): the ECB+ gold writes the fullest form, the PolNeAR gold the plain one, so
    this count shows how much of a figure is that convention (a diagnostic, not a score)."""
    people = {p["id"]: p["name"] for p in gold.get("speakers", [])}
    quotes = {q.id: q for q in analysis.quotes}
    for i, qid in found.items():
        want = people.get(gold["quotes"][i].get("speaker"))
        sp = quotes[qid].speaker
        ours = sp.canonical if sp else None
        if want and ours and not speaker_ok(ours, want) and _plain(ours) == _plain(want):
            tally.add("speaker_initial_only")


def _plain(name: str) -> str:
    words = norm_name(name).split()
    return " ".join(words[:1] + [w for w in words[1:-1] if len(w) > 1] + words[-1:])


def _print_speakers(gold: dict, docs: dict, found: dict[int, str], analysis) -> None:
    """Every found quote whose name is wrong, and every gold person given several names."""
    people = {p["id"]: p["name"] for p in gold.get("speakers", [])}
    quotes = {q.id: q for q in analysis.quotes}
    names: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    print(f"--- {gold['story']}")
    for i, qid in sorted(found.items()):
        gq = gold["quotes"][i]
        q = quotes[qid]
        ours = q.speaker.canonical if q.speaker else None
        want = people.get(gq["speaker"], "?")
        names[want][norm_name(ours) or "?"] += 1
        if not speaker_ok(ours, want):
            method = f"{q.method}, as written {q.speaker.name!r}" if q.speaker else q.method
            print(
                f"  WRONG {gq['doc'][:24]}[{gq['sentence']}] ours={ours!r} gold={want!r} ({method}) at {gq['locator'][:40]!r}"
            )
            print(f"        {_context(docs[gq['doc']], gq)}")
    for person, seen in names.items():
        if len(seen) > 1:
            print(f"  SPLIT {person!r}: {dict(seen)}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--gold", type=Path, default=GOLD, help="gold directory (default bench/brief_gold)")
    ap.add_argument("--split", choices=["calibrate", "report", "dev", "all"], default="dev")
    ap.add_argument("-v", "--verbose", action="store_true", help="print every wrong or split speaker")
    ap.add_argument("--story", help="only this story")
    args = ap.parse_args()
    source = gold_source(args.gold)
    if not (args.data / source).is_dir():
        print(f"{args.data / source}: no {source} data here; pass --data pointing at the shared eval folder")
        return 2
    total = Tally()
    stories = [g for g in load_split(args.split, args.gold) if args.story in (None, g["story"])]
    for gold in stories:
        score_story(args.data, gold, total, source, args.verbose)
    n = total.n
    print(f"{args.gold.name} {args.split}: {len(stories)} stories")
    print(
        f"  quote recall / precision  {_ratio(total, 'quotes_found', 'quotes_gold')} / {_ratio(total, 'quotes_sys_ok', 'quotes_sys')}"
    )
    print(
        f"  speaker accuracy          {_ratio(total, 'speaker_ok', 'speaker_n')} ({int(n['speaker_ok'])}/{int(n['speaker_n'])})"
    )
    print(
        f"  same name                 {_ratio(total, 'samename_ok', 'samename_n')} ({int(n['samename_ok'])}/{int(n['samename_n'])})"
    )
    initials = int(n["speaker_initial_only"])
    folded = (n["speaker_ok"] + initials) / n["speaker_n"] if n["speaker_n"] else 0.0
    print(
        f"  (diagnostic) wrong by a middle initial only: {initials}; speaker accuracy without them {folded:.3f}"
    )
    return 0


def _ratio(t: Tally, num: str, den: str) -> str:
    value = t.ratio(num, den)
    return "-" if value is None else f"{value:.3f}"


if __name__ == "__main__":
    sys.exit(main())
