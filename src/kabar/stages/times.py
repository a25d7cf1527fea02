"""Times: explicit calendar expressions resolved against ``published``.

(Placeholder until issue 2's times land.)
"""
from __future__ import annotations

from ..document import Document

REQUIRES = ("text", "sentences", "published")
ASSIGNS = ("times",)


def run(doc: Document) -> Document:
    doc.times = []
    return doc
