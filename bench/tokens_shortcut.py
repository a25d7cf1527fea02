#!/usr/bin/env python3
"""Check the tokenizer's shortcut against spaCy on every chunk of ../shared/data/news.

    python bench/tokens_shortcut.py [--shared ../shared]

``kabar.stages.sentences`` skips spaCy for chunks whose tokens it is sure of
(plain words, wrapped words, numbers). This runs spaCy on every distinct
whitespace-separated chunk of the news corpora where the shortcut answers and
prints the chunks where the two disagree; it exits 1 if any do.
"""
from __future__ import annotations

import argparse
import json
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    args = ap.parse_args()

    from spacy.attrs import IDX, LENGTH

    from kabar.stages.sentences import _spans_without_spacy, tokenizer

    chunks: set[str] = set()
    for path in sorted((args.shared / "data" / "news").glob("*.jsonl")):
        for line in open(path, encoding="utf-8"):
            if line.strip():
                chunks.update(json.loads(line).get("text", "").split())
    tok, answered, wrong = tokenizer(), 0, []
    for w in sorted(chunks):
        fast = _spans_without_spacy(w)
        if fast is None:
            continue
        answered += 1
        ref = [(a, a + n) for a, n in tok(w).to_array([IDX, LENGTH]).tolist()]
        if ref != fast:
            wrong.append((w, ref, fast))
    print(f"{len(chunks)} chunks; the shortcut answers {answered} ({100 * answered / max(len(chunks), 1):.1f}%); "
          f"{len(wrong)} differ from spaCy")
    for w, ref, fast in wrong[:20]:
        print(f"  {w!r}: spaCy {ref}, shortcut {fast}")
    raise SystemExit(1 if wrong else 0)


if __name__ == "__main__":
    main()
