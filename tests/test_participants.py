"""Participants: institution roles, generic branches, persons, honorifics, chair."""
from __future__ import annotations


def first(extract_text, text):
    return extract_text(text).meetings[0]


def roles(meeting):
    return {i.id: i.role for i in meeting.institutions}


def test_roles_from_cues(extract_text):
    m = first(extract_text, (
        "Prefektura e Qarkut Shkodër në bashkëpunim me Caritas Shqiptar organizoi një trajnim, "
        "financuar nga UNICEF. Morën pjesë përfaqësues të ZVAP dhe të Policisë Vendore. "
        "Prefekti falënderoi Ambasadën Britanike."))
    r = roles(m)
    assert r["prefektura-shkoder"] == "organizer"
    assert r["caritas-shqiptar"] == "organizer"
    assert r["unicef"] == "funder"
    assert r["zvap-shkoder"] == "participant"
    assert r["dvp-shkoder"] == "participant"
    assert r.get("ambasada-britanike") == "mentioned"


def test_generic_branch_resolves_to_the_documents_county(extract_text):
    m = first(extract_text, "Në takimin e KRAT të Qarkut Lezhë ishin të pranishëm Drejtoria Vendore e Policisë "
                            "dhe Zyra e Punës.")
    assert {"dvp-lezhe", "drp-lezhe"} <= set(roles(m))


def test_role_phrase_names_an_office(extract_text):
    m = first(extract_text, "Në trajnim mori pjesë Prefekti i Qarkut Durrës, z. Ilir Dema.")
    assert "prefektura-durres" in roles(m)


def test_generic_groups_are_not_institutions(extract_text):
    m = first(extract_text, "Në takim ishin të pranishëm institucionet anëtare dhe OJF-të e qarkut Fier.")
    assert all(i.id for i in m.institutions) and "OJF" not in str([i.name for i in m.institutions])


def test_list_of_municipalities_after_bashkia(extract_text):
    m = first(extract_text, "Në takim morën pjesë përfaqësues nga Bashkia Durrës, Shijak dhe Krujë.")
    assert {"bashkia-durres", "bashkia-shijak", "bashkia-kruje"} <= set(roles(m))


def persons(meeting):
    return {p.name: p for p in meeting.persons}


def test_honorifics_in_every_spelling(extract_text):
    m = first(extract_text, (
        "Takimi u zhvillua me pjesëmarrjen e z.Arben Kola, Znj. Mimoza Leka, zj. Elira Hoxha "
        "dhe z Gentian Prifti."))
    assert {"Arben Kola", "Mimoza Leka", "Elira Hoxha", "Gentian Prifti"} <= set(persons(m))
    assert persons(m)["Mimoza Leka"].honorific == "znj."


def test_surname_in_capitals(extract_text):
    m = first(extract_text, "Prefekti i Qarkut Berat z. Arjan MUKAJ kryesoi takimin e KRAT.")
    assert "Arjan Mukaj" in persons(m)
    assert m.chair.name == "Arjan Mukaj"


def test_name_after_title_without_honorific(extract_text):
    m = first(extract_text, ("Punëtoria u hap nga Zëvendësministri i Brendshëm, Dritan Shehu, i cili "
                             "theksoi rëndësinë e bashkëpunimit."))
    assert "Dritan Shehu" in persons(m)
    assert m.chair.name == "Dritan Shehu"


def test_role_in_apposition(extract_text):
    m = first(extract_text, "Në takim morën pjesë Z. Safet Dervishi, Prefekti i Qarkut Kukës, dhe të tjerë.")
    p = persons(m)["Safet Dervishi"]
    assert p.role.startswith("Prefekti i Qarkut Kukës") and p.institution == "prefektura-kukes"


def test_chair_from_nen_drejtimin_e(extract_text):
    m = first(extract_text, ("Nën drejtimin e Prefektit të Qarkut Fier, z. Besnik Lala, u zhvillua mbledhja "
                             "e Komitetit Rajonal Antitrafik."))
    assert m.chair.name == "Besnik Lala" and m.chair.institution == "prefektura-fier"
    assert roles(m)["prefektura-fier"] == "organizer"


def test_title_alone_is_not_a_person(extract_text):
    m = first(extract_text, "Prefekti i Qarkut Vlorë zhvilloi një takim me anëtarët e KRAT.")
    assert m.persons == [] and m.chair is None
