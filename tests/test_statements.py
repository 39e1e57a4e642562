"""Issues and commitments: cue clauses, lists of tasks, actors, deadlines, near-misses."""
from __future__ import annotations

import pytest


def first(extract_text, text):
    return extract_text(text).meetings[0]


def texts(items):
    return [i.text for i in items]


def test_issue_from_shqetesim_with_raiser_and_topic(extract_text):
    m = first(extract_text, ("U zhvillua takimi i KRAT në Qarkun Durrës. Nga ZVAP u ngritën shqetësime për "
                             "braktisjen e shkollës nga fëmijët e komunitetit rom."))
    assert len(m.issues) == 1
    issue = m.issues[0]
    assert "braktisjen e shkollës" in issue.text and issue.raised_by == "zvap-durres"
    assert "school-dropout" in issue.topics


def test_issue_before_a_relative_clause(extract_text):
    m = first(extract_text, ("U zhvillua takimi i Tryezës Teknike në Qarkun Fier. Fëmijët në situatë rruge "
                             "gjatë sezonit veror ishte një aspekt i ndjeshëm që u diskutua në këtë takim."))
    assert any("Fëmijët në situatë rruge" in t for t in texts(m.issues))


def test_generic_problems_are_not_issues(extract_text):
    m = first(extract_text, ("U zhvillua takimi i KRAT në Qarkun Lezhë. Të pranishmit diskutuan për "
                             "problematikat e tyre dhe sfidat për të ardhmen."))
    assert m.issues == []


def test_commitment_with_actor_and_due(extract_text):
    m = first(extract_text, ("U zhvillua takimi i KRAT në Qarkun Korçë. Bashkia Korçë do të ngrejë një qendër "
                             "ditore për fëmijët në situatë rruge deri në fund të muajit mars 2020."))
    c = m.commitments[0]
    assert "do të ngrejë një qendër ditore" in c.text
    assert c.actor == "bashkia-korce" and c.due == "2020-03"


def test_list_of_recommendations(extract_text):
    m = first(extract_text, ("U zhvillua takimi i KRAT në Qarkun Gjirokastër. Prefekti la disa rekomandime si:\n"
                             "– rritjen e nivelit të parandalimit në shkolla;\n"
                             "– forcimin e bashkëpunimit me policinë;\n"
                             "– hartimin e planit rajonal të veprimit."))
    assert len(m.commitments) == 3
    assert texts(m.commitments)[0].startswith("rritjen e nivelit")


def test_task_lines_after_u_la_detyre(extract_text):
    m = first(extract_text, ("U zhvillua mbledhja e Komisionit të Mbrojtjes Civile të Qarkut Dibër. "
                             "U la detyrë që të merren masat për dimrin.\n"
                             "Krijimi i rezervave me ushqime në fshatrat e thella.\n"
                             "Pastrimi i rrugëve nga bora brenda 24 orëve."))
    assert len(m.commitments) == 3


def test_purpose_and_statements_of_fact_are_not_commitments(extract_text):
    m = first(extract_text, ("U zhvillua takimi i KRAT në Qarkun Elbasan. Këto takime do të shërbejnë për "
                             "informimin e anëtarëve. Duhet theksuar se puna ka qenë e mirë."))
    assert m.commitments == []


def test_the_article_se_does_not_cut_a_commitment(extract_text):
    m = first(extract_text, ("U zhvillua takimi i KRAT në Qarkun Shkodër. Punonjësit e Bashkisë së Shkodrës do të "
                             "organizojnë një fushatë në shkolla."))
    assert m.commitments[0].text.startswith("Punonjësit e Bashkisë së Shkodrës do të organizojnë")


def test_two_commitments_in_one_sentence(extract_text):
    m = first(extract_text, ("U zhvillua takimi i KRAT në Qarkun Korçë. IOM do të financojë kurse profesionale, "
                             "ndërsa Bashkia Korçë do të hapë një qendër ditore."))
    assert [c.actor for c in m.commitments] == ["iom", "bashkia-korce"]


def test_the_one_asked_is_the_actor_of_a_request(extract_text):
    m = first(extract_text, ("U zhvillua takimi i KRAT në Qarkun Elbasan. Prefektura kërkoi që Bashkia Elbasan të "
                             "ngrejë një njësi lëvizëse deri më 30.06.2024."))
    assert m.commitments[0].actor == "bashkia-elbasan" and m.commitments[0].due == "2024-06-30"


def test_the_subject_of_a_shared_task_is_the_first_named(extract_text):
    m = first(extract_text, ("U zhvillua takimi i KRAT në Qarkun Lezhë. DRSHSSH dhe NJVKSH do të zhvillojnë "
                             "seanca informuese në shkolla."))
    assert m.commitments[0].actor == "drshssh-lezhe"


def test_responsible_and_deadline_labels_of_a_task(extract_text):
    m = first(extract_text, ("PROCESVERBAL i mbledhjes së KRAT të Qarkut Fier\n\nData: 05.11.2020\n\n"
                             "Detyra dhe vendime:\n\n"
                             "1. Hartimi i listës së fëmijëve në situatë rruge. Përgjegjës: Bashkia Fier. Afati: 30.11.2020.\n\n"
                             "2. Trajnimi i mësuesve. Përgjegjës: ZVAP Fier. Afati: dhjetor 2020.\n\n"
                             "Diskutimet: u zhvillua mbledhja."))
    assert [(c.text, c.actor, c.due) for c in m.commitments] == [
        ("Hartimi i listës së fëmijëve në situatë rruge", "bashkia-fier", "2020-11-30"),
        ("Trajnimi i mësuesve", "zvap-fier", "2020-12")]


def test_an_enumeration_of_assigned_tasks_is_one_commitment_per_task(extract_text):
    m = first(extract_text, (
        "Më 6 janar 2016 u zhvillua mbledhja e KRAT Kukës. U la detyrë kompletimi i rrugëve me sinjalistikën "
        "e duhur, eleminimi i ndërprerjeve të autostradës si dhe plotësimi i saj me elemente sigurie."))
    assert [c.text for c in m.commitments] == [
        "kompletimi i rrugëve me sinjalistikën e duhur", "eleminimi i ndërprerjeve të autostradës",
        "plotësimi i saj me elemente sigurie"]


def test_objects_of_one_action_are_not_split(extract_text):
    m = first(extract_text, (
        "Më 6 janar 2016 u zhvillua mbledhja e KRAT Kukës. U la detyrë:\n"
        "Bashkëpunimi ndërmjet bashkive dhe shkollave, për sigurimin e procesit mësimor, ngrohjen e "
        "ambienteve shkollore dhe transportin e nxënësve."))
    assert len(m.commitments) == 1 and m.commitments[0].text.startswith("Bashkëpunimi")


def test_a_short_subject_before_a_comma_stays_with_its_commitment(extract_text):
    m = first(extract_text, (
        "Më 6 qershor 2019 u zhvillua tryeza teknike në Durrës. Ky plan antitrafik dhe këto aktivitete, "
        "do të shtrihen përgjatë gjithë sezonit veror."))
    assert [c.text for c in m.commitments] == [
        "Ky plan antitrafik dhe këto aktivitete, do të shtrihen përgjatë gjithë sezonit veror"]


def test_figures_reported_are_not_an_issue(extract_text):
    text = ("Më 12 mars 2021 u zhvillua mbledhja e KRAT Durrës. Drejtori i DVP Durrës, z. Gentian Koci, raportoi "
            "se gjatë vitit 2020 janë regjistruar 6 procedime për shfrytëzim prostitucioni dhe janë identifikuar "
            "11 viktima të mundshme të trafikimit.")
    assert extract_text(text).meetings[0].issues == []


def test_figures_that_grow_are_an_issue(extract_text):
    text = ("Më 12 mars 2021 u zhvillua mbledhja e KRAT Durrës. Drejtori i DVP Durrës, z. Gentian Koci, informoi "
            "se janë identifikuar 11 viktima të trafikimit, numër në rritje krahasuar me vitin e kaluar.")
    issues = extract_text(text).meetings[0].issues
    assert len(issues) == 1 and issues[0].raised_by == "dvp-durres"


def test_problems_joined_by_si_dhe_are_two_issues(extract_text):
    text = ("Më 5 prill 2023 u zhvillua një trajnim në Vlorë. Pjesëmarrësit evidentuan mungesën e përkthyesve "
            "për gjuhët e emigrantëve, si dhe mungesën e ambienteve për intervistim në portin e Vlorës.")
    issues = [i.text for i in extract_text(text).meetings[0].issues]
    assert len(issues) == 2 and issues[1] == "mungesën e ambienteve për intervistim në portin e Vlorës"


def test_a_place_joined_by_si_dhe_does_not_split_an_issue(extract_text):
    text = ("Më 5 prill 2023 u zhvillua mbledhja e KRAT Berat. Znj. Klodiana Gjata, inspektore në ISHPSHSH, "
            "informoi se gjatë vjeljes së ullirit në Poliçan, si dhe në vreshtat e Beratit, punojnë fëmijë "
            "nën moshën 16 vjeç.")
    assert len(extract_text(text).meetings[0].issues) == 1


def test_u_fol_per_a_problem_is_an_issue(extract_text):
    text = ("Më 7 prill 2021 u zhvillua një trajnim në Librazhd. U fol gjithashtu për rritjen e rekrutimit "
            "të vajzave të mitura nëpërmjet rrjeteve sociale.")
    assert len(extract_text(text).meetings[0].issues) == 1


def test_coordinated_future_clauses_are_two_commitments_of_one_actor(extract_text):
    text = ("Më 22 shkurt 2024 UNICEF Shqipëri zhvilloi një takim pune në Bulqizë. UNICEF-i do të financojë "
            "trajnimin e punonjësve dhe do të ndihmojë bashkinë në hartimin e një protokolli bashkëpunimi.")
    got = [(c.text, c.actor) for c in extract_text(text).meetings[0].commitments]
    assert got == [("UNICEF-i do të financojë trajnimin e punonjësve", "unicef"),
                   ("do të ndihmojë bashkinë në hartimin e një protokolli bashkëpunimi", "unicef")]


def test_a_past_verb_coordinated_with_a_future_one_is_no_commitment(extract_text):
    text = ("Më 17 prill 2019 u zhvillua mbledhja e KRAT Durrës. Të gjitha arritjet në këtë fushë kanë pasur "
            "dhe do të kenë mbështetjen e Institucionit të Prefektit.")
    assert len(extract_text(text).meetings[0].commitments) == 1


def test_items_after_komiteti_vendosi_are_commitments(extract_text):
    text = ("Më 20 korrik 2023 u zhvillua analiza gjashtëmujore e KRAT Elbasan.\n\n"
            "Për gjashtëmujorin e dytë, Komiteti vendosi:\n"
            "- Bashkia Elbasan të paraqesë deri më 30 shtator 2023 listën e familjeve në rrezik;\n"
            "- ZVAP Elbasan të organizojë në muajin tetor seanca informuese në shkolla.\n")
    got = [(c.actor, c.due) for c in extract_text(text).meetings[0].commitments]
    assert got == [("bashkia-elbasan", "2023-09-30"), ("zvap-elbasan", None)]


@pytest.mark.parametrize("cue", ["ranë dakord të krijojnë", "u ngarkua të krijojë", "planifikon të krijojë"])
def test_more_commitment_cues(extract_text, cue):
    text = f"Më 5 prill 2023 u zhvillua një trajnim në Vlorë. IOM {cue} një grup pune rajonal për rastet."
    assert len(extract_text(text).meetings[0].commitments) == 1


def test_a_list_of_who_reported_is_no_issue(extract_text):
    text = ("Më 13 korrik 2020 u zhvillua analiza gjashtëmujore e KRAT Shkodër. Në analizë raportuan DVP Shkodër, "
            "DRSHSSH Shkodër, Bashkia Shkodër dhe Bashkia Malësi e Madhe.")
    assert extract_text(text).meetings[0].issues == []


def test_a_problem_word_inside_a_quoted_theme_is_no_issue(extract_text):
    text = ("Më 18 tetor 2021 u zhvillua një debat mes shkollave të Shkodrës. Skuadrat e nxënësve debatuan mbi "
            "temën \"A janë rrjetet sociale rreziku më i madh për të rinjtë?\".")
    assert extract_text(text).meetings[0].issues == []
