"""The working record of one quote while it is being detected and attributed."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from newsprism.model import Span

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = ["Found"]


@dataclass
class Found:
    """A quote candidate: content span, cue token, speaker head token and how it was decided.

    Mutable on purpose and private to the quotes package: detection fills ``span`` and
    ``cue``, the attribution cascade fills ``speaker`` and ``method``; the public
    result is the frozen :class:`newsprism.model.Quote`.
    """

    kind: str  # direct, indirect, fragment
    span: Span
    cue: Token | None = None
    cue_span: Span | None = None
    speaker: Token | None = None  # head token of the speaker mention
    method: str = "unknown"
    paragraph: int = 0
    run: int | None = None  # shared by the paragraph segments of one continued quote
    inherited: Found | None = None  # the earlier quote whose speaker this one continues
    referent: Token | None = None  # what a pronoun or nominal speaker ("he", "the minister") points to
    owner: Token | None = None  # whose role a possessive description names ("his spokesman")
    embedded: bool = False  # a long quote that starts inside a clause ("Lind represents the “…”")
    act: bool = False  # a speech act with no reported clause ("called for …"): its own quote when nested
