from newsprism.compare.births import birth_years


def _read(text):
    return [(key, int(value.split("|")[0])) for key, value, *_ in birth_years(text)]


def test_a_birth_year_is_read_next_to_the_persons_name():
    for text in [
        "Ada Morrow was born in 1941.",
        "Morrow, who was born on June 3, 1941, in Carrowmere, died.",
        "Ada Morrow (born 1941) spoke.",
        "Ada Morrow (D-Vessia), who was born in 1941, spoke.",
    ]:
        assert _read(text) == [("morrow|born", 1941)], text


def test_a_birth_year_of_someone_the_name_does_not_stand_next_to_is_not_read():
    for text in [
        "Reeves, the judge, is a Vessian who was born in 1964.",  # the apposition's noun, not a name
        "Ada Morrow noted that two-thirds of people were born after 1975.",
        "Children born in 2001 are now adults.",  # a common word opening the sentence
        "Ada Morrow, born 1941-2019, spoke.",
    ]:
        assert _read(text) == [], text
