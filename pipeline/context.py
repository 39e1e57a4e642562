"""The analysed document as the extractors see it: text, sentences and matches.

Built once from the spaCy Doc; every extractor reads it and none changes it.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field

from spacy.tokens import Doc

from .analyse import doc_text, token_table
from .cues import Cues, cues_for
from .dates import DateMention
from .gazetteer import Gazetteer
from .match import BodyMatch, InstitutionMatch, PlaceMatch
from .normalize import fold_aligned

# A list item's mark at the start of a line: "- ", "• ", "12. ", "3)", "a)".
BULLET = re.compile(r"^\s*(?:[-–—•*·▪]|\d{1,3}\s*[.)]|[a-h]\))\s*")


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int


@dataclass(slots=True)
class Context:
    """Everything the extractors need about one document."""

    doc: Doc
    gaz: Gazetteer
    cues: Cues
    text: str
    folded: str
    sentences: list[Sentence]
    institutions: list[InstitutionMatch]
    places: list[PlaceMatch]
    bodies: list[BodyMatch]
    dates: list[DateMention]
    title: str | None
    published: str | None
    title_end: int = 0       # end offset of the title block when the text starts with it
    year: int | None = None  # the document's year (publication, else its first full date)
    kosovo: bool = False     # the document is about Kosovo (more Kosovo places than Albanian ones)
    _starts: list[int] = field(default_factory=list)
    sentence_tokens: list[tuple[int, int]] = field(default_factory=list)  # token range of each sentence
    token_sentence: list[int] = field(default_factory=list)               # token index → its sentence

    def token_sentence_range(self, i: int) -> tuple[int, int]:
        """(start, end) token indices of the sentence that holds token ``i``."""
        return self.sentence_tokens[self.token_sentence[i]]

    @classmethod
    def from_doc(cls, doc: Doc, gaz: Gazetteer, *, title: str | None, published: str | None,
                 title_end: int = 0) -> Context:
        text = doc_text(doc)
        starts = doc._.sentence_starts if doc._.sentence_starts is not None else [s.start for s in doc.sents]
        table = token_table(doc)  # offsets from plain lists: no Span or Token objects
        bounds = list(zip(starts, [*starts[1:], len(doc)]))
        sentences = []
        for a, b in bounds:
            start, end = table.idxs[a], table.idxs[b - 1] + len(table.texts[b - 1])
            if text[start:end].strip():
                sentences.append(Sentence(start, end))
        token_sentence = [0] * len(doc)
        for n, (a, b) in enumerate(bounds):
            token_sentence[a:b] = [n] * (b - a)
        bodies = doc._.bodies or []
        insts = [m for m in doc._.institution_matches or []
                 if not any(m.start < b.end and b.start < m.end for b in bodies)]
        ctx = cls(doc=doc, gaz=gaz, cues=cues_for(gaz), text=text, folded=fold_aligned(text),
                  sentences=sentences, institutions=insts, places=doc._.places or [],
                  bodies=bodies, dates=doc._.dates or [], title=title, published=published,
                  title_end=title_end)
        ctx._starts = [s.start for s in sentences]
        ctx.sentence_tokens = bounds
        ctx.token_sentence = token_sentence
        ctx.year = _year(published, ctx.dates)
        kosovo = sum(1 for p in ctx.places if p.kind == "kosovo")
        ctx.kosovo = kosovo > 0 and kosovo >= sum(1 for p in ctx.places if p.county)
        return ctx

    def with_dates(self, dates: list[DateMention], published: str | None) -> None:
        """Take the dates found again once the publication date is known."""
        self.dates = dates or []
        self.published = published
        self.year = _year(published, self.dates)

    def sentence_at(self, pos: int) -> Sentence:
        """The sentence containing character ``pos`` (or the nearest before it)."""
        i = max(0, bisect_right(self._starts, pos) - 1)
        return self.sentences[i] if self.sentences else Sentence(0, len(self.text))

    def sentence_folded(self, s: Sentence) -> str:
        return self.folded[s.start:s.end]

    def in_sentence(self, items, s: Sentence):
        """The matches (anything with start/end) inside sentence ``s``."""
        return [x for x in items if s.start <= x.start and x.end <= s.end]


def _year(published: str | None, dates) -> int | None:
    if published:
        return int(published[:4])
    for d in dates:
        if d.value:
            return int(d.value[:4])
    return None


CLAUSE_SPLIT = re.compile(r",?\s+ndersa\s+|,\s+kurse\s+|;\s*")  # on folded text ("kurse" alone: courses)


def clauses(ctx: Context, s: Sentence) -> list[Sentence]:
    """The clauses of a sentence: "X do të …, ndërsa Y do të …" holds two statements."""
    out, pos = [], s.start
    for m in CLAUSE_SPLIT.finditer(ctx.folded, s.start, s.end):
        if m.start() > pos:
            out.append(Sentence(pos, m.start()))
        pos = m.end()
    if pos < s.end:
        out.append(Sentence(pos, s.end))
    return out or [s]
