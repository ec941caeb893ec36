"""The outlet pages: each outlet's profile across the analysed stories."""

from __future__ import annotations

from collections import Counter
from typing import Any

from newsprism.errors import NotFoundError
from newsprism.store import read as q
from newsprism.web.links import article_href, outlet_href, story_href
from newsprism.web.pages import Site, analysed_reports

__all__ = ["outlet_page", "outlets_page"]

TOP = 15


def outlets_page(site: Site) -> dict[str, Any]:
    rows = q.outlet_names(site.store)
    for r in rows:
        r["href"] = outlet_href(r["outlet"])
    return {"outlets": rows}


def _profile(name: str, analysed: list[tuple[dict[str, Any], dict[str, Any]]]) -> dict[str, Any]:
    hedges, verbs, loaded = Counter(), Counter(), Counter()
    credits, copies = Counter(), Counter()
    n_articles = n_only = n_left_out = n_stories = n_wire = 0
    for _row, report in analysed:
        mine = {a["id"] for a in report["articles"] if a["outlet"] == name}
        if not mine:
            continue
        labels = {a["id"]: a["label"] for a in report["articles"]}
        n_stories += 1
        n_articles += len(mine)
        n_only += sum(len(report.get("unique", {}).get(a, [])) for a in mine)
        n_left_out += sum(len(report.get("omissions", {}).get(a, [])) for a in mine)
        for f in report.get("framing", []):
            if f["article_id"] in mine:
                hedges.update(f["hedges"])
                verbs.update(f["attribution_verbs"])
                loaded.update(f["loaded_terms"])
        prov = report.get("provenance", {})
        origins = prov.get("origins", {})
        n_wire += sum(1 for a in mine if origins.get(a, a) != a)
        for e in prov.get("edges", []):
            if e["from"] in mine and e["kind"] != "shares":
                target = labels.get(e["to"], e["to"])
                (copies if e["kind"] == "reuses" else credits)[target] += 1
        n_wire += sum(
            1
            for a in mine
            if origins.get(a, a) == a
            and any(
                e["from"] == a and e["kind"] == "reuses" and e["to"] not in labels
                for e in prov.get("edges", [])
            )
        )
    return {
        "stories": n_stories, "articles": n_articles, "only_here": n_only, "left_out": n_left_out,
        "wire_share": round(n_wire / n_articles, 2) if n_articles else None,
        "hedges": hedges.most_common(TOP), "attribution_verbs": verbs.most_common(TOP),
        "loaded_terms": loaded.most_common(TOP), "credits": credits.most_common(TOP),
        "copies": copies.most_common(TOP),
    }  # fmt: skip


def outlet_page(site: Site, name: str) -> dict[str, Any]:
    articles = q.outlet_articles(site.store, name)
    if not articles:
        raise NotFoundError(f"no outlet named {name!r}", "see /outlets for the outlets in the store")
    for a in articles:
        a["href"] = article_href(a["id"])
        a["story_href"] = story_href(a["story_id"]) if a["story_id"] else None
    analysed, coverage = analysed_reports(site, sorted({a["story_id"] for a in articles if a["story_id"]}))
    return {"outlet": name, "articles": articles, "profile": _profile(name, analysed),
            "in_stories": q.outlet_story_counts(site.store, name),
            "coverage": coverage}  # fmt: skip
