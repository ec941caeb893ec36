"""Every false positive and every miss of the loaded terms on the *calibrate* halves, with a cause.

For each calibrate article of both golds, the loaded terms newsprism lists are compared with
the gold's the way bench/brief_gold.py compares them (a term matches a gold term it contains
or is contained in). Each listed term the gold lacks is printed with ``FP`` (``FP2`` when the
second, blind annotator lists one of its words: bench/loaded_second.json) and its sentence;
each gold term no listed term matches is printed with ``MISS`` and its cause:

- ``not own voice``: no word is judged, the first sits in a quote, a quotes-stage quote or reported speech;
- ``not a candidate``: a stop word, a name or number, part of a hyphenated word, a hedge;
- ``p=0.23``: the highest probability of its own-voice words, all under the threshold;
- ``not in text``: no word of the term is found as a token (a typo in the gold, a headline
  kept apart from the text).

    PYTHONPATH=. python bench/loaded_errors.py --cache /tmp/lt        # same cache as loaded_terms.py
    PYTHONPATH=. python bench/loaded_errors.py --cache /tmp/lt --summary

The report halves are never read here.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter, defaultdict
from pathlib import Path

from brief_gold import DEFAULT_DATA, GOLD, _term
from loaded_terms import POLNEAR, _same, analyses, second_words

from newsprism.compare.framing import _sharing, build_framing
from newsprism.compare.lexicon import loaded_model, meanings, word_features
from newsprism.compare.stage import _parses
from newsprism.compare.voice import _own_tokens, lemma_counts, own_voice
from newsprism.settings import Settings


def _sentence(doc, word: str) -> str:
    first = word.split()[0]
    tok = next((t for t in doc if t.lower_ == first), None)
    return " ".join(tok.sent.text.split())[:200] if tok is not None else "?"


def _cause(doc, voice: str, term: str, own: dict, share, lemmas) -> str:
    """Why no listed term matches the gold ``term``: the highest probability among its
    own-voice words, else why its first word found in the text is not judged."""
    model = loaded_model()
    causes, best = [], None
    for word in term.split():
        tok = next((t for t in doc if t.lower_ == word and not t.is_stop), None)
        if tok is None:
            continue
        if tok.i not in own:
            blanked = voice[tok.idx : tok.idx + len(tok)] != tok.text
            causes.append("not own voice" if blanked else f"not a candidate ({tok.pos_})")
            continue
        low, lemma, pos, roles = own[tok.i]
        features = word_features(low, lemma, pos, share(low), roles, lemmas[lemma or low] > 1)
        if features is None:
            causes.append("not a candidate (unknown word)")
            continue
        p = model.probability((*features[:-1], meanings([low])[low]))
        best = p if best is None else max(best, p)
    if best is not None:
        return f"p={best:.2f}"
    return causes[0] if causes else "not in text"


def errors(gold_dir: Path, data: Path, cache: Path | None, second: dict) -> list[tuple[str, str, str, str]]:
    """(kind, article, term, cause or sentence) for every error of ``gold_dir``'s calibrate half."""
    settings = Settings()
    out = []
    for gold, docs, analysis in analyses(gold_dir, data, cache):
        articles = list(analysis.articles)
        parses = _parses(articles, settings)
        framing = build_framing(
            articles,
            list(analysis.statements),
            list(analysis.ledger),
            parses,
            list(analysis.quotes),
            settings.compare.loaded_threshold,
        )
        sharing = _sharing(articles)
        terms: dict[str, set[str]] = defaultdict(set)
        for item in gold.get("loaded", []):
            terms[item["doc"]].add(_term(item["term"]))
        name_of = {d.article.id: n for n, d in docs.items()}
        for article, doc, frame in zip(articles, parses, framing, strict=True):
            name = name_of[article.id]
            listed = {_term(t) for t in frame["loaded_terms"]}
            for term in sorted(listed):
                if not any(_same(term, g) for g in terms[name]):
                    kind = "FP2" if set(term.split()) & second[name] else "FP"
                    out.append((kind, name, term, _sentence(doc, term)))
            statements = [s for s in analysis.statements if s.article_id == article.id]
            quotes = [q for q in analysis.quotes if q.article_id == article.id]
            voice = own_voice(article.text, statements, doc, quotes)
            own = {tok.i: word for tok, word in _own_tokens(voice, doc)}
            for term in sorted(terms[name]):
                if not any(_same(term, s) for s in listed):
                    cause = _cause(doc, voice, term, own, sharing[article.id], lemma_counts(doc))
                    out.append(("MISS", name, term, cause))
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--cache", type=Path, help="keep the calibrate analyses here between runs")
    ap.add_argument("--summary", action="store_true", help="counts only")
    args = ap.parse_args()
    second = second_words()
    for gold_dir in (GOLD, POLNEAR):
        rows = errors(gold_dir, args.data, args.cache, second)
        kinds = Counter(k for k, *_ in rows)
        causes = Counter(c.split("=")[0].split(" (")[0] for k, _n, _t, c in rows if k == "MISS")
        print(f"{gold_dir.name}: {dict(kinds)}; misses by cause {dict(causes)}")
        if not args.summary:
            for kind, name, term, what in rows:
                print(f"  {kind:4s} {name[:40]:40s} [{term}]  {what}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
