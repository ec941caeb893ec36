"""Speaker names, session 15 (issue 16 part 2): kinds found on a blind PolNeAR set — a
sentence-initial reporting verb taken into a name ("Said Lind, …"), an outlet and a job noun
before a name the tagger called an organisation ("Metro Radio host Ana Lind"), a newspaper
named in apposition ("the Latvian newspaper Dienas Vestis"). Fictional texts, parsed with the
bundled model; where the real error came from the tagger's label, the label is set as the
tagger gave it on the real text."""

from spacy.tokens import Doc

from newsprism.quotes import extract_quotes
from newsprism.quotes.speakers import merge_speakers
from tests.conftest import make_article
from tests.quote_helpers import merged_quotes, name_of, quotes_of, speaker_of


def _labelled(nlp, text: str, name: str, label: str) -> tuple[object, Doc]:
    """The article of ``text`` and its parse with the entity ``name`` labelled ``label``."""
    art = make_article(text)
    doc = nlp(art.text)
    start = art.text.index(name)
    span = doc.char_span(start, start + len(name), label=label)
    doc.set_ents([span], default="unmodified")
    return art, doc


def _named(art, doc, words: str) -> str | None:
    quotes, _ = merge_speakers(list(extract_quotes(art, doc)), 92, {art.id: art.text})
    speaker = next(q.speaker for q in quotes if words in q.text)
    return speaker.canonical if speaker else None


def test_a_reporting_verb_opening_the_sentence_is_no_part_of_the_name(nlp):
    text = (
        "Police Chief Marta Kovel's news conference on Tuesday was the latest in a series of failures.\n\n"
        'The department made a "mistake" in the background check for the gunman, Kovel has said. '
        "The gunman should have been prevented from buying the weapon used in Dunmore, in what "
        'officials called a hate crime. Said Kovel, "The thought that an error on our part is '
        'connected to this purchase is very painful to us."\n'
    )
    assert name_of(nlp, text, "very painful") == "Marta Kovel"


def test_a_job_noun_after_an_outlet_name_makes_the_name_after_it_a_person(nlp):
    text = (
        "On Tuesday, Metro Radio host Dale Brennick indicated that any bad blood from the "
        "bruising Republican primary has largely abated.\n\n"
        '"I think we need him back in the Senate," Brennick said.\n'
    )
    art, doc = _labelled(nlp, text, "Dale Brennick", "ORG")
    assert _named(art, doc, "bad blood") == "Dale Brennick"


def test_a_newspaper_named_in_apposition_is_named_by_its_name(nlp):
    text = (
        'The Latvian newspaper Dienas Vestis noted that "as a matter of policy, Latvian officials '
        'do not meet with radical politicians who are shunned by their own communities."\n'
    )
    art, doc = _labelled(nlp, text, "Dienas Vestis", "ORG")
    assert _named(art, doc, "as a matter of policy") == "Dienas Vestis"


MARCH = (
    "Several hundred marchers took to the streets of Dunmore on Tuesday to speak out about "
    "Senator Lena Voss.\n\n"
    "Dozens in the crowd held signs with the names of people killed in police shootings. But the "
    "marchers also paid tribute to young men like Carl Hayes, 22, who was fatally shot in June by "
    "an off-duty Orange County, Fla., deputy sheriff in an alleged traffic dispute.\n\n"
    'As they made their way down Main Street, they chanted "stop the killing" and "no justice, '
    'no peace."\n'
)


def test_they_is_never_a_place_that_only_says_where_another_is(nlp):
    assert name_of(nlp, MARCH, "stop the killing") == "the marchers"


def test_she_is_never_a_place_that_spoke(nlp):
    text = (
        "The state of Nevada said on Friday that it would appeal the ruling. Nevada said the "
        'judge had ignored the law.\n\n"We will win this case in the end," she said.\n'
    )
    assert name_of(nlp, text, "win this case") != "Nevada"


def test_hope_opening_a_sentence_stays_a_given_name(nlp):
    text = 'Hope Marlow said the plan would fail. "It cannot work," Marlow said.\n'
    assert name_of(nlp, text, "cannot work") == "Hope Marlow"


def test_a_participle_on_a_passive_verb_is_its_subjects_not_the_agents(nlp):
    text = (
        "Comedian Rita Vance was booed and shouted down by Tom Garr supporters after telling "
        "holdouts for the Ohio senator that they were “being ridiculous.”\n"
    )
    assert name_of(nlp, text, "being ridiculous") == "Rita Vance"


def test_who_is_slammed_for_suggesting_something_suggested_it(nlp):
    text = (
        "In 2008, Ana Lind slammed Tom Garr as elitist and out-of-touch for suggesting that rural "
        'voters "cling to their old habits," and bragged about her father teaching her to fish.\n'
    )
    assert name_of(nlp, text, "cling to their old habits") == "Tom Garr"


def test_a_remark_after_a_side_clause_goes_on_from_the_main_report(nlp):
    text = (
        "Rep. Tom Garr easily won his primary on Tuesday.\n\n"
        '"I think we need him back in the House," Dale Brennick said during a panel on his show '
        "after the first-term congressman easily won his primary, remarking that while there are "
        '"still some voters angry over the farm bill," Garr already "paid a very heavy political price."\n'
    )
    assert speaker_of(quotes_of(nlp, text), "still some voters").name == "Dale Brennick"


def test_a_report_after_a_side_clause_of_a_main_clause_that_reports_nothing_is_the_side_clauses(nlp):
    text = (
        "The ministry went ahead with the new rule one day after the Tax Office dropped two other "
        "changes, saying they had come along too late in the term.\n"
    )
    assert "ministry" not in speaker_of(quotes_of(nlp, text), "too late").name.lower()


HECKLE_BODY = (
    "\n\nComedian Rita Vance was booed and shouted down by Lena Voss supporters after telling "
    "holdouts for the Ohio senator that they were “being ridiculous.”\n\n"
    "Vance, herself a Voss supporter during the primary, incurred a wave of boos upon saying, "
    "“Lena heard the passion of the people.”\n"
)


def test_a_sentence_case_headline_gives_its_quote_to_the_subject_it_opens_with(nlp):
    text = "Rita Vance heckles Lena Garr supporters: 'You're being ridiculous.'" + HECKLE_BODY
    assert name_of(nlp, text, "You're being ridiculous") == "Rita Vance"


def test_a_passive_headline_lead_does_not_give_its_quote_to_the_name_it_opens_with(nlp):
    text = "Rita Vance mocked by Lena Garr supporters: 'You're being ridiculous.'" + HECKLE_BODY
    assert name_of(nlp, text, "You're being ridiculous") != "Rita Vance"


def test_a_tag_after_a_question_may_say_how_the_question_was_put(nlp):
    text = (
        "Lind asked Garr if he would expel all the newcomers or just “the bad ones.”\n\n"
        "“The bad ones, the troublemakers?” Garr asked, turning the question into an audience "
        "participation game.\n\n“Out!” the crowd yelled.\n"
    )
    assert name_of(nlp, text, "the troublemakers") == "Garr"


def test_a_tag_after_a_closing_quote_inside_a_report_speaks_for_the_sentence(nlp):
    text = (
        "Tom Garr said on Friday that he would not run.\n\n"
        "Garr cannot say that “from his perspective,” Ana Lind added, saying it should be “up to "
        "the voters to decide or not.”\n"
    )
    assert name_of(nlp, text, "it should be") == "Ana Lind"
    assert all(q.speaker.canonical == "Ana Lind" for q in merged_quotes(nlp, text) if "voters" in q.text)


def test_he_is_not_the_person_his_own_quoted_words_name(nlp):
    text = (
        "Tom Garr said the plan was a disgrace. Garr promised to fight it, and Garr later spoke "
        "again about it. Garr has attacked the president for weeks.\n\n"
        "President Paul Lind denounced Garr’s remarks as “hurtful” and warned of what a Garr "
        "victory would mean.\n\n"
        "“If the voters choose Garr, that will have consequences for everyone,” he said.\n"
    )
    assert name_of(nlp, text, "If the voters choose Garr") == "Paul Lind"


def test_a_short_clause_after_an_open_quote_is_its_tag_whatever_the_verb(nlp):
    text = (
        "Soon after the attack, Tom Garr said the town had lost its way: “The town is no longer "
        "the town,” he claimed.\n\n"
        "“The town will always be the town,” an angry Paul Lind retaliated. “It never gives up, "
        "because it still has ideals.”\n"
    )
    assert name_of(nlp, text, "will always be the town") == "Paul Lind"
    assert name_of(nlp, text, "never gives up") == "Paul Lind"
