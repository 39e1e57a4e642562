#!/usr/bin/env python3
"""Generate six sample meeting minutes (procesverbal) and their checklist in ``samples/``.

The six documents are fictional KRAT and Tryeza Teknike minutes. Each one uses a
different layout, so that the readers and the extractor meet the forms real
minutes take:

* ``korce-2019-11-26-procesverbal-krat.docx``              participants table, repeated header row
                                                            (w:tblHeader), vertically merged cells
                                                            (w:vMerge); decisions table
* ``shkoder-2017-05-18-procesverbal-tryeza-teknike.pdf``   numbered participant list; tasks with
                                                            "Përgjegjës:" / "Afati:" lines
* ``elbasan-2021-10-14-procesverbal-krat.pdf``             landscape; bordered participants table that
                                                            crosses a page, header row repeated
* ``kukes-2016-12-08-procesverbal-tryeza-teknike.pdf``     tables without ruling lines; body typed
                                                            mostly without diacritics
* ``vlore-2023-06-13-procesverbal-tryeza-teknike.docx``    participants in prose; decisions before the
                                                            discussion; a landscape section
* ``berat-2024-02-22-procesverbal-krat.pdf``               page 1 is a scanned image without text

``samples/minutes-checklist.yaml`` is written from the same data. It lists what a
complete record of each document must contain.

All text lives in this file. The output is deterministic, with the same
conventions as ``make_samples.py`` (fixed DOCX core properties and zip
timestamps, a fixed PDF creation date). The scanned page is drawn with Pillow
and numpy from a fixed seed.

Usage:  .venv/bin/python scripts/make_minutes.py [--out samples] [--check]
"""

from __future__ import annotations

import argparse
import hashlib
import io
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from make_samples import FIXED_DT_UTC, _fix_core_properties, _save_docx

ROOT = Path(__file__).resolve().parent.parent
CHECKLIST_NAME = "minutes-checklist.yaml"


def person(hon: str | None, name: str, role: str, inst: str, inst_id: str | None) -> dict:
    """A participant as the participants list writes them."""
    return {"honorific": hon, "name": name, "role": role, "institution": inst, "institution_id": inst_id}


# ===========================================================================
# 1. DOCX - Korçë KRAT, 26.11.2019
#    Participants table (25 rows, header row repeated, two vertical merges),
#    decisions table Nr | Detyra | Përgjegjës | Afati.
# ===========================================================================

KORCE = {
    "task_source": "decisions table",
    "file": "korce-2019-11-26-procesverbal-krat.docx",
    "county": "Korçë",
    "kind": "committee_meeting",
    "body": {"id": "krat-korce", "name": "Komiteti Rajonal Antitrafik Korçë",
             "as_written": "Komitetit Rajonal Antitrafik të Qarkut Korçë"},
    "letterhead": ["REPUBLIKA E SHQIPËRISË", "INSTITUCIONI I PREFEKTIT TË QARKUT KORÇË",
                   "KOMITETI RAJONAL ANTITRAFIK"],
    "protocol": "Nr. 1843/2 Prot.",
    "dateline": "Korçë, më 28.11.2019",
    "published": "2019-11-28",
    "title": "PROCESVERBAL",
    "subtitle": "i mbledhjes së Komitetit Rajonal Antitrafik të Qarkut Korçë",
    "date": "2019-11-26", "date_text": "26.11.2019",
    "time": "10:00", "time_end": "12:30", "time_text": "10:00 – 12:30",
    "place": "Salla e mbledhjeve, Institucioni i Prefektit të Qarkut Korçë",
    "chair_line": ("Kryesoi", "Z. Ilirjan Gjika, Prefekt i Qarkut Korçë, Kryetar i KRAT"),
    "chair": {"honorific": "Z.", "name": "Ilirjan Gjika", "role": "Prefekt i Qarkut Korçë, Kryetar i KRAT",
              "institution": "Institucioni i Prefektit të Qarkut Korçë", "institution_id": "prefektura-korce"},
    "minutes_line": ("Procesmbajtëse", "Znj. Mirela Dhima, specialiste, sekretare e KRAT"),
    "agenda": [
        "Informacion mbi rastet e VT/VMT të identifikuara në qark gjatë periudhës janar–tetor 2019.",
        "Fëmijët në situatë rruge dhe lypja në Korçë dhe Pogradec gjatë sezonit veror.",
        "Braktisja e shkollës dhe regjistrimi në gjendjen civile i fëmijëve të komuniteteve rome dhe egjiptiane.",
        "Puna sezonale e fëmijëve në mbledhjen e mollëve.",
        "Kalendari i aktiviteteve për vitin 2020 dhe të ndryshme.",
    ],
    # (person, merge_with_previous): a True second element continues the Institucioni cell above (w:vMerge)
    "present": [
        (person("Z.", "Ilirjan Gjika", "Prefekt, Kryetar i KRAT", "Institucioni i Prefektit të Qarkut Korçë", "prefektura-korce"), False),
        (person("Znj.", "Mirela Dhima", "Specialiste, sekretare e KRAT", "Institucioni i Prefektit të Qarkut Korçë", "prefektura-korce"), True),
        (person(None, "Fatmir Xhafa", "Zëvendëskryetar", "Këshilli i Qarkut Korçë", "keshilli-i-qarkut-korce"), False),
        (person(None, "Albana Koçi", "Drejtore e Shërbimeve Sociale", "Bashkia Korçë", "bashkia-korce"), False),
        (person("Z.", "Erion Papa", "Punonjës për mbrojtjen e fëmijëve", "NJMF, Bashkia Korçë", "njmf-korce"), False),
        (person("Znj.", "Lindita Shqau", "Përgjegjëse e Sektorit të Shërbimeve Sociale", "Bashkia Pogradec", "bashkia-pogradec"), False),
        (person(None, "Kristaq Nasi", "Punonjës për mbrojtjen e fëmijëve", "Bashkia Maliq", "bashkia-maliq"), False),
        (person(None, "Valbona Murati", "Specialiste e shërbimeve sociale", "Bashkia Devoll", "bashkia-devoll"), False),
        (person(None, "Ardian Bello", "Nënkryetar", "Bashkia Kolonjë", "bashkia-kolonje"), False),
        (person(None, "Sotir Lako", "Punonjës social", "Bashkia Pustec", "bashkia-pustec"), False),
        (person("Z.", "Gentian Mano", "Shef i Seksionit të Trafiqeve të Paligjshme", "DVP Korçë", "dvp-korce"), False),
        (person(None, "Eriselda Hysa", "Specialiste për të miturit", "DVP Korçë", "dvp-korce"), True),
        (person("Z.", "Blerim Ziu", "Specialist, PKK Kapshticë", "Drejtoria Rajonale e Kufirit dhe Migracionit Korçë", "drkm-korce"), False),
        (person("Znj.", "Ermira Kote", "Drejtore", "DRSHSSH Korçë", "drshssh-korce"), False),
        (person("Z.", "Dritan Vangjeli", "Specialist i shërbimit psiko-social", "ZVAP Korçë", "zvap-korce"), False),
        (person(None, "Eleni Qirjazi", "Specialiste", "Drejtoria Rajonale e Formimit Profesional Korçë", "drfp-korce"), False),
        (person(None, "Marjeta Leka", "Specialiste e shëndetit publik", "NJVKSH Korçë", "njvksh-korce"), False),
        (person(None, "Pëllumb Rama", "Drejtor", "Zyra e Punësimit Korçë", "drp-korce"), False),
        (person("Znj.", "Jonida Gjoni", "Inspektore", "ISHPSHSH, Dega Rajonale Korçë", "ishpshsh-dega-korce"), False),
        (person(None, "Artur Dishnica", "Prokuror", "Prokuroria pranë Gjykatës së Shkallës së Parë Korçë", "prokuroria-korce"), False),
        (person("Z.", "Klodian Sula", "Përgjegjës", "Zyra e Gjendjes Civile Korçë", "zyra-gjendjes-civile-korce"), False),
        (person("Znj.", "Olta Karaj", "Koordinatore programi", "World Vision, Zyra Rajonale Korçë", "world-vision-albania"), False),
        (person(None, "Besnik Duka", "Punonjës në terren", "Terre des hommes", "terre-des-hommes"), False),
        (person(None, "Arbana Çela", "Psikologe", "Nisma ARSIS", "arsis"), False),
        (person(None, "Irena Stefani", "Punonjëse sociale", "Qendra Kombëtare e Pritjes për VT", "qendra-kombetare-e-pritjes-per-viktimat-e-trafikimit"), False),
    ],
    "minutes_taker": {"name": "Mirela Dhima", "as_written": "Procesmbajtëse: Znj. Mirela Dhima, specialiste, sekretare e KRAT"},
    "absent_label": "Munguan:",
    "absent_text": "Z. Edmond Marko (SHISH) dhe përfaqësuesi i Gjykatës së Shkallës së Parë Korçë.",
    "absent": [
        {"honorific": "Z.", "name": "Edmond Marko", "institution": "SHISH", "institution_id": "sherbimi-informativ-shteteror"},
        {"honorific": None, "name": None, "institution": "Gjykatës së Shkallës së Parë Korçë", "institution_id": "gjykata-korce"},
    ],
    "discussion": [
        {"speaker": "Ilirjan Gjika", "lead": "Z. Ilirjan Gjika (Prefekt):",
         "text": "Hapi mbledhjen dhe prezantoi rendin e ditës. Ai kujtoi se detyrat e lëna në mbledhjen e 24 "
                 "shtatorit 2019 janë realizuar në pjesën më të madhe.",
         "issues": []},
        {"speaker": "Gentian Mano", "lead": "Z. Gentian Mano (DVP Korçë):",
         "text": "Informoi se gjatë dhjetë muajve të vitit janë identifikuar 6 VMT, 4 prej tyre të mitura, dhe "
                 "janë regjistruar 2 procedime penale sipas nenit 128/b të Kodit Penal. Si shqetësim kryesor ai "
                 "përmendi rekrutimin e vajzave të mitura përmes rrjeteve sociale me oferta pune si kameriere në Greqi.",
         "issues": [("rekrutimin e vajzave të mitura përmes rrjeteve sociale me oferta pune si kameriere në Greqi",
                     ["online-risks", "border-migration"])]},
        {"speaker": "Blerim Ziu", "lead": "Z. Blerim Ziu (Kufiri dhe Migracioni):",
         "text": "Bëri të ditur se në PKK Kapshticë janë kthyer nga autoritetet greke 11 të mitur të pashoqëruar. "
                 "Ai theksoi se pika e kalimit nuk ka një ambient të përshtatshëm për intervistimin e të miturve.",
         "issues": [("pika e kalimit nuk ka një ambient të përshtatshëm për intervistimin e të miturve",
                     ["border-migration", "identification-referral"])]},
        {"speaker": "Ermira Kote", "lead": "Znj. Ermira Kote (DRSHSSH Korçë):",
         "text": "Paraqiti të dhënat e referimeve dhe ngriti shqetësimin se qarku nuk ka asnjë strehëz apo qendër "
                 "emergjente, ndaj VT/VMT akomodohen në Tiranë, larg familjeve dhe shërbimeve vendore.",
         "issues": [("qarku nuk ka asnjë strehëz apo qendër emergjente, ndaj VT/VMT akomodohen në Tiranë",
                     ["shelters-reintegration"])]},
        {"speaker": "Erion Papa", "lead": "Z. Erion Papa (NJMF Korçë):",
         "text": "Raportoi se gjatë verës u identifikuan 17 fëmijë në situatë rruge, shumica nga komuniteti rom, të "
                 "cilët lypin në pedonale dhe pranë tregut, shpesh të shoqëruar nga të rritur. Sipas tij, punonjësit "
                 "e NJMF-së nuk kanë mbështetje nga policia në daljet në terren gjatë mbrëmjes.",
         "issues": [("17 fëmijë në situatë rruge, shumica nga komuniteti rom, të cilët lypin në pedonale dhe pranë "
                     "tregut, shpesh të shoqëruar nga të rritur", ["street-children", "begging", "roma-egyptian"]),
                    ("punonjësit e NJMF-së nuk kanë mbështetje nga policia në daljet në terren gjatë mbrëmjes",
                     ["child-protection", "cooperation"])]},
        {"speaker": "Lindita Shqau", "lead": "Znj. Lindita Shqau (Bashkia Pogradec):",
         "text": "Shtoi se në Pogradec fenomeni rritet ndjeshëm gjatë sezonit turistik, kur vijnë familje nga qytete "
                 "të tjera dhe fëmijët shesin sende të vogla në bregun e liqenit deri natën vonë.",
         "issues": [("fëmijët shesin sende të vogla në bregun e liqenit deri natën vonë",
                     ["street-children", "tourist-season"])]},
        {"speaker": "Dritan Vangjeli", "lead": "Z. Dritan Vangjeli (ZVAP Korçë):",
         "text": "Informoi se 58 nxënës kanë mbi 50 mungesa të pajustifikuara dhe 19 kanë braktisur shkollën gjatë "
                 "vitit, kryesisht fëmijë të komuniteteve rome dhe egjiptiane pas klasës së katërt.",
         "issues": [("19 kanë braktisur shkollën gjatë vitit, kryesisht fëmijë të komuniteteve rome dhe egjiptiane "
                     "pas klasës së katërt", ["school-dropout", "roma-egyptian"])]},
        {"speaker": "Klodian Sula", "lead": "Z. Klodian Sula (Gjendja Civile):",
         "text": "U ndal te fëmijët e lindur në Greqi që nuk janë pajisur me akt lindje dhe nuk figurojnë në "
                 "regjistrin e gjendjes civile, gjë që i pengon të regjistrohen në shkollë dhe të marrin shërbime "
                 "shëndetësore.",
         "issues": [("fëmijët e lindur në Greqi që nuk janë pajisur me akt lindje dhe nuk figurojnë në regjistrin "
                     "e gjendjes civile", ["civil-registration"])]},
        {"speaker": "Jonida Gjoni", "lead": "Znj. Jonida Gjoni (ISHPSHSH):",
         "text": "Informoi se gjatë inspektimeve të shtatorit dhe tetorit në Devoll dhe Maliq u gjetën 9 të mitur që "
                 "punonin në mbledhjen e mollëve, disa prej tyre nën moshën 14 vjeç.",
         "issues": [("9 të mitur që punonin në mbledhjen e mollëve, disa prej tyre nën moshën 14 vjeç",
                     ["labour-exploitation"])]},
        {"speaker": "Olta Karaj", "lead": "Znj. Olta Karaj (World Vision):",
         "text": "Rikonfirmoi gatishmërinë e organizatës për të mbështetur financiarisht aktivitetet sensibilizuese "
                 "në shkollat e Pogradecit gjatë vitit 2020.",
         "issues": [],
         "commitments": [{"text": "Rikonfirmoi gatishmërinë e organizatës për të mbështetur financiarisht "
                                  "aktivitetet sensibilizuese në shkollat e Pogradecit gjatë vitit 2020",
                          "actor": "World Vision", "actor_ids": ["world-vision-albania"],
                          "due_text": "gjatë vitit 2020", "due": "2020", "due_end": None}]},
    ],
    "tasks_heading": "Vendime dhe detyra",
    "tasks": [
        {"text": "Hartimi i listës së fëmijëve në situatë rruge në Korçë dhe Pogradec dhe referimi i tyre te shërbimet sociale",
         "actor": "NJMF Bashkia Korçë, Bashkia Pogradec", "actor_ids": ["njmf-korce", "bashkia-pogradec"],
         "due_text": "15.12.2019", "due": "2019-12-15", "due_end": None},
        {"text": "Shoqërimi i punonjësve të NJMF-së nga policia në daljet në terren gjatë mbrëmjes",
         "actor": "DVP Korçë", "actor_ids": ["dvp-korce"],
         "due_text": "Në vazhdimësi", "due": None, "due_end": None},
        {"text": "Pajisja me akt lindje dhe regjistrimi në gjendjen civile i fëmijëve të identifikuar",
         "actor": "Zyra e Gjendjes Civile Korçë, në bashkëpunim me NJMF-të",
         "actor_ids": ["zyra-gjendjes-civile-korce", "njmf-korce"],
         "due_text": "31.01.2020", "due": "2020-01-31", "due_end": None},
        {"text": "Dërgimi i listës së nxënësve që kanë braktisur shkollën pranë DRSHSSH Korçë dhe NJMF-ve",
         "actor": "ZVAP Korçë", "actor_ids": ["zvap-korce"],
         "due_text": "20.12.2019", "due": "2019-12-20", "due_end": None},
        {"text": "Ngritja e një ambienti për intervistimin e të miturve në PKK Kapshticë",
         "actor": "Drejtoria Rajonale e Kufirit dhe Migracionit Korçë", "actor_ids": ["drkm-korce"],
         "due_text": "Mars 2020", "due": "2020-03", "due_end": None},
        {"text": "Inspektime të përbashkëta në pemëtoret e Devollit dhe Maliqit gjatë sezonit të vjeljes",
         "actor": "ISHPSHSH Korçë, DVP Korçë", "actor_ids": ["ishpshsh-dega-korce", "dvp-korce"],
         "due_text": "Shtator 2020", "due": "2020-09", "due_end": None},
        {"text": "Kërkesë drejtuar Ministrisë së Shëndetësisë dhe Mbrojtjes Sociale për hapjen e një qendre "
                 "emergjente në qark",
         "actor": "Prefekti i Qarkut Korçë, DRSHSSH Korçë", "actor_ids": ["prefektura-korce", "drshssh-korce"],
         "due_text": "31.12.2019", "due": "2019-12-31", "due_end": None},
        {"text": "Trajnimi i punonjësve të NJMF-ve për identifikimin e VMT",
         "actor": "World Vision, Terre des hommes", "actor_ids": ["world-vision-albania", "terre-des-hommes"],
         "due_text": "Shkurt 2020", "due": "2020-02", "due_end": None},
        {"text": "Hartimi dhe shpërndarja e kalendarit të aktiviteteve për vitin 2020",
         "actor": "Sekretaria e KRAT", "actor_ids": [],
         "due_text": "10.01.2020", "due": "2020-01-10", "due_end": None},
    ],
    "closing": ["Mbledhja e radhës e Komitetit do të zhvillohet në muajin shkurt 2020.",
                "Mbledhja u mbyll në orën 12:30."],
    "signatures": (["Procesmbajtëse", "Mirela Dhima"],
                   ["KRYETARI I KRAT", "PREFEKTI I QARKUT KORÇË", "Ilirjan Gjika"]),
    "mentioned": [
        {"name": "Ministria e Shëndetësisë dhe Mbrojtjes Sociale", "id": "ministria-e-shendetesise-dhe-mbrojtjes-sociale"},
    ],
    "not_meetings": [
        {"text": "mbledhjen e 24 shtatorit 2019", "why": "an earlier KRAT meeting, only referred to"},
        {"text": "Mbledhja e radhës e Komitetit do të zhvillohet në muajin shkurt 2020",
         "why": "the next meeting, only planned (at most a commitment with actor null)"},
    ],
    "exercises": [
        "participants table of 25 rows plus a header row marked w:tblHeader (repeats when it crosses the page)",
        "Institucioni cell merged vertically (w:vMerge) twice: Institucioni i Prefektit (rows 1-2) and DVP Korçë (rows 11-12)",
        "decisions table Nr | Detyra | Përgjegjës | Afati; several actors in one Përgjegjës cell",
        "protocol dateline 'Korçë, më 28.11.2019' differs from the meeting date 'Data: 26.11.2019'",
        "speaker lines 'Z. Name (Institution):' with short or informal institution labels",
    ],
}


# ===========================================================================
# 2. PDF portrait - Shkodër Tryeza Teknike, 18.05.2017
#    Numbered participant list; tasks as numbered paragraphs with
#    "Përgjegjës:" and "Afati:" lines. Helvetica: Latin-1 only.
# ===========================================================================

SHKODER = {
    "task_source": "task list (Përgjegjës / Afati lines)",
    "file": "shkoder-2017-05-18-procesverbal-tryeza-teknike.pdf",
    "county": "Shkodër",
    "kind": "technical_table",
    "body": {"id": "ttat-shkoder", "name": "Tryeza Teknike Antitrafik Shkodër",
             "as_written": "Tryezës Teknike Antitrafik të Qarkut Shkodër"},
    "letterhead": ["REPUBLIKA E SHQIPËRISË", "PREFEKTI I QARKUT SHKODËR"],
    "published": None,
    "title": "Procesverbal i mbledhjes së Tryezës Teknike Antitrafik të Qarkut Shkodër",
    "date": "2017-05-18", "date_text": "18.05.2017",
    "time": "10:00", "time_end": "11:45", "time_text": "10.00",
    "place": "Salla e mbledhjeve e Prefekturës, Shkodër",
    "chair_line": ("Drejtoi mbledhjen", "Znj. Vjollca Marashi, Sekretare e Përgjithshme e Prefekturës, në "
                                        "cilësinë e Kryetares së Tryezës Teknike"),
    "chair": {"honorific": "Znj.", "name": "Vjollca Marashi",
              "role": "Sekretare e Përgjithshme e Prefekturës, në cilësinë e Kryetares së Tryezës Teknike",
              "institution": "Prefektura e Qarkut Shkodër", "institution_id": "prefektura-shkoder"},
    "agenda": [
        "Fëmijët që lypin në qytetin e Shkodrës gjatë sezonit turistik.",
        "Largimi i të miturve të pashoqëruar drejt vendeve të BE-së.",
        "Rekrutimi i të rinjve përmes internetit për punë jashtë vendit.",
        "Të ndryshme.",
    ],
    "present": [
        person("Znj.", "Vjollca Marashi", "Sekretare e Përgjithshme", "Prefektura e Qarkut Shkodër", "prefektura-shkoder"),
        person("Z.", "Pjerin Ndoja", "Specialist", "Prefektura e Qarkut Shkodër", "prefektura-shkoder"),
        person("Z.", "Gentian Lika", "Specialist për trafiqet e paligjshme", "DVP Shkodër", "dvp-shkoder"),
        person("Znj.", "Dila Kraja", "Specialiste për të miturit", "DVP Shkodër", "dvp-shkoder"),
        person("Z.", "Gjon Marku", "Specialist", "Drejtoria Rajonale e Kufirit dhe Migracionit Shkodër", "drkm-shkoder"),
        person("Znj.", "Silvana Kolaj", "Specialiste për VT", "DRSHSSH Shkodër", "drshssh-shkoder"),
        person("Zj.", "Marjana Gjoka", "Psikologe", "DAR Shkodër", "zvap-shkoder"),
        person("Znj.", "Lorela Hysi", "Specialiste", "DSHP Shkodër", "njvksh-shkoder"),
        person("Z.", "Tonin Vukaj", "Specialist", "Zyra Rajonale e Punësimit Shkodër", "drp-shkoder"),
        person("Znj.", "Entela Dushi", "Inspektore", "ISHPSHSH, Dega Rajonale Shkodër", "ishpshsh-dega-shkoder"),
        person("Znj.", "Bardha Prendi", "Punonjëse për mbrojtjen e fëmijëve", "NJMF, Bashkia Shkodër", "njmf-shkoder"),
        person("Z.", "Arben Toma", "Punonjës social", "Bashkia Malësi e Madhe", "bashkia-malesi-e-madhe"),
        person("Znj.", "Drane Gjeka", "Punonjëse për mbrojtjen e fëmijëve", "Bashkia Vau i Dejës", "bashkia-vau-i-dejes"),
        person("Z.", "Mark Pepa", "Prokuror", "Prokuroria e Rrethit Gjyqësor Shkodër", "prokuroria-shkoder"),
        person("Znj.", "Ilda Shala", "Koordinatore", "Të Ndryshëm dhe të Barabartë (D&E)", "te-ndryshem-dhe-te-barabarte"),
    ],
    "minutes_taker": {"name": "Pjerin Ndoja", "as_written": "Procesverbalin e mbajti: Z. Pjerin Ndoja"},
    "absent_label": "Nuk morën pjesë:",
    "absent_text": "Bashkia Pukë, Bashkia Fushë-Arrëz dhe Z. Luan Dani, përfaqësues i Drejtorisë Rajonale të "
                   "Formimit Profesional Shkodër.",
    "absent": [
        {"honorific": None, "name": None, "institution": "Bashkia Pukë", "institution_id": "bashkia-puke"},
        {"honorific": None, "name": None, "institution": "Bashkia Fushë-Arrëz", "institution_id": "bashkia-fushe-arrez"},
        {"honorific": "Z.", "name": "Luan Dani",
         "institution": "Drejtorisë Rajonale të Formimit Profesional Shkodër", "institution_id": "drfp-shkoder"},
    ],
    "discussion": [
        {"speaker": "Vjollca Marashi",
         "text": "Znj. Vjollca Marashi hapi mbledhjen dhe kujtoi detyrat e lëna në mbledhjen e datës 16.03.2017, "
                 "të cilat janë realizuar pjesërisht.",
         "issues": []},
        {"speaker": "Gentian Lika",
         "text": "Z. Gentian Lika, specialist në DVP Shkodër, informoi se nga fillimi i vitit janë identifikuar 3 VMT, "
                 "të gjitha të mitura. Ai theksoi se problemi më i madh mbetet shfrytëzimi i fëmijëve për lypje në "
                 "qendër të qytetit dhe pranë pikave turistike, shpesh nga vetë prindërit e tyre.",
         "raised_by_inst": "DVP Shkodër",
         "issues": [("shfrytëzimi i fëmijëve për lypje në qendër të qytetit dhe pranë pikave turistike, shpesh nga "
                     "vetë prindërit e tyre", ["begging", "tourist-season"])]},
        {"speaker": "Gjon Marku",
         "text": "Z. Gjon Marku, përfaqësues i Drejtorisë Rajonale të Kufirit dhe Migracionit, bëri të ditur se gjatë "
                 "katër muajve në PKK Hani i Hotit janë ndaluar 14 të mitur të pashoqëruar që tentonin të largoheshin "
                 "drejt vendeve të BE-së. Sipas tij, shumica udhëtonin me dokumente të rregullta, por pa pëlqimin "
                 "noterial të prindërve.",
         "raised_by_inst": "Drejtorisë Rajonale të Kufirit dhe Migracionit",
         "issues": [("14 të mitur të pashoqëruar që tentonin të largoheshin drejt vendeve të BE-së",
                     ["border-migration"])]},
        {"speaker": "Silvana Kolaj",
         "text": "Znj. Silvana Kolaj, përfaqësuese e DRSHSSH Shkodër, theksoi se në qytet nuk ka një qendër ditore "
                 "për fëmijët në situatë rruge, ndaj NJMF nuk ka ku t'i referojë ata pas identifikimit.",
         "raised_by_inst": "DRSHSSH Shkodër",
         "issues": [("në qytet nuk ka një qendër ditore për fëmijët në situatë rruge",
                     ["street-children", "shelters-reintegration"])]},
        {"speaker": "Bardha Prendi",
         "text": "Znj. Bardha Prendi, punonjëse për mbrojtjen e fëmijëve në Bashkinë Shkodër, ngriti problemin e "
                 "fëmijëve romë dhe egjiptianë të paregjistruar në gjendjen civile, të cilët nuk përfitojnë as "
                 "ndihmë ekonomike, as shërbime shëndetësore.",
         "raised_by_inst": "Bashkinë Shkodër",
         "issues": [("fëmijëve romë dhe egjiptianë të paregjistruar në gjendjen civile",
                     ["civil-registration", "roma-egyptian"])]},
        {"speaker": "Marjana Gjoka",
         "text": "Zj. Marjana Gjoka nga DAR Shkodër u ndal te braktisja e shkollës nga vajzat në zonat malore të "
                 "Malësisë së Madhe pas përfundimit të arsimit 9-vjeçar.",
         "raised_by_inst": "DAR Shkodër",
         "issues": [("braktisja e shkollës nga vajzat në zonat malore të Malësisë së Madhe pas përfundimit të "
                     "arsimit 9-vjeçar", ["school-dropout"])]},
        {"speaker": "Ilda Shala",
         "text": "Znj. Ilda Shala, koordinatore e organizatës D&E, paralajmëroi se po shtohen rastet e rekrutimit të "
                 "vajzave të reja përmes rrjeteve sociale me oferta false pune si kameriere ose kujdestare në Itali.",
         "raised_by_inst": "D&E",
         "issues": [("rekrutimit të vajzave të reja përmes rrjeteve sociale me oferta false pune",
                     ["online-risks"])]},
        {"speaker": "Entela Dushi",
         "text": "Znj. Entela Dushi, inspektore në ISHPSHSH, informoi se gjatë verës së kaluar u konstatuan të mitur "
                 "që punonin në lokalet e Velipojës pa kontratë dhe me orar të zgjatur.",
         "raised_by_inst": "ISHPSHSH",
         "issues": [("të mitur që punonin në lokalet e Velipojës pa kontratë dhe me orar të zgjatur",
                     ["labour-exploitation", "tourist-season"])]},
    ],
    "tasks_heading": "Detyrat e lëna:",
    "tasks": [
        {"text": "Të organizohen dalje të përbashkëta në terren të policisë dhe NJMF-së në qendër të qytetit gjatë "
                 "fundjavave të sezonit turistik.",
         "actor": "DVP Shkodër dhe NJMF, Bashkia Shkodër", "actor_ids": ["dvp-shkoder", "njmf-shkoder"],
         "due_text": "qershor - shtator 2017", "due": "2017-06", "due_end": "2017-09"},
        {"text": "Të hartohet lista e fëmijëve të paregjistruar në gjendjen civile dhe të referohen në Zyrën e "
                 "Gjendjes Civile.",
         "actor": "NJMF-të e bashkive Shkodër, Malësi e Madhe dhe Vau i Dejës",
         "actor_ids": ["njmf-shkoder", "njmf-malesi-e-madhe", "njmf-vau-i-dejes"],
         "due_text": "30.06.2017", "due": "2017-06-30", "due_end": None},
        {"text": "Të zhvillohen seanca informuese për rreziqet e rekrutimit online në shkollat e mesme të qytetit.",
         "actor": "DAR Shkodër, në bashkëpunim me D&E", "actor_ids": ["zvap-shkoder", "te-ndryshem-dhe-te-barabarte"],
         "due_text": "deri në përfundim të vitit shkollor", "due": None, "due_end": None},
        {"text": "Të dërgohen pranë sekretarisë së Tryezës të dhënat mujore për të miturit e ndaluar në kufi.",
         "actor": "Drejtoria Rajonale e Kufirit dhe Migracionit Shkodër", "actor_ids": ["drkm-shkoder"],
         "due_text": "çdo muaj", "due": None, "due_end": None},
        {"text": "Të kryhen inspektime në lokalet e bregdetit të Velipojës për punësimin e të miturve.",
         "actor": "ISHPSHSH, Dega Rajonale Shkodër", "actor_ids": ["ishpshsh-dega-shkoder"],
         "due_text": "korrik - gusht 2017", "due": "2017-07", "due_end": "2017-08"},
        {"text": "Të informohen familjet e fëmijëve që lypin për programet e nxitjes së punësimit dhe të formimit "
                 "profesional.",
         "actor": "Zyra Rajonale e Punësimit Shkodër", "actor_ids": ["drp-shkoder"],
         "due_text": "31.07.2017", "due": "2017-07-31", "due_end": None},
    ],
    "closing": ["Mbledhja përfundoi në orën 11.45.", "Procesverbalin e mbajti: Z. Pjerin Ndoja"],
    "signature": ["Kryetarja e Tryezës Teknike Antitrafik", "Vjollca Marashi"],
    "mentioned": [{"name": "Zyrën e Gjendjes Civile", "id": "zyra-gjendjes-civile-shkoder"}],
    "not_meetings": [
        {"text": "mbledhjen e datës 16.03.2017", "why": "an earlier meeting of the Tryeza, only referred to"},
    ],
    "exercises": [
        "participants as a numbered list 'N. Hon. Name, Role, Institution' (15 lines)",
        "tasks as numbered paragraphs, each followed by 'Përgjegjës: …' and 'Afati: …' lines",
        "pre-2019 names: DAR Shkodër (→ ZVAP), DSHP Shkodër (→ NJVKSH), Zyra Rajonale e Punësimit",
        "time written 'Ora: 10.00'; deadlines as month ranges, a date, 'çdo muaj' and 'deri në përfundim të vitit shkollor'",
        "speakers introduced in prose ('Znj. X, përfaqësuese e DRSHSSH Shkodër, theksoi se …')",
    ],
}


# ===========================================================================
# 3. PDF landscape - Elbasan KRAT, 14.10.2021
#    Bordered participants table that crosses a page break (header row repeated),
#    bordered decisions table.
# ===========================================================================

ELBASAN = {
    "task_source": "decisions table",
    "file": "elbasan-2021-10-14-procesverbal-krat.pdf",
    "county": "Elbasan",
    "kind": "committee_meeting",
    "body": {"id": "krat-elbasan", "name": "Komiteti Rajonal Antitrafik Elbasan",
             "as_written": "Komitetit Rajonal Antitrafik të Qarkut Elbasan"},
    "letterhead": ["REPUBLIKA E SHQIPËRISË", "INSTITUCIONI I PREFEKTIT TË QARKUT ELBASAN"],
    "published": None,
    "title": "PROCESVERBAL",
    "subtitle": "Mbledhja e Komitetit Rajonal Antitrafik të Qarkut Elbasan",
    "date": "2021-10-14", "date_text": "14 tetor 2021",
    "time": "11:00", "time_end": "13:10", "time_text": "11:00",
    "place": "Salla e mbledhjeve, Institucioni i Prefektit të Qarkut Elbasan",
    "chair_line": ("Kryesoi", "Z. Rezart Koxha, Prefekt i Qarkut Elbasan"),
    "chair": {"honorific": "Z.", "name": "Rezart Koxha", "role": "Prefekt i Qarkut Elbasan",
              "institution": "Institucioni i Prefektit të Qarkut Elbasan", "institution_id": "prefektura-elbasan"},
    "agenda": [
        "Të dhënat për rastet e trafikimit në qark për periudhën janar - shtator 2021.",
        "Aktivitetet e Muajit Antitrafik, tetor 2021.",
        "Puna e fëmijëve në bujqësi dhe në tregje.",
        "Të ndryshme.",
    ],
    "present": [
        person("Z.", "Rezart Koxha", "Prefekt, Kryetar i KRAT", "Institucioni i Prefektit të Qarkut Elbasan", "prefektura-elbasan"),
        person(None, "Anila Bylykbashi", "Sekretare e Përgjithshme", "Institucioni i Prefektit të Qarkut Elbasan", "prefektura-elbasan"),
        person(None, "Enkeleda Hoxha", "Specialiste, sekretare e KRAT", "Institucioni i Prefektit të Qarkut Elbasan", "prefektura-elbasan"),
        person(None, "Besnik Kadiu", "Sekretar i Përgjithshëm", "Këshilli i Qarkut Elbasan", "keshilli-i-qarkut-elbasan"),
        person(None, "Elvira Çota", "Zëvendëskryetare", "Bashkia Elbasan", "bashkia-elbasan"),
        person("Znj.", "Xhuljeta Myrtaj", "Punonjëse për mbrojtjen e fëmijëve", "Bashkia Elbasan, NJMF", "njmf-elbasan"),
        person(None, "Flamur Lika", "Përgjegjës i Shërbimeve Sociale", "Bashkia Librazhd", "bashkia-librazhd"),
        person(None, "Dorina Veshi", "Punonjëse për mbrojtjen e fëmijëve", "Bashkia Prrenjas", "bashkia-prrenjas"),
        person(None, "Ilir Bregu", "Specialist i shërbimeve sociale", "Bashkia Cërrik", "bashkia-cerrik"),
        person(None, "Mirela Daja", "Punonjëse sociale", "Bashkia Peqin", "bashkia-peqin"),
        person(None, "Sokol Shehu", "Drejtor i Shërbimeve Sociale", "Bashkia Gramsh", "bashkia-gramsh"),
        person("Z.", "Arben Kapllani", "Shef i Seksionit të Trafiqeve të Paligjshme", "DVP Elbasan", "dvp-elbasan"),
        person(None, "Edlira Muça", "Specialiste për të miturit", "DVP Elbasan", "dvp-elbasan"),
        person("Z.", "Artan Zeqiri", "Specialist, PKK Qafë Thanë", "Drejtoria Rajonale e Kufirit dhe Migracionit Elbasan", "drkm-elbasan"),
        person("Znj.", "Rudina Gjoka", "Drejtore", "DRSHSSH Elbasan", "drshssh-elbasan"),
        person(None, "Erjon Spahiu", "Specialist për VT/VMT", "DRSHSSH Elbasan", "drshssh-elbasan"),
        person("Znj.", "Eda Bici", "Specialiste e shërbimit psiko-social", "DRAP Elbasan", "drap-elbasan"),
        person(None, "Klevis Hasa", "Specialist", "ZVAP Elbasan", "zvap-elbasan"),
        person(None, "Manjola Balliu", "Specialiste e shëndetit publik", "NJVKSH Elbasan", "njvksh-elbasan"),
        person(None, "Gëzim Ferra", "Drejtor", "Drejtoria Rajonale e Punësimit Elbasan", "drp-elbasan"),
        person("Znj.", "Teuta Malaj", "Inspektore", "ISHPSHSH, Dega Rajonale Elbasan", "ishpshsh-dega-elbasan"),
        person(None, "Ledio Kurti", "Prokuror", "Prokuroria pranë Gjykatës së Shkallës së Parë Elbasan", "prokuroria-elbasan"),
        person("Znj.", "Ornela Pasha", "Drejtore ekzekutive", "Tjetër Vizion", "tjeter-vizion"),
        person(None, "Anxhela Gjini", "Punonjëse sociale", "Qendra Kombëtare e Pritjes për VT, Linzë", "qendra-kombetare-e-pritjes-per-viktimat-e-trafikimit"),
        person("Z.", "Andi Koka", "Oficer për mbrojtjen e fëmijëve", "UNICEF Shqipëri", "unicef"),
        person(None, "Dhurata Bega", "Asistente projekti", "IOM Shqipëri", "iom"),
    ],
    "minutes_taker": {"name": "Enkeleda Hoxha", "as_written": "Sekretarja e KRAT Enkeleda Hoxha (signature)"},
    "absent_label": "Të munguar:",
    "absent_text": "Bashkia Belsh, Gjykata e Shkallës së Parë Elbasan dhe SHISH, Sektori Elbasan.",
    "absent": [
        {"honorific": None, "name": None, "institution": "Bashkia Belsh", "institution_id": "bashkia-belsh"},
        {"honorific": None, "name": None, "institution": "Gjykata e Shkallës së Parë Elbasan", "institution_id": "gjykata-elbasan"},
        {"honorific": None, "name": None, "institution": "SHISH, Sektori Elbasan", "institution_id": "sherbimi-informativ-shteteror"},
    ],
    "discussion": [
        {"speaker": "Rezart Koxha", "lead": "Z. Rezart Koxha (Prefekt):",
         "text": "Hapi mbledhjen duke kujtuar se tetori është Muaji Antitrafik dhe prezantoi rendin e ditës.",
         "issues": []},
        {"speaker": "Arben Kapllani", "lead": "Z. Arben Kapllani (DVP Elbasan):",
         "text": "Gjatë nëntë muajve u identifikuan 7 VMT, prej tyre 5 të mitura. Shqetësim mbetet rekrutimi i vajzave "
                 "të mitura përmes TikTok dhe Instagram nga persona që u ofrojnë punë si kameriere në lokale në Durrës "
                 "dhe Tiranë.",
         "issues": [("rekrutimi i vajzave të mitura përmes TikTok dhe Instagram nga persona që u ofrojnë punë si "
                     "kameriere në lokale në Durrës dhe Tiranë", ["online-risks", "internal-trafficking"])]},
        {"speaker": "Rudina Gjoka", "lead": "Znj. Rudina Gjoka (DRSHSSH Elbasan):",
         "text": "Viktimat pas daljes nga qendrat e strehimit nuk kanë mundësi punësimi dhe rrezikojnë të "
                 "ri-trafikohen, ndaj nevojiten programe riintegrimi me mbështetjen e AKPA-s.",
         "issues": [("Viktimat pas daljes nga qendrat e strehimit nuk kanë mundësi punësimi dhe rrezikojnë të "
                     "ri-trafikohen", ["shelters-reintegration", "employment"])]},
        {"speaker": "Xhuljeta Myrtaj", "lead": "Znj. Xhuljeta Myrtaj (NJMF Elbasan):",
         "text": "Janë identifikuar 12 fëmijë në situatë rruge, shumica nga komuniteti egjiptian, që lypin në "
                 "kryqëzimet me semafor të qytetit. NJMF nuk ka psikolog dhe mjet transporti për daljet në terren.",
         "issues": [("12 fëmijë në situatë rruge, shumica nga komuniteti egjiptian, që lypin në kryqëzimet me "
                     "semafor të qytetit", ["street-children", "begging", "roma-egyptian"]),
                    ("NJMF nuk ka psikolog dhe mjet transporti për daljet në terren", ["child-protection"])]},
        {"speaker": "Teuta Malaj", "lead": "Znj. Teuta Malaj (ISHPSHSH):",
         "text": "Gjatë pushimeve verore u gjetën fëmijë nën 16 vjeç që punonin në serat e Cërrikut dhe në tregun e "
                 "shitjes me shumicë, pa dijeninë e shërbimeve sociale.",
         "issues": [("fëmijë nën 16 vjeç që punonin në serat e Cërrikut dhe në tregun e shitjes me shumicë",
                     ["labour-exploitation"])]},
        {"speaker": "Eda Bici", "lead": "Znj. Eda Bici (DRAP Elbasan):",
         "text": "46 nxënës në Librazhd dhe Prrenjas kanë braktisur shkollën këtë vit, shumë prej tyre pasi familjet "
                 "janë larguar jashtë vendit.",
         "issues": [("46 nxënës në Librazhd dhe Prrenjas kanë braktisur shkollën këtë vit",
                     ["school-dropout", "border-migration"])]},
        {"speaker": "Artan Zeqiri", "lead": "Z. Artan Zeqiri (Kufiri dhe Migracioni):",
         "text": "Në PKK Qafë Thanë janë ndaluar 9 të mitur të pashoqëruar që tentonin të kalonin kufirin me persona "
                 "pa lidhje familjare.",
         "issues": [("9 të mitur të pashoqëruar që tentonin të kalonin kufirin me persona pa lidhje familjare",
                     ["border-migration"])]},
        {"speaker": "Ornela Pasha", "lead": "Znj. Ornela Pasha (Tjetër Vizion):",
         "text": "Po rriten rastet e vajzave të mitura që largohen nga shtëpia për shkak të dhunës në familje dhe "
                 "bien pre e rekrutuesve.",
         "issues": [("vajzave të mitura që largohen nga shtëpia për shkak të dhunës në familje dhe bien pre e "
                     "rekrutuesve", ["domestic-violence"])]},
        {"speaker": "Andi Koka", "lead": "Z. Andi Koka (UNICEF):",
         "text": "Vlerësoi bashkëpunimin e institucioneve të qarkut dhe ndau përvojën e njësive lëvizëse në Tiranë "
                 "dhe Durrës.",
         "issues": []},
    ],
    "tasks_heading": "Vendimet e Komitetit",
    "tasks": [
        {"text": "Organizimi i aktiviteteve sensibilizuese në 10 shkolla të mesme të qarkut në kuadër të Muajit Antitrafik",
         "actor": "DRAP Elbasan, ZVAP Elbasan", "actor_ids": ["drap-elbasan", "zvap-elbasan"],
         "due_text": "31.10.2021", "due": "2021-10-31", "due_end": None},
        {"text": "Ngritja e një grupi të përbashkët për daljet në terren për fëmijët në situatë rruge",
         "actor": "Bashkia Elbasan (NJMF), DVP Elbasan", "actor_ids": ["njmf-elbasan", "dvp-elbasan"],
         "due_text": "15.11.2021", "due": "2021-11-15", "due_end": None},
        {"text": "Inspektime në sera dhe në tregje për punën e fëmijëve",
         "actor": "ISHPSHSH, Dega Rajonale Elbasan", "actor_ids": ["ishpshsh-dega-elbasan"],
         "due_text": "Nëntor - Dhjetor 2021", "due": "2021-11", "due_end": "2021-12"},
        {"text": "Hartimi i një programi punësimi dhe formimi profesional për VT/VMT",
         "actor": "Drejtoria Rajonale e Punësimit Elbasan", "actor_ids": ["drp-elbasan"],
         "due_text": "31.12.2021", "due": "2021-12-31", "due_end": None},
        {"text": "Monitorimi i profileve që rekrutojnë të mitura në rrjetet sociale dhe njoftimi i Prokurorisë",
         "actor": "DVP Elbasan", "actor_ids": ["dvp-elbasan"],
         "due_text": "Në vazhdimësi", "due": None, "due_end": None},
        {"text": "Financimi i materialeve informuese për Muajin Antitrafik",
         "actor": "UNICEF Shqipëri", "actor_ids": ["unicef"],
         "due_text": "Tetor 2021", "due": "2021-10", "due_end": None},
        {"text": "Raportimi i rasteve të reja pranë sekretarisë së KRAT",
         "actor": "Të gjitha institucionet anëtare", "actor_ids": [],
         "due_text": "Çdo tremujor", "due": None, "due_end": None},
        {"text": "Referimi i të miturve të ndaluar në kufi te NJMF e bashkisë së vendbanimit",
         "actor": "Drejtoria Rajonale e Kufirit dhe Migracionit Elbasan", "actor_ids": ["drkm-elbasan"],
         "due_text": "Menjëherë", "due": None, "due_end": None},
    ],
    "closing": ["Mbledhja përfundoi në orën 13:10."],
    "signatures": (["Sekretarja e KRAT", "Enkeleda Hoxha"],
                   ["Kryetari i KRAT, Prefekti i Qarkut Elbasan", "Rezart Koxha"]),
    "mentioned": [
        {"name": "AKPA", "id": "agjencia-kombetare-e-punesimit-dhe-aftesive"},
        {"name": "Prokurorisë", "id": "prokuroria-elbasan"},
    ],
    "not_meetings": [],
    "exercises": [
        "A4 landscape pages; a running footer 'Faqe N/3' on every page",
        "bordered participants table (26 rows, five columns incl. an empty 'Nënshkrimi' column) that crosses "
        "from page 1 to page 2 with the header row repeated at the top of page 2",
        "bordered decisions table Nr | Vendimi | Përgjegjës | Afati",
        "meeting date written 'Data: 14 tetor 2021'; deadlines 'Në vazhdimësi', 'Çdo tremujor', 'Menjëherë'",
        "an actor that is no institution ('Të gjitha institucionet anëtare')",
    ],
}


# ===========================================================================
# 4. PDF - Kukës Tryeza Teknike, 08.12.2016
#    Tables without ruling lines (columns placed by x position); the body is
#    typed mostly without diacritics (the letterhead has them, a few words slip).
# ===========================================================================

KUKES = {
    "task_source": "borderless task table",
    "file": "kukes-2016-12-08-procesverbal-tryeza-teknike.pdf",
    "county": "Kukës",
    "kind": "technical_table",
    "body": {"id": "ttat-kukes", "name": "Tryeza Teknike Antitrafik Kukës",
             "as_written": "Tryezes Teknike Antitrafik te Qarkut Kukes"},
    "letterhead": ["REPUBLIKA E SHQIPËRISË", "PREFEKTI I QARKUT KUKËS"],
    "published": None,
    "title": "PROCESVERBAL",
    "subtitle": "Mbledhja e Tryezes Teknike Antitrafik te Qarkut Kukes",
    "date": "2016-12-08", "date_text": "08.12.2016",
    "time": "10:30", "time_end": "12:40", "time_text": "ora 10:30",
    "date_line": "Data: 08.12.2016, ora 10:30",
    "place": "Salla e mbledhjeve, Prefektura Kukes",
    "chair_line": ("Kryesoi", "z Fatos Kastrati, Kordinatori i Pergjithshem i Prefektures, Kryetar i Tryezes Teknike"),
    "chair": {"honorific": "z", "name": "Fatos Kastrati",
              "role": "Kordinatori i Pergjithshem i Prefektures, Kryetar i Tryezes Teknike",
              "institution": "Prefektura Kukes", "institution_id": "prefektura-kukes"},
    "agenda": [
        "Femijet e kthyer nga Kosova per shkak te lypjes.",
        "Largimi i familjeve me femije drejt vendeve te BE per azil.",
        "Femijet jashte shkolle ne zonat rurale te Hasit dhe Tropojes.",
        "Plani i aktiviteteve te Tryezes per vitin 2017.",
    ],
    "present": [
        person("z", "Fatos Kastrati", "Kordinator i Pergjithshem", "Prefektura Kukes", "prefektura-kukes"),
        person(None, "Blerina Hoxha", "Specialiste, sekretare e Tryezes", "Prefektura Kukes", "prefektura-kukes"),
        person("Z.", "Agim Domi", "Specialist per trafiqet e paligjshme", "DVP Kukes", "dvp-kukes"),
        person(None, "Mimoza Krasniqi", "Specialiste per te miturit", "DVP Kukes", "dvp-kukes"),
        person("Z.", "Fadil Gjana", "Specialist, PKK Morine", "Policia Kufitare Kukes", "drkm-kukes"),
        person("Znj.", "Shpresa Lala", "Specialiste per VT/VMT", "DRSHSSH Kukes", "drshssh-kukes"),
        person("Z.", "Bujar Mema", "Psikolog", "DAR Kukës", "zvap-kukes"),
        person(None, "Liridona Ahmeti", "Specialiste e shendetit publik", "DSHP Kukes", "njvksh-kukes"),
        person(None, "Valdet Kryeziu", "Specialist", "Zyra e Punes Kukes", "drp-kukes"),
        person("Z.", "Drilon Shehu", "Inspektor", "ISHPSHSH, Dega Kukes", "ishpshsh-dega-kukes"),
        person("Znj.", "Nexhmije Duka", "Punonjese per mbrojtjen e femijeve", "NJMF, Bashkia Kukes", "njmf-kukes"),
        person(None, "Rexhep Bajrami", "Punonjes social", "Bashkia Has", "bashkia-has"),
        person(None, "Arta Berisha", "Punonjese per mbrojtjen e femijeve", "Bashkia Tropoje", "bashkia-tropoje"),
        person("Z.", "Gezim Ndreu", "Koordinator zonal", "World Vision Kukes", "world-vision-albania"),
        person(None, "Mentor Cena", "Specialist", "Keshilli i Qarkut Kukes", "keshilli-i-qarkut-kukes"),
    ],
    "minutes_taker": {"name": "Blerina Hoxha", "as_written": "Sekretarja e Tryezes Blerina Hoxha (signature)"},
    "absent_label": "Munguan:",
    "absent_text": "perfaqesuesit e Prokurorise se Rrethit Gjyqesor Kukes dhe te Gjykates se Rrethit Gjyqesor Kukes.",
    "absent": [
        {"honorific": None, "name": None, "institution": "Prokurorise se Rrethit Gjyqesor Kukes", "institution_id": "prokuroria-kukes"},
        {"honorific": None, "name": None, "institution": "Gjykates se Rrethit Gjyqesor Kukes", "institution_id": "gjykata-kukes"},
    ],
    "discussion": [
        {"speaker": "Fatos Kastrati", "lead": "z Fatos Kastrati",
         "text": "hapi mbledhjen dhe prezantoi rendin e dites. Ai kujtoi se mbledhja e meparshme e Tryezes u mbajt me "
                 "29.09.2016.",
         "issues": []},
        {"speaker": "Agim Domi", "lead": "Z. Agim Domi (DVP Kukes):",
         "text": "Gjate vitit 2016 Policia e Kosoves ka kthyer ne PKK Morine 19 femije qe lypnin ne Prizren dhe "
                 "Prishtine, te shoqeruar nga prinderit ose te afermit.",
         "issues": [("19 femije qe lypnin ne Prizren dhe Prishtine, te shoqeruar nga prinderit ose te afermit",
                     ["begging", "border-migration"])]},
        {"speaker": "Fadil Gjana", "lead": "Z. Fadil Gjana (Policia Kufitare):",
         "text": "Eshte rritur numri i familjeve qe largohen me femije te mitur drejt Gjermanise dhe Frances per te "
                 "kerkuar azil, shpesh pasi shesin bagetite dhe shtepine.",
         "issues": [("Eshte rritur numri i familjeve qe largohen me femije te mitur drejt Gjermanise dhe Frances per "
                     "te kerkuar azil", ["border-migration", "vulnerable-families"])]},
        {"speaker": "Shpresa Lala", "lead": "Znj. Shpresa Lala (DRSHSSH Kukes)",
         "text": "u shpreh se ne qark nuk ka nje qender ditore apo strehe per femijet ne rrezik, keshtu qe femijet e "
                 "kthyer nga Kosova rikthehen menjehere ne te njejtat familje.",
         "issues": [("ne qark nuk ka nje qender ditore apo strehe per femijet ne rrezik",
                     ["shelters-reintegration", "child-protection"])]},
        {"speaker": "Nexhmije Duka", "lead": "Znj. Nexhmije Duka (NJMF Kukes):",
         "text": "NJMF ka vetem nje punonjes per gjithe bashkine, qe mbulon 15 njesi administrative dhe mbi 60 fshatra. "
                 "Kjo e ben te pamundur ndjekjen e rasteve.",
         "issues": [("NJMF ka vetem nje punonjes per gjithe bashkine, qe mbulon 15 njesi administrative dhe mbi 60 "
                     "fshatra", ["child-protection", "capacity-building"])]},
        {"speaker": "Bujar Mema", "lead": "Z. Bujar Mema (DAR Kukës):",
         "text": "Femijet e familjeve qe kthehen pas refuzimit te azilit nuk rikthehen ne shkolle, sepse nuk kane "
                 "dokumentet e shkollimit jashte vendit.",
         "issues": [("Femijet e familjeve qe kthehen pas refuzimit te azilit nuk rikthehen ne shkolle",
                     ["school-dropout", "border-migration"])]},
        {"speaker": "Drilon Shehu", "lead": "Z. Drilon Shehu (ISHPSHSH):",
         "text": "Gjate veres femije nen 15 vjec punojne ne mbledhjen e bimeve medicinale dhe te gështenjave ne zonat "
                 "malore te Tropojes, pa asnje mbrojtje.",
         "issues": [("femije nen 15 vjec punojne ne mbledhjen e bimeve medicinale dhe te gështenjave ne zonat malore "
                     "te Tropojes", ["labour-exploitation"])]},
        {"speaker": "Gezim Ndreu", "lead": "Z. Gezim Ndreu (World Vision)",
         "text": "prezantoi projektin e organizates per mbrojtjen e femijeve ne Has dhe Tropoje.",
         "issues": []},
    ],
    "tasks_heading": "Detyra:",
    "tasks": [
        {"text": "Njoftimi i NJMF-se per cdo femije te kthyer nga Kosova",
         "actor": "DVP Kukes, Policia Kufitare", "actor_ids": ["dvp-kukes", "drkm-kukes"],
         "due_text": "Menjehere", "due": None, "due_end": None},
        {"text": "Hapja e rastit dhe hartimi i PIM per cdo femije te kthyer",
         "actor": "NJMF, Bashkia Kukes", "actor_ids": ["njmf-kukes"],
         "due_text": "Ne vazhdimesi", "due": None, "due_end": None},
        {"text": "Lista e nxenesve qe kane braktisur shkollen gjate vitit 2016",
         "actor": "DAR Kukës", "actor_ids": ["zvap-kukes"],
         "due_text": "20.12.2016", "due": "2016-12-20", "due_end": None},
        {"text": "Seanca informuese per rreziqet e emigrimit te paligjshem ne shkollat e mesme te Hasit dhe Tropojes",
         "actor": "DAR Kukes, World Vision", "actor_ids": ["zvap-kukes", "world-vision-albania"],
         "due_text": "Shkurt - Mars 2017", "due": "2017-02", "due_end": "2017-03"},
        {"text": "Inspektime per punen e femijeve ne grumbullimin e bimeve medicinale",
         "actor": "ISHPSHSH, Dega Kukes", "actor_ids": ["ishpshsh-dega-kukes"],
         "due_text": "Qershor - Gusht 2017", "due": "2017-06", "due_end": "2017-08"},
        {"text": "Hartimi i planit te aktiviteteve te Tryezes per vitin 2017",
         "actor": "Sekretaria e Tryezes", "actor_ids": [],
         "due_text": "15.01.2017", "due": "2017-01-15", "due_end": None},
        {"text": "Trajnim per punonjesit e NJMF-ve te tre bashkive",
         "actor": "World Vision Kukes", "actor_ids": ["world-vision-albania"],
         "due_text": "Janar 2017", "due": "2017-01", "due_end": None},
    ],
    "closing": ["Mbledhja perfundoi ne oren 12:40."],
    "signatures": (["Sekretarja e Tryezes", "Blerina Hoxha"], ["Kryetari i Tryezes Teknike", "Fatos Kastrati"]),
    "mentioned": [{"name": "Policia e Kosoves", "id": "policia-e-kosoves"}],
    "not_meetings": [
        {"text": "mbledhja e meparshme e Tryezes u mbajt me 29.09.2016", "why": "an earlier meeting, only referred to"},
    ],
    "exercises": [
        "two tables drawn WITHOUT ruling lines: text placed in aligned columns by x position, header row in bold; "
        "long cells wrap onto a second line inside their column",
        "body typed without diacritics (Kukes, Tryezes, Pergjegjes, femije) while the letterhead has them; a few "
        "words slip back ('DAR Kukës', 'gështenjave')",
        "honorific 'z' without a dot; typo 'Kordinatori i Pergjithshem'; 'Policia Kufitare' (→ DRKM)",
        "'Policia e Kosoves' is a Kosovo body, only mentioned",
    ],
}


# ===========================================================================
# 5. DOCX - Vlorë Tryeza Teknike, 13.06.2023
#    Participants in prose; decisions before the discussion; the second
#    section (decisions and discussion) is landscape.
# ===========================================================================

VLORE = {
    "task_source": "decisions (prose, numbered)",
    "file": "vlore-2023-06-13-procesverbal-tryeza-teknike.docx",
    "county": "Vlorë",
    "kind": "technical_table",
    "body": {"id": "ttat-vlore", "name": "Tryeza Teknike Antitrafik Vlorë",
             "as_written": "Tryezës Teknike Antitrafik"},
    "letterhead": ["REPUBLIKA E SHQIPËRISË", "INSTITUCIONI I PREFEKTIT TË QARKUT VLORË"],
    "published": None,
    "title": "Procesverbal i mbledhjes së Tryezës Teknike Antitrafik",
    "date": "2023-06-13", "date_text": "13.06.2023",
    "time": "09:30", "time_end": "11:40", "time_text": "09:30",
    "place": "Salla e mbledhjeve, kati II, Institucioni i Prefektit të Qarkut Vlorë",
    "meta": [
        ("Data e mbledhjes", "13.06.2023"),
        ("Ora e fillimit", "09:30"),
        ("Vendi i zhvillimit", "Salla e mbledhjeve, kati II, Institucioni i Prefektit të Qarkut Vlorë"),
        ("Drejtoi mbledhjen", "znj. Brikena Sulaj, Sekretare e Përgjithshme, Kryetare e Tryezës Teknike Antitrafik"),
    ],
    "chair": {"honorific": "znj.", "name": "Brikena Sulaj",
              "role": "Sekretare e Përgjithshme, Kryetare e Tryezës Teknike Antitrafik",
              "institution": "Institucioni i Prefektit të Qarkut Vlorë", "institution_id": "prefektura-vlore"},
    # prose participants: (honorific, name, "role-and-institution as written", role, institution, id)
    "present_prose": [
        ("znj.", "Brikena Sulaj", "Sekretare e Përgjithshme e Institucionit të Prefektit të Qarkut Vlorë",
         "Sekretare e Përgjithshme", "Institucionit të Prefektit të Qarkut Vlorë", "prefektura-vlore"),
        ("z.", "Klevis Duro", "specialist, sekretar i Tryezës Teknike",
         "specialist, sekretar i Tryezës Teknike", None, "prefektura-vlore"),
        ("z.", "Kujtim Bejko", "drejtor i DRSHSSH Vlorë", "drejtor", "DRSHSSH Vlorë", "drshssh-vlore"),
        ("znj.", "Elda Meto", "specialiste në NJMF, Bashkia Vlorë", "specialiste", "NJMF, Bashkia Vlorë", "njmf-vlore"),
        ("znj.", "Anisa Tare", "përgjegjëse e Sektorit të Shërbimeve Sociale, Bashkia Sarandë",
         "përgjegjëse e Sektorit të Shërbimeve Sociale", "Bashkia Sarandë", "bashkia-sarande"),
        ("z.", "Florenc Shehu", "punonjës social, Bashkia Himarë", "punonjës social", "Bashkia Himarë", "bashkia-himare"),
        ("znj.", "Mirsela Kapo", "punonjëse për mbrojtjen e fëmijëve, Bashkia Selenicë",
         "punonjëse për mbrojtjen e fëmijëve", "Bashkia Selenicë", "bashkia-selenice"),
        ("z.", "Ervin Hoxhaj", "specialist për krimet e rënda në DVP Vlorë",
         "specialist për krimet e rënda", "DVP Vlorë", "dvp-vlore"),
        ("z.", "Andrea Lulo", "specialist në Drejtorinë Rajonale të Kufirit dhe Migracionit Vlorë",
         "specialist", "Drejtorinë Rajonale të Kufirit dhe Migracionit Vlorë", "drkm-vlore"),
        ("znj.", "Eriona Zeqo", "psikologe, ZVAP Vlorë", "psikologe", "ZVAP Vlorë", "zvap-vlore"),
        ("znj.", "Marsida Rrapaj", "specialiste e shëndetit publik, NJVKSH Vlorë",
         "specialiste e shëndetit publik", "NJVKSH Vlorë", "njvksh-vlore"),
        ("z.", "Gentjan Bushi", "specialist, Zyra Vendore e Punësimit Vlorë",
         "specialist", "Zyra Vendore e Punësimit Vlorë", "drp-vlore"),
        ("z.", "Ilir Gjini", "inspektor, ISHPSHSH, Dega Rajonale Vlorë",
         "inspektor", "ISHPSHSH, Dega Rajonale Vlorë", "ishpshsh-dega-vlore"),
        ("znj.", "Alketa Dashi", "psikologe, Qendra Psiko-Sociale „Vatra“",
         "psikologe", "Qendra Psiko-Sociale „Vatra“", "vatra"),
        ("znj.", "Nertila Hysi", "asistente projekti, IOM Shqipëri", "asistente projekti", "IOM Shqipëri", "iom"),
    ],
    "minutes_taker": {"name": "Klevis Duro", "as_written": "Procesmbajtës: z. Klevis Duro"},
    "absent_label": "Nuk morën pjesë, edhe pse u ftuan:",
    "absent_text": "Bashkia Konispol, Bashkia Finiq, Bashkia Delvinë dhe Prokuroria pranë Gjykatës së Shkallës "
                   "së Parë Vlorë.",
    "absent": [
        {"honorific": None, "name": None, "institution": "Bashkia Konispol", "institution_id": "bashkia-konispol"},
        {"honorific": None, "name": None, "institution": "Bashkia Finiq", "institution_id": "bashkia-finiq"},
        {"honorific": None, "name": None, "institution": "Bashkia Delvinë", "institution_id": "bashkia-delvine"},
        {"honorific": None, "name": None, "institution": "Prokuroria pranë Gjykatës së Shkallës së Parë Vlorë",
         "institution_id": "prokuroria-vlore"},
    ],
    "agenda": [
        "Fëmijët në situatë rruge dhe lypja gjatë sezonit turistik 2023.",
        "Punësimi i të miturve në bizneset e bregdetit.",
        "Riintegrimi i viktimave të trafikimit dhe punësimi i tyre.",
        "Të ndryshme.",
    ],
    "decisions_intro": "Pas diskutimeve, Tryeza Teknike vendosi njëzëri:",
    # prose decisions: the sentence; actor and due_text must be substrings of it
    "tasks": [
        {"text": "DVP Vlorë dhe NJMF e Bashkisë Vlorë të organizojnë dalje të përbashkëta në terren në Lungomare dhe "
                 "në plazhet e qytetit gjatë sezonit turistik, në vijimësi.",
         "actor": "DVP Vlorë dhe NJMF e Bashkisë Vlorë", "actor_ids": ["dvp-vlore", "njmf-vlore"],
         "due_text": "në vijimësi", "due": None, "due_end": None},
        {"text": "Bashkia Sarandë të caktojë një punonjës për mbrojtjen e fëmijëve me kohë të plotë, deri më 30.06.2023.",
         "actor": "Bashkia Sarandë", "actor_ids": ["bashkia-sarande"],
         "due_text": "deri më 30.06.2023", "due": "2023-06-30", "due_end": None},
        {"text": "ZVAP Vlorë t'u dërgojë NJMF-ve listën e nxënësve që nuk u paraqitën në provimet e fundvitit, "
                 "brenda datës 10.07.2023.",
         "actor": "ZVAP Vlorë", "actor_ids": ["zvap-vlore"],
         "due_text": "brenda datës 10.07.2023", "due": "2023-07-10", "due_end": None},
        {"text": "Zyra Vendore e Punësimit Vlorë të përfshijë në programet e nxitjes së punësimit viktimat e "
                 "trafikimit të asistuara nga Qendra „Vatra“, brenda muajit shtator 2023.",
         "actor": "Zyra Vendore e Punësimit Vlorë", "actor_ids": ["drp-vlore"],
         "due_text": "brenda muajit shtator 2023", "due": "2023-09", "due_end": None},
        {"text": "Çdo institucion anëtar t'ia referojë menjëherë NJMF-së përkatëse dhe DRSHSSH Vlorë çdo fëmijë në "
                 "situatë rruge që identifikon.",
         "actor": "Çdo institucion anëtar", "actor_ids": [],
         "due_text": "menjëherë", "due": None, "due_end": None},
        {"text": "ISHPSHSH, Dega Rajonale Vlorë, të kryejë inspektime në lokalet dhe hotelet e bregdetit për "
                 "punësimin e të miturve gjatë muajve korrik–gusht 2023.",
         "actor": "ISHPSHSH, Dega Rajonale Vlorë", "actor_ids": ["ishpshsh-dega-vlore"],
         "due_text": "gjatë muajve korrik–gusht 2023", "due": "2023-07", "due_end": "2023-08"},
        {"text": "Qendra „Vatra“, me mbështetjen e IOM, të zhvillojë dy seanca informuese për rreziqet e rekrutimit "
                 "online me të rinjtë e Himarës dhe të Selenicës, deri në fund të muajit korrik 2023.",
         "actor": "Qendra „Vatra“", "actor_ids": ["vatra"],
         "due_text": "deri në fund të muajit korrik 2023", "due": "2023-07", "due_end": None},
        {"text": "Drejtoria Rajonale e Kufirit dhe Migracionit Vlorë t'i dërgojë sekretarisë së Tryezës, çdo muaj, "
                 "të dhënat për të miturit e pashoqëruar të ndaluar në Portin e Vlorës.",
         "actor": "Drejtoria Rajonale e Kufirit dhe Migracionit Vlorë", "actor_ids": ["drkm-vlore"],
         "due_text": "çdo muaj", "due": None, "due_end": None},
    ],
    "discussion": [
        {"speaker": "Brikena Sulaj",
         "text": "Znj. Brikena Sulaj hapi mbledhjen dhe sqaroi se vendimet e mësipërme u miratuan në përfundim të "
                 "diskutimeve, të cilat pasqyrohen më poshtë sipas radhës së folësve.",
         "issues": []},
        {"speaker": "Ervin Hoxhaj", "raised_by_inst": "DVP Vlorë",
         "text": "Z. Ervin Hoxhaj, specialist në DVP Vlorë, informoi se që nga fillimi i qershorit janë shoqëruar 9 "
                 "fëmijë, kryesisht nga familje rome, që shesin lule dhe lypin në Lungomare deri pas mesnatës.",
         "issues": [("9 fëmijë, kryesisht nga familje rome, që shesin lule dhe lypin në Lungomare deri pas mesnatës",
                     ["begging", "street-children", "tourist-season", "roma-egyptian"])]},
        {"speaker": "Andrea Lulo", "raised_by_inst": "Drejtorisë Rajonale të Kufirit dhe Migracionit",
         "text": "Z. Andrea Lulo, përfaqësues i Drejtorisë Rajonale të Kufirit dhe Migracionit, theksoi se në Portin e "
                 "Vlorës janë ndaluar 6 të mitur të pashoqëruar që tentonin të udhëtonin me traget drejt Italisë me "
                 "dokumente të huazuara.",
         "issues": [("6 të mitur të pashoqëruar që tentonin të udhëtonin me traget drejt Italisë me dokumente të "
                     "huazuara", ["border-migration"])]},
        {"speaker": "Kujtim Bejko", "raised_by_inst": "DRSHSSH Vlorë",
         "text": "Z. Kujtim Bejko, drejtor i DRSHSSH Vlorë, ngriti shqetësimin se viktimat e trafikimit që largohen "
                 "nga qendrat e specializuara nuk gjejnë punë dhe rikthehen në të njëjtin mjedis ku u rekrutuan.",
         "issues": [("viktimat e trafikimit që largohen nga qendrat e specializuara nuk gjejnë punë dhe rikthehen "
                     "në të njëjtin mjedis ku u rekrutuan", ["shelters-reintegration", "employment"])]},
        {"speaker": "Anisa Tare", "raised_by_inst": "Bashkinë Sarandë",
         "text": "Znj. Anisa Tare, përgjegjëse e Sektorit të Shërbimeve Sociale në Bashkinë Sarandë, pranoi se "
                 "bashkia ka vetëm një punonjëse me kohë të pjesshme për mbrojtjen e fëmijëve, e cila mbulon edhe "
                 "ndihmën ekonomike.",
         "issues": [("bashkia ka vetëm një punonjëse me kohë të pjesshme për mbrojtjen e fëmijëve",
                     ["child-protection", "capacity-building"])]},
        {"speaker": "Elda Meto", "raised_by_inst": "NJMF Vlorë",
         "text": "Znj. Elda Meto, specialiste në NJMF Vlorë, u ndal te fëmijët romë dhe egjiptianë të paregjistruar "
                 "në gjendjen civile në periferi të qytetit, të cilët nuk mund të përfitojnë nga shërbimet "
                 "shëndetësore dhe arsimore.",
         "issues": [("fëmijët romë dhe egjiptianë të paregjistruar në gjendjen civile në periferi të qytetit",
                     ["civil-registration", "roma-egyptian"])]},
        {"speaker": "Eriona Zeqo", "raised_by_inst": "ZVAP Vlorë",
         "text": "Znj. Eriona Zeqo (ZVAP Vlorë) theksoi se një pjesë e nxënësve romë dhe egjiptianë braktisin "
                 "shkollën që në muajin maj për të punuar me familjet gjatë sezonit turistik.",
         "issues": [("një pjesë e nxënësve romë dhe egjiptianë braktisin shkollën që në muajin maj për të punuar me "
                     "familjet gjatë sezonit turistik", ["school-dropout", "roma-egyptian", "tourist-season"])]},
        {"speaker": "Ilir Gjini", "raised_by_inst": "ISHPSHSH",
         "text": "Z. Ilir Gjini, inspektor në ISHPSHSH, raportoi se vitin e kaluar u gjetën të mitur që punonin pa "
                 "kontratë si kamerierë dhe pastrues në hotelet e bregdetit, me orar deri në 12 orë në ditë.",
         "issues": [("të mitur që punonin pa kontratë si kamerierë dhe pastrues në hotelet e bregdetit",
                     ["labour-exploitation", "tourist-season"])]},
        {"speaker": "Alketa Dashi", "raised_by_inst": "Qendra „Vatra“",
         "text": "Znj. Alketa Dashi nga Qendra „Vatra“ paralajmëroi për rritjen e rasteve të rekrutimit të vajzave "
                 "përmes rrjeteve sociale me premtime për punë sezonale në Greqi dhe në Itali.",
         "issues": [("rritjen e rasteve të rekrutimit të vajzave përmes rrjeteve sociale me premtime për punë "
                     "sezonale në Greqi dhe në Itali", ["online-risks"])]},
        {"speaker": "Nertila Hysi", "raised_by_inst": "IOM",
         "text": "Znj. Nertila Hysi (IOM) informoi se IOM do të sigurojë fletëpalosje informuese në gjuhën shqipe "
                 "dhe rome për seancat në Himarë dhe Selenicë.",
         "issues": [],
         "commitments": [{"text": "IOM do të sigurojë fletëpalosje informuese në gjuhën shqipe dhe rome për "
                                  "seancat në Himarë dhe Selenicë",
                          "actor": "IOM", "actor_ids": ["iom"], "due_text": None, "due": None, "due_end": None}]},
    ],
    "closing": ["Mbledhja e ardhshme e Tryezës Teknike do të zhvillohet në shtator 2023. "
                "Mbledhja përfundoi në orën 11:40."],
    "signatures": (["Procesmbajtës", "z. Klevis Duro"],
                   ["Kryetarja e Tryezës Teknike Antitrafik", "Brikena Sulaj"]),
    "mentioned": [],
    "also_funder": {"iom": "present, and also a funder of the Vatra sessions ('me mbështetjen e IOM'); "
                           "participant or funder are both acceptable"},
    "not_meetings": [
        {"text": "Mbledhja e ardhshme e Tryezës Teknike do të zhvillohet në shtator 2023",
         "why": "the next meeting, only planned (at most a commitment with actor null)"},
    ],
    "exercises": [
        "participants in PROSE ('Në mbledhje morën pjesë: z. X, drejtor i DRSHSSH Vlorë; znj. Y, …'), "
        "lower-case honorifics",
        "parts in an unusual order: the decisions ('VENDIME') come before the discussion ('DISKUTIMET')",
        "section 1 is portrait, section 2 (decisions and discussion) is landscape",
        "deadlines 'deri më 30.06.2023', 'brenda datës 10.07.2023', 'brenda muajit shtator 2023', "
        "'në vijimësi', 'menjëherë', 'gjatë muajve korrik–gusht 2023', 'çdo muaj'",
        "meta labels 'Data e mbledhjes:', 'Ora e fillimit:', 'Vendi i zhvillimit:'; curly quotes „Vatra“",
    ],
}


# ===========================================================================
# 6. PDF - Berat KRAT, 22.02.2024
#    Page 1 is a scanned-looking image (no text layer); the minutes follow as text.
# ===========================================================================

BERAT = {
    "task_source": "tasks a)-g) (prose)",
    "file": "berat-2024-02-22-procesverbal-krat.pdf",
    "county": "Berat",
    "kind": "committee_meeting",
    "body": {"id": "krat-berat", "name": "Komiteti Rajonal Antitrafik Berat",
             "as_written": "Komitetit Rajonal Antitrafik, Qarku Berat"},
    "scan_lines": {
        "top": ["REPUBLIKA E SHQIPËRISË", "INSTITUCIONI I PREFEKTIT TË QARKUT BERAT"],
        "protocol": "Nr. 214/1 Prot.",
        "dateline": "Berat, më 22.02.2024",
        "title": "PROCESVERBAL",
        "subtitle": ["i mbledhjes së Komitetit Rajonal Antitrafik", "të Qarkut Berat"],
        "stamp_ring": "INSTITUCIONI I PREFEKTIT TË QARKUT BERAT",
        "stamp_centre": "KRAT",
    },
    "header": "INSTITUCIONI I PREFEKTIT TË QARKUT BERAT",
    "title": "PROCESVERBAL",
    "subtitle": "i mbledhjes së Komitetit Rajonal Antitrafik, Qarku Berat",
    "dateline": "Berat, më 22.02.2024",
    "published": "2024-02-22",
    "date": "2024-02-22", "date_text": "22 shkurt 2024",
    "time": "10:00", "time_end": "12:15", "time_text": "10:00 - 12:15",
    "place": "Salla e mbledhjeve e Institucionit të Prefektit, Berat",
    "meta": [
        ("Data", "22 shkurt 2024"),
        ("Ora", "10:00 - 12:15"),
        ("Vendi", "Salla e mbledhjeve e Institucionit të Prefektit, Berat"),
        ("Kryesoi", "Z. Ndriçim Tola, Prefekt i Qarkut Berat"),
        ("Procesmbajtëse", "Znj. Ela Kamberi"),
    ],
    "chair": {"honorific": "Z.", "name": "Ndriçim Tola", "role": "Prefekt i Qarkut Berat",
              "institution": "Institucioni i Prefektit të Qarkut Berat", "institution_id": "prefektura-berat"},
    "present": [
        person("Z.", "Ndriçim Tola", "Prefekt i Qarkut Berat, Kryetar i KRAT", "", "prefektura-berat"),
        person("Znj.", "Ela Kamberi", "Sekretare e Përgjithshme", "Institucioni i Prefektit të Qarkut Berat", "prefektura-berat"),
        person("Z.", "Luan Haxhiu", "Zëvendëskryetar", "Bashkia Berat", "bashkia-berat"),
        person("Znj.", "Elisa Muka", "punonjëse për mbrojtjen e fëmijëve", "NJMF, Bashkia Berat", "njmf-berat"),
        person("Znj.", "Valmira Tafa", "përgjegjëse e Sektorit të Shërbimeve Sociale", "Bashkia Kuçovë", "bashkia-kucove"),
        person("Z.", "Gazmend Xhaferri", "punonjës social", "Bashkia Ura Vajgurore", "bashkia-ura-vajgurore"),
        person("Z.", "Arjan Tabaku", "shef i Sektorit për Hetimin e Krimeve", "DVP Berat", "dvp-berat"),
        person("Znj.", "Fjoralba Shehaj", "drejtore", "DRSHSSH Berat", "drshssh-berat"),
        person("Znj.", "Rovena Bitri", "psikologe", "ZVAP Berat", "zvap-berat"),
        person("Z.", "Endrit Sinani", "specialist", "NJVKSH Berat", "njvksh-berat"),
        person("Z.", "Besmir Ruçi", "specialist", "Drejtoria Rajonale e Punësimit Berat", "drp-berat"),
        person("Znj.", "Klodiana Gjata", "inspektore", "ISHPSHSH, Dega Rajonale Berat", "ishpshsh-dega-berat"),
        person("Z.", "Artan Meçe", "prokuror", "Prokuroria pranë Gjykatës së Shkallës së Parë Berat", "prokuroria-berat"),
        person("Znj.", "Denisa Pali", "koordinatore rajonale", "Terre des hommes", "terre-des-hommes"),
    ],
    "minutes_taker": {"name": "Ela Kamberi", "as_written": "Procesmbajtëse: Znj. Ela Kamberi"},
    "absent_label": "Nuk ishin të pranishëm:",
    "absent_text": "Bashkia Poliçan, Bashkia Skrapar dhe Z. Edmond Gjoni, Drejtoria Rajonale e Formimit "
                   "Profesional Berat.",
    "absent": [
        {"honorific": None, "name": None, "institution": "Bashkia Poliçan", "institution_id": "bashkia-polican"},
        {"honorific": None, "name": None, "institution": "Bashkia Skrapar", "institution_id": "bashkia-skrapar"},
        {"honorific": "Z.", "name": "Edmond Gjoni", "institution": "Drejtoria Rajonale e Formimit Profesional Berat",
         "institution_id": "drfp-berat"},
    ],
    "agenda": [
        "Informacion i DVP Berat dhe i DRSHSSH Berat për rastet e identifikuara gjatë vitit 2023.",
        "Fëmijët në situatë rruge dhe lypja në qendrën historike gjatë sezonit turistik.",
        "Puna sezonale e fëmijëve në vreshta dhe në vjeljen e ullirit.",
        "Miratimi i Planit të Veprimit të KRAT për vitin 2024.",
    ],
    "discussion": [
        {"speaker": "Ndriçim Tola",
         "text": "Z. Ndriçim Tola hapi mbledhjen dhe kujtoi se Komiteti duhet të miratojë sot Planin e Veprimit për "
                 "vitin 2024.",
         "issues": []},
        {"speaker": "Arjan Tabaku", "raised_by_inst": "DVP Berat",
         "text": "Z. Arjan Tabaku, shef i Sektorit për Hetimin e Krimeve në DVP Berat, informoi se gjatë vitit 2023 u "
                 "identifikuan 4 VMT dhe u regjistrua një procedim sipas nenit 128/b të Kodit Penal. Ai ngriti "
                 "shqetësimin për përdorimin e fëmijëve për lypje në qendrën historike dhe pranë kalasë nga të rritur "
                 "që nuk janë prindërit e tyre.",
         "issues": [("përdorimin e fëmijëve për lypje në qendrën historike dhe pranë kalasë nga të rritur që nuk janë "
                     "prindërit e tyre", ["begging", "internal-trafficking"])]},
        {"speaker": "Fjoralba Shehaj", "raised_by_inst": "DRSHSSH Berat",
         "text": "Znj. Fjoralba Shehaj, drejtore e DRSHSSH Berat, theksoi mungesën e shërbimeve të riintegrimit në "
                 "qark: viktimat që kthehen nga qendrat e specializuara nuk kanë strehim dhe rrezikojnë të bien "
                 "sërish pre e trafikantëve.",
         "issues": [("mungesën e shërbimeve të riintegrimit në qark", ["shelters-reintegration"])]},
        {"speaker": "Elisa Muka", "raised_by_inst": "Bashkinë Berat",
         "text": "Znj. Elisa Muka, punonjëse për mbrojtjen e fëmijëve në Bashkinë Berat, raportoi se gjatë vitit 2023 "
                 "NJMF menaxhoi 23 raste të fëmijëve në situatë rruge, shumica prej të cilëve nuk ndjekin shkollën "
                 "gjatë muajve të vjeljes.",
         "issues": [("fëmijëve në situatë rruge, shumica prej të cilëve nuk ndjekin shkollën gjatë muajve të vjeljes",
                     ["street-children", "school-dropout"])]},
        {"speaker": "Valmira Tafa", "raised_by_inst": "Bashkia Kuçovë",
         "text": "Znj. Valmira Tafa, nga Bashkia Kuçovë, ngriti problemin e fëmijëve romë dhe egjiptianë të "
                 "paregjistruar në gjendjen civile, të cilët nuk pranohen në shkollë pa certifikatë lindjeje.",
         "issues": [("fëmijëve romë dhe egjiptianë të paregjistruar në gjendjen civile",
                     ["civil-registration", "roma-egyptian"])]},
        {"speaker": "Klodiana Gjata", "raised_by_inst": "ISHPSHSH",
         "text": "Znj. Klodiana Gjata, inspektore në ISHPSHSH, informoi se gjatë vjeljes së ullirit në Ura Vajgurore "
                 "dhe Poliçan, si dhe në vreshtat e Beratit, punojnë fëmijë nën moshën 16 vjeç, shpesh gjatë orarit "
                 "të mësimit.",
         "issues": [("punojnë fëmijë nën moshën 16 vjeç, shpesh gjatë orarit të mësimit", ["labour-exploitation"])]},
        {"speaker": "Rovena Bitri", "raised_by_inst": "ZVAP Berat",
         "text": "Znj. Rovena Bitri, psikologe në ZVAP Berat, bëri të ditur se 38 nxënës kanë braktisur shkollën "
                 "gjatë vitit shkollor 2022-2023, kryesisht nga komunitetet rome dhe egjiptiane.",
         "issues": [("38 nxënës kanë braktisur shkollën gjatë vitit shkollor 2022-2023, kryesisht nga komunitetet "
                     "rome dhe egjiptiane", ["school-dropout", "roma-egyptian"])]},
        {"speaker": "Denisa Pali", "raised_by_inst": "Terre des hommes",
         "text": "Znj. Denisa Pali, koordinatore e Terre des hommes, u ndal te rreziku i rekrutimit online të "
                 "adoleshentëve përmes lojërave dhe aplikacioneve të komunikimit.",
         "issues": [("rreziku i rekrutimit online të adoleshentëve përmes lojërave dhe aplikacioneve të komunikimit",
                     ["online-risks"])]},
        {"speaker": "Artan Meçe",
         "text": "Z. Artan Meçe, prokuror, theksoi se dënimet për shfrytëzimin e fëmijëve për lypje mbeten të pakta, "
                 "pasi rastet rrallë kualifikohen si trafikim.",
         "issues": [("dënimet për shfrytëzimin e fëmijëve për lypje mbeten të pakta", ["low-convictions", "begging"])]},
    ],
    "decisions_intro": "Pas diskutimeve, Komiteti miratoi Planin e Veprimit për vitin 2024 dhe la detyrat e mëposhtme:",
    "tasks": [
        {"text": "DVP Berat, në bashkëpunim me NJMF-në e Bashkisë Berat, të kryejë kontrolle në qendrën historike dhe "
                 "pranë kalasë gjatë fundjavave, nga 1 prilli deri më 30 shtator 2024.",
         "actor": "DVP Berat, në bashkëpunim me NJMF-në e Bashkisë Berat", "actor_ids": ["dvp-berat", "njmf-berat"],
         "due_text": "nga 1 prilli deri më 30 shtator 2024", "due": "2024-04-01", "due_end": "2024-09-30"},
        {"text": "Bashkia Kuçovë, së bashku me Zyrën e Gjendjes Civile, të regjistrojë fëmijët e identifikuar pa "
                 "certifikatë lindjeje deri më 31.03.2024.",
         "actor": "Bashkia Kuçovë, së bashku me Zyrën e Gjendjes Civile",
         "actor_ids": ["bashkia-kucove", "zyra-gjendjes-civile-berat"],
         "due_text": "deri më 31.03.2024", "due": "2024-03-31", "due_end": None},
        {"text": "ISHPSHSH, Dega Rajonale Berat, të kryejë inspektime në vreshta dhe gjatë vjeljes së ullirit në "
                 "muajt shtator - nëntor 2024.",
         "actor": "ISHPSHSH, Dega Rajonale Berat", "actor_ids": ["ishpshsh-dega-berat"],
         "due_text": "shtator - nëntor 2024", "due": "2024-09", "due_end": "2024-11"},
        {"text": "ZVAP Berat t'i dërgojë NJMF-ve listën e nxënësve që kanë braktisur shkollën, brenda datës 15.03.2024.",
         "actor": "ZVAP Berat", "actor_ids": ["zvap-berat"],
         "due_text": "brenda datës 15.03.2024", "due": "2024-03-15", "due_end": None},
        {"text": "Terre des hommes të zhvillojë seanca për sigurinë online në 8 shkolla të mesme të qarkut gjatë "
                 "muajit prill 2024.",
         "actor": "Terre des hommes", "actor_ids": ["terre-des-hommes"],
         "due_text": "gjatë muajit prill 2024", "due": "2024-04", "due_end": None},
        {"text": "DRSHSSH Berat dhe Drejtoria Rajonale e Punësimit Berat të hartojnë një program riintegrimi dhe "
                 "punësimi për VT/VMT deri në fund të vitit 2024.",
         "actor": "DRSHSSH Berat dhe Drejtoria Rajonale e Punësimit Berat", "actor_ids": ["drshssh-berat", "drp-berat"],
         "due_text": "deri në fund të vitit 2024", "due": "2024", "due_end": None},
        {"text": "Sekretaria e KRAT t'ua dërgojë Planin e Veprimit të miratuar të gjitha institucioneve anëtare "
                 "brenda 10 ditëve.",
         "actor": "Sekretaria e KRAT", "actor_ids": [],
         "due_text": "brenda 10 ditëve", "due": None, "due_end": None},
    ],
    "closing": ["Mbledhja e radhës do të mbahet në maj 2024. Mbledhja u mbyll në orën 12:15."],
    "signatures": (["Procesmbajtëse", "Ela Kamberi"], ["Kryetari i KRAT", "Ndriçim Tola"]),
    "mentioned": [{"name": "Zyrën e Gjendjes Civile", "id": "zyra-gjendjes-civile-berat"}],
    "not_meetings": [
        {"text": "Mbledhja e radhës do të mbahet në maj 2024",
         "why": "the next meeting, only planned (at most a commitment with actor null)"},
    ],
    "exercises": [
        "page 1 is a scanned-looking image (letterhead, protocol number, title, round stamp, signature; slightly "
        "rotated, noisy JPEG) with NO text layer: expect a warning such as 'no text layer on page 1'",
        "pages 2-3 are text (Times core font) with the full minutes; the title and date are repeated there",
        "participants as a dash list in lower-case roles; tasks as lettered items a)–g) in prose",
        "deadlines 'nga 1 prilli deri më 30 shtator 2024' (a span), 'deri në fund të vitit 2024' (year), "
        "'brenda 10 ditëve' (relative: due null, never guess)",
        "a prosecutor raises low convictions; the Plan is approved (past action, not a commitment)",
    ],
}


DOCS = [KORCE, SHKODER, ELBASAN, KUKES, VLORE, BERAT]


# ===========================================================================
# consistency checks on the data (run before writing anything)
# ===========================================================================

def _discussion_text(entry: dict) -> str:
    return (entry["lead"] + " " + entry["text"]) if entry.get("lead") else entry["text"]


def _check_data() -> None:
    for d in DOCS:
        for entry in d["discussion"]:
            full = _discussion_text(entry)
            for clause, _topics in entry["issues"]:
                assert clause in full, (d["file"], clause)
            for c in entry.get("commitments", []):
                assert c["text"] in full, (d["file"], c["text"])
                if c["due_text"]:
                    assert c["due_text"] in c["text"], (d["file"], c["due_text"])
            if entry.get("raised_by_inst"):
                assert entry["raised_by_inst"] in full, (d["file"], entry["raised_by_inst"])
        if d in (VLORE, BERAT):  # prose tasks: actor and deadline sit inside the sentence
            for t in d["tasks"]:
                assert t["actor"] in t["text"], (d["file"], t["actor"])
                assert t["due_text"] in t["text"], (d["file"], t["due_text"])
        if d["file"].endswith(".pdf"):
            for text in _all_strings(d):
                text.encode("latin-1")  # core PDF fonts: Latin-1 only


def _all_strings(node) -> list[str]:
    if isinstance(node, str):
        return [node]
    if isinstance(node, dict):
        return [s for k, v in node.items() if k not in ("exercises", "not_meetings", "scan_lines", "minutes_taker")
                for s in _all_strings(v)]
    if isinstance(node, (list, tuple)):
        return [s for v in node for s in _all_strings(v)]
    return []


# ===========================================================================
# DOCX writers
# ===========================================================================

def _docx_base(font: str, size: float):
    from docx import Document
    from docx.shared import Cm, Pt

    doc = Document()
    normal = doc.styles["Normal"]
    normal.font.name = font
    normal.font.size = Pt(size)
    normal.paragraph_format.space_after = Pt(3)
    sec = doc.sections[0]
    sec.page_width, sec.page_height = Cm(21.0), Cm(29.7)
    sec.left_margin = sec.right_margin = Cm(2.0)
    sec.top_margin = sec.bottom_margin = Cm(2.0)
    return doc


def _label_par(doc, label: str, value: str):
    p = doc.add_paragraph()
    p.add_run(label + ": ").bold = True
    p.add_run(value)
    return p


def _set_cell(cell, text: str, bold: bool = False, width=None, size=None) -> None:
    """Put ``text`` in the cell's first paragraph (an empty string leaves the cell empty)."""
    if width is not None:
        cell.width = width
    if text:
        run = cell.paragraphs[0].add_run(text)
        if bold:
            run.bold = True
        if size is not None:
            run.font.size = size


def _repeat_header(row) -> None:
    """Mark a table row as a header row repeated on every page (w:tblHeader)."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    tr_pr = row._tr.get_or_add_trPr()
    el = OxmlElement("w:tblHeader")
    el.set(qn("w:val"), "true")
    tr_pr.append(el)


def _shade(cell, fill: str = "D9D9D9") -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), fill)
    cell._tc.get_or_add_tcPr().append(shd)


def _grid_table(doc, header: tuple[str, ...], rows: list[tuple[str, ...]], widths_cm: tuple[float, ...],
                size_pt: float | None = None, min_row_cm: float | None = None):
    from docx.enum.table import WD_ROW_HEIGHT_RULE
    from docx.shared import Cm, Pt

    table = doc.add_table(rows=1 + len(rows), cols=len(header))
    table.style = "Table Grid"
    table.autofit = False
    widths = [Cm(w) for w in widths_cm]
    for col, w in zip(table._tbl.tblGrid.gridCol_lst, widths):  # the grid LibreOffice reads
        col.w = w
    size = Pt(size_pt) if size_pt else None
    for c, text in enumerate(header):
        cell = table.cell(0, c)
        _set_cell(cell, text, bold=True, width=widths[c], size=size)
        _shade(cell)
    _repeat_header(table.rows[0])
    for r, row in enumerate(rows, 1):
        for c, text in enumerate(row):
            _set_cell(table.cell(r, c), text, width=widths[c], size=size)
    for row in table.rows:
        for cell in row.cells:
            cell.paragraphs[0].paragraph_format.space_after = Pt(1)
        if min_row_cm:
            row.height = Cm(min_row_cm)
            row.height_rule = WD_ROW_HEIGHT_RULE.AT_LEAST
    return table


def write_korce_docx(path: Path) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Cm, Pt

    d = KORCE
    doc = _docx_base("Times New Roman", 11)
    for line in d["letterhead"]:
        p = doc.add_paragraph()
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        p.paragraph_format.space_after = Pt(0)
        p.add_run(line).bold = True
    doc.add_paragraph()
    doc.add_paragraph(d["protocol"])
    p = doc.add_paragraph(d["dateline"])
    p.alignment = WD_ALIGN_PARAGRAPH.RIGHT

    h = doc.add_heading(d["title"], level=1)
    h.alignment = WD_ALIGN_PARAGRAPH.CENTER
    p = doc.add_paragraph()
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    p.add_run(d["subtitle"]).bold = True

    _label_par(doc, "Data", d["date_text"])
    _label_par(doc, "Ora", d["time_text"])
    _label_par(doc, "Vendi", d["place"])
    _label_par(doc, *d["chair_line"])
    _label_par(doc, *d["minutes_line"])

    p = doc.add_paragraph()
    p.paragraph_format.space_before = Pt(6)
    p.add_run("Rendi i ditës:").bold = True
    for i, item in enumerate(d["agenda"], 1):
        p = doc.add_paragraph(f"{i}. {item}")
        p.paragraph_format.left_indent = Cm(0.6)

    p = doc.add_paragraph()
    p.paragraph_format.space_before = Pt(6)
    p.add_run("Të pranishëm në mbledhje ishin:").bold = True
    # a row that continues the Institucioni cell above gets an empty cell, merged below (w:vMerge)
    rows = [(str(i), pp["name"], "" if merge_up else pp["institution"], pp["role"])
            for i, (pp, merge_up) in enumerate(d["present"], 1)]
    table = _grid_table(doc, ("Nr", "Emër Mbiemër", "Institucioni", "Pozicioni"), rows, (1.0, 3.6, 6.8, 5.6),
                        size_pt=10.5, min_row_cm=0.6)
    for r, (_pp, merge_up) in enumerate(d["present"], 1):
        if merge_up:
            table.cell(r - 1, 2).merge(table.cell(r, 2))

    p = doc.add_paragraph()
    p.paragraph_format.space_before = Pt(6)
    p.add_run(d["absent_label"] + " ").bold = True
    p.add_run(d["absent_text"])

    doc.add_heading("Diskutimet", level=2)
    for entry in d["discussion"]:
        p = doc.add_paragraph()
        p.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
        p.add_run(entry["lead"]).bold = True
        p.add_run(" " + entry["text"])

    doc.add_heading(d["tasks_heading"], level=2)
    rows = [(str(i), t["text"], t["actor"], t["due_text"]) for i, t in enumerate(d["tasks"], 1)]
    _grid_table(doc, ("Nr", "Detyra", "Përgjegjës", "Afati"), rows, (1.0, 8.4, 4.8, 2.8), size_pt=10.5)

    doc.add_paragraph()
    for line in d["closing"]:
        doc.add_paragraph(line)
    doc.add_paragraph()
    left, right = d["signatures"]
    sig = doc.add_table(rows=max(len(left), len(right)), cols=2)
    for r in range(len(sig.rows)):
        if r < len(left):
            _set_cell(sig.cell(r, 0), left[r], bold=(r == len(left) - 1))
        if r < len(right):
            _set_cell(sig.cell(r, 1), right[r], bold=(r == len(right) - 1))
            sig.cell(r, 1).paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.RIGHT

    _fix_core_properties(doc, _title(d), "Institucioni i Prefektit të Qarkut Korçë")
    _save_docx(doc, path)


def _vlore_participants_prose() -> str:
    parts = [f"{hon} {name}, {written}" for hon, name, written, _r, _i, _id in VLORE["present_prose"]]
    return "Në mbledhje morën pjesë: " + "; ".join(parts) + "."


def write_vlore_docx(path: Path) -> None:
    from docx.enum.section import WD_ORIENT, WD_SECTION
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Cm, Pt

    d = VLORE
    doc = _docx_base("Calibri", 11)
    for line in d["letterhead"]:
        p = doc.add_paragraph()
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        p.paragraph_format.space_after = Pt(0)
        r = p.add_run(line)
        r.bold = True
        r.font.size = Pt(12)
    doc.add_paragraph()
    h = doc.add_heading(d["title"], level=1)
    h.alignment = WD_ALIGN_PARAGRAPH.CENTER
    doc.add_paragraph()
    for label, value in d["meta"]:
        _label_par(doc, label, value)

    p = doc.add_paragraph(_vlore_participants_prose())
    p.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    p.paragraph_format.space_before = Pt(8)
    doc.add_paragraph(d["absent_label"] + " " + d["absent_text"])

    p = doc.add_paragraph()
    p.paragraph_format.space_before = Pt(8)
    p.add_run("Rendi i ditës:").bold = True
    for i, item in enumerate(d["agenda"], 1):
        p = doc.add_paragraph(f"{i}. {item}")
        p.paragraph_format.left_indent = Cm(0.8)

    # second section: landscape
    first = doc.sections[0]
    sec = doc.add_section(WD_SECTION.NEW_PAGE)
    sec.orientation = WD_ORIENT.LANDSCAPE
    sec.page_width, sec.page_height = first.page_height, first.page_width

    doc.add_heading("VENDIME", level=2)
    doc.add_paragraph(d["decisions_intro"])
    for i, t in enumerate(d["tasks"], 1):
        p = doc.add_paragraph(f"{i}. {t['text']}")
        p.paragraph_format.left_indent = Cm(0.8)
        p.paragraph_format.first_line_indent = Cm(-0.6)

    doc.add_heading("DISKUTIMET", level=2)
    for entry in d["discussion"]:
        p = doc.add_paragraph(entry["text"])
        p.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY

    for line in d["closing"]:
        p = doc.add_paragraph(line)
        p.paragraph_format.space_before = Pt(8)
    left, right = d["signatures"]
    doc.add_paragraph()
    p = doc.add_paragraph(f"{left[0]}: {left[1]}")
    p = doc.add_paragraph(right[0])
    p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    p = doc.add_paragraph()
    p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    p.add_run(right[1]).bold = True

    _fix_core_properties(doc, _title(d), "Institucioni i Prefektit të Qarkut Vlorë")
    _save_docx(doc, path)


# ===========================================================================
# PDF writers (fpdf2, core fonts)
# ===========================================================================

def _pdf(title: str, author: str, orientation: str = "P", footer: str | None = None, font: str = "Helvetica",
         footer_from: int = 1):
    from fpdf import FPDF

    class Minutes(FPDF):
        def footer(self):  # fpdf2 hook
            if footer and self.page_no() >= footer_from:
                self.set_y(-12)
                self.set_font(font, size=8)
                self.cell(0, 5, footer.format(n=self.page_no(), nb="{nb}"), align="C")

    pdf = Minutes(orientation=orientation, format="A4")
    pdf.set_creation_date(FIXED_DT_UTC)
    pdf.set_title(title)
    pdf.set_author(author)
    pdf.set_creator("scripts/make_minutes.py")
    pdf.set_lang("sq")
    pdf.set_margins(18, 15, 18)
    pdf.set_auto_page_break(auto=True, margin=18)
    return pdf


def _line(pdf, text: str, h: float = 6.0, style: str = "", size: float = 11, align: str = "L",
          font: str = "Helvetica", indent: float = 0.0) -> None:
    pdf.set_font(font, style=style, size=size)
    if indent:
        pdf.set_x(pdf.l_margin + indent)
    w = pdf.w - pdf.r_margin - pdf.get_x()
    pdf.multi_cell(w, h, text, align=align, new_x="LMARGIN", new_y="NEXT")


def _label_line(pdf, label: str, value: str, h: float = 6.0, size: float = 11, font: str = "Helvetica") -> None:
    pdf.set_font(font, style="B", size=size)
    pdf.write(h, label + ": ")
    pdf.set_font(font, size=size)
    pdf.write(h, value)
    pdf.ln(h)


def _label_para(pdf, label: str, value: str, h: float = 6.0, size: float = 11, font: str = "Helvetica",
                align: str = "L") -> None:
    """A bold label and its value as one paragraph (continuation lines return to the margin)."""
    pdf.set_font(font, size=size)
    pdf.multi_cell(0, h, f"**{label}** {value}", markdown=True, align=align, new_x="LMARGIN", new_y="NEXT")


def write_shkoder_pdf(path: Path) -> None:
    d = SHKODER
    pdf = _pdf(_title(d), "Prefektura e Qarkut Shkodër")
    pdf.add_page()
    for line in d["letterhead"]:
        _line(pdf, line, style="B", size=11, align="C")
    pdf.set_draw_color(60, 60, 60)
    pdf.line(18, pdf.get_y() + 1.5, pdf.w - 18, pdf.get_y() + 1.5)
    pdf.ln(6)
    _line(pdf, d["title"], h=7, style="B", size=13, align="C")
    pdf.ln(3)
    _label_line(pdf, "Data", d["date_text"])
    _label_line(pdf, "Ora", d["time_text"])
    _label_line(pdf, "Vendi", d["place"])
    _label_para(pdf, d["chair_line"][0] + ":", d["chair_line"][1])
    pdf.ln(3)
    _line(pdf, "Rendi i ditës:", style="B")
    for i, item in enumerate(d["agenda"], 1):
        _line(pdf, f"{i}. {item}", indent=5)
    pdf.ln(3)
    _line(pdf, "Të pranishëm:", style="B")
    for i, p in enumerate(d["present"], 1):
        _line(pdf, f"{i}. {p['honorific']} {p['name']}, {p['role']}, {p['institution']}", h=5.6, size=10.5, indent=5)
    pdf.ln(2)
    _label_para(pdf, d["absent_label"], d["absent_text"])
    pdf.ln(3)
    _line(pdf, "Diskutimet:", style="B")
    for entry in d["discussion"]:
        _line(pdf, entry["text"], align="J")
        pdf.ln(1.5)
    pdf.ln(2)
    _line(pdf, d["tasks_heading"], style="B")
    for i, t in enumerate(d["tasks"], 1):
        _line(pdf, f"{i}. {t['text']}", align="J")
        _line(pdf, f"Përgjegjës: {t['actor']}", indent=8)
        _line(pdf, f"Afati: {t['due_text']}", indent=8)
        pdf.ln(1.5)
    pdf.ln(3)
    for line in d["closing"]:
        _line(pdf, line)
    pdf.ln(6)
    _line(pdf, d["signature"][0], align="R")
    _line(pdf, d["signature"][1], style="B", align="R")
    pdf.output(str(path))


def write_elbasan_pdf(path: Path) -> None:
    from fpdf.fonts import FontFace

    d = ELBASAN
    pdf = _pdf(_title(d), "Institucioni i Prefektit të Qarkut Elbasan",
               orientation="L", footer="Faqe {n}/{nb}")
    pdf.set_margins(15, 12, 15)
    pdf.set_auto_page_break(auto=True, margin=16)
    pdf.add_page()
    for line in d["letterhead"]:
        _line(pdf, line, h=5.5, style="B", size=11, align="C")
    pdf.ln(3)
    _line(pdf, d["title"], h=8, style="B", size=15, align="C")
    _line(pdf, d["subtitle"], h=6, style="B", size=12, align="C")
    pdf.ln(3)
    _label_line(pdf, "Data", d["date_text"], h=5.5)
    _label_line(pdf, "Ora", d["time_text"], h=5.5)
    _label_line(pdf, "Vendi", d["place"], h=5.5)
    _label_line(pdf, *d["chair_line"], h=5.5)
    pdf.ln(2)
    _line(pdf, "Rendi i ditës:", h=5.5, style="B")
    for i, item in enumerate(d["agenda"], 1):
        _line(pdf, f"{i}. {item}", h=5.5, indent=5)
    pdf.ln(3)
    _line(pdf, "Lista e pjesëmarrësve", h=6, style="B")
    pdf.set_font("Helvetica", size=10)
    heading = FontFace(emphasis="BOLD", fill_color=(220, 220, 220))
    with pdf.table(col_widths=(10, 45, 95, 80, 37), text_align="LEFT", borders_layout="ALL", line_height=5.8,
                   first_row_as_headings=True, headings_style=heading) as table:
        row = table.row()
        for h in ("Nr", "Emër Mbiemër", "Institucioni", "Pozicioni", "Nënshkrimi"):
            row.cell(h)
        for i, p in enumerate(d["present"], 1):
            row = table.row()
            for val in (str(i), p["name"], p["institution"], p["role"], ""):
                row.cell(val)
    pdf.ln(3)
    _label_para(pdf, d["absent_label"], d["absent_text"], h=5.5)
    pdf.ln(3)
    _line(pdf, "Diskutimet", h=6, style="B", size=12)
    for entry in d["discussion"]:
        _label_para(pdf, entry["lead"], entry["text"], h=5.5, align="J")
        pdf.ln(1)
    pdf.ln(3)
    _line(pdf, d["tasks_heading"], h=6, style="B", size=12)
    pdf.set_font("Helvetica", size=10)
    with pdf.table(col_widths=(10, 132, 85, 40), text_align="LEFT", borders_layout="ALL", line_height=5.8,
                   first_row_as_headings=True, headings_style=heading) as table:
        row = table.row()
        for h in ("Nr", "Vendimi", "Përgjegjës", "Afati"):
            row.cell(h)
        for i, t in enumerate(d["tasks"], 1):
            row = table.row()
            for val in (str(i), t["text"], t["actor"], t["due_text"]):
                row.cell(val)
    pdf.ln(4)
    for line in d["closing"]:
        _line(pdf, line)
    pdf.ln(6)
    left, right = d["signatures"]
    y = pdf.get_y()
    pdf.set_font("Helvetica", size=11)
    pdf.set_xy(20, y)
    pdf.cell(100, 6, left[0])
    pdf.set_xy(pdf.w - 120, y)
    pdf.cell(100, 6, right[0], align="R")
    pdf.set_font("Helvetica", "B", 11)
    pdf.set_xy(20, y + 6)
    pdf.cell(100, 6, left[1])
    pdf.set_xy(pdf.w - 120, y + 6)
    pdf.cell(100, 6, right[1], align="R")
    pdf.output(str(path))


def _borderless_table(pdf, widths: tuple[float, ...], header: tuple[str, ...], rows: list[tuple[str, ...]],
                      h: float = 5.2, size: float = 10, gap: float = 1.6) -> None:
    """Columns placed by x position, no ruling lines; a row is as tall as its longest cell."""
    xs = [pdf.l_margin]
    for w in widths[:-1]:
        xs.append(xs[-1] + w)
    for r, row in enumerate([header, *rows]):
        style = "B" if r == 0 else ""
        pdf.set_font("Helvetica", style=style, size=size)
        n = max(len(pdf.multi_cell(w - 2, h, text, dry_run=True, output="LINES")) for w, text in zip(widths, row))
        height = n * h
        if pdf.get_y() + height > pdf.page_break_trigger:
            pdf.add_page()
        y0 = pdf.get_y()
        for x, w, text in zip(xs, widths, row):
            pdf.set_xy(x, y0)
            pdf.multi_cell(w - 2, h, text, border=0, align="L")
        pdf.set_xy(pdf.l_margin, y0 + height + (gap if r else gap + 1))


def write_kukes_pdf(path: Path) -> None:
    d = KUKES
    pdf = _pdf(_title(d), "Prefektura e Qarkut Kukës")
    pdf.add_page()
    for line in d["letterhead"]:
        _line(pdf, line, h=5.5, style="B", size=11, align="C")
    pdf.ln(5)
    _line(pdf, d["title"], h=7, style="B", size=14, align="C")
    _line(pdf, d["subtitle"], h=6, style="B", size=11.5, align="C")
    pdf.ln(4)
    _line(pdf, d["date_line"])
    _label_line(pdf, "Vendi", d["place"])
    _label_para(pdf, d["chair_line"][0] + ":", d["chair_line"][1])
    pdf.ln(2)
    _line(pdf, "Rendi i dites:", style="B")
    for i, item in enumerate(d["agenda"], 1):
        _line(pdf, f"{i}. {item}", indent=5)
    pdf.ln(3)
    _line(pdf, "Pjesemarres:", style="B")
    pdf.ln(1)
    rows = [(f"{i}.", p["name"], p["institution"], p["role"]) for i, p in enumerate(d["present"], 1)]
    _borderless_table(pdf, (10, 40, 62, 62), ("Nr", "Emri Mbiemri", "Institucioni", "Detyra"), rows, gap=0.8)
    pdf.ln(2)
    _label_para(pdf, d["absent_label"], d["absent_text"])
    pdf.ln(3)
    _line(pdf, "Diskutime:", style="B")
    for entry in d["discussion"]:
        _line(pdf, _discussion_text(entry), align="J")
        pdf.ln(1.2)
    pdf.ln(3)
    _line(pdf, d["tasks_heading"], style="B")
    pdf.ln(1)
    rows = [(f"{i}.", t["text"], t["actor"], t["due_text"]) for i, t in enumerate(d["tasks"], 1)]
    _borderless_table(pdf, (10, 76, 50, 38), ("Nr", "Detyra", "Pergjegjes", "Afati"), rows)
    pdf.ln(3)
    for line in d["closing"]:
        _line(pdf, line)
    pdf.ln(8)
    left, right = d["signatures"]
    y = pdf.get_y()
    pdf.set_font("Helvetica", size=11)
    pdf.set_xy(18, y)
    pdf.cell(80, 6, left[0])
    pdf.set_xy(pdf.w - 98, y)
    pdf.cell(80, 6, right[0], align="R")
    pdf.set_font("Helvetica", "B", 11)
    pdf.set_xy(18, y + 6)
    pdf.cell(80, 6, left[1])
    pdf.set_xy(pdf.w - 98, y + 6)
    pdf.cell(80, 6, right[1], align="R")
    pdf.output(str(path))


# --- the scanned cover of the Berat minutes ------------------------------------

SCAN_DPI = 120
SCAN_SEED = 20240222


def _scan_fonts():
    from PIL import ImageFont

    try:
        import matplotlib

        ttf = Path(matplotlib.__file__).resolve().parent / "mpl-data" / "fonts" / "ttf"
        serif, serif_b = ttf / "DejaVuSerif.ttf", ttf / "DejaVuSerif-Bold.ttf"

        def font(bold: bool, size: int):
            return ImageFont.truetype(str(serif_b if bold else serif), size)
    except Exception:  # noqa: BLE001 - fall back to Pillow's bundled font
        def font(bold: bool, size: int):
            return ImageFont.load_default(size)
    return font


def scanned_cover_jpeg() -> bytes:
    """A grey, slightly rotated, noisy 'scan' of a letterhead with a round stamp (no text layer)."""
    import math

    import numpy as np
    from PIL import Image, ImageDraw, ImageFilter

    s = BERAT["scan_lines"]
    font = _scan_fonts()
    W, H = round(8.27 * SCAN_DPI), round(11.69 * SCAN_DPI)
    img = Image.new("L", (W, H), 250)
    dr = ImageDraw.Draw(img)

    def centred(text: str, y: int, f, fill: int = 25) -> int:
        box = dr.textbbox((0, 0), text, font=f)
        dr.text(((W - (box[2] - box[0])) // 2, y), text, font=f, fill=fill)
        return y + (box[3] - box[1])

    # a simple emblem: a double-headed shape suggested by two wedges
    cx, top = W // 2, 95
    dr.polygon([(cx, top + 70), (cx - 45, top), (cx - 12, top + 28)], fill=45)
    dr.polygon([(cx, top + 70), (cx + 45, top), (cx + 12, top + 28)], fill=45)
    y = top + 95
    y = centred(s["top"][0], y, font(True, 24)) + 14
    y = centred(s["top"][1], y, font(True, 26)) + 18
    dr.line([(110, y), (W - 110, y)], fill=40, width=3)
    y += 30
    f = font(False, 21)
    dr.text((110, y), s["protocol"], font=f, fill=30)
    box = dr.textbbox((0, 0), s["dateline"], font=f)
    dr.text((W - 110 - (box[2] - box[0]), y), s["dateline"], font=f, fill=30)
    y += 230
    y = centred(s["title"], y, font(True, 62), fill=15) + 40
    for line in s["subtitle"]:
        y = centred(line, y, font(False, 30)) + 16

    # round stamp with the institution's name around the ring
    scx, scy, r = W - 290, H - 330, 125
    stamp = Image.new("L", (W, H), 0)
    sd = ImageDraw.Draw(stamp)
    sd.ellipse([scx - r, scy - r, scx + r, scy + r], outline=255, width=6)
    sd.ellipse([scx - r + 34, scy - r + 34, scx + r - 34, scy + r - 34], outline=255, width=3)
    ring = s["stamp_ring"] + " * "
    fr = font(True, 17)
    for i, ch in enumerate(ring):
        ang = -90 + 360 * i / len(ring)
        glyph = Image.new("L", (30, 30), 0)
        ImageDraw.Draw(glyph).text((8, 4), ch, font=fr, fill=255)
        glyph = glyph.rotate(-ang - 90, resample=Image.BICUBIC)
        gx = scx + (r - 19) * math.cos(math.radians(ang)) - 15
        gy = scy + (r - 19) * math.sin(math.radians(ang)) - 15
        stamp.paste(255, (int(gx), int(gy)), glyph)
    fc = font(True, 34)
    box = sd.textbbox((0, 0), s["stamp_centre"], font=fc)
    sd.text((scx - (box[2] - box[0]) // 2, scy - (box[3] - box[1]) // 2 - 6), s["stamp_centre"], font=fc, fill=255)
    stamp = stamp.rotate(14, center=(scx, scy), resample=Image.BICUBIC)
    img.paste(95, (0, 0), stamp.point(lambda v: int(v * 0.85)))

    # a pen signature across the stamp
    pts = []
    for i in range(120):
        t = i / 119
        pts.append((scx - 230 + 260 * t, scy - 10 + 28 * math.sin(t * 11) * (1 - t) - 40 * t))
    dr.line(pts, fill=35, width=3)

    # scanner artefacts: rotation, soft blur, speckle, uneven exposure, a dark edge
    img = img.rotate(0.9, resample=Image.BICUBIC, fillcolor=235)
    img = img.filter(ImageFilter.GaussianBlur(0.7))
    a = np.asarray(img).astype(np.float32)
    rng = np.random.default_rng(SCAN_SEED)
    a += rng.normal(0.0, 7.0, a.shape)
    specks = rng.random(a.shape) < 0.0009
    a[specks] = rng.uniform(40, 140, int(specks.sum()))
    a *= np.linspace(0.97, 0.90, W)[None, :]
    a[:, :10] = 60
    out = Image.fromarray(np.clip(a, 0, 255).astype(np.uint8), mode="L")
    buf = io.BytesIO()
    out.save(buf, format="JPEG", quality=55, optimize=False, progressive=False)
    return buf.getvalue()


def write_berat_pdf(path: Path) -> None:
    d = BERAT
    pdf = _pdf(_title(d), "Institucioni i Prefektit të Qarkut Berat",
               footer="Faqja {n} nga {nb}", font="Times", footer_from=2)
    pdf.set_margins(22, 18, 22)
    # page 1: the scan, nothing else (no footer either)
    pdf.add_page()
    pdf.image(io.BytesIO(scanned_cover_jpeg()), x=0, y=0, w=pdf.w, h=pdf.h)
    pdf.add_page()
    T = "Times"
    _line(pdf, d["header"], h=5, size=9, align="C", font=T)
    pdf.ln(4)
    _line(pdf, d["title"], h=8, style="B", size=16, align="C", font=T)
    _line(pdf, d["subtitle"], h=6, style="B", size=12.5, align="C", font=T)
    pdf.ln(2)
    _line(pdf, d["dateline"], h=6, size=11.5, align="R", font=T)
    pdf.ln(2)
    for label, value in d["meta"]:
        _label_line(pdf, label, value, h=6, size=11.5, font=T)
    pdf.ln(3)
    _line(pdf, "Morën pjesë:", style="B", size=11.5, font=T)
    for p in d["present"]:
        inst = f", {p['institution']}" if p["institution"] else ""
        _line(pdf, f"- {p['honorific']} {p['name']}, {p['role']}{inst}", h=5.5, size=11, indent=4, font=T)
    pdf.ln(2)
    _label_para(pdf, d["absent_label"], d["absent_text"], size=11.5, font=T)
    pdf.ln(3)
    _line(pdf, "Rendi i ditës:", style="B", size=11.5, font=T)
    for i, item in enumerate(d["agenda"], 1):
        _line(pdf, f"{i}. {item}", h=6, size=11.5, indent=4, font=T)
    pdf.ln(3)
    _line(pdf, "Diskutimet", style="B", size=12, font=T)
    for entry in d["discussion"]:
        _line(pdf, entry["text"], h=6, size=11.5, align="J", font=T)
        pdf.ln(1.5)
    pdf.ln(2)
    _line(pdf, d["decisions_intro"], h=6, size=11.5, font=T)
    _line(pdf, "Detyrat e lëna:", style="B", size=11.5, font=T)
    for letter, t in zip("abcdefg", d["tasks"]):
        _line(pdf, f"{letter}) {t['text']}", h=6, size=11.5, align="J", indent=4, font=T)
    pdf.ln(3)
    for line in d["closing"]:
        _line(pdf, line, h=6, size=11.5, font=T)
    pdf.ln(8)
    left, right = d["signatures"]
    y = pdf.get_y()
    pdf.set_font(T, size=11.5)
    pdf.set_xy(22, y)
    pdf.cell(70, 6, left[0])
    pdf.set_xy(pdf.w - 92, y)
    pdf.cell(70, 6, right[0], align="R")
    pdf.set_font(T, "B", 11.5)
    pdf.set_xy(22, y + 6)
    pdf.cell(70, 6, left[1])
    pdf.set_xy(pdf.w - 92, y + 6)
    pdf.cell(70, 6, right[1], align="R")
    pdf.output(str(path))


# ===========================================================================
# checklist
# ===========================================================================

def _persons(d: dict) -> list[dict]:
    if d is VLORE:
        return [{"honorific": hon, "name": name, "role": role, "institution": inst,
                 "as_written": f"{hon} {name}, {written}", "institution_id": iid}
                for hon, name, written, role, inst, iid in d["present_prose"]]
    items = [p for p, _m in d["present"]] if d is KORCE else d["present"]
    return [dict(p) for p in items]


def _speaker(d: dict, name: str) -> dict:
    for p in _persons(d):
        if p["name"] == name:
            return p
    raise KeyError((d["file"], name))


def _institutions(d: dict) -> list[dict]:
    """One entry per institution id: organizer (the chair's prefecture), participant, funder, mentioned."""
    roles: dict[str, str] = {}
    roles[d["chair"]["institution_id"]] = "organizer"
    for p in _persons(d):
        roles.setdefault(p["institution_id"], "participant")
    for a in d["absent"]:
        roles.setdefault(a["institution_id"], "mentioned")
    for m in d.get("mentioned", []):
        roles.setdefault(m["id"], "mentioned")
    out = [{"id": k, "role": v} for k, v in roles.items()]
    for item in out:
        if item["id"] in d.get("also_funder", {}):
            item["note"] = d["also_funder"][item["id"]]
    return out


def _commitments(d: dict) -> list[dict]:
    out = []
    for t in d["tasks"]:
        out.append({"text": t["text"], "source": d["task_source"], "actor": t["actor"], "actor_ids": t["actor_ids"],
                    "due_text": t["due_text"], "due": t["due"], "due_end": t["due_end"]})
    for entry in d["discussion"]:
        for c in entry.get("commitments", []):
            out.append({"text": c["text"], "source": "discussion", "actor": c["actor"], "actor_ids": c["actor_ids"],
                        "due_text": c["due_text"], "due": c["due"], "due_end": c["due_end"]})
    return out


def _issues(d: dict) -> list[dict]:
    out = []
    for entry in d["discussion"]:
        if not entry["issues"]:
            continue
        sp = _speaker(d, entry["speaker"])
        written = entry.get("raised_by_inst")
        if written is None:  # "Z. Name (Institution):" lead; None when the speaker's line names no institution
            lead = entry.get("lead") or ""
            written = lead[lead.index("(") + 1:lead.index(")")] if "(" in lead else None
        for clause, topics in entry["issues"]:
            out.append({"text": clause,
                        "raised_by": {"honorific": sp["honorific"], "name": sp["name"],
                                      "institution": written, "institution_id": sp["institution_id"]},
                        "topics": topics})
    return out


def _title(d: dict) -> str:
    """The document's title: its heading lines joined (also the DOCX/PDF metadata title)."""
    return d["title"] + (" " + d["subtitle"] if d.get("subtitle") else "")


def checklist() -> dict:
    docs = []
    for d in DOCS:
        fmt = d["file"].rsplit(".", 1)[1]
        present = []
        for p in _persons(d):
            item = {"honorific": p["honorific"], "name": p["name"], "role": p["role"],
                    "institution": p["institution"] or None, "institution_id": p["institution_id"]}
            if "as_written" in p:
                item["as_written"] = p["as_written"]
            present.append(item)
        warnings = []
        if d is BERAT:
            warnings.append("no text layer on page 1 (scanned image); the minutes are read from pages 2-3")
        meeting = {
            "kind": d["kind"],
            "body": d["body"],
            "title": _title(d),
            "date": d["date"],
            "date_text": d["date_text"],
            "time": d["time"],
            "time_end": d["time_end"],
            "time_text": d["time_text"],
            "place": d["place"],
            "county": d["county"],
            "chair": d["chair"],
            "present": present,
            "minutes_taker": d["minutes_taker"],
            "absent_label": d["absent_label"],
            "absent_text": d["absent_text"],
            "absent": d["absent"],
            "agenda": d["agenda"],
            "institutions": _institutions(d),
            "issues": _issues(d),
            "commitments": _commitments(d),
            "not_meetings": d["not_meetings"],
        }
        docs.append({
            "file": d["file"],
            "format": fmt,
            "exercises": d["exercises"],
            "published": d["published"],
            **({} if d["published"] else {"published_note": "no dateline; the only dates in the text are the "
                                          "meeting date and the deadlines"}),
            "warnings": warnings,
            "meetings": [meeting],
        })
    return {
        "version": 1,
        "about": (
            "What a complete record of each minutes sample must contain. Generated by scripts/make_minutes.py "
            "from the same data as the documents; do not edit by hand. Strings are as written in the document "
            "(including missing diacritics); *_id fields are gazetteer ids (null when no entry fits). "
            "Dates are ISO at the precision the text gives; due is null for open-ended, recurring or relative "
            "deadlines ('në vazhdimësi', 'çdo muaj', 'menjëherë', 'brenda 10 ditëve'); due_end closes a span. "
            "Each document reports exactly one meeting; 'not_meetings' lists meetings that are only referred to "
            "or planned. 'present' are the persons who took part (absent persons are not participants). "
            "Issue and commitment texts are clauses copied from the document. Places and countries named as places "
            "(vendet e BE-së, Kosova, Greqia, PKK Kapshticë) are not institutions."
        ),
        "documents": docs,
    }


def write_checklist(path: Path) -> None:
    import yaml

    text = yaml.safe_dump(checklist(), allow_unicode=True, sort_keys=False, width=110, default_flow_style=False)
    path.write_text("# Generated by scripts/make_minutes.py - do not edit by hand.\n" + text, encoding="utf-8")


OUTPUTS = {
    KORCE["file"]: write_korce_docx,
    SHKODER["file"]: write_shkoder_pdf,
    ELBASAN["file"]: write_elbasan_pdf,
    KUKES["file"]: write_kukes_pdf,
    VLORE["file"]: write_vlore_docx,
    BERAT["file"]: write_berat_pdf,
    CHECKLIST_NAME: write_checklist,
}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=ROOT / "samples", help="output directory (default: samples/)")
    ap.add_argument("--check", action="store_true",
                    help="do not write; exit 1 if any committed file differs from what would be generated")
    args = ap.parse_args(argv)

    _check_data()
    from make_samples import write_outputs  # same folder: the same write-or-check loop
    return write_outputs(OUTPUTS, args.out, check=args.check)


if __name__ == "__main__":
    sys.exit(main())
