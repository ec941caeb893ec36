from newsprism.render.brief_html import _in_sentence
from newsprism.render.brief_text import (
    agree_rows,
    as_line,
    fact_line,
    in_sentence,
    quote_piece,
    sentence_parts,
    summary_text,
    term_brief,
)
from newsprism.render.markdown import md_escape
from newsprism.render.story.view import Links, _matrix, _outlet_rows


def _group(text, before="", after=""):
    return {"text": text, "before": before, "after": after}


def test_a_clause_is_shown_in_bold_inside_its_sentence_and_marked_on_a_terminal():
    group = _group("while the site was made safe.", "The port said five berths would remain closed ")
    assert (
        in_sentence(group, md_escape)
        == "The port said five berths would remain closed **while the site was made safe.**"
    )
    assert (
        in_sentence(group, str)
        == "The port said five berths would remain closed ⟨while the site was made safe.⟩"
    )


def test_a_whole_sentence_is_shown_as_it_is():
    assert in_sentence(_group("Three firefighters were hurt."), str) == "Three firefighters were hurt."


def test_long_context_is_cut_at_a_word_with_an_ellipsis():
    before = "word " * 40
    after = " and then " + "more " * 40
    shown_before, shown_after = sentence_parts(_group("the clause", before, after), context=30)
    assert shown_before.startswith("…") and len(shown_before) <= 31
    assert shown_after.endswith("…") and len(shown_after) <= 31
    assert not shown_before[1:].startswith(" ") and "wor " not in shown_before


def test_context_is_escaped_in_markdown_and_html():
    group = _group("the *claim*", "<b>Officials</b> said ", " [link](x)")
    md = in_sentence(group, md_escape)
    assert "<b>" not in md and "\\*claim\\*" in md
    html = _in_sentence(group)
    assert "<b>" not in html and "&lt;b&gt;" in html


def test_only_here_shows_a_fragment_inside_its_sentence_and_a_statement_alone():
    fragment = {
        **_group("and saving the old mill.", "The council praised the firefighters for holding the line "),
        "form": "in_sentence",
    }
    whole = {**_group("Crews worked overnight."), "form": "alone"}
    report = {
        "articles": [{"id": "a", "label": "Gazette"}],
        "ledger": [
            {
                **g,
                "id": i,
                "status": "single-source",
                "article_ids": ["a"],
                "outlets": ["Gazette"],
                "independent_support": 1,
            }
            for i, g in (("g1", fragment), ("g2", whole))
        ],
        "unique": {"a": ["g1", "g2"]},
    }
    text = term_brief(report)
    assert (
        "only here: The council praised the firefighters for holding the line ⟨and saving the old mill.⟩"
        in text
    )
    assert "only here: Crews worked overnight." in text


def test_the_story_page_shows_a_fragment_inside_its_sentence():
    group = {
        **_group("and saving the old mill.", "The council praised the firefighters for holding the line "),
        "id": "g1",
        "form": "in_sentence",
        "statement_ids": ["s1"],
    }
    statement = {"id": "s1", "article_id": "a", "text": group["text"], "start": 58, "end": 82}
    report = {
        "ledger": [group],
        "statements": [statement],
        "unique": {"a": ["g1"]},
        "omissions": {"b": ["g1"]},
    }
    links = Links(article=lambda aid, s=None, e=None: f"#{aid}-{s}-{e}", person=lambda n: None)
    only, left = _outlet_rows(report, {"a": "Gazette", "b": "Courier"}, links)
    shown = "The council praised the firefighters for holding the line ⟨and saving the old mill.⟩"
    assert only["only"][0]["text"] == shown and only["only"][0]["href"] == "#a-58-82"
    assert left["missing"] == [shown]


def test_a_sentence_of_a_longer_quote_is_shown_as_its_speakers_words():
    statements = {"s1": {"id": "s1", "text": "The tolls stay,” the mayor said.", "attributed_to": "Ada Vell"}}
    group = {"text": "The tolls stay,” the mayor said.", "statement_ids": ["s1"], "form": "quote_piece"}
    assert quote_piece(group, statements) == "Ada Vell, in a longer quote: “…The tolls stay,” the mayor said."
    inner = {"text": "The bridge will open in May.", "statement_ids": ["s2"]}
    assert quote_piece(inner, {}) == "unnamed speaker, in a longer quote: “…The bridge will open in May.…”"


def test_an_agree_line_is_not_repeated_for_a_group_citing_part_of_its_outlets():
    rows = [
        ("Harbour berths stay closed.", ("a", "b", "c")),
        ("Harbour berths stay closed.", ("a", "c")),  # the same line, fewer outlets: dropped
        ("Harbour berths stay closed.", ("b", "d")),  # another outlet carries it: kept
        ("Only one outlet says so.", ("a",)),  # one article: not an agree line
        ("Three firefighters were hurt.", ("a", "b")),
    ]
    assert agree_rows(rows) == [0, 2, 4]


def test_typewriter_quote_marks_are_read_as_quote_marks_and_a_cut_quote_ends_in_one_ellipsis():
    # Reported speech holding a ''…'' quote is the outlet's sentence, not "a longer quote".
    text = "Ada Vell, a spokeswoman for the port, said the crews would work ''to keep every berth open.''"
    statements = {"s1": {"id": "s1", "text": text, "quote_kind": "direct", "attributed_to": "Ada Vell"}}
    line = fact_line({"text": text, "statement_ids": ["s1"]}, statements, lambda x: x)
    assert line == text.replace("''", '"')
    assert as_line("''We will rebuild the pier,'' she said.") == '"We will rebuild the pier," she said.'
    long = {
        "text": "The bridge will open in May " + "and the ferries will run every hour " * 6 + "until then."
    }
    shown = quote_piece(long, {})
    assert shown.endswith("…”") and "……" not in shown


def test_a_whole_quote_shown_as_a_fact_names_its_speaker():
    text = "“If the ferries stop, the island stops with them.”"
    statements = {"s1": {"id": "s1", "text": text, "quote_kind": "direct", "attributed_to": "Ada Vell"}}
    assert fact_line({"text": text, "statement_ids": ["s1"]}, statements, str) == f"Ada Vell: {text}"
    said = "“The ferries will run,” Ada Vell said."
    statements = {"s2": {"id": "s2", "text": said, "quote_kind": "direct", "attributed_to": "Ada Vell"}}
    assert fact_line({"text": said, "statement_ids": ["s2"]}, statements, str) == said


def test_a_summary_line_that_is_a_whole_quote_names_its_speaker():
    quote = "“We will run the boats until the last passenger is home.”"
    report = {
        "articles": [{"id": "a", "label": "Gazette"}],
        "ledger": [],
        "statements": [{"id": "s1", "text": quote, "attributed_to": "Ada Vell"}],
        "summary": [
            {
                "text": quote,
                "group_id": "g1",
                "statement_id": "s1",
                "independent_support": 1,
                "marked": "single-source",
                "cites": [{"article_id": "a", "outlet": "Gazette"}],
            }
        ],
    }
    assert f"1. Ada Vell: {quote} [Gazette; 1 independent] (single source)" in term_brief(report)
    from newsprism.render.story.view import story_view

    report["articles"][0].update(title=None, published=None)
    for c in report["summary"][0]["cites"]:
        c.update(statement_id="s1", start=0, end=len(quote))
    links = Links(article=lambda aid, s=None, e=None: f"#{aid}-{s}-{e}", person=lambda n: None)
    assert story_view(report, links)["summary"][0]["text"] == f"Ada Vell: {quote}"  # the HTML page too
    runs_on = "''We will run the boats until the last passenger is home."  # the quote goes on
    report["statements"][0]["text"] = report["summary"][0]["text"] = runs_on
    assert '1. Ada Vell: "We will run the boats until the last passenger is home.…”' in term_brief(report)


def test_the_story_matrix_shows_no_row_for_a_group_held_only_by_weak_evidence():
    def group(gid, status, text, sids):
        return {"id": gid, "status": status, "text": text, "statement_ids": sids, "article_ids": ["a", "b"],
                "outlets": ["Gazette", "Courier"], "independent_support": 2}  # fmt: skip

    statements = [
        {"id": f"s{k}", "article_id": aid, "text": text, "start": 0, "end": len(text)}
        for k, (aid, text) in enumerate(
            [
                ("a", "The ferry sank."),
                ("b", "A ferry went down."),
                ("a", "Rain fell."),
                ("b", "Fog rolled in."),
            ]
        )
    ]
    report = {
        "ledger": [
            group("g1", "consensus", "The ferry sank.", ["s0", "s1"]),
            group("g2", "possibly-shared", "Heavy rain fell on the town all night.", ["s2", "s3"]),
        ],
        "statements": statements,
    }
    links = Links(article=lambda aid, s=None, e=None: f"#{aid}", person=lambda n: None)
    outlets = [{"id": "a", "label": "Gazette"}, {"id": "b", "label": "Courier"}]
    rows = _matrix(report, outlets, links)["rows"]
    assert [r["text"] for r in rows] == ["The ferry sank."]


def test_a_timeline_row_does_not_open_on_what_a_sentence_split_left_over():
    text = "? - The mayor has led the polls by ten points for much of the winter."
    report = {
        "articles": [{"id": "a", "label": "Gazette", "title": None, "published": None}],
        "ledger": [],
        "timeline": [
            {"date": "2031", "time": None, "text": text, "shown": text, "article_ids": ["a"], "conflict": None,
             "versions": [], "spans": [{"article_id": "a", "start": 0, "end": len(text)}]}
        ],
    }  # fmt: skip
    row = next(line for line in term_brief(report).splitlines() if "2031" in line)
    assert "2031 The mayor has led the polls" in row and "?" not in row
    from newsprism.render.story.view import story_view

    links = Links(article=lambda aid, s=None, e=None: f"#{aid}-{s}-{e}", person=lambda n: None)
    page = story_view(report, links)
    assert page["timeline"][0]["text"].startswith("The mayor has led")


def test_the_rows_shown_and_the_more_line_add_up_to_the_facts_counted():
    # Six facts only here: two clauses of one sentence (one row), one unreadable, four others.
    texts = {
        "g1": ("The council closed the pier", 0),
        "g2": ("and the ferry stopped.", 0),
        "g3": ("Crews worked overnight.", 40),
        "g4": ("The mayor spoke on Tuesday.", 80),
        "g5": ("Residents gathered at the quay.", 120),
        "g6": ("—", 160),
    }
    report = {
        "articles": [{"id": "a", "label": "Gazette"}],
        "ledger": [
            {
                "id": g,
                "text": t,
                "status": "single-source",
                "article_ids": ["a"],
                "outlets": ["Gazette"],
                "independent_support": 1,
                "statement_ids": [f"s{g}"],
            }
            for g, (t, _) in texts.items()
        ],
        "statements": [
            {"id": f"s{g}", "article_id": "a", "text": t, "start": at, "sentence_start": at}
            for g, (t, at) in texts.items()
        ],
        "unique": {"a": list(texts)},
    }
    text = term_brief(report)
    assert "6 facts only here" in text
    # Three rows shown and three more make the six the outlet's line counts (rows counted 4 before).
    assert "only here: … and 3 more" in text


def test_a_timeline_row_cut_from_a_longer_quote_names_its_speaker():
    # session 15 (reader6): a host's quoted sentence was a timeline row in the outlet's own voice
    body = "Dale Orr told listeners on Monday, “This is the story. The board has hidden the pier since yesterday.”"
    text = "The board has hidden the pier since yesterday."
    start = body.index(text)
    report = {
        "articles": [{"id": "a", "label": "Gazette", "title": None, "published": None}],
        "ledger": [],
        "statements": [
            {"id": "s1", "article_id": "a", "text": text, "start": start, "end": start + len(text),
             "quote_id": "q1", "quote_kind": "direct", "attributed_to": "Dale Orr"}
        ],
        "timeline": [
            {"date": "2031-05-04", "time": None, "text": text, "shown": text, "article_ids": ["a"],
             "conflict": None, "versions": [], "spans": [{"article_id": "a", "start": start, "end": start + len(text)}]}
        ],
    }  # fmt: skip
    row = next(line for line in term_brief(report).splitlines() if "2031-05-04" in line)
    assert "2031-05-04 Dale Orr, in a longer quote: “…The board has hidden the pier since yesterday.…”" in row
    from newsprism.render.story.view import story_view

    page = story_view(report, Links(article=lambda aid, s=None, e=None: "#", person=lambda n: None))
    assert page["timeline"][0]["text"].startswith("Dale Orr, in a longer quote:")


def test_a_timeline_row_ending_inside_its_quote_closes_it():
    # session 15 (reader6): "Limbaugh told his radio audience of Monday, “What has happened …" left open
    text = "Dale Orr told listeners on Monday, “This is the story."
    report = {
        "articles": [{"id": "a", "label": "Gazette", "title": None, "published": None}],
        "ledger": [],
        "timeline": [
            {"date": "2031-05-05", "time": None, "text": text, "shown": text, "article_ids": ["a"], "conflict": None,
             "versions": [], "spans": [{"article_id": "a", "start": 0, "end": len(text)}]}
        ],
    }  # fmt: skip
    row = next(line for line in term_brief(report).splitlines() if "2031-05-05" in line)
    assert "on Monday, “This is the story.…” [Gazette]" in row


def test_a_summary_line_cut_from_a_longer_quote_is_shown_as_its_speakers_words():
    piece = "We will run the boats until the last passenger is home."  # no mark: the quote goes on around it
    statements = {"s1": {"id": "s1", "text": piece, "quote_kind": "direct", "attributed_to": "Ada Vell"}}
    line = {"text": piece, "statement_id": "s1"}
    assert summary_text(line, statements) == f"Ada Vell, in a longer quote: “…{piece}…”"
    statements["s1"]["quote_kind"] = None  # the outlet's own sentence stays as it is
    assert summary_text(line, statements) == piece
