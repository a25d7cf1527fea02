"""``kabar extract``: inputs to kabar/1 JSONL."""
from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Optional

import typer

from ..batch.local import analyze_items
from ..ingest import INPUT_HELP, read_inputs
from ..progress import progress_bar
from ..published import parse_published


def count_hint(inputs: list[str]) -> int | None:
    """A cheap total for the progress bar: lines of JSONL files, one per other file."""
    total = 0
    for name in inputs:
        p = Path(name)
        if name == "-" or p.is_dir():
            return None
        if p.suffix.lower() in (".jsonl", ".ndjson") and p.is_file():
            with open(p, "rb") as f:
                total += sum(1 for line in f if line.strip())
        else:
            total += 1
    return total


def extract(
    inputs: list[str] = typer.Argument(..., metavar="INPUT...",
                                       help=INPUT_HELP),
    output: Optional[Path] = typer.Option(None, "-o", "--output", help="Write JSONL here (default stdout)."),
    published: Optional[str] = typer.Option(None, "--published",
                                            help="Publication date for inputs that carry none "
                                                 "(any form: 2023-11-17, 'Kamis, 12 Feb 2026 14:44')."),
) -> None:
    """Analyse articles and write one kabar/1 record per article, in input order."""
    pub, warning = parse_published(published)
    if warning:
        typer.echo(f"kabar: --published: {warning}", err=True)
    out = open(output, "w", encoding="utf-8") if output else sys.stdout
    done = skipped = 0
    try:
        with progress_bar("extract", count_hint(inputs)) as advance:
            for outcome in analyze_items(read_inputs(inputs), published=pub):
                advance()
                if outcome.error:
                    skipped += 1
                    typer.echo(f"kabar: skipped {outcome.item.name}: {outcome.error}", err=True)
                    continue
                for w in outcome.doc.warnings:
                    typer.echo(f"kabar: {outcome.item.name}: {w}", err=True)
                out.write(json.dumps(outcome.doc.to_dict(), ensure_ascii=False) + "\n")
                done += 1
    finally:
        if output:
            out.close()
    typer.echo(f"kabar: {done} article{'s' if done != 1 else ''} extracted, {skipped} skipped", err=True)
    if skipped:
        raise typer.Exit(1)


def register(app: typer.Typer) -> None:
    app.command("extract")(extract)
