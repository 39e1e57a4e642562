"""A run over tests/corpus/broken/: one manifest line per file with the status and reason that
expected.yaml states, nothing written outside --out, nothing read through a link out of the tree."""
from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner
from conftest import ROOT, load_script, snapshot

from pipeline.batch import printable
from pipeline.cli import cli

CORPUS = ROOT / "tests" / "corpus" / "broken"
broken = load_script("make_broken")
SECRET = "FJALEKALIMI-SEKRET-42"


def expected() -> dict[str, dict]:
    return yaml.safe_load((CORPUS / "expected.yaml").read_text(encoding="utf-8"))


def test_the_committed_corpus_is_what_the_script_writes():
    assert (CORPUS / "expected.yaml").read_text(encoding="utf-8") == broken.expected_yaml()
    committed = {path.name for path in CORPUS.iterdir()} - {"expected.yaml"}
    assert committed == {name for name, case in expected().items() if not case["runtime"]}


@pytest.fixture
def corpus(tmp_path: Path, monkeypatch) -> Path:
    """The corpus with its runtime cases, in tmp_path/in; the link target is tmp_path/secret.txt."""
    folder = tmp_path / "in"
    shutil.copytree(CORPUS, folder, ignore=shutil.ignore_patterns("expected.yaml"))
    (tmp_path / "secret.txt").write_text(SECRET, encoding="utf-8")
    broken.add_runtime_cases(folder, tmp_path / "secret.txt")
    if os.geteuid() == 0:  # root reads a chmod 000 file: make the open fail as it would for anyone else
        real_open, unreadable = os.open, folder / "unreadable.txt"

        def denied(path, flags, *args, **kwargs):
            if Path(path) == unreadable:
                raise PermissionError(13, "Permission denied", str(path))
            return real_open(path, flags, *args, **kwargs)
        monkeypatch.setattr(os, "open", denied)  # forked workers inherit it
    yield folder
    (folder / "unreadable.txt").chmod(0o644)


def test_a_run_over_the_broken_corpus(corpus, tmp_path):
    out = tmp_path / "out"
    before = snapshot(tmp_path, skip=out)
    result = CliRunner().invoke(cli, ["extract", str(corpus), "-o", str(out), "--jobs", "2"],
                                catch_exceptions=False)
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert snapshot(tmp_path, skip=out) == before  # nothing written (or left) outside --out
    lines = (out / "manifest.jsonl").read_text(encoding="utf-8").splitlines()
    entries = {entry["path"]: entry for entry in map(json.loads, lines)}
    wanted = {printable(name): case for name, case in expected().items()}
    assert len(lines) == len(entries) == len(wanted) and set(entries) == set(wanted)
    for path, case in wanted.items():
        entry = entries[path]
        assert entry["status"] == case["status"], (path, entry["reason"])
        assert case["message"] is None or case["message"] in entry["reason"], (path, entry["reason"])
    written = {p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file()}
    records = {name for name in written if name.endswith(".yaml")}
    assert written - records == {"manifest.jsonl", ".krat-lock"}
    assert len(records) == sum(case["status"] == "ok" for case in wanted.values())
    assert all("\n" not in name and "\ufffd" not in name for name in written)
    assert all(SECRET not in (out / name).read_text(encoding="utf-8") for name in written)
    errors = [line for line in result.output.splitlines() if line.startswith("error: ")]
    assert len(errors) == sum(case["status"] == "failed" for case in wanted.values())
