"""The date of an act a person does once, told by name or "he" in an article about one person
(fictional sentences; session 18, issue 16 part 4)."""

from newsprism.compare.person_acts import act_dates, act_dates_apart
from tests.contra_helpers import two_article_flags as _flags


def _acts(text: str) -> list[tuple[str, str]]:
    return [(d[0], d[1]) for d in act_dates(text)]


def test_a_dated_once_only_act_is_read_with_the_person_opening_the_sentence():
    assert _acts("Mr. Vellin pleaded guilty to perjury in July 1981.") == [
        ("vellin|pleaded guilty", "1981:7:1:31")
    ]
    assert _acts("On June 27, 1981, he pleaded guilty to one count.") == [("|pleaded guilty", "1981:6:27:27")]
    assert _acts("Ada Morrow, 61, died on May 3, 2004, at her home.") == [("morrow|died", "2004:5:3:3")]


def test_a_repeated_act_a_second_year_or_a_date_of_another_clause_are_not_read():
    assert _acts("Vellin was arrested in July 1981.") == []
    assert _acts("Vellin pleaded guilty in July 1981 to a charge filed in 1980.") == []
    assert _acts("Vellin pleaded guilty after the raid, which was in July 1981.") == []
    assert _acts("The aide pleaded guilty in July 1981.") == []


def test_two_dates_of_one_act_are_apart_unless_they_overlap():
    assert act_dates_apart("1981:7:1:31", "1981:6:27:27")
    assert not act_dates_apart("1981:7:1:31", "1981:7:14:14")
    assert act_dates_apart("1981:7:14:14", "1982:7:14:14")


def test_one_persons_plea_dated_two_ways_is_flagged_two_people_are_not():
    a = "Tomas Vellin pleaded guilty to perjury in July 1981."
    assert _flags(a, "Tomas Vellin pleaded guilty on June 27, 1981, to one count.") == [
        "July 1981 vs June 27, 1981"
    ]
    assert _flags(a, "Tomas Vellin pleaded guilty on July 14, 1981, to one count.") == []
    assert _flags(a, "Ada Morrow pleaded guilty on June 27, 1981, to one count.") == []
