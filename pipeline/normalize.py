"""Normalisation: the text every later stage (and every offset) refers to.

Unicode NFC, one kind of space, no soft hyphens or zero-width characters,
end-of-line hyphenation joined, and scraping artefacts repaired: a caption
glued to the next sentence ("KukesQëllimi" → "Kukes" / "Qëllimi") and a
missing space after a sentence stop ("KRAT.Prefekti"). Each block of the
reader is normalised on its own, so block kinds survive.
"""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from .read.base import Block, RawDocument

_INVISIBLE = dict.fromkeys(map(ord, "\u00ad\u200b\u200c\u200d\u2060\ufeff"), None)
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_HYPHEN_BREAK = re.compile(r"(\w)-\n(?=[a-zëç])")
_MANY_NEWLINES = re.compile(r"\n{3,}")
_STOP_GLUE = re.compile(r"(?<=[A-Za-zëçËÇ])([.;:!?])(?=[A-ZËÇ][a-zëç])")
_LABEL_GLUE = re.compile(r"(?<=[A-Za-zëçËÇ]{3}):(?=[A-Za-zëçËÇ])")  # "Kryesoi:z Fatos", "Vendi:salla"
_CAMEL_GLUE = re.compile(r"(?<![\w])([A-ZËÇ]?[a-zëç]{3,})([A-ZËÇ][a-zëç]{2,})")


@dataclass(frozen=True, slots=True)
class Normalized:
    """The normalised text and its blocks (offsets into ``text``)."""

    text: str
    blocks: list[Block]


def normalize_text(text: str, *, captions: frozenset[str] = frozenset(),
                   keep_camel: frozenset[str] = frozenset()) -> str:
    """Return ``text`` cleaned; idempotent.

    Args:
        text: one block of extracted text.
        captions: folded place names that may be glued to the next sentence.
        keep_camel: words written in camel case on purpose (e.g. "WhatsApp").
    """
    text = unicodedata.normalize("NFC", text).translate(_INVISIBLE)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _SPACES.sub(" ", text)
    text = "\n".join(line.strip() for line in text.split("\n"))
    text = _HYPHEN_BREAK.sub(r"\1", text)
    text = _MANY_NEWLINES.sub("\n\n", text)
    text = _STOP_GLUE.sub(r"\1 ", text)
    text = _LABEL_GLUE.sub(": ", text)
    text = _unglue(text, captions, keep_camel)
    return text.strip()


def _unglue(text: str, captions: frozenset[str], keep_camel: frozenset[str]) -> str:
    """Split "KukesQëllimi": a caption (place) at a line start gets its own line, else a space."""
    def repl(m: re.Match[str]) -> str:
        left, right = m.group(1), m.group(2)
        if (left + right) in keep_camel:
            return m.group(0)
        at_line_start = m.start() == 0 or text[m.start() - 1] == "\n"
        if at_line_start and fold(left) in captions:
            return f"{left}\n{right}"
        return f"{left} {right}"

    return _CAMEL_GLUE.sub(repl, text)


def _fold_char(ch: str) -> str:
    decomposed = unicodedata.normalize("NFKD", ch.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _fold_table() -> dict[int, str]:
    """Lowercase-and-strip-diacritics for the Latin range, one character for one character."""
    table = {}
    for code in range(0x250):
        ch = chr(code)
        folded = _fold_char(ch)
        if folded != ch and len(folded) == 1:
            table[code] = folded
    return table


_FOLD = _fold_table()


class _AlignedFold(dict):
    """str.translate table: each character to its one-character fold (itself when it has none)."""

    def __missing__(self, code: int) -> str:
        folded = _fold_char(chr(code))[:1] or chr(code)
        self[code] = folded
        return folded


_FOLD_ALIGNED = _AlignedFold(_FOLD)


def fold(text: str) -> str:
    """Lowercase and drop diacritics (ë→e, ç→c): the key for comparing Albanian spellings.

    One character for one character, so offsets in the folded text are offsets in ``text``.
    """
    return text.translate(_FOLD_ALIGNED)


def normalize_document(raw: RawDocument, *, captions: frozenset[str] = frozenset(),
                       keep_camel: frozenset[str] = frozenset(),
                       boilerplate: re.Pattern[str] | None = None) -> Normalized:
    """Normalise each block of ``raw`` and join them again with blank lines.

    Blocks that are web boilerplate saved with the text (a comment form's
    "Leave a Reply", share buttons) are dropped.
    """
    parts: list[str] = []
    blocks: list[Block] = []
    pos = 0
    for block in raw.blocks or _paragraph_blocks(raw.text):
        piece = normalize_text(raw.text[block.start:block.end], captions=captions,
                               keep_camel=keep_camel)
        if not piece or (boilerplate is not None and boilerplate.fullmatch(fold(piece))):
            continue
        if parts:
            pos += 2
        blocks.append(Block(block.kind, pos, pos + len(piece), block.page))
        parts.append(piece)
        pos += len(piece)
    return Normalized("\n\n".join(parts), blocks)


def _paragraph_blocks(text: str) -> Iterable[Block]:
    """Blocks for a reader that gave none: one per blank-line separated paragraph."""
    for m in re.finditer(r"\S(?:.|\n(?!\s*\n))*", text):
        yield Block("paragraph", m.start(), m.end())


fold_aligned = fold  # the same function, named where offsets into the folded text matter
