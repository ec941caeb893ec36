"""The quote ledger, grouped by speaker, for the terminal, Markdown and HTML reports."""

from __future__ import annotations

import textwrap
from typing import Any

from newsprism.quotes.report import speaker_ledger
from newsprism.render.html import esc, span_link
from newsprism.render.markdown import md_escape
from newsprism.render.story.labels import method_words
from newsprism.render.terminal import rule

__all__ = ["html_quotes", "md_quotes", "term_quotes"]

Report = dict[str, Any]


def _labels(report: Report) -> dict[str, str]:
    return {a["id"]: a["label"] for a in report.get("articles", [])}


def _heading(row: dict[str, Any] | None, quotes: list[dict[str, Any]]) -> str:
    if row is None:
        return f"Speaker unknown ({len(quotes)})"
    extra = []
    if row["anonymous"]:
        extra.append("anonymous")
    if row["roles"]:
        extra.append("; ".join(row["roles"][:3]))
    n_art = len(row["article_ids"])
    tail = f" — {', '.join(extra)}" if extra else ""
    return f"{row['canonical']}{tail} ({len(quotes)} quote{'s' * (len(quotes) != 1)}, {n_art} article{'s' * (n_art != 1)})"


def _how(q: dict[str, Any], plain: bool = False) -> str:
    """How a quote was found; ``plain`` words the speaker method for readers (the HTML report)."""
    bits = [f"{q['kind']} quote" if plain else q["kind"]]
    if q["cue"]:
        bits.append(f"verb “{q['cue']}”" if plain else q["cue"])
    if q["speaker"] and q["speaker"]["name"] != q["speaker"]["canonical"]:
        bits.append(f"as “{q['speaker']['name']}”")
    bits.append(f"speaker: {method_words(q['method'])}" if plain else q["method"])
    return ", ".join(bits)


def md_quotes(report: Report) -> str:
    if not report.get("quotes"):
        return ""
    labels = _labels(report)
    lines = ["## Quotes by speaker", ""]
    for row, quotes in speaker_ledger(report):
        lines += [f"### {md_escape(_heading(row, quotes))}", ""]
        for q in quotes:
            where = md_escape(labels.get(q["article_id"], q["article_id"]))
            lines.append(
                f"- **{where}** [{q['start']}–{q['end']}]: “{md_escape(q['text'])}” *({md_escape(_how(q))})*"
            )
        lines.append("")
    return "\n".join(lines)


def term_quotes(report: Report) -> str:
    if not report.get("quotes"):
        return ""
    labels = _labels(report)
    lines = [rule(f"Quotes by speaker ({len(report['quotes'])})")]
    for row, quotes in speaker_ledger(report):
        lines.append(f"\n{_heading(row, quotes)}")
        for q in quotes:
            where = labels.get(q["article_id"], q["article_id"])[:20]
            body = " ".join(q["text"].split())
            text = f"- [{where}] “{body}” ({_how(q)})"
            lines.append(textwrap.fill(text, 108, initial_indent="  ", subsequent_indent="      "))
    return "\n".join(lines)


def html_quotes(report: Report) -> str:
    if not report.get("quotes"):
        return ""
    labels = _labels(report)
    parts = ["<h2>Quotes by speaker</h2>"]
    for row, quotes in speaker_ledger(report):
        rows = "".join(
            f"<tr><td>{span_link(q['article_id'], q['start'], q['end'], labels.get(q['article_id'], q['article_id']))}"
            f"</td><td>“{esc(q['text'])}”</td><td class=meta>{esc(_how(q, plain=True))}</td></tr>"
            for q in quotes
        )
        parts.append(
            f"<h3>{esc(_heading(row, quotes))}</h3>"
            f"<table><tr><th>article</th><th>quote</th><th>how</th></tr>{rows}</table>"
        )
    return "\n".join(parts)
