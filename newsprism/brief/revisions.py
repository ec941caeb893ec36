"""The brief's "changed after publication" part: what an outlet removed or altered in an article
after first publishing it, set against what the other outlets of the story still carry.

The store keeps each revision of a page as a sentence diff (:mod:`newsprism.revisions`); a stored
story's analysis carries the revisions that led to its articles (:attr:`Analysis.revisions`).
For every removed or reworded sentence this part says which other articles of the story still
report the same thing — a fact one outlet withdrew while others kept it is what a reader wants
to see — matched by content words against the statements of the story's ledger.
"""

from __future__ import annotations

from typing import Any

from newsprism.analysis import Analysis
from newsprism.text import content_words

__all__ = ["moved_facts", "revisions_section"]

SAME_FACT = 0.5  # share of the smaller sentence's content words two versions of a fact share


def moved_facts(item: dict[str, Any]) -> list[str]:
    """The numbers and quotes a revision item took out or put in, as short phrases."""
    return [
        f"{k.replace('_', ' ')}: {', '.join(v)}"
        for k, v in item.items()
        if k.startswith(("numbers_", "quotes_"))
    ]


def _overlap(a: set[str], b: set[str]) -> float:
    return len(a & b) / min(len(a), len(b)) if a and b else 0.0


def _carried_by(text: str, article_id: str, analysis: Analysis) -> list[str]:
    """Ids of the story's other articles with a statement that reports what ``text`` said."""
    words = set(content_words(text))
    if len(words) < 3:  # too short to tell one fact from another
        return []
    return sorted(
        {
            st.article_id
            for st in analysis.statements
            if st.article_id != article_id and _overlap(words, set(content_words(st.text))) >= SAME_FACT
        }
    )


def _item(kind: str, entry: dict[str, Any], article_id: str, analysis: Analysis) -> dict[str, Any]:
    before = entry["before"]["text"] if kind == "changed" else entry["text"]
    item = {"kind": kind, "text": before}
    if kind == "changed":
        item["after"] = entry["after"]["text"]
        item["after_span"] = [entry["after"]["start"], entry["after"]["end"]]
    elif kind == "added":
        item["after_span"] = [entry["start"], entry["end"]]
    for key in ("numbers_removed", "numbers_added", "quotes_removed", "quotes_added"):
        if entry.get(key):
            item[key] = list(entry[key])
    if kind != "added":  # what the outlet took back: do others still report it?
        item["still_reported_by"] = _carried_by(before, article_id, analysis)
    return item


def _revision(rev: dict[str, Any], analysis: Analysis, labels: dict[str, str]) -> dict[str, Any]:
    diff, article_id = rev["diff"], rev["article_id"]
    items = [_item("removed", e, article_id, analysis) for e in diff.get("removed", [])]
    items += [_item("changed", e, article_id, analysis) for e in diff.get("changed", [])]
    items += [_item("added", e, article_id, analysis) for e in diff.get("added", [])]
    return {
        "article_id": article_id,
        "previous_id": rev["previous_id"],
        "outlet": rev.get("outlet"),
        "label": labels.get(article_id, rev.get("outlet") or "?"),
        "url": rev.get("url"),
        "seen_at": rev.get("seen_at"),
        "headline": diff.get("title"),
        "items": items,
        "summary": diff.get("summary", {}),
    }


def revisions_section(analysis: Analysis) -> dict[str, Any]:
    """``{"revisions": [...]}``: one entry per revision of an article in the story, oldest first."""
    labels = {a.id: a.label for a in analysis.articles}
    present = set(labels)
    return {
        "revisions": [
            _revision(r, analysis, labels) for r in analysis.revisions if r["article_id"] in present
        ]
    }
