"""Word clusters and gazetteers that sit beside the CRF model.

``clusters.tsv``: word<TAB>id1<TAB>id2... (lower-cased word, one cluster id
per granularity), learnt from unannotated news by ``kabar.train.clusters``.
``gazetteer.tsv``: phrase<TAB>label (lower-cased, space-separated tokens),
compiled at training time from ``lang/id`` lists by ``kabar.train.gazetteer``
and frozen beside the model, so later edits to those lists cannot silently
change what the trained weights see.
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


def load_gazetteer(model_dir: Path) -> dict[str, list[tuple[tuple[str, ...], str]]]:
    """First word -> [(phrase tokens, label)], longest phrases first."""
    path = model_dir / "gazetteer.tsv"
    if not path.is_file():
        return {}
    out: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for phrase, label in _read_tsv(path):
        toks = tuple(phrase.split(" "))
        out.setdefault(toks[0], []).append((toks, label))
    for entries in out.values():
        entries.sort(key=lambda e: (-len(e[0]), e))
    return out


def feature_options(model_dir: Path) -> dict:
    """The ``[features]`` table of the model's training config (feature switches)."""
    path = model_dir / "config.toml"
    if not path.is_file():
        return {}
    import tomllib

    with open(path, "rb") as f:
        return dict(tomllib.load(f).get("features", {}))
