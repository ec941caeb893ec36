"""The report's ``timeline`` section: dated events, each pointing at its sentences."""

from __future__ import annotations

from typing import Any

from newsprism.analysis import Analysis
from newsprism.model import TimelineEntry
from newsprism.temporal.published import published_date

__all__ = ["entry_json", "timeline_section"]


_PRECISION = {3: "decade", 4: "year", 7: "month", 10: "day"}


def entry_json(entry: TimelineEntry, story_month: str | None = None) -> dict[str, Any]:
    """One entry; ``spans`` cite each outlet's sentence in its cleaned text; ``versions`` give
    each side of a date conflict in its own words; a decade's date is written "1990s".
    ``background``: a decade, a year or a month wholly before ``story_month`` (the month of the first article), a fact the story recalls."""
    return {
        "date": f"{entry.date}0s" if len(entry.date) == 3 else entry.date,  # TIMEX3 "199": the 1990s
        "precision": _PRECISION.get(len(entry.date), "day"),
        "background": _background(entry.date, story_month),
        "time": entry.time,
        "text": entry.text,
        "article_ids": list(entry.article_ids),
        "conflict": entry.conflict,
        "versions": [
            {"when": w, "article_id": a, "start": s, "end": e, "text": t} for w, a, s, e, t in entry.versions
        ],
        "spans": [{"article_id": a, "start": s, "end": e} for a, s, e in entry.spans],
    }


def _background(date: str, story_month: str | None) -> bool:
    return bool(story_month) and len(date) < 10 and date < story_month[: len(date)]


def timeline_section(analysis: Analysis) -> dict[str, Any]:
    """Entries by date: background years and months come first, before the story's days."""
    entries = sorted(analysis.timeline, key=lambda e: (e.date, e.time or "", e.text))
    days = sorted(d.isoformat() for a in analysis.articles if (d := published_date(a)))
    month = days[0][:7] if days else None
    return {"timeline": [entry_json(e, month) for e in entries]}
