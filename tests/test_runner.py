"""The archive run: workers, manifest, incremental reruns, duplicates, isolation, crash safety."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
import yaml

from pipeline import runner
from pipeline.record import Extractor

ROOT = Path(__file__).resolve().parent.parent
RELEASE = ("Korçë, 14.11.2019\n\nSot u zhvillua takimi i Komitetit Rajonal Antitrafik të Qarkut Korçë, "
           "nën drejtimin e Prefektit z. Arben Dosti. Morën pjesë ZVAP, DVP dhe World Vision.\n")


def write_inputs(root: Path, n: int) -> None:
    root.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        text = RELEASE.replace("14.11.2019", f"{1 + i % 28:02d}.11.2019").replace("Arben", f"Arben{i}")
        (root / f"doc{i:03d}.txt").write_text(text, encoding="utf-8")


def manifest(out: Path) -> dict[str, dict]:
    lines = (out / "manifest.jsonl").read_text(encoding="utf-8").splitlines()
    return {e["path"]: e for e in map(json.loads, lines)}


def test_parallel_run_writes_every_record_and_the_manifest(tmp_path):
    write_inputs(tmp_path / "in", 6)
    (tmp_path / "in" / "broken.pdf").write_bytes(b"%PDF-1.4 truncated")
    summary = runner.run([tmp_path / "in"], tmp_path / "out", jobs=2)
    entries = manifest(tmp_path / "out")
    assert len(entries) == 7 and len(summary.failed) == 1
    assert entries["broken.pdf"]["status"] == "failed" and "PDF" in entries["broken.pdf"]["reason"]
    assert all(entries[f"doc{i:03d}.txt"]["status"] == "ok" for i in range(6))
    assert entries["doc000.txt"]["reader"] == "txt:utf-8" and entries["doc000.txt"]["seconds"] > 0
    assert len(list((tmp_path / "out").glob("doc*.yaml"))) == 6
    assert not (tmp_path / "out" / ".krat-journal.jsonl").exists()


def test_unchanged_documents_are_skipped_and_changed_ones_redone(tmp_path):
    write_inputs(tmp_path / "in", 3)
    runner.run([tmp_path / "in"], tmp_path / "out", jobs=1)
    (tmp_path / "in" / "doc001.txt").write_text(RELEASE.replace("Korçë", "Berat"), encoding="utf-8")
    summary = runner.run([tmp_path / "in"], tmp_path / "out", jobs=1)
    assert [o.status for o in summary.outcomes] == ["unchanged", "ok", "unchanged"]
    record = yaml.safe_load((tmp_path / "out" / "doc001.yaml").read_text(encoding="utf-8"))
    assert record["meetings"][0]["county"] == "Berat"
    forced = runner.run([tmp_path / "in"], tmp_path / "out", jobs=1, force=True)
    assert [o.status for o in forced.outcomes] == ["ok", "ok", "ok"]


def test_a_changed_gazetteer_redoes_everything(tmp_path):
    import shutil
    write_inputs(tmp_path / "in", 2)
    gz = tmp_path / "gz"
    shutil.copytree(ROOT / "gazetteers", gz)
    runner.run([tmp_path / "in"], tmp_path / "out", jobs=1, gazetteer_dir=str(gz))
    with open(gz / "titles.yaml", "a", encoding="utf-8") as fh:
        fh.write("\n# a comment changes the version\n")
    summary = runner.run([tmp_path / "in"], tmp_path / "out", jobs=1, gazetteer_dir=str(gz))
    assert [o.status for o in summary.outcomes] == ["ok", "ok"]


def test_same_release_in_two_formats_is_a_duplicate(tmp_path):
    root = tmp_path / "in"
    root.mkdir()
    (root / "a.txt").write_text(RELEASE, encoding="utf-8")
    html = "<html><body><article>" + "".join(f"<p>{p}</p>" for p in RELEASE.split("\n\n")) + "</article></body></html>"
    (root / "b.html").write_text(html, encoding="utf-8")
    summary = runner.run([root], tmp_path / "out", jobs=1)
    assert [o.status for o in summary.outcomes] == ["ok", "duplicate"]
    record = yaml.safe_load((tmp_path / "out" / "b.yaml").read_text(encoding="utf-8"))
    assert record["source"]["duplicate_of"] == "a.txt"
    assert manifest(tmp_path / "out")["b.html"]["duplicate_of"] == "a.txt"


class _Misbehaving:
    """Wraps the real extractor; hangs, crashes or eats memory on chosen documents."""

    def __init__(self, real):
        self.real = real

    def extract(self, raw, *, path, sha256):
        if "hang" in path:
            time.sleep(60)
        if "crash" in path:
            os.kill(os.getpid(), signal.SIGKILL)
        if "hog" in path:
            hog = bytearray(4 * 1024 ** 3)  # over the worker's limit
            del hog
        return self.real.extract(raw, path=path, sha256=sha256)

    def __getattr__(self, name):
        return getattr(self.real, name)


def test_a_hung_crashed_or_greedy_document_fails_and_the_run_goes_on(tmp_path, monkeypatch):
    root = tmp_path / "in"
    write_inputs(root, 3)
    for name in ("hang.txt", "crash.txt", "hog.txt"):
        (root / name).write_text(RELEASE, encoding="utf-8")
    real = Extractor.create()
    monkeypatch.setattr(Extractor, "create", classmethod(lambda cls, d=None: _Misbehaving(real)))
    summary = runner.run([root], tmp_path / "out", jobs=2, timeout=3, memory_mb=512)
    status = {o.job.rel: (o.status, o.reason or "") for o in summary.outcomes}
    assert status["hang.txt"] == ("failed", "timed out after 3 s")
    assert status["crash.txt"][0] == "failed" and "worker died" in status["crash.txt"][1]
    assert status["hog.txt"][0] == "failed" and "memory" in status["hog.txt"][1]
    assert all(status[f"doc{i:03d}.txt"][0] == "ok" for i in range(3))


def test_kill_9_leaves_no_half_written_file_and_a_rerun_completes_identically(tmp_path):
    write_inputs(tmp_path / "in", 40)
    cmd = [sys.executable, "-m", "pipeline", "extract", str(tmp_path / "in"), "--jobs", "2", "-q"]
    subprocess.run(cmd + ["--out", str(tmp_path / "clean")], check=True)
    proc = subprocess.Popen(cmd + ["--out", str(tmp_path / "killed")])
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and len(list((tmp_path / "killed").glob("*.yaml"))) < 5:
        time.sleep(0.05)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    killed = tmp_path / "killed"
    assert not list(killed.rglob("*.tmp")) and not list(killed.rglob(".*.tmp"))
    for path in killed.glob("*.yaml"):
        yaml.safe_load(path.read_text(encoding="utf-8"))  # every record is whole
    subprocess.run(cmd + ["--out", str(killed)], check=True)
    clean = sorted(p.name for p in (tmp_path / "clean").glob("*.yaml"))
    assert clean == sorted(p.name for p in killed.glob("*.yaml"))
    for name in clean:
        assert (tmp_path / "clean" / name).read_bytes() == (killed / name).read_bytes()
    assert not (killed / ".krat-journal.jsonl").exists()


def test_outputs_never_collide(tmp_path):
    from pipeline.batch import discover
    for root in ("2019", "2020"):
        write_inputs(tmp_path / root, 1)
    (tmp_path / "x").mkdir()
    (tmp_path / "x" / "a.txt").write_text(RELEASE, encoding="utf-8")
    (tmp_path / "x" / "a.pdf").write_bytes(b"%PDF-1.4")
    jobs = list(discover([tmp_path / "2019", tmp_path / "2020", tmp_path / "x" / "a.txt",
                          tmp_path / "x" / "a.pdf"], tmp_path / "out"))
    names = [j.out.relative_to(tmp_path / "out").as_posix() for j in jobs]
    assert len(set(names)) == len(names)
    assert names == ["2019/doc000.yaml", "2020/doc000.yaml", "a.txt.yaml", "a.pdf.yaml"]


def test_a_second_run_on_the_same_folder_is_refused(tmp_path):
    import fcntl

    from pipeline.errors import PipelineError
    write_inputs(tmp_path / "in", 1)
    (tmp_path / "out").mkdir()
    fd = os.open(tmp_path / "out" / ".krat-lock", os.O_WRONLY | os.O_CREAT)
    fcntl.flock(fd, fcntl.LOCK_EX)
    try:
        with pytest.raises(PipelineError, match="another krat run"):
            runner.run([tmp_path / "in"], tmp_path / "out", jobs=1)
    finally:
        os.close(fd)


def test_no_text_pdf_keeps_its_reason_when_unchanged(tmp_path):
    from fpdf import FPDF
    root = tmp_path / "in"
    root.mkdir()
    pdf = FPDF()
    pdf.add_page()
    pdf.output(str(root / "scan.pdf"))
    first = runner.run([root], tmp_path / "out", jobs=1)
    assert first.outcomes[0].status == "no-text" and "no text layer" in first.outcomes[0].reason
    again = runner.run([root], tmp_path / "out", jobs=1)
    assert again.outcomes[0].status == "unchanged" and "no text layer" in again.outcomes[0].reason


def test_an_edited_record_does_not_stop_the_duplicate_pass(tmp_path):
    root = tmp_path / "in"
    root.mkdir()
    (root / "a.txt").write_text(RELEASE, encoding="utf-8")
    runner.run([root], tmp_path / "out", jobs=1)
    (root / "b.txt").write_text(RELEASE, encoding="utf-8")
    (tmp_path / "out" / "b.yaml").write_text("not: [a record", encoding="utf-8")
    summary = runner.run([root], tmp_path / "out", jobs=1)
    assert [o.status for o in summary.outcomes] == ["unchanged", "duplicate"]
