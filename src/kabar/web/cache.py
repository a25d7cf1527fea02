"""Query results kept while the store is unchanged.

Pages ask the same questions again and again (the front page's facets, a
popular entity, /claims); the answers change only when an article is stored.
The store's version (article count and newest ``ingested_at``) is read at
most every ``recheck`` seconds, so a new article shows within that time and
a cached answer costs no query at all.
"""
from __future__ import annotations

import threading
import time
from collections import OrderedDict
from typing import Any, Callable

import sqlalchemy as sa

from ..store import Store
from ..store import schema


class QueryCache:
    def __init__(self, store: Store, *, size: int = 1024, recheck: float = 2.0):
        self.store, self.size, self.recheck = store, size, recheck
        self._data: OrderedDict[tuple, tuple[Any, Any]] = OrderedDict()
        self._lock = threading.Lock()
        self._version: Any = None
        self._checked = float("-inf")

    def version(self) -> Any:
        now = time.monotonic()
        if now - self._checked >= self.recheck:
            a = schema.articles
            with self.store.read() as conn:
                row = conn.execute(sa.select(sa.func.count(), sa.func.max(a.c.ingested_at))).one()
            self._version, self._checked = tuple(row), now
        return self._version

    def invalidate(self) -> None:
        """Forget everything now (after this process itself stored an article)."""
        with self._lock:
            self._data.clear()
            self._checked = float("-inf")

    def get(self, fn: Callable, *args, **kwargs) -> Any:
        """``fn(conn, *args, **kwargs)``, from the cache when the store has not changed."""
        def compute():
            with self.store.read() as conn:
                return fn(conn, *args, **kwargs)

        return self.remember((fn.__module__, fn.__qualname__, args, tuple(sorted(kwargs.items()))), compute)

    def remember(self, key: tuple, compute: Callable[[], Any]) -> Any:
        """``compute()``, from the cache when the store has not changed since it last ran."""
        version = self.version()
        with self._lock:
            hit = self._data.get(key)
            if hit is not None and hit[0] == version:
                self._data.move_to_end(key)
                return hit[1]
        value = compute()
        with self._lock:
            self._data[key] = (version, value)
            self._data.move_to_end(key)
            while len(self._data) > self.size:
                self._data.popitem(last=False)
        return value
