"""The report: one JSON-ready dict built from an :class:`Analysis`.

Its shape is published as a JSON Schema in ``docs/brief.schema.json``; every renderer
(terminal, Markdown, HTML) reads this dict, never the Analysis, so all outputs agree.
Later stages add a section by appending a function to :data:`SECTIONS`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from newsprism.analysis import Analysis
from newsprism.brief.revisions import revisions_section
from newsprism.brief.sections import brief_sections
from newsprism.brief.timeline import timeline_section
from newsprism.model import Article
from newsprism.version import __version__

__all__ = ["SCHEMA_VERSION", "SECTIONS", "article_json", "build_report"]

SCHEMA_VERSION = "newsprism.brief/1"

Section = Callable[[Analysis], dict[str, Any]]


def article_json(art: Article) -> dict[str, Any]:
    """One article as the report shows it."""
    return {
        "id": art.id,
        "path": art.path,
        "format": art.format,
        "title": art.title,
        "outlet": art.outlet,
        "label": art.label,
        "author": art.author,
        "published": art.published,
        "published_source": art.published_source,
        "published_confidence": art.published_confidence,
        "url": art.url,
        "credits": list(art.credits),
        "text": art.text,
        "paragraphs": [[p.start, p.end] for p in art.paragraphs],
        "removed": [
            {"text": r.text, "reason": r.reason, "raw_start": r.raw_start, "raw_end": r.raw_end}
            for r in art.removed
        ],
    } | _copies(art)


def _copies(art: Article) -> dict[str, Any]:
    """Other outlets that published this exact text: named, never counted as another source.
    Absent when there are none, so a report without reprints reads as it always did."""
    if not art.copies:
        return {}
    return {
        "copies": [
            {"outlet": c.outlet, "url": c.url, "path": c.path, "published": c.published} for c in art.copies
        ]
    }


def _articles(analysis: Analysis) -> dict[str, Any]:
    return {
        "articles": [article_json(a) for a in analysis.articles],
        "rejections": [
            {"path": r.path, "stage": r.stage, "reason": r.reason, "hint": r.hint}
            for r in analysis.rejections
        ],
    }


SECTIONS: list[Section] = [_articles, timeline_section]


def _quotes(analysis: Analysis) -> dict[str, Any]:
    from newsprism.quotes.report import quotes_section

    return quotes_section(analysis)


SECTIONS.append(_quotes)

SECTIONS.append(brief_sections)
SECTIONS.append(revisions_section)


def build_report(analysis: Analysis) -> dict[str, Any]:
    """The whole report for ``analysis``."""
    report: dict[str, Any] = {"schema": SCHEMA_VERSION, "generator": f"newsprism {__version__}"}
    for section in SECTIONS:
        report.update(section(analysis))
    report["timings"] = {k: round(v, 3) for k, v in sorted(analysis.timings.items())}
    return report
