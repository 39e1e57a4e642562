"""Matching: match keys, exact/alias/abbreviation/fuzzy institution matches, places, bodies."""
from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pipeline.analyse import match_key


@pytest.mark.parametrize("forms", [
    ("Drejtoria", "Drejtorisë", "Drejtorinë", "Drejtorise"),
    ("Policia", "Policisë", "Policinë", "Policise"),
    ("Shërbimi", "Shërbimit", "Shërbimin", "Sherbimit"),
    ("Bashkia", "Bashkisë", "Bashkinë", "Bashkise"),
    ("Fëmijët", "Fëmijëve", "Femijeve", "fëmijë"),
    ("të", "së", "e", "i"),
])
def test_inflected_forms_share_a_key(forms):
    assert len({match_key(f) for f in forms}) == 1


def test_acronyms_keep_their_letters():
    assert match_key("ZVAP") == "zvap"
    assert match_key("NJVKSH") == "njvksh"


@given(st.text(alphabet="abcdefghijklmnopqrstuvwxyzëç", min_size=1, max_size=20))
def test_match_key_ignores_case_and_diacritics(word):
    from pipeline.normalize import fold
    assert match_key(word) == match_key(fold(word)) == match_key(word.capitalize())


def _matches(extractor, text):
    doc = extractor.nlp(text)
    return [(m.text, m.ref, m.method) for m in doc._.institution_matches]


def test_inflected_undiacritised_name_is_an_alias_match(extractor):
    got = _matches(extractor, "Punonjes te Drejtorise Vendore te Policise morën pjesë.")
    assert ("Drejtorise Vendore te Policise", "dvp", "alias") in got


def test_abbreviation_with_case_suffix(extractor):
    got = _matches(extractor, "Përfaqësuesja e ZVAP-it dhe NJVKSH-së foli.")
    assert ("ZVAP-it", "zvap", "abbreviation") in got
    assert ("NJVKSH-së", "njvksh", "abbreviation") in got


def test_abbreviation_is_case_sensitive(extractor):
    assert not [g for g in _matches(extractor, "Ai tha se zvap nuk është fjalë.") if g[1] == "zvap"]


def test_typo_is_a_fuzzy_match(extractor):
    doc = extractor.nlp("Morën pjesë edhe Inspektoriati Shteteror i Punes dhe Sherbimeve Shoqerore.")
    hits = [m for m in doc._.institution_matches if m.ref == "ishpshsh"]
    assert hits and hits[0].method in ("alias", "exact", "fuzzy")


def test_misspelt_head_is_fuzzy_with_score(extractor):
    doc = extractor.nlp("Ishin të pranishëm nga Njësisia Vendore e Kujdesit Shëndetësor.")
    hits = [m for m in doc._.institution_matches if m.ref == "njvksh"]
    assert hits and hits[0].method == "fuzzy" and 80 <= hits[0].score < 100


def test_unknown_organisation_is_unmatched(extractor):
    doc = extractor.nlp("Mori pjesë edhe Shoqata Bletët e Vogla të Malësisë.")
    assert [m.text for m in doc._.institution_matches if m.method == "unmatched"] == [
        "Shoqata Bletët e Vogla të Malësisë"]


def test_places_in_every_form(extractor):
    doc = extractor.nlp("Takimi në Shkodër, Shkodrës, Durres, Kukësit dhe Fushë-Krujë; pastaj në Prishtinë.")
    counties = [(p.text, p.county) for p in doc._.places]
    assert ("Shkodër", "Shkodër") in counties and ("Shkodrës", "Shkodër") in counties
    assert ("Durres", "Durrës") in counties and ("Kukësit", "Kukës") in counties
    assert ("Prishtinë", None) in counties


def test_lowercase_place_word_is_not_a_place(extractor):
    doc = extractor.nlp("ai ishte i mat nga lodhja")
    assert doc._.places == []


def test_bodies_are_found(extractor):
    doc = extractor.nlp("Mblidhet KRAT-i dhe Tryeza Teknike Antitrafik e Qarkut Lezhë.")
    assert [b.text for b in doc._.bodies] == ["KRAT-i", "Tryeza Teknike Antitrafik"]
