"""Events typed with PLOVER.

(Placeholder until issue 6 lands.)
"""
from __future__ import annotations

from ..document import Document

REQUIRES = ("text", "sentences", "entities", "times", "quotes")
ASSIGNS = ("events",)


def run(doc: Document) -> Document:
    doc.events = []
    return doc
