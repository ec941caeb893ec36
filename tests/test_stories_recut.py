"""Issue 11, session 11b: a story of several same-topic events is cut again with fewer neighbours."""

from newsprism.settings import StorySettings
from newsprism.stories import StoryIndex
from newsprism.stories.batch import Batch, Item
from newsprism.stories.features import ArticleFeatures


def _unit(weights: dict[str, float]) -> dict[str, float]:
    norm = sum(v * v for v in weights.values()) ** 0.5
    return {k: v / norm for k, v in weights.items()}


VETO = {"e:governor": 2.0, "w:budget": 1.0, "w:veto": 1.0, "w:school": 1.0}
STRIKE = {"e:governor": 2.0, "w:budget": 1.0, "w:pension": 1.0, "w:strike": 1.0}
FLOOD = {"w:levee": 1.0, "w:flood": 1.0, "w:river": 1.0}
FIRE = {"w:blaze": 1.0, "w:warehouse": 1.0, "w:crew": 1.0}


def _batch(stories: list[list[dict[str, float]]], settings: StorySettings | None = None) -> Batch:
    """One draft per entry of ``stories``; each member's vector varied a little by its position."""
    batch = Batch(StoryIndex(settings or StorySettings()))
    for members in stories:
        key = ""
        for vector in members:
            n = len(batch.items)
            item = Item(ArticleFeatures(f"a{n}", {}), _unit({**vector, f"w:x{n}": 0.3}), list(vector))
            batch.items.append(item)
            key = key or batch._open(item)
            batch._join(n, key, 0.0)
    return batch


def _groups(batch: Batch) -> list[list[int]]:
    return sorted(sorted(m) for m in batch.members.values() if m)


def test_two_events_of_one_topic_in_a_pool_of_small_stories_are_cut_apart() -> None:
    batch = _batch([[VETO] * 3 + [STRIKE] * 3, [FLOOD] * 3, [FIRE] * 3, [{"e:governor": 1.0, "w:poll": 1.0}]])
    batch._recut(spread=2, neighbours=0, threshold=0.2)
    assert [0, 1, 2] in _groups(batch) and [3, 4, 5] in _groups(batch)
    assert [6, 7, 8] in _groups(batch) and [9, 10, 11] in _groups(batch)


def test_the_recut_is_off_at_threshold_zero() -> None:
    batch = _batch([[VETO] * 3 + [STRIKE] * 3, [FLOOD] * 3, [FIRE] * 3])
    batch._recut(spread=2, neighbours=0, threshold=0.0)
    assert [0, 1, 2, 3, 4, 5] in _groups(batch)


def test_stories_as_large_as_the_first_cut_s_neighbours_are_not_cut_again() -> None:
    # The batch's typical story holds 6: the first cut (4 neighbours) already suits it.
    batch = _batch([[VETO] * 3 + [STRIKE] * 3, [FLOOD] * 6, [FIRE] * 6])
    batch._recut(spread=2, neighbours=0, threshold=0.2)
    assert [0, 1, 2, 3, 4, 5] in _groups(batch)


def test_standing_names_are_those_in_enough_of_the_batch_s_stories() -> None:
    batch = _batch([[VETO] * 2, [STRIKE], [FLOOD], [{"e:mayor": 1.0, "w:poll": 1.0}]])
    assert batch._standing_names(2) == {"e:governor"}
    assert batch._standing_names(3) == set()


def test_the_typical_size_is_that_of_the_median_article_s_story() -> None:
    # Three pairs and one story of ten: most stories are pairs, most articles are in the ten.
    batch = _batch([[FLOOD] * 2, [FIRE] * 2, [VETO] * 2, [STRIKE] * 10, [{"w:poll": 1.0}]])
    assert batch._typical_size() == 10
    assert _batch([[FLOOD] * 2, [FIRE] * 3, [VETO] * 3, [{"w:poll": 1.0}]])._typical_size() == 3
