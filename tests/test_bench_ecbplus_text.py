"""The ECB+ text rebuild (bench/ecbplus_text.py): quote marks where the article printed them."""

from __future__ import annotations

import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parents[1] / "bench"
sys.path.insert(0, str(BENCH))

from ecbplus_text import detokenise  # noqa: E402


def test_a_lone_straight_mark_closes_when_openers_stay_on_their_words():
    tokens = ['"By', "acting", "now", ",", "we", "win", ",", '"', "Lind", "said", "."]
    assert detokenise(tokens, closers_apart=True) == '"By acting now, we win," Lind said.'
    # after a colon a lone mark opens
    tokens = ["He", "added", ":", '"', "We", "win", ".", '"']
    assert detokenise(tokens, closers_apart=True) == 'He added: "We win."'


def test_straight_marks_toggle_when_every_mark_is_a_token():
    tokens = ["He", "said", ",", '"', "We", "win", ".", '"']
    assert detokenise(tokens) == 'He said, "We win."'
