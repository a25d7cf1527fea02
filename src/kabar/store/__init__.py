"""The store: kabar/1 records in SQLite (default) or PostgreSQL, searchable.

    from kabar.store import open_store
    store = open_store("kabar.db")          # or "postgresql://user@host/db"
    store.write(record, raw=..., input_hash=...)
    with store.read() as conn:
        total, rows = queries.search_articles(conn, q="gencatan senjata")
"""
from .engine import Store, default_url, open_store, normalise_url
from .write import input_hash

__all__ = ["Store", "default_url", "open_store", "normalise_url", "input_hash"]
