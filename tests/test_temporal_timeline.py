"""Timeline entries: dated sentences, merged across outlets, conflicts flagged."""

from __future__ import annotations

import dataclasses
import datetime as dt

from newsprism.brief.timeline import entry_json, timeline_section
from newsprism.model import Article, LedgerGroup, OffsetMap, Removal, Span, Statement, Timex
from newsprism.pipeline import Analysis
from newsprism.render.brief_text import md_brief
from newsprism.settings import Settings
from newsprism.temporal.stages import published_stage, timeline_stage
from newsprism.temporal.timeline import sentences


def article(text: str, aid: str, published: str | None, outlet: str) -> Article:
    return Article(
        id=aid, path=f"{aid}.txt", raw=text, text=text, offsets=OffsetMap(),
        published=published, published_source="url" if published else None, outlet=outlet,
    )  # fmt: skip


# Hashed words, no model: the logic is tested without MiniLM, fast and deterministic.
LEXICAL = Settings().with_values({"compare": {"embedder": "lexical"}}, "test")


def run(
    *articles: Article,
    statements: tuple[Statement, ...] = (),
    settings: Settings = LEXICAL,
    ledger: tuple[LedgerGroup, ...] = (),
) -> Analysis:
    analysis = Analysis(articles=articles, statements=statements, ledger=ledger)
    return timeline_stage(published_stage(analysis, settings), settings)


def test_sentences_respect_abbreviations() -> None:
    text = "The U.S. denied it at 3 a.m. on Monday. Mr. Peskov spoke. Then he left."
    got = [text[s.start : s.end] for s in sentences(text)]
    assert got == ["The U.S. denied it at 3 a.m. on Monday.", "Mr. Peskov spoke.", "Then he left."]


def test_same_event_from_two_outlets_merges() -> None:
    a = article("Kremlin spokesman Dmitry Peskov accused Washington on Thursday.", "a", "2023-05-04", "A")
    b = article(
        "On Thursday, Kremlin spokesman Peskov accused Washington of the attack.", "b", "2023-05-05", "B"
    )
    result = run(a, b)
    assert len(result.timeline) == 1
    entry = result.timeline[0]
    assert (entry.date, entry.time, entry.conflict) == ("2023-05-04", None, None)
    assert set(entry.article_ids) == {"a", "b"}
    assert {s[0] for s in entry.spans} == {"a", "b"}
    assert len(result.timexes) == 2


def test_different_dates_for_the_same_event_are_a_conflict() -> None:
    a = article(
        "The warehouse fire broke out at 11:40 p.m. on Tuesday near Kestrel Quay.", "a", "2024-03-13", "A"
    )
    b = article(
        "The warehouse fire broke out shortly after 2 a.m. on Wednesday near Kestrel Quay.",
        "b",
        "2024-03-13",
        "B",
    )
    (entry,) = run(a, b).timeline
    assert entry.conflict is not None
    assert "2024-03-12" in entry.conflict and "2024-03-13" in entry.conflict
    assert "A" in entry.conflict and "B" in entry.conflict
    # both passages, each with its own date, for the reader to weigh
    sides = {(when, aid, text) for when, aid, _, _, text in entry.versions}
    assert sides == {("2024-03-12 23:40", "a", a.text), ("2024-03-13 02:00", "b", b.text)}
    json_entry = entry_json(entry)
    assert {v["article_id"] for v in json_entry["versions"]} == {"a", "b"}
    assert json_entry["precision"] == "day"


def test_night_and_small_hours_are_compatible() -> None:
    a = article(
        "Two drones attacked the Kremlin in the night between Tuesday and Wednesday.", "a", "2023-05-04", "A"
    )
    b = article("Around 3 a.m. on Wednesday, two drones attacked the Kremlin.", "b", "2023-05-04", "B")
    (entry,) = run(a, b).timeline
    assert entry.conflict is None
    assert set(entry.article_ids) == {"a", "b"}


def test_unrelated_events_stay_apart_and_sorted() -> None:
    a = article(
        "The Security Council is due to meet on Friday. Victory Day parades are held on May 9.",
        "a",
        "2023-05-04",
        "A",
    )
    result = run(a)
    assert [(e.date, e.text[:8]) for e in result.timeline] == [
        ("2023-05-05", "The Secu"),
        ("2023-05-09", "Victory "),
    ]


def test_statements_are_used_when_present() -> None:
    text = "Peskov spoke on Thursday and the council will meet on Friday."
    a = article(text, "a", "2023-05-04", "A")
    start = text.index("the council")
    st = Statement("s1", "a", text[start:-1], Span(start, len(text) - 1))
    (entry,) = run(a, statements=(st,)).timeline
    assert entry.date == "2023-05-05"
    assert entry.spans == (("a", start, len(text) - 1),)


def test_undated_article_gets_inferred_date_and_no_reference_guess() -> None:
    a = article("Peskov spoke on Thursday.", "a", None, "A")
    result = run(a)
    assert result.articles[0].published is None
    assert result.timeline == ()
    assert result.timexes[0].value == "XXXX-WXX-4"


def test_bad_article_is_a_rejection_not_a_crash(monkeypatch) -> None:
    import newsprism.temporal.stages as stages

    def boom(*args: object, **kw: object) -> tuple:
        raise ValueError("broken")

    monkeypatch.setattr(stages, "tag_text", boom)
    result = run(article("On Friday.", "a", "2023-05-04", "A"))
    assert result.rejections and result.rejections[0].stage == "timeline"
    assert dt.date.fromisoformat("2023-05-04")


def test_conflict_lists_only_versions_that_clash() -> None:
    a = article(
        "The warehouse fire broke out late on Tuesday near Kestrel Quay, injuring twelve.",
        "a",
        "2024-03-13",
        "A",
    )
    b = article(
        "The warehouse fire broke out shortly after midnight on Wednesday near Kestrel Quay, injuring twelve.",
        "b",
        "2024-03-13",
        "B",
    )
    c = article(
        "The warehouse fire broke out in the night between Tuesday and Wednesday near Kestrel Quay, injuring twelve.",
        "c",
        "2024-03-13",
        "C",
    )
    (entry,) = run(a, b, c).timeline
    assert entry.conflict is not None and "A" in entry.conflict and "B" in entry.conflict
    assert "C:" not in entry.conflict
    assert set(entry.article_ids) == {"a", "b", "c"}


def test_groups_left_apart_by_order_are_joined() -> None:
    a = article("Peskov accused Washington of the Kremlin attack on Thursday.", "a", "2023-05-04", "A")
    b = article(
        "On Thursday Peskov accused Washington of ordering the Kremlin attack.", "b", "2023-05-04", "B"
    )
    c = article(
        "Peskov on Thursday accused Washington over the Kremlin attack, and the Kremlin attack was discussed.",
        "c",
        "2023-05-04",
        "C",
    )
    (entry,) = run(a, b, c).timeline
    assert set(entry.article_ids) == {"a", "b", "c"}


def test_embeddings_merge_paraphrases_without_shared_words() -> None:
    import dataclasses

    import numpy as np

    from newsprism.temporal.timeline import build_timeline, candidates
    from newsprism.temporal.timexes import tag_text

    ref = dt.date(2023, 5, 4)
    a = article("Moscow blamed Washington on Thursday.", "a", "2023-05-04", "A")
    b = article("Russia accused the Americans on Thursday.", "b", "2023-05-04", "B")
    cands = [
        c
        for art in (a, b)
        for c in candidates(art, sentences(art.text), list(tag_text(art.text, ref, art.id)))
    ]
    same = np.array([1.0, 0.0], dtype=np.float32)
    settings = Settings()
    assert len(build_timeline(cands, {}, settings.timeline)) == 2
    with_vectors = [dataclasses.replace(c, vector=same) for c in cands]
    (entry,) = build_timeline(with_vectors, {}, settings.timeline)
    assert set(entry.article_ids) == {"a", "b"}


def test_sentences_no_statement_covers_still_count() -> None:
    text = "Peskov spoke on Thursday. The council will meet on Friday to discuss a response."
    a = article(text, "a", "2023-05-04", "A")
    start = text.index("The council")
    st = Statement("s1", "a", text[start:], Span(start, len(text)))
    dates = [e.date for e in run(a, statements=(st,)).timeline]
    assert dates == ["2023-05-04", "2023-05-05"]


def test_coordinated_dates_are_each_an_event() -> None:
    text = "He hosted the awards in 2004 and 2005. She moved there in January 2007 and to a new street in September of that year."
    entries = run(article(text, "a", "2013-03-13", "A")).timeline
    assert sorted(e.date for e in entries) == ["2004", "2005", "2007-01", "2007-09"]


def test_a_later_date_opening_its_own_clause_is_an_event_of_its_own() -> None:
    text = "Peskov said on Thursday that the drones struck on Wednesday."
    entries = run(article(text, "a", "2023-05-04", "A")).timeline
    assert sorted(e.date for e in entries) == ["2023-05-03", "2023-05-04"]
    # the same day told twice, or a time inside the anchor's day, is one event
    same = "Peskov spoke on Thursday after the briefing at 3 p.m. on Thursday."
    (entry,) = run(article(same, "a", "2023-05-04", "A")).timeline
    assert entry.date == "2023-05-04"
    # the day a quote about another day was said is no second event
    quote = '"We will vote on Thursday," Ada Morrow said in an interview Tuesday.'
    (entry,) = run(article(quote, "a", "2023-05-03", "A")).timeline
    assert entry.date == "2023-05-04"
    # a date in the anchor's phrase with no clause of its own stays with it
    (entry,) = run(article("He met aides on Thursday in the week of May 1.", "a", "2023-05-04", "A")).timeline
    assert entry.date == "2023-05-04"


def test_a_second_clause_date_joins_another_outlets_row_of_that_day() -> None:
    a = article(
        "Ada Morrow said on Friday that the ferry board voted on Wednesday to close the Kestrel pier.",
        "a", "2031-05-10", "A",
    )  # fmt: skip
    b = article("The ferry board voted on Wednesday to close the Kestrel pier.", "b", "2031-05-08", "B")
    rows = {e.date: set(e.article_ids) for e in run(a, b).timeline}
    assert rows == {"2031-05-07": {"a", "b"}, "2031-05-09": {"a"}}


def test_a_season_is_on_the_timeline_as_its_year() -> None:
    text = "This spring, the judge let Ada Morrow leave the case."
    (entry,) = run(article(text, "a", "2031-07-15", "A")).timeline
    assert entry.date == "2031"
    assert entry_json(entry)["precision"] == "year"


def test_a_week_is_placed_in_its_month_when_it_lies_in_one() -> None:
    a = article("The deputy was married two weeks ago to his second wife.", "a", "2005-06-25", "A")
    (entry,) = run(a).timeline
    assert entry.date == "2005-06"
    # the week of 29 May - 4 June straddles two months: no honest month, no entry
    b = article("The deputy was married last week to his second wife.", "b", "2005-06-08", "B")
    assert run(b).timeline == ()


def test_a_timex_cut_by_the_unit_boundary_still_dates_the_unit() -> None:
    text = "The commissioner visited the precinct about 12:30 a.m. Tuesday, aides said."
    a = article(text, "a", "2013-03-12", "A")
    cut = text.index("Tuesday")
    st = Statement("s1", "a", text[:cut].strip(), Span(0, cut - 1))
    (entry,) = run(a, statements=(st,)).timeline
    assert (entry.date, entry.time) == ("2013-03-12", "00:30")


def test_same_day_sentences_need_less_likeness_to_be_one_event() -> None:
    # cosine of the two (hand-set vectors) is 0.5: below the general bar, above the same-day one
    import numpy as np

    from newsprism.temporal.timeline import build_timeline, candidates
    from newsprism.temporal.timexes import tag_text

    a = article("Police shot a teenager on Saturday in a Brooklyn street.", "a", "2013-03-13", "A")
    b = article("Officers opened fire on Saturday, killing the 16-year-old.", "b", "2013-03-13", "B")
    c = article("A council hearing on the budget was held in March.", "c", "2013-03-13", "C")
    cands = []
    for art, vec in ((a, [1.0, 0.0]), (b, [0.5, 0.866]), (c, [0.5, -0.866])):
        found = list(tag_text(art.text, dt.date(2013, 3, 13), art.id))
        cands += [
            dataclasses.replace(x, vector=np.array(vec, dtype=np.float32))
            for x in candidates(art, sentences(art.text), found)
        ]
    entries = build_timeline(cands, {}, Settings().timeline)
    by_date = {e.date: set(e.article_ids) for e in entries}
    assert by_date["2013-03-09"] == {"a", "b"}
    assert by_date["2013-03"] == {"c"}  # a month holds many days: no lower bar


def test_the_date_most_outlets_agree_with_is_the_entry_date() -> None:
    a = article("Police shot a teenager in March in Brooklyn, officials said.", "a", "2013-03-20", "A")
    b = article("Police shot a teenager on March 9 in Brooklyn, officials said.", "b", "2013-03-20", "B")
    (entry,) = run(a, b).timeline
    assert entry.date == "2013-03-09" and entry.conflict is None


def test_an_article_telling_an_event_again_the_same_day_joins_its_row() -> None:
    import numpy as np

    from newsprism.temporal.timeline import build_timeline, candidates
    from newsprism.temporal.timexes import tag_text

    a = article(
        "Police shot a teenager on Saturday in Brooklyn. The boy was hit seven times on Saturday, "
        "the autopsy found. A vigil was held on Monday.",
        "a",
        "2013-03-13",
        "A",
    )
    b = article("Officers opened fire on Saturday, killing the 16-year-old.", "b", "2013-03-13", "B")
    vectors = {"Police": [1.0, 0.0, 0.0], "The boy": [0.6, 0.8, 0.0], "A vigil": [0.6, 0.8, 0.0]}
    cands = []
    for art in (a, b):
        found = list(tag_text(art.text, dt.date(2013, 3, 13), art.id))
        for c in candidates(art, sentences(art.text), found):
            vec = next((v for k, v in vectors.items() if c.text.startswith(k)), [0.5, 0.0, 0.866])
            cands.append(dataclasses.replace(c, vector=np.array(vec, dtype=np.float32)))
    entries = build_timeline(cands, {}, Settings().timeline)
    saturday = next(e for e in entries if e.date == "2013-03-09")
    assert set(saturday.article_ids) == {"a", "b"} and len(saturday.spans) == 3
    assert [e.date for e in entries] == ["2013-03-09", "2013-03-11"]  # Monday stays its own event


def test_a_week_that_does_not_exist_is_left_out() -> None:
    from newsprism.model import Timex
    from newsprism.temporal.timeline import _as_month

    odd = Timex(Span(0, 4), "week", "DATE", "2021-W60")
    assert _as_month(odd) is odd


def test_a_dateline_date_is_when_the_article_was_filed_not_the_leads_event() -> None:
    a = article(
        "CARROWMERE, May 14 (Vessia Wire) - Ada Morrow won the county primary on Tuesday.",
        "a1",
        "2031-05-14",
        "A",
    )
    b = article(
        "CARROWMERE (VW) — May 14, 2031 — Ada Morrow won the county primary on Tuesday.",
        "b1",
        "2031-05-14",
        "B",
    )
    days = {(e.date, e.article_ids) for e in run(a, b).timeline}
    assert days == {("2031-05-13", ("a1", "b1"))}


def test_months_and_years_keep_their_precision_and_a_sentence_year_holds_for_its_months() -> None:
    a = article(
        "In 2027, Ada Morrow lost the nomination in June after a long fight. "
        "Morrow served as mayor from 2019 to 2023. The primary is set for mid-May.",
        "a1",
        "2031-04-02",
        "A",
    )
    got = {e.date for e in run(a).timeline}
    assert {"2027-06", "2019", "2023", "2031-05"} <= got


def test_an_event_counted_from_the_day_of_a_present_tense_sentence() -> None:
    # "comes a day before X faces": X is the day after publication
    a = article(
        "The criticism comes a day before Ada Morrow faces Bo Lind in the only harbour debate.",
        "a", "2029-10-03", "A",
    )  # fmt: skip
    (entry,) = run(a).timeline
    assert entry.date == "2029-10-04"
    b = article("The vote comes two days after Ada Morrow resigned from the board.", "b", "2029-10-03", "B")
    assert [e.date for e in run(b).timeline] == ["2029-10-01"]
    # told in the past, the moment counted from is not the article's day: no date
    c = article("The vote came two days after Ada Morrow resigned from the board.", "c", "2029-10-03", "C")
    assert run(c).timeline == ()


def test_one_months_event_told_by_two_outlets_with_the_same_word_next_to_its_date() -> None:
    a = article(
        "Aides are pressing for a role in drafting the platform for the Harbour convention in July.",
        "a",
        "2029-04-26",
        "A",
    )
    b = article(
        "He will have enough votes at the party's national convention in July to shape it.",
        "b",
        "2029-04-28",
        "B",
    )
    rows = [e for e in run(a, b).timeline if e.date == "2029-07"]
    assert len(rows) == 1 and set(rows[0].article_ids) == {"a", "b"}
    # another event of the same month: the words next to its date differ
    c = article("Aides are pressing for a role in the Harbour convention in July.", "c", "2029-04-26", "C")
    d = article("The state's primary results will be certified in July by the board.", "d", "2029-04-28", "D")
    assert len([e for e in run(c, d).timeline if e.date == "2029-07"]) == 2


def test_an_event_counted_in_days_from_a_dated_one() -> None:
    text = "The debate came a day before Tuesday's primary. Reed quit two days after the March 3 vote."
    entries = run(article(text, "a", "2031-03-14", "A")).timeline
    got = {e.date for e in entries}
    assert {"2031-03-10", "2031-03-05"} <= got  # the debate on Monday, Reed's exit on March 5
    assert "2031-03-11" in got  # the primary itself, a clause of its own


def test_alike_holds_every_pair_a_grouping_test_could_pass() -> None:
    # Grouping compares a candidate only with the groups holding a candidate ``alike`` lists:
    # every pair that passes one test (words, meaning, one day's meaning, one period's event)
    # by its loosest threshold must be there, both ways round.
    import random

    import numpy as np

    from newsprism.model import Span, Timex
    from newsprism.temporal.timeline import (
        Candidate,
        _day_event_word,
        _Memo,
        _one_period_event,
        _same_day,
        similarity,
    )

    rng = random.Random(5)
    pool = ["harbour", "harbor", "warehouse", "blaze", "firefighters", "council", "meeting", "ferry"]
    days = ["2023-05-04", "2023-05-05", "2023-05"]
    cands = []
    for _ in range(40):
        words = rng.sample(pool, rng.randint(1, 4))
        day = rng.choice(days)
        text = f"The {words[0]} in {day} {' '.join(words)}."
        vector = np.array([rng.random(), rng.random()], dtype=np.float32)
        timex = Timex(Span(len(f"The {words[0]} in "), len(f"The {words[0]} in {day}")), day, "DATE", day)
        cands.append(
            Candidate(
                rng.choice("abcd"), Span(0, len(text)), text, timex, day, None, frozenset(words),
                vector=vector / np.linalg.norm(vector),
            )
        )  # fmt: skip
    cfg = Settings().timeline
    memo = _Memo(cands)
    alike = memo.alike(cfg)
    near = memo._near
    for r, a in enumerate(cands):
        for q, b in enumerate(cands):
            words = similarity(a.words, b.words, near)
            cosine = memo.semantic(a, b)
            passes = (
                words >= min(cfg.merge_similarity, cfg.conflict_similarity)
                or cosine >= min(cfg.merge_cosine, cfg.conflict_cosine)
                or (_same_day(a, b) and cosine >= cfg.same_day_cosine)
                or _one_period_event(a, b)
                or _day_event_word(a, b)
            )
            if passes:
                assert q in alike[r] and r in alike[q]


def test_a_range_of_days_within_a_month_is_that_month() -> None:
    text = "The survey was taken May 13-22 among 900 voters. A second one ran from June 2 through Sunday."
    entries = run(article(text, "a", "2031-06-10", "A")).timeline
    assert sorted((e.date, entry_json(e)["precision"]) for e in entries) == [
        ("2031-05", "month"),
        ("2031-06", "month"),
    ]


def test_a_date_after_telling_or_ahead_of_opens_an_event_of_its_own() -> None:
    text = "The mayor backed the plan in early June, telling reporters in May that she was undecided."
    assert sorted(e.date for e in run(article(text, "a", "2031-08-05", "A")).timeline) == [
        "2031-05",
        "2031-06",
    ]


def test_the_day_after_a_year_that_names_a_thing_is_an_event() -> None:
    text = "Ada Morrow said she would publish her 2029 tax return Friday."
    dates = sorted(e.date for e in run(article(text, "a", "2031-04-10", "A")).timeline)
    assert dates == ["2029", "2031-04-11"]


def test_from_one_date_to_another_gives_both_events() -> None:
    text = "Ferry revenue rose from $3 million in 2028 to $5 million in 2029, the board said."
    assert sorted(e.date for e in run(article(text, "a", "2031-04-10", "A")).timeline) == ["2028", "2029"]


def test_one_days_event_named_on_either_side_of_the_day_is_one_row() -> None:
    a = article(
        "Still, ahead of Saturday's Dunmore caucus, both candidates court farmers.", "a", "2031-02-13", "A"
    )
    b = article(
        "The county holds its caucuses on Saturday, and a new poll shows a tie.", "b", "2031-02-13", "B"
    )
    rows = [(e.date, set(e.article_ids)) for e in run(a, b).timeline]
    assert rows == [("2031-02-15", {"a", "b"})]


def test_the_eve_of_a_dated_event_is_the_day_before() -> None:
    text = "Ada Morrow quit the race on the eve of Tuesday's runoff."
    dates = sorted(e.date for e in run(article(text, "a", "2031-06-12", "A")).timeline)
    assert "2031-06-09" in dates


def test_a_date_after_a_participle_is_the_reduced_clauses_event() -> None:
    text = "Sign-ups rose between January and April, driven by an online form launched in 2028."
    dates = sorted(e.date for e in run(article(text, "a", "2031-06-03", "A")).timeline)
    assert dates == ["2028", "2031-01", "2031-04"]


def test_background_year_beside_the_days_event_is_its_own_row() -> None:
    # session 11b: a year told beside the sentence's event, with no opener between them
    text = "Orla Brandt, who left the harbour police in 1981, died on Tuesday at her farm near Tolven."
    a = article(text, "a", "2030-04-11", "A")
    rows = {(e.date, e.text) for e in run(a).timeline}
    assert {d for d, _ in rows} == {"1981", "2030-04-09"}
    # the year is the story's background, shown apart from its days
    flags = {e.date: entry_json(e, "2030-04")["background"] for e in run(a).timeline}
    assert flags == {"1981": True, "2030-04-09": False}
    text = "On Monday the assembly amended the island's 1952 charter for the first time."
    b = article(text, "b", "2030-04-11", "B")
    assert sorted(e.date for e in run(b).timeline) == ["1952", "2030-04-08"]


def test_day_told_by_another_event_is_dated_from_that_event() -> None:
    a = article(
        "The televised debate between the two mayoral rivals was held on Monday.", "a", "2030-04-11", "A"
    )
    b = article(
        "The day after the debate, Mayor Quill dismissed her campaign manager.", "b", "2030-04-12", "B"
    )
    dates = {e.text[:16]: e.date for e in run(a, b).timeline}
    assert dates == {"The televised de": "2030-04-08", "The day after th": "2030-04-09"}
    # no dated debate anywhere in the story: kept relative, off the timeline, not guessed
    assert [e.date for e in run(b).timeline] == []
    c = article("Two days before the referendum, turnout forecasts were cut.", "c", "2030-04-12", "C")
    d = article(
        "Voters went to the polls in the referendum on Sunday, officials said.", "d", "2030-04-12", "D"
    )
    assert {e.date for e in run(c, d).timeline} == {"2030-04-05", "2030-04-07"}


def test_statements_the_compare_stage_aligned_share_one_row() -> None:
    # "today" in one outlet, the weekday in another, few words in common
    ta = "The ferry operator halted all crossings today."
    tb = "On Thursday, Brask Lines suspended its sailings to the islands."
    a = article(ta, "a", "2030-04-11", "A")
    b = article(tb, "b", "2030-04-12", "B")
    sa = Statement("sa", "a", ta, Span(0, len(ta)))
    sb = Statement("sb", "b", tb, Span(0, len(tb)))
    assert len(run(a, b, statements=(sa, sb)).timeline) == 2
    group = LedgerGroup("g1", ta, "consensus", ("sa", "sb"), ("a", "b"), 2)
    (entry,) = run(a, b, statements=(sa, sb), ledger=(group,)).timeline
    assert (entry.date, set(entry.article_ids)) == ("2030-04-11", {"a", "b"})


def test_a_weekday_read_in_the_wrong_week_takes_the_week_another_outlet_gives() -> None:
    # session 12: "Monday night's debate" told beside a past verb in a Friday paper reads as
    # last Monday; a Sunday paper's "tomorrow night" dates the same debate the next Monday
    a = article(
        "Kell has praised the moderator of Monday night's mayoral debate at Orrin Hall.",
        "a",
        "2031-05-09",
        "A",
    )
    b = article("The mayoral debate at Orrin Hall is tomorrow night, aides said.", "b", "2031-05-11", "B")
    rows = run(a, b).timeline
    assert [(e.date, set(e.article_ids)) for e in rows] == [("2031-05-12", {"a", "b"})]
    # without the firm date the weekday keeps the tense's reading
    assert [e.date for e in run(a).timeline] == ["2031-05-05"]


def test_shared_names_alone_do_not_make_two_sentences_one_event() -> None:
    # session 12: two events of the same two people in one month, a name next to each date
    a = article("Last month Okoro invited Arden to a duel.", "a", "2031-06-02", "A")
    b = article("Okoro trailed Arden in May.", "b", "2031-06-03", "B")
    rows = run(a, b).timeline
    assert sorted(len(e.article_ids) for e in rows) == [1, 1]
    # a longer run of shared names names the one party the event is about
    c = article("Last month Deputy Mara Okoro of Tolven County was shot.", "c", "2031-06-02", "C")
    d = article("Deputy Mara Okoro of Tolven County, shot in May, recovers.", "d", "2031-06-03", "D")
    assert [len(e.article_ids) for e in run(c, d).timeline] == [2]


def test_decades_and_ranges_to_a_day_are_kept_at_their_precision() -> None:
    text = (
        "Brask Lines ran the island ferries through the 1980s. The survey was conducted from Sept. 19 to 22."
    )
    rows = run(article(text, "a", "2031-09-25", "A")).timeline
    assert sorted(e.date for e in rows) == ["198", "2031-09"]
    assert (entry_json(rows[0], "2031-09")["date"], entry_json(rows[0], "2031-09")["precision"]) == (
        "1980s",
        "decade",
    )
    assert entry_json(rows[0], "2031-09")["background"] is True
    # a count after a day is no range: "on May 19 to 22 percent" is May 19
    text = "On Sept. 19 support rose to 22 percent, the poll found."
    assert [e.date for e in run(article(text, "b", "2031-09-25", "B")).timeline] == ["2031-09-19"]


def test_a_row_whose_date_lies_beyond_the_shown_part_shows_the_dates_clause() -> None:
    # session 12b: a long list of names before the date; the listing shows the date's clause
    text = (
        "The other hopefuls at the harbour forum -- former port warden Ilse Varga, Councillor Tomas "
        "Brenn, shipwright Aldo Quist and the ferry union's Mara Lind -- hoped to gain ground heading "
        "into Tolven, where voters will go to the polls March 9."
    )
    analysis = run(article(text, "a", "2031-03-02", "A"))
    (row,) = timeline_section(analysis)["timeline"]
    assert row["date"] == "2031-03-09" and row["text"] == text
    assert (
        row["shown"] == "hoped to gain ground heading into Tolven, where voters will go to the polls March 9."
    )
    assert text[row["spans"][0]["start"] : row["spans"][0]["end"]] == text  # the cite is the whole sentence
    report = {"ledger": [], "timeline": [row], "articles": [{"id": "a", "label": "A"}]}
    assert "**2031-03-09** …hoped to gain ground" in md_brief(report)
    # a date within the shown part: the sentence from its start
    short = run(
        article("Voters go to the polls in Tolven on March 9, the board said.", "a", "2031-03-02", "A")
    )
    (row,) = timeline_section(short)["timeline"]
    assert row["shown"] == row["text"]


def _vectored(arts: list[Article], published: dt.date, vectors: dict[str, list[float]]) -> list:
    """Candidates of the articles with hand-set sentence vectors (by the sentence's first words)."""
    import numpy as np

    from newsprism.temporal.timeline import candidates
    from newsprism.temporal.timexes import tag_text

    cands = []
    for art in arts:
        found = list(tag_text(art.text, published, art.id))
        for c in candidates(art, sentences(art.text), found):
            vec = next(v for k, v in vectors.items() if c.text.startswith(k))
            cands.append(dataclasses.replace(c, vector=np.array(vec, dtype=np.float32)))
    return cands


def test_an_article_naming_a_days_event_again_by_the_word_next_to_its_date_joins_its_row() -> None:
    from newsprism.temporal.timeline import build_timeline

    a = article(
        "Police shot a teenager on Saturday in Brooklyn. A council met on Saturday to pass a budget. "
        "Neighbours still spoke of the teenager shot on Saturday, and a vigil grew.",
        "a",
        "2013-03-13",
        "A",
    )
    # meaning alike below every bar: only the event word next to the date ("teenager shot") joins
    vectors = {"Police": [1.0, 0.0, 0.0], "A council": [0.0, 1.0, 0.0], "Neighbours": [0.1, 0.0, 0.995]}
    entries = build_timeline(_vectored([a], dt.date(2013, 3, 13), vectors), {}, Settings().timeline)
    rows = sorted(sorted(a.text[s:e][:9] for _, s, e in entry.spans) for entry in entries)
    assert rows == [["A council"], ["Neighbour", "Police sh"]]


def test_two_rows_citing_one_article_join_when_it_tells_one_days_event_twice() -> None:
    import numpy as np

    from newsprism.temporal.timeline import _Group, _joinable, _Memo

    a = article(
        "The ferry sank on Tuesday off Kestrel Point. Divers searched the wreck on Tuesday.",
        "a",
        "2031-05-08",
        "A",
    )
    b = article("The ferry went down Tuesday, the coastguard said.", "b", "2031-05-08", "B")
    cfg = Settings().timeline
    for cosine, joined in ((cfg.retold_join_cosine + 0.05, True), (0.3, False)):
        vectors = {"The ferry sank": [1.0, 0.0], "Divers": [cosine, float(np.sqrt(1 - cosine**2))]}
        vectors["The ferry went"] = [1.0, 0.0]
        first, second, other = _vectored([a, b], dt.date(2031, 5, 8), vectors)
        memo = _Memo([first, second, other])
        assert _joinable(_Group([first, other]), _Group([second]), cfg, memo) is joined


def test_a_week_shown_as_its_month_is_not_replaced_by_a_later_day_outside_it() -> None:
    text = "On this weekend's show, Ada Morrow said the council will vote on the budget Monday night."
    dates = sorted(e.date for e in run(article(text, "a", "2031-09-21", "A")).timeline)
    assert dates == ["2031-09", "2031-09-22"]  # the show (this weekend), the vote (Monday)


def test_the_words_next_to_a_date_run_past_an_initials_period() -> None:
    from newsprism.temporal.timeline import _next_words, candidates
    from newsprism.temporal.timexes import tag_text

    text = "Experts said Russia tried to sway the Nov. 8 U.S. presidential election."
    a = article(text, "a", "2016-07-31", "A")
    (cand,) = candidates(a, sentences(text), list(tag_text(text, dt.date(2016, 7, 31), "a")))
    assert _next_words(cand)[1] == {"presid", "electi"}


def test_the_days_before_an_event_are_no_one_day() -> None:
    from newsprism.temporal.timeline import _event_anchored

    text = "In the days before the vote, Ada Morrow toured the valley. The day before the vote, she rested."
    assert [c.text for c in _event_anchored(text, [])] == ["The day before the vote"]


def test_a_possessive_days_event_word_may_come_third() -> None:
    from newsprism.temporal.timeline import _next_words, candidates
    from newsprism.temporal.timexes import tag_text

    text = "The boycott drowned out every story leading up to Thursday night's seventh county debate."
    a = article(text, "a", "2031-01-30", "A")
    (cand,) = candidates(a, sentences(text), list(tag_text(text, dt.date(2031, 1, 30), "a")))
    assert _next_words(cand)[1] == {"sevent", "county", "debate"}


def test_a_sentence_that_only_dates_the_one_before_dates_its_event() -> None:
    text = "Ada Morrow told friends the mayor knew of her lobbying. That was May. Now she is out."
    (entry,) = run(article(text, "a", "2031-08-17", "A")).timeline
    assert entry.date == "2031-05" and entry.text.startswith("Ada Morrow told friends")


def test_minutes_or_days_later_count_from_the_last_day_told() -> None:
    text = (
        "Ada Morrow spoke at a rally in Kestrel on Tuesday. Minutes later, her campaign issued a statement. "
        "Two days later, the county board met. A few days later, the board adjourned."
    )
    entries = run(article(text, "a", "2031-08-08", "A")).timeline
    dates = {e.text[:10]: e.date for e in entries}
    assert dates == {"Ada Morrow": "2031-08-05", "Minutes la": "2031-08-05", "Two days l": "2031-08-07"}


def test_hours_or_days_earlier_count_back_from_the_last_day_told() -> None:
    text = (
        "The harbour board met Ada Morrow on Tuesday night. She had written to the board a few hours "
        "earlier. Four days earlier, the pier had closed. Brell tweeted about it earlier in the morning."
    )
    entries = run(article(text, "a", "2031-08-08", "A")).timeline  # a Friday: Tuesday is the 5th
    dates = {text[start : start + 10]: e.date for e in entries for _, start, _ in e.spans}
    assert dates == {
        "The harbou": "2031-08-05",
        "She had wr": "2031-08-05",
        "Four days ": "2031-08-01",  # not four days before publication
        "Brell twee": "2031-08-01",  # the morning of the last day told
    }
    text = (
        "Brell debated on Tuesday night before voters in Kestrel go to the polls Aug. 20. "
        "Four rivals debated earlier in the evening."
    )
    dates = {
        text[start : start + 10]: e.date
        for e in run(article(text, "a", "2031-08-08", "A")).timeline
        for _, start, _ in e.spans
    }
    assert dates["Four rival"] == "2031-08-05"  # not the coming vote's day
    text = (
        'At a Tuesday rally in Kestrel, Brell spoke. "Today, the harbour is ours," he said. '
        "A day earlier, Brell toured the docks."
    )
    dates = {
        text[start : start + 10]: e.date
        for e in run(article(text, "a", "2031-08-08", "A")).timeline
        for _, start, _ in e.spans
    }
    assert dates["A day earl"] == "2031-08-04"  # from the rally, not from the quote's "Today"


def test_days_earlier_do_not_count_from_a_today_that_means_nowadays() -> None:
    text = (
        "Brell held a rally in Kestrel on Tuesday night. Then, the harbour was quiet. "
        "Today, it is the pier that draws the crowds. "
        "The rally drew half the crowd of the pier's opening four days earlier."
    )
    dates = {
        text[start : start + 10]: e.date
        for e in run(article(text, "a", "2031-08-08", "A")).timeline  # a Friday
        for _, start, _ in e.spans
    }
    assert dates["The rally "] == "2031-08-01"  # four days before the rally, not before now
    # the rally told paragraphs back: the count follows "rally", counted from that rally's day
    far = "Then, the harbour was quiet and the pier was closed for the long winter months. " * 10
    text = (
        f"Brell held a rally in Kestrel on Tuesday night. {far}Today, it is the pier that draws "
        "the crowds. Brell's rally drew twice the crowd of Morrow's rally four days earlier."
    )
    dates = {
        text[start : start + 10]: e.date
        for e in run(article(text, "a", "2031-08-08", "A")).timeline
        for _, start, _ in e.spans
    }
    assert dates["Brell's ra"] == "2031-08-01"
    text = "Today the harbour board voted to close the pier. Two days earlier, Brell toured the docks."
    dates = {
        text[start : start + 10]: e.date
        for e in run(article(text, "a", "2031-08-08", "A")).timeline
        for _, start, _ in e.spans
    }
    assert dates["Two days e"] == "2031-08-06"  # a today that tells an event is counted from


def test_hours_earlier_count_from_a_past_midnight_whose_verb_comes_late() -> None:
    text = (
        "The Kestrel race is now a rout. Shortly before midnight, with roughly three-quarters of the precincts "
        "in, Brell had a wide lead. Four hours earlier, a Morrow memo was released."
    )
    dates = {
        text[start : start + 10]: e.date
        for e in run(article(text, "a", "2031-08-06", "A")).timeline  # a Wednesday paper
        for _, start, _ in e.spans
    }
    assert dates["Shortly be"] == "2031-08-05" and dates["Four hours"] == "2031-08-05"


def test_moments_after_or_before_is_the_moment_told_last() -> None:
    text = (
        "Brell toured the Kestrel docks on Tuesday. Her remarks came moments after the harbour "
        "board spoke to the dockers about the pier."
    )
    dates = {
        text[start : start + 10]: e.date
        for e in run(article(text, "a", "2031-08-08", "A")).timeline  # a Friday
        for _, start, _ in e.spans
    }
    assert dates["Her remark"] == "2031-08-05"


def test_an_event_known_by_its_date_is_dated_when_it_names_the_event() -> None:
    text = (
        "It was the worst attack on the harbour since 9/11, Brell said. "
        "The 9/11 families of Kestrel met the mayor. Ada Morrow recalled the 9/11 attacks. "
        "Brell met families of 9/11 victims. Varga's remarks on 9/11 drew fire."
    )
    dates = {
        text[start : start + 10]: e.date
        for e in run(article(text, "a", "2031-08-08", "A")).timeline
        for _, start, _ in e.spans
    }
    assert dates == {"It was the": "2001-09-11", "Ada Morrow": "2001-09-11"}  # not the families' meeting


def test_a_date_after_a_semicolon_is_the_next_clauses_event() -> None:
    text = "The vigil in Kestrel was held Monday evening; the next night a crowd looted the harbour store."
    rows = run(article(text, "a", "2031-08-08", "A")).timeline  # a Friday
    assert sorted((e.date, e.time) for e in rows) == [("2031-08-04", "evening"), ("2031-08-05", "night")]


def test_in_the_past_week_is_the_month_when_its_days_lie_in_one() -> None:
    text = "In the past week, the friendship between Ada Morrow and the mayor came to an end."
    assert [e.date for e in run(article(text, "a", "2031-12-31", "A")).timeline] == ["2031-12"]
    assert run(article(text, "a", "2031-12-03", "A")).timeline == ()  # the week straddles two months
    # "the past week's ..." dates nothing: no "in" or "over" before it
    assert run(article("The past week was long for Ada Morrow.", "a", "2031-12-31", "A")).timeline == ()


def test_two_outlets_rows_of_one_year_join_when_alike_in_meaning_and_words() -> None:
    import numpy as np

    from newsprism.temporal.timeline import build_timeline

    a = article(
        "Thirteen years on, the ferry board voted in 2018 to sell the Kestrel pier.", "a", "2031-05-08", "A"
    )
    b = article("The board's 2018 sale of the pier still angers the harbour crews.", "b", "2031-05-08", "B")
    cfg = Settings().timeline
    for cosine, rows in ((cfg.period_cosine + 0.02, 1), (cfg.period_cosine - 0.1, 2)):
        vectors = {"Thirteen": [1.0, 0.0], "The board": [cosine, float(np.sqrt(1 - cosine**2))]}
        cands = _vectored([a, b], dt.date(2031, 5, 8), vectors)
        assert len(build_timeline(cands, {"a": "A", "b": "B"}, cfg)) == rows


def test_a_signpost_to_the_page_is_no_event() -> None:
    text = "The council votes on the dam tonight.\n\nHere are the Courier's four things to watch tonight:"
    rows = [e.text for e in run(article(text, "a", "2031-09-18", "A")).timeline]
    assert rows == ["The council votes on the dam tonight."]


def test_a_date_clash_between_two_peoples_events_is_two_rows() -> None:
    text = "{who}, who endorsed Brell for governor {when}, spoke at the harbour rally on the quay."
    a = article(text.format(who="Mayor Ada Morrow", when="on Thursday"), "a", "2031-09-18", "A")
    b = article(text.format(who="Ilse Varga", when="in February"), "b", "2031-09-18", "B")
    rows = run(a, b).timeline
    assert sorted(e.date for e in rows) == ["2031-02", "2031-09-18"] and all(e.conflict is None for e in rows)
    # one person's event dated two ways is still one row with the clash shown
    c = article(text.format(who="Ada Morrow", when="in February"), "c", "2031-09-18", "C")
    (row,) = run(a, c).timeline
    assert row.conflict is not None


def test_a_row_cut_from_the_middle_of_its_sentence_is_shown_with_its_subject() -> None:
    # session 15 (reader6): an appositive split off left "made a plea for calm on Wednesday." alone
    text = (
        "TOLVEN - Mara Lind and Tomas Brenn, two of the sailors who survived the wreck off Tolven "
        "last year, made a plea for calm on Wednesday."
    )
    a = article(text, "a", "2031-07-28", "A")
    cut = text.index("made a plea")
    whole = Span(0, len(text))
    statements = (
        Statement(id="s1", article_id="a", text=text[: cut - 2], span=Span(0, cut - 2), sentence=whole),
        Statement(id="s2", article_id="a", text=text[cut:], span=Span(cut, len(text)), sentence=whole),
    )
    rows = timeline_section(run(a, statements=statements))["timeline"]
    (row,) = [r for r in rows if r["date"] == "2031-07-23"]
    assert row["text"] == "made a plea for calm on Wednesday."
    assert row["shown"] == "TOLVEN - Mara Lind and Tomas Brenn … made a plea for calm on Wednesday."
    report = {
        "ledger": [],
        "timeline": [row],
        "articles": [{"id": "a", "label": "A", "title": None, "published": None}],
    }
    assert "**2031-07-23** TOLVEN - Mara Lind and Tomas Brenn … made a plea" in md_brief(report)
    from newsprism.render.story.view import Links, story_view

    page = story_view(report, Links(article=lambda aid, s=None, e=None: "#", person=lambda n: None))
    assert page["timeline"][0]["text"] == row["shown"]


def test_late_and_early_keep_their_half_of_a_day_or_a_month() -> None:
    from newsprism.temporal.calendar import value_interval

    def overlap(x: tuple[str, str | None], y: tuple[str, str | None]) -> bool:
        (a0, a1), (b0, b1) = value_interval(*x), value_interval(*y)
        return a0 < b1 and b0 < a1

    late, early = ("2031-05-08", "END"), ("2031-05-08", "START")
    assert not overlap(late, ("2031-05-08TMO", None))  # "late Thursday" is no Thursday morning
    assert overlap(late, ("2031-05-08TNI", None)) and overlap(late, ("2031-05-08", None))
    assert overlap(early, ("2031-05-08TMO", None)) and not overlap(early, ("2031-05-08TEV", None))
    assert not overlap(("2031-06", "START"), ("2031-06-25", None))  # "early June"
    assert overlap(("2031-06", "END"), ("2031-06-25", None))


def test_a_late_evening_event_leaves_the_morning_row() -> None:
    a = article(
        "The singer's lawyer told the judge on Thursday morning that the singer had checked into a clinic.",
        "a",
        "2031-05-09",
        "A",
    )
    b = article(
        "The singer checked into a desert clinic late Thursday, her agent said.", "b", "2031-05-09", "B"
    )
    c = article("The singer checked into the desert clinic late Thursday night.", "c", "2031-05-09", "C")
    rows = sorted(sorted(e.article_ids) for e in run(a, b, c).timeline)
    assert rows == [["a"], ["b", "c"]]


def test_one_amount_on_one_date_is_one_event_however_worded() -> None:
    a = article(
        "Filings from the 2009 accounts of the shipyard show a $412 million shortfall.",
        "a",
        "2031-03-02",
        "A",
    )
    b = article(
        "Auditors say the harbour group lost more than $410 million in 2009.",
        "b",
        "2031-03-02",
        "B",
    )
    c = article("In 2009 its chief executive took home a $3 million bonus.", "c", "2031-03-02", "C")
    rows = sorted(sorted(e.article_ids) for e in run(a, b, c).timeline)
    assert rows == [["a", "b"], ["c"]]


def test_aligned_statements_of_one_month_are_one_event_unless_one_tells_it_by_reference() -> None:
    from newsprism.temporal.timeline import Candidate, _period_alike, content_words

    class Alike:  # the two tests' answers, as MiniLM gives them for such a pair
        def semantic(self, a: Candidate, b: Candidate) -> float:
            return 0.75

        def similarity(self, a: Candidate, b: Candidate) -> float:
            return 0.0  # names only in common

    def cand(aid: str, text: str, aligned: str | None) -> Candidate:
        timex = Timex(Span(0, 4), "November 2032", "DATE", "2032-11")
        words = content_words(text)
        return Candidate(aid, Span(0, len(text)), text, timex, "2032-11", None, words, aligned=aligned)

    a = cand("a", "The third Harrow Vale picture is scheduled to reach cinemas in November 2032.", "g1")
    b = cand(
        "b", "Apparently Orlen Studios would like a November 2032 opening for the Harrow Vale sequel.", "g1"
    )
    cfg = Settings().timeline
    assert _period_alike(a, b, cfg, Alike())
    assert not _period_alike(a, dataclasses.replace(b, aligned=None), cfg, Alike())
    # "the same thing" names its event by reference: another of the month's events, maybe
    c = cand("c", "In November 2032, Orlen did the same thing.", "g1")
    assert not _period_alike(a, c, cfg, Alike())


def test_years_between_are_no_row_but_coordinated_years_are_two() -> None:
    a = article(
        "Between 2011 and 2016, the mill at Carrow was closed. The owner of the Carrow mill was fined in 2016.",
        "a",
        "2031-03-02",
        "A",
    )
    c = article("The Carrow mill was sold in 2004 and 2005.", "c", "2031-03-02", "C")
    rows = sorted((e.date, e.text[:9]) for e in run(a, c).timeline)
    assert rows == [("2004", "The Carro"), ("2005", "The Carro"), ("2016", "The owner")]


def test_an_event_counted_back_from_the_day_told_before_it() -> None:
    # "on <day> - N days after <event>": the event is N days before that day
    text = "Reed testified on March 12, 2027 - six days after the harbour vote. Lind left on May 4, 2027, a day before the gala."
    got = {e.date for e in run(article(text, "a", "2031-03-14", "A")).timeline}
    assert {"2027-03-12", "2027-03-06", "2027-05-04", "2027-05-05"} <= got


def test_an_event_a_count_of_days_ahead() -> None:
    # "the first debate in 10 days": publication plus ten days; a process taking days is no date
    a = article("Heading into the first debate in 10 days, Reed said little.", "a", "2031-03-14", "A")
    assert [e.date for e in run(a).timeline] == ["2031-03-24"]
    b = article(
        "The protests that culminated in two days of violence ended the talks.", "b", "2031-03-14", "B"
    )
    assert run(b).timeline == ()
    # a count of things within a span, not an event to come
    c = article("Reed was the second keeper in two days to leave the harbour club.", "c", "2031-03-14", "C")
    assert run(c).timeline == ()


def test_two_outlets_one_day_one_clock_time_are_one_event() -> None:
    # nothing in common but the day and the minute: one event; another minute stays apart
    a = article(
        "Handcuffed to each other in the back of the van, both wardens watched the prisoner flee "
        "across the orchard at around 7:40 a.m. on Sunday, Reed said.",
        "a", "2031-03-18", "A",
    )  # fmt: skip
    b = article("Tomas Vrba escaped just after 7:40 a.m. on Sunday.", "b", "2031-03-18", "B")
    c = article("Lind opened the market stalls at 8:15 a.m. on Sunday.", "c", "2031-03-18", "C")
    rows = run(a, b, c).timeline
    assert sorted(sorted(r.article_ids) for r in rows) == [["a", "b"], ["c"]]


def test_an_appended_correction_counts_its_days_from_its_own_date() -> None:
    text = (
        "Reed opened the harbour bridge on Friday.\n\n"
        "CORRECTION:\n\n"
        "An article on Monday misstated its length. On Wednesday, however, the mayor gave the figure."
    )
    a = dataclasses.replace(
        article(text, "a", "2031-03-17", "A"),  # a Monday paper, the note dated Saturday 22nd
        removed=(Removal("Saturday, March 22, 2031.", "date line", len(text), len(text) + 26),),
    )
    got = {e.date for e in run(a).timeline}
    assert {"2031-03-14", "2031-03-17", "2031-03-19"} <= got  # not the Wednesday before publication
    assert "2031-03-12" not in got
