"""Issue 15: texts longer than spaCy takes at once are parsed in pieces, never refused (E088)."""

from newsprism.nlp import spacy_model
from newsprism.nlp.spacy_model import load_spacy, pipe_bounded, text_pieces


def test_pieces_concatenate_back_and_prefer_paragraph_breaks():
    text = "".join(f"Sentence {i} of the story.\n\n" if i % 5 == 4 else f"Sentence {i}. " for i in range(400))
    pieces = text_pieces(text, 500)
    assert "".join(pieces) == text
    assert all(len(p) <= 500 for p in pieces) and len(pieces) > 10
    assert all(p.endswith("\n\n") for p in pieces[:-1])
    assert text_pieces("x" * 1200, 500) == ["x" * 500, "x" * 500, "x" * 200]  # no break at hand


def test_a_text_over_the_piece_size_parses_into_one_doc_with_the_same_text(monkeypatch):
    monkeypatch.setattr(spacy_model, "PIECE_CHARS", 300)
    long = "\n\n".join(f"The crew of boat {i} said the fire was out by noon." for i in range(40))
    texts = ["A short one.", long, "", long[:250]]
    docs = list(pipe_bounded(load_spacy(), texts))
    assert [d.text for d in docs] == texts
    assert len(list(docs[1].sents)) >= 40  # every piece was parsed


def test_a_story_the_models_cannot_read_is_named_in_a_warning():
    from newsprism.nlp.language import language_problem

    english = "The harbour fire burned for hours on Monday, and the port said that it was out by noon. " * 3
    russian = "Пожар в порту уничтожил склад, сообщили в понедельник официальные лица города. " * 3
    french = (
        "Un incendie dans le port a détruit un entrepôt lundi, ont indiqué les autorités de la ville. " * 3
    )
    assert language_problem(english) is None
    assert language_problem(russian) == "the text is not in the Latin script"
    assert language_problem(french) == "the text does not look like English"
    assert language_problem("Пожар.") is None  # too short to say
