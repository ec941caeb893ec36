"""The library entry points: read and clean inputs, store them, run the analysis stages.

The CLI calls these and only prints; scripts call them directly::

    from newsprism.analyze import load_articles, analyze_articles
    batch = load_articles(["examples/harbour-fire"])
    analysis = analyze_articles(batch.articles)
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from newsprism.clean import clean_document
from newsprism.compare.stage import brief_stage, compare_stage
from newsprism.errors import InputError
from newsprism.ingest import read_documents
from newsprism.model import Article, Rejection
from newsprism.pipeline import STAGES, Analysis, run_stages
from newsprism.settings import Settings
from newsprism.store import Store

log = logging.getLogger(__name__)

__all__ = ["Batch", "analyze_articles", "ingest", "iter_articles", "load_articles"]

Progress = Callable[[str], None]

# The brief's stages run last: they read the quotes and timeline the earlier stages fill.
STAGES.extend([("compare", compare_stage), ("brief", brief_stage)])


@dataclass
class Batch:
    """Articles read and cleaned from some inputs, and the inputs that failed."""

    articles: list[Article] = field(default_factory=list)
    rejections: list[Rejection] = field(default_factory=list)
    added: int = 0  # articles new to the store (ingest only)


def _rejection(exc: InputError, stage: str = "read") -> Rejection:
    return Rejection(exc.path, stage, str(exc), exc.hint)


def iter_articles(
    paths: list[str], settings: Settings | None = None, progress: Progress | None = None
) -> Iterator[Article | Rejection]:
    """Read and clean inputs one at a time (memory stays flat); bad inputs come as rejections."""
    settings = settings or Settings()
    for item in read_documents(paths, settings.ingest.max_input_mb, settings.ingest.binary_ratio):
        if isinstance(item, InputError):
            yield _rejection(item)
        else:
            article = clean_document(item, settings.clean)
            if article.text.strip():
                yield article
            else:
                yield Rejection(
                    item.path, "clean", "no article text left after cleaning", "check it is an article"
                )
        if progress:
            progress(getattr(item, "path", ""))


def load_articles(
    paths: list[str], settings: Settings | None = None, progress: Progress | None = None
) -> Batch:
    """Read and clean every input into memory; duplicates (same content) are dropped."""
    batch, seen = Batch(), set()
    for item in iter_articles(paths, settings, progress):
        if isinstance(item, Rejection):
            batch.rejections.append(item)
        elif item.id not in seen:
            seen.add(item.id)
            batch.articles.append(item)
    return batch


def ingest(
    store: Store,
    paths: list[str],
    settings: Settings | None = None,
    progress: Progress | None = None,
    keep: bool = True,
) -> Batch:
    """Read, clean and store ``paths`` inside one recorded run; re-ingesting changes nothing.

    Each article is committed as soon as it is cleaned, so a killed run keeps what it stored.
    With ``keep=False`` the returned batch holds no articles (for corpora that do not fit in memory).
    """
    settings = settings or Settings()
    run_id = store.begin_run("ingest", settings.to_dict(), paths)
    batch, n_read, seen = Batch(), 0, set()
    for item in iter_articles(paths, settings, progress):
        if isinstance(item, Rejection):
            batch.rejections.append(item)
            store.add_rejection(item, run_id)
            continue
        n_read += 1
        batch.added += store.add_article(item, run_id)
        if keep and item.id not in seen:
            seen.add(item.id)
            batch.articles.append(item)
    store.end_run(run_id, n_read, len(batch.rejections))
    return batch


def analyze_articles(
    articles: Iterable[Article],
    settings: Settings | None = None,
    rejections: Iterable[Rejection] = (),
    stages: list | None = None,
) -> Analysis:
    """Run the analysis stages (quotes, timeline, comparison, brief) over one story's articles."""
    analysis = Analysis(articles=tuple(articles), rejections=tuple(rejections))
    return run_stages(analysis, settings or Settings(), stages)
