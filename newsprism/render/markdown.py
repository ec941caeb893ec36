"""The report as Markdown. Later issues append a section function to :data:`MD_SECTIONS`."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from newsprism.render.copies import copy_names
from newsprism.render.dates import date_text
from newsprism.termsafe import escape_controls, one_line

__all__ = ["MD_SECTIONS", "md_escape", "render_markdown"]

Report = dict[str, Any]
_BREAKS = re.compile(r"[ ]*[\t\n\r\v\f\u0085\u2028\u2029][\s]*")


def md_escape(text: str) -> str:
    """Neutralise Markdown and HTML syntax (and terminal control characters) in article text.

    Article text always sits inside one line of ours (a list item, a heading, a table cell), so a
    line break or tab in it is folded to a space: kept, it would end the item or open an indented
    code block.
    """
    out = escape_controls(_BREAKS.sub(" ", text)).replace("\\", "\\\\")
    for ch in "`*_[]<>|#!&~":
        out = out.replace(ch, "\\" + ch)
    return out


def _articles(report: Report) -> str:
    lines = ["## Articles", ""]
    for art in report["articles"]:
        lines.append(f"### {md_escape(art['title'] or art['label'])}")
        meta = [
            ("Outlet", art["outlet"]),
            ("Author", art["author"]),
            ("Published", date_text(art)),
            ("URL", art["url"]),
            ("Credits", ", ".join(art["credits"]) or None),
            ("Also published word for word by", copy_names(art) or None),
            ("File", art["path"]),
            ("Id", art["id"]),
        ]
        lines += [f"- **{k}:** {md_escape(one_line(str(v)))}" for k, v in meta if v]
        if art["removed"]:
            lines.append(f"- **Removed by cleaning ({len(art['removed'])}):**")
            lines += [
                f"  - *{md_escape(r['reason'])}*: {md_escape(_short(r['text']))}" for r in art["removed"]
            ]
        lines.append("")
    return "\n".join(lines)


def _rejections(report: Report) -> str:
    if not report["rejections"]:
        return ""
    lines = ["## Inputs that could not be read", ""]
    # No code span for the path: backslash escapes do not work inside one, so a backtick in a
    # file name would close it and let the rest through as live Markdown or HTML.
    lines += [
        f"- {md_escape(one_line(r['path']))} ({md_escape(r['stage'])}): {md_escape(one_line(r['reason']))}"
        for r in report["rejections"]
    ]
    return "\n".join(lines) + "\n"


def _short(text: str, limit: int = 100) -> str:
    text = " ".join(text.split()) or repr(text)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _timeline(report: Report) -> str:
    entries = report.get("timeline") or []
    if not entries or "ledger" in report:  # the brief draws the timeline itself
        return ""
    labels = {a["id"]: a["label"] for a in report["articles"]}
    lines = ["## Timeline", ""]
    for e in entries:
        when = e["date"] + (f" {e['time']}" if e["time"] else "")
        who = ", ".join(md_escape(labels.get(a, a)) for a in e["article_ids"])
        lines.append(f"- **{when}** — {md_escape(_short(e['text'], 240))} ({who})")
        if e["conflict"]:
            lines.append(f"  - ⚠ {md_escape(e['conflict'])}")
    return "\n".join(lines) + "\n"


MD_SECTIONS: list[Callable[[Report], str]] = [_timeline, _articles, _rejections]


def render_markdown(report: Report) -> str:
    """The whole report as Markdown."""
    n = len(report["articles"])
    parts = [f"# newsprism brief — {n} article{'s' if n != 1 else ''}", ""]
    parts += [s for s in (section(report) for section in MD_SECTIONS) if s]
    return "\n".join(parts).rstrip() + "\n"
