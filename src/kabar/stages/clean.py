"""Cleaning: raw scraped text -> ``text``, ``boilerplate``, ``bylines``, offset map.

(Placeholder until issue 2's cleaner lands: normalises line breaks only.)
"""
from __future__ import annotations

from ..document import Document
from ..textmap import TextBuilder

REQUIRES = ("raw",)
ASSIGNS = ("text", "offsets", "boilerplate", "bylines", "paragraphs")


def run(doc: Document) -> Document:
    raw = doc.raw
    out = TextBuilder(raw)
    for line_start, line_end in _lines(raw):
        piece = raw[line_start:line_end].strip()
        if not piece:
            continue
        a = line_start + (len(raw[line_start:line_end]) - len(raw[line_start:line_end].lstrip()))
        if out.text_len:
            out.add_sep("\n")
        out.add(a, a + len(piece))
    doc.text, doc.offsets = out.build()
    doc.paragraphs = out.paragraphs()
    return doc


def _lines(raw: str):
    start = 0
    for i, ch in enumerate(raw):
        if ch in "\r\n":
            yield start, i
            start = i + 1
    yield start, len(raw)
