"""The report as plain terminal text. Later issues append to :data:`TERM_SECTIONS`."""

from __future__ import annotations

import textwrap
from collections.abc import Callable
from typing import Any

from newsprism.render.copies import copy_names
from newsprism.render.dates import date_text
from newsprism.termsafe import escape_controls

__all__ = ["TERM_SECTIONS", "render_terminal", "rule"]

Report = dict[str, Any]


def rule(title: str) -> str:
    """A section heading line."""
    return f"\n== {title} " + "=" * max(3, 72 - len(title))


def _articles(report: Report) -> str:
    lines = [rule(f"Articles ({len(report['articles'])})")]
    for art in report["articles"]:
        lines.append(f"\n[{art['id'][:10]}] {art['title'] or '(no title)'}")
        meta = " | ".join(
            f"{k}: {v}"
            for k, v in (
                ("outlet", art["outlet"]),
                ("author", art["author"]),
                ("published", date_text(art)),
                ("credits", ", ".join(art["credits"]) or None),
            )
            if v
        )
        lines.append(f"  {meta or 'no metadata found'}")
        lines.append(f"  file: {art['path']}")
        if art.get("copies"):
            lines.append(f"  also published word for word by: {copy_names(art)}")
        if art.get("format") == "feed-summary":
            lines.append("  text: the feed's summary of the article; the page itself could not be fetched")
        for r in art["removed"]:
            text = " ".join(r["text"].split()) or repr(r["text"])
            lines.append("  " + textwrap.shorten(f"- removed ({r['reason']}): {text}", 108, placeholder="…"))
    return "\n".join(lines)


def _rejections(report: Report) -> str:
    if not report["rejections"]:
        return ""
    lines = [rule(f"Not read ({len(report['rejections'])})")]
    lines += [f"  {r['path']}: {r['reason']}" for r in report["rejections"]]
    return "\n".join(lines)


def _timeline(report: Report) -> str:
    entries = report.get("timeline") or []
    if not entries or "ledger" in report:  # the brief draws the timeline itself
        return ""
    labels = {a["id"]: a["label"] for a in report["articles"]}
    lines = [rule(f"Timeline ({len(entries)})")]
    for e in entries:
        when = f"{e['date']} {e['time'] or '':9}"
        who = ", ".join(labels.get(a, a) for a in e["article_ids"])
        text = textwrap.shorten(" ".join(e["text"].split()), 80, placeholder="…")
        lines.append(f"  {when} {text} [{who}]")
        if e["conflict"]:
            lines.append("    " + textwrap.shorten(f"! {e['conflict']}", 104, placeholder="…"))
    return "\n".join(lines)


TERM_SECTIONS: list[Callable[[Report], str]] = [_timeline, _articles, _rejections]


def render_terminal(report: Report) -> str:
    """The report as text for a terminal (control characters of article text shown escaped)."""
    parts = [s for s in (section(report) for section in TERM_SECTIONS) if s]
    return escape_controls("\n".join(parts).lstrip("\n")) + "\n"
