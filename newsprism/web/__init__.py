"""``newsprism serve``: a read-only web app over a store (pages and a JSON API).

The names below load on first use, so the CLI starts without the web framework.
"""

from __future__ import annotations

from typing import Any

__all__ = ["ReportCache", "compute_report", "create_app"]


def __getattr__(name: str) -> Any:
    if name == "create_app":
        from newsprism.web.app import create_app

        return create_app
    if name in ("ReportCache", "compute_report"):
        from newsprism.web import reports

        return getattr(reports, name)
    raise AttributeError(name)
