"""The report's ``timeline`` section: dated events, each pointing at its sentences."""

from __future__ import annotations

import re
from typing import Any

from newsprism.analysis import Analysis
from newsprism.brief.summary import reads_alone
from newsprism.model import Span, TimelineEntry, Timex
from newsprism.temporal.published import published_date

__all__ = ["entry_json", "timeline_section"]


_PRECISION = {3: "decade", 4: "year", 7: "month", 10: "day"}
SHOWN = 140  # characters of a row's sentence a listing shows
_CLAUSE_MARK = re.compile(r"\s*(?:[,;:—–]|--)\s*")


def entry_json(
    entry: TimelineEntry, story_month: str | None = None, shown: str | None = None
) -> dict[str, Any]:
    """One entry; ``spans`` cite each outlet's sentence in its cleaned text; ``versions`` give
    each side of a date conflict in its own words; a decade's date is written "1990s".
    ``background``: a decade, a year or a month wholly before ``story_month`` (the month of the first article), a fact the story recalls.
    ``shown``: the part of ``text`` a short listing shows, in the outlet's words: the clause
    that holds the date when the date lies beyond the sentence's first ``SHOWN`` characters."""
    return {
        "date": f"{entry.date}0s" if len(entry.date) == 3 else entry.date,  # TIMEX3 "199": the 1990s
        "precision": _PRECISION.get(len(entry.date), "day"),
        "background": _background(entry.date, story_month),
        "time": entry.time,
        "text": entry.text,
        "shown": shown or entry.text,
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
    texts = {a.id: a.text for a in analysis.articles}
    sentences = {
        (s.article_id, s.span.start, s.span.end): s.sentence for s in analysis.statements if s.sentence
    }
    return {
        "timeline": [
            entry_json(e, month, _with_subject(e, texts, sentences) or _shown(e, texts, analysis.timexes))
            for e in entries
        ]
    }


HEAD = 60  # characters of a sentence's opening shown before a clause cut from it


def _with_subject(
    entry: TimelineEntry, texts: dict[str, str], sentences: dict[tuple[str, int, int], Span]
) -> str | None:
    """A row cut from the middle of its sentence ("made an impassioned call … on Wednesday.")
    names nobody: shown after its sentence's opening up to the first clause mark, which holds
    the subject ("The two survivors … made an impassioned call …")."""
    if reads_alone(entry.text):
        return None
    for article_id, start, end in entry.spans:
        text = texts.get(article_id, "")
        sentence = sentences.get((article_id, start, end))
        if text[start:end] != entry.text or sentence is None or sentence.start >= start:
            continue
        head = text[sentence.start : start]
        mark = _CLAUSE_MARK.search(head)
        head = head[: mark.start()] if mark and mark.start() > 0 else head.rstrip(" ,;:")
        if len(head) > HEAD:
            head = head[:HEAD].rsplit(" ", 1)[0]
        if reads_alone(head):
            return f"{' '.join(head.split())} … {entry.text}"
    return None


def _shown(entry: TimelineEntry, texts: dict[str, str], timexes: tuple[Timex, ...]) -> str | None:
    """The clause of ``entry.text`` that holds its date, when the date lies beyond what a
    listing shows ("The other candidates -- ... -- hoped ..., where voters go to the polls
    Feb. 9": the reader sees the date's clause, not the list of names before it)."""
    if len(entry.text) <= SHOWN:
        return None
    at = _date_at(entry, texts, timexes)
    if at is None or at[1] <= SHOWN - 10:
        return None
    marks = list(_CLAUSE_MARK.finditer(entry.text, 0, at[0]))
    starts = [0] + [m.end() for m in marks]
    i = len(marks)  # the date's clause, then earlier ones across commas while they fit
    while i > 0 and marks[i - 1].group().strip() == "," and at[1] - starts[i - 1] <= SHOWN - 10:
        i -= 1
    start = starts[i]
    if at[1] - start > SHOWN - 10:  # one long clause: the words just before the date
        start = entry.text.find(" ", at[0] - SHOWN // 2) + 1
    return entry.text[start:]


def _date_at(
    entry: TimelineEntry, texts: dict[str, str], timexes: tuple[Timex, ...]
) -> tuple[int, int] | None:
    """Where in ``entry.text`` its date is written: the first expression of that date in the
    sentence the row quotes."""
    for article_id, start, end in entry.spans:
        if texts.get(article_id, "")[start:end] != entry.text:
            continue
        for t in timexes:
            if t.article_id == article_id and start <= t.span.start < end and _same_date(t.value, entry.date):
                return t.span.start - start, t.span.end - start
    return None


def _same_date(value: str, date: str) -> bool:
    """Whether a timex value dates ``date`` (its day, or the month or year holding it)."""
    n = min(len(date), len(value))
    return n >= 3 and value[:n] == date[:n]
