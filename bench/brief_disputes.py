"""Dispute precision, recall and line precision against the hand-written dispute gold.

    PYTHONPATH=. python bench/brief_disputes.py --split calibrate|report [-v]
    PYTHONPATH=. python bench/brief_disputes.py --gold bench/brief_gold_polnear --split calibrate
    PYTHONPATH=. python bench/brief_disputes.py --seeds
    PYTHONPATH=. python bench/brief_disputes.py --split dev     # the dispute-only PolNeAR dev split
    PYTHONPATH=. python bench/brief_disputes.py --split dev2    # the second, blind dev split

The gold (``bench/brief_disputes/``, see its README) lists each story's real disputes (a claim,
who asserts it and who denies it, by doc + sentence) and claims that look disputed but are not.
Only the stages the comparison needs are run (publication dates, quotes, compare). ``--cache DIR``
keeps each story's find_disputes inputs so that a change to ``compare/disputes.py`` is scored again
in seconds (``--cached`` reuses them; valid while nothing before the disputes step changes).
"""

from __future__ import annotations

import argparse
import json
import pickle
import re
import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from brief_common import read_articles  # noqa: E402
from brief_gold import GOLD, build_doc, build_polnear_doc, gold_source, load_split  # noqa: E402
from ecbplus_text import DEFAULT_DATA  # noqa: E402
from polnear_text import metadata as polnear_metadata  # noqa: E402

from newsprism.analyze import analyze_articles  # noqa: E402
from newsprism.compare import disputes as disputes_mod  # noqa: E402
from newsprism.compare import stage as compare_stage_mod  # noqa: E402
from newsprism.settings import load_settings  # noqa: E402
from newsprism.stages import STAGES  # noqa: E402

HERE = Path(__file__).resolve().parent / "brief_disputes"
_WORD = re.compile(r"[a-z0-9]+")


def _norm(name: str) -> str:
    words = _WORD.findall(name.lower().replace("’", "'").replace("'s ", " "))
    return " ".join(w for w in words if w != "the")


def actor_ok(actor: str | None, aliases: list[str]) -> bool:
    """The actor is one of the gold's names (or contains one as whole words: "Dmitry Peskov")."""
    got = f" {_norm(actor or '')} "
    return any(a and (f" {a} " in got or (len(got) > 4 and got in f" {a} ")) for a in map(_norm, aliases))


def _locator_hit(locator: str, text: str) -> bool:
    want = _WORD.findall(locator.lower().replace("’", "'"))
    have = set(_WORD.findall(text.lower().replace("’", "'")))
    if not want or not have:
        return False
    # The locator inside the statement, or a clause of the located sentence inside the locator.
    return sum(w in have for w in want) >= 0.75 * len(want) or len(have & set(want)) >= 0.75 * len(have)


class Lines:
    """Where a flagged line sits: its gold sentence numbers (halves) or its text (seeds)."""

    def __init__(self, docs: dict | None, article_names: dict[str, str]):
        self.docs, self.names = docs, article_names

    def key(self, entry: dict) -> tuple[str, object]:
        name = self.names[entry["article_id"]]
        if self.docs is None:
            return name, entry["text"]
        return name, self.docs[name].sentences_of(entry["start"], entry["end"])

    @staticmethod
    def at(key: tuple[str, object], gold_line: dict) -> bool:
        doc, where = key
        if gold_line["doc"] != doc:
            return False
        if "locator" in gold_line:
            return _locator_hit(gold_line["locator"], where)
        return gold_line["sentence"] in where


def _on(key, lines: list[dict]) -> dict | None:
    return next((g for g in lines if Lines.at(key, g)), None)


def score_story(gold: dict, disputes: list, lines: Lines, t: dict, misses: list[str]) -> None:
    real = gold.get("disputes", [])
    doubtful = [ln for u in gold.get("unclear", []) for ln in u["lines"]]
    t["gold"] += len(real)
    matched_gold: set[str] = set()
    for d in disputes:
        a_keys = [(e, lines.key(e)) for e in d.asserts]
        d_keys = [(e, lines.key(e)) for e in d.denies]
        home = next(
            (
                g
                for g in real
                if any(_on(k, g["asserts"]) for _, k in a_keys)
                and any(_on(k, g["denies"]) for _, k in d_keys)
            ),
            None,
        )
        if home is None and any(_on(k, doubtful) for _, k in a_keys + d_keys):
            continue
        t["sys"] += 1
        if home is not None:
            t["sys_ok"] += 1
            matched_gold.add(home["id"])
        else:
            misses.append(f"false dispute [{d.subject}] {d.claim[:100]!r}")
        for side, keyed in (("asserts", a_keys), ("denies", d_keys)):
            for e, k in keyed:
                if home is not None and _on(k, home.get("unclear", [])) and not _on(k, home[side]):
                    continue
                t["lines"] += 1
                gl = _on(k, home[side]) if home is not None else None
                if gl is not None:
                    t["side_ok"] += 1
                    if actor_ok(e["actor"], gl["actor"]) or actor_ok(e.get("party"), gl["actor"]):
                        t["line_ok"] += 1
                        continue
                if home is not None:
                    why = "wrong actor" if gl is not None else "not on this side"
                    misses.append(f"  {side} line {why}: {e['actor']!r} {e['text'][:90]!r}")
    for g in real:
        if g["id"] in matched_gold:
            t["gold_ok"] += 1
        else:
            misses.append(f"missed {g['id']}: {g['claim']}")


def _ratio(t: dict, a: str, b: str) -> float | None:
    return t[a] / t[b] if t[b] else None


def measures(t: dict) -> dict[str, float | None]:
    return {
        "dispute_precision": _ratio(t, "sys_ok", "sys"),
        "dispute_recall": _ratio(t, "gold_ok", "gold"),
        "line_precision": _ratio(t, "line_ok", "lines"),
        "side_precision": _ratio(t, "side_ok", "lines"),
        "flagged": int(t["sys"]),
        "gold": int(t["gold"]),
    }


def _capture(articles: list, cache: Path | None, name: str, cached: bool) -> tuple:
    """(statements, quotes, vectors): find_disputes' inputs, from the pipeline or the cache."""
    path = cache / f"{name}.pkl" if cache else None
    if cached and path is not None and path.is_file():
        return pickle.loads(path.read_bytes())
    seen: list[tuple] = []
    real = compare_stage_mod.find_disputes

    def spy(statements, quotes, vectors=None, min_sim=0.5, *args, **kwargs):
        seen.append((list(statements), dict(quotes), vectors, min_sim))
        return real(statements, quotes, vectors, min_sim, *args, **kwargs)

    compare_stage_mod.find_disputes = spy
    try:
        stages = [s for s in STAGES if s[0] in ("published", "quotes", "compare")]
        analyze_articles(articles, load_settings(), stages=stages)
    finally:
        compare_stage_mod.find_disputes = real
    if path is not None:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(pickle.dumps(seen[0]))
    return seen[0]


def run_story(gold: dict, articles: list, lines: Lines, args, t: dict) -> None:
    statements, quotes, vectors, min_sim = _capture(articles, args.cache, gold["story"], args.cached)
    outlets = {a.id: a.outlet for a in articles if a.outlet}
    found = disputes_mod.find_disputes(statements, quotes, vectors, min_sim, outlets)
    misses: list[str] = []
    score_story(gold, found, lines, t, misses)
    if args.verbose:
        print(f"--- {gold['story']}: {len(found)} flagged, {len(gold.get('disputes', []))} gold")
        for d in found:
            print(f"  [{d.subject}] {d.claim[:110]!r}")
            for side in ("asserts", "denies"):
                for e in getattr(d, side):
                    print(f"      {side[:-1]:6s} {e['actor']!r} ({e.get('party')}) {e['text'][:100]!r}")
        for line in misses:
            print("   !", line)


def check(result: dict, name: str) -> list[str]:
    """Measures below the floors pinned for ``name`` (dev, seeds) in floors.json."""
    floors = json.loads((HERE / "floors.json").read_text(encoding="utf-8")).get(name)
    if floors is None:
        return [f"no floors for {name!r} in {HERE / 'floors.json'}: pin them or drop --check"]
    return [
        f"{key} {result.get(key)} < {floor}"
        for key, floor in floors.items()
        if result.get(key) is None or result[key] < floor
    ]


def dev_stories(split: str = "dev") -> list[dict]:
    """A dev split's story groups (dispute gold only, no brief gold): ``dev`` or ``dev2``."""
    return json.loads((HERE / f"{split}_stories.json").read_text(encoding="utf-8"))["stories"]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--gold", type=Path, default=GOLD, help="brief gold directory (its stories and split)")
    ap.add_argument("--split", choices=["calibrate", "report", "all", "dev", "dev2"], default="report")
    ap.add_argument("--seeds", action="store_true", help="score the seeds instead (extra, no split)")
    ap.add_argument("--story", help="only this story")
    ap.add_argument("--cache", type=Path, help="keep find_disputes inputs here")
    ap.add_argument("--cached", action="store_true", help="reuse the inputs kept under --cache")
    ap.add_argument("--json", action="store_true")
    ap.add_argument(
        "--check", action="store_true", help="fail below the floors of brief_disputes/floors.json"
    )
    ap.add_argument("-v", "--verbose", action="store_true")
    args = ap.parse_args()
    t: dict = defaultdict(float)
    if args.seeds:
        gold = json.loads((HERE / "seeds.json").read_text(encoding="utf-8"))["stories"]["seeds"]
        paths = sorted((args.data.resolve().parent / "seeds").glob("*.txt"))
        if not paths:
            print(f"skipped: no seeds beside {args.data} (expected <data>/../seeds/*.txt)", file=sys.stderr)
            return 0
        articles = list(read_articles(paths))
        names = {a.id: Path(a.path).name[:3] for a in articles}
        run_story({"story": "seeds", **gold}, articles, Lines(None, names), args, t)
        label = "seeds"
    else:
        dev = args.split in ("dev", "dev2")
        source = "polnear" if dev else gold_source(args.gold)
        if not (args.data / source).is_dir():
            print(f"skipped: no {source} data under {args.data}", file=sys.stderr)
            return 0
        disputes_gold = json.loads(
            (HERE / f"{args.split if dev else source}.json").read_text(encoding="utf-8")
        )["stories"]
        meta = polnear_metadata(args.data) if source == "polnear" else {}
        listed = dev_stories(args.split) if dev else load_split(args.split, args.gold)
        stories = [g for g in listed if not args.story or g["story"] == args.story]
        for story in stories:
            names = story["articles"]
            if source == "polnear":
                docs = {n: build_polnear_doc(args.data, n, meta.get(n, {})) for n in names}
            else:
                docs = {n: build_doc(args.data, n) for n in names}
            lines = Lines(docs, {d.article.id: n for n, d in docs.items()})
            gold = {"story": story["story"], **disputes_gold[story["story"]]}
            run_story(gold, [d.article for d in docs.values()], lines, args, t)
        label = f"{'brief_disputes' if dev else args.gold.name} {args.split}: {len(stories)} stories"
    result = measures(t)
    failed = check(result, "seeds" if args.seeds else args.split) if args.check else []
    if args.json:
        print(json.dumps({"split": label, **result}, indent=1))
    else:
        print(label)
        for key, value in result.items():
            shown = "-" if value is None else (f"{value:.2f}" if isinstance(value, float) else str(value))
            print(f"  {key:18s} {shown}")
    for line in failed:
        print(f"FAILED {line}", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
