"""Undated articles: a stricter bar to join a dated story, and a floor from their own text."""

from __future__ import annotations

import dataclasses
from datetime import date

from newsprism.stories.decide import StoryProfile, choose, time_compatible
from newsprism.stories.features import fast_features
from newsprism.temporal.published import resolve_published
from tests.stories_fixtures import article


def _story(first: date | None, last: date | None) -> StoryProfile:
    story = StoryProfile("st-x", "t", first=first, last=last)
    story.absorb({"w:vote": 0.6, "w:bill": 0.8})
    return story


def _vector() -> dict[str, float]:
    return {"w:vote": 0.3, "w:other": (1 - 0.3**2) ** 0.5}  # cosine 0.18 with the story


def test_an_undated_article_needs_more_than_topic_words_to_join_a_dated_story() -> None:
    dated = _story(date(2023, 5, 1), date(2023, 5, 3))
    loose = choose(_vector(), None, [dated], 0.11, 10)
    strict = choose(_vector(), None, [dated], 0.11, 10, undated=0.25)
    assert loose.story_id == "st-x" and strict.story_id is None


def test_the_stricter_bar_leaves_undated_stories_and_dated_articles_alone() -> None:
    undated_story = _story(None, None)
    assert choose(_vector(), None, [undated_story], 0.11, 10, undated=0.25).story_id == "st-x"
    dated = _story(date(2023, 5, 1), date(2023, 5, 3))
    assert choose(_vector(), date(2023, 5, 4), [dated], 0.11, 10, undated=0.25).story_id == "st-x"


def test_a_floor_rules_out_a_story_that_ended_long_before() -> None:
    story = _story(date(2022, 1, 1), date(2022, 1, 5))
    assert time_compatible(None, story, 10, floor=date(2022, 1, 10))
    assert not time_compatible(None, story, 10, floor=date(2023, 6, 1))
    assert time_compatible(None, story, 10, floor=date(2021, 6, 1))  # a past event recalled: no bar


def test_a_date_written_in_the_text_is_a_floor_not_a_publication_day() -> None:
    text = "The court ruled on March 3, 2021 that the lawsuit could go ahead."
    (resolved,) = resolve_published((article(text),))
    feat = fast_features(resolved)
    assert feat.published is None and feat.floor == date(2021, 3, 3)
    dated = fast_features(dataclasses.replace(resolved, published="2021-03-04", published_source="url"))
    assert dated.published == date(2021, 3, 4) and dated.floor is None


def test_a_loose_story_does_not_draw_in_an_article_on_its_topic_alone() -> None:
    # Eight members, each a different event sharing only the topic word: the profile's
    # cosine with a ninth such article grows with the size, the mean similarity does not.
    story = StoryProfile("st-loose", "t")
    for n in range(8):
        story.absorb({"w:senate": 0.3, f"w:event{n}": 0.91**0.5})
    newcomer = {"w:senate": 0.3, "w:other": 0.91**0.5}  # cosine 0.09 with each member
    assert choose(newcomer, None, [story], 0.11, 10).story_id == "st-loose"
    assert choose(newcomer, None, [story], 0.11, 10, mean=0.15).story_id is None
    tight = StoryProfile("st-tight", "t")
    for _ in range(8):
        tight.absorb({"w:senate": 0.5, "w:vote": 0.75**0.5})
    assert choose({"w:senate": 0.5, "w:vote": 0.75**0.5}, None, [tight], 0.11, 10, mean=0.15).story_id
