"""Issue 11, session 16: a pool of full articles in small stories enters the pool of small
stories when most of its articles are each other's nearest, and is linked by its own model."""

from dataclasses import replace
from datetime import date

from newsprism.settings import StorySettings
from newsprism.stories import StoryIndex
from newsprism.stories.batch import Batch
from newsprism.stories.features import ArticleFeatures
from newsprism.stories.pairs import load_model, mutual_share


def _story(tag: str, words: list[str], n: int = 2) -> list[ArticleFeatures]:
    """``n`` long reports of one event: its own words and place, each with words of its own."""
    return [
        ArticleFeatures(
            f"{tag}{k}",
            {f"e:{tag}ville": 2, **{f"w:{w}": 2 for w in words}, **{f"w:{tag}{k}x{m}": 1 for m in range(8)}},
            published=date(2019, 3, 4),
        )
        for k in range(n)
    ]


STORIES = [
    _story("veto", ["veto", "budget", "school"]),
    _story("strike", ["strike", "pension", "union"]),
    _story("flood", ["flood", "levee", "river"]),
    _story("fire", ["blaze", "warehouse", "crew"]),
    _story("trial", ["jury", "verdict", "appeal"]),
]
POOL = [f for story in STORIES for f in story]


def _batch(features: list[ArticleFeatures], settings: StorySettings) -> Batch:
    index = StoryIndex(settings)
    for f in features:
        index.df.update(f.counts)
    batch = Batch(index)
    batch._add_items(features, None)
    return batch


def test_mutual_share_counts_articles_that_are_each_others_nearest() -> None:
    pair = [{"w:a": 1.0}, {"w:a": 1.0}]
    lone = [{"w:b": 0.6, "w:a": 0.8}, {"w:c": 1.0}]
    assert mutual_share(pair + [{"w:z": 1.0}], 10) == 2 / 3
    assert mutual_share(pair + lone, 10) == 2 / 4  # the third's nearest is taken; the fourth shares nothing
    assert mutual_share(pair + pair, 2) == 1.0  # within each window
    assert mutual_share([{"w:a": 1.0}], 10) == 0.0


def test_a_pool_of_full_articles_the_first_link_leaves_apart_enters_by_its_mutual_nearest() -> None:
    settings = replace(StorySettings(), small_full_terms=10, small_pair_min=10)
    alone = [[i] for i in range(len(POOL))]  # the first link grouped none of them
    batch = _batch(POOL, settings)
    assert batch._small_groups(list(range(len(POOL))), alone) == alone  # no typical story to read
    loose = [[0, 1]] + [[i] for i in range(2, len(POOL))]  # one group of two: linked share 0.2
    entered = _batch(POOL, settings)
    groups = entered._small_groups(list(range(len(POOL))), loose)
    assert entered.small
    assert sorted(groups) == [[2 * k, 2 * k + 1] for k in range(len(STORIES))]
    short = _batch(POOL, replace(settings, small_full_terms=100))  # headlines and leads: not entered
    assert short._small_groups(list(range(len(POOL))), loose) == loose and not short.small
    off = _batch(POOL, replace(settings, small_mutual_share=0.0))
    assert off._small_groups(list(range(len(POOL))), loose) == loose and not off.small


def test_one_off_full_articles_stay_out() -> None:
    settings = replace(StorySettings(), small_full_terms=10, small_pair_min=10)
    one_offs = [story[0] for story in STORIES] + [_story("gala", ["gala", "ballet", "opera"])[0]]
    pool = POOL[:2] + one_offs[1:] + _story("vote", ["ballot", "recount", "precinct"], 1)
    loose = [[0, 1]] + [[i] for i in range(2, len(pool))]
    batch = _batch(pool, settings)
    assert batch._small_groups(list(range(len(pool))), loose) == loose and not batch.small


def test_the_packaged_full_article_model_loads() -> None:
    model = load_model(StorySettings().small_pair_full_model)
    assert model.method in ("average", "complete") and 0.0 < model.threshold < 1.0


def test_settling_keeps_the_full_article_models_stories() -> None:
    """A story of two loose reports that the model linked stays whole: the profile cosine that
    settling reads is no judge of it (their shared words are few)."""
    settings = replace(StorySettings(), small_full_terms=10, small_pair_min=10, stay_threshold=0.99)
    loose = [[0, 1]] + [[i] for i in range(2, len(POOL))]
    kept = _batch(POOL, settings)
    groups = kept._small_groups(list(range(len(POOL))), loose)
    assert kept.full_model
    for group in groups:
        key = kept._open(kept.items[group[0]])
        for j in group:
            kept._join(j, key, 0.0)
    assert not any(kept._replace(i, settings.stay_threshold) for i in range(len(POOL)))
    off = _batch(POOL, replace(settings, small_full_keeps=False))
    groups = off._small_groups(list(range(len(POOL))), loose)
    for group in groups:
        key = off._open(off.items[group[0]])
        for j in group:
            off._join(j, key, 0.0)
    assert any(off._replace(i, settings.stay_threshold) for i in range(len(POOL)))
