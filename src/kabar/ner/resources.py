"""Word clusters and gazetteers that sit beside the CRF model.

``clusters.tsv``: word<TAB>id1<TAB>id2... (lower-cased word, one cluster id
per granularity), learnt from unannotated news by ``kabar.train.clusters``.
``gazetteer.tsv``: word<TAB>label,label... (lower-cased word -> gazetteer
labels), compiled at training time from ``lang/id/gaz_*.txt``.
Both are optional: a model trained without them simply lacks the features.
"""
from __future__ import annotations

from pathlib import Path


def _read_tsv(path: Path):
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            yield line.rstrip("\n").split("\t")


def load_clusters(model_dir: Path) -> dict[str, tuple[str, ...]]:
    path = model_dir / "clusters.tsv"
    if not path.is_file():
        return {}
    return {row[0]: tuple(row[1:]) for row in _read_tsv(path)}


def load_gazetteers(model_dir: Path) -> dict[str, tuple[str, ...]]:
    path = model_dir / "gazetteer.tsv"
    if not path.is_file():
        return {}
    return {row[0]: tuple(row[1].split(",")) for row in _read_tsv(path)}
