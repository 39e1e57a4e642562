"""Writing records: stable YAML, validated, written atomically.

The same input gives byte-identical output: keys follow the model's order,
lists keep the extractor's deterministic order, and the YAML dumper is the safe
one (libyaml's when available) with ``allow_unicode`` so that ë stays ë. A record
is validated against the JSON Schema (compiled with fastjsonschema) before it is
written, and written to a temporary file in the same
folder that is then renamed over the target, so a crash never leaves a
half-written record.
"""
from __future__ import annotations

import json
import os
import tempfile
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml

from . import yamltext
from .errors import RecordValidationError

if TYPE_CHECKING:  # the model (pydantic) and jsonschema are imported where a record is written
    from jsonschema import Draft202012Validator

    from .model import Record

FILE_MODE = 0o666  # as an ordinary open() would create it, less the umask
SCHEMA_PATH = Path(__file__).resolve().parent / "schema" / "record.schema.json"


_SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when PyYAML has it: 10x faster
# Nodes a YAML document may stand for once its aliases are expanded: far more than any
# record or gazetteer file, far fewer than a "billion laughs" (10⁹).
MAX_YAML_NODES = 1_000_000
MAX_FINDING_CHARS = 200  # of one schema finding: a message may quote a whole (huge) value


class LineDict(dict):
    """A mapping loaded from YAML that knows the line it starts on (1-based)."""

    __slots__ = ("line",)


class _LineLoader(_SafeLoader):
    """The safe loader, building every mapping as a LineDict (for messages that name a line)."""


def _construct_line_dict(loader: _LineLoader, node: yaml.MappingNode):
    data = LineDict()
    data.line = node.start_mark.line + 1
    yield data
    data.update(loader.construct_mapping(node))


_LineLoader.add_constructor("tag:yaml.org,2002:map", _construct_line_dict)


def load_yaml(text: str, *, lines: bool = False):
    """Parse YAML with the safe loader (libyaml's when available); only plain data comes out.

    Aliases may not make the document recursive or stand for more than MAX_YAML_NODES
    nodes (a "billion laughs"): that is a ``yaml.YAMLError`` like any other bad YAML.
    With ``lines``, every mapping is a LineDict that knows its line.
    """
    loader = (_LineLoader if lines else _SafeLoader)(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return None
        if "&" in text:  # without an anchor there is no alias, and nothing to expand
            _check_expansion(node)
        return loader.construct_document(node)
    finally:
        loader.dispose()


def _check_expansion(root: yaml.Node) -> None:
    """Raise a ConstructorError when aliases make ``root`` recursive or too large once expanded.

    Each distinct node is sized once (aliases share nodes), so this is linear in the text."""
    sizes: dict[int, int] = {}
    entered: set[int] = set()  # the nodes on the current path from the root
    stack: list[tuple[yaml.Node, bool]] = [(root, False)]
    while stack:
        node, done = stack.pop()
        key = id(node)
        children = _children(node)
        if done:
            entered.discard(key)
            sizes[key] = 1 + sum(sizes[id(child)] for child in children)
            if sizes[key] > MAX_YAML_NODES:
                raise yaml.constructor.ConstructorError(
                    None, None, f"aliases expand this YAML past {MAX_YAML_NODES:,} nodes", node.start_mark)
        elif key in entered:
            raise yaml.constructor.ConstructorError(None, None, "a recursive alias", node.start_mark)
        elif key not in sizes:
            entered.add(key)
            stack.append((node, True))
            stack.extend((child, False) for child in children if id(child) not in sizes)


def _children(node: yaml.Node) -> list[yaml.Node]:
    if isinstance(node, yaml.SequenceNode):
        return node.value
    if isinstance(node, yaml.MappingNode):
        return [part for pair in node.value for part in pair]
    return []


def dump_yaml(data: Any) -> str:
    """YAML text for plain data: block style, unicode kept, key order kept (``yamltext``: what
    PyYAML's safe dumper writes, several times faster, long lines not folded)."""
    return yamltext.dump(data)


@lru_cache(maxsize=1)
def schema_validator() -> Draft202012Validator:
    """The validator of the project's JSON Schema (loaded once)."""
    from jsonschema import Draft202012Validator
    return Draft202012Validator(json.loads(SCHEMA_PATH.read_text(encoding="utf-8")))


def schema_errors(data: Any) -> list[str]:
    """Every schema violation of a record as "$.path: message", one line each (cut if long), sorted."""
    out = []
    for err in schema_validator().iter_errors(data):
        path = "$" + "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in err.absolute_path)
        message = " ".join(f"{path}: {err.message}".split())
        out.append(message if len(message) <= MAX_FINDING_CHARS else message[:MAX_FINDING_CHARS - 1] + "…")
    return sorted(out)


@lru_cache(maxsize=1)
def _fast_validator():
    """The JSON Schema compiled to Python (fastjsonschema), for validating every record written."""
    import fastjsonschema
    return fastjsonschema.compile(json.loads(SCHEMA_PATH.read_text(encoding="utf-8")))


def record_to_yaml(record: Record) -> str:
    """Validate a record against the JSON Schema and return its YAML text."""
    import fastjsonschema
    data = record.model_dump(mode="json")
    try:
        _fast_validator()(data)
    except fastjsonschema.JsonSchemaException:
        errors = schema_errors(data)  # the slow validator names the path of each error
        raise RecordValidationError(f"{record.source.path}: {errors[0] if errors else 'invalid record'}") from None
    return dump_yaml(data)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def staging_dir(out_dir: Path) -> Path:
    """Where a run writes its temporary files: beside the output folder, on the same file
    system (so the final rename is atomic) but outside it, so that a run killed in the
    middle leaves no half-written file anywhere under the output. When the parent folder
    is another file system (OUT is a mount point) or read-only, a hidden folder inside OUT."""
    out = out_dir.resolve()
    beside = out.parent / f".{out.name}.krat-tmp"
    try:
        if os.stat(out.parent).st_dev == os.stat(out).st_dev and os.access(out.parent, os.W_OK):
            return beside
    except OSError:
        pass
    return out / ".krat-tmp"


def write_atomic(path: Path, text: str, *, tmp_dir: Path | None = None) -> None:
    """Write ``text`` to ``path`` via a temporary file and a rename (never half-written).

    Args:
        tmp_dir: folder for the temporary file (default: the target's folder); it must
            be on the same file system as ``path``.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    if tmp_dir is not None:
        tmp_dir.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=tmp_dir or path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, FILE_MODE & ~_umask())
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise
