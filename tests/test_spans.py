"""The span indexes answer exactly what a scan of every span answers."""

import random

from newsprism.model import Span
from newsprism.spans import SpanIndex, SpanSet


def _random_spans(rng: random.Random, n: int) -> list[Span]:
    out = []
    for _ in range(n):
        start = rng.randint(0, 60)
        out.append(Span(start, start + rng.choice([0, 1, 2, 5, 9, 30])))
    return out


def test_span_set_answers_like_a_scan():
    rng = random.Random(15)
    for _ in range(300):
        spans = _random_spans(rng, rng.randint(0, 12))
        found = SpanSet(spans)
        assert list(found) == spans  # iterates in the order given
        for pos in range(-1, 95):
            assert found.covers(pos) == any(s.start <= pos < s.end for s in spans)
            starts = [s.start for s in spans if s.start >= pos]
            assert found.first_start_from(pos, -7) == min(starts, default=-7)
            ends = [s.end for s in spans if s.end <= pos]
            assert found.last_end_upto(pos, -7) == max(ends, default=-7)
            probe = Span(pos, pos + rng.randint(0, 8)) if pos >= 0 else Span(0, 0)
            assert found.holds(probe) == any(s.contains(probe) for s in spans)
            assert found.overlapping(probe.start, probe.end) == [s for s in spans if s.overlaps(probe)]


def test_one_more_span_is_held_without_rebuilding():
    base = SpanSet([Span(0, 5), Span(20, 30)])
    more = base.plus(Span(10, 12))
    assert [more.covers(p) for p in (4, 5, 10, 11, 12, 25)] == [True, False, True, True, False, True]
    assert list(more) == [Span(10, 12), Span(0, 5), Span(20, 30)]
    assert list(base) == [Span(0, 5), Span(20, 30)]


def test_span_index_keeps_the_items_order():
    items = [("c", Span(40, 50)), ("a", Span(0, 100)), ("b", Span(45, 46)), ("d", Span(60, 61))]
    index = SpanIndex(items, lambda it: it[1])
    assert [name for name, _ in index.overlapping(44, 47)] == ["c", "a", "b"]
    assert [name for name, _ in index.overlapping(100, 120)] == []
    assert SpanIndex([], lambda it: it).overlapping(0, 10) == []
