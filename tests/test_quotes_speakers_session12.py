"""Speaker identity, session 12 (issue 16 part 2): honorifics before a title word, a surname
alone whose only full name carries "Jr.", datelines the parser makes a subject, places that are
also baby names, lists of three speakers, joint sources without middle initials, and a surname
that is also a given name. Fictional texts, parsed with the bundled model."""

from newsprism.model import Quote, Span, Speaker
from newsprism.quotes.speakers import merge_speakers
from tests.quote_helpers import merged_quotes, speaker_of


def test_an_honorific_makes_a_title_word_a_surname(nlp):
    text = (
        "Dora King hosts a late-night show on the Harbor Channel.\n\n"
        '"Nobody has ever cut a word of mine," Ms. King said on Tuesday.'
    )
    speaker = speaker_of(merged_quotes(nlp, text), "cut a word")
    assert (speaker.canonical, speaker.kind) == ("Dora King", "person")


def test_a_surname_alone_takes_its_only_full_name_with_a_suffix(nlp):
    text = (
        "Vice President Walter K. Brandt Jr. spoke at the union hall on Friday.\n\n"
        '"Tell that to the nurses who pay their taxes," Mr. Brandt said.'
    )
    speaker = speaker_of(merged_quotes(nlp, text), "nurses")
    assert speaker.canonical == "Walter Brandt Jr."


def test_a_surname_alone_keeps_apart_from_a_junior_when_the_father_is_named(nlp):
    text = (
        "Walter Brandt and his son Walter Brandt Jr. run the mill.\n\n"
        '"We will not sell," Mr. Brandt said on Friday.'
    )
    speaker = speaker_of(merged_quotes(nlp, text), "not sell")
    assert speaker.canonical == "Walter Brandt"


def test_a_dateline_the_parser_made_the_subject_gives_way_to_the_person(nlp):
    text = (
        "Mayor opens the new bridge.\n\n"
        "MARLOWE -- Mayor Ines Valdor, opening the new bridge on Saturday, said it would "
        "join two halves of the city."
    )
    speaker = speaker_of(merged_quotes(nlp, text), "two halves")
    assert speaker is not None and speaker.canonical == "Ines Valdor"


def test_a_dateline_in_capitals_is_no_organisation_speaker(nlp):
    text = 'MARLOWE -- "The water is safe to drink," MARLOWE said in a notice on Friday.'
    quotes = merged_quotes(nlp, text)
    speaker = speaker_of(quotes, "safe to drink")
    assert speaker is None or speaker.canonical != "MARLOWE"


def test_every_member_of_a_list_of_three_speaks(nlp):
    text = "Senators Ana Velez, Tom Brandt and Luis Okafor all said the bank misled its customers for years."
    speaker = speaker_of(merged_quotes(nlp, text), "misled")
    assert speaker.canonical == "Ana Velez, Tom Brandt and Luis Okafor"


def test_a_joint_source_drops_middle_initials_like_a_person(nlp):
    text = (
        "Senators Charles E. Varga and Patrick J. Lomond wrote to the agency on Monday.\n\n"
        "Mr. Varga and Mr. Lomond said the program had grown well beyond its purpose."
    )
    speaker = speaker_of(merged_quotes(nlp, text), "grown well beyond")
    assert speaker.canonical == "Charles Varga and Patrick Lomond"


def test_a_surname_that_is_also_a_given_name_takes_the_name_it_ends(nlp):
    text = (
        "Jordan Campaign Scrambles For Votes In Ohio.\n\n"
        "Democrats are trying to turn out voters for Ana Jordan on Election Day.\n\n"
        'Jordan said that "turnout decides this race."'
    )
    speaker = speaker_of(merged_quotes(nlp, text), "turnout decides")
    assert speaker.canonical == "Ana Jordan"


def test_a_dash_glued_to_the_closing_mark_still_signs_the_quote(nlp):
    text = (
        "“The plan helps nobody in this town.” ― Marta Ilves\n"
        "“We need better roads before anything else.”― Pavel Odum\n"
    )
    quotes = merged_quotes(nlp, text)
    assert speaker_of(quotes, "better roads").canonical == "Pavel Odum"


def test_a_day_the_parser_made_the_subject_is_no_speaker(nlp):
    text = (
        "“We will find out what happened on that road,” Harlow police Chief Dana Ilves said Monday. "
        "“Nobody will be spared.”"
    )
    speaker = speaker_of(merged_quotes(nlp, text), "find out")
    assert speaker is None or speaker.canonical != "Monday"


def test_a_function_word_opening_a_sentence_begins_no_name(nlp):
    text = (
        "Besides Corvane, the buyer has few investors the state could press.\n\n"
        "Corvane said that it would sell the mine to the buyer."
    )
    speaker = speaker_of(merged_quotes(nlp, text), "sell the mine")
    assert speaker is not None and speaker.canonical == "Corvane"


def test_a_role_noun_with_an_owner_is_the_person_apposed_to_it(nlp):
    text = (
        "Before practice, Tomas Varga told his father, Harlow coach Greg Varga, that he would stay "
        "one more season.\n\n"
        "That first had his father recommending that his son turn pro."
    )
    speaker = speaker_of(merged_quotes(nlp, text), "turn pro")
    assert speaker is not None and speaker.canonical == "Greg Varga"


def test_a_possessive_owner_is_no_part_of_a_full_name(nlp):
    text = (
        "Harlow's Tomas Varga returns for his last season.\n\n"
        "Tomas Varga told his teammates on Wednesday.\n\n"
        '"I have unfinished business here," Varga said.'
    )
    speaker = speaker_of(merged_quotes(nlp, text), "unfinished business")
    assert speaker.canonical == "Tomas Varga"


def _quote(i: int, article: str, name: str, kind: str = "person") -> Quote:
    speaker = Speaker(name=name, canonical=name, kind=kind)
    return Quote(id=f"q{i}", article_id=article, text="w", span=Span(0, 1), kind="direct", speaker=speaker)


def test_a_given_name_the_tagger_read_as_an_organisation_is_that_person():
    texts = {"a": "Ilse Moravec thanked the jury. Ilse and her in-laws said more."}
    quotes, _ = merge_speakers(
        [_quote(0, "a", "Ilse Moravec"), _quote(1, "a", "Ilse", "organisation")], texts=texts
    )
    assert [q.speaker.canonical for q in quotes] == ["Ilse Moravec", "Ilse Moravec"]


def test_a_given_name_shared_by_two_full_names_stays_an_organisation():
    texts = {"a": "Ilse Moravec and Ilse Brandt spoke. Ilse said more."}
    found = [
        _quote(0, "a", "Ilse Moravec"),
        _quote(1, "a", "Ilse Brandt"),
        _quote(2, "a", "Ilse", "organisation"),
    ]
    quotes, _ = merge_speakers(found, texts=texts)
    assert quotes[2].speaker.kind == "organisation"


def test_an_age_description_that_is_the_subject_still_speaks(nlp):
    text = (
        "Marta Ilves spoke to the convention on Monday night.\n\n"
        "“He has always been a fighter,” said the 46-year-old. “Now he will fight for you.”"
    )
    speaker = speaker_of(merged_quotes(nlp, text), "a fighter")
    assert speaker is not None and "46-year-old" in speaker.name


def test_an_honorific_of_the_other_sex_undoes_a_full_name():
    texts = {"a": "Ana Lind campaigned with him. Mr. Lind said more.", "b": "Tom Lind spoke on Monday."}
    at = texts["a"].index("Mr. Lind")
    wrong = Speaker(name="Lind", canonical="Ana Lind", kind="person", span=Span(at, at + len("Mr. Lind")))
    found = [
        Quote(id="q0", article_id="a", text="w", span=Span(0, 1), kind="direct", speaker=wrong),
        _quote(1, "b", "Tom Lind"),
    ]
    quotes, _ = merge_speakers(found, texts=texts)
    assert quotes[0].speaker.canonical == "Tom Lind"


def test_a_surname_with_a_particle_takes_its_full_name():
    texts = {"a": "Mayor Bill van Horne opened the bridge. Van Horne said more. Later van Horne left."}
    found = [_quote(0, "a", "Van Horne"), _quote(1, "a", "van Horne"), _quote(2, "a", "Bill van Horne")]
    quotes, _ = merge_speakers(found, texts=texts)
    assert {q.speaker.canonical for q in quotes} == {"Bill van Horne"}


def test_an_acronym_before_a_given_name_is_no_part_of_the_name():
    from newsprism.quotes.names import full_names

    assert full_names("The jury heard DA Walter Brisk on Monday.", "Brisk") == ["Walter Brisk"]


def test_a_nickname_and_the_given_name_written_as_often_show_the_given_name():
    texts = {
        "a": "Deputy DA Walter Brisk argued the case.",
        "b": "Walt Brisk said the jury was right. Brisk left.",
    }
    quotes, _ = merge_speakers([_quote(0, "b", "Walt Brisk"), _quote(1, "b", "Brisk")], texts=texts)
    assert {q.speaker.canonical for q in quotes} == {"Walter Brisk"}


def test_an_owners_honorific_does_not_undo_the_name():
    text = "Ms. Lind's spokesman, Tom Ray, wrote on Monday."
    at = 0
    right = Speaker(name="Tom Ray", canonical="Tom Ray", kind="person", span=Span(at, text.index(",", 20)))
    found = [Quote(id="q0", article_id="a", text="w", span=Span(0, 1), kind="direct", speaker=right)]
    quotes, _ = merge_speakers(found, texts={"a": text})
    assert quotes[0].speaker.canonical == "Tom Ray"


def test_a_surname_that_opens_no_full_name_reads_as_a_surname():
    # "Lind" is a baby name too; the article writes it only after given names
    texts = {"a": "Bernard Lind spoke first. Jane Lind, his wife, spoke later. Lind said more."}
    quotes, _ = merge_speakers([_quote(0, "a", "Lind")], texts=texts)
    assert quotes[0].speaker.canonical == "Bernard Lind"


def test_a_partitive_speaker_keeps_its_group(nlp):
    text = "Some of the marchers shouted, “Let her go,” when the officers held the woman."
    speaker = speaker_of(merged_quotes(nlp, text), "Let her go")
    assert speaker is not None and "marchers" in speaker.canonical


def test_one_of_a_group_with_a_name_apposed_is_that_person(nlp):
    text = "In a statement, one of the family's attorneys, Dana Ilves, said the video shows a calm man."
    speaker = speaker_of(merged_quotes(nlp, text), "calm man")
    assert speaker is not None and speaker.canonical == "Dana Ilves"


def test_a_clipped_given_name_is_the_same_person_and_the_full_form_shows():
    texts = {"a": "Defense attorney Stanley Perrin argued for a new trial.", "b": "Stan Perrin said more."}
    quotes, _ = merge_speakers([_quote(0, "b", "Stan Perrin"), _quote(1, "a", "Stanley Perrin")], texts=texts)
    assert {q.speaker.canonical for q in quotes} == {"Stanley Perrin"}


def test_a_clipped_name_of_the_other_sex_is_another_person():
    from newsprism.quotes.names import same_given

    assert not same_given("Eric", "Erica")


def test_a_kin_role_is_the_person_named_on_the_other_side_of_the_tie():
    texts = {"a": "Rosa Velez' mother Ana Lind took the stand first. Her daughter screamed for help."}
    kin = Speaker(name="her daughter", canonical="daughter of Ana Lind", kind="nominal", role="daughter")
    found = [Quote(id="q0", article_id="a", text="w", span=Span(0, 1), kind="direct", speaker=kin)]
    quotes, _ = merge_speakers(found, texts=texts)
    assert quotes[0].speaker.canonical == "Rosa Velez"


def test_a_kin_role_with_no_tie_written_stays_a_role():
    texts = {"a": "Ana Lind took the stand first. Her daughter screamed for help."}
    kin = Speaker(name="her daughter", canonical="daughter of Ana Lind", kind="nominal", role="daughter")
    found = [Quote(id="q0", article_id="a", text="w", span=Span(0, 1), kind="direct", speaker=kin)]
    quotes, _ = merge_speakers(found, texts=texts)
    assert quotes[0].speaker.canonical == "daughter of Ana Lind"


def test_a_quoted_transcript_line_is_its_labels(nlp):
    text = (
        "Partial transcript as follows:\n\n"
        '"HOLLAND: Will the senator be at the debate tomorrow night?\n\n'
        '"VARGA: She will not be attending. We have said so all week.\n\n'
    )
    quotes = merged_quotes(nlp, text)
    assert speaker_of(quotes, "attending").canonical.lower() == "varga"
    assert speaker_of(quotes, "debate tomorrow").canonical.lower() == "holland"


def test_a_quote_opening_with_a_word_in_capitals_and_a_colon_that_is_no_name_has_no_label(nlp):
    text = '"WARNING: the bridge is closed," the notice read.'
    quotes = merged_quotes(nlp, text)
    speaker = speaker_of(quotes, "bridge is closed")
    assert speaker is None or speaker.canonical != "WARNING"


def test_a_dateline_with_a_wire_credit_gives_way_to_the_person_after_the_dash(nlp):
    text = (
        "Mayor doubts the plan.\n\n"
        "MARLOWE (Reuters) - Ines Valdor said she was unlikely to back the plan because it costs too much."
    )
    speaker = speaker_of(merged_quotes(nlp, text), "unlikely to back")
    assert speaker is not None and speaker.canonical == "Ines Valdor"
