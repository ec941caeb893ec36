from newsprism.text import (
    content_words,
    counts_of_things,
    hedges_in,
    money_amounts,
    negations,
    numbers,
    quantities,
    quote_regions,
    split_sentences,
)


def _sentences(text):
    return [text[s:e] for s, e in split_sentences(text)]


def test_sentences_end_at_stops_and_newlines_but_not_abbreviations():
    text = "The U.S. denied it. Mr. Kirby spoke on Thursday!\nA new line starts here"
    assert _sentences(text) == [
        "The U.S. denied it.",
        "Mr. Kirby spoke on Thursday!",
        "A new line starts here",
    ]


def test_a_title_before_a_name_does_not_end_a_sentence():
    text = (
        "He met the Rev. Ada Vell and Sens. Tom Orrin and Lia Brandt. Capt. Bo Kim and Adm. Ed Roe came too."
    )
    assert _sentences(text) == [
        "He met the Rev. Ada Vell and Sens. Tom Orrin and Lia Brandt.",
        "Capt. Bo Kim and Adm. Ed Roe came too.",
    ]


def test_sentence_keeps_its_closing_quote():
    text = "“We fight on our territory.” He said it twice."
    assert _sentences(text) == ["“We fight on our territory.”", "He said it twice."]


def test_numbers_normalise_words_scales_and_compounds():
    assert numbers("twenty-one people and $2.6 billion") == {"21", "2600000000"}
    assert numbers("no digits here") == set()


def test_money_amounts_are_normalised_sums_of_money_only():
    assert money_amounts("a $1 million ad buy and €3.5bn in loans") == {"1000000", "3500000000"}
    assert money_amounts("a £12m fee, US$ 200,000 and $2,500") == {"12000000", "200000", "2500"}
    assert money_amounts("12 people and 3 million voters in the 1960s") == set()


def test_quantities_tie_counts_to_the_counted_thing():
    assert quantities("Twenty-one people were hurt, among them three firefighters") == {
        "people": {"21"},
        "firefighter": {"3"},
    }


def test_counts_of_things_leave_out_numbers_that_count_nothing():
    # a date's day and year, a clock time, a score, a case code, an age in apposition, "one another"
    for text in (
        "Brannigan was arrested on June 24 outside the quay.",
        "the ferry's March 3, 2009 sailing",
        "The Carrowmere ball is set for its Feb. 22 date.",
        "with 4:43 left in the half",
        "Tollbury made it a 45-42 game",
        "charged in case No. KQ04471 filed this morning",
        "Tomas Brannigan, 52, noted that the gates were shut.",
        "the harbour masters praised one another",
    ):
        assert quantities(text), text  # read as counts by quantities
        assert counts_of_things(text) == {}, text
    assert counts_of_things("Tomas Brannigan, 52, counted 12 boats") == {"boat": {"12"}}
    assert counts_of_things("the 2009 sailing of three ferries") == quantities(
        "the 2009 sailing of three ferries"
    )


def test_negation_and_hedges():
    assert negations("It was not ruled out") == 1
    assert negations("It was ruled out") == 0
    assert negations("We don’t attack") == 1
    assert hedges_in("the alleged attack, reportedly at night") == ("alleged", "reportedly")


def test_claiming_a_thing_is_no_hedge():
    assert hedges_in("Ada Morrow claimed victory in the Lowport primary.") == ()
    assert hedges_in("The flood claimed the lives of six people.") == ()
    assert hedges_in("The council claimed the ferry was safe.") == ("claimed",)


def test_quote_regions_cover_curly_and_straight_quotes():
    text = 'He said “no” and "yes".'
    assert [text[s:e] for s, e in quote_regions(text)] == ["“no”", '"yes"']


def test_an_anonymity_formula_is_not_a_negation():
    from newsprism.text import negations

    assert negations("according to two officials who asked not to be named, it was stored there") == 0
    assert negations("the officials did not confirm it") == 1


def test_spelled_out_hundreds_and_persons_under_other_names_are_one_count():
    from newsprism.text import numbers, quantities

    assert numbers("Around two hundred people") == {"200"}
    assert numbers("twenty-one") == {"21"}
    assert quantities("About 200 residents of the terrace") == quantities("two hundred people nearby")


def test_kept_readers_hand_out_new_containers():
    """numbers, quantities and key_terms keep what they read by text: a caller changing what
    it got must not change what the next caller gets."""
    from newsprism.text import key_terms, numbers, quantities

    text = "Officials in Brindle Falls said 12 people and three dogs were rescued on Tuesday."
    first_numbers, first_counts, first_terms = numbers(text), quantities(text), key_terms(text)
    first_numbers.add("99")
    first_counts["people"].add("99")
    first_counts["cats"] = {"1"}
    first_terms.add("zzz")
    assert numbers(text) == {"12", "3"}
    assert quantities(text) == {"people": {"12"}, "dogs": {"3"}}
    assert "zzz" not in key_terms(text) and {"brindle", "falls", "12", "tuesday"} <= key_terms(text)


def test_numbers_read_short_scales_and_compound_ordinals():
    assert numbers("a 1.5bn loan and a €3bn fund") == {"1500000000", "3000000000"}
    assert numbers("the eighty-first session") == {"81"}  # as "81st", not eighty
    assert numbers("eighty delegates") == {"80"}


def test_a_compound_ordinal_counts_nothing():
    assert quantities("the eighty-first district sent twenty-one voters") == {"voter": {"21"}}


def test_date_terms_read_abbreviated_months():
    from newsprism.text import date_terms

    assert date_terms("Filed on Feb. 22, heard Sept 9, due Jun 2017") == {"february", "september", "june"}
    assert date_terms("Rain may mar the parade") == {"may"}  # words, not "Mar."


def test_kept_content_words_are_a_new_list_each_call() -> None:
    # content_words keeps each text's words: a caller changing its list must not change the next
    first = content_words("The ferry crew waited at the pier")
    first.append("changed")
    assert content_words("The ferry crew waited at the pier") == ["ferry", "crew", "waited", "pier"]
