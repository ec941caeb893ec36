"""The story page as data: key findings, the brief's sections with links to cited spans,
the outlet × fact matrix, the timeline on a time axis and the provenance graph.

Built from the report dict (``build_report``), so the page, ``/api/stories/ID`` and the
self-contained HTML report all show the same brief.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from newsprism.brief.quote_selection import shown_quote_groups
from newsprism.brief.revisions import moved_facts
from newsprism.render.brief_text import (
    agree_rows,
    fact_line,
    one_per_sentence,
    sentence_parts,
    summary_text,
    timeline_text,
    unconfirmed,
)
from newsprism.render.copies import copy_names
from newsprism.render.story.charts import provenance_graph, timeline_axis
from newsprism.render.story.labels import short_labels
from newsprism.text import balance_quotes

__all__ = ["Links", "key_findings", "story_view"]

Report = dict[str, Any]
MATRIX_ROWS = 40
FINDINGS_PER_KIND = 5
LEAD_CHARS = 300  # a single-source claim this close to an article's start leads its coverage


@dataclass(frozen=True)
class Links:
    """Where the view links to: the web app's pages, or anchors inside one HTML file."""

    article: Callable[..., str]  # (article_id, start=None, end=None) -> href
    person: Callable[[str], str | None]  # a speaker's page, if there is one


def _outlets(report: Report, links: Links) -> list[dict[str, Any]]:
    arts = report.get("articles", [])
    shorts = short_labels([a["label"] for a in arts])
    return [
        {"id": a["id"], "label": a["label"], "short": shorts[a["label"]], "title": a["title"],
         "published": a["published"], "href": links.article(a["id"])}
        for a in arts
    ]  # fmt: skip


def _cite(node: dict[str, Any], labels: dict[str, str], links: Links) -> dict[str, Any]:
    aid = node["article_id"]
    return {
        "article_id": aid,
        "label": labels.get(aid, aid),
        "text": node.get("text", ""),
        "href": links.article(aid, node["start"], node["end"]),
    }


def key_findings(report: Report, links: Links) -> list[dict[str, Any]]:
    """What a reader should see first: altered quotes, disputes, contradictions, and
    single-source claims that lead coverage. Each finding cites its spans."""
    labels = {a["id"]: a["label"] for a in report.get("articles", [])}
    out: list[dict[str, Any]] = []
    altered = [(g, v) for g in report.get("quote_groups", []) for v in g["variants"] if v.get("flagged")][
        :FINDINGS_PER_KIND
    ]
    for g, v in altered:
        why = "; ".join(v.get("notes", [])) or v["classification"]
        out.append({"kind": "altered quote", "text": f"{labels.get(v['article_id'], '?')} changes a quote of "
                    f"{g['speaker'] or 'an unknown speaker'}: {why}", "cites": [_cite(v, labels, links)]})  # fmt: skip
    for d in report.get("disputes", [])[:FINDINGS_PER_KIND]:
        deniers = ", ".join(dict.fromkeys(e["actor"] for e in d["denies"])) or "someone"
        cites = [_cite(e, labels, links) for e in (d["asserts"][:1] + d["denies"][:1])]
        out.append({"kind": "dispute", "text": f"{d['claim']} — denied by {deniers}", "cites": cites})
    merged: dict[tuple[str, str], dict[str, Any]] = {}
    for c in report.get("contradictions", []):  # one finding per disagreement, every outlet cited
        f = merged.setdefault(
            (c["kind"], c["note"]), {"kind": f"contradiction ({c['kind']})", "text": c["note"], "cites": []}
        )
        for side in (c["a"], c["b"]):
            if all(x["href"] != _cite(side, labels, links)["href"] for x in f["cites"]):
                f["cites"].append(_cite(side, labels, links))
    out += list(merged.values())[:FINDINGS_PER_KIND]
    for rev in report.get("revisions", [])[:FINDINGS_PER_KIND]:  # facts an outlet took back
        taken = [
            i
            for i in rev["items"]
            if i["kind"] == "removed" or i.get("numbers_removed") or i.get("quotes_removed")
        ]
        if taken:
            out.append({"kind": "changed after publication",
                        "text": f"{rev['label']} removed or changed {len(taken)} statement(s) after publishing",
                        "cites": [{"article_id": rev["article_id"], "label": rev["label"], "text": taken[0]["text"],
                                   "href": links.article(rev["article_id"])}]})  # fmt: skip
    lead = []
    for s in report.get("summary", []):
        if s.get("marked") == "single-source":
            lead.append({"kind": "single source", "text": s["text"], "cites": [_cite({**c, "text": s["text"]}, labels, links) for c in s["cites"]]})  # fmt: skip
    statements = {s["id"]: s for s in report.get("statements", [])}
    seen = {s["group_id"] for s in report.get("summary", [])}
    for g in report.get("ledger", []):
        st = statements.get(g["statement_ids"][0]) if g["statement_ids"] else None
        if g["status"] == "single-source" and st and st["start"] < LEAD_CHARS and g["id"] not in seen:
            lead.append({"kind": "single source", "text": g["text"], "cites": [_cite(st, labels, links)]})
    return out + lead[:FINDINGS_PER_KIND]


def _matrix(report: Report, outlets: list[dict[str, Any]], links: Links) -> dict[str, Any]:
    statements = {s["id"]: s for s in report.get("statements", [])}
    rows = []
    ledger = report.get("ledger", [])
    # Groups held together only by weak evidence are not rows: a cell would read as agreement.
    doubtful = [unconfirmed(g["status"], g["independent_support"]) for g in ledger]
    shared = [ledger[k] for k in agree_rows([(g["text"], tuple(g["article_ids"])) for g in ledger], doubtful)]
    for g in shared[:MATRIX_ROWS]:
        cells = {statements[s]["article_id"]: statements[s] for s in g["statement_ids"] if s in statements}
        rows.append(
            {
                "text": g["text"],
                "sentence": balance_quotes("".join(sentence_parts(g)[:1]) + g["text"] + "".join(sentence_parts(g)[1:])),
                "status": g["status"],
                "independent": g["independent_support"],
                "cells": [
                    {"href": links.article(o["id"], cells[o["id"]]["start"], cells[o["id"]]["end"]),
                     "text": cells[o["id"]]["text"], "outlet": o["label"]} if o["id"] in cells else None
                    for o in outlets
                ],
            }
        )  # fmt: skip
    return {"rows": rows, "columns": outlets, "cell": 22, "label_width": 380}


def _quote_groups(report: Report, labels: dict[str, str], links: Links) -> list[dict[str, Any]]:
    out = []
    for g in shown_quote_groups(report):
        variants = [
            {**_cite(v, labels, links), "classification": v["classification"], "flagged": bool(v.get("flagged")),
             "notes": v.get("notes", []), "reference": bool(v.get("reference")), "diff": v.get("diff", [])}
            for v in g["variants"]
        ]  # fmt: skip
        speaker = g["speaker"] or "unknown speaker"
        out.append({"speaker": speaker, "person_href": links.person(speaker) if g["speaker"] else None,
                    "variants": variants})  # fmt: skip
    return out


def _outlet_rows(report: Report, labels: dict[str, str], links: Links) -> list[dict[str, Any]]:
    groups = {g["id"]: g for g in report.get("ledger", [])}
    statements = {s["id"]: s for s in report.get("statements", [])}
    rows = []
    for aid, label in labels.items():
        only = [
            _cite(statements[groups[g]["statement_ids"][0]], labels, links)
            | ({"text": line} if (line := fact_line(groups[g], statements, str)) != groups[g]["text"] else {})
            for g in one_per_sentence(report.get("unique", {}).get(aid, []), groups, statements)
            if groups[g]["statement_ids"] and groups[g]["statement_ids"][0] in statements
        ]
        missing = [
            fact_line(groups[g], statements, str, limit=10_000)
            for g in one_per_sentence(report.get("omissions", {}).get(aid, []), groups, statements)
        ]
        rows.append({"label": label, "only": only, "missing": missing})
    return rows


def _provenance(report: Report, outlets: list[dict[str, Any]]) -> dict[str, Any]:
    prov = report.get("provenance", {})
    labels = {o["id"]: o["short"] for o in outlets}
    nodes = [{"id": o["id"], "label": o["short"], "full": o["label"], "kind": "article"} for o in outlets]
    for e in prov.get("edges", []):
        for end in (e["from"], e["to"]):
            if end not in labels and all(n["id"] != end for n in nodes):
                nodes.append({"id": end, "label": short_labels([end])[end], "full": end, "kind": "source"})
    origins = prov.get("origins", {})
    edges = [
        {**e, "from_label": labels.get(e["from"], e["from"]), "to_label": labels.get(e["to"], e["to"])}
        for e in prov.get("edges", [])
    ]
    copies = [
        {"label": a["label"], "outlets": copy_names(a), "n": len(a["copies"]) + 1}
        for a in report.get("articles", [])
        if a.get("copies")
    ]
    return {"graph": provenance_graph(nodes, prov.get("edges", [])), "edges": edges, "copies": copies,
            "origins": len(set(origins.values())), "articles": len(origins)}  # fmt: skip


def _disputes(report: Report, labels: dict[str, str], links: Links) -> dict[str, list[dict[str, Any]]]:
    def side(entries: list[dict[str, Any]]) -> list[dict[str, Any]]:
        return [
            {**_cite(e, labels, links), "actor": e["actor"], "named_only": e.get("named_only", False)}
            for e in entries
        ]

    return {
        "disputes": [
            {"claim": d["claim"], "subject": d.get("subject", ""), "asserts": side(d["asserts"]), "denies": side(d["denies"])}
            for d in report.get("disputes", [])
        ],
        "contradictions": [
            {"kind": c["kind"], "note": c["note"], "a": _cite(c["a"], labels, links), "b": _cite(c["b"], labels, links)}
            for c in ([] if "contradiction_groups" in report else report.get("contradictions", []))
        ],
        # one row per fact, each value with the passages carrying it (60 outlets giving five
        # values of one count are one row, not 1,440 pairs)
        "contradiction_groups": [
            {"kind": g["kind"], "values": [
                {"value": v["value"], "cites": [_cite(e, labels, links) for e in v["sides"][:6]],
                 "more": max(0, len(v["sides"]) - 6)}
                for v in g["values"]
            ]}
            for g in report.get("contradiction_groups", [])
        ],
    }  # fmt: skip


def _revisions(report: Report, labels: dict[str, str], links: Links) -> list[dict[str, Any]]:
    """Each revision with its items; a changed or added sentence links to its new wording."""
    out = []
    for rev in report.get("revisions", []):
        items = []
        for item in rev["items"]:
            span = item.get("after_span")
            items.append({
                **item,
                "href": links.article(rev["article_id"], *span) if span else None,
                "moved": moved_facts(item),
                "others": [{"label": labels.get(a, a), "href": links.article(a)} for a in item.get("still_reported_by", [])],
            })  # fmt: skip
        out.append({**rev, "items": items, "href": links.article(rev["article_id"])})
    return out


def story_view(report: Report, links: Links) -> dict[str, Any]:
    """Everything the story page shows, JSON-ready."""
    outlets = _outlets(report, links)
    labels = {o["id"]: o["label"] for o in outlets}
    statements = {s["id"]: s for s in report.get("statements", [])}
    timeline = [
        {"date": e["date"], "time": e["time"], "text": timeline_text(e, statements), "conflict": e["conflict"],
         "versions": [{"when": v["when"], **_cite(v, labels, links)} for v in e.get("versions", [])],
         "cites": [_cite({**s, "text": e["text"]}, labels, links) for s in e["spans"]]}
        for e in report.get("timeline", [])
    ]  # fmt: skip
    summary = [
        {"text": summary_text(s, statements), "marked": s.get("marked"), "independent": s["independent_support"],
         "cites": [_cite({**c, "text": s["text"]}, labels, links) for c in s["cites"]]}
        for s in report.get("summary", [])
    ]  # fmt: skip
    return {
        "outlets": outlets,
        "findings": key_findings(report, links),
        "summary": summary,
        "matrix": _matrix(report, outlets, links),
        **_disputes(report, labels, links),
        "quote_groups": _quote_groups(report, labels, links),
        "outlet_rows": _outlet_rows(report, labels, links),
        "framing": report.get("framing", []),
        "outlet_labels": labels,  # a loaded term's other-outlet wording names its outlet
        "timeline": timeline,
        "timeline_axis": timeline_axis(timeline),
        "provenance": _provenance(report, outlets),
        "revisions": _revisions(report, labels, links),
    }
