"""Issue 11: a join needs event evidence (shared content words), and settling keeps what holds."""

from dataclasses import replace

from newsprism.settings import StorySettings
from newsprism.stories import StoryIndex
from newsprism.stories.batch import Batch, Item
from newsprism.stories.decide import StoryProfile, choose, word_cosine
from newsprism.stories.features import ArticleFeatures


def _unit(weights: dict[str, float]) -> dict[str, float]:
    norm = sum(v * v for v in weights.values()) ** 0.5
    return {k: v / norm for k, v in weights.items()}


def _story(key: str, *members: dict[str, float]) -> StoryProfile:
    story = StoryProfile(key, key)
    for vector in members:
        story.absorb(vector)
    return story


def test_word_cosine_ignores_names_numbers_and_dates():
    a = {"e:mayor": 0.9, "w:budget": 0.3, "n:12": 0.3}
    assert word_cosine(a, {"e:mayor": 1.0, "w:stadium": 1.0}) == 0.0
    assert abs(word_cosine(a, {"e:mayor": 5.0, "w:budget": 2.0}) - 1.0) < 1e-9


def test_a_shared_name_without_shared_words_does_not_join_under_the_word_floor():
    article = _unit({"e:mayor": 2.0, "w:stadium": 1.0})
    story = _story("~0", _unit({"e:mayor": 2.0, "w:budget": 1.0}))
    assert choose(article, None, [story], 0.3, 10).story_id == "~0"
    assert choose(article, None, [story], 0.3, 10, words=0.15).story_id is None
    same_event = _unit({"e:mayor": 2.0, "w:budget": 1.0, "w:vote": 0.5})
    assert choose(same_event, None, [story], 0.3, 10, words=0.15).story_id == "~0"


def _batch(settings: StorySettings) -> Batch:
    # A small story of its own (0, 1) and a larger one on the same topic (2, 3, 4): the
    # larger profile scores article 1 higher although its own story holds it.
    vectors = [
        {"w:levee": 1.0, "w:flood": 1.0, "e:city": 1.0},
        {"w:levee": 0.5, "w:flood": 1.0, "w:river": 1.0, "w:rain": 1.0, "e:city": 0.3},
        {"w:river": 1.0, "w:flood": 1.0, "w:rain": 1.0},
        {"w:river": 1.0, "w:flood": 1.0, "w:rain": 0.8},
        {"w:river": 1.0, "w:flood": 1.0, "w:rain": 0.9},
    ]
    index = StoryIndex(settings)
    batch = Batch(index)
    for n, vector in enumerate(vectors):
        feat = ArticleFeatures(f"a{n}", {})
        batch.items.append(Item(feat, _unit(vector), list(vector)))
    for members in ([0, 1], [2, 3, 4]):
        key = batch._open(batch.items[members[0]])
        for i in members:
            batch._join(i, key, 0.0)
    return batch


def test_settling_keeps_an_article_its_own_story_still_holds():
    loose = replace(StorySettings(), mean_threshold=0.0, settle_keeps=False)
    moved = _batch(loose)
    assert moved._replace(1, 0.15)  # best profile wins: it leaves its own story
    kept = _batch(replace(loose, settle_keeps=True))
    assert not kept._replace(1, 0.15)
    assert kept.items[1].story == kept.items[0].story


def test_settling_still_moves_an_article_its_story_no_longer_holds():
    batch = _batch(replace(StorySettings(), mean_threshold=0.0, settle_keeps=True))
    assert batch._replace(1, 0.9)  # its own story is too far at this bar: the nearer one takes it
    assert batch.items[1].story == batch.items[2].story


def test_linked_batches_with_event_rules_keep_ids_stable():
    feats = [
        ArticleFeatures(f"a{i}", {"w:fire": 2, "w:harbour": 2, "e:dock": 1, f"w:x{i}": 1}) for i in range(4)
    ]
    settings = replace(StorySettings(), event_word_floor=0.15, settle_keeps=True)
    index = StoryIndex(settings)
    first = index.add_features(feats[:2])
    second = index.add_features(feats[2:])
    assert {a.story_id for a in first} == {a.story_id for a in second}
    assert index.story_of("a0") == first[0].story_id


def test_a_join_needs_its_story_to_stand_out_among_the_candidates():
    article = _unit({"e:senator": 1.0, "w:budget": 1.0, "w:vote": 1.0})
    close = _story("~0", _unit({"e:senator": 1.0, "w:budget": 1.0, "w:vote": 0.8}))
    rival = _story("~1", _unit({"e:senator": 1.0, "w:budget": 1.0, "w:vote": 0.7, "w:tax": 0.3}))
    far = _story("~2", _unit({"e:senator": 1.0, "w:harbour": 1.0, "w:tax": 1.0}))
    # Two stories fit about equally: with a margin the article stays where it is.
    assert choose(article, None, [close, rival], 0.1, 10).story_id == "~0"
    assert choose(article, None, [close, rival], 0.1, 10, margin=1.2).story_id is None
    # One story stands out: the margin lets it join.
    assert choose(article, None, [close, far], 0.1, 10, margin=1.2).story_id == "~0"


def test_an_ambiguous_better_story_does_not_take_an_article_from_its_own():
    # The article (first member of ~0) is scored against its own story without itself.
    own = _story("~0", _unit({"w:budget": 1.0, "w:vote": 1.0}), _unit({"w:budget": 1.0, "w:hall": 1.0}))
    article = _unit({"w:budget": 1.0, "w:vote": 1.0})
    best = _story("~1", _unit({"w:budget": 1.0, "w:vote": 1.0, "w:tax": 0.2}))
    rival = _story("~2", _unit({"w:budget": 1.0, "w:vote": 0.9, "w:tax": 0.3}))
    assert choose(article, None, [own, best, rival], 0.1, 10, own="~0").story_id == "~1"
    assert choose(article, None, [own, best, rival], 0.1, 10, own="~0", margin=1.2).story_id == "~0"
