"""Days between dated articles as event evidence: outside close_days, similarity counts less."""

from __future__ import annotations

from datetime import date

from newsprism.stories.decide import StoryProfile, choose, days_outside
from newsprism.stories.link import average_link


def _unit(weights: dict[str, float]) -> dict[str, float]:
    norm = sum(v * v for v in weights.values()) ** 0.5
    return {k: v / norm for k, v in weights.items()}


def _story(key: str, first: date, last: date, words: dict[str, float]) -> StoryProfile:
    story = StoryProfile(key, "t", first=first, last=last)
    story.absorb(_unit(words))
    return story


def test_days_outside_a_span() -> None:
    story = _story("st-a", date(2024, 3, 10), date(2024, 3, 12), {"w:vote": 1.0})
    assert days_outside(date(2024, 3, 11), story) == 0
    assert days_outside(date(2024, 3, 16), story) == 4
    assert days_outside(date(2024, 3, 7), story) == 3
    assert days_outside(None, story) == 0


def test_two_primaries_a_week_apart_stay_apart_when_days_count() -> None:
    # Same topic words, one week apart: within max_gap_days, so only close_days separates them.
    earlier = _story("st-a", date(2024, 3, 5), date(2024, 3, 6), {"w:primary": 1.0, "w:vote": 1.0})
    newcomer = _unit({"w:primary": 1.0, "w:vote": 1.0, "w:win": 1.2})  # cosine 0.67
    assert choose(newcomer, date(2024, 3, 13), [earlier], 0.5, 10).story_id == "st-a"
    late = choose(newcomer, date(2024, 3, 13), [earlier], 0.5, 10, close_days=3, late=0.6)
    assert late.story_id is None
    # The next day's report of the same primary still joins.
    next_day = choose(newcomer, date(2024, 3, 7), [earlier], 0.5, 10, close_days=3, late=0.6)
    assert next_day.story_id == "st-a"


def test_the_average_link_discounts_pairs_days_apart() -> None:
    same = _unit({"w:debate": 1.0, "w:stage": 1.0, "e:miami": 1.0})
    days = [date(2024, 3, 9), date(2024, 3, 9), date(2024, 3, 16)]
    plain = average_link([same, same, same], days, threshold=0.8, max_gap_days=10, window=100)
    assert plain == [[0, 1, 2]]
    timed = average_link(
        [same, same, same], days, threshold=0.8, max_gap_days=10, window=100, close_days=3, late=0.6
    )
    assert timed == [[0, 1], [2]]


def test_within_close_days_a_dated_story_takes_a_lower_mean_bar() -> None:
    # Four members, each its own angle on one primary night, sharing one word with the newcomer.
    story = StoryProfile("st-night", "t", first=date(2024, 3, 15), last=date(2024, 3, 15))
    for n in range(4):
        story.absorb(_unit({"w:primary": 1.0, f"w:angle{n}": 2.0}))
    newcomer = _unit({"w:primary": 1.0, "w:turnout": 2.0})  # cosine 0.2 with each member
    day = date(2024, 3, 16)
    strict = choose(newcomer, day, [story], 0.05, 10, mean=0.25, close_days=3, late=0.6)
    dated = choose(newcomer, day, [story], 0.05, 10, mean=0.25, close_days=3, late=0.6, dated_mean=0.1)
    undated = choose(newcomer, None, [story], 0.05, 10, mean=0.25, close_days=3, late=0.6, dated_mean=0.1)
    assert strict.story_id is None and dated.story_id == "st-night" and undated.story_id is None
