"""Exceptions of the pipeline, one class per failure class.

Every message a user sees is one line that names the file (or gazetteer entry)
and the reason. Third-party exceptions are translated once, at the boundary
where they are raised (readers, gazetteer loader, YAML I/O), so no stage above
imports a third-party exception.

    PipelineError
     ├── InputError               a document cannot be read
     │    ├── UnsupportedFormat   the extension has no reader
     │    ├── EncryptedDocument   a password-protected PDF / DOCX
     │    ├── CorruptDocument     truncated, not a zip, not a PDF, …
     │    ├── EmptyDocument       zero bytes, or nothing but whitespace
     │    ├── DecodingError       bytes that are not text in any known encoding
     │    └── LimitExceeded       over a reading limit (size, pages, …); the message names it
     ├── OutputError              a record that would land outside the output folder
     ├── GazetteerError           a bad gazetteer file or entry
     ├── RecordValidationError    a record that breaks the JSON Schema
     └── QueryError               a bad query
"""
from __future__ import annotations


class PipelineError(Exception):
    """Base class of every error the pipeline raises on purpose."""


class InputError(PipelineError):
    """A document cannot be read; the batch goes on with the next one."""

    def __init__(self, reason: str, *, path: str | None = None) -> None:
        self.reason = reason
        self.path = path
        super().__init__(f"{path}: {reason}" if path else reason)


class UnsupportedFormat(InputError):
    """The file's extension has no reader."""


class EncryptedDocument(InputError):
    """The document is protected by a password."""


class CorruptDocument(InputError):
    """The bytes are not a valid document of the format its name claims."""


class EmptyDocument(InputError):
    """The file has no content at all."""


class DecodingError(InputError):
    """The bytes are not text in any encoding the reader knows."""


class LimitExceeded(InputError):
    """The document is over one of the reading limits (``ReadLimits``); refused unread."""


class OutputError(PipelineError):
    """A record cannot be written where it belongs (its folder leads outside OUT)."""


class GazetteerError(PipelineError):
    """A gazetteer file or entry is malformed; the message names file and entry."""


class RecordValidationError(PipelineError):
    """A record does not conform to the JSON Schema."""


class QueryError(PipelineError):
    """A query cannot be parsed or run."""
