"""The CLI: every command and option, exit codes, broken files, byte-identical reruns."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from pipeline.cli import cli

ROOT = Path(__file__).resolve().parent.parent
RELEASE = ("Korçë, 14.11.2019\n\nSot u zhvillua takimi i Komitetit Rajonal Antitrafik të Qarkut Korçë, "
           "nën drejtimin e Prefektit z. Arben Dosti. Morën pjesë ZVAP, DVP dhe World Vision.\n")


@pytest.fixture
def inputs(tmp_path: Path) -> Path:
    root = tmp_path / "in"
    (root / "korce").mkdir(parents=True)
    (root / "korce" / "takimi.txt").write_text(RELEASE, encoding="utf-8")
    (root / "notes.md").write_text("not a document", encoding="utf-8")
    return root


def run(*args: str):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


@pytest.mark.parametrize("command", sorted(cli.commands))
def test_every_command_has_help_and_is_in_the_readme(command):
    result = run(command, "--help")
    assert result.exit_code == 0 and "Example:" in result.output
    assert f"krat {command}" in (ROOT / "README.md").read_text(encoding="utf-8")


def test_extract_mirrors_the_input_tree(inputs, tmp_path):
    out = tmp_path / "out"
    result = run("extract", str(inputs), "--out", str(out))
    assert result.exit_code == 0, result.output
    record = yaml.safe_load((out / "korce" / "takimi.yaml").read_text(encoding="utf-8"))
    assert record["source"]["path"] == "korce/takimi.txt"
    assert record["meetings"][0]["county"] == "Korçë"
    assert not (out / "notes.yaml").exists()
    assert "1 documents: 1 ok;" in result.output


def test_extract_is_byte_identical_on_rerun(inputs, tmp_path):
    run("extract", str(inputs), "--out", str(tmp_path / "a"))
    run("extract", str(inputs), "--out", str(tmp_path / "b"))
    a = (tmp_path / "a" / "korce" / "takimi.yaml").read_bytes()
    assert a == (tmp_path / "b" / "korce" / "takimi.yaml").read_bytes()


BROKEN = {
    "empty.txt": (b"", "empty file"),
    "binary.txt": (bytes(range(256)) * 8, "binary data"),
    "truncated.pdf": (b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog", "PDF"),
    "notzip.docx": (b"this is not a zip archive", "not a valid .docx"),
}


def test_broken_files_give_one_line_each_and_the_batch_goes_on(inputs, tmp_path):
    for name, (data, _) in BROKEN.items():
        (inputs / name).write_bytes(data)
    out = tmp_path / "out"
    result = run("extract", str(inputs), "--out", str(out))
    assert result.exit_code == 1
    text = result.output  # click >= 8.2 mixes stderr into output
    for name, (_, reason) in BROKEN.items():
        lines = [line for line in text.splitlines() if name in line]
        assert len(lines) == 1 and reason in lines[0], (name, lines)
    assert (out / "korce" / "takimi.yaml").exists()
    assert not list(out.rglob("*.tmp"))


def test_explicit_unsupported_file_is_an_error(tmp_path):
    f = tmp_path / "x.xyz"
    f.write_text("hello", encoding="utf-8")
    result = run("extract", str(f), "--out", str(tmp_path / "out"))
    assert result.exit_code == 1 and "unsupported format: .xyz" in result.output


def test_usage_error_exits_2(tmp_path):
    assert run("extract", str(tmp_path)).exit_code == 2


def test_verbose_and_quiet(inputs, tmp_path):
    verbose = run("extract", str(inputs), "-o", str(tmp_path / "v"), "--verbose")
    assert "ok: " in verbose.output
    quiet = run("extract", str(inputs), "-o", str(tmp_path / "q"), "--quiet")
    assert quiet.output == ""


def test_gazetteers_option(inputs, tmp_path):
    gz = tmp_path / "gz"
    shutil.copytree(ROOT / "gazetteers", gz)
    (gz / "titles.yaml").write_text("version: 1\nhonorifics: [\n", encoding="utf-8")
    result = run("extract", str(inputs), "-o", str(tmp_path / "o"), "--gazetteers", str(gz))
    assert result.exit_code == 1 and "titles.yaml" in result.output and "Traceback" not in result.output


def test_validate_passes_and_fails(inputs, tmp_path):
    out = tmp_path / "out"
    run("extract", str(inputs), "--out", str(out))
    assert run("validate", str(out)).exit_code == 0
    path = out / "korce" / "takimi.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["meetings"][0]["kind"] = "party"
    data["meetings"][0]["institutions"][0]["id"] = "zvap-korcee"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    result = run("validate", str(out))
    assert result.exit_code == 1
    [line] = [line for line in result.output.splitlines() if "takimi.yaml" in line]
    assert "$.meetings[0].kind" in line and line.endswith("(and 1 more; -v lists them)")
    result = run("validate", str(out), "-v")
    assert "$.meetings[0].kind" in result.output and "did you mean 'zvap-korce'" in result.output


def test_validate_expected_prints_a_field_diff(inputs, tmp_path):
    out, gold = tmp_path / "out", tmp_path / "gold"
    run("extract", str(inputs), "--out", str(out))
    shutil.copytree(out, gold)
    assert run("validate", str(out), "--expected", str(gold)).exit_code == 0
    path = gold / "korce" / "takimi.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["meetings"][0]["date"] = "2019-11-15"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    result = run("validate", str(out), "--expected", str(gold))
    assert result.exit_code == 1 and "$.meetings[0].date: expected '2019-11-15', got '2019-11-14'" in result.output


def test_jobs_force_timeout_and_memory_options(inputs, tmp_path):
    out = tmp_path / "out"
    first = run("extract", str(inputs), "-o", str(out), "--jobs", "2", "--timeout", "30", "--max-memory", "1024")
    assert first.exit_code == 0 and "1 ok" in first.output
    again = run("extract", str(inputs), "-o", str(out), "--jobs", "1")
    assert "1 unchanged" in again.output
    forced = run("extract", str(inputs), "-o", str(out), "--force")
    assert "1 ok" in forced.output
    manifest = (out / "manifest.jsonl").read_text(encoding="utf-8")
    assert '"status": "ok"' in manifest and '"path": "korce/takimi.txt"' in manifest


def test_bad_option_values_are_usage_errors(inputs, tmp_path):
    assert run("extract", str(inputs), "-o", str(tmp_path / "o"), "--jobs", "0").exit_code == 2
    assert run("extract", str(inputs), "-o", str(tmp_path / "o"), "--timeout", "-1").exit_code == 2


def test_limit_options_reach_the_workers_and_name_the_limit(inputs, tmp_path):
    out = tmp_path / "out"
    result = run("extract", str(inputs), "-o", str(out), "--max-file-size", "100", "--max-pages", "5")
    assert result.exit_code == 1
    assert "takimi.txt: refused: file size" in result.output and "exceeds --max-file-size 100 bytes" in result.output
    manifest = (out / "manifest.jsonl").read_text(encoding="utf-8")
    assert '"status": "failed"' in manifest and "--max-file-size 100 bytes" in manifest
    assert run("extract", str(inputs), "-o", str(out), "--max-file-size", "1MB").exit_code == 0


@pytest.mark.parametrize("option, value", [("--max-file-size", "big"), ("--max-unzipped-size", "-1MB"),
                                           ("--max-pages", "-1"), ("--max-zip-ratio", "x")])
def test_bad_limit_values_are_usage_errors(inputs, tmp_path, option, value):
    assert run("extract", str(inputs), "-o", str(tmp_path / "o"), option, value).exit_code == 2
