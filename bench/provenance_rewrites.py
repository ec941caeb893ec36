"""Reuse edges (and rewrites among them) on every batch we have, to check for false links.

    PYTHONPATH=. python bench/provenance_rewrites.py [--corpus seeds example gold polnear ecbplus] [-v]

Batches: the seeds, the bundled example, each story of both brief golds (all halves), PolNeAR
articles published the same or the next day (every such window), and each ECB+ sub-topic of
topics 1-45 (all its documents; the PTB quote tokens `` and '' read as quote marks). For each
corpus the number of ``reuses`` edges between articles and of origins is printed; ``-v`` lists
the edges drawn by the rewrite test ("rewritten passage"), the ones to read by hand. No gold
says which pairs are rewrites beyond the seeds and the example, so the listed pairs are the
evidence: each should be two rewrites of one text (wire copy, press release, statement).
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections.abc import Iterator, Sequence
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from brief_common import default_data  # noqa: E402
from brief_example import load as load_example  # noqa: E402
from brief_gold import GOLD, build_doc, build_polnear_doc, load_split  # noqa: E402
from polnear_text import metadata as polnear_metadata  # noqa: E402
from stories_ecbplus import load_docs, to_articles  # noqa: E402

from newsprism.analyze import load_articles  # noqa: E402
from newsprism.compare.provenance import origins, provenance_edges  # noqa: E402
from newsprism.model import Article  # noqa: E402
from newsprism.settings import CompareSettings  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT.parent / "shared" / "seeds"
POLNEAR_GOLD = Path(__file__).resolve().parent / "brief_gold_polnear"
CORPORA = ("seeds", "example", "gold", "polnear", "ecbplus")


def _batches(corpus: str, data: Path) -> Iterator[tuple[str, Sequence[Article]]]:
    if corpus == "seeds":
        yield "seeds", load_articles(sorted(str(p) for p in SEEDS.iterdir())).articles
    elif corpus == "example":
        yield "example", load_example(ROOT / "examples" / "harbour-fire")[0]
    elif corpus == "gold":
        meta = polnear_metadata(data)
        for gold in load_split("all", GOLD):
            yield gold["story"], [build_doc(data, n).article for n in gold["articles"]]
        for gold in load_split("all", POLNEAR_GOLD):
            yield (
                gold["story"],
                [build_polnear_doc(data, n, meta.get(n, {})).article for n in gold["articles"]],
            )
    elif corpus == "polnear":
        yield from _polnear_windows(data)
    else:
        groups: dict[str, list[tuple[str, str, str]]] = {}
        for name, text, sub in load_docs(data, range(1, 46)):
            text = text.replace("`` ", "“").replace(" ''", "”").replace("``", "“").replace("''", "”")
            groups.setdefault(sub, []).append((name, text, sub))
        for sub, docs in sorted(groups.items()):
            yield sub, [_named(a, name) for a, (name, _, _) in zip(to_articles(docs), docs, strict=True)]


def _named(article: Article, name: str) -> Article:
    return replace(article, path=f"{name}.txt")


def _polnear_windows(data: Path) -> Iterator[tuple[str, Sequence[Article]]]:
    """PolNeAR articles by publication day, each day with the next (a rewrite comes later)."""
    by_day: dict[str, list[Article]] = {}
    for name, meta in polnear_metadata(data).items():
        day = (meta.get("publication_date") or "")[:10]
        try:
            article = build_polnear_doc(data, name, meta).article
        except FileNotFoundError:  # listed in the metadata, text not distributed
            continue
        if day:
            by_day.setdefault(day, []).append(article)
    for day in sorted(by_day):
        following = (dt.date.fromisoformat(day) + dt.timedelta(days=1)).isoformat()
        yield day, by_day[day] + by_day.get(following, [])


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", nargs="+", choices=CORPORA, default=list(CORPORA))
    ap.add_argument("--data", type=Path, default=default_data())
    ap.add_argument("-v", "--verbose", action="store_true", help="list the rewrite edges")
    args = ap.parse_args()
    settings = CompareSettings()
    for corpus in args.corpus:
        seen: set[tuple[str, str]] = set()
        rewrites = articles = roots = 0
        for batch, arts in _batches(corpus, args.data):
            edges = provenance_edges(arts, settings)
            name = {a.id: a.path.rsplit("/", 1)[-1] for a in arts}
            articles += len(arts)
            roots += len(set(origins(arts, edges).values()))
            for e in edges:
                if e.kind != "reuses" or e.target not in name or (e.source, e.target) in seen:
                    continue
                seen.add((e.source, e.target))
                if e.evidence.startswith("rewritten passage"):
                    rewrites += 1
                    if args.verbose:
                        print(f"  {batch}: {name[e.source]} -> {name[e.target]}: {e.evidence[:220]}")
        print(
            f"{corpus}: {articles} articles over its batches, {len(seen)} reuse edges ({rewrites} rewrites), {roots} origins"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
