"""Exports: the store's tables as JSONL, CSV or Parquet, and events as GDELT or PLOVER.

    from kabar.exports import export
    export(store, "parquet", "quotes", open("quotes.parquet", "wb"))

The event formats come from ``kabar.exports.events`` (``gdelt_rows(records)``
and ``plover_records(records)``) when that module is present.
"""
from __future__ import annotations

import csv
import importlib
import io
import json
from typing import BinaryIO

from ..store import Store
from .tables import EXPORT_TABLES, records
from .writers import BINARY_FORMATS, EXPORTERS, register_exporter

EVENT_FORMATS = {"gdelt": "gdelt_rows", "plover": "plover_records"}


class ExportError(ValueError):
    """An export that cannot be made; the message says why."""


def event_function(fmt: str):
    """The events module's function for ``fmt``, or an ExportError saying it is missing."""
    try:
        module = importlib.import_module("kabar.exports.events")
    except ModuleNotFoundError as exc:
        if exc.name != "kabar.exports.events":
            raise
        raise ExportError(f"--format {fmt} needs kabar.exports.events, which is not installed") from None
    return getattr(module, EVENT_FORMATS[fmt])


def _write_event_rows(items, out: BinaryIO, tabular: bool) -> int:
    """GDELT is tab-separated (a header when rows are dicts); PLOVER is JSONL."""
    text = io.TextIOWrapper(out, encoding="utf-8", newline="", write_through=True)
    n, writer = 0, None
    for item in items:
        if not tabular:
            text.write(json.dumps(item, ensure_ascii=False, default=str) + "\n")
        elif isinstance(item, dict):
            if writer is None:
                writer = csv.DictWriter(text, fieldnames=list(item), delimiter="\t", lineterminator="\n")
                writer.writeheader()
            writer.writerow(item)
        else:
            csv.writer(text, delimiter="\t", lineterminator="\n").writerow(item)
        n += 1
    text.flush()
    text.detach()
    return n


def formats() -> list[str]:
    return [*EXPORTERS, *EVENT_FORMATS]


def export(store: Store, fmt: str, table: str, out: BinaryIO) -> int:
    """Write ``table`` of ``store`` to ``out`` in ``fmt``; returns the number of rows written."""
    if fmt in EVENT_FORMATS:
        return _write_event_rows(event_function(fmt)(records(store)), out, tabular=fmt == "gdelt")
    if fmt not in EXPORTERS:
        raise ExportError(f"unknown format {fmt!r}; expected one of {', '.join(formats())}")
    if table not in EXPORT_TABLES:
        raise ExportError(f"unknown table {table!r}; expected one of {', '.join(EXPORT_TABLES)}")
    return EXPORTERS[fmt](store, table, out)


__all__ = ["export", "formats", "ExportError", "EXPORTERS", "BINARY_FORMATS", "register_exporter",
           "EXPORT_TABLES"]
