"""Writers, one per format, registered in ``EXPORTERS`` like a user's own would be.

A writer takes the store, a table name and a binary output stream. JSONL of
``articles`` is the kabar/1 records themselves; every other table and format
is the table's rows.
"""
from __future__ import annotations

import csv
import io
import json
from typing import BinaryIO, Callable

import pyarrow as pa
import pyarrow.parquet as pq
import sqlalchemy as sa

from ..store import Store
from .tables import columns, records, rows

Writer = Callable[[Store, str, BinaryIO], int]
EXPORTERS: dict[str, Writer] = {}
BINARY_FORMATS = {"parquet"}


def register_exporter(name: str):
    def wrap(fn: Writer) -> Writer:
        EXPORTERS[name] = fn
        return fn
    return wrap


def _text(out: BinaryIO) -> io.TextIOWrapper:
    return io.TextIOWrapper(out, encoding="utf-8", newline="", write_through=True)


@register_exporter("jsonl")
def write_jsonl(store: Store, table: str, out: BinaryIO) -> int:
    items = records(store) if table == "articles" else rows(store, table)
    text, n = _text(out), 0
    for item in items:
        text.write(json.dumps(item, ensure_ascii=False, default=str) + "\n")
        n += 1
    text.flush()
    text.detach()
    return n


@register_exporter("csv")
def write_csv(store: Store, table: str, out: BinaryIO) -> int:
    text, n = _text(out), 0
    writer = csv.DictWriter(text, fieldnames=[c.name for c in columns(table)])
    writer.writeheader()
    for row in rows(store, table):
        writer.writerow(row)
        n += 1
    text.flush()
    text.detach()
    return n


def arrow_type(col: sa.Column) -> pa.DataType:
    """The Arrow type for a store column, so an all-null batch still has the right type."""
    t = col.type
    if isinstance(t, sa.Boolean):
        return pa.bool_()
    if isinstance(t, sa.Integer):
        return pa.int64()
    if isinstance(t, sa.Float):
        return pa.float64()
    if isinstance(t, sa.DateTime):
        return pa.timestamp("us")
    return pa.string()


@register_exporter("parquet")
def write_parquet(store: Store, table: str, out: BinaryIO, batch: int = 5000) -> int:
    schema = pa.schema([(c.name, arrow_type(c)) for c in columns(table)])
    n, pending = 0, []
    with pq.ParquetWriter(out, schema) as writer:
        for row in rows(store, table):
            pending.append(row)
            if len(pending) >= batch:
                writer.write_table(pa.Table.from_pylist(pending, schema=schema))
                n, pending = n + len(pending), []
        if pending or n == 0:
            writer.write_table(pa.Table.from_pylist(pending, schema=schema))
            n += len(pending)
    return n
