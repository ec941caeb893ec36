"""The one place newsprism talks to the network: polite HTTP GETs with httpx.

A :class:`Fetcher` asks each host's robots.txt first, keeps to a pace and a number of
requests in flight per host, sends conditional requests (ETag / Last-Modified) when it
is given validators, follows at most ``max_redirects`` redirects (a loop is an error),
reads at most ``max_mb`` of body, and retries with backoff on 5xx answers and timeouts
only. Every failure is a :class:`~newsprism.errors.FetchError` whose one line names the
URL and what to do. Only the addresses it is handed are fetched: never what a page names.
"""

from __future__ import annotations

import dataclasses
import logging
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TypeVar
from urllib.parse import urljoin, urlsplit

import httpx

from newsprism.errors import FetchError
from newsprism.fetch.polite import HostGates, RobotsCache
from newsprism.settings import FetchSettings

log = logging.getLogger(__name__)

__all__ = ["Fetcher", "Request", "Response"]

_REDIRECTS = {301, 302, 303, 307, 308}
# Pages, feeds and sitemaps are all newsprism reads; anything else is accepted but refused later.
_ACCEPT = (
    "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,application/xml;q=0.9,*/*;q=0.5"
)
T = TypeVar("T")
R = TypeVar("R")


@dataclass(frozen=True)
class Request:
    """A URL to get, with the validators of the copy already held (for a conditional GET)."""

    url: str
    etag: str | None = None
    last_modified: str | None = None


@dataclass(frozen=True)
class Response:
    """What came back: ``not_modified`` means a 304 (``content`` is empty then)."""

    url: str
    final_url: str
    status: int
    content: bytes
    content_type: str | None
    charset: str | None
    etag: str | None
    last_modified: str | None
    fetched_at: str
    not_modified: bool = False


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


def _status_hint(status: int) -> str:
    if status in (404, 410):
        return "the page is gone; remove the URL from your list"
    if status in (401, 403, 451):
        return "the site refuses access to it; leave it out or ask the site"
    if status == 429:
        return "the site asks to slow down; raise fetch.host_interval_s"
    if status >= 500:
        return "the site is failing; try again later"
    return "check the URL"


class Fetcher:
    """Polite GETs (settings: the ``fetch`` section). Use as a context manager, or call close()."""

    def __init__(
        self, settings: FetchSettings | None = None, transport: httpx.BaseTransport | None = None
    ) -> None:
        self.s = settings or FetchSettings()
        timeout = httpx.Timeout(self.s.read_timeout_s, connect=self.s.connect_timeout_s)
        self.client = httpx.Client(
            headers={"User-Agent": self.s.user_agent, "Accept": _ACCEPT}, timeout=timeout, follow_redirects=False,
            transport=transport, trust_env=False,
        )  # fmt: skip
        self.gates = HostGates(self.s.host_interval_s, self.s.host_concurrency)
        self.robots = RobotsCache(self.s.user_agent, self._load_robots)

    def close(self) -> None:
        self.client.close()

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # one URL -----------------------------------------------------------------------
    def get(self, request: Request | str) -> Response:
        """Fetch one URL (following redirects); raises :class:`FetchError` naming it on failure."""
        req = Request(request) if isinstance(request, str) else request
        url, seen = req.url, [req.url]
        for _ in range(self.s.max_redirects + 1):
            self._check_allowed(req.url, url)
            resp = self._send(req, url)
            if resp.status not in _REDIRECTS:
                return dataclasses.replace(resp, url=req.url, final_url=url)
            target = urljoin(url, resp.content.decode("latin-1"))
            if target in seen:
                raise FetchError(
                    req.url, f"redirect loop at {target}", "the site is misconfigured; leave it out"
                )
            seen.append(target)
            url = target
        raise FetchError(req.url, f"more than {self.s.max_redirects} redirects", "give the final address")

    def _check_allowed(self, asked: str, url: str) -> None:
        if urlsplit(url).scheme not in ("http", "https"):
            raise FetchError(asked, f"{url} is not an http(s) address", "give http:// or https:// URLs")
        rules = self.robots.rules(_origin(url))
        if rules.deny_all:  # RFC 9309: a robots.txt that cannot be had (5xx, no answer) allows nothing
            raise FetchError(
                asked,
                f"{_origin(url)}/robots.txt could not be had ({rules.problem}), so nothing there is fetched",
                "the site is down or failing; try again later",
            )
        if not self.robots.allows(_origin(url), url):
            raise FetchError(
                asked,
                f"robots.txt of {_origin(url)} disallows {url}",
                "the site asks crawlers not to fetch it; leave it out",
            )

    def _send(self, req: Request, url: str) -> Response:
        """One request with retries on 5xx and timeouts, paced per host."""
        headers = {}
        if req.etag:
            headers["If-None-Match"] = req.etag
        if req.last_modified:
            headers["If-Modified-Since"] = req.last_modified
        delay = self.robots.rules(_origin(url)).crawl_delay
        for attempt in range(self.s.retries + 1):
            last = attempt == self.s.retries
            try:
                with self.gates.slot(urlsplit(url).netloc, delay):
                    resp = self._once(req.url, url, headers)
            except httpx.TimeoutException:
                if last:
                    raise FetchError(
                        req.url,
                        f"timed out {attempt + 1} time(s)",
                        "the site is slow or down; try again later",
                    ) from None
            except httpx.TransportError as exc:
                raise FetchError(
                    req.url, f"cannot connect ({exc or type(exc).__name__})", "check the URL and the network"
                ) from None
            else:
                if resp.status < 500:
                    return resp
                if last:
                    raise FetchError(
                        req.url, f"HTTP {resp.status} after {attempt + 1} tries", _status_hint(resp.status)
                    )
            time.sleep(self.s.backoff_s * 2**attempt)
        raise AssertionError("unreachable")

    def _once(self, asked: str, url: str, headers: dict[str, str]) -> Response:
        with self.client.stream("GET", url, headers=headers) as r:
            if r.status_code in _REDIRECTS and "location" in r.headers:
                return self._response(url, r, r.headers["location"].encode("latin-1"))
            if r.status_code == 304:
                return self._response(url, r, b"", not_modified=True)
            if r.status_code >= 500:
                return self._response(url, r, b"")
            if r.status_code != 200:
                raise FetchError(asked, f"HTTP {r.status_code} for {url}", _status_hint(r.status_code))
            return self._response(url, r, self._body(asked, r))

    def _body(self, asked: str, r: httpx.Response) -> bytes:
        cap = int(self.s.max_mb * 1_000_000)
        declared = r.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > cap:
            raise FetchError(
                asked,
                f"the body is {int(declared) / 1e6:.0f} MB, over the {self.s.max_mb:g} MB cap",
                "raise fetch.max_mb if it is really one article",
            )
        chunks, size = [], 0
        for chunk in r.iter_bytes():
            size += len(chunk)
            if size > cap:
                raise FetchError(
                    asked,
                    f"the body is over the {self.s.max_mb:g} MB cap",
                    "raise fetch.max_mb if it is really one article",
                )
            chunks.append(chunk)
        return b"".join(chunks)

    def _response(self, url: str, r: httpx.Response, content: bytes, not_modified: bool = False) -> Response:
        ctype = r.headers.get("content-type", "")
        kind = ctype.split(";")[0].strip().lower() or None
        charset = r.charset_encoding.lower() if r.charset_encoding else None
        return Response(
            url, url, r.status_code, content, kind, charset, r.headers.get("etag"),
            r.headers.get("last-modified"), _now(), not_modified,
        )  # fmt: skip

    def _load_robots(self, robots_url: str) -> tuple[int | None, str]:
        """(status, text) of a robots.txt; redirects followed (up to 5, as RFC 9309 asks)."""
        try:
            with self.gates.slot(urlsplit(robots_url).netloc):
                return self._robots_text(robots_url)
        except httpx.HTTPError as exc:
            log.info("%s: cannot be read (%s); nothing on that host is fetched for now", robots_url, exc)
            return None, ""

    def _robots_text(self, url: str) -> tuple[int, str]:
        for _ in range(5):
            with self.client.stream("GET", url) as r:
                if r.status_code in _REDIRECTS and "location" in r.headers:
                    url = urljoin(url, r.headers["location"])
                    continue
                data = b""
                for chunk in r.iter_bytes():  # RFC 9309: at least 500 KiB parsed; the rest is left
                    data += chunk
                    if len(data) >= 500 * 1024:
                        break
                return r.status_code, data[: 500 * 1024].decode("utf-8", "replace")
        return 404, ""  # a redirect chain past five hops: treated as no robots.txt (RFC 9309)

    # many URLs -----------------------------------------------------------------------
    def get_many(self, requests: Iterable[Request | str]) -> Iterator[tuple[Request, Response | FetchError]]:
        """Fetch concurrently (``concurrency`` in all, ``host_concurrency`` per host), results in input order."""
        reqs = [Request(r) if isinstance(r, str) else r for r in requests]

        def one(req: Request) -> Response | FetchError:
            try:
                return self.get(req)
            except FetchError as exc:
                return exc

        yield from zip(reqs, _ordered_map(one, reqs, self.s.concurrency), strict=True)


def _ordered_map(fn: Callable[[T], R], items: list[T], workers: int) -> Iterator[R]:
    """``map(fn, items)`` on daemon threads, in order. A consumer that stops (Ctrl-C) leaves the
    threads to finish their request alone: none is started after, and none holds the process open."""
    results: dict[int, R] = {}
    todo = iter(enumerate(items))
    cond, stop = threading.Condition(), threading.Event()

    def work() -> None:
        while not stop.is_set():
            with cond:
                nxt = next(todo, None)
            if nxt is None:
                return
            value = fn(nxt[1])
            with cond:
                results[nxt[0]] = value
                cond.notify_all()

    for _ in range(min(max(workers, 1), len(items))):
        threading.Thread(target=work, name="fetch", daemon=True).start()
    try:
        for i in range(len(items)):
            with cond:
                cond.wait_for(lambda i=i: i in results)
                yield results.pop(i)
    finally:
        stop.set()
