"""Validation of written records: JSON Schema, gazetteer ids, golden-file comparison."""
from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml
from rapidfuzz import process

from .gazetteer import load_gazetteer
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
    try:
        return load_yaml(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        return exc


def validate_paths(paths: list[Path], *, expected: Path | None, gazetteer_dir: str | None
                   ) -> tuple[list[str], int]:
    """Every finding as "file: $.path: message", and the number of records checked."""
    gaz = load_gazetteer(gazetteer_dir)
    ids = list(gaz.entries) + list(gaz.generic)
    problems: list[str] = []
    files = _records(paths)
    for path, root in files:
        data = _load(path)
        if isinstance(data, Exception):
            problems.append(f"{path}: not readable YAML ({str(data).splitlines()[0]})")
            continue
        problems += [f"{path}: {e}" for e in schema_errors(data)]
        if isinstance(data, dict):
            problems += [f"{path}: {e}" for e in _unknown_ids(data, set(ids), ids)]
        if expected is not None:
            gold_path = expected / path.relative_to(root)
            if not gold_path.exists():
                problems.append(f"{path}: no golden file {gold_path}")
                continue
            diff = diff_records(_load(gold_path), data)
            problems += [f"{path}: {d}" for d in diff[:MAX_DIFF_LINES]]
            if len(diff) > MAX_DIFF_LINES:
                problems.append(f"{path}: … and {len(diff) - MAX_DIFF_LINES} more differences")
    return problems, len(files)


def _unknown_ids(data: dict, known: set[str], ids: list[str]) -> list[str]:
    out = []
    for i, meeting in enumerate(data.get("meetings") or []):
        for j, inst in enumerate(meeting.get("institutions") or []):
            ident = inst.get("id")
            if ident and ident not in known:
                hint = process.extractOne(ident, ids)
                out.append(f"$.meetings[{i}].institutions[{j}].id: unknown id {ident!r}"
                           + (f" (did you mean {hint[0]!r}?)" if hint else ""))
    return out


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
