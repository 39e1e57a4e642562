"""Serve: browse an index database in Datasette, read-only.

``krat serve krat.db`` opens the database with ``immutable=1`` (Datasette's
``immutables=``), so nothing can be written through the server, and adds
metadata from ``serve_metadata.yaml``: plain-words descriptions of every table
and column, facets, sortable columns and canned queries for the coordinator's
questions. Datasette names the database after the file's stem, so ``krat.db`` is
served at ``/krat``, its meetings at ``/krat/meetings`` and the canned queries at
``/krat/<query>`` (e.g. ``/krat/full_text_search?q=femijet``).

Datasette is an optional dependency (``pip install 'krat-pipeline[serve]'``);
it is imported only when a server is started.
"""
from __future__ import annotations

import copy
import sqlite3
from functools import lru_cache
from pathlib import Path
from typing import Any

import click

from .errors import PipelineError

METADATA_PATH = Path(__file__).resolve().parent / "serve_metadata.yaml"
NEEDS_DATASETTE = "krat serve needs Datasette: pip install 'krat-pipeline[serve]'"


@lru_cache(maxsize=1)
def _metadata_file() -> dict[str, Any]:
    import yaml

    return yaml.safe_load(METADATA_PATH.read_text(encoding="utf-8"))


def datasette_metadata(database: str = "krat") -> dict[str, Any]:
    """Datasette metadata for an index database served under the name ``database``.

    Title and description, a description of every table and column, facets,
    sortable columns and the canned queries (see serve_metadata.yaml).
    """
    data = copy.deepcopy(_metadata_file())
    db_metadata = data.pop("database")
    data["databases"] = {database: db_metadata}
    return data


def database_name(db_path: Path | str) -> str:
    """The name Datasette gives a database file: its stem (``krat.db`` → ``krat``)."""
    return Path(db_path).stem


def check_database(db_path: Path | str) -> Path:
    """The path of an index database, or a PipelineError saying what is wrong with it."""
    path = Path(db_path)
    if not path.is_file():
        raise PipelineError(f"{path}: no such database file")
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        raise PipelineError(f"{path}: not an SQLite database ({exc})") from None
    if "meetings" not in tables:
        raise PipelineError(f"{path}: not a krat index (no meetings table); build one with krat index")
    return path


def build_datasette(db_path: Path | str):
    """A Datasette instance over the database (immutable) with the project's metadata."""
    path = check_database(db_path)
    try:
        from datasette.app import Datasette
    except ImportError:
        raise PipelineError(NEEDS_DATASETTE) from None
    return Datasette(immutables=[str(path)], metadata=datasette_metadata(database_name(path)))


def serve(db_path: Path | str, *, host: str = "127.0.0.1", port: int = 8001, open_browser: bool = False) -> None:
    """Run Datasette over the database, read-only, until interrupted."""
    import asyncio

    ds = build_datasette(db_path)
    try:
        import uvicorn
    except ImportError:
        raise PipelineError(NEEDS_DATASETTE) from None
    asyncio.run(ds.invoke_startup())
    url = f"http://{host}:{port}/{database_name(db_path)}"
    if open_browser:
        import threading
        import webbrowser

        threading.Timer(1.0, webbrowser.open, args=(url,)).start()
    click.echo(f"Serving {db_path} read-only at {url} (Ctrl+C to stop)", err=True)
    uvicorn.run(ds.app(), host=host, port=port, log_level="warning", lifespan="on", workers=1)


@click.command("serve")
@click.argument("db", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on (0.0.0.0 makes it reachable from other machines).")
@click.option("--port", type=click.IntRange(1, 65535), default=8001, show_default=True,
              help="Port to listen on.")
@click.option("--open", "open_browser", is_flag=True, help="Open the meetings in a web browser.")
def serve_command(db: Path, host: str, port: int, open_browser: bool) -> None:
    """Browse an index database in Datasette, read-only.

    The database is opened immutable: nothing can be changed through the
    server. Tables and columns are described in plain words; ready-made
    queries answer the usual questions (meetings of an institution in a
    year, its commitments, recurring issues of a county, meetings per county
    and year, full-text search without diacritics). The database is served
    under its file name without the extension: krat.db at /krat. Needs Datasette
    (pip install 'krat-pipeline[serve]').

    \b
    Example:
        krat index records/ --db krat.db
        krat serve krat.db
        krat serve krat.db --host 0.0.0.0 --port 8080
    """
    try:
        serve(db, host=host, port=port, open_browser=open_browser)
    except PipelineError as exc:
        raise click.ClickException(str(exc)) from None


if __name__ == "__main__":  # python -m pipeline.serve DB (used by the tests)
    serve_command()
