"""The bundled example story against its truth file: quote recall, kind and speaker accuracy.

    PYTHONPATH=$PWD python bench/quotes_example.py

A truth quote is found when one of our quotes in the same article overlaps it by at least
half of the truth text (after locating it in the cleaned text). Its speaker is right when our
canonical name folds to the truth speaker ("anonymous: two officials" is right for any
anonymous speaker whose description contains "two officials"). Precision is not scored:
the truth file lists the quotes the story's tests rely on, not every quote.
"""

from __future__ import annotations

import json
from pathlib import Path

from newsprism.analyze import load_articles
from newsprism.quotes import fold
from newsprism.quotes.stage import analyze_quotes

STORY = Path(__file__).resolve().parent.parent / "examples" / "harbour-fire"


def _speaker_ok(truth: str, quote) -> bool:
    s = quote.speaker
    if s is None:
        return False
    if truth.startswith("anonymous: "):
        return s.anonymous and fold(truth.removeprefix("anonymous: ")) in fold(s.name)
    return fold(truth) == fold(s.canonical)


def main() -> None:
    truth = json.loads((STORY.parent / "harbour-fire.truth.json").read_text(encoding="utf-8"))["quotes"]
    batch = load_articles([str(STORY)])
    analysis = analyze_quotes(batch.articles)
    by_file = {a.path.rsplit("/", 1)[-1]: a for a in batch.articles}
    found = kind_ok = speaker_ok = 0
    for t in truth:
        art = by_file.get(t["file"])
        start = art.text.find(t["text"]) if art else -1
        if start < 0:
            print(f"  not in cleaned text: {t['file']}: {t['text'][:60]!r}")
            continue
        end = start + len(t["text"])
        best = max(  # the greatest overlap; of equal ones, the tightest (a fragment, not the
            # mixed quote around it)
            (q for q in analysis.quotes if q.article_id == art.id),
            key=lambda q: (min(end, q.span.end) - max(start, q.span.start), -(q.span.end - q.span.start)),
            default=None,
        )
        if best is None or min(end, best.span.end) - max(start, best.span.start) < len(t["text"]) / 2:
            print(f"  missed ({t['kind']}): {t['file']}: {t['text'][:70]!r}")
            continue
        found += 1
        kind_ok += best.kind == t["kind"]
        ok = _speaker_ok(t["speaker"], best)
        speaker_ok += ok
        if not ok:
            got = best.speaker.canonical if best.speaker else None
            print(f"  speaker: {t['file']}: truth {t['speaker']!r}, ours {got!r} ({best.method})")
    n = len(truth)
    print(f"example truth: {n} quotes; found {found} ({100 * found / n:.0f}%), kind right {kind_ok}/{found},")
    print(f"speaker right {speaker_ok}/{found} ({100 * speaker_ok / max(1, found):.0f}%)")


if __name__ == "__main__":
    main()
