#!/usr/bin/env python3
"""Run Kabar on the dev gold (and the reference article) and print the scorer's numbers.

    python bench/score_dev.py [--shared ../shared] [--json]
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def run(gold: Path, shared: Path, as_json: bool) -> str:
    with tempfile.TemporaryDirectory() as tmp:
        inp, out = Path(tmp) / "in.jsonl", Path(tmp) / "out.jsonl"
        with open(inp, "w", encoding="utf-8") as f:
            for line in open(gold, encoding="utf-8"):
                if line.strip():
                    f.write(json.dumps(json.loads(line)["input"], ensure_ascii=False) + "\n")
        subprocess.run([sys.executable, "-m", "kabar", "extract", str(inp), "-o", str(out)], check=True)
        cmd = [sys.executable, str(shared / "eval" / "score.py"), "docs", str(gold), str(out)]
        return subprocess.run(cmd + (["--json"] if as_json else []), check=True,
                              capture_output=True, text=True).stdout


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    for name, gold in (("reference article", args.shared / "data/examples/cnnindonesia-qaani-letter.gold.jsonl"),
                       ("dev gold", args.shared / "data/dev-gold/dev.gold.jsonl")):
        print(f"== {name} ({gold.name})")
        print(run(gold, args.shared, args.json), end="")


if __name__ == "__main__":
    main()
