from newsprism.compare.provenance import find_citations, find_credits, origins, provenance_edges, rewrite_run
from newsprism.settings import CompareSettings
from tests.conftest import make_article

WIRE = (
    "A fire swept through a warehouse in the port of Carrowmere during the night, injuring twelve people.\n\n"
    "Two officials speaking on condition of anonymity said investigators were examining a consignment of batteries.\n\n"
    "The port authority said five berths would remain closed while the site was made safe for investigators."
)


def test_credit_lines_and_in_text_citations_are_read():
    art = make_article(
        "Peskov spoke, the RIA news agency said.\n\nThree officials told NBC News it was false.\n\n"
        "The Interfax news agency reported the same.\n\nReuters contributed to this report.",
        outlet="Epoch",
    )
    assert [a for a, _ in find_credits(art)] == ["Reuters"]
    assert [o for o, _ in find_citations(art)] == ["Interfax", "NBC News", "RIA"]


def test_lightly_edited_copies_reuse_and_count_as_one_origin():
    a = make_article(
        WIRE + "\n\nCoastline Press Agency contributed to this report.",
        outlet="Northshore",
        published="2024-03-13",
    )
    b = make_article(
        WIRE.replace("twelve people", "12 people").replace("remain closed", "stay closed"),
        outlet="Meridian",
        published="2024-03-14",
    )
    c = make_article(
        "Twelve people were hurt when a warehouse burned in Carrowmere, officials said.", outlet="Herald"
    )
    edges = provenance_edges([a, b, c], CompareSettings())
    reuse = [e for e in edges if e.kind == "reuses" and e.target == a.id]
    assert [(e.source, e.target) for e in reuse] == [(b.id, a.id)]
    agency = {(e.source, e.kind) for e in edges if e.target == "Coastline Press Agency"}
    assert agency == {(a.id, "credits"), (a.id, "reuses"), (b.id, "reuses")}
    origin = origins([a, b, c], edges)
    assert origin[a.id] == origin[b.id] != origin[c.id]


def test_two_outlets_quoting_the_same_words_do_not_reuse_each_other():
    quote = "“We know very well that decisions about such attacks are made not in Kyiv, but in Washington and then carried out.”"
    a = make_article(f"{quote} Peskov said on Thursday.\n\n{quote}", outlet="A")
    b = make_article(f"{quote} said the Kremlin spokesman.\n\n{quote}", outlet="B")
    assert not [e for e in provenance_edges([a, b], CompareSettings()) if e.kind == "reuses"]


def test_the_same_article_given_twice_does_not_break_provenance():
    a = make_article(WIRE, outlet="Northshore")
    assert provenance_edges([a, a], CompareSettings()) is not None


def test_wire_datelines_and_sign_offs_are_credits():
    dated = make_article(
        "MEXICO CITY, Feb. 8 (UPI) — The former leader spoke.\n\nHe said more.", outlet="Daily"
    )
    bare = make_article("(AFP) – Activists gathered.", outlet="Daily")
    signed = make_article("The council voted.\n\n(Reporting by Ann Lee; Editing by Bo Kim.)", outlet="Daily")
    aside = make_article(
        "Officials (and the mayor) - all of them - agreed at length on the plan.", outlet="Daily"
    )
    assert [a for a, _ in find_credits(dated)] == ["UPI"]
    assert [a for a, _ in find_credits(bare)] == ["AFP"]
    assert [a for a, _ in find_credits(signed)] == ["Reuters"]
    assert find_credits(aside) == []


def test_an_outlet_never_credits_or_cites_itself():
    art = make_article(
        "WASHINGTON (Fox News) — The senator, citing Fox News, spoke.\n\nShe told Fox News it was true. She told CNN more.",
        outlet="foxnews.com",
    )
    assert find_credits(art) == []
    assert [o for o, _ in find_citations(art)] == ["CNN"]


def test_an_article_known_only_by_its_url_does_not_cite_itself_and_short_names_are_not_chance():
    import dataclasses

    text = (
        "The senator told Fox News it was true.\n\nThe AP reported the vote. AP contributed to this report."
    )
    art = dataclasses.replace(make_article(text), url="https://www.foxnews.com/politics/vote")
    assert [o for o, _ in find_citations(art)] == ["AP"]
    # "ap" inside "capitalgazette" is chance: the AP credit stays.
    gazette = make_article(text, outlet="Capital Gazette")
    assert [a for a, _ in find_credits(gazette)] == ["AP"]


def test_the_candidate_step_keeps_every_reuse_edge_of_comparing_all_pairs(monkeypatch):
    from newsprism.compare import provenance

    arts = [
        make_article(WIRE, outlet="Northshore", published="2024-03-13"),
        make_article(WIRE.replace("twelve", "12"), outlet="Meridian", published="2024-03-14"),
        make_article(
            "Twelve people were hurt when a warehouse burned in Carrowmere, officials said.", outlet="H"
        ),
        make_article(
            "A ferry ran aground off the northern cape after its engines failed in heavy seas.", outlet="K"
        ),
    ]
    fast = provenance_edges(arts, CompareSettings())

    def every_pair(grams, common, shared=3):
        ids = sorted(grams)
        return [(a, b) for i, a in enumerate(ids) for b in ids[i + 1 :]]

    monkeypatch.setattr(provenance, "gram_pairs", every_pair)
    assert provenance_edges(arts, CompareSettings()) == fast
    assert any(e.kind == "reuses" for e in fast)


def test_rare_shared_word_grams_make_candidates_and_common_ones_do_not():
    from newsprism.compare.provenance import candidate_pairs

    voices = {
        "a": ["the harbour master closed berth nine after the blaze at dawn"],
        "b": ["officials said the harbour master closed berth nine after the blaze"],
        "c": ["the harbour master spoke to reporters at noon on the quay"],
    }
    assert candidate_pairs(voices, common=50) == [("a", "b")]
    assert candidate_pairs(voices, common=1) == []


def test_gram_pairs_are_the_pairs_sharing_enough_uncommon_grams():
    import random

    from newsprism.compare.provenance import gram_pairs

    rng = random.Random(5)
    for _ in range(80):
        grams = {
            f"id{k}": {(f"g{rng.randrange(12)}",) for _ in range(rng.randrange(6))}
            for k in range(rng.randrange(9))
        }
        common, shared = rng.randrange(1, 6), rng.randrange(1, 4)
        df = {g: sum(g in held for held in grams.values()) for held in grams.values() for g in held}
        ids = sorted(grams)
        expected = [
            (a, b)
            for i, a in enumerate(ids)
            for b in ids[i + 1 :]
            if sum(1 for g in grams[a] & grams[b] if df[g] <= common) >= shared
        ]
        assert gram_pairs(grams, common, shared) == expected


LONG_QUOTES = (
    "“The crew has nothing to do with it,” the minister said. “We do not even know exactly what "
    "happened at sea, but I can assure you the company had no role in it whatsoever.” "
    "“We will not rest until every passenger is home with their families,” she added."
)


def test_two_articles_carrying_the_same_quotations_share_a_passage_but_stay_two_origins():
    a = make_article(f"A ferry ran aground on Monday. {LONG_QUOTES}", outlet="A", published="2024-03-13")
    told = LONG_QUOTES.replace("the minister said", "said Transport Minister Ada Lunde").replace(
        "she", "Lunde"
    )
    b = make_article(f"Rescuers reached the stranded ship. {told}", outlet="B", published="2024-03-14")
    edges = provenance_edges([a, b], CompareSettings())
    assert [(e.source, e.target, e.kind) for e in edges] == [(b.id, a.id, "shares")]
    assert origins([a, b], edges) == {a.id: a.id, b.id: b.id}


def test_one_shared_quotation_is_not_a_shared_passage():
    quote = "“We will not rest until every passenger is home with their families,” she added."
    a = make_article(f"A ferry ran aground on Monday. {quote}", outlet="A")
    b = make_article(f"Rescuers reached the stranded ship. {quote}", outlet="B")
    assert provenance_edges([a, b], CompareSettings()) == []


# Our own paraphrases of one council story: a reworded copy (word swaps, "5,000" for "five
# thousand", clause order kept) and an independent report of the same vote in its own words.
ORIG = (
    "The city council of Brackenford voted on Tuesday to close two of its four public libraries by the end of the year, citing a budget shortfall.\n\n"
    "The measure passed by seven votes to four after a debate that lasted more than three hours and drew a crowd of about two hundred residents.\n\n"
    "Council leader Ilse Margrave said the savings would be spent on road repairs and on keeping the remaining branches open on Sundays.\n\n"
    "Opponents have collected more than five thousand signatures on a petition asking the council to reconsider before the closures take effect."
)
REWRITE = (
    "Brackenford's city council voted on Tuesday to close two of its four public libraries by the end of the year, blaming a budget shortfall.\n\n"
    "The measure was passed by seven votes to four after a debate lasting more than three hours that drew a crowd of some two hundred residents.\n\n"
    "Council leader Ilse Margrave said the money saved would go to road repairs and to keeping the remaining branches open on Sundays.\n\n"
    "Opponents have gathered more than 5,000 signatures on a petition urging the council to reconsider before the closures take effect."
)
OWN = (
    "Two of Brackenford's four libraries will shut by December after councillors backed the cuts on Tuesday night.\n\n"
    "About 200 people packed the chamber for the vote, which ended seven to four.\n\n"
    "Margrave, who leads the council, told the meeting that roads needed the money more.\n\n"
    "A petition against the closures has passed 5,000 names, its organisers say."
)


def test_a_reworded_copy_reuses_the_original_and_an_own_words_report_does_not():
    orig = make_article(ORIG, outlet="Wire", published="2024-01-01")
    copy = make_article(REWRITE, outlet="Copy", published="2024-01-02")
    own = make_article(OWN, outlet="Own", published="2024-01-02")
    edges = provenance_edges([orig, copy, own], CompareSettings())
    assert [(e.source, e.target, e.kind) for e in edges] == [(copy.id, orig.id, "reuses")]
    assert len(set(origins([orig, copy, own], edges).values())) == 2


def test_one_long_shared_quotation_is_not_a_shared_passage():
    quote = (
        "“Thirty years ago, when I was a boy watching the harbour fireworks with my family, I never "
        "imagined that I would one day have the chance to stand on that pier myself,” he said."
    )
    a = make_article(f"The mayor opened the festival. {quote}", outlet="A")
    b = make_article(f"Crowds gathered at the waterfront. {quote}", outlet="B")
    assert provenance_edges([a, b], CompareSettings()) == []


def test_a_hat_tip_credits_the_outlet_named():
    art = make_article("The senator repeated the claim on Sunday.\n\n(h/t The Hill.)", outlet="Daily")
    assert [a for a, _ in find_credits(art)] == ["The Hill"]


# A wire story and a rewrite of it: synonyms swapped, words added, the order of the passage kept.
_STORY = (
    "On Tuesday the harbour board accused the shipping firm of ignoring three fire inspections at the "
    "Carrowmere warehouse before the blaze.\n\n"
    "Inspectors said the firm should have known the batteries stored on the upper floor were a hazard "
    "and that the sprinklers had been switched off.\n\n"
    "The mayor visited the site in the afternoon and met the families of the injured workers."
)
_REWRITE = (
    "Tuesday saw the harbour board charge the shipping company with ignoring three fire inspections at "
    "the Carrowmere warehouse prior to the blaze.\n\n"
    "According to inspectors, the company should have been aware the batteries kept on the upper floor "
    "were a danger and that the sprinklers had been turned off.\n\n"
    "Dockworkers gathered at the gates on Wednesday to demand answers about their pay."
)
_OWN_WORDS = (
    "The warehouse fire in Carrowmere has put the shipping firm under pressure: the harbour board says "
    "three fire inspections at the site were ignored.\n\n"
    "Batteries on the upper floor may have caught fire, and the sprinklers were off, inspectors said.\n\n"
    "The mayor visited the site in the afternoon."
)


def test_a_reworded_passage_in_the_same_order_is_a_rewrite_and_one_origin():
    a = make_article(_STORY, outlet="Wire", published="2024-03-13")
    b = make_article(_REWRITE, outlet="Rewriter", published="2024-03-14")
    edges = [e for e in provenance_edges([a, b], CompareSettings()) if e.kind == "reuses"]
    assert [(e.source, e.target) for e in edges] == [(b.id, a.id)]
    assert "rewritten passage: 2 sentences in the same order" in edges[0].evidence
    assert len(set(origins([a, b], edges).values())) == 1


def test_the_same_facts_in_own_words_are_no_rewrite():
    a = make_article(_STORY, outlet="Wire", published="2024-03-13")
    c = make_article(_OWN_WORDS, outlet="Herald", published="2024-03-14")
    assert not [e for e in provenance_edges([a, c], CompareSettings()) if e.kind == "reuses"]


def test_aligned_sentences_out_of_order_make_no_run():
    pairs = [(0, 5, 12, 20), (6, 1, 15, 20)]  # aligned, but the second comes earlier in b
    assert len(rewrite_run(pairs)) == 1
    assert [p[:2] for p in rewrite_run([(0, 0, 12, 20), (2, 1, 12, 20), (9, 9, 30, 30)])] == [(0, 0), (2, 1)]


def test_without_dates_the_copy_that_credits_the_agency_is_the_source_of_a_rewrite():
    wire = make_article(_STORY + "\n\nCoastline Press Agency contributed to this report.", outlet="Zeta")
    rewrite = make_article(_REWRITE, outlet="Alpha")
    for pair in ([wire, rewrite], [rewrite, wire]):
        edges = [
            e for e in provenance_edges(pair, CompareSettings()) if e.kind == "reuses" and e.target == wire.id
        ]
        assert [e.source for e in edges] == [rewrite.id]


def test_a_sentence_that_was_mostly_quotation_is_not_prose_to_align():
    from newsprism.compare.provenance import _voice_sentences

    tail = "said harbour master Ann Reilly, who has run the port authority in Carrowmere for a decade."
    art = make_article(
        f"“We will rebuild the pier before the summer season, and every berth will reopen by June,” {tail}\n\n"
        "The harbour board met on Tuesday and agreed to pay for the repairs out of its reserves.\n\n"
        "“Nobody was hurt.” And the insurers, who were called on Monday, have promised to pay the rest of the bill.",
        outlet="A",
    )
    prose = _voice_sentences(art, 60, prose_only=True)
    assert [p[:20] for p in prose] == ["The harbour board me", "And the insurers, wh"]
    assert len(_voice_sentences(art, 60)) == 3  # the passage test still sees the attribution


def test_shared_runs_are_difflibs_long_matching_blocks():
    # The n-gram index must give exactly the blocks of min_words or more that difflib's
    # matching blocks give, ties (repeats, small vocabularies) included.
    import random
    from difflib import SequenceMatcher

    from newsprism.compare.provenance import _shared_runs

    rng = random.Random(7)
    for _ in range(400):
        vocab = rng.choice([2, 3, 6])
        a = [str(rng.randrange(vocab)) for _ in range(rng.randint(0, 30))]
        b = [str(rng.randrange(vocab)) for _ in range(rng.randint(0, 30))]
        if a:
            start = rng.randrange(len(a))
            b[1:1] = a[start : start + rng.randint(1, 10)]
        for n in (1, 2, 4):
            blocks = SequenceMatcher(None, a, b, autojunk=False).get_matching_blocks()
            assert _shared_runs(a, b, n) == [a[m.a : m.a + m.size] for m in blocks if m.size >= n]


def _random_story(rng, n_articles: int) -> list:
    """Articles of random sentences over a small vocabulary, some copied with light edits, so
    that every bound is met at and around its threshold."""
    vocab = [
        "harbour",
        "ferry",
        "crew",
        "fire",
        "berth",
        "dawn",
        "quay",
        "council",
        "wardens",
        "smoke",
        "north",
        "engine",
    ]
    pool = [" ".join(rng.choice(vocab) for _ in range(rng.randrange(8, 26))) for _ in range(12)]
    articles = []
    for k in range(n_articles):
        sentences = []
        for _ in range(rng.randrange(1, 7)):
            words = rng.choice(pool).split()
            for _ in range(rng.randrange(0, 4)):  # light edits: a word dropped, changed or added
                at = rng.randrange(len(words))
                words[at : at + 1] = rng.choice([[], [rng.choice(vocab)], [words[at], rng.choice(vocab)]])
            sentences.append(" ".join(words).capitalize() + ".")
        articles.append(make_article(" ".join(sentences), outlet=f"Outlet {k}"))
    return articles


def test_bounded_scoring_gives_every_passage_and_aligned_pair_that_scoring_all_pairs_does():
    import random

    from newsprism.compare.provenance import _aligned, _passages, _Voice, aligned_sentences, shared_passages

    rng = random.Random(11)
    found = aligned = 0
    for _ in range(30):
        codes: dict[str, int] = {}
        voices = [_Voice.of(a, 30, codes) for a in _random_story(rng, 4)]
        for va in voices:
            for vb in voices:
                for ratio in (70.0, 88.0, 95.0):
                    expected = shared_passages(va.sentences, vb.sentences, ratio)
                    assert _passages(va, vb, ratio) == expected
                    found += len(expected)
                expected_pairs = aligned_sentences(va.prose_words, vb.prose_words)
                assert _aligned(va, vb) == expected_pairs
                aligned += len(expected_pairs)
    assert found and aligned  # the bounds were tested on pairs that pass, not only on pairs that fail


def test_a_piece_another_outlet_published_is_a_citation_and_not_when_it_is_the_own_outlet():
    text = (
        "Harbour officials conceded as much in a Valley Times article on Monday.\n\n"
        "The figures first appeared in an Eastport Herald report last week."
    )
    art = make_article(text, outlet="Eastport Herald")
    assert [o for o, _ in find_citations(art)] == ["Valley Times"]


def test_an_outlet_that_characterized_wrote_or_first_reported_a_thing_is_cited():
    text = (
        "The Valley Times characterized the mood as grudging acceptance.\n\n"
        "The Harbour Gazette first reported the closure. Ferry Weekly described the pier as unsafe."
    )
    art = make_article(text, outlet="Eastport Herald")
    assert sorted(o.removeprefix("The ") for o, _ in find_citations(art)) == [
        "Harbour Gazette",
        "Valley Times",
    ]


def test_a_link_list_item_that_names_its_source_in_brackets_is_a_citation():
    art = make_article(
        "POLLS MISSED THE SWING - Our own analysis of the harbour vote. [Gazette.]\n\n"
        "-Ada Vell explains why the polls were off on the mayor. [Harbour Times.]\n\n"
        "-Tom Orrin counts the ballots again. [Quayside.]\n\n"
        "The mayor [Ms. Vell's rival] spoke on Tuesday.",
        outlet="Gazette",
    )
    cited = dict(find_citations(art))
    assert sorted(cited) == ["Harbour Times", "Quayside"]  # never itself, never an inserted aside
    assert cited["Quayside"] == "-Tom Orrin counts the ballots again. [Quayside.]"


def test_a_party_and_state_label_before_a_dash_is_no_wire_dateline():
    listing = make_article(
        "Gov. Ada Vell (R-Ohio) — Announced March 3, 2015\n\n"
        "Rep. Tom Orrin (D-Mass.) — who chairs the panel — spoke first.\n\n"
        "Sen. Lia Brandt (I-Vt.) - Announced May 1, 2015",
        outlet="Daily",
    )
    dated = make_article("HARBOURTON (Reuters) — The council voted.", outlet="Daily")
    assert find_credits(listing) == []
    assert [a for a, _ in find_credits(dated)] == ["Reuters"]


def test_an_outlet_that_reports_or_writes_in_the_present_tense_is_cited():
    text = (
        "On the same day that the Valley Times reports that the pier was sold, nobody asked.\n\n"
        "The Harbour Gazette writes that the ferry will stop. The mayor reports to the council."
    )
    art = make_article(text, outlet="Eastport Herald")
    assert sorted(o.removeprefix("The ") for o, _ in find_citations(art)) == [
        "Harbour Gazette",
        "Valley Times",
    ]


def test_outlet_names_ending_in_caller_beast_examiner_or_standard_and_the_hill_are_cited():
    text = (
        "The aide told the Harbour Caller it was over. The Quay Examiner reported the vote.\n\n"
        "According to The Hill, the deal held. The senator told the Daily Beast he was done.\n\n"
        "The Weekly Standard said so. The governor climbed Signal Hill said to be steep."
    )
    art = make_article(text, outlet="Eastport Herald")
    assert sorted(o.removeprefix("The ") for o, _ in find_citations(art)) == [
        "Daily Beast",
        "Harbour Caller",
        "Hill",
        "Quay Examiner",
        "Weekly Standard",
    ]


def test_an_interview_given_to_a_paper_named_today_or_to_public_radio_is_a_citation():
    # session 15 (reader6): "Figueroa told USA Today" was no citation while "told CBS" was one
    text = (
        "“We were there on legitimate business,” the spokeswoman told Valley Today.\n\n"
        "The mayor told NPR the pier would reopen. Today said nothing new about the pier."
    )
    art = make_article(text, outlet="Eastport Herald")
    assert [o for o, _ in find_citations(art)] == ["NPR", "Valley Today"]


def test_a_credit_read_from_a_dateline_the_cleaner_cut_shows_the_dateline_as_its_evidence():
    # session 15 (reader6): the brief showed "credited: UPI" for a dateline cut from the text
    from newsprism.clean import clean_document
    from newsprism.model import Document

    raw = (
        "Ferry held at the pier\n\nPublished: May 26, 2031\n\nFerry held at the pier.\n\n"
        "TOLVEN, May 26 (UPI) — A ferry was held at the pier on Monday.\n\n"
        "The harbour board said the hold was routine.\n"
    )
    art = clean_document(Document(path="t.txt", raw=raw, format="text"))
    assert find_credits(art) == [("UPI", "TOLVEN, May 26 (UPI) —")]
