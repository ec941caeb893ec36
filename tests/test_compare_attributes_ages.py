"""Ages read from a sentence: each form still found with the substring tests in front of the scans."""

from newsprism.compare.attributes import mentions


def _ages(text: str) -> list[tuple[str, str]]:
    return [(m.key, m.value) for m in mentions(text) if m.kind == "age"]


def test_age_before_a_full_name():
    assert _ages("The blaze killed 61-year-old Ada Lee Morrow on Tuesday.") == [("morrow", "61|ada lee")]


def test_age_after_a_full_name():
    assert _ages("Police said the driver, Tomas Varga, 44, was taken to hospital.") == [("varga", "44|tomas")]


def test_age_of_a_surname_alone():
    assert _ages("Sen. Varga, 74, said he would run again.") == [("varga", "74|")]
    assert _ages("The 75-year-old Varga declined to comment.") == [("varga", "75|")]


def test_no_age_without_its_words():
    assert _ages("The Year Old Varga festival drew 4,000 people, 300 more than last year.") == []
