"""The brief's report sections: statements, ledger, quote variants, disputes, contradictions,
unique content and omissions, framing, provenance and the summary (schema in docs/brief.schema.json).

Every object that points at text carries ``article_id``, ``start`` and ``end``, so the
HTML report can link it to the marked span in the article view.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from newsprism.analysis import Analysis
from newsprism.compare.contradictions import group_contradictions
from newsprism.compare.provenance import origins
from newsprism.model import Span, Statement

__all__ = ["brief_sections"]


def _joined(pieces: Sequence[Span], body: str) -> dict[tuple[int, int], Span]:
    """Each sentence piece of one article with the pieces a semicolon joins it to: the
    statements cut a sentence at ";", and "he may not be as strong as he looks." reads only
    after the clause before it."""
    ordered = sorted(set((p.start, p.end) for p in pieces))
    out: dict[tuple[int, int], Span] = {}
    run: list[tuple[int, int]] = []
    for piece in [*ordered, None]:
        if run and piece is not None and piece[0] >= run[-1][1]:
            gap = body[run[-1][1] : piece[0]].strip()
            if gap == ";" or (not gap and body[: run[-1][1]].rstrip().endswith(";")):
                run.append(piece)
                continue
        whole = Span(run[0][0], max(e for _, e in run)) if run else None
        out.update({p: whole for p in run if whole is not None})
        run = [piece] if piece is not None else []
    return out


def _sentences(analysis: Analysis) -> dict[str, Span]:
    """Per statement, its whole sentence (pieces joined by a semicolon made one)."""
    texts = {a.id: a.text for a in analysis.articles}
    pieces: dict[str, list[Span]] = {}
    for s in analysis.statements:
        pieces.setdefault(s.article_id, []).append(s.sentence or s.span)
    joined = {a: _joined(p, texts.get(a, "")) for a, p in pieces.items()}
    return {
        s.id: joined[s.article_id].get(
            ((s.sentence or s.span).start, (s.sentence or s.span).end), s.sentence or s.span
        )
        for s in analysis.statements
    }


def _statements(analysis: Analysis) -> list[dict[str, Any]]:
    kinds = {q.id: q.kind for q in analysis.quotes}
    sentences = _sentences(analysis)
    return [
        {
            "id": s.id,
            "article_id": s.article_id,
            "text": s.text,
            "start": s.span.start,
            "end": s.span.end,
            "quote_id": s.quote_id,
            "quote_kind": kinds.get(s.quote_id) if s.quote_id else None,
            "attributed_to": s.attributed_to,
            "hedges": list(s.hedges),
            "polarity": s.polarity,
            "sentence_start": sentences[s.id].start,
            "sentence_end": sentences[s.id].end,
        }
        for s in analysis.statements
    ]


def _ledger(analysis: Analysis) -> list[dict[str, Any]]:
    labels = {a.id: a.label for a in analysis.articles}
    texts = {a.id: a.text for a in analysis.articles}
    statements = {s.id: s for s in analysis.statements}
    sentences = _sentences(analysis)
    return [
        {
            "id": g.id,
            "text": g.text,
            "status": g.status,
            "article_ids": list(g.article_ids),
            "outlets": [labels.get(a, a) for a in g.article_ids],
            "statement_ids": list(g.statement_ids),
            "independent_support": g.independent_support,
            "form": g.form,
            **_context(g.text, [statements[i] for i in g.statement_ids if i in statements], texts, sentences),
        }
        for g in analysis.ledger
    ]


def _context(
    text: str, members: list[Statement], texts: dict[str, str], sentences: dict[str, Span]
) -> dict[str, str]:
    """The rest of the sentence around the group's clause ("before", "after"): a clause such as
    "while the site was made safe" reads only inside its sentence."""
    for s in members:
        if s.text == text and s.sentence is not None and s.article_id in texts:
            body, whole = texts[s.article_id], sentences.get(s.id, s.sentence)
            return {
                "before": body[whole.start : s.span.start],
                "after": body[s.span.end : whole.end],
            }
    return {"before": "", "after": ""}


def _quote_groups(analysis: Analysis) -> list[dict[str, Any]]:
    quotes = {q.id: q for q in analysis.quotes}
    out = []
    for group in analysis.quote_groups:
        variants = []
        for v in group.variants:
            q = quotes.get(v["quote_id"])
            span = (
                {
                    "text": q.text,
                    "start": q.span.start,
                    "end": q.span.end,
                    "speaker_as_written": q.speaker.name if q and q.speaker else None,
                    "quote_kind": q.kind,
                    "speaker_kind": q.speaker.kind if q.speaker else None,
                }
                if q
                else {}
            )
            variants.append({**v, **span})
        out.append(
            {
                "id": group.id,
                "speaker": group.speaker,
                "quote_ids": list(group.quote_ids),
                "variants": variants,
            }
        )
    return out


def _provenance(analysis: Analysis) -> dict[str, Any]:
    edges = [
        {"from": e.source, "to": e.target, "kind": e.kind, "evidence": e.evidence}
        for e in analysis.provenance
    ]
    origin = origins(analysis.articles, analysis.provenance)
    return {"edges": edges, "origins": dict(sorted(origin.items()))}


def _sides(sides: Sequence[dict[str, Any]], texts: dict[str, str]) -> list[dict[str, Any]]:
    """A dispute's sides, each passage as its article has it at its offsets: the finder may join
    a clause's words without the sentence's commas, and a cited passage must be the outlet's text."""
    out = []
    for side in sides:
        body = texts.get(side.get("article_id", ""), "")
        start, end = side.get("start"), side.get("end")
        if isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(body):
            side = {**side, "text": body[start:end]}
        out.append(side)
    return out


def brief_sections(analysis: Analysis) -> dict[str, Any]:
    """The sections the compare and brief stages fill (empty when they did not run)."""
    texts = {a.id: a.text for a in analysis.articles}
    return {
        "statements": _statements(analysis),
        "ledger": _ledger(analysis),
        "quote_groups": _quote_groups(analysis),
        "disputes": [
            {
                "id": d.id,
                "claim": d.claim,
                "subject": d.subject,
                "asserts": _sides(d.asserts, texts),
                "denies": _sides(d.denies, texts),
            }
            for d in analysis.disputes
        ],
        "contradictions": [
            {"id": c.id, "kind": c.kind, "note": c.note, "a": c.a, "b": c.b} for c in analysis.contradictions
        ],
        "contradiction_groups": group_contradictions(analysis.contradictions),
        "unique": {k: list(v) for k, v in sorted(analysis.unique.items())},
        "omissions": {k: list(v) for k, v in sorted(analysis.omissions.items())},
        "framing": list(analysis.framing),
        "provenance": _provenance(analysis),
        "summary": list(analysis.summary),
    }
