"""A PostgreSQL server for tests: ``$KABAR_TEST_PG``, else a private throwaway cluster.

The private cluster lives in a temporary directory, listens on a free
loopback port and goes when the session ends; it needs only the server
binaries (``initdb``, ``pg_ctl``), which ``.ci/run`` installs.
"""
from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path


PREFIX = "kabar-pg-"
OWNER = "owner.pid"  # the test session's pid: a cluster whose owner died is stale


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _binary(name: str) -> str | None:
    found = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"))
    return found[-1] if found else shutil.which(name)


class PrivateCluster:
    """initdb + pg_ctl start in a temp dir; as root, run as the ``postgres`` user."""

    def __init__(self, directory: Path | None = None):
        self.dir = directory or Path(tempfile.mkdtemp(prefix=PREFIX))
        self.data = self.dir / "data"
        self.port = free_port()
        self.as_user = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []

    def _run(self, *cmd: str) -> None:
        subprocess.run([*self.as_user, *cmd], check=True, capture_output=True, timeout=120)

    def start(self) -> str:
        sweep_stale()
        (self.dir / OWNER).write_text(str(os.getpid()))
        if self.as_user:
            shutil.chown(self.dir, "postgres")
        self._run(_binary("initdb"), "-D", str(self.data), "-A", "trust", "-U", "kabar", "--no-sync")
        opts = f"-p {self.port} -k {self.dir} -c listen_addresses=127.0.0.1 -c fsync=off"
        self._run(_binary("pg_ctl"), "-D", str(self.data), "-o", opts, "-l", str(self.dir / "log"),
                  "-w", "start")
        return f"postgresql://kabar@127.0.0.1:{self.port}/postgres"

    def stop(self) -> None:
        try:
            self._run(_binary("pg_ctl"), "-D", str(self.data), "-m", "immediate", "stop")
        except (subprocess.SubprocessError, OSError):
            pass
        shutil.rmtree(self.dir, ignore_errors=True)


def sweep_stale() -> None:
    """Stop clusters left by test sessions that were killed before their teardown."""
    for directory in Path(tempfile.gettempdir()).glob(PREFIX + "*"):
        try:
            owner = int((directory / OWNER).read_text())
        except (OSError, ValueError):
            continue
        try:
            os.kill(owner, 0)
            continue  # its session is still running
        except ProcessLookupError:
            PrivateCluster(directory).stop()
        except PermissionError:
            continue


def available() -> str | None:
    """Why PostgreSQL tests cannot run, or None when they can."""
    if os.environ.get("KABAR_TEST_PG"):
        return None
    if not _binary("initdb") or not _binary("pg_ctl"):
        return "no PostgreSQL: set $KABAR_TEST_PG or install the server (initdb, pg_ctl)"
    return None


def reset(url: str) -> None:
    """An empty public schema, so each test starts from nothing."""
    import sqlalchemy as sa

    from kabar.store import normalise_url

    engine = sa.create_engine(normalise_url(url))
    with engine.begin() as conn:
        conn.exec_driver_sql("DROP SCHEMA IF EXISTS public CASCADE")
        conn.exec_driver_sql("CREATE SCHEMA public")
    engine.dispose()
