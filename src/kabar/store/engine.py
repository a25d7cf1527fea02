"""Opening a store: a URL (or a plain path) to an Engine with the schema in place."""
from __future__ import annotations

import os
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

import sqlalchemy as sa

from . import schema
from .write import WriteResult, rebuild_entity_stats, write_record

DEFAULT_FILE = "kabar.db"


def default_url() -> str:
    """``$KABAR_DB`` if set, else ``kabar.db`` in the working directory."""
    return os.environ.get("KABAR_DB") or DEFAULT_FILE


def normalise_url(url: str | None) -> str:
    """A SQLAlchemy URL from what a user types: a URL, or a path to a SQLite file."""
    url = url or default_url()
    if url.startswith("postgres://"):  # the libpq spelling SQLAlchemy does not accept
        url = "postgresql://" + url[len("postgres://"):]
    if url.startswith("postgresql://"):
        return f"postgresql+{_pg_driver()}://" + url[len("postgresql://"):]
    if "://" in url:
        return url
    return "sqlite:///" + str(Path(url).expanduser().resolve())


def _pg_driver() -> str:
    """psycopg2 (what ``kabar[postgres]`` installs) unless only psycopg 3 is there."""
    import importlib.util

    return "psycopg2" if importlib.util.find_spec("psycopg2") or not importlib.util.find_spec("psycopg") \
        else "psycopg"


def _sqlite_pragmas(dbapi_conn, _record) -> None:
    # WAL lets the web app read while an ingest writes; the busy timeout makes
    # a second writer wait instead of failing at once.
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA busy_timeout=30000")
    cur.close()


def make_engine(url: str) -> sa.Engine:
    if url.startswith("sqlite"):
        engine = sa.create_engine(url, connect_args={"check_same_thread": False})
        sa.event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    return sa.create_engine(url, pool_pre_ping=True, pool_size=10, max_overflow=10)


class Store:
    """One database; ``write`` stores a record in its own transaction."""

    def __init__(self, url: str | None = None):
        self.url = normalise_url(url)
        self.engine = make_engine(self.url)
        schema.create_all(self.engine)
        self._backfill()

    def _backfill(self) -> None:
        """Fill tables added to the schema after this store was made."""
        with self.engine.begin() as conn:
            has = lambda t: conn.execute(sa.select(sa.literal(1)).select_from(t).limit(1)).first()  # noqa: E731
            if has(schema.entities) and not has(schema.entity_stats):
                rebuild_entity_stats(conn)

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    @contextmanager
    def read(self) -> Iterator[sa.Connection]:
        with self.engine.connect() as conn:
            yield conn

    def write(self, record: dict, *, raw: str = "", input_hash: str = "") -> WriteResult:
        """Store one kabar/1 record: all of it or, if anything fails, none of it."""
        with self.engine.begin() as conn:
            return write_record(conn, record, raw=raw, input_hash=input_hash)

    def known_hashes(self, hashes: list[str]) -> set[str]:
        """Which of these input hashes are stored already (so need no analysis)."""
        found: set[str] = set()
        col = schema.articles.c.input_hash
        with self.engine.connect() as conn:
            for i in range(0, len(hashes), 500):
                chunk = hashes[i:i + 500]
                found.update(conn.execute(sa.select(col).where(col.in_(chunk))).scalars())
        return found

    def count(self, table: str = "articles") -> int:
        with self.engine.connect() as conn:
            return conn.execute(sa.select(sa.func.count()).select_from(schema.TABLES[table])).scalar_one()

    def dispose(self) -> None:
        self.engine.dispose()


def open_store(url: str | None = None) -> Store:
    return Store(url)
