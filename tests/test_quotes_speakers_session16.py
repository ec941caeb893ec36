"""Speakers, session 16 (issue 16 part 2): a family's surname the tagger misreads, a person glued
to a dateline. Fictional texts, parsed with the bundled model; where a test needs the tagger to
misread a word, the entity labels are set by hand so the test does not hang on the model."""

from spacy.tokens import Span as SpacySpan

from newsprism.quotes import extract_quotes
from newsprism.quotes.speakers import merge_speakers
from tests.conftest import make_article
from tests.quote_helpers import speaker_of


def _relabelled(nlp, text: str, labels: list[tuple[str, int, str]]):
    """The parse of ``text`` with the entities holding the ``n``-th occurrence of each word (or
    phrase) replaced by one of the given label."""
    doc = nlp(text)
    ents = list(doc.ents)
    for words, n, label in labels:
        start = -1
        for _ in range(n + 1):
            start = text.index(words, start + 1)
        span = doc.char_span(start, start + len(words))
        ents = [e for e in ents if e.end <= span.start or e.start >= span.end]
        ents.append(SpacySpan(doc, span.start, span.end, label=label))
    doc.ents = sorted(ents, key=lambda e: e.start)
    return doc


def _name(nlp, text: str, labels: list[tuple[str, int, str]], words: str) -> str | None:
    art = make_article(text)
    found = list(extract_quotes(art, _relabelled(nlp, text, labels)))
    quotes, _ = merge_speakers(found, 92, {art.id: text})
    speaker = speaker_of(quotes, words)
    return speaker.canonical if speaker else None


def test_a_family_surname_the_tagger_misreads_is_still_the_person_it_names_alone(nlp):
    text = (
        "Mayor Tom Garr walked in with his daughter, Lena Garr, on Monday. Garr said the vote "
        "would come soon.\n\n"
        'His rival, Paul Denton, said in a statement: "Tonight the mayor offered nothing new."\n\n'
        "In every district, Garr vowed to repair the roads before anything else. "
        '"Roads, not slogans, will be our creed," he said.\n'
    )
    labels = [("Garr", 2, "PERSON"), ("Garr", 3, "ORG")]  # "Garr said" a person, "Garr vowed" not
    assert _name(nlp, text, labels, "not slogans") == "Tom Garr"


def test_a_person_glued_to_a_dateline_is_the_person(nlp):
    text = (
        "Mayor accepts second term.\n\n"
        "DAYTON - Tom Garr accepted a second term on Thursday, offering a sweeping indictment of "
        'a "lazy and careless council" that he said had failed the city.\n'
    )
    labels = [("DAYTON - Tom Garr", 0, "ORG")]
    assert _name(nlp, text, labels, "careless council") == "Tom Garr"
