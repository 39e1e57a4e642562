"""Plain-text reader: detect the encoding, repair mojibake, split into paragraphs.

Encodings tried, in order: a BOM (UTF-8, UTF-16 LE/BE, UTF-32 LE/BE), strict
UTF-8, then the legacy code page among cp1250, cp1252 and iso-8859-2 whose
decoding looks most like Albanian (many ë/ç, few implausible characters).
UTF-8 that was once mis-decoded as cp1252 and saved again ("PÃ«r" for "Për")
is repaired with ftfy, but only when such mojibake markers are present.

NUL bytes or many control characters mean binary data (UTF-16 needs its BOM). The decoding
helpers (``decode_bom``, ``decode_legacy``, ``repair_mojibake``, …) are shared
with the HTML reader.
"""
from __future__ import annotations

import codecs
import re

import ftfy

from pipeline.errors import DecodingError, EmptyDocument
from pipeline.read import Piece, assemble
from pipeline.read.base import RawDocument
from pipeline.read.limits import DEFAULT_LIMITS, ReadLimits

# Byte-order marks, longest first (the UTF-32 LE BOM starts with the UTF-16 LE one).
BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# Legacy code pages, in the order that wins a tie (cp1250 is Windows' Albanian code page).
LEGACY_ENCODINGS: tuple[str, ...] = ("cp1250", "cp1252", "iso-8859-2")
ALBANIAN_LETTERS = frozenset("ëËçÇ")
# Non-ASCII characters that are plausible in Albanian prose (typography, currency).
NEUTRAL_CHARS = frozenset("“”„‘’‚«»–—…•·°§€\u00a0\u00ad")
IMPLAUSIBLE_PENALTY = 1
C1_CONTROL_PENALTY = 3  # U+0080..U+009F only appear when the code page is wrong
# Share of control characters (besides tab, newline, carriage return, form feed)
# above which the bytes are taken for binary data rather than text.
MAX_CONTROL_RATIO = 0.05
MIN_BINARY_CONTROLS = 3  # a stray DOS end-of-file mark does not make a text binary
SNIFF_BYTES = 8192
ALLOWED_CONTROLS = frozenset("\t\n\r\f\v")
# Mojibake markers: a UTF-8 lead byte read as cp1252 (Â, Ã, Ä, Å, Æ, â) followed by a
# continuation byte read as cp1252 (U+0080..U+00BF or the cp1252 letters in 0x80..0x9F).
MOJIBAKE_RE = re.compile(
    "[\u00c2-\u00c6][\u0080-\u00bf\u20ac\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030"
    "\u0160\u2039\u0152\u017d\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161"
    "\u203a\u0153\u017e\u0178]|\u00e2\u20ac"
)
PARAGRAPH_SPLIT_RE = re.compile(r"\n[^\S\n]*\n\s*")
HEADING_MAX_CHARS = 120
SENTENCE_END = ".!?;:,"


def read(data: bytes, *, name: str, limits: ReadLimits = DEFAULT_LIMITS) -> RawDocument:
    """Read a .txt file: decode, repair, and split into paragraph blocks."""
    text, encoding, warnings = decode_text(data, name=name)
    if not text.strip():
        raise EmptyDocument("empty file", path=name)
    pieces = split_paragraphs(text)
    title = pieces[0].text.strip() if pieces and pieces[0].kind == "heading" else None
    return assemble(pieces, fmt="txt", method=f"txt:{encoding}", title=title, warnings=warnings)


def decode_text(data: bytes, *, name: str) -> tuple[str, str, list[str]]:
    """Decode bytes to text with newlines normalised; return (text, encoding, warnings)."""
    if not data.strip():
        raise EmptyDocument("empty file", path=name)
    warnings: list[str] = []
    decoded = decode_bom(data, name=name)
    if decoded is None:
        decoded = _decode_without_bom(data)
    text, encoding = decoded
    reject_control_text(text, name=name)
    if not encoding.startswith("utf"):
        warnings.append(f"decoded as {encoding} (not UTF-8)")
    text, repaired = repair_mojibake(text)
    if repaired:
        warnings.append("repaired mis-decoded UTF-8 (mojibake)")
    return normalise_newlines(text), encoding, warnings


def decode_bom(data: bytes, *, name: str) -> tuple[str, str] | None:
    """Decode the bytes after a leading BOM strictly; None when there is no BOM."""
    for bom, encoding in BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom):].decode(encoding), encoding
            except UnicodeDecodeError:
                reason = f"not valid {encoding} text despite its byte-order mark"
                raise DecodingError(reason, path=name) from None
    return None


def reject_control_text(text: str, *, name: str) -> None:
    """Raise DecodingError when the decoded text has NULs or many control characters."""
    sample = text[:SNIFF_BYTES]
    controls = len(_CONTROLS.findall(sample))
    if "\x00" in sample or (controls >= MIN_BINARY_CONTROLS and controls > MAX_CONTROL_RATIO * len(sample)):
        raise DecodingError("binary data, not text", path=name)


_CONTROLS = re.compile("[" + "".join(
    re.escape(chr(c)) for c in (*range(0x20), *range(0x7F, 0xA0)) if chr(c) not in ALLOWED_CONTROLS) + "]")


def _is_control(ch: str) -> bool:
    """True for C0/C1 control characters other than ordinary whitespace controls."""
    code = ord(ch)
    return (code < 0x20 or 0x7F <= code < 0xA0) and ch not in ALLOWED_CONTROLS


def _decode_without_bom(data: bytes) -> tuple[str, str]:
    """Decode as strict UTF-8, else as the best-scoring legacy code page."""
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        return decode_legacy(data)


def decode_legacy(data: bytes) -> tuple[str, str]:
    """Decode with the legacy code page whose result looks most Albanian; return (text, encoding)."""
    best: tuple[int, int, str, str] | None = None
    for rank, encoding in enumerate(LEGACY_ENCODINGS):
        try:
            candidate = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        key = (albanian_score(candidate), -rank, candidate, encoding)
        if best is None or key[:2] > best[:2]:
            best = key
    if best is None:  # unreachable: iso-8859-2 maps every byte
        return data.decode("latin-1"), "latin-1"
    return best[2], best[3]


def albanian_score(text: str) -> int:
    """Score how Albanian a decoding looks: +1 per ë/ç, minus implausible characters."""
    score = 0
    for ch in text:
        if ch.isascii():
            continue
        if ch in ALBANIAN_LETTERS:
            score += 1
        elif "\u0080" <= ch <= "\u009f":
            score -= C1_CONTROL_PENALTY
        elif ch not in NEUTRAL_CHARS:
            score -= IMPLAUSIBLE_PENALTY
    return score


def repair_mojibake(text: str) -> tuple[str, bool]:
    """Undo UTF-8-read-as-cp1252 with ftfy when markers are present; report if changed."""
    if not MOJIBAKE_RE.search(text):
        return text, False
    fixed = ftfy.fix_encoding(text)
    return fixed, fixed != text


def normalise_newlines(text: str) -> str:
    """Turn CRLF and lone CR into LF."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def split_paragraphs(text: str) -> list[Piece]:
    """Split on blank lines; a short first line without final punctuation is a heading."""
    chunks = [chunk.strip() for chunk in PARAGRAPH_SPLIT_RE.split(text)]
    chunks = [chunk for chunk in chunks if chunk]
    pieces = [Piece("paragraph", chunk) for chunk in chunks]
    if chunks and looks_like_heading(chunks[0]):
        pieces[0] = Piece("heading", chunks[0])
    return pieces


def looks_like_heading(chunk: str) -> bool:
    """True for one short line that does not end like a sentence."""
    return "\n" not in chunk and len(chunk) <= HEADING_MAX_CHARS and chunk[-1] not in SENTENCE_END
