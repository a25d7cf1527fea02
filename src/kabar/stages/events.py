"""Events typed with PLOVER: who did what to whom, when, where, and on whose word.

Triggers come from ``lang/id/event_triggers.tsv``; actor and target are the
entities around them (``kabar.events.roles``); time, negation and claimant
come from the times and quotes layers (``kabar.events.context``). Each event
is ``{"type", "actor", "target", "trigger", "span", "time", "place",
"negated", "claimant"}`` with ``span`` the sentence.
"""
from __future__ import annotations

from ..document import Document
from ..events.extract import extract

REQUIRES = ("text", "sentences", "entities", "times", "quotes")
ASSIGNS = ("events",)


def run(doc: Document) -> Document:
    doc.events = extract(doc)
    return doc
