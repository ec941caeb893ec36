"""Plain text and Markdown articles: the text is the document; metadata is read while cleaning."""

from __future__ import annotations

from newsprism.model import Document

__all__ = ["read_text"]


def read_text(path: str, text: str) -> Document:
    """A text document. Title, byline, date, URL and credits are found by the cleaner."""
    return Document(path=path, raw=text.replace("\r\n", "\n").replace("\r", "\n"), format="text")
