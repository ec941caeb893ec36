"""The brief's sections as Markdown and as terminal text (summary, ledger, disputes,
contradictions, timeline, quote variants, unique/omissions, framing, provenance).

Both read only the report dict. Article words in Markdown go through :func:`md_escape`.
"""

from __future__ import annotations

import re
import textwrap
from collections.abc import Callable, Sequence
from typing import Any

from newsprism.brief.quote_selection import shown_quote_groups
from newsprism.brief.revisions import moved_facts
from newsprism.brief.summary import bare_quote, reads_alone
from newsprism.render.copies import copy_names
from newsprism.render.markdown import MD_SECTIONS, md_escape
from newsprism.render.terminal import TERM_SECTIONS, rule
from newsprism.text import balance_quotes, unclosed_quotes, words

__all__ = [
    "agree_rows",
    "as_line",
    "diff_text",
    "fact_line",
    "in_sentence",
    "md_brief",
    "one_per_sentence",
    "quote_piece",
    "readable",
    "sentence_parts",
    "summary_text",
    "unconfirmed",
    "without_markup",
    "term_brief",
]

Report = dict[str, Any]
LEDGER_ROWS = 25
UNCONFIRMED = "possibly-shared"  # the ledger status of a group not confirmed as one fact
UNCONFIRMED_ROWS = 5  # groups of several outlets, not confirmed, listed apart under the agree rows
OUTLET_ROWS = 3  # "only here" and "leaves out" lines shown per outlet
SENTENCE_CONTEXT = 160  # characters of a sentence shown around a clause that does not read alone


def _labels(report: Report) -> dict[str, str]:
    return {a["id"]: a["label"] for a in report.get("articles", [])}


def diff_text(diff: list[list[str]]) -> str:
    """A word diff as text: [-removed-] {+added+}."""
    marks = {"equal": "{}", "delete": "[-{}-]", "insert": "{{+{}+}}"}
    return " ".join(marks[op].format(words) for op, words in diff)


def _summary(report: Report, esc: Callable[[str], str]) -> list[str]:
    labels = _labels(report)
    statements = {st["id"]: st for st in report.get("statements", [])}
    lines = []
    for k, s in enumerate(report.get("summary", []), 1):
        outlets = ", ".join(sorted({labels.get(c["article_id"], c["outlet"]) for c in s["cites"]}))
        mark = (
            " (single source)"
            if s.get("marked")
            else " (disputed)"
            if s.get("status") == "disputed"
            else " (possibly the same fact, unconfirmed)"
            if unconfirmed(s.get("status", ""), s["independent_support"])
            else ""
        )
        text = summary_text(s, statements)
        lines.append(f"{k}. {esc(text)} [{esc(outlets)}; {s['independent_support']} independent]{mark}")
    return lines


def summary_text(line: dict, statements: dict[str, dict]) -> str:
    """A summary line as shown (:func:`as_line`), a whole quote with its speaker's name first:
    alone, a quote does not say whose it is; a sentence of a longer quote with no mark of its own
    as its speaker's words (:func:`quote_piece`), as the agree rows show it."""
    piece = {"text": line["text"], "statement_ids": [line.get("statement_id")]}
    if line.get("statement_id") in statements and _unmarked_quote(piece, statements):
        return quote_piece(piece, statements)
    text = as_line(line["text"])
    # Asked of the article's words: a quote running on past its sentence ends in "…”" once shown.
    whole_quote = bare_quote(line["text"])
    speaker = statements.get(line.get("statement_id"), {}).get("attributed_to") if whole_quote else None
    return f"{speaker}: {text}" if speaker else text


# Markup a page left in its text (an embedded post's tags, a bare link): never the words of a fact.
_MARKUP = re.compile(r"</?[A-Za-z][^<>]{0,300}>|\bpic\.twitter\.com/\S+|\bhttps?://\S+")
MIN_WORDS = 3


# Typewriter quote marks (two apostrophes, two backticks) as some archives print every quote:
# shown as they are, a reader sees markup, and the quote's words pass for the outlet's own.
_TYPEWRITER = re.compile(r"''|``")


def without_markup(text: str) -> str:
    """``text`` without tags and bare links (the spaces they leave closed up), its typewriter
    quote marks as plain ones."""
    text = _TYPEWRITER.sub('"', text)
    if not _MARKUP.search(text):
        return text
    out = re.sub(r"[ \t]{2,}", " ", _MARKUP.sub("", text))
    return re.sub(r"[ \t]+([.,;:!?])", r"\1", out)


def readable(text: str) -> bool:
    """Whether ``text`` has words a reader can take as a fact once markup is set aside
    (``<tweet id="…"></tweet>.`` has none)."""
    return len(words(_MARKUP.sub(" ", text))) >= MIN_WORDS


_ENDS = ".!?…:;\"'”’)]"


def as_line(text: str) -> str:
    """A summary sentence as a line: quote marks balanced, and "…" where a claim shown without
    the rest of its sentence stops short ("A fire … burned through the night…")."""
    text = balance_quotes(" ".join(_TYPEWRITER.sub('"', text).split()))
    return text if not text or text[-1] in _ENDS else text + "…"


# What a sentence split can leave at the head of a row ("? - Trump has led …" after a headline
# cut at its question mark): punctuation a reader cannot read as the start of a sentence.
_LEFT_OVER = re.compile(r"^(?:[?!.;:,]+\s*(?:[-–—]+\s*)?|[-–—]+\s+)")


def row_text(text: str) -> str:
    """A listed row's text without punctuation a sentence split left at its head."""
    return _LEFT_OVER.sub("", text.lstrip())


def unconfirmed(status: str, support: int) -> bool:
    """Whether a group of ``support`` independent origins is not confirmed as one fact: several
    origins the ledger holds together only by weak evidence (possibly-shared)."""
    return status == UNCONFIRMED and support >= 2


def agree_rows(rows: list[tuple[str, tuple[str, ...]]], doubtful: Sequence[bool] = ()) -> list[int]:
    """Which ledger groups (their shown text and articles, most supported first; ``doubtful``
    whether each is :func:`unconfirmed`, when known) are "agree on" lines: two or more articles,
    not unconfirmed, readable words, and not the text of an earlier line that already cites all
    of its articles (a fact group or further group beside the group it overlaps reads as the
    same line twice)."""
    shown: dict[str, list[set[str]]] = {}
    out = []
    for k, (text, articles) in enumerate(rows):
        if (
            len(articles) < 2
            or (k < len(doubtful) and doubtful[k])
            or not readable(text)
            or any(set(articles) <= seen for seen in shown.get(text, []))
        ):
            continue
        shown.setdefault(text, []).append(set(articles))
        out.append(k)
    return out


def _ledger(report: Report, esc: Callable[[str], str]) -> list[str]:
    ledger = report.get("ledger", [])
    statements = {s["id"]: s for s in report.get("statements", [])}
    rows = [(g["text"], tuple(g["article_ids"])) for g in ledger]
    doubtful = [unconfirmed(g["status"], g["independent_support"]) for g in ledger]
    shared = [ledger[k] for k in agree_rows(rows, doubtful)]
    lines = [
        f"- **{g['status']}** ({g['independent_support']} independent; {esc(', '.join(g['outlets']))}): "
        + _row_text(g, statements, esc)
        for g in shared[:LEDGER_ROWS]
    ]
    # Groups of several outlets held together only by weak evidence: shown apart, as unconfirmed.
    maybe = [ledger[k] for k in agree_rows(rows) if doubtful[k]]
    lines += [
        f"- possibly the same fact, unconfirmed ({esc(', '.join(g['outlets']))}): "
        + _row_text(g, statements, esc)
        for g in maybe[:UNCONFIRMED_ROWS]
    ]
    counts: dict[str, int] = {}
    for g in report.get("ledger", []):
        counts[g["status"]] = counts.get(g["status"], 0) + 1
    lines.append("- groups by status: " + ", ".join(f"{k} {v}" for k, v in sorted(counts.items())))
    return lines


def _row_text(group: dict, statements: dict, esc: Callable[[str], str]) -> str:
    if _unmarked_quote(group, statements):
        return esc(quote_piece(group, statements))
    return in_sentence(group, esc)


def sentence_parts(group: dict, context: int = 60) -> tuple[str, str]:
    """Up to ``context`` characters of the sentence before and after a group's clause."""
    before, after = group.get("before", "").lstrip(), group.get("after", "").rstrip()
    if len(before) > context:
        before = "…" + before[-context:].split(" ", 1)[-1]
    if len(after) > context:
        after = after[:context].rsplit(" ", 1)[0] + "…"
    return before, after


def in_sentence(group: dict, esc: Callable[[str], str], context: int = 60) -> str:
    """The group's clause in bold inside its sentence (just the clause when it is the sentence)."""
    group = {**group, "text": without_markup(group["text"])}
    before, after = (without_markup(part) for part in sentence_parts(group, context))
    if not before.strip() and not after.strip():
        return esc(balance_quotes(group["text"]))
    # On a terminal bold is lost, and two clauses of one sentence would read as one line twice.
    left, right = ("**", "**") if esc is md_escape else ("⟨", "⟩")
    starts_inside, ends_inside = unclosed_quotes(before + group["text"] + after)
    opens = ("“" if before.startswith("…") else "“…") if starts_inside else ""
    closes = ("”" if after.endswith("…") else "…”") if ends_inside else ""
    return f"{opens}{esc(before)}{left}{esc(group['text'])}{right}{esc(after)}{closes}"


def _side(entry: dict, labels: dict[str, str], esc: Callable[[str], str]) -> str:
    who = f"{esc(entry['actor'])} ({esc(labels.get(entry['article_id'], '?'))})"
    if entry.get("named_only"):  # the denial's sentence is not the claimant's passage
        return f"{who}: named in the denial, no words of their own here"
    return f"{who}: {esc(_cited(_short(entry['text'])))}"


def _disputes(report: Report, esc: Callable[[str], str]) -> list[str]:
    labels = _labels(report)
    lines = []
    for d in report.get("disputes", []):
        about = f" about {esc(d['subject'])}" if d.get("subject") else ""
        lines.append(f"- DISPUTED{about}: {esc(_cited(d['claim']))}")
        lines += [f"  - asserts: {_side(e, labels, esc)}" for e in d["asserts"][:6]]
        lines += [f"  - denies: {_side(e, labels, esc)}" for e in d["denies"][:6]]
    for g in report.get("contradiction_groups", []):  # one row per fact, each value with its outlets
        said = "; ".join(
            f"{esc(v['value'])}: "
            + ", ".join(esc(labels.get(e["article_id"], "?")) for e in v["sides"][:6])
            + (f" and {len(v['sides']) - 6} more" if len(v["sides"]) > 6 else "")
            for v in g["values"]
        )
        lines.append(f"- contradiction ({g['kind']}): {said}")
        for v in g["values"][:6]:  # both passages: the first statement carrying each value
            e = v["sides"][0]
            lines.append(f"  - {esc(labels.get(e['article_id'], '?'))}: {esc(_cited(_short(e['text'])))}")
    for c in [] if "contradiction_groups" in report else report.get("contradictions", []):
        a, b = c["a"], c["b"]
        lines.append(
            f"- contradiction ({c['kind']}: {esc(c['note'])}): {esc(labels.get(a['article_id'], '?'))} "
            f"{esc(_cited(_short(a['text'])))} vs {esc(labels.get(b['article_id'], '?'))} {esc(_cited(_short(b['text'])))}"
        )
    return lines


def _quotes(report: Report, esc: Callable[[str], str]) -> list[str]:
    labels = _labels(report)
    lines = []
    for group in shown_quote_groups(report):
        lines.append(
            f"- **{esc(group['speaker'] or 'unknown speaker')}** ({len(group['variants'])} versions)"
        )
        for v in group["variants"]:
            # A meaning-changing version is shouted once ("ALTERED"), not flagged and named twice.
            kind = v["classification"].upper() if v.get("flagged") else v["classification"]
            notes = f" ({esc('; '.join(v.get('notes', [])))})" if v.get("notes") else ""
            body = esc(v.get("text", "")) if v.get("reference") else esc(diff_text(v["diff"]))
            lines.append(f"  - {kind}{notes} — {esc(labels.get(v['article_id'], '?'))}: {body}")
    return lines


def fact_line(group: dict, statements: dict[str, dict], esc: Callable[[str], str], limit: int = 140) -> str:
    """A fact as a checkable statement: a clause that does not read alone (a fragment, a
    subordinate clause) marked inside its sentence; a sentence of a longer quote as its
    speaker's words ("X, in a longer quote: “…”")."""
    cut = not reads_alone(group["text"]) and (group.get("before") or "").strip()
    if group.get("form") == "in_sentence" or cut:  # "she is famously shown …" needs its sentence
        return in_sentence({**group, "text": " ".join(group["text"].split())}, esc, context=SENTENCE_CONTEXT)
    if group.get("form") == "quote_piece" or _unmarked_quote(group, statements):
        return esc(quote_piece(group, statements))
    text = balance_quotes(_short(without_markup(group["text"]), limit))
    speaker = _speaker(group, statements) if bare_quote(text) else None
    return esc(f"{speaker}: {text}" if speaker else text)  # a quote alone does not say whose it is


def _speaker(group: dict, statements: dict[str, dict]) -> str | None:
    """Who the outlet says spoke the group's own text, when it says."""
    return next(
        (
            statements[i].get("attributed_to")
            for i in group.get("statement_ids", [])
            if i in statements
            and statements[i]["text"] == group["text"]
            and statements[i].get("attributed_to")
        ),
        None,
    )


def _unmarked_quote(group: dict, statements: dict[str, dict]) -> bool:
    """A sentence of a direct quote that carries none of the quote's marks ("We have a
    deficit." inside a longer quote): alone it would read as the outlet's own words."""
    if any(c in without_markup(group["text"]) for c in '“”"'):
        return False
    return any(
        statements[i].get("quote_kind") == "direct"
        for i in group.get("statement_ids", [])
        if i in statements and statements[i]["text"] == group["text"]
    )


def quote_piece(group: dict, statements: dict[str, dict]) -> str:
    """A sentence cut from a longer direct quote, with the speaker and "…" where the quote goes on."""
    text = without_markup(" ".join(group["text"].split()))
    speaker = _speaker(group, statements)
    starts_inside, ends_inside = unclosed_quotes(text)
    marked = any(c in text for c in '“”"')
    opens = "“…" if starts_inside or not marked else ""
    shown = _short(text)
    closes = ("”" if shown.endswith("…") else "…”") if ends_inside or not marked else ""
    return f"{speaker or 'unnamed speaker'}, in a longer quote: {opens}{shown}{closes}"


def _outlets(report: Report, esc: Callable[[str], str]) -> list[str]:
    labels = _labels(report)
    texts = {g["id"]: g for g in report.get("ledger", [])}
    statements = {s["id"]: s for s in report.get("statements", [])}
    lines = []
    for article_id, label in labels.items():
        only = report.get("unique", {}).get(article_id, [])
        missing = report.get("omissions", {}).get(article_id, [])
        lines.append(
            f"- **{esc(label)}**: {_plural(len(only), 'fact')} only here, "
            f"leaves out {len(missing)} that most others carry"
        )
        for what, ids in (("only here", only), ("leaves out", missing)):
            shown = one_per_sentence(ids, texts, statements)
            lines += [f"  - {what}: {fact_line(texts[g], statements, esc)}" for g in shown[:OUTLET_ROWS]]
            # The rest counts facts, as the outlet's line does, so that the rows and the rest add up
            # to it (a row that holds two clauses of its sentence still counts one).
            rest = len(ids) - len(shown[:OUTLET_ROWS])
            if rest > 0:  # the list is not the whole of it
                lines.append(f"  - {what}: … and {rest} more")
    return lines


def _sentence_key(group: dict, statements: dict[str, dict]) -> tuple[str, int] | None:
    """The article and sentence start of the group's first statement."""
    first = next((statements[i] for i in group.get("statement_ids", []) if i in statements), None)
    return (first["article_id"], first.get("sentence_start", first["start"])) if first else None


def _plural(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def one_per_sentence(group_ids: list[str], groups: dict[str, dict], statements: dict[str, dict]) -> list[str]:
    """The ledger groups to show as lines, one per sentence: two clauses of one sentence (each
    its own fact) would show that sentence twice."""
    seen: set[tuple[str, int]] = set()
    out = []
    for g in group_ids:
        if g not in groups or not readable(groups[g]["text"]):
            continue
        key = _sentence_key(groups[g], statements) or ("", -1 - len(out))
        if key in seen:
            continue
        seen.add(key)
        out.append(g)
    return out


def _headline_cell(headline: dict) -> str:
    """How the headline words its claim: "yes" (states it as fact), "no" (attributes or hedges
    it) or "in part" (attributes its claim but takes an event as given: "Minister blames rivals
    for dam sabotage" states the sabotage as fact), then the body's hedges and the kicker."""
    given = headline.get("presupposes") or []
    cell = {True: "yes", False: "no", None: "—"}[headline["asserts"]]
    if given:
        cell = ("yes" if headline["asserts"] else "in part") + ", states as fact: " + ", ".join(given)
    for h in headline.get("body_hedges") or []:
        how = "hedges" if h["how"] == "doubt" else "only reports others naming"
        cell += f" (the body {how} {h['phrase']}: “{_short(h['text'])}”)"
    if headline.get("kicker"):
        cell += f" (kicker: {headline['kicker']})"
    return cell


def _framing(report: Report, esc: Callable[[str], str]) -> list[str]:
    lines = [
        "| outlet | headline states as fact | hedges | attribution verbs | loaded terms (own voice) | spelling |",
        "|---|---|---|---|---|---|",
    ]
    for f in report.get("framing", []):
        spelling = "; ".join(f"{w} (others: {', '.join(o)})" for w, o in (f.get("spellings") or {}).items())
        cells = [
            _headline_cell(f["headline"]),
            _counts(f["hedges"]),
            _counts(f["attribution_verbs"]),
            _counts(f["loaded_terms"]),
            spelling or "—",
        ]
        lines.append(f"| {esc(f['outlet'])} | " + " | ".join(esc(c) for c in cells) + " |")
    return lines + _contrasts(report, esc)


# Loaded terms shown beside another outlet's wording, at most this many per outlet.
CONTRAST_LINES = 3


def _contrasts(report: Report, esc: Callable[[str], str]) -> list[str]:
    """Each outlet's loaded terms beside how another outlet words the same matter without
    them (compare/framing.py ``loaded_contrasts``): the choice of word, shown, not scored."""
    labels = _labels(report)
    lines = []
    for f in report.get("framing", []):
        for term, others in list((f.get("contrasts") or {}).items())[:CONTRAST_LINES]:
            other = others[0]
            lines.append(
                f"- {esc(f['outlet'])} writes “{esc(term)}”; "
                f"{esc(labels.get(other['article_id'], other['article_id']))} on the same matter: "
                f"“{esc(_short(other['text']))}”"
            )
    if not lines:
        return []
    return ["", "Loaded terms beside another outlet's wording of the same matter:", *lines]


def _provenance(report: Report, esc: Callable[[str], str]) -> list[str]:
    labels = _labels(report)
    edges = report.get("provenance", {}).get("edges", [])
    copies = [
        f"- {esc(copy_names(a))} published the same text as {esc(a['label'])}: one source, not {len(a['copies']) + 1}"
        for a in report.get("articles", [])
        if a.get("copies")
    ]
    return copies + [
        f"- {esc(labels.get(e['from'], e['from']))} —{e['kind']}→ {esc(labels.get(e['to'], e['to']))}: "
        f"{esc(_short(e['evidence']))}"
        for e in edges
    ]


def _timeline(report: Report, esc: Callable[[str], str]) -> list[str]:
    """Each dated event once, with its outlets; a date conflict with every side's passage."""
    labels = _labels(report)
    statements = {st["id"]: st for st in report.get("statements", [])}
    lines = []
    for e in report.get("timeline", []):
        when = e["date"] + (f" {e['time']}" if e.get("time") else "")
        who = ", ".join(labels.get(a, a) for a in e["article_ids"])
        mark = " (background)" if e.get("background") else ""
        shown = row_text(e.get("shown") or e["text"])
        # the date's clause, from inside the sentence (a row shown with its subject says so itself)
        cut = "…" if shown != row_text(e["text"]) and row_text(e["text"]).endswith(shown) else ""
        # a row ending inside its quote closes it ("… told listeners, “This is the story.…”")
        row = timeline_quote(e, statements) or cut + balance_quotes(_short(without_markup(shown)))
        lines.append(f"- **{when}**{mark} {esc(row)} [{esc(who)}]")
        if e.get("conflict"):
            lines.append("  - dates differ:")
            lines += [
                f"    - {v['when']} — {esc(labels.get(v['article_id'], v['article_id']))}: {esc(_cited(_short(v['text'])))}"
                for v in e.get("versions", [])
            ]
    return lines


def timeline_quote(entry: dict, statements: dict[str, dict]) -> str | None:
    """A timeline row that is a sentence of a longer quote with no mark of its own, as its
    speaker's words: alone it would read as the outlet's."""
    spans = {(s["article_id"], s["start"], s["end"]) for s in entry.get("spans", [])}
    ids = [
        i for i, st in statements.items() if (st.get("article_id"), st.get("start"), st.get("end")) in spans
    ]
    piece = {"text": entry["text"], "statement_ids": ids[:1]}
    return quote_piece(piece, statements) if ids and _unmarked_quote(piece, statements) else None


def timeline_text(entry: dict, statements: dict[str, dict]) -> str:
    """A timeline row's whole text as a page shows it: a quote's sentence with its speaker, a
    clause cut from its sentence after the sentence's opening (``shown``), else the row."""
    shown = row_text(entry.get("shown") or entry["text"])
    with_subject = shown != row_text(entry["text"]) and not row_text(entry["text"]).endswith(shown)
    return timeline_quote(entry, statements) or (shown if with_subject else row_text(entry["text"]))


def _revision_item(item: dict, labels: dict[str, str], esc: Callable[[str], str]) -> str:
    moved = moved_facts(item)
    line = f"  - {item['kind']}: {esc(_cited(_short(item['text'])))}"
    if item["kind"] == "changed":
        line += f" → {esc(_cited(_short(item['after'])))}"
    if moved:
        line += f" ({esc('; '.join(moved))})"
    others = [labels.get(a, a) for a in item.get("still_reported_by", [])]
    if item["kind"] != "added":
        line += (
            f" — still reported by {esc(', '.join(others))}" if others else " — no other outlet reports it"
        )
    return line


def _revisions(report: Report, esc: Callable[[str], str]) -> list[str]:
    labels = _labels(report)
    lines = []
    for rev in report.get("revisions", []):
        when = f" (change seen {rev['seen_at'][:16].replace('T', ' ')})" if rev.get("seen_at") else ""
        lines.append(f"- **{esc(rev['label'])}** changed its article after publishing it{when}")
        if rev.get("headline"):
            h = rev["headline"]
            lines.append(f"  - headline: “{esc(h.get('before') or '')}” → “{esc(h.get('after') or '')}”")
        lines += [_revision_item(item, labels, esc) for item in rev["items"]]
    return lines


def _cited(text: str) -> str:
    """A passage in quote marks, the quotes inside it in single marks (“He called it ‘reckless’.”),
    so a reader sees where the cited passage starts and ends; a quote the passage cuts is
    balanced first (“‘Of course, we had no part in it.…’”)."""
    text = balance_quotes(text)
    inner = "".join(("‘" if _opens_at(text, k) else "’") if ch in '“”"' else ch for k, ch in enumerate(text))
    return f"“{inner}”"


def _opens_at(text: str, k: int) -> bool:
    return text[k] == "“" or (text[k] == '"' and (k == 0 or text[k - 1].isspace() or text[k - 1] in "([—–-"))


def _counts(counts: dict[str, int]) -> str:
    return ", ".join(f"{k} {v}" if v > 1 else k for k, v in counts.items()) or "—"


def _short(text: str, limit: int = 140) -> str:
    return textwrap.shorten(" ".join(text.split()), limit, placeholder="…")


PARTS = (
    ("Summary", _summary),
    ("What the outlets agree on", _ledger),
    ("Disputes and contradictions", _disputes),
    ("Timeline", _timeline),
    ("Quotes across outlets", _quotes),
    ("Only here / left out", _outlets),
    ("Framing", _framing),
    ("Provenance", _provenance),
    ("Changed after publication", _revisions),
)


def md_brief(report: Report) -> str:
    if "ledger" not in report:
        return ""
    out = []
    for title, part in PARTS:
        lines = part(report, md_escape)
        if lines:
            out += [f"## {title}", "", *lines, ""]
    return "\n".join(out)


def term_brief(report: Report) -> str:
    if "ledger" not in report:
        return ""
    out = []
    for title, part in PARTS:
        lines = [line.replace("**", "") for line in part(report, str)]  # no Markdown emphasis on a terminal
        if lines:
            out += [rule(title), *lines]
    return "\n".join(out)


MD_SECTIONS.insert(0, md_brief)
TERM_SECTIONS.insert(0, term_brief)
