"""Index: load YAML records into SQLite for the coordinator's questions.

Tables (foreign keys and indexes on every join column):

- ``documents``: one row per record (``path`` = source path, the key), title,
  publication date, format, sha256, duplicate_of.
- ``meetings``: one row per meeting (``id``), with kind, dates, ``year``, county,
  body, location and chair.
- ``institutions``: every institution named (gazetteer id, or ``unmatched:<name>``).
- ``meeting_institutions``: who took part in which meeting, with role and match.
- ``persons``, ``issues``, ``commitments``: per meeting; ``issue_topics`` links
  issues to ``topics``; ``unmatched`` keeps organisation-like mentions with no entry.
- ``search``: an FTS5 table over meeting titles, issues and commitments, tokenized
  with ``unicode61 remove_diacritics 2`` so "femijet ne situate rruge" finds
  "fëmijët në situatë rruge".

Indexing a records folder again replaces the rows of every document it holds
(delete, then insert, inside one transaction) and removes the documents that are
no longer there.
"""
from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import sqlite_utils

from .write import load_yaml

log = logging.getLogger(__name__)

FTS_TOKENIZER = "unicode61 remove_diacritics 2"
MEETING_CHILDREN = ("meeting_institutions", "persons", "issues", "commitments")


def iter_records(paths: Iterable[Path]) -> Iterator[tuple[Path, dict[str, Any]]]:
    """(file, record) for every record YAML under the paths, sorted; other YAML is passed over."""
    for root in map(Path, paths):
        files = [root] if root.is_file() else sorted(p for p in root.rglob("*.yaml")
                                                       if not any(part.startswith(".") for part in p.parts))
        for path in files:
            try:
                data = load_yaml(path.read_text(encoding="utf-8"))
            except Exception as exc:  # noqa: BLE001 - a bad file is reported, the rest indexed
                log.warning("%s: not indexed (%s)", path, str(exc).splitlines()[0])
                continue
            if isinstance(data, dict) and isinstance(data.get("source"), dict) and "meetings" in data:
                yield path, data


def create_schema(db: sqlite_utils.Database) -> None:
    """Create the tables, foreign keys, indexes and the full-text table (idempotent)."""
    db.execute("PRAGMA foreign_keys = ON")
    if "documents" in db.table_names():
        return
    db["documents"].create({"path": str, "sha256": str, "format": str, "title": str, "published": str,
                            "reader": str, "duplicate_of": str, "meetings": int, "warnings": str}, pk="path")
    db["institutions"].create({"id": str, "name": str}, pk="id")
    db["topics"].create({"id": str}, pk="id")
    db["meetings"].create({"id": str, "document": str, "title": str, "kind": str, "date": str, "date_end": str,
                           "year": int, "period_start": str, "period_end": str, "county": str, "body_id": str,
                           "body_name": str, "location": str, "chair_name": str, "chair_role": str,
                           "chair_institution": str}, pk="id", foreign_keys=[("document", "documents", "path")])
    db["meeting_institutions"].create({"meeting": str, "institution": str, "role": str, "method": str,
                                       "score": float, "review": int, "mentions": int},
                                      pk=("meeting", "institution"),
                                      foreign_keys=[("meeting", "meetings", "id"),
                                                    ("institution", "institutions", "id")])
    db["persons"].create({"id": str, "meeting": str, "name": str, "honorific": str, "role": str,
                          "institution": str}, pk="id", foreign_keys=[("meeting", "meetings", "id")])
    db["issues"].create({"id": str, "meeting": str, "text": str, "raised_by": str, "start": int, "end": int},
                        pk="id", foreign_keys=[("meeting", "meetings", "id")])
    db["issue_topics"].create({"issue": str, "topic": str}, pk=("issue", "topic"),
                              foreign_keys=[("issue", "issues", "id"), ("topic", "topics", "id")])
    db["commitments"].create({"id": str, "meeting": str, "text": str, "actor": str, "due": str,
                              "due_text": str, "start": int, "end": int},
                             pk="id", foreign_keys=[("meeting", "meetings", "id")])
    db["unmatched"].create({"id": str, "document": str, "text": str, "start": int, "end": int},
                           pk="id", foreign_keys=[("document", "documents", "path")])
    for table, columns in (("meetings", ["document"]), ("meetings", ["county", "year"]), ("meetings", ["kind"]),
                           ("meeting_institutions", ["institution"]), ("persons", ["meeting"]),
                           ("persons", ["name"]), ("issues", ["meeting"]), ("issues", ["raised_by"]),
                           ("issue_topics", ["topic"]), ("commitments", ["meeting"]),
                           ("commitments", ["actor"]), ("unmatched", ["document"])):
        db[table].create_index(columns, if_not_exists=True)
    db.execute(f"CREATE VIRTUAL TABLE search USING fts5(kind UNINDEXED, ref UNINDEXED, meeting UNINDEXED, "
               f"text, tokenize='{FTS_TOKENIZER}')")


def index_records(paths: Iterable[Path], db_path: Path | str) -> dict[str, int]:
    """Load every record under ``paths`` into the database; returns counts of what was done.

    The documents of the database that the paths no longer hold are removed.
    """
    db = sqlite_utils.Database(db_path)
    create_schema(db)
    seen: set[str] = set()
    counts = {"documents": 0, "meetings": 0, "removed": 0}
    with db.conn:
        for _, record in iter_records(paths):
            path = record["source"]["path"]
            seen.add(path)
            _remove_document(db, path)
            _insert_record(db, record)
            counts["documents"] += 1
            counts["meetings"] += len(record.get("meetings") or [])
        for row in list(db.query("SELECT path FROM documents")):
            if row["path"] not in seen:
                _remove_document(db, row["path"])
                counts["removed"] += 1
        db.execute("DELETE FROM institutions WHERE id NOT IN (SELECT institution FROM meeting_institutions)")
    return counts


def _remove_document(db: sqlite_utils.Database, path: str) -> None:
    meetings = [r["id"] for r in db.query("SELECT id FROM meetings WHERE document = ?", [path])]
    for meeting in meetings:
        db.execute("DELETE FROM issue_topics WHERE issue IN (SELECT id FROM issues WHERE meeting = ?)", [meeting])
        for table in MEETING_CHILDREN:
            db.execute(f"DELETE FROM {table} WHERE meeting = ?", [meeting])
        db.execute("DELETE FROM search WHERE meeting = ?", [meeting])
    db.execute("DELETE FROM meetings WHERE document = ?", [path])
    db.execute("DELETE FROM unmatched WHERE document = ?", [path])
    db.execute("DELETE FROM documents WHERE path = ?", [path])


def institution_key(inst: dict[str, Any]) -> str:
    """The institutions-table id of a record's institution (unmatched ones by their name)."""
    return inst.get("id") or f"unmatched:{inst['name']}"


def _insert_record(db: sqlite_utils.Database, record: dict[str, Any]) -> None:
    source = record["source"]
    path = source["path"]
    db["documents"].insert({"path": path, "sha256": source.get("sha256"), "format": source.get("format"),
                            "title": source.get("title"), "published": _text(source.get("published")),
                            "reader": source.get("reader"), "duplicate_of": source.get("duplicate_of"),
                            "meetings": len(record.get("meetings") or []),
                            "warnings": "; ".join(record.get("warnings") or [])})
    for n, u in enumerate(record.get("unmatched") or []):
        db["unmatched"].insert({"id": f"{path}#{n}", "document": path, "text": u["text"],
                                "start": u["start"], "end": u["end"]})
    for m in record.get("meetings") or []:
        _insert_meeting(db, path, m)


def _insert_meeting(db: sqlite_utils.Database, path: str, m: dict[str, Any]) -> None:
    date = _text(m.get("date"))
    chair = m.get("chair") or {}
    period = m.get("period") or {}
    body = m.get("body") or {}
    mid = m["id"]
    db["meetings"].insert({"id": mid, "document": path, "title": m.get("title"), "kind": m.get("kind"),
                           "date": date, "date_end": _text(m.get("date_end")),
                           "year": int(date[:4]) if date else None,
                           "period_start": _text(period.get("start")), "period_end": _text(period.get("end")),
                           "county": m.get("county"), "body_id": body.get("id"), "body_name": body.get("name"),
                           "location": m.get("location"), "chair_name": chair.get("name"),
                           "chair_role": chair.get("role"), "chair_institution": chair.get("institution")})
    if m.get("title"):
        db["search"].insert({"kind": "meeting", "ref": mid, "meeting": mid, "text": m["title"]})
    for inst in m.get("institutions") or []:
        key = institution_key(inst)
        db["institutions"].insert({"id": key, "name": inst["name"]}, pk="id", replace=True)
        match = inst.get("match") or {}
        db["meeting_institutions"].insert({"meeting": mid, "institution": key, "role": inst.get("role"),
                                           "method": match.get("method"), "score": match.get("score"),
                                           "review": int(bool(match.get("review"))),
                                           "mentions": len(inst.get("mentions") or [])}, replace=True)
    for n, p in enumerate(m.get("persons") or []):
        db["persons"].insert({"id": f"{mid}#p{n}", "meeting": mid, "name": p["name"],
                              "honorific": p.get("honorific"), "role": p.get("role"),
                              "institution": p.get("institution")})
    for n, i in enumerate(m.get("issues") or []):
        iid = f"{mid}#i{n}"
        db["issues"].insert({"id": iid, "meeting": mid, "text": i["text"], "raised_by": i.get("raised_by"),
                             "start": i.get("start"), "end": i.get("end")})
        db["search"].insert({"kind": "issue", "ref": iid, "meeting": mid, "text": i["text"]})
        for topic in i.get("topics") or []:
            db["topics"].insert({"id": topic}, pk="id", replace=True)
            db["issue_topics"].insert({"issue": iid, "topic": topic}, replace=True)
    for n, c in enumerate(m.get("commitments") or []):
        cid = f"{mid}#c{n}"
        db["commitments"].insert({"id": cid, "meeting": mid, "text": c["text"], "actor": c.get("actor"),
                                  "due": _text(c.get("due")), "due_text": c.get("due_text"),
                                  "start": c.get("start"), "end": c.get("end")})
        db["search"].insert({"kind": "commitment", "ref": cid, "meeting": mid, "text": c["text"]})


def _text(value: Any) -> str | None:
    """Dates as ISO text whether YAML read them as dates or strings."""
    return None if value is None else str(value)


def memory_database(paths: Iterable[Path]) -> sqlite_utils.Database:
    """An in-memory database of the records under ``paths`` (for queries without --db)."""
    db = sqlite_utils.Database(memory=True)
    create_schema(db)
    with db.conn:
        for _, record in iter_records(paths):
            _insert_record(db, record)
    return db
