import dataclasses

from newsprism.model import Quote, Span, Speaker
from newsprism.quotes.names import compatible, full_names, given_sex, most_complete, strip_titles
from newsprism.quotes.speakers import merge_speakers


def test_titles_and_roles_come_off_a_name_but_a_name_stays():
    assert strip_titles("Assistant District Attorney David Rossi") == "David Rossi"
    assert strip_titles("Analyst Rob Enderle") == "Rob Enderle"
    assert strip_titles("Senator Smith") == "Smith"
    assert strip_titles("Will Smith") == "Will Smith"


def test_a_first_name_gives_a_usual_sex_only_when_it_is_clear():
    assert given_sex("Senator Laura Fenwick") == "f"
    assert given_sex("Gregory T. Alvin") == "m"
    assert given_sex("Jordan Fenwick") is None  # borne by both sexes
    assert given_sex("Mr. Fenwick") is None  # a surname alone
    assert given_sex("J. Fenwick") is None  # an initial
    assert given_sex("Lu Kang") is None  # two letters: often a surname written first


def test_one_person_written_with_nicknames_initials_and_suffixes():
    assert compatible("Jim Mattis", "James Mattis")
    assert compatible("Dale Hall", "H. Dale Hall")
    assert compatible("Nick Rahall", "Nick J. Rahall II")
    assert not compatible("Doug McDermott", "Greg McDermott")
    assert most_complete(["Dave Rossi", "David Rossi", "Dave Rossi"]) == "David Rossi"


def test_full_names_in_reading_order_without_sentence_starters():
    text = "But McDermott said. Doug McDermott’s teammates knew; coach Greg McDermott did not."
    assert full_names(text, "McDermott") == ["Doug McDermott", "Greg McDermott"]


def _quote(i, article, name, kind="person"):
    speaker = Speaker(name=name, canonical=name, kind=kind)
    return Quote(
        id=f"q{i}", article_id=article, text="words", span=Span(0, 5), kind="direct", speaker=speaker
    )


def test_a_surname_takes_the_full_name_its_article_introduced_first():
    texts = {
        "a": "Doug McDermott broke the record. His father, coach Greg McDermott, watched. McDermott said more.",
        "b": "Representative Anna K. Lind spoke.",
    }
    quotes = [
        _quote(0, "a", "McDermott"),
        _quote(1, "b", "Representative Anna K. Lind"),
        _quote(2, "b", "Lind"),
    ]
    merged, _ = merge_speakers(quotes, texts=texts)
    assert [q.speaker.canonical for q in merged] == ["Doug McDermott", "Anna Lind", "Anna Lind"]


def test_a_dateline_is_never_a_speaker():
    texts = {"a": "AMHERST — The college said on Monday that it would close."}
    merged, _ = merge_speakers([_quote(0, "a", "AMHERST")], texts=texts)
    assert merged[0].speaker is None
    kept, _ = merge_speakers([dataclasses.replace(_quote(0, "a", "Amherst"))], texts=texts)
    assert kept[0].speaker is not None


def test_company_names_lose_legal_forms_and_a_possessive_country():
    from newsprism.quotes.names import strip_company

    assert strip_company("U.K.'s Interoute Plc") == "Interoute"
    assert strip_company("France Telecom SA") == "France Telecom"
    assert strip_company("Apple Inc.") == "Apple"
    assert strip_company("Inc") == "Inc"
    assert strip_titles("Producers Laurence Mark") == "Laurence Mark"


def test_father_and_son_are_two_people_but_a_numeral_may_be_dropped():
    assert not compatible("Donald Trump Jr.", "Donald J. Trump")
    assert not compatible("Cal Ripken Sr.", "Cal Ripken Jr.")
    assert compatible("Nick Rahall", "Nick J. Rahall II")


def test_the_name_most_outlets_write_is_the_canonical_one():
    texts = {
        "a": "Senator Ada B. Quist spoke. Ms. Quist left.",
        "b": "Ada Quist arrived. Later Ada Quist left.",
        "c": "Ada Quist said so.",
    }
    quotes = [_quote(0, "a", "Ada B. Quist"), _quote(1, "b", "Ada Quist"), _quote(2, "c", "Quist")]
    merged, rows = merge_speakers(quotes, texts=texts)
    assert {q.speaker.canonical for q in merged} == {"Ada Quist"}
    assert len([r for r in rows if r["kind"] == "person"]) == 1
    # written once each: the form without one outlet's middle initial wins the tie
    merged, _ = merge_speakers(quotes[:2], texts={"a": texts["a"], "b": "Ada Quist arrived."})
    assert {q.speaker.canonical for q in merged} == {"Ada Quist"}


def test_a_title_case_headline_gives_no_full_names_but_the_given_names_in_it() -> None:
    from newsprism.quotes.names import NameIndex, full_names

    text = (
        "Brandtner Hits Marlo On Taxes, More Ana Velsko Says\n\n"
        "Senator Brandtner said the plan was sound. Velsko disagreed.\n"
    )
    assert full_names(text, "Brandtner") == []
    assert full_names(text, "Velsko") == ["Ana Velsko"]
    assert NameIndex(text).full_names("Velsko") == ["Ana Velsko"]
    # a line in capitals is no title-case headline: its names are read as written
    assert full_names("BC ATTORNEY GENERAL WALLY OPEL SAID SO\n", "OPEL")[0] == "WALLY OPEL"
    # the same words in running text are read as before
    assert full_names("He said Brandtner Hits Marlo was a joke.", "Brandtner") == ["Brandtner Hits Marlo"]


def test_a_common_word_opening_a_sentence_begins_no_name() -> None:
    from newsprism.quotes.names import full_names

    text = "Maybe Brandtner will win. Top Brandtner aides left. He said maybe the top job was next."
    assert full_names(text, "Brandtner") == []
    # a given name opening a sentence is kept, also when it is a common word too
    assert full_names("Bill Brandtner said no. He paid the bill.", "Brandtner") == ["Bill Brandtner"]


def test_a_surname_prefers_the_name_it_ends_over_the_name_it_begins() -> None:
    texts = {
        "a": "The Brandtner Tower was sold. Ana Brandtner said it would stay. Brandtner said more.",
        "b": "The spokesman for Xi Jinping said no. Xi said more.",
    }
    quotes = [_quote(0, "a", "Brandtner"), _quote(1, "b", "Xi")]
    merged, _ = merge_speakers(quotes, texts=texts)
    assert [q.speaker.canonical for q in merged] == ["Ana Brandtner", "Xi Jinping"]


def test_a_given_name_alone_keeps_the_full_name_it_begins() -> None:
    """ "Doug said" is Doug Brandtner, not the nickname "usual Dependable Doug" another line writes."""
    texts = {"a": "Doug Brandtner scored. Brandtner was usual Dependable Doug. Doug said more."}
    merged, _ = merge_speakers([_quote(0, "a", "Doug")], texts=texts)
    assert [q.speaker.canonical for q in merged] == ["Doug Brandtner"]


def test_a_kept_name_index_of_one_text_gives_full_names_result_and_is_built_once():
    from newsprism.quotes.speakers import _name_index

    text = (
        "Mayor Ana Velsko opened the ferry terminal. Velsko said the Velsko Foundation paid.\n\n"
        "Council member Tomas Rell disagreed; Rell voted no. the late Rell Ostrander wrote."
    )
    for word in ("Velsko", "Rell", "Ostrander", "Mayor", "de"):
        assert _name_index(text).full_names(word) == full_names(text, word)
    assert _name_index(text) is _name_index(text)
