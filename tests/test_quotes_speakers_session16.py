"""Speakers, session 16 (issue 16 part 2): a family's surname the tagger misreads, a person glued
to a dateline. Fictional texts, parsed with the bundled model; where a test needs the tagger to
misread a word, the entity labels are set by hand so the test does not hang on the model."""

from spacy.tokens import Span as SpacySpan

from newsprism.quotes import extract_quotes
from newsprism.quotes.names import given_sex, repaired
from newsprism.quotes.speakers import merge_speakers
from tests.conftest import make_article
from tests.quote_helpers import name_of, speaker_of


def _relabelled(nlp, text: str, labels: list[tuple[str, int, str | None]]):
    """The parse of ``text`` with the entities holding the ``n``-th occurrence of each word (or
    phrase) replaced by one of the given label (None: no entity there)."""
    doc = nlp(text)
    ents = list(doc.ents)
    for words, n, label in labels:
        start = -1
        for _ in range(n + 1):
            start = text.index(words, start + 1)
        span = doc.char_span(start, start + len(words))
        ents = [e for e in ents if e.end <= span.start or e.start >= span.end]
        if label is not None:
            ents.append(SpacySpan(doc, span.start, span.end, label=label))
    doc.ents = sorted(ents, key=lambda e: e.start)
    return doc


def _name(nlp, text: str, labels: list[tuple[str, int, str | None]], words: str) -> str | None:
    art = make_article(text)
    found = list(extract_quotes(art, _relabelled(nlp, text, labels)))
    quotes, _ = merge_speakers(found, 92, {art.id: text})
    speaker = speaker_of(quotes, words)
    return speaker.canonical if speaker else None


def test_a_family_surname_the_tagger_misreads_is_still_the_person_it_names_alone(nlp):
    text = (
        "Mayor Tom Garr walked in with his daughter, Lena Garr, on Monday. Garr said he would "
        "call the vote soon.\n\n"
        'His rival, Paul Denton, said in a statement: "Tonight the mayor offered nothing new."\n\n'
        "In every district, Garr vowed to repair the roads before anything else. "
        '"Roads, not slogans, will be our creed," he said.\n'
    )
    labels = [("Garr", 2, "PERSON"), ("Garr", 3, "ORG")]  # "Garr said" a person, "Garr vowed" not
    assert _name(nlp, text, labels, "not slogans") == "Tom Garr"


def test_a_person_glued_to_a_dateline_is_the_person(nlp):
    text = (
        "Mayor accepts second term.\n\n"
        "DAYTON - Tom Garr accepted a second term on Thursday, offering a sweeping indictment of "
        'a "lazy and careless council" that he said had failed the city.\n'
    )
    labels = [("DAYTON - Tom Garr", 0, "ORG")]
    assert _name(nlp, text, labels, "careless council") == "Tom Garr"


def test_a_bare_name_and_verb_after_a_question_is_its_tag(nlp):
    text = (
        "In an interview with radio host Carl Brody on Monday, Mayor Tom Garr defended his budget.\n\n"
        '"By the way it is negotiable. Things are negotiable," Garr said. "I\'ll cut the park a little."\n\n'
        '"Would it be negotiable about the new stadium?" Brody pressed. "Maybe sell some of the land?"\n'
    )
    assert name_of(nlp, text, "new stadium") == "Carl Brody"
    assert name_of(nlp, text, "some of the land") == "Carl Brody"


def test_a_sentence_that_leads_into_the_next_paragraphs_quote_is_not_the_tag_before_it(nlp):
    text = (
        "Speaker Ana Ruiz said on Thursday that she cannot yet back the mayor.\n\n"
        "“I think voters want to know, 'Does he share our values?'” she added. “There are many "
        "questions that voters will want answered, myself included. I want to help unite this city.”\n\n"
        "Garr fired back with a snarky statement. \"I am not ready to back the speaker's agenda. "
        'Perhaps in the future, we can work together," Garr said.\n'
    )
    assert name_of(nlp, text, "many questions") == "Ana Ruiz"


def test_two_surnames_without_the_given_name_are_the_person_written_in_full(nlp):
    text = (
        '"We will hear everyone," party chair Debbie Marchetti Lowry said on Thursday in Phoenix.\n\n'
        'Marchetti Lowry said at the hearing that drafting the platform "is an open process" and '
        'that the meeting "will be the most open in our history."\n'
    )
    assert name_of(nlp, text, "open process") == "Debbie Marchetti Lowry"


def test_a_report_inside_a_quotes_tag_does_not_take_over_the_quote_that_goes_on(nlp):
    text = (
        "Mayor Tom Garr was gracious in declaring victory on Tuesday night.\n\n"
        '“We are going to start fixing roads again and we are going to fix so many," Garr said at '
        "his victory party in Dayton, two hours after local stations declared him the winner of the "
        'primary. "You are going to be so happy.”\n'
    )
    assert name_of(nlp, text, "so happy") == "Tom Garr"


def test_a_report_passed_on_by_an_outlet_is_its_first_speakers(nlp):
    text = (
        "Mayor Tom Garr backed out of the county fair on Friday.\n\n"
        "The Garr campaign said the candidate will be attending events in Akron and Toledo on "
        "Saturday, KTV reported.\n"
    )
    assert name_of(nlp, text, "attending events") == "Garr campaign"


def test_a_person_named_in_full_in_the_quoted_words_is_not_he_who_says_them(nlp):
    text = (
        "Mayor Tom Garr accepted the nomination on Thursday. He said he would fix the roads. He "
        "vowed to hire more police officers. He promised lower taxes.\n\n"
        "Earlier, Sheriff Dan Ruiz vouched for Garr's plan to build a wall along the river. He said, "
        '"Tom Garr will build the wall" - at which point the crowd chanted "Build the wall!" - "and '
        'restore law and order in our city."\n'
    )
    assert name_of(nlp, text, "Tom Garr will build") == "Dan Ruiz"
    assert name_of(nlp, text, "restore law and order") == "Dan Ruiz"


def test_a_nickname_the_name_table_lacks_has_the_sex_of_its_full_names():
    assert given_sex("Bernie Fenwick") == "m"  # Bernard
    assert given_sex("Chris Fenwick") is None  # Christopher and Christine


def test_one_person_written_with_and_without_an_accent_is_no_family(nlp):
    text = (
        "President François Delmas spoke on Tuesday in Lyon. Francois Delmas, who faces an election "
        "next year, took questions.\n\n"
        "Even comedian Tom Garr lost his temper over the remarks. “That was cruel,” Garr said.\n\n"
        "Delmas denounced the remarks as “hurtful and humiliating” and warned of what would follow. "
        "“If the voters choose him, that will have consequences,” he said.\n"
    )
    assert name_of(nlp, text, "will have consequences") in ("François Delmas", "Francois Delmas")


def test_a_surname_taken_for_a_common_noun_in_a_bare_tag_is_the_person(nlp):
    text = (
        "In an interview with radio host Carl Brody on Monday, Mayor Tom Garr defended his budget.\n\n"
        '"By the way it is negotiable," Garr said.\n\n'
        '"Would it be negotiable about the new stadium?" Brody pressed. "Maybe sell some land?"\n'
    )
    doc = nlp(text)
    word = doc.char_span(text.index("Brody pressed"), text.index("Brody pressed") + 5)[0]
    doc.ents = [e for e in doc.ents if not (e.start <= word.i < e.end)]
    word.pos_, word.tag_ = "NOUN", "NN"
    art = make_article(text)
    quotes, _ = merge_speakers(list(extract_quotes(art, doc)), 92, {art.id: text})
    assert speaker_of(quotes, "new stadium").canonical == "Carl Brody"


def test_her_and_him_after_a_name_give_it_no_sex(nlp):
    text = (
        "Governor Chris Garr savaged the budget on Monday, and the mayor hit back.\n\n"
        "Garr began the morning by dropping to one knee, all but begging a woman who claimed to be "
        "undecided to cast her ballot for him. After he gave her a long answer about pensions, she "
        "said he had her vote.\n"
    )
    assert name_of(nlp, text, "had her vote") != "Chris Garr"


def test_characterized_as_reports_words_like_described_as(nlp):
    text = (
        '"I\'ve heard from many sources that he will vote for the mayor," former Senator Dan Ruiz '
        'said on a radio show. "So we\'ll see what they do in the booth."\n\n'
        "The Dayton Tribune characterized many voters' view of the race as a “long journey from "
        "anger to grudging acceptance.”\n"
    )
    assert name_of(nlp, text, "grudging acceptance") == "Dayton Tribune"


def test_a_thing_that_reminds_us_inside_a_writers_report_is_no_speaker(nlp):
    text = (
        "Author Tom Garr has a new book out this month.\n\n"
        "The story of the river pilots reminds us that such ideals did not come easily to the "
        "valley, where early mayors envisioned a “town for the few,” Garr writes in his book.\n"
    )
    assert name_of(nlp, text, "town for the few") == "Tom Garr"


def test_a_shared_surname_said_as_he_is_the_man_of_that_name(nlp):
    op_ed = (
        "Only one governor since 1990 lost the first two contests and still won his party's nod "
        "(Tom Lind in 1992).\n"
    )
    report = (
        'Mayor Ana Lind was bracing for a loss on Monday. "It\'s going to be a race to the finish," '
        "Ana Lind said.\n\nLind's husband, Tom, spoke at rallies all week.\n\n"
        "At day's end, Lind said as he introduced his wife in Hudson, \"Finally, the dam broke, and "
        'we are free" to debate ideas.\n'
    )
    arts = [make_article(op_ed, outlet="x"), make_article(report, outlet="y")]
    found = [q for art in arts for q in extract_quotes(art, nlp(art.text))]
    quotes, _ = merge_speakers(found, 92, {art.id: art.text for art in arts})
    assert speaker_of(quotes, "the dam broke").canonical == "Tom Lind"
    assert speaker_of(quotes, "race to the finish").canonical == "Ana Lind"


def test_he_inside_a_quote_a_colon_leads_in_is_the_named_subject_before_the_colon(nlp):
    text = (
        "Former adviser Paul Denton has been a loud critic of the mayor's campaign all year. He "
        "seemed to know her habits, warning that the mayor is “still in control of the race.”\n\n"
        "For the most part, campaign staff publicly ignore the advice. But sometimes they can’t "
        "help themselves.\n\n"
        "“In breaking news,” Denton tweeted last January, “@MayorLind wins full-throated "
        "endorsement from her press secretary,” after campaign spokesman Brian Holloway expressed "
        "his general support for his boss online.\n\n"
        "Holloway fired back: “As a guardian of the @CityHall legacy,” he wrote, “we know you are "
        "rooting for @MayorLind, too. You just play a critic on TV!”\n"
    )
    labels = [("Holloway", 1, None)]  # the tagger leaves the surname unlabelled
    assert _name(nlp, text, labels, "guardian of the") == "Brian Holloway"


def test_a_quote_set_off_by_dashes_is_the_words_of_the_person_whose_clause_it_interrupts(nlp):
    text = (
        "Mayor Tom Lind spoke for an hour on Thursday. Carl Brody, a delegate from Akron, said the "
        "noise at this week's meeting was all part of the show.\n\n"
        "\"We're alive, unlike the robots you're going to see next week\" at the other convention, "
        "he said.\n\n"
        "When Lind finally wrapped up — “I will fight for you, and I will win for you!” — the "
        "balloons cascaded down on the crowd.\n"
    )
    assert name_of(nlp, text, "win for you") == "Tom Lind"


def test_a_name_whose_utf8_was_read_as_windows_1252_is_repaired(nlp):
    text = (
        "French President FranÃ§ois Delmas spoke in Lyon on Tuesday.\n\n"
        "“That will have consequences,” FranÃ§ois Delmas said.\n"
    )
    assert name_of(nlp, text, "have consequences") == "François Delmas"
    assert repaired("RaÃol Ortiz") == "Raúl Ortiz"  # "Ãº" after compatibility decomposition
    assert repaired("José Ortiz") == "José Ortiz"
