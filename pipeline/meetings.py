"""Meetings: whether the document reports one, how many, and each one's kind,
date, period, county, body and location.

Rules only combine the cue lists of ``gazetteers/cues.yaml`` with positions in
the text: the *event sentences* (sentences that name an event and say it took
place) anchor everything; a date, a county or a body found there outranks one
found elsewhere.
"""
from __future__ import annotations

import re
from collections import Counter

from .context import BULLET, Context, Sentence, clauses
from .dates import DateMention
from .normalize import fold
from .read import CELL_SEPARATOR

EVENT_SENTENCES = 3          # how many event sentences anchor a meeting
LEAD_CHARS = 600             # the lead of a release: where its kind is stated when the title is silent
DEADLINE_WINDOW = 24         # chars before a date in which a deadline cue makes it a deadline
REFERENCE_WINDOW = 30        # chars before a date in which a document cue makes it a reference
PERIOD_WINDOW = 22
LABEL_WINDOW = 8             # "Data: " before a date
LOCATION_MAX_CHARS = 90


def event_sentences(ctx: Context) -> list[Sentence]:
    """Sentences that name an event (takim, workshop …) and are not about an earlier one."""
    out = []
    for s in ctx.sentences:
        f = ctx.sentence_folded(s)
        if ctx.cues.event.search(f) and not ctx.cues.past_reference.search(f):
            out.append(s)
    return out


def reports_meeting(ctx: Context, events: list[Sentence]) -> bool:
    """True when the text reports an event that took place (not an arrest, not an announcement)."""
    if not events:
        return False
    folded = ctx.folded
    happened = any(_happened(ctx, s) for s in ctx.sentences)
    negatives = len(ctx.cues.not_meeting.finditer(folded))
    strong = sum(1 for s in events if _happened(ctx, s))
    if negatives >= 2 and strong == 0:
        return False
    if negatives >= 3 and negatives > 2 * strong:
        return False
    if not happened:
        return False
    future = len(ctx.cues.future_only.finditer(folded))
    return not (future and strong == 0)


def _happened(ctx: Context, s: Sentence) -> bool:
    """The sentence says something took place (its future-tense phrases blanked out first)."""
    f = ctx.sentence_folded(s)
    for m in ctx.cues.future_only.finditer(f):
        f = f[:m.start()] + " " * (m.end() - m.start()) + f[m.end():]
    return bool(ctx.cues.happened.search(f))


def section_kind(ctx: Context, section: Sentence, default: str) -> str:
    """The kind named in the first sentence of one section of a round-up, else in the
    section, else the release's."""
    first = next((s for s in ctx.sentences if s.start >= section.start), section)
    for f in (ctx.folded[first.start:min(first.end, section.end)], ctx.sentence_folded(section)):
        kind = next((kind for kind, pattern in ctx.cues.kinds if pattern.search(f)), "other")
        if kind != "other":  # "takimi u zhvillua": the release says which kind
            return kind
    return default


def meeting_kind(ctx: Context, events: list[Sentence]) -> str:
    """The kind named in the title, else in the lead and first event sentences."""
    texts = []
    if ctx.title:
        texts.append(fold(ctx.title))
    lead = ctx.folded[:LEAD_CHARS]
    texts.append(" ".join(ctx.sentence_folded(s) for s in events[:2]) + " " + lead)
    for text in texts:
        for kind, pattern in ctx.cues.kinds:
            if pattern.search(text):
                return kind
    return "other"


def _date_role(ctx: Context, d: DateMention) -> str:
    """meeting | deadline | reference | period | stamp, from the words before the date."""
    if d.start < 40 and ctx.cues.stamp.search(ctx.folded[:d.end + 1]):
        return "stamp"
    before = ctx.folded[max(0, d.start - DEADLINE_WINDOW):d.start]
    if ctx.cues.deadline_before.search(before):
        return "deadline"
    if ctx.cues.reference_before.search(ctx.folded[max(0, d.start - REFERENCE_WINDOW):d.start]):
        return "reference"
    if d.is_period:
        near = ctx.folded[max(0, d.start - PERIOD_WINDOW):d.start]
        if ctx.cues.period_before.search(near) or d.kind == "year":
            return "period"
        if d.value is None:
            return "period"
    return "meeting"


def dateline(ctx: Context) -> DateMention | None:
    """A date at the head of the release ("Kukes 16.02.2018", "22 Shkurt 2018, Shkodër –")."""
    window = ctx.cues.dateline_window
    for d in ctx.dates:
        if d.start > window:
            break
        if d.value and d.kind == "day":
            line_start = ctx.text.rfind("\n", 0, d.start) + 1
            line_end = ctx.text.find("\n", d.end)
            line_end = len(ctx.text) if line_end < 0 else line_end
            line = ctx.text[line_start:line_end]
            after = ctx.text[d.end:d.end + 4]
            if len(line) < 60 or "–" in after or " - " in after or after.startswith(","):
                return d
    return None


def stamp_date(ctx: Context) -> str | None:
    """A scraped page's metadata stamp at the head (" date 2021-10 "), a publication date."""
    m = ctx.cues.stamp.search(ctx.folded[:40])
    if not m:
        return None
    return m.group(0).split()[-1]


def _counties_in(ctx: Context, s: Sentence) -> list[str]:
    """Albanian counties named in a sentence, in order (places and county branches)."""
    seen: list[str] = []
    for p in ctx.in_sentence(ctx.places, s):
        if p.county and p.county not in seen:
            seen.append(p.county)
    return seen


def is_national(ctx: Context, events: list[Sentence]) -> bool:
    """The release reports an event of the whole country ("Konferenca Kombëtare", the National
    Referral Mechanism) and no regional committee or table among its first event sentences."""
    texts = [fold(ctx.title)] if ctx.title else []
    texts += [ctx.sentence_folded(s) for s in events[:2]]
    if not any(ctx.cues.national.search(t) for t in texts):
        return False
    regional = [b for s in events[:2] for b in ctx.in_sentence(ctx.bodies, s)
                if "{slug}" in ctx.gaz.bodies[b.index]["id"]]
    return not regional


def document_county(ctx: Context, events: list[Sentence]) -> str | None:
    """The county of a single-meeting document (see the module docstring)."""
    for s in events[:EVENT_SENTENCES]:
        found = _counties_in(ctx, s)
        if len(found) == 1:
            return found[0]
        if found:
            break
    votes: Counter[str] = Counter()
    first: dict[str, int] = {}
    for p in ctx.places:
        if p.county:
            votes[p.county] += 1
            first.setdefault(p.county, p.start)
    for m in ctx.institutions:
        entry = ctx.gaz.entries.get(m.ref) if m.ref and not m.generic else None
        if entry and entry.county:
            votes[entry.county] += 1
            first.setdefault(entry.county, m.start)
    kosovo = sum(1 for p in ctx.places if p.kind == "kosovo")
    if not votes or kosovo > sum(votes.values()):
        return None
    return max(votes, key=lambda c: (votes[c], -first[c]))


def split_meetings(ctx: Context, events: list[Sentence]
                   ) -> list[tuple[str, DateMention | None, Sentence | None]] | None:
    """(county, date, anchor clause) per meeting when the release reports meetings in several counties.

    A sentence (often the headline) that names several counties with a plural event
    announces them; their dates come from that sentence when it gives one per county
    ("më 12 mars në Shkodër, më 14 mars në Lezhë …"), else from the first later clause
    that names each county ("Takimi i parë u zhvillua më 10.03.2015 në Lezhë …").
    """
    candidates = []
    headline = [s for s in ctx.sentences if s.start < ctx.title_end]
    for s in [*headline, *(e for e in events[:EVENT_SENTENCES + 2] if e not in headline)]:
        counties = _counties_in(ctx, s)
        if len(counties) < 2:
            continue
        dates = [d for d in ctx.in_sentence(ctx.dates, s) if _date_role(ctx, d) == "meeting"]
        if (s in headline or ctx.cues.plural_event.search(ctx.sentence_folded(s))
                or len(dates) == len(counties)):
            candidates.append((s, counties, dates))
    if not candidates:
        return None
    announcing, counties, dates = max(candidates, key=lambda c: len(c[1]))  # first of the widest
    if len(dates) == len(counties):
        return [(c, d, None) for c, d in zip(counties, dates)]
    anchors = _anchors(ctx, counties, {announcing})
    shared = dates[0] if dates else next((ds[0] for _, _, ds in candidates if ds), None)
    out = []
    for county in counties:
        anchor = anchors.get(county)
        date = None
        if anchor is not None:
            date = next((d for d in ctx.in_sentence(ctx.dates, anchor) if _date_role(ctx, d) == "meeting"), None)
        out.append((county, date or shared, anchor))
    return out


RUN_IN_HEADING = re.compile(r"\s*(?:[.:]|\s[-–—])\s+(?=[A-ZËÇ])")  # a place, then ". " and a sentence


def headed_sections(ctx: Context) -> list[tuple[str, DateMention | None, Sentence]] | None:
    """(county, date, section) per meeting when a round-up gives each county a section under a
    heading that is only the place's name, on its own line or run in ("Berat. Më 6 tetor …"): each
    section that reports an event is one meeting, dated by its own first meeting date."""
    headings = []
    for p in ctx.places:
        line_start = ctx.text.rfind("\n", 0, p.start) + 1
        line_end = ctx.text.find("\n", p.end)
        line_end = len(ctx.text) if line_end < 0 else line_end
        if not p.county or ctx.text[line_start:p.start].strip():
            continue
        run_in = RUN_IN_HEADING.match(ctx.text, p.end)
        if not ctx.text[p.end:line_end].strip(" :.-–"):
            headings.append((p, line_end))  # "Berat" on its own line
        elif run_in:
            headings.append((p, run_in.end()))  # "Berat. Më 6 tetor …"
    if len({p.county for p, _ in headings}) < 2:
        return None
    out = []
    for n, (p, body) in enumerate(headings):
        end = headings[n + 1][0].start if n + 1 < len(headings) else len(ctx.text)
        section = Sentence(body, end)
        if not any(body <= s.start < end and _happened(ctx, s) for s in ctx.sentences):
            continue
        date = next((d for d in ctx.in_sentence(ctx.dates, section)
                     if _date_role(ctx, d) == "meeting" and (d.value or d.kind == "day")), None)
        out.append((p.county, date, section))
    return out if len(out) >= 2 else None


def body_sections(ctx: Context, events: list[Sentence]) -> list[tuple[str | None, DateMention, Sentence]] | None:
    """(county, date, section) per meeting when a release reports meetings of different bodies
    ("u zhvilluan dy mbledhje": the technical table on the 14th, the committee on the 17th): each
    sentence that says one body met on its own day starts a section."""
    lead = (fold(ctx.title) if ctx.title else "") + " " + ctx.folded[:LEAD_CHARS]
    if not ctx.cues.plural_event.search(lead):
        return None
    anchors: list[tuple[Sentence, int, DateMention]] = []
    for s in events:
        if not _happened(ctx, s) or _is_future(ctx, s):
            continue
        bodies = ctx.in_sentence(ctx.bodies, s)
        dates = [d for d in ctx.in_sentence(ctx.dates, s)
                 if d.value and d.kind in ("day", "relative") and _date_role(ctx, d) == "meeting"]
        if bodies and dates and all(bodies[0].index != b and dates[0].value != d.value for _, b, d in anchors):
            anchors.append((s, bodies[0].index, dates[0]))
    if len(anchors) < 2:
        return None
    county = document_county(ctx, events)
    ends = [s.start for s, _, _ in anchors[1:]] + [len(ctx.text)]
    return [(county, d, Sentence(s.start, end)) for (s, _, d), end in zip(anchors, ends)]


def _anchors(ctx: Context, counties: list[str], skip: set[Sentence]) -> dict[str, Sentence]:
    """The first clause after the announcement that names each county and a date or an event."""
    found: dict[str, Sentence] = {}
    for s in ctx.sentences:
        if s in skip or s.start < ctx.title_end:
            continue
        for c in clauses(ctx, s):
            named = [county for county in _counties_in(ctx, c) if county in counties and county not in found]
            if len(named) != 1:
                continue
            f = ctx.folded[c.start:c.end]
            if ctx.in_sentence(ctx.dates, c) or ctx.cues.event.search(f):
                found[named[0]] = c
    return found


def _is_future(ctx: Context, s: Sentence) -> bool:
    """The sentence plans something (the next meeting), rather than reporting this one."""
    f = ctx.sentence_folded(s)
    return bool(ctx.cues.future_only.search(f) or ctx.cues.commitment_future.search(f))


def meeting_date(ctx: Context, events: list[Sentence], published: str | None) -> DateMention | None:
    """A labelled date at the head of minutes ("Data: 05.11.2020"); else the first date of a
    (non-planning) event sentence that is not a deadline, reference or period."""
    for d in ctx.dates:
        if d.start > LEAD_CHARS:
            break
        label = ctx.folded[max(0, d.start - LABEL_WINDOW):d.start]
        if d.value and d.kind == "day" and ctx.cues.date_label.search(label) and _date_role(ctx, d) == "meeting":
            return d
    for s in events:
        if _is_future(ctx, s):
            continue
        found = [d for d in ctx.in_sentence(ctx.dates, s)
                 if _date_role(ctx, d) == "meeting" and d.kind != "year" and (d.value or d.kind == "day")]
        if found:  # a day before a span of months; "Sot më datë 02.06.2022": the written date
            return min(found, key=lambda d: (d.kind not in ("day", "relative"), d.kind == "relative", d.start))
    return None


def review_period(ctx: Context) -> DateMention | None:
    """The span a review covers: the first period in the title or the text."""
    for d in ctx.dates:
        if d.is_period and d.value:
            return d
    return None


def body_of(ctx: Context, kind: str, events: list[Sentence]) -> int | None:
    """Index of the committee/table that met (gazetteer ``bodies``), preferring event sentences."""
    pool = [b for s in events[:EVENT_SENTENCES] for b in ctx.in_sentence(ctx.bodies, s)] or ctx.bodies
    if not pool:
        return None
    if kind == "technical_table":
        for b in pool:
            if "ttat" in ctx.gaz.bodies[b.index]["id"]:
                return b.index
    return pool[0].index


NEXT_LABEL = re.compile(r"\s+(?=[A-ZËÇ][a-zëç]{2,}(?: [a-zëç]+){0,2}\s?:)")


def location_of(ctx: Context, events: list[Sentence]) -> str | None:
    """The place a minutes label gives ("Vendi: Salla e mbledhjeve …"), else the place phrase of
    the first event sentence ("në sallën e mbledhjeve të …")."""
    label = ctx.cues.location_label.search(ctx.folded, 0, min(len(ctx.folded), 2 * LEAD_CHARS))
    if label is not None:
        line_end = ctx.text.find("\n", label.end())
        value = ctx.text[label.end():line_end if line_end >= 0 else len(ctx.text)].strip(" :\t")
        value = NEXT_LABEL.split(value, maxsplit=1)[0].strip()  # "… Elbasan Kryesoi: Z. X" on one line
        if value:
            return value
    for s in events[:EVENT_SENTENCES]:
        f = ctx.sentence_folded(s)
        m = ctx.cues.location.search(f)
        if not m:
            continue
        start = s.start + m.start()
        stop = min(s.end, start + LOCATION_MAX_CHARS)
        verb = ctx.cues.happened.search(ctx.folded, start, stop)
        if verb:
            stop = verb.start()
        end = start
        while end < stop and ctx.text[end] not in ",;.\n(–":
            end += 1
        phrase = ctx.text[start:end].strip()
        words = phrase.split()
        if words and words[0].lower() in ("në", "ne", "tek", "pranë", "prane"):
            phrase = " ".join(words[1:])
        return phrase or None
    return None


def time_of(ctx: Context, events: list[Sentence]) -> str | None:
    """The hour a meeting began, "HH:MM": "Ora: 10:00" at the head of minutes, "në orën 10.30" in the
    sentence that reports it (never the hour it closed, "u mbyll në orën 12:45", said later)."""
    for s in [*events[:EVENT_SENTENCES], Sentence(0, min(len(ctx.text), 2 * LEAD_CHARS))]:
        m = ctx.cues.time.search(ctx.folded, s.start, s.end)
        if m and not ctx.cues.time_closing.search(ctx.folded, max(0, m.start() - 30), m.start()):
            return f"{int(m.group(1)):02d}:{m.group(2)}"
    return None


AGENDA_MAX_ITEMS = 15
AGENDA_ITEM_MAX_WORDS = 40
_INLINE_ITEM = re.compile(r"(?<=[.;])\s+(?=\d{1,2}[.)]\s+[A-ZËÇ])")  # "… azil. 3. Fëmijët …": items run together


def agenda_of(ctx: Context) -> list[str]:
    """The agenda of minutes: the items after "Rendi i ditës:", one a line, up to the next section."""
    spec = ctx.gaz.cues.get("agenda") or {}
    label = re.compile(r"(?m)^(?:" + "|".join(spec.get("label", [])) + r")\s*:?")
    section = re.compile(r"^(?:" + "|".join(spec.get("sections", [])) + r")\b")
    m = label.search(ctx.folded) if spec.get("label") else None
    if m is None:
        return []
    items: list[str] = []
    rest = ctx.text[m.end():]
    first, _, after = rest.partition("\n")
    lines = ([first] if first.strip(" :") else []) + after.split("\n")
    for line in (item for whole in lines for item in _INLINE_ITEM.split(whole)):
        text = line.strip()
        if not text:
            continue
        if CELL_SEPARATOR in text or section.match(fold(text)) or len(items) >= AGENDA_MAX_ITEMS:
            break
        item = BULLET.sub("", text).strip(" :;")
        if not item or len(item.split()) > AGENDA_ITEM_MAX_WORDS:
            break
        items.append(item)
    return items
