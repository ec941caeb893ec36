import dataclasses

from newsprism.compare.framing import article_framing, headline_framing
from newsprism.compare.statements import article_statements
from tests.conftest import make_article


def test_headline_that_states_a_claim_as_fact_vs_one_that_attributes_it():
    assert headline_framing("US behind drone attack on Kremlin")["asserts"] is True
    attributed = headline_framing("Russia accuses US of being behind alleged drone attack")
    assert attributed["asserts"] is False
    assert "alleged" in attributed["hedges"] and "accuses" in attributed["verbs"]


def test_loaded_terms_count_only_in_the_outlets_own_voice():
    from newsprism.nlp import load_spacy

    text = (
        "The council claimed the plan was a stunt, and the furious mayor left.\n\n"
        "“This was a disgusting act,” Berg said; the plan was killed."
    )
    art = make_article(text, outlet="Daily")
    doc = load_spacy()(text)
    frame = article_framing(art, article_statements(art, []), [], doc)
    # Quoted judgement ("disgusting") is the speaker's; an event word ("killed") is no judgement.
    assert frame["loaded_terms"] == {"furious mayor": 1}
    assert frame["attribution_verbs"] == {"claimed": 1, "said": 1}
    assert frame["verb_tone"] == {"doubt": 1, "neutral": 1}


def test_a_clause_is_hedged_by_its_sentences_frame():
    from newsprism.compare.framing import article_framing
    from newsprism.model import LedgerGroup, Span, Statement

    text = "The union alleged that the pumps were off, and that the managers ignored a letter."
    art = make_article(text, outlet="A")
    start = text.index("that the managers")
    clause = Statement(
        id="s1",
        article_id=art.id,
        text=text[start:],
        span=Span(start, len(text)),
        sentence=Span(0, len(text)),
    )
    group = LedgerGroup(
        id="g1", text=clause.text, status="consensus", statement_ids=("s1", "s2"),
        article_ids=(art.id, "other"), independent_support=2,
    )  # fmt: skip
    claims = article_framing(art, [clause], [group])["claims"]
    assert claims[0]["verbs"] == ["alleged"]


def test_a_headline_that_attributes_its_claim_may_still_take_the_event_as_given():
    from newsprism.compare.framing import presupposed_events

    assert presupposed_events("Council blames port for attempted arson attack on depot") == [
        "attempted arson attack"
    ]
    assert presupposed_events("Council says port behind harbour attack") == ["harbour attack"]
    assert presupposed_events("Council says alleged attack on depot was staged") == []
    assert presupposed_events("Council calls it an “attack” on democracy") == []
    assert headline_framing("Mayor to open the new bridge")["presupposes"] == []
    # A wrong named as done is taken as given too, unless a word of doubt goes before it.
    assert presupposed_events("Governor vetoes bill after bribery scandal") == ["bribery scandal"]
    assert presupposed_events("Council denies alleged bribery scandal") == []


def test_a_headline_that_takes_an_event_as_given_is_compared_with_how_the_body_hedges_it():
    from newsprism.compare.framing import body_hedges
    from newsprism.compare.voice import own_voice

    body = "Officials said the depot burned overnight. Police called it an alleged arson attack on the port."
    found = body_hedges(["arson attack"], body, own_voice(body, []))
    assert [(h["phrase"], h["how"]) for h in found] == [("arson attack", "doubt")]
    assert body[found[0]["start"] : found[0]["end"]].startswith("Police called it")
    # Named only inside quote marks: the outlet never says it in its own voice.
    quoted = "The depot burned. “It was an arson attack,” the mayor said."
    assert [h["how"] for h in body_hedges(["arson attack"], quoted, own_voice(quoted, []))] == ["attributed"]
    # The body states it too: nothing to compare.
    plain = "The arson attack destroyed the depot."
    assert body_hedges(["arson attack"], plain, own_voice(plain, [])) == []


def test_a_body_that_says_it_does_not_know_whether_the_event_happened_doubts_it():
    from newsprism.compare.framing import body_hedges
    from newsprism.compare.voice import own_voice

    body = (
        "Two boats burned at the quay. Nobody knows who is behind the arson attacks, "
        "or whether the attack happened at all."
    )
    found = body_hedges(["arson attack"], body, own_voice(body, []))
    assert [(h["how"], h["text"].startswith("Nobody knows")) for h in found] == [("doubt", True)]
    # "whether" about something else than the event, in a sentence that knows: no doubt.
    sure = "The arson attack destroyed the depot. Police asked whether the attack was planned."
    assert body_hedges(["arson attack"], sure, own_voice(sure, [])) == []
    # Not knowing who did it is not doubting that it happened.
    who = "The arson attack destroyed the depot. It is unclear who ordered the attack."
    assert body_hedges(["arson attack"], who, own_voice(who, [])) == []


def test_article_framing_carries_the_body_hedges_of_its_headline():
    art = make_article("Investigators said the fire was an alleged arson attack.", outlet="Daily")
    art = dataclasses.replace(art, title="Arson attack on depot")
    frame = article_framing(art, article_statements(art, []), [])
    assert frame["headline"]["presupposes"] == ["Arson attack"]
    assert frame["headline"]["body_hedges"][0]["how"] == "doubt"


def test_the_headline_repeated_atop_the_body_is_not_the_body_and_a_hedge_phrase_doubts():
    from newsprism.compare.framing import body_hedges
    from newsprism.compare.voice import own_voice

    title = "Mayor blames port for arson attack"
    body = f"{title}\n\nThe minister said she could not validate the arson attack."
    found = body_hedges(["arson attack"], body, own_voice(body, []), title)
    assert [(h["how"], h["start"] > len(title)) for h in found] == [("doubt", True)]
    # Named only in a quote below the repeated headline: the body never says it itself.
    quoted = f"{title}\n\n“It was an arson attack,” the mayor said."
    assert [h["how"] for h in body_hedges(["arson attack"], quoted, own_voice(quoted, []), title)] == [
        "attributed"
    ]
    assert body_hedges(["arson attack"], quoted, own_voice(quoted, [])) == []  # the headline line says it


def test_the_brief_says_a_headline_that_attributes_its_claim_still_states_an_event_as_fact():
    from newsprism.render.brief_text import _framing

    def frame(title: str) -> dict:
        return {
            "outlet": "Daily",
            "headline": {**headline_framing(title), "body_hedges": []},
            "hedges": {},
            "attribution_verbs": {},
            "loaded_terms": {},
            "spellings": {"Tchaikovskiy": ["Tchaikovsky"]},
        }

    rows = _framing({"framing": [frame("Ministry blames rivals for dam sabotage")]}, str)
    assert "| in part, states as fact: dam sabotage |" in rows[2]
    assert rows[2].endswith("| Tchaikovskiy (others: Tchaikovsky) |")
    rows = _framing({"framing": [frame("Ministry blames rivals for alleged dam sabotage")]}, str)
    assert "| no |" in rows[2]


def test_a_loaded_word_of_a_title_case_headline_is_read_though_tagged_a_proper_noun():
    from newsprism.compare.voice import own_words
    from newsprism.nlp import load_spacy

    text = "Mayor Makes Shocking Demand Before Vote\n\nThe mayor asked for a recount."
    words = {w for w, *_ in own_words(text, load_spacy()(text))}
    assert "shocking" in words and "recount" in words
    # The same capitalised word inside a name stays a name.
    named = "The Shocking Blue played in Oslo on Friday night.\n\nIt was loud."
    assert "shocking" not in {w for w, *_ in own_words(named, load_spacy()(named))}


def test_a_headline_kept_apart_from_the_body_has_its_loaded_words_read():
    from newsprism.compare.framing import headline_terms

    body = "The council met on Monday and approved the budget."
    found = headline_terms("Mayor Zorbak Makes Shocking Demand", body, threshold=0.01)
    assert any(t.startswith("shocking") for t in found)
    assert not any("zorbak" in t for t in found)  # a name, not a word
    # A headline printed atop the body is read with the body, not twice.
    assert headline_terms("Council approves budget", "Council approves budget\n\n" + body) == {}


def test_transliterations_that_differ_in_first_letter_h_or_doubled_consonant_are_one_name():
    from newsprism.compare.framing import spelling_choices

    a = make_article("Colonel Gandoufi spoke on Tuesday. Gandoufi said the rebels would fail.", "A")
    b = make_article("Colonel Qandoufi spoke on Tuesday and warned the rebels.", "B")
    c = make_article("Colonel Gandhouffi spoke on Tuesday.", "C")
    choices = spelling_choices([a, b, c])
    assert choices[a.id] == {"Gandoufi": ["Gandhouffi", "Qandoufi"]}
    assert choices[b.id] == {"Qandoufi": ["Gandhouffi", "Gandoufi"]}
    # Two different first sounds are two names, even across outlets.
    d = make_article("Rena Mason met voters in Dover on Friday.", "D")
    e = make_article("Tom Jason met voters in Dover on Friday.", "E")
    assert spelling_choices([d, e]) == {}


def test_doubt_worded_in_no_list_is_read_from_the_parse_in_the_outlets_own_voice():
    from newsprism.compare.framing import doubt_hedges
    from newsprism.nlp import load_spacy

    nlp = load_spacy()
    own = "So we still do not know who flooded the mill or if the flood happened at all."
    assert dict(doubt_hedges(nlp(own), own)) == {"do not know": 1}
    passive = "The photographs could not be independently verified."
    assert dict(doubt_hedges(nlp(passive), passive)) == {"could not be independently verified": 1}
    # A person not knowing their own plans is no doubt about the event; quoted words are not the outlet's.
    plans = "Vell said she did not know whether she would run again."
    assert dict(doubt_hedges(nlp(plans), plans)) == {}
    quoted = "“We cannot confirm the flood,” Vell said."
    assert dict(doubt_hedges(nlp(quoted), " " * 30 + quoted[30:])) == {}


def test_according_to_is_counted_once_as_attribution_not_also_as_a_hedge():
    text = "The depot closed early, according to the harbour trust. The trust said it was safe."
    art = dataclasses.replace(make_article(text, outlet="Daily"), title="Depot shut, according to trust")
    frame = article_framing(art, article_statements(art, []), [])
    assert frame["attribution_verbs"] == {"according": 1, "said": 1}
    assert "according to" not in frame["hedges"]
    assert frame["headline"]["hedges"] == [] and frame["headline"]["verbs"] == ["according"]


def test_claiming_victory_is_neither_a_hedge_nor_an_attribution():
    text = "Ada Morrow claimed victory in the Lowport primary. Her rival claimed the count was flawed."
    art = dataclasses.replace(make_article(text, outlet="Daily"), title="Morrow claims victory")
    frame = article_framing(art, article_statements(art, []), [])
    assert frame["attribution_verbs"] == {"claimed": 1}  # the rival's claim only
    assert frame["hedges"] == {"claimed": 1} and frame["headline"]["verbs"] == []


def test_two_first_names_of_one_shape_beside_different_surnames_are_two_people():
    from newsprism.compare.framing import spelling_choices

    a = make_article("Speaker Paul Renner said on Thursday he would wait. Renner spoke briefly.", "A")
    b = make_article("Gov. Phil Brant of the state urged unity. Brant spoke later.", "B")
    assert spelling_choices([a, b]) == {}
    # One name written beside the same first name in both outlets stays one name.
    c = make_article("President Anton Gandoufi spoke on Tuesday.", "C")
    d = make_article("President Anton Qandoufi spoke on Tuesday.", "D")
    assert spelling_choices([c, d]) == {c.id: {"Gandoufi": ["Qandoufi"]}, d.id: {"Qandoufi": ["Gandoufi"]}}


def test_two_common_english_words_of_one_shape_are_not_two_spellings_of_a_name():
    from newsprism.compare.framing import spelling_choices

    # "Cake" (a show's title) and "Choke" (a front page's cry) share a skeleton but are words.
    a = make_article("The baker, star of the show “Cake Boss,” joined the rally on Monday.", "A")
    b = make_article("“Choke!” read the front page of the city tabloid on Sunday.", "B")
    assert spelling_choices([a, b]) == {}
    # A rare name and its variant still count, even when one form is a fairly common word.
    c = make_article("Officials in Kiev said the talks would resume.", "C")
    d = make_article("Officials in Kyiv said the talks would resume.", "D")
    assert spelling_choices([c, d]) == {c.id: {"Kiev": ["Kyiv"]}, d.id: {"Kyiv": ["Kiev"]}}


def test_a_headline_that_wonders_or_asks_does_not_state_its_claim_as_fact():
    from newsprism.compare.framing import headline_framing

    assert headline_framing("Maybe the mayor hasn't rewritten the rules")["asserts"] is False
    assert headline_framing("Harbour lead looks strong, but could it be misleading?")["asserts"] is False
    assert headline_framing("Ferry strike perhaps over by Friday")["asserts"] is False
    # A month is no hedge; a plain report still states its claim.
    assert headline_framing("Port to reopen May 3 after the flood")["asserts"] is True
    assert headline_framing("Mayor closes every school after the flood")["asserts"] is True
    assert headline_framing("Polls may have missed the late swing")["hedges"] == ["may have"]


def test_a_list_or_a_guide_to_what_comes_states_no_claim_as_fact():
    from newsprism.compare.framing import headline_framing

    assert headline_framing("5 things to watch in tonight's harbour debate")["asserts"] is False
    assert headline_framing("Three takeaways from the council vote")["asserts"] is False
    assert headline_framing("What to watch for as the ferry strike ends")["asserts"] is False
    # A number that counts what happened is a claim.
    assert headline_framing("5 ferries sink in the harbour storm")["asserts"] is True


def test_a_hedge_in_a_sentence_cut_from_a_longer_quote_is_the_speakers_not_the_outlets():
    # session 15 (reader6): a quoted sentence's "apparently" was counted as the outlet's hedge
    from newsprism.model import Span, Statement

    text = (
        'The mayor reflected on her style. "I love to wave my arms. But apparently that is a '
        'little loud for the harbour board." Apparently the board agreed.'
    )
    art = make_article(text, outlet="A")
    cut = ("But apparently that is a little loud for the harbour board.", "Apparently the board agreed.")
    statements = [
        Statement(id=f"s{k}", article_id=art.id, text=t, span=Span(text.index(t), text.index(t) + len(t)))
        for k, t in enumerate(cut)
    ]
    assert article_framing(art, statements, [])["hedges"] == {"apparently": 1}


def test_a_headline_giving_someones_explanation_attributes_its_claim():
    # session 15 (reader6): "Survivors Explain Why <candidate> Offers Needed Change" stated as fact
    framed = headline_framing("Ferry Crash Survivors Explain Why Mayor Vell Offers Needed Change")
    assert framed["asserts"] is False and "explain" in framed["verbs"]
    assert headline_framing("Mayor Vell Offers Needed Change To The Harbour")["asserts"] is True


def _told(article, sid: str, words: str, quote_id: str | None = None):
    from newsprism.model import Span, Statement

    start = article.text.index(words)
    end = start + len(words)
    return Statement(sid, article.id, words, Span(start, end), quote_id=quote_id, sentence=Span(start, end))


def test_a_loaded_term_is_set_beside_the_wording_another_outlet_gives_the_same_fact():
    from newsprism.compare.framing import StoryContrast, loaded_contrasts
    from newsprism.model import LedgerGroup

    a = make_article(
        "Police said the slain teenager was walking home from a Brooklyn vigil.", outlet="Ledger"
    )
    b = make_article(
        "Police said the teenager killed on Monday was walking home from a Brooklyn vigil.", outlet="Tribune"
    )
    c = make_article(
        "The slain teenager was walking home from a Brooklyn vigil, police said.", outlet="Courier"
    )
    d = make_article(
        "“The teenager was walking home from a Brooklyn vigil,” his aunt said.", outlet="Gazette"
    )
    sa, sb = _told(a, "s1", a.text), _told(b, "s2", b.text)
    sc, sd = _told(c, "s3", c.text), _told(d, "s4", d.text, quote_id="q1")
    group = LedgerGroup("g1", a.text, "consensus", ("s1", "s2", "s3", "s4"), (a.id, b.id, c.id, d.id), 4)
    story = StoryContrast([a, b, c, d], [sa, sb, sc, sd], [group])
    frame = {"loaded_terms": {"slain teenager": 1}}
    contrasts = loaded_contrasts(frame, a, story)
    # The Tribune tells it with a plainer word; the Courier uses "slain" too; the Gazette's is a quote.
    assert [c["article_id"] for c in contrasts["slain teenager"]] == [b.id]
    assert contrasts["slain teenager"][0]["how"] == "ledger"
    # A weak join ("possibly-shared") is not known to tell the same fact, and no other
    # sentence shares enough of the clause's words.
    weak = dataclasses.replace(group, status="possibly-shared")
    far = make_article("Officers cleared the street late on Tuesday.", outlet="Tribune")
    story = StoryContrast([a, far], [sa, _told(far, "s2", far.text)], [weak])
    assert loaded_contrasts(frame, a, story) == {}


def test_with_no_ledger_group_the_nearest_sentence_of_the_other_outlet_is_its_telling():
    from newsprism.compare.framing import StoryContrast, loaded_contrasts

    a = make_article("The mayor rampaged through the budget hearing on Tuesday night.", outlet="Ledger")
    b = make_article(
        "Rain fell. The mayor walked out of the budget hearing on Tuesday night. Schools opened.",
        outlet="Tribune",
    )
    found = StoryContrast([a, b], [], []).counterparts(a.id, a.text.index("rampaged"), "rampaged")
    assert found == [
        {
            "article_id": b.id,
            "text": "The mayor walked out of the budget hearing on Tuesday night.",
            "how": "nearest",
            "uses": False,
        }
    ]
    # The reader is shown only a telling the ledger joined: a nearest sentence is a guess.
    assert loaded_contrasts({"loaded_terms": {"rampaged": 1}}, a, StoryContrast([a, b], [], [])) == {}


def test_the_brief_sets_a_loaded_term_beside_the_other_outlets_wording():
    from newsprism.render.brief_text import _contrasts

    report = {
        "articles": [{"id": "a1", "label": "Ledger"}, {"id": "b1", "label": "Tribune"}],
        "framing": [
            {
                "outlet": "Ledger",
                "contrasts": {
                    "slain": [{"article_id": "b1", "text": "The teenager was killed.", "how": "ledger"}]
                },
            },
            {"outlet": "Tribune", "contrasts": {}},
        ],
    }
    lines = _contrasts(report, lambda s: s)
    assert lines[-1] == "- Ledger writes “slain”; Tribune on the same matter: “The teenager was killed.”"
    assert _contrasts({"framing": [{"outlet": "Tribune", "contrasts": {}}]}, lambda s: s) == []


def test_the_story_page_sets_a_loaded_term_beside_the_other_outlets_wording():
    from newsprism.render.story.jinja import story_env
    from newsprism.render.story.view import Links, story_view

    frame = {
        "article_id": "a1",
        "outlet": "Ledger",
        "headline": headline_framing(None) | {"body_hedges": []},
        "hedges": {},
        "attribution_verbs": {},
        "loaded_terms": {"slain": 1},
        "contrasts": {"slain": [{"article_id": "b1", "text": "The teenager was killed.", "how": "ledger"}]},
        "spellings": {},
    }
    report = {
        "articles": [
            {"id": aid, "label": label, "title": None, "published": None}
            for aid, label in (("a1", "Ledger"), ("b1", "Tribune"))
        ],
        "ledger": [],
        "framing": [frame, {**{k: v for k, v in frame.items() if k != "contrasts"}, "article_id": "b1"}],
    }
    links = Links(article=lambda aid, s=None, e=None: "#", person=lambda n: None)
    page = story_env().get_template("story_body.html").render(**story_view(report, links))
    # a framing stored before contrasts were read has none, and the page still draws
    assert page.count("on the same matter") == 1
    assert "“slain”; Tribune on the same matter: “The teenager was killed.”" in page


def test_a_word_another_outlet_leaves_out_of_the_same_fact_is_listed_from_a_lower_bar():
    from newsprism.compare.framing import contrasted

    kinds = {"slain": "without", "stark": "none", "grim": "shared", "fiery": "none"}
    loaded = {"grim": 1, "fiery speech": 2}  # at the bar
    lower = {"grim": 1, "fiery speech": 2, "slain teen": 1, "stark": 1}  # at the bar minus the step
    # "slain" is told plainer elsewhere: kept from the lower bar; "stark" no one else tells:
    # only from the bar; "grim" every outlet telling the fact uses: the story's word.
    assert contrasted(loaded, lower, kinds.__getitem__) == {"fiery speech": 2, "slain teen": 1}


def test_the_contrast_of_a_word_is_read_over_its_own_voice_occurrences():
    from newsprism.compare.framing import StoryContrast, _contrast_kind

    a = make_article(
        "The slain teenager was walking home from a Brooklyn vigil. His slain cousin lived nearby.",
        outlet="Ledger",
    )
    b = make_article(
        "The teenager killed on Monday was walking home from a Brooklyn vigil.", outlet="Tribune"
    )
    c = make_article(
        "The slain teenager was walking home from a Brooklyn vigil, police said.", outlet="Courier"
    )
    story = StoryContrast([a, b, c], [], [])
    assert _contrast_kind(story, a.id, a.text, "slain") == "without"  # the Tribune's plainer telling
    assert _contrast_kind(StoryContrast([a, c], [], []), a.id, a.text, "slain") == "shared"
    # blanked (quoted or reported) occurrences are not read
    assert _contrast_kind(story, a.id, " " * len(a.text), "slain") == "none"


def test_the_nearest_sentence_is_the_later_of_two_equal_overlaps_and_none_under_the_floor():
    from newsprism.compare.framing import StoryContrast

    a = make_article("The mayor rampaged through the budget hearing on Tuesday.", outlet="Ledger")
    b = make_article(
        "The mayor left the budget hearing. Pigeons crowded the square. The mayor quit the budget hearing.",
        outlet="Tribune",
    )
    c = make_article("Pigeons crowded the square near the harbour. Ferries ran late.", outlet="Courier")
    story = StoryContrast([a, b, c], [], [])
    words = {"mayor", "budget", "hearing", "tuesday"}
    overlaps = story._overlaps(words)
    assert c.id not in overlaps  # no sentence of it shares a word: never read
    near = story._nearest(b.id, words, overlaps[b.id])
    assert b.text[near[0] : near[1]] == "The mayor quit the budget hearing."
    assert story._nearest(b.id, {"mayor", "pigeons", "ferries", "harbour", "late", "square"}, {}) is None


def test_sentence_overlaps_from_the_postings_equal_the_sets_own_counts():
    from newsprism.compare.framing import StoryContrast

    texts = [
        "Firefighters reached the warehouse at dawn. The warehouse roof fell.",
        "The roof of the warehouse fell before dawn. Firefighters stayed all day.",
        "A ferry ran late. The harbour closed at noon.",
    ]
    arts = [make_article(t, outlet=f"Outlet {k}") for k, t in enumerate(texts)]
    story = StoryContrast(arts, [], [])
    words = {"warehouse", "roof", "dawn", "harbour"}
    overlaps = story._overlaps(words)
    for art in arts:
        expected = {k: len(words & w) for k, w in enumerate(story.words[art.id]) if words & w}
        assert dict(overlaps.get(art.id, {})) == expected
