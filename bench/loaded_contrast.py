"""Does contrast across outlets tell a loaded word from the story's vocabulary? Calibrate halves only.

For every own-voice candidate word of every calibrate article of both golds (the words
``newsprism.compare.lexicon`` judges), its probability under the shipped model and how the
story's other outlets tell the same fact (``newsprism.compare.framing.StoryContrast``: the
ledger's group of the word's clause, else the nearest sentence): ``without`` (some outlet tells
it without the word: a choice of wording), ``shared`` (every outlet that tells it uses the word
too) or ``none`` (no other outlet tells it). Then the P/R curves of both golds, scored the way
bench/brief_gold.py scores loaded terms (phrase units, a term matching a gold term it contains
or is contained in; a headline kept apart from the text is not read here):

- ``base``: a word is listed from probability t (the shipped rule; ``compare.loaded_threshold``);
- ``contrast d``: a ``without`` word is listed from t - d, a ``shared`` one is not listed;
- the story-level rule: a word every other article of the story uses in its own voice is not listed.

``--held-out`` scores every row with the word-meaning probe and the weights fitted without its
story (as bench/loaded_terms.py's out-of-fold estimate), so the curves are not flattered by a
probe that has seen the words; the bars are then chosen on the other stories for each story.

    PYTHONPATH=$PWD:$PWD/bench python bench/loaded_contrast.py --cache /tmp/lt [--held-out]

The report halves are never read here.
"""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from pathlib import Path

import numpy as np
from align_pairs import fit
from brief_gold import DEFAULT_DATA, GOLD, _term
from loaded_terms import POLNEAR, _same, analyses, fit_meaning, second_words

from newsprism.compare.framing import StoryContrast, _sharing, read_parse
from newsprism.compare.lexicon import loaded_model, meanings, word_features
from newsprism.compare.stage import _parses
from newsprism.compare.voice import _own_tokens, lemma_counts, term_unit, voice_of
from newsprism.settings import Settings

THRESHOLDS = [round(0.14 + 0.02 * i, 2) for i in range(20)]
STEPS = (0.0, 0.04, 0.08, 0.12)
TARGET_RECALL = 0.40


def candidates(gold_dir: Path, data: Path, cache: Path | None) -> tuple[list[dict], dict]:
    """One row per (article, candidate word) and the gold terms per article."""
    rows, golds = [], {}
    for gold, docs, analysis in analyses(gold_dir, data, cache):
        articles = list(analysis.articles)
        parses = _parses(articles, Settings())
        story = StoryContrast(articles, list(analysis.statements), list(analysis.ledger))
        sharing = _sharing(articles)
        name_of = {d.article.id: n for n, d in docs.items()}
        for item in gold.get("loaded", []):
            golds.setdefault(item["doc"], set()).add(_term(item["term"]))
        own: dict[str, set[str]] = {}
        words: dict[str, dict[tuple, dict]] = {}
        for article, doc in zip(articles, parses, strict=True):
            quotes = [q for q in analysis.quotes if q.article_id == article.id]
            voice = voice_of(article.text, quotes, read_parse(article.text, quotes, doc).reported)
            lemmas, seen = lemma_counts(doc), words.setdefault(article.id, {})
            tokens = _own_tokens(voice, doc)
            own[article.id] = {lemma or low for _t, (low, lemma, _p, _r) in tokens}
            for tok, (low, lemma, pos, roles) in tokens:
                x = word_features(low, lemma, pos, sharing[article.id](low), roles, lemmas[lemma or low] > 1)
                if x is None:
                    continue
                row = seen.setdefault(
                    (low, lemma, pos, roles),
                    {
                        "story": gold["story"],
                        "doc": name_of[article.id],
                        "word": low,
                        "lemma": lemma or low,
                        "x": x,
                        "units": set(),
                        "told": set(),
                    },
                )
                row["units"].add(term_unit(tok, voice))
                row["told"].update(c["uses"] for c in story.counterparts(article.id, tok.idx, low))
        for article in articles:
            others = [own[a.id] for a in articles if a.id != article.id]
            for row in words[article.id].values():
                row["contrast"] = "without" if False in row["told"] else "shared" if row["told"] else "none"
                row["everyone"] = bool(others) and all(row["lemma"] in o for o in others)
                rows.append(row)
        for name in docs:
            golds.setdefault(name, set())
    return rows, golds


def shipped(rows: list[dict]) -> np.ndarray:
    """Each row's probability under the shipped model and probe."""
    model = loaded_model()
    mean = meanings([r["word"] for r in rows], model)
    return np.array([model.probability((*r["x"][:-1], mean[r["word"]])) for r in rows])


def held_out(rows: list[dict]) -> np.ndarray:
    """Each row's probability with the probe and the weights fitted without its story."""
    second = second_words()
    y = np.array(
        [any(r["word"] in t.split() for t in r["gold"]) or r["word"] in second[r["doc"]] for r in rows], float
    )
    _probe, meaning = fit_meaning(rows, y)
    x = np.array([(*r["x"][:-1], m) for r, m in zip(rows, meaning["oof"], strict=True)])
    story = np.array([r["story"] for r in rows])
    out = np.zeros(len(rows))
    for s in np.unique(story):
        held = story == s
        w, b = fit(x[~held], y[~held])
        out[held] = 1 / (1 + np.exp(-(x[held] @ w + b)))
    return out


def listed(
    rows: list[dict], prob: np.ndarray, t: float, step: float | None, everyone: bool = False
) -> np.ndarray:
    """Which rows are listed at bar ``t``: ``step`` None is the shipped rule, else the contrast rule."""
    shared = np.array([r["x"][9] < 1.0 for r in rows])  # as lexicon.loaded_words: FEATURES "shared"
    if step is None:
        keep = prob >= t
    else:
        kind = np.array([r["contrast"] for r in rows])
        keep = np.where(kind == "without", prob >= t - step, (prob >= t) & (kind != "shared"))
    if everyone:
        keep &= ~np.array([r["everyone"] for r in rows])
    return keep & shared


def counts(rows: list[dict], golds: dict, keep: np.ndarray, stories: set[str] | None = None) -> np.ndarray:
    """Gold terms found, gold terms, listed terms right, listed terms (brief_gold.py's way)."""
    system: dict[str, set[str]] = defaultdict(set)
    story_of = {}
    for r, k in zip(rows, keep, strict=True):
        story_of[r["doc"]] = r["story"]
        if k:
            system[r["doc"]].update(r["units"])
    out = np.zeros(4)
    for doc, gold in golds.items():
        if stories is not None and story_of.get(doc) not in stories:
            continue
        mine = system[doc]
        out += (
            sum(any(_same(g, s) for s in mine) for g in gold),
            len(gold),
            sum(any(_same(s, g) for g in gold) for s in mine),
            len(mine),
        )
    return out


def _cell(c: np.ndarray) -> str:
    return f"{c[0] / max(1, c[1]):.2f} {c[2] / max(1, c[3]):.2f} {int(c[3]):3d}"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--cache", type=Path, help="the calibrate analyses of bench/loaded_terms.py")
    ap.add_argument(
        "--held-out", action="store_true", help="probe and weights fitted without each row's story"
    )
    args = ap.parse_args()
    tables = {}
    for gold_dir in (GOLD, POLNEAR):
        rows, golds = candidates(gold_dir, args.data, args.cache)
        for r in rows:
            r["gold"] = golds[r["doc"]]
        tables[gold_dir.name] = (rows, golds)
    rows = [r for t in tables.values() for r in t[0]]
    golds = {d: g for t in tables.values() for d, g in t[1].items()}
    prob = held_out(rows) if args.held_out else shipped(rows)
    kinds = defaultdict(lambda: np.zeros(2))
    for r, p in zip(rows, prob, strict=True):
        if p >= 0.2:
            kinds[r["contrast"]] += (1, any(r["word"] in g.split() for g in r["gold"]))
    print("words at p >= 0.20 by contrast (n, gold):", {k: (int(v[0]), int(v[1])) for k, v in kinds.items()})
    per_gold = {name: {r["story"] for r in t[0]} for name, t in tables.items()}
    rules = (
        [("base", None, False)]
        + [(f"contrast {d:.2f}", d, False) for d in STEPS]
        + [("story-level", None, True)]
    )
    best = {}
    for label, step, everyone in rules:
        print(f"\n{label}: threshold | ECB+ R P n | PolNeAR R P n | pooled R P n")
        for t in THRESHOLDS:
            keep = listed(rows, prob, t, step, everyone)
            cells = [counts(rows, golds, keep, per_gold[name]) for name in tables]
            pooled = cells[0] + cells[1]
            print(f"  {t:.2f} | " + " | ".join(_cell(c) for c in (*cells, pooled)))
            if all(c[0] / c[1] >= TARGET_RECALL for c in cells):  # recall kept on both halves
                best[label] = max(best.get(label, (0.0, 0.0)), (pooled[2] / pooled[3], t))
    print("\nbest pooled precision with recall >= 0.40 on both halves (bar chosen in sample):")
    for label, (p, t) in best.items():
        print(f"  {label:16s} P {p:.3f} at t {t:.2f}")
    stories = sorted({r["story"] for r in rows})
    print("\nbars chosen on the other stories, pooled over each held-out story (R P n):")
    for label, step, everyone in rules:
        total = np.zeros(4)
        per = {
            t: {s: counts(rows, golds, listed(rows, prob, t, step, everyone), {s}) for s in stories}
            for t in THRESHOLDS
        }
        for s in stories:
            choice = None
            for t in THRESHOLDS:
                c = sum(per[t][o] for o in stories if o != s)
                if c[0] / c[1] >= TARGET_RECALL and (choice is None or c[2] / c[3] > choice[0]):
                    choice = (c[2] / c[3], t)
            if choice is not None:
                total += per[choice[1]][s]
        print(f"  {label:16s} {_cell(total)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
