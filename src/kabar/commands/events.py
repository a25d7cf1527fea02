"""``kabar events``: kabar/1 records (as ``kabar extract`` writes them) to GDELT-style TSV or PLOVER JSONL.

The store's ``kabar export --format gdelt|plover`` gives the same rows for
stored articles; this command needs no store.
"""
from __future__ import annotations

import csv
import json
import sys
from pathlib import Path
from typing import Iterator, Optional

import typer

from ..exports.events import GDELT_COLUMNS, gdelt_rows, plover_records

FORMATS = ("gdelt", "plover")


def _records(inputs: list[str]) -> Iterator[dict]:
    """kabar/1 records, one JSON object per line; a bad line exits naming file and line."""
    for name in inputs:
        f = sys.stdin if name == "-" else open(name, encoding="utf-8")
        try:
            for n, line in enumerate(f, 1):
                if not line.strip():
                    continue
                try:
                    yield json.loads(line)
                except json.JSONDecodeError as exc:
                    typer.echo(f"kabar: events: {name}:{n}: not a JSON record ({exc.msg})", err=True)
                    raise typer.Exit(2)
        finally:
            if f is not sys.stdin:
                f.close()


def events(
    inputs: list[str] = typer.Argument(..., metavar="RECORDS...",
                                       help="kabar/1 JSONL files (from kabar extract), or - for stdin."),
    fmt: str = typer.Option("gdelt", "--format", "-f", help="gdelt (tab-separated, header) or plover (JSONL)."),
    output: Optional[Path] = typer.Option(None, "-o", "--output", help="Write here (default stdout)."),
) -> None:
    """Write the events of kabar/1 records as GDELT-style TSV rows or PLOVER JSON records."""
    if fmt not in FORMATS:
        typer.echo(f"kabar: events: unknown --format {fmt!r}; expected gdelt or plover", err=True)
        raise typer.Exit(2)
    for name in inputs:
        if name != "-" and not Path(name).is_file():
            typer.echo(f"kabar: events: {name}: no such file", err=True)
            raise typer.Exit(2)
    out = open(output, "w", encoding="utf-8", newline="") if output else sys.stdout
    n = 0
    try:
        if fmt == "gdelt":
            writer = csv.DictWriter(out, fieldnames=GDELT_COLUMNS, delimiter="\t", lineterminator="\n")
            writer.writeheader()
            for row in gdelt_rows(_records(inputs)):
                writer.writerow(row)
                n += 1
        else:
            for rec in plover_records(_records(inputs)):
                out.write(json.dumps(rec, ensure_ascii=False) + "\n")
                n += 1
    finally:
        if output:
            out.close()
    typer.echo(f"kabar: {n} events written", err=True)


def register(app: typer.Typer) -> None:
    app.command("events")(events)
