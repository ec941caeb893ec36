"""What an outlet changed in an article after publishing it: two versions of one page compared.

:func:`diff_articles` aligns the two cleaned texts sentence by sentence and says which
sentences were removed, added or reworded, and, inside those, which facts moved: numbers
that disappeared or appeared, quotes removed or altered, and a changed headline. Every
sentence is given with its span in its own version's cleaned text, so a reader can check it.
The store keeps the result per revision (``revisions.diff_json``).
"""

from __future__ import annotations

import difflib
import re
from typing import Any

from newsprism.model import Article
from newsprism.text import numbers, quote_regions, split_sentences

__all__ = ["diff_articles", "revision_lines"]


def _sentences(art: Article) -> list[dict[str, Any]]:
    return [{"text": art.text[a:b], "start": a, "end": b} for a, b in split_sentences(art.text)]


def _key(sentence: str) -> str:
    return " ".join(re.findall(r"\w+", sentence.lower()))


def _quotes(text: str) -> set[str]:
    return {" ".join(text[a:b].split()) for a, b in quote_regions(text) if b - a > 3}


def _facts(before: str, after: str) -> dict[str, list[str]]:
    """Numbers and quotes in one sentence version and not the other."""
    nb, na, qb, qa = numbers(before), numbers(after), _quotes(before), _quotes(after)
    facts = {
        "numbers_removed": sorted(nb - na),
        "numbers_added": sorted(na - nb),
        "quotes_removed": sorted(qb - qa),
        "quotes_added": sorted(qa - qb),
    }
    return {k: v for k, v in facts.items() if v}


REWORDED = 0.5  # word-sequence similarity above which a new sentence is the old one reworded


def _reworded(gone: list[dict[str, Any]], came: list[dict[str, Any]]) -> list[tuple[dict, dict]]:
    """Old and new sentences of one replaced block that are versions of each other, in order; the
    rest were removed or added (a dropped sentence is not "changed" into an unrelated new one)."""
    pairs, start = [], 0
    for before in gone:
        words = _key(before["text"]).split()
        for j in range(start, len(came)):
            ratio = difflib.SequenceMatcher(a=words, b=_key(came[j]["text"]).split(), autojunk=False).ratio()
            if ratio >= REWORDED:
                pairs.append((before, came[j]))
                start = j + 1
                break
    return pairs


def diff_articles(old: Article, new: Article) -> dict[str, Any]:
    """Sentences removed, added and changed between two versions, with the facts that moved."""
    a, b = _sentences(old), _sentences(new)
    matcher = difflib.SequenceMatcher(
        a=[_key(s["text"]) for s in a], b=[_key(s["text"]) for s in b], autojunk=False
    )
    out: dict[str, Any] = {"removed": [], "added": [], "changed": []}
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            continue
        gone, came = a[i1:i2], b[j1:j2]
        pairs = _reworded(gone, came) if op == "replace" else []
        for before, after in pairs:
            out["changed"].append({"before": before, "after": after, **_facts(before["text"], after["text"])})
        paired_a, paired_b = {id(x) for x, _ in pairs}, {id(y) for _, y in pairs}
        out["removed"].extend({**s, **_facts(s["text"], "")} for s in gone if id(s) not in paired_a)
        out["added"].extend({**s, **_facts("", s["text"])} for s in came if id(s) not in paired_b)
    if (old.title or "") != (new.title or ""):
        out["title"] = {"before": old.title, "after": new.title}
    out["summary"] = _summary(out)
    return out


def _summary(diff: dict[str, Any]) -> dict[str, int]:
    items = diff["removed"] + diff["added"] + diff["changed"]
    return {
        "sentences_removed": len(diff["removed"]),
        "sentences_added": len(diff["added"]),
        "sentences_changed": len(diff["changed"]),
        "numbers_changed": sum(bool(i.get("numbers_removed") or i.get("numbers_added")) for i in items),
        "quotes_removed": sum(len(i.get("quotes_removed", ())) for i in items),
        "quotes_added": sum(len(i.get("quotes_added", ())) for i in items),
    }


def revision_lines(diff: dict[str, Any]) -> list[str]:
    """The diff as short lines for a terminal: what changed, facts first."""
    lines = []
    if "title" in diff:
        lines.append(f"headline: {diff['title']['before']!r} -> {diff['title']['after']!r}")
    for c in diff["changed"]:
        lines.append(f"changed{_moved(c)}: {c['before']['text']!r} -> {c['after']['text']!r}")
    lines += [f"removed{_moved(s)}: {s['text']!r}" for s in diff["removed"]]
    lines += [f"added{_moved(s)}: {s['text']!r}" for s in diff["added"]]
    return lines


def _moved(item: dict[str, Any]) -> str:
    """The facts that moved with a sentence, for its line: ``" (quotes removed [...])"``."""
    facts = ", ".join(
        f"{k.replace('_', ' ')} {v}"
        for k, v in item.items()
        if k not in ("before", "after", "text", "start", "end")
    )
    return f" ({facts})" if facts else ""
