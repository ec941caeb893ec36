"""The pipeline stages of this package: publication dates, then timexes and timeline."""

from __future__ import annotations

import dataclasses
import logging
from typing import TYPE_CHECKING

from newsprism.errors import TooSlowInputError
from newsprism.ingest.limits import BUDGET_HINT, cpu_budget
from newsprism.model import Article, Rejection, Span, Timex
from newsprism.settings import Settings
from newsprism.spans import SpanSet
from newsprism.temporal.published import correction_dated, published_date, resolve_published, written_until
from newsprism.temporal.timeline import Candidate, build_timeline, candidates, sentences
from newsprism.temporal.timexes import tag_text

if TYPE_CHECKING:
    from newsprism.analysis import Analysis

__all__ = ["published_stage", "timeline_stage"]

log = logging.getLogger(__name__)


def published_stage(analysis: Analysis, settings: Settings) -> Analysis:
    """Resolve each article's publication date (metadata, captions, the story)."""
    return analysis.replace(articles=resolve_published(analysis.articles))


def timeline_stage(analysis: Analysis, settings: Settings) -> Analysis:
    """Tag every article's temporal expressions and build the story's timeline."""
    timexes: list[Timex] = []
    cands: list[Candidate] = []
    rejections = list(analysis.rejections)
    for article in analysis.articles:
        try:
            with cpu_budget(settings.nlp.max_seconds, article.path, "temporal tagging"):
                found = _tagged(article)
                found_cands = candidates(article, _units(analysis, article), found)
        except TooSlowInputError as exc:  # some date patterns still backtrack on hostile runs
            log.warning("timeline skipped on %s: %s", article.path, exc)
            rejections.append(Rejection(article.path, "timeline", str(exc), BUDGET_HINT))
            continue
        except Exception as exc:  # one odd article must not stop the run
            log.exception("timeline failed on %s", article.path)
            rejections.append(Rejection(article.path, "timeline", f"temporal tagging failed: {exc}"))
            continue
        cands.extend(found_cands)
        timexes.extend(found)
    labels = {a.id: a.label for a in analysis.articles}
    cands = _aligned(cands, analysis)
    published = {a.id: day for a in analysis.articles if (day := published_date(a)) is not None}
    timeline = build_timeline(_embedded(cands, settings), labels, settings.timeline, published)
    return analysis.replace(timexes=tuple(timexes), timeline=tuple(timeline), rejections=tuple(rejections))


def _tagged(article: Article) -> list[Timex]:
    """The article's expressions, those of an appended correction counted from its own date."""
    published, latest = published_date(article), written_until(article)
    note = correction_dated(article)
    if note is None:
        return list(tag_text(article.text, published, article.id, latest))
    start, day = note
    body = list(tag_text(article.text[:start], published, article.id, latest))
    tail = tag_text(article.text[start:], day, article.id)
    return body + [dataclasses.replace(t, span=Span(t.span.start + start, t.span.end + start)) for t in tail]


def _embedded(cands: list[Candidate], settings: Settings) -> list[Candidate]:
    """Candidates with sentence vectors, when there is more than one article to compare."""
    if len({c.article_id for c in cands}) < 2:
        return cands
    from newsprism.compare.stage import embedder_for  # the embedder in force, one plugged in included

    vectors = embedder_for(settings).embed([c.meaning for c in cands])
    return [dataclasses.replace(c, vector=v) for c, v in zip(cands, vectors, strict=True)]


def _aligned(cands: list[Candidate], analysis: Analysis) -> list[Candidate]:
    """Candidates whose unit is a statement the compare stage grouped with another outlet's,
    marked with the group's id: the two tell one fact, however differently they date it
    ("today" / "on Thursday")."""
    span_of = {s.id: (s.article_id, s.span.start, s.span.end) for s in analysis.statements}
    group_of = {
        span_of[sid]: g.id
        for g in analysis.ledger
        if len(set(g.article_ids)) > 1
        for sid in g.statement_ids
        if sid in span_of
    }
    if not group_of:
        return cands
    return [
        dataclasses.replace(c, aligned=key)
        if (key := group_of.get((c.article_id, c.span.start, c.span.end))) and c.clause is None
        else c
        for c in cands
    ]


def _units(analysis: Analysis, article: Article) -> list[Span]:
    """The article's statements when a stage made them, plus the sentences no statement
    covers (headings and short lines the statement stage skips); else its sentences."""
    own = [s.span for s in analysis.statements if s.article_id == article.id]
    sents = sentences(article.text, article.paragraphs)
    if not own:
        return sents
    covered = SpanSet(own)  # indexed: every sentence against every statement was quadratic
    rest = [x for x in sents if not covered.overlapping(x.start, x.end)]
    return sorted(own + rest, key=lambda s: (s.start, s.end))
