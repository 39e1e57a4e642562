"""The ``krat`` command line: a thin click group over the library.

Commands: ``extract`` (documents → YAML records) and ``validate`` (records →
schema check, and comparison with golden files). Library errors become a
one-line ``Error:``; usage errors exit 2, findings or failed files exit 1.
"""
from __future__ import annotations

import functools
import logging
import sys
from pathlib import Path

import click
import yaml

from . import __version__
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


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option("-o", "--out", "out_dir", required=True, type=click.Path(file_okay=False, path_type=Path),
              help="Folder for the records; it mirrors the input tree.")
@gazetteer_option
@output_options
@_library_errors
def extract(paths: tuple[Path, ...], out_dir: Path, gazetteer_dir: Path | None, quiet: bool,
            verbose: bool) -> None:
    """Extract one YAML record per document (.txt, .html, .docx, .pdf).

    Folders are walked recursively in sorted order; files of other formats
    inside them are passed over, files named explicitly are always tried.
    A file that cannot be read gives one line naming it and the reason; the
    batch goes on and the exit status is 1.

    \b
    Example:
        krat extract samples/ --out records/
        krat extract release.pdf minutes.docx -o records/ --verbose
    """
    from .batch import Summary, discover, process
    from .record import Extractor

    extractor = Extractor.create(str(gazetteer_dir) if gazetteer_dir else None)
    summary = Summary()
    for job in discover(list(paths), out_dir):
        outcome = process(job, extractor)
        summary.outcomes.append(outcome)
        if outcome.status == "failed":
            click.echo(f"error: {job.path}: {outcome.reason}", err=True)
        elif verbose:
            click.echo(f"ok: {job.path} -> {job.out} ({outcome.meetings} meetings)")
    if not quiet or summary.failed:
        click.echo(summary.line(), err=quiet)
    sys.exit(1 if summary.failed else 0)


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
    exist in it.

    \b
    Example:
        krat validate samples/expected
        krat extract samples/ -o /tmp/out && krat validate /tmp/out --expected samples/expected
    """
    from .validate import validate_paths

    problems, checked = validate_paths(list(paths), expected=expected,
                                       gazetteer_dir=str(gazetteer_dir) if gazetteer_dir else None)
    for line in problems:
        click.echo(line)
    if not quiet:
        bad = len({p.split(": ", 1)[0] for p in problems})
        click.echo(f"{checked} records checked: {checked - bad} hold, {bad} with findings", err=bool(problems))
    sys.exit(1 if problems else 0)


def main() -> None:  # pragma: no cover - console entry
    cli()
