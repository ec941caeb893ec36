"""Issue 11, session 15: a later batch is linked by the pair model with the members of the
stored stories it may join (a stream ingested in small batches)."""

from dataclasses import replace

import numpy as np

from newsprism.settings import StorySettings
from newsprism.stories import StoryIndex
from newsprism.stories.batch import Batch
from newsprism.stories.features import ArticleFeatures
from newsprism.stories.index import feature_lookup
from newsprism.stories.link import fixed_link

TOPICS = [
    ["veto", "budget", "school", "signed"],
    ["strike", "pension", "union", "picket"],
    ["flood", "levee", "river", "rain"],
    ["blaze", "warehouse", "crew", "smoke"],
    ["merger", "bank", "shares", "deal"],
    ["verdict", "jury", "trial", "appeal"],
    ["quake", "magnitude", "tremor", "rubble"],
    ["recall", "brakes", "cars", "defect"],
    ["drought", "wells", "farmers", "crops"],
    ["protest", "square", "march", "police"],
    ["election", "ballots", "count", "turnout"],
    ["outbreak", "clinic", "virus", "vaccine"],
]


def _report(story: int, k: int) -> ArticleFeatures:
    tag = TOPICS[story][0]
    words = {f"w:{w}": 1 for w in TOPICS[story]}
    return ArticleFeatures(
        f"{tag}{k}",
        {"e:governor": 1, f"e:{tag}ville": 1, **words, f"w:{tag}x{k}": 1},
        title=f"The {tag} in {tag.title()}ville",
    )


def _lone(k: int) -> ArticleFeatures:
    words = {f"w:lone{k}{w}": 1 for w in "abcd"}
    return ArticleFeatures(f"lone{k}", {"e:governor": 1, f"e:place{k}": 1, **words}, title=f"Lone {k}")


def test_named_groups_stay_apart_and_free_items_join_the_one_they_link_with() -> None:
    sims = np.array(
        [
            [1.0, 0.9, 0.95, 0.9, 0.0],
            [0.9, 1.0, 0.95, 0.9, 0.0],
            [0.95, 0.95, 1.0, 0.5, 0.0],
            [0.9, 0.9, 0.5, 1.0, 0.1],
            [0.0, 0.0, 0.0, 0.1, 1.0],
        ]
    )
    found, names = fixed_link(sims, ["A", "A", "B", None, None], 0.4)
    assert [names[g] for g in found] == ["A", "A", "B", "A", None]  # A and B never merge
    complete, names = fixed_link(sims, ["A", "A", "B", None, None], 0.4, "complete")
    assert names[complete[3]] == "A" and names[complete[4]] is None


def _stream(settings: StorySettings, with_lookup: bool) -> tuple[StoryIndex, Batch]:
    first = [_report(s, k) for s in range(len(TOPICS)) for k in range(2)]
    later = [_report(s, 2) for s in range(len(TOPICS))] + [_lone(k) for k in range(10)]
    index = StoryIndex(settings)
    if with_lookup:
        index.member_features = feature_lookup(first + later)
    index.add_features(first)
    before = {f.article_id: index.story_of(f.article_id) for f in first}
    batch = Batch(index)
    for f in later:
        index.df.update(f.counts)
    batch.run(later)
    index._commit(batch)
    assert {a: index.story_of(a) for a in before} == before  # committed ids never change
    return index, batch


def test_a_later_batch_joins_stored_small_stories_by_the_model() -> None:
    settings = replace(StorySettings(), small_pair_older=5)
    index, batch = _stream(settings, with_lookup=True)
    assert len(batch.judged) == len(TOPICS) + 10
    for s in range(len(TOPICS)):
        tag = TOPICS[s][0]
        assert index.story_of(f"{tag}2") == index.story_of(f"{tag}0")
    lone = {index.story_of(f"lone{k}") for k in range(10)}
    assert len(lone) == 10 and not lone & {index.story_of(f"{t[0]}0") for t in TOPICS}


def test_without_stored_features_or_when_off_the_batch_joins_as_before() -> None:
    _, without = _stream(replace(StorySettings(), small_pair_older=5), with_lookup=False)
    _, off = _stream(replace(StorySettings(), small_pair_older=0), with_lookup=True)
    assert not without.judged and not off.judged
