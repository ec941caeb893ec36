"""Geometry for the pictures the pages draw as inline SVG: numbers only, no markup.

The templates turn these into ``<polyline>``, ``<rect>``, ``<circle>`` and ``<text>``
elements; every label passes through the template's escaping.
"""

from __future__ import annotations

import math
from datetime import date, timedelta
from typing import Any

__all__ = ["provenance_graph", "sparkline", "timeline_axis"]


def _day(value: str | None) -> date | None:
    try:
        return date.fromisoformat((value or "")[:10])
    except ValueError:
        return None


def sparkline(counts: dict[str, int], width: int = 120, height: int = 24) -> dict[str, Any]:
    """Articles per day as polyline points over the story's span of days."""
    days = sorted(d for d in (_day(k) for k in counts) if d is not None)
    if not days:
        return {"points": "", "width": width, "height": height, "days": 0, "peak": 0}
    n_days = (days[-1] - days[0]).days + 1
    if n_days > 366:  # a long tail of stray dates: draw the last year
        days = [d for d in days if d > days[-1] - timedelta(days=366)]
        n_days = (days[-1] - days[0]).days + 1
    peak = max(counts.values())
    series = [counts.get((days[0] + timedelta(days=i)).isoformat(), 0) for i in range(n_days)]
    step = width / max(1, n_days - 1)
    points = " ".join(
        f"{i * step:.1f},{height - 2 - (v / peak) * (height - 4):.1f}" for i, v in enumerate(series)
    )
    if n_days == 1:
        points = f"0,{height - 2 - (height - 4):.1f} {width},{height - 2 - (height - 4):.1f}"
    return {"points": points, "width": width, "height": height, "days": n_days, "peak": peak}


def timeline_axis(entries: list[dict[str, Any]], width: int = 900) -> dict[str, Any]:
    """Timeline entries placed on a time axis (x by date, stacked when they share a day)."""
    dated = [(d, e) for e in entries if (d := _day(e.get("date"))) is not None]
    if not dated:
        return {"width": width, "height": 0, "marks": [], "ticks": []}
    lo, hi = min(d for d, _ in dated), max(d for d, _ in dated)
    span = max(1, (hi - lo).days)
    left, right = 40, width - 40
    stack: dict[date, int] = {}
    marks = []
    for d, e in dated:
        level = stack.get(d, 0)
        stack[d] = level + 1
        x = left + (right - left) * (d - lo).days / span if hi != lo else width / 2
        marks.append({"x": round(x, 1), "y": 40 + 14 * min(level, 12), "date": e["date"], "entry": e})
    ticks = sorted({(round(m["x"], 1), m["date"][:10]) for m in marks})
    height = 60 + 14 * min(max(stack.values()), 13)
    return {
        "width": width,
        "height": height,
        "marks": marks,
        "ticks": [{"x": x, "label": t} for x, t in ticks],
    }


def provenance_graph(
    nodes: list[dict[str, Any]], edges: list[dict[str, Any]], size: int = 420
) -> dict[str, Any]:
    """Nodes on a circle and edges between them (``from``/``to`` are node ids)."""
    n = len(nodes)
    centre, radius = size / 2, size / 2 - 70
    placed = {}
    for i, node in enumerate(nodes):
        angle = 2 * math.pi * i / max(1, n) - math.pi / 2
        placed[node["id"]] = {
            **node,
            "x": round(centre + radius * math.cos(angle), 1),
            "y": round(centre + radius * math.sin(angle), 1),
        }
    lines = []
    for e in edges:
        a, b = placed.get(e["from"]), placed.get(e["to"])
        if a is None or b is None or a is b:
            continue
        dx, dy = b["x"] - a["x"], b["y"] - a["y"]
        length = math.hypot(dx, dy) or 1.0
        trim = 14 / length  # stop at the node's edge so the arrow head shows
        lines.append(
            {
                "x1": round(a["x"] + dx * trim, 1), "y1": round(a["y"] + dy * trim, 1),
                "x2": round(b["x"] - dx * trim, 1), "y2": round(b["y"] - dy * trim, 1),
                "kind": e["kind"], "evidence": e.get("evidence", ""),
                "from_label": a["label"], "to_label": b["label"],
            }
        )  # fmt: skip
    return {"size": size, "nodes": list(placed.values()), "edges": lines}
