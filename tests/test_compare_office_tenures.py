"""The length of a finished term in one office, its holder named (fictional sentences; session 18,
issue 16 part 4)."""

from newsprism.compare.offices import office_tenures
from tests.contra_helpers import two_article_flags as _flags


def _tenures(text: str) -> list[tuple[str, str]]:
    return [(t[0], t[1]) for t in office_tenures(text)]


def test_a_finished_term_in_one_office_is_read_with_its_holder():
    assert _tenures("Ada Morrow, who served in the Senate for 36 years, died on Friday.") == [
        ("morrow|tenure|senate", "36|ada")
    ]
    assert _tenures("Morrow served as senator for thirty years.") == [("morrow|tenure|senate", "30|")]
    assert _tenures("Tomas Vellin served as mayor of Carrowmere for eight years.") == [
        ("vellin|tenure|mayoralty", "8|tomas")
    ]


def test_a_running_term_a_bound_a_post_or_two_terms_are_not_read():
    assert _tenures("Morrow has served in the Senate for 36 years.") == []
    assert _tenures("Morrow served in the Senate for nearly 36 years.") == []
    assert _tenures("Ada Morrow served as Senate majority leader for six years.") == []
    assert _tenures("Vellin served on the city council for 12 years and as mayor for eight years.") == []


def test_one_holders_tenure_told_two_ways_is_flagged_two_offices_are_not():
    a = "Ada Morrow, who served in the Senate for 36 years, died on Friday at 88."
    assert _flags(a, "Morrow served as senator for 35 years before she retired.") == [
        "served in the Senate for 36 years vs served as senator for 35 years"
    ]
    assert _flags(a, "Morrow served as governor for 35 years before she retired.") == []
    assert _flags(a, "Tomas Morrow served in the Senate for 35 years.") == []
