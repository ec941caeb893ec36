from newsprism.clean import clean_document
from newsprism.clean.classify import line_reason
from newsprism.model import Document

RAW = """Truth, Honesty, Tides.

Bridge closure strands commuters in Farrowby

Bridge closure strands commuters in Farrowby
Published: June 3, 2025
By Mira Tallis

A crane lifts a beam off the Farrowby bridge deck on Monday. Photo: Ode Lark / Farrowby Tribune

FARROWBY (Coastline Press) - The Farrowby bridge will stay closed for at least ten days, the county engineer [said](#) on Tuesday, after inspectors found cracks in two support beams.

Commuters were told to use the ferry, which the county said would run every twenty minutes until the bridge reopens, a plan residents have firmly rejected. rejected.

"We cannot take chances with a structure that carries

nine thousand cars a day," engineer Pell Odari said.

READ MORE:

Repairs and costs

The county has set aside two million euros for the work.

Related article: [Farrowby council meets on bridge](#)

Coastline Press contributed to this report.

This is a developing story. Please check back here for updates.

Mira Tallis

Mira Tallis is the Tribune's transport reporter and has covered the county since 2019.

© 2025 Farrowby Tribune. All rights reserved.

Original url:

<https://farrowby-tribune.example/2025/06/03/bridge-closure>
"""


def _clean(raw=RAW, **kw):
    return clean_document(Document(path="t.txt", raw=raw, format="text", **kw))


def test_metadata_is_read_from_the_lines_removed():
    art = _clean()
    assert art.title == "Bridge closure strands commuters in Farrowby"
    assert art.author == "Mira Tallis"
    assert art.published == "2025-06-03" and art.published_source == "text-date-line"
    assert art.url == "https://farrowby-tribune.example/2025/06/03/bridge-closure"
    assert art.outlet == "Farrowby Tribune"
    assert set(art.credits) == {"Coastline Press"}


def test_each_junk_line_goes_with_its_reason():
    reasons = {r.text: r.reason for r in _clean().removed}
    assert reasons["Truth, Honesty, Tides."] == "slogan or site name"
    assert reasons["Bridge closure strands commuters in Farrowby"] in {"title", "duplicated title"}
    assert reasons["Published: June 3, 2025"] == "date line"
    assert reasons["By Mira Tallis"] == "byline"
    assert reasons["READ MORE:"] == "read-more link"
    assert reasons["Coastline Press contributed to this report."] == "credit line"
    assert reasons["Mira Tallis"] == "byline"
    assert reasons["© 2025 Farrowby Tribune. All rights reserved."] == "copyright notice"
    assert (
        reasons["This is a developing story. Please check back here for updates."]
        == "developing-story notice"
    )
    assert reasons["Related article: [Farrowby council meets on bridge](#)"] == "related-article link"
    caption = (
        "A crane lifts a beam off the Farrowby bridge deck on Monday. Photo: Ode Lark / Farrowby Tribune"
    )
    assert reasons[caption].startswith("photo caption")
    assert any(r.reason == "author bio" for r in _clean().removed)


def test_body_survives_with_inline_repairs():
    text = _clean().text
    paragraphs = text.split("\n\n")
    assert paragraphs[0].startswith("The Farrowby bridge will stay closed")  # dateline cut
    assert "the county engineer said on Tuesday" in paragraphs[0]  # markdown link syntax cut
    assert paragraphs[1].endswith("firmly rejected.")  # repeat collapsed
    assert '"We cannot take chances with a structure that carries nine thousand cars a day," engineer' in text
    assert paragraphs[-1] == "The county has set aside two million euros for the work."
    assert len(paragraphs) == 5
    for junk in ("READ MORE", "contributed", "developing story", "©", "Original url", "Photo:"):
        assert junk not in text


def test_every_cleaned_character_maps_back_to_the_raw_input():
    art = _clean()
    for i, ch in enumerate(art.text):
        raw_ch = art.raw[art.offsets.to_raw(i)]
        if ch.strip():
            assert raw_ch == ch, (i, ch, raw_ch)
    quote = art.text.index("nine thousand")
    start, end = art.offsets.span_to_raw(quote, quote + len("nine thousand cars"))
    assert art.raw[start:end] == "nine thousand cars"


def test_every_removal_points_at_its_raw_text():
    art = _clean()
    for r in art.removed:
        assert art.raw[r.raw_start : r.raw_end] == r.text


def test_paragraph_spans_cover_the_paragraphs():
    art = _clean()
    assert [art.text[p.start : p.end] for p in art.paragraphs] == art.text.split("\n\n")


def test_known_metadata_wins_and_typographic_quotes_are_folded():
    art = _clean("Headline of the piece here\n\nHe said „yes‟ to the plan\u00a0today.\n", title="Given title")
    assert art.title == "Given title"
    assert "“yes“" in art.text and "\u00a0" not in art.text


def test_prose_is_never_a_junk_line():
    prose = "Russia has said it reserves the right to retaliate, and officials said more drones were found."
    assert line_reason(prose) is None
    assert line_reason("Share this article") == "share or navigation widget"
    assert line_reason("still-image-taken-from-video-shows-a-flying-object") == "image file name"


def test_a_pointer_to_a_writers_social_account_is_a_page_element():
    assert line_reason("Follow Mira Tallis on Twitter @mtallis.") == "social account pointer"
    assert line_reason("You can follow her on Instagram") == "social account pointer"
    for prose in (
        "Follow the river path to the bridge and turn left at the mill.",
        "Followers on Twitter mocked the mayor's plan for the harbour.",
        "Follow Varga on Twitter, the campaign urged supporters at the rally in Lorn on Monday night.",
    ):
        assert line_reason(prose) is None


def test_ids_come_from_content():
    assert _clean().id == _clean().id
    assert _clean().id != _clean(RAW + "\nOne more line of body text that is long enough to count.").id


def test_subheadings_stay_as_marked_paragraphs():
    art = _clean()
    start = art.text.index("Repairs and costs")
    assert art.text[start - 2 : start] == "\n\n"  # its own paragraph, not joined to the quote
    assert art.in_heading(start, start + len("Repairs and costs"))
    assert [art.text[h.start : h.end] for h in art.headings] == ["Repairs and costs"]
    assert not art.in_heading(0, 10)


def test_embedded_post_markup_is_cut_and_recorded():
    raw = (
        "Farrowby bridge shut for ten days\n\n"
        "The Farrowby bridge will stay closed for at least ten days, the county engineer said on Tuesday.\n\n"
        "The mayor of Farrowby answered on social media within the hour.\n\n"
        '<tweet tweet-id="1234567"><tweet/>\n\n'
        'The ferry runs all night. pic.twitter.com/Ab3dE9 — Pell Odari (@pellodari) <tweet pic="" author="x">June 3, 2025</tweet>\n\n'
        'Officials said repairs would start soon, <a href="http://example.test">video</a> shows.'
    )
    art = _clean(raw)
    assert "<" not in art.text and "pic.twitter" not in art.text
    assert "The ferry runs all night. — Pell Odari (@pellodari) June 3, 2025" in art.text
    assert "repairs would start soon, video shows." in art.text
    reasons = {r.text: r.reason for r in art.removed}
    assert reasons['<tweet tweet-id="1234567">'] == "markup tag" and reasons["</tweet>"] == "markup tag"
    assert reasons[" pic.twitter.com/Ab3dE9"] == "embedded post link"


def test_a_tag_cut_at_a_line_end_keeps_every_span_inside_the_text():
    art = _clean("<script>alert(1)</script> <svg><p>")  # the cut leaves a trailing space the text drops
    assert art.text == "alert(1)"
    assert art.headings or art.paragraphs
    for span in (*art.headings, *art.paragraphs):
        assert 0 <= span.start <= span.end <= len(art.text)


def _clean_text(raw: str):
    return clean_document(Document(path="story.txt", raw=raw, format="text"))


def test_quote_end_after_spaced_stop_is_prose_not_heading():
    # One sentence per line, a closing quote set off by a space after the stop ("hard. \""):
    # the end of a quotation, which must stay a sentence for the quote finder.
    raw = (
        "Ferry service to Ostrel resumes after storm\n"
        "The ferry to Ostrel sailed again on Friday after three days in port, the operator said.\n"
        '"We waited, but to me it was too hard. "\n'
        "Captain Ilse Varro said the crossing took forty minutes.\n"
        '"No. "\n'
        "Repairs and timetables\n"
    )
    art = _clean_text(raw)
    heads = [art.text[h.start : h.end] for h in art.headings]
    assert '"We waited, but to me it was too hard. "' in art.text
    assert not any("too hard" in h or h.startswith('"No') for h in heads)
    assert heads == ["Repairs and timetables"]  # a real subheading is still marked


def test_quoted_capital_slogan_and_bracketed_label_stay_headings():
    raw = (
        "Harbour board votes on Ostrel pier\n"
        "The harbour board of Ostrel voted on Tuesday to rebuild the old pier by next spring.\n"
        "“NOT ON OUR SHORE”\n"
        "Residents who opposed the plan gathered outside the hall for most of the evening.\n"
        "(BEGIN VIDEO CLIP.)\n"
        "The vote was seven to two, with one member absent from the meeting.\n"
    )
    art = _clean_text(raw)
    assert [art.text[h.start : h.end] for h in art.headings] == ["“NOT ON OUR SHORE”", "(BEGIN VIDEO CLIP.)"]


def test_lead_sentence_ending_in_a_quote_is_not_taken_for_the_title():
    # The headline is printed with a full stop; the lead ends with an exclamation inside
    # quotes. Nothing after the first finished sentence may be taken for the title.
    lead = (
        "Last week, when I asked the mayor of Ostrel whether she would ever back the pier, "
        'she looked straight at my notebook and said, "I will back YOU!"'
    )
    raw = f"Mayor's 'endorsement' for a reporter.\n\n{lead}\n\nIt was one of our odder exchanges.\n"
    art = _clean_text(raw)
    assert lead in art.text
    assert "Mayor's 'endorsement' for a reporter." in art.text
    assert not [r for r in art.removed if r.reason == "title"]


def test_question_headline_is_still_the_title():
    raw = "Will the Ostrel pier open by spring?\n\nThe harbour board says work starts next month.\n"
    art = _clean_text(raw)
    assert art.title == "Will the Ostrel pier open by spring?"
    assert "Will the Ostrel pier" not in art.text


def test_a_headline_with_a_full_stop_is_the_title_when_printed_twice_at_once():
    body = "The harbour board of Ostrel voted on Tuesday to rebuild the old pier by next spring.\n"
    twice = _clean_text(
        f"Board votes to rebuild the old pier.\n\nBoard votes to rebuild the old pier.\n\n{body}"
    )
    assert twice.title == "Board votes to rebuild the old pier."
    assert "Board votes" not in twice.text
    # Printed once, a line with a stop stays in the text, title case or not: its sentences and
    # quotes are the article's (a headline's quote, a fact only the headline states).
    for once in ("The board voted to rebuild the old pier.", "Harbour Board Votes To Rebuild The Old Pier."):
        art = _clean_text(f"{once}\n\n{body}")
        assert art.title != once and once in art.text


PROMO_TAIL = """Harbour council votes to close the pier

The Farrowby council voted on Tuesday to close the old pier for a year while engineers decide whether the timber can be saved.

Listen to our analysis of Tuesday's vote in the podcast embedded above. Subscribe here.

Residents said the pier had been part of the town for a century and that they would fight the decision at the next meeting.

\ufeffAlso on Farrowby Tribune:

Piers of the Coast.

1.

of.

12.

Cllr. Ada Vell (Harbour Party) — Elected May 3, 2015
Vell left the council June 1, 2018.
"""


def test_a_promo_heading_takes_the_short_lines_after_it_and_an_embed_pointer_goes():
    art = _clean(PROMO_TAIL)
    reasons = {r.text: r.reason for r in art.removed}
    assert art.text.endswith("would fight the decision at the next meeting.")
    assert "Vell" not in art.text and "Piers of the Coast" not in art.text
    assert reasons["Vell left the council June 1, 2018."] == "related-content block"
    assert "podcast" not in art.text
    # Prose after the heading keeps the heading's block in the article: it was no page furniture.
    kept = _clean(
        PROMO_TAIL.replace("Piers of the Coast.", "The council " + "met again and voted " * 5 + "today.")
    )
    assert "Vell left the council" in kept.text
