"""The manifest of an output folder: one JSON line per input, what happened to it.

``manifest.jsonl`` is written atomically at the end of a run, sorted by input
path. While a run goes on, every finished document is appended to a journal
(``.krat-journal.jsonl``) with a single ``write`` call, so a run killed with
``kill -9`` leaves only whole lines; the next run reads manifest and journal to
know what is already done, and removes the journal when it has written the
manifest.
"""
from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from .write import write_atomic

MANIFEST = "manifest.jsonl"
JOURNAL = ".krat-journal.jsonl"
FIELDS = ("path", "output", "status", "reason", "reader", "seconds", "meetings", "sha256",
          "fingerprint", "duplicate_of", "pipeline", "gazetteer")


def load(out_dir: Path) -> dict[str, dict[str, Any]]:
    """Previous entries by output path: the manifest, updated by the journal of an interrupted run."""
    entries: dict[str, dict[str, Any]] = {}
    for name in (MANIFEST, JOURNAL):
        path = out_dir / name
        if not path.exists():
            continue
        for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
            try:
                entry = json.loads(line)
            except json.JSONDecodeError:
                continue  # a line cut short by a crash is simply not trusted
            if isinstance(entry, dict) and entry.get("output"):
                entries[entry["output"]] = entry
    return entries


class Journal:
    """Append-only log of finished documents; each line goes out in one ``write``."""

    def __init__(self, out_dir: Path) -> None:
        out_dir.mkdir(parents=True, exist_ok=True)
        self.path = out_dir / JOURNAL
        # O_NOFOLLOW: a link planted in OUT must not have the journal appended elsewhere
        self.fd = os.open(self.path, os.O_WRONLY | os.O_CREAT | os.O_APPEND | os.O_NOFOLLOW, 0o644)

    def append(self, entry: dict[str, Any]) -> None:
        data = (json.dumps(entry, ensure_ascii=False, sort_keys=True) + "\n").encode("utf-8")
        while data:  # a short write (a full disk) must not leave half a line to glue the next one to
            data = data[os.write(self.fd, data):]

    def close(self, *, remove: bool) -> None:
        os.close(self.fd)
        if remove:
            self.path.unlink(missing_ok=True)


def write(out_dir: Path, entries: list[dict[str, Any]], *, tmp_dir: Path | None = None) -> Path:
    """Write the manifest atomically, one line per input, sorted by input path."""
    lines = [json.dumps({k: e.get(k) for k in FIELDS}, ensure_ascii=False)
             for e in sorted(entries, key=lambda e: (e["path"], e.get("output") or ""))]
    path = out_dir / MANIFEST
    write_atomic(path, "\n".join(lines) + ("\n" if lines else ""), tmp_dir=tmp_dir)
    return path
