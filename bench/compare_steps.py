"""Time the pairwise compare steps (alignment, contradictions, disputes) alone, and digest their output.

    PYTHONPATH=. python bench/compare_steps.py --articles 200 --save /tmp/cs200.pkl   # runs the brief once
    PYTHONPATH=. python bench/compare_steps.py --load /tmp/cs200.pkl [--out out.json] [--first 50]
    PYTHONPATH=. python bench/compare_steps.py --from examples/harbour-fire --save /tmp/ex.pkl

``--save`` runs the whole brief on an ECB+ story (as ``bench/brief_speed.py``: one document per
article) and keeps its statements, quotes, article texts and sentence vectors in a pickle;
``--load`` times ``align_statements``, ``find_contradictions`` and ``find_disputes`` on them
with the settings in force and prints a digest of each result, so two versions of the code can
be run on the same input and compared (same digest: same output). ``--out`` writes the results;
``--first N`` keeps the statements of the first N articles only (a cost curve from one run).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import pickle
import resource
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from brief_common import default_data, plain_article, read_articles, run_brief  # noqa: E402
from brief_speed import ecb_docs, ecb_text  # noqa: E402

from newsprism.settings import load_settings  # noqa: E402


def save(data: Path, n: int, path: Path, source: Path | None = None) -> None:
    from newsprism.compare.stage import embedder_for

    if source is not None:
        articles = read_articles(sorted(p for p in source.iterdir() if p.is_file()))
    else:
        texts = [ecb_text(d) for d in ecb_docs(data, n)]
        articles = tuple(plain_article(f"ecb-{i}.txt", t, outlet=f"outlet-{i}") for i, t in enumerate(texts))
    analysis = run_brief(articles)
    settings = load_settings()
    vectors = embedder_for(settings).embed([st.text for st in analysis.statements])
    payload = {
        "statements": analysis.statements,
        "quotes": analysis.quotes,
        "texts": {a.id: a.text for a in articles},
        "vectors": vectors,
    }
    path.write_bytes(pickle.dumps(payload))
    print(f"{len(articles)} articles, {len(analysis.statements)} statements -> {path}")
    for name, secs in sorted(analysis.timings.items()):
        print(f"  {name:24s} {secs:7.2f} s")


class _Clock:
    """Wall and CPU seconds per step."""

    def __init__(self) -> None:
        self.laps: dict[str, tuple[float, float]] = {}
        self.last = (time.perf_counter(), time.process_time())

    def lap(self, name: str) -> None:
        now = (time.perf_counter(), time.process_time())
        self.laps[name] = (now[0] - self.last[0], now[1] - self.last[1])
        self.last = now


def _digest(value: object) -> str:
    return hashlib.sha1(json.dumps(value, sort_keys=True, default=str).encode()).hexdigest()[:12]


def _first(payload: dict, n: int) -> dict:
    """The part of ``payload`` that its first ``n`` articles hold (a smaller story of the same run)."""
    keep = set(list(payload["texts"])[:n])
    rows = [k for k, st in enumerate(payload["statements"]) if st.article_id in keep]
    return {
        "statements": tuple(payload["statements"][k] for k in rows),
        "quotes": tuple(q for q in payload["quotes"] if q.article_id in keep),
        "texts": {a: t for a, t in payload["texts"].items() if a in keep},
        "vectors": payload["vectors"][rows],
    }


def load(path: Path, out: Path | None, first: int = 0) -> None:
    from newsprism.compare.alignment import align_statements
    from newsprism.compare.contradictions import find_contradictions
    from newsprism.compare.disputes import find_disputes

    payload = pickle.loads(path.read_bytes())
    if first:
        payload = _first(payload, first)
    statements, vectors = payload["statements"], payload["vectors"]
    s = load_settings().compare
    clock = _Clock()
    alignment = align_statements(statements, vectors, s)
    clock.lap("align")
    contradictions = find_contradictions(
        statements,
        alignment,
        payload["texts"],
        s.contradiction_min_sim,
        s.contradiction_shared,
        s.contradiction_negation_overlap,
        s.contradiction_sim,
    )
    clock.lap("contradictions")
    disputes = find_disputes(statements, {q.id: q for q in payload["quotes"]}, vectors, s.dispute_sim)
    clock.lap("disputes")
    result = {
        "groups": [list(g) for g in alignment.groups],
        "conflicts": [[i, j, round(sim, 6)] for i, j, sim in alignment.conflicts],
        "contradictions": [c.__dict__ for c in contradictions],
        "disputes": [d.__dict__ for d in disputes],
    }
    print(
        f"{len(payload['texts'])} articles, {len(statements)} statements (wall s / CPU s: the CPU time moves less with the machine's load)"
    )
    for name, (wall, cpu) in clock.laps.items():
        print(f"  {name:16s} {wall:7.2f} / {cpu:7.2f} s")
    for key, value in result.items():
        print(f"  {key:16s} {len(value):6d}  {_digest(value)}")
    print(f"  peak memory {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1e6:.1f} GB")
    if out:
        out.write_text(json.dumps(result, sort_keys=True, default=str, indent=0))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=default_data())
    parser.add_argument("--articles", type=int, default=100)
    parser.add_argument("--save", type=Path)
    parser.add_argument("--from", dest="source", type=Path, help="a directory of articles instead of ECB+")
    parser.add_argument("--load", type=Path)
    parser.add_argument("--out", type=Path)
    parser.add_argument("--first", type=int, default=0, help="with --load: only the first N articles")
    args = parser.parse_args()
    if args.save:
        save(args.data, args.articles, args.save, args.source)
    if args.load:
        load(args.load, args.out, args.first)
    return 0


if __name__ == "__main__":
    sys.exit(main())
