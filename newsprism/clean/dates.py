"""Parse the absolute dates found in article metadata lines ("Published: May 5, 2023")."""

from __future__ import annotations

import re
from datetime import date

__all__ = ["all_dates", "date_from_url", "parse_date"]

_MONTHS = {
    name: i
    for i, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
_MDY = re.compile(r"([A-Za-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})")
_DMY = re.compile(r"(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]{3,9})\.?,?\s+(\d{4})")
_ISO = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_NUMERIC = re.compile(r"\b(\d{1,2})/(\d{1,2})/(\d{4}|\d{2})\b")
_URL = re.compile(r"/(20\d{2}|19\d{2})[/-](\d{1,2})[/-](\d{1,2})(?:/|-|$)")


def _make(year: int, month: int, day: int) -> str | None:
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def parse_date(text: str) -> str | None:
    """The first absolute calendar date in ``text`` as ISO ``YYYY-MM-DD``, else None."""
    if m := _ISO.search(text):
        return _make(int(m[1]), int(m[2]), int(m[3]))
    if (m := _MDY.search(text)) and m[1].lower() in _MONTHS:
        return _make(int(m[3]), _MONTHS[m[1].lower()], int(m[2]))
    if (m := _DMY.search(text)) and m[2].lower() in _MONTHS:
        return _make(int(m[3]), _MONTHS[m[2].lower()], int(m[1]))
    if m := _NUMERIC.search(text):
        first, second, year = int(m[1]), int(m[2]), int(m[3])
        year += 0 if year >= 100 else 2000 if year < 70 else 1900
        # month first, as English-language news writes it, unless the first number cannot be a month
        return _make(year, second, first) if first > 12 else _make(year, first, second)
    return None


def all_dates(text: str) -> list[str]:
    """Every absolute calendar date written out in ``text`` ("March 14, 2013", "14 March 2013",
    "2013-03-14"), as ISO strings in order of appearance."""
    found: list[tuple[int, str]] = []
    for m in _ISO.finditer(text):
        if iso := _make(int(m[1]), int(m[2]), int(m[3])):
            found.append((m.start(), iso))
    for m in _MDY.finditer(text):
        if m[1].lower() in _MONTHS and (iso := _make(int(m[3]), _MONTHS[m[1].lower()], int(m[2]))):
            found.append((m.start(), iso))
    for m in _DMY.finditer(text):
        if m[2].lower() in _MONTHS and (iso := _make(int(m[3]), _MONTHS[m[2].lower()], int(m[1]))):
            found.append((m.start(), iso))
    return [iso for _, iso in sorted(found)]


def date_from_url(url: str) -> str | None:
    """A ``/2023/05/04/`` style date in a URL path."""
    if m := _URL.search(url):
        return _make(int(m[1]), int(m[2]), int(m[3]))
    return None
