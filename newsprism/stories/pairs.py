"""A learned same-story decision over article pairs of a pool of small stories.

The complete link of a pool of small stories (:meth:`Batch._small_groups`) asks one
cosine to say whether two articles report one story. Several weaker signals say it
too, and not in the proportions a cosine weighs them: the words alone, the names
alone, the headlines, the rare names two articles share (an event's own actors),
numbers and dates written in both. A small logistic model over those pair features,
fitted by ``bench/stories_pairs.py`` on calibration pools and stored as JSON, turns
them into one probability the link can cut at a fitted bar (issue 11, session 14).
"""

from __future__ import annotations

import json
import math
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np
from scipy.sparse import csr_matrix

from newsprism.errors import SettingsError
from newsprism.stories.features import ArticleFeatures, title_counts
from newsprism.stories.opinion import is_opinion
from newsprism.stories.vector import DocFrequency

__all__ = ["FEATURES", "PairModel", "load_model", "mutual_share", "pair_features"]

# The pair features, in the order of a model's weights.
FEATURES = (
    "link",
    "words",
    "names",
    "title",
    "rare_names",
    "common_names",
    "numbers",
    "dates",
    "rank",
    "share",
    "title_rank",
    "words_rank",
    "words_share",
    "title_share",
    "rank_gap",
    "gap",
    "undated",
    "outlet",
    "opinion",
    "text_gap",
    "year_gap",
    "year_same",
    "names_rank",
)
# Days apart at which the date gap stops growing (the link's hard window is max_gap_days).
GAP_CAP = 30
# Years apart at which the year gap of a pair with an undated article stops growing.
YEAR_CAP = 5


@dataclass(frozen=True)
class PairModel:
    """Logistic weights over :data:`FEATURES` (``means`` and ``scales`` standardise them) and
    the probability at or above which the complete link keeps two articles together."""

    weights: tuple[float, ...]
    bias: float
    means: tuple[float, ...]
    scales: tuple[float, ...]
    threshold: float
    # The link that cuts the probability: "average" or "complete".
    method: str = "complete"

    def probability(self, features: Mapping[str, np.ndarray]) -> np.ndarray:
        """Same-story probability of every pair whose feature matrices are ``features``."""
        logit = np.full(next(iter(features.values())).shape, self.bias)
        for name, w, mean, scale in zip(FEATURES, self.weights, self.means, self.scales, strict=True):
            logit += (w / scale) * (features[name] - mean)
        return 1.0 / (1.0 + np.exp(-logit))


def load_model(path: str) -> PairModel:
    """The model stored at ``path`` (JSON written by ``bench/stories_pairs.py``); relative to
    this package when not absolute. Read once per version of the file."""
    where = Path(path) if Path(path).is_absolute() else Path(__file__).parent / path
    try:
        return _read_model(str(where), where.stat().st_mtime_ns)
    except OSError as exc:
        raise SettingsError(
            f"stories.small_pair_model: {where} cannot be read ({exc}); give the path of a pair model"
        ) from exc


@lru_cache(maxsize=4)
def _read_model(path: str, _version: int) -> PairModel:
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        model = PairModel(
            # A feature a model was fitted without weighs nothing (session 14's models).
            tuple(float(data["weights"].get(k, 0.0)) for k in FEATURES),
            float(data["bias"]),
            tuple(float(data["means"].get(k, 0.0)) for k in FEATURES),
            tuple(float(data["scales"].get(k, 1.0)) for k in FEATURES),
            float(data["threshold"]),
            str(data.get("method", "complete")),
        )
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise SettingsError(
            f"stories.small_pair_model: {path} is not a pair model ({exc}); refit it with bench/stories_pairs.py"
        ) from exc
    return model


def pair_features(
    feats: Sequence[ArticleFeatures],
    vectors: Sequence[Mapping[str, float]],
    df: DocFrequency,
    rare_bar: float,
) -> dict[str, np.ndarray]:
    """Each feature of :data:`FEATURES` for every pair of ``feats`` (dense, symmetric).

    ``vectors``: the pool's link vectors (names weighed by spread); a name carried by at most
    ``rare_bar`` of these articles is rare (an event's own), in more common (a topic's).
    """
    spread: Counter[str] = Counter(k for f in feats for k in f.counts if k[0] == "e")
    rare = {k for k, n in spread.items() if n <= rare_bar}
    titles = [title_counts(f.title) for f in feats]
    link = _shared(vectors)  # cosines: the vectors are of unit length
    title = _shared([_unit({k: math.log1p(n) * df.idf(k) for k, n in t.items()}) for t in titles])
    words = _shared([_unit({k: v for k, v in vec.items() if k[0] == "w"}) for vec in vectors])
    names = _shared([_unit({k: v for k, v in vec.items() if k[0] == "e"}) for vec in vectors])
    return {
        "link": link,
        "words": words,
        "names": names,
        "names_rank": _mutual_rank(names),
        "title": title,
        "rare_names": np.log1p(
            _shared([{k: math.sqrt(df.idf(k)) for k in f.counts if k in rare} for f in feats])
        ),
        "common_names": _shared([{k: 1.0 for k in f.counts if k[0] == "e" and k not in rare} for f in feats]),
        "numbers": np.minimum(_shared([{k: 1.0 for k in f.counts if k[0] == "n"} for f in feats]), 3.0),
        "dates": np.minimum(_shared([{k: 1.0 for k in f.counts if k[0] in "yd"} for f in feats]), 3.0),
        "rank": _mutual_rank(link),
        "share": _best_share(link),
        "title_rank": _mutual_rank(title),
        "words_rank": _mutual_rank(words),
        "words_share": _best_share(words),
        "title_share": _best_share(title),
        "rank_gap": _rank_gap(link),
        **_context(feats),
    }


def mutual_share(vectors: Sequence[Mapping[str, float]], window: int) -> float:
    """The share of articles whose nearest other (by the cosine of ``vectors``, within each
    ``window`` of them) has it as its nearest too: in a pool of small stories most reports are
    a mate's nearest; in a stream of one-off articles few are."""
    if len(vectors) < 2:
        return 0.0
    mutual = 0
    for start in range(0, len(vectors), window):
        sims = _shared(vectors[start : start + window])
        if len(sims) < 2:
            continue
        np.fill_diagonal(sims, 0.0)
        nearest = sims.argmax(axis=1)
        alike = sims[np.arange(len(sims)), nearest] > 0.0
        mutual += int(np.sum(alike & (nearest[nearest] == np.arange(len(sims)))))
    return mutual / len(vectors)


def _context(feats: Sequence[ArticleFeatures]) -> dict[str, np.ndarray]:
    """What the pair's articles say besides their terms: the days between their publication
    dates (log, capped; 0 when either is undated), whether either is undated, whether one known
    outlet wrote both, and how many of the two headlines read as opinion."""
    days = np.array([f.published.toordinal() if f.published else 0 for f in feats], dtype=float)
    dated = days > 0
    both = dated[:, None] & dated[None, :]
    gap = np.log1p(np.minimum(np.abs(days[:, None] - days[None, :]), GAP_CAP))
    names = {o: n for n, o in enumerate(sorted({f.outlet for f in feats if f.outlet}))}
    outlet = np.array([names.get(f.outlet, -1) if f.outlet else -1 for f in feats])
    same = (outlet[:, None] == outlet[None, :]) & (outlet[:, None] >= 0)
    opinion = np.array([float(is_opinion(f.title, "")) for f in feats])
    return {
        "gap": np.where(both, gap, 0.0),
        "undated": (~both).astype(float),
        "outlet": same.astype(float),
        "opinion": opinion[:, None] + opinion[None, :],
        **_text_time(feats, ~both),
    }


def _text_time(feats: Sequence[ArticleFeatures], undated: np.ndarray) -> dict[str, np.ndarray]:
    """Time evidence of a pair with an undated article, from what its own text writes (issue 11:
    never from other articles): the days between the two articles' days where both have one (a
    date, or an undated article's text floor: the latest past full date it writes), and the
    years between their years (a date's, or the latest year an undated article writes), with
    whether those years are the same. 0 for two dated articles (``gap`` says it) or no evidence."""
    days = np.array([_text_day(f) for f in feats], dtype=float)
    years = np.array([_text_year(f) for f in feats], dtype=float)
    has_day = undated & (days[:, None] > 0) & (days[None, :] > 0)
    has_year = undated & (years[:, None] > 0) & (years[None, :] > 0)
    day_gap = np.log1p(np.minimum(np.abs(days[:, None] - days[None, :]), GAP_CAP))
    year_gap = np.abs(years[:, None] - years[None, :])
    return {
        "text_gap": np.where(has_day, day_gap, 0.0),
        "year_gap": np.where(has_year, np.log1p(np.minimum(year_gap, YEAR_CAP)), 0.0),
        "year_same": (has_year & (year_gap == 0)).astype(float),
    }


def _text_day(feat: ArticleFeatures) -> int:
    day = feat.published or feat.floor
    return day.toordinal() if day else 0


def _text_year(feat: ArticleFeatures) -> int:
    """The article's year: its publication date's, else the latest year its text writes."""
    if feat.published:
        return feat.published.year
    written = [int(k[2:6]) for k in feat.counts if k[0] in "yd"]
    if feat.floor:
        written.append(feat.floor.year)
    return max(written, default=0)


def _mutual_rank(sims: np.ndarray) -> np.ndarray:
    """log(1 + the larger of the two ranks a pair has in each other's list of most alike, 0
    the nearest): a story's reports are each other's nearest, whatever the topic's crowd."""
    masked = sims.copy()
    np.fill_diagonal(masked, -np.inf)
    ranks = np.argsort(np.argsort(-masked, axis=1, kind="stable"), axis=1, kind="stable")
    return np.log1p(np.maximum(ranks, ranks.T).astype(float))


def _rank_gap(sims: np.ndarray) -> np.ndarray:
    """A pair's similarity over the larger of its two articles' third best: how far the pair
    stands above the crowd of its topic."""
    masked = sims.copy()
    np.fill_diagonal(masked, 0.0)
    k = min(2, len(sims) - 1)
    third = -np.partition(-masked, k, axis=1)[:, k] if len(sims) > 2 else np.zeros(len(sims))
    top = np.maximum(third[:, None], third[None, :])
    return np.log1p(np.divide(masked, top, out=np.zeros_like(masked), where=top > 0.0))


def _best_share(sims: np.ndarray) -> np.ndarray:
    """A pair's similarity over the larger of its two articles' best similarity to any other."""
    masked = sims.copy()
    np.fill_diagonal(masked, 0.0)
    best = masked.max(axis=1)
    top = np.maximum(best[:, None], best[None, :])
    return np.divide(masked, top, out=np.zeros_like(masked), where=top > 0.0)


def _unit(vector: dict[str, float]) -> dict[str, float]:
    norm = math.sqrt(sum(v * v for v in vector.values()))
    return {k: v / norm for k, v in vector.items()} if norm > 0.0 else {}


def _shared(weighted: Sequence[Mapping[str, float]]) -> np.ndarray:
    """For each pair, the sum over keys both carry of the product of their weights (of unit
    vectors: their cosine)."""
    keys: dict[str, int] = {}
    rows, cols, values = [], [], []
    for row, vector in enumerate(weighted):
        for key, value in vector.items():
            rows.append(row)
            cols.append(keys.setdefault(key, len(keys)))
            values.append(value)
    matrix = csr_matrix((values, (rows, cols)), shape=(len(weighted), max(len(keys), 1)))
    return np.asarray((matrix @ matrix.T).todense())
