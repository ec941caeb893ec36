"""One exception tree for newsprism. Messages say what went wrong and what to do next.

NewsprismError
├── InputError            one input file cannot be read (the batch goes on)
│   ├── MissingInputError     the path does not exist
│   ├── BinaryInputError      the bytes are not text
│   ├── EmptyInputError       nothing to read
│   ├── TooLargeInputError    over a size cap (settings: max_input_mb, max_article_chars)
│   ├── TooSlowInputError     over the time budget of one document (settings: max_seconds)
│   ├── FormatInputError      malformed JSON / HTML without text / bad fields
│   ├── UnexpectedInputError  a reader or the cleaner failed on it (a bug; the batch goes on)
│   └── FetchError            a URL cannot be fetched (robots.txt, HTTP status, timeout, size cap)
├── ModelMissingError     a pinned model package is not installed
├── StoreError            the SQLite store cannot be opened or written
│   └── StoryStateError       the store's story index was written by another version
├── NotFoundError         an id asked for is not in the store
├── OutputError           an output file would overwrite an input or an existing file
└── SettingsError         a settings file or value is invalid
"""

from __future__ import annotations

from typing import Any


class NewsprismError(Exception):
    """Base of every error newsprism raises on purpose."""

    hint: str = ""

    def __init__(self, message: str, hint: str = "") -> None:
        super().__init__(message)
        if hint:
            self.hint = hint

    def line(self) -> str:
        """The one-line form shown to users."""
        text = str(self)
        return f"{text} ({self.hint})" if self.hint else text

    def __reduce__(self) -> tuple[Any, ...]:
        # Errors cross process boundaries (the reading pool): rebuild them from their fields,
        # or unpickling calls __init__ with the wrong arguments and kills the worker.
        return (type(self), (str(self), self.hint))


class InputError(NewsprismError):
    """One input cannot be read; it is rejected and the batch goes on."""

    def __init__(self, path: str, message: str, hint: str = "") -> None:
        super().__init__(message, hint)
        self.path = path

    def line(self) -> str:
        return f"{self.path}: {super().line()}"

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), (self.path, str(self), self.hint))


class MissingInputError(InputError):
    hint = "check the path"


class BinaryInputError(InputError):
    hint = "give text, HTML or JSON Lines files"


class EmptyInputError(InputError):
    hint = "remove the file or give it content"


class TooLargeInputError(InputError):
    hint = "raise max_input_mb in the settings if this file is really one article"


class TooSlowInputError(InputError):
    hint = "raise ingest.max_seconds if this file is really one article"


class FormatInputError(InputError):
    hint = "see README: input formats"


class UnexpectedInputError(InputError):
    hint = "please report it with the file; the rest of the batch was processed"


class FetchError(InputError):
    """A URL cannot be fetched; ``path`` is the URL. Raised by :mod:`newsprism.fetch` only."""

    hint = "check the URL"


class ModelMissingError(NewsprismError):
    """A pinned model package is not installed."""


class StoreError(NewsprismError):
    """The SQLite store cannot be opened or written."""


class StoryStateError(StoreError):
    """The story index kept in a store (or a saved state) has a version this code cannot read."""

    hint = "ingest into a new database, or use the newsprism version that wrote this one"


class NotFoundError(NewsprismError):
    """An id asked for is not in the store."""


class OutputError(NewsprismError):
    """An output path is one of the inputs, or exists and ``--force`` was not given."""


class SettingsError(NewsprismError):
    """A settings file or value is invalid."""
