#!/usr/bin/env python3
"""Regenerate the binary and specially encoded sample documents in ``samples/``.

The plain UTF-8 ``.txt`` and ``.html`` samples are committed as written; this
script only produces the files that cannot be kept as plain UTF-8 text:

* ``fier-2020-11-05-procesverbal-ttat.docx``       (python-docx: minutes with a table)
* ``gjirokaster-2022-04-12-mbledhja-krat.docx``    (python-docx: press release + VML text box)
* ``lezhe-2018-09-26-procesverbal-krat.pdf``       (fpdf2: two-page minutes, bordered table)
* ``shkoder-2021-05-20-trajnim-njmf.pdf``          (fpdf2: one-page training release)
* ``berat-2015-04-23-mbledhja-krat-cp1250.txt``    (bytes in Windows-1250, CRLF)
* ``diber-2022-11-09-tryeza-teknike-utf16.txt``    (UTF-16 LE with BOM, CRLF)
* ``fier-2018-10-18-konferenca-mojibake.txt``      (UTF-8 read as cp1252, saved as UTF-8)

All text lives in this file. Output is deterministic: DOCX core properties and
zip member timestamps are fixed, and the PDF creation date is fixed, so reruns
give byte-identical files (as far as python-docx / fpdf2 allow).

Usage:  .venv/bin/python scripts/make_samples.py [--out samples] [--check]
"""

from __future__ import annotations

import argparse
import hashlib
import io
import sys
import zipfile
from datetime import datetime, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIXED_DT = datetime(2025, 1, 15, 9, 0, 0)            # naive, for docx core properties
FIXED_DT_UTC = datetime(2025, 1, 15, 9, 0, 0, tzinfo=timezone.utc)
ZIP_DT = (2025, 1, 15, 9, 0, 0)


# ---------------------------------------------------------------------------
# 1. Legacy code page cp1250 - Berat KRAT meeting, 2015
# ---------------------------------------------------------------------------

BERAT_CP1250 = """\
Berat, 23.04.2015

Mblidhet Komiteti Rajonal kundër Trafikimit të Personave në Qarkun Berat

Më datë 23.04.2015, në sallën e mbledhjeve të Prefekturës së Qarkut Berat, u zhvillua mbledhja e parë për këtë vit e Komitetit Rajonal kundër Trafikimit të Personave, e kryesuar nga Prefektja e Qarkut Berat, zj. Drita Kurti.

Në mbledhje morën pjesë anëtarët e Komitetit: përfaqësues të Bashkisë Berat, Bashkisë Kuçovë dhe Komunës Velabisht, të Drejtorisë Vendore të Policisë Berat, Drejtorisë Arsimore Rajonale Berat, Drejtorisë së Shëndetit Publik, Zyrës Rajonale të Punësimit, Drejtorisë Rajonale të Shërbimit Social Shtetëror, Inspektoriatit Shtetëror të Punës, si dhe të Prokurorisë së Rrethit Gjyqësor Berat.

Zj. Kurti theksoi në fjalën e saj se Komiteti duhet të kalojë nga aktivitetet sporadike në një punë të planifikuar, me detyra të qarta për çdo institucion anëtar.

Specialisti i Seksionit për Hetimin e Trafikut të Paligjshëm, z. Edmond Qose, informoi se gjatë periudhës janar–mars 2015 janë regjistruar dy procedime për shfrytëzim prostitucioni dhe një rast i dyshuar trafikimi i një të mitureje, i cili është në hetim nga Prokuroria.

Përfaqësuesja e Shërbimit Social, znj. Alma Sinani, ngriti problematikën e fëmijëve të komunitetit rom dhe egjiptian që lypin në qendër të qytetit dhe në rrugën për në Kala, shumë prej të cilëve nuk janë të regjistruar në gjendjen civile. Nga Inspektoriati i Punës u diskutua për punën e fëmijëve në bujqësi gjatë sezonit të mbjelljeve në fushën e Kuçovës, ndërsa DAR Berat ngriti shqetësimin për braktisjen e shkollës në zonat rurale të Skraparit.

Në përfundim u vendos që Plani i Veprimit të Komitetit për vitin 2015 të përditësohet deri në fund të muajit qershor 2015. DAR Berat do të organizojë seanca informuese me temë „Shkolla pa trafik“ në dhjetë shkolla 9-vjeçare të qarkut deri në përfundim të vitit shkollor, ndërsa Bashkia Berat angazhohet të ndihmojë familjet e fëmijëve të identifikuar për regjistrimin e tyre në gjendjen civile. Prefektja kërkoi që Drejtoria e Policisë të raportojë çdo muaj pranë sekretarisë së Komitetit për rastet e shoqëruara.
"""


# ---------------------------------------------------------------------------
# 2. UTF-16 with BOM - Dibër technical table, 2022
# ---------------------------------------------------------------------------

DIBER_UTF16 = """\
Peshkopi, 09.11.2022

Tryeza Teknike Antitrafik e Qarkut Dibër: puna e fëmijëve në minierat e kromit dhe largimi i të miturve të pashoqëruar

Më 9 nëntor 2022, në Institucionin e Prefektit të Qarkut Dibër u zhvillua mbledhja e Tryezës Teknike Antitrafik, e drejtuar nga Sekretarja e Përgjithshme e Prefekturës, znj. Lindita Doçi, në rolin e Kryetares së Tryezës Teknike.

Në mbledhje morën pjesë:
- Bashkia Dibër, Bashkia Mat, Bashkia Bulqizë dhe Bashkia Klos;
- Drejtoria Vendore e Policisë Dibër (DVP);
- Drejtoria Rajonale e Kufirit dhe Migracionit Dibër;
- DRSHSSH Dibër;
- ZVAP Dibër;
- NJVKSH Dibër;
- Zyra Vendore e Punësimit Peshkopi (AKPA);
- ISHPSHSH, Dega Rajonale Dibër.

Znj. Doçi u ndal te të dhënat e nëntë muajve të parë të vitit, sipas të cilave në qark janë identifikuar 4 VMT, të gjithë të mitur. Ajo theksoi se fenomeni kryesor në Dibër nuk është trafikimi brenda vendit, por largimi i të miturve të pashoqëruar drejt vendeve të Bashkimit Europian, shpesh me pëlqimin e prindërve.

Përfaqësuesi i Policisë Kufitare, z. Arben Cami, informoi se në PKK Bllatë janë kthyer nga autoritetet e Maqedonisë së Veriut 7 të mitur pa shoqërues. Përfaqësuesja e ISHPSHSH-së, zj. Drita Lala, ngriti shqetësimin për punën e fëmijëve në përzgjedhjen e kromit në disa subjekte private në Bulqizë, ku inspektorët nuk lejohen gjithmonë të hyjnë. Nga ZVAP Dibër u diskutua për nevojën e një psikologu në shkollat e Klosit, ku mungesat e nxënësve rriten ndjeshëm gjatë vjeshtës.

Në përfundim u vunë detyrat e mëposhtme. ISHPSHSH angazhohet të kryejë inspektime të përbashkëta me policinë në subjektet e përpunimit të kromit në Bulqizë gjatë muajit nëntor. ZVAP Dibër u ngarkua të dërgojë listën e nxënësve me mbi 30 mungesa brenda datës 15.12.2022. Kryetarja e Tryezës kërkoi që NJMF-të e katër bashkive të hapin rast për çdo të mitur të kthyer nga kufiri. Raporti përfundimtar do t'i paraqitet Komitetit Rajonal Antitrafik në mbledhjen e dhjetorit.
"""


# ---------------------------------------------------------------------------
# 3. Mojibake (UTF-8 read as cp1252, saved again as UTF-8) - Fier conference, 2018
# ---------------------------------------------------------------------------

FIER_MOJIBAKE = """\
Fier, 18 tetor 2018

Konferenca rajonale „Bashkë kundër trafikimit“ në Ditën Europiane kundër Trafikimit të Qenieve Njerëzore

Me rastin e 18 Tetorit, Ditës Europiane kundër Trafikimit të Qenieve Njerëzore, Institucioni i Prefektit të Qarkut Fier dhe Drejtoria Rajonale e Shërbimit Social Shtetëror Fier organizuan sot, në sallën e Teatrit „Bylis“, konferencën rajonale „Bashkë kundër trafikimit“, me mbështetjen e Organizatës Ndërkombëtare për Migracionin (IOM).

Konferencën e hapi Prefekti i Qarkut Fier, z. Dritan Muçaj, i cili përshëndeti mbi 120 pjesëmarrës nga bashkitë Fier, Lushnjë, Patos, Divjakë, Mallakastër dhe Roskovec, nga Drejtoria Vendore e Policisë Fier, Drejtoria Arsimore Rajonale, Drejtoria e Shëndetit Publik, Zyra Rajonale e Punësimit, Dega Rajonale e ISHPSHSH-së dhe Prokuroria e Rrethit Gjyqësor Fier, si dhe nga organizatat e shoqërisë civile.

Zëvendësministrja e Brendshme, znj. Arta Dedja, vlerësoi rritjen e numrit të rasteve të identifikuara në qark, por theksoi se shumica e viktimave të mundshme vijnë nga familje në varfëri ekstreme dhe se riintegrimi i tyre mbetet sfida më e madhe.

Drejtoresha e DRSHSSH Fier, znj. Valentina Kurti, paraqiti të dhënat e nëntë muajve, gjatë të cilëve janë referuar 12 VT/VMT. Ajo ngriti shqetësimin për shfrytëzimin e grave dhe vajzave për punë në serat e Divjakës pa kontratë dhe me pagesë nën minimalen. Përfaqësuesi i Policisë, z. Genci Lleshi, u ndal te rreziku i emigrimit të paligjshëm të të rinjve drejt Mbretërisë së Bashkuar.

Në panelin e dytë u diskutua për nevojën e një strehëze rajonale, pasi aktualisht viktimat nga Fieri akomodohen në Tiranë ose në Vlorë.

Në përmbyllje, përfaqësuesja e IOM-it, znj. Suela Hoxha, bëri të ditur se organizata do të financojë gjatë vitit 2019 dy kurse të formimit profesional për viktimat e trafikimit. Prefekti z. Muçaj deklaroi se Plani i Veprimit të Komitetit Rajonal Antitrafik për vitin 2019 do të përfshijë inspektime të përbashkëta në sektorin e bujqësisë dhe kërkoi që Zyra Rajonale e Punësimit të paraqesë, deri në fund të muajit nëntor 2018, një listë me vendet e lira të punës për gratë në nevojë.
"""


# ---------------------------------------------------------------------------
# 4. DOCX minutes - Fier technical table, 2020
# ---------------------------------------------------------------------------

FIER_DOCX = {
    "header": ["REPUBLIKA E SHQIPËRISË", "INSTITUCIONI I PREFEKTIT TË QARKUT FIER"],
    "title": "PROCESVERBAL i mbledhjes së Tryezës Teknike Antitrafik, Qarku Fier",
    "meta": [
        "Data: 05.11.2020, ora 10:30",
        "Vendi: Salla e mbledhjeve, Institucioni i Prefektit të Qarkut Fier",
        "Drejtoi mbledhjen: z. Sokol Dervishi, Sekretar i Përgjithshëm, Kryetar i Tryezës Teknike",
        "Mbajti procesverbalin: znj. Eda Shkurti, specialiste",
    ],
    "agenda": [
        "Situata e rasteve VT/VMT në qark për periudhën janar–tetor 2020.",
        "Fëmijët në situatë rruge dhe braktisja e shkollës gjatë mësimit online.",
        "Përgatitja e aktiviteteve për „16 Ditët e aktivizmit“.",
        "Të ndryshme.",
    ],
    "participants": [
        ("Nr", "Emër Mbiemër", "Institucioni", "Funksioni"),
        ("1", "Sokol Dervishi", "Institucioni i Prefektit të Qarkut Fier", "Sekretar i Përgjithshëm, Kryetar i TTAT"),
        ("2", "Eda Shkurti", "Institucioni i Prefektit të Qarkut Fier", "Specialiste, sekretare e TTAT"),
        ("3", "Arjan Hoxhaj", "DVP Fier", "Specialist antitrafik"),
        ("4", "Brunilda Veizi", "DRSHSSH Fier", "Specialiste për VT/VMT"),
        ("5", "Klajdi Zenelaj", "DRAP Fier", "Specialist i shërbimit psiko-social"),
        ("6", "Majlinda Ruçi", "Bashkia Fier, NJMF", "Punonjëse për mbrojtjen e fëmijëve"),
        ("7", "Gerti Mema", "Bashkia Lushnjë", "Përgjegjës i Sektorit të Shërbimeve Sociale"),
        ("8", "Silva Tafaj", "NJVKSH Fier", "Specialiste e shëndetit publik"),
        ("9", "Ornela Leka", "ISHPSHSH, Dega Rajonale Fier", "Inspektore"),
    ],
    "discussion": [
        ("Z. Sokol Dervishi",
         "hapi mbledhjen dhe kujtoi se, për shkak të pandemisë Covid-19, mbledhja e planifikuar për shtator nuk u zhvillua. "
         "Ai kërkoi që institucionet të raportojnë rastet edhe gjatë kufizimeve."),
        ("Z. Arjan Hoxhaj (DVP Fier)",
         "informoi se gjatë dhjetë muajve janë identifikuar 5 VMT, prej të cilave 3 të mitura, dhe është regjistruar një procedim "
         "sipas nenit 110/a. Shqetësim mbetet rekrutimi i vajzave përmes aplikacioneve të komunikimit gjatë izolimit."),
        ("Znj. Brunilda Veizi (DRSHSSH)",
         "theksoi mungesën e transportit për shoqërimin e viktimave drejt strehëzave në Tiranë dhe Vlorë."),
        ("Z. Klajdi Zenelaj (DRAP Fier)",
         "bëri të ditur se 37 nxënës nuk janë lidhur asnjëherë me mësimin online, kryesisht në Divjakë dhe në zonat rurale të Lushnjës."),
        ("Znj. Majlinda Ruçi (NJMF Fier)",
         "raportoi 6 fëmijë në situatë rruge dhe kërkoi që policia të shoqërojë punonjësit e NJMF-së në daljet në terren gjatë mbrëmjes."),
        ("Znj. Ornela Leka (ISHPSHSH)",
         "informoi se në inspektimet në serat e Divjakës u konstatuan 4 të mitur në punë."),
    ],
    "tasks": [
        "DVP Fier dhe DRSHSSH Fier do të hartojnë një protokoll të përbashkët për shoqërimin e viktimave, brenda datës 30.11.2020.",
        "DRAP Fier të dërgojë listën e nxënësve të palidhur me mësimin online, brenda datës 20.11.2020.",
        "Bashkia Fier dhe Bashkia Lushnjë të caktojnë nga një punonjës kujdestar për fundjavat, duke filluar nga 1 dhjetori 2020.",
        "ISHPSHSH të kryejë inspektime të përbashkëta me NJMF-të në serat e Divjakës, deri në fund të muajit dhjetor 2020.",
        "Sekretaria e TTAT të hartojë kalendarin e aktiviteteve për „16 Ditët e aktivizmit“, deri më 20.11.2020.",
    ],
    "closing": "Mbledhja e radhës planifikohet në janar 2021. Mbledhja u mbyll në orën 12:15.",
    "signature": ["Kryetari i Tryezës Teknike Antitrafik", "Sokol Dervishi"],
}


# ---------------------------------------------------------------------------
# 5. DOCX press release with a text box - Gjirokastër KRAT, 2022
# ---------------------------------------------------------------------------

GJIROKASTER_DOCX = {
    "dateline": "Gjirokastër, 12 prill 2022",
    "title": "Prefekti i Qarkut Gjirokastër drejton mbledhjen e Komitetit Rajonal Antitrafik",
    "paragraphs_before_box": [
        "Prefekti i Qarkut Gjirokastër z. Arjan MUKAJ drejtoi sot mbledhjen e parë për vitin 2022 të Komitetit Rajonal të "
        "Luftës kundër Trafikimit të Personave, ku u analizua situata në qark gjatë tremujorit të parë dhe u miratua Plani "
        "i Veprimit për vitin 2022.",
    ],
    "textbox": "Pamje nga mbledhja e Komitetit Rajonal Antitrafik në sallën e Prefekturës. Foto: Institucioni i Prefektit të Qarkut Gjirokastër",
    "paragraphs_after_box": [
        "Në mbledhje morën pjesë kryetarë dhe zëvendëskryetarë të bashkive Gjirokastër, Dropull, Tepelenë, Përmet dhe "
        "Libohovë, drejtues të DVP Gjirokastër, Drejtorisë Rajonale të Kufirit dhe Migracionit, DRSHSSH-së, ZVAP "
        "Gjirokastër, NJVKSH-së, ISHPSHSH-së dhe SHISH-it, si dhe prokurorë të Prokurorisë pranë Gjykatës së Shkallës "
        "së Parë Gjirokastër.",
        "Drejtori i Drejtorisë Rajonale të Kufirit dhe Migracionit, z. Luan Prifti, informoi se gjatë tremujorit në PKK "
        "Kakavijë janë kthyer nga autoritetet greke 3 të mitur të pashoqëruar, të cilët u referuan te Shërbimi Social. "
        "Ai ngriti shqetësimin për shfrytëzimin e punëtorëve sezonalë shqiptarë në bujqësinë greke, të cilët punojnë pa "
        "kontratë dhe pa sigurime.",
        "Përfaqësuesja e DRSHSSH-së, znj. Marsela Zoto, u ndal te familjet rome me fëmijë që lypin në zonën e kufirit dhe "
        "në qendër të Gjirokastrës, ndërsa nga Bashkia Libohovë u pranua se mungesa e një punonjësi për mbrojtjen e "
        "fëmijës e vështirëson ndjekjen e rasteve.",
        "Në përfundim, Prefekti kërkoi që Bashkia Libohovë të caktojë një punonjës për mbrojtjen e fëmijës deri në fund "
        "të muajit maj 2022. Drejtoria Rajonale e Kufirit dhe Migracionit angazhohet të njoftojë menjëherë NJMF-në e "
        "Bashkisë Dropull për çdo të mitur të kthyer, ndërsa ZVAP Gjirokastër do të zhvillojë gjatë muajit maj seanca "
        "informuese në shkollat e mesme të Tepelenës dhe Përmetit. Komiteti do të mblidhet sërish në muajin korrik për "
        "analizën gjashtëmujore.",
    ],
}


# ---------------------------------------------------------------------------
# 6. PDF minutes (two pages) - Lezhë KRAT, 2018
#    Helvetica core font: Latin-1 only (no en dash, no curly quotes).
# ---------------------------------------------------------------------------

LEZHE_PDF = {
    "header": ["REPUBLIKA E SHQIPËRISË", "INSTITUCIONI I PREFEKTIT TË QARKUT LEZHË"],
    "title": "PROCESVERBAL",
    "subtitle": "i mbledhjes së Komitetit Rajonal Antitrafik të Qarkut Lezhë",
    "meta": [
        "Data: 26.09.2018, ora 11:00",
        "Vendi: Salla e mbledhjeve, Institucioni i Prefektit të Qarkut Lezhë",
        "Kryesoi: z. Nikolin Gjergji, Prefekt i Qarkut Lezhë, Kryetar i KRAT",
    ],
    "agenda": [
        "1. Informacion mbi zbatimin e Planit të Veprimit për periudhën janar-gusht 2018.",
        "2. Përgatitja e aktiviteteve për Muajin Antitrafik (tetor 2018).",
        "3. Të ndryshme.",
    ],
    "participants": [
        ("Nr", "Emër Mbiemër", "Institucioni", "Funksioni"),
        ("1", "Nikolin Gjergji", "Institucioni i Prefektit të Qarkut Lezhë", "Prefekt, Kryetar i KRAT"),
        ("2", "Marjana Gjoka", "Institucioni i Prefektit të Qarkut Lezhë", "Sekretare e Përgjithshme"),
        ("3", "Pjetër Vuksani", "Bashkia Lezhë", "Zv. Kryetar i Bashkisë"),
        ("4", "Dorela Marku", "Bashkia Kurbin", "Drejtore e Shërbimeve Sociale"),
        ("5", "Ndue Gjini", "Bashkia Mirditë", "Punonjës për mbrojtjen e fëmijëve"),
        ("6", "Arben Dedaj", "Drejtoria Vendore e Policisë Lezhë", "Shef i Sektorit të Krimeve"),
        ("7", "Lule Zefi", "Drejtoria Rajonale e Shërbimit Social Shtetëror Lezhë", "Drejtore"),
        ("8", "Gjovalin Kola", "Drejtoria Arsimore Rajonale Lezhë", "Specialist"),
        ("9", "Mira Lleshi", "Drejtoria e Shëndetit Publik Lezhë", "Specialiste"),
        ("10", "Tonin Bibaj", "Zyra Rajonale e Punësimit Lezhë", "Drejtor"),
        ("11", "Ilir Shkreli", "Prokuroria e Rrethit Gjyqësor Lezhë", "Prokuror"),
        ("12", "Roza Pjetri", "Caritas Shqiptar, Dioqeza e Lezhës", "Koordinatore projekti"),
    ],
    "discussion": [
        "Z. Nikolin Gjergji hapi mbledhjen dhe kërkoi që çdo institucion të raportojë shkurtimisht për detyrat e lëna në Planin e Veprimit.",
        "Znj. Lule Zefi (DRSHSSH) informoi se gjatë periudhës janar-gusht 2018 janë referuar 3 VMT, dy gra të shfrytëzuara seksualisht dhe një i mitur i shfrytëzuar për punë. Ajo ngriti shqetësimin për mungesën e një strehëze rajonale, pasi viktimat dërgohen në Tiranë.",
        "Z. Arben Dedaj (DVP Lezhë) bëri të ditur se janë regjistruar dy procedime sipas nenit 110/a të Kodit Penal. Sipas tij, sfida kryesore gjatë sezonit turistik mbetet identifikimi i viktimave që punojnë në lokalet e Shëngjinit.",
        "Z. Gjovalin Kola (DAR Lezhë) u ndal te braktisja e shkollës në zonat malore të Mirditës dhe te nevoja për psikologë në shkollat e bashkuara.",
        "Znj. Roza Pjetri (Caritas) informoi se projekti i Caritas-it do të mbështesë financiarisht aktivitetet e muajit tetor.",
    ],
    "tasks": [
        "1. DAR Lezhë do të organizojë aktivitete sensibilizuese në të gjitha shkollat e mesme të qarkut gjatë muajit tetor 2018.",
        "2. DRSHSSH dhe Drejtoria e Shëndetit Publik do të zhvillojnë seanca informuese në qendrat shëndetësore, deri më 31.10.2018.",
        "3. DVP Lezhë angazhohet të kryejë kontrolle të përbashkëta me Inspektoriatin e Punës në lokalet e Shëngjinit deri në mbyllje të sezonit.",
        "4. Bashkia Mirditë të caktojë një punonjës për mbrojtjen e fëmijëve me kohë të plotë, deri në fund të muajit dhjetor 2018.",
        "5. Caritas Shqiptar rikonfirmoi gatishmërinë për të financuar materialet promocionale të Muajit Antitrafik.",
    ],
    "closing": "Mbledhja u mbyll në orën 12:45. Procesverbalin e mbajti specialistja e Prefekturës, znj. Vera Marku.",
    "signature": ["Kryetari i Komitetit Rajonal Antitrafik", "Nikolin Gjergji"],
}


# ---------------------------------------------------------------------------
# 7. PDF press release (one page) - training for NJMF workers, Shkodër 2021
# ---------------------------------------------------------------------------

SHKODER_PDF = {
    "header": "DREJTORIA RAJONALE E SHËRBIMIT SOCIAL SHTETËROR SHKODËR",
    "kind": "NJOFTIM PËR SHTYP",
    "dateline": "Shkodër, 20 maj 2021",
    "title": "Trajnim për punonjësit e Njësive për Mbrojtjen e Fëmijës: identifikimi i fëmijëve viktima të trafikimit",
    "paragraphs": [
        "Drejtoria Rajonale e Shërbimit Social Shtetëror Shkodër, në bashkëpunim me Agjencinë Shtetërore për të Drejtat "
        "dhe Mbrojtjen e Fëmijës (ASHDMF) dhe me mbështetjen financiare të UNICEF Shqipëri, zhvilloi sot në Shkodër një "
        "trajnim njëditor për punonjësit e NJMF-ve të bashkive të qarkut.",
        "Në trajnim morën pjesë 24 punonjës për mbrojtjen e fëmijëve nga bashkitë Shkodër, Malësi e Madhe, Pukë, Vau i "
        "Dejës dhe Fushë-Arrëz, si dhe specialistë të ZVAP Shkodër dhe të Drejtorisë Vendore të Policisë.",
        "Trajnimin e drejtuan znj. Mimoza Gjoni, eksperte pranë ASHDMF, dhe z. Ervin Kola, specialist në Seksionin për "
        "Hetimin e Trafikut të Paligjshëm në DVP Shkodër. Ata prezantuan treguesit e trafikimit të fëmijëve, hapat e "
        "referimit sipas Procedurave Standarde të Veprimit dhe hartimin e Planit Individual të Mbrojtjes (PIM).",
        "Drejtori i DRSHSSH Shkodër, z. Pal Dedvukaj, theksoi se fëmijët që lypin gjatë sezonit turistik dhe ata që "
        "largohen pa shoqërues drejt vendeve të BE-së janë grupet më të rrezikuara në qark.",
        "Gjatë diskutimit, punonjësit e NJMF-ve ngritën shqetësimin se një punonjës mbulon shpesh disa njësi "
        "administrative malore pa mjet transporti, si dhe nevojën për mbikëqyrje profesionale të rasteve të vështira.",
        "Në përfundim, ASHDMF angazhohet të zhvillojë një sesion pasues në muajin shtator 2021. Punonjësit e NJMF-ve do "
        "të përditësojnë rastet aktive në sistemin elektronik të menaxhimit të rasteve brenda datës 30.06.2021, ndërsa "
        "DRSHSSH Shkodër do të ngrejë një grup mbikëqyrjeje me psikologë dhe juristë për rastet me VT/VMT të mitur.",
    ],
    "footer": "Zyra e Marrëdhënieve me Publikun - DRSHSSH Shkodër",
}


# ---------------------------------------------------------------------------
# writers
# ---------------------------------------------------------------------------

def _crlf(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\n", "\r\n")


def write_cp1250(path: Path) -> None:
    path.write_bytes(_crlf(BERAT_CP1250).encode("cp1250"))


def write_utf16(path: Path) -> None:
    # "utf-16" prepends the BOM; force little-endian like Windows Notepad.
    path.write_bytes(b"\xff\xfe" + _crlf(DIBER_UTF16).encode("utf-16-le"))


def write_mojibake(path: Path) -> None:
    # strict: fails loudly if a character would hit one of cp1252's undefined bytes
    garbled = FIER_MOJIBAKE.encode("utf-8").decode("cp1252")
    path.write_bytes(garbled.encode("utf-8"))


def _normalise_zip(data: bytes) -> bytes:
    """Rewrite a zip with fixed member timestamps and order, so output is reproducible."""
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            zi = zipfile.ZipInfo(info.filename, date_time=ZIP_DT)
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = 0o644 << 16
            zi.create_system = 0
            dst.writestr(zi, src.read(info.filename))
    return out.getvalue()


def _fix_core_properties(doc, title: str, author: str) -> None:
    cp = doc.core_properties
    cp.title = title
    cp.author = author
    cp.last_modified_by = author
    cp.created = FIXED_DT
    cp.modified = FIXED_DT
    cp.last_printed = FIXED_DT
    cp.revision = 1
    cp.language = "sq-AL"
    cp.comments = ""
    cp.keywords = ""
    cp.subject = ""
    cp.category = ""


def _save_docx(doc, path: Path) -> None:
    buf = io.BytesIO()
    doc.save(buf)
    path.write_bytes(_normalise_zip(buf.getvalue()))


def write_fier_docx(path: Path) -> None:
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    d = FIER_DOCX
    doc = Document()
    doc.styles["Normal"].font.name = "Times New Roman"
    doc.styles["Normal"].font.size = Pt(12)

    for line in d["header"]:
        p = doc.add_paragraph()
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        p.add_run(line).bold = True

    h = doc.add_heading(d["title"], level=1)
    h.alignment = WD_ALIGN_PARAGRAPH.CENTER

    for line in d["meta"]:
        label, _, rest = line.partition(": ")
        p = doc.add_paragraph()
        p.add_run(label + ": ").bold = True
        p.add_run(rest)

    doc.add_heading("Rendi i ditës", level=2)
    for item in d["agenda"]:
        doc.add_paragraph(item, style="List Number")

    doc.add_heading("Pjesëmarrës", level=2)
    rows = d["participants"]
    table = doc.add_table(rows=len(rows), cols=len(rows[0]))
    table.style = "Table Grid"
    for r, row in enumerate(rows):
        for c, val in enumerate(row):
            cell = table.cell(r, c)
            cell.text = val
            if r == 0:
                for run in cell.paragraphs[0].runs:
                    run.bold = True

    doc.add_heading("Diskutimet", level=2)
    for speaker, text in d["discussion"]:
        p = doc.add_paragraph()
        p.add_run(speaker).bold = True
        p.add_run(" " + text)

    doc.add_heading("Detyra / Vendime", level=2)
    for i, item in enumerate(d["tasks"], 1):
        p = doc.add_paragraph(f"{i}. {item}")
        p.paragraph_format.left_indent = Pt(18)

    doc.add_paragraph(d["closing"])
    for line in d["signature"]:
        p = doc.add_paragraph(line)
        p.alignment = WD_ALIGN_PARAGRAPH.RIGHT

    _fix_core_properties(doc, d["title"], "Institucioni i Prefektit të Qarkut Fier")
    _save_docx(doc, path)


_TEXTBOX_XML = (
    '<w:r xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
    'xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office">'
    "<w:pict>"
    '<v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe">'
    '<v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/>'
    "</v:shapetype>"
    '<v:shape id="TextBox1" o:spid="_x0000_s1026" type="#_x0000_t202" '
    'style="width:432pt;height:42pt;mso-position-horizontal:center" strokecolor="#7f7f7f">'
    '<v:textbox><w:txbxContent><w:p><w:pPr><w:jc w:val="center"/></w:pPr>'
    '<w:r><w:rPr><w:i/><w:sz w:val="18"/></w:rPr><w:t xml:space="preserve">{text}</w:t></w:r>'
    "</w:p></w:txbxContent></v:textbox>"
    "</v:shape></w:pict></w:r>"
)


def write_gjirokaster_docx(path: Path) -> None:
    from xml.sax.saxutils import escape

    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import parse_xml
    from docx.shared import Pt

    d = GJIROKASTER_DOCX
    doc = Document()
    doc.styles["Normal"].font.name = "Calibri"
    doc.styles["Normal"].font.size = Pt(11)

    p = doc.add_paragraph()
    p.add_run(d["dateline"]).italic = True
    doc.add_heading(d["title"], level=1)
    for text in d["paragraphs_before_box"]:
        doc.add_paragraph(text)

    box_par = doc.add_paragraph()
    box_par.alignment = WD_ALIGN_PARAGRAPH.CENTER
    box_par._p.append(parse_xml(_TEXTBOX_XML.format(text=escape(d["textbox"]))))

    for text in d["paragraphs_after_box"]:
        doc.add_paragraph(text)

    _fix_core_properties(doc, d["title"], "Institucioni i Prefektit të Qarkut Gjirokastër")
    _save_docx(doc, path)


def _new_pdf(title: str, author: str):
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    pdf.set_creation_date(FIXED_DT_UTC)
    pdf.set_title(title)
    pdf.set_author(author)
    pdf.set_creator("scripts/make_samples.py")
    pdf.set_lang("sq")
    pdf.set_margins(20, 18, 20)
    pdf.set_auto_page_break(auto=True, margin=18)
    pdf.add_page()
    return pdf


def _para(pdf, text: str, h: float = 6.0, style: str = "", size: float = 11, align: str = "J") -> None:
    pdf.set_font("Helvetica", style=style, size=size)
    pdf.multi_cell(0, h, text, align=align, new_x="LMARGIN", new_y="NEXT")


def write_lezhe_pdf(path: Path) -> None:
    d = LEZHE_PDF
    pdf = _new_pdf(d["title"] + " " + d["subtitle"], "Institucioni i Prefektit të Qarkut Lezhë")
    for line in d["header"]:
        _para(pdf, line, style="B", size=11, align="C")
    pdf.ln(6)
    _para(pdf, d["title"], h=8, style="B", size=15, align="C")
    _para(pdf, d["subtitle"], h=7, style="B", size=12, align="C")
    pdf.ln(4)
    for line in d["meta"]:
        _para(pdf, line, h=6.5, align="L")
    pdf.ln(3)
    _para(pdf, "Rendi i ditës:", style="B", size=12, align="L")
    for line in d["agenda"]:
        _para(pdf, line, h=6.5, align="L")
    pdf.ln(3)
    _para(pdf, "Pjesëmarrës:", style="B", size=12, align="L")
    pdf.set_font("Helvetica", size=10)
    with pdf.table(
        col_widths=(10, 38, 70, 52),
        text_align="LEFT",
        borders_layout="ALL",
        line_height=6,
        first_row_as_headings=True,
    ) as table:
        for row in d["participants"]:
            tr = table.row()
            for val in row:
                tr.cell(val)
    pdf.ln(5)
    _para(pdf, "Diskutimet:", style="B", size=12, align="L")
    for text in d["discussion"]:
        _para(pdf, text, h=6.5)
        pdf.ln(1.5)
    pdf.ln(2)
    _para(pdf, "Detyra dhe vendime:", style="B", size=12, align="L")
    for text in d["tasks"]:
        _para(pdf, text, h=6.5)
        pdf.ln(1)
    pdf.ln(3)
    _para(pdf, d["closing"], h=6.5)
    pdf.ln(8)
    for line in d["signature"]:
        _para(pdf, line, h=6.5, style="B" if line == d["signature"][-1] else "", align="R")
    pdf.output(str(path))


def write_shkoder_pdf(path: Path) -> None:
    d = SHKODER_PDF
    pdf = _new_pdf(d["title"], "DRSHSSH Shkodër")
    _para(pdf, d["header"], style="B", size=11, align="C")
    pdf.set_draw_color(120, 120, 120)
    pdf.line(20, pdf.get_y() + 2, 190, pdf.get_y() + 2)
    pdf.ln(6)
    _para(pdf, d["kind"], style="B", size=10, align="L")
    _para(pdf, d["dateline"], style="I", size=10, align="L")
    pdf.ln(3)
    _para(pdf, d["title"], h=7, style="B", size=13, align="L")
    pdf.ln(3)
    for text in d["paragraphs"]:
        _para(pdf, text, h=6)
        pdf.ln(2)
    pdf.ln(4)
    _para(pdf, d["footer"], style="I", size=9, align="C")
    pdf.output(str(path))


OUTPUTS = {
    "berat-2015-04-23-mbledhja-krat-cp1250.txt": write_cp1250,
    "diber-2022-11-09-tryeza-teknike-utf16.txt": write_utf16,
    "fier-2018-10-18-konferenca-mojibake.txt": write_mojibake,
    "fier-2020-11-05-procesverbal-ttat.docx": write_fier_docx,
    "gjirokaster-2022-04-12-mbledhja-krat.docx": write_gjirokaster_docx,
    "lezhe-2018-09-26-procesverbal-krat.pdf": write_lezhe_pdf,
    "shkoder-2021-05-20-trajnim-njmf.pdf": write_shkoder_pdf,
}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=ROOT / "samples", help="output directory (default: samples/)")
    ap.add_argument("--check", action="store_true",
                    help="do not write; exit 1 if any committed file differs from what would be generated")
    args = ap.parse_args(argv)

    return write_outputs(OUTPUTS, args.out, check=args.check)


def write_outputs(outputs: dict, out: Path, *, check: bool) -> int:
    """Write each generated file (or, with ``check``, compare it with the committed one);
    1 if any committed file is out of date."""
    out.mkdir(parents=True, exist_ok=True)
    stale = []
    for name, writer in outputs.items():
        target = out / name
        if check:
            tmp = target.with_name(target.name + ".tmp")
            writer(tmp)
            new = tmp.read_bytes()
            tmp.unlink()
            old = target.read_bytes() if target.exists() else b""
            status = "ok" if new == old else "DIFFERS"
            if new != old:
                stale.append(name)
        else:
            writer(target)
            new = target.read_bytes()
            status = "written"
        print(f"{status:8} {name}  {len(new):7d} B  sha256 {hashlib.sha256(new).hexdigest()[:12]}")
    return 1 if stale else 0


if __name__ == "__main__":
    sys.exit(main())
