"""Store fixtures: every store test runs on SQLite and on a real PostgreSQL server."""
from __future__ import annotations

import os

import pytest

from kabar.store import open_store

from . import pg


@pytest.fixture(scope="session")
def pg_url():
    reason = pg.available()
    if reason:
        pytest.skip(reason)
    if os.environ.get("KABAR_TEST_PG"):
        yield os.environ["KABAR_TEST_PG"]
        return
    cluster = pg.PrivateCluster()
    try:
        url = cluster.start()
    except Exception as exc:  # a broken install should say so, not hang the suite
        cluster.stop()
        pytest.fail(f"could not start a private PostgreSQL cluster: {exc}")
    yield url
    cluster.stop()


@pytest.fixture(params=["sqlite", "postgresql"])
def store_url(request, tmp_path):
    if request.param == "sqlite":
        return str(tmp_path / "kabar.db")
    url = request.getfixturevalue("pg_url")
    pg.reset(url)
    return url


@pytest.fixture
def store(store_url):
    s = open_store(store_url)
    yield s
    s.dispose()
