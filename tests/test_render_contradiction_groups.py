"""The story page lists one row per contradicted fact, like the text brief."""

from newsprism.render.story.jinja import story_env
from newsprism.render.story.view import Links, story_view

LINKS = Links(article=lambda aid, s=None, e=None: f"#{aid}-{s}-{e}", person=lambda n: None)


def _side(k: int, value: int) -> dict:
    return {"article_id": f"a{k}", "statement_id": f"s{k}", "start": 0, "end": 9,
            "text": f"The fire injured {value} workers."}  # fmt: skip


def _report() -> dict:
    sides = [_side(k, 7 + k % 5) for k in range(60)]
    pairs = [
        {"kind": "number", "note": f"{a['text']} / {b['text']}", "a": a, "b": b}
        for a in sides
        for b in sides
        if a["text"] != b["text"] and a["article_id"] < b["article_id"]
    ]
    values = {}
    for s in sides:
        values.setdefault(s["text"].split()[3], []).append(s)
    group = {"kind": "number", "values": [{"value": v, "sides": ss} for v, ss in sorted(values.items())]}
    articles = [{"id": s["article_id"], "label": f"Outlet {k}", "title": None, "published": None}
                for k, s in enumerate(sides)]  # fmt: skip
    return {"ledger": [], "articles": articles, "contradictions": pairs, "contradiction_groups": [group]}


def test_sixty_outlets_giving_five_values_are_one_row_on_the_story_page():
    report = _report()
    assert len(report["contradictions"]) == 1440
    view = story_view(report, LINKS)
    assert view["contradictions"] == [] and len(view["contradiction_groups"]) == 1
    html = story_env().get_template("story_body.html").render(**view)
    assert html.count("<b>7</b>") == 1 and html.count("and 6 more") == 5
    assert html.count("<tr><td>number</td>") == 1
