"""Participants: institution roles, generic branches, persons, honorifics, chair."""
from __future__ import annotations

import pytest


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


def test_former_name_is_used_in_its_years(extract_text):
    m = first(extract_text, ("Tiranë, 10.05.2016\n\nU zhvillua takimi i KRAT të Qarkut Tiranë. "
                             "Morën pjesë përfaqësues të Ministrisë së Punëve të Brendshme dhe të DAR Tiranë."))
    names = {i.id: i.name for i in m.institutions}
    assert names["ministria-e-brendshme"] == "Ministria e Punëve të Brendshme"
    assert names["zvap-tirane"] == "Drejtoria Arsimore Rajonale Tiranë"


def test_current_name_after_the_renaming(extract_text):
    m = first(extract_text, ("Tiranë, 10.05.2021\n\nU zhvillua takimi i KRAT të Qarkut Tiranë. "
                             "Morën pjesë përfaqësues të Ministrisë së Brendshme."))
    assert {i.id: i.name for i in m.institutions}["ministria-e-brendshme"] == "Ministria e Brendshme"


def test_office_named_by_a_role_takes_part(extract_text):
    m = first(extract_text, ("U zhvillua takimi i Mekanizmit Kombëtar të Referimit. Morën pjesë Arta Hoxha "
                             "Zëvendësministre e Arsimit dhe Sportit dhe të tjerë."))
    assert "ministria-e-arsimit-dhe-sportit" in roles(m)


def test_abbreviation_shared_with_kosovo_resolves_to_the_kosovo_body(extract_text):
    m = first(extract_text, ("Në Prishtinë po mbahet punëtoria për strategjinë kundër trafikimit. "
                             "Kjo punëtori është mbështetur nga OSBE në Kosovë."))
    ids = set(roles(m))
    assert "misioni-i-osbe-se-ne-kosove" in ids and "prezenca-e-osbe-se-ne-shqiperi" not in ids


def test_unmatched_group_of_bodies_is_not_an_institution(extract_text):
    rec = extract_text("U zhvillua takimi i KRAT në Qarkun Durrës me stafin e Qendrave Provizore Sezonale.")
    assert "Qendrave Provizore Sezonale" in [u.text for u in rec.unmatched]
    assert all(i.name != "Qendrave Provizore Sezonale" for i in rec.meetings[0].institutions)


def test_fuzzy_match_below_the_clear_score_is_flagged_for_review(extract_text):
    m = first(extract_text, "U zhvillua takimi i KRAT në Qarkun Durrës. Morën pjesë Njësia Vndre e Kujdsit Shndetsor.")
    [inst] = [i for i in m.institutions if i.id == "njvksh-durres"]
    assert inst.match.method == "fuzzy" and inst.match.review is True


def test_table_of_those_present_gives_persons_with_role_and_institution(extract_text):
    m = first(extract_text, ("PROCESVERBAL i mbledhjes së Tryezës Teknike, Qarku Berat\n\nData: 04.05.2021\n\n"
                             "Nr | Emër Mbiemër | Institucioni | Funksioni\n\n"
                             "1 | Ardian Shehu | DVP Berat | Specialist antitrafik\n\n"
                             "2 | Znj. Elda Koci | Bashkia Kuçovë | Punonjëse për mbrojtjen e fëmijëve\n\n"
                             "Diskutimet: u zhvillua mbledhja e Tryezës Teknike."))
    people = persons(m)
    assert people["Ardian Shehu"].role == "Specialist antitrafik"
    assert people["Ardian Shehu"].institution == "dvp-berat"
    assert people["Elda Koci"].institution == "bashkia-kucove"
    assert people["Elda Koci"].honorific == "znj." and people["Elda Koci"].mentions[0].text.endswith("Elda Koci")
    assert {"dvp-berat", "bashkia-kucove"} <= set(roles(m))


def test_a_table_without_a_name_column_gives_no_persons(extract_text):
    m = first(extract_text, ("U zhvillua mbledhja e KRAT në Qarkun Fier.\n\nViti | Raste | Institucioni\n\n"
                             "2020 | Dritan Hoxha | DVP Fier"))
    assert "Dritan Hoxha" not in persons(m)


def test_a_partner_named_only_inside_a_commitment_is_mentioned(extract_text):
    m = first(extract_text, (
        "Më 12 prill 2021 u zhvillua mbledhja e KRAT Gjirokastër, me pjesëmarrjen e Bashkisë Gjirokastër. "
        "Prefekti kërkoi që Bashkia Gjirokastër të përfundojë regjistrimin e fëmijëve deri në maj 2021, "
        "në bashkëpunim me Zyrën e Gjendjes Civile Gjirokastër."))
    r = roles(m)
    assert r["bashkia-gjirokaster"] == "participant"
    assert r["zyra-gjendjes-civile-gjirokaster"] == "mentioned"


def test_a_title_with_an_inflected_acronym_before_the_name(extract_text):
    m = first(extract_text, "Më 26 mars 2019 u zhvillua një trajnim në Fier. Eksperti i IOM-it, Genti Bajrami, "
                            "prezantoi treguesit kryesorë të trafikimit.")
    assert [p.name for p in m.persons] == ["Genti Bajrami"]


def test_a_name_from_an_institution_named_a_few_words_later(extract_text):
    m = first(extract_text, "Më 20 shkurt 2018 u zhvillua një punëtori në Prishtinë. Vesna Vujoviq nga misioni i "
                            "OSBE-së tha se Kosova mbetet një vend i origjinës së viktimave.")
    assert "Vesna Vujoviq" in [p.name for p in m.persons]


def test_municipality_list_whose_first_name_starts_like_a_conjunction(extract_text):
    text = ("Më 20 korrik 2023 u zhvillua mbledhja e KRAT Elbasan. Në mbledhje morën pjesë kryetarë të bashkive "
            "Elbasan, Peqin, Gramsh dhe Cërrik.")
    ids = {i.id for i in extract_text(text).meetings[0].institutions}
    assert {"bashkia-elbasan", "bashkia-peqin", "bashkia-gramsh", "bashkia-cerrik"} <= ids


def test_a_cue_inside_an_institution_name_does_not_make_it_mentioned(extract_text):
    text = ("UNICEF Shqipëri zhvilloi më 22 shkurt 2024 një takim pune me stafin e Njësisë për Mbrojtjen e "
            "Fëmijës në Bashkinë Bulqizë.")
    roles = {i.id: i.role for i in extract_text(text).meetings[0].institutions}
    assert roles["njmf-bulqize"] == "participant"


def test_lower_case_title_then_a_name_whose_surname_shares_a_place_key(extract_text):
    text = "Komiteti Rajonal Antitrafik i Vlorës u mblodh më 3 shkurt 2020 nën drejtimin e prefektit Artan Kuka."
    assert [p.name for p in extract_text(text).meetings[0].persons] == ["Artan Kuka"]


def test_an_institution_in_a_list_of_those_present_is_not_a_person(extract_text):
    text = ("Më 15 janar 2021 u zhvillua analiza vjetore e KRAT Durrës. Në mbledhje morën pjesë: "
            "znj. Arta Kodheli, specialiste në Ministrinë e Brendshme; Njësia Vendore e Kujdesit Shëndetësor "
            "Durrës; Inspektorati Shtetëror i Punës dhe Shërbimeve Shoqërore, Dega Rajonale Durrës.")
    assert [p.name for p in extract_text(text).meetings[0].persons] == ["Arta Kodheli"]


@pytest.mark.parametrize("text,expected", [
    # police commissariats serve a municipality
    ("Më 7 prill 2021 u zhvillua në Librazhd një trajnim me punonjës të Komisariatit të Policisë "
     "Librazhd dhe të Komisariatit të Policisë Lushnjë.", {"komisariati-librazhd", "komisariati-lushnje"}),
    # sub-prefectures listed after their head
    ("Më 14 korrik 2017 u zhvillua mbledhja e KRAT Vlorë në Delvinë. Në mbledhje morën pjesë "
     "nënprefektët e Sarandës dhe Delvinës.", {"nenprefektura-sarande", "nenprefektura-delvine"}),
])
def test_bodies_of_a_municipality(extract_text, text, expected):
    ids = {i.id for i in extract_text(text).meetings[0].institutions}
    assert expected <= ids


def test_local_education_office_of_a_former_district(extract_text):
    text = ("Më 5 mars 2018 u zhvillua analiza vjetore e KRAT Berat. Morën pjesë Drejtoria Arsimore Rajonale "
            "Berat, Zyra Arsimore Kuçovë dhe Zyra Vendore Arsimore Skrapar.")
    names = {i.id: i.name for i in extract_text(text).meetings[0].institutions}
    assert names["zva-kucove"] == "Zyra Arsimore Kuçovë"  # its name before the 2019 reform
    assert "zva-skrapar" in names and "zvap-berat" in names


def test_a_bare_generic_name_refers_to_the_full_name_given_before(extract_text):
    text = ("Më 15 nëntor 2019 u zhvillua mbledhja e KRAT Tiranë në Kavajë. Morën pjesë përfaqësues të "
            "Zyrës Vendore Arsimore Kavajë. Përfaqësuesja e Zyrës Vendore Arsimore, zj. Eriola Kapllani, foli "
            "për braktisjen e shkollës.")
    meeting = extract_text(text).meetings[0]
    assert [i.id for i in meeting.institutions if "arsim" in i.name.lower()] == ["zva-kavaje"]
    assert meeting.persons[0].institution == "zva-kavaje"


def test_countries_of_the_eu_are_a_place_not_a_participant(extract_text):
    text = ("Më 16 shkurt 2018 u zhvillua mbledhja e Tryezës Teknike Kukës. Prefekti ngriti shqetësimin për "
            "emigrimin e të rinjve drejt vendeve të BE-së me oferta të rreme pune.")
    roles = {i.id: i.role for i in extract_text(text).meetings[0].institutions}
    assert roles.get("bashkimi-europian") == "mentioned"


@pytest.mark.parametrize("words", ["Drejtorive Rajonale", "Drejtorisë Rajonale"])
def test_a_head_noun_with_a_generic_adjective_names_no_institution(extract_text, words):
    text = f"Më 31 tetor 2019 u zhvillua një takim i {words} me nxënësit e shkollës në Berat."
    assert all(i.id is not None for i in extract_text(text).meetings[0].institutions)


def test_minutes_secretary_after_a_label_and_speakers_by_surname_merge(extract_text):
    text = ("PROCESVERBAL\nMbledhja e Tryezës Teknike Antitrafik, Qarku Berat\n\nData: 28/09/2022\n"
            "Të pranishëm: Eda Muçaj (DVP Berat); Manjola Ruci (NJMF, Bashkia Kuçovë)\n\nDiskutimi:\n"
            "Znj. Ruci: NJMF-ja ndjek 14 raste. Problem mbetet mungesa e psikologut në NJMF.\n\n"
            "Mbajti procesverbalin: Ervis Nika\n")
    names = [p.name for p in extract_text(text).meetings[0].persons]
    assert names == ["Eda Muçaj", "Manjola Ruci", "Ervis Nika"]


def test_a_first_name_like_a_head_noun_is_a_person(extract_text):
    text = ("Më 16 shkurt 2018 u zhvillua mbledhja e Tryezës Teknike Kukës, e drejtuar nga Kordinatori i "
            "Pergjithshem, z. Bashkim Gjana.")
    meeting = extract_text(text).meetings[0]
    assert meeting.chair.name == "Bashkim Gjana" and all(i.id for i in meeting.institutions)
