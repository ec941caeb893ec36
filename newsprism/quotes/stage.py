"""The ``quotes`` pipeline stage: parse every article once, extract, merge speakers."""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Sequence

from newsprism.analysis import Analysis
from newsprism.errors import TooSlowInputError
from newsprism.ingest.limits import BUDGET_HINT, cpu_budget
from newsprism.model import Article, Quote, Rejection, Speaker
from newsprism.nlp import ParseCache, load_spacy, parse_cached
from newsprism.nlp.cache import default_cache
from newsprism.nlp.cache_articles import kept_quotes
from newsprism.quotes.corroborate import corroborate_speakers
from newsprism.quotes.extract import extract_quotes
from newsprism.quotes.fallback import profile_name, speaker_near
from newsprism.quotes.speakers import merge_speakers
from newsprism.settings import Settings

log = logging.getLogger(__name__)

__all__ = ["analyze_quotes", "quotes_for_articles", "quotes_stage"]


def quotes_for_articles(
    articles: Sequence[Article], settings: Settings, cache: ParseCache | None = None
) -> tuple[list[Quote], list[Rejection]]:
    """Quotes of every article, weak speakers checked across articles (names not yet merged),
    and per-article failures."""
    nlp = load_spacy()
    items = [(a.id, a.text) for a in articles]
    docs = parse_cached(
        nlp,
        items,
        cache if cache is not None else default_cache(),
        batch_size=settings.nlp.batch_size,
        n_process=settings.nlp.n_process,
    )
    quotes: list[Quote] = []
    rejections: list[Rejection] = []
    for article, doc in zip(articles, docs, strict=True):
        try:
            with cpu_budget(settings.nlp.max_seconds, article.path, "quote extraction"):
                quotes.extend(kept_quotes(article, doc, settings.quotes, extract_quotes))
        except TooSlowInputError as exc:  # one article too long or too odd, not the run
            log.warning("quotes skipped on %s: %s", article.path, exc)
            rejections.append(Rejection(article.path, "quotes", str(exc), BUDGET_HINT))
        except (ValueError, IndexError, KeyError, AttributeError) as exc:  # one bad article, not the run
            log.warning("quotes failed on %s: %s", article.path, exc)
            rejections.append(Rejection(article.path, "quotes", f"quote extraction failed ({exc})"))
    texts = {a.id: a.text for a in articles}
    q = settings.quotes
    quotes = [_cue_nearby(quote, texts) for quote in quotes]
    return corroborate_speakers(quotes, texts, q.corroborate_shared, q.corroborate_overlap), rejections


def _cue_nearby(quote: Quote, texts: dict[str, str]) -> Quote:
    """A direct quote the parse left without a speaker takes the name a reporting verb beside
    it gives ("…,” said Ron Howard, the director of …" where the long apposition misled the
    parse), else the name of the profile it ends ("Name: Ana Lind Age: 27 … “…”")."""
    if quote.speaker is not None or quote.kind != "direct":
        return quote
    text = texts.get(quote.article_id, "")
    name = speaker_near(text, quote.span.start, quote.span.end) or profile_name(text, quote.span.start)
    if not name:
        return quote
    kind = "person" if name[:1].isupper() else "nominal"
    speaker = Speaker(name=name, canonical=name, kind=kind)
    return dataclasses.replace(quote, speaker=speaker, method=f"{quote.method}+cue-nearby")


def quotes_stage(analysis: Analysis, settings: Settings) -> Analysis:
    """Fill ``Analysis.quotes`` and ``Analysis.speakers``."""
    if not analysis.articles:
        return analysis
    quotes, rejections = quotes_for_articles(analysis.articles, settings)
    texts = {a.id: a.text for a in analysis.articles}
    merged, speakers = merge_speakers(quotes, settings.quotes.name_similarity, texts)
    return analysis.replace(
        quotes=merged, speakers=speakers, rejections=analysis.rejections + tuple(rejections)
    )


def analyze_quotes(
    articles: Sequence[Article], settings: Settings | None = None, cache: ParseCache | None = None
) -> Analysis:
    """Only the quotes stage over ``articles`` (what ``newsprism quotes`` runs)."""
    settings = settings or Settings()
    quotes, rejections = quotes_for_articles(articles, settings, cache)
    merged, speakers = merge_speakers(
        quotes, settings.quotes.name_similarity, {a.id: a.text for a in articles}
    )
    return Analysis(articles=tuple(articles), quotes=merged, speakers=speakers, rejections=tuple(rejections))
