"""The report's ``timeline`` section: dated events, each pointing at its sentences."""

from __future__ import annotations

from typing import Any

from newsprism.analysis import Analysis
from newsprism.model import TimelineEntry

__all__ = ["entry_json", "timeline_section"]


_PRECISION = {4: "year", 7: "month", 10: "day"}


def entry_json(entry: TimelineEntry) -> dict[str, Any]:
    """One entry; ``spans`` cite each outlet's sentence in its cleaned text; ``versions`` give
    each side of a date conflict in its own words."""
    return {
        "date": entry.date,
        "precision": _PRECISION.get(len(entry.date), "day"),
        "time": entry.time,
        "text": entry.text,
        "article_ids": list(entry.article_ids),
        "conflict": entry.conflict,
        "versions": [
            {"when": w, "article_id": a, "start": s, "end": e, "text": t} for w, a, s, e, t in entry.versions
        ],
        "spans": [{"article_id": a, "start": s, "end": e} for a, s, e in entry.spans],
    }


def timeline_section(analysis: Analysis) -> dict[str, Any]:
    entries = sorted(analysis.timeline, key=lambda e: (e.date, e.time or "", e.text))
    return {"timeline": [entry_json(e) for e in entries]}
