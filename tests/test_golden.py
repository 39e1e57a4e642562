"""Golden files: every sample is re-extracted and compared with its hand-checked record."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from pipeline.batch import SUPPORTED, discover, process
from pipeline.validate import diff_records

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
EXPECTED = SAMPLES / "expected"
DOCS = sorted(p for p in SAMPLES.iterdir() if p.suffix.lower() in SUPPORTED)


def test_there_are_enough_samples_in_every_format():
    suffixes = [p.suffix for p in DOCS]
    assert len(DOCS) >= 12
    assert {".txt", ".html", ".docx", ".pdf"} <= set(suffixes)


@pytest.mark.parametrize("doc", DOCS, ids=[p.name for p in DOCS])
def test_sample_matches_its_expected_record(doc, extractor, tmp_path, request):
    [job] = [j for j in discover([SAMPLES], tmp_path) if j.path == doc]
    outcome = process(job, extractor)
    assert outcome.status == "ok", outcome.reason
    expected_path = EXPECTED / job.out.relative_to(tmp_path)
    produced = job.out.read_text(encoding="utf-8")
    if request.config.getoption("--update-golden"):
        expected_path.write_text(produced, encoding="utf-8")
    assert expected_path.exists(), f"no expected record for {doc.name}: run pytest --update-golden and review it"
    diff = diff_records(yaml.safe_load(expected_path.read_text(encoding="utf-8")), yaml.safe_load(produced))
    assert not diff, "\n".join(diff[:20])


def test_offsets_point_into_the_extracted_text(extractor, tmp_path):
    """Every mention's text is the extracted text at its offsets (checked via the reader and normaliser)."""
    from pipeline.read import read_document
    for doc in DOCS:
        text = extractor.normalized(read_document(doc)).text
        record = yaml.safe_load((EXPECTED / (doc.stem + ".yaml")).read_text(encoding="utf-8"))
        for meeting in record["meetings"]:
            for inst in meeting["institutions"]:
                for m in inst["mentions"]:
                    assert text[m["start"]:m["end"]] == m["text"], (doc.name, m)
            for item in meeting["issues"] + meeting["commitments"]:
                assert text[item["start"]:item["end"]] == item["text"], (doc.name, item["text"])
