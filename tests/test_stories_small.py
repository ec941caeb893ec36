"""Issue 11, session 12: a batch of many small stories is linked again stricter, its names
weighed by their spread in the batch."""

from dataclasses import replace

from newsprism.settings import StorySettings
from newsprism.stories import StoryIndex
from newsprism.stories.batch import Batch
from newsprism.stories.features import ArticleFeatures


def _story(tag: str, words: list[str], n: int = 3, name: str = "e:governor") -> list[ArticleFeatures]:
    """``n`` reports of one event: its own words and place, and a name every story shares."""
    return [
        ArticleFeatures(
            f"{tag}{k}", {name: 2, f"e:{tag}ville": 1, **{f"w:{w}": 1 for w in words}, f"w:{tag}x{k}": 1}
        )
        for k in range(n)
    ]


VETO = _story("veto", ["veto", "budget", "school", "signed"])
STRIKE = _story("strike", ["strike", "budget", "pension", "union"])
FLOOD = _story("flood", ["flood", "levee", "river", "rain"])
FIRE = _story("fire", ["blaze", "warehouse", "crew", "smoke"])


def _batch(features: list[ArticleFeatures], settings: StorySettings | None = None) -> Batch:
    index = StoryIndex(settings or StorySettings())
    for f in features:
        index.df.update(f.counts)
    batch = Batch(index)
    batch._add_items(features, None)
    return batch


def test_a_pool_of_small_stories_is_linked_again() -> None:
    batch = _batch(VETO + STRIKE + FLOOD + FIRE)
    loose = [[0, 1, 2, 3, 4, 5], [6, 7, 8], [9, 10, 11]]  # two events of one topic linked as one
    groups = batch._small_groups(list(range(12)), loose)
    assert batch.small
    assert sorted(groups) == [[0, 1, 2], [3, 4, 5], [6, 7, 8], [9, 10, 11]]


def test_a_stream_of_one_off_articles_keeps_its_groups() -> None:
    batch = _batch(VETO + STRIKE + FLOOD + FIRE)
    loose = [[0, 1, 2, 3, 4, 5]] + [[i] for i in range(6, 12)]  # half the pool stands alone
    assert batch._small_groups(list(range(12)), loose) == loose
    assert not batch.small
    off = _batch(VETO + STRIKE, replace(StorySettings(), small_story_size=0))
    assert off._small_groups(list(range(6)), [[0, 1, 2, 3, 4, 5]]) == [[0, 1, 2, 3, 4, 5]]


def test_a_pool_of_large_stories_keeps_its_groups() -> None:
    big = _story("quake", ["quake", "magnitude", "tremor", "aftershock"], n=6)
    batch = _batch(big + VETO + STRIKE)
    loose = [[0, 1, 2, 3, 4, 5], [6, 7, 8, 9, 10, 11]]
    assert batch._small_groups(list(range(12)), loose) == loose
    assert not batch.small


def test_names_spread_over_more_than_a_story_weigh_less() -> None:
    batch = _batch(VETO + STRIKE + FLOOD)
    vectors = batch._spread_vectors(list(range(9)), bar=3.0)
    # the governor is in all nine articles, the town in its own story's three
    assert vectors[0]["e:governor"] < vectors[0]["e:vetoville"]
    plain = batch._spread_vectors(list(range(9)), bar=9.0)
    assert plain[0]["e:governor"] > vectors[0]["e:governor"]


def test_one_batch_of_small_stories_keeps_each_story_apart() -> None:
    index = StoryIndex()
    index.add_features(VETO + STRIKE + FLOOD + FIRE)
    stories = sorted(sorted(s.article_ids) for s in index.stories())
    assert stories == sorted(sorted(f.article_id for f in s) for s in (VETO, STRIKE, FLOOD, FIRE))


def test_a_story_linked_in_two_windows_is_merged_in_a_pool_of_small_stories() -> None:
    # Windows of five in arrival (id) order: two of the four flood reports fall in each of two
    flood = _story("flood", ["flood", "levee", "river", "rain"], n=4)
    index = StoryIndex(replace(StorySettings(), link_window=5))
    index.add_features(VETO + STRIKE + flood + FIRE)
    stories = sorted(sorted(s.article_ids) for s in index.stories())
    assert stories == sorted(sorted(f.article_id for f in s) for s in (VETO, STRIKE, flood, FIRE))


def _drafted(groups: list[list[ArticleFeatures]]) -> Batch:
    """A pool of small stories whose drafts are ``groups``, as the steps before left them."""
    batch = _batch([f for g in groups for f in g])
    batch.small = True
    i = 0
    for group in groups:
        key = batch._open(batch.items[i])
        for _ in group:
            batch._join(i, key, 0.0)
            i += 1
    return batch


def _together(batch: Batch, a: str, b: str) -> bool:
    story = {item.feat.article_id: item.story for item in batch.items}
    return story[a] == story[b]


def test_a_lone_article_joins_the_small_draft_clearly_nearest() -> None:
    batch = _drafted([VETO, STRIKE[:2], STRIKE[2:], FIRE])
    batch._adopt_lone(0.1, 1.5)
    assert _together(batch, "strike2", "strike0")
    off = _drafted([VETO, STRIKE[:2], STRIKE[2:], FIRE])
    off._adopt_lone(0.1, 0.0)
    assert not _together(off, "strike2", "strike0")


def test_a_lone_article_does_not_join_a_whole_story_or_one_not_clearly_ahead() -> None:
    extra_veto = _story("veto", ["veto", "budget", "school", "signed"], n=4)[3:]
    # shares as much with the strike pair as with the flood pair
    torn = [ArticleFeatures("torn", {"w:strike": 1, "w:union": 1, "w:flood": 1, "w:levee": 1})]
    batch = _drafted([VETO, extra_veto, STRIKE[:2], FLOOD[:2], torn, FIRE])
    batch._adopt_lone(0.1, 1.5)
    assert not _together(batch, "veto3", "veto0")  # a draft of the typical size holds its story
    assert not _together(batch, "torn", "strike0") and not _together(batch, "torn", "flood0")
    assert _together(batch, "veto0", "veto2")


def test_numbers_weigh_more_in_the_pool_of_small_stories() -> None:
    report = [ArticleFeatures("jobs", {"w:hiring": 1, "w:rate": 1, "n:263000": 1, "n:3.6": 1})]
    heavy = _batch(report + VETO)._spread_vectors([0], bar=3.0)[0]
    light = _batch(report + VETO, replace(StorySettings(), small_number_weight=1.0))._spread_vectors(
        [0], bar=3.0
    )[0]
    assert heavy["n:263000"] > light["n:263000"]
    assert heavy["w:hiring"] < light["w:hiring"]


def test_a_draft_one_over_the_typical_story_sheds_its_stray() -> None:
    stray = [ArticleFeatures("stray", {"w:budget": 1, "w:gala": 1, "w:opera": 1, "w:ticket": 1})]
    batch = _drafted([VETO + stray, STRIKE, FLOOD])
    batch._shed_extra(0.5)
    assert not _together(batch, "stray", "veto0")
    assert _together(batch, "veto0", "veto2") and _together(batch, "veto0", "veto1")
    off = _drafted([VETO + stray, STRIKE, FLOOD])
    off._shed_extra(0.0)
    assert _together(off, "stray", "veto0")


def test_a_draft_whose_members_are_alike_sheds_none() -> None:
    four = _story("flood", ["flood", "levee", "river", "rain"], n=4)
    batch = _drafted([four, STRIKE, FIRE])
    batch._shed_extra(0.5)
    assert all(_together(batch, "flood0", f.article_id) for f in four)
