"""Issue 11, session 14: a learned pair decision for the complete link of a pool of small stories."""

import json
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest

from newsprism.errors import SettingsError
from newsprism.settings import StorySettings
from newsprism.stories import StoryIndex
from newsprism.stories.features import ArticleFeatures
from newsprism.stories.pairs import FEATURES, PairModel, load_model, pair_features
from newsprism.stories.vector import DocFrequency, unit_of


def _story(tag: str, words: list[str], n: int = 3) -> list[ArticleFeatures]:
    """``n`` reports of one event: its own words, place and headline, and a name every story shares."""
    return [
        ArticleFeatures(
            f"{tag}{k}",
            {"e:governor": 2, f"e:{tag}ville": 1, **{f"w:{w}": 1 for w in words}, f"w:{tag}x{k}": 1},
            title=f"Governor and the {words[0]} in {tag.title()}ville",
        )
        for k in range(n)
    ]


VETO = _story("veto", ["veto", "budget", "school", "signed"])
STRIKE = _story("strike", ["strike", "budget", "pension", "union"])
FLOOD = _story("flood", ["flood", "levee", "river", "rain"])
FIRE = _story("fire", ["blaze", "warehouse", "crew", "smoke"])


def _features(feats: list[ArticleFeatures]) -> dict[str, np.ndarray]:
    df = DocFrequency()
    for f in feats:
        df.update(f.counts)
    vectors = [
        unit_of(sorted(((k, float(v)) for k, v in f.counts.items()), key=lambda kv: -kv[1])) for f in feats
    ]
    return pair_features(feats, vectors, df, rare_bar=3.0)


def test_reports_of_one_story_rank_each_other_first_and_share_its_rare_names() -> None:
    found = _features(VETO + FLOOD)
    assert set(found) == set(FEATURES)
    same, other = (0, 1), (0, 3)
    assert found["rank"][same] < found["rank"][other]  # each other's nearest, not the flood's
    assert found["share"][same] == pytest.approx(1.0)
    assert found["share"][other] < 0.5
    assert found["rare_names"][same] > 0.0 and found["rare_names"][other] == 0.0  # vetoville, not governor
    assert found["common_names"][other] == 1.0  # the governor, in all six
    assert found["title"][same] > found["title"][other]


def _model(**weights: float) -> PairModel:
    n = len(FEATURES)
    w = tuple(weights.get(k, 0.0) for k in FEATURES)
    return PairModel(w, 0.0, (0.0,) * n, (1.0,) * n, threshold=0.5)


def test_the_probability_follows_the_weights() -> None:
    model = _model(share=2.0, rank=-1.0)
    zero = np.zeros((2, 2))
    base = {k: zero for k in FEATURES}
    near = model.probability({**base, "share": np.ones((2, 2))})
    far = model.probability({**base, "rank": np.ones((2, 2))})
    assert near[0, 1] > 0.5 > far[0, 1]


def test_the_packaged_model_loads_and_a_bad_one_is_named(tmp_path: Path) -> None:
    packaged = load_model(StorySettings().small_pair_model or "pair_model.json")
    assert len(packaged.weights) == len(FEATURES) and packaged.method in ("average", "complete")
    broken = tmp_path / "model.json"
    broken.write_text('{"weights": {}}', encoding="utf-8")
    with pytest.raises(SettingsError, match="model.json"):
        load_model(str(broken))
    with pytest.raises(SettingsError, match="missing.json"):
        load_model(str(tmp_path / "missing.json"))


def test_one_batch_of_small_stories_keeps_each_story_apart_with_the_model() -> None:
    settings = replace(
        StorySettings(), small_pair_model="pair_model.json", small_pair_steps=True, small_pair_min=0
    )
    index = StoryIndex(settings)
    index.add_features(VETO + STRIKE + FLOOD + FIRE)
    stories = sorted(sorted(s.article_ids) for s in index.stories())
    assert stories == sorted(sorted(f.article_id for f in s) for s in (VETO, STRIKE, FLOOD, FIRE))


def test_a_pool_of_a_few_articles_or_of_larger_stories_is_linked_by_the_cosine(tmp_path: Path) -> None:
    # A model that keeps every pair together (bias only): used, it lumps stories together.
    lumper = tmp_path / "lumper.json"
    zero = {k: 0.0 for k in FEATURES}
    lumper.write_text(
        json.dumps(
            {
                "weights": zero,
                "bias": 5.0,
                "means": zero,
                "scales": {k: 1.0 for k in FEATURES},
                "threshold": 0.5,
            }
        ),
        encoding="utf-8",
    )
    feats = VETO + STRIKE + FLOOD + FIRE
    # Used in a pool of 12 whose typical story holds 3; not in a smaller pool, nor when the
    # model is kept to pools of smaller stories.
    for least, typical, used in ((0, 3, True), (len(feats) + 1, 3, False), (0, 2, False)):
        settings = replace(
            StorySettings(), small_pair_model=str(lumper), small_pair_min=least, small_pair_typical=typical
        )
        index = StoryIndex(settings)
        index.add_features(feats)
        assert (len(index) < 4) == used


def test_dates_outlets_and_opinion_headlines_are_pair_features() -> None:
    from datetime import date

    base = VETO[0]
    feats = [
        replace(base, article_id="a", published=date(2019, 3, 1), outlet="Daily Ledger"),
        replace(base, article_id="b", published=date(2019, 3, 4), outlet="Daily Ledger"),
        replace(base, article_id="c", outlet="Evening Post", title="Opinion: the veto was a mistake"),
    ]
    found = _features(feats)
    assert found["gap"][0, 1] == pytest.approx(np.log1p(3))
    assert found["undated"][0, 1] == 0.0 and found["undated"][0, 2] == 1.0
    assert found["gap"][0, 2] == 0.0  # no gap is read from a missing date
    assert found["outlet"][0, 1] == 1.0 and found["outlet"][0, 2] == 0.0
    assert found["opinion"][0, 1] == 0.0 and found["opinion"][1, 2] == 1.0


def test_a_model_fitted_without_the_newer_features_still_loads(tmp_path: Path) -> None:
    older = [k for k in FEATURES if k not in ("gap", "undated", "outlet", "opinion")]
    path = tmp_path / "older.json"
    path.write_text(
        json.dumps(
            {
                "weights": dict.fromkeys(older, 1.0),
                "bias": 0.0,
                "means": dict.fromkeys(older, 0.0),
                "scales": dict.fromkeys(older, 1.0),
                "threshold": 0.4,
            }
        ),
        encoding="utf-8",
    )
    model = load_model(str(path))
    assert model.weights[FEATURES.index("gap")] == 0.0 and model.weights[0] == 1.0


def test_an_undated_articles_own_text_dates_it_against_the_other() -> None:
    from datetime import date

    base = VETO[0]
    feats = [
        replace(base, article_id="a", published=date(2019, 3, 1)),
        replace(base, article_id="b", floor=date(2019, 3, 5)),  # its latest past full date
        replace(base, article_id="c", counts={**base.counts, "y:2011": 1, "d:2012-05-02": 1}),
        replace(base, article_id="d", published=date(2012, 6, 1)),
        replace(base, article_id="e"),  # writes no year
    ]
    found = _features(feats)
    assert found["text_gap"][0, 1] == pytest.approx(np.log1p(4))
    assert found["text_gap"][0, 3] == 0.0  # two dated articles: the gap feature says it
    assert found["text_gap"][0, 2] == 0.0  # a year is no day
    # The latest year an undated article writes (2012) against a date's year (7 apart, capped at 5).
    assert found["year_gap"][2, 0] == pytest.approx(np.log1p(5)) and found["year_same"][2, 0] == 0.0
    assert found["year_gap"][2, 3] == 0.0 and found["year_same"][2, 3] == 1.0
    assert found["year_gap"][1, 0] == 0.0 and found["year_same"][1, 0] == 1.0  # the floor's year
    assert found["year_gap"][4, 0] == 0.0 and found["year_same"][4, 0] == 0.0  # nothing written


def test_names_rank_reads_which_pairs_are_each_others_nearest_by_names() -> None:
    found = _features(VETO + FLOOD)
    assert found["names_rank"][0, 1] < found["names_rank"][0, 3]
