"""``kabar tag``: BIO NER tags for token-per-line CoNLL, with the pipeline's model."""
from __future__ import annotations

import sys
from pathlib import Path
from typing import Optional

import typer

from ..ner.conll import parse_conll, write_conll


def _read(conll: str) -> list[list[str]]:
    """Token lists of the input (first column only); exit naming the file when unreadable."""
    try:
        if conll == "-":
            return [words for words, _ in parse_conll(sys.stdin)]
        with open(conll, encoding="utf-8") as f:
            return [words for words, _ in parse_conll(f)]
    except UnicodeDecodeError:
        reason = "not UTF-8"
    except OSError as exc:
        reason = exc.strerror or str(exc)
    typer.echo(f"kabar: tag: {conll}: cannot read CoNLL input ({reason})", err=True)
    raise typer.Exit(2)


def tag(
    conll: str = typer.Option(..., "--conll", metavar="IN",
                              help="Token-per-line CoNLL (token in the first column, other columns "
                                   "ignored, blank line between sentences), or - for stdin."),
    output: Optional[Path] = typer.Option(None, "-o", "--output", help="Write token<TAB>tag here (default stdout)."),
) -> None:
    """Tag tokens with BIO PER/ORG/LOC labels; same tokens and sentences out as in."""
    from ..ner import get_tagger

    sentences = _read(conll)
    tags = get_tagger().tag(sentences)
    if output:
        with open(output, "w", encoding="utf-8") as out:
            write_conll(out, sentences, tags)
    else:
        write_conll(sys.stdout, sentences, tags)
    n = sum(map(len, sentences))
    typer.echo(f"kabar: tagged {len(sentences)} sentences, {n} tokens", err=True)


def register(app: typer.Typer) -> None:
    app.command("tag")(tag)
