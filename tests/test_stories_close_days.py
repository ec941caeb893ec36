"""Days between dated articles as event evidence: outside close_days, similarity counts less."""

from __future__ import annotations

from datetime import date

from newsprism.stories.decide import StoryProfile, choose
from newsprism.stories.link import average_link


def _unit(weights: dict[str, float]) -> dict[str, float]:
    norm = sum(v * v for v in weights.values()) ** 0.5
    return {k: v / norm for k, v in weights.items()}


def _story(key: str, first: date, last: date, words: dict[str, float]) -> StoryProfile:
    story = StoryProfile(key, "t", first=first, last=last)
    story.absorb(_unit(words))
    return story


def test_two_primaries_a_week_apart_stay_apart_when_days_count() -> None:
    # Same topic words, one week apart: within max_gap_days, so only close_days separates them.
    earlier = _story("st-a", date(2024, 3, 5), date(2024, 3, 6), {"w:primary": 1.0, "w:vote": 1.0})
    newcomer = _unit({"w:primary": 1.0, "w:vote": 1.0, "w:win": 1.2})  # cosine 0.67
    assert choose(newcomer, date(2024, 3, 13), [earlier], 0.5, 10).story_id == "st-a"
    late = choose(newcomer, date(2024, 3, 13), [earlier], 0.5, 10, close_days=3, late=0.6)
    assert late.story_id is None
    # A report three days after the story's last (the edge of close_days) still joins.
    edge = choose(newcomer, date(2024, 3, 9), [earlier], 0.5, 10, close_days=3, late=0.6)
    assert edge.story_id == "st-a"
    four = choose(newcomer, date(2024, 3, 10), [earlier], 0.5, 10, close_days=3, late=0.6)
    assert four.story_id is None
    # Before the story's first day counts the same way.
    before = choose(newcomer, date(2024, 3, 1), [earlier], 0.5, 10, close_days=3, late=0.6)
    assert before.story_id is None


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


def test_a_story_of_an_earlier_batch_is_close_only_to_its_first_day() -> None:
    # A debate story of the 10th to the 12th; a primary-night report on the 15th shares its topic.
    words = {"w:primary": 1.0, "w:vote": 1.0}
    older = _story("st-debate", date(2024, 3, 10), date(2024, 3, 12), words)
    draft = _story("~0", date(2024, 3, 10), date(2024, 3, 12), words)
    newcomer = _unit({"w:primary": 1.0, "w:vote": 1.0, "w:win": 1.2})  # cosine 0.67
    day = date(2024, 3, 15)
    kw = {"close_days": 3, "late": 0.6}
    assert choose(newcomer, day, [older], 0.5, 10, **kw).story_id == "st-debate"
    assert choose(newcomer, day, [older], 0.5, 10, from_first=True, **kw).story_id is None
    # A story of this batch can still take members, so its span stands.
    assert choose(newcomer, day, [draft], 0.5, 10, from_first=True, **kw).story_id == "~0"


def test_within_close_days_an_earlier_story_takes_a_lower_settled_bar() -> None:
    older = _story("st-night", date(2024, 3, 15), date(2024, 3, 15), {"w:primary": 1.0, "w:turnout": 2.0})
    newcomer = _unit({"w:primary": 1.0, "w:turnout": 1.0, "w:record": 2.0})  # cosine about 0.55
    kw = {"close_days": 3, "late": 0.6, "from_first": True}
    strict = choose(newcomer, date(2024, 3, 17), [older], 0.1, 10, None, 0.6, **kw)
    dated = choose(newcomer, date(2024, 3, 17), [older], 0.1, 10, None, 0.6, dated_settled=0.5, **kw)
    late = choose(newcomer, date(2024, 3, 20), [older], 0.1, 10, None, 0.6, dated_settled=0.5, **kw)
    undated = choose(newcomer, None, [older], 0.1, 10, None, 0.6, dated_settled=0.5, **kw)
    assert strict.story_id is None and dated.story_id == "st-night"
    assert late.story_id is None and undated.story_id is None


def test_drafts_are_close_to_an_earlier_story_from_its_first_day_only() -> None:
    from newsprism.settings import StorySettings
    from newsprism.stories.batch import Batch
    from newsprism.stories.index import StoryIndex

    batch = Batch(StoryIndex(StorySettings(close_days=3, extend_from_first=True)))
    draft = _story("~1", date(2024, 3, 15), date(2024, 3, 16), {"w:primary": 1.0})
    older = _story("st-debate", date(2024, 3, 10), date(2024, 3, 12), {"w:primary": 1.0})
    earlier_draft = _story("~0", date(2024, 3, 10), date(2024, 3, 12), {"w:primary": 1.0})
    assert not batch._close(draft, older)  # five days after the older story's first day
    assert batch._close(draft, earlier_draft)  # a draft's span still stands: three days
    assert not batch._close(_story("~2", date(2024, 3, 20), date(2024, 3, 20), {"w:x": 1.0}), earlier_draft)
    undated = StoryProfile("~3", "t")
    assert not batch._close(undated, earlier_draft)


def test_a_rival_more_alike_to_the_best_story_than_to_the_article_is_kin_not_a_rival() -> None:
    day = date(2024, 3, 15)
    night = _story("~night", day, day, {"w:primary": 1.0, "w:delegate": 1.0, "w:speech": 1.0})
    night.absorb(_unit({"w:primary": 1.0, "w:delegate": 1.0, "w:turnout": 1.0}))
    # Another report of the night standing alone: closer to the night's story (0.73) than to the
    # article (0.70), which scores the night 0.81: under the margin 1.2 x 0.70.
    other = _story("~other", day, day, {"w:primary": 1.0, "w:delegate": 1.0, "w:margin": 1.0})
    newcomer = _unit({"w:primary": 1.0, "w:delegate": 1.0, "w:turnout": 1.5, "w:margin": 0.6})
    timing = {"close_days": 3, "late": 0.6, "margin": 1.2, "dated_margin": 1.2}
    assert choose(newcomer, day, [night, other], 0.05, 10, **timing).story_id is None
    assert choose(newcomer, day, [night, other], 0.05, 10, kin=True, **timing).story_id == "~night"
    # Undated, the rule does not apply.
    assert choose(newcomer, None, [night, other], 0.05, 10, kin=True, **timing).story_id is None
    # A rival on another matter (nothing in common with the night) still counts.
    torn = _unit({"w:primary": 1.0, "w:delegate": 1.0, "w:ferry": 1.0, "w:dock": 1.0})
    ferry = _story("~ferry", day, day, {"w:ferry": 1.0, "w:dock": 1.0, "w:vexford": 0.5})
    assert choose(torn, day, [night, ferry], 0.05, 10, kin=True, **timing).story_id is None


def test_a_story_cannot_stretch_past_span_days_on_the_date_alone() -> None:
    # A story of the 1st to the 4th; a same-topic report on the 7th is within close_days of its
    # last day, but the story would then span 6 days: the date no longer counts as evidence.
    story = _story("~0", date(2024, 2, 1), date(2024, 2, 4), {"w:race": 1.0, "w:vote": 1.0})
    newcomer = _unit({"w:race": 1.0, "w:vote": 1.0, "w:win": 1.2})  # cosine 0.67
    day = date(2024, 2, 7)
    kw = {"close_days": 3, "late": 0.6}
    assert choose(newcomer, day, [story], 0.5, 10, **kw).story_id == "~0"
    assert choose(newcomer, day, [story], 0.5, 10, span_days=8, **kw).story_id == "~0"
    assert choose(newcomer, day, [story], 0.5, 10, span_days=5, **kw).story_id is None
