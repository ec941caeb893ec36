"""Speed of NLP + quote extraction (articles/s) on the seeds and the example, replicated,
with textacy's direct_quotations timed on the same texts in the same run.

    PYTHONPATH=$PWD python bench/quotes_speed.py --seeds /work/shared/seeds --copies 20

Each copy gets its own article id, so nothing is served from a cache. The machine's load
average is printed: other processes on the 2 cores slow both systems alike.
"""

from __future__ import annotations

import argparse
import dataclasses
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from newsprism.analyze import load_articles
from newsprism.model import content_id
from newsprism.nlp import MemoryParseCache
from newsprism.quotes.stage import quotes_for_articles
from newsprism.settings import NlpSettings, Settings

REPO = Path(__file__).resolve().parent.parent
DEFAULT_SEEDS = REPO.parent / "shared" / "seeds"


def corpus(seeds: Path, copies: int) -> list:
    base = load_articles([str(seeds), str(REPO / "examples" / "harbour-fire")]).articles
    return [
        dataclasses.replace(a, id=content_id(a.id, str(k), prefix="a")) for k in range(copies) for a in base
    ]


def ours(articles: list, n_process: int) -> tuple[float, int]:
    settings = Settings(nlp=NlpSettings(n_process=n_process))
    t0 = time.perf_counter()
    quotes, _ = quotes_for_articles(articles, settings, MemoryParseCache())
    return time.perf_counter() - t0, len(quotes)


def textacy(python: str, articles: list) -> float | None:
    script = Path(__file__).resolve().parent / "quotes_peer_textacy.py"
    with tempfile.TemporaryDirectory() as tmp:
        paths = []
        for k, art in enumerate(articles):
            path = Path(tmp) / f"{k:04}.txt"
            path.write_text(art.text, encoding="utf-8")
            paths.append(str(path))
        try:
            proc = subprocess.run([python, str(script), *paths], capture_output=True, text=True, check=True)
        except (OSError, subprocess.CalledProcessError) as exc:
            print(f"textacy did not run: {exc}")
            return None
    import json

    return sum(json.loads(line)["seconds"] for line in proc.stdout.splitlines())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seeds", type=Path, default=DEFAULT_SEEDS)
    parser.add_argument("--copies", type=int, default=20)
    parser.add_argument("--peer-python", default="/work/venvs/quotes/bin/python")
    args = parser.parse_args()
    articles = corpus(args.seeds, args.copies)
    words = sum(len(a.text.split()) for a in articles)
    print(
        f"{len(articles)} articles, {words / len(articles):.0f} words each on average; load {os.getloadavg()}"
    )
    for n_process in (1, 2):
        seconds, n_quotes = ours(articles, n_process)
        print(
            f"newsprism n_process={n_process}: {len(articles) / seconds:.1f} articles/s ({n_quotes} quotes)"
        )
    cache = MemoryParseCache()
    quotes_for_articles(articles, Settings(), cache)
    t0 = time.perf_counter()
    quotes_for_articles(articles, Settings(), cache)
    cached = time.perf_counter() - t0
    print(f"newsprism re-analysis from cached parses: {len(articles) / cached:.1f} articles/s")
    peer = textacy(args.peer_python, articles)
    if peer:
        print(f"textacy direct_quotations (1 process): {len(articles) / peer:.1f} articles/s")
    print(f"load after: {os.getloadavg()}", file=sys.stderr)


if __name__ == "__main__":
    main()
