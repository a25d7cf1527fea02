"""Quotes with speakers, and the claimant of every figure.

(Placeholder until issue 4 lands.)
"""
from __future__ import annotations

from ..document import Document

REQUIRES = ("text", "sentences", "entities", "figures")
ASSIGNS = ("quotes", "figure_claimants")


def run(doc: Document) -> Document:
    doc.quotes = []
    return doc
