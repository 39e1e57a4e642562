"""krat report: the Markdown summary and the charts of an index, checked against the sample records.

The expected numbers are counted here from samples/expected/*.yaml, not with the report's code.
"""
from __future__ import annotations

import subprocess
import sys
import unicodedata
from collections import Counter, defaultdict
from datetime import date
from pathlib import Path

import pytest
import sqlite_utils
import yaml
from click.testing import CliRunner

from pipeline.errors import PipelineError
from pipeline.index import index_records, memory_database
from pipeline.report import build_report, report_command, write_charts

ROOT = Path(__file__).resolve().parent.parent
EXPECTED = ROOT / "samples" / "expected"
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


# ----------------------------------------------------------------------------- expectations from the YAML

@pytest.fixture(scope="module")
def records() -> list[dict]:
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    return [yaml.load(path.read_text(encoding="utf-8"), Loader=loader)
            for path in sorted(EXPECTED.glob("*.yaml"))]


@pytest.fixture(scope="module")
def meetings(records) -> list[dict]:
    out = [m for record in records for m in record.get("meetings") or []]
    assert len(out) > 10  # the samples are there
    return out


@pytest.fixture(scope="module")
def unmatched_texts(records) -> Counter:
    return Counter(u["text"] for record in records for u in record.get("unmatched") or [])


def plain(text: str) -> tuple[str, str]:
    stripped = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    return stripped.casefold(), text


def inst_key(inst: dict) -> str:
    return inst.get("id") or f"unmatched:{inst['name']}"


# ----------------------------------------------------------------------------- the report

@pytest.fixture(scope="module")
def db_path(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("index") / "k.db"
    index_records([EXPECTED], path)
    return path


@pytest.fixture(scope="module")
def report(db_path) -> str:
    return build_report(sqlite_utils.Database(db_path))


def section(markdown: str, title: str) -> str:
    """The text of a section, from its heading to the next heading of the same or higher level."""
    level = title.split(" ")[0]
    lines = markdown.splitlines()
    start = lines.index(title)
    end = next((n for n in range(start + 1, len(lines))
                if lines[n].startswith("#") and len(lines[n].split(" ")[0]) <= len(level)), len(lines))
    return "\n".join(lines[start + 1:end])


def table(text: str, n: int = 0) -> tuple[list[str], list[list[str]]]:
    """Header and rows of the n-th Markdown table in ``text`` (cells stripped, \\| unescaped)."""
    tables, current = [], []
    for line in text.splitlines() + [""]:
        if line.startswith("|"):
            current.append(line)
        elif current:
            tables.append(current)
            current = []
    lines = tables[n]
    split = [[c.strip().replace("\\|", "|") for c in line.strip().strip("|").split(" | ")] for line in lines]
    assert set(lines[1].replace("|", "")) <= set("-:")  # the separator line
    return split[0], split[2:]


def test_county_year_table_has_the_counts_of_the_records(report, meetings):
    expected = Counter((m["county"], str(m["date"])[:4]) for m in meetings)
    header, rows = table(section(report, "## Meetings per county and year"))
    years = sorted({y for _, y in expected})
    assert header == ["County", *years, "Total"]
    body, total = rows[:-1], rows[-1]
    counties = [r[0] for r in body]
    assert counties == sorted({c for c, _ in expected}, key=plain)
    for row in body:
        county = row[0]
        cells = [int(v) if v else 0 for v in row[1:-1]]
        assert cells == [expected[(county, y)] for y in years], county
        assert int(row[-1]) == sum(expected[(county, y)] for y in years), county
    assert total[0] == "**Total**"
    assert [int(v) for v in total[1:-1]] == [sum(expected[(c, y)] for c in counties) for y in years]
    assert total[-1] == f"**{len(meetings)}**"


def test_meetings_per_kind(report, meetings):
    expected = Counter(m["kind"] for m in meetings)
    header, rows = table(section(report, "## Meetings per kind"))
    assert header == ["Kind", "Meetings"]
    assert {k: int(n) for k, n in rows} == expected
    assert [int(n) for _, n in rows] == sorted(expected.values(), reverse=True)


def test_most_active_institutions(report, meetings):
    per_inst: dict[str, set] = defaultdict(set)
    names = {}
    for m in meetings:
        for inst in m.get("institutions") or []:
            names[inst_key(inst)] = inst["name"]
            if inst.get("role") != "mentioned":
                per_inst[inst_key(inst)].add(m["id"])
    expected = sorted(((names[k], k, len(v)) for k, v in per_inst.items()), key=lambda r: (-r[2], plain(r[0])))
    header, rows = table(section(report, "## Most active institutions"))
    assert header[:4] == ["#", "Institution", "Id", "Meetings"]
    assert len(rows) == 15
    assert [(r[1], r[2], int(r[3])) for r in rows] == expected[:15]
    assert [int(r[0]) for r in rows] == list(range(1, 16))


def test_mentioned_only_does_not_count(db_path, meetings):
    mentioned_only = {inst_key(i) for m in meetings for i in m.get("institutions") or []
                      if i.get("role") == "mentioned"}
    present = {inst_key(i) for m in meetings for i in m.get("institutions") or [] if i.get("role") != "mentioned"}
    only = mentioned_only - present
    assert only, "the samples have institutions that are only mentioned"
    db = sqlite_utils.Database(db_path)
    from pipeline.report import top_institutions
    assert not only & {r["id"] for r in top_institutions(db, limit=10_000)}


def test_topics_by_issues_and_counties(report, meetings):
    issues: Counter = Counter()
    counties: dict[str, set] = defaultdict(set)
    for m in meetings:
        for issue in m.get("issues") or []:
            for topic in issue.get("topics") or []:
                issues[topic] += 1
                counties[topic].add(m["county"])
    text = section(report, "## Recurring issues and topics")
    header, rows = table(text, 0)
    assert header == ["Topic", "Issues", "Meetings", "Counties"]
    assert {r[0]: (int(r[1]), int(r[3])) for r in rows} == {t: (issues[t], len(counties[t])) for t in issues}
    assert [int(r[1]) for r in rows] == sorted(issues.values(), reverse=True)
    header, rows = table(text, 1)
    assert header == ["Topic", "Counties", "Where"]
    assert [int(r[1]) for r in rows] == sorted((len(c) for c in counties.values()), reverse=True)
    assert {r[0]: r[2] for r in rows} == {t: ", ".join(sorted(c, key=plain)) for t, c in counties.items()}
    top = issues.most_common(1)[0][0]
    examples = section(report, f"#### {top} ({issues[top]} issues)")
    bullets = [line for line in examples.splitlines() if line.startswith("- ")]
    assert 1 <= len(bullets) <= 3
    texts = {" ".join(i["text"].split()) for m in meetings for i in m.get("issues") or [] if top in i.get("topics", [])}
    for bullet in bullets:
        assert any(t[:60] in bullet for t in texts), bullet


def test_commitments_per_actor(report, meetings):
    counts: Counter = Counter()
    dues: dict[str, set] = defaultdict(set)
    for m in meetings:
        for c in m.get("commitments") or []:
            counts[c.get("actor")] += 1
            if c.get("due"):
                dues[c.get("actor")].add(str(c["due"]))
    header, rows = table(section(report, "## Commitments per actor"))
    assert header[:3] == ["Actor", "Id", "Commitments"]
    got = {(r[1] or None): int(r[2]) for r in rows}
    assert got == dict(counts)
    assert [int(r[2]) for r in rows] == sorted(counts.values(), reverse=True)
    by_id = {r[1]: r for r in rows}
    for actor, due in dues.items():
        cell = by_id[actor or ""][3]
        assert cell.startswith(", ".join(sorted(due)[:3])), (actor, cell)
    assert by_id["drshssh-vlore"][0] == "Drejtoria Rajonale e Shërbimit Social Shtetëror Vlorë"
    assert by_id["drshssh-vlore"][3] == "2021-09-30"
    no_due = next(a for a in counts if a and a not in dues)
    assert by_id[no_due][3] == "—"


def test_next_due_dates_from_today(db_path):
    db = sqlite_utils.Database(db_path)
    rows = {r[1]: r for r in table(section(build_report(db, today=date(2019, 3, 15)),
                                               "## Commitments per actor"))[1]}
    assert rows["prefektura-kukes"][3] == "2019-03"  # a month deadline holds until the month ends
    assert rows["drshssh-korce"][3] == "—"  # 2016-12 has passed
    assert rows["drshssh-vlore"][3] == "2021-09-30"
    rows = {r[1]: r for r in table(section(build_report(db, today=date(2019, 4, 1)),
                                               "## Commitments per actor"))[1]}
    assert rows["prefektura-kukes"][3] == "—"


def test_unmatched_mentions(report, unmatched_texts):
    header, rows = table(section(report, "## Unmatched mentions"))
    assert header == ["Mention", "Times seen", "Documents"]
    assert {r[0]: int(r[1]) for r in rows} == dict(unmatched_texts)


def test_report_is_deterministic(db_path, report):
    assert build_report(memory_database([EXPECTED])) == report
    assert build_report(sqlite_utils.Database(db_path)) == report


def test_empty_index_and_not_an_index(tmp_path):
    (tmp_path / "nothing").mkdir()
    empty = tmp_path / "empty.db"
    index_records([tmp_path / "nothing"], empty)
    text = build_report(sqlite_utils.Database(empty))
    assert "0 meetings from 0 documents" in text and "_No meetings._" in text
    other = sqlite_utils.Database(tmp_path / "other.db")
    other["x"].insert({"a": 1})
    with pytest.raises(PipelineError, match="not a krat index"):
        build_report(other)


# ----------------------------------------------------------------------------- charts

def test_write_charts_writes_four_pngs(db_path, tmp_path):
    paths = write_charts(sqlite_utils.Database(db_path), tmp_path / "charts")
    assert len(paths) == 4 and len(set(paths)) == 4
    for path in paths:
        assert path.parent == tmp_path / "charts" and path.suffix == ".png"
        data = path.read_bytes()
        assert data.startswith(PNG_SIGNATURE) and len(data) > 5000, path


def test_charts_of_an_empty_index(tmp_path):
    (tmp_path / "nothing").mkdir()
    index_records([tmp_path / "nothing"], tmp_path / "empty.db")
    paths = write_charts(sqlite_utils.Database(tmp_path / "empty.db"), tmp_path / "charts")
    assert [p.read_bytes()[:8] for p in paths] == [PNG_SIGNATURE] * 4


def test_charts_without_matplotlib(db_path, tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "matplotlib", None)  # import matplotlib -> ImportError
    with pytest.raises(PipelineError, match=r"charts need matplotlib: pip install matplotlib"):
        write_charts(sqlite_utils.Database(db_path), tmp_path / "charts")
    assert not (tmp_path / "charts").exists()


def test_importing_the_report_does_not_import_matplotlib():
    code = "import sys, pipeline.report; print('matplotlib' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


# ----------------------------------------------------------------------------- the command

def invoke(*args: str):
    return CliRunner().invoke(report_command, list(args), catch_exceptions=False)


def test_command_on_records_folder_and_on_db(db_path, report):
    from_records = invoke(str(EXPECTED))
    assert from_records.exit_code == 0, from_records.output
    assert from_records.stdout == report
    from_db = invoke("--db", str(db_path))
    assert from_db.exit_code == 0, from_db.output
    assert from_db.stdout == report
    db_as_argument = invoke(str(db_path))
    assert db_as_argument.exit_code == 0 and db_as_argument.stdout == report


def test_command_out_and_charts(db_path, tmp_path, report):
    out = tmp_path / "out" / "report.md"
    result = invoke("--db", str(db_path), "--out", str(out), "--charts", str(tmp_path / "charts"))
    assert result.exit_code == 0, result.output
    text = out.read_text(encoding="utf-8")
    assert text.startswith(report.rstrip("\n"))  # the same report, then the charts linked
    pngs = sorted((tmp_path / "charts").glob("*.png"))
    assert len(pngs) == 4
    for png in pngs:
        assert f"](../charts/{png.name})" in text
        assert str(png) in result.stdout


def test_command_charts_to_stdout_report(tmp_path, report):
    result = invoke(str(EXPECTED), "--charts", str(tmp_path / "c"))
    assert result.exit_code == 0, result.output
    assert result.stdout == report  # chart paths go to stderr, the Markdown stays clean
    assert "wrote" in result.stderr and len(list((tmp_path / "c").glob("*.png"))) == 4


def test_command_usage_errors(db_path, tmp_path):
    assert invoke().exit_code == 2
    assert invoke(str(EXPECTED), "--db", str(db_path)).exit_code == 2
    bad = tmp_path / "other.db"
    sqlite_utils.Database(bad)["x"].insert({"a": 1})
    result = invoke("--db", str(bad))
    assert result.exit_code == 1 and "not a krat index" in result.output
    (tmp_path / "text.db").write_text("not a database " * 20)
    result = invoke("--db", str(tmp_path / "text.db"))
    assert result.exit_code == 1 and "not an SQLite database" in result.output
    before = bad.read_bytes()
    invoke("--db", str(bad))
    assert bad.read_bytes() == before  # opened read-only


def test_command_help_has_an_example():
    result = invoke("--help")
    assert result.exit_code == 0 and "Example:" in result.output and "krat report" in result.output
