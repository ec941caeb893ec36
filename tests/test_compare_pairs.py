import numpy as np

from newsprism.compare.pairs import FEATURES, PairModel, StoryPairs, pair_model, sentence_vectors
from newsprism.model import Span, Statement


def _st(i, article, text):
    return Statement(id=f"s{i}", article_id=article, text=text, span=Span(0, len(text)))


def test_a_rare_shared_word_weighs_more_than_one_every_statement_uses():
    sts = [
        _st(0, "a", "The ferry operator confirmed the sailing schedule."),
        _st(1, "b", "The ferry operator cancelled the sailing."),
        _st(2, "c", "The ferry operator praised the crew."),
        _st(3, "d", "The ferry operator thanked the harbourmaster."),
    ]
    ev = StoryPairs(sts, np.eye(4, dtype=np.float32))
    words = FEATURES.index("words")
    # 0-1 share the rare "sailing" besides "ferry operator"; 2-3 share only "ferry operator"
    assert ev.features(0, 1)[words] > ev.features(2, 3)[words]


def test_numbers_agreeing_and_clashing_are_told_apart():
    sts = [
        _st(0, "a", "Twelve people were injured in the fire."),
        _st(1, "b", "12 people were hurt."),
        _st(2, "c", "21 people were injured."),
    ]
    ev = StoryPairs(sts, np.eye(3, dtype=np.float32))
    same, clash = FEATURES.index("numbers"), FEATURES.index("clash")
    assert ev.features(0, 1)[same] == 1.0 and ev.features(0, 1)[clash] == 0.0
    assert ev.features(0, 2)[clash] == 1.0


def test_the_shipped_model_prefers_shared_evidence():
    model = pair_model()
    assert model is not None
    base = np.zeros(len(FEATURES))
    base[FEATURES.index("cosine")] = 0.5
    richer = base.copy()
    richer[FEATURES.index("words")] = 0.5
    assert model.probability(np.array([richer]))[0] > model.probability(np.array([base]))[0]


def test_bulk_features_equal_pair_by_pair():
    sts = [
        _st(0, "a", "Twelve people were injured in the fire at the quay on Tuesday."),
        _st(1, "b", "The Tuesday fire at the quay injured 12 people, officials said."),
        _st(2, "c", "Firefighters from Carrowmere did not reach the quay until midnight."),
        _st(3, "c", "21 people were injured."),
    ]
    rng = np.random.default_rng(0)
    vecs = rng.normal(size=(4, 8)).astype(np.float32)
    vecs /= np.linalg.norm(vecs, axis=1, keepdims=True)
    ev = StoryPairs(sts, vecs)
    pairs = [(0, 1), (0, 2), (0, 3), (1, 2), (1, 3)]
    expected = np.array([ev.features(i, j) for i, j in pairs])
    assert np.allclose(ev.matrix(pairs), expected, atol=1e-5)


def test_count_features_of_many_pairs_equal_pair_by_pair():
    # Past a few thousand pairs that hold numbers or dates, those sharing no number or unit take
    # their count features from sparse overlaps: the same values as the sets give.
    texts = [
        "Twelve people were injured in the fire on Tuesday.",
        "12 people were hurt on Tuesday.",
        "21 people were injured in 2019.",
        "Three fire stations sent three firefighters in March.",
        "The quay reopened on 4 March after 40 days.",
        "About 200 residents left on Friday.",
        "Two ferries and 12 crew were held in 2019.",
        "The council met on Friday, 4 March.",
        "The ferry sailed on Tuesday.",
        "The harbour reopened in March.",
    ]
    sts = [_st(k, f"a{k}", texts[k % len(texts)]) for k in range(80)]
    rng = np.random.default_rng(1)
    vecs = rng.normal(size=(80, 8)).astype(np.float32)
    ev = StoryPairs(sts, vecs / np.linalg.norm(vecs, axis=1, keepdims=True))
    pairs = [(i, j) for i in range(80) for j in range(i + 1, 80)]
    counts = [FEATURES.index(f) for f in ("numbers", "clash", "dates", "dates_apart", "numbers_apart")]
    got = ev.matrix(np.array(pairs))[:, counts]
    expected = np.array([[ev.features(i, j)[k] for k in counts] for i, j in pairs])
    assert len(pairs) > 3000 and expected.sum(axis=0).min() > 0
    assert np.array_equal(got, expected)


def test_a_clause_cut_from_its_sentence_is_compared_by_that_sentence_too():
    text = "The quay reopened on Friday, and the ferry resumed its crossings."
    clause = Statement(
        id="s0",
        article_id="a",
        text="the ferry resumed its crossings",
        span=Span(33, 64),
        sentence=Span(0, 65),
    )
    whole = Statement(
        id="s1", article_id="b", text="Ferries sail again.", span=Span(0, 19), sentence=Span(0, 19)
    )
    asked: list[list[str]] = []

    def embed(texts):
        asked.append(list(texts))
        return np.array([[0.0, 1.0]] * len(texts), dtype=np.float32)

    vecs = np.array([[1.0, 0.0], [1.0, 0.0]], dtype=np.float32)
    got = sentence_vectors([clause, whole], {"a": text, "b": "Ferries sail again."}, vecs, embed)
    # Only the cut clause's sentence is embedded; a whole-sentence statement keeps its vector.
    assert asked == [[text]]
    assert got[0].tolist() == [0.0, 1.0] and got[1].tolist() == [1.0, 0.0]
    ev = StoryPairs([clause, whole], vecs, got)
    assert ev.features(0, 1)[FEATURES.index("cosine")] == 1.0
    assert ev.features(0, 1)[FEATURES.index("sentence")] == 0.0


def test_two_statements_naming_different_rare_places_are_apart():
    sts = [
        _st(0, "a", "A gunman opened fire at a bakery in Velmora on Tuesday."),
        _st(1, "b", "A gunman opened fire at a bakery in Ostrand on Friday."),
        _st(2, "c", "The gunman opened fire at the Velmora bakery on Tuesday."),
        _st(3, "d", "Police said the gunman acted alone."),
    ]
    ev = StoryPairs(sts, np.eye(4, dtype=np.float32))
    apart, dates_apart = FEATURES.index("names_apart"), FEATURES.index("dates_apart")
    assert ev.features(0, 1)[apart] > 0 and ev.features(0, 1)[dates_apart] == 1.0
    assert ev.features(0, 2)[apart] == 0.0 and ev.features(0, 2)[dates_apart] == 0.0
    # No name on one side is no clash: the statement may simply not say where.
    assert ev.features(0, 3)[apart] == 0.0


def test_two_leads_count_as_leads_only_with_shared_words():
    sts = [
        _st(0, "a", "The council approved the harbour budget."),
        _st(1, "b", "Storms closed the mountain pass."),
        _st(2, "c", "The council approved the harbour budget on Monday."),
    ]
    ev = StoryPairs(sts, np.eye(3, dtype=np.float32))
    lead, lead_words = FEATURES.index("lead"), FEATURES.index("lead_words")
    assert ev.features(0, 1)[lead] == ev.features(0, 2)[lead] == 1.0
    assert ev.features(0, 1)[lead_words] == 0.0 < ev.features(0, 2)[lead_words]


def test_frames_tell_who_did_what_to_whom():
    from newsprism.compare.pairs import statement_frames
    from newsprism.nlp.spacy_model import load_spacy

    texts = {
        "a": "Senator Mara Ostrow defeated Paul Lindqvist in the primary.",
        "b": "Lindqvist was beaten by Ostrow.",
        "c": "Lindqvist defeated Ostrow in the primary.",
    }
    nlp = load_spacy()
    docs = {k: nlp(t) for k, t in texts.items()}
    sts = [_st(i, k, t) for i, (k, t) in enumerate(texts.items())]
    frames = statement_frames(sts, docs)
    assert "@ostrow" in frames.frames[0].agents and "@lindqvist" in frames.frames[0].patients
    # The passive's "by" phrase is its agent: a surname meets the full name in the same role.
    assert "@ostrow" in frames.frames[1].agents and "@lindqvist" in frames.frames[1].patients
    ev = StoryPairs(sts, np.eye(3, dtype=np.float32), frames=frames)
    swapped, args, verb = FEATURES.index("swapped"), FEATURES.index("args"), FEATURES.index("verb")
    assert ev.features(0, 1)[swapped] == 0.0 and ev.features(0, 1)[args] == 1.0
    assert ev.features(0, 2)[swapped] == 1.0 and ev.features(0, 2)[verb] == 1.0
    # Bulk and single-pair features agree.
    assert np.allclose(ev.matrix([(0, 1), (0, 2)]), [ev.features(0, 1), ev.features(0, 2)])


def test_a_pairs_probability_does_not_depend_on_the_batch_it_is_scored_in():
    rng = np.random.default_rng(7)
    model = PairModel(weights=tuple(rng.normal(size=9)), intercept=-0.3)
    rows = rng.normal(size=(500, 9))
    together = model.probability(rows)
    alone = np.concatenate([model.probability(rows[i : i + 1]) for i in range(len(rows))])
    assert np.array_equal(together, alone)  # bit for bit, not only close


def test_predicate_polarity_reads_the_statements_own_predicate():
    from newsprism.compare.pairs import statement_frames
    from newsprism.nlp.spacy_model import load_spacy

    texts = {
        "a": "The mayor, who never visited Ostrowa, opened the new bridge.",
        "b": "The mayor did not open the new bridge.",
        "c": "Officials said the Ostrowa bridge is not ready.",
        "d": "Halvorsen was found not guilty of arson.",
        "e": "Neither Ostrow nor Lindqvist has won a county.",
        "f": "For a council that admits it is 'not a natural builder', Ostrowa had a good year.",
    }
    nlp = load_spacy()
    docs = {k: nlp(t) for k, t in texts.items()}
    sts = [_st(i, k, t) for i, (k, t) in enumerate(texts.items())]
    negated = [f.negated for f in statement_frames(sts, docs).frames]
    # An aside, a subordinate clause or an adjective's "not" leaves the predicate affirmed; the
    # predicate's own negation, a reported clause's, and a "no" subject deny it.
    assert negated == [False, True, True, False, True, False]
    # Without a parse there is no reading.
    assert statement_frames(sts[:1], {}).frames[0].negated is None


def test_a_negation_names_what_it_denies():
    from newsprism.compare.pairs import statement_frames
    from newsprism.nlp.spacy_model import load_spacy

    texts = {
        "a": "The editorials were not endorsements of Mayor Ostrow.",
        "b": "The mayor did not open the Ostrowa bridge.",
        "c": "That does not mean losses in Carrowmere.",
        "d": "The council has not said whether it has a plan.",
        "e": "The mayor opened the Ostrowa bridge.",
    }
    nlp = load_spacy()
    docs = {k: nlp(t) for k, t in texts.items()}
    sts = [_st(i, k, t) for i, (k, t) in enumerate(texts.items())]
    denied = [set(f.denied) for f in statement_frames(sts, docs).frames]
    # a copula's complement, a verb and its object, a verb of meaning's complement; a negated
    # telling names nothing (it opposes any statement of the matter); no negation, nothing denied
    assert denied[0] == {"endorsement"}
    assert denied[1] == {"open", "bridge"}
    assert denied[2] == {"loss"}
    assert denied[3] == set()
    assert denied[4] == set()


def test_a_shared_day_alone_is_no_shared_date():
    sts = [
        _st(0, "a", "On Sunday the mayor opened the ferry terminal."),
        _st(1, "b", "Protesters marched on Sunday afternoon."),
        _st(2, "c", "The ferry terminal opened Sunday."),
    ]
    dates = FEATURES.index("dates")
    told = StoryPairs(sts, np.eye(3, dtype=np.float32))
    assert told.features(0, 1)[dates] == 1.0  # the old reading: any shared day
    ev = StoryPairs(sts, np.eye(3, dtype=np.float32), date_alone=False)
    # two different things said that Sunday share only the day
    assert ev.features(0, 1)[dates] == 0.0
    # the terminal's opening shares the day beside words of its own
    assert ev.features(0, 2)[dates] == 1.0
    assert ev.matrix([(0, 1), (0, 2)])[:, dates].tolist() == [0.0, 1.0]


def test_a_pair_is_nearest_only_where_one_sentence_is_the_others_best_match():
    sts = [
        _st(0, "a", "The mayor opened the ferry terminal on Sunday."),
        _st(1, "b", "The new ferry terminal was opened by the mayor."),
        _st(2, "b", "Fishermen protested outside the council hall."),
        _st(3, "c", "The fishermen want a new harbour wall."),
        _st(4, "c", "The mayor's ferry plan cost the town dearly."),
    ]
    v = np.array([[1.0, 0, 0], [0.9, 0.436, 0], [0, 1.0, 0], [0, 0.6, 0.8], [0.3, 0, 0.954]])
    ev = StoryPairs(sts, v)
    # 0 meets 1 first in article b
    assert ev.nearest(np.array([[0, 1]])).tolist() == [True]
    # 1 meets 4 first in article c, and 3 meets 2 first in article b: two sentences of one topic
    assert ev.nearest(np.array([[1, 3]])).tolist() == [False]
    # within the two nearest of its article, 3 is near enough to 1
    assert ev.nearest(np.array([[1, 3]]), rank=2).tolist() == [True]
