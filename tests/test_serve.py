"""krat serve: Datasette over an index of the sample records, read-only, with metadata and canned queries.

A real server is started (``python -m pipeline.serve``, the click command) on a free local
port and asked over HTTP. The database is named after the file stem: k.db is served at /k.
"""
from __future__ import annotations

import hashlib
import json
import re
import shutil
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from collections import Counter
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from pipeline.errors import PipelineError
from pipeline.index import index_records
from pipeline.serve import (
    build_datasette,
    check_database,
    datasette_metadata,
    serve_command,
)

ROOT = Path(__file__).resolve().parent.parent
EXPECTED = ROOT / "samples" / "expected"
STARTUP_SECONDS = 20
CHROMIUM = next((p for p in ("/usr/bin/chromium", shutil.which("chromium"), shutil.which("chromium-browser"))
                 if p and Path(p).exists()), None)


@pytest.fixture(scope="module")
def meetings() -> list[dict]:
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    return [m for path in sorted(EXPECTED.glob("*.yaml"))
            for m in yaml.load(path.read_text(encoding="utf-8"), Loader=loader).get("meetings") or []]


@pytest.fixture(scope="module")
def db_path(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("serve") / "k.db"
    index_records([EXPECTED], path)
    return path


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def get(base: str, path: str, *, data: bytes | None = None) -> tuple[int, bytes]:
    """(status, body) of a GET (or a POST when ``data`` is given); HTTP errors are returned, not raised."""
    request = urllib.request.Request(base + path, data=data, method="POST" if data is not None else "GET")
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read()


def get_json(base: str, path: str):
    status, body = get(base, path)
    assert status == 200, (path, status, body[:500])
    return json.loads(body)


@pytest.fixture(scope="module")
def server(db_path, tmp_path_factory):
    pytest.importorskip("datasette", reason="krat serve needs Datasette")
    port = free_port()
    log = tmp_path_factory.mktemp("serve-log") / "server.log"
    with log.open("wb") as out:
        proc = subprocess.Popen([sys.executable, "-m", "pipeline.serve", str(db_path), "--host", "127.0.0.1",
                                 "--port", str(port)], cwd=ROOT, stdout=out, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + STARTUP_SECONDS
        while True:
            if proc.poll() is not None:
                pytest.fail(f"the server exited ({proc.returncode}): {log.read_text(errors='replace')[-2000:]}")
            try:
                with urllib.request.urlopen(base + "/-/versions.json", timeout=1) as response:
                    if response.status == 200:
                        break
            except OSError:
                pass
            if time.monotonic() > deadline:
                pytest.fail(f"no answer within {STARTUP_SECONDS} s: {log.read_text(errors='replace')[-2000:]}")
            time.sleep(0.1)
        yield base
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=5)


# ----------------------------------------------------------------------------- metadata (no server)

def test_every_table_and_column_is_described(db_path):
    metadata = datasette_metadata("k")
    assert metadata["title"] and (metadata.get("description") or metadata.get("description_html"))
    tables = metadata["databases"]["k"]["tables"]
    conn = sqlite3.connect(db_path)
    names = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' "
                                        "AND name NOT LIKE 'search\\_%' ESCAPE '\\'")]
    assert set(names) == set(tables), "every table of the index, and no other, is described"
    for name in names:
        columns = [r[1] for r in conn.execute(f"PRAGMA table_info([{name}])")]
        assert tables[name]["description"].strip(), name
        assert set(tables[name]["columns"]) == set(columns), name
        assert all(v and v.strip() for v in tables[name]["columns"].values()), name
        assert set(tables[name].get("sortable_columns", [])) <= set(columns), name
        assert set(tables[name].get("facets", [])) <= set(columns), name
    assert tables["meetings"]["facets"] == ["county", "kind", "year"]
    assert tables["meeting_institutions"]["facets"] == ["institution", "role"]


def test_canned_queries_and_their_parameters():
    queries = datasette_metadata()["databases"]["krat"]["queries"]
    params = {name: sorted(set(re.findall(r":(\w+)", q["sql"]))) for name, q in queries.items()}
    assert params == {"institution_meetings": ["institution", "year"], "institution_commitments": ["institution"],
                      "county_issues": ["county"], "meetings_per_county_year": [], "full_text_search": ["q"]}
    assert all(q["title"] for q in queries.values())
    assert not any(q.get("write") for q in queries.values())


def test_metadata_is_a_fresh_copy():
    first = datasette_metadata("a")
    first["databases"]["a"]["tables"]["meetings"]["facets"].append("x")
    assert datasette_metadata("a")["databases"]["a"]["tables"]["meetings"]["facets"] == ["county", "kind", "year"]


def test_bad_databases_are_refused(tmp_path):
    with pytest.raises(PipelineError, match="no such database"):
        check_database(tmp_path / "missing.db")
    (tmp_path / "text.db").write_text("not sqlite " * 20)
    with pytest.raises(PipelineError, match="not an SQLite database"):
        check_database(tmp_path / "text.db")
    sqlite3.connect(tmp_path / "other.db").execute("CREATE TABLE x (a)").connection.commit()
    with pytest.raises(PipelineError, match="not a krat index"):
        check_database(tmp_path / "other.db")


def test_without_datasette(db_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "datasette", None)
    monkeypatch.setitem(sys.modules, "datasette.app", None)
    with pytest.raises(PipelineError, match=r"krat serve needs Datasette: pip install 'krat-pipeline\[serve\]'"):
        build_datasette(db_path)
    result = CliRunner().invoke(serve_command, [str(db_path), "--port", str(free_port())])
    assert result.exit_code == 1 and "krat serve needs Datasette" in result.output


def test_importing_serve_does_not_import_datasette():
    code = "import sys, pipeline.serve; print('datasette' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_help_has_an_example():
    result = CliRunner().invoke(serve_command, ["--help"])
    assert result.exit_code == 0 and "Example:" in result.output and "krat serve" in result.output


# ----------------------------------------------------------------------------- over HTTP

def test_database_is_immutable(server):
    databases = get_json(server, "/-/databases.json")
    k = next(d for d in databases if d["name"] == "k")
    assert k["is_mutable"] is False


def test_county_facet_counts(server, meetings):
    expected = Counter(m["county"] for m in meetings)
    data = get_json(server, "/k/meetings.json?_facet=county&_size=0")
    results = {r["value"]: r["count"] for r in data["facet_results"]["county"]["results"]}
    assert results == dict(expected)
    county, count = expected.most_common(1)[0]
    assert results[county] == count
    configured = get_json(server, "/k/meetings.json?_size=0")  # the metadata's facets, without asking
    assert {"county", "kind", "year"} <= set(configured["facet_results"])


def test_full_text_search_without_diacritics(server):
    q = urllib.parse.quote("femijet ne situate rruge")
    rows = get_json(server, f"/k/full_text_search.json?q={q}&_shape=array")
    assert rows
    assert any("fëmijët në situatë rruge" in r["text"] or "fëmijëve në situatë rruge" in r["text"] for r in rows)
    assert get_json(server, "/k/full_text_search.json?q=&_shape=array") == []  # no FTS syntax error
    assert get_json(server, "/k/full_text_search.json?q=%22unbalanced&_shape=array") == []


def test_coordinator_queries(server, meetings):
    rows = get_json(server, "/k/institution_commitments.json?institution=drshssh-vlore&_shape=array")
    assert [(r["due"], r["county"], r["meeting_date"]) for r in rows] == [("2021-09-30", "Vlorë", "2021-07-15")]
    by_name = get_json(server, "/k/institution_commitments.json?_shape=array&institution="
                       + urllib.parse.quote("Drejtoria Rajonale e Shërbimit Social Shtetëror Vlorë"))
    assert by_name == rows

    unicef = sorted(str(m["date"]) for m in meetings if str(m["date"]).startswith("2017")
                    and any(i.get("id") == "unicef" and i.get("role") != "mentioned" for i in m["institutions"]))
    rows = get_json(server, "/k/institution_meetings.json?institution=unicef&year=2017&_shape=array")
    assert [r["date"] for r in rows] == unicef

    vlore = [m for m in meetings if m["county"] == "Vlorë"]
    topics = Counter(t for m in vlore for i in m.get("issues") or [] for t in i.get("topics") or [])
    rows = get_json(server, "/k/county_issues.json?county=" + urllib.parse.quote("Vlorë") + "&_shape=array")
    assert {r["topic"]: r["issues"] for r in rows if r["topic"] != "(no topic)"} == dict(topics)
    assert [r["issues"] for r in rows] == sorted((r["issues"] for r in rows), reverse=True)

    rows = get_json(server, "/k/meetings_per_county_year.json?_shape=array")
    assert sum(r["meetings"] for r in rows) == len(meetings)


def test_html_pages_show_the_descriptions(server):
    status, body = get(server, "/k/meetings")
    assert status == 200 and "County (qark) of the meeting." in body.decode()
    status, body = get(server, "/k/full_text_search?q=femijet")
    assert status == 200 and "Full-text search" in body.decode()


def test_writes_are_refused(server, db_path):
    before = hashlib.sha256(db_path.read_bytes()).hexdigest()
    count = get_json(server, "/k/topics.json?_size=0")["filtered_table_rows_count"]
    insert = urllib.parse.quote("insert into topics (id) values ('written')")
    status, body = get(server, f"/k.json?sql={insert}")
    assert status == 400 and b"must be a SELECT" in body
    status, _ = get(server, "/k", data=urllib.parse.urlencode({"sql": "insert into topics (id) values ('w')"}).encode())
    assert status >= 400
    status, _ = get(server, "/k/topics", data=b"id=written")
    assert status >= 400
    assert get_json(server, "/k/topics.json?_size=0")["filtered_table_rows_count"] == count
    assert hashlib.sha256(db_path.read_bytes()).hexdigest() == before


@pytest.mark.skipif(CHROMIUM is None, reason="headless browser test: chromium is not installed "
                                             "(/usr/bin/chromium not found)")
def test_meetings_page_in_headless_chromium(server, tmp_path, meetings):
    result = subprocess.run([CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu",
                             f"--user-data-dir={tmp_path / 'profile'}", "--dump-dom", f"{server}/k/meetings"],
                            check=False, capture_output=True, text=True, timeout=30)
    assert result.returncode == 0, result.stderr[-2000:]
    dom = result.stdout
    assert "<table" in dom and "County (qark) of the meeting." in dom
    assert any(m["title"][:40] in dom for m in meetings)
