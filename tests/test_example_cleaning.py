"""Reading and cleaning the bundled example story recovers what we wrote down in its truth file."""

import json
from functools import lru_cache

import pytest

from newsprism.analyze import load_articles
from tests.conftest import EXAMPLE

TRUTH = json.loads((EXAMPLE.parent / "harbour-fire.truth.json").read_text(encoding="utf-8"))["articles"]


@lru_cache(maxsize=1)
def _articles():
    batch = load_articles([str(EXAMPLE)])
    assert batch.rejections == []
    return {a.path.replace(str(EXAMPLE) + "/", ""): a for a in batch.articles}


def test_every_article_is_read():
    assert sorted(_articles()) == sorted(TRUTH)


@pytest.mark.parametrize("name", sorted(TRUTH))
def test_metadata(name):
    art, truth = _articles()[name], TRUTH[name]
    assert art.title == truth["title"]
    assert art.author == truth["author"]
    assert (art.published or "")[:10] == truth["published"]
    assert art.outlet == truth["outlet"]
    assert set(truth["credits"]) <= set(art.credits)
    if truth["url"]:
        assert art.url == truth["url"]


@pytest.mark.parametrize("name", sorted(TRUTH))
def test_junk_goes_and_body_stays(name):
    art, truth = _articles()[name], TRUTH[name]
    paragraphs = art.text.split("\n\n")
    for junk in truth["junk"]:
        assert junk not in paragraphs, junk
        assert junk not in art.text or len(junk.split()) > 6, junk  # short junk must not survive inside text
    assert art.text.startswith(truth["first_body_words"])
    assert art.text.endswith(truth["last_body_words"])
    for credit in truth["photo_credits"]:
        assert credit not in art.text


@pytest.mark.parametrize("name", sorted(n for n in TRUTH if TRUTH[n]["repairs"]))
def test_repairs(name):
    art = _articles()[name]
    for repair in TRUTH[name]["repairs"]:
        assert repair["clean"] in art.text
        assert repair["raw"] not in art.text


def test_lines_dropped_inside_html_are_in_the_audit_trail():
    from newsprism.clean import clean_document
    from newsprism.ingest import read_documents

    docs = [d for d in read_documents([str(EXAMPLE / "05-feed.jsonl")]) if d.extra.get("removed")]
    assert docs, "the example's HTML record has a READ MORE line the reader drops"
    for doc in docs:
        art = clean_document(doc)
        from_html = [r for r in art.removed if r.reason.endswith("(in the HTML)")]
        assert [r.text for r in from_html] == [item["text"] for item in doc.extra["removed"]]
        assert all(r.raw_start == r.raw_end == 0 for r in from_html)
