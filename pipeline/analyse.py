"""Analysis: the spaCy pipeline (``spacy.blank("sq")`` + our components).

There is no trained Albanian pipeline, so the analysis is the tokenizer, a
rule-based sentence splitter and matchers built from the gazetteers. Token norms are
*match keys* (folded, with Albanian case endings stripped, the linking articles
e/i/të/së made one), set once per vocabulary entry through spaCy's lexeme
attribute getter, so "Drejtorisë Vendore të Policisë" and "Drejtoria Vendore e
Policisë" have the same norms and a PhraseMatcher on NORM finds both.

The pipeline is built once per process (``get_nlp``) and cached.
"""
from __future__ import annotations

import sys
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy
import spacy
from spacy.attrs import IDX, NORM, ORTH, SENT_START
from spacy.language import Language
from spacy.tokens import Doc

from .gazetteer import Gazetteer, load_gazetteer
from .normalize import fold

ARTICLES = frozenset({"e", "i", "te", "se", "ta"})
SUFFIXES = ("ise", "ine", "ite", "ve", "se", "ne", "it", "ut", "in", "un", "es", "en", "et",
            "a", "e", "i", "u")
MIN_STEM = 3
# Match keys of the little words that link the words of a name or a title phrase
# ("Drejtoria Vendore e Policisë", "Ministria për Evropën dhe Punët e Jashtme").
CONNECTOR_KEYS = frozenset({"e", "dhe", "per", "kunder", "ne", "mbi", "nga"})
STEM_PASSES = 2


def match_key(word: str) -> str:
    """Fold and strip Albanian case endings, so inflected forms share one key.

    >>> match_key("Drejtorisë") == match_key("Drejtoria") == match_key("Drejtorinë")
    True
    """
    w = fold(word)
    if w in ARTICLES:
        return "e"
    if not w.isalpha():
        return w
    for _ in range(STEM_PASSES):
        for suffix in SUFFIXES:
            if w.endswith(suffix) and len(w) - len(suffix) >= MIN_STEM:
                w = w[: -len(suffix)]
                break
        else:
            break
    return w


NOT_SENT_START = numpy.iinfo(numpy.uint64).max  # spaCy's -1 for "not a sentence start", as uint64
SENTENCE_END = frozenset({".", "!", "?", ";", "…"})
CLOSERS = frozenset({"”", '"', "’", "'", ")", "»", ".", "!", "?", "…"})


@Language.factory("krat_sentences", default_config={"gazetteer_dir": None})
def make_sentence_splitter(nlp: Language, name: str, gazetteer_dir: str | None) -> SentenceSplitter:
    gaz = load_gazetteer(gazetteer_dir)
    abbreviations = {f.rstrip(".") for h in gaz.honorifics for f in h.forms if f.endswith(".")}
    abbreviations |= set(gaz.cues.get("abbreviations", []))
    return SentenceSplitter(frozenset(abbreviations))


class SentenceSplitter:
    """Sentence starts: after a line break, and after . ! ? ; unless an abbreviation precedes.

    A list item on its own line ("– rritjen e …") is a sentence of its own, which
    spaCy's sentencizer (that folds following punctuation into the sentence) does
    not give; "znj. Lindita Doçi" and "Zv. Ministër" are not split.
    """

    def __init__(self, abbreviations: frozenset[str]) -> None:
        self.abbreviations = abbreviations

    def __call__(self, doc: Doc) -> Doc:
        texts = token_table(doc).texts
        starts = [i for i in range(len(texts)) if i == 0 or self._starts(texts, i)]
        if len(doc):
            flags = numpy.full((len(doc), 1), NOT_SENT_START, dtype="uint64")
            flags[starts, 0] = 1
            doc.from_array([SENT_START], flags)  # one C call instead of a setter per token
        doc._.sentence_starts = starts
        return doc

    def _starts(self, texts: list[str], i: int) -> bool:
        text = texts[i]
        if text.isspace() or text in CLOSERS:
            return False
        j = i - 1
        while j > 0 and texts[j] in CLOSERS and texts[j] not in SENTENCE_END:
            j -= 1  # look through closing quotes and brackets to the stop before them
        prev = texts[j]
        if prev in SENTENCE_END:
            return not (prev == "." and j > 0 and texts[j - 1] in self.abbreviations)
        return texts[i - 1].isspace() and "\n" in texts[i - 1]


@dataclass(frozen=True, slots=True)
class TokenTable:
    """Token texts, norms and character offsets as plain lists, read from the Doc once.

    Python-level loops over a Doc create a Token object per access; the matchers
    and extractors walk every token several times, so they read these lists instead.
    """

    texts: list[str]
    norms: list[str]
    idxs: list[int]


def token_table(doc: Doc) -> TokenTable:
    """The Doc's TokenTable (built on first use, kept on the Doc)."""
    table = doc._.tokens
    if table is None:
        strings = doc.vocab.strings
        arr = doc.to_array([ORTH, NORM, IDX])
        table = doc._.tokens = TokenTable([strings[int(h)] for h in arr[:, 0]],
                                          [strings[int(h)] for h in arr[:, 1]],
                                          arr[:, 2].tolist())
    return table


def doc_text(doc: Doc) -> str:
    """The Doc's text, computed once: spaCy rebuilds ``doc.text`` from the tokens on every access."""
    text = doc._.text
    if text is None:
        text = doc._.text = doc.text
    return text


def _register_extensions() -> None:
    for name, default in (("tokens", None), ("text", None), ("sentence_starts", None), ("dates", None), ("institution_matches", None), ("places", None),
                          ("bodies", None), ("published", None)):
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=default)


@lru_cache(maxsize=2)
def get_nlp(gazetteer_dir: str | None = None) -> Language:
    """The analysis pipeline for a gazetteer directory, built once per process."""
    from . import match  # noqa: F401  (registers the component factories)

    gaz = load_gazetteer(gazetteer_dir)
    return build_nlp(gaz, gazetteer_dir)


def build_nlp(gaz: Gazetteer, gazetteer_dir: str | Path | None = None) -> Language:
    """Build ``spacy.blank("sq")`` with our sentence splitter and matcher components."""
    from . import match  # noqa: F401

    _register_extensions()
    nlp = spacy.blank("sq")
    # spaCy's length guard protects the memory of parser and NER models, which this blank
    # pipeline does not use; the text length is bounded by ``ReadLimits.max_text_chars``.
    nlp.max_length = sys.maxsize
    nlp.vocab.lex_attr_getters[NORM] = match_key
    for lex in list(nlp.vocab):  # lexemes the language data created before the getter was set
        lex.norm_ = match_key(lex.orth_)
    cfg = {"gazetteer_dir": str(gazetteer_dir) if gazetteer_dir else None}
    nlp.add_pipe("krat_sentences", config=cfg)
    nlp.add_pipe("krat_places", config=cfg)
    nlp.add_pipe("krat_bodies", config=cfg)
    nlp.add_pipe("krat_institutions", config=cfg)
    nlp.add_pipe("krat_dates", config=cfg)
    return nlp
