"""Report: a Markdown summary of an index, and PNG charts of it.

``build_report(db)`` gives plain Markdown tables: meetings per county and year,
meetings per kind, the most active institutions, recurring topics (with a few
issues of each), commitments per actor with their due dates, and the mentions
that matched no institution. ``write_charts(db, folder)`` draws the same
counts with matplotlib (optional: ``pip install matplotlib``; imported only
when charts are drawn). Every list has a fixed order: counts first, ties by
name (compared without diacritics), so the same index gives the same report.
"""
from __future__ import annotations

import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import click
import sqlite_utils

from .errors import PipelineError

TOP_INSTITUTIONS = 15
TOP_TOPICS_WITH_EXAMPLES = 5
EXAMPLES_PER_TOPIC = 3
EXAMPLE_CHARS = 240
DUE_DATES_SHOWN = 3
TOP_UNMATCHED = 20
NO_COUNTY = "(no county)"
NO_YEAR = "(no date)"
NO_KIND = "(no kind)"
NO_ACTOR = "(no actor)"
CHART_NAMES = ("meetings-by-county-year.png", "meetings-by-kind.png", "top-institutions.png",
               "issue-topics.png")
NEEDS_MATPLOTLIB = "charts need matplotlib: pip install matplotlib"


def name_key(text: str | None) -> tuple[str, str]:
    """Sort key of a name: without diacritics and case first (ç beside c), then as written."""
    text = text or ""
    plain = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    return plain.casefold(), text


# ----------------------------------------------------------------------------- the numbers

@dataclass(frozen=True, slots=True)
class CountyYear:
    counties: list[str]
    years: list[str]
    counts: dict[tuple[str, str], int]

    def row_total(self, county: str) -> int:
        return sum(self.counts.get((county, y), 0) for y in self.years)

    def column_total(self, year: str) -> int:
        return sum(self.counts.get((c, year), 0) for c in self.counties)

    @property
    def total(self) -> int:
        return sum(self.counts.values())


def county_year_counts(db: sqlite_utils.Database) -> CountyYear:
    """Meetings per (county, year); counties by name, years ascending, unknowns last."""
    counts = {(r["county"] or NO_COUNTY, str(r["year"]) if r["year"] is not None else NO_YEAR): r["n"]
              for r in db.query("SELECT county, year, COUNT(*) AS n FROM meetings GROUP BY county, year")}
    counties = sorted({c for c, _ in counts}, key=lambda c: (c == NO_COUNTY, name_key(c)))
    years = sorted({y for _, y in counts}, key=lambda y: (y == NO_YEAR, y))
    return CountyYear(counties, years, counts)


def kind_counts(db: sqlite_utils.Database) -> list[tuple[str, int]]:
    """(kind, meetings), most first."""
    rows = [(r["kind"] or NO_KIND, r["n"]) for r in db.query("SELECT kind, COUNT(*) AS n FROM meetings GROUP BY kind")]
    return sorted(rows, key=lambda r: (-r[1], name_key(r[0])))


def top_institutions(db: sqlite_utils.Database, limit: int = TOP_INSTITUTIONS) -> list[dict[str, Any]]:
    """The institutions present at most meetings (roles other than 'mentioned')."""
    rows = list(db.query(
        "SELECT mi.institution AS id, COALESCE(i.name, mi.institution) AS name, "
        "COUNT(DISTINCT mi.meeting) AS meetings, "
        "COUNT(DISTINCT CASE WHEN mi.role = 'organizer' THEN mi.meeting END) AS organised, "
        "COUNT(DISTINCT m.county) AS counties "
        "FROM meeting_institutions mi LEFT JOIN institutions i ON i.id = mi.institution "
        "LEFT JOIN meetings m ON m.id = mi.meeting "
        "WHERE COALESCE(mi.role, '') != 'mentioned' GROUP BY mi.institution"))
    rows.sort(key=lambda r: (-r["meetings"], name_key(r["name"]), r["id"]))
    return rows[:limit]


def topic_counts(db: sqlite_utils.Database) -> list[dict[str, Any]]:
    """Every topic with its number of issues, meetings and distinct counties; most issues first."""
    per_topic: dict[str, dict[str, Any]] = defaultdict(lambda: {"issues": set(), "meetings": set(),
                                                                "counties": set()})
    for r in db.query("SELECT t.topic, i.id AS issue, i.meeting, m.county FROM issue_topics t "
                      "JOIN issues i ON i.id = t.issue JOIN meetings m ON m.id = i.meeting"):
        entry = per_topic[r["topic"]]
        entry["issues"].add(r["issue"])
        entry["meetings"].add(r["meeting"])
        if r["county"]:
            entry["counties"].add(r["county"])
    rows = [{"topic": topic, "issues": len(e["issues"]), "meetings": len(e["meetings"]),
             "counties": len(e["counties"]), "county_names": sorted(e["counties"], key=name_key)}
            for topic, e in per_topic.items()]
    rows.sort(key=lambda r: (-r["issues"], -r["counties"], name_key(r["topic"])))
    return rows


def issues_without_topic(db: sqlite_utils.Database) -> int:
    return next(iter(db.query("SELECT COUNT(*) AS n FROM issues WHERE id NOT IN "
                              "(SELECT issue FROM issue_topics)")))["n"]


def topic_examples(db: sqlite_utils.Database, topic: str, limit: int = EXAMPLES_PER_TOPIC) -> list[dict[str, Any]]:
    """A few issues of a topic, the most recent first."""
    return list(db.query(
        "SELECT i.text, m.date, m.county FROM issue_topics t JOIN issues i ON i.id = t.issue "
        "JOIN meetings m ON m.id = i.meeting WHERE t.topic = ? "
        "ORDER BY m.date IS NULL, m.date DESC, i.id LIMIT ?", [topic, limit]))


def commitments_per_actor(db: sqlite_utils.Database, *, today: date | None = None) -> list[dict[str, Any]]:
    """(actor, name, commitments, due dates) per actor, most commitments first.

    ``due`` lists the distinct deadlines, earliest first; with ``today`` only
    those not yet passed (a month deadline "2024-06" counts until June ends).
    """
    per_actor: dict[str | None, dict[str, Any]] = {}
    for r in db.query("SELECT c.actor, COALESCE(i.name, c.actor) AS name, c.due FROM commitments c "
                      "LEFT JOIN institutions i ON i.id = c.actor"):
        entry = per_actor.setdefault(r["actor"], {"actor": r["actor"], "name": r["name"] or NO_ACTOR,
                                                  "commitments": 0, "due": set()})
        entry["commitments"] += 1
        if r["due"] and (today is None or r["due"] >= today.isoformat()[:len(r["due"])]):
            entry["due"].add(r["due"])
    rows = [{**e, "due": sorted(e["due"])} for e in per_actor.values()]
    rows.sort(key=lambda r: (-r["commitments"], r["actor"] is None, name_key(r["name"])))
    return rows


def unmatched_counts(db: sqlite_utils.Database, limit: int = TOP_UNMATCHED) -> list[dict[str, Any]]:
    """The organisation-like mentions with no gazetteer entry, most often seen first."""
    rows = list(db.query("SELECT text, COUNT(*) AS n, COUNT(DISTINCT document) AS documents "
                         "FROM unmatched GROUP BY text"))
    rows.sort(key=lambda r: (-r["n"], name_key(r["text"])))
    return rows[:limit]


# ----------------------------------------------------------------------------- Markdown

def _cell(value: Any) -> str:
    text = "" if value is None else str(value)
    return " ".join(text.split()).replace("|", "\\|")


def markdown_table(header: Sequence[str], rows: Iterable[Sequence[Any]], *,
                   right: Iterable[int] = ()) -> str:
    """A plain Markdown table; the columns numbered in ``right`` are right-aligned."""
    right = set(right)
    lines = ["| " + " | ".join(_cell(h) for h in header) + " |",
             "|" + "|".join("---:" if n in right else "---" for n in range(len(header))) + "|"]
    lines += ["| " + " | ".join(_cell(v) for v in row) + " |" for row in rows]
    return "\n".join(lines)


def _shorten(text: str, limit: int = EXAMPLE_CHARS) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit - 1].rstrip() + "…"


def _check_index(db: sqlite_utils.Database) -> None:
    missing = {"meetings", "meeting_institutions", "institutions", "issues", "issue_topics", "commitments",
               "unmatched", "documents"} - set(db.table_names())
    if missing:
        raise PipelineError(f"not a krat index: no {', '.join(sorted(missing))} table(s); "
                            "build one with krat index")


def build_report(db: sqlite_utils.Database, *, today: date | None = None,
                 charts: Sequence[str] = ()) -> str:
    """The Markdown report of an index database.

    ``today`` keeps only the deadlines still ahead in the commitments table;
    ``charts`` (paths relative to the report) are linked in a last section.
    """
    _check_index(db)
    docs = db["documents"].count
    meetings = db["meetings"].count
    span = next(iter(db.query("SELECT MIN(date) AS first, MAX(date) AS last FROM meetings")))
    out = ["# KRAT meetings report", ""]
    line = f"{meetings} meetings from {docs} documents"
    if span["first"]:
        line += f", {span['first']} to {span['last']}"
    out += [line + ".", ""]

    out += ["## Meetings per county and year", ""]
    cy = county_year_counts(db)
    if cy.counties:
        rows = [[c, *(cy.counts.get((c, y), "") for y in cy.years), cy.row_total(c)] for c in cy.counties]
        rows.append(["**Total**", *(cy.column_total(y) for y in cy.years), f"**{cy.total}**"])
        out += [markdown_table(["County", *cy.years, "Total"], rows, right=range(1, len(cy.years) + 2)), ""]
    else:
        out += ["_No meetings._", ""]

    out += ["## Meetings per kind", ""]
    kinds = kind_counts(db)
    out += [markdown_table(["Kind", "Meetings"], kinds, right=[1]) if kinds else "_No meetings._", ""]

    out += ["## Most active institutions", "",
            (f"Meetings each institution organised, attended or funded (mentions alone do not count); "
             f"the top {TOP_INSTITUTIONS}."), ""]
    insts = top_institutions(db)
    out += [markdown_table(["#", "Institution", "Id", "Meetings", "Organised", "Counties"],
                           [[n, r["name"], r["id"], r["meetings"], r["organised"], r["counties"]]
                            for n, r in enumerate(insts, 1)], right=[0, 3, 4, 5])
            if insts else "_No institutions._", ""]

    out += ["## Recurring issues and topics", ""]
    topics = topic_counts(db)
    untagged = issues_without_topic(db)
    if topics:
        out += ["### Topics by number of issues", "",
                markdown_table(["Topic", "Issues", "Meetings", "Counties"],
                               [[t["topic"], t["issues"], t["meetings"], t["counties"]] for t in topics],
                               right=[1, 2, 3]), ""]
        if untagged:
            out += [f"{untagged} issue(s) have no topic.", ""]
        spread = sorted(topics, key=lambda t: (-t["counties"], -t["issues"], name_key(t["topic"])))
        out += ["### Topics by number of counties", "",
                markdown_table(["Topic", "Counties", "Where"],
                               [[t["topic"], t["counties"], ", ".join(t["county_names"])] for t in spread],
                               right=[1]), ""]
        out += ["### Issues of the most frequent topics", ""]
        for t in topics[:TOP_TOPICS_WITH_EXAMPLES]:
            out += [f"#### {t['topic']} ({t['issues']} issues)", ""]
            for ex in topic_examples(db, t["topic"]):
                where = ", ".join(v for v in (ex["date"], ex["county"]) if v)
                out.append(f"- {where + ': ' if where else ''}{_shorten(ex['text'])}")
            out.append("")
    else:
        out += [f"_No topics_ ({untagged} issue(s) without topic).", ""]

    out += ["## Commitments per actor", ""]
    actors = commitments_per_actor(db, today=today)
    due_header = f"Next due dates (from {today.isoformat()})" if today else "Due dates (earliest first)"
    out += [markdown_table(["Actor", "Id", "Commitments", due_header],
                           [[r["name"], r["actor"] or "", r["commitments"], _due_cell(r["due"])] for r in actors],
                           right=[2])
            if actors else "_No commitments._", ""]

    out += ["## Unmatched mentions", "",
            "Names that look like organisations but match no gazetteer entry, most often seen first.", ""]
    unmatched = unmatched_counts(db)
    out += [markdown_table(["Mention", "Times seen", "Documents"],
                           [[r["text"], r["n"], r["documents"]] for r in unmatched], right=[1, 2])
            if unmatched else "_None._", ""]

    if charts:
        out += ["## Charts", ""]
        out += [f"![{Path(c).stem.replace('-', ' ')}]({Path(c).as_posix()})" for c in charts] + [""]
    return "\n".join(out).rstrip("\n") + "\n"


def _due_cell(due: list[str]) -> str:
    if not due:
        return "—"
    shown = ", ".join(due[:DUE_DATES_SHOWN])
    return shown + (f" (+{len(due) - DUE_DATES_SHOWN} more)" if len(due) > DUE_DATES_SHOWN else "")


# ----------------------------------------------------------------------------- charts

def write_charts(db: sqlite_utils.Database, directory: Path) -> list[Path]:
    """Draw the four PNG charts into ``directory`` (created if needed); returns their paths."""
    try:
        import matplotlib
        matplotlib.use("Agg")
        from matplotlib.figure import Figure
    except ImportError:
        raise PipelineError(NEEDS_MATPLOTLIB) from None
    _check_index(db)
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    paths = [directory / name for name in CHART_NAMES]

    cy = county_year_counts(db)
    fig = Figure(figsize=(10, 5.5))
    ax = fig.subplots()
    bottoms = [0] * len(cy.counties)
    cmap = matplotlib.colormaps["viridis"].resampled(max(len(cy.years), 1))
    for n, year in enumerate(cy.years):
        heights = [cy.counts.get((c, year), 0) for c in cy.counties]
        ax.bar(cy.counties, heights, bottom=bottoms, label=year, color=cmap(n))
        bottoms = [b + h for b, h in zip(bottoms, heights)]
    ax.set_title("Meetings per county and year")
    ax.set_ylabel("Meetings")
    ax.tick_params(axis="x", labelrotation=45)
    _integer_axis(ax.yaxis)
    if cy.years:
        ax.legend(title="Year", fontsize="small", ncols=2 if len(cy.years) > 8 else 1,
                  bbox_to_anchor=(1.01, 1), loc="upper left")
    else:
        _no_data(ax)
    _save(fig, paths[0])

    kinds = kind_counts(db)
    fig = Figure(figsize=(8, 4.5))
    ax = fig.subplots()
    ax.bar([k for k, _ in kinds], [n for _, n in kinds], color="tab:blue")
    ax.set_title("Meetings per kind")
    ax.set_ylabel("Meetings")
    ax.tick_params(axis="x", labelrotation=30)
    _integer_axis(ax.yaxis)
    if not kinds:
        _no_data(ax)
    _save(fig, paths[1])

    insts = top_institutions(db)
    _barh(Figure(figsize=(10, 1.5 + 0.4 * max(len(insts), 1))),
          [_shorten(r["name"], 60) for r in insts], [r["meetings"] for r in insts],
          f"Most active institutions (top {TOP_INSTITUTIONS})", "Meetings attended, organised or funded",
          "tab:green", paths[2])

    topics = topic_counts(db)
    _barh(Figure(figsize=(9, 1.5 + 0.35 * max(len(topics), 1))),
          [t["topic"] for t in topics], [t["issues"] for t in topics],
          "Topics of the issues raised", "Issues", "tab:orange", paths[3])
    return paths


def _barh(fig, labels: list[str], values: list[int], title: str, xlabel: str, color: str, path: Path) -> None:
    ax = fig.subplots()
    positions = range(len(labels))  # positions, not categories: two equal names stay two bars
    ax.barh(positions, values[::-1], color=color)  # the largest on top
    ax.set_yticks(positions, labels[::-1])
    ax.set_title(title)
    ax.set_xlabel(xlabel)
    _integer_axis(ax.xaxis)
    if not labels:
        _no_data(ax)
    _save(fig, path)


def _integer_axis(axis) -> None:
    from matplotlib.ticker import MaxNLocator
    axis.set_major_locator(MaxNLocator(integer=True))


def _no_data(ax) -> None:
    ax.text(0.5, 0.5, "No data", ha="center", va="center", transform=ax.transAxes)


def _save(fig, path: Path) -> None:
    fig.tight_layout()
    fig.savefig(path, format="png", dpi=100, metadata={"Software": None})


# ----------------------------------------------------------------------------- command

def _is_sqlite(path: Path) -> bool:
    try:
        with path.open("rb") as f:
            return f.read(16) == b"SQLite format 3\x00"
    except OSError:
        return False


def open_database(path: Path) -> sqlite_utils.Database:
    """An existing database, opened read-only (a report never writes)."""
    import sqlite3

    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        conn.execute("SELECT name FROM sqlite_master LIMIT 1")
    except sqlite3.DatabaseError as exc:
        raise PipelineError(f"{path}: not an SQLite database ({exc})") from None
    return sqlite_utils.Database(conn)


@click.command("report")
@click.argument("records", nargs=-1, type=click.Path(exists=True, path_type=Path))
@click.option("--db", "db_path", type=click.Path(exists=True, dir_okay=False, path_type=Path), default=None,
              help="Report on this database (made by krat index) instead of records folders.")
@click.option("-o", "--out", "out_file", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Write the Markdown to this file instead of the standard output.")
@click.option("--charts", "charts_dir", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Also draw PNG charts into this folder (needs matplotlib).")
def report_command(records: tuple[Path, ...], db_path: Path | None, out_file: Path | None,
                   charts_dir: Path | None) -> None:
    """Summarise meetings, institutions, issues and commitments in Markdown.

    Meetings per county and year and per kind, the most active institutions,
    recurring topics with examples of their issues, commitments per actor with
    their due dates, and mentions that matched no institution. Reads the
    database given with --db (or as the only argument), or the records folders
    given as arguments (indexed in memory). With --charts, PNG charts of the
    same counts are written too (needs matplotlib) and linked from the report
    when it goes to a file.

    \b
    Example:
        krat report records/ > report.md
        krat report --db krat.db --out report.md --charts charts/
    """
    from .index import memory_database

    try:
        if db_path is not None and records:
            raise click.UsageError("give records folders or --db, not both")
        if db_path is None and len(records) == 1 and records[0].is_file() and _is_sqlite(records[0]):
            db_path = records[0]
        if db_path is not None:
            db = open_database(db_path)
        elif records:
            db = memory_database(list(records))
        else:
            raise click.UsageError("give records folders or --db")
        charts: list[Path] = write_charts(db, charts_dir) if charts_dir is not None else []
        links: list[str] = []
        if charts and out_file is not None:
            import os
            links = [os.path.relpath(p.resolve(), out_file.resolve().parent) for p in charts]
        text = build_report(db, charts=links)
    except PipelineError as exc:
        raise click.ClickException(str(exc)) from None
    if out_file is not None:
        out_file.parent.mkdir(parents=True, exist_ok=True)
        out_file.write_text(text, encoding="utf-8")
        click.echo(f"wrote {out_file}")
    else:
        click.echo(text, nl=False)
    for path in charts:
        click.echo(f"wrote {path}", err=out_file is None)
