"""CLI of web intake: ``newsprism watch`` and ``newsprism revisions``.

Shaped like one module of a ``cli/`` package: ``add_*`` fill a subparser, ``run_*`` handle the
parsed arguments; :data:`COMMANDS` lists (name, help, add, run) for the command table.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from newsprism.revisions import revision_lines
from newsprism.settings import Settings
from newsprism.store import Store
from newsprism.store.intake import article_urls, revisions
from newsprism.watch import PollResult, parse_every, watch


def _poll_line(r: PollResult) -> str:
    if r.error:
        return f"{r.at}  poll failed: {r.error} (trying again at the next poll)"
    counts = ", ".join(f"{v} {k}" for k, v in sorted(r.counts.items())) or "nothing new"
    return f"{r.at}  {counts}; stories: {r.stories_opened} opened, {r.stories_joined} joined"


def run_watch(args: argparse.Namespace, settings: Settings) -> int:
    every = parse_every(args.every)

    def report(r: PollResult) -> None:
        for rej in r.rejections:
            print(f"newsprism: {rej.line()}", file=sys.stderr)
        out = (
            json.dumps({**r.__dict__, "rejections": [rej.line() for rej in r.rejections]})
            if args.json
            else _poll_line(r)
        )
        print(out, flush=True)

    with Store(args.db) as store:
        try:
            watch(store, args.feeds, settings, every, max_polls=args.polls, on_poll=report)
        except KeyboardInterrupt:
            print("newsprism: watch stopped; a restart resumes from the store", file=sys.stderr)
    return 0


def run_revisions(args: argparse.Namespace, settings: Settings) -> int:
    with Store(args.db) as store:
        rows = revisions(store, args.url)
        for r in rows:
            r["urls"] = article_urls(store, r["article_id"])
    if args.json:
        sys.stdout.write(
            json.dumps(
                [{k: v for k, v in r.items() if k != "diff_json"} for r in rows], ensure_ascii=False, indent=2
            )
            + "\n"
        )
        return 0
    for r in rows:
        print(f"{r['seen_at']}  {r['url']}  {r['previous_id']} -> {r['article_id']}")
        for line in revision_lines(r["diff"]):
            print(f"    {line}")
    if not rows:
        print("no revisions", file=sys.stderr)
    return 0


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


def add_revisions(r: argparse.ArgumentParser) -> None:
    r.add_argument("db")
    r.add_argument("url", nargs="?", help="one page's URL (default: every revision)")
    r.add_argument("--json", action="store_true")


COMMANDS: tuple[tuple[str, str, Any, Any], ...] = (
    ("watch", "poll feeds into DB: new and changed articles, stories", add_watch, run_watch),
    ("revisions", "what outlets changed in articles after publishing", add_revisions, run_revisions),
)
