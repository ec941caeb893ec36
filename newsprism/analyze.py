"""The library entry points: read and clean inputs, store them, run the analysis stages.

The CLI calls these and only prints; scripts call them directly::

    from newsprism.analyze import load_articles, analyze_articles
    batch = load_articles(["examples/harbour-fire"])
    analysis = analyze_articles(batch.articles)
"""

from __future__ import annotations

import dataclasses
import itertools
import logging
import multiprocessing
import os
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field

from newsprism.analysis import Analysis
from newsprism.clean import clean_document
from newsprism.errors import InputError
from newsprism.ingest import read_source
from newsprism.ingest.files import Source
from newsprism.ingest.inputs import iter_inputs
from newsprism.ingest.manifest import Given, apply_given
from newsprism.intake import ingest_web, split_inputs
from newsprism.model import Article, Document, Rejection
from newsprism.pipeline import run_stages
from newsprism.settings import Settings
from newsprism.store import Store
from newsprism.temporal.published import resolve_published

log = logging.getLogger(__name__)

__all__ = ["Batch", "analyze_articles", "ingest", "iter_articles", "load_articles"]

Progress = Callable[[str], None]


@dataclass
class Batch:
    """Articles read and cleaned from some inputs, and the inputs that failed."""

    articles: list[Article] = field(default_factory=list)
    rejections: list[Rejection] = field(default_factory=list)
    added: int = 0  # articles new to the store (ingest only)
    # Archive records and web entries passed over, by reason ("not HTML", "revisit", "duplicate"...).
    skipped: Counter[str] = field(default_factory=Counter)
    # Web intake outcomes: added, revised, duplicate (same article, another URL), unchanged (304)...
    fetched: Counter[str] = field(default_factory=Counter)


def _rejection(exc: InputError, stage: str = "read") -> Rejection:
    return Rejection(exc.path, stage, str(exc), exc.hint)


Job = tuple[Source | InputError, Settings, Mapping[str, Given]]


def _cleaned(doc: Document, settings: Settings, given: Mapping[str, Given]) -> Article:
    """One document cleaned, with the metadata given for it and its own publication date
    (metadata, else a photo caption), so that every command shows the same date."""
    doc, meta = apply_given(doc, given)
    article = clean_document(doc, settings.clean)
    if meta is not None and meta.published:
        article = dataclasses.replace(article, published_confidence=1.0)
    return resolve_published((article,))[0]


def _clean_source(job: Job) -> list[Article | Rejection]:
    """Read and clean one source (a worker's unit of work; JSON Lines files hold several)."""
    item, settings, given = job
    if isinstance(item, InputError):
        return [_rejection(item)]
    out: list[Article | Rejection] = []
    for doc in read_source(item, settings.ingest.binary_ratio):
        if isinstance(doc, InputError):
            out.append(_rejection(doc))
            continue
        article = _cleaned(doc, settings, given)
        if article.text.strip():
            out.append(article)
        else:
            out.append(
                Rejection(doc.path, "clean", "no article text left after cleaning", "check it is an article")
            )
    return out


def _results(
    sources: Iterator[Source | InputError], settings: Settings, given: Mapping[str, Given]
) -> Iterator[list[Article | Rejection]]:
    """Cleaned results in input order; a process pool does the work when the batch is large."""
    workers = settings.ingest.workers or min(os.cpu_count() or 1, 4)
    head = list(itertools.islice(sources, settings.ingest.parallel_min))
    jobs = ((item, settings, given) for item in itertools.chain(head, sources))
    if workers < 2 or len(head) < settings.ingest.parallel_min:
        yield from map(_clean_source, jobs)
        return
    with multiprocessing.get_context("fork").Pool(workers) as pool:
        yield from pool.imap(_clean_source, jobs, chunksize=8)


def iter_articles(
    paths: list[str],
    settings: Settings | None = None,
    progress: Progress | None = None,
    given: Mapping[str, Given] | None = None,
    skipped: Counter[str] | None = None,
) -> Iterator[Article | Rejection]:
    """Read and clean inputs in order (memory stays flat); bad inputs come as rejections.

    ``given`` maps input files to metadata that wins over what is found in them
    (see :func:`newsprism.ingest.manifest.read_manifest`). WARC/ARC files are read record by
    record; records that are not articles are counted in ``skipped``."""
    settings = settings or Settings()
    sources = iter_inputs(paths, settings.ingest.max_input_mb, skipped, settings.ingest.warc_reader)
    for results in _results(sources, settings, given or {}):
        yield from results
        if progress:
            progress("")


def load_articles(
    paths: list[str],
    settings: Settings | None = None,
    progress: Progress | None = None,
    given: Mapping[str, Given] | None = None,
) -> Batch:
    """Read and clean every input into memory; duplicates (same content) are dropped."""
    batch, seen = Batch(), set()
    for item in iter_articles(paths, settings, progress, given, batch.skipped):
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
    given: Mapping[str, Given] | None = None,
) -> Batch:
    """Read, clean and store ``paths`` inside one recorded run; re-ingesting changes nothing.

    Articles are committed in small groups (settings: ingest.commit_every), each group one
    transaction, so a killed run keeps every group it finished and never half an article.
    With ``keep=False`` the returned batch holds no articles (for corpora that do not fit in memory).
    """
    settings = settings or Settings()
    run_id = store.begin_run("ingest", settings.to_dict(), paths)
    web, paths = split_inputs(paths)
    batch, n_read, seen, pending = Batch(), 0, set(), []
    if web:
        n_read += _ingest_web(store, web, settings, run_id, progress, batch, keep)
    for item in iter_articles(paths, settings, progress, given, batch.skipped):
        if isinstance(item, Rejection):
            batch.rejections.append(item)
            store.add_rejection(item, run_id)
            continue
        n_read += 1
        pending.append(item)
        if len(pending) >= settings.ingest.commit_every:
            batch.added += store.add_articles(pending, run_id)
            pending = []
        if keep and item.id not in seen:
            seen.add(item.id)
            batch.articles.append(item)
    batch.added += store.add_articles(pending, run_id)
    store.end_run(run_id, n_read, len(batch.rejections))
    return batch


def _ingest_web(
    store: Store,
    web: list[str],
    settings: Settings,
    run_id: int,
    progress: Progress | None,
    batch: Batch,
    keep: bool,
) -> int:
    """URLs, URL lists and OPML files (newsprism.intake); returns how many articles were read."""
    result = ingest_web(store, web, settings, run_id, progress)
    for rej in result.rejections:
        batch.rejections.append(rej)
        store.add_rejection(rej, run_id)
    batch.fetched.update(result.counts)
    batch.added += result.counts["added"] + result.counts["revised"]
    if keep:
        batch.articles.extend(result.articles)
    return len(result.articles)


def analyze_articles(
    articles: Iterable[Article],
    settings: Settings | None = None,
    rejections: Iterable[Rejection] = (),
    stages: list | None = None,
) -> Analysis:
    """Run the analysis stages (quotes, timeline, comparison, brief) over one story's articles."""
    analysis = Analysis(articles=tuple(articles), rejections=tuple(rejections))
    return run_stages(analysis, settings or Settings(), stages)
