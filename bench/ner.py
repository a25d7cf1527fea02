#!/usr/bin/env python3
"""NER benchmark: dev F1 per corpus (shared scorer), tokens/s on one core, model size.

    python bench/ner.py [--shared ../shared] [--model DIR] [--json]

* F1: each ``data/ner/*/dev.tsv`` is tagged and scored with
  ``score.py conll`` (exact-span F1).
* news: the dev-gold articles run through the pipeline's own cleaning and
  sentence stages, every tagged span becomes an entity (no grouping beyond
  identical names), and ``score.py docs`` scores the entities layer: a proxy
  for the tagger on news outside the NER corpora.
* speed: the NER step alone (features + CRF), model loaded, pinned to one
  core; "cold" is the first pass over text whose words the per-word feature
  cache has not seen, "warm" a second pass over the same text. Timed in
  process CPU seconds, so other jobs sharing the core do not skew it.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPORA = ["nerui", "idner-news-2k", "nergrit", "nerugm", "nerp"]


def pin_one_core() -> None:
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})


def dev_f1(tagger, shared: Path) -> dict:
    from kabar.train.evaluate import evaluate_dev

    return evaluate_dev(tagger, shared, CORPORA)


def speed(tagger_cls, model: Path, shared: Path) -> dict:
    from kabar.ner.conll import read_conll

    sents = [w for c in CORPORA for w, _ in read_conll(shared / "data/ner" / c / "dev.tsv")]
    n = sum(map(len, sents))
    tagger = tagger_cls(model)  # fresh: empty feature cache
    out = {"tokens": n}
    for run in ("cold", "warm"):
        t0 = time.process_time()
        tagger.tag(sents)
        out[f"{run}_tokens_per_s"] = round(n / (time.process_time() - t0))
    return out


def news_entities(tagger, shared: Path) -> dict:
    """Entities-layer scores on the dev gold with NER spans as the only entities."""
    from kabar.document import Document
    from kabar.pipeline import run
    from kabar.stages import clean, sentences

    gold = shared / "data/dev-gold/dev.gold.jsonl"
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", encoding="utf-8", delete=False) as f:
        for line in open(gold, encoding="utf-8"):
            item = json.loads(line)["input"]
            doc = run(Document(text="", raw=item["text"], id=item.get("id")), [clean, sentences])
            doc.entities = ner_entities(tagger, doc)
            f.write(json.dumps(doc.to_dict(), ensure_ascii=False) + "\n")
        pred = Path(f.name)
    try:
        res = subprocess.run([sys.executable, str(shared / "eval/score.py"), "docs", str(gold), str(pred), "--json"],
                             check=True, capture_output=True, text=True)
    finally:
        pred.unlink()
    return json.loads(res.stdout)["entities"]


def ner_entities(tagger, doc) -> list[dict]:
    text, toks = doc.text, doc.tokens
    sents = [[t for t in toks if a <= t[0] < b] for a, b in doc.sentences]
    sents = [s for s in sents if s]
    tags = tagger.tag([[text[a:b] for a, b in s] for s in sents])
    found: dict[tuple[str, str], list] = {}
    for s, ts in zip(sents, tags):
        start = kind = None
        for i, t in enumerate(ts + ["O"]):
            if start is not None and not (t.startswith("I-") and t[2:] == kind):
                a, b = s[start][0], s[i - 1][1]
                found.setdefault((kind, text[a:b]), []).append([a, b])
                start = None
            if t.startswith("B-"):
                start, kind = i, t[2:]
    return [{"id": f"e{n}", "name": name, "type": kind, "mentions": spans}
            for n, ((kind, name), spans) in enumerate(found.items(), 1)]


def model_size(model: Path) -> int:
    return sum(p.stat().st_size for p in model.iterdir() if p.is_file())


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--model", type=Path, default=None, help="model directory (default: the packaged one)")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    pin_one_core()
    from kabar.ner import MODEL_DIR, Tagger

    model = args.model or MODEL_DIR
    tagger = Tagger(model)
    result = {"model": str(model), "size_bytes": model_size(model),
              "speed": speed(Tagger, model, args.shared),
              "dev_f1": {k: v["f1"] for k, v in dev_f1(tagger, args.shared).items()},
              "news_dev_gold_entities": news_entities(tagger, args.shared)}
    if args.json:
        print(json.dumps(result, indent=2))
        return
    print(f"model: {result['model']} ({result['size_bytes'] / 1e6:.1f} MB)")
    for name, f1 in result["dev_f1"].items():
        print(f"dev F1 {name:14s} {f1:.4f}")
    print(f"dev gold entities (NER spans only): {json.dumps(result['news_dev_gold_entities'])}")
    sp = result["speed"]
    print(f"speed (1 core, {sp['tokens']} tokens): cold {sp['cold_tokens_per_s']} tokens/s, "
          f"warm {sp['warm_tokens_per_s']} tokens/s")


if __name__ == "__main__":
    main()
