from newsprism.compare.support import further_support


def _probability(values: dict[tuple[int, int], float]):
    def probability(pairs):
        return [values.get(p, 0.0) for p in pairs]

    return probability


# Three outlets on a harbour reopening. Article a's lead tells two facts at once
# ("The Carrowmere harbour reopened on Monday after the storm, and ferries run again"):
# statement 0, grouped with b's reopening (1). c tells the ferries (3), b too (2).
ARTICLES = ["a", "b", "b", "c"]
GROUPS = ((0, 1), (2, 3))


def test_a_lead_that_tells_two_facts_also_supports_the_second_group():
    # the pair judge accepted the lead with c's ferry statement; c's ferries tell no reopening
    probability = _probability({(0, 3): 0.6, (0, 2): 0.5, (0, 1): 0.8, (2, 3): 0.7, (1, 3): 0.05})
    out = further_support(ARTICLES, GROUPS, [(0, 1), (0, 3), (2, 3)], probability, [], 0.5, mean=0.4)
    assert out == ((0, 1), (0, 2, 3))


def test_a_join_under_the_bar_adds_no_support():
    probability = _probability({(0, 3): 0.3, (0, 2): 0.5, (1, 3): 0.5})
    out = further_support(ARTICLES, GROUPS, [(0, 3)], probability, [], 0.5)
    assert out == GROUPS


def test_a_statement_vetoed_with_a_member_or_weak_on_average_does_not_join():
    probability = _probability({(0, 3): 0.6, (0, 2): 0.1})
    vetoed = [(0, 2), (1, 3)]
    assert further_support(ARTICLES, GROUPS, [(0, 3)], probability, vetoed, 0.5) == GROUPS
    assert further_support(ARTICLES, GROUPS, [(0, 3)], probability, [], 0.5, mean=0.4) == GROUPS


def test_a_group_that_holds_the_article_already_takes_no_second_statement():
    # b's own statement 2 is in the ferry group: b's reopening (1) may not join it as well
    probability = _probability({(1, 3): 0.9, (1, 2): 0.9})
    out = further_support(ARTICLES, GROUPS, [(1, 3)], probability, [], 0.5)
    assert out[1] == (2, 3)


def test_articles_that_share_too_few_groups_are_two_events():
    probability = _probability({(0, 3): 0.6, (0, 2): 0.5, (1, 3): 0.5})
    together = {frozenset(("a", "b")): 1}  # a and c share no group
    out = further_support(ARTICLES, GROUPS, [(0, 3)], probability, [], 0.5, together=together, links=1)
    assert out == GROUPS
    together[frozenset(("a", "c"))] = together[frozenset(("b", "c"))] = 1
    assert further_support(ARTICLES, GROUPS, [(0, 3)], probability, [], 0.5, together=together, links=1) == (
        (0, 1, 3),
        (0, 2, 3),
    )


def test_a_grown_group_inside_another_keeps_its_own_members():
    # 3 alone; 0 joins it, and 3 joins 0's group: {0, 3} is part of {0, 1, 3}, one row is enough
    articles = ["a", "b", "c"]
    groups = ((0, 1), (2,))
    probability = _probability({(0, 2): 0.6, (1, 2): 0.6})
    out = further_support(articles, groups, [(0, 2)], probability, [], 0.5)
    assert out == ((0, 1, 2), (2,))


def test_a_join_that_would_not_confirm_a_group_adds_no_support():
    # "Lowe won Ashby, Brill and Corran" / "Mercer won Ashby, Brill and Dunmore": the model likes
    # the pair, but it shares only the story's occasion, so it does not vouch for the fact
    probability = _probability({(0, 3): 0.6, (0, 2): 0.5, (1, 3): 0.05})
    never = further_support(ARTICLES, GROUPS, [(0, 3)], probability, [], 0.5, vouch=lambda a, b: False)
    assert never == GROUPS
    always = further_support(
        ARTICLES, GROUPS, [(0, 3)], probability, [], 0.5, mean=0.4, vouch=lambda a, b: True
    )
    assert always == ((0, 1), (0, 2, 3))
