"""The loaded language models behind one interface.

spaCy is loaded once per process (:func:`load_spacy`); callers ask for parsed
``Doc`` objects through :func:`parse`, which batches with ``nlp.pipe``.
"""

from newsprism.nlp.spacy_model import load_spacy, parse

__all__ = ["load_spacy", "parse"]
