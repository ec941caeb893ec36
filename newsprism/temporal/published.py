"""When was each article published, where does that come from, and how sure are we.

A cascade, strongest first:

1. what the reader found (JSON field, HTML metadata, a "Published: ..." or bare date
   line under the title, a date in the URL), with a confidence by source;
2. a date in a photo caption the cleaner removed (a photo is taken on or before the
   day it is published, so the latest caption date is a weak lower bound);
3. an estimate from the other articles of the story (``inferred``): their median date,
   moved no earlier than the latest weekday or date this article names in the past
   tense.

Never the file's modification time nor the time of reading.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
import statistics

from newsprism.model import Article
from newsprism.temporal import calendar as cal
from newsprism.temporal import lexicon as lx
from newsprism.temporal.normalize import Context
from newsprism.temporal.tagger import Mention, find_mentions
from newsprism.temporal.timexes import tag_text

__all__ = ["SOURCE_CONFIDENCE", "published_date", "resolve_published"]

# How much each source is trusted: structured metadata over text lines over URL
# paths (URLs carry the first-publication date, which updates can move past);
# captions and the story's other articles only bound the date.
SOURCE_CONFIDENCE = {
    "json-field": 0.95,
    "html-meta": 0.9,
    "htmldate": 0.9,
    "text-published-line": 0.9,
    "text-date-line": 0.8,
    "url": 0.75,
    "photo-caption": 0.4,
    "inferred": 0.25,
}
_UNKNOWN_SOURCE = 0.7
_LABELLED = re.compile(r"^\s*(?:published|posted|first published|date)\b", re.IGNORECASE)
_FULL_DAY = re.compile(r"^\d{4}-\d\d-\d\d")


def published_date(article: Article) -> dt.date | None:
    """The article's publication day, if it has one."""
    if article.published and _FULL_DAY.match(article.published):
        return dt.date.fromisoformat(article.published[:10])
    return None


def resolve_published(articles: tuple[Article, ...]) -> tuple[Article, ...]:
    """Each article with ``published``, ``published_source`` and ``published_confidence`` set."""
    own = tuple(_own_or_caption(a) for a in articles)
    known = [d for a in own if (d := published_date(a)) and a.published_source != "photo-caption"]
    if not known:
        known = [d for a in own if (d := published_date(a))]
    return tuple(a if a.published else _inferred(a, known) for a in own)


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


def _inferred(article: Article, known: list[dt.date]) -> Article:
    if not known:
        return article
    ordered = sorted(known)
    guess = statistics.median_low(ordered)
    floor = _latest_past_weekday(article.text, ordered[-1])
    if floor is not None and ordered[0] - dt.timedelta(days=7) <= floor:
        guess = max(guess, floor)
    return dataclasses.replace(
        article,
        published=guess.isoformat(),
        published_source="inferred",
        published_confidence=SOURCE_CONFIDENCE["inferred"],
    )


def _latest_past_weekday(text: str, latest: dt.date) -> dt.date | None:
    """The latest day a past-tense weekday or calendar date in ``text`` can mean.

    A report of what happened "on Thursday" or "on May 4" is published on that day or
    after. Read from ``latest`` (the story's latest known date); calendar dates after
    it are plans or anniversaries ("the parade on May 9"), not a bound.
    """
    ctx = Context(text, latest)
    days = []
    for mention in find_mentions(text):
        if mention.rule not in {"weekday", "date_mdy", "date_dmy"} or ctx.future(mention):
            continue
        day = _day_of(mention, latest)
        if day is not None and day <= latest:
            days.append(day)
    return max(days) if days else None


def _day_of(mention: Mention, latest: dt.date) -> dt.date | None:
    if mention.rule == "weekday":
        weekday = lx.WEEKDAYS[(mention.part("wd") or "").lower()]
        return cal.weekday_near(latest, weekday, "same-or-past")
    try:
        month = lx.MONTHS[(mention.part("month") or "").lower().rstrip(".")]
        day = int(re.sub(r"\D", "", mention.part("day") or ""))
        year = int(mention.part("year") or latest.year)
        return dt.date(year, month, day)
    except (KeyError, ValueError):
        return None
