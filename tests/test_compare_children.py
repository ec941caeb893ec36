"""A named parent's number of children, and elapsed time that runs on as a story is told
(fictional sentences; session 17, issue 16 part 4)."""

import numpy as np

from newsprism.compare.alignment import Alignment
from newsprism.compare.attributes import mentions
from newsprism.compare.contradictions import find_contradictions
from newsprism.model import Span, Statement


def _children(text: str) -> list[tuple[str, int, str]]:
    return [(m.key, m.value, m.sex) for m in mentions(text) if m.kind == "children"]


def test_a_parents_children_are_read_with_the_parent_named_after_or_before():
    assert _children("Footage of Carrow Mother of 9 Ada Vellin was shown on Friday.") == [("vellin", 9, "f")]
    assert _children("Vellin was the mother of eight children.") == [("vellin", 8, "f")]
    assert _children("Tomas Vellin, 41, was walking with one of his 6 children.") == [("vellin", 6, "m")]
    # no named parent: nobody's count; a capitalised common word opening the sentence is no name
    assert _children("The life of a mother of 12 was claimed by a stray bullet.") == []
    # a possessive name is another's relative; a name far back is another clause's person
    assert _children("Vellin's wife, a mother of three, was not home.") == []
    assert _children("Vellin told police he was aiming at rivals when a bullet hit the mother of 9.") == []


def _flags(a_text: str, b_text: str, conflict: bool = False) -> list[str]:
    sts = [
        Statement(id=f"s{i}", article_id=art, text=t, span=Span(0, len(t)), sentence=Span(0, len(t)))
        for i, (art, t) in enumerate((("a", a_text), ("b", b_text)))
    ]
    conflicts = ((0, 1, 0.9),) if conflict else ()
    sims = np.ones((2, 2), dtype=np.float32) if conflict else np.eye(2, dtype=np.float32)
    alignment = Alignment(groups=((0,), (1,)), conflicts=conflicts, sims=sims)
    return [c.note for c in find_contradictions(sts, alignment, {"a": a_text, "b": b_text}, min_shared=2)]


def test_one_parents_children_told_two_ways_is_flagged_a_mother_and_a_father_are_not():
    a = "Ada Vellin, a mother of 9, was shot outside the Carrow school."
    assert _flags(a, "Vellin was the mother of eight children.") == [
        "vellin: mother of 9 vs mother of eight children"
    ]
    assert _flags(a, "Her husband Tomas Vellin, a father of eight, spoke on Friday.") == []


def test_days_of_a_story_that_runs_on_are_two_moments():
    a = "The shooting of the boy sparked five days of riots across Vessia, officials said."
    b = "The shooting of the boy sparked eight days of riots across Vessia, officials said."
    assert _flags(a, b, conflict=True) == []
    # a count of one thing told two ways on the same path is still read
    c = "The shooting of the boy sparked riots across Vessia and 140 arrests, officials said."
    d = "The shooting of the boy sparked riots across Vessia and 147 arrests, officials said."
    assert _flags(c, d, conflict=True) != []


def test_a_nickname_spelled_two_ways_is_flagged_two_nicknames_are_not():
    a = "The defendant, who is known by the street moniker of Tavo, was charged on Friday."
    assert [m.value for m in mentions(a) if m.kind == "nickname"] == ["Tavo"]
    assert _flags(a, 'Police said he is a gang member known by the nickname "Tavy."') == ["Tavo vs Tavy"]
    assert _flags(a, 'Police said he is a gang member known by the nickname "Bruno."') == []
    # no cue, no nickname: a capitalised word after "known as" names a place as often
    assert not [m for m in mentions("He moved to a town known as Tavo Creek.") if m.kind == "nickname"]
