"""Batch extraction: find the documents, extract each one, write its record.

One bad file never stops the batch: its error becomes one line naming the file
and the reason, and the run goes on. Inputs are walked in sorted order; the
output tree mirrors the input tree (``OUT/<path relative to the root>.yaml``).
"""
from __future__ import annotations

import hashlib
import logging
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from .errors import InputError, PipelineError
from .read import read_bytes
from .record import Extractor
from .write import record_to_yaml, write_atomic

log = logging.getLogger(__name__)

SUPPORTED = (".txt", ".html", ".htm", ".docx", ".pdf")


@dataclass(frozen=True, slots=True)
class Job:
    """One input file: its path, the root it was found under, and its output path."""

    path: Path
    rel: str          # POSIX path relative to the input root
    out: Path


@dataclass(slots=True)
class Outcome:
    job: Job
    status: str                  # ok | failed
    reason: str | None = None
    meetings: int = 0


@dataclass(slots=True)
class Summary:
    outcomes: list[Outcome] = field(default_factory=list)

    @property
    def failed(self) -> list[Outcome]:
        return [o for o in self.outcomes if o.status == "failed"]

    def line(self) -> str:
        ok = len(self.outcomes) - len(self.failed)
        meetings = sum(o.meetings for o in self.outcomes)
        return (f"{len(self.outcomes)} documents: {ok} ok, {len(self.failed)} failed; "
                f"{meetings} meetings")


def discover(inputs: list[Path], out_dir: Path) -> Iterator[Job]:
    """Every document under the inputs, sorted; explicit files are taken whatever their suffix."""
    for root in inputs:
        if root.is_file():
            files = [(root, root.name)]
        else:
            files = [(p, p.relative_to(root).as_posix()) for p in sorted(root.rglob("*"))
                     if p.is_file() and p.suffix.lower() in SUPPORTED
                     and not any(part.startswith(".") for part in p.relative_to(root).parts)
                     and out_dir.resolve() not in p.resolve().parents]
        stems: dict[str, int] = {}
        for _, rel in files:
            key = rel.rsplit(".", 1)[0]
            stems[key] = stems.get(key, 0) + 1
        for path, rel in files:
            key = rel.rsplit(".", 1)[0]
            name = f"{rel}.yaml" if stems[key] > 1 else f"{key}.yaml"
            yield Job(path, rel, out_dir / name)


def process(job: Job, extractor: Extractor) -> Outcome:
    """Extract one document and write its record; errors become a failed outcome."""
    try:
        data = job.path.read_bytes()
    except OSError as exc:
        return Outcome(job, "failed", f"cannot read file ({exc.strerror or exc})")
    sha = hashlib.sha256(data).hexdigest()
    try:
        raw = read_bytes(data, suffix=job.path.suffix, name=job.rel)
        record = extractor(raw, path=job.rel, sha256=sha)
        text = record_to_yaml(record)
        write_atomic(job.out, text)
    except InputError as exc:
        return Outcome(job, "failed", exc.reason)
    except PipelineError as exc:
        return Outcome(job, "failed", str(exc))
    except Exception as exc:  # a bug must not stop the batch; say what it was
        log.debug("internal error on %s", job.rel, exc_info=True)
        return Outcome(job, "failed", f"internal error: {type(exc).__name__}: {exc}".splitlines()[0])
    return Outcome(job, "ok", meetings=len(record.meetings))
