"""The ``krat`` command line: a thin click group over the library.

Commands: ``extract`` (documents → YAML records) and ``validate`` (records →
schema check, and comparison with golden files). Library errors become a
one-line ``Error:``; usage errors exit 2, findings or failed files exit 1.
"""
from __future__ import annotations

import functools
import logging
import sys
import time
from pathlib import Path

import click

from . import __version__
from .batch import printable
from .errors import PipelineError

log = logging.getLogger("pipeline")


def gazetteer_option(fn):
    """``--gazetteers DIR``: the folder of gazetteer YAML files (default: the project's)."""
    return click.option("--gazetteers", "gazetteer_dir", type=click.Path(exists=True, file_okay=False,
                        path_type=Path), default=None, envvar="KRAT_GAZETTEERS",
                        help="Folder of gazetteer YAML files (default: ./gazetteers of the project).")(fn)


def output_options(fn):
    """``--quiet`` / ``--verbose``: how much to print besides errors."""
    fn = click.option("-q", "--quiet", is_flag=True, help="Print only errors and the summary.")(fn)
    fn = click.option("-v", "--verbose", is_flag=True, help="Print a line for every file.")(fn)
    return fn


class _Size(click.ParamType):
    """A size such as 50MB, 1.5GB, 512KB or a number of bytes (0: no limit)."""

    name = "size"

    def convert(self, value, param, ctx):
        if isinstance(value, int):
            return value
        from .read.limits import parse_size
        try:
            return parse_size(str(value))
        except ValueError as exc:
            self.fail(str(exc), param, ctx)


def limit_options(fn):
    """One option per reading limit (``ReadLimits`` field), gathered into ``limits``."""
    from .read.limits import SIZE, ReadLimits, limit_fields, option_name, show

    specs = limit_fields()
    for name, kind, help_text, default in reversed(specs):
        fn = click.option(option_name(name), name, type=_Size() if kind == SIZE else click.IntRange(min=0),
                          default=default, help=f"{help_text} [default: {show(default, kind)}; 0: no limit]")(fn)

    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        kwargs["limits"] = ReadLimits(**{name: kwargs.pop(name) for name, *_ in specs})
        return fn(*args, **kwargs)
    return wrapper


def _library_errors(fn):
    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        try:
            return fn(*args, **kwargs)
        except PipelineError as exc:
            raise click.ClickException(str(exc)) from None
    return wrapper


@click.group()
@click.version_option(__version__, prog_name="krat")
def cli() -> None:
    """Turn Albanian anti-trafficking press releases and minutes into YAML meeting records."""
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s: %(message)s")
    # pdfminer (under pdfplumber) warns about every flaw of a damaged PDF; the reader reports what matters
    logging.getLogger("pdfminer").setLevel(logging.ERROR)


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option("-o", "--out", "out_dir", required=True, type=click.Path(file_okay=False, path_type=Path),
              help="Folder for the records and manifest.jsonl; it mirrors the input tree.")
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=None,
              help="Parallel workers (default: the number of CPUs).")
@click.option("--force", is_flag=True, help="Extract every document again, even unchanged ones.")
@click.option("--timeout", type=click.FloatRange(min=0.1), default=60.0, show_default=True,
              help="Seconds a document may take before it is given up as failed.")
@click.option("--max-memory", "memory_mb", type=click.IntRange(min=0), default=2048, show_default=True,
              help="Megabytes of memory a worker may use on top of the pipeline (0: no limit).")
@limit_options
@gazetteer_option
@output_options
@_library_errors
def extract(paths: tuple[Path, ...], out_dir: Path, jobs: int | None, force: bool, timeout: float,
            memory_mb: int, limits, gazetteer_dir: Path | None, quiet: bool, verbose: bool) -> None:
    """Extract one YAML record per document (.txt, .html, .docx, .pdf).

    Folders are walked recursively in sorted order; files of other formats
    inside them are passed over, files named explicitly are always tried.
    Documents unchanged since the last run (same bytes, pipeline and
    gazetteer) are skipped. A file that cannot be read gives one line naming
    it and the reason; the batch goes on and the exit status is 1.
    OUT/manifest.jsonl says what happened to every input. A document over
    a reading limit (--max-file-size, --max-pages, ...) is refused with a
    reason that names the limit.

    \b
    Example:
        krat extract samples/ --out records/
        krat extract archive/ -o records/ --jobs 2 --timeout 30 --verbose
        krat extract archive/ -o records/ --max-file-size 20MB --max-pages 200
    """
    from .runner import run

    progress = _Progress(quiet=quiet, verbose=verbose)
    summary = run(list(paths), out_dir, jobs=jobs, force=force, timeout=timeout, memory_mb=memory_mb,
                  gazetteer_dir=str(gazetteer_dir) if gazetteer_dir else None, limits=limits,
                  on_outcome=progress.update)
    progress.close()
    if not quiet or summary.failed:
        click.echo(summary.line(), err=quiet)
    sys.exit(1 if summary.failed else 0)


def _one_line(value) -> str:
    return " ".join(str(value).splitlines()) if value is not None else ""


class _Progress:
    """A progress bar on a terminal; plain lines otherwise; errors always, one line each."""

    PLAIN_EVERY_SECONDS = 10.0

    def __init__(self, *, quiet: bool, verbose: bool) -> None:
        self.quiet, self.verbose = quiet, verbose
        self.bar = None
        self.started = time.monotonic()
        self.last = self.started
        self.tty = sys.stderr.isatty() and not quiet and not verbose

    def update(self, outcome, done: int, total: int) -> None:
        job = outcome.job
        if outcome.status == "failed":  # one line, whatever the file is called
            self._write(f"error: {_one_line(printable(str(job.path)))}: {_one_line(outcome.reason)}")
        elif self.verbose:
            self._write(f"{outcome.status}: {_one_line(printable(str(job.path)))} -> "
                        f"{_one_line(printable(str(job.out)))} ({outcome.meetings} meetings)")
        if self.tty:
            if self.bar is None:
                from tqdm import tqdm
                self.bar = tqdm(total=total, unit="doc", dynamic_ncols=True, file=sys.stderr)
            self.bar.update(1)
        elif not self.quiet and time.monotonic() - self.last >= self.PLAIN_EVERY_SECONDS:
            self.last = time.monotonic()
            rate = done / (self.last - self.started)
            left = (total - done) / rate if rate else 0
            click.echo(f"{done}/{total} documents, {rate:.1f}/s, about {left:.0f} s left", err=True)

    def _write(self, line: str) -> None:
        if self.bar is not None:
            self.bar.write(line, file=sys.stderr)
        else:
            click.echo(line, err=True)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option("--expected", type=click.Path(exists=True, file_okay=False, path_type=Path), default=None,
              help="Folder of golden records: compare each record with the one at the same relative path.")
@gazetteer_option
@output_options
@_library_errors
def validate(paths: tuple[Path, ...], expected: Path | None, gazetteer_dir: Path | None, quiet: bool,
             verbose: bool) -> None:
    """Check records against the JSON Schema and the gazetteer (and golden files).

    Exit status 0 when every record holds, 1 otherwise. The gazetteer is
    loaded and validated first, and every institution id in a record must
    exist in it. A record with findings is one line (its first finding and
    how many more); --verbose lists every finding. A file that is not YAML,
    or whose aliases explode, is one line too.

    \b
    Example:
        krat validate samples/expected
        krat extract samples/ -o /tmp/out && krat validate /tmp/out --expected samples/expected
    """
    from .validate import validate_paths

    problems, checked, bad = validate_paths(list(paths), expected=expected, every=verbose,
                                            gazetteer_dir=str(gazetteer_dir) if gazetteer_dir else None)
    for line in problems:
        click.echo(line)
    if not quiet:
        click.echo(f"{checked} records checked: {checked - bad} hold, {bad} with findings", err=bool(problems))
    sys.exit(1 if problems else 0)


@cli.command()
@click.argument("records", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option("--db", "db_path", required=True, type=click.Path(dir_okay=False, path_type=Path),
              help="SQLite database to create or update.")
@output_options
@_library_errors
def index(records: tuple[Path, ...], db_path: Path, quiet: bool, verbose: bool) -> None:
    """Load records into a SQLite database (tables, foreign keys, full-text search).

    Records indexed before are replaced; documents no longer in RECORDS are removed.

    \b
    Example:
        krat extract samples/ -o records/ && krat index records/ --db krat.db
    """
    from .index import index_records

    counts = index_records(list(records), db_path)
    if not quiet:
        click.echo(f"{db_path}: {counts['documents']} documents, {counts['meetings']} meetings indexed, "
                   f"{counts['removed']} removed")


@cli.command()
@click.argument("what", type=click.Choice(["meetings", "commitments", "issues", "institutions", "persons"]))
@click.argument("records", nargs=-1, type=click.Path(exists=True, path_type=Path))
@click.option("--db", "db_path", type=click.Path(exists=True, dir_okay=False, path_type=Path), default=None,
              help="Query this database (made by krat index) instead of records folders.")
@click.option("--institution", help="Id, name or abbreviation, in any spelling (e.g. 'ZVAP Durrës').")
@click.option("--county", help="County (e.g. Durrës or Durres).")
@click.option("--from", "date_from", help="From this date (YYYY, YYYY-MM or YYYY-MM-DD).")
@click.option("--to", "date_to", help="Up to this date (YYYY, YYYY-MM or YYYY-MM-DD).")
@click.option("--kind", type=click.Choice(["committee_meeting", "technical_table", "review", "workshop",
                                           "round_table", "awareness_activity", "conference", "other"]))
@click.option("--topic", help="Topic id of issues (e.g. street-children).")
@click.option("--person", help="A person's name or part of it.")
@click.option("--text", help="Full-text search in titles, issues and commitments (diacritics optional).")
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "json", "jsonl", "yaml"]), default="table",
              show_default=True, help="Output format.")
@gazetteer_option
@_library_errors
def query(what: str, records: tuple[Path, ...], db_path: Path | None, institution: str | None,
          county: str | None, date_from: str | None, date_to: str | None, kind: str | None,
          topic: str | None, person: str | None, text: str | None, fmt: str,
          gazetteer_dir: Path | None) -> None:
    """List meetings, commitments, issues, institutions or persons, filtered.

    Reads the database given with --db, or the records folders given as
    arguments (indexed in memory).

    \b
    Example:
        krat query meetings --db krat.db --institution "ZVAP Durrës" --from 2019 --to 2019
        krat query commitments records/ --institution "Bashkia Durrës" --format csv
    """
    import sqlite_utils

    from .index import memory_database
    from .query import Filters, render, resolve_institution, run_query

    if db_path is None and not records:
        raise click.UsageError("give records folders or --db")
    db = sqlite_utils.Database(db_path) if db_path else memory_database(list(records))
    filters = Filters(institution=institution, county=county, date_from=_day(date_from, "-01-01"),
                      date_to=_day(date_to, "-12-31"), kind=kind, topic=topic, person=person, text=text)
    if institution:
        filters.institution_ids = resolve_institution(
            db, institution, gazetteer_dir=str(gazetteer_dir) if gazetteer_dir else None)
    click.echo(render(run_query(db, what, filters), fmt), nl=False)


def _day(value: str | None, pad: str) -> str | None:
    """A YYYY or YYYY-MM bound widened to a day: the first day for --from, the last for --to."""
    if value is None:
        return None
    if len(value) == 4:
        return value + pad
    if len(value) == 7:
        return value + pad[3:] if pad.endswith("01") else value + "-31"
    return value


def _register_optional_commands() -> None:
    """report and serve live in their own modules (their heavy imports stay inside them)."""
    from .report import report_command
    from .serve import serve_command
    cli.add_command(report_command)
    cli.add_command(serve_command)


_register_optional_commands()


def main() -> None:  # pragma: no cover - console entry
    cli()
