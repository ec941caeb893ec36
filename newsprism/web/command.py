"""``newsprism serve DB [--host H] [--port P]``: the web app over a store, read-only."""

from __future__ import annotations

import argparse
import ipaddress
import sys
from typing import Any

from newsprism.cli import PARSER_EXTENSIONS, command
from newsprism.settings import Settings

__all__ = ["is_loopback"]


def is_loopback(host: str) -> bool:
    """Whether ``host`` names this machine only (127.0.0.0/8, ::1, localhost)."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def _add_parser(sub: Any, common: argparse.ArgumentParser) -> None:
    s = sub.add_parser("serve", parents=[common], help="browse a store in a web browser (read-only)")
    s.add_argument("db")
    s.add_argument(
        "--host", default="127.0.0.1", help="address to bind (default 127.0.0.1: this machine only)"
    )
    s.add_argument("--port", type=int, default=8000)


PARSER_EXTENSIONS.append(_add_parser)


@command("serve")
def _serve(args: argparse.Namespace, settings: Settings) -> int:
    import uvicorn

    from newsprism.web import ReportCache, compute_report, create_app

    if not is_loopback(args.host):
        print(
            f"newsprism: warning: serving on {args.host}: anyone who can reach this address can read the store",
            file=sys.stderr,
        )
    reports = ReportCache(lambda store, story_id: compute_report(store, story_id, settings))
    app = create_app(args.db, reports, allowed_hosts=[] if is_loopback(args.host) else ["*"], warm=True)
    print(
        f"newsprism: serving {args.db} read-only at http://{args.host}:{args.port}/ (Ctrl-C stops)",
        file=sys.stderr,
    )
    uvicorn.run(
        app, host=args.host, port=args.port, log_level="warning" if args.quiet else "info",
        limit_concurrency=64, h11_max_incomplete_event_size=16 * 1024, server_header=False,
    )  # fmt: skip
    return 0
