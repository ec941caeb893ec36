"""Article text as data for a template: paragraphs of segments, each with its highlight classes.

No markup is built here: the template writes each segment's text (auto-escaped) inside an
element whose class names come from this module's fixed set.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

__all__ = ["cited_spans", "segments", "span_anchor"]

Report = dict[str, Any]
# Report keys whose spans are data rather than lines of the brief: statements cover nearly
# every sentence, so marking them would paint the whole article.
_NOT_CITATIONS = {"articles", "statements", "quotes", "speakers", "framing", "timings"}


def span_anchor(start: int, end: int) -> str:
    """The element id of a span in the article view."""
    return f"s-{start}-{end}"


def _walk(node: Any) -> Iterator[tuple[str, int, int]]:
    if isinstance(node, dict):
        if isinstance(node.get("article_id"), str) and all(
            isinstance(node.get(k), int) for k in ("start", "end")
        ):
            yield node["article_id"], node["start"], node["end"]
        for value in node.values():
            yield from _walk(value)
    elif isinstance(node, list):
        for item in node:
            yield from _walk(item)


def cited_spans(report: Report, article_id: str) -> list[tuple[int, int]]:
    """The spans of ``article_id`` that some line of the brief cites (not every statement)."""
    found = set()
    for key, value in report.items():
        if key in _NOT_CITATIONS:
            continue
        found.update((s, e) for a, s, e in _walk(value) if a == article_id and e > s)
    for entry in report.get("timeline", []):
        found.update((s["start"], s["end"]) for s in entry.get("spans", []) if s["article_id"] == article_id)
    return sorted(found)


def _paragraph_spans(text: str, paragraphs: list[list[int]]) -> list[tuple[int, int]]:
    spans = [(a, b) for a, b in paragraphs if 0 <= a < b <= len(text)]
    if spans:
        return spans
    out, pos = [], 0
    for block in text.split("\n\n"):
        if block.strip():
            out.append((pos, pos + len(block)))
        pos += len(block) + 2
    return out


def segments(
    text: str,
    paragraphs: list[list[int]],
    layers: dict[str, list[tuple[int, int]]],
    target: tuple[int, int] | None = None,
    anchor_prefix: str = "s-",
    anchor_only: list[tuple[int, int]] | None = None,
) -> list[list[dict[str, Any]]]:
    """Paragraphs of ``{"text", "classes", "anchors"}`` segments.

    ``layers`` maps a class name (``quote``, ``cited``) to its spans; ``target`` is the span
    a citation link points at (class ``target``, and the anchor the link's fragment names).
    Every cited span's start carries its anchor (``anchor_prefix`` + ``START-END``), so each
    link of the brief lands somewhere; ``anchor_only`` spans get an anchor and no highlight.
    """
    if target is not None:
        layers = {**layers, "target": [target]}
    cuts: set[int] = set()
    starts: dict[int, list[str]] = {}
    for name, spans in layers.items():
        for s, e in spans:
            s, e = max(0, s), min(len(text), e)
            if s < e:
                cuts.update((s, e))
                if name in ("cited", "target"):
                    starts.setdefault(s, []).append(anchor_prefix + span_anchor(s, e)[2:])
    for s, e in anchor_only or ():
        if 0 <= s < e <= len(text):
            cuts.add(s)
            starts.setdefault(s, []).append(anchor_prefix + span_anchor(s, e)[2:])
    out = []
    for p_start, p_end in _paragraph_spans(text, paragraphs):
        bounds = sorted({p_start, p_end, *(c for c in cuts if p_start < c < p_end)})
        para = []
        for lo, hi in zip(bounds, bounds[1:], strict=False):
            classes = [n for n, spans in layers.items() if any(s < hi and lo < e for s, e in spans)]
            anchors = sorted(set(starts.get(lo, [])))
            para.append({"text": text[lo:hi], "classes": " ".join(classes), "anchors": anchors})
        out.append(para)
    return out
