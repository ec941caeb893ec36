"""What each cleaning rule costs: lines removed per rule, and how many of them were body text.

Two corpora, both read from ``--data`` (default ``../shared/eval``):

- ECB+ (982 documents): each document as a text article, one sentence per line, the first
  line standing as the title. ``--ecb-form tokens`` (default) gives the tokens as the corpus
  has them, joined by spaces (PTB-style ``\\`\\``, `` ''``, `` n't``, spaces before punctuation);
  ``--ecb-form text`` gives the sentences detokenised by ``bench/ecbplus_text.py``. The
  sentences listed in ``ECBplus_coreference_sentences.csv`` carry annotated mentions: none
  may be removed. Reported: documents rejected (nothing left), annotated sentences removed
  (a whole-line removal, the real title aside), documents whose title is not their first
  line, and every removal rule with its line count.
- The 181 pages of the article-extraction benchmark: the HTML reader, then the cleaner.
  Reported: body-token recall of reader alone, reader + cleaner and trafilatura (the
  benchmark's shingle metric, as in ``extraction_eval.py``), and per rule the lines removed
  and how many of those lie in the gold body (every 4-token shingle of the line in it).

    PYTHONPATH=$PWD python bench/cleaning_rules.py --data ../shared/eval [--only ecb|pages] [--show RULE]
"""

from __future__ import annotations

import argparse
import csv
import gzip
import json
import logging
import random
import statistics
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from ecbplus_text import sentences  # noqa: E402
from extraction_eval import _recall, evaluate, page_counts, shingles  # noqa: E402

from newsprism.clean import clean_document  # noqa: E402
from newsprism.model import Article, Document  # noqa: E402

# Removals that cut no words: a line break joined inside a paragraph.
NOT_TEXT = {"line break inside a paragraph"}


def annotated(data: Path) -> set[tuple[str, int]]:
    """(document name, sentence number) of every sentence with annotated mentions."""
    path = data / "ecbplus" / "ECBplus_coreference_sentences.csv"
    with path.open(encoding="utf-8") as fh:
        return {(f"{r['Topic']}_{r['File']}", int(r["Sentence Number"])) for r in csv.DictReader(fh)}


def _tokens(xml: Path) -> list[tuple[int, str]]:
    import xml.etree.ElementTree as ET

    grouped: dict[int, list[str]] = {}
    for token in ET.parse(xml).getroot().iter("token"):
        grouped.setdefault(int(token.get("sentence", "0")), []).append(token.text or "")
    lines = [(n, " ".join(t)) for n, t in sorted(grouped.items())]
    return [(n, s) for n, s in lines if not s.replace(" ", "").startswith("http")]


def ecb_documents(data: Path, form: str) -> Iterator[tuple[str, list[tuple[int, str]]]]:
    for xml in sorted((data / "ecbplus" / "ECB+").glob("*/*.xml")):
        yield xml.stem, (_tokens(xml) if form == "tokens" else sentences(xml))


def _line_spans(lines: list[tuple[int, str]]) -> tuple[str, list[tuple[int, int, int]]]:
    spans, pos = [], 0
    for number, text in lines:
        spans.append((number, pos, pos + len(text)))
        pos += len(text) + 1
    return "\n".join(t for _, t in lines) + "\n", spans


def _whole_line_removed(article: Article, start: int, end: int) -> str | None:
    for r in article.removed:
        if r.reason not in NOT_TEXT and r.raw_start <= start and end <= r.raw_end:
            return r.reason
    return None


def _letters(text: str) -> str:
    return "".join(c for c in text if c.isalnum())


def _headline(lines: list[tuple[int, str]], k: int) -> bool:
    """A line taken as the title is the headline when no body sentence (12+ words) stands above it."""
    return all(sum(any(c.isalnum() for c in w) for w in text.split()) < 12 for _, text in lines[:k])


def run_ecb(data: Path, form: str, show: str | None) -> None:
    gold = annotated(data)
    rules: Counter[str] = Counter()
    lost: Counter[str] = Counter()
    rejected, moved_title, n_docs, n_gold, lines_lost, docs_losing = [], 0, 0, 0, 0, 0
    for name, lines in ecb_documents(data, form):
        n_docs += 1
        raw, spans = _line_spans(lines)
        art = clean_document(Document(path=name, raw=raw, format="text"))
        if not art.text.strip():
            rejected.append(name)
        rules.update(r.reason for r in art.removed if r.reason not in NOT_TEXT)
        first = _letters(lines[0][1]) if lines else ""
        if art.title and _letters(art.title) != first:
            moved_title += 1
        lost_here = [
            k for k, (_, start, end) in enumerate(spans)
            if (reason := _whole_line_removed(art, start, end))
            and reason != "date line" and not (reason == "title" and _headline(lines, k))
        ]  # fmt: skip
        lines_lost += len(lost_here)
        docs_losing += bool(lost_here)
        for k in lost_here:
            if show == "lines":
                print(
                    f"  [{_whole_line_removed(art, *spans[k][1:])}] {name}#{spans[k][0]}: {lines[k][1][:150]}"
                )
        for k, (number, start, end) in enumerate(spans):
            if (name, number) not in gold:
                continue
            n_gold += 1
            reason = _whole_line_removed(art, start, end)
            if reason and not (reason == "title" and _headline(lines, k)):
                lost[reason] += 1
                if show in (reason, "all"):
                    print(f"  [{reason}] {name}#{number}: {lines[k][1][:150]}")
    print(f"ECB+ ({form}): {n_docs} documents, {n_gold} annotated sentences")
    print(f"  rejected (no text left): {len(rejected)} {rejected[:5]}")
    print(f"  annotated sentences removed: {sum(lost.values())} {dict(lost)}")
    print(f"  documents whose title is not their first line: {moved_title}")
    print(
        f"  documents losing a line besides their headline and date lines: {docs_losing} ({lines_lost} lines)"
    )
    print("  lines removed per rule:")
    for reason, n in rules.most_common():
        print(f"    {n:6d}  {reason}")


def _in_body(text: str, body: Counter[tuple[str, ...]]) -> bool:
    grams = shingles(text)
    return bool(grams) and all(body[g] for g in grams)


def run_pages(data: Path, show: str | None) -> None:
    import trafilatura

    from newsprism.errors import InputError
    from newsprism.ingest.html import read_html

    root = data / "article_extraction"
    truth = {
        k: v.get("articleBody") or "" for k, v in json.loads((root / "ground-truth.json").read_text()).items()
    }
    reader, full, traf = {}, {}, {}
    rules: Counter[str] = Counter()
    body_lines: Counter[str] = Counter()
    for path in sorted((root / "html").glob("*.html.gz")):
        key = path.name.split(".")[0]
        with gzip.open(path, "rt", encoding="utf8") as fh:
            html = fh.read()
        traf[key] = trafilatura.extract(html, include_comments=False) or ""
        try:
            doc = read_html("page.html", html)
        except InputError:
            reader[key] = full[key] = ""
            continue
        art = clean_document(doc)
        reader[key], full[key] = doc.raw, art.text
        body = shingles(truth.get(key, ""))
        for r in art.removed:
            if r.reason in NOT_TEXT or r.reason.endswith("(in the HTML)"):
                continue
            rules[r.reason] += 1
            if _in_body(r.text, body):
                body_lines[r.reason] += 1
                if show in (r.reason, "all"):
                    print(f"  [{r.reason}] {key}: {r.text[:150]}")
    print(f"extraction benchmark: {len(truth)} pages; body-token recall (4-gram shingles, benchmark metric)")
    for label, pred in (
        ("reader", reader),
        ("reader + cleaner", full),
        (f"trafilatura {trafilatura.__version__}", traf),
    ):
        m = evaluate(truth, pred, n_boot=200)
        print(
            f"  {label:<22} R {m['recall']:.4f} ± {m['recall_std']:.4f}  P {m['precision']:.4f}  F1 {m['f1']:.4f}"
        )
    print(f"  recall, reader + cleaner - trafilatura, paired bootstrap: {_paired_recall(truth, full, traf)}")
    print(
        f"  recall, reader + cleaner - reader (body text the cleaner removes): {_paired_recall(truth, full, reader)}"
    )
    print("  lines removed per rule (of which in the gold body):")
    for reason, n in rules.most_common():
        print(f"    {n:6d}  ({body_lines[reason]:4d} body)  {reason}")


def _paired_recall(truth: dict[str, str], a: dict[str, str], b: dict[str, str], n_boot: int = 1000) -> str:
    """Mean recall of ``a`` minus that of ``b`` over resampled pages (same pages for both)."""
    keys = [k for k in sorted(truth) if truth[k]]
    ra = [_recall(*page_counts(truth[k], a.get(k) or "")) for k in keys]
    rb = [_recall(*page_counts(truth[k], b.get(k) or "")) for k in keys]
    rng = random.Random(2)
    diffs = []
    for _ in range(n_boot):
        idx = [rng.randrange(len(keys)) for _ in keys]
        diffs.append(statistics.mean(ra[i] - rb[i] for i in idx))
    ahead = sum(d >= 0 for d in diffs) / len(diffs)
    mean = statistics.mean(ra) - statistics.mean(rb)
    return f"{mean:+.4f} ± {statistics.stdev(diffs):.4f} (not behind in {ahead:.1%} of resamples)"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "eval")
    parser.add_argument("--only", choices=["ecb", "pages"])
    parser.add_argument("--ecb-form", choices=["tokens", "text"], default="tokens")
    parser.add_argument(
        "--show", metavar="RULE", help="print the body lines a rule removed ('all' for every rule)"
    )
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.ERROR)
    for name in ("trafilatura", "htmldate"):
        logging.getLogger(name).setLevel(logging.CRITICAL)
    if not (args.data / "ecbplus").exists():
        print(f"no eval data at {args.data}; pass --data DIR", file=sys.stderr)
        return 2
    if args.only in (None, "ecb"):
        run_ecb(args.data, args.ecb_form, args.show)
    if args.only in (None, "pages"):
        run_pages(args.data, args.show)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
