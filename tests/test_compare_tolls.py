"""Tolls of one event in the shapes news copy gives them, and what is no toll of the event
(fictional sentences; session 14, issue 16 item 4)."""

import numpy as np

from newsprism.compare.alignment import Alignment
from newsprism.compare.attributes import mentions
from newsprism.compare.contradictions import find_contradictions
from newsprism.model import Span, Statement


def _tolls(text: str) -> list[str]:
    return [str(m.value) for m in mentions(text) if m.kind == "toll"]


def test_a_death_toll_told_without_a_verb_of_killing_is_read():
    assert _tolls("The death toll in the Carrowmere shooting stands at 12.") == ["12|people"]
    assert _tolls("The attack in Carrowmere claimed the lives of 17 people.") == ["17|people"]
    assert _tolls("The death toll of 12 in Carrowmere made it the state's worst attack.") == ["12|people"]
    # a bound, a share, or a toll that rose: no exact toll of the event
    assert _tolls("The death toll is at least 12 in Carrowmere.") == []
    assert _tolls("The death toll was 12 percent higher in Carrowmere.") == []
    assert _tolls("The death toll in Carrowmere rose to 12 on Sunday.") == []


def test_a_part_of_a_total_is_no_toll_of_the_event():
    assert _tolls("The storm killed 4 people in Carrowmere, bringing the total to 11.") == []
    assert _tolls("On Saturday alone, seven people were killed in Carrowmere.") == []


def _flags(a_text: str, b_text: str, a_day: str, b_day: str) -> list[str]:
    sts = [
        Statement(id=f"s{i}", article_id=art, text=t, span=Span(0, len(t)), sentence=Span(0, len(t)))
        for i, (art, t) in enumerate((("a", a_text), ("b", b_text)))
    ]
    apart = Alignment(groups=((0,), (1,)), conflicts=(), sims=np.eye(2, dtype=np.float32))
    texts, published = {"a": a_text, "b": b_text}, {"a": a_day, "b": b_day}
    return [c.note for c in find_contradictions(sts, apart, texts, min_shared=2, published=published)]


def test_one_events_toll_told_two_ways_on_one_day_is_flagged_a_later_larger_one_is_not():
    a = "A gunman killed 12 people at the Carrowmere mall on Saturday, police said."
    b = "The death toll in the Carrowmere mall shooting stands at 14, police said."
    assert _flags(a, b, "2017-06-04", "2017-06-04") == ["killed: 12 killed vs 14 killed"]
    assert _flags(a, b, "2017-06-04", "2017-06-05") == []  # a later report's larger toll: an update


def test_a_toll_counting_the_attacker_is_another_count_than_the_victims():
    assert _tolls("Fifty people were killed at the Carrowmere club, including the gunman.") == []
    assert _tolls("The shooting left 50 people dead in Carrowmere, counting the gunman.") == []
    # a part named after the toll leaves the toll the event's
    assert _tolls("The fire injured 12 people, three of them firefighters.") == ["12|people"]
