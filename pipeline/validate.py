"""Validation of written records: JSON Schema, gazetteer ids, golden-file comparison.

Records may have been edited by hand into any shape: each record with findings is
reported on one line that names the file (its first finding and how many more; every
finding on a line of its own on request), a file that cannot be read or parsed (not
YAML, an alias bomb, too large) included, and no record can stop the check of the others.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml
from rapidfuzz import process

from .batch import printable
from .errors import InputError
from .gazetteer import load_gazetteer
from .read import read_file
from .write import load_yaml, schema_errors

MAX_DIFF_LINES = 12


def _records(paths: list[Path]) -> list[tuple[Path, Path]]:
    """(record file, root) for every .yaml under the paths, sorted."""
    out = []
    for root in paths:
        if root.is_file():
            out.append((root, root.parent))
        else:
            out.extend((p, root) for p in sorted(root.rglob("*.yaml")) if not p.name.startswith("."))
    return out


def _load(path: Path) -> Any:
    """The record's data, or the exception that kept it from being read (size-limited like any input)."""
    try:
        return load_yaml(read_file(path, name=str(path)).decode("utf-8"))
    except InputError as exc:
        return ValueError(exc.reason)
    except (UnicodeDecodeError, yaml.YAMLError) as exc:
        return exc


def validate_paths(paths: list[Path], *, expected: Path | None, gazetteer_dir: str | None,
                   every: bool = False) -> tuple[list[str], int, int]:
    """Lines "file: $.path: message" (one per record with findings, or with ``every`` one per
    finding), the number of records checked and the number with findings."""
    gaz = load_gazetteer(gazetteer_dir)
    ids = list(gaz.entries) + list(gaz.generic)
    problems: list[str] = []
    files = _records(paths)
    known = set(ids)
    bad = 0
    for path, root in files:
        shown = " ".join(printable(str(path)).split())
        try:
            findings = _check(path, root, expected, known, ids)
        except Exception as exc:  # noqa: BLE001 - a record in any shape must not stop the others
            findings = [f"cannot be checked ({type(exc).__name__}: {exc})"]
        findings = [" ".join(finding.split()) for finding in findings]
        bad += bool(findings)
        if every or len(findings) < 2:
            problems += [f"{shown}: {finding}" for finding in findings]
        else:
            problems.append(f"{shown}: {findings[0]} (and {len(findings) - 1} more; -v lists them)")
    return problems, len(files), bad


def _check(path: Path, root: Path, expected: Path | None, known: set[str], ids: list[str]) -> list[str]:
    """The findings of one record, without the file name."""
    data = _load(path)
    if isinstance(data, Exception):
        return [f"not readable YAML ({(str(data).splitlines() or [type(data).__name__])[0]})"]
    findings = schema_errors(data)
    if isinstance(data, dict):
        findings += _unknown_ids(data, known, ids)
    if expected is not None:
        gold_path = expected / path.relative_to(root)
        if not gold_path.exists():
            return [*findings, f"no golden file {gold_path}"]
        diff = diff_records(_load(gold_path), data)
        findings += diff[:MAX_DIFF_LINES]
        if len(diff) > MAX_DIFF_LINES:
            findings.append(f"… and {len(diff) - MAX_DIFF_LINES} more differences")
    return findings


def _unknown_ids(data: dict, known: set[str], ids: list[str]) -> list[str]:
    """Institution ids the gazetteer does not know (parts of the wrong shape are the schema's to report)."""
    out = []
    for i, meeting in enumerate(_items(data.get("meetings"))):
        for j, inst in enumerate(_items(meeting.get("institutions") if isinstance(meeting, dict) else None)):
            ident = inst.get("id") if isinstance(inst, dict) else None
            if isinstance(ident, str) and ident and ident not in known:
                hint = process.extractOne(ident, ids)
                out.append(f"$.meetings[{i}].institutions[{j}].id: unknown id {ident!r}"
                           + (f" (did you mean {hint[0]!r}?)" if hint else ""))
    return out


def _items(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def diff_records(expected: Any, actual: Any, path: str = "$") -> list[str]:
    """Field-by-field differences: "$.meetings[0].date: expected '2019-02-13', got None"."""
    if isinstance(expected, dict) and isinstance(actual, dict):
        out = []
        for key in list(expected) + [k for k in actual if k not in expected]:
            if key not in actual:
                out.append(f"{path}.{key}: missing")
            elif key not in expected:
                out.append(f"{path}.{key}: unexpected")
            else:
                out += diff_records(expected[key], actual[key], f"{path}.{key}")
        return out
    if isinstance(expected, list) and isinstance(actual, list):
        out = []
        if len(expected) != len(actual):
            out.append(f"{path}: expected {len(expected)} items, got {len(actual)}")
        for i, (e, a) in enumerate(zip(expected, actual)):
            out += diff_records(e, a, f"{path}[{i}]")
        return out
    if expected != actual:
        return [f"{path}: expected {_short(expected)}, got {_short(actual)}"]
    return []


def _short(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 80 else text[:77] + "..."
