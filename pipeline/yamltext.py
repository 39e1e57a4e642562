"""Block-style YAML for plain data (dicts, lists, str, int, float, bool, None), fast.

PyYAML's representer is pure Python and walks every scalar through its resolver;
on a record of ~300 scalars it costs more than the whole extraction's matching.
Records are plain JSON-like data, so this writer emits them directly, in the
layout PyYAML's safe dumper uses (block style, keys in order, ``- `` items at
the key's indent, ``allow_unicode``), without folding long lines.

A string is written plain only when it is unambiguous: it cannot be read back
as another type (PyYAML's own implicit resolvers decide, as on load), and it
has no character or sequence that plain scalars cannot hold; every other string
is double-quoted with JSON escapes (a subset of YAML's), plus escapes for the
characters YAML would read as line breaks or reject as non-printable. The
round trip ``safe_load(dump(x)) == x`` is tested with hypothesis.
"""
from __future__ import annotations

import json
import math
import re
from typing import Any

import yaml

_RESOLVER = yaml.resolver.Resolver()
# first characters for which one of PyYAML's implicit resolvers (bool, null, int, float,
# timestamp, merge, value) might claim a plain scalar
_RESOLVABLE_START = frozenset("yYnNtTfFoO~+-.0123456789<=")
_PLAIN = re.compile(
    r"[^\s\-?:,\[\]{}#&*!|>'\"%@`]"      # an indicator may not start a plain scalar
    r"(?:[^\n\r\t:#]|:(?=\S)|(?<=\S)#)*"  # no ": " nor " #", no line breaks or tabs
    r"(?<=[^\s:])",                      # no trailing blank or colon
)
_NEEDS_ESCAPE = re.compile(
    "[^\t\n\r\x20-\x7e\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]|[\x85\u2028\u2029\ufeff]")


def dump(data: Any) -> str:
    """YAML text of plain data, ending with a newline."""
    out: list[str] = []
    if isinstance(data, dict) and data:
        _mapping(data, "", out)
    elif isinstance(data, list) and data:
        _sequence(data, "", out)
    else:
        out.append(scalar(data))
    return "\n".join(out) + "\n"


_KEYS: dict[str, str] = {}  # a record repeats a few keys thousands of times


def _key(key: Any) -> str:
    text = _KEYS.get(key) if isinstance(key, str) else None
    if text is None:
        text = scalar(key)
        if isinstance(key, str) and len(_KEYS) < 1024:
            _KEYS[key] = text
    return text


def _mapping(data: dict, indent: str, out: list[str]) -> None:
    for key, value in data.items():
        head = f"{indent}{_key(key)}:"
        if isinstance(value, dict) and value:
            out.append(head)
            _mapping(value, indent + "  ", out)
        elif isinstance(value, list) and value:
            out.append(head)
            _sequence(value, indent, out)
        else:
            out.append(f"{head} {scalar(value)}")


def _sequence(data: list, indent: str, out: list[str]) -> None:
    for item in data:
        if isinstance(item, dict) and item:
            first = len(out)
            _mapping(item, indent + "  ", out)
            out[first] = f"{indent}- {out[first][len(indent) + 2:]}"
        elif isinstance(item, list) and item:
            first = len(out)
            _sequence(item, indent + "  ", out)
            out[first] = f"{indent}- {out[first][len(indent) + 2:]}"
        else:
            out.append(f"{indent}- {scalar(item)}")


def scalar(value: Any) -> str:
    """One scalar (or an empty collection) as YAML text."""
    if isinstance(value, str):
        return value if _is_plain(value) else quoted(value)
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if math.isnan(value):
            return ".nan"
        if math.isinf(value):
            return ".inf" if value > 0 else "-.inf"
        text = repr(value)
        if "." not in text:  # YAML 1.1 reads "1e+16" as a string, "1.0e+16" as a float
            text = text.replace("e", ".0e", 1) if "e" in text else f"{text}.0"
        return text
    if value == [] or value == ():
        return "[]"
    if value == {}:
        return "{}"
    raise TypeError(f"cannot write {type(value).__name__} as YAML")


def _is_plain(text: str) -> bool:
    if not _PLAIN.fullmatch(text) or _NEEDS_ESCAPE.search(text) or text.startswith(("...", "---")):
        return False
    if text[0] in _RESOLVABLE_START:
        return _RESOLVER.resolve(yaml.ScalarNode, text, (True, False)) == yaml.resolver.BaseResolver.DEFAULT_SCALAR_TAG
    return True


def quoted(text: str) -> str:
    """A double-quoted YAML scalar: JSON's escapes plus \\uXXXX for what YAML would not keep."""
    return _NEEDS_ESCAPE.sub(lambda m: f"\\u{ord(m.group(0)):04x}" if ord(m.group(0)) <= 0xFFFF
                             else f"\\U{ord(m.group(0)):08x}", json.dumps(text, ensure_ascii=False))
