#!/usr/bin/env python3
"""Page latency of ``kabar serve`` with 10 concurrent clients on a 10,000-article store.

    python bench/web_latency.py [--db DIR/latency.db] [--seed STORE] [--articles 10000]
                                [--clients 10] [--requests 1500] [--server-workers 1]

The store is filled once and reused: real records (from ``--seed``, a store
made by ``bench/ingest_crash.py``, else by ingesting ``shared/data/news``)
plus variants of them (same record, new id, published shifted by whole
weeks) up to ``--articles``. Then a real server on a loopback port gets a
mix of pages (search with and without filters, articles, entities, claims,
events, the JSON API) from ``--clients`` threads. Target: p95 < 200 ms.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import statistics
import subprocess
import sys
import threading
import time
import urllib.parse
import urllib.request
from pathlib import Path

import sqlalchemy as sa

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kabar.store import open_store  # noqa: E402
from kabar.store.write import write_record  # noqa: E402


def seed_records(seed: str | None, shared: Path, limit: int = 2000):
    """Real kabar/1 records: from a seed store, else by analysing news articles."""
    if seed:
        store = open_store(seed)
        with store.read() as conn:
            rows = conn.execute(sa.text("SELECT record, raw FROM articles LIMIT :n"), {"n": limit}).all()
        return [(json.loads(r), raw) for r, raw in rows]
    from kabar.batch.parallel import ingest
    from kabar.ingest import read_inputs

    tmp = open_store(str(Path(os.environ.get("TMPDIR", "/tmp")) / f"kabar-seed-{os.getpid()}.db"))

    paths = sorted(str(p) for p in (shared / "data" / "news").glob("*.jsonl"))
    items = (it for n, it in enumerate(read_inputs(paths)) if n < limit)
    ingest(items, tmp, workers=os.cpu_count() or 1)
    with tmp.read() as conn:
        return [(json.loads(r), raw) for r, raw in conn.execute(sa.text("SELECT record, raw FROM articles"))]


def variant(record: dict, k: int) -> dict:
    out = dict(record, id=f"{record['id']}~v{k}")
    if record.get("published"):
        day = dt.date.fromisoformat(record["published"][:10]) + dt.timedelta(weeks=k)
        out["published"] = day.isoformat() + record["published"][10:]
    return out


def fill(db: str, target: int, seed: str | None, shared: Path) -> int:
    store = open_store(db)
    have = store.count()
    if have < target:
        base = seed_records(seed, shared)
        print(f"filling {db}: {have} -> {target} articles from {len(base)} real records", file=sys.stderr)
        todo = [(variant(rec, k) if k else rec, raw)
                for k in range(target // len(base) + 2) for rec, raw in base][:target]
        for i in range(have, target, 200):
            with store.engine.begin() as conn:  # batches of 200: filling is setup, not the bench
                for rec, raw in todo[i:i + 200]:
                    write_record(conn, rec, raw=raw)
    n = store.count()
    store.dispose()
    return n


def urls(db: str, rng: random.Random, per_kind: int = 50) -> list[tuple[str, str]]:
    """(kind, path) requests drawn from what the store holds, ``per_kind`` of each kind."""
    store = open_store(db)
    with store.read() as conn:
        ids = conn.execute(sa.text("SELECT id FROM articles ORDER BY random() LIMIT 300")).scalars().all()
        titles = conn.execute(sa.text("SELECT title FROM articles WHERE title IS NOT NULL "
                                      "ORDER BY random() LIMIT 300")).scalars().all()
        ents = conn.execute(sa.text("SELECT entity_id FROM entities ORDER BY random() LIMIT 300")).scalars().all()
        top = conn.execute(sa.text("SELECT entity_id FROM entities GROUP BY entity_id "
                                   "ORDER BY count(*) DESC LIMIT 20")).scalars().all()
        sources = conn.execute(sa.text("SELECT DISTINCT source FROM articles")).scalars().all()
    store.dispose()
    words = [w for t in titles for w in t.split() if len(w) > 4 and w.isalpha()] or ["Jakarta"]
    q = lambda: urllib.parse.quote(rng.choice(words))  # noqa: E731
    makers = [
        ("home", lambda: "/"),
        ("search", lambda: f"/search?q={q()}"),
        ("search+filters", lambda: f"/search?q={q()}&source={urllib.parse.quote(rng.choice(sources) or '')}"
                                   f"&from=2010&to=2030-12"),
        ("article", lambda: f"/articles/{urllib.parse.quote(rng.choice(ids))}"),
        ("entity", lambda: f"/entities/{rng.choice(ents)}"),
        ("entity-top", lambda: f"/entities/{rng.choice(top)}"),
        ("claims", lambda: "/claims"),
        ("events", lambda: "/events"),
        ("api-search", lambda: f"/api/articles?q={q()}&limit=20"),
        ("api-article", lambda: f"/api/articles/{urllib.parse.quote(rng.choice(ids))}"),
    ]
    return [(kind, make()) for kind, make in makers for _ in range(per_kind)]


def start_server(db: str, port: int, workers: int) -> subprocess.Popen:
    proc = subprocess.Popen([sys.executable, "-m", "kabar", "serve", "--db", db, "--port", str(port),
                             "--workers", str(workers)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    for _ in range(300):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/api/articles?limit=1", timeout=2)
            return proc
        except OSError:
            time.sleep(0.1)
    proc.kill()
    raise SystemExit("server did not start")


def run_clients(base: str, pool: list[tuple[str, str]], clients: int, requests: int) -> list[tuple[str, float, int]]:
    results: list[tuple[str, float, int]] = []
    lock = threading.Lock()

    def client(n: int) -> None:
        rng = random.Random(n)
        for _ in range(requests // clients):
            kind, path = rng.choice(pool)
            t0 = time.perf_counter()
            try:
                with urllib.request.urlopen(base + path, timeout=30) as resp:
                    resp.read()
                    status = resp.status
            except urllib.error.HTTPError as exc:
                status = exc.code
            with lock:
                results.append((kind, time.perf_counter() - t0, status))

    threads = [threading.Thread(target=client, args=(n,)) for n in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return results


def p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20)[-1] if len(values) > 1 else values[0]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--db", default="/tmp/kabar-latency/latency.db")
    ap.add_argument("--seed", default=None, help="a store whose records seed the fill")
    ap.add_argument("--articles", type=int, default=10000)
    ap.add_argument("--clients", type=int, default=10)
    ap.add_argument("--requests", type=int, default=1500)
    ap.add_argument("--port", type=int, default=8731)
    ap.add_argument("--server-workers", type=int, default=1, help="kabar serve --workers")
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    args = ap.parse_args()
    Path(args.db).parent.mkdir(parents=True, exist_ok=True)
    n = fill(args.db, args.articles, args.seed, args.shared)
    server = start_server(args.db, args.port, args.server_workers)
    try:
        base = f"http://127.0.0.1:{args.port}"
        pool = urls(args.db, random.Random(7))
        run_clients(base, pool, 2, 40)  # warm caches and the connection pool
        t0 = time.perf_counter()
        results = run_clients(base, pool, args.clients, args.requests)
        wall = time.perf_counter() - t0
    finally:
        server.terminate()
        server.wait(timeout=10)
    print(f"{n} articles, {args.server_workers} server process(es), {args.clients} clients, {len(results)} requests in {wall:.1f}s "
          f"({len(results) / wall:.0f} req/s)")
    for kind in sorted({k for k, _, _ in results}):
        lat = [t for k, t, _ in results if k == kind]
        print(f"  {kind:15s} n={len(lat):4d} p50={1000 * statistics.median(lat):6.1f} ms "
              f"p95={1000 * p95(lat):6.1f} ms max={1000 * max(lat):6.1f} ms")
    lat = [t for _, t, _ in results]
    bad = sum(1 for _, _, s in results if s != 200)
    overall = 1000 * p95(lat)
    print(f"overall p95 {overall:.1f} ms (target < 200 ms); {bad} non-200 responses")
    print("PASS" if overall < 200 and not bad else "FAIL")


if __name__ == "__main__":
    main()
