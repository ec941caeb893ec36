"""HTML main-text extraction: newsprism's reader against trafilatura, same run, same metric.

Data: the article-extraction benchmark (181 news pages, gold article bodies, stored
outputs of other extractors). The metric is the benchmark's own (its evaluate.py),
re-implemented here:

- tokens are ``\\w+`` runs (Python ``re``, Unicode); shingles are 4-token n-grams
  (a text of fewer than 4 tokens is one shorter shingle; an empty text has none);
- per page, true positives / false positives / false negatives are multiset
  overlaps of the shingle counts, then divided by their sum so every page weighs
  the same;
- precision is the mean over pages with tp + fp > 0 (1.0 when fp = fn = 0), recall
  the mean over pages with tp + fn > 0; F1 is the harmonic mean of those two means;
- accuracy is the share of pages whose token lists are identical;
- "±" is the bootstrap standard deviation (1,000 resamples, fixed seed).

Usage::

    python bench/extraction_eval.py --data ../shared/eval/article_extraction

``--data`` also accepts the eval root (``../shared/eval``, the default).
"""

from __future__ import annotations

import argparse
import gzip
import json
import logging
import random
import re
import statistics
import sys
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from newsprism.ingest.html import extract_text  # noqa: E402

_TOKEN = re.compile(r"\w+")
_N = 4
# Stored outputs shown for reference (name in output/ -> label).
PEERS = (
    "rs_trafilatura",
    "go_trafilatura",
    "trafilatura",
    "newspaper",
    "news_please",
    "readability_js",
    "readability",
    "goose3",
    "justext",
)

Counts = tuple[float, float, float]


def shingles(text: str) -> Counter[tuple[str, ...]]:
    tokens = _TOKEN.findall(text or "")
    grams = (tuple(tokens[i : i + _N]) for i in range(max(1, len(tokens) - _N + 1)))
    return Counter(g for g in grams if g)


def page_counts(true: str, pred: str) -> Counts:
    t, p = shingles(true), shingles(pred)
    tp, fp, fn = sum((t & p).values()), sum((p - t).values()), sum((t - p).values())
    total = tp + fp + fn
    return (tp / total, fp / total, fn / total) if total else (0.0, 0.0, 0.0)


def _precision(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    return 0.0 if tp == fp == 0 else tp / (tp + fp)


def _recall(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    return 0.0 if tp == fn == 0 else tp / (tp + fn)


def summary(counts: list[Counts]) -> tuple[float, float, float]:
    p = statistics.mean(_precision(*c) for c in counts if c[0] + c[1] > 0)
    r = statistics.mean(_recall(*c) for c in counts if c[0] + c[2] > 0)
    return 2 * p * r / (p + r), p, r


def evaluate(truth: dict[str, str], pred: dict[str, str], n_boot: int = 1000) -> dict[str, float]:
    keys = sorted(truth)
    counts = [page_counts(truth[k], pred.get(k) or "") for k in keys]
    exact = [float(_TOKEN.findall(truth[k]) == _TOKEN.findall(pred.get(k) or "")) for k in keys]
    f1, p, r = summary(counts)
    rng = random.Random(0)
    boots = []
    for _ in range(n_boot):
        idx = [rng.randrange(len(keys)) for _ in keys]
        boots.append(summary([counts[i] for i in idx]))
    return {
        "f1": f1,
        "precision": p,
        "recall": r,
        "accuracy": statistics.mean(exact),
        "f1_std": statistics.stdev(b[0] for b in boots),
        "precision_std": statistics.stdev(b[1] for b in boots),
        "recall_std": statistics.stdev(b[2] for b in boots),
    }


def paired_difference(truth: dict[str, str], a: dict[str, str], b: dict[str, str], n_boot: int = 1000) -> str:
    """F1(a) - F1(b) with a paired bootstrap: mean ± std and the share of resamples where a wins."""
    keys = sorted(truth)
    ca = [page_counts(truth[k], a.get(k) or "") for k in keys]
    cb = [page_counts(truth[k], b.get(k) or "") for k in keys]
    rng = random.Random(1)
    diffs = []
    for _ in range(n_boot):
        idx = [rng.randrange(len(keys)) for _ in keys]
        diffs.append(summary([ca[i] for i in idx])[0] - summary([cb[i] for i in idx])[0])
    wins = sum(d > 0 for d in diffs) / len(diffs)
    return f"{statistics.mean(diffs):+.3f} ± {statistics.stdev(diffs):.3f} (ours ahead in {wins:.1%} of resamples)"


def load_pages(data: Path) -> dict[str, str]:
    pages = {}
    for path in sorted((data / "html").glob("*.html.gz")):
        with gzip.open(path, "rt", encoding="utf8") as fh:
            pages[path.name.split(".")[0]] = fh.read()
    return pages


def load_stored(path: Path) -> dict[str, str]:
    data = json.loads(path.read_text(encoding="utf8"))
    if "output" in data and "version" in data:
        data = data["output"]
    return {k: (v or {}).get("articleBody") or "" for k, v in data.items()}


def run(pages: dict[str, str], fn: Callable[[str], str | None]) -> tuple[dict[str, str], float]:
    start = time.perf_counter()
    out = {k: fn(html) or "" for k, html in pages.items()}
    return out, time.perf_counter() - start


def _trafilatura(**options: object) -> Callable[[str], str | None]:
    import trafilatura

    # As the benchmark's own runner calls it (extractors/run_trafilatura.py).
    return lambda html: trafilatura.extract(html, include_comments=False, **options)


def _blocks_only(html: str) -> str:
    """Our cascade (pruning, mode choice, sibling recall) without the line rules."""
    from newsprism.ingest.html_text import extract_blocks, parse_html

    tree = parse_html(html)
    return "\n\n".join(b.text for b in extract_blocks(tree)) if tree is not None else ""


def _read_and_clean(html: str) -> str:
    """What newsprism keeps of a page end to end: the HTML reader, then the text cleaner."""
    from newsprism.clean import clean_document
    from newsprism.errors import InputError
    from newsprism.ingest.html import read_html

    try:
        return clean_document(read_html("page.html", html)).text
    except InputError:
        return ""


def _row(name: str, m: dict[str, float], secs: float | None = None) -> str:
    speed = f"  {secs:6.1f} s" if secs is not None else ""
    return (
        f"{name:<34} F1 {m['f1']:.3f} ± {m['f1_std']:.3f}  P {m['precision']:.3f} ± {m['precision_std']:.3f}"
        f"  R {m['recall']:.3f} ± {m['recall_std']:.3f}  acc {m['accuracy']:.3f}{speed}"
    )


def resolve(data: Path) -> Path:
    return data if (data / "ground-truth.json").exists() else data / "article_extraction"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "eval")
    parser.add_argument(
        "--ablation",
        action="store_true",
        help="also run trafilatura favor_precision and our cascade without line rules",
    )
    parser.add_argument("--dump", type=Path, help="write our outputs (benchmark JSON format) here")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.ERROR)
    logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
    logging.getLogger("htmldate").setLevel(logging.CRITICAL)
    data = resolve(args.data)
    if not (data / "ground-truth.json").exists():
        print(f"no benchmark at {data}; pass --data DIR", file=sys.stderr)
        return 2
    truth = {
        k: v.get("articleBody") or "" for k, v in json.loads((data / "ground-truth.json").read_text()).items()
    }
    pages = load_pages(data)
    print(
        f"{len(pages)} pages, {len(truth)} gold bodies; metric: 4-gram shingle F1 as the benchmark defines it"
    )
    ours, secs = run(pages, extract_text)
    print(_row("newsprism reader (ours)", evaluate(truth, ours), secs))
    full, secs = run(pages, _read_and_clean)
    print(_row("newsprism reader + cleaner (ours)", evaluate(truth, full), secs))
    import trafilatura

    traf, secs = run(pages, _trafilatura())
    print(_row(f"trafilatura {trafilatura.__version__} (live, default)", evaluate(truth, traf), secs))
    print(f"{'ours - trafilatura, paired bootstrap':<34} F1 {paired_difference(truth, ours, traf)}")
    print(f"{'ours+cleaner - trafilatura':<34} F1 {paired_difference(truth, full, traf)}")
    if args.ablation:
        prec, secs = run(pages, _trafilatura(favor_precision=True))
        print(_row("trafilatura (live, favor_precision)", evaluate(truth, prec), secs))
        blocks, secs = run(pages, _blocks_only)
        print(_row("newsprism without line junk rules", evaluate(truth, blocks), secs))
    print("stored outputs (benchmark repository, for reference):")
    for name in PEERS:
        path = data / "output" / f"{name}.json"
        if path.exists():
            print(_row(f"  {name}", evaluate(truth, load_stored(path))))
    if args.dump:
        args.dump.write_text(json.dumps({k: {"articleBody": v} for k, v in sorted(ours.items())}, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
