"""Web fixtures: an in-process client over a filled store (SQLite and PostgreSQL),
and ``kabar_server``: a real ``kabar serve`` on a free loopback port."""
from __future__ import annotations

import os
import subprocess
import sys
import time
import urllib.request

import pytest
from fastapi.testclient import TestClient

from kabar.store import open_store
from kabar.web import create_app
from tests.store.conftest import pg_url, store, store_url  # noqa: F401  (fixtures)
from tests.store.pg import free_port
from tests.store.records import RECORDS

TOKEN = "test-token-123"


def assert_error_shape(resp, status: int) -> dict:
    """Every API error: the status, and {"error": {"status": ..., "message": "..."}}."""
    assert resp.status_code == status
    body = resp.json()
    assert set(body) == {"error"} and set(body["error"]) == {"status", "message"}
    assert body["error"]["status"] == status and body["error"]["message"]
    return body["error"]


@pytest.fixture
def filled(store):
    for r in RECORDS:
        store.write(r, raw="RAW\n" + r["text"])
    return store


@pytest.fixture
def client(filled):
    with TestClient(create_app(filled, token=TOKEN)) as c:
        yield c


@pytest.fixture(scope="module")
def kabar_server(tmp_path_factory):
    """``kabar serve`` over a SQLite store of RECORDS; yields its base URL."""
    db = str(tmp_path_factory.mktemp("server") / "kabar.db")
    store = open_store(db)
    for r in RECORDS:
        store.write(r, raw=r["text"])
    store.dispose()
    port = free_port()
    env = dict(os.environ, KABAR_TOKEN=TOKEN)
    proc = subprocess.Popen([sys.executable, "-m", "kabar", "serve", "--db", db, "--port", str(port)],
                            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    try:
        _wait_until_up(base, proc)
        yield base
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def _wait_until_up(base: str, proc: subprocess.Popen, tries: int = 300) -> None:
    for _ in range(tries):
        if proc.poll() is not None:
            raise RuntimeError(f"kabar serve exited: {proc.stderr.read().decode()}")
        try:
            urllib.request.urlopen(base + "/api/articles?limit=1", timeout=1)
            return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError("kabar serve did not come up")
