"""Quote-mark pairing: every style, mixed marks, apostrophes, paragraph continuation (no model)."""

from newsprism.model import Span
from newsprism.quotes.marks import find_marked_spans, paragraph_spans


def _texts(text: str) -> list[str]:
    return [text[m.inner.start : m.inner.end] for m in find_marked_spans(text)]


def test_each_mark_style_pairs():
    text = 'A “curly one,” B "straight one," C «guillemets» D ‘single one’ end.'
    assert _texts(text) == ["curly one,", "straight one,", "guillemets", "single one"]


def test_mixed_straight_open_and_curly_close_pair():
    text = '"The United States has nothing to do with it,” said John Kirby.'
    assert _texts(text) == ["The United States has nothing to do with it,"]


def test_apostrophes_do_not_open_or_close_quotes():
    text = "Russia’s view, the students' union and don’t ‘worry’ today."
    assert _texts(text) == ["worry"]


def test_single_marks_inside_double_quotes_are_not_top_level():
    text = "“He says, ‘Oh my gosh, the cupboards are bare.’ Then,” she said."
    spans = find_marked_spans(text)
    assert len(spans) == 1 and spans[0].double


def test_quote_continued_across_paragraphs_is_one_run_of_segments():
    text = "“First paragraph goes on.\n\n“Second one too.\n\n“Third ends,” he said. “Other.”"
    first, second, third, other = find_marked_spans(text)
    assert [text[m.inner.start : m.inner.end] for m in (first, second, third)] == [
        "First paragraph goes on.",
        "Second one too.",
        "Third ends,",
    ]
    assert not first.closed and not second.closed and third.closed
    assert first.run == second.run == third.run == 0 and other.run is None


def test_unclosed_quote_without_continuation_ends_at_paragraph_end():
    text = "He said: “this never closes.\n\nNext paragraph is plain."
    (m,) = find_marked_spans(text)
    assert not m.closed and text[m.inner.start : m.inner.end] == "this never closes."


def test_paragraph_spans_fall_back_to_lines():
    assert paragraph_spans("a\n\n  b c \n") == [Span(0, 1), Span(5, 8)]
    assert paragraph_spans("xyz", (Span(1, 2),)) == [Span(1, 2)]


def test_a_line_break_inside_a_quote_does_not_end_it():
    text = "He said: “We can ride on the road.\nThey can’t.”\nA “new quote” here."
    assert _texts(text) == ["We can ride on the road.\nThey can’t.", "new quote"]


def test_an_opening_mark_typed_for_the_closing_one_closes_the_quote():
    # the writer typed “ (or a space before ") where the quote ends; nothing later closes it
    curly = "“The dam will hold for now, “Ines Marlow, the engineer, said on Monday."
    straight = '"We are glad it is over, "said Teo Brandt.'
    assert _texts(curly) == ["The dam will hold for now, "]
    assert _texts(straight) == ["We are glad it is over, "]
    # a real second quote after an unclosed one still opens (a closing mark follows it)
    assert _texts("“It was late, he said, “and nobody came.”") == ["and nobody came."]


def test_an_opening_mark_before_a_comma_closes():
    text = "“It is official: I will host the show.\n\nThere goes the orchestra “, the comedian wrote."
    assert [t.replace("\n\n", " ") for t in _texts(text)] == [
        "It is official: I will host the show. There goes the orchestra "
    ]


def test_a_quote_broken_over_several_lines_runs_to_its_closing_mark():
    # one sentence a line, no mark re-opening the quote: the first mark after the open quote closes it
    text = "“I met her at the fair.\nShe is kind.\nShe loves the crowd.”\nThe fair closed on Sunday."
    assert _texts(text) == ["I met her at the fair.\nShe is kind.\nShe loves the crowd."]
    # a quote left open and never closed stays one paragraph long; later quotes are their own
    left = "“It never closes.\nPlain line.\nAnother plain line.\nA “new” one."
    assert _texts(left) == ["It never closes.", "new"]
    # the closing mark typed with a space before it ("coward? "the widow read") still closes
    spaced = '"I waited for you.\nWhy did you leave like that? "the widow read.\nShe left.'
    assert _texts(spaced) == ["I waited for you.\nWhy did you leave like that? "]
