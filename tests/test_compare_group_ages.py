"""The ages of a group told as a list against another list or named ages (fictional sentences;
session 18, issue 16 part 4)."""

from newsprism.compare.attributes import mentions
from newsprism.compare.contradictions import _one_age_apart
from tests.contra_helpers import two_article_flags as _flags


def _lists(text: str) -> list[str]:
    return [str(m.value) for m in mentions(text) if m.kind == "group_ages"]


def test_a_groups_ages_are_read_as_a_list_a_range_or_two_counts_are_not():
    assert _lists("Police found two men -- 58 and 31-years-old -- in the barn.") == ["58|31"]
    assert _lists("The riders, who were 40 and 19 years old, were not named.") == ["40|19"]
    assert _lists("Three girls, aged 9, 11 and 14, were rescued.") == ["14|11|9"]
    assert _lists("Two men between 30 and 40 years old were seen.") == []
    assert _lists("The team scored 12 and 14 points.") == []


def test_two_lists_disagree_on_one_age_only():
    assert _one_age_apart([58, 31], [31, 52]) == (58, 52)
    assert _one_age_apart([58, 31], [58, 31]) is None
    assert _one_age_apart([58, 31], [52, 29]) is None  # two ages apart: two groups
    assert _one_age_apart([58, 31], [31, 17]) is None  # far apart: another person
    assert _one_age_apart([58, 31, 9], [58, 31]) is None


def test_a_list_against_named_ages_flags_the_one_age_told_two_ways():
    a = "Police found the bodies of two men -- 58 and 31-years-old -- in a Carrow barn."
    assert _flags(a, "The bodies of Tomas Vellin, 31, and Ivo Brant, 52, were found in the barn.") == [
        "58 and 31-years-old vs 52"
    ]
    assert _flags(a, "The bodies of Tomas Vellin, 31, and Ivo Brant, 58, were found in the barn.") == []
    assert _flags(a, "Two suspects, Ada Lind, 24, and Bo Kerr, 33, were held in Dunmore.") == []
