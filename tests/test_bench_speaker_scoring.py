"""The brief gold's scoring: one person's names with and without a middle initial; locators."""

from __future__ import annotations

import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parents[1] / "bench"
sys.path.insert(0, str(BENCH))

from brief_gold import speaker_ok  # noqa: E402


def test_a_middle_initial_on_one_side_names_the_same_person():
    assert speaker_ok("Oren Talby", "Oren Q. Talby")
    assert speaker_ok("Oren Q. Talby", "Oren Talby")
    assert not speaker_ok("Oren Talby", "Oren Q. Talby", strict=True)


def test_a_curly_apostrophe_is_the_straight_one():
    assert speaker_ok("Oren O’Talby", "Oren O'Talby")
    assert not speaker_ok("Oren O’Talby", "Oren O’Tarby")


def test_other_differences_still_count():
    assert not speaker_ok("Oren Talby", "Mara Talby")
    assert not speaker_ok("Oren Q. Talby", "Oren Q. Talbot")
    assert not speaker_ok("Talby", "Oren Q. Talby")  # a surname alone is not the canonical name
    assert not speaker_ok(None, "Oren Talby")
    assert speaker_ok("a spokeswoman for the port", "port spokeswoman")  # unnamed: a shared word


def test_a_locator_is_read_without_the_quote_marks_at_its_ends():
    from types import SimpleNamespace

    from brief_gold import _without_marks

    raw = 'She said: "The pier stays shut. We will rebuild it." Then she left.'
    doc = SimpleNamespace(article=SimpleNamespace(raw=raw))
    start = raw.index("We will")
    end = raw.index("Then") - 1  # the locator took the closing mark
    assert raw[slice(*_without_marks(doc, (start, end)))] == "We will rebuild it."
    assert _without_marks(doc, (0, 3)) == (0, 3)
    assert _without_marks(doc, None) is None
