"""Minutes (procesverbal): the parts a press release leaves out.

Minutes are read by their parts, whatever their order and wording (labels in
``cues.yaml``: ``minutes``): those present and those absent (a table, a numbered
list or prose), the discussion by speaker, and the decisions or tasks (a table
with "Përgjegjës" and "Afati" columns, or numbered items). The same functions
run on every document; a press release simply has no such parts.

* ``sections`` finds the labelled parts ("Të pranishëm:", "Munguan:", "Diskutimet",
  "Detyrat e lëna") and where each ends (at the next label);
* ``text_tables`` reads " | "-joined table rows back into tables, typed by their
  header row, a numbered table going on across a page break;
* ``listed_persons`` reads "1. Z. Gentian Lika, Drejtor, DVP Shkodër" and
  "z. X, drejtor i DRSHSSH Vlorë; znj. Y, …" items into persons;
* ``speaker_turns`` finds who speaks in each paragraph of a discussion
  ("Z. X (DVP Shkodër): …", "Znj. Y informoi se …");
* ``task_rows`` turns a table of tasks into commitments with actor and deadline.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import pairwise

from .context import BULLET, Context
from .match import InstitutionMatch
from .normalize import fold
from .participants import PersonRecord, person_vocabulary, title_case
from .read import CELL_SEPARATOR

LABEL_MAX_WORDS = 6            # a section label on its own line is short ("Detyrat e lëna:")
LIST_ITEM_MAX_WORDS = 20       # a longer line ends a list of those present or absent (prose follows)
ITEM_SPLIT = re.compile(r"\s*;\s*|\n+")
NAME_WORD = re.compile(r"[A-ZËÇ][a-zëç]+(?:-[A-ZËÇ][a-zëç]+)?")
ROLE_TRIM = re.compile(r"(?:[\s,(:–-]+|\s(?:i|e|te|të|ne|në|prane|pranë|per|për|nga|tek|te)\s*)+$")
SPEAKER_LABEL = re.compile(r"\s*(\([^)\n]{1,80}\))?\s*([:–-]\s*)?")  # "(DVP Shkodër): "
PROSE_PERSON = re.compile(r"(?:,|\s(?:dhe|si dhe|e|ose))\s+(\w+)\.?\s+(?=[A-ZËÇ])")  # ", z. X", " dhe znj. Y"
_LINE_END_LABEL = re.compile(r"[:.]\s+((?:\w+\s+){0,3}\w+\s*:)\s*$")  # "…: Detyrat e lëna:"
TURN_WINDOW = 4                # a turn's speaker is named within this many characters of its line start


@dataclass(slots=True)
class Section:
    kind: str                  # present | absent | agenda | discussion | decisions
    start: int                 # the label's start
    body: int                  # where its content starts (after the label)
    end: int


@dataclass(slots=True)
class Cell:
    text: str
    start: int
    end: int


@dataclass(slots=True)
class TextTable:
    kind: str                  # the header's kind: participants | tasks
    columns: dict[str, int]    # column name → cell index
    rows: list[list[Cell]] = field(default_factory=list)

    def cell(self, row: list[Cell], column: str) -> Cell | None:
        index = self.columns.get(column)
        return row[index] if index is not None and index < len(row) and row[index].text else None


@dataclass(slots=True)
class Turn:
    """A paragraph of the discussion and who speaks in it."""

    start: int
    body: int                  # after "Z. X (DVP):"
    end: int
    speaker: PersonRecord | None
    institution: InstitutionMatch | None


# -- sections ----------------------------------------------------------------------------
@lru_cache(maxsize=8)
def _label_patterns(spec_key: tuple) -> list[tuple[str, re.Pattern]]:
    # "Munguan:", "Nuk morën pjesë, edhe pse u ftuan:" (a few words may stand before the colon)
    return [(kind, re.compile(r"(?:" + "|".join(pats) + r")\b(?:[^:\n.]{0,30}:|\s*:?)")) for kind, pats in spec_key]


def sections(ctx: Context) -> list[Section]:
    """The labelled parts of minutes in text order; each ends where the next begins."""
    spec = ctx.gaz.cues.get("minutes") or {}
    patterns = _label_patterns(tuple((k, tuple(v)) for k, v in spec.items()))
    found: list[Section] = []
    pos = 0
    for line in ctx.folded.split("\n"):
        start, pos = pos, pos + len(line) + 1
        bare = BULLET.sub("", line, count=1) if not line[:1].isdigit() else line
        lead = len(line) - len(bare.lstrip())
        for kind, rx in patterns:
            m = rx.match(line, lead)
            if m is None:
                continue
            inline = m.group(0).rstrip().endswith(":")
            if inline or len(line.split()) <= LABEL_MAX_WORDS and not line.rstrip().endswith("."):
                found.append(Section(kind, start, start + m.end(), len(ctx.text)))
            break
        else:  # "… la detyrat e mëposhtme: Detyrat e lëna:": a label that ends its line
            tail = _LINE_END_LABEL.search(line)
            for kind, rx in patterns if tail else ():
                label = rx.match(line, tail.start(1))
                if label is not None and label.end() >= len(line.rstrip()):
                    found.append(Section(kind, start + tail.start(1), start + len(line), len(ctx.text)))
                    break
    for a, b in pairwise(found):
        a.end = b.start
    for part in found:
        if part.kind in ("present", "absent"):
            part.end = _list_end(ctx, part)
    return found


def _list_end(ctx: Context, part: Section) -> int:
    """A list of persons ends before its first line of prose (a long line after the label's)."""
    pos = ctx.text.find("\n", part.body, part.end)
    while 0 <= pos < part.end:
        nxt = ctx.text.find("\n", pos + 1, part.end)
        line = ctx.text[pos + 1:nxt if nxt >= 0 else part.end]
        if len(line.split()) > LIST_ITEM_MAX_WORDS:
            return pos + 1
        if nxt < 0:
            break
        pos = nxt
    return part.end


def in_sections(pos: int, parts: list[Section], kind: str) -> bool:
    return any(s.kind == kind and s.start <= pos < s.end for s in parts)


# -- tables ------------------------------------------------------------------------------
def text_tables(ctx: Context) -> list[TextTable]:
    """Tables of those present and of tasks, read from " | "-joined rows.

    A row whose cells match a kind's header patterns (``cues.yaml``: ``participants_table``,
    ``tasks_table``; the kind's first column and one more) opens a table; the rows after
    it belong to it. A numbered row that goes on from the last row of a table with the same
    number of cells continues it after other lines (a page break, a running header).
    """
    headers = _header_patterns(ctx)
    if not headers or CELL_SEPARATOR not in ctx.text:
        return []
    tables: list[TextTable] = []
    current: TextTable | None = None
    width = 0
    pos = 0
    for line in ctx.text.split("\n"):
        start, pos = pos, pos + len(line) + 1
        if CELL_SEPARATOR not in line:
            if line.strip():
                current = None
            continue
        cells = _cells(line, start)
        header = _header(ctx, cells, headers)
        if header is not None:
            current, width = TextTable(*header), len(cells)
            tables.append(current)
            continue
        if current is None and tables and len(cells) == width and _goes_on(tables[-1], cells):
            current = tables[-1]
        if current is not None:
            current.rows.append(cells)
    return tables


def _header_patterns(ctx: Context) -> dict[str, dict[str, re.Pattern]]:
    """Column patterns of each kind of table (``cues.yaml``: ``<kind>_table``), compiled once."""
    specs = tuple((kind, tuple((col, tuple(pats)) for col, pats in (ctx.gaz.cues.get(f"{kind}_table") or {}).items()))
                  for kind in ("participants", "tasks"))
    return _compiled_headers(specs)


@lru_cache(maxsize=8)
def _compiled_headers(specs: tuple) -> dict[str, dict[str, re.Pattern]]:
    return {kind: {col: re.compile("|".join(f"(?:{p})" for p in pats)) for col, pats in columns}
            for kind, columns in specs if columns}


def _header(ctx: Context, cells: list[Cell], headers) -> tuple[str, dict[str, int]] | None:
    """(kind, columns) when a row is a table header: its kind's first column and another."""
    for kind, columns in headers.items():
        found: dict[str, int] = {}
        for col, rx in columns.items():
            index = next((i for i, c in enumerate(cells) if i not in found.values()
                          and rx.match(fold(c.text[:40]).strip())), None)
            if index is not None:
                found[col] = index
        if next(iter(columns)) in found and len(found) >= 2:
            return kind, found
    return None


def _goes_on(table: TextTable, cells: list[Cell]) -> bool:
    """A numbered row right after the table's last number (the table went on to another page)."""
    if not table.rows or not cells[0].text.rstrip(".").isdigit():
        return False
    last = table.rows[-1][0].text.rstrip(".")
    return last.isdigit() and int(cells[0].text.rstrip(".")) == int(last) + 1


def _cells(line: str, offset: int) -> list[Cell]:
    """Each " | "-separated cell with its offsets in the document (an empty last cell too)."""
    cells, pos = [], 0
    if line.endswith(CELL_SEPARATOR.rstrip()):
        line += " "
    for part in line.split(CELL_SEPARATOR):
        lead = len(part) - len(part.lstrip())
        text = part.strip()
        cells.append(Cell(text, offset + pos + lead, offset + pos + lead + len(text)))
        pos += len(part) + len(CELL_SEPARATOR)
    return cells


def rows_of(tables: list[TextTable], kind: str):
    """(table, row) of every row of the tables of one kind."""
    for table in tables:
        if table.kind == kind:
            for row in table.rows:
                yield table, row


def institution_in(ctx: Context, start: int, end: int, lookup=None) -> InstitutionMatch | None:
    """The first gazetteer institution named in a span; else the span itself looked up."""
    found = next((m for m in ctx.institutions if start <= m.start < end and m.ref), None)
    if found is None and lookup is not None and end > start:
        text = ctx.text[start:end].strip(" ,;()")
        hit = lookup(text) if text else None
        if hit is not None and hit.ref:
            found = InstitutionMatch(start, end, ctx.text[start:end], hit.ref, hit.generic, hit.method,
                                     hit.score, hit.former)
    return found


# -- persons -----------------------------------------------------------------------------
def table_persons(ctx: Context, tables: list[TextTable], lookup=None) -> list[PersonRecord]:
    """Persons from tables of those present: name, role and institution per row."""
    out = []
    for table, row in rows_of(tables, "participants"):
        name = table.cell(row, "name")
        if name is None:
            continue
        role = table.cell(row, "role")
        inst = table.cell(row, "institution")
        office = institution_in(ctx, inst.start, inst.end, lookup) if inst else None
        person = _person(ctx, name.start, name.end, role.text if role else None, office, honorific=False)
        if person is not None:
            out.append(person)
    return out


def listed_persons(ctx: Context, parts: list[Section], kind: str, lookup=None) -> list[PersonRecord]:
    """Persons of a list or prose of those present (``kind="present"``) or absent: one item a
    line or between semicolons, "Honorific Name, role, institution" in any order."""
    out = []
    for part in parts:
        if part.kind != kind:
            continue
        for start, end in _items(ctx, part.body, part.end):
            person = _item_person(ctx, start, end, lookup)
            if person is not None:
                out.append(person)
    return out


def _items(ctx: Context, start: int, end: int):
    """(start, end) of each list item between ``start`` and ``end`` (table rows excluded)."""
    pos = start
    text = ctx.text[start:end]
    for m in [*ITEM_SPLIT.finditer(text), None]:
        stop = start + (m.start() if m else len(text))
        item = ctx.text[pos:stop]
        if CELL_SEPARATOR not in item and item.strip():
            bullet = BULLET.match(item)
            lead = bullet.end() if bullet else len(item) - len(item.lstrip())
            yield from _split_prose(ctx, pos + lead, stop)
        pos = start + (m.end() if m else len(text))


def _split_prose(ctx: Context, start: int, end: int):
    """A prose item naming several persons ("z. A, drejtor …, znj. B, …", "… dhe Z. C, …") split
    before each honorific."""
    honorifics, _ = person_vocabulary(ctx.gaz)
    cuts = [start]
    for m in PROSE_PERSON.finditer(ctx.text, start, end):
        if m.group(1) in honorifics and m.group(1)[:1].lower() in "zd":
            cuts.append(m.start(1))
    cuts.append(end)
    for a, b in pairwise(cuts):
        yield a + len(ctx.text[a:b]) - len(ctx.text[a:b].lstrip()), b


def _item_person(ctx: Context, start: int, end: int, lookup) -> PersonRecord | None:
    """"Z. Gentian Lika, Drejtor, DVP Shkodër" → person with role and institution."""
    item = ctx.text[start:end]
    head = re.match(r"(?:(\w+)\.?\s+)?", item)
    honorifics, _ = person_vocabulary(ctx.gaz)
    pos = start
    if head and head.group(1) in honorifics:
        pos = start + head.end()
    words = list(NAME_WORD.finditer(ctx.text, pos, min(end, pos + 60)))
    name = []
    for w in words[:3]:
        if w.start() != (name[-1].end() + 1 if name else pos) or w.group(0) in ctx.cues.name_stop:
            break
        name.append(w)
    if len(name) < 2 or any(m.start <= name[0].start() < m.end for m in ctx.institutions):
        return None  # "Njësia Vendore e Kujdesit …": an institution taking part, not a person
    rest_start = name[-1].end()
    last = ctx.text.rfind(",", rest_start, end)
    bracket = re.match(r"\s*\(([^)\n]{2,80})\)", ctx.text[rest_start:end])
    # "Z. X (Zyra e Punësimit)": the bracket names the institution; "…, përgjegjëse e Sektorit të
    # Shërbimeve Sociale, Bashkia Sarandë": the last comma part does, and what stands between is the
    # role; else the first institution named
    office = None
    if bracket:
        office = institution_in(ctx, rest_start + bracket.start(1), rest_start + bracket.end(1), lookup)
    elif last > rest_start:
        office = institution_in(ctx, last + 1, end, lookup)
    if office is not None:
        role = _role_text(ctx, rest_start + (bracket.end() if bracket else 0), last if not bracket else end,
                          office if bracket else None)
    else:
        office = institution_in(ctx, rest_start, end)
        role = _role_text(ctx, rest_start, end, office)
    honorific_start = start if pos > start else name[0].start()
    return _person(ctx, name[0].start(), name[-1].end(), role, office, mention_start=honorific_start)


def _role_text(ctx: Context, start: int, end: int, office: InstitutionMatch | None) -> str | None:
    """The item's words that are not the name nor the institution: "Drejtor", "specialiste në"."""
    parts = [ctx.text[start:office.start], ctx.text[office.end:end]] if office else [ctx.text[start:end]]
    for part in parts:
        text = ROLE_TRIM.sub("", part.strip(" ,;().:–-"))
        text = text.strip(" ,;().:–-")
        if text and not text[0].isdigit():
            return text
    return None


def _person(ctx: Context, start: int, end: int, role: str | None, office: InstitutionMatch | None,
            *, honorific: bool = True, mention_start: int | None = None) -> PersonRecord | None:
    """A person from a name span (honorific words dropped), or None when it is no name."""
    honorifics, _ = person_vocabulary(ctx.gaz)
    text = ctx.text[start:end]
    words = [w for w in text.split() if w.rstrip(".") not in honorifics]
    if len(words) < 2 or not all(w[:1].isupper() for w in words):
        return None
    joined = " ".join(words)
    a = end - len(joined) if text.endswith(joined) else start
    hon = None
    lead = ctx.text[mention_start:start].strip() if mention_start is not None and honorific else ""
    if lead.rstrip(".") in honorifics:
        hon = honorifics[lead.rstrip(".")]
        a = mention_start
    return PersonRecord(" ".join(title_case(w) for w in words), hon, role or None, office, None, a, end)


# -- discussion --------------------------------------------------------------------------
def speaker_turns(ctx: Context, persons: list[PersonRecord], parts: list[Section]) -> list[Turn]:
    """Paragraphs (lines) that open with a person: "Z. X (DVP Shkodër): …", "Znj. Y informoi se …".

    The speaker's institution is the one in brackets after the name, else the person's own.
    A turn runs to the next turn or the end of its paragraph block. Lists of those present
    or absent are no discussion.
    """
    lists = [s for s in parts if s.kind in ("present", "absent", "agenda")]
    starts = {}
    for p in persons:
        for a, b in p.mentions:
            line_start = ctx.text.rfind("\n", 0, a) + 1
            if any(s.start <= a < s.end for s in lists):
                continue
            if a - line_start <= TURN_WINDOW and not ctx.text[line_start:a].strip(" 0123456789.)-–•"):
                starts.setdefault(line_start, (p, b))
    turns: list[Turn] = []
    for line_start in sorted(starts):
        p, name_end = starts[line_start]
        line_end = ctx.text.find("\n", name_end)
        line_end = len(ctx.text) if line_end < 0 else line_end
        if CELL_SEPARATOR in ctx.text[line_start:line_end]:
            continue  # a table row, not a turn
        label = SPEAKER_LABEL.match(ctx.text, name_end)
        inst = institution_in(ctx, label.start(1), label.end(1)) if label.group(1) else None
        if inst is not None and p.office is not None and p.office.ref and inst.ref and p.office.ref.startswith(inst.ref):
            inst = p.office  # "(ISHPSHSH)" said by the inspector of the county branch
        body = label.end() if label.group(2) else line_start  # the statement starts after "…:"
        turns.append(Turn(line_start, body, line_end, p, inst or p.office))
    block_ends = [m.start() for m in re.finditer(r"\n\s*\n", ctx.text)] + [len(ctx.text)]
    for turn, after in zip(turns, [*turns[1:], None]):
        end = next(e for e in block_ends if e >= turn.end)
        turn.end = min(end, after.start) if after else end
    return turns


def turn_at(turns: list[Turn], pos: int) -> Turn | None:
    return next((t for t in turns if t.start <= pos < t.end), None)


# -- tasks -------------------------------------------------------------------------------
@dataclass(slots=True)
class TaskRow:
    task: Cell
    responsible: Cell | None
    actor: InstitutionMatch | None
    due: Cell | None


def task_rows(ctx: Context, tables: list[TextTable], lookup=None) -> list[TaskRow]:
    """Rows of tables of tasks: the task, who is responsible (first institution named) and the Afati."""
    out = []
    for table, row in rows_of(tables, "tasks"):
        task = table.cell(row, "task")
        if task is None or len(task.text.split()) < 2:
            continue
        who = table.cell(row, "responsible")
        actor = institution_in(ctx, who.start, who.end, lookup) if who else None
        out.append(TaskRow(task, who, actor, table.cell(row, "due")))
    return out


# -- absent ------------------------------------------------------------------------------
def absent_items(ctx: Context, parts: list[Section], lookup=None
                 ) -> list[tuple[PersonRecord | None, InstitutionMatch | None, int, int]]:
    """(person, institution, start, end) of each one listed as absent: a person item with its
    institution, or each institution named in an item without a person."""
    out: list[tuple[PersonRecord | None, InstitutionMatch | None, int, int]] = []
    for part in parts:
        if part.kind != "absent":
            continue
        for start, end in _items(ctx, part.body, part.end):
            person = _item_person(ctx, start, end, lookup)
            named = [m for m in ctx.institutions if start <= m.start < end and m.ref]
            if person is not None:  # "Z. X (Zyra e Punësimit), përfaqësuesi i Prokurorisë"
                out.append((person, person.office, person.start, person.end))
                named = [m for m in named if person.office is None or m.start >= person.office.end]
            elif not named and (found := institution_in(ctx, start, end, lookup)) is not None:
                named = [found]
            out.extend((None, m, m.start, m.end) for m in named)
    return out
