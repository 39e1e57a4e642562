#!/usr/bin/env python3
"""Fuzz the four readers for a while: broken input may only ever raise the project's InputErrors.

Seeds are the crafted files of ``tests/corpus/broken/`` and the documents of ``samples/``.
Each input is a seed mutated a few times: bytes flipped, inserted, deleted, cut, spliced
with another seed, or tokens of its format dropped in (``/FlateDecode``, ``<!DOCTYPE``,
deep tags, BOMs …); a .docx is also mutated *inside* its document part and zipped again,
so the fuzzing reaches python-docx and not only the zip check. Inputs run in a forked
worker with a memory limit and a time limit per input, so a hang, a crash of pdfium or a
memory blow-up is caught like an exception.

A finding is any exception that is not an InputError, an InputError message that is not
one line naming the file, a RawDocument whose text and blocks disagree, a hang or a dead
worker. Each is saved to ``--crashes`` (input and a .txt with what happened). Exit 1 on
any finding.

Usage:  .venv/bin/python scripts/fuzz.py --minutes 10 [--seed 1] [--formats pdf,docx]
"""
from __future__ import annotations

import argparse
import hashlib
import io
import logging
import multiprocessing
import os
import random
import resource
import sys
import time
import traceback
import zipfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pipeline.errors import InputError  # imported once sys.path holds the project
from pipeline.read import read_bytes

FORMATS = (".txt", ".html", ".docx", ".pdf")
SEED_FOLDERS = (ROOT / "tests" / "corpus" / "broken", ROOT / "samples")
TOKENS: dict[str, tuple[bytes, ...]] = {
    ".txt": (b"\x00", b"\xef\xbb\xbf", b"\xff\xfe", b"\r\n", b"\xc3", b"\xe2\x80", b"\x1a", "ë".encode(),
             "Ã«".encode(), b"\n\n", b"\t" * 50, b"-\n"),
    ".html": (b"<div>" * 300, b"</div>", b"<!--", b"<script>", b"<![CDATA[", b"&#0;", b"&#x110000;",
              b'<meta charset="utf-16">', b'<meta charset="bogus">', b"<table><tr><td>", b"<br>" * 50,
              b'<script type="application/ld+json">{"datePublished": [', b"\x00"),
    ".docx": (b'<!DOCTYPE x [<!ENTITY e "e">]>', b"&e;", b"<w:p>", b"</w:p>", b"<w:tbl><w:tr><w:tc>",
              b"<w:txbxContent>", b"<mc:Fallback>", b"\x00", b"<w:sdt><w:sdtContent>", b"]]>"),
    ".pdf": (b"stream\n", b"endstream", b"/FlateDecode", b"<<", b">>", b"obj", b"endobj", b"R", b"9999999999",
             b"-1", b"/Kids [2 0 R]", b"/Count 999999", b"xref", b"%%EOF", b"/Encrypt", b"BT (x) Tj ET"),
}
DOCUMENT_PART = "word/document.xml"
MAX_MUTATIONS = 6


# --- inputs --------------------------------------------------------------------------------

def load_seeds(formats: tuple[str, ...]) -> dict[str, list[bytes]]:
    """Seed files by format, from the broken corpus and the samples (small files only)."""
    seeds: dict[str, list[bytes]] = {fmt: [] for fmt in formats}
    for folder in SEED_FOLDERS:
        for path in sorted(folder.glob("*")):
            suffix = ".html" if path.suffix.lower() == ".htm" else path.suffix.lower()
            if suffix in seeds and path.is_file() and path.stat().st_size < 1_000_000:
                seeds[suffix].append(path.read_bytes())
    for fmt, found in seeds.items():
        if not found:
            raise SystemExit(f"no seed files for {fmt} in {', '.join(map(str, SEED_FOLDERS))}")
    return seeds


def mutate(data: bytes, fmt: str, seeds: list[bytes], rng: random.Random) -> bytes:
    """A few random mutations of ``data`` (for a .docx, half the time inside its document part)."""
    if fmt == ".docx" and rng.random() < 0.5:
        inner = _rezip(data, lambda xml: _mutate_bytes(xml, fmt, seeds, rng))
        if inner is not None:
            return inner
    return _mutate_bytes(data, fmt, seeds, rng)


def _mutate_bytes(data: bytes, fmt: str, seeds: list[bytes], rng: random.Random) -> bytes:
    out = bytearray(data)
    for _ in range(rng.randint(1, MAX_MUTATIONS)):
        where = rng.randint(0, len(out))
        kind = rng.choice(("flip", "insert", "delete", "cut", "splice", "token", "repeat"))
        if kind == "flip" and out:
            out[min(where, len(out) - 1)] = rng.randint(0, 255)
        elif kind == "insert":
            out[where:where] = bytes(rng.randint(0, 255) for _ in range(rng.randint(1, 16)))
        elif kind == "delete":
            del out[where:where + rng.randint(1, 256)]
        elif kind == "cut":
            del out[where:]
        elif kind == "splice":
            other = rng.choice(seeds)
            start = rng.randint(0, len(other))
            out[where:where] = other[start:start + rng.randint(1, 4096)]
        elif kind == "token":
            out[where:where] = rng.choice(TOKENS[fmt])
        elif kind == "repeat" and out:
            piece = out[where:where + rng.randint(1, 64)]
            out[where:where] = piece * rng.randint(2, 200)
    return bytes(out)


def _rezip(package: bytes, change) -> bytes | None:
    """The .docx with its document part changed and every member zipped again (valid CRCs)."""
    try:
        with zipfile.ZipFile(io.BytesIO(package)) as archive:
            members = {info.filename: archive.read(info) for info in archive.infolist()
                       if info.file_size < 5_000_000}
    except Exception:  # noqa: BLE001 - a seed that is not a zip cannot be rezipped
        return None
    if DOCUMENT_PART not in members:
        return None
    members[DOCUMENT_PART] = change(members[DOCUMENT_PART])
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


# --- the worker ----------------------------------------------------------------------------

def check(data: bytes, fmt: str) -> str | None:
    """None when the reader behaved; else what went wrong (a finding)."""
    name = f"fuzz{fmt}"
    try:
        doc = read_bytes(data, suffix=fmt, name=name)
    except InputError as exc:
        message = str(exc)
        if "\n" in message or name not in message:
            return f"InputError message is not one line naming the file: {message!r}"
        return None
    except Exception:  # noqa: BLE001 - exactly what the fuzzer looks for
        return traceback.format_exc()
    joined = "\n\n".join(doc.text[block.start:block.end] for block in doc.blocks)
    if joined != doc.text:
        return "RawDocument text is not its blocks joined"
    return None


def _worker(conn, memory_mb: int) -> None:
    """Read inputs from the pipe until told to stop; answer each with check()'s verdict."""
    if memory_mb:
        with open("/proc/self/statm") as fh:
            current = int(fh.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
        limit = current + memory_mb * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    while True:
        item = conn.recv()
        if item is None:
            return
        try:
            conn.send(check(*item))
        except MemoryError:
            conn.send(f"MemoryError over the {memory_mb} MB limit")


class Worker:
    """A forked worker that is replaced when it hangs or dies."""

    def __init__(self, memory_mb: int) -> None:
        self.memory_mb = memory_mb
        self.context = multiprocessing.get_context("fork")
        self._start()

    def _start(self) -> None:
        self.conn, child = self.context.Pipe()
        self.process = self.context.Process(target=_worker, args=(child, self.memory_mb), daemon=True)
        self.process.start()
        child.close()

    def run(self, data: bytes, fmt: str, timeout: float) -> str | None:
        """check() in the worker; a hang or a death is a finding too."""
        self.conn.send((data, fmt))
        if self.conn.poll(timeout):
            try:
                return self.conn.recv()
            except EOFError:
                pass
        self.process.kill()
        self.process.join()
        code = self.process.exitcode
        self.conn.close()
        self._start()
        return f"worker died (exit code {code})" if code not in (None, -9) else f"hang: over {timeout:g} s"

    def close(self) -> None:
        try:
            self.conn.send(None)
        except OSError:
            pass
        self.process.join(5)
        if self.process.is_alive():
            self.process.kill()


# --- the run -------------------------------------------------------------------------------

def fuzz(seconds: float, *, seed: int, formats: tuple[str, ...], crashes: Path, timeout: float,
         memory_mb: int, quiet: bool = False) -> Counter:
    """Fuzz for ``seconds``; return counts of runs and findings per format."""
    logging.getLogger("pdfminer").setLevel(logging.ERROR)  # it warns about every flaw it meets
    rng = random.Random(seed)
    seeds = load_seeds(formats)
    counts: Counter = Counter()
    worker = Worker(memory_mb)
    started = last = time.monotonic()
    try:
        while time.monotonic() - started < seconds:
            fmt = formats[counts["runs"] % len(formats)]
            data = mutate(rng.choice(seeds[fmt]), fmt, seeds[fmt], rng)
            finding = worker.run(data, fmt, timeout)
            counts["runs"] += 1
            counts[f"runs{fmt}"] += 1
            if finding:
                counts["findings"] += 1
                _save(crashes, data, fmt, finding)
            if not quiet and time.monotonic() - last >= 30:
                last = time.monotonic()
                print(f"{last - started:6.0f} s: {counts['runs']} inputs, {counts['findings']} findings", flush=True)
    finally:
        worker.close()
    return counts


def _save(crashes: Path, data: bytes, fmt: str, finding: str) -> None:
    crashes.mkdir(parents=True, exist_ok=True)
    stem = hashlib.sha1(data).hexdigest()[:16]
    (crashes / f"{stem}{fmt}").write_bytes(data)
    (crashes / f"{stem}{fmt}.txt").write_text(finding, encoding="utf-8")
    print(f"FINDING {stem}{fmt}: {finding.strip().splitlines()[-1]}", flush=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--minutes", type=float, default=10.0, help="how long to fuzz (default 10)")
    parser.add_argument("--seconds", type=float, default=None, help="how long, in seconds (overrides --minutes)")
    parser.add_argument("--seed", type=int, default=1, help="random seed (a run is reproducible)")
    parser.add_argument("--formats", default="txt,html,docx,pdf", help="comma-separated (default: all four)")
    parser.add_argument("--crashes", type=Path, default=Path("fuzz-crashes"), help="where findings are saved")
    parser.add_argument("--timeout", type=float, default=20.0, help="seconds an input may take (default 20)")
    parser.add_argument("--max-memory", type=int, default=1024, help="MB a worker may add (default 1024)")
    args = parser.parse_args(argv)
    formats = tuple("." + f.strip().lstrip(".") for f in args.formats.split(","))
    if unknown := [f for f in formats if f not in FORMATS]:
        parser.error(f"unknown format {unknown[0]}")
    seconds = args.seconds if args.seconds is not None else args.minutes * 60
    started = time.monotonic()
    counts = fuzz(seconds, seed=args.seed, formats=formats, crashes=args.crashes, timeout=args.timeout,
                  memory_mb=args.max_memory)
    elapsed = time.monotonic() - started
    per_format = ", ".join(f"{fmt[1:]} {counts[f'runs{fmt}']}" for fmt in formats)
    print(f"{counts['runs']} inputs in {elapsed:.0f} s ({per_format}); {counts['findings']} findings"
          + (f", saved in {args.crashes}/" if counts["findings"] else ""))
    return 1 if counts["findings"] else 0


if __name__ == "__main__":
    sys.exit(main())
