"""HTML reader: body text, metadata, junk removal, fallbacks, offline behaviour."""

from __future__ import annotations

import socket

import pytest

from newsprism.errors import FormatInputError
from newsprism.ingest.html import extract, extract_text, read_html
from newsprism.ingest.html_junk import CREDIT_REASON, junk_reason

PARAS = [
    "The harbour authority of Port Alder closed two of its four berths on Tuesday after a crane "
    "collapsed onto the quay during the night shift, the authority said in a statement.",
    "No one was hurt in the collapse, according to the statement, but about forty dock workers were "
    "sent home while engineers inspected the remaining cranes along the eastern pier.",
    "“We will not reopen those berths until every crane has been checked,” harbour master Ilse "
    "Brandvold told reporters at the gate, adding that inspections could take a week.",
    "Shipping companies with vessels due this week have been asked to divert to the northern "
    "terminal, where capacity is limited and delays of up to two days are expected.",
]

PAGE = """<!DOCTYPE html>
<html><head>
<title>Crane collapse shuts berths at Port Alder | The Alder Gazette</title>
<meta property="og:title" content="Crane collapse shuts berths at Port Alder">
<meta property="og:site_name" content="The Alder Gazette">
<meta property="og:description" content="Two berths are closed after a crane fell onto the quay.">
<link rel="canonical" href="https://gazette.example/news/crane-collapse">
<script type="application/ld+json">
{"@context": "https://schema.org", "@type": "NewsArticle",
 "headline": "Crane collapse shuts berths at Port Alder",
 "datePublished": "2024-05-14T08:30:00+00:00",
 "author": {"@type": "Person", "name": "Tomas Reyne"},
 "publisher": {"@type": "Organization", "name": "The Alder Gazette"}}
</script>
<script>var SCRIPTMARKER = "tracking pixel loaded"; document.write("SCRIPTMARKER");</script>
<style>.STYLEMARKER { color: red; }</style>
</head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li><li><a href="/sport">Sport</a></li></ul></nav>
<article>
<h1>Crane collapse shuts berths at Port Alder</h1>
<div class="byline">By <a href="/tomas">Tomas Reyne</a>, Transport correspondent</div>
<div class="share-bar"><a href="#">Share on Facebook</a> <a href="#">Tweet</a> <a href="#">Email</a></div>
<figure><img src="crane.jpg"><figcaption>CAPTIONMARKER The fallen crane on the quay. Photo: A. Lund</figcaption></figure>
<div class="article-body">
<p>PARA0</p>
<p>PARA1</p>
<iframe src="https://video.example/embed/1">IFRAMEMARKER video</iframe>
<p>Read more: Port Alder dock strike called off after pay deal</p>
<p>PARA2</p>
<p>PARA3</p>
<p>Sign up for our morning newsletter to get the day's top stories in your inbox.</p>
<p>(Reporting by Tomas Reyne; Editing by Mara Olsen)</p>
</div>
<aside class="related"><h2>Related</h2><ul>
<li><a href="/a">Ferry fares rise again</a></li><li><a href="/b">New terminal opens</a></li></ul></aside>
</article>
<footer><p>© 2024 Alder Gazette Media. All rights reserved.</p></footer>
</body></html>
"""


def page(body_paras: list[str] | None = None) -> str:
    html = PAGE
    for i, text in enumerate(body_paras or PARAS):
        html = html.replace(f"PARA{i}", text)
    return html


def test_reads_body_paragraphs_in_order_separated_by_blank_lines() -> None:
    doc = read_html("crane.html", page())
    assert doc.format == "html"
    assert doc.raw.split("\n\n") == PARAS
    assert doc.html == page()


def test_metadata_from_og_and_json_ld() -> None:
    doc = read_html("crane.html", page())
    assert doc.title == "Crane collapse shuts berths at Port Alder"
    assert doc.outlet == "The Alder Gazette"
    assert doc.author == "Tomas Reyne"
    assert doc.url == "https://gazette.example/news/crane-collapse"
    assert doc.published == "2024-05-14"
    assert doc.published_source == "html-meta"


@pytest.mark.parametrize(
    "marker", ["SCRIPTMARKER", "tracking pixel", "STYLEMARKER", "IFRAMEMARKER", "CAPTIONMARKER"]
)
def test_scripts_styles_iframes_and_captions_never_reach_the_text(marker: str) -> None:
    assert marker not in read_html("crane.html", page()).raw


@pytest.mark.parametrize(
    "junk",
    [
        "Read more",
        "newsletter",
        "Share on Facebook",
        "Tweet",
        "Home",
        "Ferry fares",
        "All rights reserved",
        "By Tomas",
    ],
)
def test_page_furniture_is_not_in_the_text(junk: str) -> None:
    assert junk not in read_html("crane.html", page()).raw


def test_removed_lines_keep_their_reason_and_credits_become_metadata() -> None:
    doc = read_html("crane.html", page())
    reasons = {item["text"]: item["reason"] for item in doc.extra["removed"]}
    assert reasons["(Reporting by Tomas Reyne; Editing by Mara Olsen)"] == CREDIT_REASON
    assert any(text.startswith("Read more:") for text in reasons)
    assert doc.extra["credits"] == ["(Reporting by Tomas Reyne; Editing by Mara Olsen)"]


def test_date_from_url_when_the_page_has_none() -> None:
    html = (
        "<html><head><title>Quay reopens</title>"
        '<link rel="canonical" href="https://gazette.example/2023/06/02/quay-reopens"></head>'
        "<body><article>" + "".join(f"<p>{p}</p>" for p in PARAS) + "</article></body></html>"
    )
    doc = read_html("q.html", html)
    assert (doc.published, doc.published_source) == ("2023-06-02", "url")


def test_no_date_at_all_gives_none() -> None:
    html = "<html><body><article>" + "".join(f"<p>{p}</p>" for p in PARAS) + "</article></body></html>"
    doc = read_html("q.html", html)
    assert doc.published is None and doc.published_source is None


def test_article_split_over_sibling_containers_is_read_whole() -> None:
    first = "".join(f"<p>{p}</p>" for p in PARAS[:2])
    second = "".join(f"<p>{p}</p>" for p in PARAS[2:])
    html = (
        "<html><body><main>"
        f'<div class="story-body">{first}</div>'
        '<div class="ad-slot"><p>Advertisement</p></div>'
        f'<div class="story-body">{second}</div>'
        "</main></body></html>"
    )
    assert extract_text(html).split("\n\n") == PARAS


def test_headline_repeated_at_the_top_of_the_body_is_removed() -> None:
    ex = extract(page())
    assert not ex.text.startswith("Crane collapse")


@pytest.mark.parametrize(
    "html",
    [
        "",
        "   ",
        "<html><head><script>var a = 'only code here';</script></head><body></body></html>",
        "<html><body><iframe src='https://x.example'></iframe><nav><a href='/'>Home</a></nav></body></html>",
    ],
)
def test_pages_without_article_text_raise_a_format_error(html: str) -> None:
    with pytest.raises(FormatInputError) as info:
        read_html("empty.html", html)
    assert info.value.line().startswith("empty.html: no article text found in the HTML")


def test_script_only_page_extracts_nothing() -> None:
    assert extract_text("<html><body><script>alert('SCRIPTMARKER')</script></body></html>") == ""


def test_never_touches_the_network(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("network access attempted")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    doc = read_html("crane.html", page())
    assert doc.raw.startswith(PARAS[0])


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("Read more: Alibaba poised to launch record-breaking listing", "call to action or navigation"),
        ("RELATED: The 15 weirdest galaxies in our universe", "call to action or navigation"),
        ("Subscribe to the Morning Review newsletter", "promotion, sharing or copyright"),
        ("Get the latest updates right in your inbox.", "promotion, sharing or copyright"),
        ("12 comments", "page furniture"),
        ("Copyright 2019 Dow Jones & Company, Inc. All Rights Reserved", "promotion, sharing or copyright"),
        ("Keith Bradsher contributed reporting from Hong Kong.", CREDIT_REASON),
        ("Write to Al Root at allen.root@dowjones.com", "contact line"),
        ("Plane passengers quarantined after plague outbreak [NEWS]", "teaser link"),
    ],
)
def test_junk_lines_are_named(line: str, reason: str) -> None:
    assert junk_reason(line) == reason


@pytest.mark.parametrize(
    "line",
    [
        "Hong Kong's exchange operates a system where heavy oversubscription can give small investors a greater share.",
        "WHAT YOU NEED TO MAKE JAM",
        "The company said it would share more details next week.",
        "Related companies in the sector also fell sharply on Monday, analysts said.",
        "He said the photo was taken in March.",
        "10 p.m.",
        "x" * 300,
    ],
)
def test_prose_lines_are_kept(line: str) -> None:
    assert junk_reason(line) is None


def test_every_extracted_line_is_either_kept_or_removed_with_a_reason() -> None:
    ex = extract(page())
    kept = ex.text.split("\n\n")
    assert all(reason for _, reason in ex.removed)
    assert not set(kept) & {text for text, _ in ex.removed}
    assert len(kept) + len(ex.removed) >= len(PARAS) + 3  # headline, read more, newsletter, credit


def test_densest_container_is_the_fallback_when_trafilatura_finds_nothing(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import newsprism.ingest.html_text as html_text

    monkeypatch.setattr(html_text, "_trafilatura_blocks", lambda tree, precise, fast=True: [])
    html = (
        "<html><body><div class='menu'><p><a href='/a'>Home</a></p><p><a href='/b'>World news</a></p></div>"
        "<script>document.write('SCRIPTMARKER')</script>"
        "<div class='story'>" + "".join(f"<p>{p}</p>" for p in PARAS) + "</div>"
        "<div class='footer'><p>About us</p></div></body></html>"
    )
    assert extract_text(html).split("\n\n") == PARAS


def test_precision_fragment_falls_back_to_the_default_reading(monkeypatch: pytest.MonkeyPatch) -> None:
    import newsprism.ingest.html_text as html_text
    from newsprism.ingest.html_text import Block

    def fake(tree: object, precise: bool, fast: bool = True) -> list[Block]:
        chosen = PARAS[:1] if precise else PARAS
        return [Block("p", text, 0, i) for i, text in enumerate(chosen)]

    monkeypatch.setattr(html_text, "_trafilatura_blocks", fake)
    assert extract_text(page()).split("\n\n") == PARAS


@pytest.mark.parametrize(
    "html",
    [
        "<p>" + PARAS[0] + "</p>",
        "".join(f"<p>{p}</p>" for p in PARAS),
        '<?xml version="1.0" encoding="utf-8"?><html><body><article>'
        + "".join(f"<p>{p}</p>" for p in PARAS)
        + "</article></body></html>",
    ],
)
def test_fragments_and_xml_declarations_are_read(html: str) -> None:
    assert read_html("frag.html", html).raw.split("\n\n")[0] == PARAS[0]


def test_text_nested_deeper_than_libxml2s_default_limit_is_read() -> None:
    depth = 600  # unclosed <div>s; libxml2 drops content below 256 levels by default
    html = "<html><body>" + "<div>" * depth + "".join(f"<p>{p}</p>" for p in PARAS) + "</body></html>"
    assert read_html("deep.html", html).raw.split("\n\n") == PARAS


def test_several_json_ld_authors_are_joined_and_relative_canonical_urls_skipped() -> None:
    html = page().replace(
        '"author": {"@type": "Person", "name": "Tomas Reyne"}',
        '"author": [{"@type": "Person", "name": "Tomas Reyne"}, {"@type": "Person", "name": "Mara Olsen"}]',
    )
    html = html.replace(
        '<link rel="canonical" href="https://gazette.example/news/crane-collapse">',
        '<link rel="canonical" href="/news/crane-collapse">'
        '<meta property="og:url" content="https://gazette.example/news/crane-collapse">',
    )
    doc = read_html("crane.html", html)
    assert doc.author == "Tomas Reyne; Mara Olsen"
    assert doc.url == "https://gazette.example/news/crane-collapse"


def _walk_depth(el) -> int:
    return 1 + max((_walk_depth(c) for c in el), default=0)


def test_too_deep_agrees_with_walking_the_tree() -> None:
    from newsprism.ingest.html_text import _too_deep, parse_html

    for n in (0, 5, 40):
        for html in (f"<html><body>{'<div>' * n}<p>x</p></body></html>", f"{'<div>' * n}<p>x</p>"):
            tree = parse_html(html)
            depth = _walk_depth(tree)
            assert [_too_deep(tree, k) for k in (depth - 1, depth, depth + 1)] == [True, True, False]


def test_a_page_deeper_than_libxml2_keeps_is_flattened_and_read() -> None:
    paras = ["First paragraph of the very deep page, with enough words.", "Second one, also long enough."]
    html = "<html><body>" + "<div>" * 2100 + "".join(f"<p>{p}</p>" for p in paras) + "</body></html>"
    assert read_html("deeper.html", html).raw.split("\n\n") == paras


def test_fields_the_page_does_not_tag_come_from_its_title_byline_and_address() -> None:
    body = "".join(f"<p>{p}</p>" for p in PARAS[:2])
    html = (
        "<html><head><title>Crane collapse shuts berths</title>"
        '<link rel="canonical" href="https://www.gazette.example/news/crane"></head><body><article>'
        '<h1>Crane collapse shuts berths</h1><p class="author">By <a rel="author" href="/t">Tomas Reyne</a></p>'
        f"{body}</article></body></html>"
    )
    doc = read_html("crane.html", html)
    assert (doc.title, doc.outlet, doc.author) == (
        "Crane collapse shuts berths",
        "gazette.example",
        "Tomas Reyne",
    )
    assert doc.url == "https://www.gazette.example/news/crane"


def test_trafilatura_passes_leave_the_tree_they_read_unchanged() -> None:
    """The reader hands its pruned tree to trafilatura without a copy of its own and reads it again."""
    from lxml import etree

    from newsprism.ingest.html_text import _baseline, _trafilatura_blocks, parse_html

    tree = parse_html(page())
    before = etree.tostring(tree)
    for precise, fast in ((True, True), (False, True), (True, False)):
        assert _trafilatura_blocks(tree, precise, fast)
        assert etree.tostring(tree) == before
    assert _baseline(tree)
    assert etree.tostring(tree) == before


@pytest.mark.parametrize("bad", ["\x00", "\x0b", "\x1f", "\ufffe", "\uffff", "\ud800"])
def test_characters_xml_cannot_hold_are_dropped_before_parsing(bad: str) -> None:
    html = page([PARAS[0].replace("crane collapsed", f"crane{bad} collapsed"), *PARAS[1:]])
    assert read_html("odd.html", html).raw.split("\n\n") == PARAS


def test_link_share_comes_from_the_first_element_of_the_page_with_that_text() -> None:
    from newsprism.ingest.html_text import Block, _with_link_chars, parse_html

    line = "Ferry fares rise again this spring"
    long_text = " ".join(PARAS)
    html = (
        f"<html><body><div class='page'><div class='main'><ul><li><a href='/f'>{line}</a></li></ul>"
        f"<p>{long_text}</p><p>{line}</p><span>Plain words here</span></div></div></body></html>"
    )
    blocks = [Block("p", line, 0, 0), Block("p", "Plain words here", 0, 1), Block("p", long_text, 0, 2)]
    got = _with_link_chars(parse_html(html), blocks)
    assert [b.link_chars for b in got] == [len(line), 0, 0]
