"""Fact-sized statements: sentences cut into clause claims with the spaCy parse.

These tests load the spaCy model (once, for the module); the sentences are our own.
"""

import numpy as np
import pytest

from newsprism.compare.alignment import align_statements
from newsprism.compare.clauses import stands_alone
from newsprism.compare.stage import compare_stage, set_embedder
from newsprism.compare.statements import article_statements
from newsprism.model import Span, Statement
from newsprism.nlp import load_spacy
from newsprism.nlp.embed import LexicalEmbedder
from newsprism.pipeline import Analysis
from newsprism.settings import CompareSettings, Settings
from tests.conftest import make_article


@pytest.fixture(scope="module")
def nlp():
    return load_spacy()


def _statements(nlp, text, quotes=()):
    article = make_article(text, outlet="Test Gazette")
    return article, article_statements(article, quotes, doc=nlp(article.text))


def test_coordinated_clauses_become_two_statements_with_exact_spans(nlp):
    text = "The storm flooded the harbour district overnight and the mayor closed every school on Monday."
    article, sts = _statements(nlp, text)
    assert [s.text for s in sts] == [
        "The storm flooded the harbour district overnight",
        "the mayor closed every school on Monday.",
    ]
    for st in sts:
        assert article.text[st.span.start : st.span.end] == st.text
        assert st.sentence == Span(0, len(text))


def test_participle_and_subordinate_clauses_are_cut(nlp):
    text = (
        "A fire swept through the old mill late on Friday, injuring nine workers, "
        "before crews from two towns brought it under control."
    )
    _, sts = _statements(nlp, text)
    assert [s.text for s in sts] == [
        "A fire swept through the old mill late on Friday",
        "injuring nine workers",
        "before crews from two towns brought it under control.",
    ]


def test_attribution_frame_stays_with_its_clause(nlp):
    text = (
        "Officials said the bridge would close on Monday, and that traffic would be diverted through Elmford."
    )
    _, sts = _statements(nlp, text)
    assert [s.text for s in sts] == [
        "Officials said the bridge would close on Monday",
        "that traffic would be diverted through Elmford.",
    ]
    assert [s.attributed_to for s in sts] == ["Officials", "Officials"]
    # A trailing frame is not a claim of its own: it stays with the clause it closes.
    text = "The ferry was cancelled, and the port stayed closed until noon, the harbour master said."
    _, sts = _statements(nlp, text)
    assert [s.text for s in sts] == [
        "The ferry was cancelled",
        "the port stayed closed until noon, the harbour master said.",
    ]


def test_a_restrictive_relative_clause_is_not_cut(nlp):
    text = "The warehouse that burned down on Tuesday had been empty for a month."
    _, sts = _statements(nlp, text)
    assert [s.text for s in sts] == [text]


def test_nothing_inside_quote_marks_is_cut(nlp):
    text = "“The fire was contained before dawn, and the roads are open again,” the chief officer told reporters."
    _, sts = _statements(nlp, text)
    assert [s.text for s in sts] == [text]


def test_without_a_parse_statements_are_sentences(nlp):
    text = "The storm flooded the harbour district overnight and the mayor closed every school on Monday."
    article = make_article(text)
    assert [s.text for s in article_statements(article, [])] == [text]


def test_the_ledger_counts_an_outlet_for_both_facts_of_one_sentence():
    both = make_article(
        "The storm flooded the harbour district overnight, and the mayor closed every school on Monday.",
        outlet="Both Post",
    )
    flood = make_article("The storm flooded the harbour district overnight.", outlet="Flood Times")
    schools = make_article("The mayor closed every school on Monday.", outlet="School News")
    set_embedder(LexicalEmbedder())
    try:
        analysis = compare_stage(Analysis(articles=(both, flood, schools)), Settings())
    finally:
        set_embedder(None)
    by_id = {s.id: s for s in analysis.statements}
    assert len([s for s in analysis.statements if s.article_id == both.id]) == 2
    for other in (flood, schools):
        group = next(g for g in analysis.ledger if other.id in g.article_ids)
        assert both.id in group.article_ids and group.independent_support == 2
        assert {by_id[s].article_id for s in group.statement_ids} == {both.id, other.id}


def _st(i, article, text):
    return Statement(id=f"s{i}", article_id=article, text=text, span=Span(0, len(text)))


def _vectors(sim):
    return np.stack([np.array([1, 0], np.float32), np.array([sim, np.sqrt(1 - sim * sim)], np.float32)])


def test_the_same_count_of_the_same_thing_aligns_different_wordings():
    sts = [
        _st(0, "a", "forcing the evacuation of about 200 residents"),
        _st(1, "b", "About 200 residents of Quayside Terrace were moved out of their homes overnight."),
    ]
    assert (0, 1) in align_statements(sts, _vectors(0.40), CompareSettings()).groups
    # The count rule alone stops at align_count; the pair model, which also weighs the rare
    # words and the count both share, still joins this rewording.
    assert (0, 1) not in align_statements(sts, _vectors(0.30), CompareSettings(align_model=1.01)).groups
    assert (0, 1) in align_statements(sts, _vectors(0.30), CompareSettings()).groups
    sts[1] = _st(1, "b", "About 300 residents of Quayside Terrace were moved out of their homes overnight.")
    assert (0, 1) not in align_statements(sts, _vectors(0.40), CompareSettings()).groups


def test_a_count_appositive_is_a_claim_and_a_title_is_not(nlp):
    text = "The blaze injured 12 people, three of them firefighters, and destroyed two sheds."
    _, sts = _statements(nlp, text)
    assert "three of them firefighters" in [s.text for s in sts]
    text = "Sandpiper Mutual, the insurer of the warehouse, put the damage at 18 million euros."
    _, sts = _statements(nlp, text)
    assert [s.text for s in sts] == [text]


def test_a_clause_without_a_day_is_dated_by_its_sentence_not_by_when_it_was_said():
    from newsprism.compare.alignment import Alignment
    from newsprism.compare.contradictions import find_contradictions

    a = make_article("Twelve people were injured when a fire destroyed a warehouse on Wednesday.", outlet="A")
    b = make_article("A fire destroyed a warehouse on Tuesday, injuring 12 people.", outlet="B")
    c = make_article("On Wednesday the union alleged that 12 people were injured.", outlet="C")

    def clause(article, words, i):
        start = article.text.index(words)
        return Statement(
            id=f"s{i}",
            article_id=article.id,
            text=words,
            span=Span(start, start + len(words)),
            sentence=Span(0, len(article.text)),
        )

    sts = [clause(a, "Twelve people were injured", 0), clause(b, "injuring 12 people", 1)]
    sts.append(clause(c, "that 12 people were injured.", 2))
    texts = {x.id: x.text for x in (a, b, c)}
    alignment = Alignment(groups=((0, 1, 2),), conflicts=(), sims=np.full((3, 3), 0.8))
    found = {
        (x.a["statement_id"], x.b["statement_id"], x.kind)
        for x in find_contradictions(sts, alignment, texts, min_shared=1)
    }
    assert ("s0", "s1", "date") in found or ("s1", "s0", "date") in found
    assert not any("s2" in pair[:2] for pair in found)


def test_a_count_after_among_or_including_is_a_claim(nlp):
    text = "Twenty people were injured in the crash on the bypass, including four children, the police said."
    _, sts = _statements(nlp, text)
    assert any(s.text.startswith("including four children") for s in sts)
    assert sts[0].text == "Twenty people were injured in the crash on the bypass"


def test_a_clause_without_a_noun_name_or_number_stays_with_its_sentence(nlp):
    text = "The council said the depot will reopen in March, although it has not said how."
    _, sts = _statements(nlp, text)
    assert [s.text for s in sts] == [text]
    text = "Crews fought the blaze for six hours before firefighters brought it under control."
    _, sts = _statements(nlp, text)
    assert [s.text for s in sts] == [
        "Crews fought the blaze for six hours",
        "before firefighters brought it under control.",
    ]


def _alone(nlp, sentence, clause):
    doc = nlp(sentence)
    start = sentence.index(clause)
    return stands_alone(doc, start, start + len(clause), (0, len(sentence)))


def test_a_coordinated_clause_with_its_own_subject_reads_alone(nlp):
    sentence = "The storm flooded the harbour district overnight and the mayor closed every school on Monday."
    assert _alone(nlp, sentence, "the mayor closed every school on Monday.")
    assert _alone(nlp, sentence, sentence)  # the whole sentence always does


@pytest.mark.parametrize(
    ("sentence", "clause"),
    [
        # a verb phrase without a subject of its own
        (
            "The council praised the firefighters for holding the line and saving the old mill.",
            "saving the old mill.",
        ),
        (
            "The mayor opened the bridge in March and promised a second one by winter.",
            "promised a second one by winter.",
        ),
        # a subordinate clause, with a subject, still leans on its main clause
        (
            "Ferries stayed in port on Friday, while the coast guard searched the bay for the trawler.",
            "while the coast guard searched the bay for the trawler.",
        ),
        # a relative clause: its subject is a relative pronoun
        (
            "The contract went to Brannock Logistics, which lost a similar bid in 2019.",
            "which lost a similar bid in 2019.",
        ),
        # the second half of a comparison
        (
            "The crew slowed down and grew tired the longer the storm went on.",
            "the storm went on.",
        ),
        # no verb at all: an appositive
        (
            "The report was written by Ada Vell, a former harbour engineer who runs a consultancy.",
            "a former harbour engineer who runs a consultancy.",
        ),
    ],
)
def test_a_fragment_or_subordinate_clause_does_not_read_alone(nlp, sentence, clause):
    assert not _alone(nlp, sentence, clause)


def test_units_without_a_subject_are_cut_only_when_asked(nlp):
    text = "The courier was struck while crossing the old stone bridge near Harlow Mill on Sunday."
    article = make_article(text, outlet="Test Gazette")
    doc = nlp(article.text)
    whole = article_statements(article, [], doc=doc)
    cut = article_statements(article, [], doc=doc, unit_words=4)
    assert [s.text for s in whole] == [text]
    assert [s.text for s in cut] == [
        "The courier was struck",
        "while crossing the old stone bridge near Harlow Mill on Sunday.",
    ]
    for st in cut:
        assert article.text[st.span.start : st.span.end] == st.text


def test_participle_after_a_noun_stays_with_it(nlp):
    # "a speech given by X" names the speech more often than it tells a fact of its own
    text = "Prosecutors filed charges against a dock worker accused of setting fire to the Kestrel Quay warehouse."
    _, sts = _statements_units(nlp, text)
    assert [s.text for s in sts] == [text]


def test_short_units_stay_with_their_parent(nlp):
    # "after saying so" has no content word; "a man named Tobin" is a name, not a fact
    for text in (
        "The mayor left the council chamber after saying so.",
        "The council hired a man named Tobin to run the harbour.",
    ):
        _, sts = _statements_units(nlp, text)
        assert [s.text for s in sts] == [text]


def test_units_are_never_cut_inside_a_quote(nlp):
    text = "“The courier was struck while crossing the old stone bridge near Harlow Mill,” the sheriff said."
    _, sts = _statements_units(nlp, text)
    assert [s.text for s in sts] == [text]


def _statements_units(nlp, text):
    article = make_article(text, outlet="Test Gazette")
    return article, article_statements(article, [], doc=nlp(article.text), unit_words=4)
