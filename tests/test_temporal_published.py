"""The publication-date cascade on hand-built articles."""

from __future__ import annotations

from newsprism.model import Article, OffsetMap, Removal
from newsprism.temporal.published import SOURCE_CONFIDENCE, resolve_published


def article(text: str, aid: str, **kw: object) -> Article:
    return Article(id=aid, path=f"{aid}.txt", raw=text, text=text, offsets=OffsetMap(), **kw)  # type: ignore[arg-type]


def test_reader_date_kept_with_confidence_by_source() -> None:
    (a,) = resolve_published((article("x", "a", published="2023-05-04", published_source="json-field"),))
    assert (a.published, a.published_source, a.published_confidence) == ("2023-05-04", "json-field", 0.95)


def test_labelled_date_line_is_trusted_more_than_a_bare_one() -> None:
    labelled = Removal("Published: May 5, 2023", "date line", 0, 22)
    bare = Removal("May 04, 2023", "date line", 0, 12)
    a, b = resolve_published(
        (
            article("x", "a", published="2023-05-05", published_source="text-date-line", removed=(labelled,)),
            article("y", "b", published="2023-05-04", published_source="text-date-line", removed=(bare,)),
        )
    )
    assert a.published_source == "text-published-line"
    assert b.published_source == "text-date-line"
    assert a.published_confidence > b.published_confidence


def test_caption_date_is_a_weak_fallback() -> None:
    caption = Removal(
        "Putin at the Kremlin in Moscow, Russia May 4, 2023. Reuters", "photo caption with credit", 0, 60
    )
    (a,) = resolve_published((article("On Thursday he spoke.", "a", removed=(caption,)),))
    assert (a.published, a.published_source) == ("2023-05-04", "photo-caption")
    assert a.published_confidence == SOURCE_CONFIDENCE["photo-caption"]


def test_dates_in_other_removed_lines_are_not_captions() -> None:
    junk = Removal("Copyright May 4, 2023", "copyright notice", 0, 21)
    (a,) = resolve_published((article("text", "a", removed=(junk,)),))
    assert a.published is None


def test_nothing_known_leaves_it_empty() -> None:
    (a,) = resolve_published((article("No dates here.", "a"),))
    assert a.published is None and a.published_source is None


def test_other_articles_dates_never_date_an_undated_article() -> None:
    known = (
        article("x", "a", published="2023-05-03", published_source="url"),
        article("y", "b", published="2023-05-05", published_source="url"),
    )
    undated = article("On Thursday, Russia blamed the US. The attack was on Wednesday.", "d")
    *_, d = resolve_published((*known, undated))
    assert d.published is None and d.published_source is None


def test_a_dated_mention_in_the_text_is_a_lower_bound() -> None:
    known = (article("x", "a", published="2023-05-03", published_source="url"),)
    undated = article("On May 4, 2023, Russia charged the U.S. It had said so on Jan. 2, 2023.", "d")
    _, d = resolve_published((*known, undated))
    assert (d.published, d.published_source) == ("2023-05-04", "text-mention")
    assert d.published_confidence == SOURCE_CONFIDENCE["text-mention"] < SOURCE_CONFIDENCE["photo-caption"]


def test_dates_without_a_year_or_in_the_future_are_no_bound() -> None:
    (a,) = resolve_published(
        (article("On May 4, Russia charged the U.S. It will vote on June 9, 2031.", "a"),)
    )
    assert a.published is None


def test_written_until_is_an_update_or_print_date_a_day_or_two_later() -> None:
    from newsprism.temporal.published import written_until

    lines = (
        Removal("PUBLISHED: MONDAY, MARCH 11, 2013, 10:34 PM", "date line", 0, 10),
        Removal("UPDATED: TUESDAY, MARCH 12, 2013, 9:36 AM", "date line", 0, 10),
    )
    updated = article("x", "a", published="2013-03-11", removed=lines)
    assert str(written_until(updated)) == "2013-03-12"
    printed = article("x", "b", published="2007-04-02", url="http://example.org/news/20070403/verdict")
    assert str(written_until(printed)) == "2007-04-03"
    slashes = article("x", "c", published="2013-03-13", url="http://example.org/2013/03/14/x.html")
    assert str(written_until(slashes)) == "2013-03-14"
    # an old URL date, a date before publication, or no publication date: nothing later is known
    old = article("x", "d", published="2013-03-13", url="http://example.org/2013/03/01/x.html")
    far = article("x", "e", published="2013-03-13", url="http://example.org/2013/03/20/x.html")
    undated = article("x", "f", url="http://example.org/2013/03/14/x.html")
    assert written_until(old) is None and written_until(far) is None and written_until(undated) is None
