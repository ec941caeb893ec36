"""Two dated one-article drafts of one event join before settling (issue 11, session 10)."""

from __future__ import annotations

import dataclasses
from datetime import date

from newsprism.settings import StorySettings
from newsprism.stories.batch import Batch
from newsprism.stories.features import ArticleFeatures
from newsprism.stories.index import StoryIndex

NIGHT = {"w:primary": 2, "w:delegate": 2, "e:vexford": 2}


def _feat(name: str, counts: dict[str, int], day: date | None) -> ArticleFeatures:
    return ArticleFeatures(article_id=name, counts=counts, published=day)


def _singletons(feats: list[ArticleFeatures], **settings: float) -> Batch:
    index = StoryIndex(dataclasses.replace(StorySettings(), **settings))
    for feat in feats:
        index.df.update(feat.counts)
    batch = Batch(index)
    batch._add_items(feats, None, link=False)
    for i, item in enumerate(batch.items):
        batch._join(i, batch._open(item), 0.0)
    return batch


def _stories(batch: Batch) -> list[str]:
    return [item.story for item in batch.items]


def _night(day: date | None, angle: str) -> ArticleFeatures:
    return _feat(angle, {**NIGHT, f"w:{angle}": 3, f"w:{angle}x": 3}, day)


def test_two_reports_of_one_night_join_and_a_third_waits_its_turn() -> None:
    feats = [
        _night(date(2024, 3, 15), "turnout"),
        _night(date(2024, 3, 16), "speech"),
        _night(date(2024, 3, 16), "margin"),
    ]
    batch = _singletons(feats)
    batch._pair_singletons(0.15)
    stories = _stories(batch)
    # Pairs only: two of the three share a draft, the third stays alone for settling.
    assert len(set(stories)) == 2
    assert sorted(len(m) for m in batch.members.values() if m) == [1, 2]


def test_no_pair_across_days_without_dates_or_below_the_bar() -> None:
    far = [_night(date(2024, 3, 9), "turnout"), _night(date(2024, 3, 16), "speech")]
    undated = [_night(None, "turnout"), _night(None, "speech")]
    for feats in (far, undated):
        batch = _singletons(feats)
        batch._pair_singletons(0.15)
        assert len(set(_stories(batch))) == 2
    close = [_night(date(2024, 3, 15), "turnout"), _night(date(2024, 3, 16), "speech")]
    strict = _singletons(close)
    strict._pair_singletons(0.9)
    assert len(set(_stories(strict))) == 2
    off = _singletons(close, close_days=0)
    off._pair_singletons(0.15)
    assert len(set(_stories(off))) == 2
    joined = _singletons(close)
    joined._pair_singletons(0.15)
    assert len(set(_stories(joined))) == 1


def _race(name: str, day: date, own: int) -> ArticleFeatures:
    # One race's words and actor, and words of its own event.
    return _feat(name, {"w:race": 2, "e:vexford": 2, f"w:{name}": own, f"w:{name}x": own}, day)


def test_a_draft_merges_on_the_date_only_while_the_story_spans_few_days() -> None:
    # A caucus story of the 1st and 4th; a debate draft of the 7th is within close_days of
    # its last day and shares the race's words: the relaxed dated merge would chain them.
    feats = [_race("caucus", date(2024, 2, 1), 2), _race("count", date(2024, 2, 4), 2)]
    feats.append(_race("debate", date(2024, 2, 7), 3))
    merged = {}
    for span in (0, 5):
        batch = _singletons(feats, span_days=span)
        second = batch.items[1]
        batch.drafts[second.story].release(second.vector)
        batch.members[second.story].discard(1)
        batch._join(1, batch.items[0].story, 0.0)
        batch._merge_drafts()
        merged[span] = len({item.story for item in batch.items})
    assert merged == {0: 1, 5: 2}
