"""Entities: named PER/ORG/LOC mentions grouped per real-world entity.

(Placeholder until issue 3 lands: assigns no entities.)
"""
from __future__ import annotations

from ..document import Document

REQUIRES = ("text", "sentences", "tokens")
ASSIGNS = ("entities",)


def run(doc: Document) -> Document:
    doc.entities = []
    return doc
