"""Quote recall and precision, session 17 (issue 16): double marks typed as two straight single
marks, and clauses that report nothing. Fictional texts, parsed with the bundled model."""

from newsprism.clean import clean_document
from newsprism.model import Document
from newsprism.quotes.marks import find_marked_spans, typed_doubles
from tests.quote_helpers import quotes_of


def _marked(text: str) -> list[str]:
    return [text[m.inner.start : m.inner.end] for m in find_marked_spans(text)]


def test_two_single_marks_typed_for_a_double_mark_are_one_quote():
    text = "''We will not back down,'' said Ann Lee. She called him ''Sly Sam'' twice."
    assert _marked(text) == ["We will not back down,", "Sly Sam"]


def test_an_apostrophe_inside_a_typed_double_quote_stays_a_letter():
    text = "He never said ''Lyin' Lou'' again."
    assert _marked(text) == ["Lyin' Lou"]


def test_a_third_single_mark_beside_a_typed_double_is_a_quote_within_it():
    text = "''He told me, 'Go home,''' she said."
    span, nested = find_marked_spans(text)
    assert not nested.double and text[nested.inner.start : nested.inner.end] == "Go home,"
    assert text[span.span.start : span.span.end] == "''He told me, 'Go home,'''"
    assert text[span.inner.start : span.inner.end] == "He told me, 'Go home,'"


def test_a_typed_double_quote_continued_in_the_next_paragraph_is_one_run():
    text = "''The plan is sound.\n\n''It will pass,'' Ann Lee said."
    spans = find_marked_spans(text)
    assert len(spans) == 2 and spans[0].run is not None and spans[0].run == spans[1].run


def test_typed_doubles_keep_offsets_and_leave_lone_apostrophes():
    text = "The players' union said ''no.''"
    masked = typed_doubles(text)
    assert len(masked) == len(text) and masked[:20] == text[:20]


def test_a_typed_double_quote_with_its_tag_is_a_direct_quote(nlp):
    quotes = quotes_of(nlp, "''The budget is a disgrace,'' said Dale Morrow, the council leader.")
    [q] = [q for q in quotes if q.kind == "direct"]
    assert q.text == "The budget is a disgrace,"
    assert q.speaker.canonical == "Dale Morrow"


def test_a_clause_of_time_after_a_speech_verb_is_no_report(nlp):
    quotes = quotes_of(
        nlp, "Lee Morton, a critic of the council, said before Jane Hill appeared on the scene."
    )
    assert [q for q in quotes if q.kind == "indirect"] == []


def test_a_clause_the_speech_verb_governs_is_still_reported(nlp):
    quotes = quotes_of(nlp, "Lee Morton said that Jane Hill appeared on the scene before noon.")
    assert [q.text for q in quotes if q.kind == "indirect"] == ["Jane Hill appeared on the scene before noon"]


def test_a_later_tag_reports_its_own_clause_not_the_earlier_quote_and_tag(nlp):
    text = (
        "“We will bury him on Friday,” said Gil Monroe, a pastor who is working with the family; "
        "the hour had yet to be set, he said."
    )
    indirect = [q.text for q in quotes_of(nlp, text) if q.kind == "indirect"]
    assert indirect == ["the hour had yet to be set"]


def test_a_cue_in_a_fronted_when_clause_reports_no_main_clause(nlp):
    text = "When the verdict was finally announced a collective gasp was followed by cries and sobs."
    assert list(quotes_of(nlp, text)) == []


def test_a_cue_in_a_fronted_when_clause_reports_its_that_clause(nlp):
    text = "When the director, Jim Crane, said on Tuesday that his staff had no proof, experts understood."
    [q] = [q for q in quotes_of(nlp, text) if q.kind == "indirect"]
    assert q.text == "his staff had no proof"


def test_as_tags_still_report(nlp):
    quotes = quotes_of(nlp, "As Greg Morton said on Thursday, the plan will fail in the spring.")
    assert any(q.kind == "indirect" and "the plan will fail" in q.text for q in quotes)


def test_quoted_words_naming_where_something_was_said_are_no_quote(nlp):
    text = (
        "Rollo Telecom said in an e-mailed “network status update,” adding that it is restoring all services."
    )
    quotes = quotes_of(nlp, text)
    assert [q.text for q in quotes] == ["it is restoring all services"]


def test_a_sentence_like_title_after_a_work_noun_is_no_quote(nlp):
    text = "Pat Dunn, author of the 2005 book “The Long Night: High Times and Low Deals at the Fair.”"
    assert list(quotes_of(nlp, text)) == []


def test_a_title_with_the_writers_comma_inside_the_marks_is_no_quote(nlp):
    text = "Actor Leo Dean, who earned praise for his work in “Silver River Blues,” said the strike hurts everyone."
    quotes = quotes_of(nlp, text)
    assert [q.kind for q in quotes] == ["indirect"]
    assert quotes[0].text == "the strike hurts everyone"


def test_a_later_tag_reports_every_part_of_a_sentence_without_quote_marks(nlp):
    text = "A clerk of the store was also hurt; he refused medical care, the spokeswoman said."
    [q] = [q for q in quotes_of(nlp, text) if q.kind == "indirect"]
    assert q.text.startswith("A clerk of the store")


def test_a_quote_left_open_runs_over_single_lines_up_to_its_continuation():
    text = (
        "“I was at home,” said Mary Jones.\n“People stood on cars.\nI saw them take garbage.\n"
        "They threw rocks.\n“I said, ‘Oh my!’” she said.\nThe march ended at nine."
    )
    spans = find_marked_spans(text)
    inner = [text[m.inner.start : m.inner.end] for m in spans]
    assert inner[1] == "People stood on cars.\nI saw them take garbage.\nThey threw rocks."
    assert spans[1].run is not None and spans[1].run == spans[2].run


def test_an_open_quote_does_not_run_over_a_paragraph_of_prose():
    prose = "The police came at nine and stayed until the last of the marchers had gone home, " * 2
    text = f"“People stood on cars.\n\n{prose.strip()}\n\n“I said, ‘Oh my!’” she said."
    assert _marked(text) == ["People stood on cars.", "I said, ‘Oh my!’"]


def test_short_lines_after_an_open_quote_line_set_apart_by_blank_lines_are_its_own():
    text = "“People stood on cars.\n\nI saw them take garbage.\n\n“I said, ‘Oh my!’” she said."
    assert _marked(text) == ["People stood on cars.\n\nI saw them take garbage.", "I said, ‘Oh my!’"]


def test_a_cue_in_a_fronted_while_clause_reports_its_complement(nlp):
    text = (
        "While the top candidates of both parties say the nation must lead the fight, they differ by degree."
    )
    assert any(
        q.kind == "indirect" and q.text.startswith("the nation must lead") for q in quotes_of(nlp, text)
    )


def test_according_to_inside_a_report_is_the_speakers_hedge(nlp):
    text = "Kay Sims said that according to her reading, the rules require a named source of harm."
    [q] = [q for q in quotes_of(nlp, text) if q.kind == "indirect"]
    assert q.speaker.canonical == "Kay Sims" and "the rules require" in q.text


def test_a_report_inside_an_according_to_sentence_is_a_quote_of_its_own(nlp):
    text = (
        "According to authorities, the teenager told police he was with a group of friends down the street."
    )
    quotes = [q for q in quotes_of(nlp, text) if q.kind == "indirect"]
    assert {q.text for q in quotes} == {
        "the teenager told police he was with a group of friends down the street",
        "he was with a group of friends down the street",
    }


def test_a_quote_line_with_its_tag_and_no_stop_is_no_heading():
    raw = (
        "Ferry service to Ostrel resumes after storm\n"
        "The ferry to Ostrel sailed again on Friday after three days in port, the operator said.\n"
        "“It matters that the route was lost,” he said\n"
        "Captain Ilse Varro said the crossing took forty minutes.\n"
        "Repairs and timetables\n"
    )
    art = clean_document(Document(path="ferry.txt", raw=raw, format="text"))
    heads = [art.text[h.start : h.end] for h in art.headings]
    assert "“It matters that the route was lost,” he said" in art.text
    assert heads == ["Repairs and timetables"]


def test_a_report_in_a_condition_nobody_met_is_no_quote(nlp):
    text = "But had you told me in 1999 that his record would fall within three seasons, I would have bet against it."
    assert [q for q in quotes_of(nlp, text) if q.kind == "indirect"] == []


def test_a_plain_past_perfect_report_stays_a_quote(nlp):
    text = "The coach had told reporters that his record would fall within three seasons."
    assert any(q.kind == "indirect" for q in quotes_of(nlp, text))


def test_a_that_clause_hung_on_the_noun_of_where_it_was_said_is_the_report(nlp):
    text = (
        "Mr. Dale, who has both praised Mr. Lund and criticized his staff, offered a cool embrace on "
        "Tuesday, stressing in his remarks that Mr. Lund would sign laws passed by the Senate."
    )
    [q] = [q for q in quotes_of(nlp, text) if q.kind == "indirect" and "sign laws" in q.text]
    assert q.text == "Mr. Lund would sign laws passed by the Senate"


def test_a_nouns_own_that_clause_is_still_no_report(nlp):
    assert list(quotes_of(nlp, "Ann Lee responded to the revelation that she had lied about the vote.")) == []


def test_according_to_a_source_the_parser_read_as_a_verb_phrase(nlp):
    text = "As a boss on “The Showroom,” Carl Lund repeatedly demeaned women with crude language, according to show insiders."
    [q] = [q for q in quotes_of(nlp, text) if q.kind == "indirect"]
    assert q.method.startswith("according-to") and "demeaned women" in q.text


def test_a_claim_nouns_that_clause_after_a_medium_preposition_is_no_report(nlp):
    text = "Jon Nix is firing back at accusations that he is spreading lies about the plan for the park."
    assert list(quotes_of(nlp, text)) == []


def test_a_verb_that_reports_a_clause_makes_no_second_mixed_quote(nlp):
    text = "He told the station’s “Morning” show on Friday that he was not rude and that he has nothing to regret."
    indirect = [q.text for q in quotes_of(nlp, text) if q.kind == "indirect"]
    assert indirect == ["he was not rude and that he has nothing to regret"]


def test_the_fact_that_after_a_pointing_verb_is_no_report(nlp):
    text = "Jane Hill sought to brush aside her loss, pointing to a big win in Ohio and the fact that she won more delegates."
    assert not any(q.text.startswith("she won more delegates") for q in quotes_of(nlp, text))
