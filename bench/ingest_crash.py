#!/usr/bin/env python3
"""Ingest is idempotent and survives ``kill -9``.

    python bench/ingest_crash.py [--shared ../shared] [--db-dir DIR] [--workers N] [--kill-at N]

1. Ingest 1,000 news articles twice into a fresh SQLite store: exactly 1,000.
2. Start ingesting 2,000 articles, ``kill -9`` the ingest once some hundreds
   are stored, check that every stored article is whole (its layer rows and
   search entry match its record), rerun: exactly 2,000, all whole, and no
   worker outlived the killed parent.

Articles come from ``shared/data/news/*.jsonl`` in file order (ids are unique
there). The stores stay in ``--db-dir`` (default: a new temp dir); the
2,000-article one can seed ``bench/web_latency.py --seed``.
"""
from __future__ import annotations

import argparse
import json
import os
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
KABAR = [sys.executable, "-m", "kabar"]


def load(news: Path, n: int) -> list[dict]:
    items, seen = [], set()
    for path in sorted(news.glob("*.jsonl")):
        for line in open(path, encoding="utf-8"):
            if not line.strip():
                continue
            obj = json.loads(line)
            if obj.get("id") in seen or not (obj.get("text") or "").strip():
                continue
            seen.add(obj.get("id"))
            items.append(obj)
            if len(items) == n:
                return items
    raise SystemExit(f"only {len(items)} articles under {news}")


def write_jsonl(path: Path, items: list[dict]) -> str:
    with open(path, "w", encoding="utf-8") as f:
        f.writelines(json.dumps(i, ensure_ascii=False) + "\n" for i in items)
    return str(path)


def ingest(src: str, db: str, workers: int) -> tuple[int, float]:
    t0 = time.perf_counter()
    proc = subprocess.run([*KABAR, "ingest", src, "--db", db, "--workers", str(workers)],
                          capture_output=True, text=True)
    sys.stderr.write(proc.stderr[-2000:])
    return proc.returncode, time.perf_counter() - t0


def check_whole(db: str) -> tuple[int, list[str]]:
    """(articles, problems): each article's rows and search entry must match its record."""
    import sqlalchemy as sa

    from kabar.store import open_store
    from kabar.store.write import fts_rowid

    store = open_store(db)
    problems = []
    with store.read() as conn:
        counts = {}
        for table in ("entities", "mentions", "quotes", "figures", "times", "events"):
            for aid, n in conn.execute(sa.text(f"SELECT article_id, count(*) FROM {table} GROUP BY article_id")):
                counts[(table, aid)] = n
        fts = set(conn.execute(sa.text("SELECT rowid FROM articles_fts")).scalars())
        rows = conn.execute(sa.text("SELECT id, record FROM articles")).all()
    for aid, blob in rows:
        record = json.loads(blob)
        want = {"entities": len(record["entities"]),
                "mentions": sum(len(e["mentions"]) for e in record["entities"]),
                **{t: len(record[t]) for t in ("quotes", "figures", "times", "events")}}
        for table, n in want.items():
            if counts.get((table, aid), 0) != n:
                problems.append(f"{aid}: {table} has {counts.get((table, aid), 0)} rows, record {n}")
        if fts_rowid(aid) not in fts:
            problems.append(f"{aid}: no search entry")
    store.dispose()
    return len(rows), problems


def count(db: str) -> int:
    import sqlite3

    try:
        with sqlite3.connect(db, timeout=30) as conn:
            return conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    except sqlite3.OperationalError:
        return 0


def children_of(pid: int) -> list[int]:
    out = subprocess.run(["ps", "-o", "pid=", "--ppid", str(pid)], capture_output=True, text=True).stdout
    return [int(p) for p in out.split()]


def kill_mid_ingest(src: str, db: str, workers: int, at: int) -> tuple[int, list[int]]:
    """Start an ingest, kill -9 it once ``at`` articles are stored; (stored then, its workers)."""
    proc = subprocess.Popen([*KABAR, "ingest", src, "--db", db, "--workers", str(workers)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    workers_seen: list[int] = []
    while proc.poll() is None and count(db) < at:
        workers_seen = children_of(proc.pid) or workers_seen
        time.sleep(0.2)
    if proc.poll() is not None:
        raise SystemExit("ingest finished before it could be killed; raise the article count")
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    deadline = time.time() + 5  # PR_SET_PDEATHSIG delivers the workers' SIGKILL asynchronously
    while time.time() < deadline and any(alive(p) for p in workers_seen):
        time.sleep(0.1)
    return count(db), [p for p in workers_seen if alive(p)]


def alive(pid: int) -> bool:
    """Running, not a zombie waiting for an init that may never reap it."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return stat.rsplit(")", 1)[1].split()[0] != "Z"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--db-dir", type=Path, default=None)
    ap.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--kill-at", type=int, default=400, help="kill once this many articles are stored")
    args = ap.parse_args()
    tmp = args.db_dir or Path(tempfile.mkdtemp(prefix="kabar-crash-"))
    tmp.mkdir(parents=True, exist_ok=True)
    items = load(args.shared / "data" / "news", 2000)
    ok = True

    src1, db1 = write_jsonl(tmp / "first1000.jsonl", items[:1000]), str(tmp / "twice.db")
    rc1, t1 = ingest(src1, db1, args.workers)
    rc2, t2 = ingest(src1, db1, args.workers)
    n, problems = check_whole(db1)
    print(f"twice: 1000 articles ingested twice -> {n} stored (exit {rc1}/{rc2}; "
          f"{t1:.1f}s first = {1000 / t1:.1f} art/s with {args.workers} workers, {t2:.1f}s rerun); "
          f"{len(problems)} incomplete")
    ok &= n == 1000 and not problems

    src2, db2 = write_jsonl(tmp / "all2000.jsonl", items), str(tmp / "crash.db")
    stored, orphans = kill_mid_ingest(src2, db2, args.workers, args.kill_at)
    n_mid, problems_mid = check_whole(db2)
    print(f"kill -9: killed with {stored} stored; {n_mid} articles, {len(problems_mid)} incomplete; "
          f"{len(orphans)} workers outlived the parent")
    rc3, t3 = ingest(src2, db2, args.workers)
    n_end, problems_end = check_whole(db2)
    print(f"rerun: {n_end} articles stored (exit {rc3}, {t3:.1f}s), {len(problems_end)} incomplete")
    for p in (problems + problems_mid + problems_end)[:10]:
        print("  ", p)
    ok &= not problems_mid and not orphans and n_end == 2000 and not problems_end
    print("PASS" if ok else "FAIL", f"(stores in {tmp})")
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
