"""Analyse a stream of input items in this process, reporting and skipping bad ones."""
from __future__ import annotations

from dataclasses import dataclass
from itertools import islice
from typing import Iterable, Iterator

from ..document import Document
from ..ingest import InputError, Item
from ..ingest.readers import prepare_document
from ..pipeline import StageError, run_many

# Articles analysed together: stages with ``run_many`` (the NER tagger) pay
# their per-call cost once per batch. Results still come out in input order.
BATCH = 32


@dataclass
class Outcome:
    item: Item
    doc: Document | None = None
    error: str | None = None
    crashed: bool = False  # the error is a stage failing, not input that holds no article


def analyze_items(items: Iterable[Item], *, published=None, batch: int = BATCH) -> Iterator[Outcome]:
    """One Outcome per item, in order; an item that fails carries its error instead of a doc."""
    items = iter(items)
    while chunk := list(islice(items, max(batch, 1))):
        outcomes: list[Outcome] = []
        ready: list[tuple[Outcome, Document]] = []
        for item in chunk:
            outcome = Outcome(item, error=item.error)
            outcomes.append(outcome)
            if item.error:
                continue
            try:
                ready.append((outcome, prepare_document(item.data, published=published)))
            except (InputError, TypeError) as exc:
                outcome.error = str(exc)
        for (outcome, _), doc in zip(ready, run_many([d for _, d in ready])):
            if isinstance(doc, StageError):
                outcome.error, outcome.crashed = str(doc), True
            else:
                outcome.doc = doc
        yield from outcomes
