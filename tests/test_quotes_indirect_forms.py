"""Reported speech the parser hides (session 9, issue 16): a cue's "that" clause hung on a
noun, a claim noun as the subject of "be", a relative pronoun before a relative-clause cue.
Fictional texts, parsed with the bundled model."""

from tests.quote_helpers import quotes_of


def _indirect(quotes):
    return [q for q in quotes if q.kind == "indirect"]


def test_a_that_clause_hung_on_the_last_noun_is_the_cues_complement(nlp):
    text = (
        "On Friday night, council candidate Dale Morrow told the crowd at his dinner for nurses "
        "that he and the union had held several talks this week."
    )
    [quote] = _indirect(quotes_of(nlp, text))
    assert quote.text.startswith("he and the union had held") and quote.speaker.canonical == "Dale Morrow"


def test_a_nouns_own_that_clause_is_no_reported_speech(nlp):
    text = "That shows a lack of confidence that the city's water system can be fully trusted."
    assert _indirect(quotes_of(nlp, text)) == []


def test_a_claim_noun_before_be_reports_the_that_clause(nlp):
    text = "Dale Morrow's most surprising suggestion was that the council had ignored the audit."
    [quote] = _indirect(quotes_of(nlp, text))
    assert quote.text.startswith("the council had ignored") and "Morrow" in quote.speaker.canonical


def test_a_relative_pronoun_before_the_cue_is_no_indirect_question(nlp):
    text = "Dale Morrow spoke on Friday. His anger was aimed at the auditor, who he claims has been unfair to the city."
    [quote] = _indirect(quotes_of(nlp, text))
    assert quote.text.startswith("has been unfair")


def test_a_gerund_cue_after_a_preposition_takes_the_subject_of_its_verb(nlp):
    for text in (
        "The mayor responded on Friday by saying that the budget was balanced.",
        "Mayor Ada Quist took the last step on Monday of announcing that the city would not sue.",
    ):
        [quote] = _indirect(quotes_of(nlp, text))
        assert "Quist" in quote.speaker.canonical or quote.speaker.canonical.lower() == "the mayor"


def test_a_closing_tag_reports_the_sentence_before_its_comma(nlp):
    # session 10: the parser hangs the claim on the tag as an adverbial clause, or the tag on
    # the claim as a conjunct; the tag "…, X said [when]." still reports what precedes it
    texts = {
        "A year ago, and just blocks away, a deputy shot and killed an unarmed teenager as he ran from "
        "the deputies in a car that had been reported stolen, the sheriff said at the time.": (
            "sheriff",
            "A year ago",
        ),
        "Dora Pell, the Canadian singer known to radio listeners for a song about a lighthouse in the fog, "
        "will be host of the 12th harbor festival, the Festival Board of Lunden announced on Friday.": (
            "Festival Board of Lunden",
            "Dora Pell",
        ),
        "In Lunden, the duty to consult with river engineers before building projects is especially "
        "important, said Tomas Vey, regional director of the Rivers Alliance.": ("Tomas Vey", "In Lunden"),
        "Despite two costly defeats on Tuesday night, Gov. Lena Ortt (R-Vt.) remains committed to seeing the "
        "race through to the end, her top aide, Ivo Marsh, told The Lunden Herald.": (
            "Ivo Marsh",
            "Despite two",
        ),
    }
    for text, (speaker, start) in texts.items():
        [quote] = _indirect(quotes_of(nlp, text))
        assert quote.text.startswith(start) and speaker in quote.speaker.canonical


def test_a_fronted_when_clause_before_a_closing_tag_is_no_question(nlp):
    text = (
        "When the guards finally stopped the march, about a mile from the harbor, protesters began "
        "throwing bottles at the guards as they moved in, a harbor police source said."
    )
    [quote] = _indirect(quotes_of(nlp, text))
    assert quote.text.startswith("When the guards")
    # an indirect question after the cue still reports no claim
    assert _indirect(quotes_of(nlp, "The mayor did not say when the bridge would open.")) == []


def test_a_tag_with_an_object_of_its_own_reports_nothing_before_it(nlp):
    text = "When the results came in, the candidate thanked his volunteers."
    assert _indirect(quotes_of(nlp, text)) == []
    # a cue with a clause after it, or a subject that cannot speak, is no closing tag
    text = "As word of the plan spread, members complained about the cuts the board approved."
    assert not any(q.text.startswith("As word") for q in quotes_of(nlp, text))
    text = "Combined with the fear that the port is losing trade, the delays only add to the gloom."
    assert _indirect(quotes_of(nlp, text)) == []


def test_an_accusation_reports_what_the_speaker_charged(nlp):
    # session 10: "X accused Y of …", "X criticized Y for …" are what X said of Y
    text = "At the briefing, she accused the council and the Lunden mayor of hiding the audit."
    [quote] = _indirect(quotes_of(nlp, text))
    assert (
        quote.text == "the council and the Lunden mayor of hiding the audit"
        and quote.speaker.canonical == "she"
    )
    text = "Harbor spokeswoman Edda Vinter criticized Tomas Vey for delaying the vote."
    [quote] = _indirect(quotes_of(nlp, text))
    assert quote.text.startswith("Tomas Vey for delaying") and quote.speaker.canonical == "Edda Vinter"


def test_a_passive_charge_or_a_thing_blamed_is_no_accusation(nlp):
    for text in (
        "He was accused of theft in May.",
        "The storm was blamed for the outage.",
        "Rain delayed the vote.",
    ):
        assert _indirect(quotes_of(nlp, text)) == []


def test_a_clause_misread_as_the_object_of_say_is_reported(nlp):
    text = (
        "The Rev. Ada Moll, who runs a local youth ministry and acts as a liaison to the police, said many "
        "of the neighborhood robberies involved “kids robbing kids” and lamented that the town did not rise up."
    )
    quotes = _indirect(quotes_of(nlp, text))
    assert any(q.text.startswith("many of the neighborhood robberies involved") for q in quotes)
    # a thing said, with a participle that takes no object, stays no quote
    assert _indirect(quotes_of(nlp, "She said the words written on the wall.")) == []


def test_a_cue_inside_a_relative_clause_reports_the_clause_after_it(nlp):
    cases = {
        "The council passed a levy, which critics said was unfair to renters.": (
            "was unfair to renters",
            "critics",
        ),
        "Dale Morrow spoke at length about what he said were the failures of the old board.": (
            "were the failures of the old board",
            "Dale Morrow",
        ),
        "Three tenant groups sued to stop rules that they say are harmful to families.": (
            "are harmful to families",
            "Three tenant groups",
        ),
    }
    for text, (content, speaker) in cases.items():
        [quote] = _indirect(quotes_of(nlp, text))
        assert quote.text.startswith(content) and quote.speaker.canonical == speaker, text


def test_a_relative_pronoun_subject_of_the_cue_still_names_the_speaker(nlp):
    text = "Dale Morrow, who said the audit was late, left the meeting early."
    [quote] = _indirect(quotes_of(nlp, text))
    assert quote.text == "the audit was late" and quote.speaker.canonical == "Dale Morrow"


def test_an_as_clause_with_a_reporting_verb_reports_the_clause_it_hangs_on(nlp):
    text = "As the Valley Herald reported on Monday, the council has delayed the vote on the levy."
    [quote] = _indirect(quotes_of(nlp, text))
    assert quote.text.startswith("the council has delayed") and "Valley Herald" in quote.speaker.canonical
    # "as" meaning "while" with a verb of manner of speaking, or no one saying it: no quote
    for text in (
        "The fans wore red scarves on Sunday as they yelled at the referee.",
        "As noted above, the council has delayed the vote on the levy.",
    ):
        assert _indirect(quotes_of(nlp, text)) == [], text


def test_a_participle_cue_after_a_reported_clause_is_its_own_quote_of_the_same_speaker(nlp):
    text = (
        "Council candidate Dale Morrow argued that a rent board would keep landlords from raising prices, "
        "saying it was “all about fairness.”"
    )
    quotes = quotes_of(nlp, text)
    first, second = _indirect(quotes)
    assert first.text == "a rent board would keep landlords from raising prices"
    assert second.text.startswith("it was") and second.speaker.canonical == "Dale Morrow"
    # the quoted words inside the participle's clause are its speaker's, not the first clause's subject's
    [fragment] = [q for q in quotes if q.kind == "fragment"]
    assert fragment.speaker.canonical == "Dale Morrow"


def test_words_a_speaker_called_something_are_a_fragment_a_title_is_not(nlp):
    text = "Dale Morrow spoke about the vote, which he called “a sad day for renters.”"
    [fragment] = [q for q in quotes_of(nlp, text) if q.kind == "fragment"]
    assert fragment.text.startswith("a sad day for renters") and fragment.speaker.canonical == "Dale Morrow"
    text = "Dale Morrow starred in a film called “Rent Day” last year."
    assert quotes_of(nlp, text) == ()


def test_a_free_relative_with_an_object_gap_names_a_claim_and_makes_none(nlp):
    text = "There is a gap between what Dale Morrow says his plan would do and what it costs."
    assert _indirect(quotes_of(nlp, text)) == []
