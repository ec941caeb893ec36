"""The stories eval gate: held-out clustering figures against pinned floors.

Runs, with the default settings, one batch each: the AllSides roundups pool (val, never
used for tuning; bench/stories_roundups.py), ECB+ test topics 36-45 and all 43 topics
(bench/stories_ecbplus.py), ECB+ test as a dated stream (bench/stories_dated.py), and the
report half of the dated PolNeAR pool (bench/stories_polnear.py), that one also a batch a day
(what a daily ``ingest`` sees);
prints the ARI of each and, with ``--check``, fails when one falls below its floor in
bench/stories_floors.json. Needs ../shared/eval; without it, says so and passes.

    PYTHONPATH=.:bench python bench/stories_gate.py --data /work/shared/eval --check
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from stories_dated import dated_articles
from stories_dated import run as dated_run
from stories_ecbplus import TEST, load_docs, ours, to_articles
from stories_polnear import load as polnear_load
from stories_polnear import run as polnear_run
from stories_roundups import load_pool
from stories_roundups import ours as roundups_ours

from newsprism.settings import StorySettings
from newsprism.stories import extract_features
from newsprism.stories.metrics import adjusted_rand

FLOORS = Path(__file__).with_name("stories_floors.json")
DEFAULT_DATA = Path(__file__).resolve().parents[2] / "shared" / "eval"


def measure(data: Path) -> dict[str, float]:
    """ARI of each held-out set, default settings, one batch (and PolNeAR a batch a day)."""
    s = StorySettings()
    result = {}
    pool = load_pool(data, "val")
    result["roundups_val_ari"] = adjusted_rand([d.gold for d in pool], roundups_ours(pool, s))
    for name, topics in (("ecbplus_test_ari", TEST), ("ecbplus_all_ari", range(1, 46))):
        docs = load_docs(data, topics)
        feats = extract_features(to_articles(docs), s.entities, s)
        result[name] = adjusted_rand([g for _, _, g in docs], ours(feats, docs, s))
    docs = load_docs(data, TEST)
    feats = extract_features(dated_articles(docs, 0.3), s.entities, s)
    result["dated_test_ari"] = adjusted_rand([g for _, _, g in docs], dated_run(feats, s, None))
    articles, gold = polnear_load(data, "report")
    feats = extract_features(articles, s.entities, s)
    result["polnear_report_ari"] = adjusted_rand(gold, polnear_run(feats, s))
    result["polnear_report_daily_ari"] = adjusted_rand(gold, polnear_run(feats, s, by_day=True))
    return result


def check(result: dict[str, float], floors: dict[str, float]) -> list[str]:
    """One line per measure below its floor (empty: the gate passes)."""
    return [
        f"{name} {result[name]:.3f} is below its floor {floor:.3f}"
        for name, floor in floors.items()
        if result.get(name, 0.0) < floor
    ]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--check", action="store_true", help="fail when a figure is below its floor")
    args = ap.parse_args()
    if not all((args.data / name).is_dir() for name in ("ecbplus", "neus_roundups", "polnear")):
        print(f"no ECB+ / neus_roundups / polnear under {args.data}: stories gate skipped", file=sys.stderr)
        return 0
    result = measure(args.data)
    for name, value in result.items():
        print(f"{name} {value:.3f}")
    if args.check:
        failed = check(result, json.loads(FLOORS.read_text())["min"])
        for line in failed:
            print(line, file=sys.stderr)
        return 1 if failed else 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
