"""Speakers checked across outlets: the same words, named elsewhere, name the speaker here.

Within one article a pronoun tag ("He said") or an untagged quote can only be resolved
to someone the article names; when the writer dropped the name, that is the wrong
person. A reader who has the other outlets checks the words against them. So, story
wide, after per-article attribution:

  1. a *weak* direct quote (speaker from a pronoun, a relative pronoun whose antecedent
     the parser chose, or a continuation) whose content
     words match direct quotes of other articles with a *strong* speaker (named in the
     quote's own tag) takes that speaker, when those quotes all name the same speaker
     and it is not the one this article gave; its method gains ``+outlets``;
  2. the weak quotes that follow it in its paragraph, tagged by a pronoun or continuing
     it with the same wrong speaker, follow it ("“…” He said, “…”").

Strong attributions are never changed, and nothing changes without a match in another
article: a single article is left exactly as the cascade attributed it.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from newsprism.model import Quote
from newsprism.quotes.identity import fold, surname_key
from newsprism.text import content_words, stem

__all__ = ["corroborate_speakers"]

NAMED_KINDS = frozenset(["person", "organisation"])


def _weak(q: Quote) -> bool:
    return (
        q.kind == "direct"
        and q.speaker is not None
        and ("pronoun" in q.method or "relative" in q.method or q.method in ("continuation", "lead-in"))
    )


def _strong(q: Quote) -> bool:
    s = q.speaker
    named = s is not None and s.kind in NAMED_KINDS and not s.anonymous
    return q.kind == "direct" and named and not _weak(q) and q.method not in ("unknown", "continuation")


def _key(q: Quote) -> str:
    assert q.speaker is not None
    if q.speaker.kind == "person":
        return "person:" + surname_key(q.speaker.canonical)
    return "org:" + fold(q.speaker.canonical)


def _stems(text: str) -> set[str]:
    return {stem(w) for w in content_words(text)}


def _similar(sa: set[str], sb: set[str], min_shared: int, min_overlap: float) -> bool:
    shared = len(sa & sb)
    return shared >= min_shared and shared >= min_overlap * min(len(sa), len(sb))


def same_words(a: str, b: str, min_shared: int, min_overlap: float) -> bool:
    """Two versions of one quote: enough shared content words, most of the shorter one's."""
    return _similar(_stems(a), _stems(b), min_shared, min_overlap)


def _named_elsewhere(
    q: Quote, strong: Sequence[tuple[Quote, set[str]]], min_shared: int, min_overlap: float
) -> Quote | None:
    """The strong quote of another article that names this quote's other speaker, if one speaker."""
    mine = _stems(q.text)
    hits = [
        s
        for s, stems in strong
        if s.article_id != q.article_id and _similar(mine, stems, min_shared, min_overlap)
    ]
    keys = {_key(s) for s in hits}
    if len(keys) != 1 or _key(q) in keys:
        return None
    return min(hits, key=lambda s: (s.article_id, s.span.start))


def _respeak(q: Quote, source: Quote) -> Quote:
    assert q.speaker is not None and source.speaker is not None
    s = source.speaker
    speaker = dataclasses.replace(
        q.speaker, canonical=s.canonical, role=s.role, kind=s.kind, anonymous=s.anonymous
    )
    return dataclasses.replace(q, speaker=speaker, method=f"{q.method}+outlets")


def _follows(prev: Quote, nxt: Quote, old: str, text: str) -> bool:
    """``nxt`` continues ``prev`` in its paragraph, through a pronoun or untagged."""
    return (
        nxt.article_id == prev.article_id
        and _weak(nxt)
        and nxt.speaker is not None
        and nxt.speaker.canonical == old
        and "\n" not in text[prev.span.end : nxt.span.start]
    )


def _right_after_tag(prev: Quote, q: Quote, text: str) -> bool:
    """``q`` continues ``prev`` straight after the tag naming its speaker (“…,” Lind said. “…”):
    the writer named the speaker, so another outlet's look-alike words (a second person on the
    same topic) do not overrule it."""
    if q.method != "continuation" or prev.article_id != q.article_id or not _strong(prev):
        return False
    assert prev.speaker is not None and q.speaker is not None
    gap = text[prev.span.end : q.span.start]
    return (
        prev.speaker.canonical == q.speaker.canonical
        and len(gap) < 80
        and prev.speaker.name in gap
        and gap.count("\n") <= 2
    )


def corroborate_speakers(
    quotes: Sequence[Quote], texts: dict[str, str], min_shared: int = 3, min_overlap: float = 0.6
) -> list[Quote]:
    """``quotes`` (of several articles, each in text order) with weak speakers checked against
    the other articles; ``texts`` maps article id to cleaned text."""
    strong = [(q, _stems(q.text)) for q in quotes if _strong(q)]
    out = list(quotes)
    k = 0
    while k < len(out):
        q = out[k]
        tagged = k > 0 and _right_after_tag(out[k - 1], q, texts.get(q.article_id, ""))
        source = _named_elsewhere(q, strong, min_shared, min_overlap) if _weak(q) and not tagged else None
        if source is None:
            k += 1
            continue
        assert q.speaker is not None
        old, text = q.speaker.canonical, texts.get(q.article_id, "")
        out[k] = _respeak(q, source)
        k += 1
        while k < len(out) and _follows(out[k - 1], out[k], old, text):
            out[k] = _respeak(out[k], source)
            k += 1
    return out
