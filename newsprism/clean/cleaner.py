"""Turn a :class:`Document` into a cleaned :class:`Article` with an audit trail.

Whole junk lines are dropped by the cascade in :mod:`newsprism.clean.classify`; inside the
lines that stay, markdown syntax, stray dateline prefixes and accidental repeats are cut.
Every cut is a :class:`Removal` with its reason and raw offsets; metadata read from removed
lines (title, author, date, URL, credits) goes on the article instead of being lost.
"""

from __future__ import annotations

import re
from urllib.parse import urlparse

from newsprism.clean import patterns as P
from newsprism.clean.builder import TextBuilder
from newsprism.clean.classify import Verdicts, classify_lines
from newsprism.clean.dates import date_from_url, parse_date
from newsprism.clean.detok import compose, detokenise, has_literal_breaks, is_pretokenised
from newsprism.clean.lines import Line, split_lines
from newsprism.model import Article, Document, OffsetMap, Removal, Span, content_id
from newsprism.settings import CleanSettings

__all__ = ["clean_document", "outlet_from_url"]

Cut = tuple[int, int, str]  # raw start, raw end, reason


def outlet_from_url(url: str | None) -> str | None:
    """``https://www.thecitytimes.com/...`` → ``thecitytimes.com``."""
    if not url:
        return None
    host = urlparse(url).hostname or ""
    return host.removeprefix("www.") or None


def _credit_names(text: str) -> list[str]:
    m = P.CREDIT_LINE.match(text)
    if not m:
        return []
    names = next((m.group(g) for g in ("who1", "who2", "who3", "who4", "who5") if m.group(g)), None)
    return [n.strip() for n in re.split(r",|;| and ", names or "") if n.strip()]


def _read_metadata(lines: list[Line], v: Verdicts) -> None:
    for i, line in enumerate(lines):
        reason, text = v.reasons[i], line.text
        if reason == "date line" and not v.published:
            v.published = parse_date(text)
        elif reason == "URL line" and not v.url:
            m = P.URL_LABEL.match(text) or P.BARE_URL.match(text)
            url = (m.group("url") or "") if m else ""
            v.url = url.strip("<>") or None
            if not v.url and i + 1 < len(lines) and (nxt := P.BARE_URL.match(lines[i + 1].text)):
                v.url = nxt.group("url")
        elif reason == "copyright notice" and not v.outlet and (m := P.COPYRIGHT_HOLDER.search(text)):
            name = m.group("name").strip()
            v.outlet = None if name.lower() in {"all", "the"} else name
        elif reason == "credit line":
            v.credits.extend(c for c in _credit_names(text) if c not in v.credits)
        elif reason == "byline" and not v.author and (m := P.BYLINE.match(text)):
            v.author = m.group("name").strip()


def _inline_cuts(line: Line, first_body: bool) -> list[Cut]:
    """Pieces to cut inside a kept line: markdown syntax, markup tags, embedded-post links,
    dateline remnants, repeats."""
    cuts: list[Cut] = []
    base, text = line.start, line.text
    if first_body and (m := P.DATELINE_PREFIX.match(text)):
        cuts.append((base, base + m.end(), "dateline"))
    # Each markdown pattern needs its marks ("#", "](", "**"): most lines have none.
    if text.startswith("#") and (m := P.MD_HEADING.match(text)):
        cuts.append((base, base + m.end(), "markdown syntax"))
    for m in P.MD_LINK.finditer(text) if "](" in text else ():
        cuts.append((base + m.start(), base + m.start("text"), "markdown link syntax"))
        cuts.append((base + m.end("text"), base + m.end(), "markdown link syntax"))
    for m in P.MD_BOLD.finditer(text) if "**" in text else ():
        cuts.append((base + m.start(), base + m.start() + 2, "markdown emphasis"))
        cuts.append((base + m.end() - 2, base + m.end(), "markdown emphasis"))
    for m in P.MARKUP_TAG.finditer(text) if "<" in text else ():
        cuts.append((base + m.start(), base + m.end(), "markup tag"))
    for m in P.EMBED_LINK.finditer(text) if "/" in text else ():
        cuts.append((base + m.start(), base + m.end(), "embedded post link"))
    for start, end in _repeats(text):
        cuts.append((base + start, base + end, "accidental repeat"))
    return sorted(cuts)


_SENTENCE_END = re.compile(r"[.!?](?=\s+\w)")
# Characters around a sentence end that can hold a repeated phrase of four words.
_PHRASE_WINDOW = 400


def _repeats(text: str) -> list[tuple[int, int]]:
    """Spans of phrases of one to four words with their full stop, repeated at once ("denied. denied.")."""
    found = []
    for m in _SENTENCE_END.finditer(text):
        # Bounded windows: slicing to the ends of the line made one long line quadratic.
        words = text[max(0, m.end() - _PHRASE_WINDOW) : m.end()].split()[-4:]
        rest = text[m.end() : m.end() + 2 * _PHRASE_WINDOW]
        gap = len(rest) - len(rest.lstrip())
        for k in range(1, len(words) + 1):
            phrase = " ".join(words[-k:])
            after = rest[gap : gap + len(phrase) + 1]
            if after.startswith(phrase) and (len(after) == len(phrase) or not after[-1].isalnum()):
                found.append((m.end(), m.end() + gap + len(phrase)))
                break
    return found


def _joins(prev: Line, line: Line, wrapped: bool) -> bool:
    """Whether ``line`` continues the paragraph of ``prev`` (broken mid-sentence). In text
    laid out a line per sentence or paragraph (not hard-wrapped), an unfinished line followed by
    a capital is a headline or a deck, not half a sentence."""
    if P.TERMINAL.search(prev.text.rstrip("*_ ")):
        return False
    if line.text[:1].islower():
        return True
    return wrapped and not line.blank_before


def _agency_credit(text: str) -> str | None:
    m = P.DATELINE_PREFIX.match(text)
    return m.group("agency") if m and m.group("agency") else None


def _credit_dateline(line: Line, reason: str, v: Verdicts) -> None:
    if reason == "dateline" and (agency := _agency_credit(line.text)) and agency not in v.credits:
        v.credits.append(agency)


def _cut_whole(raw: str, line: Line, cuts: list[Cut], v: Verdicts, removed: list[Removal]) -> bool:
    """A line that inline cuts take whole ("(Reuters) -" on a line of its own) is left out like a
    junk line, so that it opens no empty paragraph."""
    pos = line.start
    for start, end, _ in cuts:
        if start > pos:
            return False
        pos = max(pos, end)
    if pos < line.end:
        return False
    for start, end, reason in cuts:
        removed.append(Removal(raw[start:end], reason, start, end))
        _credit_dateline(line, reason, v)
    return True


def _build(
    raw: str, lines: list[Line], v: Verdicts
) -> tuple[str, object, list[Removal], list[Span], list[Span]]:
    builder, removed, paragraphs = TextBuilder(raw), [], []
    para_start, prev, prev_heading, headings = 0, None, False, []
    for i, line in enumerate(lines):
        if v.reasons[i] is not None:
            removed.append(Removal(line.text, v.reasons[i], line.start, line.end))
            continue
        cuts = _inline_cuts(line, prev is None)
        if _cut_whole(raw, line, cuts, v, removed):
            continue
        heading = i in v.headings
        if prev is not None and not heading and not prev_heading and _joins(prev, line, v.wrapped):
            builder.add_sep(" ")
            removed.append(
                Removal(raw[prev.end : line.start], "line break inside a paragraph", prev.end, line.start)
            )
        elif prev is not None:
            paragraphs.append(Span(para_start, builder.length))
            builder.add_sep("\n\n")
            para_start = builder.length
        pos = line.start
        for start, end, reason in cuts:
            if start < pos:
                continue
            builder.add_raw(pos, start)
            removed.append(Removal(raw[start:end], reason, start, end))
            pos = end
            _credit_dateline(line, reason, v)
        builder.add_raw(pos, line.end)
        if heading:
            headings.append(Span(para_start, builder.length))
        prev, prev_heading = line, heading
    text, offsets = builder.build()
    if prev is not None:
        paragraphs.append(Span(para_start, len(text)))
    # A cut at a line's end can leave trailing space that build() trims.
    headings = [Span(s.start, min(s.end, len(text))) for s in headings]
    return text, offsets, removed, paragraphs, headings


def _extracted_removals(doc: Document) -> list[Removal]:
    """Lines an HTML reader dropped before cleaning: not in ``raw``, so they carry no raw span."""
    return [
        Removal(item["text"], f"{item['reason']} (in the HTML)", 0, 0)
        for item in doc.extra.get("removed", ())
        if isinstance(item, dict) and item.get("text")
    ]


def _printed(raw: str, cfg: CleanSettings) -> tuple[str, OffsetMap | None]:
    """``raw`` as printed text: detokenised and with written-out line breaks when it needs it;
    the map back to ``raw`` (None when ``raw`` is already printed text)."""
    tokens, breaks = is_pretokenised(raw, cfg), has_literal_breaks(raw)
    if not (tokens or breaks):
        return raw, None
    return detokenise(raw, tokens=tokens, literal_breaks=breaks)


def _to_raw(raw: str, removed: list[Removal], inner: OffsetMap) -> list[Removal]:
    out = []
    for r in removed:
        start, end = inner.span_to_raw(r.raw_start, r.raw_end)
        out.append(Removal(raw[start:end], r.reason, start, end))
    return out


def clean_document(doc: Document, cfg: CleanSettings | None = None) -> Article:
    """Clean one document; raises nothing for odd text (an empty result is the caller's call)."""
    cfg = cfg or CleanSettings()
    printed, inner = _printed(doc.raw, cfg)
    lines = split_lines(printed)
    v = classify_lines(lines, cfg, known_title=doc.title)
    _read_metadata(lines, v)
    text, offsets, removed, paragraphs, headings = _build(printed, lines, v)
    if inner is not None:
        offsets, removed = compose(offsets, inner), _to_raw(doc.raw, removed, inner)  # type: ignore[arg-type]
    url = doc.url or v.url
    published, source = doc.published, doc.published_source
    if not published and v.published:
        published, source = v.published, "text-date-line"
    if not published and url and (from_url := date_from_url(url)):
        published, source = from_url, "url"
    return Article(
        id=content_id(doc.html or doc.raw, prefix="a"),
        path=doc.path,
        raw=doc.raw,
        text=text,
        offsets=offsets,  # type: ignore[arg-type]
        format=doc.format,
        title=doc.title or v.title,
        outlet=doc.outlet or v.outlet or outlet_from_url(url),
        author=doc.author or v.author,
        published=published,
        published_source=source,
        url=url,
        credits=tuple(dict.fromkeys([*doc.extra.get("credits", ()), *v.credits])),
        removed=tuple(_extracted_removals(doc)) + tuple(removed),
        paragraphs=tuple(paragraphs),
        headings=tuple(headings),
    )
