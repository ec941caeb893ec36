"""Time in the news: publication dates, temporal expressions (TIMEX3), the timeline.

- :func:`tag_text` finds temporal expressions and normalises them against a reference
  date (rules in :mod:`~newsprism.temporal.rules`, values in
  :mod:`~newsprism.temporal.normalize`, :mod:`~newsprism.temporal.relative`,
  :mod:`~newsprism.temporal.durations`).
- :func:`resolve_published` decides each article's publication date, its source and
  a confidence (:mod:`~newsprism.temporal.published`).
- :func:`list_dates` is what ``newsprism dates`` prints.
- The pipeline stages ``published`` and ``timeline`` are in
  :mod:`~newsprism.temporal.stages`; the merging of dated events across outlets in
  :mod:`~newsprism.temporal.timeline`.
"""

from newsprism.temporal.listing import list_dates
from newsprism.temporal.published import resolve_published
from newsprism.temporal.timexes import tag_text

__all__ = ["list_dates", "resolve_published", "tag_text"]
