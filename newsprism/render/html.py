"""The report as one self-contained HTML page: no scripts, no network, all article text escaped.

Sections are functions appended to :data:`HTML_SECTIONS`. Any object in the report with
``article_id``, ``start`` and ``end`` is a cited span: the article view marks it and gives
it the anchor :func:`span_id`, so a section links to evidence with :func:`span_link`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from html import escape
from typing import Any

from newsprism.render.dates import date_text

__all__ = ["HTML_SECTIONS", "esc", "render_html", "span_id", "span_link"]

Report = dict[str, Any]

CSS = """
body{font:15px/1.5 system-ui,sans-serif;margin:0 auto;max-width:70rem;padding:1rem 2rem;color:#1d1d1f}
h1{font-size:1.6rem}h2{border-bottom:2px solid #ddd;margin-top:2.2rem}h3{margin-bottom:.2rem}
table{border-collapse:collapse;margin:.5rem 0}td,th{border:1px solid #ccc;padding:.25rem .5rem;vertical-align:top}
th{background:#f3f3f3;text-align:left}.meta{color:#555;font-size:.9rem}.reason{color:#8a4b00;font-style:italic}
mark{background:#fff1a8}mark:target{background:#ffb347;outline:2px solid #d9822b}.removed{color:#777;font-size:.85rem}
.article p{margin:.4rem 0}.flag{color:#b00020;font-weight:bold}.ok{color:#1b7f3b}.muted{color:#777}
del{background:#ffd6d6}ins{background:#d4f7d4;text-decoration:none}.pill{border-radius:.6rem;padding:0 .4rem;
background:#eee;font-size:.8rem}details{margin:.3rem 0}
"""


def esc(value: Any) -> str:
    """Escape any value for HTML text or attribute context."""
    return escape("" if value is None else str(value), quote=True)


def span_id(article_id: str, start: int, end: int) -> str:
    return f"s-{article_id}-{start}-{end}"


def span_link(article_id: str, start: int, end: int, label: str) -> str:
    """A link to a cited span in the article view."""
    return f'<a href="#{span_id(article_id, start, end)}">{esc(label)}</a>'


def _cited_spans(node: Any) -> Iterator[tuple[str, int, int]]:
    """Every ``{article_id, start, end}`` object anywhere in the report."""
    if isinstance(node, dict):
        if (
            isinstance(node.get("article_id"), str)
            and isinstance(node.get("start"), int)
            and isinstance(node.get("end"), int)
        ):
            yield node["article_id"], node["start"], node["end"]
        for key, value in node.items():
            if key != "articles":
                yield from _cited_spans(value)
    elif isinstance(node, list):
        for item in node:
            yield from _cited_spans(item)


def _choose_marks(
    spans: list[tuple[int, int]], length: int
) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """Non-overlapping spans to highlight, and the rest (which get a bare anchor at their start)."""
    marks, anchors, pos = [], [], 0
    for start, end in sorted(set(spans)):
        if end > length or end <= start:
            continue
        (marks if start >= pos else anchors).append((start, end))
        if start >= pos:
            pos = end
    return marks, anchors


def _marked_text(text: str, spans: list[tuple[int, int]], article_id: str) -> str:
    """Article text, paragraph by paragraph, with every cited span reachable by its anchor.

    Spans that overlap an earlier one cannot be a second <mark>; they get an empty anchor at
    their start, so every link in the report lands somewhere. Marks that cross a paragraph
    break are cut at it (the anchor stays on the first piece) to keep the HTML well formed.
    """
    marks, anchors = _choose_marks(spans, len(text))
    out, para_start = [], 0
    for para_end in [*(i for i in range(len(text)) if text.startswith("\n\n", i)), len(text)]:
        if para_end < para_start:
            continue
        events: list[tuple[int, int, str]] = []
        for start, end in marks:
            lo, hi = max(start, para_start), min(end, para_end)
            if lo < hi:
                anchor = f' id="{span_id(article_id, start, end)}"' if start >= para_start else ""
                events += [(lo, 1, f"<mark{anchor}>"), (hi, 0, "</mark>")]
        events += [
            (start, 2, f'<span id="{span_id(article_id, start, end)}"></span>')
            for start, end in anchors
            if para_start <= start < para_end
        ]
        pos, html = para_start, []
        for at, _order, tag in sorted(events):
            html += [esc(text[pos:at]), tag]
            pos = at
        html.append(esc(text[pos:para_end]))
        out.append(f"<p>{''.join(html)}</p>")
        para_start = para_end + 2
    return "".join(out)


def _articles(report: Report) -> str:
    spans: dict[str, list[tuple[int, int]]] = {}
    for article_id, start, end in _cited_spans(report):
        spans.setdefault(article_id, []).append((start, end))
    parts = ["<h2>Articles</h2>"]
    for art in report["articles"]:
        meta = " · ".join(
            esc(v) for v in (art["outlet"], art["author"], date_text(art), ", ".join(art["credits"])) if v
        )
        removed = "".join(
            f"<li><span class=reason>{esc(r['reason'])}</span>: {esc(' '.join(r['text'].split()))}</li>"
            for r in art["removed"]
        )
        parts.append(
            f'<section class=article id="a-{esc(art["id"])}"><h3>{esc(art["title"] or art["label"])}</h3>'
            f"<div class=meta>{meta} · <code>{esc(art['path'])}</code></div>"
            f"{_marked_text(art['text'], spans.get(art['id'], []), art['id'])}"
            f"<details class=removed><summary>Removed by cleaning ({len(art['removed'])})</summary>"
            f"<ul>{removed}</ul></details></section>"
        )
    return "\n".join(parts)


def _rejections(report: Report) -> str:
    if not report["rejections"]:
        return ""
    rows = "".join(
        f"<tr><td><code>{esc(r['path'])}</code></td><td>{esc(r['stage'])}</td><td>{esc(r['reason'])}</td></tr>"
        for r in report["rejections"]
    )
    return f"<h2>Inputs that could not be read</h2><table><tr><th>file</th><th>stage</th><th>reason</th></tr>{rows}</table>"


def _timeline(report: Report) -> str:
    entries = report.get("timeline") or []
    if not entries:
        return ""
    labels = {a["id"]: a["label"] for a in report["articles"]}
    rows = []
    for e in entries:
        links = ", ".join(
            span_link(s["article_id"], s["start"], s["end"], labels.get(s["article_id"], s["article_id"]))
            for s in e["spans"]
        )
        conflict = f'<div class="flag">{esc(e["conflict"])}</div>' if e["conflict"] else ""
        rows.append(
            f"<tr><td>{esc(e['date'])}</td><td>{esc(e['time'] or '')}</td>"
            f"<td>{esc(e['text'])}{conflict}</td><td>{links}</td></tr>"
        )
    head = "<tr><th>Date</th><th>Time</th><th>Event</th><th>Reported by</th></tr>"
    return f"<h2>Timeline</h2>\n<table>{head}{''.join(rows)}</table>"


HTML_SECTIONS: list[Callable[[Report], str]] = [_timeline, _rejections]
# The article view always comes last, after every section that links into it.
TAIL_SECTIONS: list[Callable[[Report], str]] = [_articles]


def render_html(report: Report) -> str:
    """The whole report as one HTML page with no external resources."""
    n = len(report["articles"])
    body = "\n".join(s for s in (f(report) for f in [*HTML_SECTIONS, *TAIL_SECTIONS]) if s)
    return (
        "<!doctype html>\n<html lang=en><head><meta charset=utf-8>"
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">"
        f"<title>newsprism brief</title><style>{CSS}</style></head><body>"
        f"<h1>newsprism brief — {n} article{'s' if n != 1 else ''}</h1>\n{body}\n</body></html>\n"
    )
