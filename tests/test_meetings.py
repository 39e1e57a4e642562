"""Meetings: meeting or not, kinds, dates, periods, counties, several meetings in one release."""
from __future__ import annotations

import pytest


def meetings(extract_text, text):
    return extract_text(text).meetings


def test_arrest_news_is_not_a_meeting(extract_text):
    text = ("Policia e Durrësit arrestoi dy persona të dyshuar për trafikim të një të mitur. "
            "Të dyshuarit u vunë në pranga pas një aksioni policor. Procedimi penal vijon.")
    assert meetings(extract_text, text) == []


def test_road_traffic_statistics_are_not_a_meeting(extract_text):
    text = ("Policia Rrugore shtoi kontrollet në trafik. Gjatë javës u vendosën 230 tiketa për kundërvajtje "
            "dhe u hoqën 12 patenta. Kontrollet do të vijojnë edhe gjatë muajit gusht.")
    assert meetings(extract_text, text) == []


def test_announcement_of_a_future_meeting_is_not_a_meeting(extract_text):
    text = ("Njoftim. Më 21 tetor 2024 do të zhvillohet mbledhja e Komitetit Rajonal Antitrafik të Qarkut "
            "Shkodër. Ftohen të marrin pjesë të gjithë anëtarët.")
    assert meetings(extract_text, text) == []


def test_civil_protection_commission_is_a_meeting_but_not_antitrafficking(extract_text):
    text = ("Nën drejtimin e Prefektit të Qarkut Kukës z. Arben Doda u zhvillua mbledhja e Komisionit të "
            "Mbrojtjes Civile të Qarkut për përballimin e dimrit.")
    got = meetings(extract_text, text)
    assert len(got) == 1 and got[0].kind == "committee_meeting" and got[0].county == "Kukës"


@pytest.mark.parametrize("title,kind", [
    ("Analiza vjetore e KRAT për vitin 2020", "review"),
    ("Trajnim për punonjësit e NJMF", "workshop"),
    ("Tryezë e rrumbullakët për fëmijët në situatë rruge", "round_table"),
    ("Mblidhet Tryeza Teknike Antitrafik", "technical_table"),
    ("Mblidhet Komiteti Rajonal Antitrafik", "committee_meeting"),
    ("Fushatë sensibilizuese në shkolla", "awareness_activity"),
    ("Konferenca kombëtare kundër trafikimit", "conference"),
])
def test_kind_from_the_title(extract_text, title, kind):
    text = f"{title}\n\nMë 12.03.2021 u zhvillua aktiviteti në Qarkun e Fierit me pjesëmarrjen e institucioneve."
    assert meetings(extract_text, text)[0].kind == kind


def test_meeting_date_and_review_period(extract_text):
    text = ("Analiza 6-mujore e KRAT\n\nMe datë 15.07.2021 u zhvillua analiza e punës për periudhën "
            "Janar-Qershor 2021 në Qarkun e Vlorës.")
    m = meetings(extract_text, text)[0]
    assert (m.kind, m.date, m.period.start, m.period.end) == ("review", "2021-07-15", "2021-01", "2021-06")


def test_deadline_is_not_the_meeting_date(extract_text):
    text = ("U zhvillua takimi i Tryezës Teknike në Qarkun Berat. U la detyrë që Bashkia Berat të hartojë "
            "listën e fëmijëve deri më 30.06.2021.")
    m = meetings(extract_text, text)[0]
    assert m.date is None
    assert m.commitments and m.commitments[0].due == "2021-06-30"


def test_dateline_is_the_publication_date_and_sot_resolves(extract_text):
    text = "Korçë, 14.11.2019\n\nSot u zhvillua takimi i Komitetit Rajonal Antitrafik të Qarkut Korçë."
    rec = extract_text(text)
    assert rec.source.published == "2019-11-14"
    assert rec.meetings[0].date == "2019-11-14"


def test_date_without_year_and_without_publication_is_null(extract_text):
    text = "Më 13 prill u zhvillua një aktivitet sensibilizues tek Pedonalja në Tiranë."
    m = meetings(extract_text, text)[0]
    assert m.date is None and m.county == "Tiranë"


def test_county_from_host_municipality(extract_text):
    text = "Në Bashkinë Krujë u zhvillua një trajnim për punonjësit e mbrojtjes së fëmijëve."
    assert meetings(extract_text, text)[0].county == "Durrës"


def test_kosovo_place_gives_no_county(extract_text):
    text = "Në Prishtinë po mbahet punëtoria dyditore për strategjinë kundër trafikimit."
    assert meetings(extract_text, text)[0].county is None


def test_one_meeting_per_county_with_paired_dates(extract_text):
    text = ("Ministria e Brendshme organizoi trajnime një ditore me anëtarët e KRAT: më 12 mars në Shkodër, "
            "më 14 mars në Lezhë dhe më 19 mars 2019 në Dibër.")
    got = [(m.county, m.date) for m in meetings(extract_text, text)]
    assert got == [("Shkodër", "2019-03-12"), ("Lezhë", "2019-03-14"), ("Dibër", "2019-03-19")]


def test_one_meeting_per_county_sharing_a_span(extract_text):
    text = ("Gjatë muajve shkurt dhe mars 2015 u zhvilluan workshop-e në qarqet Kukës, Lezhë dhe Durrës.")
    got = [(m.county, m.date, m.date_end) for m in meetings(extract_text, text)]
    assert got == [("Kukës", "2015-02", "2015-03"), ("Lezhë", "2015-02", "2015-03"),
                   ("Durrës", "2015-02", "2015-03")]


def test_earlier_meeting_is_not_counted(extract_text):
    text = ("Më 10.07.2021 u zhvillua takimi i KRAT të Qarkut Vlorë. Në takimin e kaluar, të mbajtur më "
            "26 mars 2021, ishin vënë detyra për bashkitë.")
    got = meetings(extract_text, text)
    assert len(got) == 1 and got[0].date == "2021-07-10"


def test_comment_form_is_dropped_and_the_headline_is_the_title(extract_text):
    rec = extract_text("Mblidhet Tryeza Teknike Antitrafik e Qarkut Lezhë\n\nSot u zhvillua mbledhja e Tryezës "
                       "Teknike në Lezhë.\n\nLeave a Reply\n\nYour email address will not be published.")
    assert rec.source.title == "Mblidhet Tryeza Teknike Antitrafik e Qarkut Lezhë"
    assert "Leave a Reply" not in str(rec.model_dump())


def test_metadata_stamp_is_publication_not_meeting_date(extract_text):
    rec = extract_text(" date 2021-10-05 Në Tiranë u zhvillua një trajnim për punonjësit sociale.")
    assert rec.source.published == "2021-10-05" and rec.meetings[0].date is None


def test_minutes_label_date(extract_text):
    text = ("PROCESVERBAL i mbledhjes së KRAT të Qarkut Fier\n\nData: 05.11.2020, ora 10:30\n\n"
            "Rendi i ditës: përgatitja e aktiviteteve për muajin dhjetor 2020.")
    assert meetings(extract_text, text)[0].date == "2020-11-05"


def test_minutes_labels_give_place_and_chair(extract_text):
    text = ("PROCESVERBAL i mbledhjes së KRAT të Qarkut Fier\n\nData: 05.11.2020\n\n"
            "Vendi: Salla e mbledhjeve, Prefektura e Qarkut Fier\n\n"
            "Kryesoi: z. Artan Dema, Prefekt i Qarkut Fier\n\nDiskutimet: u zhvillua mbledhja.")
    m = meetings(extract_text, text)[0]
    assert m.location == "Salla e mbledhjeve, Prefektura e Qarkut Fier"
    assert m.chair.name == "Artan Dema"


def test_agenda_of_minutes(extract_text):
    text = ("PROCESVERBAL i mbledhjes së Tryezës Teknike, Qarku Korçë\n\nData: 12.03.2022\n\nRendi i ditës:\n"
            "1. Rastet e identifikuara gjatë muajve janar–shkurt.\n2. Fushata në shkolla.\n3. Të ndryshme.\n\n"
            "Pjesëmarrës:\n\nDiskutimet: u zhvillua mbledhja.")
    assert meetings(extract_text, text)[0].agenda == [
        "Rastet e identifikuara gjatë muajve janar–shkurt.", "Fushata në shkolla.", "Të ndryshme."]


def test_a_release_has_no_agenda(extract_text):
    assert meetings(extract_text, "Sot u zhvillua takimi i KRAT në Qarkun Fier.")[0].agenda == []


def test_committee_that_met_is_an_event_without_a_meeting_noun(extract_text):
    text = "Komiteti Rajonal Antitrafik i Vlorës u mblodh së fundmi nën drejtimin e prefektit Artan Kuka."
    got = meetings(extract_text, text)
    assert len(got) == 1 and got[0].kind == "committee_meeting" and got[0].chair.name == "Artan Kuka"


def test_one_meeting_per_county_section_of_a_round_up(extract_text):
    text = ("Aktivitete të Drejtorive Rajonale në kuadër të Muajit kundër Trafikimit\n\n"
            "Shërbimi Social Shtetëror ka zhvilluar gjatë muajit tetor aktivitete në 12 qarqe.\n\n"
            "Berat\nMë 16 tetor 2019, DRSHSSH Berat zhvilloi një seancë informuese me nxënësit në Kuçovë.\n\n"
            "Vlorë\nMë 24 tetor 2019, DRSHSSH Vlorë zhvilloi një tryezë të rrumbullakët me Qendrën Vatra. "
            "Tryezën e drejtoi drejtori rajonal, z. Kujtim Hoxhaj.\n")
    got = [(m.county, m.date, m.kind, m.chair.name if m.chair else None) for m in meetings(extract_text, text)]
    assert got == [("Berat", "2019-10-16", "awareness_activity", None),
                   ("Vlorë", "2019-10-24", "round_table", "Kujtim Hoxhaj")]


def test_meetings_of_two_bodies_in_one_release(extract_text):
    text = ("Mbledhjet e Tryezës Teknike dhe të Komitetit Rajonal Antitrafik Kukës\n\n"
            "Gjatë kësaj jave u zhvilluan dy mbledhje. Në datën 14.06.2021 u zhvillua mbledhja e Tryezës Teknike "
            "Antitrafik, e drejtuar nga Sekretari i Përgjithshëm, z. Agron Kolgjini. Në mbledhje morën pjesë "
            "specialistë të Drejtorisë Rajonale të Kufirit dhe Migracionit.\n\n"
            "Më 17/06/2021, nën drejtimin e Prefektit të Qarkut Kukës, z. Naim Berisha, u mblodh Komiteti "
            "Rajonal Antitrafik.\n")
    got = meetings(extract_text, text)
    assert [(m.kind, m.date, m.county, m.chair.name) for m in got] == [
        ("technical_table", "2021-06-14", "Kukës", "Agron Kolgjini"),
        ("committee_meeting", "2021-06-17", "Kukës", "Naim Berisha")]
    assert "drkm-kukes" in {i.id for i in got[0].institutions}  # one county: its branches


def test_chair_of_a_county_section_is_named_in_that_section(extract_text):
    text = ("Zëvendësministrja, znj. Anjeza Kraja, zhvilloi një cikël takimesh me KRAT Shkodër dhe Lezhë.\n\n"
            "Shkodër\nMë 7 mars 2022, mbledhja e KRAT u kryesua nga Prefekti i Qarkut Shkodër, z. Mark Gjokaj.\n\n"
            "Lezhë\nMë 8 mars 2022, takimi u zhvillua në Lezhë, i bashkëkryesuar nga znj. Kraja dhe "
            "Prefektja e Qarkut Lezhë, znj. Drane Pjetri. Mbledhja e DVP u drejtua nga z. Gëzim Leka.\n")
    got = [(m.county, m.chair.name) for m in meetings(extract_text, text)]
    assert got == [("Shkodër", "Mark Gjokaj"), ("Lezhë", "Anjeza Kraja")]


@pytest.mark.parametrize("link", ["Lexo edhe: Vlorë, nis sezoni turistik me probleme të vjetra",
                                  "LEXO MË SHUMË: Aksident në rrugën Fier-Levan, plagosen dy persona"])
def test_links_to_other_news_are_dropped(extract_text, link):
    rec = extract_text(f"Komiteti Rajonal Antitrafik i Vlorës u mblodh më 3 shkurt 2020.\n\n{link}\n")
    assert rec.meetings[0].issues == [] and link.split(":")[1].strip() not in str(rec.model_dump())


def test_national_conference_in_the_capital_has_no_county(extract_text):
    text = ("Më 18 tetor 2022, në Tiranë, u zhvillua Konferenca Kombëtare \"Bashkë kundër trafikimit\", "
            "e organizuar nga Ministria e Brendshme.")
    got = meetings(extract_text, text)
    assert len(got) == 1 and got[0].kind == "conference" and got[0].county is None


def test_regional_committee_is_not_national_for_its_national_guests(extract_text):
    text = ("Më 7 mars 2022 u zhvillua mbledhja e KRAT Shkodër me praninë e Koordinatores Kombëtare, "
            "në takimin kombëtar të strukturave antitrafik.")
    assert meetings(extract_text, text)[0].county == "Shkodër"


def test_a_surname_sharing_a_place_key_is_no_second_county(extract_text):
    text = ("Tiranë, 21/3/2019. Organizata D&E organizoi sot në Tiranë një tryezë të rrumbullakët. Tryeza u "
            "bashkëkryesua nga zëvendëskryetarja e Këshillit të Qarkut Tiranë, znj. Blerina Hasa, dhe znj. Ledia Frashëri.")
    assert [m.county for m in meetings(extract_text, text)] == ["Tiranë"]


def test_a_vacancy_notice_is_not_a_meeting(extract_text):
    text = ("NJOFTIM PËR VEND TË LIRË PUNE\n\nInstitucioni i Prefektit të Qarkut Fier shpall konkursin për "
            "Sekretar të KRAT.\n\nDetyrat: përgatit mbledhjet dhe mban procesverbalet.\n\n"
            "Dokumentet dorëzohen deri më 25.08.2022.")
    assert meetings(extract_text, text) == []
