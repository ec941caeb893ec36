"""Courtesy to each host: robots.txt (RFC 9309) and a per-host pace and concurrency."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from urllib.robotparser import RobotFileParser

__all__ = ["HostGates", "RobotsCache", "RobotsRules"]

# How long rules are trusted: RFC 9309 asks crawlers not to cache robots.txt over 24 hours;
# a robots.txt that could not be had (5xx, no connection) is asked for again after 10 minutes.
_RULES_TTL_S = 24 * 3600
_FAILED_TTL_S = 600
# A Crawl-delay above this is read as this (a typo of 3600 would stall a watch for an hour).
_MAX_CRAWL_DELAY_S = 60.0


@dataclass
class RobotsRules:
    """What one host's robots.txt allows; ``allow_all`` / ``deny_all`` when it could not be read."""

    parser: RobotFileParser | None
    deny_all: bool = False
    problem: str | None = None  # why deny_all: the robots.txt answer that could not be had
    crawl_delay: float | None = None
    sitemaps: list[str] = field(default_factory=list)
    expires: float = 0.0

    def allows(self, agent: str, url: str) -> bool:
        if self.deny_all:
            return False
        return self.parser is None or self.parser.can_fetch(agent, url)


def parse_robots(text: str, agent: str) -> RobotsRules:
    """Rules from the text of a robots.txt, for the product token of ``agent``."""
    parser = RobotFileParser()
    parser.parse(text.splitlines())
    token = agent.split("/", 1)[0]
    delay = parser.crawl_delay(token)
    return RobotsRules(
        parser,
        crawl_delay=min(float(delay), _MAX_CRAWL_DELAY_S) if delay else None,
        sitemaps=list(parser.site_maps() or []),
        expires=time.monotonic() + _RULES_TTL_S,
    )


# What to do when robots.txt answers with a status, per RFC 9309 section 2.3.1:
# 2xx: follow it; 4xx: no rules (crawl everything); 5xx or unreachable: crawl nothing for now.
RobotsLoader = Callable[[str], tuple[int | None, str]]  # robots URL -> (status or None, text)


class RobotsCache:
    """robots.txt of each host, fetched once through ``load`` and kept for a day."""

    def __init__(self, agent: str, load: RobotsLoader) -> None:
        self.agent, self.load = agent, load
        self._rules: dict[str, RobotsRules] = {}
        self._lock = threading.Lock()
        self._host_locks: dict[str, threading.Lock] = {}

    def rules(self, origin: str) -> RobotsRules:
        """The rules for ``origin`` (``scheme://host[:port]``), fetched when missing or stale."""
        with self._lock:
            host_lock = self._host_locks.setdefault(origin, threading.Lock())
        with host_lock:  # one robots.txt request per host, however many threads ask
            rules = self._rules.get(origin)
            if rules is None or rules.expires < time.monotonic():
                rules = self._rules[origin] = self._fetch(origin)
            return rules

    def _fetch(self, origin: str) -> RobotsRules:
        status, text = self.load(origin + "/robots.txt")
        if status is not None and 200 <= status < 300:
            return parse_robots(text, self.agent)
        if status is not None and 400 <= status < 500:
            return RobotsRules(None, expires=time.monotonic() + _RULES_TTL_S)
        problem = f"HTTP {status}" if status is not None else "no connection"
        return RobotsRules(None, deny_all=True, problem=problem, expires=time.monotonic() + _FAILED_TTL_S)

    def allows(self, origin: str, url: str) -> bool:
        return self.rules(origin).allows(self.agent.split("/", 1)[0], url)


class _Gate:
    def __init__(self, concurrency: int) -> None:
        self.slots = threading.BoundedSemaphore(max(concurrency, 1))
        self.lock = threading.Lock()
        self.next_at = 0.0


class HostGates:
    """At most ``concurrency`` requests in flight per host, starts ``interval`` seconds apart."""

    def __init__(self, interval: float, concurrency: int) -> None:
        self.interval, self.concurrency = interval, concurrency
        self._gates: dict[str, _Gate] = {}
        self._lock = threading.Lock()

    @contextmanager
    def slot(self, host: str, delay: float | None = None) -> Iterator[None]:
        """Wait for a free slot and for the host's pace (``delay`` overrides a shorter interval)."""
        with self._lock:
            gate = self._gates.setdefault(host, _Gate(self.concurrency))
        with gate.slots:
            with gate.lock:
                now = time.monotonic()
                start = max(now, gate.next_at)
                gate.next_at = start + max(self.interval, delay or 0.0)
            if start > now:
                time.sleep(start - now)
            yield
