"""Index: records into SQLite, replaced on re-index, removed when gone; folded full-text search."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import sqlite_utils
import yaml

from pipeline.index import index_records

EXPECTED = Path(__file__).resolve().parent.parent / "samples" / "expected"


@pytest.fixture
def records(tmp_path) -> Path:
    target = tmp_path / "records"
    shutil.copytree(EXPECTED, target)
    return target


def count(db, sql, params=()):
    return next(iter(db.query(sql, params)))["n"]


def test_every_record_and_meeting_is_indexed(records, tmp_path):
    counts = index_records([records], tmp_path / "k.db")
    files = sorted(records.glob("*.yaml"))
    meetings = sum(len(yaml.safe_load(p.read_text("utf-8"))["meetings"]) for p in files)
    assert counts == {"documents": len(files), "meetings": meetings, "removed": 0}
    db = sqlite_utils.Database(tmp_path / "k.db")
    assert count(db, "SELECT COUNT(*) AS n FROM meetings") == meetings
    assert db["meetings"].foreign_keys and db["meeting_institutions"].foreign_keys


def test_reindexing_replaces_and_removes(records, tmp_path):
    index_records([records], tmp_path / "k.db")
    path = records / "durres-2023-03-14-tryeza-teknike.yaml"
    data = yaml.safe_load(path.read_text("utf-8"))
    data["meetings"][0]["county"] = "Fier"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), "utf-8")
    (records / "vlore-2021-07-15-analiza-6-mujore.yaml").unlink()
    counts = index_records([records], tmp_path / "k.db")
    db = sqlite_utils.Database(tmp_path / "k.db")
    assert counts["removed"] == 1
    assert count(db, "SELECT COUNT(*) AS n FROM documents WHERE path LIKE 'vlore-2021%'") == 0
    assert count(db, "SELECT COUNT(*) AS n FROM meetings WHERE document LIKE 'vlore-2021%'") == 0
    assert [r["county"] for r in db.query("SELECT county FROM meetings WHERE document LIKE 'durres-2023%'")] == ["Fier"]
    assert count(db, "SELECT COUNT(*) AS n FROM meetings WHERE id = ?", [data["meetings"][0]["id"]]) == 1


def test_full_text_search_ignores_diacritics_and_case(records, tmp_path):
    index_records([records], tmp_path / "k.db")
    db = sqlite_utils.Database(tmp_path / "k.db")
    rows = list(db.query("SELECT text FROM search WHERE search MATCH ?", ['"FEMIJET" "ne" "SITUATE" "rruge"']))
    assert rows and all("fëmijët në situatë rruge" in r["text"].lower() for r in rows)
