"""The brief's "changed after publication" part: what an outlet took back, and who still reports it."""

from __future__ import annotations

from newsprism.analysis import Analysis
from newsprism.brief.revisions import revisions_section
from newsprism.model import Span, Statement
from newsprism.render.brief_text import md_brief
from newsprism.render.story.view import Links, story_view
from newsprism.revisions import diff_articles
from tests.conftest import make_article

OLD = (
    "Ferry crews in Farrowby walked out on Monday, halting crossings to the islands for two days. "
    "The union said 240 members had voted for the strike after talks on pay broke down. "
    "The operator had cut the overtime rate for night crossings in January, staff said."
)
NEW = (
    "Ferry crews in Farrowby walked out on Monday, halting crossings to the islands for two days. "
    "The union said 260 members had voted for the strike after talks on pay broke down. "
    "Ferries to Holm will run a reduced timetable."
)
OTHER = "Night-crossing staff said the operator had cut their overtime rate in January, before the walkout."


def _statement(art, text: str, n: int) -> Statement:
    start = art.text.index(text)
    return Statement(id=f"s{n}", article_id=art.id, text=text, span=Span(start, start + len(text)))


def _analysis():
    old, new = make_article(OLD, "Harbour Times"), make_article(NEW, "Harbour Times")
    other = make_article(OTHER, "Island Courier")
    rev = {"article_id": new.id, "previous_id": old.id, "outlet": "Harbour Times", "url": "https://x.test/a",
           "seen_at": "2026-03-02T10:15:00+00:00", "diff": diff_articles(old, new)}  # fmt: skip
    statements = (_statement(other, OTHER, 1), _statement(new, NEW.split(". ")[0], 2))
    return Analysis(articles=(new, other), statements=statements, revisions=(rev,)), new, other


def test_a_removed_fact_names_the_outlets_that_still_report_it():
    analysis, new, other = _analysis()
    (rev,) = revisions_section(analysis)["revisions"]
    assert rev["label"] == new.label and rev["article_id"] == new.id
    kinds = {i["kind"]: i for i in rev["items"]}
    assert kinds["removed"]["still_reported_by"] == [other.id]  # the overtime cut, reworded elsewhere
    assert kinds["changed"]["numbers_removed"] == ["240"] and kinds["changed"]["numbers_added"] == ["260"]
    assert kinds["changed"]["still_reported_by"] == []  # nobody else gave the vote count
    assert "still_reported_by" not in kinds["added"]
    start, end = kinds["added"]["after_span"]
    assert new.text[start:end] == "Ferries to Holm will run a reduced timetable."


def test_revisions_of_articles_outside_the_story_are_not_shown():
    analysis, _new, other = _analysis()
    only_other = analysis.replace(articles=(other,))
    assert revisions_section(only_other) == {"revisions": []}


def test_the_brief_and_the_story_page_show_what_changed():
    analysis, new, other = _analysis()
    report = {"ledger": [], "articles": [{"id": a.id, "label": a.label, "title": a.title, "published": None}
                                         for a in analysis.articles], **revisions_section(analysis)}  # fmt: skip
    text = md_brief(report)
    assert "## Changed after publication" in text
    assert f"still reported by {other.label}" in text and "numbers removed: 240" in text
    view = story_view(
        report, Links(article=lambda aid, s=None, e=None: f"#{aid}-{s}-{e}", person=lambda n: None)
    )
    (rev,) = view["revisions"]
    assert [o["label"] for o in rev["items"][0]["others"]] == [other.label]
    assert any(f["kind"] == "changed after publication" for f in view["findings"])
