from newsprism.compare.statements import article_statements
from tests.brief_helpers import quote_in
from tests.conftest import make_article

TEXT = (
    "Russia claimed on Thursday that the United States was behind the alleged attack.\n\n"
    "“We don’t attack Putin or Moscow,” Zelensky said.\n\n"
    "Reuters contributed to this report."
)


def test_statements_have_exact_spans_and_skip_credit_lines():
    art = make_article(TEXT, outlet="Daily")
    sts = article_statements(art, [])
    assert [art.text[s.span.start : s.span.end] for s in sts] == [s.text for s in sts]
    assert len(sts) == 2
    assert not any("contributed" in s.text for s in sts)


def test_statement_records_hedges_polarity_and_attribution():
    art = make_article(TEXT, outlet="Daily")
    first, second = article_statements(art, [])
    assert "alleged" in first.hedges and "reportedly" not in first.hedges
    assert first.polarity == "positive"
    assert first.attributed_to == "Russia"
    assert second.polarity == "negative"


def test_statement_is_linked_to_the_quote_it_contains():
    art = make_article(TEXT, outlet="Daily")
    quote = quote_in(art, "We don’t attack Putin or Moscow,", "Volodymyr Zelensky")
    _, second = article_statements(art, [quote])
    assert second.quote_id == quote.id
    assert second.attributed_to == "Volodymyr Zelensky"


def test_ids_are_stable_across_runs():
    art = make_article(TEXT, outlet="Daily")
    assert [s.id for s in article_statements(art, [])] == [s.id for s in article_statements(art, [])]


def test_an_article_that_fails_is_a_rejection_not_a_crash(monkeypatch):
    from newsprism.compare import statements as mod

    good, bad = make_article(TEXT, outlet="Good"), make_article("Broken text here, five words.", outlet="Bad")

    def fake(article, quotes, min_words=5, *parse_args):
        if article.outlet == "Bad":
            raise IndexError("boom")
        return article_statements(article, quotes, min_words, *parse_args)

    monkeypatch.setattr(mod, "article_statements", fake)
    rejections = []
    out = mod.build_statements([good, bad], [], 5, rejections)
    assert out and all(s.article_id == good.id for s in out)
    assert [r.stage for r in rejections] == ["compare"]


def test_subheadings_are_not_statements():
    import dataclasses

    from newsprism.model import Span

    text = (
        "Volkswagen concept car shown in Geneva today\n\nThe company said the car would go on sale next year."
    )
    art = make_article(text, outlet="Daily")
    assert len(article_statements(art, [])) == 2
    marked = dataclasses.replace(art, headings=(Span(0, text.index("\n\n")),))
    assert [s.text for s in article_statements(marked, [])] == [
        "The company said the car would go on sale next year."
    ]
