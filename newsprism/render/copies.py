"""How a brief names the other outlets that published an article's exact text."""

from __future__ import annotations

from typing import Any

__all__ = ["copy_names"]


def copy_names(art: dict[str, Any]) -> str:
    """The outlets of a report article's copies, in the order read ("" when there are none)."""
    return ", ".join(c["outlet"] for c in art.get("copies") or ())
