"""The date of one named event told two ways by two outlets (fictional sentences; session 14,
issue 16 item 4): the noun a date qualifies names its event ("Vessia's April 30 primary")."""

import numpy as np

from newsprism.compare.alignment import Alignment
from newsprism.compare.contradictions import find_contradictions
from newsprism.model import Span, Statement


def _flags(a_text: str, b_text: str) -> list[tuple[str, str]]:
    """Kinds and notes flagged for two one-sentence articles alignment kept apart."""
    sts = [
        Statement(id=f"s{i}", article_id=art, text=t, span=Span(0, len(t)), sentence=Span(0, len(t)))
        for i, (art, t) in enumerate((("a", a_text), ("b", b_text)))
    ]
    apart = Alignment(groups=((0,), (1,)), conflicts=(), sims=np.eye(2, dtype=np.float32))
    found = find_contradictions(sts, apart, {"a": a_text, "b": b_text}, min_shared=2)
    return sorted({(c.kind, c.note) for c in found})


LEAD = "Bo Lind leads the field ahead of Vessia's April 30 primary, a new poll shows."


def test_a_date_qualifying_its_event_is_compared_with_that_events_date():
    assert _flags(LEAD, "The Vessia primary is scheduled for May 15.") == [("date", "April 30 vs May 15")]
    assert _flags(LEAD, "Lind is favored in Vessia's mid-May primary.") == [("date", "April 30 vs mid-May")]


def test_another_event_another_place_or_a_date_precision_allows_is_none():
    for other in [
        "The Dorran primary is scheduled for May 15.",  # another state's primary
        "Voters in Vessia face the May 1 filing deadline for the primary.",  # another event
        "Lind is favored in Vessia's late April primary.",  # late April holds April 30
        "Ada Morrow said on May 15 that Lind would win the Vessia primary.",  # the day of a remark
    ]:
        assert _flags(LEAD, other) == [], other


def test_a_month_alone_dates_the_event_it_qualifies():
    assert _flags(LEAD, "Lind is favored in Vessia's May primary.") == [("date", "April 30 vs May")]
    assert _flags(LEAD, "Lind is favored in Vessia's April primary.") == []  # April holds April 30
    assert _flags(LEAD, "Lind won Vessia's May straw poll.") == []  # another event


def test_two_named_things_dates_a_period_bound_or_a_day_range_are_no_contradiction():
    # two states' contests in relative clauses of their names
    assert (
        _flags(
            "Lind is well placed in Vessia, which votes Feb. 27.",
            "Even in his home state of Dorran, which votes in mid-March, Lind trails.",
        )
        == []
    )
    # the start or the bound of a period dates no event
    assert (
        _flags(
            "For the first time since early October, Lind has dropped out of the top three.",
            "Lind's group has spent $12 million since early September in Vessia.",
        )
        == []
    )
    assert (
        _flags(
            "Lind campaigned a few weeks before the April 19 primary in Vessia.",
            "Lind lost more contests in Vessia than he won between early March and the end of the primary season.",
        )
        == []
    )
    # two polls' days: "September 16-19" / "Sept. 19 to 22" share a day
    assert (
        _flags(
            "The Vessia survey was conducted September 16-19 among 600 voters.",
            "The Vessia poll was conducted from Sept. 19 to 22 among 1,001 adults.",
        )
        == []
    )


def _dated_flags(a_text: str, b_text: str, day: str) -> list[tuple[str, str]]:
    sts = [
        Statement(id=f"s{i}", article_id=art, text=t, span=Span(0, len(t)), sentence=Span(0, len(t)))
        for i, (art, t) in enumerate((("a", a_text), ("b", b_text)))
    ]
    apart = Alignment(groups=((0,), (1,)), conflicts=(), sims=np.eye(2, dtype=np.float32))
    texts, published = {"a": a_text, "b": b_text}, {"a": day, "b": day}
    return sorted({(c.kind, c.note) for c in find_contradictions(sts, apart, texts, published=published)})


def test_a_date_passed_and_a_date_to_come_on_the_publication_day_are_two_events():
    a = "Lind, who won the April 30 primary by ten points, now turns to Dorran."
    b = "Lind is favored in the May 15 primary, his aides said."
    assert _dated_flags(a, b, "2016-05-02") == []
    # both still to come: one event's date told two ways
    coming = "Lind leads the field ahead of the April 30 primary in Vessia."
    assert _dated_flags(coming, "Lind is favored in the May 15 primary in Vessia.", "2016-04-10") == [
        ("date", "April 30 vs May 15")
    ]


def test_a_recurring_events_dates_a_week_apart_are_two_of_them():
    for a, b in [
        ("In his March 3 speech, Lind attacked Dane.", "In his March 10 speech, Lind praised Dane."),
        ("Lind spoke at the March 3 rally in Vessia.", "Lind spoke at the March 10 rally in Vessia."),
        (
            "In a March 3 interview, Lind said he would win.",
            "In a March 10 interview, Lind said he might lose.",
        ),
    ]:
        assert _flags(a, b) == [], a
    # an event held once: two weeks apart is one date told wrong
    assert _flags(
        "Lind will face Dane in the March 22 primary in Vessia.",
        "Lind will face Dane in the April 5 primary in Vessia.",
    ) == [("date", "March 22 vs April 5")]


def test_a_recurring_events_dates_are_two_occasions_when_alignment_grouped_them_too():
    a_text, b_text = (
        "Lind spoke at the March 3 rally in Vessia.",
        "Lind spoke at the March 10 rally in Vessia.",
    )
    sts = [
        Statement(id=f"s{i}", article_id=art, text=t, span=Span(0, len(t)), sentence=Span(0, len(t)))
        for i, (art, t) in enumerate((("a", a_text), ("b", b_text)))
    ]
    grouped = Alignment(groups=((0, 1),), conflicts=(), sims=np.ones((2, 2), dtype=np.float32))
    assert find_contradictions(sts, grouped, {"a": a_text, "b": b_text}, min_shared=2) == []


def test_a_date_to_come_told_weeks_before_the_event_was_held_is_compared():
    sts_text = ("Vessia's primary is in mid-May.", "Vessia held its primary on April 30.")
    sts = [
        Statement(id=f"s{i}", article_id=art, text=t, span=Span(0, len(t)), sentence=Span(0, len(t)))
        for i, (art, t) in enumerate(zip("ab", sts_text, strict=True))
    ]
    apart = Alignment(groups=((0,), (1,)), conflicts=(), sims=np.eye(2, dtype=np.float32))
    texts, published = dict(zip("ab", sts_text, strict=True)), {"a": "2016-04-10", "b": "2016-05-02"}
    found = find_contradictions(sts, apart, texts, published=published)
    assert [(c.kind, c.note) for c in found] == [("date", "mid-May vs April 30")]


def test_a_negation_in_an_opening_concessive_clause_denies_no_dated_event():
    # session 15: "Although no debate will take place, ... before the June 7 primary" tells the
    # primary as it is; only the debate is denied (PolNeAR copy with one date altered was missed)
    lead = "Ada Morrow campaigned in Vessia ahead of the state's June 7 primary."
    assert _flags(
        lead, "Although no debate is planned, both campaign in Vessia before the June 14 primary."
    ) == [("date", "June 7 vs June 14")]
    # the date inside the denied clause, or a main clause denied, stays two events
    assert _flags(lead, "The Vessia primary was not held on June 14, officials said.") == []
    assert _flags(lead, "Although campaigning, Morrow will not attend the June 14 primary in Vessia.") == []


def test_a_date_qualifying_a_once_held_event_is_read_beside_other_dates():
    # "New York's April 19 primary and the contests that follow on April 26": two dates, one of
    # them the primary's by its noun
    lead = "Vessia's April 19 primary and the contests that follow on April 26 give Lind a chance."
    assert _flags(lead, "Vessia is the site of the next primary, on April 21.") == [
        ("date", "April 19 vs April 21")
    ]
    # the noun right before a date names its event too, singular or plural
    assert _flags(
        "Polls tighten days ahead of the Feb. 1 caucus in Vessia.",
        "The debate came before the Vessia caucuses on Feb. 8.",
    ) == [("date", "Feb. 1 vs Feb. 8")]
    # two dates of two named events, or a date qualifying a recurring event, read none
    assert (
        _flags("Vessia's April 19 primary and Dorran's April 26 primary follow.", "Vessia votes on April 21.")
        == []
    )
    assert _flags("The April 19 debate and the April 26 vote follow.", "The debate is on April 21.") == []
