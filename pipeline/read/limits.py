"""Limits on what the readers accept, so that no input can exhaust time or memory.

``ReadLimits`` is one small typed object with defaults; the CLI sets each field
from an option of the same name (``max_file_size`` ↔ ``--max-file-size``) and the
runner hands it to every worker. A document over a limit is refused with a
``LimitExceeded`` whose message names the limit and its value, e.g.
``refused: uncompressed size 2.1 GB exceeds --max-unzipped-size 200 MB``.
A limit of 0 means no limit. Sizes are written with binary units (1 KB = 1024 bytes).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, fields

from pipeline.errors import LimitExceeded

KB = 1024
MB = 1024 * KB
GB = 1024 * MB
SIZE_UNITS = {"": 1, "b": 1, "k": KB, "kb": KB, "kib": KB, "m": MB, "mb": MB, "mib": MB,
              "g": GB, "gb": GB, "gib": GB}
SIZE_RE = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([a-z]*)\s*$", re.IGNORECASE)
# A compression ratio is only judged on a part or stream that inflates to at least this
# much: small XML parts compress far better than 100:1 without being bombs.
RATIO_MIN_BYTES = 1 * MB
# Kinds of limit, for parsing and showing their values.
SIZE, COUNT = "size", "count"


def _limit(default: int, kind: str, help_text: str):
    """A ReadLimits field: its default, its kind (size or count) and its CLI help."""
    return field(default=default, metadata={"kind": kind, "help": help_text})


@dataclass(frozen=True, slots=True)
class ReadLimits:
    """What one document may cost to read; every field is a CLI option (0: no limit)."""

    max_file_size: int = _limit(50 * MB, SIZE, "Largest input file read.")
    max_unzipped_size: int = _limit(
        200 * MB, SIZE, "Most bytes inflated from a .docx's parts or a PDF's streams.")
    max_zip_members: int = _limit(2000, COUNT, "Most members in a .docx package.")
    max_zip_ratio: int = _limit(
        100, COUNT, "Highest compression ratio of a .docx part or PDF stream (of 1 MB or more).")
    max_pages: int = _limit(1000, COUNT, "Most pages in a PDF.")
    max_html_depth: int = _limit(
        200, COUNT, "Deepest element nesting in an HTML page (the parser stops at 256).")
    max_text_chars: int = _limit(1_000_000, COUNT, "Most characters of text extracted from a document.")

    def check(self, limit: str, value: float, what: str, *, name: str) -> None:
        """Raise LimitExceeded when ``value`` is over the limit called ``limit``.

        Args:
            limit: a field name, e.g. "max_file_size".
            value: the measured value.
            what: what was measured, e.g. "file size" or "word/document.xml compression ratio".
            name: the document, for the message.
        """
        allowed = getattr(self, limit)
        if allowed and value > allowed:
            kind = _kind(limit)
            raise LimitExceeded(f"refused: {what} {show(value, kind)} exceeds {option_name(limit)} "
                                f"{show(allowed, kind)}", path=name)


    def refuse(self, limit: str, what: str, *, name: str) -> LimitExceeded:
        """The refusal for a measure known only to pass the limit, e.g. "streams inflate past"."""
        return LimitExceeded(f"refused: {what} {option_name(limit)} {show(getattr(self, limit), _kind(limit))}",
                             path=name)


DEFAULT_LIMITS = ReadLimits()


def limit_fields() -> list[tuple[str, str, str, int]]:
    """(field name, kind, help, default) of every limit, in declaration order."""
    return [(f.name, f.metadata["kind"], f.metadata["help"], f.default) for f in fields(ReadLimits)]


def option_name(limit: str) -> str:
    """The CLI option of a limit: max_file_size → --max-file-size."""
    return "--" + limit.replace("_", "-")


def _kind(limit: str) -> str:
    return ReadLimits.__dataclass_fields__[limit].metadata["kind"]


def show(value: float, kind: str) -> str:
    """A limit's value as a person reads it: "200 MB", "2.1 GB", "512 bytes", "1000"."""
    if kind != SIZE:
        return f"{value:g}" if isinstance(value, float) else str(value)
    for unit, size in (("GB", GB), ("MB", MB), ("KB", KB)):
        if value >= size:
            amount = value / size
            return f"{amount:.0f} {unit}" if amount >= 100 or amount == int(amount) else f"{amount:.1f} {unit}"
    return f"{int(value)} bytes"


def parse_size(text: str) -> int:
    """Bytes of a size written as "50MB", "1.5 GB", "512k" or "1024"; ValueError otherwise."""
    match = SIZE_RE.match(text)
    unit = match.group(2).lower() if match else None
    if not match or unit not in SIZE_UNITS:
        raise ValueError(f"not a size: {text!r} (e.g. 50MB, 1.5GB, 512KB)")
    return int(float(match.group(1)) * SIZE_UNITS[unit])
