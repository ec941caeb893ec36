"""Speed of the compare and brief stages on a 50-article story, model load included.

    PYTHONPATH=. python bench/brief_speed.py --data /work/shared/eval [--docs-per-article 1]
    PYTHONPATH=. python bench/brief_speed.py --store /tmp/b.db   # run twice: cold, then from the store

With ``--store DB`` the articles are stored in DB and the run reads and fills its parse and
sentence-vector caches: the first run is cold, a second run (a fresh process) shows the cost
of a brief whose parses and embeddings are cached (the web app's or ``briefs``' case).

Articles are real news documents from ECB+ (topics in order, 50 documents, then PolNeAR's; with
``--docs-per-article 3`` every article joins three documents, to reach the length of a
full news article; when the two corpora run out, their 1,906 documents are spread over the
articles, one or two each: 1,000 articles at ``--docs-per-article 2``). Run in a fresh process so the embedding model load is counted.
Prints the load average before and after, seconds per step (``compare.*``), in total, the CPU seconds of the run (on a shared
machine the wall times move with the load; compare CPU seconds), the peak resident memory
(``ru_maxrss``), and a digest of the report without its timings (two versions of the code
giving one digest give the same brief).
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import json
import os
import re
import resource
import sys
import time
import xml.etree.ElementTree as ET
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from brief_common import default_data, plain_article, run_brief  # noqa: E402


def ecb_text(path: Path) -> str:
    """Document text from ECB+ tokens: sentences on their own lines, spaces fixed around punctuation."""
    sentences: dict[str, list[str]] = {}
    for tok in ET.parse(path).getroot().iter("token"):
        sentences.setdefault(tok.get("sentence", "0"), []).append(tok.text or "")
    lines = []
    for key in sorted(sentences, key=int):
        line = " ".join(sentences[key])
        line = re.sub(r" ([.,;:!?%)'])", r"\1", line).replace("( ", "(").replace(" n't", "n't")
        lines.append(line)
    return "\n\n".join(lines)


def ecb_docs(data: Path, n: int) -> list[Path]:
    """The first ``n`` ECB+ documents (topics in order); past its 982, PolNeAR's 924 texts
    (train then dev, by name) follow, so a curve can reach 500 articles of three documents."""
    root = data / "ecbplus" / "ECB+"
    topics = sorted((p for p in root.iterdir() if p.is_dir() and p.name.isdigit()), key=lambda p: int(p.name))
    docs = [doc for topic in topics for doc in sorted(topic.glob("*.xml"))]
    if n > len(docs):
        docs += [
            doc
            for part in ("train", "dev")
            for doc in sorted((data / "polnear" / part / "text").glob("*.txt"))
        ]
    return docs[:n]


def doc_text(path: Path) -> str:
    """An ECB+ document's text from its tokens, a PolNeAR text as it is."""
    return ecb_text(path) if path.suffix == ".xml" else path.read_text(encoding="utf-8").strip()


def article_docs(texts: list[str], n: int, k: int) -> list[list[str]]:
    """``k`` documents an article; when fewer than ``n * k`` are there, all of them spread
    over ``n`` articles (sizes differ by one at most)."""
    if len(texts) >= n * k:
        return [texts[i * k : (i + 1) * k] for i in range(n)]
    return [texts[i * len(texts) // n : (i + 1) * len(texts) // n] for i in range(n)]


def cpu_seconds() -> float:
    """User + system CPU seconds of this process and its finished children (the spaCy workers)."""
    own, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


def peak_mb() -> tuple[float, float]:
    """Peak resident MB of this process and of its largest finished child (Linux counts kB)."""
    own, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_maxrss / 1024, kids.ru_maxrss / 1024


def report_digest(analysis: object) -> str:
    """A hash of the brief's report without its timings, to check two versions give the same brief."""
    from newsprism.brief.report import build_report

    report = {k: v for k, v in build_report(analysis).items() if k != "timings"}
    text = json.dumps(report, sort_keys=True, default=str)
    return hashlib.sha1(re.sub(r'"timings": \{[^{}]*\}', "", text).encode()).hexdigest()[:12]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=default_data())
    parser.add_argument("--articles", type=int, default=50)
    parser.add_argument("--docs-per-article", type=int, default=1)
    parser.add_argument("--store", type=Path, help="SQLite store holding the parse and vector caches")
    args = parser.parse_args()
    docs = ecb_docs(args.data, args.articles * args.docs_per_article)
    texts = [doc_text(d) for d in docs]
    articles = tuple(
        plain_article(f"ecb-{i}.txt", "\n\n".join(part), outlet=f"outlet-{i}")
        for i, part in enumerate(article_docs(texts, args.articles, args.docs_per_article))
    )
    with contextlib.ExitStack() as stack:
        if args.store:
            from newsprism.nlp import use_parse_cache
            from newsprism.store import Store

            store = stack.enter_context(Store(args.store))
            store.add_articles(list(articles))
            print(
                f"store {args.store}: {store.count('parses')} parses, {store.count('vectors')} vectors cached"
            )
            stack.enter_context(use_parse_cache(store))
        print("load average at start {:.1f} {:.1f} {:.1f}".format(*os.getloadavg()))
        t0 = time.perf_counter()
        analysis = run_brief(articles)
        total = time.perf_counter() - t0
    words = sum(len(a.text.split()) for a in articles)
    print(
        f"{len(articles)} articles, {words} words, {len(analysis.statements)} statements, "
        f"{len(analysis.quotes)} quotes, {len(analysis.ledger)} ledger groups"
    )
    for name, secs in sorted(analysis.timings.items()):
        print(f"  {name:24s} {secs:7.2f} s")
    print(f"total (model load included) {total:.2f} s")
    print(f"report digest (all but timings: same digest, same brief) {report_digest(analysis)}")
    print(f"CPU s (this process and its spaCy workers, loading included) {cpu_seconds():.2f}")
    print("load average at end {:.1f} {:.1f} {:.1f}".format(*os.getloadavg()))
    print("peak resident MB (this process; largest spaCy worker) {:.0f}; {:.0f}".format(*peak_mb()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
