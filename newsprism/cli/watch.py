"""Web intake: ``watch DB FEEDS…`` (poll feeds, store new and changed articles) and
``revisions DB [URL]`` (what outlets changed after publishing)."""

from __future__ import annotations

import argparse
import contextlib
import json
import signal
import sys
import threading
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from newsprism.cli.common import dump
from newsprism.cli.output import add_output, emit

if TYPE_CHECKING:
    from newsprism.settings import Settings
    from newsprism.watch import PollResult

__all__ = ["add_revisions", "add_watch", "run_revisions", "run_watch"]


def add_watch(w: argparse.ArgumentParser) -> None:
    w.add_argument("db")
    w.add_argument(
        "feeds",
        nargs="*",
        metavar="FEEDS",
        help="feed URLs, URL lists or OPML files (default: those watched before)",
    )
    w.add_argument("--every", default="15m", help="time between polls: 30s, 15m, 1h (default 15m)")
    w.add_argument("--polls", type=int, help="stop after this many polls (default: run until Ctrl-C)")
    w.add_argument("--json", action="store_true", help="one JSON line per poll")
    w.set_defaults(output=[], format=None, force=False)  # a poll line at a time: no -o


def _poll_line(r: PollResult) -> str:
    if r.error:
        return f"{r.at}  poll failed: {r.error} (trying again at the next poll)"
    counts = ", ".join(f"{v} {k}" for k, v in sorted(r.counts.items())) or "nothing new"
    return f"{r.at}  {counts}; stories: {r.stories_opened} opened, {r.stories_joined} joined"


def run_watch(args: argparse.Namespace, settings: Settings) -> int:
    from newsprism.store import Store
    from newsprism.watch import parse_every, watch

    every = parse_every(args.every)

    def report(r: PollResult) -> None:
        for rej in r.rejections:
            print(f"newsprism: {rej.line()}", file=sys.stderr)
        data = {**r.__dict__, "rejections": [rej.line() for rej in r.rejections]}
        print(json.dumps(data, ensure_ascii=False) if args.json else _poll_line(r), flush=True)

    stop = threading.Event()
    with Store(args.db) as store, _ctrl_c_stops(stop):
        try:
            watch(store, args.feeds, settings, every, stop=stop, max_polls=args.polls, on_poll=report)
        except KeyboardInterrupt:
            stop.set()
        if stop.is_set():
            print("newsprism: watch stopped; a restart resumes from the store", file=sys.stderr)
    return 0


@contextlib.contextmanager
def _ctrl_c_stops(stop: threading.Event) -> Iterator[None]:
    """Ctrl-C sets ``stop`` and interrupts what runs, whatever handler a library left in place
    (pyspark's fails once its context stopped): should the interrupt be swallowed on its way up
    (a fetch's error handling, a finalizer), the loop still ends after the current poll."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def interrupt(_signum: int, _frame: object) -> None:
        stop.set()
        raise KeyboardInterrupt

    previous = signal.signal(signal.SIGINT, interrupt)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)


def add_revisions(r: argparse.ArgumentParser) -> None:
    r.add_argument("db")
    r.add_argument("url", nargs="?", help="one page's URL (default: every revision)")
    add_output(r, ("json", "text"))


def _revisions_text(rows: list[dict[str, Any]]) -> str:
    from newsprism.revisions import revision_lines

    out = []
    for r in rows:
        out.append(f"{r['seen_at']}  {r['url']}  {r['previous_id']} -> {r['article_id']}\n")
        out += [f"    {line}\n" for line in revision_lines(r["diff"])]
    return "".join(out) or "no revisions\n"


def run_revisions(args: argparse.Namespace, settings: Settings) -> int:
    from newsprism.store import Store
    from newsprism.store.intake import article_urls, revisions

    with Store(args.db) as store:
        rows = [{k: v for k, v in r.items() if k != "diff_json"} for r in revisions(store, args.url)]
        for r in rows:
            r["urls"] = article_urls(store, r["article_id"])
    emit(args, rows, {"json": dump, "text": _revisions_text})
    return 0
