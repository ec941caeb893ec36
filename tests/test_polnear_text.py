"""The PolNeAR gold's sentence splitter (bench/polnear_text.py): its numbering is the gold's index."""

from __future__ import annotations

import json
import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parents[1] / "bench"
sys.path.insert(0, str(BENCH))

from polnear_text import sentence_spans  # noqa: E402


def _sentences(text: str) -> list[str]:
    return [text[a:b] for a, b in sentence_spans(text)]


def test_splits_paragraphs_and_sentences() -> None:
    text = 'Headline here.\n\nFirst one. Second one! "Third," he said.\n\nLast.'
    assert _sentences(text) == ["Headline here.", "First one.", "Second one!", '"Third," he said.', "Last."]


def test_abbreviations_and_initials_do_not_end_a_sentence() -> None:
    text = "Sen. Bernie Sanders met Mr. Smith in the U.S. Senate on Sept. 11. Then he left."
    assert _sentences(text) == [
        "Sen. Bernie Sanders met Mr. Smith in the U.S. Senate on Sept. 11.",
        "Then he left.",
    ]


def test_closing_quote_stays_with_its_sentence() -> None:
    text = "He said: \u201cWe will win.\u201d She disagreed."
    assert _sentences(text) == ["He said: \u201cWe will win.\u201d", "She disagreed."]


def test_gold_stories_reference_three_outlets_and_a_fixed_split() -> None:
    index = json.loads((BENCH / "brief_gold_polnear" / "stories.json").read_text(encoding="utf-8"))
    splits = [s["split"] for s in index["stories"]]
    assert index["source"] == "polnear"
    assert splits.count("calibrate") == splits.count("report") >= 4
    for story in index["stories"]:
        outlets = {stem.split("_")[0] for stem in story["articles"]}
        assert len(outlets) == len(story["articles"]) >= 3
