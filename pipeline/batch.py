"""Batch extraction of one document: find the documents, extract one, write its record.

One bad file never stops the batch: its error becomes an outcome with a one-line
reason, and the run goes on. Inputs are walked in sorted order; the output tree
mirrors the input tree (``OUT/<path relative to the root>.yaml``). The run over
many documents (workers, manifest, incremental reruns) is ``pipeline.runner``.
"""
from __future__ import annotations

import hashlib
import logging
import re
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the extractor pulls in spaCy: import it only where documents are read
    from .read.limits import ReadLimits
    from .record import Extractor

log = logging.getLogger(__name__)

SUPPORTED = (".txt", ".html", ".htm", ".docx", ".pdf")
_NOT_WORD = re.compile(r"\W+")


@dataclass(frozen=True, slots=True)
class Job:
    """One input file: its path, its path relative to its input root, and its output path."""

    path: Path
    rel: str          # POSIX path relative to the input root
    out: Path


@dataclass(slots=True)
class Outcome:
    """What happened to one document (a line of the manifest)."""

    job: Job
    status: str                       # ok | unchanged | failed | no-text | duplicate
    reason: str | None = None
    meetings: int = 0
    reader: str | None = None
    seconds: float = 0.0
    sha256: str | None = None
    fingerprint: str | None = None    # of the extracted text: the same release in another file or format
    duplicate_of: str | None = None


def discover(inputs: list[Path], out_dir: Path) -> Iterator[Job]:
    """Every document under the inputs, roots in the order given, files sorted within each;
    explicit files are taken whatever their suffix. Output names are unique: inputs that
    share a stem keep their suffix (``a.txt.yaml``), and inputs of different roots that
    share a relative path go under their root's name."""
    out_resolved = out_dir.resolve()
    found: list[tuple[Path, str, Path]] = []  # (path, rel, root)
    for root in inputs:
        if root.is_file():
            found.append((root, root.name, root.parent))
            continue
        found.extend((p, p.relative_to(root).as_posix(), root) for p in sorted(root.rglob("*"))
                     if p.is_file() and p.suffix.lower() in SUPPORTED
                     and not any(part.startswith(".") for part in p.relative_to(root).parts)
                     and out_resolved not in p.resolve().parents)
    stems = Counter((root, rel.rsplit(".", 1)[0]) for _, rel, root in found)  # a.txt beside a.pdf
    names = [f"{rel}.yaml" if stems[(root, rel.rsplit('.', 1)[0])] > 1 else f"{rel.rsplit('.', 1)[0]}.yaml"
             for _, rel, root in found]
    taken = Counter(names)
    seen: set[str] = set()
    for (path, rel, root), name in zip(found, names, strict=True):
        if taken[name] > 1:  # the same relative path under two roots
            name = f"{root.resolve().name or 'root'}/{name}"
            while name in seen:
                name = f"_{name}"
        seen.add(name)
        yield Job(path, rel, out_dir / name)


def text_fingerprint(text: str) -> str | None:
    """A hash of the words of a text, blind to case, diacritics, spacing and punctuation."""
    from .normalize import fold
    words = _NOT_WORD.sub(" ", fold(text)).split()
    return hashlib.sha256(" ".join(words).encode("utf-8")).hexdigest() if words else None


def process(job: Job, extractor: "Extractor", *, tmp_dir: Path | None = None,
            limits: ReadLimits | None = None) -> Outcome:
    """Extract one document and write its record (temporary file in ``tmp_dir``); errors
    become a failed outcome. ``limits`` bound what reading the file may cost."""
    from .errors import InputError, PipelineError
    from .read import DEFAULT_LIMITS, read_bytes, read_file
    from .write import record_to_yaml, write_atomic

    limits = limits or DEFAULT_LIMITS
    started = time.perf_counter()
    sha = reader = None
    try:
        data = read_file(job.path, limits=limits, name=job.rel)
        sha = hashlib.sha256(data).hexdigest()
        raw = read_bytes(data, suffix=job.path.suffix, name=job.rel, limits=limits)
        del data  # the text is what counts from here on
        reader = raw.method
        record, text = extractor.extract(raw, path=job.rel, sha256=sha)
        write_atomic(job.out, record_to_yaml(record), tmp_dir=tmp_dir)
    except InputError as exc:
        return Outcome(job, "failed", exc.reason.splitlines()[0] if exc.reason else "unreadable",
                       reader=reader, sha256=sha, seconds=time.perf_counter() - started)
    except PipelineError as exc:
        reason = str(exc).removeprefix(f"{job.rel}: ").splitlines()[0]  # the file is named once, by the caller
        return Outcome(job, "failed", reason, reader=reader, sha256=sha, seconds=time.perf_counter() - started)
    except MemoryError:
        return Outcome(job, "failed", "out of memory", reader=reader, sha256=sha,
                       seconds=time.perf_counter() - started)
    except Exception as exc:  # a bug must not stop the batch; say what it was
        log.debug("internal error on %s", job.rel, exc_info=True)
        reason = f"internal error: {type(exc).__name__}: {exc}".splitlines()[0]
        return Outcome(job, "failed", reason, reader=reader, sha256=sha, seconds=time.perf_counter() - started)
    status = "ok" if raw.text.strip() else "no-text"
    reason = "; ".join(raw.warnings) if status == "no-text" else None
    return Outcome(job, status, reason, meetings=len(record.meetings), reader=reader,
                   seconds=time.perf_counter() - started, sha256=sha,
                   fingerprint=text_fingerprint(text))
