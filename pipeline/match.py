"""Matching: places, committee bodies, institutions and dates on the spaCy Doc.

Each matcher is a spaCy component registered by name (``krat_places``,
``krat_bodies``, ``krat_institutions``, ``krat_dates``) that writes a list of
plain matches to a Doc extension. Institutions are found in three steps, each
recording its method and score:

1. names and aliases with a PhraseMatcher on the match keys (token norms), so
   case, diacritics and Albanian case endings do not matter;
2. abbreviations with a PhraseMatcher on the exact token text (acronyms are
   case-sensitive; a case suffix such as "ZVAP-i" or "KRAT-it" is included);
3. organisation-like mentions (a capitalised head noun such as Drejtoria,
   Zyra, Qendra … and its capitalised continuation) that steps 1–2 missed are
   matched fuzzily with RapidFuzz against the keys of every name of the same
   head noun; what still matches nothing is kept as *unmatched*.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from rapidfuzz import fuzz, process
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc
from spacy.util import filter_spans

from .analyse import CONNECTOR_KEYS, doc_text, token_table
from .dates import DateFinder, DateVocabulary
from .gazetteer import Entry, Former, Gazetteer, load_gazetteer
from .normalize import fold, fold_aligned

FUZZY_SCORER = fuzz.ratio
FUZZY_CUTOFF_SHORT = 94.0   # keys up to FUZZY_SHORT_LEN characters: near-identical only
FUZZY_CUTOFF_LONG = 86.0
FUZZY_SHORT_LEN = 16
CLEAR_MATCH_SCORE = 92.0    # fuzzy matches below this are flagged for review
MAX_MENTION_TOKENS = 14
HEAD_MISSPELLING_EXTRA = 3  # "Njësisia" (njesis) is "Njësia" (njes) misspelt; "Bashkërendimi" is no "Bashkia"
HEAD_PREFIX_MIN = 4         # a head key this long also matches longer keys that start with it (misspellings)
CONNECTORS = CONNECTOR_KEYS | {"&", "-"}
_UPPER = re.compile(r"[A-ZËÇ][a-zëç]+$")  # a capitalised word (a first name before a surname)


@dataclass(frozen=True, slots=True)
class InstitutionMatch:
    """An institution mention; ``ref`` is an entry id or, when ``generic``, a generic id."""

    start: int
    end: int
    text: str
    ref: str | None
    generic: bool
    method: Literal["exact", "alias", "abbreviation", "fuzzy", "unmatched"]
    score: float
    former: Former | None = None


@dataclass(frozen=True, slots=True)
class PlaceMatch:
    start: int
    end: int
    text: str
    name: str
    county: str | None           # None for Kosovo and abroad
    kind: Literal["county", "municipality", "town", "kosovo", "abroad"]
    written: bool = True          # the text is one of the place's forms, not only its match key ("Kuka")


@dataclass(frozen=True, slots=True)
class BodyMatch:
    start: int
    end: int
    text: str
    index: int                   # index into gazetteer.bodies


def _key_of(nlp: Language, text: str) -> str:
    return " ".join(t.norm_ for t in nlp.make_doc(text) if not t.is_punct and not t.is_space)


# -- places ---------------------------------------------------------------------------
@Language.factory("krat_places", default_config={"gazetteer_dir": None})
def make_place_matcher(nlp: Language, name: str, gazetteer_dir: str | None) -> PlaceMatcher:
    return PlaceMatcher(nlp, load_gazetteer(gazetteer_dir))


class PlaceMatcher:
    """Counties, municipalities, towns, Kosovo and foreign places (capitalised in the text)."""

    def __init__(self, nlp: Language, gaz: Gazetteer) -> None:
        self.matcher = PhraseMatcher(nlp.vocab, attr="NORM")
        self.info: dict[int, tuple[str, str | None, str]] = {}
        self.forms: dict[str, set[str]] = {}  # place name → its written forms, folded
        for place in gaz.places:
            kind = "county" if place.municipality is None else (
                "municipality" if place.name == place.municipality else "town")
            self._add(nlp, place.forms, (place.name, place.county, kind))
        self._add(nlp, gaz.kosovo, ("Kosovë", None, "kosovo"))
        self._add(nlp, gaz.abroad, ("jashtë", None, "abroad"))

    def _add(self, nlp: Language, forms, info) -> None:
        self.forms.setdefault(info[0], set()).update(fold(f) for f in forms)
        for form in forms:
            key = f"{info[2]}:{info[0]}:{form}"
            match_id = nlp.vocab.strings.add(key)
            self.info[match_id] = info
            self.matcher.add(key, [nlp.make_doc(form)])

    def __call__(self, doc: Doc) -> Doc:
        found = []
        spans = []
        for match_id, start, end in self.matcher(doc):
            span = doc[start:end]
            if not span.text[:1].isupper():
                continue
            spans.append(span)
            span.label_ = str(match_id)
        for span in filter_spans(spans):
            name, county, kind = self.info[int(span.label_)]
            written = fold(span.text) in self.forms[name]
            if not written and span.start > 0 and _UPPER.match(doc[span.start - 1].text):
                continue  # "Blerina Hasa": a surname sharing a place's match key (Has), after a name
            found.append(PlaceMatch(span.start_char, span.end_char, span.text, name, county, kind, written))
        doc._.places = found
        return doc


# -- bodies ---------------------------------------------------------------------------
@Language.factory("krat_bodies", default_config={"gazetteer_dir": None})
def make_body_matcher(nlp: Language, name: str, gazetteer_dir: str | None) -> BodyMatcher:
    return BodyMatcher(load_gazetteer(gazetteer_dir))


class BodyMatcher:
    """The committees and tables that meet (KRAT, Tryeza Teknike, MKR …), by cue pattern."""

    def __init__(self, gaz: Gazetteer) -> None:
        self.patterns = [
            (i, re.compile(r"(?<!\w)(?:" + "|".join(body["patterns"]) + r")(?!\w)"))
            for i, body in enumerate(gaz.bodies)
        ]

    def __call__(self, doc: Doc) -> Doc:
        text = doc_text(doc)
        folded = fold_aligned(text)
        found: list[BodyMatch] = []
        for index, pattern in self.patterns:
            for m in pattern.finditer(folded):
                if any(m.start() < b.end and b.start < m.end() for b in found):
                    continue
                found.append(BodyMatch(m.start(), m.end(), text[m.start():m.end()], index))
        doc._.bodies = sorted(found, key=lambda b: b.start)
        return doc


# -- institutions ---------------------------------------------------------------------
@Language.factory("krat_institutions", default_config={"gazetteer_dir": None})
def make_institution_matcher(nlp: Language, name: str, gazetteer_dir: str | None) -> InstitutionMatcher:
    return InstitutionMatcher(nlp, load_gazetteer(gazetteer_dir))


class InstitutionMatcher:
    """Exact/alias, abbreviation and fuzzy institution matching (see the module docstring)."""

    def __init__(self, nlp: Language, gaz: Gazetteer) -> None:
        self.gaz = gaz
        self.names = PhraseMatcher(nlp.vocab, attr="NORM")
        self.abbrevs = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.targets: dict[int, tuple[str, bool, str, Former | None]] = {}
        self.fuzzy_choices: dict[str, list[str]] = {}          # head prefix → name keys
        self.fuzzy_targets: dict[str, tuple[str, bool, Former | None]] = {}  # name key → entry
        self.nlp = nlp
        # a misspelt head ("Njësisia") starts with a head's key; titles ("Sekretarja") are not heads
        self.head_set = frozenset(_key_of(nlp, h) for h in gaz.cues.get("org_heads", []))
        self.title_forms = frozenset(fold(f.split()[0]) for t in gaz.titles for f in t.forms if f.split())
        self.not_heads = frozenset(fold(w) for w in gaz.cues.get("not_org_heads", []))
        seen_keys: dict[str, tuple[str, bool]] = {}
        for entry in gaz.entries.values():
            self._add_entry(nlp, entry, False, seen_keys)
        for entry in gaz.generic.values():
            self._add_entry(nlp, entry, True, seen_keys)

    def _add_entry(self, nlp: Language, entry: Entry, generic: bool,
                   seen: dict[str, tuple[str, bool]]) -> None:
        canonical = _key_of(nlp, entry.name)
        names = [(entry.name, None)] if not generic else []
        names += [(a, None) for a in entry.aliases] + [(f.name, f) for f in entry.former]
        if generic and len(entry.name.split()) > 1:  # "Bashkia" alone names no one
            names.append((entry.name, None))
        for text, former in names:
            key = _key_of(nlp, text)
            tokens = " ".join(t.norm_ for t in nlp.make_doc(text))  # punctuation counts for the matcher
            if not key or tokens in seen:
                continue
            seen[tokens] = (entry.id, generic)
            method = "exact" if key == canonical and not generic else "alias"
            label = f"N|{entry.id}|{int(generic)}|{method}|{text}"
            mid = nlp.vocab.strings.add(label)
            self.targets[mid] = (entry.id, generic, method, former)
            self.names.add(label, [nlp.make_doc(text)])
            first = key.split(" ", 1)[0]
            head = self._head_of(first) or first
            if entry.template and not generic:
                continue  # fuzzy matches go to the generic branch: "… Publik" is no misspelt "… Kukës"
            bare = _without_articles(key)
            self.fuzzy_choices.setdefault(head, []).append(bare)
            self.fuzzy_targets.setdefault(bare, (entry.id, generic, former))
        abbrevs = [(a, None) for a in entry.abbreviations]
        abbrevs += [(a, f) for f in entry.former for a in f.abbreviations]
        for abbr, former in abbrevs:
            # a county branch's abbreviation (DVP, ZVAP …) belongs to the generic entry
            if entry.template and not generic:
                continue
            label = f"A|{entry.id}|{int(generic)}|{abbr}"
            if label in nlp.vocab.strings and nlp.vocab.strings[label] in self.targets:
                continue
            mid = nlp.vocab.strings.add(label)
            self.targets[mid] = (entry.id, generic, "abbreviation", former)
            self.abbrevs.add(label, [nlp.make_doc(abbr)])

    def lookup(self, text: str) -> InstitutionMatch | None:
        """Match a whole name written elsewhere (a role phrase turned into a name), exactly or fuzzily."""
        key = _without_articles(_key_of(self.nlp, text))
        head = self._head_of(key.split(" ", 1)[0]) if key else None
        target = self.fuzzy_targets.get(key)
        score = 100.0
        if target is None and head:
            target, score = self._closest(key, head)
        if target is None:
            return None
        ref, generic, former = target
        return InstitutionMatch(0, 0, text, ref, generic, "alias" if score == 100.0 else "fuzzy", score, former)

    def _closest(self, key: str, head: str) -> tuple[tuple[str, bool, Former | None] | None, float]:
        """The entry whose name key is closest to ``key`` among names of the same head noun,
        if it clears the length-dependent cut-off; with its score."""
        choices = self.fuzzy_choices.get(head)
        if not choices:
            return None, 0.0
        cutoff = FUZZY_CUTOFF_SHORT if len(key) <= FUZZY_SHORT_LEN else FUZZY_CUTOFF_LONG
        best = process.extractOne(key, choices, scorer=FUZZY_SCORER, score_cutoff=cutoff)
        if best is None:
            return None, 0.0
        return self.fuzzy_targets[best[0]], round(float(best[1]), 1)

    def _head_of(self, key: str) -> str | None:
        """The organisation head noun whose key ``key`` is, or starts with (a misspelling)."""
        if key in self.head_set:
            return key
        for cut in range(max(HEAD_PREFIX_MIN, len(key) - HEAD_MISSPELLING_EXTRA), len(key)):
            if key[:cut] in self.head_set:
                return key[:cut]
        return None

    def __call__(self, doc: Doc) -> Doc:
        spans = []
        for match_id, start, end in self.names(doc):
            span = doc[start:end]
            # names are capitalised; one that starts with a head noun may not be ("misioni i
            # OSBE-së", "policise rrugore"); a phrase of prose ("lufta kundër trafikimit") is no name
            if not span[0].text[:1].isupper() and (len(span) < 2 or self._head_of(span[0].norm_) is None):
                continue
            span.label_ = str(match_id)
            spans.append(span)
        for match_id, start, end in self.abbrevs(doc):
            end = _with_case_suffix(doc, end)
            span = doc[start:end]
            span.label_ = str(match_id)
            spans.append(span)
        kept = filter_spans(spans)
        found = []
        covered = set()
        for span in kept:
            ref, generic, method, former = self.targets[int(span.label_)]
            found.append(InstitutionMatch(span.start_char, span.end_char, span.text, ref, generic,
                                          method, 100.0, former))
            covered.update(range(span.start, span.end))
        found.extend(self._fuzzy(doc, covered))
        doc._.institution_matches = sorted(found, key=lambda m: m.start)
        return doc

    def _fuzzy(self, doc: Doc, covered: set[int]) -> list[InstitutionMatch]:
        """Organisation-like mentions not covered by an exact match: fuzzy, else unmatched."""
        out = []
        table = token_table(doc)
        texts, norms = table.texts, table.norms
        i = 0
        n = len(texts)
        while i < n:
            if not texts[i][:1].isupper() or i in covered:
                i += 1
                continue
            head = self._head_of(norms[i])
            if head is None or fold(texts[i]) in self.title_forms or fold(texts[i]) in self.not_heads:
                i += 1
                continue
            j = i + 1
            while j < n and j - i < MAX_MENTION_TOKENS and j not in covered:
                t = doc[j]
                if t.text[:1].isupper() or t.text in ('"', "“", "”", "„"):
                    j += 1
                    continue
                if t.norm_ in CONNECTORS and j + 1 < n and doc[j + 1].text[:1].isupper():
                    nxt = doc[j + 1]
                    if t.lower_ == "dhe" and (self._head_of(nxt.norm_) or fold(nxt.text) in self.title_forms):
                        break  # "X dhe Drejtoria Y": two organisations, not one name
                    j += 1
                    continue
                break
            while j > i + 1 and (doc[j - 1].norm_ in CONNECTORS or doc[j - 1].is_punct):
                j -= 1
            span = doc[i:j]
            i = j
            if len(span) < 2:
                continue
            key = _without_articles(" ".join(t.norm_ for t in span if not t.is_punct))
            target, score = self._closest(key, head)
            if target is None:
                out.append(InstitutionMatch(span.start_char, span.end_char, span.text, None, False,
                                            "unmatched", 0.0))
                continue
            ref, generic, former = target
            out.append(InstitutionMatch(span.start_char, span.end_char, span.text, ref, generic,
                                        "fuzzy", score, former))
        return out


def _without_articles(key: str) -> str:
    """A match key without the linking articles, which typed text often drops ("Policise Shtetit")."""
    return " ".join(w for w in key.split() if w != "e")


def _with_case_suffix(doc: Doc, end: int) -> int:
    """Extend an acronym over a case suffix written with a hyphen: "ZVAP-i", "KRAT-it"."""
    if end + 1 < len(doc) and doc[end].text in ("-", "‐", "–") and not doc[end - 1].whitespace_ \
            and doc[end + 1].is_lower and len(doc[end + 1].text) <= 4:
        return end + 2
    return end


# -- dates ----------------------------------------------------------------------------
@Language.factory("krat_dates", default_config={"gazetteer_dir": None})
def make_date_component(nlp: Language, name: str, gazetteer_dir: str | None) -> DateComponent:
    return DateComponent(load_gazetteer(gazetteer_dir))


class DateComponent:
    """Every date mention of the Doc (``doc._.dates``), resolved against ``doc._.published``."""

    def __init__(self, gaz: Gazetteer) -> None:
        d = gaz.cues["dates"]
        months = {form: int(num) for num, forms in d["months"].items() for form in forms}
        vocab = DateVocabulary(months=months, relative=dict(d["relative"]),
                               period_words=tuple(d["period_words"]),
                               part_of_year={k: tuple(v) for k, v in d["part_of_year"].items()},
                               weekdays={form: int(num) for num, forms in d.get("weekdays", {}).items()
                                         for form in forms})
        self.finder = DateFinder(vocab)

    def __call__(self, doc: Doc) -> Doc:
        doc._.dates = self.finder.find(doc_text(doc), published=doc._.published)
        return doc
