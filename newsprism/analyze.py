"""The library entry points: read and clean inputs, store them, run the analysis stages.

The CLI calls these and only prints; scripts call them directly::

    from newsprism.analyze import load_articles, analyze_articles
    batch = load_articles(["examples/harbour-fire"])
    analysis = analyze_articles(batch.articles)
"""

from __future__ import annotations

import ctypes
import dataclasses
import functools
import itertools
import logging
import multiprocessing
import os
import signal
import sys
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator, Mapping
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from newsprism.clean import clean_document
from newsprism.errors import InputError, TooLargeInputError, UnexpectedInputError
from newsprism.ingest import read_source
from newsprism.ingest.files import Source
from newsprism.ingest.inputs import iter_inputs
from newsprism.ingest.limits import BudgetExpired, cpu_budget, time_budget
from newsprism.ingest.manifest import Given, apply_given
from newsprism.intake import ingest_web, split_inputs
from newsprism.model import Article, Document, Rejection, with_copy
from newsprism.settings import Settings
from newsprism.store import Store
from newsprism.temporal.published import resolve_published

if TYPE_CHECKING:  # the analysis stack (spaCy, SciPy...) is imported by analyze_articles only:
    # ingest's process, and the reading workers it forks, never load it
    from newsprism.analysis import Analysis
    from newsprism.stories.features import ArticleFeatures
    from newsprism.stories.index import Assignment

log = logging.getLogger(__name__)

__all__ = [
    "Batch",
    "analyze_articles",
    "analyze_story",
    "assign_ingested",
    "clean_input",
    "clean_source",
    "ingest",
    "iter_articles",
    "load_articles",
]

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
    # Inputs byte-identical to a stored article under another name (ingest only): each
    # {"path", "article_id", "stored_path", ...} as Store.duplicates gives it.
    duplicates: list[dict[str, Any]] = field(default_factory=list)
    # Story features of the articles this run stored, by id (``ingest(..., stories=True)``):
    # what :func:`assign_ingested` uses instead of reading them back and featuring them again.
    features: dict[str, ArticleFeatures] = field(default_factory=dict)


def _rejection(exc: InputError, stage: str = "read") -> Rejection:
    return Rejection(exc.path, stage, str(exc), exc.hint)


Job = tuple[Source | InputError, Settings, Mapping[str, Given]]


@dataclass
class Read:
    """What one input gave: articles and rejections in order and, when asked for, each article's
    story features (computed where it was read, so the main process neither re-reads nor
    re-features it)."""

    items: list[Article | Rejection]
    features: list[ArticleFeatures] = field(default_factory=list)  # one per article, in order


# A unit of work for the pool: the input, and whether to compute story features next to reading.
Task = tuple[Job, bool]


def _cleaned(doc: Document, settings: Settings, given: Mapping[str, Given]) -> Article:
    """One document cleaned, with the metadata given for it and its own publication date
    (metadata, else a photo caption), so that every command shows the same date."""
    doc, meta = apply_given(doc, given)
    article = clean_document(doc, settings.clean)
    if meta is not None and meta.published:
        article = dataclasses.replace(article, published_confidence=1.0)
    return resolve_published((article,))[0]


def _unexpected(path: str, stage: str, exc: BaseException) -> Rejection:
    """A failure no reader anticipated: recorded with its kind, so one file never ends the batch."""
    detail = " ".join(str(exc).split())[:160]
    what = "reading" if stage == "read" else "cleaning"
    log.debug("%s failed on %s", what, path, exc_info=exc)  # the stack, for a bug report
    err = UnexpectedInputError(path, f"{what} failed ({type(exc).__name__}: {detail})")
    return _rejection(err, stage)


def _clean_one(doc: Document, settings: Settings, given: Mapping[str, Given]) -> Article | Rejection:
    limit = settings.ingest.max_article_chars
    if len(doc.raw) > 4 * limit:  # refused before cleaning: it could not get under the cap
        return _too_long(doc.path, len(doc.raw), limit)
    try:
        with cpu_budget(settings.ingest.max_seconds, doc.path, "cleaning"):
            article = _cleaned(doc, settings, given)
    except InputError as exc:
        return _rejection(exc, "clean")
    except (Exception, BudgetExpired) as exc:
        return _unexpected(doc.path, "clean", exc)
    if not article.text.strip():
        return Rejection(doc.path, "clean", "no article text left after cleaning", "check it is an article")
    if len(article.text) > limit:
        return _too_long(doc.path, len(article.text), limit)
    return article


def _too_long(path: str, n: int, limit: int) -> Rejection:
    err = TooLargeInputError(
        path,
        f"the article is {n:,} characters, over the {limit:,} cap",
        "raise ingest.max_article_chars if this is really one article",
    )
    return _rejection(err, "clean")


def _clean_source(job: Job) -> list[Article | Rejection]:
    """Read and clean one source (a worker's unit of work; JSON Lines files hold several).

    Never raises: whatever goes wrong with this input becomes a rejection naming it.
    """
    item, settings, given = job
    if isinstance(item, InputError):
        return [_rejection(item)]
    out: list[Article | Rejection] = []
    docs = read_source(item, settings.ingest.binary_ratio)
    while True:
        try:
            with time_budget(settings.ingest.max_seconds, item.path, "reading"):
                doc = next(docs, None)
        except InputError as exc:
            out.append(_rejection(exc))
            break
        except (Exception, BudgetExpired) as exc:  # the reader is finished after raising
            out.append(_unexpected(item.path, "read", exc))
            break
        if doc is None:
            break
        out.append(_rejection(doc) if isinstance(doc, InputError) else _clean_one(doc, settings, given))
    return out


def clean_source(
    item: Source | InputError, settings: Settings, given: Mapping[str, Given] | None = None
) -> list[Article | Rejection]:
    """One input unit (a file, or an archive record) read and cleaned as a batch does it, with the
    caps and time budget: a JSON Lines file gives several. Never raises (newsprism.spark's reader)."""
    return _clean_source((item, settings, given or {}))


def _read_task(task: Task) -> Read:
    """A worker's unit: one source read and cleaned and, when asked, its articles' story features."""
    job, featured = task
    items = _clean_source(job)
    if not featured:
        return Read(items)
    from newsprism.stories.index import extract_features  # imported before the pool forks

    stories = job[1].stories
    articles = [a for a in items if isinstance(a, Article)]
    return Read(items, extract_features(articles, stories.entities, stories))


def _died(task: Task) -> Read:
    item = task[0][0]
    path = item.path if isinstance(item, Source | InputError) else "?"
    return Read(
        [
            Rejection(
                path,
                "read",
                "the process reading it died (out of memory?)",
                "it was read again alone and its process died again; check its size and content",
            )
        ]
    )


def _pooled(jobs: Iterator[Task], workers: int) -> Iterator[Read]:
    """Results in input order from a process pool, at most a small window of inputs in flight.

    A worker that dies (killed, out of memory) breaks the pool: each input then in flight runs
    again in a process of its own, so only the one that kills its process is rejected, and a
    fresh pool takes the rest. The run can neither hang nor stop.
    """
    window = workers * 8
    pool = _new_pool(workers)
    pending: deque[tuple[Task, Future]] = deque()
    try:
        for job in itertools.chain(jobs, [None]):
            if job is not None:
                pending.append((job, _submit(pool, job)))
            while pending and (job is None or len(pending) >= window):
                done, future = pending.popleft()
                try:
                    yield future.result()
                except BrokenProcessPool:
                    # Which input killed it is unknown: each one in flight runs again alone.
                    pool.shutdown(wait=False, cancel_futures=True)
                    for job_in_flight in [done, *(j for j, _ in pending)]:
                        yield _alone(job_in_flight)
                    pending.clear()
                    pool = _new_pool(workers)
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _alone(job: Task) -> Read:
    with _new_pool(1) as pool:
        try:
            return pool.submit(_read_task, job).result()
        except BrokenProcessPool:
            return _died(job)


def _worker_start(parent: int) -> None:
    # Ctrl-C reaches the whole process group: the parent stops the run, workers stay quiet.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _end_with(parent)


def _end_with(parent: int) -> None:
    """A run killed outright (kill -9, out of memory) leaves no worker waiting on its queue
    forever: on Linux the kernel ends this worker when the thread that made it goes."""
    if not sys.platform.startswith("linux"):
        return  # elsewhere the pool's own checks are all there is
    try:
        ctypes.CDLL(None).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        return
    if os.getppid() != parent:  # the parent went before the request was made
        os._exit(1)


def _new_pool(workers: int) -> ProcessPoolExecutor:
    context = multiprocessing.get_context("fork")
    return ProcessPoolExecutor(
        workers, mp_context=context, initializer=_worker_start, initargs=(os.getpid(),)
    )


def _submit(pool: ProcessPoolExecutor, job: Task) -> Future:
    try:
        return pool.submit(_read_task, job)
    except BrokenProcessPool as exc:  # broken before we saw it: fail like the jobs in flight
        future: Future = Future()
        future.set_exception(exc)
        return future


def _results(
    sources: Iterator[Source | InputError], settings: Settings, given: Mapping[str, Given], featured: bool
) -> Iterator[Read]:
    """Cleaned results in input order; a process pool does the work when the batch is large."""
    workers = settings.ingest.workers or min(os.cpu_count() or 1, 4)
    head = list(itertools.islice(sources, settings.ingest.parallel_min))
    tasks = (((item, settings, given), featured) for item in itertools.chain(head, sources))
    if workers < 2 or len(head) < settings.ingest.parallel_min:
        yield from map(_read_task, tasks)
        return
    yield from _pooled(tasks, workers)


def _reads(
    paths: list[str],
    settings: Settings,
    progress: Progress | None,
    given: Mapping[str, Given] | None,
    skipped: Counter[str] | None,
    featured: bool = False,
) -> Iterator[Read]:
    sources = iter_inputs(
        paths,
        settings.ingest.max_input_mb,
        skipped,
        settings.ingest.warc_reader,
        settings.ingest.max_gzip_ratio,
    )
    for read in _results(sources, settings, given or {}, featured):
        yield read
        if progress:
            progress("")


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
    for read in _reads(paths, settings or Settings(), progress, given, skipped):
        yield from read.items


def load_articles(
    paths: list[str],
    settings: Settings | None = None,
    progress: Progress | None = None,
    given: Mapping[str, Given] | None = None,
) -> Batch:
    """Read and clean every input into memory; duplicates (same content) are dropped, and a
    duplicate another outlet published is kept on the first as a copy."""
    batch, seen = Batch(), {}
    for item in iter_articles(paths, settings, progress, given, batch.skipped):
        if isinstance(item, Rejection):
            batch.rejections.append(item)
        elif item.id not in seen:
            seen[item.id] = len(batch.articles)
            batch.articles.append(item)
        else:
            at = seen[item.id]
            batch.articles[at] = with_copy(batch.articles[at], item)
    return batch


def ingest(
    store: Store,
    paths: list[str],
    settings: Settings | None = None,
    progress: Progress | None = None,
    keep: bool = True,
    given: Mapping[str, Given] | None = None,
    stories: bool = False,
) -> Batch:
    """Read, clean and store ``paths`` inside one recorded run; re-ingesting changes nothing.

    Articles are committed in small groups (settings: ingest.commit_every), each group one
    transaction, so a killed run keeps every group it finished and never half an article.
    With ``keep=False`` the returned batch holds no articles (for corpora that do not fit in memory).
    With ``stories=True`` the readers also compute each stored article's story features
    (``batch.features``) for :func:`assign_ingested`, in the worker processes next to reading.
    """
    settings = settings or Settings()
    run_id = store.begin_run("ingest", settings.to_dict(), paths)
    # Features need the fast (model-free) reader to be worth computing per input in the workers.
    featured = stories and settings.stories.entities == "fast"
    if featured:
        import newsprism.stories.index  # noqa: F401  (loaded once here, before the pool forks)
    try:
        return _ingest_run(store, run_id, paths, settings, progress, keep, given, featured)
    except BaseException as exc:
        # The run record says how it ended; every group committed before stays stored.
        store.abort_run(run_id, "interrupted" if isinstance(exc, KeyboardInterrupt) else "failed")
        raise


def _ingest_run(
    store: Store,
    run_id: int,
    paths: list[str],
    settings: Settings,
    progress: Progress | None,
    keep: bool,
    given: Mapping[str, Given] | None,
    featured: bool,
) -> Batch:
    web, paths = split_inputs(paths)
    batch, n_read, seen = Batch(), 0, {}
    pending: list[Article] = []
    made: dict[str, ArticleFeatures] = {}  # features of the pending articles, by id
    if web:
        n_read += _ingest_web(store, web, settings, run_id, progress, batch, keep)
    for read in _reads(paths, settings, progress, given, batch.skipped, featured):
        for feat in read.features:
            made.setdefault(feat.article_id, feat)
        for item in read.items:
            if isinstance(item, Rejection):
                batch.rejections.append(item)
                store.add_rejection(item, run_id)
                continue
            n_read += 1
            pending.append(item)
            if len(pending) >= settings.ingest.commit_every:
                _store_pending(store, pending, run_id, batch, made)
                pending, made = [], {}
            if keep and item.id not in seen:
                seen[item.id] = len(batch.articles)
                batch.articles.append(item)
            elif keep:
                at = seen[item.id]
                batch.articles[at] = with_copy(batch.articles[at], item)
    _store_pending(store, pending, run_id, batch, made)
    batch.duplicates = store.duplicates(run_id)
    store.end_run(run_id, n_read, len(batch.rejections))
    return batch


def _store_pending(
    store: Store, pending: list[Article], run_id: int, batch: Batch, made: Mapping[str, ArticleFeatures]
) -> None:
    """One group of articles stored in one transaction; the features of those it inserted kept
    (an article already stored may differ in what a manifest gave it, so its features would not do).
    A page already stored under another URL (same cleaned words) is not stored again; its URL is kept."""
    from newsprism.store.intake import COPY_SKIP, fold_copies, keep_urls

    pending, copies = fold_copies(store, pending)
    inserted = store.insert_articles(pending, run_id)
    keep_urls(store, pending + copies)
    with store.transaction():
        for copy in copies:
            store.note_copy(copy, copy.id)
    if copies:
        batch.skipped[COPY_SKIP] += len(copies)
    batch.added += len(inserted)
    batch.features.update((i, made[i]) for i in inserted if i in made)


def assign_ingested(store: Store, batch: Batch, settings: Settings | None = None) -> list[Assignment]:
    """Assign every stored article in no story yet to one, as ``newsprism ingest`` does after
    reading: the same as ``assign_stories(store, unassigned_articles(store), ...)``, but the
    articles ``batch`` stored with features are neither read back nor featured again."""
    from newsprism.store.stories import StoryTables
    from newsprism.stories.index import extract_features
    from newsprism.stories.persist import assign_features

    s = (settings or Settings()).stories
    ids = StoryTables(store.conn).unassigned_ids()
    have = [batch.features[i] for i in ids if i in batch.features]
    rest = list(store.articles([i for i in ids if i not in batch.features]))
    return assign_features(store, have + extract_features(rest, s.entities, s), s)


def clean_input(item: Source | Document, settings: Settings) -> Article | Rejection:
    """One source (its first document) or one document, read and cleaned as a batch does it:
    caps, time budget, and any failure a rejection naming it. Web intake's reader."""
    if isinstance(item, Document):
        return _clean_one(item, settings, {})
    results = _clean_source((item, settings, {}))
    return results[0] if results else Rejection(item.path, "read", "nothing to read", "check the input")


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
    result = ingest_web(
        store, web, functools.partial(clean_input, settings=settings), settings, run_id, progress
    )
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
    revisions: Iterable[dict[str, Any]] = (),
) -> Analysis:
    """Run the analysis stages (quotes, timeline, comparison, brief) over one story's articles.

    An article the English models cannot read is still analysed, with a warning saying so:
    its quotes, statements and summary sentences will be few or none.
    """
    from newsprism.analysis import Analysis
    from newsprism.nlp.language import language_problem
    from newsprism.pipeline import run_stages

    analysis = Analysis(articles=tuple(articles), rejections=tuple(rejections), revisions=tuple(revisions))
    for art in analysis.articles:
        problem = language_problem(art.text)
        if problem:
            log.warning(
                "%s: %s; the models read English only, so its brief will be thin or empty", art.path, problem
            )
    return run_stages(analysis, settings or Settings(), stages)


def analyze_story(store: Store, story_id: str, settings: Settings | None = None) -> Analysis:
    """The analysis of one stored story (a unique id prefix is enough): its current articles, and
    the revisions that led to them for the brief's "changed after publication" part."""
    from newsprism.store.intake import revisions_of
    from newsprism.stories.persist import story_articles

    articles = story_articles(store, story_id)
    return analyze_articles(articles, settings, revisions=revisions_of(store, [a.id for a in articles]))
