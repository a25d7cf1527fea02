"""The medium a quote is cited through: "seperti dikutip Al Arabiya", "dilansir kantor berita AFP"."""
from __future__ import annotations

from .lexicon import lexicon
from .speakers import phrase_after
from .text import trim


# Every via pattern contains one of these stems; the full patterns run only near them.
_STEMS = ("utip", "lansir", "kepada", "diberitakan", "dilaporkan")


def via_cues(text: str) -> list:
    """Every via cue of the text, found once per document."""
    n, spots = len(text), []
    for stem in _STEMS:
        i = text.find(stem)
        while i >= 0:
            spots.append(i)
            i = text.find(stem, i + 1)
    out, seen = [], set()
    for i in sorted(spots):
        for rx in lexicon().via_res:
            for m in rx.finditer(text, max(0, i - 30), min(n, i + 80)):
                if m.start() not in seen and m.start() <= i < m.end():
                    seen.add(m.start())
                    out.append(m)
    return sorted(out, key=lambda m: m.start())


def find_via(text: str, a: int, b: int, skip: tuple[int, int] | None = None,
             cues: list | None = None) -> tuple[int, int] | None:
    """The words naming the medium cited between ``a`` and ``b`` (outside ``skip``), or None."""
    lex = lexicon()
    best = None
    for rx in lex.via_res if cues is None else (None,):
        for m in (rx.finditer(text, a, b) if rx else (c for c in cues if a <= c.start() and c.end() <= b)):
            if skip and skip[0] <= m.start() < skip[1]:
                continue
            start = m.end()
            while start < b and text[start] == " ":
                start += 1
            low = text[start:start + 30].lower()
            for noun in lex.media_nouns:
                if low.startswith(noun + " "):
                    start += len(noun) + 1
                    break
            if start >= b or not text[start].isupper():
                continue
            span = phrase_after(text, start, b)
            if span[1] > span[0] and (best is None or m.start() < best[0]):
                best = (m.start(), span)
    return trim(text, *best[1]) if best else None
