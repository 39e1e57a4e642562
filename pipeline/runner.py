"""The archive run: many documents, parallel workers, incremental and resumable.

- Workers are forked processes that share the spaCy pipeline and gazetteer
  matchers built once in the parent; each writes the records of its documents
  as they finish.
- A document whose content hash, pipeline version and gazetteer version are
  those of the manifest is skipped (``unchanged``); ``force`` redoes all.
- Each document has a time limit and each worker a memory limit; a document
  that hangs or kills its worker is recorded as failed, the worker is replaced
  and the run goes on.
- Records are written atomically, finished documents are journaled line by line
  (see ``pipeline.manifest``), so after ``kill -9`` a rerun completes the job
  with the same records as an uninterrupted run.
- The same release saved twice (same words in another file or format) is marked
  as a duplicate of the first, in sorted order, in the manifest and its record.
"""
from __future__ import annotations

import fcntl
import hashlib
import logging
import multiprocessing
import os
import resource
import shutil
import signal
import time
from collections import Counter, deque
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, wait
from pathlib import Path
from typing import Any

from . import manifest as mf
from . import pipeline_version
from .batch import Job, Outcome, discover, printable, process
from .errors import PipelineError
from .gazetteer import gazetteer_version
from .read.limits import ReadLimits
from .write import staging_dir

log = logging.getLogger(__name__)

DEFAULT_TIMEOUT = 60.0
DEFAULT_MEMORY_MB = 2048
PR_SET_PDEATHSIG = 1
LOCK = ".krat-lock"


class RunError(PipelineError):
    """The run cannot start (the output folder is busy)."""
OK_STATUSES = frozenset({"ok", "unchanged", "no-text", "duplicate"})


@dataclass(slots=True)
class RunSummary:
    outcomes: list[Outcome] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def failed(self) -> list[Outcome]:
        return [o for o in self.outcomes if o.status == "failed"]

    def line(self) -> str:
        counts = Counter(o.status for o in self.outcomes)
        parts = [f"{counts[s]} {s}" for s in ("ok", "unchanged", "duplicate", "no-text", "failed") if counts[s]]
        meetings = sum(o.meetings for o in self.outcomes)
        rate = len(self.outcomes) / self.seconds if self.seconds else 0.0
        return (f"{len(self.outcomes)} documents: {', '.join(parts) or 'none'}; {meetings} meetings; "
                f"{self.seconds:.1f} s ({rate:.1f} documents/s)")


# -- the worker pool ------------------------------------------------------------------
_EXTRACTOR = None  # built in the parent before forking, so workers share it


def _worker_main(conn: Connection, memory_mb: int, tmp_dir: Path | None, inherited: list[int],
                 parent: int, limits: ReadLimits | None = None) -> None:
    """A worker: die with its parent, close what it inherited, set its memory limit, then
    extract documents until told to stop."""
    _die_with_parent(parent)
    for fd in inherited:  # the other workers' pipes and the journal: not this worker's business
        try:
            os.close(fd)
        except OSError:
            pass
    _limit_memory(memory_mb)
    while True:
        try:
            job = conn.recv()
        except EOFError:
            return
        if job is None:
            return
        conn.send(process(job, _EXTRACTOR, tmp_dir=tmp_dir, limits=limits))


def _die_with_parent(parent: int) -> None:
    """Ask Linux to kill this worker when the run that forked it dies (kill -9 included)."""
    try:
        import ctypes
        libc = ctypes.CDLL("libc.so.6", use_errno=True)
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
        if os.getppid() != parent:  # the parent died before the call
            os._exit(1)
    except (OSError, AttributeError):  # not Linux: orphans finish their document and exit on EOF
        pass


def _limit_memory(memory_mb: int) -> None:
    """Cap the worker's address space at what it has now plus ``memory_mb``."""
    if memory_mb <= 0:
        return
    try:
        with open("/proc/self/statm") as fh:
            current = int(fh.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
        limit = current + memory_mb * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    except (OSError, ValueError):  # not Linux: no limit rather than no run
        pass


@dataclass(slots=True)
class _Worker:
    process: multiprocessing.process.BaseProcess
    conn: Connection
    job: Job | None = None
    started: float = 0.0


class WorkerPool:
    """Forked workers with a per-document time limit; hung or dead workers are replaced."""

    def __init__(self, size: int, *, timeout: float, memory_mb: int, tmp_dir: Path | None = None,
                 inherited: tuple[int, ...] = (), limits: ReadLimits | None = None) -> None:
        self.size = max(1, size)
        self.limits = limits
        self.tmp_dir = tmp_dir
        self.inherited = inherited  # descriptors of the parent that workers must close
        self.timeout = timeout
        self.memory_mb = memory_mb
        self.context = multiprocessing.get_context("fork")
        self.workers: list[_Worker] = []

    def _spawn(self) -> _Worker:
        parent, child = self.context.Pipe()
        others = [w.conn.fileno() for w in self.workers if not w.conn.closed]
        proc = self.context.Process(target=_worker_main, daemon=True,
                                    args=(child, self.memory_mb, self.tmp_dir,
                                          [*self.inherited, *others, parent.fileno()], os.getpid(),
                                          self.limits))
        proc.start()
        child.close()
        return _Worker(proc, parent)

    def run(self, jobs: list[Job]) -> Iterator[Outcome]:
        """Outcomes of ``jobs`` in the order they finish."""
        queue = deque(jobs)
        self.workers = []
        for _ in range(min(self.size, len(jobs))):
            self.workers.append(self._spawn())
        try:
            while queue or any(w.job for w in self.workers):
                if not self.workers:  # no worker could be started: the rest cannot be done
                    while queue:
                        yield Outcome(queue.popleft(), "failed", "no worker could be started")
                    return
                for w in list(self.workers):
                    if w.job is None and queue:
                        job = queue.popleft()
                        try:
                            w.conn.send(job)
                        except OSError:  # it died between two documents: replace it, retry the job
                            queue.appendleft(job)
                            self._replace(w)
                            continue
                        w.job, w.started = job, time.monotonic()
                busy = [w for w in self.workers if w.job]
                if not busy:
                    continue
                deadline = min(w.started for w in busy) + self.timeout
                ready = wait([w.conn for w in busy] + [w.process.sentinel for w in busy],
                             timeout=max(0.0, deadline - time.monotonic()))
                for w in busy:
                    outcome = self._collect(w, ready)
                    if outcome is not None:
                        yield outcome
        finally:
            self.close()

    def _collect(self, w: _Worker, ready: list[Any]) -> Outcome | None:
        """The outcome of a busy worker if it finished, died or ran out of time."""
        job = w.job
        if w.conn in ready:
            try:
                outcome = w.conn.recv()
                w.job = None
                return outcome
            except (EOFError, OSError):
                pass
        if w.process.sentinel in ready or not w.process.is_alive():
            w.process.join(1)
            if w.conn.poll():  # it finished the document just before it died
                try:
                    outcome = w.conn.recv()
                    self._replace(w)
                    return outcome
                except (EOFError, OSError):
                    pass
            code = w.process.exitcode
            self._replace(w)
            reason = (f"worker died (signal {-code})" if code and code < 0 else f"worker died (exit code {code})")
            if code == -9:
                reason += ": killed, probably out of memory"
            return Outcome(job, "failed", reason)
        if time.monotonic() - w.started >= self.timeout:
            w.process.kill()
            w.process.join(5)
            self._replace(w)
            return Outcome(job, "failed", f"timed out after {self.timeout:g} s")
        return None

    def _replace(self, w: _Worker) -> None:
        """A new process in place of a dead or killed one (or one fewer worker if none can start)."""
        w.conn.close()
        w.process.join(1)
        try:
            fresh = self._spawn()
        except OSError as exc:
            log.warning("cannot start a worker: %s", exc)
            self.workers.remove(w)
            return
        w.process, w.conn, w.job = fresh.process, fresh.conn, None

    def close(self) -> None:
        for w in self.workers:
            if w.conn.closed:
                continue
            try:
                w.conn.send(None)
            except (OSError, BrokenPipeError):
                pass
        for w in self.workers:
            w.process.join(2)
            if w.process.is_alive():
                w.process.kill()
                w.process.join(2)
            if not w.conn.closed:
                w.conn.close()
        self.workers = []


# -- the run --------------------------------------------------------------------------
def run(inputs: list[Path], out_dir: Path, *, jobs: int | None = None, force: bool = False,
        timeout: float = DEFAULT_TIMEOUT, memory_mb: int = DEFAULT_MEMORY_MB,
        gazetteer_dir: str | None = None, limits: ReadLimits | None = None,
        on_outcome: Callable[[Outcome, int, int], None] | None = None) -> RunSummary:
    """Extract every document under ``inputs`` into ``out_dir`` (see the module docstring).

    Args:
        limits: what reading one document may cost (default: ``ReadLimits()``).
        on_outcome: called after each document with (outcome, done, total).
    """
    started = time.perf_counter()
    out_dir.mkdir(parents=True, exist_ok=True)
    with _exclusive(out_dir):
        return _run(inputs, out_dir, jobs=jobs, force=force, timeout=timeout, memory_mb=memory_mb,
                    gazetteer_dir=gazetteer_dir, limits=limits, on_outcome=on_outcome, started=started)


@contextmanager
def _exclusive(out_dir: Path) -> Iterator[None]:
    """One run at a time per output folder (an advisory lock on OUT/.krat-lock)."""
    fd = os.open(out_dir / LOCK, os.O_WRONLY | os.O_CREAT | os.O_NOFOLLOW, 0o644)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise RunError(f"{out_dir}: another krat run is writing to this folder") from None
        yield
    finally:
        os.close(fd)


def _run(inputs, out_dir, *, jobs, force, timeout, memory_mb, gazetteer_dir, limits, on_outcome, started):
    global _EXTRACTOR
    versions = {"pipeline": pipeline_version(), "gazetteer": gazetteer_version(gazetteer_dir)}
    previous = mf.load(out_dir)
    all_jobs = list(discover(inputs, out_dir))
    outcomes: dict[str, Outcome] = {}
    todo: list[Job] = []
    done = 0
    for job in all_jobs:
        key = _key(job, out_dir)
        prev = previous.get(key)
        if job.refused or job.same_as:
            outcomes[key] = _unread(job)
            done += 1
            if on_outcome:
                on_outcome(outcomes[key], done, len(all_jobs))
        elif not force and prev and _unchanged(job, prev, versions):
            outcomes[key] = Outcome(job, "unchanged", reason=prev.get("reason"),  # e.g. "no text layer …"
                                    meetings=prev.get("meetings") or 0,
                                    reader=prev.get("reader"), sha256=prev.get("sha256"),
                                    fingerprint=prev.get("fingerprint"), duplicate_of=prev.get("duplicate_of"))
            done += 1
            if on_outcome:
                on_outcome(outcomes[key], done, len(all_jobs))
        else:
            todo.append(job)
    staging = staging_dir(out_dir)
    if staging.is_symlink():  # our own temporary name: a link there must not take the files elsewhere
        staging.unlink()
    shutil.rmtree(staging, ignore_errors=True)  # what a killed run left half-written
    journal = mf.Journal(out_dir)
    try:
        if todo:
            from .record import Extractor
            _EXTRACTOR = Extractor.create(gazetteer_dir)  # cached per gazetteer; forked workers share it
            pool = WorkerPool(jobs or os.cpu_count() or 1, timeout=timeout, memory_mb=memory_mb,
                              tmp_dir=staging, inherited=(journal.fd,), limits=limits)
            for outcome in pool.run(todo):
                key = _key(outcome.job, out_dir)
                outcomes[key] = outcome
                journal.append(_entry(outcome, key, versions))
                done += 1
                if on_outcome:
                    on_outcome(outcome, done, len(all_jobs))
        _mark_duplicates(all_jobs, outcomes, out_dir, staging)
        entries = [_entry(outcomes[_key(j, out_dir)], _key(j, out_dir), versions) for j in all_jobs]
        mf.write(out_dir, entries, tmp_dir=staging)
        journal.close(remove=True)
        shutil.rmtree(staging, ignore_errors=True)
    except BaseException:
        journal.close(remove=False)
        raise
    ordered = [outcomes[_key(j, out_dir)] for j in all_jobs]
    return RunSummary(ordered, time.perf_counter() - started)


def _unread(job: Job) -> Outcome:
    """The outcome of a file that is not read: refused, or the same file as another input."""
    if job.refused:
        return Outcome(job, "failed", job.refused)
    return Outcome(job, "duplicate", f"same file as {job.same_as}", duplicate_of=job.same_as)


def _key(job: Job, out_dir: Path) -> str:
    return job.out.relative_to(out_dir).as_posix()


def _unchanged(job: Job, prev: dict[str, Any], versions: dict[str, str]) -> bool:
    """Same input path and bytes, same pipeline and gazetteer, a good status, its record there."""
    if prev.get("status") not in OK_STATUSES or any(prev.get(k) != v for k, v in versions.items()):
        return False
    if prev.get("path") != job.rel:
        return False
    if not job.out.exists():
        return False
    try:
        with open(job.path, "rb") as fh:  # streamed: the parent never holds a whole file
            return hashlib.file_digest(fh, "sha256").hexdigest() == prev.get("sha256")
    except OSError:
        return False


def _entry(o: Outcome, key: str, versions: dict[str, str]) -> dict[str, Any]:
    return {"path": o.job.rel, "input": printable(str(o.job.path)), "output": key,
            "status": o.status, "reason": o.reason, "reader": o.reader, "seconds": round(o.seconds, 3),
            "meetings": o.meetings, "sha256": o.sha256, "fingerprint": o.fingerprint,
            "duplicate_of": o.duplicate_of, **versions}


def _mark_duplicates(jobs: list[Job], outcomes: dict[str, Outcome], out_dir: Path, staging: Path) -> None:
    """The later of two inputs with the same words is a duplicate of the first (sorted order)."""
    first: dict[str, str] = {}
    for job in jobs:
        o = outcomes[_key(job, out_dir)]
        if o.status == "failed" or not o.fingerprint:
            continue
        original = first.setdefault(o.fingerprint, job.rel)
        wanted = None if original == job.rel else original
        if wanted != o.duplicate_of or (o.status != "unchanged" and wanted):
            try:
                _set_duplicate_of(job.out, wanted, staging)
            except Exception as exc:  # an edited or vanished record must not stop the run
                o.status, o.reason = "failed", f"cannot mark as duplicate ({type(exc).__name__}: {exc})"
                o.reason = o.reason.splitlines()[0]
                continue
        o.duplicate_of = wanted
        if wanted:
            o.status, o.reason = "duplicate", f"same text as {wanted}"
        elif o.status == "duplicate":
            o.status, o.reason = "ok", None


def _set_duplicate_of(path: Path, original: str | None, staging: Path) -> None:
    """Rewrite a record's ``source.duplicate_of`` (atomically, validated)."""
    from .model import Record
    from .write import load_yaml, record_to_yaml, write_atomic

    data = load_yaml(path.read_text(encoding="utf-8"))
    if not isinstance(data, dict) or not isinstance(data.get("source"), dict):
        raise ValueError(f"{path.name} is not a record")
    if data["source"].get("duplicate_of") == original:
        return
    data["source"]["duplicate_of"] = original
    write_atomic(path, record_to_yaml(Record.model_validate(data)), tmp_dir=staging)
