"""The report's ``quotes`` and ``speakers`` sections, and the quote ledger grouped by speaker."""

from __future__ import annotations

from typing import Any

from newsprism.analysis import Analysis
from newsprism.model import Quote

__all__ = ["quote_json", "quotes_section", "speaker_ledger"]


def quote_json(q: Quote) -> dict[str, Any]:
    s = q.speaker
    speaker = (
        None
        if s is None
        else {
            "name": s.name,
            "canonical": s.canonical,
            "role": s.role,
            "anonymous": s.anonymous,
            "kind": s.kind,
        }
    )
    return {
        "id": q.id,
        "article_id": q.article_id,
        "text": q.text,
        "start": q.span.start,
        "end": q.span.end,
        "kind": q.kind,
        "cue": q.cue,
        "cue_start": q.cue_span.start if q.cue_span else None,
        "cue_end": q.cue_span.end if q.cue_span else None,
        "speaker": speaker,
        "speaker_start": s.span.start if s and s.span else None,
        "speaker_end": s.span.end if s and s.span else None,
        "method": q.method,
    }


def quotes_section(analysis: Analysis) -> dict[str, Any]:
    """``quotes`` (in article order, then text order) and ``speakers``."""
    order = {a.id: i for i, a in enumerate(analysis.articles)}
    quotes = sorted(analysis.quotes, key=lambda q: (order.get(q.article_id, 0), q.span.start, q.span.end))
    return {"quotes": [quote_json(q) for q in quotes], "speakers": [dict(s) for s in analysis.speakers]}


def speaker_ledger(report: dict[str, Any]) -> list[tuple[dict[str, Any] | None, list[dict[str, Any]]]]:
    """``(speaker row, quotes)`` pairs, most quoted first; unattributed quotes last (row None)."""
    by_id = {q["id"]: q for q in report.get("quotes", [])}
    rows = sorted(report.get("speakers", []), key=lambda s: (-len(s["quote_ids"]), s["canonical"]))
    out: list[tuple[dict[str, Any] | None, list[dict[str, Any]]]] = [
        (s, [by_id[i] for i in s["quote_ids"] if i in by_id]) for s in rows
    ]
    unknown = [q for q in report.get("quotes", []) if q["speaker"] is None]
    if unknown:
        out.append((None, unknown))
    return out
