"""When was each article published, where does that come from, and how sure are we.

A cascade, strongest first:

1. what the reader found (JSON field, HTML metadata, a "Published: ..." or bare date
   line under the title, a date in the URL), with a confidence by source;
2. a date in a photo caption the cleaner removed (a photo is taken on or before the
   day it is published, so the latest caption date is a weak lower bound);
3. the latest past calendar date, year included, that the article writes in its own
   text (``text-mention``): a lower bound, since a report is published on or after the
   day it reports (the story clustering reads it as a bound, not as a day).

Else the date stays unknown. Never the file's modification time nor the time of
reading, and never other articles' dates: an undated article guessed from the story it
was put in would confirm its own placement, right or wrong.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re

from newsprism.model import Article
from newsprism.temporal import lexicon as lx
from newsprism.temporal.normalize import Context
from newsprism.temporal.tagger import Mention, find_mentions
from newsprism.temporal.timexes import tag_text

__all__ = ["SOURCE_CONFIDENCE", "published_date", "resolve_published", "written_until"]

# How much each source is trusted: structured metadata over text lines over URL
# paths (URLs carry the first-publication date, which updates can move past);
# captions and dates written in the article's text only bound the date.
SOURCE_CONFIDENCE = {
    "json-field": 0.95,
    "html-meta": 0.9,
    "htmldate": 0.9,
    "text-published-line": 0.9,
    "text-date-line": 0.8,
    "url": 0.75,
    "photo-caption": 0.4,
    "text-mention": 0.3,
}
_UNKNOWN_SOURCE = 0.7
_LABELLED = re.compile(r"^\s*(?:published|posted|first published|date)\b", re.IGNORECASE)
_FULL_DAY = re.compile(r"^\d{4}-\d\d-\d\d")
# A month name (or its abbreviation) and a year at most a day number apart: where a full
# date can be. Characters of context kept on each side for the tense of its clause.
_MONTH_AND_YEAR = re.compile(
    r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+"
    r"(?:19|20)\d\d\b|\b\d{1,2}(?:st|nd|rd|th)?\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)"
    r"[a-z]*\.?,?\s+(?:19|20)\d\d\b",
    re.IGNORECASE,
)
_WINDOW = 120


def published_date(article: Article) -> dt.date | None:
    """The article's publication day, if it has one."""
    if article.published and _FULL_DAY.match(article.published):
        return dt.date.fromisoformat(article.published[:10])
    return None


# A date in the URL path: /2013/03/14/ or /20070403/.
_URL_DAY = re.compile(r"/((?:19|20)\d\d)(?:/(\d\d)/(\d\d)|(\d\d)(\d\d))(?=/|$)")
# How long after publication an update or the print edition's date still counts as when the
# text was written: the next day's paper, an update the morning after.
_LATEST_DAYS = 2


def written_until(article: Article) -> dt.date | None:
    """The latest day the text may have been written, when later than its publication: an
    "Updated" date line, or a URL dated a day or two after (the print edition). ``None``
    when nothing says so."""
    published = published_date(article)
    if published is None:
        return None
    days = [d for d in (*_date_line_days(article), _url_day(article.url)) if d is not None]
    later = [d for d in days if 0 < (d - published).days <= _LATEST_DAYS]
    return max(later) if later else None


# A correction appended under its own heading, dated by its own last line ("CORRECTION: ... An
# article on Monday misstated ... On Wednesday, the mayor ..." then "Saturday, March 22, 2031."):
# its days count from that date. How long after publication such a note may come: a season.
_CORRECTION = re.compile(r"^(?:CORRECTIONS?|Corrections?|Editor['’]s [Nn]ote)\s*:", re.MULTILINE)
_CORRECTION_DAYS = 92


def correction_dated(article: Article) -> tuple[int, dt.date] | None:
    """Where an appended correction starts in the text and the day it is dated, when the
    article has one (its date line removed by the cleaner, later than publication)."""
    published = published_date(article)
    heading = list(_CORRECTION.finditer(article.text))
    if published is None or not heading:
        return None
    later = [d for d in _date_line_days(article) if _LATEST_DAYS < (d - published).days <= _CORRECTION_DAYS]
    return (heading[0].start(), max(later)) if later else None


def _date_line_days(article: Article) -> list[dt.date]:
    out = []
    for removal in article.removed:
        if "date" not in removal.reason:
            continue
        for timex in tag_text(removal.text, None):
            if _FULL_DAY.match(timex.value) and timex.value[:4].isdigit():
                out.append(dt.date.fromisoformat(timex.value[:10]))
    return out


def _url_day(url: str | None) -> dt.date | None:
    m = _URL_DAY.search(url or "")
    if not m:
        return None
    try:
        return dt.date(int(m[1]), int(m[2] or m[4]), int(m[3] or m[5]))
    except ValueError:
        return None


def resolve_published(articles: tuple[Article, ...]) -> tuple[Article, ...]:
    """Each article with ``published``, ``published_source`` and ``published_confidence`` set."""
    own = tuple(_own_or_caption(a) for a in articles)
    return tuple(a if a.published else _text_floor(a) for a in own)


def _own_or_caption(article: Article) -> Article:
    if article.published:
        source = article.published_source or "unknown"
        if source == "text-date-line" and any(
            _LABELLED.match(r.text) for r in article.removed if "date" in r.reason
        ):
            source = "text-published-line"
        confidence = article.published_confidence or SOURCE_CONFIDENCE.get(source, _UNKNOWN_SOURCE)
        return dataclasses.replace(article, published_source=source, published_confidence=confidence)
    caption_day = _caption_date(article)
    if caption_day is None:
        return article
    return dataclasses.replace(
        article,
        published=caption_day.isoformat(),
        published_source="photo-caption",
        published_confidence=SOURCE_CONFIDENCE["photo-caption"],
    )


def _caption_date(article: Article) -> dt.date | None:
    """The latest full date (with a year) written in a removed photo caption."""
    days = []
    for removal in article.removed:
        if "caption" not in removal.reason:
            continue
        for timex in tag_text(removal.text, None):
            if timex.type == "DATE" and _FULL_DAY.match(timex.value) and timex.value[:4].isdigit():
                days.append(dt.date.fromisoformat(timex.value[:10]))
    return max(days) if days else None


def _text_floor(article: Article) -> Article:
    """The latest past calendar date with a year that the article writes, as a lower bound.

    A report of what happened "on Jan. 25, 2019" is published on that day or after. Only
    dates that carry their year count: a weekday or "last week" needs a publication date
    to resolve, which is what is missing. Dates in a clause about the future ("the vote
    on May 9, 2024 will ...") are plans, not a bound. Other articles' dates never count.
    """
    days = [day for window in _dated_windows(article.text) if (day := _past_day(window)) is not None]
    if not days:
        return article
    return dataclasses.replace(
        article,
        published=max(days).isoformat(),
        published_source="text-mention",
        published_confidence=SOURCE_CONFIDENCE["text-mention"],
    )


def _dated_windows(text: str) -> list[str]:
    """The sentence-sized text around each month name followed or preceded by a year.

    A cheap scan first: the full temporal tagger costs milliseconds per article and
    would run on every undated one; here it runs only on these short windows.
    """
    out = []
    for match in _MONTH_AND_YEAR.finditer(text):
        start = max(0, match.start() - _WINDOW)
        cut = text.rfind("\n", start, match.start())
        out.append(text[cut + 1 if cut >= 0 else start : match.end() + _WINDOW])
    return out


def _past_day(window: str) -> dt.date | None:
    """The latest full date with a year in ``window`` not told in the future tense."""
    ctx = Context(window, None)
    days = []
    for mention in find_mentions(window):
        if mention.rule not in {"date_mdy", "date_dmy"} or not mention.part("year") or ctx.future(mention):
            continue
        day = _day_of(mention)
        if day is not None:
            days.append(day)
    return max(days) if days else None


def _day_of(mention: Mention) -> dt.date | None:
    try:
        month = lx.MONTHS[(mention.part("month") or "").lower().rstrip(".")]
        day = int(re.sub(r"\D", "", mention.part("day") or ""))
        return dt.date(int(mention.part("year") or ""), month, day)
    except (KeyError, ValueError):
        return None
