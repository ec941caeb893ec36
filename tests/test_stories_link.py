from dataclasses import replace
from datetime import date

from newsprism.settings import StorySettings
from newsprism.stories import StoryIndex
from newsprism.stories.batch import Batch, Item
from newsprism.stories.features import ArticleFeatures
from newsprism.stories.link import average_link
from newsprism.stories.vector import ranked, raw_weights, weigh


def _unit(weights: dict[str, float]) -> dict[str, float]:
    norm = sum(v * v for v in weights.values()) ** 0.5
    return {k: v / norm for k, v in weights.items()}


def test_a_chain_of_one_actor_does_not_link_by_average():
    # Each article shares the actor with all and one event word with its neighbour only:
    # single link would chain all five; neighbours are 2/3 alike, others 1/3, so
    # the average over two pairs of neighbours is 5/12.
    chain = [_unit({"e:senator": 1.0, f"w:event{i}": 1.0, f"w:event{i + 1}": 1.0}) for i in range(5)]
    groups = average_link(chain, [None] * 5, threshold=0.55, max_gap_days=10, window=100)
    assert max(len(g) for g in groups) <= 2


def test_reports_of_one_event_link_and_another_event_stays_apart():
    event = {"w:fire": 1.0, "w:harbour": 1.0, "e:dock": 1.0}
    other = {"w:vote": 1.0, "w:budget": 1.0, "e:council": 1.0}
    vectors = [_unit({**event, "w:a": 0.3}), _unit({**other, "w:b": 0.3}), _unit({**event, "w:c": 0.3})]
    groups = average_link(vectors, [None] * 3, threshold=0.5, max_gap_days=10, window=100)
    assert groups == [[0, 2], [1]]


def test_dated_pairs_far_apart_do_not_link():
    same = _unit({"w:quake": 1.0, "e:island": 1.0})
    days = [date(2020, 1, 1), date(2021, 1, 1), None]
    groups = average_link([same, same, same], days, threshold=0.3, max_gap_days=10, window=100)
    # The undated article may join either; the two dated ones, a year apart, never share a group.
    assert not any({0, 1} <= set(g) for g in groups)


def test_windows_bound_each_linkage_and_keep_indices_global():
    same = _unit({"w:quake": 1.0})
    groups = average_link([same] * 5, [None] * 5, threshold=0.3, max_gap_days=10, window=2)
    assert groups == [[0, 1], [2, 3], [4]]


def test_word_gate_needs_shared_words_not_only_a_shared_name():
    a = _unit({"e:mayor": 2.0, "w:budget": 1.0})
    b = _unit({"e:mayor": 2.0, "w:stadium": 1.0})
    assert len(average_link([a, b], [None, None], 0.3, 10, 100)) == 1
    assert len(average_link([a, b], [None, None], 0.3, 10, 100, word_gate=0.05)) == 2


def test_linked_and_greedy_index_give_stable_ids_across_batches():
    feats = [
        ArticleFeatures(f"a{i}", {"w:fire": 2, "w:harbour": 2, "e:dock": 1, f"w:x{i}": 1}) for i in range(4)
    ]
    for link in (0.0, 0.15):
        index = StoryIndex(replace(StorySettings(), link_threshold=link))
        first = index.add_features(feats[:2])
        second = index.add_features(feats[2:])
        assert {a.story_id for a in first} == {a.story_id for a in second}
        assert index.story_of("a0") == first[0].story_id


def test_an_entity_across_many_groups_is_demoted_to_a_word():
    # One name in four unrelated stories (two reports each): a standing actor.
    events = [("budget", "vote"), ("stadium", "bond"), ("flood", "levee"), ("strike", "union")]
    feats = [
        ArticleFeatures(f"{a}{n}", {"e:mayor": 1, f"w:{a}": 2, f"w:{b}": 2, f"e:{a}x": 1, f"w:n{n}": 1})
        for a, b in events
        for n in range(2)
    ]
    settings = replace(StorySettings(), hub_groups=3, hub_threshold=0.3)
    index = StoryIndex(settings)
    for feat in feats:
        index.df.update(feat.counts)
    hubs = Batch(index)._hubs(feats)
    assert hubs == frozenset({"e:mayor"})
    plain = weigh(feats[0].counts, index.df, index.kinds, 80)
    demoted = weigh(feats[0].counts, index.df, replace(index.kinds, demoted=hubs), 80)
    assert demoted["e:mayor"] < plain["e:mayor"]


def _actor_pair_batch(link_entity_weight: float) -> Batch:
    # Two stories of one actor: the name is shared, each story's words are not.
    feats = [
        ArticleFeatures("a", {"e:mayor": 3, "w:budget": 1, "w:vote": 1}),
        ArticleFeatures("b", {"e:mayor": 3, "w:stadium": 1, "w:bond": 1}),
        ArticleFeatures("c", {"w:other": 1}),
    ]
    settings = replace(StorySettings(), link_entity_weight=link_entity_weight, entity_weight=2.0)
    index = StoryIndex(settings)
    for feat in feats:
        index.df.update(feat.counts)
    batch = Batch(index)
    for feat in feats:
        batch.items.append(Item(feat, weigh(feat.counts, index.df, index.kinds, 80), []))
    return batch


def test_link_vectors_weigh_names_at_the_link_entity_weight():
    same = _actor_pair_batch(2.0)._link_vectors([0, 1])
    low = _actor_pair_batch(0.5)._link_vectors([0, 1])
    assert same[0] == _actor_pair_batch(2.0).items[0].vector  # no second weighing when equal
    shared = sum(v * low[1].get(k, 0.0) for k, v in low[0].items())
    assert shared < sum(v * same[1].get(k, 0.0) for k, v in same[0].items())


def test_link_vectors_from_kept_raw_weights_equal_weighing_again():
    batch = _actor_pair_batch(1.0)
    again = batch._link_vectors([0, 1])
    assert batch._rescalable(batch.index.kinds)
    for item in batch.items:
        item.raw = ranked(raw_weights(item.feat.counts, batch.index.df, batch.index.kinds))
    rescaled = batch._link_vectors([0, 1])
    for one, other in zip(again, rescaled, strict=True):
        assert one.keys() == other.keys()
        assert all(abs(one[k] - other[k]) < 1e-12 for k in one)


def test_link_vectors_weigh_again_when_the_kept_terms_may_miss_one():
    settings = replace(StorySettings(), vector_terms=2)
    index = StoryIndex(settings)
    feat = ArticleFeatures("a", {"w:budget": 3, "e:mayor": 1, "e:city": 1, "w:vote": 2})
    index.df.update(feat.counts)
    batch = Batch(index)
    item = Item(feat, {}, [])
    # Kept: budget and mayor; halved, mayor falls below the first term left out (city), so
    # the kept terms cannot tell the top two (budget, vote): the vector is weighed again.
    terms = ranked(raw_weights(feat.counts, index.df, index.kinds))
    item.raw, item.raw_floor = terms[:2], terms[2][1]
    batch.items.append(item)
    expected = weigh(feat.counts, index.df, replace(index.kinds, entity=settings.link_entity_weight), 2)
    assert list(expected) == ["w:budget", "w:vote"]
    assert batch._link_vectors([0])[0] == expected


def test_link_vectors_weigh_years_at_the_link_year_weight():
    # Two stories of one year: the year is shared, each story's words are not.
    feats = [
        ArticleFeatures("a", {"y:2031": 2, "w:budget": 1, "w:vote": 1}),
        ArticleFeatures("b", {"y:2031": 2, "w:stadium": 1, "w:bond": 1}),
        ArticleFeatures("c", {"w:other": 1}),
    ]

    def shared(link_year_weight: float) -> float:
        settings = replace(StorySettings(), year_weight=3.0, link_year_weight=link_year_weight)
        index = StoryIndex(settings)
        for feat in feats:
            index.df.update(feat.counts)
        batch = Batch(index)
        for feat in feats:
            batch.items.append(Item(feat, weigh(feat.counts, index.df, index.kinds, 80), []))
        one, other = batch._link_vectors([0, 1])
        return sum(v * other.get(k, 0.0) for k, v in one.items())

    assert shared(1.0) < shared(3.0)


def test_link_vectors_rescale_names_and_years_from_kept_raw_weights():
    settings = replace(StorySettings(), entity_weight=2.0, link_entity_weight=1.0, year_weight=3.0)
    settings = replace(settings, link_year_weight=1.5)
    index = StoryIndex(settings)
    feat = ArticleFeatures("a", {"w:budget": 2, "e:mayor": 1, "y:2031": 1, "d:2031-05-02": 1})
    index.df.update(feat.counts)
    index.df.update({"w:other": 1})
    batch = Batch(index)
    item = Item(feat, {}, [])
    batch.items.append(item)
    again = batch._link_vectors([0])[0]
    assert batch._rescalable(index.kinds)
    item.raw = ranked(raw_weights(feat.counts, index.df, index.kinds))
    rescaled = batch._link_vectors([0])[0]
    assert again.keys() == rescaled.keys()
    assert all(abs(again[k] - rescaled[k]) < 1e-12 for k in again)
    assert again["y:2031"] < again["w:budget"]  # halved from triple: below the twice-seen word


def test_complete_link_needs_every_pair_of_a_group_alike():
    # Two reports of a budget vote (0.77 alike) and a park plan of the same council, alike to one
    # report (0.67) and not the other (0.38): their average (0.53) clears 0.45, the weaker does not.
    a = _unit({"e:council": 1.0, "w:vote": 1.0, "w:budget": 1.0})
    b = _unit({"w:vote": 1.0, "w:budget": 1.0, "w:tax": 0.5})
    c = _unit({"e:council": 1.0, "w:budget": 1.0, "w:park": 1.0})
    loose = average_link([a, b, c], [None] * 3, threshold=0.45, max_gap_days=10, window=100)
    strict = average_link([a, b, c], [None] * 3, 0.45, 10, 100, method="complete")
    assert loose == [[0, 1, 2]]
    assert strict == [[0, 1], [2]]
