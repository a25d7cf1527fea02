"""Language knowledge as data files, read once.

Each language is a folder (``lang/id/``) of plain files, every one opening
with ``# source: ... licence: ...``. Stages never open files: they ask this
module, which reads a file the first time it is wanted and keeps it.

Formats:
  *.txt  one entry per line; ``#`` starts a comment; blank lines ignored
  *.tsv  tab-separated columns, same comment rules
A duplicate entry is an error that names the file and line, because a
duplicated word usually means two people edited the list with different
intentions.
"""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

LANG_DIR = Path(__file__).parent


class LanguageDataError(ValueError):
    """A language data file is missing or malformed; the message names file and line."""


def path(name: str, lang: str = "id") -> Path:
    p = LANG_DIR / lang / name
    if not p.is_file():
        raise LanguageDataError(f"lang/{lang}/{name}: no such language data file")
    return p


def _entries(name: str, lang: str):
    """Yield (line number, content) of non-comment, non-blank lines."""
    with open(path(name, lang), encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.rstrip("\n").rstrip("\r")
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            yield n, line


@lru_cache(maxsize=None)
def lines(name: str, lang: str = "id", *, unique: bool = True) -> tuple[str, ...]:
    """The entries of a one-per-line list, stripped, in file order."""
    seen: dict[str, int] = {}
    out = []
    for n, line in _entries(name, lang):
        entry = line.strip()
        if unique and entry in seen:
            raise LanguageDataError(f"lang/{lang}/{name}:{n}: duplicate {entry!r} (first on line {seen[entry]})")
        seen[entry] = n
        out.append(entry)
    return tuple(out)


@lru_cache(maxsize=None)
def words(name: str, lang: str = "id") -> frozenset[str]:
    """The entries of a one-per-line list as a set, for membership tests."""
    return frozenset(lines(name, lang))


@lru_cache(maxsize=None)
def table(name: str, lang: str = "id", *, columns: int | None = None,
          unique_key: bool = True) -> tuple[tuple[str, ...], ...]:
    """Rows of a TSV file; with ``columns`` every row must have that many."""
    seen: dict[str, int] = {}
    out = []
    for n, line in _entries(name, lang):
        row = tuple(cell.strip() for cell in line.split("\t"))
        if columns is not None and len(row) != columns:
            raise LanguageDataError(f"lang/{lang}/{name}:{n}: expected {columns} columns, found {len(row)}")
        if unique_key and row[0] in seen:
            raise LanguageDataError(f"lang/{lang}/{name}:{n}: duplicate {row[0]!r} (first on line {seen[row[0]]})")
        seen[row[0]] = n
        out.append(row)
    return tuple(out)


@lru_cache(maxsize=None)
def mapping(name: str, lang: str = "id") -> dict[str, str]:
    """A two-column TSV as a dict."""
    return {k: v for k, v in table(name, lang, columns=2)}


@lru_cache(maxsize=None)
def regexes(name: str, lang: str = "id", flags: int = 0) -> tuple[re.Pattern, ...]:
    """A list of regular expressions, compiled; a bad one names its line."""
    out = []
    for n, line in _entries(name, lang):
        try:
            out.append(re.compile(line.strip(), flags))
        except re.error as exc:
            raise LanguageDataError(f"lang/{lang}/{name}:{n}: bad pattern: {exc}") from None
    return tuple(out)


def alternation(words, *, boundary: bool = True) -> str:
    """One regex alternation of literal words, longest first so prefixes don't win."""
    body = "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))
    return rf"\b(?:{body})\b" if boundary else f"(?:{body})"


def trie(words, *, literal: bool = False) -> str:
    """A regex alternation of words factored by shared prefixes.

    Python's re tries alternatives one by one, so "mengatakan|menyatakan|..."
    scans far slower than "me(?:ng(?:atakan|...)|...)". Longer words still win
    (the optional tails are greedy); a space matches any run of whitespace
    (only itself with ``literal``); no words give a pattern that never matches.
    """
    root: dict = {}
    for w in set(words):
        node = root
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}
    return _trie_regex(root, r"\ " if literal else r"\s+") or "(?!)"


def _trie_regex(node: dict, space: str) -> str:
    branches = [(space if ch == " " else re.escape(ch)) + _trie_regex(sub, space)
                for ch, sub in sorted(node.items()) if ch]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if "" in node else body
