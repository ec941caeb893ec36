"""A named person's home town as news copy writes it after the name (fictional sentences;
session 18, issue 16 part 4)."""

from newsprism.compare.residences import homes, homes_apart
from tests.contra_helpers import two_article_flags as _flags


def _homes(text: str) -> list[tuple[str, str]]:
    return [(h[0], h[1]) for h in homes(text)]


def test_a_home_town_is_read_after_the_name_and_its_age_or_a_comma():
    assert _homes("Police stopped Tomas Ivo Vellin, 36, of Carrowmere, near the depot.") == [
        ("vellin", "carrowmere|tomas ivo")
    ]
    assert _homes("Ada Morrow, of East Dunmore, Vess., said she saw the car.") == [
        ("morrow", "east dunmore|ada")
    ]
    assert _homes("Ada Morrow, 61, of Carrowmere was struck on Friday.") == [("morrow", "carrowmere|ada")]


def test_an_employer_an_address_or_a_surname_alone_is_no_home_town():
    assert _homes("Ada Morrow of the state police said the road was closed.") == []
    assert _homes("Ada Morrow, of Vessia Bank, said the vault was shut.") == []
    assert _homes("Tomas Vellin, 23, of Tarn Street, Dunmore, was arrested.") == []
    assert _homes("Mr Vellin, of Carrowmere, was arrested.") == []


def test_two_towns_are_apart_only_for_one_given_name():
    assert homes_apart("carrowmere|tomas ivo", "dunmore|tomas")
    assert not homes_apart("carrowmere|tomas", "carrowmere|tomas ivo")
    assert not homes_apart("carrowmere|ada", "dunmore|tomas")  # two people of one surname


def test_one_persons_home_town_told_two_ways_is_flagged_two_people_are_not():
    a = "Police said Tomas Ivo Vellin, 36, of Carrowmere, drove off after the crash."
    assert _flags(a, "Tomas Vellin, 36, of Dunmore, was charged on Friday.") == [
        "of Carrowmere vs of Dunmore"
    ]
    assert _flags(a, "Tomas Vellin, 36, of Carrowmere, Vess., was charged on Friday.") == []
    assert _flags(a, "His wife Ada Vellin, 35, of Dunmore, was not in the car.") == []
