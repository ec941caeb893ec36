"""What a careful reader sees: quote versions of people, quote marks that balance, one line per
sentence, doubt read from the parse (fictional text throughout)."""

from newsprism.brief.quote_selection import shown_quote_groups
from newsprism.render.brief_html import _in_sentence
from newsprism.render.brief_text import (
    agree_rows,
    as_line,
    fact_line,
    in_sentence,
    readable,
    term_brief,
    without_markup,
)
from newsprism.text import balance_quotes, unclosed_quotes


def _variant(article, text, quote_kind="direct", speaker_kind="person", **extra):
    return {
        "quote_id": f"q{article}",
        "article_id": article,
        "text": text,
        "quote_kind": quote_kind,
        "speaker_kind": speaker_kind,
        "classification": extra.pop("classification", "translation"),
        "reference": extra.pop("reference", False),
        "diff": [["equal", text]],
        **extra,
    }


def test_reported_speech_of_a_country_is_not_shown_as_a_quote_but_a_persons_is():
    country = {
        "id": "g1",
        "speaker": "Norvania",
        "variants": [
            _variant(
                "a",
                "the council of Belm was behind the dam breach",
                "indirect",
                "organisation",
                reference=True,
            ),
            _variant(
                "b", "the council of Belm was responsible for the dam breach", "indirect", "organisation"
            ),
        ],
    }
    person = {
        "id": "g2",
        "speaker": "Ada Vell",
        "variants": [
            _variant(
                "a", "the dam breach was caused by the council of Belm", "indirect", "person", reference=True
            ),
            _variant("b", "the council of Belm caused the dam breach", "indirect", "person"),
        ],
    }
    shown = shown_quote_groups({"quote_groups": [country, person]})
    assert [g["speaker"] for g in shown] == ["Ada Vell"]


def test_versions_telling_different_things_are_shown_apart_not_as_one_quote():
    group = {
        "id": "g1",
        "speaker": "Ada Vell",
        "variants": [
            _variant(
                "a", "the council of Belm made key decisions for the valley towns", "indirect", reference=True
            ),
            _variant("b", "the council made key decisions for the valley towns", "indirect"),
            _variant("c", "the floods for the harvest losses", "indirect", classification="paraphrase"),
        ],
    }
    shown = shown_quote_groups({"quote_groups": [group]})
    # Article c's claim shares no content with the others: it is split off, and alone it is no
    # cross-outlet quote.
    assert [[v["article_id"] for v in g["variants"]] for g in shown] == [["a", "b"]]
    said = {
        "id": "g2",
        "speaker": "Ada Vell",
        "variants": [
            _variant(
                "a", "You work hard. You pay your tolls. So why did the mayor not pay his?", reference=True
            ),
            _variant("b", "Raising tolls on the poor has not worked.", classification="paraphrase"),
            _variant("c", "You work hard. You pay your tolls.", classification="trimmed"),
        ],
    }
    shown = shown_quote_groups({"quote_groups": [said]})
    assert [[v["article_id"] for v in g["variants"]] for g in shown] == [["a", "c"]]


def test_a_changed_version_stays_with_the_quote_it_changes():
    group = {
        "id": "g1",
        "speaker": "Ada Vell",
        "variants": [
            _variant("a", "We never closed the bridge", "indirect", reference=True),
            _variant("b", "Tolls rose twice", "indirect", flagged=True),
        ],
    }
    assert len(shown_quote_groups({"quote_groups": [group]})) == 1


def test_unclosed_quotes_are_found_and_balanced():
    assert unclosed_quotes("We open in May,” the mayor said.") == (True, False)
    assert unclosed_quotes("The mayor said: “We open in May.") == (False, True)
    assert unclosed_quotes('She called it "a stunt" and left.') == (False, False)
    assert balance_quotes("We open in May,” the mayor said.") == "“…We open in May,” the mayor said."
    assert balance_quotes("…open in May,” she said.") == "“…open in May,” she said."
    assert balance_quotes("The mayor said: “We open") == "The mayor said: “We open…”"


def test_a_summary_line_that_starts_inside_a_quote_is_marked_as_quoted():
    report = {
        "articles": [{"id": "a", "label": "Gazette"}],
        "ledger": [],
        "summary": [
            {"text": "We know the tolls hurt,” the mayor said.", "cites": [{"article_id": "a", "outlet": "Gazette"}],
             "independent_support": 1, "marked": None, "status": "consensus"}
        ],
    }  # fmt: skip
    assert "1. “…We know the tolls hurt,” the mayor said. [Gazette; 1 independent]" in term_brief(report)


def test_an_agree_line_cut_inside_a_quote_is_marked_as_quoted():
    group = {"text": "the tolls hurt,” the mayor said.", "before": "We know ", "after": ""}
    assert in_sentence(group, str) == "“…We know ⟨the tolls hurt,” the mayor said.⟩"
    assert _in_sentence(group).startswith("“…<span class=muted>We know </span>the tolls hurt")


def test_a_sentence_inside_a_direct_quote_with_no_marks_reads_as_the_speakers_words():
    statements = {
        "s1": {"id": "s1", "text": "We have a deficit.", "quote_kind": "direct", "attributed_to": "Ada Vell"}
    }
    group = {"text": "We have a deficit.", "statement_ids": ["s1"], "form": "alone"}
    assert fact_line(group, statements, str) == "Ada Vell, in a longer quote: “…We have a deficit.…”"
    # an outlet's own sentence stays as it is
    own = {"s2": {"id": "s2", "text": "Crews left at dawn.", "quote_kind": None}}
    assert fact_line({**group, "text": "Crews left at dawn.", "statement_ids": ["s2"]}, own, str) == (
        "Crews left at dawn."
    )


def test_a_quote_piece_ending_its_quote_is_not_closed_twice():
    statements = {
        "s1": {"id": "s1", "text": 'Ready for the parade" on May 9, he said.', "attributed_to": "Ada Vell"}
    }
    group = {
        "text": 'Ready for the parade" on May 9, he said.',
        "statement_ids": ["s1"],
        "form": "quote_piece",
    }
    assert (
        fact_line(group, statements, str)
        == 'Ada Vell, in a longer quote: “…Ready for the parade" on May 9, he said.'
    )


def test_only_here_shows_each_sentence_once_and_counts_in_the_singular():
    sentence = "The crane, built in 1950, fell into the harbour."
    statements = [
        {
            "id": "s1",
            "article_id": "a",
            "text": "The crane, built in 1950",
            "start": 0,
            "end": 24,
            "sentence_start": 0,
        },
        {
            "id": "s2",
            "article_id": "a",
            "text": "fell into the harbour.",
            "start": 26,
            "end": 48,
            "sentence_start": 0,
        },
        {"id": "s3", "article_id": "b", "text": "Crews left.", "start": 0, "end": 11, "sentence_start": 0},
    ]
    ledger = [
        {"id": "g1", "text": statements[0]["text"], "statement_ids": ["s1"], "form": "in_sentence", "before": "",
         "after": sentence[24:]},
        {"id": "g2", "text": statements[1]["text"], "statement_ids": ["s2"], "form": "in_sentence",
         "before": sentence[:26], "after": ""},
        {"id": "g3", "text": "Crews left.", "statement_ids": ["s3"], "form": "alone", "before": "", "after": ""},
    ]  # fmt: skip
    owner = {s["id"]: s["article_id"] for s in statements}
    for g in ledger:
        g.update(status="single-source", article_ids=[owner[g["statement_ids"][0]]], outlets=["x"])
        g["independent_support"] = 1
    report = {
        "articles": [{"id": "a", "label": "Gazette"}, {"id": "b", "label": "Courier"}],
        "ledger": ledger,
        "statements": statements,
        "unique": {"a": ["g1", "g2"], "b": ["g3"]},
    }
    text = term_brief(report)
    assert text.count("fell into the harbour") == 1
    assert "Courier: 1 fact only here" in text and "Gazette: 2 facts only here" in text


def test_markup_left_in_a_page_is_no_fact_and_is_not_shown():
    assert not readable('<post post-id="1234"><post/>.')
    assert readable("Crews left at dawn.")
    assert agree_rows(
        [('<post post-id="1234"><post/>.', ("a", "b")), ("Crews left at dawn.", ("a", "b"))]
    ) == [1]
    shown = without_markup(
        "Nobody is above the law. pic.twitter.com/Xy12 — Ada Vell (@adavell) May 5, 2016</post>."
    )
    assert shown == "Nobody is above the law. — Ada Vell (@adavell) May 5, 2016."


def test_a_summary_claim_shown_without_the_rest_of_its_sentence_says_so():
    assert (
        as_line("A fire in the mill burned through the night")
        == "A fire in the mill burned through the night…"
    )
    assert as_line("Crews left at dawn.") == "Crews left at dawn."
    assert as_line("We open in May,” the mayor said.") == "“…We open in May,” the mayor said."


def test_a_clause_that_does_not_read_alone_is_shown_in_its_sentence():
    group = {"text": "she is shown using her phone.", "before": "In a photograph from May, ", "after": ""}
    assert fact_line(group, {}, str) == "In a photograph from May, ⟨she is shown using her phone.⟩"


def test_an_outlet_with_more_facts_than_lines_says_how_many_are_not_shown():
    statements = [
        {
            "id": f"s{k}",
            "article_id": "a",
            "text": f"Fact number {k} is here.",
            "start": 30 * k,
            "end": 30 * k + 20,
        }
        for k in range(5)
    ]
    ledger = [
        {"id": f"g{k}", "text": st["text"], "statement_ids": [st["id"]], "form": "alone", "status": "single-source",
         "article_ids": ["a"], "outlets": ["Gazette"], "independent_support": 1}
        for k, st in enumerate(statements)
    ]  # fmt: skip
    report = {
        "articles": [{"id": "a", "label": "Gazette"}],
        "ledger": ledger,
        "statements": statements,
        "unique": {"a": [g["id"] for g in ledger]},
    }
    text = term_brief(report)
    assert "Gazette: 5 facts only here" in text and "only here: … and 2 more" in text


def test_a_cited_passage_with_quotes_of_its_own_puts_them_in_single_marks():
    report = {
        "articles": [{"id": "a", "label": "Gazette"}],
        "ledger": [],
        "disputes": [
            {
                "claim": "“Nobody came,” he said, calling it “reckless”.",
                "subject": None,
                "asserts": [{"actor": "Ada Vell", "article_id": "a", "text": 'She called it "a stunt".'}],
                "denies": [
                    {"actor": "Bo Lind", "article_id": "a", "text": "“Of course we had no part in it."}
                ],
            }
        ],
    }
    text = term_brief(report)
    assert "DISPUTED: “‘Nobody came,’ he said, calling it ‘reckless’.”" in text
    assert "Ada Vell (Gazette): “She called it ‘a stunt’.”" in text
    assert "Bo Lind (Gazette): “‘Of course we had no part in it.…’”" in text


def test_a_timeline_row_shows_no_markup():
    report = {
        "articles": [{"id": "a", "label": "Gazette"}],
        "ledger": [],
        "timeline": [
            {
                "date": "2016-05-05",
                "text": "Nobody is above the law. pic.twitter.com/Xy12</post>.",
                "article_ids": ["a"],
            }
        ],
    }
    assert "2016-05-05 Nobody is above the law. [Gazette]" in term_brief(report)


def test_a_meaning_changing_version_is_named_once_in_capitals():
    group = {
        "id": "g1",
        "speaker": "Ada Vell",
        "variants": [
            _variant("a", "We never closed the bridge.", reference=True, classification="verbatim"),
            _variant(
                "b",
                "We closed the bridge.",
                classification="altered",
                flagged=True,
                notes=["negation dropped"],
            ),
            _variant("c", "We never shut the bridge.", classification="translation"),
        ],
    }
    report = {
        "articles": [{"id": x, "label": x.upper()} for x in "abc"],
        "ledger": [],
        "quote_groups": [group],
    }
    text = term_brief(report)
    assert "- ALTERED (negation dropped) — B: We closed the bridge." in text
    assert "altered" not in text.replace("ALTERED", "") and "- translation — C:" in text


def test_words_printed_inside_a_reported_sentence_of_the_same_article_are_one_version():
    group = {
        "id": "g1",
        "speaker": "Ada Vell",
        "variants": [
            _variant("a", "the mayor the likely winner", "indirect", reference=True, start=10, end=37),
            _variant("b", 'she considered Brisk the "likely winner."', "indirect", start=100, end=141),
            _variant("b", "likely winner.", "fragment", start=126, end=140),
        ],
    }
    [shown] = shown_quote_groups({"quote_groups": [group]})
    assert [(v["article_id"], v["text"]) for v in shown["variants"]] == [
        ("a", "the mayor the likely winner"),
        ("b", 'she considered Brisk the "likely winner."'),
    ]
