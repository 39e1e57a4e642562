"""Document readers: turn .txt, .html, .docx and .pdf bytes into one ``RawDocument``.

``read_document(path)`` and ``read_bytes(data, suffix=..., name=...)`` dispatch on
the lowercase file suffix. Reader modules are imported lazily so that reading a
text file never pays for importing trafilatura or pdfium. Every failure is a
``pipeline.errors.InputError`` subclass whose message is one line naming the file.

The helpers ``Piece``, ``assemble`` and ``one_line`` are shared by the readers.
"""
from __future__ import annotations

import importlib
from collections.abc import Iterable
from pathlib import Path
from types import ModuleType
from typing import NamedTuple

from pipeline.errors import InputError, UnsupportedFormat
from pipeline.read.base import Block, BlockKind, RawDocument

__all__ = ["SUFFIX_READERS", "Block", "RawDocument", "read_bytes", "read_document"]

# Lowercase suffix -> reader module (relative to this package).
SUFFIX_READERS: dict[str, str] = {
    ".txt": "txt",
    ".html": "html",
    ".htm": "html",
    ".docx": "docx",
    ".pdf": "pdf",
}

BLOCK_SEPARATOR = "\n\n"
CELL_SEPARATOR = " | "


class Piece(NamedTuple):
    """One block's text before offsets are known: kind, text and 1-based page."""

    kind: BlockKind
    text: str
    page: int | None = None


def read_document(path: Path) -> RawDocument:
    """Read the file at ``path`` with the reader its suffix names."""
    path = Path(path)
    _reader_for(path.suffix, str(path))
    try:
        data = path.read_bytes()
    except OSError as exc:
        reason = exc.strerror or exc.__class__.__name__
        raise InputError(f"cannot read file ({reason.lower()})", path=str(path)) from None
    return read_bytes(data, suffix=path.suffix, name=str(path))


def read_bytes(data: bytes, *, suffix: str, name: str) -> RawDocument:
    """Read a document already in memory (hash once, read once); ``name`` is for messages."""
    module = _reader_for(suffix, name)
    return module.read(data, name=name)


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
