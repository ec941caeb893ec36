"""Web intake: feeds, sitemaps, URLs, URL lists and OPML into the store, politely.

``ingest_web`` is what ``newsprism ingest DB https://…`` runs (through
:func:`newsprism.analyze.ingest`) and what each poll of ``newsprism watch`` runs. It

1. expands the inputs into pages: a feed gives its entries, a sitemap (index) its pages, a
   home page the feeds it announces (else the sitemaps of its robots.txt), a URL list or an
   OPML file the addresses in it;
2. asks for each page that is new, or due for a recheck (its feed entry changed, or it was
   last checked over ``fetch.recheck_minutes`` ago while still young), with a conditional
   GET: what the store already has is not fetched again;
3. reads, cleans and stores each page like a saved HTML file; a page that cannot be had
   falls back on the feed's summary, marked as such; the same article under several URLs
   is stored once with every URL; a page whose text changed gets a revision.

Every fetch goes through :class:`newsprism.fetch.Fetcher`; nothing a page names is fetched.
"""

from __future__ import annotations

import logging
import os
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from urllib.parse import urlsplit

from newsprism.errors import FetchError, InputError
from newsprism.fetch import Fetcher, Request, Response, clean_url, is_url, page_key
from newsprism.ingest.decode import decode_bytes
from newsprism.ingest.feeds import FeedEntry, parse_feed, parse_opml, summary_document
from newsprism.ingest.files import Source
from newsprism.ingest.urls import discover_feeds, is_url_list, kind_of, parse_sitemap, parse_url_list
from newsprism.ingest.web import WebSource
from newsprism.model import Article, Document, Rejection
from newsprism.revisions import diff_articles
from newsprism.settings import Settings
from newsprism.store import Store
from newsprism.store import intake as db

log = logging.getLogger(__name__)

__all__ = ["IntakeResult", "Target", "ingest_web", "is_web_input", "split_inputs"]

_LIST_SUFFIXES = (".opml", ".urls", ".url", ".lst")
# Reads and cleans one fetched page (a WebSource) or a feed summary (a Document) into an article
# or a rejection, with the batch's caps and time budget: newsprism.analyze.clean_input.
Clean = Callable[[Source | Document], Article | Rejection]


@dataclass
class Target:
    """A page to read: how it was found (``via``: page, feed, sitemap) and its feed entry."""

    url: str
    via: str = "page"
    feed: str | None = None
    entry: FeedEntry | None = None
    response: Response | None = None  # already fetched while finding out what the URL was


@dataclass
class IntakeResult:
    """What one intake did: articles read, outcome counts, rejections."""

    articles: list[Article] = field(default_factory=list)
    rejections: list[Rejection] = field(default_factory=list)
    counts: Counter[str] = field(default_factory=Counter)  # added, revised, duplicate, same, not due...


def is_web_input(arg: str) -> bool:
    """A URL, an OPML file or a file listing URLs (one a line)."""
    if is_url(arg):
        return True
    if not os.path.isfile(arg) or os.path.getsize(arg) > 5_000_000:
        return False
    if arg.lower().endswith(_LIST_SUFFIXES):
        return True
    if not arg.lower().endswith((".txt", ".xml")):
        return False
    with open(arg, "rb") as fh:
        head = fh.read(4096)
    return b"<opml" in head.lower() or is_url_list(head.decode("utf-8", "replace"))


def split_inputs(args: list[str]) -> tuple[list[str], list[str]]:
    """(web inputs, local inputs), each in the order given."""
    web = [a for a in args if is_web_input(a)]
    return web, [a for a in args if a not in web]


# expanding inputs into pages ---------------------------------------------------------------
class _Expander:
    def __init__(self, fetcher: Fetcher, store: Store, settings: Settings, result: IntakeResult) -> None:
        self.fetcher, self.store, self.s, self.result = fetcher, store, settings, result
        self.targets: dict[str, Target] = {}
        self.seen: set[str] = set()
        self.sitemap_pages = 0

    def reject(self, path: str, exc: InputError, stage: str = "fetch") -> None:
        self.result.rejections.append(Rejection(path, stage, str(exc), exc.hint))

    def add_arg(self, arg: str, watched: bool = False) -> None:
        if is_url(arg):
            self.add_url(clean_url(arg), watched=watched)
            return
        try:
            for url in _list_file(arg):
                self.add_url(clean_url(url), watched=watched)
        except InputError as exc:
            self.reject(arg, exc, "read")

    def add_url(self, url: str, depth: int = 0, watched: bool = False) -> None:
        if url in self.seen or depth > 2:
            return
        self.seen.add(url)
        state = db.page_state(self.store, url)
        if state and state["kind"] == "page":  # a known page: the due check decides
            self.add_target(Target(url))
            return
        req = Request(url, *(state["etag"], state["last_modified"]) if state else (None, None))
        try:
            resp = self.fetcher.get(req)
        except FetchError as exc:  # kept as "input" until it answers and says what it is
            db.note_failure(self.store, url, state["kind"] if state else "input", exc.line(), watched or None)
            self.reject(url, exc)
            return
        self._dispatch(url, resp, depth, watched, state)

    def _dispatch(self, url: str, resp: Response, depth: int, watched: bool, state: dict | None) -> None:
        if resp.not_modified:
            self.result.counts["unchanged (304)"] += 1
            kind = state["kind"] if state else "feed"
            db.note_state(self.store, _fetch_of(resp, url), kind, watched or None)
            return
        kind = kind_of(resp.content_type, resp.content)
        if kind == "feed":
            self._feed(url, resp, watched)
        elif kind == "sitemap":
            self._sitemap(url, resp, depth)
        elif kind == "html" and urlsplit(url).path in ("", "/"):
            self._home(url, resp, depth, watched)
        elif kind == "html":
            self.add_target(Target(url, response=resp))
        else:
            what = resp.content_type or "unknown content"
            self.reject(
                url,
                FetchError(url, f"{what} is not a page, feed or sitemap", "give a page, feed or sitemap URL"),
            )

    def _feed(self, url: str, resp: Response, watched: bool) -> None:
        try:
            feed = parse_feed(resp.content, resp.final_url)
        except InputError as exc:
            self.reject(url, exc, "read")
            return
        db.note_state(self.store, _fetch_of(resp, url), "feed", watched or None)
        for entry in feed.entries:
            self.add_target(Target(clean_url(entry.url), "feed", url, entry))

    def _sitemap(self, url: str, resp: Response, depth: int) -> None:
        try:
            sitemap = parse_sitemap(resp.content, url, int(self.s.fetch.max_mb * 5_000_000))
        except InputError as exc:
            self.reject(url, exc, "read")
            return
        db.note_state(self.store, _fetch_of(resp, url), "sitemap")
        for loc, lastmod in sitemap.pages:
            if self.sitemap_pages >= self.s.fetch.max_sitemap_urls:
                self.result.counts["over fetch.max_sitemap_urls"] += 1
                continue
            self.sitemap_pages += 1
            # a changed <lastmod> makes a stored page due, as an updated feed entry does
            self.add_target(Target(clean_url(loc), "sitemap", url, FeedEntry(loc, stamp=lastmod)))
        for child in sitemap.children:
            self.add_url(clean_url(child), depth + 1)

    def _home(self, url: str, resp: Response, depth: int, watched: bool) -> None:
        """A home page: the feeds it announces, else the sitemaps its robots.txt names."""
        html = resp.content.decode(resp.charset or "utf-8", "replace")
        found = discover_feeds(html, resp.final_url) or self.fetcher.robots.rules(_origin(url)).sitemaps
        if not found:
            self.reject(
                url,
                FetchError(
                    url, "a home page with no feed or sitemap found", "give a feed, sitemap or article URL"
                ),
            )
        for link in found:
            self.add_url(clean_url(link), depth + 1, watched)

    def add_target(self, target: Target) -> None:
        self.targets.setdefault(target.url, target)


def _origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


def _list_file(path: str) -> list[str]:
    data = Path(path).read_bytes()
    if b"<opml" in data[:4096].lower():
        return parse_opml(data, path)
    urls = parse_url_list(decode_bytes(path, data)[0])
    if not urls:
        raise InputError(path, "no http(s) URL in the list", "put one URL on each line")
    return urls


def _fetch_of(resp: Response, url: str, entry: FeedEntry | None = None) -> db.PageFetch:
    return db.PageFetch(
        url, page_key(resp.final_url or url), resp.final_url, resp.etag, resp.last_modified,
        entry.stamp if entry else None,
    )  # fmt: skip


# deciding what to fetch ---------------------------------------------------------------------
def _age_minutes(stamp: str | None, now: datetime) -> float:
    if not stamp:
        return float("inf")
    return (now - datetime.fromisoformat(stamp)).total_seconds() / 60


def due_request(
    state: dict | None, target: Target, settings: Settings, now: datetime | None = None
) -> Request | None:
    """The request to make for a page, or None when the stored copy is fresh enough."""
    if state is None or state["article_id"] is None:
        return Request(target.url)
    conditional = Request(target.url, state["etag"], state["last_modified"])
    stamp = target.entry.stamp if target.entry else None
    if stamp and stamp != state["entry_stamp"]:
        return conditional
    now = now or datetime.now(UTC)
    young = _age_minutes(state["first_seen"], now) < settings.fetch.recheck_days * 24 * 60
    stale = _age_minutes(state["checked_at"], now) >= settings.fetch.recheck_minutes
    return conditional if young and stale else None


# reading and storing pages -----------------------------------------------------------------------
def _article(target: Target, resp: Response, clean: Clean) -> Article | Rejection:
    """Read and clean a fetched page as the batch reads a saved one (``clean``: same caps and budget)."""
    if kind_of(resp.content_type, resp.content) == "other":  # a PDF, an image: not read as a page
        what = resp.content_type or "not HTML"
        return Rejection(target.url, "fetch", f"{what} is not an HTML page", "give the article's web page")
    hints = {}
    if target.entry:
        e = target.entry
        hints = {k: v for k, v in (("title", e.title), ("published", e.published), ("outlet", e.outlet)) if v}
    source = WebSource(
        target.url, resp.content, "html", url=resp.final_url, captured=resp.fetched_at, charset=resp.charset,
        via=target.via, hints=tuple(hints.items()),
    )  # fmt: skip
    return clean(source)


def _fallback(target: Target, problem: Rejection, clean: Clean) -> Article | Rejection:
    """The feed's summary when the page cannot be had (marked via="feed-summary"), else the problem."""
    doc = summary_document(target.entry, target.feed or "") if target.entry else None
    if doc is None:
        return problem
    article = clean(doc)
    return problem if isinstance(article, Rejection) else article


class _Reader:
    def __init__(self, store: Store, clean: Clean, result: IntakeResult, run_id: int | None) -> None:
        self.store, self.clean, self.result, self.run_id = store, clean, result, run_id

    def handle(self, target: Target, got: Response | FetchError) -> None:
        if isinstance(got, FetchError):
            problem = Rejection(target.url, "fetch", str(got), got.hint)
            outcome, fetch = (
                _fallback(target, problem, self.clean),
                None,
            )  # a summary stands in: asked again later
        elif got.not_modified:
            self.result.counts["unchanged (304)"] += 1
            db.note_state(self.store, _fetch_of(got, target.url, target.entry), "page")
            return
        else:
            outcome = _article(target, got, self.clean)
            fetch = _fetch_of(got, target.url, target.entry)
            if isinstance(outcome, Rejection):
                outcome, fetch = _fallback(target, outcome, self.clean), None
        if fetch is None:  # the page itself failed: keep its one line, try it at the next poll
            line = got.line() if isinstance(got, FetchError) else _problem_line(outcome, target)
            db.note_failure(self.store, target.url, "page", line)
        self._keep(target, outcome, fetch)

    def _keep(self, target: Target, outcome: Article | Rejection, fetch: db.PageFetch | None) -> None:
        if isinstance(outcome, Rejection):
            self.result.rejections.append(outcome)
            return
        if outcome.format == "feed-summary":
            self.result.counts["feed summary used"] += 1
        page = fetch or db.PageFetch(target.url, page_key(target.url))
        kind = db.record_page(
            self.store, outcome, page, diff_articles, self.run_id, settled=fetch is not None
        )
        self.result.counts[kind] += 1
        if kind in ("added", "revised"):
            self.result.articles.append(outcome)


def _problem_line(outcome: Article | Rejection, target: Target) -> str:
    return outcome.line() if isinstance(outcome, Rejection) else f"{target.url}: the page could not be read"


def _plan(
    targets: dict[str, Target], store: Store, settings: Settings, result: IntakeResult
) -> Iterator[tuple[Target, Request]]:
    for target in targets.values():
        if target.response is not None:
            continue
        req = due_request(db.page_state(store, target.url), target, settings)
        if req is None:
            result.counts["already stored"] += 1
        else:
            yield target, req


def ingest_web(
    store: Store,
    inputs: list[str],
    clean: Clean,
    settings: Settings | None = None,
    run_id: int | None = None,
    progress: Callable[[str], None] | None = None,
    fetcher: Fetcher | None = None,
    watched: bool = False,
) -> IntakeResult:
    """Fetch, read, clean (with ``clean``) and store what ``inputs`` (URLs, URL lists, OPML) lead to.

    :func:`newsprism.analyze.ingest` and :func:`newsprism.watch.watch` call this with
    :func:`newsprism.analyze.clean_input`, so a fetched page gets the caps, time budget and
    failure handling of a saved one.
    """
    settings = settings or Settings()
    result = IntakeResult()
    own = fetcher is None
    fetcher = fetcher or Fetcher(settings.fetch)
    try:
        expander = _Expander(fetcher, store, settings, result)
        for arg in inputs:
            expander.add_arg(arg, watched)
        if watched:  # pages still young enough to be corrected, whatever their feed says now
            for url in _young_pages(store, settings):
                expander.add_target(Target(url))
        reader = _Reader(store, clean, result, run_id)
        for target in expander.targets.values():
            if target.response is not None:
                reader.handle(target, target.response)
                _tick(progress)
        plan = list(_plan(expander.targets, store, settings, result))
        fetched = fetcher.get_many([req for _, req in plan])
        for (target, _), (_, got) in zip(plan, fetched, strict=True):
            reader.handle(target, got)
            _tick(progress)
    finally:
        if own:
            fetcher.close()
    return result


def _young_pages(store: Store, settings: Settings) -> list[str]:
    now = datetime.now(UTC)
    young = now - timedelta(days=settings.fetch.recheck_days)
    stale = now - timedelta(minutes=settings.fetch.recheck_minutes)
    return db.recheck_pages(store, young.isoformat(timespec="seconds"), stale.isoformat(timespec="seconds"))


def _tick(progress: Callable[[str], None] | None) -> None:
    if progress:
        progress("")
