"""Every page of the web app as a JSON-ready dict: the HTML routes render these with a
template, the ``/api/...`` routes return them as they are.

Functions take a read-only :class:`~newsprism.store.Store` and the report cache; they call
the same library functions as the CLI (``stored story`` queries, ``build_report``,
``find_speaker``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from newsprism.brief.report import article_json
from newsprism.errors import NotFoundError
from newsprism.quotes.identity import fold
from newsprism.quotes.speakers import find_speaker
from newsprism.render.story.charts import sparkline
from newsprism.render.story.labels import field_sources, how_found, method_words
from newsprism.render.story.text import cited_spans, segments
from newsprism.render.story.view import story_view
from newsprism.store import Store
from newsprism.store import read as q
from newsprism.store.briefs import BriefTables
from newsprism.web.links import WEB_LINKS, article_href, outlet_href, person_href, safe_external, story_href
from newsprism.web.quote_search import search_quotes
from newsprism.web.reports import ReportCache

__all__ = ["Site", "article_page", "search_page", "stories_page", "story_page"]

PER_PAGE = 25
MAX_PAGE = 10_000
CROSS_MAX = 200  # briefs a person or outlet page reads at most (newest first)


@dataclass
class Site:
    """What every page needs: the store of this thread and the shared report cache."""

    store: Store
    reports: ReportCache
    analyse_max: int = 20  # person and outlet pages analyse at most this many stories


def _snippet(text: str | None) -> list[dict[str, Any]]:
    """FTS snippet text (matches between U+0002 and U+0003) as segments to highlight."""
    out, hit = [], False
    for part in (text or "").replace("\x03", "\x02").split("\x02"):
        if part:
            out.append({"text": part, "hit": hit})
        hit = not hit
    return out


def _person(speaker: dict[str, Any] | None) -> str | None:
    if not speaker or speaker.get("anonymous") or speaker.get("kind") == "anonymous":
        return None
    return person_href(speaker["canonical"])


def stories_page(site: Site, flt: q.StoryFilter, page: int = 1) -> dict[str, Any]:
    page = min(max(1, page), MAX_PAGE)
    rows, total = q.story_page(site.store, flt, PER_PAGE, (page - 1) * PER_PAGE)
    counts = q.daily_counts(site.store, [r["id"] for r in rows])
    for r in rows:
        r["href"] = story_href(r["id"])
        r["per_day"] = counts[r["id"]]
        r["sparkline"] = sparkline(counts[r["id"]])
    pages = max(1, -(-total // PER_PAGE))
    return {
        "filter": {"q": flt.text, "outlet": flt.outlet, "since": flt.since, "until": flt.until},
        "stories": rows,
        "total": total,
        "page": page,
        "pages": pages,
        "outlets": q.outlet_names(site.store)[:200],
    }


def _report(site: Site, story_id: str) -> tuple[dict[str, Any], dict[str, Any]]:
    row = q.story_row(site.store, story_id)
    return row, site.reports.get(site.store, row["id"], row["size"])


def story_page(site: Site, story_id: str) -> dict[str, Any]:
    row, report = _report(site, story_id)
    return {
        "story": row,
        **site.reports.view(row["id"], row["size"], "story", report, lambda r: story_view(r, WEB_LINKS)),
    }


def story_report(site: Site, story_id: str) -> dict[str, Any]:
    """The full report of a story, as ``newsprism analyze --db DB --story ID --json`` writes it."""
    return _report(site, story_id)[1]


def _parse_span(span: str | None) -> tuple[int, int] | None:
    try:
        start, end = (int(x) for x in (span or "").split("-", 1))
    except ValueError:
        return None
    return (start, end) if 0 <= start < end else None


def article_page(site: Site, article_id: str, span: str | None = None) -> dict[str, Any]:
    art = article_json(site.store.article(article_id))
    story_id = q.article_story(site.store, art["id"])
    report = None
    if story_id is not None:
        report = _report(site, story_id)[1]
    quotes = [x for x in (report or {}).get("quotes", []) if x["article_id"] == art["id"]]
    cited = cited_spans(report, art["id"]) if report else []
    target = _parse_span(span)
    layers = {"quote": [(x["start"], x["end"]) for x in quotes], "cited": cited}
    return {
        "article": {k: v for k, v in art.items() if k != "text"},
        "text": art["text"],
        "external_url": safe_external(art["url"]),
        "outlet_href": outlet_href(art["outlet"]) if art["outlet"] else None,
        "published_how": how_found(art["published_source"]),
        "fields": field_sources(art),
        "story_id": story_id,
        "story_href": story_href(story_id) if story_id else None,
        "paragraphs": segments(art["text"], art["paragraphs"], layers, target),
        "target": list(target) if target else None,
        "quotes": [
            {
                "text": x["text"],
                "speaker": (x["speaker"] or {}).get("canonical"),
                "how": method_words(x["method"]),
                "href": article_href(art["id"], x["start"], x["end"]),
                "person_href": _person(x["speaker"]),
            }
            for x in quotes
        ],  # fmt: skip
    }


def search_page(site: Site, query: str) -> dict[str, Any]:
    """Articles (FTS5 over the store) and quotes (FTS5 over the briefs computed so far) matching
    ``query``. A query only one of them can run (``speaker:`` is a quote column) gives the other
    a message; a query neither can run is a :class:`~newsprism.store.read.QueryError`."""
    hits: list[dict[str, Any]] = []
    quotes: list[dict[str, Any]] = []
    errors: dict[str, str] = {}
    try:
        hits = q.search_articles(site.store, query)
    except q.QueryError as exc:
        errors["articles"] = exc.line()
    try:
        quotes = [
            {"text": x["text"], "speaker": x["speaker"], "href": article_href(x["article_id"], x["start"], x["end"])}
            for x in search_quotes(site.store, site.reports, query)
        ]  # fmt: skip
    except q.QueryError as exc:
        if "articles" in errors:
            raise
        errors["quotes"] = exc.line()
    for h in hits:
        h["href"] = article_href(h["id"])
        h["segments"] = _snippet(h.pop("snippet"))
    return {"query": query, "articles": hits, "quotes": quotes, "errors": errors}


def analysed_reports(
    site: Site, story_ids: list[str] | None = None
) -> tuple[list[tuple[dict[str, Any], dict[str, Any]]], dict[str, int]]:
    """The briefs there are without computing one — stored current briefs and those in memory —
    of ``story_ids`` (every story when None), newest first, at most ``CROSS_MAX``; and the counts
    a page states (analysed, shown, pending, total). A request never waits for an analysis:
    ``newsprism briefs DB`` stores every story's brief, ``create_app(warm=True)`` computes the
    newest ones in the background."""
    stored = BriefTables(site.store.conn, site.reports.key)
    current = stored.current_ids()
    in_memory = {sid for sid, _ in site.reports.cached()}
    wanted = current + sorted(in_memory - set(current))
    if story_ids is not None:
        allowed = set(story_ids)
        wanted = [sid for sid in wanted if sid in allowed]
    found = []
    for sid in wanted:
        row = q.story_row(site.store, sid)
        report = site.reports.peek(sid, row["size"]) or stored.get(sid)
        if report is not None:
            found.append((row, report))
    found.sort(key=lambda x: (x[0]["last_published"] or "", x[0]["id"]), reverse=True)  # undated last
    total = site.store.count("stories")
    analysed = len(set(current) | in_memory)
    counts = {"analysed": analysed, "shown": min(len(found), CROSS_MAX), "total": total,
              "pending": max(0, min(site.analyse_max, total) - analysed)}  # fmt: skip
    return found[:CROSS_MAX], counts


def person_page(site: Site, name: str) -> dict[str, Any]:
    """What one speaker said across the analysed stories, each outlet's version with its diff."""
    quoting = BriefTables(site.store.conn, site.reports.key).stories_quoting([fold(name)])
    in_memory = [
        sid for sid, report in site.reports.reports() if find_speaker(report.get("speakers", []), name)
    ]
    analysed, counts = analysed_reports(site, quoting + in_memory)
    stories = []
    for row, report in analysed:
        found = find_speaker(report.get("speakers", []), name)
        if not found:
            continue
        labels = {a["id"]: a["label"] for a in report["articles"]}
        keep = {i for s in found for i in s["quote_ids"]}
        names = sorted({n for s in found for n in [s["canonical"], *s["aliases"]]})
        groups = [
            g
            for g in story_view(report, WEB_LINKS)["quote_groups"]
            if g["speaker"].casefold() in {n.casefold() for n in names}
        ]
        quotes = [
            {"text": x["text"], "outlet": labels.get(x["article_id"], "?"),
             "href": article_href(x["article_id"], x["start"], x["end"]), "how": method_words(x["method"])}
            for x in report.get("quotes", []) if x["id"] in keep
        ]  # fmt: skip
        stories.append(
            {"story": row, "href": story_href(row["id"]), "names": names, "groups": groups, "quotes": quotes}
        )
    if not stories:
        raise NotFoundError(
            f"no speaker named {name!r} in the {counts['analysed']} stories analysed so far",
            "check the spelling, or come back when the newest stories are analysed",
        )
    aliases = sorted({n for s in stories for n in s["names"]})
    return {"name": name, "aliases": aliases, "stories": stories, "coverage": counts}


def people_page(site: Site) -> dict[str, Any]:
    """Every named speaker of the analysed stories (stored briefs and those in memory), most
    quoted first."""
    stored = BriefTables(site.store.conn, site.reports.key)
    counts = {fold(p["name"]): p for p in stored.people()}
    current = set(stored.current_ids())
    for sid, report in site.reports.reports():
        if sid in current:  # counted from the store already
            continue
        for s in report.get("speakers", []):
            if s.get("anonymous") or s.get("kind") == "anonymous":
                continue
            entry = counts.setdefault(
                fold(s["canonical"]), {"name": s["canonical"], "quotes": 0, "stories": 0}
            )
            entry["quotes"] += len(s["quote_ids"])
            entry["stories"] += 1
    people = sorted(counts.values(), key=lambda p: (-p["quotes"], p["name"]))
    for p in people:
        p["href"] = person_href(p["name"])
    _, coverage = analysed_reports(site, [])
    return {"people": people, "coverage": coverage}
