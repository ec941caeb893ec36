"""``newsprism serve DB [--host H] [--port P]``: the web app over a store, read-only."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from newsprism.settings import Settings


__all__ = ["add_serve", "run_serve"]


def add_serve(s: argparse.ArgumentParser) -> None:
    s.add_argument("db")
    s.add_argument(
        "--host", default="127.0.0.1", help="address to bind (default 127.0.0.1: this machine only)"
    )
    s.add_argument("--port", type=int, default=8000)
    s.add_argument(
        "--briefs", type=int, default=20, metavar="N",
        help="compute the briefs of the N newest stories in the background (people and outlet pages use them)",
    )  # fmt: skip
    s.set_defaults(output=[], force=False)  # serve writes no file


def run_serve(args: argparse.Namespace, settings: Settings) -> int:
    import uvicorn

    from newsprism.web import ReportCache, create_app
    from newsprism.web.guard import is_loopback

    local = is_loopback(args.host)
    if not local:
        print(
            f"newsprism: warning: serving on {args.host}: anyone who can reach this address can read the store",
            file=sys.stderr,
        )
    reports = ReportCache(settings=settings)
    app = create_app(
        args.db, reports, allowed_hosts=[] if local else ["*"], analyse_max=max(0, args.briefs), warm=True
    )
    print(
        f"newsprism: serving {args.db} read-only at http://{args.host}:{args.port}/ (Ctrl-C stops)",
        file=sys.stderr,
    )
    uvicorn.run(
        app, host=args.host, port=args.port, log_level="warning" if args.quiet else "info",
        limit_concurrency=64, h11_max_incomplete_event_size=16 * 1024, server_header=False,
        use_colors=False,  # stderr shows control sequences escaped (termsafe): colour codes would show as text
    )  # fmt: skip
    return 0
