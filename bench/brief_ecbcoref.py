"""Statement alignment and speaker identity against ECB+ cross-document coreference.

ECB+ links event mentions (ACT chains) and entity mentions (HUM chains, people and groups)
across the articles of a sub-topic. Per sub-topic (all its articles analysed as one story):

- alignment: cross-article statement pairs whose sentences carry a mention of a common
  ACT chain are gold "same event"; the ledger grouping them is the prediction (pairwise
  P/R/F1 over pairs where both statements carry some ACT chain);
- speaker identity: quotes whose speaker is a HUM chain mention (a mention in the speaker's
  sentence sharing a word with the speaker's name); two such quotes are gold "same person"
  when their chains agree; the prediction is equal canonical names (pairwise P/R/F1).

Train topics (1-35) were available for tuning; the figures to report are test topics 36-45.

    PYTHONPATH=. python bench/brief_ecbcoref.py --topics test
"""

from __future__ import annotations

import argparse
import itertools
import sys
import xml.etree.ElementTree as ET
from collections import defaultdict
from pathlib import Path

from brief_gold import DEFAULT_DATA, Doc, build_doc

from newsprism.analyze import analyze_articles
from newsprism.settings import load_settings

TEST, TRAIN = range(36, 46), range(1, 36)


def chains(xml: Path) -> tuple[dict[int, set[str]], dict[int, list[tuple[str, str]]]]:
    """Per sentence number: its ACT chain ids; and its HUM (chain id, mention text) pairs."""
    root = ET.parse(xml).getroot()
    sentence_of = {t.get("t_id"): int(t.get("sentence", "0")) for t in root.iter("token")}
    text_of = {t.get("t_id"): t.text or "" for t in root.iter("token")}
    mentions: dict[str, list[str]] = {}
    for markable in root.find("Markables") or []:
        mentions[markable.get("m_id")] = [a.get("t_id") for a in markable.iter("token_anchor")]
    acts: dict[int, set[str]] = defaultdict(set)
    hums: dict[int, list[tuple[str, str]]] = defaultdict(list)
    for rel in root.find("Relations") or []:
        if rel.tag != "CROSS_DOC_COREF":
            continue
        chain = rel.get("note", "")
        for src in rel.iter("source"):
            tokens = mentions.get(src.get("m_id"), [])
            if not tokens:
                continue
            sentence = sentence_of[tokens[0]]
            if chain.startswith("ACT"):
                acts[sentence].add(chain)
            elif chain.startswith("HUM"):
                hums[sentence].append((chain, " ".join(text_of[t] for t in tokens)))
    return acts, hums


def pairwise(pairs: list[tuple[bool, bool]]) -> tuple[float, float, float]:
    both = sum(g and s for g, s in pairs)
    sys_ = sum(s for _, s in pairs)
    gold = sum(g for g, _ in pairs)
    p = both / sys_ if sys_ else 0.0
    r = both / gold if gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def subtopic(data: Path, names: list[str]) -> tuple[list, list]:
    docs: dict[str, Doc] = {n: build_doc(data, n) for n in names}
    gold = {n: chains(data / "ecbplus" / "ECB+" / n.split("_")[0] / f"{n}.xml") for n in names}
    analysis = analyze_articles([d.article for d in docs.values()], load_settings())
    name_of = {d.article.id: d.name for d in docs.values()}
    group_of: dict[str, set[str]] = defaultdict(set)
    for g in analysis.ledger:
        for sid in g.statement_ids:
            group_of[sid].add(g.id)
    events = []
    for st in analysis.statements:
        name = name_of[st.article_id]
        acts = set().union(
            *(gold[name][0].get(n, set()) for n in docs[name].sentences_of(st.span.start, st.span.end))
        )
        if acts:
            events.append((name, st.id, acts))
    event_pairs = [
        (bool(a[2] & b[2]), bool(group_of[a[1]] & group_of[b[1]]))
        for a, b in itertools.combinations(events, 2)
        if a[0] != b[0]
    ]
    people = []
    for q in analysis.quotes:
        if q.speaker is None or q.speaker.span is None:
            continue
        name = name_of[q.article_id]
        words = {w.lower() for w in q.speaker.name.split() if w[:1].isupper()}
        for n in docs[name].sentences_of(q.speaker.span.start, q.speaker.span.end):
            hit = next((c for c, text in gold[name][1].get(n, []) if words & set(text.lower().split())), None)
            if hit:
                people.append((hit, q.speaker.canonical))
                break
    person_pairs = [(a[0] == b[0], a[1] == b[1]) for a, b in itertools.combinations(people, 2)]
    return event_pairs, person_pairs


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--topics", choices=["test", "train"], default="test")
    ap.add_argument("--max-docs", type=int, default=8, help="articles per sub-topic (first by name)")
    args = ap.parse_args()
    if not (args.data / "ecbplus").is_dir():
        print(f"skipped: no ECB+ data under {args.data}", file=sys.stderr)
        return 0
    topics = TEST if args.topics == "test" else TRAIN
    groups: dict[str, list[str]] = defaultdict(list)
    for xml in sorted((args.data / "ecbplus" / "ECB+").glob("*/*.xml")):
        topic = int(xml.stem.split("_")[0])
        if topic in topics:
            family = "ecbplus" if xml.stem.endswith("ecbplus") else "ecb"
            groups[f"{topic}{family}"].append(xml.stem)
    events, people = [], []
    for key in sorted(groups):
        e, p = subtopic(args.data, sorted(groups[key])[: args.max_docs])
        events += e
        people += p
        print(f"{key}: event pairs {len(e)}, speaker pairs {len(p)}", file=sys.stderr, flush=True)
    ep, er, ef = pairwise(events)
    pp, pr, pf = pairwise(people)
    print(f"topics {args.topics}: {len(groups)} sub-topics")
    print(
        f"  statement alignment vs event coreference  P {ep:.2f} R {er:.2f} F1 {ef:.2f} ({len(events)} pairs)"
    )
    print(
        f"  speaker identity vs entity coreference    P {pp:.2f} R {pr:.2f} F1 {pf:.2f} ({len(people)} pairs)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
