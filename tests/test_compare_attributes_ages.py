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


def test_a_common_word_opening_a_sentence_is_no_given_name():
    # session 15: "Young Sanders supporters never had to live ..." made "Young" a second given
    # name, so "the 74-year-old Sanders" was nobody's age
    from newsprism.compare.attributes import given_names

    text = "Young Morrow supporters rallied on Friday. Ada Morrow, 74, spoke. Ada Morrow left."
    assert given_names(text, "Morrow") == frozenset(["ada"])
    assert given_names("Ada Morrow spoke. Bo Morrow, her son, did not.", "Morrow") == frozenset(["ada", "bo"])
