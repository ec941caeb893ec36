"""An article's quotes and statements kept in the store in force: read back the same, and
missed whenever the code, the settings, the parser or what the step is given change."""

import dataclasses

import pytest

from newsprism.compare.statements import article_statements
from newsprism.nlp import MemoryParseCache, cache_articles, parse_cached, use_parse_cache
from newsprism.nlp.cache import source_key
from newsprism.quotes.extract import extract_quotes
from newsprism.settings import QuoteSettings, Settings
from newsprism.store import Store
from tests.conftest import make_article

TEXT = (
    "Harbour officials in Port Aldwin closed the north pier on Monday.\n\n"
    '"We will not reopen it until the engineers have finished," said Mara Quellin, the harbour master.\n\n'
    "Quellin said the inspection would take a week.\n\n"
    "“It is a precaution,” she added, according to a statement from the port authority."
)
MODEL = "core-test-1"


def _refused(*args):
    raise AssertionError("extracted again")


@pytest.fixture
def parsed(nlp):
    article = make_article(TEXT, outlet="Aldwin Gazette")
    (doc,) = parse_cached(nlp, [(article.id, article.text)], MemoryParseCache())
    return article, doc


def test_quotes_are_kept_and_read_back(tmp_path, parsed):
    article, doc = parsed
    settings = QuoteSettings()
    expected = extract_quotes(article, doc, settings)
    assert len(expected) >= 2 and any(q.speaker is not None and q.speaker.span for q in expected)
    with Store(tmp_path / "s.db") as store, use_parse_cache(store):
        assert cache_articles.kept_quotes(article, doc, settings, extract_quotes) == expected
        assert store.count("derived") == 1
        assert cache_articles.kept_quotes(article, doc, settings, _refused) == expected


def test_settings_parser_and_article_fields_are_in_the_key(tmp_path, parsed):
    article, doc = parsed
    settings = QuoteSettings()
    with Store(tmp_path / "s.db") as store, use_parse_cache(store):
        cache_articles.kept_quotes(article, doc, settings, extract_quotes)
        calls = []

        def counted(a, d, s):
            calls.append(1)
            return ()

        cache_articles.kept_quotes(article, doc, dataclasses.replace(settings, pronoun_window=300), counted)
        cache_articles.kept_quotes(dataclasses.replace(article, id="a-other"), doc, settings, counted)
        cache_articles.kept_quotes(
            dataclasses.replace(article, headings=(article.paragraphs[0],)), doc, settings, counted
        )
        assert len(calls) == 3
    assert cache_articles.quotes_kind(settings, MODEL) != cache_articles.quotes_kind(settings, "core-test-2")


def test_a_changed_quotes_file_misses(tmp_path, monkeypatch):
    """The key hashes every file of the quotes package (rules, word lists): a change to any misses."""
    package = tmp_path / "fakequotes"
    (package / "data").mkdir(parents=True)
    (package / "__init__.py").write_text("")
    (package / "extract.py").write_text("RULE = 1\n")
    (package / "data" / "names.txt").write_text("Quellin\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    keys = [cache_articles.quotes_kind(QuoteSettings(), MODEL, ("fakequotes",))]
    (package / "extract.py").write_text("RULE = 2\n")
    cache_articles._source.cache_clear()
    keys.append(cache_articles.quotes_kind(QuoteSettings(), MODEL, ("fakequotes",)))
    (package / "data" / "names.txt").write_text("Quellin\nAldwin\n")
    cache_articles._source.cache_clear()
    keys.append(cache_articles.quotes_kind(QuoteSettings(), MODEL, ("fakequotes",)))
    assert None not in keys and len(set(keys)) == 3


def test_the_real_key_covers_the_quotes_package():
    assert "newsprism.quotes" in cache_articles.QUOTE_CODE
    assert source_key("newsprism.quotes") != source_key("newsprism.quotes", "newsprism.model")
    assert cache_articles.quotes_kind(QuoteSettings(), MODEL) is not None


def test_unreadable_code_keeps_nothing(tmp_path, monkeypatch, parsed):
    article, doc = parsed
    monkeypatch.setattr(cache_articles, "QUOTE_CODE", ("newsprism.no_such_module",))
    with Store(tmp_path / "s.db") as store, use_parse_cache(store):
        found = cache_articles.kept_quotes(article, doc, QuoteSettings(), lambda a, d, s: ())
        assert found == () and store.count("derived") == 0


def test_the_stage_reads_kept_quotes(tmp_path, monkeypatch, parsed):
    from newsprism.quotes import stage

    article, _ = parsed
    with Store(tmp_path / "s.db") as store, use_parse_cache(store):
        first, _ = stage.quotes_for_articles([article], Settings())
        monkeypatch.setattr(stage, "extract_quotes", _refused)
        again, rejections = stage.quotes_for_articles([article], Settings())
    assert again == first and not rejections


def test_a_parse_made_elsewhere_keeps_nothing(tmp_path, nlp, parsed):
    article, _ = parsed
    with Store(tmp_path / "s.db") as store, use_parse_cache(store):
        cache_articles.kept_quotes(article, nlp(article.text), QuoteSettings(), extract_quotes)
        assert store.count("derived") == 0


def test_statements_are_kept_and_read_back(tmp_path, parsed):
    article, doc = parsed
    quotes = list(extract_quotes(article, doc, QuoteSettings()))
    expected = article_statements(article, quotes, 5, doc, 3, 0)
    assert any(st.hedges or st.quote_id for st in expected) and all(st.sentence for st in expected)
    with Store(tmp_path / "s.db") as store, use_parse_cache(store):
        assert cache_articles.kept_statements(article, quotes, 5, doc, 3, 0, article_statements) == expected
        assert cache_articles.kept_statements(article, quotes, 5, doc, 3, 0, _refused) == expected
        calls = []

        def counted(*args):
            calls.append(1)
            return []

        cache_articles.kept_statements(article, quotes[1:], 5, doc, 3, 0, counted)  # other quotes
        cache_articles.kept_statements(article, quotes, 6, doc, 3, 0, counted)  # other settings
        cache_articles.kept_statements(article, quotes, 5, None, 3, 0, counted)  # no parse
        assert len(calls) == 3


def test_a_changed_statement_module_misses(tmp_path, monkeypatch):
    (tmp_path / "fakecut.py").write_text("WORDS = 5\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    before = cache_articles.statements_kind(MODEL, 5, 3, 0, ("fakecut",))
    (tmp_path / "fakecut.py").write_text("WORDS = 6\n")
    cache_articles._source.cache_clear()
    assert cache_articles.statements_kind(MODEL, 5, 3, 0, ("fakecut",)) != before
    assert "newsprism.compare.statements" in cache_articles.STATEMENT_CODE
