"""Gazetteer loading: validation errors name file and entry; templates expand; aliases match themselves."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from pipeline.errors import GazetteerError
from pipeline.gazetteer import load_gazetteer

ROOT = Path(__file__).resolve().parent.parent


def test_all_counties_and_municipalities(gaz):
    assert len(gaz.counties) == 12
    municipalities = [m for c in gaz.counties.values() for m in c.municipalities]
    assert len(municipalities) == 61


def test_county_templates_expand_for_every_county(gaz):
    for county in gaz.counties.values():
        for prefix in ("prefektura", "dvp", "drkm", "drshssh", "zvap", "njvksh", "drp"):
            entry = gaz.entries[f"{prefix}-{county.slug}"]
            assert entry.county == county.name
            assert county.name in entry.name


def test_municipal_templates_expand_for_every_municipality(gaz):
    assert gaz.entries["bashkia-shijak"].county == "Durrës"
    assert gaz.entries["bashkia-vau-i-dejes"].county == "Shkodër"
    assert gaz.entries["njmf-kruje"].municipality == "Krujë"


def test_generic_branch_resolves_to_county(gaz):
    assert gaz.branch("dvp", "Kukës").id == "dvp-kukes"
    assert gaz.branch("dvp", None).id == "dvp"


def test_places_know_towns_and_inflected_forms(gaz):
    county = {form: p.county for p in gaz.places for form in p.forms}
    assert county["Fushë-Krujë"] == "Durrës" and county["Peshkopi"] == "Dibër"
    assert county["Shkodra"] == "Shkodër" and county["Tiranës"] == "Tiranë"


def _copy(tmp_path: Path) -> Path:
    target = tmp_path / "gz"
    shutil.copytree(ROOT / "gazetteers", target)
    return target


def test_bad_entry_names_file_and_entry(tmp_path):
    gz = _copy(tmp_path)
    path = gz / "institutions.yaml"
    path.write_text(path.read_text("utf-8") + "  - id: pa-lloj\n    name: Pa Lloj\n", "utf-8")
    with pytest.raises(GazetteerError) as err:
        load_gazetteer(gz)
    message = str(err.value)
    assert "institutions.yaml" in message and "pa-lloj" in message and "kind" in message
    assert "\n" not in message


def test_invalid_yaml_names_the_line(tmp_path):
    gz = _copy(tmp_path)
    (gz / "titles.yaml").write_text("version: 1\nhonorifics: [\n", "utf-8")
    with pytest.raises(GazetteerError, match=r"titles.yaml: line \d+ not valid YAML"):
        load_gazetteer(gz)


def test_duplicate_id_is_an_error(tmp_path):
    gz = _copy(tmp_path)
    path = gz / "institutions.yaml"
    path.write_text(path.read_text("utf-8") + "  - {id: unicef, name: UNICEF 2, kind: international}\n", "utf-8")
    with pytest.raises(GazetteerError, match="duplicate institution id 'unicef'"):
        load_gazetteer(gz)


def test_bad_cue_pattern_is_an_error(tmp_path):
    gz = _copy(tmp_path)
    path = gz / "topics.yaml"
    path.write_text(path.read_text("utf-8") + "  - {id: broken, label: x, patterns: ['(unclosed']}\n", "utf-8")
    with pytest.raises(GazetteerError, match="bad pattern"):
        load_gazetteer(gz)


def test_missing_directory_is_an_error(tmp_path):
    with pytest.raises(GazetteerError, match="not found"):
        load_gazetteer(tmp_path / "nowhere")


@pytest.fixture(scope="module")
def names(gaz):
    return sorted((e.id, e.name) for e in gaz.entries.values() if e.level != "municipality")


def test_every_canonical_name_matches_its_own_entry(gaz, extractor):
    """Each national name, written alone in a sentence, matches its entry at score 100."""
    nlp = extractor.nlp
    failures = []
    for entry in gaz.entries.values():
        if entry.template:
            continue
        doc = nlp(f"Në takim ishte {entry.name}.")
        hits = [m for m in doc._.institution_matches if m.ref == entry.id and m.score == 100.0]
        if not hits:
            failures.append(entry.id)
    assert not failures, failures[:20]
