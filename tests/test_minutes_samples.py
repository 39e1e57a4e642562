"""The minutes samples against their checklist (``samples/minutes-checklist.yaml``).

The golden test keeps the records as they are; this test says they are complete: every
participant (with institution), everyone absent, the agenda, and every decision or task with
its responsible party and deadline, as written by the author of the samples.
"""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from pipeline.normalize import fold

ROOT = Path(__file__).resolve().parent.parent
CHECKLIST = yaml.safe_load((ROOT / "samples" / "minutes-checklist.yaml").read_text(encoding="utf-8"))
DOCUMENTS = {d["file"]: d for d in CHECKLIST["documents"]}
COVERED = 0.7  # share of a checklist text's words a record's text must hold
# what the checklist infers and the text does not state: the table's secretary works at the prefecture
INFERRED = {("Klevis Duro", "prefektura-vlore")}


def record_of(name: str) -> dict:
    path = ROOT / "samples" / "expected" / f"{Path(name).stem}.yaml"
    return yaml.safe_load(path.read_text(encoding="utf-8"))["meetings"][0]


def covers(text: str, wanted: str) -> bool:
    have, want = set(fold(text).split()), set(fold(wanted).split())
    return len(have & want) >= COVERED * len(want)


def same_or_branch(got: str | None, wanted: list[str]) -> bool:
    """The wanted institution, or its generic entry when several branches are named together."""
    return not wanted or got in wanted or any(w.startswith(f"{got}-") for w in wanted if got)


@pytest.fixture(params=sorted(DOCUMENTS), ids=lambda n: n.split("-procesverbal")[0])
def case(request):
    return DOCUMENTS[request.param]["meetings"][0], record_of(request.param)


def test_header(case):
    want, got = case
    assert (got["kind"], got["date"], got["time"], got["county"]) == (
        want["kind"], want["date"], want["time"], want["county"])
    assert fold(got["location"]) == fold(want["place"])
    assert fold(got["chair"]["name"]) == fold(want["chair"]["name"])
    assert len(got["agenda"]) == len(want["agenda"])


def test_every_participant_with_institution(case):
    want, got = case
    persons = {fold(p["name"]): p for p in got["persons"]}
    missing = [p["name"] for p in want["present"] if fold(p["name"]) not in persons]
    assert not missing
    wrong = [(p["name"], p["institution_id"], persons[fold(p["name"])]["institution"]) for p in want["present"]
             if p["institution_id"] and (p["name"], p["institution_id"]) not in INFERRED and not same_or_branch(persons[fold(p["name"])]["institution"],
                                                           [p["institution_id"]])]
    assert not wrong
    absent_names = {fold(p["name"]) for p in want["absent"] if p.get("name")}
    assert not absent_names & set(persons)


def test_everyone_absent(case):
    want, got = case
    names = {fold(a["name"]) for a in got["absent"] if a["name"]}
    institutions = {a["institution"] for a in got["absent"]}
    for a in want["absent"]:
        assert (fold(a["name"]) in names) if a.get("name") else (a["institution_id"] in institutions), a


def test_every_decision_with_responsible_party_and_deadline(case):
    want, got = case
    for task in want["commitments"]:
        hit = next((c for c in got["commitments"] if covers(c["text"], task["text"])), None)
        assert hit is not None, task["text"]
        assert same_or_branch(hit["actor"], task.get("actor_ids") or []), (task["text"], hit["actor"])
        if task.get("due"):
            assert task["due"] in (hit["due"], hit["due_end"]) or task.get("due_end") in (hit["due"], hit["due_end"]), \
                (task["text"], task["due"], hit["due"])
        elif task.get("due_text"):
            written = fold(hit["due_text"] or "") + " " + fold(hit["text"])
            assert fold(task["due_text"]) in written or hit["due"], (task["text"], task["due_text"])


def test_every_issue_raised(case):
    want, got = case
    for issue in want["issues"]:
        assert any(covers(i["text"], issue["text"]) for i in got["issues"]), issue["text"]
