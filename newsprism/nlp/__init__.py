"""The loaded language models behind one interface.

spaCy is loaded once per process (:func:`load_spacy`); callers ask for parsed
``Doc`` objects through :func:`parse`, which batches with ``nlp.pipe``, or through
:func:`parse_cached`, which reuses parses kept in a :class:`ParseCache`.
"""

from newsprism.nlp.cache import (
    MemoryParseCache,
    ParseCache,
    doc_from_bytes,
    doc_to_bytes,
    model_key,
    parse_cached,
    use_parse_cache,
)
from newsprism.nlp.spacy_model import load_spacy, parse

__all__ = [
    "MemoryParseCache",
    "ParseCache",
    "doc_from_bytes",
    "doc_to_bytes",
    "load_spacy",
    "model_key",
    "parse",
    "parse_cached",
    "use_parse_cache",
]
