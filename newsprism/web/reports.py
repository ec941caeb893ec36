"""The briefs the web app shows, computed on demand from the read-only store and kept in memory.

A story's brief is :func:`newsprism.brief.report.build_report` over
:func:`newsprism.analyze.analyze_story`: the same functions
``newsprism analyze --db DB --story ID`` calls. A brief stored by ``newsprism briefs DB`` (or
``analyze --db DB --story ID``) is read from the store when it is current; otherwise it is
computed, which takes seconds (the text models). Reports are cached in memory, keyed by story id
and member count (a story that grew gets a new brief), least recently used dropped first; one is
computed at a time.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable
from typing import Any

from newsprism.settings import Settings
from newsprism.store import Store
from newsprism.store.briefs import BriefTables, settings_key

__all__ = ["ReportCache", "compute_report"]

Report = dict[str, Any]
Compute = Callable[[Store, str], Report]


def compute_report(store: Store, story_id: str, settings: Settings | None = None) -> Report:
    """The brief of one stored story (the library call behind the story page)."""
    from newsprism.analyze import analyze_story
    from newsprism.brief.report import build_report

    return build_report(analyze_story(store, story_id, settings))


class ReportCache:
    """Reports by story, at most ``size`` of them in memory."""

    def __init__(
        self, compute: Compute | None = None, size: int = 64, settings: Settings | None = None
    ) -> None:
        self._compute = compute or (lambda store, sid: compute_report(store, sid, settings))
        self._size = size
        # stored briefs made with other settings or another version are not this server's briefs
        self.key = settings_key((settings or Settings()).to_dict())
        self._items: OrderedDict[tuple[str, int], Report] = OrderedDict()
        self._views: dict[tuple[str, int, str], Any] = {}
        self.quote_index: Any = None  # newsprism.web.quote_search keeps its index here
        self._lock = threading.Lock()  # guards _items
        self._work = threading.Lock()  # one brief computed at a time (the models are not free)

    def put(self, story_id: str, size: int, report: Report) -> None:
        with self._lock:
            self._items[(story_id, size)] = report
            self._items.move_to_end((story_id, size))
            while len(self._items) > self._size:
                (old_id, old_size), _ = self._items.popitem(last=False)
                for name in [k for k in self._views if k[:2] == (old_id, old_size)]:
                    del self._views[name]

    def peek(self, story_id: str, size: int) -> Report | None:
        with self._lock:
            report = self._items.get((story_id, size))
            if report is not None:
                self._items.move_to_end((story_id, size))
            return report

    def get(self, store: Store, story_id: str, size: int) -> Report:
        """The report of ``story_id`` (full id) with ``size`` members, computed when missing."""
        report = self.peek(story_id, size)
        if report is not None:
            return report
        with self._work:
            report = self.peek(story_id, size)  # another request may have made it meanwhile
            if report is None and store is not None:
                report = BriefTables(store.conn, self.key).get(story_id)
            if report is None:
                report = self._compute(store, story_id)
                self.put(story_id, size, report)
        return report

    def view(
        self, story_id: str, size: int, name: str, report: Report, build: Callable[[Report], Any]
    ) -> Any:
        """``build(report)``, kept beside the cached report (what a page derives from a brief)."""
        key = (story_id, size, name)
        with self._lock:
            if key in self._views:
                return self._views[key]
        value = build(report)
        with self._lock:
            if (story_id, size) in self._items:  # not dropped meanwhile
                self._views[key] = value
        return value

    def cached(self) -> list[tuple[str, int]]:
        """``(story_id, size)`` of every cached report."""
        with self._lock:
            return list(self._items)

    def reports(self) -> list[tuple[str, Report]]:
        """Every cached report with its story id, most recently used last."""
        with self._lock:
            return [(sid, r) for (sid, _), r in self._items.items()]
