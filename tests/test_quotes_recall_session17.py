"""Quote recall and precision, session 17 (issue 16): double marks typed as two straight single
marks, and clauses that report nothing. Fictional texts, parsed with the bundled model."""

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
    [span] = find_marked_spans(text)
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
