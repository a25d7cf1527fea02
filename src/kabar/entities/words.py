"""Words of a document for the entities stage: tokens re-glued or split, and word shapes.

The sentences stage's tokens are the base. Pieces joined by hyphens are one
word again ("Sang-min") unless both halves are capitalised names
("Prabowo-Gibran"); words glued by scraping ("dilansirAFP",
"Indonesia)2.Jin") are cut apart.
"""
from __future__ import annotations

import re

from .gazetteer import Lexicon

# Scraped lists glue words across brackets and numbering ("Indonesia)2.Jin").
_GLUED = re.compile(r"[()\[\]]|\d\.[A-Z]")
_PIECE = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*|\d+|[^\w\s]")


_CAMEL = re.compile(r"([a-z]{3,})([A-Z][\w.]*)")


_SUSPECT = re.compile(r"[a-z][A-Z]|[()\[\]]|\d\.[A-Z]")


def unglue(text: str, tokens: list[tuple[int, int]], lex: Lexicon) -> list[tuple[int, int]]:
    # Only tokens holding a suspicious spot are looked at; most articles have none.
    spots = [m.start() + 1 for m in _SUSPECT.finditer(text)]
    if not spots:
        return tokens
    out, k = [], 0
    for a, b in tokens:
        while k < len(spots) and spots[k] < a:
            k += 1
        if k == len(spots) or spots[k] >= b or b - a < 3:
            out.append((a, b))
            continue
        m = _CAMEL.fullmatch(text, a, b)
        if m and (lex.is_common(m.group(1)) or lex.word(m.group(2))):
            # "dilansirAFP": a word glued to the name after it (the cleaner's leftovers).
            out += [(a, m.end(1)), (m.start(2), b)]
        elif b - a > 2 and _GLUED.search(text, a, b):
            out.extend((a + m.start(), a + m.end()) for m in _PIECE.finditer(text[a:b]))
        else:
            out.append((a, b))
    return out


def units(text: str, tokens: list[tuple[int, int]], lex: Lexicon) -> list[tuple[int, int]]:
    """Tokens with hyphen-glued pieces joined back, except pairs of capitalised names."""
    tokens = unglue(text, tokens, lex)
    out: list[tuple[int, int]] = []
    i, n = 0, len(tokens)
    while i < n:
        a, b = tokens[i]
        j = i
        while (j + 2 < n and text[tokens[j + 1][0]:tokens[j + 1][1]] == "-"
               and tokens[j + 1][0] == tokens[j][1] and tokens[j + 2][0] == tokens[j + 1][1]):
            j += 2
        if j == i:
            out.append((a, b))
            i += 1
            continue
        pieces = [tokens[k] for k in range(i, j + 1, 2)]
        words = [text[x:y] for x, y in pieces]
        whole = text[a:tokens[j][1]]
        pair = (all(w[:1].isupper() and len(w) > 1 for w in words)
                and lex.word(whole) is None
                and words[0].lower() not in lex.connectors)
        if pair:
            for k in range(i, j + 1):
                out.append(tokens[k])
        else:
            out.append((a, tokens[j][1]))
        i = j + 1
    return out


def caplike(w: str, lex: Lexicon) -> bool:
    c = w[:1]
    if c.isupper():
        return True
    # Lower-case brand names ("detikcom") count; lower-case words ("antara", "malang") do not.
    if not (c.isalpha() and w.lower() in lex.first_folded) or lex.is_common(w):
        return False
    hit = lex.word(w)
    return hit is not None and hit[0] == "ORG"


ROMAN = re.compile(r"[IVX]+")


def runs(words: list[str], s: int, e: int, lex: Lexicon):
    """(i, j) index ranges of capitalised runs inside one sentence [s, e)."""
    i = s
    while i < e:
        if not caplike(words[i], lex):
            i += 1
            continue
        j = i + 1
        while j < e:
            if caplike(words[j], lex):
                j += 1
            elif words[j].lower() in lex.connectors and j + 1 < e and caplike(words[j + 1], lex):
                j += 2
            else:
                break
        yield i, j
        i = j


def acronym(w: str) -> bool:
    letters = [c for c in w if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def abbreviates(acronym: str, words: list[str]) -> bool:
    """Each word gives the acronym its first letter and maybe more, in order ("PAW": pergantian antarwaktu)."""
    if len(words) == 1 and (len(acronym) > 3 or len(words[0]) < 6):
        return False

    def match(ai: int, wi: int) -> bool:
        if wi == len(words):
            return ai == len(acronym)
        w = words[wi]
        return ai < len(acronym) and w[0] == acronym[ai] and inner(ai + 1, wi, 1)

    def inner(ai: int, wi: int, ci: int) -> bool:
        if match(ai, wi + 1):
            return True
        w = words[wi]
        return any(inner(ai + 1, wi, k + 1) for k in range(ci, len(w))
                   if ai < len(acronym) and w[k] == acronym[ai])

    return match(0, 0)


def defined_acronyms(words: list[str]) -> set[str]:
    """Acronyms the article defines by ordinary words: "pergantian antarwaktu (PAW)"."""
    out = set()
    for k in range(2, len(words) - 1):
        if words[k - 1] != "(" or words[k + 1] != ")" or not acronym(words[k]):
            continue
        target = words[k].lower()
        lower = []
        for w in reversed(words[max(0, k - 8):k - 1]):
            if not w.islower():
                break
            lower.insert(0, w)
        for m in range(1, min(len(lower), len(target)) + 1):
            if abbreviates(target, lower[-m:]):
                out.add(words[k])
                break
    return out
