"""Participants: the institutions of a meeting with their roles, the persons
with honorific, role and institution, and the chair.

An institution's role comes from the cue nearest before it in its sentence
(``financuar nga`` → funder, ``në bashkëpunim me`` → organizer, ``morën
pjesë`` → participant …) or from an organising verb after it when it is the
sentence's subject; the strongest role over all its mentions wins.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from spacy.tokens import Doc

from .analyse import CONNECTOR_KEYS, token_table
from .context import Context
from .match import InstitutionMatch
from .normalize import fold

PLURAL_ENDINGS = ("at", "et", "ave", "eve", "ive", "ite", "itë")
ROLE_RANK = {"organizer": 3, "funder": 2, "participant": 1, "mentioned": 0}
SUBJECT_VERB_WINDOW = 160     # chars after a subject institution in which its organising verb may stand
CHAIR_CUE_WINDOW = 160        # chars between a chair cue and the chair's name
NAME_MAX_TOKENS = 3
TITLE_SCAN_TOKENS = 18
FROM_INSTITUTION_TOKENS = 3   # "Name nga misioni i OSBE-së": the institution within this many tokens of "nga"
CASE_SUFFIX_MAX = 4           # "-it", "-së", "-ve": the case ending written after an acronym
_UPPER_WORD = re.compile(r"^[A-ZËÇ][a-zëç]+(?:-[A-ZËÇ][a-zëç]+)?$|^[A-ZËÇ]{2,}$")


@dataclass(slots=True)
class InstitutionRecord:
    id: str | None
    name: str
    role: str
    method: str
    score: float
    mentions: list[InstitutionMatch] = field(default_factory=list)


@dataclass(slots=True)
class PersonRecord:
    name: str
    honorific: str | None
    role: str | None
    office: InstitutionMatch | None    # the institution the role names ("Drejtori i DVP Shkodër")
    title: Any                         # the title (titles.yaml) the role starts with, if any
    start: int
    end: int
    mentions: list[tuple[int, int]] = field(default_factory=list)


# -- institutions -----------------------------------------------------------------------
def resolve(ctx: Context, m: InstitutionMatch, county: str | None) -> tuple[str | None, str]:
    """Entry id and name of a match: a generic branch resolves to ``county``, a body shared
    with Kosovo to its Kosovo twin in a Kosovo document, and the name is the one the
    institution had in the document's year (Drejtoria Arsimore Rajonale before 2019)."""
    if m.ref is None:
        return None, m.text
    if m.generic:
        m = _named_in_full(ctx, m) or m
    entry = ctx.gaz.branch(m.ref, county) if m.generic else ctx.gaz.entries[m.ref]
    if ctx.kosovo:
        entry = ctx.gaz.kosovo_variant(entry) or entry
    return entry.id, ctx.gaz.name_in_year(entry, ctx.year)


def role_of(ctx: Context, m: InstitutionMatch) -> str:
    """The role a mention's sentence gives it (see the module docstring).

    The cue nearest before the mention decides (a list after "morën pjesë" or
    "financuar nga" shares it); without one, an organising verb after a subject
    institution makes it the organizer; else it took part.
    """
    s = ctx.sentence_at(m.start)
    before = ctx.folded[s.start:m.start]
    cues = ctx.cues
    if cues.place_of.search(before):
        return "mentioned"  # "vendet e BE-së": a place, not a body that acts
    nearest = None
    for name, pattern in (("funder", cues.funder_before), ("organizer", cues.organizer_before),
                          ("participant", cues.participant), ("mentioned", cues.mentioned)):
        hit = pattern.last_before(before, len(before))
        if hit and (nearest is None or hit.end() > nearest[1]):
            nearest = (name, hit.end())
    if nearest:
        return nearest[0]
    others_before = [x for x in ctx.institutions if s.start <= x.start < m.start]
    after = ctx.folded[m.end:min(s.end, m.end + SUBJECT_VERB_WINDOW)]
    if not others_before and cues.organizer_after.search(after):
        return "organizer"
    if cues.mentioned.search(before) or cues.mentioned.search(ctx.folded[m.end:s.end]):
        return "mentioned"  # a cue elsewhere in the sentence, not inside the name ("… në Bashkinë X")
    return "participant"


# the head word of a list of municipalities' bodies → the municipal template each one is of
# ("bashkive Lezhë e Kurbin", "Nënprefekturave Tropojë dhe Has", "nënprefektët e Sarandës dhe Delvinës")
MUNICIPALITY_HEADS = (("bashkia", re.compile(r"(?<!\w)bashki\w*")),
                      ("nenprefektura", re.compile(r"(?<!\w)nenprefekt\w*(?: e)?")))
LIST_GLUE = re.compile(r"\s*(?:,|(?:si dhe|dhe|e)(?!\w))?\s*")  # "e" ends a word: "Elbasan" starts with e


def municipality_lists(ctx: Context) -> list[InstitutionMatch]:
    """"Bashkia Durrës, Shijak dhe Krujë", "bashkive Lezhë e Kurbin", "nënprefektët e Sarandës dhe
    Delvinës": one body of the list's head (MUNICIPALITY_HEADS) per municipality."""
    places = sorted((p for p in ctx.places if p.county and p.kind in ("municipality", "county")),
                    key=lambda p: p.start)
    by_start = {p.start: p for p in places}
    out: list[InstitutionMatch] = []
    heads = sorted(((h, template) for template, pattern in MUNICIPALITY_HEADS for h in pattern.finditer(ctx.folded)),
                   key=lambda x: x[0].start())
    for head, template in heads:
        pos = head.end()
        while True:
            glue = LIST_GLUE.match(ctx.folded, pos)
            place = by_start.get(glue.end()) if glue else None
            if place is None:
                break
            slug = next((m.slug for m in ctx.gaz.counties[place.county].municipalities
                         if m.name == place.name), None)
            entry = ctx.gaz.entries.get(f"{template}-{slug}") if slug else None
            if entry is None:
                break
            out.append(InstitutionMatch(place.start, place.end, place.text, entry.id, False, "alias", 100.0))
            pos = place.end
    return out


_ACRONYM_CASE = re.compile(r"(?<=[A-ZËÇ])-(?!(?:të|te|ve|t)\b)\w+")  # "NJMF-së"; plural "NJMF-të" kept


@lru_cache(maxsize=4096)
def _words_key(text: str) -> tuple[str, ...]:
    """Match keys of a mention's words, an acronym's singular case ending dropped."""
    from .analyse import match_key
    return tuple(match_key(w) for w in re.findall(r"\w+", _ACRONYM_CASE.sub("", text)))


def _named_in_full(ctx: Context, m: InstitutionMatch) -> InstitutionMatch | None:
    """The specific institution a bare generic mention refers to: the nearest before it (else the
    first after it) that the document names with the same words and more ("Zyrës Vendore
    Arsimore Kavajë" … "Zyra Vendore Arsimore")."""
    key = _words_key(m.text)
    found = None
    for other in ctx.institutions:
        if other.generic or other.ref is None or other is m:
            continue
        words = _words_key(other.text)
        if len(words) > len(key) and words[:len(key)] == key:
            if other.start > m.start:
                return found or other
            found = other
    return found


def collect_institutions(ctx: Context, county_at: Callable[[int], str | None]
                         ) -> tuple[list[InstitutionRecord], list[InstitutionMatch]]:
    """Institutions of the document (one record per entry) and the unmatched mentions;
    ``county_at(offset)``: the county a generic branch named there belongs to."""
    records: dict[str, InstitutionRecord] = {}
    unmatched: list[InstitutionMatch] = []
    listed = [m for m in municipality_lists(ctx)
              if not any(x.start <= m.start < x.end for x in ctx.institutions)]
    for m in sorted([*ctx.institutions, *listed], key=lambda x: x.start):
        if ctx.cues.generic_groups.search(ctx.folded[m.start:m.end]):
            continue
        ident, name = resolve(ctx, m, county_at(m.start))
        if ident is None:
            unmatched.append(m)
            if fold(m.text.split()[0]).endswith(PLURAL_ENDINGS):
                continue  # "Qendrat Shëndetësore": a group of bodies, not one institution
        role = role_of(ctx, m)
        key = ident or ("?" + name.lower())
        rec = records.get(key)
        if rec is None:
            records[key] = InstitutionRecord(ident, name, role, m.method, m.score, [m])
            continue
        rec.mentions.append(m)
        if ROLE_RANK[role] > ROLE_RANK[rec.role]:
            rec.role = role
        if m.score > rec.score or (m.method == "exact" and rec.method != "exact"):
            rec.method, rec.score = m.method, m.score
    return list(records.values()), unmatched


# -- persons ----------------------------------------------------------------------------
_VOCABULARY: dict[str, tuple[dict, dict]] = {}


def person_vocabulary(gaz) -> tuple[dict[str, str], dict[str, object]]:
    """Honorific forms → canonical, and title first-word keys → title (built once per gazetteer)."""
    cached = _VOCABULARY.get(gaz.version)
    if cached is None:
        from .analyse import match_key
        honorifics = {form.rstrip("."): h.canonical for h in gaz.honorifics for form in h.forms}
        title_keys: dict[str, object] = {}
        for t in gaz.titles:
            for form in t.forms:
                first = re.split(r"[\s/.]+", form.strip())[0]
                if first:
                    title_keys.setdefault(match_key(first), t)
        cached = _VOCABULARY[gaz.version] = (honorifics, title_keys)
    return cached


class PersonFinder:
    """Persons by honorific + name, title + name, and name + title."""

    def __init__(self, ctx: Context, lookup=None) -> None:
        self.ctx = ctx
        self.doc: Doc = ctx.doc
        self.lookup = lookup  # name → InstitutionMatch, for offices named by a role ("Zëvendësministre e Arsimit")
        self.honorifics, self.title_keys = person_vocabulary(ctx.gaz)
        self.table = token_table(ctx.doc)
        self.blocked = self._tokens_in(*self.ctx.institutions, *self.ctx.bodies)
        self.places = self._tokens_in(*self.ctx.places)
        # "Shkodër" is written as a place; "Kuka" only shares its match key
        self.written_places = self._tokens_in(*(p for p in self.ctx.places if p.written))

    def _tokens_in(self, *spans) -> set[int]:
        """Indexes of the tokens inside the given matches."""
        mask = bytearray(len(self.ctx.text) + 1)
        for x in spans:
            mask[x.start:x.end] = b"\x01" * (x.end - x.start)
        return {i for i, idx in enumerate(self.table.idxs) if mask[idx]}

    def _is_name_token(self, i: int, *, first: bool = True) -> bool:
        """A capitalised word outside institutions and bodies; a place ends no name but starts
        none either ("Fatos Kastrati": Kastrat is also a village)."""
        text = self.table.texts[i]
        return (bool(_UPPER_WORD.match(text)) and i not in self.blocked and not (first and i in self.places)
                and text not in self.ctx.cues.name_stop and self.table.norms[i] not in self.title_keys
                and text.rstrip(".") not in self.honorifics)

    def _name_at(self, i: int) -> tuple[int, int] | None:
        """Token span of a name starting at token ``i`` (1–3 capitalised words)."""
        j = i
        n = len(self.table.texts)
        while j < n and j - i < NAME_MAX_TOKENS and self._is_name_token(j, first=j == i):
            j += 1
        return (i, j) if j > i else None

    def _honorific_at(self, i: int) -> tuple[str, int] | None:
        """(canonical honorific, index after it) when token ``i`` is an honorific."""
        texts = self.table.texts
        text = texts[i]
        canon = self.honorifics.get(text.rstrip("."))
        if canon is None or text[:1].lower() not in "zd":
            return None
        j = i + 1
        if j < len(texts) and texts[j] == "." and text[-1] != ".":
            j += 1
        return canon, j

    def find(self) -> list[PersonRecord]:
        found: dict[tuple[int, int], PersonRecord] = {}
        texts, norms, n = self.table.texts, self.table.norms, len(self.table.texts)
        for i in range(n):
            text = texts[i]
            if text.rstrip(".") in self.honorifics:
                hon = self._honorific_at(i)
                if hon and hon[1] < n:
                    span = self._name_at(hon[1])
                    if span and (span[1] - span[0] >= 2 or texts[span[0]].isupper() or
                                 self._honorific_is_clear(text)):
                        self._add(found, span, hon[0], self.table.idxs[i])
            if norms[i] in self.title_keys and text[:1].isalpha():
                self._title_then_name(found, i)
        self._after_label(found)
        self._name_then_title(found)
        persons = sorted(found.values(), key=lambda p: p.start)
        return _merge_surnames(persons)

    def _honorific_is_clear(self, text: str) -> bool:
        return text.endswith(".") or len(text) > 2

    def _add(self, found, span, honorific, mention_start) -> None:
        doc = self.doc
        start_tok, end_tok = span
        name = " ".join(title_case(t) for t in self.table.texts[start_tok:end_tok])
        key = (start_tok, end_tok)
        if any(s <= start_tok < e or start_tok <= s < end_tok for s, e in found):
            return
        role, office, title = self._role_near(start_tok, end_tok, mention_start)
        found[key] = PersonRecord(name, honorific, role, office, title, mention_start, doc[end_tok - 1].idx
                                  + len(doc[end_tok - 1].text))

    def _after_label(self, found) -> None:
        """"Mbajti procesverbalin: Ervis Nika": a name right after a label that introduces a person."""
        idxs = self.table.idxs
        for m in self.ctx.cues.name_label.finditer(self.ctx.folded):
            j = bisect_left(idxs, m.end())
            while j < len(idxs) and self.table.texts[j].isspace():
                j += 1
            if j + 1 < len(idxs) and self._is_name_token(j) and self._is_name_token(j + 1, first=False):
                span = self._name_at(j)
                if span and span[1] - span[0] >= 2:
                    self._add(found, span, None, idxs[j])

    def _title_then_name(self, found, i: int) -> None:
        """"Prefekti i Qarkut Kukës z. Zenel Kuçana", "Zëvendësministri …, Milan Radojeviq"."""
        texts, norms, n = self.table.texts, self.table.norms, len(self.table.texts)
        sent_end = self.ctx.token_sentence_range(i)[1]
        j = i + 1
        while j < min(sent_end, i + TITLE_SCAN_TOKENS):
            if self._honorific_at(j):
                return  # the honorific loop records this person
            if (self._is_name_token(j) and j + 1 < n and self._is_name_token(j + 1, first=False)
                    and j + 1 not in self.written_places):
                span = self._name_at(j)
                if span:
                    self._add(found, span, None, self.table.idxs[span[0]])
                return
            text = texts[j]
            if text in ("-", "‐", "–") and j + 1 < n and texts[j + 1].islower() and len(texts[j + 1]) <= CASE_SUFFIX_MAX:
                j += 2  # an acronym's case ending: "Eksperti i IOM-it, Genti Bajrami"
                continue
            if (text.islower() and norms[j] not in CONNECTOR_KEYS) or text.isdigit():
                return
            if text in (".", ";", ":", "(", ")"):
                return
            j += 1

    def _name_then_title(self, found) -> None:
        """"Nora Malaj Zëvendësministre …", "Vesna Vujoviq nga misioni i OSBE-së"."""
        texts, norms, n = self.table.texts, self.table.norms, len(self.table.texts)
        starts = {m.start for m in self.ctx.institutions}
        for i in range(1, n):
            is_title = norms[i] in self.title_keys and texts[i][:1].isupper()
            is_from = texts[i].lower() == "nga" and any(  # "nga DVP", "nga misioni i OSBE-së"
                self.table.idxs[k] in starts for k in range(i + 1, min(n, i + 1 + FROM_INSTITUTION_TOKENS)))
            if not (is_title or is_from):
                continue
            j = i
            while j > 0 and i - j < NAME_MAX_TOKENS and self._is_name_token(j - 1):
                j -= 1
            if i - j >= 2:
                self._add(found, (j, i), None, self.table.idxs[j])

    def _role_near(self, start_tok: int, end_tok: int, mention_start: int
                   ) -> tuple[str | None, InstitutionMatch | None, Any]:
        """The title phrase before the name (or in apposition after it) and its institution."""
        doc = self.doc
        sent = self.doc[slice(*self.ctx.token_sentence_range(start_tok))]
        # before: walk back over honorific/commas to a title token within the clause
        k = start_tok - 1
        while k >= sent.start and (doc[k].text in (",", ".", "") or doc[k].text.rstrip(".") in self.honorifics):
            k -= 1
        phrase_end = k + 1
        while k >= sent.start and k > start_tok - TITLE_SCAN_TOKENS:
            if doc[k].norm_ in self.title_keys and doc[k].text[:1].isalpha():
                return self._role_span(k, phrase_end)
            if doc[k].is_lower and doc[k].norm_ not in CONNECTOR_KEYS:
                break
            if doc[k].text in (".", ";", ":"):
                break
            k -= 1
        # after: ", Prefekti i Qarkut Kukës"
        k = end_tok
        if k < sent.end and doc[k].text == ",":
            k += 1
        if k < sent.end and doc[k].norm_ in self.title_keys:
            e = k + 1
            while e < sent.end and e - k < TITLE_SCAN_TOKENS and (
                    not doc[e].is_lower or doc[e].norm_ in CONNECTOR_KEYS) \
                    and doc[e].text not in (",", ";", ".", "(", ")"):
                if self._honorific_at(e):
                    break
                e += 1
            return self._role_span(k, e)
        return None, None, None

    def _role_span(self, start: int, end: int) -> tuple[str | None, InstitutionMatch | None, Any]:
        doc = self.doc
        while end > start + 1 and (doc[end - 1].is_punct or doc[end - 1].norm_ in ("e", "dhe")):
            end -= 1
        span = doc[start:end]
        role = " ".join(span.text.split()).strip(" ,")
        inst = None
        for m in self.ctx.institutions:
            if span.start_char <= m.start < span.end_char and m.ref:
                inst = m
                break
        title = self.title_keys.get(doc[start].norm_)
        if inst is None and title is not None and title.institution_kind and self.lookup and end > start + 1:
            inst = self._office_of(title.institution_kind, doc[start + 1:end])
        return role or None, inst, title  # the office is resolved later, with the county

    def _office_of(self, kind: str, complement) -> InstitutionMatch | None:
        """"Zëvendësministre e Arsimit dhe Sportit" → Ministria e Arsimit dhe Sportit."""
        head = self.ctx.gaz.cues.get("office_heads", {}).get(kind)
        if not head or complement[0].norm_ != "e":
            return None
        found = self.lookup(f"{head} {complement.text}")
        if found is None or found.ref is None:
            return None
        return InstitutionMatch(complement.start_char, complement.end_char, complement.text, found.ref,
                                found.generic, found.method, found.score, found.former)


def title_case(word: str) -> str:
    return word.capitalize() if word.isupper() and len(word) > 1 else word


def _fuller_name(p: PersonRecord, full: list[PersonRecord]) -> PersonRecord | None:
    """The fuller name a one-word name is a word of ("Ruci" of "Manjola Ruci"), if any."""
    if " " in p.name:
        return None
    return next((f for f in full if p.name.lower() in f.name.lower().split()), None)


def _merge_surnames(persons: list[PersonRecord]) -> list[PersonRecord]:
    """Drop a one-word name that is the surname (or given name) of a fuller name."""
    full = [p for p in persons if " " in p.name]
    out = []
    for p in persons:
        owner = _fuller_name(p, full)
        if owner:
            owner.mentions.append((p.start, p.end))
            continue
        out.append(p)
    merged: dict[str, PersonRecord] = {}
    for p in out:
        key = p.name.lower()
        if key in merged:
            merged[key].mentions.append((p.start, p.end))
            if not merged[key].role and p.role:
                merged[key].role, merged[key].office, merged[key].title = p.role, p.office, p.title
        else:
            p.mentions.insert(0, (p.start, p.end))
            merged[key] = p
    return list(merged.values())


def find_chair(ctx: Context, persons: list[PersonRecord], kind: str, *,
               by_office: bool = True, within: tuple[int, int] | None = None) -> PersonRecord | None:
    """Who chaired or opened the meeting (cue before or after the name, else, when
    ``by_office``, the holder of an office that chairs such meetings); ``within``: only
    mentions in that span count (the section that reports one of several meetings)."""
    best: tuple[int, int, PersonRecord] | None = None
    for p in persons:
        for start, end in p.mentions:
            if within is not None and not within[0] <= start < within[1]:
                continue
            s = ctx.sentence_at(start)
            before = ctx.folded[max(s.start, start - CHAIR_CUE_WINDOW):start]
            after = ctx.folded[end:min(s.end, end + CHAIR_CUE_WINDOW)]
            rank = None
            if ctx.cues.chair_before.search(before):
                rank = 0
            elif ctx.cues.chair_after.search(after):
                first_person = all(not (s.start <= a < start) for q in persons for a, _ in q.mentions)
                if first_person:
                    rank = 1
            if rank is not None and (best is None or (rank, start) < best[:2]):
                best = (rank, start, p)
    if best:
        return best[2]
    if not by_office:
        return None
    for p in persons:
        title = p.title
        if title is not None and kind in (title.chair_of or []):
            return p
    return None


def merge_persons(found: list[PersonRecord], table: list[PersonRecord]) -> list[PersonRecord]:
    """Persons of the text and of the table, one per name; the table's role and institution win."""
    by_name = {fold(p.name): p for p in found}
    for t in table:
        key = fold(t.name)
        p = by_name.get(key)
        if p is None:
            t.mentions.insert(0, (t.start, t.end))
            by_name[key] = t
            found.append(t)
            continue
        p.mentions = sorted({*p.mentions, (t.start, t.end)})
        if t.role:
            p.role = t.role
        if t.office is not None:
            p.office = t.office
        p.honorific = p.honorific or t.honorific
    full = [p for p in found if " " in p.name]
    kept = []
    for p in found:  # "Znj. Ruci:" in the discussion is Manjola Ruci of the list of those present
        owner = _fuller_name(p, full)
        if owner is None:
            kept.append(p)
        else:
            owner.mentions = sorted({*owner.mentions, *p.mentions})
            owner.honorific = owner.honorific or p.honorific
    return sorted(kept, key=lambda p: p.mentions[0][0] if p.mentions else p.start)
