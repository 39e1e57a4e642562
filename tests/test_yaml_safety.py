"""YAML from outside: safe loaders only, alias bombs refused, gazetteer errors that name file,
line and entry, and `krat validate` that reports any hand-broken record on one line, never a
traceback."""
from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from pipeline import write
from pipeline.cli import cli
from pipeline.errors import GazetteerError
from pipeline.gazetteer import load_gazetteer
from pipeline.write import MAX_YAML_NODES, load_yaml

ROOT = Path(__file__).resolve().parent.parent
EXPECTED = ROOT / "samples" / "expected"
LAUGHS = "".join(f"l{i}: &l{i} [{', '.join([f'*l{i - 1}'] * 9)}]\n" for i in range(1, 10))
BILLION_LAUGHS = "l0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n" + LAUGHS
UNSAFE = "!!python/object/apply:os.system ['echo PWNED > /tmp/krat-pwned']\n"


# --- the loader ------------------------------------------------------------------------------

def test_every_yaml_load_in_the_pipeline_is_safe():
    for loader in (write._SafeLoader, write._LineLoader):
        assert issubclass(loader, yaml.constructor.SafeConstructor)
    forbidden = re.compile(r"yaml\.(unsafe_load|full_load|load_all)\b|\b(Full|Unsafe)?Loader\b(?<!SafeLoader)"
                           r"|yaml\.load\((?![^)]*Loader=_?\w*Safe)")
    offenders = [f"{path.name}:{number}" for path in (ROOT / "pipeline").rglob("*.py")
                 for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
                 if forbidden.search(line)]
    assert offenders == []


def test_python_tags_are_not_constructed(tmp_path):
    with pytest.raises(yaml.YAMLError, match="could not determine a constructor"):
        load_yaml(UNSAFE)
    assert not Path("/tmp/krat-pwned").exists()


@pytest.mark.parametrize("text", [BILLION_LAUGHS, "a: &a [1, *a]\n", "a: &a {b: *a}\n"])
def test_alias_bombs_and_recursive_aliases_are_refused(text):
    with pytest.raises(yaml.YAMLError) as info:
        load_yaml(text)
    assert f"past {MAX_YAML_NODES:,} nodes" in str(info.value) or "recursive alias" in str(info.value)


def test_plain_anchors_still_load():
    assert load_yaml("a: &x [1, 2]\nb: *x\nname: D&E\n") == {"a": [1, 2], "b": [1, 2], "name": "D&E"}


def test_mappings_know_their_lines():
    data = load_yaml("# a comment\na:\n  b: 1\nc:\n  - {d: 2}\n", lines=True)
    assert (data.line, data["a"].line, data["c"][0].line) == (2, 3, 5)


# --- gazetteers ------------------------------------------------------------------------------

@pytest.fixture
def gz(tmp_path: Path) -> Path:
    target = tmp_path / "gz"
    shutil.copytree(ROOT / "gazetteers", target)
    return target


def append(path: Path, text: str) -> None:
    path.write_text(path.read_text("utf-8") + text, "utf-8")


def gazetteer_error(gz: Path) -> str:
    with pytest.raises(GazetteerError) as info:
        load_gazetteer(gz)
    message = str(info.value).replace(f"{gz}/", "")
    assert "\n" not in message
    return message


def test_a_bad_entry_names_file_line_and_entry(gz):
    lines = len((gz / "institutions.yaml").read_text("utf-8").splitlines())
    append(gz / "institutions.yaml", "  - id: pa-lloj\n    name: Pa Lloj\n")
    assert re.fullmatch(rf"institutions\.yaml: line {lines + 1}: institution #\d+ pa-lloj: kind: Field required",
                        gazetteer_error(gz))


def test_a_bad_nested_field_names_its_own_line(gz):
    lines = len((gz / "institutions.yaml").read_text("utf-8").splitlines())
    append(gz / "institutions.yaml", "  - id: pa-lloj\n    name: Pa Lloj\n    kind: ngo\n    former_names:\n"
                                     "      - name: Emri i vjetër\n        until: së shpejti\n")
    message = gazetteer_error(gz)
    assert message.startswith(f"institutions.yaml: line {lines + 5}: institution #") and "former_names.0.until" in message


@pytest.mark.parametrize("name, message", [
    ("X {nope}", "unknown placeholder {nope}"),
    ("X {county:>999999999}", "unknown placeholder {county:>999999999}"),  # a format spec: no gigabyte string
])
def test_a_bad_template_placeholder_names_the_template(gz, name, message):
    path = gz / "branches.yaml"
    path.write_text(path.read_text("utf-8").replace(
        "county_templates:", f"county_templates:\n  - id: x-{{slug}}\n    name: '{name}'\n    kind: police\n"
                             "    level: county", 1), "utf-8")
    assert re.match(r"branches\.yaml: line \d+: county template #1 x-\{slug\}: " + re.escape(message),
                    gazetteer_error(gz))


def test_a_bad_cue_pattern_names_its_line(gz):
    path = gz / "cues.yaml"
    path.write_text(path.read_text("utf-8").replace("meeting:", "meeting:\n  broken: ['(unclosed']", 1), "utf-8")
    assert re.match(r"cues\.yaml: line \d+: bad pattern '\(unclosed'", gazetteer_error(gz))


def test_a_missing_cue_list_is_named(gz):
    path = gz / "cues.yaml"
    path.write_text(path.read_text("utf-8").replace("meeting:", "meeting_old:", 1), "utf-8")
    assert gazetteer_error(gz) == "cues.yaml: missing cue list 'meeting'"


@pytest.mark.parametrize("text, message", [
    (UNSAFE, "not valid YAML (could not determine a constructor"),
    (BILLION_LAUGHS, "not valid YAML (aliases expand this YAML past"),
])
def test_unsafe_or_exploding_gazetteer_yaml_is_refused(gz, text, message):
    (gz / "titles.yaml").write_text(text, "utf-8")
    assert message in gazetteer_error(gz)


def test_a_gazetteer_file_that_is_not_utf8_is_named(gz):
    (gz / "titles.yaml").write_bytes(b"titles: [Kryetar\xeb]\n")
    assert gazetteer_error(gz).startswith("titles.yaml: cannot read (UnicodeDecodeError")


# --- krat validate on hand-broken records ----------------------------------------------------

def good_record() -> str:
    return (EXPECTED / "durres-2023-03-14-tryeza-teknike.yaml").read_text("utf-8")


BROKEN_RECORDS = {
    "wrong-types.yaml": lambda: good_record().replace("meetings:\n", "meetings: a string\nold_meetings:\n", 1),
    "wrong-shapes.yaml": lambda: "record_version: 1\nsource: []\nmeetings: [1, [2], {institutions: 5}]\n",
    "missing-fields.yaml": lambda: "record_version: 1\n",
    "not-yaml.yaml": lambda: "meetings: [unclosed\n  - : :\n",
    "binary.yaml": lambda: "\x00\x01\x02",
    "billion-laughs.yaml": lambda: BILLION_LAUGHS,
    "recursive.yaml": lambda: "source: &s {path: *s}\n",
    "python-tag.yaml": lambda: UNSAFE,
    "a-list.yaml": lambda: "- 1\n- 2\n",
    "deep.yaml": lambda: "meetings: " + "[" * 500 + "]" * 500 + "\n",
    "huge-value.yaml": lambda: "meetings: '" + "x" * 100_000 + "'\n",
}


def test_validate_reports_each_hand_broken_record_on_one_line(tmp_path):
    folder = tmp_path / "records"
    folder.mkdir()
    for name, make in BROKEN_RECORDS.items():
        (folder / name).write_text(make(), encoding="utf-8")
    (folder / "latin1.yaml").write_bytes(b"meetings: [Kor\xe7\xeb]\n")
    (folder / "a-folder.yaml").mkdir()
    (folder / "fine.yaml").write_text(good_record(), encoding="utf-8")
    result = CliRunner().invoke(cli, ["validate", str(folder)], catch_exceptions=False)
    assert result.exit_code == 1 and "Traceback" not in result.output
    lines = result.output.splitlines()
    findings = [line for line in lines if not line.endswith("with findings")]
    assert all(line.startswith(str(folder)) and len(line) < 400 for line in findings), findings
    reported = [Path(line.split(": ", 1)[0]).name for line in findings]
    assert sorted(reported) == sorted([*BROKEN_RECORDS, "latin1.yaml", "a-folder.yaml"])  # one line each
    assert lines[-1] == f"{len(BROKEN_RECORDS) + 3} records checked: 1 hold, {len(BROKEN_RECORDS) + 2} with findings"
    every = CliRunner().invoke(cli, ["validate", str(folder), "-v"], catch_exceptions=False).output.splitlines()
    assert len([line for line in every if "/missing-fields.yaml: " in line]) == 4
