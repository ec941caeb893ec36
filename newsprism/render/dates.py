"""One way to show an article's publication date everywhere: the date, and where it is
uncertain, where it comes from and how sure it is ("2023-05-04 (photo-caption, 0.4)")."""

from __future__ import annotations

from typing import Any

__all__ = ["UNCERTAIN_BELOW", "date_text"]

# Dates trusted less than a date in the article's URL (0.75 in temporal.published's scale: a
# photo caption is 0.4, an estimate from the story 0.25) show their source and confidence.
UNCERTAIN_BELOW = 0.75


def date_text(art: dict[str, Any]) -> str:
    """``art`` is an article as the report gives it (``published``, ``published_source``,
    ``published_confidence``); "" when it has no date."""
    day = art.get("published")
    if not day:
        return ""
    confidence = art.get("published_confidence")
    if confidence is not None and confidence < UNCERTAIN_BELOW:
        return f"{day} ({art.get('published_source') or 'unknown source'}, {confidence:g})"
    return str(day)
