"""Token-per-line CoNLL: read sentences (tokens and, when present, last-column tags), write tags."""
from __future__ import annotations

from pathlib import Path
from typing import Iterable, TextIO


def parse_conll(lines: Iterable[str]) -> list[tuple[list[str], list[str]]]:
    """Sentences as (tokens, tags); the token is the first column, the tag the
    last (or "" when a line has one column). Blank lines separate sentences."""
    sents, words, tags = [], [], []
    for line in lines:
        parts = line.rstrip("\n").rstrip("\r").split("\t")
        if len(parts) == 1:
            parts = parts[0].split()
        if not parts or not parts[0].strip():
            if words:
                sents.append((words, tags))
                words, tags = [], []
            continue
        words.append(parts[0].strip())
        tags.append(parts[-1].strip() if len(parts) > 1 else "")
    if words:
        sents.append((words, tags))
    return sents


def read_conll(path: Path | str) -> list[tuple[list[str], list[str]]]:
    with open(path, encoding="utf-8") as f:
        return parse_conll(f)


def write_conll(out: TextIO, sentences: list[list[str]], tags: list[list[str]]) -> None:
    for words, labels in zip(sentences, tags):
        for w, t in zip(words, labels):
            out.write(f"{w}\t{t}\n")
        out.write("\n")
