"""Offsets in a text, found with ``str.find``.

A loop of ``str.find`` (memchr underneath) is several times faster than a
regex over the whole text, which the engine tries at every position: the
quotes stage looks for quotation marks this way, the times stage for digits
and for the opening words of its patterns.
"""
from __future__ import annotations


def find_all(text: str, needle: str) -> list[int]:
    """Every offset where ``needle`` occurs, overlaps included, in order."""
    out: list[int] = []
    i = text.find(needle)
    while i >= 0:
        out.append(i)
        i = text.find(needle, i + 1)
    return out


def char_offsets(text: str, chars) -> list[int]:
    """Where any of ``chars`` stands in ``text``, in order."""
    out: list[int] = []
    for c in dict.fromkeys(chars):
        out += find_all(text, c)
    out.sort()
    return out
