"""The one shape every reader returns: text, blocks, metadata, warnings, method."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

BlockKind = Literal["paragraph", "heading", "table_row"]


@dataclass(frozen=True, slots=True)
class Block:
    """A paragraph, heading or table row; offsets point into ``RawDocument.text``."""

    kind: BlockKind
    start: int
    end: int
    page: int | None = None


@dataclass(slots=True)
class RawDocument:
    """What a reader extracted from one file.

    ``text`` is the blocks' text joined with blank lines ("\\n\\n"); table-row
    cells are joined with " | ". ``method`` names the extractor that produced
    the text (e.g. "txt:utf-8", "html:trafilatura", "docx:python-docx",
    "pdf:pypdfium2+pdfplumber").
    """

    text: str
    blocks: list[Block]
    format: Literal["txt", "html", "docx", "pdf"]
    method: str
    title: str | None = None
    published: str | None = None  # ISO date "YYYY-MM-DD" when the document's metadata states it
    warnings: list[str] = field(default_factory=list)
