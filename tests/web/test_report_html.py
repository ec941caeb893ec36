"""The self-contained HTML report (``analyze --html``) drawn by the story page's template."""

from __future__ import annotations

import re

import pytest

from newsprism.render import render_html


@pytest.fixture(scope="module")
def example_html(site):
    story = site.stories[next(t for t, s in site.stories.items() if s.id == site.example_story)]
    report = site.reports.peek(story.id, len(story.article_ids))
    return report, render_html(report)


def test_findings_first_then_contents_and_short_labels(example_html):
    report, html = example_html
    assert html.index("Key findings") < html.index('class="toc"') < html.index('id="summary"')
    assert '<a class="pill" href="#a-' in html  # the outlet key with short labels
    assert "<script" not in html and "default-src 'none'" in html
    assert "syntactic" not in html and "according-to" not in html  # the how column in plain words


def test_every_link_lands_and_only_cited_spans_are_marked(example_html):
    report, html = example_html
    targets = set(re.findall(r'id="([^"]+)"', html))
    links = set(re.findall(r'href="#([^"]+)"', html))
    assert links and links <= targets
    marked = sum(len(m) for m in re.findall(r"<mark[^>]*>([^<]*)</mark>", html))
    text = sum(len(a["text"]) for a in report["articles"])
    assert 0 < marked < 0.75 * text  # not the whole article in yellow


def test_wide_tables_are_capped_to_the_page(example_html):
    _report, html = example_html
    assert 'table class="wide"' in html and "table.wide{width:100%;table-layout:fixed}" in html
    assert 'class="scroll"' in html  # the coverage picture scrolls inside the page instead of widening it
