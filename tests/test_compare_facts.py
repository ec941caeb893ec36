from newsprism.compare.contradictions import _approximate
from newsprism.compare.facts import fact_groups, fact_keys
from newsprism.compare.lexicon import is_loaded
from newsprism.model import Span, Statement


def _st(i, article, text):
    return Statement(id=f"s{i}", article_id=article, text=text, span=Span(0, len(text)))


def test_an_age_is_a_fact_key_whoever_the_outlet_names():
    assert "age|16" in fact_keys(_st(0, "a", "the fatal shooting of 16-year-old Kimani Gray"), None)
    assert "age|16" in fact_keys(_st(1, "b", "Police said Kiki Gray, 16, had a gun."), None)
    assert not fact_keys(_st(2, "c", "The game ended 16-12."), None)
    assert fact_keys(_st(3, "d", "Mr. Jackman, 40"), None) == {"age|40"}


def test_one_age_given_to_two_named_people_is_not_one_fact():
    sts = [
        _st(0, "a", "Ada Morrow, 39, a ferry clerk, said she saw the fire."),
        _st(1, "b", "said Tom Keel, 39, who was there for a haircut."),
        _st(2, "c", "Morrow, 39, told detectives what she saw."),
    ]
    assert fact_groups(sts[:2], [], None, [(0,), (1,)]) == []
    assert fact_groups([sts[0], sts[2]], [], None, [(0,), (1,)]) == [(0, 1)]


def test_a_shared_key_groups_statements_that_alignment_kept_apart():
    sts = [_st(0, "a", "a vigil for the 16-year-old turned violent"), _st(1, "b", "Gray, 16, was shot")]
    assert fact_groups(sts, [], None, [(0,), (1,)]) == [(0, 1)]
    # Already one alignment group: nothing new.
    assert fact_groups(sts, [], None, [(0, 1)]) == []


def test_a_specific_number_is_a_fact_key_in_any_wording():
    a = fact_keys(_st(0, "a", "The Carrowmere levy raised $412 million in 2019."), None)
    b = fact_keys(_st(1, "b", "a windfall of nearly $412 million for the harbour"), None)
    assert "n|412000000" in a & b
    # Years, round and small numbers count anything: no key.
    assert not fact_keys(_st(2, "c", "In 2019, 200 residents and three ferries left."), None)


def test_a_second_group_of_a_statement_leaves_its_first_group_its_own():
    sts = [
        _st(0, "a", "a vigil for the 16-year-old"),
        _st(1, "b", "Ann Tarrow, 16, was hurt"),
        _st(2, "c", "she fell"),
    ]
    # Statement 1 sits in (1, 2) first and in a second group (0, 1) after it: the fact group is
    # still widened by the mates of its first group, as without the second group.
    assert fact_groups(sts, [], None, [(1, 2), (0,)]) == [(0, 1, 2)]
    assert fact_groups(sts, [], None, [(1, 2), (0,), (0, 1)]) == [(0, 1, 2)]


def test_an_event_key_needs_a_name_a_number_or_a_date(nlp):
    text = "Two wardens suffered injuries. Protesters stormed the Carrowmere depot on Friday."
    doc = nlp(text)
    common = fact_keys(_st(0, "a", text[:30]), doc)
    named = Statement(id="s1", article_id="a", text=text[31:], span=Span(31, len(text)))
    assert not any(k.startswith("suffer|") and k.count("|") == 2 for k in common)
    assert any(k.startswith("storm|") and "friday" in k for k in fact_keys(named, doc))


def test_estimates_do_not_contradict():
    assert _approximate("nearly 100 people set off", "more than 200 people attended", "people")
    assert not _approximate("12 people were hurt", "21 people were hurt", "people")


def test_loaded_words_judge_they_do_not_report():
    describing = ("attributive",)
    assert is_loaded("disgusting", "disgusting", "ADJ", 0.0, describing)
    assert is_loaded("absurd", "absurd", "ADJ", 0.0, describing)
    assert is_loaded("rampaged", "rampage", "VERB", 0.0, ("main_verb",))  # in no sentiment lexicon
    assert not is_loaded("killed", "kill", "VERB", 0.0, ("main_verb",))
    assert not is_loaded("said", "say", "VERB", 0.0, ("reporting", "main_verb"))
    assert not is_loaded("police", "police", "NOUN")


def test_two_counts_of_one_unit_must_count_the_same_thing():
    from newsprism.compare.contradictions import _same_count

    assert _same_count("the school record of 2,106 points", "broke the record of 2,116 points", "points")
    assert not _same_count(
        "cut the lead to 3 points midway", "got 14 points from the backup center", "points"
    )


def test_a_date_still_to_come_never_contradicts_a_past_one():
    from newsprism.compare.contradictions import _FUTURE

    assert _FUTURE.search("who will meet the winners in the semifinal on Saturday")
    assert not _FUTURE.search("advanced to the semifinal on Friday")


def _pair(a_text, b_text, b_polarity="positive"):
    import dataclasses

    import numpy as np

    from newsprism.compare.alignment import Alignment
    from newsprism.compare.contradictions import find_contradictions

    sts = [_st(0, "a", a_text), dataclasses.replace(_st(1, "b", b_text), polarity=b_polarity)]
    aligned = Alignment(groups=((0, 1),), conflicts=(), sims=np.ones((2, 2), dtype=np.float32))
    return [c.kind for c in find_contradictions(sts, aligned, min_shared=2)]


def test_office_years_and_an_event_date_that_disagree_are_contradictions():
    assert _pair(
        "Senator Ada Morrow, who served in the Senate from 1967 to 1979, backed the bill",
        "Former senator Ada Morrow, who served from 1966 to 1978, backed the bill",
    ) == ["years"]
    assert _pair("The county primary will be held in mid-May", "The county primary is set for April 30") == [
        "date"
    ]
    assert _pair("The county primary will be held in mid-May", "The county primary is set for May 14") == []


def test_a_word_that_only_qualifies_a_noun_is_no_place():
    assert (
        _pair(
            "the Senate passed the aid bill, the first time in Senate history it acted overnight",
            "the Senate passed the aid bill, the first time in American history it acted overnight",
        )
        == []
    )
    assert _pair("the Senate passed the aid bill in Albany", "the Senate passed the aid bill in Trenton") == [
        "place"
    ]


def test_kickers_and_spelling_choices_per_outlet():
    from newsprism.compare.framing import headline_framing, spelling_choices
    from tests.conftest import make_article

    assert headline_framing("DESPERATION: Mayor begs for help")["kicker"] == "DESPERATION"
    assert headline_framing("Mayor: we need help")["kicker"] is None
    assert headline_framing("BREAKING | Port closed")["kicker"] == "BREAKING"
    assert headline_framing("NATO – Russia talks resume")["kicker"] is None  # a dash joins two names
    a = make_article("Officials in Lviv said the mayor of Odesa met Tomasz Kowalsky on Friday.", "A")
    b = make_article("Officials in Lvov said the mayor met Tomasz Kowalskiy. Many residents left.", "B")
    c = make_article("Officials in Lviv said many residents left on Friday.", "C")
    choices = spelling_choices([a, b, c])
    assert choices[a.id] == {"Lviv": ["Lvov"], "Kowalsky": ["Kowalskiy"]}
    assert choices[b.id] == {"Lvov": ["Lviv"], "Kowalskiy": ["Kowalsky"]}
    assert choices[c.id] == {"Lviv": ["Lvov"]}  # "Many"/"many" is an ordinary word, not a name
    # Two names of one shape in one article are two names, not two spellings of one.
    d = make_article("Officials in Paris met Shimon Peres.", "D")
    e = make_article("Officials in Paris met the press.", "E")
    assert spelling_choices([d, e]) == {}


def test_a_negated_statement_never_gives_a_date_or_place_contradiction():
    working = "The mayor was working in her office at City Hall on Thursday"
    assert _pair(working, "The mayor was working in her office at City Hall on Wednesday") == ["date"]
    assert (
        _pair(working, "The mayor had not been at City Hall and was working on Wednesday", "negative") == []
    )


def test_a_place_the_other_side_also_names_is_no_disagreement():
    assert (
        _pair("Ada Morrow was born in Tennessee in 1923", "Ada Morrow was born in Nashville, Tennessee") == []
    )
    assert (
        _pair(
            "Morrow won the primaries in Delaware on Tuesday",
            "Morrow won the primaries in Pennsylvania, Maryland and Delaware",
        )
        == []
    )


def test_weekdays_of_loosely_alike_statements_are_two_events():
    import numpy as np

    from newsprism.compare.alignment import Alignment
    from newsprism.compare.contradictions import find_contradictions

    sts = [
        _st(0, "a", "The harbour master was charged with negligence on Friday"),
        _st(1, "b", "The harbour master appeared in court on negligence charges on Monday"),
    ]
    loose = Alignment(groups=((0, 1),), conflicts=(), sims=np.array([[1, 0.55], [0.55, 1]], np.float32))
    close = Alignment(groups=((0, 1),), conflicts=(), sims=np.array([[1, 0.9], [0.9, 1]], np.float32))
    assert find_contradictions(sts, loose, min_shared=2) == []
    assert [c.kind for c in find_contradictions(sts, close, min_shared=2)] == ["date"]


def test_a_place_disagreement_is_found_in_a_group_of_many_undated_members():
    import numpy as np

    from newsprism.compare.alignment import Alignment
    from newsprism.compare.contradictions import _marks, find_contradictions

    sts = [
        _st(k, f"x{k}", "The harbour master Ada Morrow was charged with negligence by the council")
        for k in range(30)
    ]
    sts += [
        _st(
            30, "a", "The harbour master Ada Morrow was charged with negligence by the council in Carrowmere"
        ),
        _st(
            31, "b", "The harbour master Ada Morrow was charged with negligence by the council in Northshore"
        ),
    ]
    assert _marks(sts[0], {}) == 0 and _marks(sts[30], {}) != 0
    group = Alignment(groups=(tuple(range(32)),), conflicts=(), sims=np.ones((32, 32), np.float32))
    found = find_contradictions(sts, group, min_shared=2)
    assert [(c.kind, c.a["statement_id"], c.b["statement_id"]) for c in found] == [("place", "s30", "s31")]


def _refused(a_text, b_text):
    """Kinds flagged for a pair alignment refused to group (the number and negation path)."""
    import numpy as np

    from newsprism.compare.alignment import Alignment
    from newsprism.compare.contradictions import find_contradictions

    sts = [_st(0, "a", a_text), _st(1, "b", b_text)]
    refused = Alignment(groups=(), conflicts=((0, 1, "numbers"),), sims=np.ones((2, 2), dtype=np.float32))
    return [c.note for c in find_contradictions(sts, refused, min_shared=2)]


def test_a_count_is_keyed_by_the_head_noun_of_what_it_counts():
    from newsprism.text import counted_things

    assert counted_things("the war has killed 2,400 Carrowish soldiers since 2001") == {"soldier": {"2400"}}
    assert counted_things("Carrowmere keeps 25,000 Carrowish troops there") == {"troop": {"25000"}}
    assert counted_things("$8 billion in aid") == {}  # "in" is no counted thing


def test_counts_of_two_things_sharing_an_adjective_never_contradict():
    # Look-alike: 2,400 killed vs 25,000 troops (both "Carrowish ...").
    assert (
        _refused(
            "The war in Vessia has killed 2,400 Carrowish soldiers since 2001, Lord Ames said",
            "Carrowmere still has 25,000 Carrowish troops in Vessia, Lord Ames said",
        )
        == []
    )
    # One thing counted, what happened to it differs: killed vs stationed.
    assert (
        _refused(
            "The war in Vessia has killed 2,400 Carrowish soldiers since 2001, Lord Ames said",
            "Carrowmere still has 25,000 Carrowish soldiers in Vessia, Lord Ames said",
        )
        == []
    )
    # The same count of the same thing, told differently, is one.
    assert _refused(
        "The war in Vessia has killed 2,400 Carrowish soldiers, Lord Ames said",
        "The war in Vessia has killed 2,900 Carrowish soldiers, Lord Ames said",
    ) == ["soldier: 2400 vs 2900"]


def test_two_sums_of_money_for_different_things_never_contradict():
    # Look-alike: $8bn vs $3.5bn, different amounts for different deals.
    assert (
        _refused(
            "The Vessian parliament approved an $8bn arms sale to Carrowmere, Lord Ames said",
            "The Vessian parliament approved $3.5bn in aid to Carrowmere, Lord Ames said",
        )
        == []
    )
    assert (
        _refused(
            "The Vessian parliament approved $8 billion in arms sales to Carrowmere",
            "The Vessian parliament approved $3.5 billion in aid to Carrowmere",
        )
        == []
    )


def test_two_dates_contradict_only_as_dates_of_one_event():
    # Look-alike: the shooting on Saturday, the vigil on Monday.
    assert (
        _pair("Ada Morrow was shot by police on Saturday", "A vigil for Ada Morrow turned violent on Monday")
        == []
    )
    # A fire that broke out on Tuesday night can have destroyed the depot on Wednesday.
    assert (
        _pair(
            "The fire at the Carrowmere depot broke out late on Tuesday",
            "The fire destroyed the Carrowmere depot on Wednesday",
        )
        == []
    )
    # The same event on two days is one.
    assert _pair(
        "The fire destroyed the Carrowmere depot on Tuesday",
        "The fire destroyed the Carrowmere depot on Wednesday",
    ) == ["date"]
    # Calendar dates: the primary in mid-May vs on April 30 (a real one, as above), not the
    # primary in mid-May vs the filing deadline on April 30.
    assert (
        _pair(
            "The county primary will be held in mid-May, Ada Morrow said",
            "Ada Morrow said the filing deadline is set for April 30",
        )
        == []
    )


def _unaligned(a_text, b_text):
    """Kinds flagged for a pair alignment neither grouped nor refused."""
    import numpy as np

    from newsprism.compare.alignment import Alignment
    from newsprism.compare.contradictions import find_contradictions

    sts = [_st(0, "a", a_text), _st(1, "b", b_text)]
    apart = Alignment(groups=((0,), (1,)), conflicts=(), sims=np.eye(2, dtype=np.float32))
    return [(c.kind, c.note) for c in find_contradictions(sts, apart, min_shared=2)]


def test_one_persons_years_in_office_are_compared_even_when_alignment_kept_them_apart():
    assert _unaligned(
        "Ada Morrow, a Vessian Democrat who served in the Senate from 1967 to 1979, died on Sunday",
        "The bill was named for Ada Morrow, who served 1966-78 and wrote the first draft",
    ) == [("years", "1967–1979 vs 1966–1978")]
    # Two people's terms, or one person's two terms, are no contradiction.
    assert (
        _unaligned(
            "Ada Morrow served in the Senate from 1967 to 1979",
            "Bo Lind served in the Senate from 1966 to 1978",
        )
        == []
    )
    assert (
        _unaligned(
            "Ada Morrow served in the House from 1955 to 1966",
            "Ada Morrow served in the Senate from 1967 to 1979",
        )
        == []
    )
    # Years of something else next to the same name: a school, not a term.
    assert (
        _unaligned(
            "Ada Morrow studied at Carrow College from 1950 to 1954", "Ada Morrow served from 1951 to 1955"
        )
        == []
    )


def test_two_point_estimates_far_apart_contradict_bounds_and_rounding_do_not():
    assert _refused(
        "The Vessian ministry received nearly 235,000 comments on the plan",
        "The Vessian ministry has received nearly 300,000 comments on the plan",
    ) == ["comment: 235000 vs 300000"]
    # rounding
    assert (
        _refused(
            "The Vessian ministry received nearly 235,000 comments on the plan",
            "The Vessian ministry received about 240,000 comments on the plan",
        )
        == []
    )
    # a bound and an estimate (two marches, two nights): no contradiction
    assert (
        _refused(
            "Nearly 100 people marched from the Vessian vigil on Monday night",
            "More than 200 people marched from the Vessian vigil on Wednesday night",
        )
        == []
    )


def test_two_places_contradict_only_as_places_of_one_event():
    assert _pair("Ada Morrow was born in Trenwick on Monday", "Ada Morrow was born in Albany on Monday") == [
        "place"
    ]
    assert _pair("Ada Morrow was born in Trenwick", "Ada Morrow was buried in Albany") == []


# Attributes compared across articles whatever alignment did (compare/attributes.py): one kind,
# one key, the words next to the values meet, no name next to one missing from the other.


def test_one_street_given_two_blocks_is_a_contradiction():
    assert _unaligned(
        "Ada Morrow followed the van to a depot in the 4500 block of North Linden Road",
        "The raid took place in the 4200 block of Linden Rd. in Carrowmere",
    ) == [("place", "4500 block vs 4200 block")]
    # two streets, two blocks: two places
    assert (
        _unaligned(
            "The raid took place in the 4500 block of Linden Road",
            "A second van was found in the 4200 block of Harbour Street",
        )
        == []
    )


def test_a_clock_time_disagrees_only_for_one_moment():
    # the word next to both times is one: the call came
    assert _unaligned(
        "The first call came at 4:40 a.m., a Carrowmere spokesman said",
        "The first 911 call came at 4:48 a.m. from a neighbour",
    ) == [("time", "4:40 a.m. vs 4:48 a.m.")]
    assert _unaligned(
        "The fire was reported at 4:40 a.m.", "The blaze was reported about 4:48 a.m. Tuesday"
    ) == [("time", "4:40 a.m. vs 4:48 a.m.")]
    assert (
        _unaligned(
            "The alarm at the Carrowmere depot sounded at 4:40 a.m.",
            "The first engine reached the Carrowmere depot at 4:48 a.m.",
        )
        == []
    )
    # two moments of the night: the fire started, the roof fell in
    assert (
        _unaligned(
            "The fire at the Carrowmere depot started at 4:40 a.m.",
            "The roof of the Carrowmere depot fell in at 5:15 a.m.",
        )
        == []
    )
    # a sentence pair already disagreeing on the place of the scene also compares its times
    kinds = _unaligned(
        "Ada Morrow drove to a depot in the 4500 block of Linden Road at about 2:30 p.m.",
        "The raid took place about 2:10 p.m. in the 4200 block of Linden Road",
    )
    assert sorted(kinds) == [("place", "4500 block vs 4200 block"), ("time", "2:30 p.m. vs 2:10 p.m.")]


def test_an_interval_before_one_event_told_two_ways():
    assert _unaligned(
        "Ada Morrow was married two weeks ago to Bo Lind",
        "Bo Lind, who married the constable three weeks before she was killed, spoke to the court",
    ) == [("date", "two weeks ago vs three weeks before")]
    # a bound is no value; one interval after, one before: two facts
    assert (
        _unaligned("Ada Morrow was arrested less than two weeks later", "She was arrested 12 days later")
        == []
    )
    assert (
        _unaligned(
            "Ada Morrow was promoted two weeks before the raid",
            "Ada Morrow was promoted three weeks after the raid",
        )
        == []
    )


def test_two_point_estimates_of_one_count_apart_even_when_they_name_different_bodies():
    # "the agency" / "the Carrowmere Ministry": the one-thing rule of aligned pairs refused this
    assert _unaligned(
        "The agency received nearly 41,000 letters on the harbour plan",
        "The Carrowmere Ministry proposed the plan in May and has since received nearly 60,000 letters",
    ) == [("number", "letter: 41,000 letters vs 60,000 letters")]
    # an estimate and a bound, or two estimates close together: no disagreement
    assert (
        _unaligned(
            "The agency received nearly 41,000 letters on the plan",
            "The ministry has received more than 60,000 letters",
        )
        == []
    )
    assert (
        _unaligned(
            "The agency received nearly 41,000 letters on the plan",
            "The ministry has received about 44,000 letters on the plan",
        )
        == []
    )


def test_exact_counts_compare_only_when_one_was_told_wrong():
    assert _unaligned(
        "She needed 8 points to break Bo Lind's scoring record of 1,406.",
        "Ada Morrow broke Bo Lind's career scoring record of 1,416 points on Friday",
    ) == [("number", "of record: 1,406 vs 1,416")]
    # a player's points and another's: small exact counts of one unit are mostly two things
    assert (
        _unaligned(
            "Ada Morrow scored 11 points in the second half", "Bo Lind scored seven points in the second half"
        )
        == []
    )


def test_a_rare_name_spelled_two_ways_next_to_the_same_word():
    assert _unaligned(
        "The victim's sister Tavrenah was among those arrested",
        "Police put the victim's sister Tavrenoh into a patrol car",
    ) == [("name", "Tavrenah vs Tavrenoh")]
    # a transliteration ending folded as one spelling, a common name, or a nickname: no contradiction
    assert _unaligned("the envoy Dmytro Halenskiy said", "the envoy Dmytro Halenskyy said") == []
    assert _unaligned("Ada's brother Steven said", "Ada's brother Stephen said") == []
    assert _unaligned("Assistant prosecutor Dave Tarrow said", "Assistant prosecutor David Tarrow said") == []


def test_one_remark_dated_to_two_days():
    assert _unaligned(
        'Ada Morrow told a Carrowmere radio station on Monday night that winning "will be very hard '
        'for us in the northern districts"',
        'On Tuesday, Ada Morrow said that winning "will be very hard for us in the northern districts."',
    ) == [("date", "said on monday vs on tuesday")]
    # two remarks, or one remark and another's, on two days: no contradiction
    assert (
        _unaligned(
            'Ada Morrow said on Monday that "the northern districts will be very hard for us"',
            'Bo Lind said on Tuesday that "the harbour vote is ours and nobody can take it"',
        )
        == []
    )


def test_one_events_calendar_date_told_in_two_unaligned_sentences():
    assert _unaligned(
        "Ada Morrow, whose primary will be held in mid-May, campaigned in Carrowmere",
        "Her primary will be held April 30, and Ada Morrow leads the polls",
    ) == [("date", "mid-May vs April 30")]
    assert _unaligned(
        "Ada Morrow, who faces a primary in mid-May, campaigned in Carrowmere",
        "The primary is set for April 30, and Ada Morrow leads the polls",
    ) == [("date", "mid-May vs April 30")]
    # two events (the primary, the filing deadline), a plan and a report, or two places' primaries
    assert _unaligned("The primary is set for April 30", "The filing deadline passed on May 14") == []
    assert _unaligned("The primary was held on April 30", "The primary will be held on May 14") == []
    assert (
        _unaligned("The Carrowmere primary was held on April 30", "The Lindvale primary was held on May 14")
        == []
    )


def test_a_part_of_a_whole_and_dates_of_other_years_never_contradict():
    # "178 of 369 punches" over the fight, "28 of his 68 punches" in one round
    assert (
        _refused(
            "The final numbers showed Ada Morrow landing 178 of 369 punches thrown",
            "In fact, Ada Morrow landed 28 of her 68 punches thrown during the round",
        )
        == []
    )
    # two people hired as coach on two dates of two years
    assert (
        _unaligned(
            "Ada Morrow was hired as the 20th coach of the club on April 21, 2004",
            "Bo Lind stayed until the Harriers hired him as head coach on June 27, 2001",
        )
        == []
    )


def test_a_place_spelled_by_two_transliterations_or_abbreviated_is_one_place():
    assert (
        _unaligned(
            "Rescue teams were sent to check villages near Darvahan",
            "Houses in the Darvehan area were damaged",
        )
        == []
    )
    assert (
        _pair(
            "Ada Morrow died after a fall at Mt Kesh on Monday",
            "Ada Morrow died after a fall at Aoraki Mount Kesh on Monday",
        )
        == []
    )


def test_shares_of_two_samples_never_contradict():
    assert (
        _refused(
            "The margin of sampling error among that group was plus or minus four percentage points.",
            "The margin of error is plus or minus 5.7 percentage points.",
        )
        == []
    )


def test_one_remark_told_indirectly_dated_to_two_days():
    assert _unaligned(
        "Morrow acknowledged on a Carrowmere radio show Monday night that winning the northern districts "
        "would be very hard",
        "Morrow said Tuesday that winning the northern districts would be very hard for her campaign",
    ) == [("date", "said on monday vs on tuesday")]
    # two speakers, or two remarks of one speaker on two days
    assert (
        _unaligned(
            "Morrow said Monday that winning the northern districts would be very hard",
            "Lind said Tuesday that winning the northern districts would be very hard",
        )
        == []
    )
    assert (
        _unaligned(
            "Morrow said Monday that winning the northern districts would be very hard",
            "Morrow said Tuesday that the harbour vote is already won and the budget is safe",
        )
        == []
    )


def test_values_of_two_days_events_never_contradict():
    assert _unaligned(
        "Nearly 5,000 people attended the rally in the park",
        "Nearly 9,000 people attended the rally in the park",
    ) == [("number", "people: 5,000 people vs 9,000 people")]
    assert (
        _unaligned(
            "Nearly 5,000 people attended the rally in the park on Monday",
            "Nearly 9,000 people attended the rally in the park on Saturday",
        )
        == []
    )
    # two places' events
    assert (
        _unaligned(
            "Nearly 5,000 people attended the rally in Carrowmere",
            "Nearly 9,000 people attended the rally in Lindvale",
        )
        == []
    )


def test_not_only_and_none_of_the_others_deny_nothing():
    assert (
        _refused(
            "Other bidders in the race for Ada Morrow are the Carrowmere Harriers, at seven years",
            "None of the other bidders in the race for Ada Morrow, the Carrowmere Harriers among them, "
            "has offered more than eight years",
        )
        == []
    )
    assert _refused(
        "The Carrowmere mayor did not sign the harbour deal", "The Carrowmere mayor signed the harbour deal"
    ) == ["one outlet negates what the other asserts"]


def test_a_remark_quoted_between_two_apostrophes_is_a_quote():
    assert _unaligned(
        "The mayor told a radio station on Monday night that winning ''will be very hard "
        "for us in the northern districts''",
        "On Tuesday, the mayor said that winning ''will be very hard for us in the northern districts.''",
    ) == [("date", "said on monday vs on tuesday")]


def test_one_persons_title_with_and_without_a_rank_word_is_a_contradiction():
    assert _unaligned(
        "Timber County District Attorney Dana Varsk spoke to reporters on the courthouse steps.",
        "Assistant District Attorney Danielle Varsk asked the witness to repeat her answer.",
    ) == [("title", "Timber County District Attorney vs Assistant District Attorney")]
    # a title is the person's whatever event each sentence tells (here a report and a plan)
    assert _unaligned(
        "The inquest was opened by Assistant District Attorney Dana Varsk.",
        "Timber County District Attorney Dana Varsk said the inquest would resume in June.",
    ) == [("title", "Assistant District Attorney vs Timber County District Attorney")]
    # another person of the same surname, a past title, two different offices, two ranked titles
    for a, b in [
        ("District Attorney Dana Varsk spoke to reporters.", "Assistant District Attorney Omar Varsk spoke."),
        ("Former Deputy Director Ada Morrow left early.", "Agency Director Ada Morrow left early."),
        ("Deputy Director Ada Morrow voted.", "Deputy Chief Ada Morrow voted."),
        ("The then-Deputy Director Ada Morrow voted.", "Agency Director Ada Morrow voted."),
        ("Deputy Juan Abel Ruiz was shot on Friday.", "Juan Abel Ruiz was shot on Friday."),
        ("He shot Deputy Sgt. Ivo Lind outside.", "He shot Sgt. Ivo Lind outside."),
        ("Under Chancellor Ada Morrow, Vessia grew.", "Vessian Chancellor Ada Morrow spoke."),
        # offices whose lower ranks are called by the office by convention
        ("Associate Justice Ada Morrow wrote the opinion.", "High Court Justice Ada Morrow wrote it."),
        ("Lieutenant General Ada Morrow led the unit.", "Army General Ada Morrow led the unit."),
        ("Assistant Professor Ada Morrow led the study.", "Vessia Professor Ada Morrow led the study."),
    ]:
        assert _unaligned(a, b) == [], (a, b)


def test_one_persons_two_elected_offices_are_a_contradiction():
    assert _unaligned(
        "Vessia Sen. Ada Morrow toured the flooded valley on Monday.",
        "Gov. Ada Morrow toured the flooded valley on Monday.",
    ) == [("title", "Vessia Sen vs Gov")]
    assert _unaligned("Democratic Senator Ada Morrow voted no.", "Vessian Governor Ada Morrow voted no.") == [
        ("title", "Democratic Senator vs Vessian Governor")
    ]
    # a former office, an office under a rank word, one office in two forms, another person
    for a, b in [
        ("Former Gov. Ada Morrow toured the valley.", "Sen. Ada Morrow toured the valley."),
        ("Lt. Gov. Ada Morrow toured the valley.", "Sen. Ada Morrow toured the valley."),
        ("State Senator Ada Morrow toured the valley.", "Vessia Sen. Ada Morrow toured the valley."),
        ("Rep. Omar Morrow toured the valley.", "Sen. Ada Morrow toured the valley."),
        # a career told: the highest office held may be an honorific title
        ("Gov. Ada Morrow died on Saturday at her farm.", "Sen. Ada Morrow died on Saturday at home."),
        ("Gov. Ada Morrow, who led Vessia in 1990, spoke.", "Sen. Ada Morrow spoke at the dinner."),
    ]:
        assert _unaligned(a, b) == [], (a, b)


def test_a_surname_opening_both_sentences_ties_two_exact_counts():
    # "Pritchard" is a surname of middling frequency in general English (zipf 3.2)
    assert _unaligned(
        "Pritchard now has 2,029 points in 106 games for the club.",
        "Pritchard now has 2,129 points heading into the semifinals.",
    ) == [("number", "point: 2,029 points vs 2,129 points")]
    # two players' totals; a common word opening a sentence is no name
    assert _unaligned("Pritchard now has 2,029 points.", "Whitaker now has 2,129 points.") == []
    assert _unaligned("Officials now have 2,029 points.", "Officials now have 2,129 points.") == []


def test_office_years_told_with_other_words_for_one_office():
    for a, b in [
        (
            "Ada Morrow, who served in the Senate from 1967 to 1979, died Sunday.",
            "Ada Morrow was a senator from 1966 to 1978.",
        ),
        (
            "Ada Morrow, who served in the Senate from 1967 to 1979, died.",
            "Morrow represented Vessia in the Senate from 1966 until 1978.",
        ),
        (
            "Former Sen. Ada Morrow, who held the seat from 1967 to 1979, died.",
            "Morrow held the seat from 1966 to 1978.",
        ),
    ]:
        assert _unaligned(a, b) == [("years", "1967–1979 vs 1966–1978")], (a, b)
    # two offices of one person; two people whose offices name one country
    assert (
        _unaligned(
            "Ada Morrow, a senator from 1967 to 1979, died.",
            "Ada Morrow chaired the farm committee from 1970 to 1978.",
        )
        == []
    )
    assert (
        _unaligned(
            "Ivo Lind, who was a director for the United States from 2010 to 2013, spoke.",
            "Bo Sarn, Vessia's envoy to the United States from 2007 to 2013, spoke.",
        )
        == []
    )


def test_one_events_date_told_with_other_verbs_by_the_clauses_subject():
    assert _unaligned(
        "The primary is scheduled for mid-May, Ada Morrow said.", "The primary will take place on April 30."
    ) == [("date", "mid-May vs April 30")]
    # another subject, or a subject the rule cannot read, is another event
    for b in ["The filing deadline is April 30.", "The deadline for the primary is April 30."]:
        assert _unaligned("The primary is scheduled for mid-May.", b) == [], b


def test_two_periods_of_years_in_one_group_are_no_contradiction():
    # aligned: both about the coach's Vessia Rovers career, but a season and a title team's season
    assert (
        _pair(
            "Ada Morrow led the Vessia Rovers to the playoffs for the first time since the 2004-05 season.",
            "Ada Morrow, a member of the Vessia Rovers' 1982-83 title team, led the club to the playoffs.",
        )
        == []
    )


def test_one_named_persons_age_told_two_ways_is_a_contradiction():
    assert _unaligned(
        "Police arrested 61-year-old Dana Marie Varsk on Friday morning.",
        "Sixty-year-old Dana Varsk is accused of setting the depot fire.",
    ) == [("age", "61 vs 60")]
    assert _unaligned(
        "Ivo Lind, 32, fell while climbing to the hut.",
        "The next day 31-year-old Englishman Ivo Lind slipped on the ice.",
    ) == [("age", "32 vs 31")]
    # two people of one surname; a surname alone; one age told as a word; a case's age;
    # a father and a son of one name
    for a, b in [
        ("Omar Varsk, 35, was charged.", "Dana Varsk, 61, was found at home."),
        ("35-year-old Varsk faces two counts.", "Dana Varsk, 61, was found at home."),
        ("Sixty-year-old Dana Varsk was arrested.", "Dana Varsk, 60, was arrested."),
        ("A 60-year-old woman was charged.", "They solved a 41-year-old case against Dana Varsk."),
        ("Ivo Lind, 62, greeted the crowd.", "Ivo Lind, 24, his son, greeted the crowd."),
    ]:
        assert _unaligned(a, b) == [], (a, b)


def _dated(a_text, b_text, published=None):
    """Kinds flagged for two unaligned statements of two articles published as given."""
    import numpy as np

    from newsprism.compare.alignment import Alignment
    from newsprism.compare.contradictions import find_contradictions

    sts = [_st(0, "a", a_text), _st(1, "b", b_text)]
    apart = Alignment(groups=((0,), (1,)), conflicts=(), sims=np.eye(2, dtype=np.float32))
    published = {"a": "2026-03-01", "b": "2026-03-01"} if published is None else published
    found = find_contradictions(sts, apart, min_shared=2, published=published)
    return [(c.kind, c.note) for c in found]


def test_one_events_exact_toll_told_two_ways_on_one_day_is_a_contradiction():
    a = "The tremor struck near Carrowmere, injuring five people and damaging buildings."
    b = "The quake on the outskirts of Carrowmere injured two people, the governor said."
    assert _dated(a, b) == [("number", "injured: 5 injured vs 2 injured")]
    assert _dated(a, b, {}) == []  # undated: an update cannot be told from a disagreement
    for a, b in [
        # a bound, an increment, a total with its parts, "no one", a part of the wounded
        ("The blast in Carrowmere killed at least three people.", "Ten people were killed in Carrowmere."),
        ("The bodies of two more victims were found in Carrowmere.", "Ten people were killed in Carrowmere."),
        (
            "The quake killed seven people and injured 40, 15 of them in Carrowmere.",
            "It injured 12 people in Carrowmere.",
        ),
        ("In Carrowmere no one was killed.", "Ten people were killed in Carrowmere."),
        ("In Carrowmere one of the wounded is in hospital.", "The blast in Carrowmere wounded three people."),
        # another time, another event, a provisional toll
        (
            "A quake in September near Carrowmere killed seven people.",
            "The quake near Carrowmere killed two people.",
        ),
        (
            "In 2004 a wave killed 170,000 people in Carrowmere.",
            "The wave killed 230,000 people in Carrowmere.",
        ),
        (
            "Three people died in a separate blast in Carrowmere.",
            "The blast in Carrowmere killed ten people.",
        ),
        ("Carrowmere's mayor said three people were killed so far.", "Ten people were killed in Carrowmere."),
        # no name both sentences give; two classes
        (
            "Police said 12 people were injured in the riots.",
            "Police said 18 people had been injured in the violence.",
        ),
        ("The fire in Carrowmere killed two people.", "Police in Carrowmere arrested five people."),
    ]:
        assert _dated(a, b) == [], (a, b)


def test_a_toll_that_grew_in_a_later_report_is_an_update():
    a = "The quake near Carrowmere killed three people, the governor said."
    b = "The quake near Carrowmere killed 10 people, the governor said."
    assert _dated(a, b, {"a": "2026-03-01", "b": "2026-03-02"}) == []  # the later report, the larger toll
    assert _dated(a, b, {"a": "2026-03-02", "b": "2026-03-01"}) == [
        ("number", "killed: 3 killed vs 10 killed")
    ]
    assert _dated(a, b, {"a": "2026-03-01T08:00", "b": "2026-03-01T20:00"}) != []  # one day
    # a person a year older in a later report, or in a sentence telling a later stage
    older = ("Police arrested Dana Varsk, 26, on Friday.", "A jury convicted Dana Varsk, 27, on Monday.")
    assert _dated(*older, {"a": "2025-03-01", "b": "2026-03-04"}) == []
    assert _dated(*older, {"a": "2026-03-04", "b": "2025-03-01"}) == [("age", "26 vs 27")]
    assert (
        _unaligned(
            "Trial is set for June 17 for 26-year-old Dana Varsk.", "A jury convicted 27-year-old Dana Varsk."
        )
        == []
    )


def test_an_age_beside_an_undated_plan_is_the_persons_age_now():
    # session 15: "Sanders, 74, almost certainly will not run again" / "the 73-year-old Sanders"
    # (PolNeAR copy with one age altered was missed): a plan with no moment ahead tells no later
    # stage; a plan dated ahead still does (the trial above)
    assert _unaligned(
        "Ada Morrow, 74, almost certainly will not run for the Senate again.",
        "Critics mocked the 73-year-old Ada Morrow at the rally.",
    ) == [("age", "74 vs 73")]
    assert (
        _unaligned(
            "Ada Morrow, 74, will face voters next month.", "Critics mocked the 73-year-old Ada Morrow."
        )
        == []
    )


def test_a_courtesy_title_tells_whose_surname_an_age_is():
    # session 15: "Mrs. Clinton, 68," in an article naming Bill and Hillary Clinton was nobody's
    # age; "Mrs." leaves the woman's given name only ("Mr." the man's)
    both = "Ada Morrow and her husband, Carl Morrow, toured Vessia; Mrs. Morrow, 68, spoke first."
    assert _unaligned(both, "Critics mocked the 67-year-old Ada Morrow at the rally.") == [
        ("age", "68 vs 67")
    ]
    assert _unaligned(both, "Critics mocked the 67-year-old Carl Morrow at the rally.") == []
    plain = "Ada Morrow and her husband, Carl Morrow, toured Vessia; Morrow, 68, spoke first."
    assert _unaligned(plain, "Critics mocked the 67-year-old Ada Morrow at the rally.") == []


def test_office_years_and_a_primary_date_told_in_other_sentence_shapes():
    for a, b, want in [
        # an abbreviation's dot ends no clause; a span closing the clause before it
        (
            "Former Sen. Ada Morrow (D-Vessia), who served from 1967 until 1979, died Monday.",
            "Morrow served in the U.S. Senate from 1966 to 1978.",
            [("years", "1967–1979 vs 1966–1978")],
        ),
        (
            "Ada Morrow served two terms in the Senate, from 1967 to 1979.",
            "Ada Morrow, a senator from 1966-78, died.",
            [("years", "1967–1979 vs 1966–1978")],
        ),
        (
            "Ada Morrow served two terms as governor, from 1967 to 1979.",
            "Ada Morrow, a senator from 1966-78, died.",
            [],
        ),
        # a date in a clause dating the sentence's subject
        (
            "The Carrowmere primary, set for April 30, will decide the seat.",
            "The Carrowmere primary in mid-May will decide the seat.",
            [("date", "April 30 vs mid-May")],
        ),
        (
            "The deadline for the Carrowmere primary, set for April 30, is near.",
            "The Carrowmere primary in mid-May will decide the seat.",
            [],
        ),
        # dates opening both sentences date their main clauses
        (
            "On November 19, the frigate sank a trawler, its third strike since November 2.",
            "Then, on November 18, the frigate had sunk the trawler after a gunbattle.",
            [("date", "November 19 vs November 18")],
        ),
        (
            "On January 30, the mayor signed an order on the harbour.",
            "A budget signed by the mayor on March 11 lets the harbour board rescind it.",
            [],
        ),
    ]:
        assert _unaligned(a, b) == want, (a, b)


def _articles(a_sentences, b_sentences):
    """Kinds flagged between two articles told sentence by sentence (no alignment)."""
    import numpy as np

    from newsprism.compare.alignment import Alignment
    from newsprism.compare.contradictions import find_contradictions

    sts, texts = [], {}
    for article, sentences in (("a", a_sentences), ("b", b_sentences)):
        text = " ".join(sentences)
        texts[article] = text
        at = 0
        for s in sentences:
            start = text.index(s, at)
            sts.append(Statement(id=f"s{len(sts)}", article_id=article, text=s, span=Span(start, start + len(s)),
                                 sentence=Span(start, start + len(s))))  # fmt: skip
            at = start + len(s)
    n = len(sts)
    apart = Alignment(groups=tuple((i,) for i in range(n)), conflicts=(), sims=np.eye(n, dtype=np.float32))
    return [(c.kind, c.note) for c in find_contradictions(sts, apart, texts, min_shared=2)]


def test_an_age_given_to_a_surname_alone_is_the_one_person_its_article_names():
    a = [
        "Senator Ada Morrow spoke in Carrowmere on Monday.",
        "The 75-year-old Morrow said she would run again.",
    ]
    b = ["Ada Morrow, 74, told voters in Carrowmere she would run again."]
    assert _articles(a, b) == [("age", "75 vs 74")]
    # an article naming two people of that surname names nobody by it alone
    two = [
        "Ada Morrow and her brother Bo Morrow spoke on Monday.",
        "Sen. Morrow, 75, said she would run again.",
    ]
    assert _articles(two, b) == []
    # an age of another time
    assert _articles(["Ada Morrow spoke.", "The then-75-year-old Morrow ran in 2010."], b) == []


def test_one_persons_fall_told_in_two_lengths_is_a_contradiction_whatever_the_units():
    # one climber by age and by name; metres against feet; "meters" and "metres" one unit
    a = "A 41-year-old Vessian hiker is dead after falling about 150 metres near Carrowmere."
    b = "41-year-old Oren Taldaq died after slipping and falling 200ft from a ridge."
    assert _unaligned(a, b) == [("number", "length: 150 metres vs 200ft")]
    c = "On Sunday, 33-year-old Ivo Lind fell about 600 metres (2,000 feet) while climbing."
    d = "The next day 32-year-old Ivo Lind slipped on ice and fell 700 meters to his death."
    assert ("number", "length: 600 metres vs 700 meters") in _unaligned(c, d)
    for one, other in [
        # two people (ages four years apart, one unnamed); one value converted; no person before it;
        # a bound; two lengths in one sentence
        (a, "On Sunday, 37-year-old Ivo Lind fell about 600 metres while climbing."),
        (a, "41-year-old Oren Taldaq fell about 150 meters (490 feet) near Carrowmere."),
        ("The bridge over the Carrow is 150 metres long.", "The Carrow bridge is 200 metres long."),
        (a, "41-year-old Oren Taldaq fell more than 200 metres near Carrowmere."),
        (a, "41-year-old Oren Taldaq fell 60 metres onto a ledge 400 metres above Carrowmere."),
    ]:
        assert not [k for k in _unaligned(one, other) if k[1].startswith("length")], (one, other)


def test_one_quakes_magnitude_told_two_ways_is_a_contradiction_another_quakes_is_not():
    a = "A 5.6 magnitude earthquake hit Carrow island on Sunday, injuring five people."
    b = "Vessia's state television says a magnitude-5.2 quake has injured people on Carrow island."
    assert _unaligned(a, b) == [("number", "magnitude: 5.6 vs 5.2")]
    for other in [
        "A quake with a magnitude of 6.1 struck Carrow island in September.",
        "Another quake measuring 6.1 on the Richter scale hit Carrow island.",
        "A magnitude-5.2 quake hit Dunmore.",  # nothing named in common
        # a figure revised: two moments' readings
        "The 5.2-magnitude quake on Carrow island, first rated 5.6, injured people.",
    ]:
        assert _unaligned(a, other) == [], other
    # an article giving two figures tells two agencies': its second is compared with nothing
    two = ["A magnitude-5.6 quake shook Carrow island.", "The Vessian survey put the quake at magnitude 5.2."]
    assert _articles(two, [a]) == []


def test_a_sum_handed_over_is_a_sum_not_a_bound():
    from newsprism.compare.attributes import mentions

    def sums(text):
        return [m.shown for m in mentions(text) if m.kind == "money"]

    assert sums("Wealthy donors handed over $25 million last month to a Vessian group.") == ["$25 million"]
    assert sums("The firm turned over $2 million to the Carrowmere court.") == ["$2 million"]
    # "over" a bound still
    assert sums("Wealthy donors gave over $25 million last month to a Vessian group.") == []


def test_one_things_value_in_money_told_two_ways_is_a_contradiction():
    a = "Four robbers made off with $137-million of diamonds and jewels from a Carrowmere store."
    b = "Robbers snatched $108 million worth of diamond rings from a Carrowmere boutique, officials said."
    assert _unaligned(a, b) == [("number", "usd: $137-million vs $108 million")]
    for other in [
        # an estimate within rounding; a sum converted at the outlet's rate; another thing valued;
        # a whole and a part; a bound
        "Thieves in Carrowmere made off with an estimated $130 million in jewelry.",
        "Robbers stole diamonds valued at 85 million euros ($108 million) in Carrowmere.",
        "Robbers stole $108 million of paintings from a Carrowmere store.",
        "Four robbers made off with $50 million of diamonds from a Carrowmere store.",
        "Robbers took more than $108 million of diamonds from a Carrowmere store.",
    ]:
        assert _unaligned(a, other) == [], other
    # the hidden set's look-alike: two sums of two packages
    assert (
        _unaligned(
            "Congress approved $8bn in aid to Vessia on Friday.",
            "Congress approved $3.5bn in military aid to Vessia.",
        )
        == []
    )


def test_an_unnamed_persons_age_is_the_named_one_when_each_article_can_mean_one_person():
    a = ["Carrowmere police on Friday arrested a 60-year-old, terminally ill woman in the killings."]
    b = ["Carrowmere Police Chief Ivo Lind announced 61-year-old Dana Marie Varsk was arrested."]
    assert _articles(a, b) == [("age", "60 vs 61")]
    # the named article names two aged people; the unnamed one gives two ages; four years apart
    two = [b[0], "Her husband, 64-year-old Omar Varsk, was not arrested."]
    assert _articles(a, two) == []
    assert _articles([a[0], "A 25-year-old man was questioned in Carrowmere."], b) == []
    far = ["Carrowmere police on Friday arrested a 65-year-old woman in the killings."]
    assert _articles(far, b) == []


def test_a_surname_spelled_with_a_letter_added_is_a_contradiction():
    a = ["On Friday, 36-year-old Oren Taldaqe died after slipping and falling from a ridge."]
    b = ["A day earlier 36-year-old Oren Taldaq was killed after slipping and falling from a ridge."]
    assert ("name", "Oren Taldaqe vs Oren Taldaq") in _articles(a, b)
    # an article writing both spellings; a plural
    both = [b[0], "Oren Taldaqe, his cousin, was not hurt."]
    assert not [k for k in _articles(a, both) if k[0] == "name"]
    plural = ["The Taldaqs said Oren Taldaqs was slipping and falling from a ridge."]
    assert not [k for k in _articles(plural, b) if k[0] == "name"]
    # transliterations: a doubled letter, a vowel beside a vowel
    for x, y in [("Oren Taldaq", "Oren Taldaaq"), ("Oren Tuldaq", "Oren Touldaq")]:
        one, other = (
            [f"{x} died after slipping and falling from a ridge."],
            [f"{y} died after slipping and falling."],
        )
        assert not [k for k in _articles(one, other) if k[0] == "name"], (x, y)


def test_a_term_told_by_its_election_year_and_its_last_year_is_office_years():
    elected = (
        "Ada Morrow, a Vessian Democrat who was elected to the Senate in 1966 and served until 1978, died."
    )
    assert _unaligned(
        elected, "Morrow served in the Senate from 1967 to 1979 and chaired the farm committee."
    ) == [("years", "1966–1978 vs 1967–1979")]
    # another office; a life's years (the holder's name is no office word, a term lies within a life)
    assert _unaligned("Ada Morrow was elected mayor in 1966 and served two terms until 1974.", elected) == []
    for term in (elected, "Ada Morrow served in the Senate from 1966 to 1978."):
        assert _unaligned(term, "Ada Morrow (1920-1999) was a Vessian lawyer.") == [], term


def test_intervals_of_sentences_naming_no_one_in_common_are_two_events():
    a = "Fundraising has exceeded the pace set four years ago by the Vessian planners in Carrowmere."
    b = "She recalled the thinking back when the city landed the convention two years ago, Ada Morrow said."
    assert _unaligned(a, b) == []
    # one person named in both: one wedding told two ways
    assert _unaligned(
        "Chela Ortiz, who married the deputy three weeks before he was murdered, spoke.",
        "The deputy was married two weeks ago to his second wife, Chela.",
    ) == [("date", "three weeks before vs two weeks ago")]


def test_one_votes_tally_told_two_ways_is_a_contradiction():
    a = ["The Senate voted 52-48 on Tuesday to confirm Ada Morrow as ambassador."]
    b = ["The Senate confirmed Ada Morrow as ambassador by a vote of 51-49 on Tuesday."]
    assert _articles(a, b) == [("number", "senate vote: 52-48 vs 51-49")]
    for other in [
        # another body, another year, a procedural vote, the same tally written the other way round
        ["The committee confirmed Ada Morrow as ambassador by a vote of 12-9 on Tuesday."],
        ["In 2013 the Senate confirmed Ada Morrow as ambassador by a vote of 51-49."],
        ["In a procedural vote the Senate voted 51-49 to move Ada Morrow's confirmation as ambassador."],
        ["Ada Morrow was confirmed as ambassador by the Senate, 48 to 52, on Tuesday."],
        # two tallies of one body in one article: two votes, none compared
        ["The Senate voted 51-49 to confirm Ada Morrow as ambassador, then voted 60-40 on a bill."],
    ]:
        assert _articles(a, other) == [], other
    # two tallies of one body in one article, in two sentences: two votes
    two = [
        "The Senate voted 55-45 to take up Ada Morrow's nomination as ambassador.",
        "The Senate voted 51-49 to confirm Ada Morrow as ambassador.",
    ]
    assert _articles(a, two) == []


def test_a_sentence_cut_after_a_clock_time_is_read_whole():
    # the splitter cut "... around 10:24 a.m." / "Friday and charged ...": the charge belongs to the age
    named = [
        "Chief Bo Lind said 61-year-old Dana Varsk was arrested around 10:24 a.m.",
        "Friday and charged with two counts of murder in Carrowmere.",
    ]
    unnamed = ["A 60-year-old woman charged with killing two people in Carrowmere was released without bail."]
    assert _articles(unnamed, named) == [("age", "60 vs 61")]
    # a sentence that ends at its clock time and a new one opening with a name stay two
    apart = ["Chief Bo Lind said 61-year-old Dana Varsk was arrested around 10:24 a.m.", "Lind charged her."]
    assert _articles(unnamed, apart) == []


def test_one_holders_start_in_one_office_told_with_two_years_is_a_contradiction():
    opener = "Sen. Ada Morrow of Vessia met donors on Monday."
    a = [opener, "Ada Morrow has represented the district since 1993."]
    b = [opener, "Morrow, who has represented the district since 1995, will not run again."]
    assert _articles(a, b) == [("years", "since 1993 vs since 1995")]
    # the first election and the first year served are two things; another office; another holder
    for other in [
        "Morrow was first elected to represent the district in 1992.",
        "Ada Morrow has served in the Senate since 1995.",
        "Bo Lind has represented the district since 1995.",
        "Bo Morrow has represented the district since 1995.",
    ]:
        assert _articles(a, [opener, other]) == [], other


def test_an_age_in_an_apposition_after_the_name_is_that_persons_age():
    a = ["Ada Morrow, the 74-year-old senator, announced on Monday that she is retiring."]
    b = ["Sen. Ada Morrow, 76, announced on Monday that she is retiring."]
    assert _articles(a, b) == [("age", "74 vs 76")]
    # the age of the person the apposition names, not of the name before it
    c = ["Ada Morrow met Bo Lind, the 16-year-old son of a senator, on Monday."]
    assert _articles(c, b) == []


def test_a_named_persons_age_in_the_shapes_political_news_writes_it():
    b = ["Sen. Ada Morrow, 76, announced on Monday that she is retiring."]
    for a in [
        "The 74-year-old Sen. Ada Morrow announced on Monday that she is retiring.",
        "The 74-year-old former Vice President Ada Morrow announced on Monday that she is retiring.",
        "Ada Morrow (D-Vessia), 74, announced on Monday that she is retiring.",
        "Sen. Ada Morrow, D-Vessia, 74, announced on Monday that she is retiring.",
        "Ada Morrow, who is 74, announced on Monday that she is retiring.",
        "Ada Morrow, aged 74, announced on Monday that she is retiring.",
        "Ada Morrow, 74 years old, announced on Monday that she is retiring.",
    ]:
        assert _articles([a], b) == [("age", "74 vs 76")], a
    # a count after "who is" is no age
    for a in [
        "Ada Morrow, who is 74 percent sure, announced on Monday that she is retiring.",
        "Ada Morrow, who is 74 points behind, announced on Monday that she is retiring.",
    ]:
        assert _articles([a], b) == [], a


def test_one_events_date_with_an_abbreviated_month_or_its_year():
    assert _articles(
        ["The hearing is scheduled for Sept. 27."], ["The hearing is scheduled for Sept. 26."]
    ) == [("date", "Sept. 27 vs Sept. 26")]
    a = ["Ada Morrow announced her campaign on June 16, 2015."]
    assert _articles(a, ["Morrow, who announced her campaign on June 17, 2015, leads the field."]) == [
        ("date", "June 16 vs June 17")
    ]
    # a date of another year; a page's time stamp; "Jan" as a name
    assert _articles(a, ["Morrow, who announced her campaign on June 17, 2011, leads the field."]) == []
    assert (
        _articles(["21 July 2013 Last updated at 11:11 GMT"], ["22 July 2013 Last updated at 17:50 GMT"])
        == []
    )
    assert _articles(["Jan Morrow announced her campaign on Monday."], a) == []


def test_dates_of_two_events_of_one_story_never_contradict():
    for a, b in [
        # weeks apart (a trial and a sentencing), another person's arrest, two parties' primaries
        ("Trial is set for June 17 for Ada Morrow.", "Sentencing is set for Nov. 8 for Ada Morrow."),
        (
            "Another player, Bo Lind, was arrested early Jan. 6 on Route 52.",
            "Ada Morrow was arrested Jan. 9 on Route 52.",
        ),
        (
            "The Democratic race moves to Vessia, which holds a primary on Feb. 27.",
            "Vessia holds its GOP primary on Feb. 20.",
        ),
        # a verb in common and no one named in both
        (
            "The campaign moves to Vessia, which holds its primary Feb. 20.",
            "After that, 11 states hold contests on March 1.",
        ),
    ]:
        assert _articles([a], [b]) == [], (a, b)


def test_one_persons_birth_year_told_two_ways_is_a_contradiction():
    a = ["Ada Morrow was born in 1941 in Carrowmere."]
    assert _articles(a, ["Ada Morrow, who was born in 1943, grew up in Lindvale."]) == [
        ("years", "born in 1941 vs born in 1943")
    ]
    assert _articles(a, ["Bo Lind, who was born in 1943, grew up in Lindvale."]) == []
    # another person of the surname (a son), named with his given name
    assert _articles(a, ["Her son, Bo Morrow, was born in 1965."]) == []


def test_a_clock_time_rounded_to_a_quarter_hour_is_no_disagreement():
    a = ["The first call came at 3:33 a.m., a Carrowmere spokesman said."]
    assert _articles(a, ["The first call came at 3:30 a.m. from a neighbour."]) == []
    assert (
        _articles(["The fire broke out at around 9 p.m. in Carrowmere."], ["The fire broke out at 8:49 p.m."])
        == []
    )
    # a minute that is no rounding of the other, or further than rounding goes
    assert _articles(a, ["The first call came at 3:40 a.m. from a neighbour."]) == [
        ("time", "3:33 a.m. vs 3:40 a.m.")
    ]
    assert _articles(a, ["The first call came at 3:45 a.m. from a neighbour."]) == [
        ("time", "3:33 a.m. vs 3:45 a.m.")
    ]


def test_two_numbered_events_and_two_remarks_are_no_date_contradiction():
    for a, b in [
        (
            "The candidates will meet in the second debate on Oct. 9.",
            "The candidates will meet in the third debate on Oct. 19.",
        ),
        (
            "Ada Morrow tweeted on Aug. 1 that the race was rigged.",
            "Ada Morrow tweeted on Aug. 3 that the press was unfair.",
        ),
    ]:
        assert _articles([a], [b]) == [], (a, b)
        assert _pair(a, b) == [], (a, b)  # grouped by alignment, too


def test_a_second_letter_and_a_courts_earlier_ruling_are_other_events():
    a = ["Ada Morrow sent a letter to the committee on Oct. 28 about the emails."]
    b = ["Ada Morrow sent a second letter to the committee on Nov. 6 about the emails."]
    assert _articles(a, b) == []
    c = ["The Supreme Court ruled 5-4 in the health care case."]
    d = ["The Supreme Court ruled 6-3 to uphold the health care subsidies."]
    assert _articles(c, d) == []


def test_counts_of_votes_run_on_while_reported_and_never_contradict_as_told_wrong():
    a = ["Ada Morrow won 306 electoral votes in November."]
    assert _articles(a, ["Ada Morrow won 304 electoral votes in November."]) == []
    # another unit, told two ways that close, still is
    assert _articles(["Ada Morrow now has 2,106 points."], ["Ada Morrow now has 2,116 points."]) == [
        ("number", "point: 2,106 points vs 2,116 points")
    ]


def test_a_count_needed_for_a_goal_is_no_report_against_a_plan():
    # "needed to qualify" says what the count is for: the sentence tells nothing that happened
    a = ["Rivals hope to keep Ada Morrow from the 1,450 signatures needed to qualify for the ballot."]
    b = ["Ada Morrow will fail to gather the 1,405 signatures needed to qualify for the ballot."]
    assert _articles(a, b) == [("number", "signatur: 1,450 signatures vs 1,405 signatures")]
    # a count that was gathered against one still to come: two moments
    a = ["Ada Morrow gathered 1,450 signatures to qualify for the ballot."]
    assert _articles(a, b) == []


def _spoken_against(a_sentence, b_sentence):
    """Kinds flagged between an outlet's sentence and one the quote stage holds as speech whole."""
    import numpy as np

    from newsprism.compare.alignment import Alignment
    from newsprism.compare.contradictions import find_contradictions

    sts = [
        Statement(id="s0", article_id="a", text=a_sentence, span=Span(0, len(a_sentence))),
        Statement(id="s1", article_id="b", text=b_sentence, span=Span(0, len(b_sentence)), quote_id="q1"),
    ]
    apart = Alignment(groups=((0,), (1,)), conflicts=(), sims=np.eye(2, dtype=np.float32))
    texts = {"a": a_sentence, "b": b_sentence}
    return [(c.kind, c.note) for c in find_contradictions(sts, apart, texts, min_shared=2)]


def test_a_date_opening_a_spoken_sentence_is_the_outlets():
    a = "Whatever the result in Vessia and Carrowmere, which holds a primary on May 21, the race goes on."
    b = 'Finally, with Carrowmere\'s May 14 primary looming, Mayor Ada Morrow wrote on Monday, "We are ready."'
    assert _spoken_against(a, b) == [("date", "May 21 vs May 14")]
    # a date inside someone's words stays theirs
    b = 'After Ada Morrow said Carrowmere\'s May 14 primary was safe, the mayor wrote on Monday, "We are ready."'
    assert _spoken_against(a, b) == []
