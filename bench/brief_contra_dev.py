"""Contradiction precision and recall on the blind contradiction dev set (bench/brief_contra_dev).

    PYTHONPATH=. python bench/brief_contra_dev.py [-v] [--cache DIR | --cached DIR]
    PYTHONPATH=. python bench/brief_contra_dev.py --gold bench/brief_contra_dev2/gold.json  # PolNeAR look-alikes
    PYTHONPATH=. python bench/brief_contra_dev.py --story fx-  # only stories whose name starts so

A story with ``fiction`` gives its articles' text inline (look-alikes written by us in the hidden
set's shapes: outlets, dates, US politics), one sentence a line.

A gold pair's sides list every sentence of its article stating the value (a headline and its
lead tell one figure), so a flag citing any of them finds the pair. A flag is right when it
cites the two sides of one real pair; a flag on a ``real: false`` pair is a named look-alike.
``--cache DIR`` keeps each story's inputs to ``find_contradictions`` (statements, alignment,
texts) so a change to ``compare/contradictions.py`` or ``compare/attributes.py`` is scored
again in seconds with ``--cached DIR``.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import pickle
import sys
from pathlib import Path

from brief_gold import Doc, build_doc, build_polnear_doc
from ecbplus_text import DEFAULT_DATA
from polnear_text import metadata as polnear_metadata

import newsprism.compare.stage as stage
from newsprism.analyze import analyze_articles
from newsprism.clean import clean_document
from newsprism.compare.contradictions import find_contradictions
from newsprism.model import Document
from newsprism.settings import load_settings

GOLD = Path(__file__).resolve().parent / "brief_contra_dev" / "gold.json"


def _flags(story: dict, docs: dict, cache: Path | None, cached: Path | None) -> list:
    if cached is not None:
        args, kwargs = pickle.loads((cached / f"{story['story']}.pkl").read_bytes())
        return find_contradictions(*args, **kwargs)
    kept: list = []

    def keep(*args, **kwargs):
        kept.append((args, kwargs))
        return find_contradictions(*args, **kwargs)

    stage.find_contradictions = keep
    try:
        analysis = analyze_articles([d.article for d in docs.values()], load_settings())
    finally:
        stage.find_contradictions = find_contradictions
    if cache is not None and kept:
        cache.mkdir(parents=True, exist_ok=True)
        (cache / f"{story['story']}.pkl").write_bytes(pickle.dumps(kept[0]))
    return list(analysis.contradictions)


def _fiction_doc(name: str, spec: dict) -> Doc:
    """A fictional article of the gold (look-alikes in the hidden set's shapes), one sentence a
    line as ECB+'s, with its outlet and date."""
    spans, pos = {}, 0
    for number, line in enumerate(spec["sentences"]):
        spans[number] = (pos, pos + len(line))
        pos += len(line) + 1
    raw = "\n".join(spec["sentences"]) + "\n"
    article = clean_document(Document(path=f"{name}.txt", raw=raw, format="text"))
    article = dataclasses.replace(
        article, outlet=spec["outlet"], published=spec["published"], published_source="metadata"
    )
    return Doc(name, article, spans)


def _matches(gold: dict, sides: list[tuple[str, set[int]]]) -> bool:
    ga, gb = gold["a"], gold["b"]
    for (da, sa), (db, sb) in (sides, sides[::-1]):
        if da == ga["doc"] and sa & set(ga["sentences"]) and db == gb["doc"] and sb & set(gb["sentences"]):
            return True
    return False


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--gold", type=Path, default=GOLD, help="gold.json (its source: ecbplus or polnear)")
    ap.add_argument("--cache", type=Path, help="keep find_contradictions' inputs here")
    ap.add_argument("--cached", type=Path, help="score from inputs kept by --cache")
    ap.add_argument("--check", action="store_true", help="fail when precision or recall is below its floor")
    ap.add_argument("--story", default="", help="only stories whose name starts with this")
    ap.add_argument("-v", "--verbose", action="store_true")
    args = ap.parse_args()
    gold = json.loads(args.gold.read_text(encoding="utf-8"))
    source = gold.get("source", "ecbplus")
    if source not in ("ecbplus", "polnear"):
        source = "ecbplus"
    if not (args.data / source).is_dir():
        print(f"skipped: no {source} data under {args.data}", file=sys.stderr)
        return 0
    stories = [s for s in gold["stories"] if s["story"].startswith(args.story)]
    meta = polnear_metadata(args.data) if source == "polnear" else {}
    flagged = right = lookalike = real_n = real_hit = 0
    for story in stories:
        docs = {
            name: _fiction_doc(name, story["fiction"][name])
            if "fiction" in story
            else build_polnear_doc(args.data, name, meta.get(name, {}))
            if meta
            else build_doc(args.data, name)
            for name in story["articles"]
        }
        doc_of = {d.article.id: d for d in docs.values()}
        real = [c for c in story["contradictions"] if c["real"]]
        false = [c for c in story["contradictions"] if not c["real"]]
        hit: set[int] = set()
        lines = []
        for c in _flags(story, docs, args.cache, args.cached):
            sides = []
            for side in (c.a, c.b):
                doc = doc_of[side["article_id"]]
                sides.append((doc.name, doc.sentences_of(side["start"], side["end"])))
            # a flag finds one gold pair (the first not yet found): one sentence pair can stand
            # for two facts of the gold (an age and a distance), a flag tells one
            found = [i for i, g in enumerate(real) if _matches(g, sides)]
            found = [next((i for i in found if i not in hit), found[0])] if found else []
            hit.update(found)
            flagged += 1
            right += bool(found)
            named = any(_matches(g, sides) for g in false)
            lookalike += named
            mark = "ok " if found else ("LOOK" if named else "BAD")
            lines.append(
                f"  {mark} {c.kind}: {c.note} | {sides[0][0]}{sorted(sides[0][1])} {sides[1][0]}{sorted(sides[1][1])}"
            )
        real_n += len(real)
        real_hit += len(hit)
        if args.verbose:
            print(f"--- {story['story']}: {len(hit)}/{len(real)} real found")
            print("\n".join(lines))
            for i, g in enumerate(real):
                if i not in hit:
                    print(f"  miss {g['about']}: {g['why']}")
    precision = f"{right / flagged:.2f}" if flagged else "-"
    recall = f"{real_hit / real_n:.2f}" if real_n else "-"
    print(f"contradiction dev: {len(stories)} stories, {flagged} flagged, {right} right, "
          f"{lookalike} named look-alikes; precision {precision}, recall {recall} ({real_hit}/{real_n})")  # fmt: skip
    if args.check:
        floors = json.loads(args.gold.with_name("floors.json").read_text(encoding="utf-8"))
        failed = []
        if flagged and right / flagged < floors["precision"]:
            failed.append(f"precision {right / flagged:.2f} < floor {floors['precision']}")
        if flagged > floors.get("flagged", flagged):
            failed.append(f"{flagged} flagged > ceiling {floors['flagged']}")
        if lookalike > floors.get("lookalikes", lookalike):
            failed.append(f"{lookalike} named look-alikes flagged > ceiling {floors['lookalikes']}")
        if real_n and real_hit / real_n < floors["recall"]:
            failed.append(f"recall {real_hit / real_n:.2f} < floor {floors['recall']}")
        for line in failed:
            print(f"below floor: {line}", file=sys.stderr)
        return 1 if failed else 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
