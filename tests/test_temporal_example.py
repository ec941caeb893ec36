"""The bundled example story: every temporal expression its truth file lists resolves right."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from newsprism.temporal import tag_text

ROOT = Path(__file__).resolve().parents[1] / "examples"
TRUTH = json.loads((ROOT / "harbour-fire.truth.json").read_text(encoding="utf-8"))
TEXT_TIMEXES = [t for t in TRUTH["timexes"] if t["file"].endswith(".txt")]


@pytest.mark.parametrize("item", TEXT_TIMEXES, ids=lambda t: f"{t['file']}:{t['text']}")
def test_truth_timex_resolves(item: dict) -> None:
    text = (ROOT / "harbour-fire" / item["file"]).read_text(encoding="utf-8")
    anchor = dt.date.fromisoformat(item["anchor"])
    found = [t for t in tag_text(text, anchor) if t.text in item["text"] or item["text"] in t.text]
    assert item["value"] in {t.value for t in found}, found
