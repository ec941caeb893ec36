"""The decision: does an article join one of its candidate stories, or open a new one?

A story is summarised by a bounded profile: the sum of its members' unit vectors
(only the ``centroid_terms`` heaviest features kept), and the span of its
publication dates. An article joins the candidate whose profile it is most
similar to (cosine), when that similarity clears the threshold and the dates are
compatible. Entities, numbers and years are features with their own weights in
the vectors, so two earthquakes in different places, with different magnitudes
and tolls, share the words of the event kind but not the rest; when publication
dates are known, a gap of more than ``max_gap_days`` outside a story's date span
keeps them apart even when the words agree.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

from newsprism.stories.vector import cosine, top_terms

__all__ = ["Choice", "StoryProfile", "choose", "similarity", "time_compatible"]


@dataclass
class StoryProfile:
    """Everything the decision and the listing need about one story (mutable, internal)."""

    id: str
    title: str
    centroid: dict[str, float] = field(default_factory=dict)
    norm: float = 0.0
    article_ids: list[str] = field(default_factory=list)
    outlets: dict[str, None] = field(default_factory=dict)
    first: date | None = None
    last: date | None = None
    # Members added to (minus released from) this working copy since it was made; a copy
    # of a stored story starts from its member count.
    added: int = 0

    @property
    def size(self) -> int:
        return len(self.article_ids) + self.added

    def absorb(self, vector: Mapping[str, float], keep: int | None = None) -> None:
        """Add a member's vector; with ``keep``, only the heaviest ``keep`` features stay."""
        centroid = self.centroid
        square = self.norm * self.norm
        self.added += 1
        for key, value in vector.items():
            before = centroid.get(key, 0.0)
            centroid[key] = before + value
            square += (before + value) ** 2 - before * before
        if keep is not None and len(centroid) > keep:
            self.centroid = top_terms(centroid, keep)
            square = sum(v * v for v in self.centroid.values())
        self.norm = math.sqrt(max(square, 0.0))

    def release(self, vector: Mapping[str, float]) -> None:
        """Take a member's vector back out (exact while the profile is untruncated)."""
        centroid = self.centroid
        square = self.norm * self.norm
        self.added -= 1
        for key, value in vector.items():
            before = centroid.get(key, 0.0)
            left = before - value
            square += (left * left if left > 1e-9 else 0.0) - before * before
            if left > 1e-9:
                centroid[key] = left
            else:
                centroid.pop(key, None)
        self.norm = math.sqrt(max(square, 0.0))

    def widen(self, published: date | None) -> None:
        if published is not None:
            self.first = published if self.first is None else min(self.first, published)
            self.last = published if self.last is None else max(self.last, published)

    def note(self, article_id: str, outlet: str | None, published: date | None) -> None:
        self.article_ids.append(article_id)
        if outlet:
            self.outlets.setdefault(outlet, None)
        self.widen(published)


@dataclass(frozen=True)
class Choice:
    story_id: str | None  # None: open a new story
    score: float


def time_compatible(
    published: date | None, story: StoryProfile, max_gap_days: int, floor: date | None = None
) -> bool:
    """False only when both dates are known and the article falls well outside the story's span.

    An undated article with a ``floor`` (it was published on or after that day) is
    incompatible with a story that ended more than ``max_gap_days`` before it.
    """
    if story.first is None or story.last is None:
        return True
    if published is None:
        return floor is None or (floor - story.last).days <= max_gap_days
    if published < story.first:
        return (story.first - published).days <= max_gap_days
    return (published - story.last).days <= max_gap_days


def choose(
    vector: Mapping[str, float],
    published: date | None,
    candidates: Sequence[StoryProfile],
    threshold: float,
    max_gap_days: int,
    own: str | None = None,
    settled: float | None = None,
    *,
    floor: date | None = None,
    undated: float | None = None,
    mean: float = 0.0,
    words: float = 0.0,
    margin: float = 1.0,
    close_days: int = 0,
    late: float = 1.0,
    dated_margin: float = 1.0,
    dated_mean: float = 1.0,
    from_first: bool = False,
    dated_settled: float = 1.0,
    kin: bool = False,
    span_days: int = 0,
) -> Choice:
    """The most similar compatible candidate that clears its threshold, else a new story.

    ``threshold`` applies to stories opened in this batch (ids starting with "~");
    ``settled`` (when given) to stories from earlier batches, which can no longer be
    cut apart and so deserve a stricter test. ``own`` names the story the (unit)
    vector is already in: it is scored without the vector itself (leave-one-out),
    so re-placing an article needs no update. ``undated`` (when given) is the bar for
    an article without a publication date joining a story with dated members: the date
    check cannot apply, so the words must say more (``floor`` still rules out stories
    that ended well before the article's latest dated mention). The score returned is
    the best seen, eligible or not (it tells how close the nearest story was).

    ``mean`` is the least mean cosine with the story's members (the average-link
    test): a loose story's profile is long, so its cosine with anything on its topic
    grows with the square root of its size, while the mean similarity does not.

    ``margin`` (> 1: on) asks the best story other than ``own`` to score at least
    ``margin`` times the next candidate (``own`` aside); otherwise the article stays in
    ``own`` when ``own`` clears its bar, else opens a new story. Several stories of one
    topic fitting about equally is topic evidence, not event evidence.

    ``close_days`` (> 0: on) scales by ``late`` the scores of a dated article and a dated
    story more than that many days outside the story's span (still within ``max_gap_days``):
    the further apart in time, the more the text must agree. With it on, a dated article's
    margin is at most ``dated_margin``, and its mean bar with a dated story within ``close_days``
    at most ``dated_mean``. ``from_first``: a story of an earlier batch (id not starting with "~")
    counts as within days only of its first day: its event began then, and its members are final;
    within those days its bar is at most ``dated_settled`` (``settled`` elsewhere).

    ``kin`` (with ``close_days``, for a dated article): a runner-up at least as alike to the best
    story as to the article is the same event told again, not a rival; it does not count
    against the margin (two reports of one night standing alone kept each other out).

    ``span_days`` (> 0: on, with ``close_days``): a dated story that would span more than that many
    days with the article counts as late too: a chain of events each within days of the last is
    not one event.
    """
    best_id: str | None = None
    best = top = 0.0
    scored: list[tuple[str, float]] = []
    own_score: float | None = None  # set when ``own`` clears its bar
    window = None  # a dated story ending before window[0] or starting after window[1] is late
    if close_days > 0 and published is not None:
        window = (published - timedelta(days=close_days), published + timedelta(days=close_days))
    for story in candidates:
        if not time_compatible(published, story, max_gap_days, floor):
            continue
        if story.id == own:
            score, average = _leave_one_out(vector, story)
        else:
            dot = cosine(vector, story.centroid, 1.0)
            score = dot / story.norm if story.norm > 0.0 else 0.0
            average = dot / max(story.size, 1)
        least_mean, settled_bar = mean, settled
        if window is not None and story.first is not None and story.last is not None:
            last = story.first if from_first and not story.id.startswith("~") else story.last
            if last < window[0] or story.first > window[1] or _too_wide(story, published, span_days):  # type: ignore[arg-type]
                score, average = score * late, average * late
            else:
                least_mean = min(mean, dated_mean)  # dated within days: the date is evidence too
                if settled is not None:
                    settled_bar = min(settled, dated_settled)
        top = max(top, score)
        scored.append((story.id, score))
        if average < least_mean:
            continue
        bar = threshold if settled_bar is None or story.id.startswith("~") else max(threshold, settled_bar)
        if undated is not None and published is None and story.first is not None:
            bar = max(bar, undated)
        if score < bar:
            continue
        if words > 0.0 and story.id != own and word_cosine(vector, story.centroid) < words:
            continue
        if story.id == own:
            own_score = score
        if best_id is None or score > best or (score == best and story.id < best_id):
            best_id, best = story.id, score
    if close_days > 0 and published is not None and best_id is not None:
        margin = min(margin, dated_margin)  # a dated story within days: the date is evidence too
    if margin > 1.0 and best_id is not None and best_id != own:
        runner_up = max((v for k, v in scored if k not in (best_id, own)), default=0.0)
        if best < margin * runner_up and kin and close_days > 0 and published is not None:
            runner_up = _rival(scored, candidates, best_id, own)
        if best < margin * runner_up:
            # Several stories fit about equally: the shared evidence is the topic, not the event.
            return Choice(own, own_score) if own_score is not None else Choice(None, best)
    return Choice(best_id, best if best_id is not None else top)


def _too_wide(story: StoryProfile, published: date, span_days: int) -> bool:
    """Would the dated ``story`` span more than ``span_days`` (> 0) with an article of ``published``?"""
    if span_days <= 0:
        return False
    return (max(story.last, published) - min(story.first, published)).days > span_days  # type: ignore[type-var,operator]


def _rival(
    scored: list[tuple[str, float]], candidates: Sequence[StoryProfile], best_id: str, own: str | None
) -> float:
    """The best score of a candidate (``best_id`` and ``own`` aside) less alike to the best story than to the article."""
    by_id = {c.id: c for c in candidates}
    best = by_id[best_id]
    return max(
        (v for k, v in scored if k not in (best_id, own) and similarity(by_id[k], best) < v), default=0.0
    )


def word_cosine(vector: Mapping[str, float], centroid: Mapping[str, float]) -> float:
    """Cosine of the content-word parts alone (no names, numbers, dates) of two vectors."""
    dot = own = other = 0.0
    for key, value in vector.items():
        if key[0] == "w":
            own += value * value
            dot += value * centroid.get(key, 0.0)
    if dot <= 0.0:
        return 0.0
    for key, value in centroid.items():
        if key[0] == "w":
            other += value * value
    return dot / math.sqrt(own * other)


def _leave_one_out(vector: Mapping[str, float], story: StoryProfile) -> tuple[float, float]:
    """Cosine with the story's profile without the vector, and mean cosine with the other members."""
    dot = cosine(vector, story.centroid, 1.0)
    rest = story.norm * story.norm - 2.0 * dot + 1.0  # |centroid - vector|^2 for a unit vector
    others = story.size - 1
    average = (dot - 1.0) / others if others > 0 else 0.0
    return ((dot - 1.0) / math.sqrt(rest) if rest > 1e-9 else 0.0), average


def similarity(a: StoryProfile, b: StoryProfile) -> float:
    """Cosine of two story profiles."""
    if a.norm <= 0.0 or b.norm <= 0.0:
        return 0.0
    small, large = (
        (a.centroid, b.centroid) if len(a.centroid) <= len(b.centroid) else (b.centroid, a.centroid)
    )
    dot = sum(v * large[k] for k, v in small.items() if k in large)
    return dot / (a.norm * b.norm)
