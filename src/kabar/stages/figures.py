"""Figures: numbers that count something in the story.

(Placeholder until issue 2's figures land.)
"""
from __future__ import annotations

from ..document import Document

REQUIRES = ("text", "sentences", "tokens")
ASSIGNS = ("figures",)


def run(doc: Document) -> Document:
    doc.figures = []
    return doc
