from newsprism.compare.tallies import same_vote, tallies


def _read(text):
    return [(body, value) for body, value, *_ in tallies(text)]


def test_a_tally_is_read_next_to_a_word_of_voting_and_keyed_by_its_body():
    assert _read("The Senate voted 52-48 on Tuesday to confirm Ada Morrow.") == [("senate vote", "52-48")]
    assert _read("The House passed the bill by a vote of 217 to 213.") == [("house vote", "217-213")]
    assert _read("The measure passed the House 219-212 late Thursday.") == [("house vote", "219-212")]
    assert _read("Ada Morrow was confirmed 48 to 52.") == [("vote", "52-48")]  # for and against, either order
    # one body's tally each, the body named last before it
    assert _read("The committee voted 12-9, then the Senate voted 52-48.") == [
        ("committee vote", "12-9"),
        ("senate vote", "52-48"),
    ]


def test_scores_ratios_ages_ranges_and_two_votes_of_one_body_are_no_tally():
    for text in [
        "The Lions beat the Bears 21-17 on Sunday.",
        "Voters backed her by a 2-1 margin.",
        "A Rock the Vote survey of those 18 to 35 years old was released.",
        "Turnout among voters was 18-34 percent.",
        "Tickets for the vote cost $10-12.",
        "The House voted 230-197 and 228-199 on two bills.",
        "The 2015-16 session voted on nothing.",
    ]:
        assert _read(text) == [], text


def test_two_sentences_tell_one_vote_when_they_share_what_was_voted_on():
    a = "The Senate voted 52-48 to confirm Ada Morrow."
    assert same_vote(a, "The Senate confirmed Ada Morrow by a vote of 51-49.")
    # nothing in common but the vote; a procedural vote against the final one
    assert not same_vote(a, "The Senate voted 51-49 on Tuesday.")
    assert not same_vote(a, "In a procedural vote, the Senate voted 51-49 to move Ada Morrow's confirmation.")
    # a vote to advance (or end debate on) a nomination and the vote to confirm; two weekdays
    assert not same_vote(a, "The Senate voted 51-49 to end debate on the nomination of Ada Morrow.")
    assert not same_vote(
        "The Senate voted 51-49 on Friday on Ada Morrow.",
        "The Senate confirmed Ada Morrow 50-48 on Saturday.",
    )
