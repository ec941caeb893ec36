"""Time in the news: publication dates, temporal expressions (TIMEX3), the timeline.

- :func:`tag_text` finds temporal expressions and normalises them against a reference
  date (rules in :mod:`~newsprism.temporal.rules`, values in
  :mod:`~newsprism.temporal.normalize`, :mod:`~newsprism.temporal.relative`,
  :mod:`~newsprism.temporal.durations`).
"""

from newsprism.temporal.timexes import tag_text

__all__ = ["tag_text"]
