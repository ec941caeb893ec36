"""Which quote groups the brief's "Quotes across outlets" section shows, and with which versions.

The compare stage groups every quote, reported speech included, because the ledger and the
alteration checks need them all. A reader of the section expects something else: each line a
person's words as each outlet printed them. So the section leaves out

- reported speech given to an organisation, a country or a description ("Russia claimed that
  the United States was behind …", "the fire service said …"): the outlet's own wording of a
  body's position is a fact for the ledger, not a quote of a person;
- versions whose meaning drifted from the group's wording and that share too few content words
  with every other version to be one utterance told twice (two different claims of one speaker
  on one topic): they are split off, and shown only when two or more outlets carry one of them.

Direct quotes and versions flagged as altered or misattributed always stay: a changed quote is
the finding the section exists for.
"""

from __future__ import annotations

from typing import Any

from newsprism.compare.quote_variants import word_diff
from newsprism.text import content_words, stem

__all__ = ["shown_quote_groups"]

# Speakers whose reported speech is a person's (or unnamed people's) words.
PERSON_KINDS = frozenset({"person", "group", "anonymous"})
# A version whose meaning drifted from the group's wording (a "paraphrase") tells the same
# utterance as another version when they share this many content stems, or this share of the
# shorter version's stems (a short paraphrase of a long quote). Two different things one person
# said about one topic share two or so ("You work hard. You pay your taxes." / "Slashing taxes
# hasn't worked").
MIN_SHARED = 3
MIN_SHARE = 0.6


def _person_words(variant: dict[str, Any]) -> bool:
    """Whether the section shows this version: a direct quote or fragment of anyone, reported
    speech of a person, or a version flagged as changed."""
    if variant.get("flagged") or variant.get("quote_kind", "direct") != "indirect":
        return True
    return variant.get("speaker_kind") in PERSON_KINDS


def _stems(variant: dict[str, Any]) -> set[str]:
    return {stem(w) for w in content_words(variant.get("text", ""))}


def _one_utterance(a: dict[str, Any], b: dict[str, Any]) -> bool:
    """Two versions of one group tell the same words: one is flagged as a changed version of
    the other, neither drifted from the group's wording (the compare stage found both close to
    it: same words or same meaning), or they share enough content words."""
    if a.get("flagged") or b.get("flagged"):
        return True
    if "paraphrase" not in (a.get("classification"), b.get("classification")):
        return True
    sa, sb = _stems(a), _stems(b)
    shared = len(sa & sb)
    return shared >= MIN_SHARED or (bool(sa and sb) and shared >= MIN_SHARE * min(len(sa), len(sb)))


def _parts(variants: list[dict[str, Any]]) -> list[list[dict[str, Any]]]:
    """The versions joined by :func:`_one_utterance` (connected parts), in their order."""
    part = list(range(len(variants)))

    def root(i: int) -> int:
        while part[i] != i:
            i = part[i]
        return i

    for i in range(len(variants)):
        for j in range(i + 1, len(variants)):
            if _one_utterance(variants[i], variants[j]):
                part[root(j)] = root(i)
    out: dict[int, list[dict[str, Any]]] = {}
    for i, v in enumerate(variants):
        out.setdefault(root(i), []).append(v)
    return list(out.values())


def _with_reference(variants: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """A split-off part is read against one of its own versions: with the group's reference
    gone, its first version is shown whole and the others diffed against it."""
    if any(v.get("reference") for v in variants):
        return variants
    ref = variants[0].get("text", "")
    return [{**variants[0], "reference": True, "diff": word_diff(ref, ref)}] + [
        {**v, "diff": word_diff(ref, v.get("text", ""))} for v in variants[1:]
    ]


def _nested(v: dict[str, Any], w: dict[str, Any]) -> bool:
    """``v`` is printed inside ``w`` in the same article (the quoted words of a sentence of
    reported speech, "presumptive nominee" in 'he considered Trump the "presumptive nominee"')."""
    if v is w or v.get("article_id") != w.get("article_id") or "start" not in v or "start" not in w:
        return False
    return w["start"] <= v["start"] and v["end"] <= w["end"] and w["end"] - w["start"] > v["end"] - v["start"]


def _outer(variants: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """One version per printed passage: a version inside another of its article is that same
    printing, shown once (as the longer one), unless it is the reference or flagged."""
    return [
        v
        for v in variants
        if v.get("reference") or v.get("flagged") or not any(_nested(v, w) for w in variants)
    ]


def shown_quote_groups(report: dict[str, Any]) -> list[dict[str, Any]]:
    """The report's quote groups as the section shows them: only versions of a person's words,
    a group split where its versions tell different things, and only parts that two or more
    articles carry."""
    out = []
    for group in report.get("quote_groups", []):
        kept = _outer([v for v in group.get("variants", []) if _person_words(v)])
        for part in _parts(kept):
            if len({v.get("article_id") for v in part}) < 2:
                continue
            out.append({**group, "variants": _with_reference(part)})
    return out
