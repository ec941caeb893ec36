"""Quote recall and precision, session 12 (issue 16): mixed quotes of speech acts with an
object, straight closing marks typed loosely, reported clauses cut at the wrong place, and
clauses that report nobody. Fictional texts, parsed with the bundled model."""

from tests.quote_helpers import quotes_of


def _kind(quotes, kind):
    return [q for q in quotes if q.kind == kind]


def test_a_fragment_inside_a_speech_act_with_an_object_is_a_mixed_quote(nlp):
    text = "Campaign chair Dale Morrow dismissed the whole affair as “absurd.” The council met on Friday."
    quotes = quotes_of(nlp, text)
    [mixed] = _kind(quotes, "indirect")
    assert mixed.text.startswith("the whole affair as") and "absurd" in mixed.text
    assert mixed.speaker.canonical == "Dale Morrow"
    assert [q.text for q in _kind(quotes, "fragment")] == ["absurd."]


def test_a_vow_with_quoted_words_reports_what_was_vowed(nlp):
    text = "The mayor, Ann Lee, also vowed to harshly punish “those who break the parking rules.”"
    [mixed] = _kind(quotes_of(nlp, text), "indirect")
    assert mixed.text.startswith("to harshly punish")


def test_quoted_words_that_are_all_the_act_says_stay_a_fragment(nlp):
    text = "The US denied the claims, with spokesman Dale Morrow calling them “ludicrous”."
    assert _kind(quotes_of(nlp, text), "indirect") == []


def test_a_name_given_in_a_free_relative_or_a_habit_is_no_report(nlp):
    for text in (
        "Sources said the mayor changed what he called the “old-style” feel of the fair.",
        "Whenever a guest would call a waiter by the name “Sam” the staff laughed.",
    ):
        assert not any(q.cue in ("called", "call") and q.kind == "indirect" for q in quotes_of(nlp, text)), (
            text
        )


def test_a_straight_mark_glued_to_the_clause_end_closes_the_quote(nlp):
    text = (
        '"This plan raises new questions about the budget. We are finding that the council says '
        'different things to different people,"Ann Lee, who chairs the group, said in a statement. '
        '"More and more, the mayor looks weak."'
    )
    direct = _kind(quotes_of(nlp, text), "direct")
    assert direct[0].text.startswith("This plan raises") and direct[0].text.endswith("different people,")
    assert direct[1].text == "More and more, the mayor looks weak."


def test_a_space_before_a_straight_closing_mark_still_closes(nlp):
    text = 'Lee said the plan was "very hard to take. " The council met on Friday.'
    quotes = quotes_of(nlp, text)
    assert [q.text for q in _kind(quotes, "fragment")] == ["very hard to take."]
    assert not any("council met" in q.text for q in quotes)


def test_a_tag_between_a_fronted_clause_and_its_that_clause_reports_both(nlp):
    text = "But there is a risk, some Democrats said, that Mr. Lee would push the party to embrace positions."
    [quote] = _kind(quotes_of(nlp, text), "indirect")
    assert quote.text.startswith("there is a risk") and quote.text.endswith("embrace positions")


def test_the_writers_own_hedge_is_no_report(nlp):
    text = (
        "The poll came from NBC. Lee has a net positive of nine points - although it's fair to say "
        "that one reason for that is that he has received far less scrutiny."
    )
    assert _kind(quotes_of(nlp, text), "indirect") == []


def test_a_clause_hung_on_a_naming_verb_is_no_report(nlp):
    text = "In eight minutes, the guy teammates call Big Swag scored 7 points and took 5 rebounds."
    assert not quotes_of(nlp, text)


def test_the_subject_of_a_reported_clause_read_as_the_object_of_say(nlp):
    text = (
        "Voter participation: Lee, whose coalition includes young people, said closed primaries -- "
        "those open only to registered members -- deny many independents the right to vote."
    )
    [quote] = _kind(quotes_of(nlp, text), "indirect")
    assert quote.text.startswith("closed primaries") and quote.text.endswith("the right to vote")


def test_one_act_with_several_quoted_words_is_one_mixed_quote(nlp):
    text = "The mayor, Ann Lee, described the plan as “absurd,” “unfair” and “sad.”"
    [mixed] = _kind(quotes_of(nlp, text), "indirect")
    assert mixed.text.startswith("the plan as") and "sad" in mixed.text


def test_a_second_act_joined_by_and_is_not_the_first_ones_words(nlp):
    text = 'Ann Lee spoke in Ohio. She called the plan "shameful" and called on leaders "not to feed it."'
    assert not any("called on" in q.text for q in quotes_of(nlp, text))


def test_a_that_clause_after_an_aside_on_where_it_was_said_is_the_report(nlp):
    text = (
        "Carey Lindqvist said on WXTV, where he is now a paid contributor, that Mansfield should be "
        "held to account if he vetted the speech."
    )
    [quote] = _kind(quotes_of(nlp, text), "indirect")
    assert quote.text.startswith("Mansfield should be held") and quote.speaker.canonical == "Carey Lindqvist"


def test_a_nouns_own_that_clause_after_a_cue_is_no_report(nlp):
    text = (
        "Officials grappled to respond to the revelation that the agency was funding the treatment of a man."
    )
    assert _kind(quotes_of(nlp, text), "indirect") == []


def test_a_participle_on_an_issued_text_speaks_for_its_author(nlp):
    quotes = quotes_of(nlp, "The Harlan Group released a statement saying it would appeal the ruling.")
    [quote] = _kind(quotes, "indirect")
    assert quote.text == "it would appeal the ruling" and "Harlan" in quote.speaker.canonical


def test_a_text_nobody_is_said_to_have_issued_gives_no_speaker(nlp):
    assert _kind(quotes_of(nlp, "A report saying the plant would close was wrong."), "indirect") == []
