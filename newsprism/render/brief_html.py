"""The brief's sections in the HTML report: key findings, summary, coverage picture, disputes
and contradictions, quote variants with highlighted diffs, only here / left out, framing,
timeline, provenance — the web app's story template (``render/story``) with in-file links —
and the same claim outlet by outlet.

Template values are auto-escaped; the claim table escapes with :func:`esc`; every quoted span
links to its anchor in the article view (:func:`span_link`).
"""

from __future__ import annotations

from typing import Any

from newsprism.render.brief_text import sentence_parts
from newsprism.render.html import HTML_SECTIONS, esc, span_link
from newsprism.render.story.jinja import story_env
from newsprism.render.story.view import story_view
from newsprism.text import balance_quotes, unclosed_quotes

__all__ = ["html_brief"]

Report = dict[str, Any]
MATRIX_ROWS = 40


def _labels(report: Report) -> dict[str, str]:
    return {a["id"]: a["label"] for a in report.get("articles", [])}


def _cite(node: dict, text: str | None = None) -> str:
    return span_link(node["article_id"], node["start"], node["end"], text or node["text"])


CLAIM_ROWS = 15


def _in_sentence(group: dict) -> str:
    """A statement group's clause inside its sentence (the context greyed), escaped."""
    before, after = sentence_parts(group)
    if not before.strip() and not after.strip():
        return esc(balance_quotes(group["text"]))
    starts_inside, ends_inside = unclosed_quotes(before + group["text"] + after)
    opens, closes = ("“…" if starts_inside else ""), ("…”" if ends_inside else "")
    return (
        f"{opens}<span class=muted>{esc(before)}</span>{esc(group['text'])}"
        f"<span class=muted>{esc(after)}</span>{closes}"
    )


def _claim_framing(report: Report) -> str:
    """The same claim as each outlet words it: hedges and attribution verbs, linked to the words."""
    labels = _labels(report)
    statements = {s["id"]: s for s in report.get("statements", [])}
    groups = {g["id"]: g for g in report.get("ledger", [])}
    cells: dict[str, dict[str, dict]] = {}
    for frame in report.get("framing", []):
        for claim in frame["claims"]:
            cells.setdefault(claim["group_id"], {})[frame["article_id"]] = claim
    marked = [
        g for g, row in cells.items() if len(row) > 1 and any(c["hedges"] or c["verbs"] for c in row.values())
    ]
    rows = []
    for group_id in marked[:CLAIM_ROWS]:
        tds = []
        for article_id in labels:
            claim = cells[group_id].get(article_id)
            if claim is None or claim["statement_id"] not in statements:
                tds.append("<td class=muted>·</td>")
                continue
            words = ", ".join(dict.fromkeys(claim["hedges"] + claim["verbs"])) or "states it"
            tds.append(f"<td>{_cite(statements[claim['statement_id']], words)}</td>")
        claim_html = _in_sentence(groups[group_id]) if group_id in groups else ""
        rows.append(f"<tr><td>{claim_html}</td>{''.join(tds)}</tr>")
    if not rows:
        return ""
    head = "".join(f"<th>{esc(label)}</th>" for label in labels.values())
    return (
        f"<h3>The same claim, outlet by outlet</h3><table><tr><th>claim</th>{head}</tr>"
        f"{''.join(rows)}</table>"
    )


def html_brief(report: Report) -> str:
    """The brief's sections, drawn by the same template as the web app's story page."""
    if "ledger" not in report:
        return ""
    from newsprism.render.html import FILE_LINKS

    body = story_env().get_template("story_body.html").render(**story_view(report, FILE_LINKS))
    return body + _claim_framing(report)


HTML_SECTIONS.insert(0, html_brief)
