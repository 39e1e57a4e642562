"""The record model and its JSON Schema stay in step; YAML round-trips."""
from __future__ import annotations

import json

import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.model import Record, record_json_schema
from pipeline.write import SCHEMA_PATH, dump_yaml, schema_errors


def test_committed_schema_is_generated_from_the_model():
    committed = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    assert committed == record_json_schema(), (
        "pipeline/schema/record.schema.json is out of date: regenerate it from pipeline.model")


def test_spec_field_names_are_present():
    props = record_json_schema()["$defs"]
    meeting = set(props["Meeting"]["properties"])
    assert {"id", "title", "kind", "date", "date_end", "date_text", "period", "county", "body", "location",
            "chair", "institutions", "persons", "issues", "commitments"} <= meeting
    assert {"path", "sha256", "format", "title", "published", "language"} <= set(props["Source"]["properties"])


MINIMAL = {
    "record_version": 1,
    "source": {"path": "a.txt", "sha256": "0" * 64, "format": "txt", "title": None, "published": None,
               "language": "sq", "reader": "txt:utf-8", "text_sha256": "1" * 64},
    "meetings": [], "warnings": [], "unmatched": [],
}


def test_schema_rejects_unknown_keys_and_bad_values():
    assert schema_errors(MINIMAL) == []
    bad = json.loads(json.dumps(MINIMAL))
    bad["source"]["format"] = "doc"
    bad["extra"] = 1
    errors = schema_errors(bad)
    assert any("$.source.format" in e for e in errors)
    assert any("extra" in e for e in errors)


def test_schema_rejects_a_bad_date():
    bad = json.loads(json.dumps(MINIMAL))
    bad["source"]["published"] = "13.02.2019"
    assert any("published" in e for e in schema_errors(bad))


words = st.text(alphabet="abcëçdEËZ .,:-'\"", max_size=30)


@settings(max_examples=50)
@given(title=st.one_of(st.none(), words), warnings=st.lists(words, max_size=3))
def test_yaml_round_trip(title, warnings):
    data = json.loads(json.dumps(MINIMAL))
    data["source"]["title"] = title
    data["warnings"] = warnings
    record = Record.model_validate(data)
    text = dump_yaml(record.model_dump(mode="json"))
    assert Record.model_validate(yaml.safe_load(text)) == record
