"""Candidate multi-outlet stories in PolNeAR (train + dev): a finder for gold annotators.

Two articles are linked when their publication dates are at most ``--days`` apart and their
headline + opening words overlap (cosine of content-word counts at least ``--min-sim``). A
candidate story is an article with linked articles from at least two other publishers (the best
link per publisher). Candidates are only a reading list: the annotator confirms by reading that
they report the same event. Uses no newsprism code.

    python bench/polnear_stories.py --min-sim 0.3 | less
"""

from __future__ import annotations

import argparse
import math
import re
from collections import Counter
from datetime import date

from polnear_text import DEFAULT_DATA, metadata, read_text

STOP = set(
    [
        "the",
        "a",
        "an",
        "and",
        "or",
        "of",
        "to",
        "in",
        "on",
        "for",
        "with",
        "at",
        "by",
        "from",
        "as",
        "is",
        "was",
        "are",
        "were",
        "be",
        "been",
        "it",
        "its",
        "that",
        "this",
        "he",
        "she",
        "his",
        "her",
        "they",
        "their",
        "them",
        "i",
        "we",
        "you",
        "not",
        "but",
        "has",
        "have",
        "had",
        "will",
        "would",
        "said",
        "says",
        "say",
        "who",
        "what",
        "when",
        "which",
        "after",
        "over",
        "about",
        "more",
        "than",
        "after",
        "into",
        "up",
        "out",
        "new",
        "one",
        "two",
        "also",
        "s",
        "t",
    ]
)


def bag(text: str, words: int) -> Counter:
    tokens = [w for w in re.findall(r"[a-z]+", text.lower()) if w not in STOP and len(w) > 2]
    return Counter(tokens[:words])


def cosine(a: Counter, b: Counter) -> float:
    num = sum(v * b[k] for k, v in a.items())
    den = math.sqrt(sum(v * v for v in a.values()) * sum(v * v for v in b.values()))
    return num / den if den else 0.0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--days", type=int, default=2)
    ap.add_argument("--min-sim", type=float, default=0.3)
    ap.add_argument("--words", type=int, default=300)
    args = ap.parse_args()
    meta = {s: m for s, m in metadata(DEFAULT_DATA).items() if m["compartment"] in ("train", "dev")}
    bags = {
        s: bag(m["title"] + " " + m["title"] + " " + read_text(DEFAULT_DATA, s), args.words)
        for s, m in meta.items()
    }
    day = {s: date.fromisoformat(m["publication_date"]) for s, m in meta.items()}
    stems = sorted(meta)
    for s in stems:
        best: dict[str, tuple[float, str]] = {}
        for t in stems:
            if meta[t]["publisher"] == meta[s]["publisher"] or abs((day[s] - day[t]).days) > args.days:
                continue
            sim = cosine(bags[s], bags[t])
            if sim >= args.min_sim and sim > best.get(meta[t]["publisher"], (0, ""))[0]:
                best[meta[t]["publisher"]] = (sim, t)
        if len(best) >= 2:
            score = sorted((v[0] for v in best.values()), reverse=True)[1]
            print(f"{score:.2f} {s} [{meta[s]['wire']}] {meta[s]['title']}")
            for sim, t in sorted(best.values(), reverse=True):
                print(f"     {sim:.2f} {t} [{meta[t]['wire']}] {meta[t]['title']}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
