"""Dev-split F1 per corpus, measured by the shared scorer (score.py conll)."""
from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

from ..ner.conll import read_conll, write_conll


def score_corpus(tagger, gold: Path, scorer: Path) -> dict:
    sents = [words for words, _ in read_conll(gold)]
    with tempfile.NamedTemporaryFile("w", suffix=".tsv", encoding="utf-8", delete=False) as f:
        write_conll(f, sents, tagger.tag(sents))
        pred = Path(f.name)
    try:
        res = subprocess.run([sys.executable, str(scorer), "conll", str(gold), str(pred), "--json"],
                             check=True, capture_output=True, text=True)
    finally:
        pred.unlink()
    return json.loads(res.stdout)


def evaluate_dev(tagger, shared: Path, corpora: list[str], split: str = "dev") -> dict:
    """{corpus: {"f1", "precision", "recall", "by_type"}} on each corpus' dev split."""
    scorer = shared / "eval" / "score.py"
    out = {}
    for name in corpora:
        r = score_corpus(tagger, shared / "data" / "ner" / name / f"{split}.tsv", scorer)
        out[name] = {**r["overall"], "by_type": {k: v["f1"] for k, v in r["by_type"].items()}}
    return out
