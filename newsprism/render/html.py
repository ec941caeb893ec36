"""The report as one self-contained HTML page: no scripts, no network, all article text escaped.

Sections are functions appended to :data:`HTML_SECTIONS`. Any object in the report with
``article_id``, ``start`` and ``end`` is a cited span: the article view marks it and gives
it the anchor :func:`span_id`, so a section links to evidence with :func:`span_link`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from html import escape
from typing import Any

from markupsafe import Markup

from newsprism.render.dates import date_text
from newsprism.render.story.jinja import story_env, stylesheet
from newsprism.render.story.text import cited_spans, segments
from newsprism.render.story.view import Links, story_view

__all__ = ["FILE_LINKS", "HTML_SECTIONS", "esc", "render_html", "span_id", "span_link"]

Report = dict[str, Any]


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
    if not entries or "ledger" in report:  # the brief (html_brief) draws the timeline itself
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


def _file_links() -> Links:
    """Links inside the one HTML file: to an article's section or to a span's anchor."""

    def article(article_id: str, start: int | None = None, end: int | None = None) -> str:
        return f"#a-{article_id}" if start is None or end is None else f"#{span_id(article_id, start, end)}"

    return Links(article=article, person=lambda name: None)


FILE_LINKS = _file_links()


def _article_view(art: dict[str, Any], report: Report) -> dict[str, Any]:
    """One article with the brief's cited spans marked and an anchor for every span anything links to."""
    linked = sorted({(s, e) for aid, s, e in _cited_spans(report) if aid == art["id"]})
    view = {k: art.get(k) for k in ("id", "title", "label", "outlet", "author", "path")}
    view["published"] = date_text(art)
    view["credits"] = art.get("credits", [])
    view["removed"] = [dict(r, text=" ".join(r["text"].split())) for r in art.get("removed", [])]
    view["paragraphs"] = segments(
        art["text"], art.get("paragraphs", []), {"cited": cited_spans(report, art["id"])},
        anchor_prefix=f"s-{art['id']}-", anchor_only=linked,
    )  # fmt: skip
    return view


def render_html(report: Report) -> str:
    """The whole report as one HTML page with no external resources and no script."""
    arts = report["articles"]
    sections = "\n".join(s for s in (f(report) for f in HTML_SECTIONS) if s)
    title = next((a["title"] for a in arts if a.get("title")), None) or "newsprism brief"
    outlets = story_view(report, FILE_LINKS)["outlets"] if arts else []
    return story_env().get_template("report.html").render(
        title=title, n_articles=len(arts), generator=report.get("generator", ""), css=stylesheet(),
        outlets=outlets, sections=Markup(sections),  # built by the section functions, every value escaped
        articles=[_article_view(a, report) for a in arts],
    ) + "\n"  # fmt: skip
