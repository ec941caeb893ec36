"""The cleaner loses no body text: rules that could match a sentence need more than their pattern."""

from newsprism.clean import clean_document
from newsprism.clean.detok import compose, detokenise, is_pretokenised
from newsprism.model import Document, OffsetMap
from newsprism.settings import CleanSettings


def _clean(raw: str, **kw) -> object:
    return clean_document(Document(path="t.txt", raw=raw, format="text", **kw))


def _removed(art) -> dict[str, str]:
    return {r.text: r.reason for r in art.removed if r.reason != "line break inside a paragraph"}


def test_pretokenised_text_is_detokenised_and_maps_back():
    raw = (
        "Ferry union calls two-day strike\n"
        "The union said , `` We are n't going back . '' It is the crew 's third strike ( in a year ) .\n"
        'Talks will resume on " Thursday " , the county said .\n'
    )
    assert is_pretokenised(raw, CleanSettings())
    art = _clean(raw)
    assert art.title == "Ferry union calls two-day strike"
    assert "The union said, “We aren't going back.” It is the crew's third strike (in a year)." in art.text
    assert 'Talks will resume on "Thursday", the county said.' in art.text
    for i, ch in enumerate(art.text):
        if ch.strip() and ch not in "“”":
            assert art.raw[art.offsets.to_raw(i)] == ch
    for r in art.removed:
        assert art.raw[r.raw_start : r.raw_end] == r.text


def test_typed_text_is_not_taken_for_tokens():
    raw = "A title for the piece\n\nThe mayor said the plan , as drafted, was fine. Others disagreed.\n"
    assert not is_pretokenised(raw, CleanSettings())


def test_written_out_line_breaks_and_quotes_are_read_as_such():
    art = _clean(
        'Harbour strike ends after talks\\n\\nThe dockers voted on Friday.\\n\\n\\"We won,\\" one said.'
    )
    assert art.text == 'The dockers voted on Friday.\n\n"We won," one said.'
    assert "\\" not in art.text


def test_a_body_sentence_is_never_the_title():
    raw = (
        "The council voted on Monday to close the old bridge for repairs that will last a month.\n"
        "Commuters will take the ferry, officials said\n"
        "Repairs start next week.\n"
    )
    art = _clean(raw)
    assert art.title is None
    assert "Commuters will take the ferry, officials said" in art.text


def test_a_quoted_sentence_or_a_repeated_one_is_not_the_title():
    quoted = "In a statement, the club confirmed, “The captain has left the team for good.”\nShe is well.\n"
    assert _clean(quoted).title is None
    twice = (
        "Short headline over the story\nThe mayor resigned today.\nThe mayor resigned today.\nMore later.\n"
    )
    art = _clean(twice)
    assert art.title == "Short headline over the story"
    assert art.text.count("The mayor resigned today.") >= 1


def test_prose_that_starts_like_a_caption_or_a_byline_stays():
    raw = (
        "Farrowby rowing club wins again at home\n\n"
        "Top-seeded Farrowby waited for its captain to set a record, then rowed to an easy win.\n\n"
        "By nightfall, the crews on the quay had gone home for the day.\n\n"
        "By Ana de Vries\n"
    )
    art = _clean(raw)
    assert "Top-seeded Farrowby" in art.text and "By nightfall, the crews" in art.text
    assert _removed(art)["By Ana de Vries"] == "byline"


def test_agency_datelines_become_credits():
    for raw in (
        "Harbour board blames contractor for flood\n\nFARROWBY, June 4 (Coastline Press) - The board said on Thursday it was sure.\n",
        "Harbour board blames contractor for flood\n\nFARROWBY ( Coastline Press ) - The board said , on Thursday , it was sure .\n",
        "Harbour board blames contractor for flood\n\n(Coastline Press) -\nThe board said on Thursday that it was sure of it.\n",
    ):
        art = _clean(raw)
        assert art.credits == ("Coastline Press",)
        assert art.text.startswith("The board said")
        assert "dateline" in _removed(art).values()


def test_a_lone_headline_like_sentence_is_the_article():
    art = _clean("Thieves empty the Farrowby museum's coin room in the county's biggest theft this year\n")
    assert art.text.startswith("Thieves empty")


def test_decks_below_the_title_stay_as_headings():
    raw = "Storm cuts power to the county\nThousands without light overnight\nCrews worked through the night to restore the lines to every village.\n"
    art = _clean(raw)
    assert art.title == "Storm cuts power to the county"
    assert art.text.startswith("Thousands without light overnight")
    assert [art.text[h.start : h.end] for h in art.headings] == ["Thousands without light overnight"]


def test_links_listed_in_the_body_stay_and_trailing_ones_go():
    raw = (
        "Five gifts for the holidays this year\n\n"
        "Here are the gifts we picked for this year's list of presents, with where to buy them.\n\n"
        "1) A puzzle\n\nhttps://shop.example/1\n\n2) A lamp\n\nhttps://shop.example/2\n\n"
        "Prices were checked on Monday, and they may have changed since then for some items.\n\n"
        "https://tracker.example/x\n"
    )
    art = _clean(raw)
    assert "https://shop.example/1" in art.text and "https://shop.example/2" in art.text
    assert _removed(art)["https://tracker.example/x"] == "URL line"


def test_offset_maps_compose():
    text, inner = detokenise("a , b ( c )", tokens=True)
    assert text == "a, b (c)"
    outer = OffsetMap(((0, 3, 5),))  # "b (c)" taken from the middle text
    raw = "a , b ( c )"
    both = compose(outer, inner)
    assert [raw[both.to_raw(i)] for i in range(5) if "b (c)"[i] != " "] == ["b", "(", "c", ")"]


def test_a_line_per_sentence_keeps_an_unfinished_deck_apart_and_wrapped_text_joins():
    per_line = (
        "Storm cuts power to the county\n"
        "Crews worked through the night on the lines of every village in the valley\n"
        "The county said power would be back by Friday.\n"
        "Schools stay closed until then.\n"
    )
    art = _clean(per_line)
    assert (
        art.text.split("\n\n")[0]
        == "Crews worked through the night on the lines of every village in the valley"
    )
    wrapped = (
        "Storm cuts power to the county\n\n"
        "Crews worked through the night on the lines of every village, the\n"
        "county said, and power would be back by Friday for\n"
        "Farrowby and the villages around it.\n"
    )
    assert "the county said, and power would be back by Friday for Farrowby" in _clean(wrapped).text


def test_times_and_decimals_split_by_a_tokeniser_are_closed_up():
    text, _ = detokenise("It struck at 09 : 30 and measured 4 . 6 , the agency said .")
    assert text == "It struck at 09:30 and measured 4.6, the agency said."
