"""Where each missed shared fact is lost: every gold fact that no confirmed ledger group holds in
all its articles, named by the furthest stage of the alignment that a pair of its supporting
statements reached (tuning sets only: a calibrate half or a dev set, never a report half).

    PYTHONPATH=$PWD:$PWD/bench python bench/brief_misses.py [--gold bench/brief_gold_polnear --split calibrate] [-v]

Stages, in the order a pair meets them (compare/alignment.py ``align_statements``):
(a) never a candidate (blocking); (b) a candidate the model and the bands refuse;
(c) a gate stops a pair the model or a band would take: a count on one side only, opposite
polarity, a conflict or a veto; (d) accepted, but the two statements end in different groups;
(e) one group holds the fact in every article, but no join confirms it. A fact of three
articles is named by the pair of its articles that got least far (its bottleneck). The
alignment is run as the compare stage runs it; its inner state is read by wrapping
``_candidates``, the pair judge and the vetoes, so the tracer follows the code it traces.
"""

from __future__ import annotations

import argparse
import itertools
import json
import pickle
import sys
from collections import Counter, defaultdict
from pathlib import Path

from brief_calibrate import evaluate, evaluate_one, prepare
from brief_gold import DEFAULT_DATA, GOLD, _support_statements, gold_source, load_split

import newsprism.compare.alignment as am
from newsprism.render.brief_text import unconfirmed
from newsprism.settings import Settings

STAGES = ("a", "b", "b-evidence", "c-count", "c-polarity", "c-veto", "d", "e")
NAMES = {
    "a": "(a) never a candidate (blocking)",
    "b": "(b) candidate, the model under its cut (or in band but refused)",
    "b-evidence": "(b) the model over its cut, refused for want of specific evidence",
    "c-count": "(c) count gate: a count on one side only",
    "c-polarity": "(c) opposite polarity below the bands",
    "c-veto": "(c) a conflict or veto",
    "d": "(d) accepted, but the two statements end in different groups",
    "e": "(e) grouped, no join confirms the group",
}


class _Spy:
    """The alignment's inner state of the last run: candidates, judge, vetoes, accepted pairs."""

    def __init__(self) -> None:
        self.state: dict = {}
        self._candidates = am._candidates
        self._judge_prepare = am._PairJudge.prepare
        self._vetoes_init = am._Vetoes.__init__
        self._cluster_average = am._cluster_average

    def install(self) -> None:
        spy = self

        def candidates(*args, **kwargs):
            out = spy._candidates(*args, **kwargs)
            spy.state["candidates"] = out
            return out

        def judge_prepare(judge, pairs, eligible):
            spy.state["judge"] = judge
            spy.state["eligible"] = eligible
            return spy._judge_prepare(judge, pairs, eligible)

        def vetoes_init(vetoes, statements, s):
            spy.state["vetoes"] = vetoes
            return spy._vetoes_init(vetoes, statements, s)

        def cluster_average(statements, affinity, pairs, *args, **kwargs):
            spy.state.setdefault("accepted", {(i, j) for _, i, j in pairs})
            return spy._cluster_average(statements, affinity, pairs, *args, **kwargs)

        am._candidates = candidates
        am._PairJudge.prepare = judge_prepare
        am._Vetoes.__init__ = vetoes_init
        am._cluster_average = cluster_average


def _pair_stage(
    state: dict, statements, idx: dict[tuple[int, int], int], i: int, j: int, s
) -> tuple[str, float]:
    """The stage a statement pair reached, and the model's probability of it."""
    i, j = min(i, j), max(i, j)
    k = idx.get((i, j))
    if k is None:
        return "a", 0.0
    judge = state["judge"]
    p = float(judge.probability[k]) if len(judge.probability) else 0.0
    if (i, j) in state["accepted"]:
        return "d", p
    _, usual, close = state["candidates"]
    a, b = statements[i], statements[j]
    nums_i, nums_j = am.quantities(a.text), am.quantities(b.text)
    counted_i = bool(am.counts_of_things(a.text)) if s.align_gate_things else bool(nums_i)
    counted_j = bool(am.counts_of_things(b.text)) if s.align_gate_things else bool(nums_j)
    words_i, words_j = set(am.content_words(a.text)), set(am.content_words(b.text))
    conflict = am._conflict(a.polarity != b.polarity, nums_i, nums_j, words_i, words_j, s.negation_same_words)
    vetoed = state["vetoes"].apply(i, j)
    wanted = bool(usual[k]) or p >= s.align_model
    if counted_i != counted_j and wanted:
        return "c-count", p
    if not bool(state["eligible"][k]) and wanted:
        return "c-polarity", p
    if (vetoed or conflict) and wanted:
        return "c-veto", p
    if not bool(usual[k]) and p >= s.align_model:
        return "b-evidence", p
    return "b", p


def trace_story(gold: dict, docs: dict, analysis, vectors, extra, s, spy: _Spy) -> list[dict]:
    """Every missed shared fact of one story, with its stage and its best pair."""
    spy.state = {}
    redone = evaluate_one(gold, docs, analysis, vectors, extra, s)
    statements = analysis.statements
    index = {st.id: n for n, st in enumerate(statements)}
    cands = spy.state.get("candidates")
    idx = {(int(x), int(y)): k for k, (x, y) in enumerate(cands[0].tolist())} if cands is not None else {}
    name_of = {d.article.id: d.name for d in docs.values()}
    by_doc: dict[str, list] = defaultdict(list)
    for st in statements:
        by_doc[name_of.get(st.article_id, "")].append(st)
    groups_of: dict[str, list] = defaultdict(list)
    for g in redone.ledger:
        for sid in g.statement_ids:
            groups_of[sid].append(g)
    doubtful = {g.id for g in redone.ledger if unconfirmed(g.status, g.independent_support)}
    out = []
    for fact in gold.get("facts", []):
        if len(fact["support"]) < 2:
            continue
        support = _support_statements(fact, docs, by_doc)
        spans: dict[str, set[str]] = defaultdict(set)
        for name, sts in support.items():
            for st in sts:
                for g in groups_of[st.id]:
                    spans[g.id].add(name)
        need = len(fact["support"])
        widest = max((len(v) for v in spans.values()), default=0)
        firm = max((len(v) for k, v in spans.items() if k not in doubtful), default=0)
        if firm == need:
            continue
        if widest == need:
            out.append({"fact": fact["id"], "stage": "e", "text": fact["text"]})
            continue
        worst, detail = None, None
        for x, y in itertools.combinations(sorted(support), 2):
            together = any(x in v and y in v for v in spans.values())
            best, best_pair = ("d" if together else None), None
            for a in support[x]:
                for b in support[y]:
                    stage, p = _pair_stage(spy.state, statements, idx, index[a.id], index[b.id], s)
                    if (
                        best is None
                        or STAGES.index(stage) > STAGES.index(best)
                        or (stage == best and best_pair and p > best_pair[2])
                    ):
                        best, best_pair = stage, (a.text, b.text, p)
            best = best or "a"
            if worst is None or STAGES.index(best) < STAGES.index(worst):
                worst, detail = best, best_pair
        out.append({"fact": fact["id"], "stage": worst, "text": fact["text"], "pair": detail})
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--gold", type=Path, default=GOLD)
    ap.add_argument("--split", default="calibrate", help="calibrate or dev (never report)")
    ap.add_argument("--story")
    ap.add_argument("--cache", type=Path, help="keep the prepared stories here (pickle) between runs")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("-v", "--verbose", action="store_true", help="print each miss with its best pair")
    args = ap.parse_args()
    if args.split == "report":
        ap.error("misses are traced on the calibrate half or a dev set, never on report")
    stories = [g for g in load_split(args.split, args.gold) if not args.story or g["story"] == args.story]
    if args.cache and args.cache.is_file():
        prepared = pickle.loads(args.cache.read_bytes())
    else:
        prepared = prepare(args.data, stories, gold_source(args.gold))
        if args.cache:
            args.cache.write_bytes(pickle.dumps(prepared))
    spy = _Spy()
    spy.install()
    s = Settings().compare
    misses = []
    for gold, docs, analysis, vectors, extra in prepared:
        for miss in trace_story(gold, docs, analysis, vectors, extra, s, spy):
            misses.append({"story": gold["story"], **miss})
    tally = Counter(m["stage"] for m in misses)
    figures = evaluate(prepared, s)
    if args.json:
        print(json.dumps({"misses": misses, "by_stage": tally, "measures": figures}, indent=1))
        return 0
    for stage in STAGES:
        print(f"{NAMES[stage]:70s} {tally.get(stage, 0)}")
    print(
        f"missed {len(misses)}; facts found {figures['facts_found']:.3f},"
        f" confirmed {figures['facts_found_confirmed']:.3f}, ledger pair P {figures['ledger_pair_precision']:.3f},"
        f" only here wrong {figures['only_here_wrong']:.3f}, agree cite P {figures['agree_cite_precision'] or 0:.3f}"
    )
    if args.verbose:
        for m in misses:
            pair = m.get("pair")
            print(f"--- {m['story']} {m['fact']} [{m['stage']}] {m['text'][:90]}")
            if pair:
                print(f"      p={pair[2]:.2f} {pair[0][:110]!r}\n             {pair[1][:110]!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
