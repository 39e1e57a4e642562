"""Minutes: labelled parts, those present and absent, speaker turns, tables of tasks."""
from __future__ import annotations

import pytest

HEAD = ("PROCESVERBAL\n\nMbledhja e Komitetit Rajonal Antitrafik të Qarkut Shkodër\n\n"
        "Data: 14.03.2019\nOra: 10:00\nVendi: Salla e mbledhjeve, Prefektura Shkodër\n\n"
        "Kryesoi: Z. Arben Lika, Prefekt i Qarkut Shkodër\n\n")

NUMBERED = ("Të pranishëm:\n"
            "1. Z. Gentian Lika, Drejtor, DVP Shkodër\n"
            "2. Znj. Elona Dervishi, specialiste, ZVAP Shkodër\n"
            "3. Znj. Sara Prendi, koordinatore, World Vision\n\n")

DISCUSSION = ("Diskutimet:\n\n"
              "Z. Gentian Lika (DVP Shkodër): Gjatë vitit 2018 u identifikuan 4 viktima. "
              "Shqetësim mbetet rekrutimi përmes rrjeteve sociale i vajzave të reja.\n\n"
              "Znj. Elona Dervishi (ZVAP): Braktisja e shkollës nga fëmijët rom vazhdon të jetë e lartë.\n\n")

TASKS = ("Detyrat e lëna:\n\n"
         "Nr | Detyra | Përgjegjës | Afati\n"
         "1 | Hartimi i planit të kontrolleve në lokale | DVP Shkodër | 30.04.2019\n"
         "2 | Organizimi i seancave informuese në shkolla | ZVAP Shkodër | Brenda muajit maj 2019\n"
         "3 | Identifikimi i fëmijëve në situatë rruge | Bashkia Vau i Dejës | Në vijimësi\n")


def meeting(extract_text, text):
    record = extract_text(text)
    assert len(record.meetings) == 1
    return record.meetings[0]


def persons(m):
    return {p.name: (p.honorific, p.role, p.institution) for p in m.persons}


def test_numbered_list_of_those_present(extract_text):
    m = meeting(extract_text, HEAD + NUMBERED + DISCUSSION)
    p = persons(m)
    assert p["Gentian Lika"] == ("z.", "Drejtor", "dvp-shkoder")
    assert p["Elona Dervishi"] == ("znj.", "specialiste", "zvap-shkoder")
    assert p["Sara Prendi"][2] == "world-vision-albania"
    assert m.chair.name == "Arben Lika"


def test_prose_list_of_those_present_split_at_each_honorific(extract_text):
    text = HEAD + ("Në mbledhje morën pjesë: z. Gentian Lika, drejtor i DVP Shkodër; znj. Elona Dervishi, "
                   "specialiste në ZVAP Shkodër, z. Mark Gjoni, përgjegjës i sektorit në DRSHSSH Shkodër.\n\n"
                   + DISCUSSION)
    p = persons(meeting(extract_text, text))
    assert p["Gentian Lika"] == ("z.", "drejtor", "dvp-shkoder")
    assert p["Elona Dervishi"] == ("znj.", "specialiste", "zvap-shkoder")
    assert p["Mark Gjoni"] == ("z.", "përgjegjës i sektorit", "drshssh-shkoder")


def test_those_absent_are_listed_apart_and_do_not_take_part(extract_text):
    text = HEAD + NUMBERED + ("Munguan: Z. Ilir Bushati (Zyra Vendore e Punësimit Shkodër), "
                              "përfaqësuesi i Prokurorisë së Rrethit Gjyqësor Shkodër.\n\n") + DISCUSSION
    m = meeting(extract_text, text)
    assert [(a.name, a.institution) for a in m.absent] == [
        ("Ilir Bushati", "drp-shkoder"), (None, "prokuroria-shkoder")]
    assert "Ilir Bushati" not in persons(m)
    roles = {i.id: i.role for i in m.institutions}
    assert roles["drp-shkoder"] == roles["prokuroria-shkoder"] == "mentioned"
    assert roles["dvp-shkoder"] == "participant"


def test_a_list_of_those_present_ends_where_prose_begins(extract_text):
    text = HEAD + NUMBERED.rstrip("\n") + (
        "\nZ. Gentian Lika, Drejtor i DVP Shkodër, informoi se gjatë tre muajve të parë të vitit janë "
        "identifikuar dy viktima të mundshme të trafikimit dhe se problemi kryesor mbetet lypja e fëmijëve.\n")
    p = persons(meeting(extract_text, text))
    assert p["Gentian Lika"][1] == "Drejtor"  # the prose line is no list item: its role stays the list's


def test_speaker_raises_the_issues_of_their_turn_and_the_text_starts_after_the_label(extract_text):
    m = meeting(extract_text, HEAD + NUMBERED + DISCUSSION)
    issues = {i.text: i.raised_by for i in m.issues}
    assert issues["Shqetësim mbetet rekrutimi përmes rrjeteve sociale i vajzave të reja"] == "dvp-shkoder"
    assert issues["Braktisja e shkollës nga fëmijët rom vazhdon të jetë e lartë"] == "zvap-shkoder"


def test_speaker_without_brackets_speaks_for_their_listed_institution(extract_text):
    text = HEAD + NUMBERED + ("Diskutimet:\n\nZnj. Elona Dervishi informoi se numri i fëmijëve që braktisin "
                              "shkollën është rritur. Ajo theksoi mungesën e psikologëve në shkolla.\n")
    m = meeting(extract_text, text)
    assert {i.raised_by for i in m.issues} == {"zvap-shkoder"}


def test_task_table_rows_are_commitments_with_actor_and_deadline(extract_text):
    m = meeting(extract_text, HEAD + NUMBERED + DISCUSSION + TASKS)
    tasks = {c.text: (c.actor, c.due, c.due_text) for c in m.commitments}
    assert tasks["Hartimi i planit të kontrolleve në lokale"] == ("dvp-shkoder", "2019-04-30", "30.04.2019")
    assert tasks["Organizimi i seancave informuese në shkolla"][:2] == ("zvap-shkoder", "2019-05")
    assert tasks["Identifikimi i fëmijëve në situatë rruge"] == ("bashkia-vau-i-dejes", None, "Në vijimësi")
    assert m.date == "2019-03-14"  # a deadline in the table is not the meeting's date


def test_a_numbered_table_goes_on_after_a_page_break(extract_text):
    text = HEAD + ("Pjesëmarrës\n\nNr | Emër Mbiemër | Institucioni | Pozicioni\n"
                   "1 | Gentian Lika | DVP Shkodër | Drejtor\n"
                   "2 | Elona Dervishi | ZVAP Shkodër | Specialiste\n\n"
                   "Faqe 1 nga 2\n\n"
                   "3 | Mark Gjoni | DRSHSSH Shkodër | Përgjegjës sektori\n\n"
                   "Faqe 2 nga 2\n\n"
                   "5 | Nuk Vazhdon | DAR Shkodër | Specialist\n\n") + DISCUSSION
    p = persons(meeting(extract_text, text))
    assert p["Mark Gjoni"] == (None, "Përgjegjës sektori", "drshssh-shkoder")
    assert "Nuk Vazhdon" not in p  # 5 does not follow 3: not the same table


def test_a_table_with_a_merged_institution_cell_repeats_it(extract_text):
    text = HEAD + ("Nr | Emër Mbiemër | Institucioni | Pozicioni\n"
                   "1 | Gentian Lika | DVP Shkodër | Drejtor\n"
                   "2 | Albana Hysa | DVP Shkodër | Specialiste antitrafik\n\n") + DISCUSSION
    p = persons(meeting(extract_text, text))
    assert p["Albana Hysa"][2] == p["Gentian Lika"][2] == "dvp-shkoder"


def test_parts_are_found_in_any_order(extract_text):
    text = HEAD + TASKS + "\n" + DISCUSSION + NUMBERED
    m = meeting(extract_text, text)
    assert len(m.commitments) >= 3 and "Sara Prendi" in persons(m)


@pytest.mark.parametrize("label", ["Munguan:", "Nuk morën pjesë:", "Të munguar:"])
def test_absent_labels(extract_text, label):
    m = meeting(extract_text, HEAD + NUMBERED + f"{label} DAR Shkodër, Zyra e Punësimit\n\n" + DISCUSSION)
    assert {a.institution for a in m.absent} == {"zvap-shkoder", "drp-shkoder"}


def test_a_press_release_has_no_minutes_parts(extract_text):
    m = meeting(extract_text, "Sot u zhvillua mbledhja e KRAT Shkodër. Morën pjesë DVP Shkodër dhe ZVAP Shkodër. "
                              "U diskutua për problemin e lypjes së fëmijëve.")
    assert m.absent == [] and m.agenda == []


def test_the_hour_it_began_not_the_hour_it_closed(extract_text):
    assert meeting(extract_text, HEAD + NUMBERED + DISCUSSION).time == "10:00"
    text = HEAD.replace("Ora: 10:00\n", "") + DISCUSSION + "Mbledhja u mbyll në orën 12:45."
    assert meeting(extract_text, text).time is None
    assert meeting(extract_text, "Sot në orën 9.30 u zhvillua mbledhja e KRAT Durrës.").time == "09:30"
