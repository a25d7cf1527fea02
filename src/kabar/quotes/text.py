"""Sentences and words as the quotes stage needs them.

Scraped news glues sentences ("di lokasi.Arief mengapresiasi", "Imin.\\"Ya")
and quotes close after the period; the shared sentence splitter is tuned
for other stages, so this one keeps its own cheap boundaries.
"""
from __future__ import annotations

import bisect
import re

from .lexicon import lexicon

# A period, ! or ? (maybe followed by closing marks) then either space before a
# capital/digit/opening mark (two: '"(Jika'), or no space before a capitalised word (glued scrape).
# (Starting with a character class lets the regex engine skip ahead fast; "[.!?]+" would
# not: the engine only skips ahead to a plain character or class, not a repeat.)
_BOUNDARY = re.compile(
    r"[.!?][.!?]*[\"”’')\]]*(?:[\s\u200b-\u200f\ufeff]+(?=[\"“‘(\[\u200e]{0,2}[A-Z0-9])|(?=[\"“‘]?[A-Z][a-z]))")
_INITIALS = re.compile(r"(?:[A-Za-z]\.)+[A-Za-z]")
WORD = re.compile(r"[\w][\w'’.\-/]*[\w]|[\w]")


class Sentences:
    """Sentence spans of a text, with lookup by offset."""

    def __init__(self, text: str, paragraphs: list[tuple[int, int]]):
        self.text = text
        self.spans = [s for a, b in (paragraphs or [(0, len(text))]) for s in split(text, a, b)]
        self.starts = [a for a, _ in self.spans]

    def index(self, pos: int) -> int:
        return max(0, bisect.bisect_right(self.starts, pos) - 1)

    def at(self, pos: int) -> tuple[int, int]:
        return self.spans[self.index(pos)] if self.spans else (0, len(self.text))


def split(text: str, start: int, end: int) -> list[tuple[int, int]]:
    abbrev = lexicon().abbrev
    out, a = [], start
    for m in _BOUNDARY.finditer(text, start, end):
        p = m.start()
        if text[p] == "." and p > a and not text[p - 1].isspace():
            word = text[max(a, p - 12):p].split()[-1].lstrip("(\"“‘")
            # "Dr. Pepper", "M. Riezko", "S.H." are no sentence ends.
            if word in abbrev or (len(word) == 1 and word.isupper()) or _INITIALS.fullmatch(word):
                continue
        stop = p + len(m.group().split()[0].rstrip("\"”’')]")) if m.group().strip() else p
        if m.end() > a:
            out.append((a, max(stop, p + 1)))
            a = m.end()
    out.append((a, end))
    return [trim(text, x, y) for x, y in out if text[x:y].strip()]


def trim(text: str, a: int, b: int, chars: str = " \t\r\n") -> tuple[int, int]:
    while a < b and text[a] in chars:
        a += 1
    while b > a and text[b - 1] in chars:
        b -= 1
    return a, b


def words(text: str, a: int, b: int) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in WORD.finditer(text, a, b)]
