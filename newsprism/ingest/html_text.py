"""Main text of an HTML page as a list of blocks (paragraphs, headings, list items).

A cascade, each step explained where it runs:

1. trafilatura (offline, on a copy of the parsed tree) finds the article body; we
   prune caption, share, newsletter and related-article elements before it looks.
2. Recall repair: some sites split one article over several sibling containers of
   the same kind (an ad between them); trafilatura keeps only the first, so we add
   the paragraphs of the other containers that share its tag and class.
3. Fallback: when trafilatura finds nothing, the densest container of ``<p>``
   elements (most text, few links) gives the body.

Line-level junk removal happens afterwards, in :mod:`newsprism.ingest.html_junk`.
"""

from __future__ import annotations

import functools
import logging
import re
from dataclasses import dataclass
from typing import Any

import lxml.html
from lxml import etree

logger = logging.getLogger(__name__)

__all__ = ["Block", "extract_blocks", "parse_html"]

# Elements whose content is never article text: code, embedded frames and
# widgets, form controls. Removed before anything reads the tree. (Not <form>:
# ASP.NET pages wrap the whole page, article included, in one.)
_NEVER_TEXT = (
    "script",
    "style",
    "noscript",
    "iframe",
    "frame",
    "frameset",
    "object",
    "embed",
    "svg",
    "canvas",
    "template",
    "button",
    "select",
    "textarea",
    "input",
)

# Page parts that look like prose to trafilatura but are not the article: photo
# captions and credits, share bars, newsletter prompts, related-article boxes.
# Class/id values are split into words on spaces, "-" and "_" and matched whole,
# so "promo-item-title" matches "promo" but "shared" does not match "share".
_PRUNE_WORDS = frozenset(
    (
        "caption", "figcaption", "credit", "credits", "share", "sharing", "social", "newsletter",
        "related", "recommended", "promo", "subscribe", "signup", "byline", "tags", "breadcrumb",
        "breadcrumbs", "advert", "advertisement", "outbrain", "taboola", "popular", "comments",
    )
)  # fmt: skip
# Compounds of common words, matched as substrings of the class/id value.
# Not "read-more": sites wrap the rest of a truncated article in such a box.
_PRUNE_COMPOUNDS = ("most-read", "author-bio", "sign-up", "ad-container", "more-stories")

# Only short lines are checked for links (related-article titles are short).
_LINK_TEXT_MAX = 200
# Precision-mode text shorter than this share of default-mode text is a fragment.
PRECISE_MIN_SHARE = 0.5
# The default-mode reading (a second trafilatura pass) is asked for only when the precision
# reading holds less than this share of the pruned page's text. On the calibrate half of the
# extraction benchmark pages (even-numbered), the default reading won only where precision
# held under 0.11 of the page, and at 0.12 to 0.50 it never won: this skips two thirds of the
# second passes (28 -> 11 calibrate, 23 -> 7 report) with every page's text unchanged.
PRECISE_GATE_SHARE = 0.25
_BLOCK_TAGS = {"p", "head", "item", "row", "code", "quote"}


@dataclass(frozen=True)
class Block:
    """One paragraph-like unit of extracted text."""

    kind: str  # p, head, item, row, code, quote
    text: str
    link_chars: int = 0  # characters inside links
    position: int = 0  # order in the source document, for merging

    @property
    def link_ratio(self) -> float:
        return self.link_chars / max(1, len(self.text))


# libxml2 keeps at most ~2,048 levels even with huge_tree; a page that deep is broken or hostile.
_MAX_DEPTH = 2000
# Layout wrappers whose removal keeps every word and paragraph of a pathologically deep page.
_WRAPPER_TAG = re.compile(
    r"</?(?:div|span|font|section|center|table|tbody|thead|tr|td|th|b|i|u|em|strong|small|big)\b[^>]*>", re.I
)
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def parse_html(html: str) -> lxml.html.HtmlElement | None:
    """Parse once, drop comments and processing instructions; None when unparsable."""
    html = re.sub(r"^\s*<\?xml[^>]*>", "", html)
    if not html.strip():
        return None
    tree = _parse(_xml_bytes(html))
    if tree is not None and _too_deep(tree, _MAX_DEPTH):
        # libxml2 drops what lies deeper even with huge_tree: flatten the wrappers and read again.
        tree = _parse(_xml_bytes(_WRAPPER_TAG.sub(" ", html)))
    if tree is None:
        return None
    etree.strip_elements(tree, etree.Comment, etree.ProcessingInstruction, with_tail=False)
    return tree


# What _NOT_XML finds, in UTF-8: control bytes (never part of a longer sequence), U+FFFE, U+FFFF.
_CONTROL_BYTES = bytes(range(0x09)) + b"\x0b\x0c" + bytes(range(0x0E, 0x20))
_NOT_XML_UTF8 = (b"\xef\xbf\xbe", b"\xef\xbf\xbf")


def _xml_bytes(html: str) -> bytes:
    """``html`` in UTF-8 without the characters XML cannot hold (with one, lxml refuses every
    later string operation on the tree). Looking for them in the bytes costs less than the
    regular expression over the text, which runs only when there is one."""
    try:
        data = html.encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate
        return _NOT_XML.sub("", html).encode("utf-8")
    if len(data.translate(None, _CONTROL_BYTES)) < len(data) or any(c in data for c in _NOT_XML_UTF8):
        return _NOT_XML.sub("", html).encode("utf-8")
    return data


def _parse(html: bytes) -> lxml.html.HtmlElement | None:
    try:
        # huge_tree: without it libxml2 silently drops everything nested deeper
        # than 256 elements, which pages with unclosed <div>s or <font>s reach.
        # One parser per call: lxml parsers must not be shared between threads.
        return lxml.html.fromstring(html, parser=_parser())
    except (etree.ParserError, ValueError):
        return None


def _parser() -> lxml.html.HTMLParser:
    """lxml.html's parser with its element classes chosen in C.

    lxml.html picks each element's class in a Python method (a form, an input...), called
    for every element object made while the tree is read: over a tenth of a page's reading.
    Every element here is a plain ``HtmlElement``: the form-control classes only add form
    helpers, which neither we nor trafilatura nor htmldate use.
    """
    parser = lxml.html.HTMLParser(huge_tree=True, encoding="utf-8")  # never the page's own claim
    parser.set_element_class_lookup(_LOOKUP)
    return parser


_LOOKUP = etree.ElementDefaultClassLookup(
    element=lxml.html.HtmlElement,
    comment=lxml.html.HtmlComment,
    pi=lxml.html.HtmlProcessingInstruction,
    entity=lxml.html.HtmlEntity,
)


def _too_deep(tree: lxml.html.HtmlElement, limit: int) -> bool:
    """Whether some element lies ``limit`` levels down from ``tree`` (``tree`` is level 1).

    Asked of libxml2 through XPath (ancestors counted in C): walking the tree in Python
    made proxies for every element and cost ~5 % of reading a page.
    """
    above = sum(1 for _ in tree.iterancestors())  # a fragment's root may sit under <body>
    return bool(tree.xpath(f"boolean(descendant-or-self::*[count(ancestor::*) >= {limit - 1 + above}])"))


_PRUNE_TAGS = ("figcaption", "aside", "nav", "footer")
# Only these can be pruned; XPath picks them in C, in document order, so Python never sees
# the (many) elements without a class or id.
_PRUNE_CANDIDATES = etree.XPath(".//*[@class or @id] | " + " | ".join(f".//{t}" for t in _PRUNE_TAGS))


def _prunable(el: etree._Element) -> bool:
    if el.tag in _PRUNE_TAGS:
        return True
    return _junk_attr(el.get("class"), el.get("id"))


_ATTR_SEPARATOR = re.compile(r"[\s_-]+")


@functools.lru_cache(maxsize=8192)
def _junk_attr(class_: str | None, id_: str | None) -> bool:
    """Whether a class/id pair names a junk box (cached as given: pages repeat a few values)."""
    attr = f"{class_ or ''} {id_ or ''}".lower()
    if not attr.strip():
        return False
    if not _PRUNE_WORDS.isdisjoint(_ATTR_SEPARATOR.split(attr)):
        return True
    return any(c in attr for c in _PRUNE_COMPOUNDS)


def _prune(tree: lxml.html.HtmlElement) -> lxml.html.HtmlElement:
    """The tree, changed in place, without never-text elements and junk boxes."""
    etree.strip_elements(tree, *_NEVER_TEXT, with_tail=False)
    body = tree.find("body")
    root = body if body is not None else tree
    # A box holding most of the page's text is the article itself, whatever its
    # class says (some sites tag the article wrapper "social" or "share").
    limit = 0.4 * len(root.text_content())
    doomed = [el for el in _PRUNE_CANDIDATES(root) if _prunable(el)]
    for el in doomed:
        if el.getparent() is None or el.tag in ("html", "body", "article", "main"):
            continue
        if len(el.text_content()) < limit:
            el.drop_tree()
    return tree


def _norm(text: str) -> str:
    # Same as collapsing \s+ and stripping (str.split and re's \s share one whitespace
    # test), at a fraction of the cost on the long text of container elements.
    return " ".join(text.split())


def _text_with_breaks(el: etree._Element, sep: str = "") -> str:
    """Text of ``el`` with ``<lb/>`` as a newline and ``sep`` between child cells."""
    parts: list[str] = [el.text or ""]
    for child in el:
        if child.tag == "lb":
            parts.append("\n")
        else:
            parts.append(_text_with_breaks(child) + sep)
        parts.append(child.tail or "")
    return "".join(parts)


def _blocks_from_body(body: etree._Element) -> list[Block]:
    """Flatten trafilatura's XML body into blocks, in order; a line break starts a block."""
    out: list[Block] = []

    def emit(kind: str, text: str) -> None:
        for line in text.split("\n"):
            line = _norm(line)
            if line:
                out.append(Block(kind, line, 0, len(out)))

    def walk(el: etree._Element) -> None:
        for child in el:
            tag = child.tag if isinstance(child.tag, str) else ""
            has_blocks = any(d.tag in _BLOCK_TAGS for d in child.iterdescendants())
            if tag in _BLOCK_TAGS and not (tag == "quote" and has_blocks):
                emit(tag, _text_with_breaks(child, " | " if tag == "row" else ""))
            elif tag not in ("graphic", "lb"):
                emit("p", child.text or "")
                walk(child)
            emit("p", child.tail or "")

    emit("p", body.text or "")
    walk(body)
    return out


def _trafilatura_blocks(tree: lxml.html.HtmlElement, precise: bool, fast: bool = True) -> list[Block]:
    import trafilatura

    try:
        # No copy of our own: bare_extraction copies a tree it is given before changing it.
        doc = _bare_extraction(trafilatura, tree, precise, fast)
    except Exception as exc:  # noqa: BLE001 - pathological nesting, odd markup: the fallbacks take over
        logger.debug("trafilatura failed on the page (%s: %s)", type(exc).__name__, exc)
        return []
    if doc is None or getattr(doc, "body", None) is None:
        return []
    return _blocks_from_body(doc.body)


def _bare_extraction(trafilatura: Any, tree: lxml.html.HtmlElement, precise: bool, fast: bool) -> Any:
    return trafilatura.bare_extraction(
        tree,
        include_comments=False,
        include_links=False,
        include_tables=True,
        include_images=False,
        favor_precision=precise,
        with_metadata=False,
        # fast: no second opinion from readability/justext (a third of the cost); asked only
        # when trafilatura's own reading finds nothing
        fast=fast,
    )


def _size(blocks: list[Block]) -> int:
    return sum(len(b.text) for b in blocks)


def extract_blocks(tree: lxml.html.HtmlElement) -> list[Block]:
    """The article's blocks, in reading order; empty when the page has no article text.

    Prunes ``tree`` in place: read what else the page says (metadata, headlines) first.
    """
    pruned = _prune(tree)
    # Precision mode drops more boilerplate, but on some layouts it keeps only a
    # fragment of the article: then the default mode's reading wins.
    blocks = _trafilatura_blocks(pruned, precise=True) or _trafilatura_blocks(
        pruned, precise=True, fast=False
    )
    # Default-mode text is part of the page text, so when precision mode already holds a good
    # share of the whole page the default reading does not win: skip the second pass.
    if _size(blocks) < PRECISE_GATE_SHARE * len(_norm(pruned.text_content())):
        default = _trafilatura_blocks(pruned, precise=False)
        if _size(blocks) < PRECISE_MIN_SHARE * _size(default):
            blocks = default
    if blocks:
        blocks = _with_link_chars(pruned, _add_sibling_paragraphs(pruned, blocks))
    else:
        blocks = _densest_container(pruned) or _baseline(pruned)
        logger.debug("trafilatura found no body; fallback gave %d blocks", len(blocks))
    return blocks


def _baseline(tree: lxml.html.HtmlElement) -> list[Block]:
    """Last resort: trafilatura's baseline (article/paragraph text, else the body's text)."""
    import trafilatura

    try:
        _, text, _ = trafilatura.baseline(tree)  # it copies a tree it is given
    except Exception as exc:  # noqa: BLE001 - nothing left to fall back on: no text
        logger.debug("trafilatura baseline failed (%s: %s)", type(exc).__name__, exc)
        return []
    lines = (_norm(line) for line in text.splitlines())
    return [Block("p", line, 0, i) for i, line in enumerate(line for line in lines if line)]


def _signature(el: etree._Element) -> tuple[str, str]:
    return (str(el.tag), _norm(el.get("class") or ""))


def _paragraphs(tree: lxml.html.HtmlElement) -> list[tuple[etree._Element, str]]:
    return [(p, _norm(p.text_content())) for p in tree.iter("p")]


def _link_chars(el: etree._Element) -> int:
    return sum(len(_norm(a.text_content())) for a in el.iter("a"))


def _add_sibling_paragraphs(tree: lxml.html.HtmlElement, blocks: list[Block]) -> list[Block]:
    """Add paragraphs from sibling containers of the one trafilatura kept (see step 2)."""
    paras = _paragraphs(tree)
    index: dict[str, int] = {}
    for i, (_, text) in enumerate(paras):
        index.setdefault(text, i)
    weight: dict[tuple[str, str], int] = {}
    kept_parents: set[etree._Element] = set()
    keys: list[float] = []
    last = -1.0
    for b in blocks:
        i = index.get(b.text)
        parent = paras[i][0].getparent() if i is not None else None
        if i is not None and parent is not None:
            kept_parents.add(parent)
            weight[_signature(parent)] = weight.get(_signature(parent), 0) + len(b.text)
            last = float(i)
        # Unmatched blocks (headings, lists) stay right after the previous match.
        last += 1e-6
        keys.append(last)
    if not weight:
        return blocks
    sig, mass = max(weight.items(), key=lambda kv: (kv[1], kv[0]))
    if mass < 0.5 * sum(len(b.text) for b in blocks) or not sig[1]:
        return blocks
    seen = {b.text for b in blocks}
    extra: list[tuple[float, Block]] = []
    for i, (p, text) in enumerate(paras):
        parent = p.getparent()
        if (
            parent is None
            or parent in kept_parents
            or _signature(parent) != sig
            or text in seen
            or len(text) < 25
        ):
            continue
        if _link_chars(p) > 0.5 * len(text):
            continue
        extra.append((float(i), Block("p", text, _link_chars(p))))
    if not extra:
        return blocks
    merged = sorted([*zip(keys, blocks, strict=True), *extra], key=lambda kb: kb[0])
    return [Block(b.kind, b.text, b.link_chars, n) for n, (_, b) in enumerate(merged)]


_LINK_SOURCE_TAGS = ("p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "dt", "dd", "td", "div", "span", "a")


def _with_link_chars(tree: lxml.html.HtmlElement, blocks: list[Block]) -> list[Block]:
    """Blocks with ``link_chars`` read from the source element of the same text.

    trafilatura's text loses links (asking it to keep them changes what it keeps),
    so the share of a line that was link text comes from the page itself.
    """
    wanted = {b.text for b in blocks if len(b.text) <= _LINK_TEXT_MAX}
    if not wanted:
        return blocks
    most = max(map(len, wanted))
    # An element's folded text is never shorter than a descendant's (it holds it whole), so
    # read from the inside out: once a descendant's text is too long for every wanted line, its
    # ancestors (the page's big containers) are never folded. Read backwards, the element kept
    # for a text is the first of the page that has it, as in a forward reading.
    too_long: set[etree._Element] = set()
    sources: dict[str, etree._Element] = {}
    for el in reversed(list(tree.iter(*_LINK_SOURCE_TAGS))):
        if el in too_long:
            continue
        text = _norm(el.text_content())
        if len(text) > most:
            parent = el.getparent()
            while parent is not None and parent not in too_long:
                too_long.add(parent)
                parent = parent.getparent()
        elif text in wanted:
            sources[text] = el
    found = {text: len(text) if el.tag == "a" else _link_chars(el) for text, el in sources.items()}
    return [Block(b.kind, b.text, found.get(b.text, b.link_chars), b.position) for b in blocks]


def _densest_container(tree: lxml.html.HtmlElement) -> list[Block]:
    """Readability-like fallback: the parent with the most low-link paragraph text."""
    mass: dict[etree._Element, int] = {}
    for p, text in _paragraphs(tree):
        parent = p.getparent()
        if parent is not None and _link_chars(p) < 0.5 * max(1, len(text)):
            mass[parent] = mass.get(parent, 0) + len(text)
    if not mass:
        return []
    best = max(mass, key=lambda el: mass[el])
    if mass[best] < 80:
        return []
    out: list[Block] = []
    for el in best:
        if el.tag in ("p", "h2", "h3", "h4", "li", "blockquote", "ul", "ol"):
            text = _norm(el.text_content())
            if text:
                kind = "head" if el.tag.startswith("h") else "p"
                out.append(Block(kind, text, _link_chars(el), len(out)))
    return out
