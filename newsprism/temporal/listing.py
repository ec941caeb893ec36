"""Every temporal expression of some articles, with offsets into the input as given."""

from __future__ import annotations

import datetime as dt
from typing import Any

from newsprism.model import Article
from newsprism.temporal.published import published_date, resolve_published
from newsprism.temporal.timexes import tag_text

__all__ = ["list_dates"]


def list_dates(articles: list[Article], published: dt.date | None = None) -> list[dict[str, Any]]:
    """Per article: its reference date and each expression as ``{start, end, text, type, value}``.

    ``published`` overrides every article's publication date; otherwise it is resolved
    (metadata, captions, the other articles). Offsets are into the raw input.
    """
    resolved = resolve_published(tuple(articles))
    out = []
    for article in resolved:
        reference = published or published_date(article)
        out.append(
            {
                "path": article.path,
                "article_id": article.id,
                "reference": reference.isoformat() if reference else None,
                "published_source": "--published" if published else article.published_source,
                "published_confidence": 1.0 if published else article.published_confidence,
                "timexes": [
                    _raw(article, t.span.start, t.span.end, t.type, t.value)
                    for t in tag_text(article.text, reference)
                ],
            }
        )
    return out


def _raw(article: Article, start: int, end: int, typ: str, value: str) -> dict[str, Any]:
    raw_start, raw_end = article.offsets.span_to_raw(start, end)
    return {
        "start": raw_start,
        "end": raw_end,
        "text": article.raw[raw_start:raw_end],
        "type": typ,
        "value": value,
    }
