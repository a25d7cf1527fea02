#!/usr/bin/env python3
"""One digest per article of the kabar/1 records over ../shared/data/news, to prove a change output-neutral.

    python bench/fingerprint.py -o /tmp/before.tsv            # before the change
    python bench/fingerprint.py -o /tmp/after.tsv --diff /tmp/before.tsv

Speed work should not change what Kabar finds; this runs the same path as
``kabar extract`` (batches through ``analyze_items``) and writes
``name<TAB>sha1`` per article. With ``--diff`` it lists the articles whose
record changed (and which fields) and exits 1 if any did.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))
from throughput import load_inputs  # noqa: E402

from kabar.document import RECORD_FIELDS  # noqa: E402

FIELDS = RECORD_FIELDS[1:]


def digest(obj) -> str:
    return hashlib.sha1(json.dumps(obj, sort_keys=True, ensure_ascii=False).encode()).hexdigest()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("-o", "--out", type=Path, required=True, help="write name<TAB>digest<TAB>field digests here")
    ap.add_argument("--diff", type=Path, default=None, help="compare with an earlier output")
    args = ap.parse_args()

    from kabar.batch.local import analyze_items
    from kabar.ingest import Item

    items = load_inputs(args.shared / "data" / "news", args.limit)
    rows = {}
    for outcome in analyze_items(Item(name, obj) for name, obj in items):
        if outcome.doc is None:
            rows[outcome.item.name] = ("error:" + str(outcome.error)[:60], {})
            continue
        record = outcome.doc.to_dict()
        fields = {f: digest(record.get(f))[:10] for f in FIELDS}
        rows[outcome.item.name] = (digest(record), fields)
    with open(args.out, "w", encoding="utf-8") as out:
        for name, (d, fields) in rows.items():
            out.write(f"{name}\t{d}\t{json.dumps(fields, sort_keys=True)}\n")
    print(f"{len(rows)} records -> {args.out}")
    if args.diff:
        before = {}
        for line in open(args.diff, encoding="utf-8"):
            name, d, fields = line.rstrip("\n").split("\t")
            before[name] = (d, json.loads(fields))
        changed = [n for n in rows if n not in before or before[n][0] != rows[n][0]]
        missing = [n for n in before if n not in rows] if args.limit is None else []
        for n in changed[:30]:
            old = before.get(n, ("", {}))[1]
            which = [f for f in FIELDS if old.get(f) != rows[n][1].get(f)]
            print(f"  changed {n}: {', '.join(which)}")
        print(f"{len(changed)} changed, {len(missing)} missing")
        raise SystemExit(1 if changed or missing else 0)


if __name__ == "__main__":
    main()
