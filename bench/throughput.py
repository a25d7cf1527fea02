#!/usr/bin/env python3
"""Articles/s and peak memory of the whole pipeline over ../shared/data/news, in one process.

Also checks the span invariant (``text[start:end]`` equals each span's text)
on every record, and that no article crashes the run.

    python bench/throughput.py [--shared ../shared] [--limit N] [--core 0] [--stages clean,sentences,...]
    python bench/throughput.py --repeat 5      # five cold runs, each in its own process

Start-up (imports, loading models and language data) is excluded: one
article is analysed before the clock starts. Time per stage is reported so
a regression can be traced to its stage.

On a shared or virtual machine the same run can vary by a fifth between
minutes; ``--repeat`` runs the whole bench N times, each in a fresh process
(so no run starts with another's caches), and prints every run, the median
and the best: noise only ever adds time.
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def load_inputs(news: Path, limit: int | None) -> list[tuple[str, dict]]:
    items = []
    for path in sorted(news.glob("*.jsonl")):
        for n, line in enumerate(open(path, encoding="utf-8"), 1):
            if line.strip():
                items.append((f"{path.name}:{n}", json.loads(line)))
    return items[:limit] if limit else items


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--core", type=int, default=0, help="pin to this CPU core (-1: don't pin)")
    ap.add_argument("--stages", default=None,
                    help="run only these stages, comma-separated (e.g. issue 2's clean,sentences,figures,times)")
    ap.add_argument("--repeat", type=int, default=1, help="run the bench N times, each in a fresh process")
    args = ap.parse_args()
    if args.repeat > 1:
        repeat(args)
        return
    if args.core >= 0 and hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {args.core})
    os.environ.setdefault("OMP_NUM_THREADS", "1")

    from kabar import pipeline
    from kabar.document import check_spans
    from kabar.batch.local import analyze_items
    from kabar.ingest import Item, to_document

    items = load_inputs(args.shared / "data" / "news", args.limit)
    if args.stages:
        wanted = args.stages.split(",")
        pipeline.STAGES[:] = [s for s in pipeline.STAGES if pipeline.stage_name(s) in wanted]
    to_document({"text": "Presiden Joko Widodo tiba di Jakarta, Senin (3/2)."})  # warm-up: load models

    stage_time: dict[str, float] = defaultdict(float)
    timed_fns = []
    for stage in pipeline.STAGES:
        def timed(fn, _name=pipeline.stage_name(stage)):
            def run(doc_or_docs):
                t = time.process_time()
                out = fn(doc_or_docs)
                stage_time[_name] += time.process_time() - t
                return out
            return run
        for attr in ("run", "run_many"):
            if hasattr(stage, attr):
                timed_fns.append((stage, attr, getattr(stage, attr)))
                setattr(stage, attr, timed(getattr(stage, attr)))

    done = skipped = span_errors = chars = 0
    failures = []
    t0, cpu0 = time.perf_counter(), time.process_time()
    # the path `kabar extract` takes: batches of articles through the stages
    for outcome in analyze_items(Item(name, obj) for name, obj in items):
        name = outcome.item.name
        if outcome.error:
            if outcome.crashed:  # a crash is what this bench exists to find
                failures.append(f"{name}: {outcome.error}")
            else:
                skipped += 1
            continue
        record = outcome.doc.to_dict()
        try:
            check_spans(record)
        except ValueError as exc:
            span_errors += 1
            failures.append(f"{name}: {exc}")
        done += 1
        chars += len(record["text"])
    elapsed = time.perf_counter() - t0
    cpu = time.process_time() - cpu0
    for stage, attr, fn in timed_fns:
        setattr(stage, attr, fn)

    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"articles: {done} analysed, {skipped} skipped as bad input, {len(failures)} failures "
          f"({span_errors} span errors)")
    print(f"throughput: {done / elapsed:.1f} articles/s ({chars / elapsed / 1000:.0f} kchars/s) "
          f"over {elapsed:.1f} s on one core")
    # CPU time too: on a shared machine wall time measures the neighbours as well.
    print(f"cpu-bound rate: {done / cpu:.1f} articles/s ({1000 * cpu / max(done, 1):.2f} ms CPU per article)")
    print(f"peak memory: {peak_mb:.0f} MB (max RSS)")
    total = sum(stage_time.values()) or 1
    for name, t in sorted(stage_time.items(), key=lambda kv: -kv[1]):
        print(f"  {name:<10} {1000 * t / max(done, 1):6.2f} ms CPU/article  {100 * t / total:5.1f}%")
    for line in failures[:20]:
        print("  FAIL", line)
    raise SystemExit(1 if failures else 0)


def repeat(args) -> None:
    import re
    import statistics
    import subprocess
    import sys

    argv = [sys.executable, __file__, "--shared", str(args.shared), "--core", str(args.core)]
    if args.limit:
        argv += ["--limit", str(args.limit)]
    if args.stages:
        argv += ["--stages", args.stages]
    rates, failed = [], False
    for n in range(1, args.repeat + 1):
        run = subprocess.run(argv, capture_output=True, text=True)
        failed |= run.returncode != 0
        line = next((x for x in run.stdout.splitlines() if x.startswith("cpu-bound rate")), "")
        peak = next((x for x in run.stdout.splitlines() if x.startswith("peak memory")), "")
        m = re.search(r"([\d.]+) articles/s \(([\d.]+) ms", line)
        if m:
            rates.append((float(m.group(1)), float(m.group(2))))
        print(f"run {n}: {line.removeprefix('cpu-bound rate: ') or run.stderr[-300:]}; {peak}")
    if rates:
        med = statistics.median(r for r, _ in rates)
        best = max(rates)
        print(f"median {med:.1f} articles/s ({1000 / med:.2f} ms CPU per article); "
              f"best {best[0]:.1f} articles/s ({best[1]:.2f} ms); worst {min(rates)[0]:.1f}")
    raise SystemExit(1 if failed else 0)


if __name__ == "__main__":
    main()
