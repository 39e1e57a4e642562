"""Record: run the stages on one document and assemble the typed record.

read → normalise → analyse (spaCy Doc) → match → extract (meetings,
participants, statements) → ``model.Record``. This module is the thin
orchestrator; each stage lives in its own module.
"""
from __future__ import annotations

import hashlib
import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache

from spacy.language import Language

from . import meetings as mt
from . import minutes
from .analyse import get_nlp
from .context import Context
from .cues import cues_for
from .dates import deadline_values
from .gazetteer import Gazetteer, load_gazetteer
from .match import CLEAR_MATCH_SCORE
from .model import (
    Absentee,
    Body,
    Chair,
    Commitment,
    InstitutionRef,
    Issue,
    Match,
    Meeting,
    Mention,
    Period,
    Person,
    Record,
    Source,
)
from .normalize import Normalized, fold, fold_aligned, normalize_document
from .participants import (
    PersonFinder,
    collect_institutions,
    find_chair,
    merge_persons,
    resolve,
)
from .read.base import RawDocument
from .statements import (
    Statement,
    find_commitments,
    find_issues,
    reported_problems,
    topics_of,
    trim,
)

TITLE_MAX_CHARS = 200


@dataclass(frozen=True, slots=True)
class Extractor:
    """Holds the gazetteer and the spaCy pipeline; build once per process, call per document."""

    gaz: Gazetteer
    nlp: Language
    captions: frozenset[str]      # folded place names that scraping may glue to the next word
    keep_camel: frozenset[str]    # words written in camel case on purpose
    boilerplate: re.Pattern[str]  # folded blocks of web boilerplate to drop

    @classmethod
    def create(cls, gazetteer_dir: str | None = None) -> Extractor:
        """The extractor of a gazetteer folder (built once per process and folder)."""
        return _extractor(gazetteer_dir)

    @classmethod
    def _build(cls, gazetteer_dir: str | None) -> Extractor:
        gaz = load_gazetteer(gazetteer_dir)
        captions = frozenset(fold(f) for p in gaz.places for f in p.forms) | frozenset(
            fold(c) for c in gaz.kosovo)
        norm = gaz.cues.get("normalize", {})
        keep = frozenset(norm.get("keep_camel", []))
        boilerplate = re.compile("|".join(f"(?:{p})" for p in norm.get("boilerplate", [])) or r"(?!x)x")
        return cls(gaz, get_nlp(gazetteer_dir), captions, keep, boilerplate)

    def normalized(self, raw: RawDocument) -> Normalized:
        """The normalised text (and blocks) that a record's offsets point into."""
        return normalize_document(raw, captions=self.captions, keep_camel=self.keep_camel,
                                  boilerplate=self.boilerplate)

    def __call__(self, raw: RawDocument, *, path: str, sha256: str) -> Record:
        return self.extract(raw, path=path, sha256=sha256)[0]

    def extract(self, raw: RawDocument, *, path: str, sha256: str) -> tuple[Record, str]:
        """The record of a document and the normalised text its offsets point into."""
        norm = self.normalized(raw)
        text = norm.text
        title = choose_title(raw.title, text, norm.blocks, cues_for(self.gaz).happened)
        head_end = title_end(text, title)
        doc = self.nlp.make_doc(text)
        doc._.text = text  # the tokens rebuild exactly this; spaCy would join them again on each use
        doc._.published = raw.published
        for _, proc in self.nlp.pipeline:
            doc = proc(doc)
        ctx = Context.from_doc(doc, self.gaz, title=title, published=raw.published,
                                   title_end=head_end)
        line = mt.dateline(ctx)
        published = raw.published or mt.stamp_date(ctx) or (line.value if line else None)
        if published != raw.published:  # dates without a year or "sot"/"dje" resolve against it
            doc._.published = published
            doc = self.nlp.get_pipe("krat_dates")(doc)
            ctx.with_dates(doc._.dates, published)
        warnings = list(raw.warnings)
        meetings = build_meetings(ctx, sha256, dateline=line,
                                  lookup=self.nlp.get_pipe("krat_institutions").lookup) if text else []
        if text and meetings and all(m.date is None for m in meetings):
            warnings.append("no date found")
        unmatched = [Mention(text=m.text, start=m.start, end=m.end)
                     for m in ctx.institutions if m.method == "unmatched"]
        source = Source(path=path, sha256=sha256, format=raw.format,
                        title=title, published=published, language="sq", reader=raw.method,
                        text_sha256=hashlib.sha256(text.encode("utf-8")).hexdigest())
        return Record(source=source, meetings=meetings, warnings=warnings, unmatched=unmatched), text


@lru_cache(maxsize=4)
def _extractor(gazetteer_dir: str | None) -> Extractor:
    return Extractor._build(gazetteer_dir)


TITLE_MIN_WORDS = 4
TITLE_MAX_WORDS = 30
TITLE_SEARCH_CHARS = 300
TITLE_LOOKAHEAD_BLOCKS = 4


def choose_title(raw_title: str | None, text: str, blocks, happened) -> str | None:
    """The document's headline: the reader's title unless it is a dateline or a letterhead,
    else the first heading-like line before the body starts (a line that does not
    report, with ``happened``, that something took place)."""
    if raw_title and _is_headline(raw_title):
        return raw_title
    for line in _head_lines(text, blocks):
        if _is_headline(line) and (not line.endswith(".") or not happened.search(fold_aligned(line))):
            return line
    return raw_title


def _head_lines(text: str, blocks):
    """Lines before the body: whole short blocks, then the first line of the first long one."""
    for b in blocks[:TITLE_LOOKAHEAD_BLOCKS]:
        chunk = text[b.start:b.end]
        first = chunk.split("\n", 1)[0].strip()
        if "\n" in chunk or len(chunk.split()) > TITLE_MAX_WORDS:
            if len(first.split()) <= TITLE_MAX_WORDS and not first.endswith((".", ":")):
                yield first
            return
        yield chunk.strip()


def title_end(text: str, title: str | None) -> int:
    """End offset of the title when the text opens with it (after a dateline or letterhead)."""
    if not title:
        return 0
    pos = text.find(title.strip(), 0, TITLE_SEARCH_CHARS + len(title))
    return pos + len(title.strip()) if pos >= 0 else 0


def _is_headline(line: str) -> bool:
    """Long enough, not a dateline ("Kukes 16.02.2018"), not an all-caps letterhead."""
    words = line.split()
    if len(words) < TITLE_MIN_WORDS or len(line) > TITLE_MAX_CHARS:
        return False
    if line.isupper():
        return False
    return not (len(words) <= 5 and any(ch.isdigit() for ch in line))


def build_meetings(ctx: Context, sha256: str, *, dateline, lookup=None) -> list[Meeting]:
    """Every meeting the document reports (``[]`` when it reports none)."""
    events = mt.event_sentences(ctx)
    if not mt.reports_meeting(ctx, events):
        return []
    kind = mt.meeting_kind(ctx, events)
    headed = mt.headed_sections(ctx) or mt.body_sections(ctx, events)
    split = headed or mt.split_meetings(ctx, events)
    split_counties = {county for county, _, _ in split or []}
    doc_county = (mt.document_county(ctx, events) if not split
                  else next(iter(split_counties)) if len(split_counties) == 1 else None)
    county_at = _county_at(split, doc_county)
    insts, _ = collect_institutions(ctx, county_at)
    parts = minutes.sections(ctx)
    tables = minutes.text_tables(ctx)
    absent = minutes.absent_items(ctx, parts, lookup)
    listed = minutes.table_persons(ctx, tables, lookup) + minutes.listed_persons(ctx, parts, "present", lookup)
    persons = [p for p in merge_persons(PersonFinder(ctx, lookup=lookup).find(), listed)
               if not all(minutes.in_sections(a, parts, "absent") for a, _ in p.mentions)]
    for rec in insts:  # named only among those absent: not taking part
        if all(minutes.in_sections(m.start, parts, "absent") for m in rec.mentions):
            rec.role = "mentioned"
    chair = find_chair(ctx, persons, kind) if not split else None
    anchored = {id(p) for _, _, a in (split or []) if a for p in persons
                if any(a.start <= s < a.end for s, _ in p.mentions)}
    shared_chair = find_chair(ctx, [p for p in persons if id(p) not in anchored], kind,
                              by_office=False) if split else None

    def resolve_id(m):
        return resolve(ctx, m, county_at(m.start))[0]

    sentences = [s for s in ctx.sentences]
    deadlines = [d for d in ctx.dates if mt._date_role(ctx, d) == "deadline"]
    task_parts = [(p.body, p.end) for p in parts if p.kind == "decisions"]
    commitments = _with_tasks(ctx, find_commitments(ctx, sentences, resolve_id, deadlines, task_parts),
                              minutes.task_rows(ctx, tables, lookup), resolve_id)
    issues = find_issues(ctx, sentences, resolve_id, commitments)
    turns = minutes.speaker_turns(ctx, persons, parts)
    _attribute_to_speakers(ctx, turns, issues + commitments, resolve_id)
    discussion = [(t.body, t.end, resolve_id(t.institution) if t.institution else None) for t in turns
                  if minutes.in_sections(t.start, parts, "discussion")]
    issues = sorted(issues + reported_problems(ctx, discussion, issues + commitments), key=lambda s: s.start)
    _partners_only(insts, commitments, resolve_id)
    absentees = [Absentee(name=p.name if p else None, institution=resolve_id(m) if m else None,
                          text=ctx.text[a:b], start=a, end=b) for p, m, a, b in absent]
    period = mt.review_period(ctx) if kind == "review" else None

    plans = split or [(None if mt.is_national(ctx, events) else doc_county, None, None)]
    out = []
    for i, (county, date, anchor) in enumerate(plans):
        if date is None and not split:
            date = mt.meeting_date(ctx, events, ctx.published)
        if date is None and not split:
            date = _relative_or_dateline(ctx, events, dateline)
        if date is not None and period is not None and date.start == period.start:
            date = None
        meeting_chair = chair
        if split:  # each meeting's chair is named where it is reported, or once for all of them
            local = [p for p in persons if anchor and any(anchor.start <= a < anchor.end for a, _ in p.mentions)]
            meeting_chair = find_chair(ctx, local, kind, by_office=False,
                                       within=(anchor.start, anchor.end) if anchor else None) or shared_chair
        meeting_kind = mt.section_kind(ctx, anchor, kind) if headed else kind
        meeting = _meeting(ctx, i, sha256, meeting_kind, county, date, period, events, insts, persons,
                           meeting_chair, issues, commitments, doc_county)
        meeting.absent = absentees
        out.append(meeting)
    return out


def _county_at(split, doc_county: str | None):
    """The county of a text offset: that of the section reporting the meeting it falls in (a
    round-up of meetings in several counties), else the document's."""
    starts = sorted((anchor.start, county) for county, _, anchor in split or [] if anchor is not None)

    def county_at(pos: int) -> str | None:
        i = bisect_right(starts, (pos, "\uffff")) - 1
        return starts[i][1] if i >= 0 and starts[i][1] else doc_county
    return county_at


def _partners_only(insts, commitments: list[Statement], resolve_id) -> None:
    """An institution named only inside commitments, and never as the one who will act ("…
    të përfundojë regjistrimin, në bashkëpunim me Zyrën e Gjendjes Civile"), is a partner of a
    future action, not of the meeting: mentioned."""
    actors = {c.by for c in commitments}
    for rec in insts:
        if rec.id in actors or rec.role == "mentioned" or not rec.mentions:
            continue
        if all(any(c.start <= m.start < c.end for c in commitments) for m in rec.mentions):
            rec.role = "mentioned"


def _commitment(s: Statement) -> Commitment:
    due, due_end = deadline_values(s.due) if s.due else (None, None)
    return Commitment(text=s.text, actor=s.by, due=due, due_text=s.due.text if s.due else s.due_text,
                      start=s.start, end=s.end, due_end=due_end)


def _with_tasks(ctx: Context, commitments: list[Statement], tasks, resolve_id) -> list[Statement]:
    """The commitments of the text, and a table of tasks' rows instead of the text read from them."""
    if not tasks:
        return commitments
    rows = [(t.task.start, (t.due or t.responsible or t.task).end) for t in tasks]
    kept = [c for c in commitments if not any(a <= c.start < b for a, b in rows)]
    for t in tasks:
        due = next((d for d in ctx.dates if t.due and t.due.start <= d.start < t.due.end and d.value), None)
        kept.append(Statement(t.task.text, t.task.start, t.task.end,
                              resolve_id(t.actor) if t.actor else None,
                              topics_of(ctx, ctx.folded[t.task.start:t.task.end]), due,
                              None if due or t.due is None else t.due.text))
    return sorted(kept, key=lambda s: s.start)


def _attribute_to_speakers(ctx: Context, turns, statements: list[Statement], resolve_id) -> None:
    """In minutes' discussion, a statement is the speaker's: its text starts after "Z. X (DVP):" and
    it is raised by (or committed to by) the speaker's institution when the clause names none."""
    for s in statements:
        turn = minutes.turn_at(turns, s.start)
        if turn is None:
            continue
        if s.start < turn.body <= s.end:
            s.start, s.end = trim(ctx, turn.body, s.end)
            s.text = ctx.text[s.start:s.end]
        speaker = resolve_id(turn.institution) if turn.institution is not None else None
        if speaker and (s.by is None or speaker.startswith(f"{s.by}-")):  # "ISHPSHSH" said by its branch
            s.by = speaker


def _relative_or_dateline(ctx: Context, events, dateline):
    """"Sot"/"dje" in a sentence that reports the event, else the release's dateline."""
    for s in events:
        for d in ctx.in_sentence(ctx.dates, s):
            if d.kind == "relative" and d.value:
                return d
    return dateline


def _person_institution(ctx: Context, p, county) -> str | None:
    m, title = p.office, p.title
    if m is not None:
        return resolve(ctx, m, county)[0]
    if title is not None and title.institution_kind == "prefecture" and county:
        return ctx.gaz.branch("prefektura", county).id
    return None


def _meeting(ctx, i, sha256, kind, county, date, period, events, insts, persons, chair, issues,
             commitments, doc_county) -> Meeting:
    body_index = mt.body_of(ctx, kind, events)
    body = None
    if body_index is not None:
        spec = ctx.gaz.bodies[body_index]
        slug = ctx.gaz.counties[county].slug if county else None
        if "{slug}" in spec["id"]:
            bid = spec["id"].replace("{slug}", slug) if slug else spec["id"].replace("-{slug}", "")
            name = spec["name"].replace("{county}", county or "").strip()
        else:
            bid, name = spec["id"], spec["name"]
        body = Body(id=bid, name=name)
    chair_model = None
    chair_inst = None
    if chair is not None:
        chair_inst = _person_institution(ctx, chair, county or doc_county)
        chair_model = Chair(name=chair.name, role=chair.role, institution=chair_inst)
    refs = []
    for rec in insts:
        role = rec.role
        if chair_inst and rec.id == chair_inst:
            role = "organizer"
        refs.append(InstitutionRef(
            id=rec.id, name=rec.name, role=role,
            match=Match(method=rec.method, score=rec.score,
                        review=rec.method == "fuzzy" and rec.score < CLEAR_MATCH_SCORE),
            mentions=[Mention(text=m.text, start=m.start, end=m.end) for m in rec.mentions]))
    if chair_inst and not any(r.id == chair_inst for r in refs):
        entry = ctx.gaz.entries.get(chair_inst)
        if entry:
            refs.append(InstitutionRef(id=entry.id, name=entry.name, role="organizer",
                                       match=Match(method="alias", score=100.0), mentions=[]))
    for p in persons:  # an office named only through a person's role takes part too
        m = p.office
        if m is None or m.ref is None:
            continue
        ident, name = resolve(ctx, m, county or doc_county)
        if ident and not any(r.id == ident for r in refs):
            refs.append(InstitutionRef(id=ident, name=name, role="participant",
                                       match=Match(method=m.method, score=m.score,
                                                   review=m.method == "fuzzy" and m.score < CLEAR_MATCH_SCORE),
                                       mentions=[Mention(text=m.text, start=m.start, end=m.end)]))
    person_models = [Person(name=p.name, honorific=p.honorific, role=p.role,
                            institution=_person_institution(ctx, p, county or doc_county),
                            mentions=[Mention(text=ctx.text[s:e], start=s, end=e) for s, e in p.mentions])
                     for p in persons]
    date_value = date.value if date else None
    date_end = date.value_end if date else None
    return Meeting(
        id=f"{sha256[:8]}-{i + 1}", title=ctx.title, kind=kind,
        date=date_value, date_end=date_end, date_text=date.text if date else None,
        period=Period(start=period.value, end=period.value_end, text=period.text) if period else None,
        county=county, body=body, location=mt.location_of(ctx, events), chair=chair_model,
        institutions=refs, persons=person_models,
        issues=[Issue(text=s.text, raised_by=s.by, topics=s.topics, start=s.start, end=s.end) for s in issues],
        commitments=[_commitment(s) for s in commitments],
        agenda=mt.agenda_of(ctx), time=mt.time_of(ctx, events))
