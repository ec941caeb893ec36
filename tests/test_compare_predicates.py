import numpy as np
import pytest

from newsprism.compare.pairs import FEATURES, StoryPairs, statement_frames
from newsprism.compare.predicates import predicate_of
from newsprism.model import Span, Statement


@pytest.fixture(scope="module")
def nlp():
    from newsprism.nlp.spacy_model import load_spacy

    return load_spacy()


def _first(nlp, text):
    return predicate_of(next(nlp(text).sents))


def test_the_main_predicate_is_the_reported_verb_with_its_arguments(nlp):
    got = _first(nlp, "Officials said Mara Ostrow won the primary on Tuesday.")
    assert got.lemma == "win" and got.subject == "@ostrow" and got.object == "primary"
    # the phrase compared leaves the arguments out: "win the primary" / "win Dunmore" are one predicate
    assert got.phrase == "win" and not got.negated


def test_negation_and_particle_are_part_of_the_predicate(nlp):
    got = _first(nlp, "Paul Lindqvist did not back down from the fight.")
    assert got.lemma == "back down" and got.negated and got.phrase == "not back down"


def test_a_relative_clause_and_a_participle_take_their_subject(nlp):
    got = _first(nlp, "Paul Lindqvist, who lost the primary, thanked his staff.")
    assert got.lemma == "thank" and got.subject == "@lindqvist"
    doc = nlp("Mara Ostrow won the primary, beating Paul Lindqvist by four points.")
    beating = next(t for t in doc if t.text == "beating")
    assert predicate_of(doc[beating.i : len(doc)]).subject == "@ostrow"


def test_a_pronoun_subject_is_its_person(nlp):
    doc = nlp("Mara Ostrow campaigned in Dunmore all week. On Tuesday she lost the primary.")
    second = list(doc.sents)[1]
    assert predicate_of(second).subject == "@ostrow"


def test_a_pronoun_skips_a_person_of_the_other_sex(nlp):
    # "he" cannot be Mary Ostrow, whose given name is borne by women: it is Paul Lindqvist.
    doc = nlp("Paul Lindqvist thanked Mary Ostrow on Monday. On Tuesday he lost the primary.")
    second = list(doc.sents)[1]
    assert predicate_of(second).subject == "@lindqvist"


def _st(i, article, text):
    return Statement(id=f"s{i}", article_id=article, text=text, span=Span(0, len(text)))


def test_different_subjects_of_one_kind_of_predicate_are_apart(nlp):
    texts = {
        "a": "On Tuesday Mara Ostrow lost the county primary.",
        "b": "In other voting on Tuesday, Paul Lindqvist won the county primary.",
        "c": "Ostrow was defeated in the county primary on Tuesday.",
    }
    docs = {k: nlp(t) for k, t in texts.items()}
    sts = [_st(i, k, t) for i, (k, t) in enumerate(texts.items())]
    # Predicate phrases embedded by a stand-in: one vector for every phrase (fully similar).
    frames = statement_frames(sts, docs, lambda xs: np.ones((len(xs), 4)))
    # without the embedder (no frame feature weighed) no predicate is read
    assert all(f.predicate is None for f in statement_frames(sts, docs).frames)
    ev = StoryPairs(sts, np.eye(3, dtype=np.float32), frames=frames)
    apart, pred = FEATURES.index("apart_pred"), FEATURES.index("pred_sim")
    assert ev.features(0, 1)[apart] == pytest.approx(1.0)
    assert ev.features(0, 2)[apart] == 0.0 and ev.features(0, 2)[pred] == pytest.approx(1.0)
    assert ev.features(0, 1)[FEATURES.index("object_same")] == 1.0
    # a converse is no look-alike: each subject fills the other's predicate
    lost = _first(nlp, "Paul Lindqvist lost to Mara Ostrow.")
    beat = _first(nlp, "Mara Ostrow beat Paul Lindqvist.")
    assert lost.subject == "@lindqvist" and beat.subject == "@ostrow" and not lost.apart_from(beat)
    assert _first(nlp, "Paul Lindqvist won the primary.").apart_from(_first(nlp, texts["a"]))
    assert np.allclose(ev.matrix([(0, 1), (0, 2)]), [ev.features(0, 1), ev.features(0, 2)])


def test_one_deed_needs_one_doer_and_one_predicate(nlp):
    from newsprism.compare.predicates import one_deed

    ostrow = _first(nlp, "Mara Ostrow fired back at the council.")
    # two named doers of one deed are two facts, whatever word they share
    assert not one_deed(ostrow, _first(nlp, "Paul Lindqvist fired back on Friday."), 1.0, 0.6)
    # one doer, or a side with no named doer, may tell the same deed
    assert one_deed(ostrow, _first(nlp, "Ostrow fired back within the hour."), 0.0, 0.6)
    assert one_deed(ostrow, _first(nlp, "The mayor fired back at the council."), 0.0, 0.6)
    # but not a different predicate, unless its embedding is close enough
    kept = _first(nlp, "Then Ostrow kept walking.")
    assert not one_deed(ostrow, kept, 0.3, 0.6) and one_deed(ostrow, kept, 0.65, 0.6)
