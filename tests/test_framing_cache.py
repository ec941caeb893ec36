"""What framing reads from an article's parse, kept in the store in force: the same framing
read back, and a miss whenever the code, the parser, the text or the quotes' spans change."""

import pytest

from newsprism.compare import framing
from newsprism.compare.statements import article_statements
from newsprism.nlp import MemoryParseCache, cache_articles, parse_cached, use_parse_cache
from newsprism.nlp.cache import parsed_by
from newsprism.quotes.extract import extract_quotes
from newsprism.settings import QuoteSettings
from newsprism.store import Store
from tests.conftest import make_article

TEXT = (
    "The reckless scheme to flood the Velden marshes was pushed through by the council on Tuesday.\n\n"
    '"It is a disgrace," said Orla Benningt, who chairs the marsh society.\n\n'
    "The council said the outrageous plan would save money. The footage of the spill could not be "
    "independently verified, and it is not clear whether the breach happened at all.\n\n"
    "Angry residents lashed out at the shameful decision, which critics called a betrayal."
)
MODEL = "core-test-1"


@pytest.fixture
def story(nlp):
    article = make_article(TEXT, outlet="Velden Courier")
    (doc,) = parse_cached(nlp, [(article.id, article.text)], MemoryParseCache())
    quotes = extract_quotes(article, doc, QuoteSettings())
    return article, doc, quotes


def _framing(story):
    article, doc, quotes = story
    statements = article_statements(article, list(quotes), 5, doc, 3, 0)
    return framing.build_framing([article], statements, [], [doc], quotes)


def _refused(*args):
    raise AssertionError("read the parse again")


def test_framing_is_kept_and_read_back_the_same(tmp_path, monkeypatch, story):
    expected = _framing(story)
    assert expected[0]["loaded_terms"] and expected[0]["hedges"]  # the reading finds something
    with Store(tmp_path / "s.db") as store, use_parse_cache(store):
        assert _framing(story) == expected
        kept = store.count("derived")
        assert kept == 1
        monkeypatch.setattr(framing, "read_parse", _refused)
        assert _framing(story) == expected
        assert store.count("derived") == kept


def test_the_reading_round_trips(story):
    article, doc, quotes = story
    reading = framing.read_parse(article.text, quotes, doc)
    assert reading.terms and reading.doubts and reading.reported
    assert framing._decode(framing._encode(reading)) == reading


def test_text_quotes_and_parser_are_in_the_key(tmp_path, nlp, story):
    article, doc, quotes = story
    calls = []

    def read():
        calls.append(1)
        return framing.read_parse(article.text, quotes, doc)

    args = (framing._encode, framing._decode)
    model = parsed_by(doc)
    with Store(tmp_path / "s.db") as store, use_parse_cache(store):
        cache_articles.kept_framing(article.text, quotes, model, read, *args)
        cache_articles.kept_framing(article.text, quotes, model, read, *args)
        assert len(calls) == 1
        cache_articles.kept_framing(article.text, quotes[1:], model, read, *args)  # other quotes
        cache_articles.kept_framing(article.text + " ", quotes, model, read, *args)  # other text
        cache_articles.kept_framing(article.text, quotes, "core-test-2", read, *args)  # other parser
        other = parsed_by(nlp(article.text))  # parsed elsewhere: no model named, nothing kept
        cache_articles.kept_framing(article.text, quotes, other, read, *args)
        cache_articles.kept_framing(article.text, quotes, other, read, *args)
        assert len(calls) == 6
    assert cache_articles.framing_kind(MODEL) != cache_articles.framing_kind("core-test-2")


def test_a_changed_framing_module_misses(tmp_path, monkeypatch):
    (tmp_path / "fakevoice.py").write_text("STOP = 1\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    before = cache_articles.framing_kind(MODEL, ("fakevoice",))
    (tmp_path / "fakevoice.py").write_text("STOP = 2\n")
    cache_articles._source.cache_clear()
    assert cache_articles.framing_kind(MODEL, ("fakevoice",)) not in (before, None)
    assert {"newsprism.compare.framing", "newsprism.compare.voice", "newsprism.compare.lexicon"} <= set(
        cache_articles.FRAMING_CODE
    )
    assert cache_articles.framing_kind(MODEL) is not None


def test_a_headline_apart_from_the_body_is_read_once(tmp_path, monkeypatch):
    title = "Shameful council rams through reckless marsh scheme"
    expected = framing.headline_terms(title, "The council met on Tuesday.")
    assert expected  # loaded words found in the title's own parse
    with Store(tmp_path / "s.db") as store, use_parse_cache(store):
        assert framing.headline_terms(title, "The council met on Tuesday.") == expected
        monkeypatch.setattr(framing, "read_parse", _refused)
        assert framing.headline_terms(title, "Another body.") == expected
        assert store.count("derived") == 1
