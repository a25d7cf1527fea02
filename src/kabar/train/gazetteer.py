"""Compile the NER gazetteer (phrase -> label) from ``lang/id`` lists.

Name tables (``name<TAB>TYPE<TAB>alias|alias``) give PER/ORG/LOC phrases;
plain word lists give cue labels (e.g. organisation head words, titles).
Phrases are tokenised like pipeline text (spaCy's Indonesian tokenizer) and
lower-cased, so matching at tagging time is a tuple comparison.
"""
from __future__ import annotations

from pathlib import Path

from .. import lang


def _tokens(tok, phrase: str) -> str:
    return " ".join(t.text.lower() for t in tok(phrase) if not t.is_space)


def gazetteer_entries(cfg: dict) -> set[tuple[str, str]]:
    import spacy

    tok = spacy.blank("id").tokenizer
    out = set()
    for name in cfg.get("tables", []):
        for row in lang.table(name):
            names = [row[0]] + (row[2].split("|") if len(row) > 2 and row[2] else [])
            out.update((_tokens(tok, n), row[1]) for n in names if n.strip())
    for name, label in cfg.get("lists", {}).items():
        out.update((_tokens(tok, w), label) for w in lang.lines(name))
    return {(p, label) for p, label in out if p}


def build_gazetteer(cfg: dict, out: Path) -> None:
    with open(out, "w", encoding="utf-8") as f:
        f.write(f"# NER gazetteer compiled from lang/id {cfg.get('tables', [])} "
                f"{sorted(cfg.get('lists', {}))} by kabar.train.gazetteer\n")
        for phrase, label in sorted(gazetteer_entries(cfg)):
            f.write(f"{phrase}\t{label}\n")
