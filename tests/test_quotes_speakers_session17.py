"""Speakers, session 17 (issue 16 part 2): the error kinds of the first blind ECB+ speaker set.
Fictional texts, parsed with the bundled model, and hand-built quotes."""

from newsprism.quotes.corroborate import corroborate_speakers
from newsprism.quotes.names import full_names
from newsprism.quotes.speakers import _surname_merges, merge_speakers
from tests.quote_helpers import direct_quote, name_of

_q = direct_quote


def test_the_object_of_an_office_is_no_part_of_the_name():
    text = "Secretary of the Treasury Ken Dalloway praised the plan. Later Dalloway left."
    assert "Ken Dalloway" in full_names(text, "Dalloway")
    assert "Treasury Ken Dalloway" not in full_names(text, "Dalloway")
    assert full_names("A friend of Mary Ann Osk came.", "Osk") == ["Mary Ann Osk"]


def test_a_person_the_tagger_read_as_an_organisation_after_a_title_is_that_person():
    q = _q(
        "a",
        0,
        "We will find who did this.",
        "Homicide Detective Omar Brandt",
        "syntactic-subject",
        kind="organisation",
    )
    quotes, _ = merge_speakers([q], 92, {"a": "Homicide Detective Omar Brandt said so."})
    assert (quotes[0].speaker.canonical, quotes[0].speaker.kind) == ("Omar Brandt", "person")
    body = _q(
        "a", 0, "We will appeal.", "National Security Council", "syntactic-subject", kind="organisation"
    )
    quotes, _ = merge_speakers([body], 92, {"a": "The National Security Council said so."})
    assert quotes[0].speaker.canonical == "National Security Council"


def test_titles_joined_by_and_up_to_a_name_are_that_persons_offices(nlp):
    text = (
        "The town picked a new doctor on Monday.\n\n"
        "In a Monday statement, ACB president and chief executive officer Sister Nora Quill, MD, "
        "said that the group “rejoices for our town” in the choice.\n"
    )
    assert name_of(nlp, text, "rejoices") == "Nora Quill"


def test_a_platform_just_after_a_role_noun_is_not_the_person_it_names(nlp):
    text = (
        "Comedian Lena Vosk will host the festival awards next spring, organizers said on Monday.\n\n"
        "“I am thrilled to be back on that stage,” Vosk said in a statement.\n\n"
        "“I'd like to thank my mother and the caterers,” the comedian added on Twitter.\n"
    )
    assert name_of(nlp, text, "caterers") == "Lena Vosk"


def test_a_continuation_right_after_its_named_tag_keeps_its_speaker_against_look_alikes():
    first = "The work of our engineers will be respected here, by everyone."
    second = "For three decades the river compact has protected farms and towns alike."
    here = f"“{first},” Mora said.\n“{second}”"
    tagged = _q("a", 1, first, "Ivan Mora", "syntactic-subject", written="Mora")
    cont = _q("a", here.index("For"), second, "Ivan Mora", "continuation")
    other = _q(
        "b",
        0,
        "For decades the river compact has protected the farms and the towns.",
        "Lia Senn",
        "syntactic-subject",
    )
    out = corroborate_speakers([tagged, cont, other], {"a": here, "b": other.text})
    assert out[1].speaker.canonical == "Ivan Mora"
    lone = _q("a", 0, second, "Ivan Mora", "continuation")  # no tag before it: other outlets decide
    assert corroborate_speakers([lone, other], {"a": second})[0].speaker.canonical == "Lia Senn"


def test_a_name_after_a_title_is_the_end_of_the_storys_longer_name():
    merges = _surname_merges(["person:cheryl boone lind", "person:boone lind", "person:lind"])
    assert merges == {
        "person:boone lind": "person:cheryl boone lind",
        "person:lind": "person:cheryl boone lind",
    }
    two = _surname_merges(["person:maria ana lind", "person:jo ana lind", "person:ana lind"])
    assert "person:ana lind" not in two  # the end of two longer names: no call


def test_according_to_a_profile_the_named_speaker_of_the_sentence_speaks(nlp):
    text = (
        "Dr. Nora Quill runs a clinic in a fishing town.\n\n"
        "According to a 1998 profile in a local weekly, Quill said she applied to law school "
        "before she attended college.\n\n"
        "“They sent me a letter politely telling me to finish college first.”\n"
    )
    assert name_of(nlp, text, "applied to law school") == "Nora Quill"
    assert name_of(nlp, text, "They sent me") == "Nora Quill"


def test_an_editorial_in_a_paper_is_the_papers(nlp):
    text = (
        "Riots spread across the capital for a fourth night on Tuesday.\n\n"
        "“For four days, the city has surrendered itself to flames,” said an editorial in the "
        "conservative daily Morning Courier.\n"
    )
    assert name_of(nlp, text, "surrendered") == "Morning Courier"


def test_a_publication_named_after_its_kind_is_the_publication(nlp):
    text = (
        "The festival picked a new host on Friday.\n\n"
        "Trade publication Marquee saw the choice as a turn, writing that the festival “will put "
        "women in the driver's seat.”\n"
    )
    assert name_of(nlp, text, "driver") == "Marquee"


def test_according_to_people_who_heard_it_they_stay_the_source(nlp):
    text = (
        "A boy was shot on Monday night.\n\n"
        "According to authorities, the teenager told police he was with friends when a rival "
        "group fired at them.\n"
    )
    assert name_of(nlp, text, "with friends") == "authorities"


def test_an_honorific_inside_a_description_is_dropped():
    q = _q("a", 0, "He is resting.", "A representative for Mr. Lind", "syntactic-subject", kind="anonymous")
    quotes, _ = merge_speakers([q], 92, {"a": "A representative for Mr. Lind said so."})
    assert quotes[0].speaker.canonical == "A representative for Lind"
