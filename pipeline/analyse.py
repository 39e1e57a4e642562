"""Analysis: the spaCy pipeline (``spacy.blank("sq")`` + sentencizer + our components).

There is no trained Albanian pipeline, so the analysis is the tokenizer, a
rule-based sentencizer and matchers built from the gazetteers. Token norms are
*match keys* (folded, with Albanian case endings stripped, the linking articles
e/i/të/së made one), set once per vocabulary entry through spaCy's lexeme
attribute getter, so "Drejtorisë Vendore të Policisë" and "Drejtoria Vendore e
Policisë" have the same norms and a PhraseMatcher on NORM finds both.

The pipeline is built once per process (``get_nlp``) and cached.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import spacy
from spacy.attrs import NORM
from spacy.language import Language
from spacy.tokens import Doc

from .gazetteer import Gazetteer, load_gazetteer
from .normalize import fold

ARTICLES = frozenset({"e", "i", "te", "se", "ta"})
SUFFIXES = ("ise", "ine", "ite", "ve", "se", "ne", "it", "ut", "in", "un", "es", "en", "et",
            "a", "e", "i", "u")
MIN_STEM = 3
STEM_PASSES = 2


def match_key(word: str) -> str:
    """Fold and strip Albanian case endings, so inflected forms share one key.

    >>> match_key("Drejtorisë") == match_key("Drejtoria") == match_key("Drejtorinë")
    True
    """
    if len(word) > 1 and word.isupper() and word.isalpha():
        return fold(word)  # acronyms are keys as they are
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


def _register_extensions() -> None:
    for name, default in (("dates", None), ("institution_matches", None), ("places", None),
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
    """Build ``spacy.blank("sq")`` with the sentencizer and the project's components."""
    from . import match  # noqa: F401

    _register_extensions()
    nlp = spacy.blank("sq")
    nlp.vocab.lex_attr_getters[NORM] = match_key
    nlp.add_pipe("sentencizer", config={"punct_chars": [".", "!", "?", ";", "\n"]})
    cfg = {"gazetteer_dir": str(gazetteer_dir) if gazetteer_dir else None}
    nlp.add_pipe("krat_places", config=cfg)
    nlp.add_pipe("krat_bodies", config=cfg)
    nlp.add_pipe("krat_institutions", config=cfg)
    nlp.add_pipe("krat_dates", config=cfg)
    return nlp
