"""Hostile paths: links out of the tree, loops, the same file twice, names that are not
names, files that vanish; records never land outside OUT."""
from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from conftest import snapshot

from pipeline import runner
from pipeline.batch import LINK_OUTSIDE, MAX_NAME_BYTES, discover, safe_output_name

RELEASE = ("Korçë, 14.11.2019\n\nSot u zhvillua takimi i Komitetit Rajonal Antitrafik të Qarkut Korçë, "
           "nën drejtimin e Prefektit z. Arben Dosti. Morën pjesë ZVAP, DVP dhe World Vision.\n")
SECRET = "FJALEKALIMI-SEKRET-42"


def manifest(out: Path) -> dict[str, dict]:
    lines = (out / "manifest.jsonl").read_text(encoding="utf-8").splitlines()
    return {e["path"]: e for e in map(json.loads, lines)}


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    """in/ with a release, a link to it, a link out of the tree and a link loop; secret/ outside."""
    root = tmp_path / "in"
    (root / "sub").mkdir(parents=True)
    (root / "a.txt").write_text(RELEASE, encoding="utf-8")
    (tmp_path / "secret").mkdir()
    (tmp_path / "secret" / "passwd.txt").write_text(SECRET, encoding="utf-8")
    os.symlink(tmp_path / "secret" / "passwd.txt", root / "outside.txt")
    os.symlink("../a.txt", root / "sub" / "alias.txt")
    os.link(root / "a.txt", root / "sub" / "hard.txt")
    os.symlink("loop.txt", root / "loop.txt")
    os.symlink("..", root / "sub" / "up")  # a folder loop
    os.symlink(tmp_path / "secret", root / "elsewhere")  # a folder outside
    return root


def test_links_are_refused_or_read_once_and_loops_end(tree, tmp_path):
    jobs = {job.rel: job for job in discover([tree], tmp_path / "out")}
    assert sorted(jobs) == ["a.txt", "loop.txt", "outside.txt", "sub/alias.txt", "sub/hard.txt"]
    assert jobs["outside.txt"].refused == LINK_OUTSIDE
    assert jobs["loop.txt"].refused == "cannot read file (too many levels of symbolic links)"
    assert jobs["sub/alias.txt"].same_as == jobs["sub/hard.txt"].same_as == "a.txt"
    assert jobs["a.txt"].refused is None and jobs["a.txt"].same_as is None


def test_a_run_reads_nothing_outside_and_writes_nothing_outside(tree, tmp_path):
    out = tmp_path / "out"
    before = snapshot(tmp_path, skip=out)
    summary = runner.run([tree], out, jobs=1)
    assert snapshot(tmp_path, skip=out) == before
    entries = manifest(out)
    assert set(entries) == {"a.txt", "loop.txt", "outside.txt", "sub/alias.txt", "sub/hard.txt"}
    assert entries["outside.txt"]["status"] == "failed" and entries["outside.txt"]["reason"] == LINK_OUTSIDE
    assert entries["sub/alias.txt"]["status"] == "duplicate"
    assert entries["sub/alias.txt"]["reason"] == "same file as a.txt"
    assert [o.job.rel for o in summary.outcomes if o.status == "ok"] == ["a.txt"]  # read once
    records = sorted(p.relative_to(out).as_posix() for p in out.rglob("*.yaml"))
    assert records == ["a.yaml"]
    assert all(SECRET not in p.read_text(encoding="utf-8") for p in out.rglob("*") if p.is_file())
    again = {o.job.rel: o.status for o in runner.run([tree], out, jobs=1).outcomes}
    assert again == {"a.txt": "unchanged", "loop.txt": "failed", "outside.txt": "failed",
                     "sub/alias.txt": "duplicate", "sub/hard.txt": "duplicate"}


def test_the_same_path_twice_is_one_job(tree, tmp_path):
    jobs = list(discover([tree / "a.txt", tree / "a.txt", tree / "sub" / "alias.txt"], tmp_path / "out"))
    assert [(job.rel, job.same_as) for job in jobs] == [("a.txt", None), ("alias.txt", "a.txt")]


def test_a_link_named_on_the_command_line_is_followed(tree, tmp_path):
    [job] = discover([tree / "outside.txt"], tmp_path / "out")
    assert job.refused is None  # the user named it


@pytest.mark.parametrize("rel, safe", [
    ("a.txt", "a.txt"),
    ("new\nline.txt", "new_line.txt"),
    ("tab\there\r.txt", "tab_here_.txt"),
    ("../../etc/passwd", "_/_/etc/passwd"),
    ("/abs/path.txt", "_/abs/path.txt"),
    ("emër me hapësira.txt", "emër me hapësira.txt"),
    ("Kor\ufffd\ufffd.txt", "Kor__.txt"),
])
def test_output_names_are_made_safe(rel, safe):
    assert safe_output_name(rel) == safe


def test_long_names_are_cut_keeping_their_suffix():
    name = safe_output_name("ë" * 300 + ".docx")
    assert name.endswith(".docx") and len(name.encode("utf-8")) <= MAX_NAME_BYTES


def test_hostile_names_stay_inside_out_on_one_line(tmp_path):
    root = tmp_path / "in"
    root.mkdir()
    names = ["emër me hapësira.txt", "new\nline.txt", "Kor\udce7\udceb.txt", "x" * 250 + ".txt", "-rf.txt"]
    for number, name in enumerate(names):
        (root / name).write_text(RELEASE.replace("Arben", f"Arben{number}"), encoding="utf-8")
    out = tmp_path / "out"
    before = snapshot(tmp_path, skip=out)
    summary = runner.run([root], out, jobs=1)
    assert snapshot(tmp_path, skip=out) == before
    assert [o.status for o in summary.outcomes] == ["ok"] * 5
    written = [p.relative_to(out).as_posix() for p in out.rglob("*.yaml")]
    assert len(written) == 5
    assert all(not any(ch in name for ch in "\n\r\t\udce7\ufffd") for name in written)
    entries = manifest(out)
    assert "new\nline.txt" in entries and "Kor\ufffd\ufffd.txt" in entries  # the manifest keeps the real name


def test_a_link_planted_in_out_does_not_take_a_record_outside(tmp_path):
    root = tmp_path / "in"
    (root / "sub").mkdir(parents=True)
    (root / "sub" / "a.txt").write_text(RELEASE, encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    (tmp_path / "elsewhere").mkdir()
    os.symlink(tmp_path / "elsewhere", out / "sub")
    summary = runner.run([root], out, jobs=1)
    [outcome] = summary.outcomes
    assert outcome.status == "failed" and "is outside --out" in outcome.reason
    assert not list((tmp_path / "elsewhere").iterdir())


def test_a_file_that_vanishes_before_it_is_read_fails_alone(tmp_path, monkeypatch):
    root = tmp_path / "in"
    root.mkdir()
    for name in ("a.txt", "gone.txt"):
        (root / name).write_text(RELEASE.replace("Arben", name[0].upper()), encoding="utf-8")

    def discover_then_delete(inputs, out_dir):
        jobs = list(discover(inputs, out_dir))
        (root / "gone.txt").unlink()
        return iter(jobs)

    monkeypatch.setattr(runner, "discover", discover_then_delete)
    summary = runner.run([root], tmp_path / "out", jobs=1)
    assert [(o.job.rel, o.status, o.reason) for o in summary.outcomes] == [
        ("a.txt", "ok", None), ("gone.txt", "failed", "cannot read file (no such file or directory)")]


def test_a_fifo_in_the_tree_is_refused_and_the_run_does_not_wait(tmp_path):
    root = tmp_path / "in"
    root.mkdir()
    os.mkfifo(root / "pipe.txt")
    summary = runner.run([root], tmp_path / "out", jobs=1)
    assert [(o.status, o.reason) for o in summary.outcomes] == [("failed", "refused: not a regular file")]


def test_links_in_out_cannot_redirect_the_journal(tmp_path):
    root = tmp_path / "in"
    root.mkdir()
    (root / "a.txt").write_text(RELEASE, encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    target = tmp_path / "victim.txt"
    target.write_text("keep", encoding="utf-8")
    os.symlink(target, out / ".krat-journal.jsonl")
    with pytest.raises(OSError):
        runner.run([root], out, jobs=1)
    assert target.read_text(encoding="utf-8") == "keep"


def test_a_file_and_a_link_to_it_are_read_through_the_file(tmp_path):
    root = tmp_path / "in"
    root.mkdir()
    (root / "z.txt").write_text(RELEASE, encoding="utf-8")
    os.symlink("z.txt", root / "a-link.txt")
    jobs = list(discover([root], tmp_path / "out"))
    assert [(job.rel, job.same_as) for job in jobs] == [("a-link.txt", "z.txt"), ("z.txt", None)]


def test_a_link_in_place_of_the_staging_folder_is_not_followed(tmp_path):
    root = tmp_path / "in"
    root.mkdir()
    (root / "a.txt").write_text(RELEASE, encoding="utf-8")
    (tmp_path / "elsewhere").mkdir()
    os.symlink(tmp_path / "elsewhere", tmp_path / ".out.krat-tmp")  # where the run stages its files
    assert [o.status for o in runner.run([root], tmp_path / "out", jobs=1).outcomes] == ["ok"]
    assert not list((tmp_path / "elsewhere").iterdir()) and not (tmp_path / ".out.krat-tmp").exists()
