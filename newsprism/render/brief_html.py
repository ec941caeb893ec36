"""The brief's sections in the HTML report: summary, coverage matrix, disputes and
contradictions, quote variants with highlighted diffs, unique/omissions, framing, provenance.

Everything from an article passes through :func:`esc`; every quoted span links to its
anchor in the article view (:func:`span_link`).
"""

from __future__ import annotations

from typing import Any

from newsprism.render.brief_text import sentence_parts
from newsprism.render.html import HTML_SECTIONS, esc, span_link

__all__ = ["html_brief"]

Report = dict[str, Any]
MATRIX_ROWS = 40


def _labels(report: Report) -> dict[str, str]:
    return {a["id"]: a["label"] for a in report.get("articles", [])}


def _cite(node: dict, text: str | None = None) -> str:
    return span_link(node["article_id"], node["start"], node["end"], text or node["text"])


def _summary(report: Report) -> str:
    labels = _labels(report)
    items = []
    for s in report.get("summary", []):
        cites = " ".join(
            span_link(c["article_id"], c["start"], c["end"], labels.get(c["article_id"], c["outlet"]))
            for c in s["cites"]
        )
        mark = " <span class=flag>single source</span>" if s.get("marked") else ""
        items.append(
            f"<li>{esc(s['text'])} <span class=meta>[{cites}; {s['independent_support']} "
            f"independent]</span>{mark}</li>"
        )
    return f"<h2>Summary</h2><ol>{''.join(items)}</ol>" if items else ""


def _matrix(report: Report) -> str:
    labels = _labels(report)
    statements = {s["id"]: s for s in report.get("statements", [])}
    ids = list(labels)
    head = "".join(f"<th>{esc(labels[a])}</th>" for a in ids)
    rows = []
    for g in [g for g in report.get("ledger", []) if len(g["article_ids"]) > 1][:MATRIX_ROWS]:
        cells = {statements[s]["article_id"]: statements[s] for s in g["statement_ids"] if s in statements}
        tds = "".join(
            f"<td>{_cite(cells[a], '✓')}</td>" if a in cells else "<td class=muted>·</td>" for a in ids
        )
        rows.append(
            f"<tr><td>{_in_sentence(g)}</td><td>{esc(g['status'])}</td>"
            f"<td>{g['independent_support']}</td>{tds}</tr>"
        )
    if not rows:
        return ""
    return (
        "<h2>Coverage: facts × outlets</h2><table><tr><th>statement group</th><th>status</th>"
        f"<th>independent</th>{head}</tr>{''.join(rows)}</table>"
    )


def _in_sentence(group: dict) -> str:
    before, after = sentence_parts(group)
    if not before.strip() and not after.strip():
        return esc(group["text"])
    return f"<span class=muted>{esc(before)}</span>{esc(group['text'])}<span class=muted>{esc(after)}</span>"


def _disputes(report: Report) -> str:
    labels = _labels(report)
    parts = []
    for d in report.get("disputes", []):

        def side(entries: list[dict]) -> str:
            return "".join(
                f"<li>{esc(e['actor'])} ({esc(labels.get(e['article_id'], '?'))}): {_cite(e)}</li>"
                for e in entries
            )

        about = f"<span class=meta>about {esc(d['subject'])}:</span> " if d.get("subject") else ""
        parts.append(
            f"<h3>Disputed: {about}“{esc(d['claim'])}”</h3><table><tr><th>asserts</th><th>denies</th></tr>"
            f"<tr><td><ul>{side(d['asserts'])}</ul></td><td><ul>{side(d['denies'])}</ul></td></tr></table>"
        )
    rows = "".join(
        f"<tr><td>{esc(c['kind'])}</td><td>{esc(c['note'])}</td><td>{esc(labels.get(c['a']['article_id'], '?'))}: "
        f"{_cite(c['a'])}</td><td>{esc(labels.get(c['b']['article_id'], '?'))}: {_cite(c['b'])}</td></tr>"
        for c in report.get("contradictions", [])
    )
    if rows:
        parts.append(
            f"<h3>Contradictions</h3><table><tr><th>kind</th><th>what</th><th>one says</th>"
            f"<th>another says</th></tr>{rows}</table>"
        )
    return "<h2>Disputes and contradictions</h2>" + "".join(parts) if parts else ""


def _diff_html(diff: list[list[str]]) -> str:
    tags = {"equal": "{}", "delete": "<del>{}</del>", "insert": "<ins>{}</ins>"}
    return " ".join(tags[op].format(esc(words)) for op, words in diff)


def _quotes(report: Report) -> str:
    labels = _labels(report)
    parts = []
    for g in report.get("quote_groups", []):
        rows = []
        for v in g["variants"]:
            flag = "<span class=flag>⚠ </span>" if v.get("flagged") else ""
            notes = esc("; ".join(v.get("notes", [])))
            link = span_link(v["article_id"], v["start"], v["end"], labels.get(v["article_id"], "?"))
            body = esc(v["text"]) if v.get("reference") else _diff_html(v["diff"])
            rows.append(
                f"<tr><td>{link}</td><td>{flag}{esc(v['classification'])}<div class=meta>{notes}</div>"
                f"</td><td>{body}</td></tr>"
            )
        parts.append(
            f"<h3>{esc(g['speaker'] or 'unknown speaker')}</h3><table><tr><th>outlet</th>"
            f"<th>version</th><th>words (diff against the reference)</th></tr>{''.join(rows)}</table>"
        )
    return "<h2>Quotes across outlets</h2>" + "".join(parts) if parts else ""


def _outlets(report: Report) -> str:
    labels = _labels(report)
    groups = {g["id"]: g for g in report.get("ledger", [])}
    statements = {s["id"]: s for s in report.get("statements", [])}
    rows = []
    for article_id, label in labels.items():
        only = [
            statements[groups[g]["statement_ids"][0]]
            for g in report.get("unique", {}).get(article_id, [])
            if g in groups and groups[g]["statement_ids"][0] in statements
        ]
        missing = [groups[g]["text"] for g in report.get("omissions", {}).get(article_id, []) if g in groups]
        only_html = "".join(f"<li>{_cite(s)}</li>" for s in only)
        missing_html = "".join(f"<li>{esc(t)}</li>" for t in missing)
        rows.append(
            f"<tr><td>{esc(label)}</td><td><details><summary>{len(only)}</summary><ul>{only_html}</ul>"
            f"</details></td><td><details><summary>{len(missing)}</summary><ul>{missing_html}</ul>"
            "</details></td></tr>"
        )
    return (
        (
            "<h2>Only here / left out</h2><table><tr><th>outlet</th><th>reports alone</th>"
            f"<th>leaves out (most others report)</th></tr>{''.join(rows)}</table>"
        )
        if rows
        else ""
    )


def _counts(counts: dict[str, int]) -> str:
    return esc(", ".join(f"{k} ×{v}" if v > 1 else k for k, v in counts.items()) or "—")


def _framing(report: Report) -> str:
    rows = []
    for f in report.get("framing", []):
        head = f["headline"]
        asserts = {True: "<span class=flag>states as fact</span>", False: "attributes or hedges", None: "—"}
        rows.append(
            f"<tr><td>{esc(f['outlet'])}</td><td>{esc(head['text'])}<div class=meta>"
            f"{asserts[head['asserts']]}</div></td><td>{_counts(f['hedges'])}</td>"
            f"<td>{_counts(f['attribution_verbs'])}</td><td>{_counts(f['loaded_terms'])}</td></tr>"
        )
    return (
        (
            "<h2>Framing</h2><table><tr><th>outlet</th><th>headline</th><th>hedges</th><th>attribution verbs</th>"
            f"<th>loaded terms (own voice)</th></tr>{''.join(rows)}</table>"
        )
        if rows
        else ""
    )


CLAIM_ROWS = 15


def _claim_framing(report: Report) -> str:
    """The same claim as each outlet words it: hedges and attribution verbs, linked to the words."""
    labels = _labels(report)
    statements = {s["id"]: s for s in report.get("statements", [])}
    texts = {g["id"]: g["text"] for g in report.get("ledger", [])}
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
        rows.append(f"<tr><td>{esc(texts.get(group_id, ''))}</td>{''.join(tds)}</tr>")
    if not rows:
        return ""
    head = "".join(f"<th>{esc(label)}</th>" for label in labels.values())
    return (
        f"<h3>The same claim, outlet by outlet</h3><table><tr><th>claim</th>{head}</tr>"
        f"{''.join(rows)}</table>"
    )


def _provenance(report: Report) -> str:
    labels = _labels(report)
    edges = report.get("provenance", {}).get("edges", [])
    rows = "".join(
        f"<tr><td>{esc(labels.get(e['from'], e['from']))}</td><td>{esc(e['kind'])}</td>"
        f"<td>{esc(labels.get(e['to'], e['to']))}</td><td>{esc(e['evidence'])}</td></tr>"
        for e in edges
    )
    origins = report.get("provenance", {}).get("origins", {})
    count = len(set(origins.values()))
    return (
        f"<h2>Provenance</h2><p>{count} independent origin(s) among {len(origins)} article(s).</p>"
        f"<table><tr><th>from</th><th>kind</th><th>to</th><th>evidence</th></tr>{rows}</table>"
    )


def html_brief(report: Report) -> str:
    if "ledger" not in report:
        return ""
    parts = (_summary, _matrix, _disputes, _quotes, _outlets, _framing, _claim_framing, _provenance)
    return "\n".join(p for p in (part(report) for part in parts) if p)


HTML_SECTIONS.insert(0, html_brief)
