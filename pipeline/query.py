"""Query: the coordinator's questions, answered from the index (or straight from records).

``run_query(db, what, filters)`` lists meetings, commitments, issues,
institutions or persons, filtered by institution (id, name or abbreviation,
forgiving spelling: resolved through the gazetteer, then the names in the
index), county, date range, kind, topic, person and full-text search. Dates
with less precision than a day ("2019-02") count when their span overlaps the
range.
"""
from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import sqlite_utils
from rapidfuzz import fuzz, process

from .errors import QueryError
from .normalize import fold

WHAT = ("meetings", "commitments", "issues", "institutions", "persons")
FORMATS = ("table", "csv", "json", "jsonl", "yaml")
NAME_CUTOFF = 80.0  # institution names in the index: the closest one above this score


@dataclass(slots=True)
class Filters:
    institution: str | None = None
    county: str | None = None
    date_from: str | None = None
    date_to: str | None = None
    kind: str | None = None
    topic: str | None = None
    person: str | None = None
    text: str | None = None
    institution_ids: list[str] = field(default_factory=list)  # resolved from ``institution``


# SQL fragments: the span of a meeting's date at the precision it has
_START = "(CASE length(m.date) WHEN 4 THEN m.date || '-01-01' WHEN 7 THEN m.date || '-01' ELSE m.date END)"
_END = ("(CASE length(COALESCE(m.date_end, m.date)) WHEN 4 THEN COALESCE(m.date_end, m.date) || '-12-31' "
        "WHEN 7 THEN COALESCE(m.date_end, m.date) || '-31' ELSE COALESCE(m.date_end, m.date) END)")


def resolve_institution(db: sqlite_utils.Database, text: str, *, gazetteer_dir: str | None = None) -> list[str]:
    """The index's institution ids that ``text`` names: an id, an abbreviation with or without
    a county ("ZVAP", "ZVAP Durrës"), a name in any spelling; a generic branch means all its
    county branches. Raises QueryError when nothing matches."""
    ids = [r["id"] for r in db.query("SELECT id FROM institutions")]
    if text in ids:
        return [text]
    wanted = _from_gazetteer(text, gazetteer_dir)
    if wanted:
        found = [i for i in ids if i in wanted or any(i.startswith(w + "-") for w in wanted)]
        if found:
            return sorted(found)
    names = {r["id"]: fold(r["name"]) for r in db.query("SELECT id, name FROM institutions")}
    best = process.extractOne(fold(text), names, scorer=fuzz.WRatio, score_cutoff=NAME_CUTOFF)
    if best is None:
        raise QueryError(f"no institution in the index matches {text!r}")
    return [best[2]]


def _from_gazetteer(text: str, gazetteer_dir: str | None) -> set[str]:
    """Gazetteer ids named by ``text``: abbreviation (+ county) or name (exact or fuzzy)."""
    from .gazetteer import load_gazetteer
    from .record import Extractor

    gaz = load_gazetteer(gazetteer_dir)
    words = text.split()
    county = next((c for c in gaz.counties.values()
                   if words[1:] and fold(" ".join(words[1:])) in {fold(f) for f in (c.name, c.definite, c.genitive,
                                                                                      *c.forms)}), None)
    for entry in (*gaz.generic.values(), *gaz.entries.values()):
        if words and words[0] in entry.abbreviations:
            if entry.id in gaz.generic:
                return {gaz.branch(entry.id, county.name).id} if county else {entry.id}
            return {entry.id}
    match = Extractor.create(gazetteer_dir).nlp.get_pipe("krat_institutions").lookup(text)
    if match is None or match.ref is None:
        return set()
    return {match.ref}


def run_query(db: sqlite_utils.Database, what: str, filters: Filters) -> list[dict[str, Any]]:
    """Rows answering the question ``what`` under ``filters`` (deterministic order)."""
    if what not in WHAT:
        raise QueryError(f"cannot list {what!r}: choose one of {', '.join(WHAT)}")
    db.conn.create_function("fold", 1, lambda s: fold(s) if s is not None else None, deterministic=True)
    where, params = _meeting_filters(filters, what)
    if what == "meetings":
        sql = (f"SELECT m.id, m.date, m.county, m.kind, m.title, m.chair_name AS chair, m.document "
               f"FROM meetings m WHERE {where} ORDER BY m.date IS NULL, m.date, m.id")
    elif what == "commitments":
        actor = _in("c.actor", filters.institution_ids, params)
        sql = (f"SELECT c.text, c.actor, c.due, m.date, m.county, m.document FROM commitments c "
               f"JOIN meetings m ON m.id = c.meeting WHERE {where} AND {actor} "
               f"ORDER BY m.date IS NULL, m.date, c.id")
    elif what == "issues":
        raised = _in("i.raised_by", filters.institution_ids, params)
        topic = "1" if not filters.topic else "i.id IN (SELECT issue FROM issue_topics WHERE topic = :topic)"
        sql = (f"SELECT i.text, i.raised_by, (SELECT group_concat(topic, ', ') FROM issue_topics "
               f"WHERE issue = i.id) AS topics, m.date, m.county, m.document FROM issues i "
               f"JOIN meetings m ON m.id = i.meeting WHERE {where} AND {raised} AND {topic} "
               f"ORDER BY m.date IS NULL, m.date, i.id")
    elif what == "institutions":
        inst = _in("mi.institution", filters.institution_ids, params)
        sql = (f"SELECT mi.institution AS id, inst.name, COUNT(DISTINCT m.id) AS meetings, "
               f"group_concat(DISTINCT mi.role) AS roles FROM meeting_institutions mi "
               f"JOIN meetings m ON m.id = mi.meeting JOIN institutions inst ON inst.id = mi.institution "
               f"WHERE {where} AND {inst} AND mi.role != 'mentioned' GROUP BY mi.institution "
               f"ORDER BY meetings DESC, mi.institution")
    else:
        person = "1" if not filters.person else "fold(p.name) LIKE :person"
        inst = _in("p.institution", filters.institution_ids, params)
        sql = (f"SELECT p.name, p.role, p.institution, COUNT(DISTINCT m.id) AS meetings, "
               f"min(m.date) AS first, max(m.date) AS last FROM persons p JOIN meetings m ON m.id = p.meeting "
               f"WHERE {where} AND {person} AND {inst} GROUP BY fold(p.name) ORDER BY meetings DESC, p.name")
    return [dict(row) for row in db.query(sql, params)]


def _meeting_filters(f: Filters, what: str) -> tuple[str, dict[str, Any]]:
    """SQL conditions on meetings ``m`` and their parameters."""
    clauses, params = ["1"], {}
    if f.county:
        clauses.append("fold(m.county) = fold(:county)")
        params["county"] = f.county
    if f.kind:
        clauses.append("m.kind = :kind")
        params["kind"] = f.kind
    if f.date_from:
        clauses.append(f"{_END} >= :date_from")
        params["date_from"] = f.date_from
    if f.date_to:
        clauses.append(f"{_START} <= :date_to")
        params["date_to"] = f.date_to
    if f.institution_ids and what == "meetings":
        clauses.append("m.id IN (SELECT meeting FROM meeting_institutions WHERE role != 'mentioned' AND "
                       + _in("institution", f.institution_ids, params) + ")")
    if f.topic:
        params["topic"] = f.topic
        if what != "issues":
            clauses.append("m.id IN (SELECT i.meeting FROM issues i JOIN issue_topics t ON t.issue = i.id "
                           "WHERE t.topic = :topic)")
    if f.person:
        params["person"] = f"%{fold(f.person)}%"
        if what != "persons":
            clauses.append("m.id IN (SELECT meeting FROM persons WHERE fold(name) LIKE :person)")
    if f.text:
        clauses.append("m.id IN (SELECT meeting FROM search WHERE search MATCH :text)")
        params["text"] = _fts_phrase(f.text)
    return " AND ".join(clauses), params


def _in(column: str, values: Sequence[str], params: dict[str, Any]) -> str:
    """``column IN (…)`` with named parameters, or true when there are no values."""
    if not values:
        return "1"
    names = []
    for v in values:
        name = f"v{len(params)}"
        params[name] = v
        names.append(f":{name}")
    return f"{column} IN ({', '.join(names)})"


def _fts_phrase(text: str) -> str:
    """An FTS5 query of the words of ``text`` (quoted, so punctuation is never syntax)."""
    words = [w for w in fold(text).replace('"', " ").split() if w]
    return " ".join(f'"{w}"' for w in words) or '""'


def render(rows: list[dict[str, Any]], fmt: str) -> str:
    """Rows as a text table, CSV, JSON, JSON lines or YAML."""
    if fmt == "json":
        return json.dumps(rows, ensure_ascii=False, indent=2) + "\n"
    if fmt == "jsonl":
        return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)
    if fmt == "yaml":
        from .write import dump_yaml
        return dump_yaml(rows)
    if fmt == "csv":
        out = io.StringIO()
        if rows:
            writer = csv.DictWriter(out, fieldnames=list(rows[0]))
            writer.writeheader()
            writer.writerows(rows)
        return out.getvalue()
    return _table(rows)


TABLE_CELL_MAX = 60


def _table(rows: list[dict[str, Any]]) -> str:
    if not rows:
        return "(no rows)\n"
    cols = list(rows[0])
    cells = [[_cell(r[c]) for c in cols] for r in rows]
    widths = [max(len(c), *(len(row[i]) for row in cells)) for i, c in enumerate(cols)]
    line = lambda values: "  ".join(v.ljust(w) for v, w in zip(values, widths, strict=True)).rstrip()
    return "\n".join([line(cols), line(["-" * w for w in widths]), *map(line, cells)]) + "\n"


def _cell(value: Any) -> str:
    text = "" if value is None else " ".join(str(value).split())
    return text if len(text) <= TABLE_CELL_MAX else text[:TABLE_CELL_MAX - 1] + "…"
