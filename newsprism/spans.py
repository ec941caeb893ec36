"""Spans asked about positions in logarithmic time.

The quote and statement stages ask, for every token or clause of an article, whether a quote
mark's span holds it or which quote overlaps it. Scanning every span for every question was
quadratic in an article's length (a 20,000-word article spent minutes there); these answer
the same questions from sorted starts.
"""

from __future__ import annotations

import bisect
import functools
import itertools
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Generic, TypeVar

from newsprism.model import Span

__all__ = ["PlusOne", "SpanIndex", "SpanSet"]

T = TypeVar("T")


class SpanSet(tuple):
    """An immutable collection of spans (iterates like the tuple it is, in the order given)
    that also answers position questions from an index built on first use."""

    def __new__(cls, spans: Iterable[Span] = ()) -> SpanSet:
        return super().__new__(cls, spans)

    @functools.cached_property
    def _index(self) -> tuple[list[int], list[int], list[int]]:
        ordered = sorted(self, key=lambda s: s.start)
        starts = [s.start for s in ordered]
        reach = list(itertools.accumulate((s.end for s in ordered), max))  # furthest end so far
        return starts, reach, sorted(s.end for s in self)

    @functools.cached_property
    def _overlaps(self) -> SpanIndex[Span]:
        return SpanIndex(self, lambda s: s)

    def covers(self, pos: int) -> bool:
        """Whether some span has ``start <= pos < end``."""
        starts, reach, _ = self._index
        k = bisect.bisect_right(starts, pos)
        return k > 0 and reach[k - 1] > pos

    def first_start_from(self, pos: int, default: int) -> int:
        """The smallest start ``>= pos`` (``default`` when none)."""
        starts = self._index[0]
        k = bisect.bisect_left(starts, pos)
        return starts[k] if k < len(starts) else default

    def last_end_upto(self, pos: int, default: int) -> int:
        """The largest end ``<= pos`` (``default`` when none)."""
        ends = self._index[2]
        k = bisect.bisect_right(ends, pos)
        return ends[k - 1] if k else default

    def holds(self, span: Span) -> bool:
        """Whether some span contains ``span`` (``start <= span.start`` and ``span.end <= end``)."""
        starts, reach, _ = self._index
        k = bisect.bisect_right(starts, span.start)
        return k > 0 and reach[k - 1] >= span.end

    def overlapping(self, start: int, end: int) -> list[Span]:
        """The spans overlapping ``[start, end)``, in this set's order."""
        return self._overlaps.overlapping(start, end)

    def plus(self, span: Span) -> PlusOne:
        """This set and one more span, without copying or rebuilding anything."""
        return PlusOne(self, span)


class PlusOne:
    """A :class:`SpanSet` and one more span, asked :meth:`covers` (iterates the span first)."""

    __slots__ = ("base", "extra")

    def __init__(self, base: SpanSet, extra: Span) -> None:
        self.base, self.extra = base, extra

    def __iter__(self) -> Iterator[Span]:
        yield self.extra
        yield from self.base

    def covers(self, pos: int) -> bool:
        return self.extra.start <= pos < self.extra.end or self.base.covers(pos)


class SpanIndex(Generic[T]):
    """Items with spans, asked which overlap a stretch of text: candidates come from sorted
    starts (no item starts more than the longest span before the stretch), answers keep the
    items' own order."""

    def __init__(self, items: Sequence[T], span_of: Callable[[T], Span]) -> None:
        spans = [span_of(it) for it in items]
        self._order = sorted(range(len(items)), key=lambda i: spans[i].start)
        self._starts = [spans[i].start for i in self._order]
        self._longest = max((s.end - s.start for s in spans), default=0)
        self._items, self._spans = items, spans

    def overlapping(self, start: int, end: int) -> list[T]:
        """Items whose span overlaps ``[start, end)`` (non-empty intersection), in item order."""
        lo = bisect.bisect_right(self._starts, start - self._longest)
        hi = bisect.bisect_left(self._starts, end)
        found = sorted(
            i for i in self._order[lo:hi] if self._spans[i].start < end and self._spans[i].end > start
        )
        return [self._items[i] for i in found]
