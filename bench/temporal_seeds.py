"""The timeline newsprism builds for the seed story (Kremlin drone incident, May 2023).

Checks the four dates a careful reader gets from the five articles: the attack in the
night of 2-3 May 2023, Peskov's accusation on Thursday 4 May, the Security Council
meeting on Friday 5 May, Victory Day on 9 May. Also prints each article's resolved
publication date and the time the temporal stages take per article.

    PYTHONPATH=$PWD python bench/temporal_seeds.py --data /work/shared/eval
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from newsprism.analyze import load_articles  # noqa: E402
from newsprism.nlp.embed import get_embedder  # noqa: E402
from newsprism.pipeline import Analysis  # noqa: E402
from newsprism.settings import Settings  # noqa: E402
from newsprism.temporal.published import published_date  # noqa: E402
from newsprism.temporal.stages import published_stage, timeline_stage  # noqa: E402
from newsprism.temporal.timexes import tag_text  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
# (event, pattern the entry's text must match, acceptable (date, time) versions)
EXPECTED = [
    ("drone attack, night of 2-3 May", r"drone|attack|incident", {("2023-05-02", "night"), ("2023-05-03", "03:00"),
                                                                  ("2023-05-03", "morning"), ("2023-05-03", None)}),
    ("Peskov's accusation, Thursday 4 May", r"Peskov|spokesman|blamed|accus|behind", {("2023-05-04", None)}),
    ("Security Council meets, Friday 5 May", r"Security Council", {("2023-05-05", None)}),
    ("Victory Day, 9 May", r"Victory Day", {("2023-05-09", None)}),
]  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "eval")
    args = parser.parse_args()
    batch = load_articles([str(args.data.parent / "seeds")])
    settings = Settings()
    t0 = time.perf_counter()
    get_embedder(settings.compare.embedder).embed(["warm up"])  # model load, once per process
    print(f"embedder load: {time.perf_counter() - t0:.2f}s")
    t0 = time.perf_counter()
    analysis = timeline_stage(published_stage(Analysis(articles=tuple(batch.articles)), settings), settings)
    seconds = time.perf_counter() - t0
    for art in analysis.articles:
        print(
            f"{Path(art.path).name}: published {art.published} ({art.published_source}, {art.published_confidence})"
        )
    print()
    for e in analysis.timeline:
        flag = f"  CONFLICT {e.conflict}" if e.conflict else ""
        print(f"{e.date} {e.time or '':8} [{len(e.article_ids)}] {e.text[:110]}{flag}")
    print()
    right = 0
    for name, pattern, versions in EXPECTED:
        hits = [e for e in analysis.timeline if re.search(pattern, e.text)]
        good = [e for e in hits if (e.date, e.time) in versions]
        wrong = [
            e for e in hits if (e.date, e.time) not in versions and name.startswith(("Security", "Victory"))
        ]
        right += bool(good)
        status = "RIGHT" if good and not wrong else "WRONG" if wrong else "MISSED"
        print(
            f"{status:6} {name}: {len(good)} entries, {sum(len(e.article_ids) for e in good)} article mentions"
        )
    print(f"{right}/{len(EXPECTED)} expected dates resolved right")
    n = len(analysis.articles)
    print(f"published + timeline stages: {1000 * seconds / n:.1f} ms/article ({n} articles, 1 process)")
    chars = sum(len(a.text) for a in analysis.articles)
    t0 = time.perf_counter()
    for _ in range(20):
        for art in analysis.articles:
            tag_text(art.text, published_date(art), art.id)
    per = (time.perf_counter() - t0) / (20 * n)
    print(f"tagging alone: {1000 * per:.1f} ms/article, {chars / n / per / 1000:.0f}k chars/s")


if __name__ == "__main__":
    main()
