"""``newsprism watch``: poll feeds, ingest new and changed articles, assign stories, repeat.

Each poll is one recorded run (``runs.command = 'watch'``) of :func:`newsprism.intake.ingest_web`
followed by :func:`newsprism.stories.persist.assign_stories` for the articles it added. A poll
that fails (the network is down, the store is busy) is logged in one line and the loop goes
on; every page is stored in its own transaction, so stopping at any moment (Ctrl-C) loses at
most the page in hand. The feeds watched and what each page was last seen as live in the
store (``fetch_state``): a restart, with or without the feed list, picks up where it stopped.
"""

from __future__ import annotations

import functools
import logging
import re
import sqlite3
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime

import httpx

from newsprism.analyze import clean_input
from newsprism.errors import NewsprismError, SettingsError
from newsprism.fetch import Fetcher, clean_url
from newsprism.intake import ingest_web
from newsprism.model import Rejection
from newsprism.settings import Settings
from newsprism.store import Store
from newsprism.store.intake import watched_feeds
from newsprism.stories.persist import assign_stories, unassigned_articles

log = logging.getLogger(__name__)

__all__ = ["PollResult", "parse_every", "poll", "watch"]


@dataclass
class PollResult:
    """One poll: when, what the intake did, stories touched, or the error that stopped it."""

    at: str
    counts: dict[str, int] = field(default_factory=dict)
    rejections: list[Rejection] = field(default_factory=list)
    stories_opened: int = 0
    stories_joined: int = 0
    error: str | None = None


def parse_every(text: str) -> float:
    """Seconds in ``"15m"``, ``"30s"``, ``"2h"`` or a bare number of seconds; at least 1."""
    m = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([smh]?)\s*", text.lower())
    if not m:
        raise SettingsError(f"--every {text!r} is not a duration", "use e.g. 30s, 15m or 1h")
    seconds = float(m.group(1)) * {"": 1, "s": 1, "m": 60, "h": 3600}[m.group(2)]
    if seconds < 1:
        raise SettingsError(f"--every {text!r} is under a second", "poll at most once a second")
    return seconds


def poll(store: Store, feeds: list[str], settings: Settings, fetcher: Fetcher) -> PollResult:
    """Read every feed once; store new and changed articles; put them into stories."""
    run_id = store.begin_run("watch", settings.to_dict(), feeds)
    try:
        return _poll_run(store, run_id, feeds, settings, fetcher)
    except BaseException as exc:  # the run record says how it ended; every page stored stays
        store.abort_run(run_id, "interrupted" if isinstance(exc, KeyboardInterrupt) else "failed")
        raise


def _poll_run(
    store: Store, run_id: int, feeds: list[str], settings: Settings, fetcher: Fetcher
) -> PollResult:
    at = datetime.now(UTC).isoformat(timespec="seconds")
    clean = functools.partial(clean_input, settings=settings)
    result = ingest_web(store, feeds, clean, settings, run_id, fetcher=fetcher, watched=True)
    for rej in result.rejections:
        store.add_rejection(rej, run_id)
    assignments = assign_stories(store, unassigned_articles(store), settings.stories, run_id)
    store.end_run(run_id, len(result.articles), len(result.rejections))
    return PollResult(
        at, dict(result.counts), result.rejections,
        sum(a.opened for a in assignments), sum(not a.opened for a in assignments),
    )  # fmt: skip


def _feeds(store: Store, feeds: list[str]) -> list[str]:
    given = [clean_url(f) if f.startswith(("http://", "https://")) else f for f in feeds]
    known = watched_feeds(store)
    found = list(dict.fromkeys(given + known))
    if not found:
        raise NewsprismError("no feeds to watch", "give feed URLs, a URL list or an OPML file")
    return found


def watch(
    store: Store,
    feeds: list[str],
    settings: Settings | None = None,
    every_s: float = 900.0,
    stop: threading.Event | None = None,
    max_polls: int | None = None,
    on_poll: Callable[[PollResult], None] | None = None,
    fetcher: Fetcher | None = None,
) -> list[PollResult]:
    """Poll ``feeds`` (and those watched before in this store) every ``every_s`` seconds.

    Runs until ``stop`` is set, ``max_polls`` polls are done, or Ctrl-C (KeyboardInterrupt
    is left to the caller). Network and store errors of one poll are reported, not raised.
    """
    settings = settings or Settings()
    stop = stop or threading.Event()
    feeds = _feeds(store, feeds)
    results: list[PollResult] = []
    own = fetcher is None
    fetcher = fetcher or Fetcher(settings.fetch)
    try:
        while not stop.is_set():
            results.append(_safe_poll(store, feeds, settings, fetcher))
            if on_poll:
                on_poll(results[-1])
            if max_polls is not None and len(results) >= max_polls:
                break
            stop.wait(every_s)
    finally:
        if own:
            fetcher.close()
    return results


def _safe_poll(store: Store, feeds: list[str], settings: Settings, fetcher: Fetcher) -> PollResult:
    try:
        return poll(store, feeds, settings, fetcher)
    except (NewsprismError, httpx.HTTPError, OSError, sqlite3.OperationalError) as exc:
        line = exc.line() if isinstance(exc, NewsprismError) else f"{type(exc).__name__}: {exc}"
        log.warning("poll failed, trying again at the next one: %s", line)
        return PollResult(datetime.now(UTC).isoformat(timespec="seconds"), error=line)
