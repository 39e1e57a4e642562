"""Gazetteers: institutions, places, titles, cue words and topics, loaded from YAML.

Everything the extractor knows about the world lives in ``gazetteers/*.yaml``.
This module loads those files once, validates every entry (a bad entry is a
``GazetteerError`` naming the file and the entry), and expands the branch
templates: one entry per county for county branches (prefecture, police,
social services, …) and one per municipality for municipal bodies (Bashkia,
NJMF). Template names without a county become *generic* names, resolved later
to the branch of the document's county.
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from .errors import GazetteerError
from .write import load_yaml

DEFAULT_DIR = Path(__file__).resolve().parent.parent / "gazetteers"
MAX_QUOTED_CHARS = 80  # of a value quoted in an error message
_PLACEHOLDER = re.compile(r"\{([^{}]*)\}")
FILES = ("institutions.yaml", "branches.yaml", "places.yaml", "titles.yaml", "cues.yaml", "topics.yaml")
_ID = r"^[a-z0-9]+(?:-[a-z0-9{}_]+)*$"


# -- file schemas ------------------------------------------------------------------
class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class FormerName(_Strict):
    name: str
    abbreviations: list[str] = []
    from_: int | None = Field(None, alias="from")
    until: int | None = None


class InstitutionSpec(_Strict):
    id: str = Field(pattern=_ID)
    name: str = Field(min_length=2)
    abbreviations: list[str] = []
    aliases: list[str] = []
    generic: list[str] = []
    generic_former: list[FormerName] = []
    kind: str
    level: str = "national"
    former_names: list[FormerName] = []
    except_county_seat: bool = False  # a municipality template whose county seat has the county branch

    @field_validator("abbreviations")
    @classmethod
    def _abbrev_no_spaces(cls, v: list[str]) -> list[str]:
        for a in v:
            if not a or " " in a.strip():
                raise ValueError(f"abbreviation {a!r} must be one token")
        return v


class MunicipalitySpec(_Strict):
    name: str
    slug: str = Field(pattern=_ID)
    genitive: str | None = None
    forms: list[str] = []
    places: list[str] = []


class CountySpec(_Strict):
    name: str
    slug: str = Field(pattern=_ID)
    definite: str
    genitive: str
    forms: list[str] = []
    municipalities: list[MunicipalitySpec]


class TitleSpec(_Strict):
    canonical: str
    forms: list[str]
    institution_kind: str | None = None
    chair_of: list[str] = []


class HonorificSpec(_Strict):
    canonical: str
    forms: list[str]


# -- the loaded gazetteer -----------------------------------------------------------
@dataclass(frozen=True, slots=True)
class Former:
    name: str
    abbreviations: tuple[str, ...]
    start: int | None
    until: int | None


@dataclass(frozen=True, slots=True)
class Entry:
    """One institution; county branches carry their county (canonical name)."""

    id: str
    name: str
    kind: str
    level: str
    abbreviations: tuple[str, ...]
    aliases: tuple[str, ...]
    former: tuple[Former, ...] = ()
    county: str | None = None
    municipality: str | None = None
    template: str | None = None  # id of the generic entry this branch was expanded from


@dataclass(frozen=True, slots=True)
class Place:
    name: str
    county: str
    slug: str
    municipality: str | None  # None for a county itself
    forms: tuple[str, ...]


@dataclass(slots=True)
class Gazetteer:
    """Everything loaded from ``gazetteers/``; build with :func:`load_gazetteer`."""

    entries: dict[str, Entry]
    generic: dict[str, Entry]          # generic id (template without county) → pseudo-entry
    counties: dict[str, CountySpec]    # canonical name → spec
    places: list[Place]
    kosovo: tuple[str, ...]
    abroad: tuple[str, ...]
    titles: list[TitleSpec]
    honorifics: list[HonorificSpec]
    cues: dict[str, Any]
    topics: list[dict[str, Any]]
    version: str
    bodies: list[dict[str, Any]] = field(default_factory=list)

    def branch(self, generic_id: str, county: str | None) -> Entry:
        """The county branch of a generic entry, or the generic entry when the county is unknown
        (a municipal body is never resolved from the county alone)."""
        if county and self.generic[generic_id].level == "county":
            slug = self.counties[county].slug
            entry = self.entries.get(f"{generic_id}-{slug}")
            if entry:
                return entry
        return self.generic[generic_id]

    def name_in_year(self, entry: Entry, year: int | None) -> str:
        """The name an institution had in ``year`` (its former name while that was in use)."""
        if year is None:
            return entry.name
        current = [f for f in entry.former if f.until is not None and year <= f.until
                   and (f.start is None or year >= f.start)]
        return min(current, key=lambda f: f.until).name if current else entry.name

    def kosovo_variant(self, entry: Entry) -> Entry | None:
        """The Kosovo body that shares an abbreviation with ``entry`` (OSBE → the OSCE mission in Kosovo)."""
        for other in self.entries.values():
            if other.id != entry.id and "kosov" in other.id and (
                    set(other.abbreviations) & set(entry.abbreviations)
                    or (entry.abbreviations and any(a in other.name for a in entry.abbreviations))):
                return other
        return None

def _read_yaml(path: Path) -> dict[str, Any]:
    """A gazetteer file's top-level mapping, read with the safe loader; every mapping in it
    knows its line (``LineDict``) for messages."""
    try:
        data = load_yaml(path.read_text(encoding="utf-8"), lines=True)
    except FileNotFoundError:
        raise GazetteerError(f"{path}: file not found") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise GazetteerError(f"{path}: cannot read ({exc.__class__.__name__}: "
                             f"{getattr(exc, 'strerror', None) or exc})") from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" line {mark.line + 1}" if mark else ""
        raise GazetteerError(f"{path}:{where} not valid YAML ({getattr(exc, 'problem', exc)})") from None
    if not isinstance(data, dict):
        raise GazetteerError(f"{path}: expected a mapping at the top level")
    return data


def _validate(model: type[BaseModel], item: Any, path: Path, where: str) -> Any:
    """The entry ``item`` as ``model``; else a GazetteerError naming file, line and entry."""
    try:
        return model.model_validate(item)
    except ValidationError as exc:
        err = exc.errors()[0]
        loc = ".".join(str(p) for p in err["loc"])
        raise GazetteerError(f"{_at(path, item, err['loc'])} {_entry_name(where, item)}: {loc}: "
                             f"{_short(err['msg'])}") from None


def _at(path: Path, item: Any, loc: tuple = ()) -> str:
    """"file: line N:" of the deepest mapping on the way to ``loc`` in ``item`` ("file:" if none)."""
    line = getattr(item, "line", None)
    for key in loc:
        try:
            item = item[key]
        except (KeyError, IndexError, TypeError):
            break
        line = getattr(item, "line", line)
    return f"{path}: line {line}:" if line else f"{path}:"


def _entry_name(where: str, item: Any) -> str:
    """"institution #12 unicef": the entry's number and its id (or name)."""
    name = (item.get("id") or item.get("name") or item.get("canonical")) if isinstance(item, dict) else None
    return f"{where} {_short(str(name))}" if name else where


def _short(text: str) -> str:
    """One line of at most MAX_QUOTED_CHARS characters."""
    text = " ".join(text.split())
    return text if len(text) <= MAX_QUOTED_CHARS else text[:MAX_QUOTED_CHARS - 1] + "…"


def _fill(text: str, values: dict[str, str]) -> str:
    """A template with its {placeholders} filled (only names, no format specs: a
    "{county:>999999999}" in a gazetteer must not allocate a gigabyte)."""
    def value(match: re.Match[str]) -> str:
        if match.group(1) not in values:
            raise GazetteerError(f"unknown placeholder {{{match.group(1)}}} in {_short(repr(text))}")
        return values[match.group(1)]
    return _PLACEHOLDER.sub(value, text)


def _former(items: list[FormerName], values: dict[str, str]) -> tuple[Former, ...]:
    return tuple(Former(_fill(f.name, values), tuple(f.abbreviations), f.from_, f.until) for f in items)


def _expand(spec: InstitutionSpec, values: dict[str, str], level: str, county: str,
            municipality: str | None, generic_id: str) -> Entry:
    return Entry(
        id=_fill(spec.id, values), name=_fill(spec.name, values), kind=spec.kind, level=level,
        abbreviations=tuple(spec.abbreviations),
        aliases=tuple(dict.fromkeys(_fill(a, values) for a in spec.aliases)),
        former=_former(spec.former_names, values), county=county, municipality=municipality,
        template=generic_id)


def _generic_entry(spec: InstitutionSpec, generic_id: str, level: str) -> Entry:
    name = re.sub(r"\s*\{[a-z_]+\}", "", spec.name).strip()
    return Entry(id=generic_id, name=name, kind=spec.kind, level=level,
                 abbreviations=tuple(spec.abbreviations), aliases=tuple(spec.generic),
                 former=tuple(Former(f.name, tuple(f.abbreviations), f.from_, f.until)
                              for f in spec.generic_former),
                 template=generic_id)


def gazetteer_version(directory: Path | str | None = None) -> str:
    """A hash of the gazetteer files' bytes: changes whenever any entry or cue changes."""
    root = Path(directory or DEFAULT_DIR).resolve()
    digest = hashlib.sha256()
    for name in FILES:
        path = root / name
        digest.update(name.encode() + b"\0" + (path.read_bytes() if path.exists() else b""))
    return digest.hexdigest()[:16]


def load_gazetteer(directory: Path | str | None = None) -> Gazetteer:
    """Load and validate every gazetteer file of ``directory`` (cached per directory)."""
    return _load(str(Path(directory or DEFAULT_DIR).resolve()))


@lru_cache(maxsize=4)
def _load(directory: str) -> Gazetteer:
    root = Path(directory)
    if not root.is_dir():
        raise GazetteerError(f"{root}: gazetteer directory not found")
    raw: dict[str, dict[str, Any]] = {name: _read_yaml(root / name) for name in FILES}

    places_path = root / "places.yaml"
    counties = {}
    for i, item in enumerate(_list(raw["places.yaml"], "counties", places_path)):
        spec = _validate(CountySpec, item, places_path, f"county #{i + 1}")
        counties[spec.name] = spec
    if len(counties) != 12:
        raise GazetteerError(f"{places_path}: expected 12 counties, found {len(counties)}")

    entries: dict[str, Entry] = {}
    generic: dict[str, Entry] = {}

    def add(make, path: Path, item: Any, where: str) -> None:
        """Add the entry ``make()`` builds; its errors name the file, line and entry."""
        try:
            entry = make()
            if entry.id in entries:
                raise GazetteerError(f"duplicate institution id {entry.id!r}")
        except GazetteerError as exc:
            raise GazetteerError(f"{_at(path, item)} {_entry_name(where, item)}: {exc}") from None
        entries[entry.id] = entry

    inst_path = root / "institutions.yaml"
    for i, item in enumerate(_list(raw["institutions.yaml"], "institutions", inst_path)):
        spec = _validate(InstitutionSpec, item, inst_path, f"institution #{i + 1}")
        add(lambda spec=spec: Entry(spec.id, spec.name, spec.kind, spec.level, tuple(spec.abbreviations),
                                    tuple(spec.aliases), _former(spec.former_names, {})),
            inst_path, item, f"institution #{i + 1}")

    br_path = root / "branches.yaml"
    br = raw["branches.yaml"]
    for i, item in enumerate(_list(br, "county_templates", br_path)):
        where = f"county template #{i + 1}"
        spec = _validate(InstitutionSpec, item, br_path, where)
        gid = spec.id.replace("-{slug}", "")
        generic[gid] = _generic_entry(spec, gid, "county")
        for c in counties.values():
            values = {"county": c.name, "county_def": c.definite, "county_gen": c.genitive, "slug": c.slug}
            add(lambda spec=spec, values=values, c=c, gid=gid: _expand(spec, values, "county", c.name, None, gid),
                br_path, item, where)
    for i, item in enumerate(_list(br, "municipality_templates", br_path)):
        where = f"municipality template #{i + 1}"
        spec = _validate(InstitutionSpec, item, br_path, where)
        gid = spec.id.replace("-{slug}", "")
        generic[gid] = _generic_entry(spec, gid, "municipality")
        for c in counties.values():
            for m in c.municipalities:
                if spec.except_county_seat and m.name == c.name:
                    continue
                values = {"municipality": m.name, "municipality_gen": m.genitive or m.name,
                          "slug": m.slug, "county": c.name}
                add(lambda spec=spec, values=values, c=c, m=m, gid=gid:
                    _expand(spec, values, "municipality", c.name, m.name, gid), br_path, item, where)

    places: list[Place] = []
    for c in counties.values():
        places.append(Place(c.name, c.name, c.slug, None, (c.name, c.definite, c.genitive, *c.forms)))
        for m in c.municipalities:
            forms = (m.name, *(m.forms), *([m.genitive] if m.genitive else []))
            places.append(Place(m.name, c.name, m.slug, m.name, forms))
            for town in m.places:
                places.append(Place(town, c.name, m.slug, m.name, (town,)))

    titles_path = root / "titles.yaml"
    titles = [_validate(TitleSpec, t, titles_path, f"title #{i + 1}")
              for i, t in enumerate(_list(raw["titles.yaml"], "titles", titles_path))]
    honorifics = [_validate(HonorificSpec, h, titles_path, f"honorific #{i + 1}")
                  for i, h in enumerate(_list(raw["titles.yaml"], "honorifics", titles_path))]

    cues = raw["cues.yaml"]
    _check_patterns(cues, root / "cues.yaml")
    topics_path = root / "topics.yaml"
    topics = _list(raw["topics.yaml"], "topics", topics_path)
    for i, t in enumerate(topics):
        if not isinstance(t, dict) or not {"id", "patterns"} <= set(t):
            raise GazetteerError(f"{_at(topics_path, t)} {_entry_name(f'topic #{i + 1}', t)}: needs id and patterns")
        _check_patterns(t["patterns"], topics_path, line=getattr(t, "line", None))

    gaz = Gazetteer(entries=entries, generic=generic, counties=counties, places=places,
                    kosovo=tuple(raw["places.yaml"].get("kosovo") or ()),
                    abroad=tuple(raw["places.yaml"].get("abroad") or ()),
                    titles=titles, honorifics=honorifics, cues=cues, topics=topics,
                    version=gazetteer_version(root), bodies=list(_list(cues, "bodies", root / "cues.yaml")))
    _check_cues(gaz, root / "cues.yaml")
    return gaz


def _list(data: dict[str, Any], key: str, path: Path) -> list[Any]:
    """The list under ``key`` (empty when absent); anything else is an error naming the line."""
    value = data.get(key) or []
    if not isinstance(value, list):
        raise GazetteerError(f"{_at(path, data)} {key}: expected a list, found {type(value).__name__}")
    return value


def _check_patterns(node: Any, path: Path, line: int | None = None) -> None:
    """Compile every string that looks like a pattern, so a bad one fails at start-up (with
    the line of the mapping that holds it)."""
    stack = [(node, getattr(node, "line", line))]
    while stack:  # not recursive: nesting is the file's to choose
        node, line = stack.pop()
        if isinstance(node, dict):
            stack.extend((v, getattr(v, "line", line)) for v in node.values())
        elif isinstance(node, list):
            stack.extend((v, getattr(v, "line", line)) for v in node)
        elif isinstance(node, str):
            try:
                re.compile(node)
            except re.error as exc:
                where = f"{path}: line {line}:" if line else f"{path}:"
                raise GazetteerError(f"{where} bad pattern {_short(repr(node))}: {exc}") from None


def _check_cues(gaz: Gazetteer, path: Path) -> None:
    """Compile the cue lists once, so a missing or misshapen one is named at start-up."""
    from .cues import cues_for

    try:
        cues_for(gaz)
    except KeyError as exc:
        raise GazetteerError(f"{path}: missing cue list {_short(str(exc.args[0]))!r}") from None
    except (TypeError, ValueError, AttributeError, IndexError, re.error) as exc:
        raise GazetteerError(f"{path}: a cue list has the wrong shape ({type(exc).__name__}: "
                             f"{_short(str(exc))})") from None
