"""What each exportable table holds: its columns (with types) and its rows, streamed."""
from __future__ import annotations

import json
from typing import Iterator

import sqlalchemy as sa

from ..store import Store
from ..store import schema

# Articles export as their filter columns and the cleaned text; JSONL gives the whole record.
ARTICLE_COLUMNS = ("id", "source", "url", "title", "published", "pub_date", "text")
EXPORT_TABLES = ("articles", "entities", "mentions", "quotes", "figures", "times", "events")


def columns(table: str) -> list[sa.Column]:
    t = schema.TABLES[table]
    if table == "articles":
        return [t.c[name] for name in ARTICLE_COLUMNS]
    return [c for c in t.columns if c.name != "pk"]


def rows(store: Store, table: str, batch: int = 1000) -> Iterator[dict]:
    """Every row of ``table`` in a stable order, fetched in batches."""
    t = schema.TABLES[table]
    cols = columns(table)
    order = [t.c.id] if table == "articles" else [t.c.article_id, t.c.pk]
    with store.read() as conn:
        result = conn.execution_options(stream_results=True, yield_per=batch).execute(
            sa.select(*cols).order_by(*order))
        for row in result.mappings():
            yield dict(row)


def records(store: Store, batch: int = 500) -> Iterator[dict]:
    """Every stored kabar/1 record, in id order."""
    a = schema.articles
    last = None
    while True:
        stmt = sa.select(a.c.id, a.c.record).order_by(a.c.id).limit(batch)
        if last is not None:
            stmt = stmt.where(a.c.id > last)
        with store.read() as conn:
            got = conn.execute(stmt).all()
        if not got:
            return
        for row in got:
            yield json.loads(row.record)
        last = got[-1].id
