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
    try:
        data = load_yaml(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise GazetteerError(f"{path}: file not found") from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" line {mark.line + 1}" if mark else ""
        raise GazetteerError(f"{path}:{where} not valid YAML ({getattr(exc, 'problem', exc)})") from None
    if not isinstance(data, dict):
        raise GazetteerError(f"{path}: expected a mapping at the top level")
    return data


def _validate(model: type[BaseModel], item: Any, path: Path, where: str) -> Any:
    try:
        return model.model_validate(item)
    except ValidationError as exc:
        err = exc.errors()[0]
        loc = ".".join(str(p) for p in err["loc"])
        name = item.get("id") or item.get("name") or item.get("canonical") if isinstance(item, dict) else None
        raise GazetteerError(f"{path}: {where} {name or ''}: {loc}: {err['msg']}".replace("  ", " ")) from None


def _fill(text: str, values: dict[str, str]) -> str:
    try:
        return text.format(**values)
    except KeyError as exc:
        raise GazetteerError(f"unknown placeholder {{{exc.args[0]}}} in {text!r}") from None


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
    for i, item in enumerate(raw["places.yaml"].get("counties") or []):
        spec = _validate(CountySpec, item, places_path, f"county #{i + 1}")
        counties[spec.name] = spec
    if len(counties) != 12:
        raise GazetteerError(f"{places_path}: expected 12 counties, found {len(counties)}")

    entries: dict[str, Entry] = {}
    generic: dict[str, Entry] = {}

    def add(entry: Entry, path: Path) -> None:
        if entry.id in entries:
            raise GazetteerError(f"{path}: duplicate institution id {entry.id!r}")
        entries[entry.id] = entry

    inst_path = root / "institutions.yaml"
    for i, item in enumerate(raw["institutions.yaml"].get("institutions") or []):
        spec = _validate(InstitutionSpec, item, inst_path, f"institution #{i + 1}")
        add(Entry(spec.id, spec.name, spec.kind, spec.level, tuple(spec.abbreviations),
                  tuple(spec.aliases), _former(spec.former_names, {})), inst_path)

    br_path = root / "branches.yaml"
    br = raw["branches.yaml"]
    for i, item in enumerate(br.get("county_templates") or []):
        spec = _validate(InstitutionSpec, item, br_path, f"county template #{i + 1}")
        gid = spec.id.replace("-{slug}", "")
        generic[gid] = _generic_entry(spec, gid, "county")
        for c in counties.values():
            values = {"county": c.name, "county_def": c.definite, "county_gen": c.genitive, "slug": c.slug}
            add(_expand(spec, values, "county", c.name, None, gid), br_path)
    for i, item in enumerate(br.get("municipality_templates") or []):
        spec = _validate(InstitutionSpec, item, br_path, f"municipality template #{i + 1}")
        gid = spec.id.replace("-{slug}", "")
        generic[gid] = _generic_entry(spec, gid, "municipality")
        for c in counties.values():
            for m in c.municipalities:
                values = {"municipality": m.name, "municipality_gen": m.genitive or m.name,
                          "slug": m.slug, "county": c.name}
                add(_expand(spec, values, "municipality", c.name, m.name, gid), br_path)

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
              for i, t in enumerate(raw["titles.yaml"].get("titles") or [])]
    honorifics = [_validate(HonorificSpec, h, titles_path, f"honorific #{i + 1}")
                  for i, h in enumerate(raw["titles.yaml"].get("honorifics") or [])]

    cues = raw["cues.yaml"]
    _check_patterns(cues, root / "cues.yaml")
    topics = raw["topics.yaml"].get("topics") or []
    for i, t in enumerate(topics):
        if not isinstance(t, dict) or not {"id", "patterns"} <= set(t):
            raise GazetteerError(f"{root / 'topics.yaml'}: topic #{i + 1}: needs id and patterns")
        _check_patterns(t["patterns"], root / "topics.yaml")

    gaz = Gazetteer(entries=entries, generic=generic, counties=counties, places=places,
                    kosovo=tuple(raw["places.yaml"].get("kosovo") or ()),
                    abroad=tuple(raw["places.yaml"].get("abroad") or ()),
                    titles=titles, honorifics=honorifics, cues=cues, topics=topics,
                    version=gazetteer_version(root), bodies=list(cues.get("bodies") or []))
    return gaz


def _check_patterns(node: Any, path: Path) -> None:
    """Compile every string that looks like a pattern, so a bad one fails at start-up."""
    if isinstance(node, dict):
        for v in node.values():
            _check_patterns(v, path)
    elif isinstance(node, list):
        for v in node:
            _check_patterns(v, path)
    elif isinstance(node, str):
        try:
            re.compile(node)
        except re.error as exc:
            raise GazetteerError(f"{path}: bad pattern {node!r}: {exc}") from None
