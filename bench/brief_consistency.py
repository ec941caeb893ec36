"""Cross-section consistency of the brief: violations of each kind per story (0 is the only good figure).

    PYTHONPATH=. python bench/brief_consistency.py [--sets seeds,example,ecbplus,polnear,dev] [--check]
    PYTHONPATH=. python bench/brief_consistency.py --sets seeds,example --check   # the make eval gate

Sets: ``seeds`` (../shared/seeds), ``example`` (examples/harbour-fire), ``ecbplus`` and ``polnear``
(every story of both golds, calibrate and report: this checks consistency, not accuracy, and tunes
nothing), ``dev`` (the 10 PolNeAR dispute-dev groups). Each story runs the whole pipeline and the
report is checked by :func:`newsprism.brief.consistency.check_brief`. ``--check`` fails on any
violation of a gated kind (the floor is 0; ``statement_twice`` is listed only). ``--save FILE`` writes the counts and details as JSON.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from brief_common import default_data, read_articles, run_brief  # noqa: E402
from brief_disputes import dev_stories  # noqa: E402
from brief_gold import GOLD, build_doc, build_polnear_doc, load_split  # noqa: E402
from polnear_text import metadata as polnear_metadata  # noqa: E402

from newsprism.brief.consistency import GATED, KINDS, check_brief, count_kinds  # noqa: E402
from newsprism.brief.report import build_report  # noqa: E402
from newsprism.model import Article  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
POLNEAR_GOLD = ROOT / "bench" / "brief_gold_polnear"


def _stories(sets: list[str], data: Path) -> Iterator[tuple[str, list[Article]]]:
    seeds = sorted((data.resolve().parent / "seeds").glob("*.txt"))
    if "seeds" in sets and seeds:
        yield "seeds", list(read_articles(seeds))
    if "example" in sets:
        yield "example", list(read_articles(sorted((ROOT / "examples" / "harbour-fire").iterdir())))
    if "ecbplus" in sets and (data / "ecbplus").is_dir():
        for gold in load_split("all", GOLD):
            yield f"ecbplus/{gold['story']}", [build_doc(data, n).article for n in gold["articles"]]
    polnear = [("polnear", load_split("all", POLNEAR_GOLD))] if "polnear" in sets else []
    polnear += [("dev", dev_stories())] if "dev" in sets else []
    if polnear and (data / "polnear").is_dir():
        meta = polnear_metadata(data)
        for name, stories in polnear:
            for story in stories:
                docs = [build_polnear_doc(data, n, meta.get(n, {})) for n in story["articles"]]
                yield f"{name}/{story['story']}", [d.article for d in docs]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=default_data())
    ap.add_argument("--sets", default="seeds,example,ecbplus,polnear,dev")
    ap.add_argument("--check", action="store_true", help="fail on any violation")
    ap.add_argument("--save", type=Path, help="write counts and details as JSON here")
    ap.add_argument("-v", "--verbose", action="store_true", help="print each violation")
    args = ap.parse_args()
    sets = args.sets.split(",")
    totals = dict.fromkeys(KINDS, 0)
    saved = {}
    cpu = time.process_time()
    print("story".ljust(28) + " ".join(k[:9].rjust(9) for k in KINDS))
    for name, articles in _stories(sets, args.data):
        violations = check_brief(build_report(run_brief(tuple(articles))))
        counts = count_kinds(violations)
        print(name[:27].ljust(28) + " ".join(str(counts[k]).rjust(9) for k in KINDS), flush=True)
        if args.verbose:
            for v in violations:
                print(f"    {v.kind}: {v.where}: {v.detail}")
        totals = {k: totals[k] + counts[k] for k in KINDS}
        saved[name] = {"counts": counts, "violations": [vars(v) for v in violations]}
    print("total".ljust(28) + " ".join(str(totals[k]).rjust(9) for k in KINDS))
    gated = sum(totals[k] for k in GATED)
    print(f"{gated} violations (statement_twice and summary_text listed, not gated); {time.process_time() - cpu:.0f} s CPU")
    if args.save:
        args.save.write_text(json.dumps({"totals": totals, "stories": saved}, indent=1), encoding="utf-8")
    if args.check and gated:
        print(f"FAILED consistency: {gated} violations (floor 0)", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
