"""Batch extraction of one document: find the documents, extract one, write its record.

One bad file never stops the batch: its error becomes an outcome with a one-line
reason, and the run goes on. Inputs are walked in sorted order; the output tree
mirrors the input tree (``OUT/<path relative to the root>.yaml``, names made safe).
Folder links are not followed, file links out of their folder are refused, the
same file reached twice is read once, and no record is written outside OUT. The
run over many documents (workers, manifest, incremental reruns) is ``pipeline.runner``.
"""
from __future__ import annotations

import hashlib
import logging
import os
import re
import stat
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the extractor pulls in spaCy: import it only where documents are read
    from .read.limits import ReadLimits
    from .record import Extractor

log = logging.getLogger(__name__)

SUPPORTED = (".txt", ".html", ".htm", ".docx", ".pdf")
_NOT_WORD = re.compile(r"\W+")
# Characters never put in an output name: controls (newlines included), and the lone
# surrogates by which Python keeps bytes of a file name that are not UTF-8.
_UNSAFE_NAME_CHARS = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff\ufffd]")
MAX_NAME_BYTES = 200  # of one output path part: room left for the temporary file's prefix and suffix
MAX_SUFFIX_CHARS = 8  # a longer "suffix" is part of the name, not a file type
LINK_OUTSIDE = "refused: symbolic link to a file outside the input folder"


@dataclass(frozen=True, slots=True)
class Job:
    """One input file: its path, its path relative to its input root, and its output path.

    ``refused`` is a reason to fail the file without reading it (a link out of its
    folder, a link loop, not a regular file); ``same_as`` names the input that reads
    the same file (a link or the same path twice), so it is read once.
    """

    path: Path
    rel: str          # POSIX path relative to the input root, printable (undecodable bytes as U+FFFD)
    out: Path
    refused: str | None = None
    same_as: str | None = None
    out_dir: Path | None = None  # the output folder the record must stay inside


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


@dataclass(frozen=True, slots=True)
class _Found:
    """A file found under an input root, before output names are given."""

    path: Path
    rel: str
    root: Path
    refused: str | None = None
    identity: tuple[int, int] | None = None  # (st_dev, st_ino) of the file a path leads to
    link: bool = False


def discover(inputs: list[Path], out_dir: Path) -> Iterator[Job]:
    """Every document under the inputs, roots in the order given, files sorted within each;
    explicit files are taken whatever their suffix (and followed if they are links).

    Folders are walked without following folder links, so a link loop ends; a link to a
    file outside its input folder is refused, never read. The same file reached twice
    (a link beside its target, a hard link, a file given twice) is read once, through
    its real path when one is among the inputs (else the first in order). Output
    names are unique and safe (``safe_output_name``): inputs that share a stem keep their
    suffix (``a.txt.yaml``), and inputs of different roots that share a relative path go
    under their root's name."""
    out_resolved = out_dir.resolve()
    found: list[_Found] = []
    for root in inputs:
        if root.is_dir():
            found.extend(_walk(root, out_resolved))
        else:
            found.append(_examine(root, printable(root.name), root.parent, inside=None))
    read: dict[tuple[int, int], _Found] = {}  # the path each file is read through: not a link, else the first
    for item in found:
        if item.identity and (item.identity not in read or (read[item.identity].link and not item.link)):
            read[item.identity] = item
    unique: list[tuple[_Found, str | None]] = []
    for item in found:
        chosen = read.get(item.identity, item) if item.identity else item
        if chosen is not item and (chosen.root, chosen.rel) == (item.root, item.rel):
            continue  # the same path given twice
        unique.append((item, chosen.rel if chosen is not item else None))
    for (item, same_as), name in zip(unique, _output_names([item for item, _ in unique]), strict=True):
        yield Job(item.path, item.rel, out_dir / name, refused=item.refused, same_as=same_as,
                  out_dir=out_dir)


def _walk(root: Path, out_resolved: Path) -> list[_Found]:
    """Documents under a folder in sorted order; hidden names, folder links and OUT skipped."""
    inside = Path(os.path.realpath(root))
    found = []
    for folder, dirs, files in os.walk(root, followlinks=False, onerror=_unlisted):
        here = Path(folder)
        for name in [d for d in dirs if (here / d).is_symlink()]:
            log.warning("%s: link to a folder, not followed", printable(str(here / name)))
        dirs[:] = [d for d in dirs if not d.startswith(".") and Path(os.path.realpath(here / d)) != out_resolved]
        for name in files:
            path = here / name
            if name.startswith(".") or path.suffix.lower() not in SUPPORTED:
                continue
            if out_resolved in Path(os.path.realpath(path)).parents:
                continue  # a record or a link into the output folder
            found.append(_examine(path, printable(path.relative_to(root).as_posix()), root, inside=inside))
    return sorted(found, key=lambda item: PurePosixPath(item.rel))


def _examine(path: Path, rel: str, root: Path, *, inside: Path | None) -> _Found:
    """What a path leads to: its identity, or why it is refused (``inside``: the folder a
    link must stay in; None for a file named on the command line)."""
    from .read import NOT_REGULAR, unreadable_reason

    try:
        info = os.stat(path)
    except OSError as exc:  # vanished, a link loop, a dangling link
        return _Found(path, rel, root, refused=unreadable_reason(exc))
    if inside is not None and path.is_symlink() and inside not in Path(os.path.realpath(path)).parents:
        return _Found(path, rel, root, refused=LINK_OUTSIDE)
    if not stat.S_ISREG(info.st_mode):
        return _Found(path, rel, root, refused=NOT_REGULAR)
    return _Found(path, rel, root, identity=(info.st_dev, info.st_ino), link=path.is_symlink())


def _unlisted(error: OSError) -> None:
    """os.walk's report of a folder it cannot list: warn, and walk on."""
    log.warning("%s: cannot list folder (%s)", printable(str(error.filename)), (error.strerror or "").lower())


def _output_names(found: list[_Found]) -> list[str]:
    """A unique, safe output name per input (see ``discover``)."""
    rels = [safe_output_name(item.rel) for item in found]
    stems = Counter((item.root, rel.rsplit(".", 1)[0]) for item, rel in zip(found, rels))  # a.txt beside a.pdf
    names = [f"{rel}.yaml" if stems[(item.root, rel.rsplit('.', 1)[0])] > 1 else f"{rel.rsplit('.', 1)[0]}.yaml"
             for item, rel in zip(found, rels)]
    taken = Counter(names)
    seen: set[str] = set()
    out = []
    for item, name in zip(found, names, strict=True):
        if taken[name] > 1:  # the same relative path under two roots (or two names made safe alike)
            name = f"{safe_output_name(item.root.resolve().name) or 'root'}/{name}"
            while name in seen:
                name = f"_{name}"
        seen.add(name)
        out.append(name)
    return out


def safe_output_name(rel: str) -> str:
    """``rel`` fit to be a path under OUT: control characters and undecodable bytes become
    "_", "." and ".." parts become "_", each part is cut to MAX_NAME_BYTES (keeping its
    suffix), so no output name can leave OUT, hold a newline or be too long to create."""
    parts = []
    for part in rel.split("/"):
        part = _UNSAFE_NAME_CHARS.sub("_", part)
        if part in ("", ".", ".."):
            part = "_"
        parts.append(_shorten(part))
    return "/".join(parts)


def _shorten(part: str) -> str:
    """A path part cut to MAX_NAME_BYTES of UTF-8, its suffix kept."""
    if len(part.encode("utf-8")) <= MAX_NAME_BYTES:
        return part
    stem, dot, suffix = part.rpartition(".")
    if not dot or len(suffix) > MAX_SUFFIX_CHARS:
        stem, dot, suffix = part, "", ""
    room = MAX_NAME_BYTES - len((dot + suffix).encode("utf-8"))
    return stem.encode("utf-8")[:room].decode("utf-8", "ignore") + dot + suffix


def printable(name: str) -> str:
    """A file name as text that can be printed and stored: bytes that are not UTF-8
    (kept by Python as lone surrogates) become U+FFFD."""
    return os.fsencode(name).decode("utf-8", "replace")


def text_fingerprint(text: str) -> str | None:
    """A hash of the words of a text, blind to case, diacritics, spacing and punctuation."""
    from .normalize import fold
    words = _NOT_WORD.sub(" ", fold(text)).split()
    return hashlib.sha256(" ".join(words).encode("utf-8")).hexdigest() if words else None


def process(job: Job, extractor: Extractor, *, tmp_dir: Path | None = None,
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
        _check_inside_out_dir(job)
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


def _check_inside_out_dir(job: Job) -> None:
    """Refuse to write a record whose folder resolves outside OUT (a link planted in OUT)."""
    from .errors import OutputError

    if job.out_dir is None:
        return
    root, folder = job.out_dir.resolve(), job.out.parent.resolve()
    if folder != root and root not in folder.parents:
        raise OutputError(f"refused: the output folder {printable(str(folder))} is outside --out "
                          f"(a symbolic link in {printable(str(job.out_dir))}?)")
