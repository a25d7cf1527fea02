"""Words of a document for the entities stage: tokens re-glued or split, and word shapes.

The sentences stage's tokens are the base. Pieces joined by hyphens are one
word again ("Sang-min") unless both halves are capitalised names
("Prabowo-Gibran"); words glued by scraping ("dilansirAFP",
"Indonesia)2.Jin") are cut apart.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from itertools import compress
from operator import itemgetter

from .gazetteer import Lexicon

# Scraped lists glue words across brackets and numbering ("Indonesia)2.Jin").
_GLUED = re.compile(r"[()\[\]]|\d\.[A-Z]")
_PIECE = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*|\d+|[^\w\s]")


_START = itemgetter(0)  # a token's start: tokens are bisected by it
_FIRST = itemgetter(0)  # a word's first letter
_CAMEL = re.compile(r"([a-z]{3,})([A-Z][\w.]*)")


# A spot where words may be glued: a lower-case letter then a capital ("dilansirAFP"), a
# bracket, a numbered item ("2.Jin") or a closing quote ("Riau'"). As one alternation
# ("[a-z][A-Z]|[()\[\]]|\d\.[A-Z]|\w['’](?!\w)") Python's re tries every branch at every
# position of the text; starting with one class of the rare character of each shape (the
# capital, the bracket, the period, the quote) lets it skip to those, and a lookbehind checks
# the character before. _suspect_spots turns these back into that alternation's matches.
_SUSPECT_KEY = re.compile(r"[A-Z()\[\].'’](?:(?<=[a-z][A-Z])|(?<=[()\[\]])|(?<=\d\.)(?=[A-Z])|(?<=\w['’])(?!\w))")


def _suspect_spots(text: str) -> list[int]:
    """Starts of the alternation's non-overlapping matches, as re.finditer finds them."""
    out, end = [], 0
    for m in _SUSPECT_KEY.finditer(text):
        p = m.start()
        c = text[p]
        if c in "()[]":
            s, e = p, p + 1        # the bracket
        elif c == ".":
            s, e = p - 1, p + 2    # digit, period, capital
        else:
            s, e = p - 1, p + 1    # lower-case letter then capital, or word character then quote
        if s >= end:  # finditer goes on after a match: one overlapping it is never seen
            out.append(s)
            end = e
    return out


def unglue(text: str, tokens: list[tuple[int, int]], lex: Lexicon) -> list[tuple[int, int]]:
    # Only tokens holding a suspicious spot inside them are looked at.
    spots = _suspect_spots(text)
    if not spots:
        return tokens
    suspects = set()
    for s in spots:
        k = bisect_right(tokens, s + 1, key=_START) - 1
        if k >= 0 and tokens[k][0] < s + 1 < tokens[k][1] and tokens[k][1] - tokens[k][0] >= 3:
            suspects.add(k)
    if not suspects:
        return tokens
    out, done = [], 0
    for k in sorted(suspects):
        out += tokens[done:k]  # the tokens between suspects, as they are
        done = k + 1
        a, b = tokens[k]
        if text[b - 1] in "'’" and text[b - 2].isalnum():
            out += [(a, b - 1), (b - 1, b)]  # "Kepulauan Riau'": a closing quote glued on
            continue
        m = _CAMEL.fullmatch(text, a, b)
        if m and lex.word(text[a:b]):
            m = None  # a known name as a whole ("detikSulsel"), not two glued words
        if m and (lex.is_common(m.group(1)) or lex.word(m.group(2))):
            # "dilansirAFP": a word glued to the name after it (the cleaner's leftovers).
            out += [(a, m.end(1)), (m.start(2), b)]
        elif _GLUED.search(text, a, b):
            out.extend((a + m.start(), a + m.end()) for m in _PIECE.finditer(text[a:b]))
        else:
            out.append((a, b))
    out += tokens[done:]
    return out


def units(text: str, tokens: list[tuple[int, int]], lex: Lexicon) -> list[tuple[int, int]]:
    """Tokens with hyphen-glued pieces joined back, except pairs of capitalised names."""
    tokens = unglue(text, tokens, lex)
    n = len(tokens)
    # Hyphens glued on both sides; most articles have a handful, so they are found from
    # the text's hyphens rather than by testing every token.
    glued = []
    h = text.find("-")
    while h >= 0:
        k = bisect_left(tokens, h, key=_START)
        while k < n and tokens[k][0] == h:
            if 0 < k < n - 1 and tokens[k][1] == h + 1 and tokens[k - 1][1] == h and tokens[k + 1][0] == h + 1:
                glued.append(k)
            k += 1
        h = text.find("-", h + 1)
    if not glued:
        return tokens
    out: list[tuple[int, int]] = []
    i, g = 0, set(glued)
    while i < n:
        j = i
        while j + 1 in g:
            j += 2
        if j == i:
            out.append(tokens[i])
            i += 1
            continue
        a = tokens[i][0]
        words = [text[x:y] for x, y in tokens[i:j + 1:2]]
        # "Jembatan Soekarno-Hatta", "Jalan Prof. Dr.-Ing": after a place or body
        # head the hyphenated names are that place's one name, not a pair of people.
        before = [text[tokens[i - 1][0]:tokens[i - 1][1]]] if i > 0 else []
        pair = (all(w[:1].isupper() and len(w) > 1 for w in words)
                and lex.word(text[a:tokens[j][1]]) is None
                and words[0].lower() not in lex.connectors
                and not (before and lex.head_at(before, 0, 1)[0]))
        if pair:
            out.extend(tokens[i:j + 1])
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


def cap_flags(words: list[str], lex: Lexicon, low: list[str] | None = None) -> list[bool]:
    """caplike() for every word; the upper-case test alone settles nearly all of them.

    ``low``: the words lower-cased, if at hand (as by Lexicon.prepare, from a text without
    a capital sigma, the one letter lowered by context): nothing is lowered again then."""
    first = lex.first_folded
    if low is None:
        return [w[:1].isupper() or (w.lower() in first and caplike(w, lex)) for w in words]
    # The first letters' case and the membership of every word in ``first`` by map(), with
    # no Python step per word; caplike() then decides the few lower-case words in ``first``
    # (a dozen in a 300-word article). A word with a curly quote may fold into ``first``
    # while w.lower() is not in it: caplike(), which tests w.lower() again, says False then.
    try:
        cap = list(map(str.isupper, map(_FIRST, words)))
    except IndexError:  # an empty word: w[:1] above is "", which is not upper-case
        cap = [w[:1].isupper() for w in words]
    for k in compress(range(len(cap)), map(first.__contains__, low)):
        if not cap[k]:
            cap[k] = caplike(words[k], lex)
    return cap


ROMAN = re.compile(r"[IVX]+")


def runs(words: list[str], cap: list[bool], s: int, e: int, lex: Lexicon, lower: list[str] | None = None):
    """(i, j) index ranges of capitalised runs inside one sentence [s, e).

    ``lower``: the words lower-cased, if at hand."""
    j = s
    # compress() walks past the lower-case words without a Python step for each.
    for i in compress(range(s, e), cap[s:e]):
        if i < j:
            continue  # inside the run just given
        j = i + 1
        while j < e:
            if cap[j]:
                j += 1
            elif j + 1 < e and cap[j + 1] and (lower[j] if lower is not None else words[j].lower()) in lex.connectors:
                j += 2
            else:
                break
        yield i, j


def acronym(w: str) -> bool:
    """All capitals, two letters at least ("BPS", "KPK"; not "A" or "K2")."""
    return w.isupper() and w[:2].isalpha()


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

    try:
        return match(0, 0)
    finally:
        # the two closures call each other: a reference cycle only the collector would free
        match = inner = None  # noqa: F841


def defined_acronyms(words: list[str]) -> set[str]:
    """Acronyms the article defines by ordinary words: "pergantian antarwaktu (PAW)"."""
    out = set()
    k = 0
    while True:
        # From one "(" to the next: list.index skips the other words without a Python step each.
        try:
            k = words.index("(", k) + 1
        except ValueError:
            return out
        if not 2 <= k < len(words) - 1 or words[k + 1] != ")" or not acronym(words[k]):
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
