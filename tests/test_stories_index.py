import json

from newsprism.settings import StorySettings
from newsprism.stories import StoryIndex, cluster, story_id_for
from tests.stories_fixtures import FIRE_A, TAIWAN_A, TAIWAN_B, TURKEY_A, TURKEY_B, TURKEY_C, article


def _groups(stories):
    return sorted(sorted(s.article_ids) for s in stories)


def test_paraphrases_are_one_story_and_two_quakes_are_two():
    arts = [article(t) for t in (TURKEY_A, TAIWAN_A, TURKEY_B, FIRE_A, TAIWAN_B, TURKEY_C)]
    ids = {
        t: a.id for t, a in zip((TURKEY_A, TAIWAN_A, TURKEY_B, FIRE_A, TAIWAN_B, TURKEY_C), arts, strict=True)
    }
    expected = sorted(
        [
            sorted([ids[TURKEY_A], ids[TURKEY_B], ids[TURKEY_C]]),
            sorted([ids[TAIWAN_A], ids[TAIWAN_B]]),
            [ids[FIRE_A]],
        ]
    )
    assert _groups(cluster(arts)) == expected


def test_same_words_a_year_apart_are_two_stories():
    first = article(TURKEY_A, "2023-02-06", "Outlet A")
    # The same report re-published a year later (an anniversary piece) must not join.
    later = article(TURKEY_B + " One year on.", "2024-02-06", "Outlet B")
    stories = cluster([first, later])
    assert len(stories) == 2
    close = article(TURKEY_B, "2023-02-07", "Outlet B")
    assert len(cluster([first, close])) == 1


def test_story_facts_and_id_from_founding_article():
    arts = [
        article(TURKEY_A, "2023-02-06", "Reuters"),
        article(TURKEY_B, "2023-02-07", "AP"),
        article(TURKEY_C, "2023-02-08", "Reuters"),
    ]
    (story,) = cluster(arts)
    assert story.id == story_id_for(arts[0].id)
    assert story.outlets == ("Reuters", "AP")
    assert (story.first_published, story.last_published) == ("2023-02-06", "2023-02-08")
    assert story.title  # first line of the founding article when it has no title


def test_incremental_batches_keep_ids_and_earlier_assignments():
    index = StoryIndex()
    first = index.add([article(TURKEY_A, "2023-02-06"), article(TAIWAN_A, "2024-04-03")])
    before = {a.article_id: a.story_id for a in first}
    assert len(set(before.values())) == 2
    later = index.add([article(TURKEY_B, "2023-02-06"), article(TAIWAN_B, "2024-04-03"), article(FIRE_A)])
    for art_id, story_id in before.items():
        assert index.story_of(art_id) == story_id
    joined = {a.article_id: a for a in later}
    assert joined[article(TURKEY_B).id].story_id == before[article(TURKEY_A).id]
    assert joined[article(TAIWAN_B).id].story_id == before[article(TAIWAN_A).id]
    assert joined[article(FIRE_A).id].opened
    assert len(index) == 3


def test_an_article_seen_before_is_not_assigned_again():
    index = StoryIndex()
    index.add([article(TURKEY_A)])
    assert index.add([article(TURKEY_A)]) == []
    assert sum(len(s.article_ids) for s in index.stories()) == 1


def test_state_round_trip_continues_exactly_like_the_original():
    batch1 = [article(TURKEY_A, "2023-02-06"), article(TAIWAN_A, "2024-04-03"), article(FIRE_A)]
    batch2 = [
        article(TURKEY_C, "2023-02-07"),
        article(TAIWAN_B, "2024-04-03"),
        article(TURKEY_B, "2023-02-06"),
    ]
    original = StoryIndex()
    original.add(batch1)
    restored = StoryIndex.from_state(json.loads(json.dumps(original.to_state())))
    assert [(a.article_id, a.story_id) for a in original.add(batch2)] == [
        (a.article_id, a.story_id) for a in restored.add(batch2)
    ]
    assert _groups(original.stories()) == _groups(restored.stories())


def test_profiles_and_postings_stay_bounded():
    settings = StorySettings(centroid_terms=10, max_postings=2)
    index = StoryIndex(settings)
    index.add([article(t + f" Story {i}.") for i, t in enumerate((TURKEY_A, TAIWAN_A, FIRE_A, TURKEY_B))])
    assert all(len(p.centroid) <= 10 for p in index.profiles.values())
    assert all(len(posting) <= 2 for posting in index.blocker.postings.values())


def test_clustering_is_deterministic_whatever_the_input_order():
    arts = [article(t) for t in (TURKEY_A, TAIWAN_A, TURKEY_B, FIRE_A, TAIWAN_B, TURKEY_C)]
    assert [s.article_ids for s in cluster(arts)] == [s.article_ids for s in cluster(arts[::-1])]
