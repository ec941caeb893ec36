"""Decide, line by line, what is article body and what is junk or metadata.

The cascade, in order (the first that fires gives the line's reason):

1. context-free line rules (:func:`line_reason`): share widgets, "READ MORE", related
   links, copyright, "developing story", credit lines, date lines, URL lines, bylines,
   photo captions and credits, image file names, separators;
2. name + bio pairs: a bare name line followed by a paragraph that starts with that name
   ("Joanna Swanson" / "Joanna Swanson is Europe correspondent ...") is byline + author bio;
3. the title: before the first prose line (or that line itself), a line the header repeats,
   else the first line of 3–30 words that does not end as a sentence with a full stop
   (closing quotes and brackets aside), and none after a finished line that is no slogan (a
   headline printed with a full stop: the lead after it is body); short lines above it that do not read as sentences
   are slogans or site names, and later copies of it are duplicated titles. A document whose
   only line is headline-like keeps it as its text;
4. header zone (between the title and the first prose line): bare names are bylines; a lone
   short line there when the reader took the headline out (HTML) is a kicker; other short
   lines and decks the body repeats stay in the text, marked as headings (they are the
   outlet's words: a subheadline, a deck, a list);
5. body zone: short lines without sentence punctuation (closing quotes and the spaces before
   them aside: ``too hard. "`` ends a sentence) that end no quotation are subheadings or section labels;
   they stay in the text (they are the outlet's words, and part of the body for a reader) but
   are marked, so that later stages do not take them for statements or quotes. A bare URL
   line between kept body lines is body (a list of links); only outside the body is it junk.

Pre-tokenised input and written-out line breaks are turned into printed text first
(:mod:`newsprism.clean.detok`); the raw text keeps what came in.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from newsprism.clean import patterns as P
from newsprism.clean.lines import Line
from newsprism.settings import CleanSettings

__all__ = ["Verdicts", "classify_lines", "line_reason"]

_SAY = re.compile(r"\b(?:said|says|told|added|stated|wrote|declared|announced|asked)\b", re.IGNORECASE)


@dataclass
class Verdicts:
    """Per line: ``None`` for body, else the removal reason; plus what metadata was read."""

    reasons: list[str | None]
    title: str | None = None
    author: str | None = None
    published: str | None = None
    url: str | None = None
    outlet: str | None = None
    credits: list[str] = field(default_factory=list)
    headings: set[int] = field(default_factory=set)  # kept lines that are subheadings or labels
    wrapped: bool = True  # lines are hard-wrapped: an unfinished line may go on in the next


# (only for short lines?, test, reason) in cascade order; evaluated lazily, first hit wins.
# CAPTION_CREDIT is anchored at the line end and backtracks quadratically: it sees the last
# 300 characters only (a credit is far shorter).
_LINE_RULES: tuple[tuple[bool, Callable[[str], object], str], ...] = (
    (True, P.SHARE.match, "share or navigation widget"),
    (True, P.FOLLOW_LINE.match, "social account pointer"),
    (True, P.RELATED.match, "related-article link"),
    (True, P.PROMO_HEAD.match, "related-content heading"),
    (True, P.EMBED_NOTE.match, "embedded-media pointer"),
    (True, P.READ_MORE.match, "read-more link"),
    (True, P.COPYRIGHT.search, "copyright notice"),
    (False, P.DEVELOPING.match, "developing-story notice"),
    (True, P.CREDIT_LINE.match, "credit line"),
    (True, lambda t: P.DATE_LINE.match(t) or P.NUMERIC_DATE_LINE.match(t), "date line"),
    (True, lambda t: P.URL_LABEL.match(t) or P.BARE_URL.match(t), "URL line"),
    (True, lambda t: len(t.split()) <= 10 and _is_byline(t), "byline"),
    (False, P.CAPTION_START.match, "photo caption"),
    (
        False,
        lambda t: not t.endswith(("”", '"')) and P.CAPTION_CREDIT.search(t[-300:]),
        "photo caption with credit",
    ),
    (False, P.IMAGE_SLUG.match, "image file name"),
    (False, P.SEPARATOR.match, "separator"),
)


def _is_byline(text: str) -> bool:
    """ "By" + a name ("By Mira Tallis, Reuters"); "By nightfall, the crews had left." is prose."""
    m = P.BYLINE.match(text)
    return bool(m) and bool(P.BYLINE_NAME.match(m.group("name").strip()))


_CLOSERS = frozenset("\"”’')]*_")


def _bare(text: str) -> str:
    """``text`` without the closing quotes and brackets after its last word or stop.

    What ``re.sub(r"(?:\\s*(?:''|[\"”’')\\]*_]))+$", "", text)`` gives, read backwards from the
    end: that pattern retried every position of a long run of spaces or brackets (quadratic)."""
    end = len(text) - 1 if text.endswith("\n") else len(text)  # "$" also matches before a last newline
    if end == 0 or text[end - 1] not in _CLOSERS:
        return text
    start = end
    while start > 0 and (text[start - 1] in _CLOSERS or text[start - 1].isspace()):
        start -= 1
    return text[:start] + text[end:]


def _ends_sentence(text: str) -> bool:
    """Ends with a sentence's own stop, closing quotes and brackets aside ("too hard. \"")."""
    return _bare(text).rstrip().endswith((".", "!", "?", "…"))


def _is_sentence(text: str) -> bool:
    """Ends as a sentence does and reads as one (two or more lower-case words)."""
    lower = sum(1 for w in text.split() if w[:1].islower())
    return bool(P.SENTENCE_END.search(text)) and lower >= 2


def line_reason(text: str, max_chars: int = 160) -> str | None:
    """The junk kind of one line judged alone, or None when it may be body."""
    short = len(text) <= max_chars
    for needs_short, test, reason in _LINE_RULES:
        if (short or not needs_short) and test(text):
            return reason
    return None


@functools.lru_cache(maxsize=4096)  # the cascade asks it of one line up to four times
def _is_prose(text: str) -> bool:
    words = len(text.split())
    return (words >= 12 or len(text) >= 80) and bool(P.TERMINAL.search(text.rstrip("*_ ")))


def _is_bio(text: str, name: str, max_chars: int) -> bool:
    first = name.split()[0]
    head = text[: len(name) + 1]
    return (
        len(text) <= max_chars
        and (head.startswith(name) or text.startswith(first + " "))
        and bool(P.BIO_VERB.search(text[: len(name) + 40]))
    )


def _mark_bios(lines: list[Line], v: Verdicts, cfg: CleanSettings) -> None:
    for i, line in enumerate(lines[:-1]):
        if v.reasons[i] or not P.NAME_LINE.match(line.text):
            continue
        if _is_bio(lines[i + 1].text, line.text, cfg.bio_max_chars):
            v.reasons[i], v.reasons[i + 1] = "byline", "author bio"
            v.author = v.author or line.text


_NON_WORD = re.compile(r"\W+")


@functools.lru_cache(maxsize=8192)
def _norm(text: str) -> str:
    return _NON_WORD.sub(" ", text).strip().casefold()


def _mark_title(lines: list[Line], v: Verdicts, known_title: str | None) -> int:
    """Mark the title and what stands before it; returns the title's index or -1."""
    index = -1
    if known_title:
        key = _norm(known_title)
        index = next((i for i, ln in enumerate(lines[:8]) if _norm(ln.text) == key), -1)
        v.title = known_title
    else:
        index = _title_index(lines, v)
        if index >= 0:
            v.title = P.MD_HEADING.sub("", lines[index].text)
    if index >= 0:
        v.reasons[index] = "title"
        for j in range(index):
            if v.reasons[j] is None and _is_slogan(lines[j]):
                v.reasons[j] = "slogan or site name"
                v.outlet = v.outlet or site_name(lines[j].text)
    if v.title:
        key = _norm(v.title)
        for j, line in enumerate(lines):
            if j != index and v.reasons[j] is None and _norm(line.text) == key:
                v.reasons[j] = "duplicated title"
    return index


def _is_slogan(line: Line) -> bool:
    """A short line above the title (masthead, slogan), unless it reads as a sentence."""
    if P.SITE_LINE.match(line.text):
        return True
    return len(line.words) <= 8 and not _is_sentence(line.text)


def _title_like(line: Line, stop: bool = False) -> bool:
    """3-30 words (2+ with letters: "06 / 03 / 2025" is a date) that do not end with a full stop
    (a sentence) or a colon (a label), closing quotes and brackets aside. ``stop``: a full stop
    is allowed (a line printed twice at once is a headline with a stop)."""
    lettered = sum(1 for w in line.words if any(c.isalpha() for c in w))
    bare = _bare(line.text)
    ends = (":",) if stop else (".", ":")
    return 3 <= len(line.words) <= 30 and lettered >= 2 and not bare.endswith(ends)


def _title_index(lines: list[Line], v: Verdicts) -> int:
    """The title stands before the first prose line and the first finished sentence (or is
    it): a line the header repeats (sites print it twice), else the first title-like line.
    Body sentences come after; a finished line that is no slogan (a headline printed with a
    full stop) ends the search too, so the lead after it is never taken for the title."""
    first_prose = next(
        (i for i, ln in enumerate(lines[:8]) if v.reasons[i] is None and _is_prose(ln.text)), 7
    )
    first_end = next(
        (i for i, ln in enumerate(lines[:first_prose]) if v.reasons[i] is None and _finished(ln)),
        first_prose,
    )
    head = [(i, _norm(ln.text)) for i, ln in enumerate(lines[: first_end + 1]) if v.reasons[i] is None]
    keys = [k for _, k in head]
    for i, key in head:
        if keys.count(key) > 1 and len(key.split()) >= 3 and _title_like(lines[i]):
            return i
    # The first line printed again at once with a full stop ("Title.\n\nTitle.\n\nLead"): a
    # headline, its copy after the first finished line.
    near = [_norm(ln.text) for i, ln in enumerate(lines[:8]) if v.reasons[i] is None]
    twice = head and len(near) > 1 and near[0] == near[1] == head[0][1] and len(near[0].split()) >= 3
    if twice and _title_like(lines[head[0][0]], stop=True):
        return head[0][0]
    for i, _ in head:
        line = lines[i]
        if _title_like(line) and not P.SITE_LINE.match(line.text):
            return i
    return -1


def _finished(line: Line) -> bool:
    return _ends_sentence(line.text) and not _is_slogan(line)


def site_name(text: str) -> str | None:
    """The outlet named by a masthead line ("The Carrowmere Courier — ...", "VBS English | News")."""
    m = P.SITE_LINE.match(text) or P.SITE_NAME.match(text)
    return m.group("name").strip() if m else None


def _mark_header(lines: list[Line], v: Verdicts, title_index: int) -> int:
    """Judge the lines between the title and the first prose line; returns that line's index."""
    body = next(
        (i for i in range(title_index + 1, len(lines)) if v.reasons[i] is None and _is_prose(lines[i].text)),
        len(lines),
    )
    later = " ".join(_norm(ln.text) for ln in lines[body:])
    # The reader took the headline out of the text (HTML) and one short line alone stands before
    # the first prose line: it stood above the headline, where pages put a kicker or section
    # label. Several short lines there are the body's own (a list, a table, subheads).
    kept = [i for i in range(title_index + 1, body) if v.reasons[i] is None]
    above_title = title_index < 0 and v.title is not None and len(kept) == 1
    for i in range(title_index + 1, body):
        text = lines[i].text
        if v.reasons[i] is not None:
            continue
        if len(_norm(text)) > 20 and _norm(text) in later:
            v.headings.add(i)  # a deck the body repeats: kept and marked, so never counted twice
        elif P.NAME_LINE.match(text):
            v.reasons[i], v.author = "byline", v.author or text
        elif len(lines[i].words) <= 6 and len(text) <= 60 and above_title and not _is_sentence(text):
            v.reasons[i] = "kicker or section label"
        elif len(lines[i].words) <= 8 and not _is_sentence(text) and not _ends_quotation(text):
            # A deck or a label below the title: the outlet's words, kept and marked (a pattern
            # this loose also matches subheadlines and short lead sentences).
            v.headings.add(i)
    return body


_STOP_AT_END = re.compile(r"[.!?,;。！？]$")
_CLOSE_DOUBLE = ('"', "”", "''")


def _mark_body(lines: list[Line], v: Verdicts, body: int) -> None:
    last = max((i for i, r in enumerate(v.reasons) if r is None and _is_prose(lines[i].text)), default=-1)
    for i in range(body, len(lines)):
        text = lines[i].text
        if v.reasons[i] is not None or _is_prose(text):
            continue
        words = len(lines[i].words)
        if (
            text.endswith(":")
            and words <= 3
            and not _SAY.search(text)
            or (words <= 10 and not _reads_as_prose(text) and not _ends_open(lines, i))
        ):
            v.headings.add(i)
        elif i > last and P.NAME_LINE.match(text):
            v.reasons[i], v.author = "byline", v.author or text


_BLOCK_PROSE_WORDS = 20  # a line this long after a promotion heading is article, not a link list


def _mark_promo_tail(lines: list[Line], v: Verdicts) -> None:
    """A promotion heading ("Also on The Tribune:") followed to the end by short lines only
    (headlines, a slideshow's counters and captions) opens page furniture: all of it goes."""
    head = next((i for i, r in enumerate(v.reasons) if r == "related-content heading"), None)
    if head is None or any(len(ln.words) >= _BLOCK_PROSE_WORDS for ln in lines[head + 1 :]):
        return
    for i in range(head + 1, len(lines)):
        if v.reasons[i] is None:
            v.reasons[i] = "related-content block"


def _reads_as_prose(text: str) -> bool:
    """A short body line that ends with a stop or a comma (closing quotes and the spaces
    between aside: "too hard. \"") or ends a quotation is a sentence or its end, not a heading.
    A stop inside brackets ("(BEGIN VIDEO CLIP.)") does not count: such lines are labels."""
    unquoted = text.rstrip().rstrip("’'\"”").rstrip()
    return bool(_STOP_AT_END.search(unquoted)) or _ends_quotation(text) or _tagged_quotation(text)


# A closing double mark, then a short speech tag to the end of the line ("…,” he said).
_QUOTE_TAG = re.compile(r"[,.!?][\"”]\s+(?:[\w.'’-]+\s+){0,3}[\w.'’-]+\s*$")


def _tagged_quotation(text: str) -> bool:
    """A quotation and its speech tag (``“It was lost,” he said``) with the stop left off, as a
    sentence-a-line text prints it: a sentence, not a heading."""
    m = _QUOTE_TAG.search(text.rstrip())
    return m is not None and bool(_SAY.search(m.group()))


def _ends_quotation(text: str) -> bool:
    """Ends with a closing double quote after a sentence stop (\"No. \"") or after running
    words (two or more lower-case); a quoted slogan in capitals ("“NOT IN OUR NAME”") is a
    subheading."""
    if not text.rstrip().endswith(_CLOSE_DOUBLE):
        return False
    return _ends_sentence(text) or sum(1 for w in text.split() if w[:1].islower()) >= 2


def _ends_open(lines: list[Line], i: int) -> bool:
    # A short line that continues on the next line (a paragraph broken mid-sentence).
    return i + 1 < len(lines) and lines[i + 1].text[:1].islower()


def _keep_body_urls(lines: list[Line], v: Verdicts, body: int) -> None:
    """A bare URL between kept lines of the body is part of it (a list of links the article
    gives); only in the header or after the last kept line is it page furniture."""
    last = max((i for i, r in enumerate(v.reasons) if r is None), default=-1)
    for i in range(body + 1, last):
        if v.reasons[i] == "URL line" and P.BARE_URL.match(lines[i].text):
            v.reasons[i] = None


def _wrapped(lines: list[Line], cfg: CleanSettings) -> bool:
    """Whether the kept lines are hard-wrapped: most line breaks inside a block come mid-sentence."""
    breaks = [prev for prev, ln in zip(lines, lines[1:], strict=False) if not ln.blank_before]
    if not breaks:
        return True
    open_ends = sum(1 for ln in breaks if not P.TERMINAL.search(ln.text.rstrip("*_ ")))
    return open_ends > cfg.wrapped_share * len(breaks)


def classify_lines(lines: list[Line], cfg: CleanSettings, known_title: str | None = None) -> Verdicts:
    """Run the cascade over ``lines``."""
    v = Verdicts([line_reason(ln.text, cfg.junk_max_chars) for ln in lines])
    _mark_bios(lines, v, cfg)
    title_index = _mark_title(lines, v, known_title)
    body = _mark_header(lines, v, title_index)
    _mark_promo_tail(lines, v)
    _keep_body_urls(lines, v, body)
    _mark_body(lines, v, body)
    if title_index >= 0 and all(r is not None for r in v.reasons):
        v.reasons[title_index] = None  # a lone headline-like sentence is the article itself
    v.wrapped = _wrapped([ln for ln, r in zip(lines, v.reasons, strict=True) if r is None], cfg)
    return v
