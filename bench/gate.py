#!/usr/bin/env python3
"""Quality gate: the scorer's numbers on the dev gold against bench/floors.json.

    python bench/gate.py [--shared ../shared]

Exits 1 naming every number below its floor (or above a `_max` ceiling).
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
from score_dev import run  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    args = ap.parse_args()
    floors = json.loads((ROOT / "bench" / "floors.json").read_text())
    scores = json.loads(run(args.shared / "data/dev-gold/dev.gold.jsonl", args.shared, True))
    failed = False
    for key, floor in floors.items():
        if key.startswith("_"):
            continue
        ceiling = key.endswith("_max")
        part, metric = key.removesuffix("_max").split(".")
        value = scores[part][metric]
        ok = value is not None and (value <= floor if ceiling else value >= floor)
        failed |= not ok
        print(f"{'ok  ' if ok else 'FAIL'} {part}.{metric} = {value} ({'<=' if ceiling else '>='} {floor})")
    raise SystemExit(1 if failed else 0)


if __name__ == "__main__":
    main()
