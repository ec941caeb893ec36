from newsprism.compare.offices import office_starts


def _read(text):
    return [(key, int(value.split("|")[0])) for key, value, *_ in office_starts(text)]


def test_a_start_in_office_is_keyed_by_its_holder_its_relation_and_its_office():
    assert _read("Ada Morrow of Vessia has served in Congress since 1993.") == [
        ("morrow|since|congress", 1993)
    ]
    assert _read("Bo Lind, who has been in the House since 1995, spoke.") == [("lind|since|house", 1995)]
    assert _read("Morrow was first elected to the Senate in 1992 and re-elected in 1998.") == [
        ("morrow|first elected|senate", 1992)
    ]


def test_no_holder_no_office_or_two_offices_give_no_start():
    for text in [
        "He has been a member of the Senate since 2001.",  # a pronoun: whose start is the article's to tell
        "Ada Morrow has lived in Carrowmere since 1993.",  # no office
        "Ada Morrow has served in the House and the Senate since 1993.",  # two offices
        "Ada Morrow was elected to the Senate in 1992.",  # an election, maybe a re-election
    ]:
        assert _read(text) == [], text


def test_a_post_within_a_body_is_no_start_in_the_body():
    for text in [
        "Ada Morrow has been the Senate's majority leader since 2015.",
        "Ada Morrow has served as chairwoman of the Senate Judiciary Committee since 2015.",
        "Ada Morrow has chaired the Senate Judiciary Committee since 2015.",
    ]:
        assert _read(text) == [], text


def test_the_given_name_before_the_holder_is_kept_to_tell_two_people_of_one_surname():
    assert [v for _, v, *_ in office_starts("Sen. Ada Morrow has served in the Senate since 1993.")] == [
        "1993|ada"
    ]
    assert [v for _, v, *_ in office_starts("Sen. Morrow has served in the Senate since 1993.")] == ["1993|"]
