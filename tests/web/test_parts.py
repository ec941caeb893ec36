"""The web app's pure parts: labels, chart geometry, text segments, links, cache, read queries."""

from __future__ import annotations

import pytest

from newsprism.render.story.charts import provenance_graph, sparkline, timeline_axis
from newsprism.render.story.labels import how_found, method_words, short_labels
from newsprism.render.story.text import cited_spans, segments
from newsprism.store import Store
from newsprism.store.read import QueryError, StoryFilter, search_articles, story_page
from newsprism.web.guard import is_loopback
from newsprism.web.links import article_href, safe_external
from newsprism.web.reports import ReportCache


def test_short_labels_are_short_and_unique():
    labels = short_labels(
        ["The Carrowmere Courier", "Meridian Post", "VBS English", "Carrowmere Courier Weekly"]
    )
    assert labels["The Carrowmere Courier"] == "CC" and labels["Meridian Post"] == "Meridian Post"
    assert len(set(labels.values())) == 4 and all(len(v) <= 14 for v in labels.values())


def test_plain_words_for_internal_terms():
    assert "pronoun" in method_words("syntactic-subject+pronoun") and "+" not in method_words(
        "according-to+nominal"
    )
    assert how_found("text-date-line") == "a date line in the text" and how_found(None) == "not found"


def test_segments_mark_quotes_cited_spans_and_the_target():
    text = "One two three.\n\nFour five six."
    paras = segments(
        text, [[0, 14], [16, 30]], {"quote": [(4, 13)], "cited": [(0, 3), (16, 20)]}, target=(16, 20)
    )
    assert [s["text"] for s in paras[0]] == ["One", " ", "two three", "."]
    assert paras[0][0]["classes"] == "cited" and paras[0][0]["anchors"] == ["s-0-3"]
    assert paras[0][2]["classes"] == "quote"
    assert paras[1][0] == {"text": "Four", "classes": "cited target", "anchors": ["s-16-20"]}
    assert "".join(s["text"] for p in paras for s in p) == text.replace("\n\n", "")


def test_only_lines_of_the_brief_are_cited_not_every_statement():
    report = {
        "statements": [{"article_id": "a", "start": 0, "end": 50, "text": ""}],
        "summary": [
            {"article_id": "a", "start": 5, "end": 9, "cites": [{"article_id": "a", "start": 5, "end": 9}]}
        ],
        "timeline": [{"spans": [{"article_id": "a", "start": 20, "end": 30}]}],
    }
    assert cited_spans(report, "a") == [(5, 9), (20, 30)]


def test_chart_geometry():
    line = sparkline({"2024-03-13": 4, "2024-03-15": 1})
    assert line["days"] == 3 and len(line["points"].split()) == 3 and line["peak"] == 4
    assert sparkline({})["points"] == ""
    axis = timeline_axis(
        [{"date": "2024-03-05"}, {"date": "2024-03-13"}, {"date": "2024-03-13"}, {"date": "XXXX"}]
    )
    assert len(axis["marks"]) == 3 and axis["marks"][0]["x"] < axis["marks"][1]["x"]
    assert axis["marks"][1]["y"] != axis["marks"][2]["y"]  # same day: stacked
    graph = provenance_graph(
        [{"id": "a", "label": "A"}, {"id": "b", "label": "B"}], [{"from": "a", "to": "b", "kind": "reuses"}]
    )
    assert len(graph["nodes"]) == 2 and len(graph["edges"]) == 1


def test_links_never_carry_a_script_url():
    assert safe_external("javascript:alert(1)") is None and safe_external(" JavaScript:x") is None
    assert safe_external('https://x.example/"onmouseover=') is None
    assert safe_external("https://x.example/a?b=1") == "https://x.example/a?b=1"
    assert article_href("a/../b", 1, 5) == "/articles/a%2F..%2Fb?span=1-5#s-1-5"


def test_loopback_hosts():
    assert (
        is_loopback("127.0.0.1")
        and is_loopback("localhost")
        and is_loopback("::1")
        and is_loopback("127.8.0.1")
    )
    assert not is_loopback("0.0.0.0") and not is_loopback("192.168.1.4") and not is_loopback("example.org")


def test_report_cache_computes_once_and_drops_the_oldest():
    calls = []

    def compute(store, story_id):
        calls.append(story_id)
        return {"id": story_id}

    cache = ReportCache(compute, size=2)
    assert cache.get(None, "s1", 3) == {"id": "s1"} and cache.get(None, "s1", 3) == {"id": "s1"}
    assert calls == ["s1"]
    cache.get(None, "s1", 4)  # the story grew: a new brief
    cache.get(None, "s2", 1)
    assert calls == ["s1", "s1", "s2"] and cache.peek("s1", 3) is None
    assert cache.view("s2", 1, "v", {"id": "s2"}, lambda r: [r["id"]]) == ["s2"]


def test_strict_search_refuses_bad_syntax_with_a_hint(tmp_path):
    db = tmp_path / "s.db"
    Store(db).close()
    with Store(db, read_only=True) as store:
        with pytest.raises(QueryError) as err:
            search_articles(store, '"unclosed')
        assert "FTS5" in err.value.line()
        with pytest.raises(QueryError):
            search_articles(store, "x" * 501)
        assert search_articles(store, "  ") == []
        assert story_page(store, StoryFilter(outlet="Nobody"), 10, 0) == ([], 0)


def test_each_metadata_field_says_where_it_came_from():
    from newsprism.render.story.labels import field_sources

    art = {"format": "text", "title": "Fire", "author": "Hal", "outlet": "Herald", "url": None,
           "published": "2024-03-14", "published_source": "text-date-line", "credits": [],
           "removed": [{"reason": "byline", "text": "By Hal"}, {"reason": "date line", "text": "Published: March 14"}]}  # fmt: skip
    how = {f["field"]: f["how"] for f in field_sources(art)}
    assert how["author"] == "a line of the text: “By Hal”"
    assert how["published"] == "a date line in the text: “Published: March 14”"
    assert how["url"] == "not found" and how["title"] == "the text"
    assert field_sources({**art, "format": "json"})[1]["how"].startswith("a field of the JSON record")
