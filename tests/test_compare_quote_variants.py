import dataclasses

from newsprism.compare.quote_variants import group_quotes, word_diff
from newsprism.settings import CompareSettings
from tests.brief_helpers import TableEmbedder, quote_in
from tests.conftest import make_article

FULL = "The fire was contained shortly before four in the morning, and there is no risk to residents."


def _group(versions, embedder=None, kind="direct"):
    quotes = []
    for k, (text, speaker) in enumerate(versions):
        art = make_article(f"Intro {k}.\n\n“{text}” someone said.", outlet=f"O{k}")
        quotes.append(quote_in(art, text, speaker, kind))
    order = {q.article_id: k for k, q in enumerate(quotes)}
    groups = group_quotes(quotes, embedder or TableEmbedder(), CompareSettings(), order)
    return quotes, groups


def _classes(quotes, groups):
    [group] = groups
    by_id = {v["quote_id"]: v for v in group.variants}
    return [by_id[q.id]["classification"] if q.id in by_id else None for q in quotes]


def test_trimmed_altered_spelling_and_misattributed_versions():
    quotes, groups = _group(
        [
            (FULL, "Maren Holloway"),
            ("The fire was contained shortly before four in the morning,", "Maren Holloway"),
            (FULL.replace("no risk", "some risk"), "Maren Holloway"),
            (FULL.replace("morning,", "morning"), "M. Holloway"),
            (FULL, "Tomas Reilly"),
        ]
    )
    assert _classes(quotes, groups) == ["verbatim", "trimmed", "altered", "spelling", "misattributed"]
    flagged = {v["classification"]: v["flagged"] for v in groups[0].variants}
    assert flagged["altered"] and flagged["misattributed"] and not flagged["trimmed"]


def test_a_swapped_verb_is_an_alteration_a_shared_rewording_is_not():
    ref = "We don't attack Putin or Moscow; we fight on our territory."
    versions = [
        (ref, "Zelensky"),
        ("We don't criticize Moscow or Putin. On our territory, we fight.", "Zelenskiy"),
        ("We are not attacking Putin or Moscow, we fight on our territory.", "Zelenskyy"),
    ]
    embedder = TableEmbedder(pinned={"criticize": 0.2}, anchor="attack")
    quotes, groups = _group(versions, embedder)
    classes = _classes(quotes, groups)
    assert classes[0] == "verbatim" and classes[1] == "altered" and classes[2] != "altered"
    notes = next(v["notes"] for v in groups[0].variants if v["quote_id"] == quotes[1].id)
    assert notes == ["word swapped: attack -> criticize"]


def test_word_diff_marks_deleted_and_inserted_words():
    assert word_diff("there is no risk", "there is some risk") == [
        ["equal", "there is"],
        ["delete", "no"],
        ["insert", "some"],
        ["equal", "risk"],
    ]


def test_an_unnamed_speaker_matches_a_named_one_and_is_not_a_misattribution():
    quotes, groups = _group(
        [
            (FULL, "Maren Holloway"),
            (
                "The fire was contained shortly before four in the morning,",
                "the commander of the fire brigade",
            ),
        ]
    )
    assert _classes(quotes, groups) == ["verbatim", "trimmed"]


def test_the_same_denial_in_another_order_is_not_a_flipped_negation():
    ref = (
        "It goes without saying that any attempts to deny this are absurd. We know that decisions "
        "about such actions, such attacks, are made in Porto, and not in Lisbon."
    )
    versions = [
        (ref, "Ilse Varga"),
        ("Decisions on such attacks are not made in Lisbon, but in Porto.", "Ilse Varga"),
        ("Decisions on such attacks are not made in Lysbon, but in Porto.", "Ilse Varga"),  # another spelling
        ("Decisions about such actions, such attacks, are made in Lisbon.", "Ilse Varga"),
    ]
    quotes, groups = _group(versions)
    by_id = {v["quote_id"]: v for g in groups for v in g.variants}
    assert "negation flipped" not in by_id[quotes[1].id].get("notes", [])
    assert "negation flipped" not in by_id[quotes[2].id].get("notes", [])
    assert by_id[quotes[3].id]["classification"] == "altered"  # the denial itself is gone


def test_a_replaced_last_word_is_the_swap_and_reported_speech_is_never_word_swapped():
    versions = [
        ("the harbour board was only carrying out the minister's orders", "Ilse Varga"),
        ("the harbour board was only carrying out the minister's plans", "Ilse Varga"),
    ]
    embedder = TableEmbedder(pinned={"plans": 0.2}, anchor="orders")
    quotes, groups = _group(versions, embedder)
    notes = next(v["notes"] for v in groups[0].variants if v["quote_id"] == quotes[1].id)
    assert notes == ["word swapped: orders -> plans"]
    quotes, groups = _group(versions, embedder, kind="indirect")  # "Varga said the board was ..."
    assert _classes(quotes, groups)[1] != "altered"


def test_blocking_keeps_every_pair_that_scores():
    from newsprism.compare.quote_variants import _candidates, _Keys, _pair_score

    texts = [
        FULL,
        FULL.replace("no risk", "some risk"),
        "The fire was contained before dawn.",
        "Residents face no risk, the brigade said.",
        "We will rebuild the harbour together.",
        "Crews fought the blaze through the night.",
        "Nobody was hurt.",
    ]
    speakers = ["Maren Holloway", "Tomas Reilly", None, "the harbour master", "Holloway"]
    quotes = []
    for k, text in enumerate(texts * 2):
        art = make_article(f"Intro {k}.\n\n“{text}” someone said.", outlet=f"O{k}")
        quotes.append(
            quote_in(art, text, speakers[k % len(speakers)], "indirect" if k % 3 == 0 else "direct")
        )
    s = CompareSettings()
    keys = [_Keys(q) for q in quotes]
    vecs = TableEmbedder().embed([q.text for q in quotes])
    sims = vecs @ vecs.T
    scoring = {
        (i, j)
        for i in range(len(quotes))
        for j in range(i + 1, len(quotes))
        if _pair_score(quotes[i], quotes[j], keys[i], keys[j], float(sims[i, j]), s) is not None
    }
    candidates = set(_candidates(quotes, keys, sims, s))
    assert scoring and scoring <= candidates
    assert len(candidates) < len(quotes) * (len(quotes) - 1) // 2


def test_two_speakers_saying_a_short_phrase_alike_are_two_quotes():
    _, groups = _group(
        [("I don't like that language.", "Ada Quist"), ("I don't like that language.", "Bo Lind")]
    )
    assert groups == []


def test_reported_speech_copied_word_for_word_groups_whoever_it_is_given_to():
    text = "the patch consists of more than 300 distinct updates for half of the supported systems"
    quotes, groups = _group([(text, "Mike Adler"), (text, "the company's response team")], kind="indirect")
    assert len(groups) == 1 and set(groups[0].quote_ids) == {q.id for q in quotes}
    # a short phrase given to two named people stays apart
    _, groups = _group(
        [("the youth had no gun", "Ada Quist"), ("the youth had no gun", "Bo Lind")], kind="indirect"
    )
    assert groups == []


def test_two_people_of_one_family_never_group():
    quotes, groups = _group(
        [
            ("We played hard all night and I am proud of the team.", "Doran Vell"),
            ("Our defence played hard and I am proud of them.", "Rudy Vell"),
        ]
    )
    assert groups == []


def test_one_shared_word_is_no_same_quote():
    quotes, groups = _group(
        [
            ("That really stuck with me.", "Doran Vell"),
            ("Nothing stuck with the defence tonight, frankly.", "Doran Vell"),
        ]
    )
    assert groups == []


def _mixed_kinds(versions):
    quotes = []
    for k, (text, speaker, kind) in enumerate(versions):
        art = make_article(f"Intro {k}.\n\n“{text}” someone said.", outlet=f"O{k}")
        quotes.append(quote_in(art, text, speaker, kind))
    order = {q.article_id: k for k, q in enumerate(quotes)}
    return quotes, group_quotes(quotes, TableEmbedder(), CompareSettings(), order)


def test_a_negation_outside_the_shared_words_is_no_flipped_polarity():
    quotes, groups = _mixed_kinds(
        [
            ("That makes me clever,", "Dale Morrow", "direct"),
            ("Not paying rent makes me clever", "Dale Morrow", "indirect"),
        ]
    )
    assert len(groups) == 1 and set(groups[0].quote_ids) == {q.id for q in quotes}
    # the negation on the shared words themselves still keeps two versions apart
    _, groups = _mixed_kinds(
        [
            ("I will raise the rent,", "Dale Morrow", "direct"),
            ("he would not raise the rent", "Dale Morrow", "indirect"),
        ]
    )
    assert groups == []


def test_a_second_version_in_one_article_joins_only_on_a_named_speaker_and_its_own_words():
    one = make_article(f"Intro.\n\n“{FULL}” she said. Later: “{FULL[:-1]} tonight.”", outlet="O0")
    other = make_article(f"Intro.\n\n“{FULL}” she said.", outlet="O1")
    order = {one.id: 0, other.id: 1}

    def grouped(second_speaker):
        quotes = [
            quote_in(one, FULL, "Maren Holloway"),
            quote_in(one, f"{FULL[:-1]} tonight.", second_speaker),
            quote_in(other, FULL, "Maren Holloway"),
        ]
        [group] = group_quotes(quotes, TableEmbedder(), CompareSettings(), order)
        return {q.id for q in quotes if q.id in group.quote_ids}, quotes

    ids, quotes = grouped("Maren Holloway")
    assert ids == {q.id for q in quotes}
    ids, quotes = grouped("the fire chief")  # an unnamed source: one version per article
    assert len(ids) == 2 and quotes[1].id not in ids


def test_quoted_fragments_of_one_named_speaker_group_across_outlets():
    one = make_article("Intro.\n\nMorrow called the mayor “the founder of the chaos” on Sunday.", outlet="O0")
    other = make_article(
        "Intro.\n\nHe said the mayor was “the founder of the chaos”, Morrow said.", outlet="O1"
    )
    order = {one.id: 0, other.id: 1}
    text = "the founder of the chaos"

    def grouped(second_speaker):
        quotes = [
            quote_in(one, text, "Dale Morrow", "fragment"),
            quote_in(other, text, second_speaker, "fragment"),
        ]
        return group_quotes(quotes, TableEmbedder(), CompareSettings(), order)

    assert len(grouped("Dale Morrow")) == 1
    assert grouped("Ada Quist") == [] and grouped("a campaign aide") == []


def test_a_quoted_term_is_no_version_of_a_long_quote_that_uses_its_words():
    long = "The emergency crews worked all night and the plan held until the river fell again."
    one = make_article(
        f"Intro.\n\nMorrow praised the “emergency plan” on Sunday.\n\n“{long}” he said.", outlet="O0"
    )
    other = make_article(f"Intro.\n\n“{long}” Morrow said.", outlet="O1")
    quotes = [
        quote_in(one, "emergency plan", "Dale Morrow", "fragment"),
        quote_in(other, long, "Dale Morrow"),
    ]
    assert group_quotes(quotes, TableEmbedder(), CompareSettings(), {one.id: 0, other.id: 1}) == []


def test_a_short_quote_of_an_unknown_speaker_does_not_join_a_named_ones():
    short, longer = "I don't like that language.", "I don't really like that kind of language."
    embedder = TableEmbedder(pinned={short: 0.9, longer: 0.9})  # the words alike on embeddings too
    _, groups = _group([(short, "Ada Quist"), (longer, None)], embedder)
    assert groups == []
    quotes, groups = _group(
        [("We will rebuild the bridge by June.", "Ada Quist"), ("We will rebuild the bridge by June.", None)]
    )
    assert len(groups) == 1


def test_a_fragment_printed_word_for_word_inside_a_long_quote_is_that_quote():
    # session 10: three content words or more, in order, inside another outlet's longer quote
    long = "The crews worked all night, and this was a complete and total disaster for the harbor towns."
    fragment = "a complete and total disaster"
    one = make_article(f"Intro.\n\nMorrow called the flood “{fragment}” on Sunday.", outlet="O0")
    other = make_article(f"Intro.\n\n“{long}” Morrow said.", outlet="O1")
    order = {one.id: 0, other.id: 1}

    def grouped(speaker, words=fragment):
        quotes = [quote_in(one, words, speaker, "fragment"), quote_in(other, long, "Dale Morrow")]
        return group_quotes(quotes, TableEmbedder(), CompareSettings(), order)

    assert len(grouped("Dale Morrow")) == 1
    assert grouped("Ada Quist") == []  # another speaker's words never join
    assert grouped("Dale Morrow", "total disaster") == []  # two words: a term, not the quote


def test_a_possessive_s_is_the_word_it_ends():
    _, groups = _group(
        [
            ("My daughter's been hurt, somebody help me now.", "Ada Quist"),
            ("I said, oh my God, somebody help me, my daughter has been hurt.", "Ada Quist"),
        ],
        kind="fragment",
    )
    assert len(groups) == 1


def test_an_article_repeating_a_bodys_statement_keeps_both_copies_in_its_group():
    # session 10: a summary and the body print the same statement; one version per article
    # does not hold for a copy of one named speaker's words, of any kind
    said = "The harbor will stay closed until the storm wall is repaired and tested by engineers."
    one = make_article(f"Summary: “{said}”\n\nBody.\n\nLater: “{said}” the authority said.", outlet="O0")
    other = make_article(f"Intro.\n\n“{said}” the Lunden Port Authority said.", outlet="O1")
    quotes = []
    for art, start in ((one, 0), (one, one.text.rindex(said)), (other, 0)):
        q = quote_in(art, said, "Lunden Port Authority")
        at = art.text.index(said, start)
        q = dataclasses.replace(
            q,
            id=f"{q.id}{at}",
            span=dataclasses.replace(q.span, start=at, end=at + len(said)),
            speaker=dataclasses.replace(q.speaker, kind="organisation"),
        )
        quotes.append(q)
    [group] = group_quotes(quotes, TableEmbedder(), CompareSettings(), {one.id: 0, other.id: 1})
    assert len(group.quote_ids) == 3


def test_two_remarks_of_one_speaker_sharing_single_words_stay_apart():
    # the same speaker, two content words in common ("rent", "work"), no phrase alike, meanings far
    low = {"Raising the rent has never worked.": 0.45}
    versions = [
        ("Raising the rent has never worked.", "Dale Morrow"),
        ("You work all week. You pay your rent. So why did the landlord pay nothing?", "Dale Morrow"),
    ]
    quotes = []
    for k, (text, speaker) in enumerate(versions):
        art = make_article(f"Intro {k}.\n\n“{text}” someone said.", outlet=f"O{k}")
        quotes.append(quote_in(art, text, speaker))
    order = {q.article_id: k for k, q in enumerate(quotes)}
    embedder = TableEmbedder(low, anchor=versions[1][0])
    assert group_quotes(quotes, embedder, CompareSettings(), order) == []
    # a phrase of three words printed alike is one remark, however far the embeddings put them
    _, groups = _mixed_kinds(
        [
            ("That makes me clever,", "Dale Morrow", "direct"),
            ("Not paying rent makes me clever", "Dale Morrow", "indirect"),
        ]
    )
    assert len(groups) == 1


def test_a_short_quote_and_its_whole_in_one_article_both_join_the_other_outlets_version():
    # the lede quotes three words, the body the whole sentence (as a fragment of reported speech)
    one = make_article(
        "Intro.\n\n“Send the boats,” Quist said.\n\n"
        "She said she shouted “send the boats, the river has risen past the bridge” at noon.",
        outlet="O0",
    )
    other = make_article(
        "Intro.\n\n“Send the boats. The river's risen past the bridge,” Quist said.", outlet="O1"
    )
    quotes = [
        quote_in(one, "Send the boats", "Ada Quist"),
        quote_in(one, "send the boats, the river has risen past the bridge", "Ada Quist", "fragment"),
        quote_in(other, "Send the boats. The river's risen past the bridge,", "Ada Quist"),
    ]
    [group] = group_quotes(quotes, TableEmbedder(), CompareSettings(), {one.id: 0, other.id: 1})
    assert set(group.quote_ids) == {q.id for q in quotes}
    # the lede's words given to someone else are no part of her utterance
    quotes[0] = quote_in(one, "Send the boats", "Tomas Reilly")
    [group] = group_quotes(quotes, TableEmbedder(), CompareSettings(), {one.id: 0, other.id: 1})
    assert quotes[0].id not in group.quote_ids and len(group.quote_ids) == 2


def test_reported_speech_of_an_unnamed_speaker_joins_a_named_one_when_the_words_agree():
    said = "about 80 percent of the region's phone traffic was cut off on Friday"
    told = "80 percent of the region's phone traffic to Europe was out early Friday, though it has improved since"
    one = make_article(f"Intro.\n\nVantor Telecom said {said}.", outlet="O0")
    other = make_article(f"Intro.\n\nThe spokeswoman said {told}.", outlet="O1")
    order = {one.id: 0, other.id: 1}

    def grouped(who: str, kind: str, sim: float) -> list:
        first = quote_in(one, said, "Vantor Telecom", "indirect")
        first = dataclasses.replace(first, speaker=dataclasses.replace(first.speaker, kind="organisation"))
        second = quote_in(other, told, who, "indirect")
        second = dataclasses.replace(second, speaker=dataclasses.replace(second.speaker, kind=kind))
        return group_quotes(
            [first, second], TableEmbedder({told: sim}, anchor=said), CompareSettings(), order
        )

    assert len(grouped("the spokeswoman", "nominal", 0.8)) == 1
    assert len(grouped("One", "nominal", 0.8)) == 1  # "One said …": a description, not a name
    assert grouped("the spokeswoman", "nominal", 0.6) == []  # meanings apart: two things said
    assert grouped("Ada Quist", "person", 0.8) == []  # another named speaker


def test_two_quotes_of_one_outlet_join_the_one_quote_another_prints_them_as():
    whole = "The river has risen past the old bridge. Every family on the quay must leave tonight."
    head, tail = "The river has risen past the old bridge.", "Every family on the quay must leave tonight."
    arts = [
        make_article(f"Intro.\n\n“{whole}” Quist said.", outlet="O0"),
        make_article(f"Intro.\n\n“{head}” Quist said. Later: “{tail}” she said.", outlet="O1"),
        make_article(f"Intro.\n\n“{head}” Quist said. Then: “{tail}” she said.", outlet="O2"),
    ]
    order = {a.id: k for k, a in enumerate(arts)}
    quotes = [quote_in(arts[0], whole, "Ada Quist")] + [
        quote_in(a, text, "Ada Quist") for a in arts[1:2] for text in (head, tail)
    ]
    [group] = group_quotes(quotes, TableEmbedder(), CompareSettings(), order)
    assert set(group.quote_ids) == {q.id for q in quotes}
    # a second outlet printing the two sentences apart too: each sentence is its own utterance,
    # so no group holds one outlet's first sentence with another's second
    quotes += [quote_in(arts[2], text, "Ada Quist") for text in (head, tail)]
    groups = group_quotes(quotes, TableEmbedder(), CompareSettings(), order)
    heads, tails = {quotes[1].id, quotes[3].id}, {quotes[2].id, quotes[4].id}
    assert all(not (set(g.quote_ids) & heads and set(g.quote_ids) & tails) for g in groups)


def test_a_contrast_after_a_comma_is_no_negation_of_the_claim():
    other = "his client had a small hammer, while the report said the wound came from a heavy wrench"

    def grouped(said: str) -> list:
        _, groups = _mixed_kinds([(said, "Dale Morrow", "indirect"), (other, "Dale Morrow", "indirect")])
        return groups

    assert len(grouped("it was a small hammer, not a heavy wrench like the one that caused the wound")) == 1
    assert grouped("it was not a small hammer or a heavy wrench that caused the wound") == []


def test_reported_speech_and_the_direct_quote_holding_its_quoted_words_are_one_utterance():
    # each outlet prints the remark twice: reported with a few of her words in quote marks, and
    # whole; the two versions of one article sit in one group with the other outlet's
    whole = "Perhaps I can, by talking plainly to harbour workers, say, look, the port will stay open,"
    one = make_article(
        f"Intro.\n\nShe said she wanted to talk “plainly to harbour workers” today.\n\n“{whole}” Quist said.",
        outlet="O0",
    )
    other = make_article(
        f"Intro.\n\nQuist said she could talk plainly to “harbour workers” about the port.\n\n“{whole}” she said.",
        outlet="O1",
    )
    quotes = [
        quote_in(one, "she wanted to talk “plainly to harbour workers”", "Ada Quist", "indirect"),
        quote_in(one, whole, "Ada Quist"),
        quote_in(
            other, "she could talk plainly to “harbour workers” about the port", "Ada Quist", "indirect"
        ),
        quote_in(other, whole, "Ada Quist"),
    ]
    groups = group_quotes(quotes, TableEmbedder(), CompareSettings(), {one.id: 0, other.id: 1})
    assert [set(g.quote_ids) for g in groups] == [{q.id for q in quotes}]
    # quoted words the direct quote does not hold keep the reported version out of its group
    other_words = make_article(
        f"Intro.\n\nShe said she wanted to talk “plainly to the dockers” today.\n\n“{whole}” Quist said.",
        outlet="O0",
    )
    apart = [quote_in(other_words, "she wanted to talk “plainly to the dockers”", "Ada Quist", "indirect")]
    apart += [quote_in(other_words, whole, "Ada Quist"), quotes[3]]
    order = {other_words.id: 0, other.id: 1}
    groups = group_quotes(apart, TableEmbedder(), CompareSettings(), order)
    assert all(not {apart[0].id, apart[1].id} <= set(g.quote_ids) for g in groups)


def test_a_short_chant_of_an_unnamed_crowd_joins_the_same_words_given_to_a_named_speaker():
    one = make_article("Intro.\n\nThe crowd chanted “Shut it down! Shut it down!” again.", outlet="O0")
    other = make_article("Intro.\n\nThe marchers chanted, “Shut it down!” as he spoke.", outlet="O1")
    order = {one.id: 0, other.id: 1}
    named = quote_in(one, "Shut it down! Shut it down!", "Ada Quist", "fragment")
    crowd = quote_in(other, "Shut it down!", "the marchers")
    crowd = dataclasses.replace(crowd, speaker=dataclasses.replace(crowd.speaker, kind="nominal"))
    [group] = group_quotes([named, crowd], TableEmbedder(), CompareSettings(), order)
    assert set(group.quote_ids) == {named.id, crowd.id}
    # two named people saying the same two words said two things
    other_person = quote_in(other, "Shut it down!", "Tomas Reilly")
    assert group_quotes([named, other_person], TableEmbedder(), CompareSettings(), order) == []


def test_a_long_run_of_short_words_printed_alike_is_one_quote_whoever_it_is_given_to():
    line = "I will stand with you, and I will win with you"
    longer = f"To every family on the quay I say this tonight: I am with you, {line}."
    one = make_article(f"Intro.\n\n“{line}!” he said as the crowd cheered.", outlet="O0")
    other = make_article(f"Intro.\n\n“{longer}” Quist said.", outlet="O1")
    order = {one.id: 0, other.id: 1}
    quotes = [quote_in(one, f"{line}!", "Tomas Reilly"), quote_in(other, longer, "Ada Quist")]
    embedder = TableEmbedder({f"{line}!": 0.6}, anchor=longer)
    [group] = group_quotes(quotes, embedder, CompareSettings(), order)
    assert set(group.quote_ids) == {q.id for q in quotes}
    assert "misattributed" in {v["classification"] for v in group.variants}  # one speaker is wrong
    # a short run alike ("I will win with you") is no text of its own
    short = [quote_in(one, "I will stand", "Tomas Reilly"), quotes[1]]
    assert (
        group_quotes(short, TableEmbedder({"I will stand": 0.6}, anchor=longer), CompareSettings(), order)
        == []
    )


def test_a_quoted_cry_joins_the_other_outlets_fuller_version_when_the_meanings_agree():
    cry = "Papa, papa, I've been stung,"
    fuller = "Papa, papa, I got stung. Something stung me on my arm"
    one = make_article(f"Intro.\n\nShe cried “{cry}” her father said.", outlet="O0")
    other = make_article(f"Intro.\n\n“{fuller},” the girl cried.", outlet="O1")
    order = {one.id: 0, other.id: 1}

    def grouped(sim: float, speaker: str = "Lina Marsh") -> list:
        quotes = [quote_in(one, cry, "Lina Marsh", "fragment"), quote_in(other, fuller, speaker)]
        return group_quotes(quotes, TableEmbedder({cry: sim}, anchor=fuller), CompareSettings(), order)

    assert len(grouped(0.85)) == 1
    assert grouped(0.5) == []  # two shared words of a longer quote, meanings apart
    assert grouped(0.85, "Tomas Reilly") == []  # another named speaker


def test_reported_speech_of_one_speaker_sharing_a_phrase_and_its_content_words_is_one_statement():
    short = (
        "the storm “badly slowed” ferry crossings between Oslo and parts of Denmark, cancelling the"
        " evening timetable for tourists and lorries alike"
    )
    long_ = (
        "ferry crossings between Oslo and the islands and Denmark were slowed on Friday after two"
        " large harbour cranes fell across the main channel near the terminal"
    )
    one = make_article(f"Intro.\n\nVantor Lines said {short}.", outlet="O0")
    other = make_article(f"Intro.\n\nVantor Lines said {long_}.", outlet="O1")
    order = {one.id: 0, other.id: 1}

    def grouped(text: str, art) -> list:
        quotes = [
            quote_in(one, short, "Vantor Lines", "indirect"),
            quote_in(art, text, "Vantor Lines", "indirect"),
        ]
        return group_quotes(quotes, TableEmbedder({text: 0.6}, anchor=short), CompareSettings(), order)

    assert len(grouped(long_, other)) == 1
    # the same content words, never printed as a phrase: two statements
    scattered = (
        "Denmark saw fewer ferry crossings on Friday; crossings near Oslo were slowed, and parts of"
        " the islands and the main channel were closed near the terminal"
    )
    third = make_article(f"Intro.\n\nVantor Lines said {scattered}.", outlet="O1")
    assert grouped(scattered, third) == []


def test_reported_speech_joins_the_direct_quote_that_prints_its_one_quoted_word():
    lede = "the closures of village schools should be called “shameful.”"
    said = "How often must we watch this? In Brenton, a school with forty pupils shut. It has to be shameful."
    elsewhere = (
        "How often must we watch this? In Brenton a school with forty pupils shut, and it has to be shameful."
    )
    one = make_article(f"Intro.\n\nMayor Ilse Varga said {lede}\n\n“{said}” she said.", outlet="O0")
    order = {one.id: 0}

    def grouped(text: str, with_direct: bool) -> list:
        other = make_article(f"Intro.\n\n“{text}” Ilse Varga said.", outlet="O1")
        order[other.id] = 1
        quotes = [quote_in(one, lede, "Ilse Varga", "indirect"), quote_in(other, text, "Ilse Varga")]
        if with_direct:
            quotes.append(quote_in(one, said, "Ilse Varga"))
        groups = group_quotes(quotes, TableEmbedder({text: 0.5}, anchor=lede), CompareSettings(), order)
        return [sorted(q.id for q in quotes if q.id in g.quote_ids) for g in groups]

    assert len(grouped(elsewhere, False)) == 1
    # the outlet's lede paraphrase and its own direct quote both join the other outlet's version
    assert [len(g) for g in grouped(elsewhere, True)] == [3]
    # a direct quote that does not print the quoted word is another remark
    assert grouped(elsewhere.replace("shameful", "stopped"), False) == []
    # ...and one that prints it but shares nothing else may be the word said on another occasion
    assert grouped("How often must we say it? It has to be shameful.", False) == []


def test_quoted_words_held_by_a_direct_quote_join_before_shared_topic_words():
    lede = "the closures of village schools in the county should be called “shameful.”"
    said = "How often must we watch this? In Brenton, a school with forty pupils shut. It has to be shameful."
    # another statement of hers in the same outlet, sharing more of the lede's words
    other = "county officials for the closures of three village schools in Brenton and Hollins"
    one = make_article(f"Intro.\n\nMayor Ilse Varga said {lede}", outlet="O0")
    two = make_article(f"Intro.\n\n“{said}” Ilse Varga said. She criticised {other}.", outlet="O1")
    quotes = [
        quote_in(one, lede, "Ilse Varga", "indirect"),
        quote_in(two, said, "Ilse Varga"),
        quote_in(two, other, "Ilse Varga", "indirect"),
    ]
    groups = group_quotes(
        quotes, TableEmbedder({said: 0.5}, anchor=lede), CompareSettings(), {one.id: 0, two.id: 1}
    )
    assert [sorted(g.quote_ids) for g in groups] == [sorted([quotes[0].id, quotes[1].id])]


def test_an_unnamed_speakers_reported_words_the_direct_quote_does_not_print_are_another_remark():
    said = "carry the campaign to the next caucus, in Millbrook County,"
    told = "to “win every last ballot” in the final caucus of the season in Millbrook County next week"
    kept = "to “carry the campaign to the next caucus” in Millbrook County next week"
    one = make_article(f"Intro.\n\n“{said}” Dara Venn said.", outlet="O0")
    other = make_article(f"Intro.\n\nShe vowed {told}. She vowed {kept}.", outlet="O1")
    order = {one.id: 0, other.id: 1}

    def grouped(text: str) -> list:
        first = quote_in(one, said, "Dara Venn")
        first = dataclasses.replace(first, speaker=dataclasses.replace(first.speaker, kind="person"))
        second = quote_in(other, text, "She", "indirect")
        second = dataclasses.replace(second, speaker=dataclasses.replace(second.speaker, kind="pronoun"))
        return group_quotes(
            [first, second], TableEmbedder({text: 0.8}, anchor=said), CompareSettings(), order
        )

    assert grouped(told) == []  # her own words, "win every last ballot", are not in the direct quote
    assert len(grouped(kept)) == 1  # the quoted words are the direct quote's: one utterance


def test_a_quote_of_two_sentences_is_in_the_group_of_each_sentence():
    # one outlet prints two sentences as one quote; another prints the first, two more a longer
    # version of the second with the speaker unnamed: the whole quote is in both groups
    head, tail = "The river has risen past the old bridge.", "Every family must leave tonight"
    longer = f"{tail}, and the shelters at the school stay open until the water falls"

    def groups_of(second_speaker: str, kind: str) -> tuple[list, list]:
        texts = [f"{head} {tail}.", head, longer, longer]
        speakers = ["Ada Quist", "Ada Quist", second_speaker, second_speaker]
        arts = [make_article(f"Intro.\n\n“{t}” someone said.", outlet=f"O{k}") for k, t in enumerate(texts)]
        quotes = [
            dataclasses.replace(
                quote_in(a, t, who), speaker=dataclasses.replace(quote_in(a, t, who).speaker, kind=kind)
            )
            if k >= 2
            else quote_in(a, t, who)
            for k, (a, t, who) in enumerate(zip(arts, texts, speakers, strict=True))
        ]
        order = {a.id: k for k, a in enumerate(arts)}
        return quotes, group_quotes(quotes, TableEmbedder(), CompareSettings(), order)

    quotes, groups = groups_of("the spokeswoman", "nominal")
    whole = quotes[0].id
    assert len(groups) == 2 and all(whole in g.quote_ids for g in groups)
    # the reference of the second sentence's group is the other outlets' version, not the whole
    second = next(g for g in groups if quotes[2].id in g.quote_ids)
    assert next(v for v in second.variants if v["reference"])["quote_id"] != whole
    # another named speaker's words: the whole quote stays in its own group only
    quotes, groups = groups_of("Tomas Reilly", "person")
    assert sum(whole in g.quote_ids for g in groups) == 1


def _three_outlets(texts_speakers_kinds, embedder=None):
    arts, quotes = [], []
    for k, (text, who, kind) in enumerate(texts_speakers_kinds):
        art = make_article(f"Intro {k}.\n\n{text} the paper said.", outlet=f"O{k}")
        arts.append(art)
        quotes.append(quote_in(art, text, who, kind))
    order = {a.id: k for k, a in enumerate(arts)}
    return quotes, group_quotes(quotes, embedder or TableEmbedder(), CompareSettings(), order)


UNNAMED = "in any way tied to the unfair public scrutiny the club has faced"
REPORTED = f"she said she was sorry “if the fire is {UNNAMED} since the vote”"


def test_a_quote_with_no_speaker_joins_the_reported_version_printing_it_in_quote_marks():
    # the reported sentence says more around the quoted words: meanings not close
    far = TableEmbedder(pinned={REPORTED: 0.5}, anchor=UNNAMED)
    quotes, groups = _three_outlets([(UNNAMED, None, "direct"), (REPORTED, "Ada Quist", "indirect")], far)
    assert len(groups) == 1 and set(groups[0].quote_ids) == {q.id for q in quotes}


def test_an_unnamed_version_does_not_join_two_named_speakers():
    other = f"he hoped the blaze was not “{UNNAMED}”".replace("not ", "")
    quotes, groups = _three_outlets(
        [(UNNAMED, None, "direct"), (REPORTED, "Ada Quist", "indirect"), (other, "Tomas Reilly", "indirect")]
    )
    assert all(not {quotes[1].id, quotes[2].id} <= set(g.quote_ids) for g in groups)
    assert any(quotes[0].id in g.quote_ids for g in groups)


def test_two_outlets_quoting_different_sentences_of_a_third_ones_quote_are_two_groups():
    head, tail = "The river has risen past the old bridge.", "Every family on the quay must leave tonight."
    texts = [f"{head} {tail}", head, tail]
    arts = [make_article(f"Intro.\n\n“{t}” Quist said.", outlet=f"O{k}") for k, t in enumerate(texts)]
    quotes = [quote_in(a, t, "Ada Quist") for a, t in zip(arts, texts, strict=True)]
    order = {a.id: k for k, a in enumerate(arts)}
    groups = group_quotes(quotes, TableEmbedder(), CompareSettings(), order)
    whole, first, second = (q.id for q in quotes)
    assert all(not {first, second} <= set(g.quote_ids) for g in groups)
    assert {frozenset(g.quote_ids) for g in groups} == {frozenset({whole, first}), frozenset({whole, second})}


def test_reported_words_in_quote_marks_that_the_direct_quote_does_not_print_are_another_remark():
    said = "she vowed to “fight for every vote” in the last primary in the capital"
    other = "We will continue the fight in the next primary, in the capital."
    quotes, groups = _three_outlets([(said, "Ada Quist", "indirect"), (other, "Ada Quist", "direct")])
    assert groups == []
    # the same report printing the direct quote's words in its quote marks is the same remark
    held = "she vowed to “continue the fight in the next primary” in the capital"
    quotes, groups = _three_outlets([(held, "Ada Quist", "indirect"), (other, "Ada Quist", "direct")])
    assert len(groups) == 1


def test_a_fragment_joins_a_speakers_quote_only_where_its_article_names_the_speaker():
    long = "We were told the ferry was safe, and the report calls it seaworthy on every page."
    one = make_article(f"Intro.\n\n“{long}” Dale Morrow said.", outlet="O0")
    two = make_article(f"Intro.\n\n“{long}” Morrow told reporters.", outlet="O1")
    headline = make_article(
        "Port calls ferry “seaworthy on every page”\n\nThe port said so on Monday.", outlet="O2"
    )
    named = make_article(
        "Morrow's ferry “seaworthy on every page”\n\nDale Morrow spoke on Monday.", outlet="O3"
    )
    order = {a.id: k for k, a in enumerate((one, two, headline, named))}

    def members(third):
        quotes = [
            quote_in(one, long, "Dale Morrow"),
            quote_in(two, long, "Morrow"),
            quote_in(third, "seaworthy on every page", None, "fragment"),
        ]
        texts = {a.id: a.text for a in (one, two, third)}
        [group] = group_quotes(quotes, TableEmbedder(), CompareSettings(), order, texts)
        return {v["article_id"] for v in group.variants}

    assert headline.id not in members(headline)  # never names Morrow: the port's words, not his
    assert named.id in members(named)
