"""Document readers: turn .txt, .html, .docx and .pdf bytes into one ``RawDocument``.

``read_document(path)`` and ``read_bytes(data, suffix=..., name=...)`` dispatch on
the lowercase file suffix. Reader modules are imported lazily so that reading a
text file never pays for importing trafilatura or pdfium. Every failure is a
``pipeline.errors.InputError`` subclass whose message is one line naming the file.
Both take ``limits`` (``ReadLimits``): the file size is checked before a byte is
read, the text length after the reader, and each reader checks its own limits.

The helpers ``Piece``, ``assemble`` and ``one_line`` are shared by the readers.
"""
from __future__ import annotations

import importlib
import os
import stat
from collections.abc import Iterable
from pathlib import Path
from types import ModuleType
from typing import NamedTuple

from pipeline.errors import InputError, UnsupportedFormat
from pipeline.read.base import Block, BlockKind, RawDocument
from pipeline.read.limits import DEFAULT_LIMITS, ReadLimits

__all__ = [
    "SUFFIX_READERS",
    "Block",
    "RawDocument",
    "ReadLimits",
    "read_bytes",
    "read_document",
    "read_file",
]

# Lowercase suffix -> reader module (relative to this package).
SUFFIX_READERS: dict[str, str] = {
    ".txt": "txt",
    ".html": "html",
    ".htm": "html",
    ".docx": "docx",
    ".pdf": "pdf",
}

BLOCK_SEPARATOR = "\n\n"
NOT_REGULAR = "refused: not a regular file"  # a FIFO, device or socket: reading it could block forever
CELL_SEPARATOR = " | "


class Piece(NamedTuple):
    """One block's text before offsets are known: kind, text and 1-based page."""

    kind: BlockKind
    text: str
    page: int | None = None


def read_document(path: Path, *, limits: ReadLimits = DEFAULT_LIMITS) -> RawDocument:
    """Read the file at ``path`` with the reader its suffix names."""
    path = Path(path)
    _reader_for(path.suffix, str(path))
    data = read_file(path, limits=limits, name=str(path))
    return read_bytes(data, suffix=path.suffix, name=str(path), limits=limits)


def read_file(path: Path, *, limits: ReadLimits = DEFAULT_LIMITS, name: str) -> bytes:
    """The bytes of a regular file, refused unread when over ``--max-file-size``.

    The size is checked on the open file (fstat), and at most one byte more than the
    limit is read, so a file that grows after the check is refused too.
    """
    try:
        # O_NONBLOCK: opening a FIFO must not wait for a writer; it is refused below.
        with os.fdopen(os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC), "rb") as fh:
            info = os.fstat(fh.fileno())
            if not stat.S_ISREG(info.st_mode):
                raise InputError(NOT_REGULAR, path=name)
            limits.check("max_file_size", info.st_size, "file size", name=name)
            data = fh.read(limits.max_file_size + 1) if limits.max_file_size else fh.read()
    except OSError as exc:
        raise InputError(unreadable_reason(exc), path=name) from None
    limits.check("max_file_size", len(data), "file size", name=name)
    return data


def unreadable_reason(exc: OSError) -> str:
    """An OS error on opening a file as a one-line reason: "cannot read file (permission denied)"."""
    return f"cannot read file ({(exc.strerror or exc.__class__.__name__).lower()})"


def read_bytes(data: bytes, *, suffix: str, name: str, limits: ReadLimits = DEFAULT_LIMITS) -> RawDocument:
    """Read a document already in memory (hash once, read once); ``name`` is for messages."""
    module = _reader_for(suffix, name)
    limits.check("max_file_size", len(data), "file size", name=name)
    document = module.read(data, name=name, limits=limits)
    limits.check("max_text_chars", len(document.text), "extracted text length", name=name)
    return document


def _reader_for(suffix: str, name: str) -> ModuleType:
    """Return the reader module for ``suffix`` or raise UnsupportedFormat."""
    key = suffix.lower()
    if not key.startswith("."):
        key = "." + key
    module_name = SUFFIX_READERS.get(key)
    if module_name is None:
        shown = key if key != "." else "(no extension)"
        raise UnsupportedFormat(f"unsupported format: {one_line(shown)}", path=name)
    return importlib.import_module(f"{__name__}.{module_name}")


def assemble(
    pieces: Iterable[Piece],
    *,
    fmt: str,
    method: str,
    title: str | None = None,
    published: str | None = None,
    warnings: Iterable[str] = (),
) -> RawDocument:
    """Join non-empty pieces with blank lines and record each block's offsets."""
    parts: list[str] = []
    blocks: list[Block] = []
    offset = 0
    for piece in pieces:
        text = piece.text.strip()
        if not text:
            continue
        if parts:
            offset += len(BLOCK_SEPARATOR)
        blocks.append(Block(piece.kind, offset, offset + len(text), piece.page))
        parts.append(text)
        offset += len(text)
    return RawDocument(
        text=BLOCK_SEPARATOR.join(parts),
        blocks=blocks,
        format=fmt,  # type: ignore[arg-type]
        method=method,
        title=title,
        published=published,
        warnings=list(warnings),
    )


def one_line(text: str) -> str:
    """Collapse all whitespace runs to single spaces so a value fits on one line."""
    return " ".join(text.split())
