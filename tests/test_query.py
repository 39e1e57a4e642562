"""Query: the coordinator's questions on the samples' records (from records and from the index)."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from pipeline.cli import cli
from pipeline.index import index_records, memory_database
from pipeline.query import Filters, resolve_institution, run_query

EXPECTED = Path(__file__).resolve().parent.parent / "samples" / "expected"


@pytest.fixture(scope="module")
def db():
    return memory_database([EXPECTED])


def records():
    return [yaml.safe_load(p.read_text("utf-8")) for p in sorted(EXPECTED.glob("*.yaml"))]


def test_meetings_an_institution_attended_in_a_year(db):
    ids = resolve_institution(db, "ZVAP Durrës")
    rows = run_query(db, "meetings", Filters(institution_ids=ids, date_from="2023-01-01", date_to="2023-12-31"))
    expected = sorted(m["id"] for r in records() for m in r["meetings"]
                      if str(m["date"] or "").startswith("2023")
                      and any(i["id"] == "zvap-durres" and i["role"] != "mentioned" for i in m["institutions"]))
    assert ids == ["zvap-durres"] and sorted(r["id"] for r in rows) == expected and expected


def test_institution_by_misspelt_name_and_by_abbreviation(db):
    assert resolve_institution(db, "Bashkia Durres") == ["bashkia-durres"]
    assert "zvap-durres" in resolve_institution(db, "ZVAP")


def test_what_an_institution_committed_to(db):
    rows = run_query(db, "commitments", Filters(institution_ids=["bashkia-durres"]))
    assert rows and all(r["actor"] == "bashkia-durres" for r in rows)
    assert any(r["due"] == "2023-05" for r in rows)


def test_issues_in_a_county(db):
    rows = run_query(db, "issues", Filters(county="Kukes"))
    expected = sum(len(m["issues"]) for r in records() for m in r["meetings"] if m["county"] == "Kukës")
    assert len(rows) == expected and expected


def test_topic_and_text_filters(db):
    by_topic = run_query(db, "issues", Filters(topic="street-children"))
    assert by_topic and all("street-children" in r["topics"] for r in by_topic)
    by_text = run_query(db, "meetings", Filters(text="femijet ne situate rruge"))
    assert by_text


def test_period_filter_counts_partial_dates(db):
    rows = run_query(db, "meetings", Filters(date_from="2016-10-01", date_to="2016-10-31"))
    assert any(r["date"] == "2016-10" for r in rows)


def test_unknown_institution_is_a_clear_error(db):
    from pipeline.errors import QueryError
    with pytest.raises(QueryError, match="no institution"):
        resolve_institution(db, "Xyzzy Qwerty Institute")


@pytest.mark.parametrize("fmt", ["table", "csv", "json", "jsonl", "yaml"])
def test_every_format(fmt, tmp_path):
    db_path = tmp_path / "k.db"
    index_records([EXPECTED], db_path)
    result = CliRunner().invoke(cli, ["query", "commitments", "--db", str(db_path), "--institution",
                                      "Bashkia Durrës", "--format", fmt])
    assert result.exit_code == 0, result.output
    if fmt == "json":
        assert json.loads(result.output)[0]["actor"] == "bashkia-durres"
    elif fmt == "jsonl":
        assert json.loads(result.output.splitlines()[0])["actor"] == "bashkia-durres"
    elif fmt == "csv":
        assert result.output.startswith("text,actor,due,date,county,document")
    elif fmt == "yaml":
        assert yaml.safe_load(result.output)[0]["actor"] == "bashkia-durres"
    else:
        assert "bashkia-durres" in result.output and result.output.splitlines()[1].startswith("---")


def test_query_from_records_folder_and_options(tmp_path):
    result = CliRunner().invoke(cli, ["query", "meetings", str(EXPECTED), "--county", "Durrës", "--kind",
                                      "technical_table", "--person", "Muça", "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.output.splitlines()]
    assert rows and all(r["county"] == "Durrës" and r["kind"] == "technical_table" for r in rows)
    people = CliRunner().invoke(cli, ["query", "persons", str(EXPECTED), "--person", "muca", "--format", "json"])
    assert {"Ilirjan Muça", "Dritan Muçaj"} <= {p["name"] for p in json.loads(people.output)}
    assert CliRunner().invoke(cli, ["query", "meetings"]).exit_code == 2


def test_index_command(tmp_path):
    result = CliRunner().invoke(cli, ["index", str(EXPECTED), "--db", str(tmp_path / "k.db")])
    assert result.exit_code == 0 and "documents" in result.output and (tmp_path / "k.db").exists()
