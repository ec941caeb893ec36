"""The time a person served in prison, its holder named or the article's main person (fictional
sentences; session 18, issue 16 part 4)."""

from newsprism.compare.prison_terms import main_person, prison_terms, terms_apart
from tests.contra_helpers import two_article_flags as _flags


def _terms(text: str) -> list[tuple[str, str]]:
    return [(t[0], t[1]) for t in prison_terms(text)]


def test_a_term_is_read_with_the_name_or_pronoun_opening_the_sentence():
    assert _terms("Tomas Vellin served four and a half months in federal prison.") == [
        ("vellin", "4.5 month")
    ]
    assert _terms("He served a reduced sentence of six months in jail for fraud.") == [("", "6 month")]
    assert _terms("Mr. Vellin served a two-year prison term.") == [("vellin", "2 year")]
    # no holder opening the sentence, a bound, or two terms: nobody's value
    assert _terms("The aide who served two years in prison spoke on Friday.") == []
    assert _terms("Vellin served nearly two years in prison.") == []
    assert _terms("Vellin served two years in prison and Ada Morrow three years in jail.") == []


def test_terms_are_apart_in_one_unit_and_within_a_factor_of_ten():
    assert terms_apart("4.5 month", "5 month")
    assert not terms_apart("4 month", "136 day")  # a conversion the copy may have rounded
    assert not terms_apart("4.5 month", "412 month")  # a garbled fraction, not a term told wrong
    assert not terms_apart("5 month", "5 month")


def test_the_main_person_is_the_surname_written_most_by_far_or_first():
    one = "Tomas Vellin died. Vellin was an aide. Vellin served Ada Morrow. Morrow said so."
    assert main_person(one) == "vellin"
    two = "Ada Morrow said Tomas Vellin lied. Vellin denied it. Morrow and Vellin met. Morrow left."
    assert main_person(two) is None


def test_one_persons_term_told_two_ways_is_flagged_two_peoples_terms_are_not():
    a = "Tomas Vellin served five months in federal prison for perjury."
    assert _flags(a, "Tomas Vellin served four months in federal prison.") == [
        "vellin: served five months in federal prison vs served four months in federal prison"
    ]
    assert _flags(a, "Ada Morrow served four months in federal prison.") == []
    assert _flags(a, "Tomas Vellin served five months in federal prison, his lawyer said.") == []
