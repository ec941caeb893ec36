"""The brief gold's speaker check: one person's names with and without a middle initial."""

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


def test_other_differences_still_count():
    assert not speaker_ok("Oren Talby", "Mara Talby")
    assert not speaker_ok("Oren Q. Talby", "Oren Q. Talbot")
    assert not speaker_ok("Talby", "Oren Q. Talby")  # a surname alone is not the canonical name
    assert not speaker_ok(None, "Oren Talby")
    assert speaker_ok("a spokeswoman for the port", "port spokeswoman")  # unnamed: a shared word
