"""``kabar ingest``, ``kabar serve`` and ``kabar export``: the store's commands."""
from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Optional

import typer

from ..ingest.readers import INPUT_HELP
from ..progress import progress_bar
from ..published import parse_published

DB_HELP = "Store URL: a SQLite file path or sqlite:///..., or postgresql://... (default $KABAR_DB or kabar.db)."


def _open(db: Optional[str]):
    from ..store import open_store

    try:
        return open_store(db)
    except Exception as exc:  # a bad URL or an unreachable server: say which, not a traceback
        typer.echo(f"kabar: cannot open store {db or 'kabar.db'}: {type(exc).__name__}: {exc}", err=True)
        raise typer.Exit(2)


def ingest(
    inputs: list[str] = typer.Argument(..., metavar="INPUT...",
                                       help=INPUT_HELP),
    db: Optional[str] = typer.Option(None, "--db", help=DB_HELP),
    workers: int = typer.Option(0, "--workers", "-w", help="Analysing processes (default: CPU count)."),
    published: Optional[str] = typer.Option(None, "--published",
                                            help="Publication date for inputs that carry none."),
) -> None:
    """Analyse articles and store their kabar/1 records; rerunning skips what is stored."""
    from ..batch.parallel import ingest as run_ingest
    from ..ingest import read_inputs
    from .extract import count_hint

    pub, warning = parse_published(published)
    if warning:
        typer.echo(f"kabar: --published: {warning}", err=True)
    store = _open(db)
    workers = workers or os.cpu_count() or 1

    with progress_bar("ingest", count_hint(inputs)) as advance:
        def report(result) -> None:
            advance()
            if result.error:
                typer.echo(f"kabar: skipped {result.name}: {result.error}", err=True)

        stats = run_ingest(read_inputs(inputs), store, workers=workers, published=pub, on_result=report)
    typer.echo(f"kabar: {stats.added} added, {stats.replaced} replaced, {stats.unchanged} unchanged, "
               f"{stats.failed} skipped; {store.count()} articles in the store", err=True)
    store.dispose()
    if stats.failed:
        raise typer.Exit(1)


def serve(
    db: Optional[str] = typer.Option(None, "--db", help=DB_HELP),
    host: str = typer.Option("127.0.0.1", "--host", help="Interface to listen on (loopback unless told)."),
    port: int = typer.Option(8000, "--port", help="TCP port."),
    workers: int = typer.Option(1, "--workers", "-w", help="Server processes (each with its own cache)."),
) -> None:
    """Serve the web app and the JSON API (/api, documented at /docs).

    POST /api/articles needs ``Authorization: Bearer $KABAR_TOKEN``; without
    $KABAR_TOKEN the server is read-only."""
    import uvicorn

    from ..web import create_app

    store = _open(db)
    typer.echo(f"kabar: serving {store.url.split('@')[-1]} at http://{host}:{port}/", err=True)
    if workers > 1:  # uvicorn starts each process from an import string, so pass the store by env
        os.environ["KABAR_DB"] = store.url
        store.dispose()
        uvicorn.run("kabar.web.app:app_from_env", factory=True, host=host, port=port, workers=workers,
                    log_level="warning")
        return
    uvicorn.run(create_app(store, token=os.environ.get("KABAR_TOKEN")), host=host, port=port,
                log_level="warning")


def export(
    fmt: str = typer.Option("jsonl", "--format", "-f", help="jsonl, csv, parquet, gdelt or plover."),
    table: str = typer.Option("articles", "--table", "-t",
                              help="articles, entities, mentions, quotes, figures, times or events."),
    db: Optional[str] = typer.Option(None, "--db", help=DB_HELP),
    output: Optional[Path] = typer.Option(None, "-o", "--output", help="Write here (default stdout)."),
) -> None:
    """Export a table of the store (JSONL of articles is the kabar/1 records)."""
    from ..exports import BINARY_FORMATS, ExportError, export as run_export

    if fmt in BINARY_FORMATS and output is None and sys.stdout.isatty():
        typer.echo(f"kabar: export: {fmt} is binary; give -o FILE", err=True)
        raise typer.Exit(2)
    store = _open(db)
    out = open(output, "wb") if output else sys.stdout.buffer
    try:
        n = run_export(store, fmt, table, out)
    except ExportError as exc:
        typer.echo(f"kabar: export: {exc}", err=True)
        raise typer.Exit(2)
    finally:
        if output:
            out.close()
        else:
            out.flush()
    typer.echo(f"kabar: {n} rows exported", err=True)


def register(app: typer.Typer) -> None:
    app.command("ingest")(ingest)
    app.command("serve")(serve)
    app.command("export")(export)
