"""Every error naba raises on purpose.

    NabaError
     ├── InputError                a file or record we cannot take in
     │    ├── UnsupportedFormat    a file whose format we do not recognise
     │    ├── RecordError          one record inside a file is malformed or empty
     │    ├── EncodingError        bytes we cannot decode with any plausible charset
     │    └── TooLarge             a file, page or archive member over a size limit (zip bombs too)
     ├── StoreError                the database refused or is not a naba store
     │    └── NotFound             no article with that id or URL
     └── UsageError                a bad option value (a date that does not parse, ...)

Errors carry the offending value in ``where`` (a path, ``path:line`` or ``archive!member#index``)
so the CLI can print one line that names the file and the record.
"""

from __future__ import annotations


class NabaError(Exception):
    """Base of every error naba raises on purpose."""

    def __init__(self, message: str, *, where: str | None = None, hint: str | None = None):
        super().__init__(message)
        self.message = message
        self.where = where
        self.hint = hint

    def __str__(self) -> str:
        text = f"{self.where}: {self.message}" if self.where else self.message
        return f"{text} ({self.hint})" if self.hint else text


class InputError(NabaError):
    """A file or record we cannot take in; the rest of the input goes on."""


class UnsupportedFormat(InputError):
    """A file whose format no reader recognises."""


class RecordError(InputError):
    """One record is malformed or has no text."""


class EncodingError(InputError):
    """Bytes that no plausible charset decodes."""


class TooLarge(InputError):
    """A file, page or archive member larger than its limit."""


class StoreError(NabaError):
    """The database refused an operation or is not a naba store."""


class NotFound(StoreError):
    """No article with that id or URL."""


class UsageError(NabaError):
    """A bad option value given by the user."""
