"""Analyse a stream of input items in this process, reporting and skipping bad ones."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Iterator

from ..document import Document
from ..ingest import InputError, Item, to_document
from ..pipeline import StageError


@dataclass
class Outcome:
    item: Item
    doc: Document | None = None
    error: str | None = None


def analyze_items(items: Iterable[Item], *, published=None) -> Iterator[Outcome]:
    """One Outcome per item, in order; an item that fails carries its error instead of a doc."""
    for item in items:
        if item.error:
            yield Outcome(item, error=item.error)
            continue
        try:
            yield Outcome(item, doc=to_document(item.data, published=published))
        except (InputError, StageError, TypeError) as exc:
            yield Outcome(item, error=str(exc))
