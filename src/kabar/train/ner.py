"""Train the Indonesian NER CRF from the shared corpora into models/ner-id.

    .venv/bin/python -m kabar.train.ner --shared ../shared [--config ner.toml] [--out DIR]

Deterministic: fixed seeds, sorted inputs, and crfsuite's L-BFGS is
deterministic for the same feature order. Writes ``model.crfsuite``,
``clusters.tsv`` / ``gazetteer.tsv`` (when enabled), the filled
``config.toml`` and ``metrics.json`` (dev F1 per corpus) into the output
directory.
"""
from __future__ import annotations

import argparse
import json
import random
import sys
import time
import tomllib
from pathlib import Path

from ..ner.features import Featurizer
from ..ner.resources import load_clusters, load_gazetteer
from ..ner.tagger import MODEL_DIR, MODEL_FILE, Tagger
from ..ner.conll import read_conll
from .evaluate import evaluate_dev

CONFIG = Path(__file__).with_name("ner.toml")


def load_config(path: Path) -> dict:
    with open(path, "rb") as f:
        return tomllib.load(f)


def training_examples(shared: Path, cfg: dict) -> list[tuple[list[str], list[str], str]]:
    """(words, tags, corpus name) of every training sentence, after rebalancing."""
    data = []
    sample = cfg["data"].get("sample", {})
    repeat = cfg["data"].get("repeat", {})
    drop = set(cfg["data"].get("drop_unannotated", []))
    for name in cfg["data"]["corpora"]:
        sents = read_conll(shared / "data" / "ner" / name / "train.tsv")
        # Rebalancing: the all-lower-case NERP is half of all sentences, so a
        # share of a corpus (fixed seed, original order) or repeats of one.
        if name in sample:
            rng = random.Random(f"{cfg['data'].get('seed', 13)}:{name}")
            keep = sorted(rng.sample(range(len(sents)), int(len(sents) * sample[name])))
            sents = [sents[i] for i in keep]
        if name in drop:
            sents = [s for s in sents if not looks_unannotated(*s)]
        times = float(repeat.get(name, 1))
        whole = int(times)
        extra = []
        if times > whole:  # repeat = 1.5: every sentence once, half of them (fixed seed) twice
            rng = random.Random(f"{cfg['data'].get('seed', 13)}:{name}:repeat")
            extra = [sents[i] for i in sorted(rng.sample(range(len(sents)), int(len(sents) * (times - whole))))]
        data.extend((words, tags, name) for words, tags in sents * whole + extra)
    share = cfg["data"].get("lowercase_copies", 0.0)
    if share:
        rng = random.Random(cfg["data"].get("seed", 13))
        cased = [s for s in data if any(c.isupper() for w in s[0] for c in w)]
        picked = rng.sample(cased, int(len(cased) * share))
        data.extend(([w.lower() for w in words], tags, name) for words, tags, name in picked)
    return data


def looks_unannotated(words: list[str], tags: list[str]) -> bool:
    """No entity tagged although two or more capitalised words stand mid-sentence."""
    if any(t != "O" for t in tags):
        return False
    return sum(1 for w in words[1:] if w[:1].isupper() and w.isalpha()) >= 2


def training_sentences(shared: Path, cfg: dict) -> list[tuple[list[str], list[str]]]:
    return [(words, tags) for words, tags, _ in training_examples(shared, cfg)]


def feature_kind(feature: str) -> str:
    """What a feature string is, without its value: "w=kota" -> "w", "-1c2=17" -> "-1c2", "BOS" -> "BOS"."""
    return feature.split("=", 1)[0]


def domain_copier(dcfg: dict):
    """Frustratingly easy domain adaptation (Daume III 2007), training side only.

    Returns ``copy(features, corpus)`` that adds, besides each token's normal
    features, a copy of (some of) them prefixed with the corpus name, e.g.
    ``D=nerp:w=kota``. The tagger never generates the prefixed copies, so at
    inference only the shared weights count, while the prefixed ones absorb
    what is peculiar to one corpus' annotation. ``features = "all"`` copies
    every feature, a list copies only those kinds (see ``feature_kind``).
    ``scale`` (< 1) is the value of the copies: a copy then needs a larger
    weight for the same effect, so the regulariser prefers the shared
    weights and the copies take only what the corpora disagree on; at 1, a
    feature seen in one corpus only (the lower-case ``lc`` cues of NERP)
    splits its weight between shared and copy and the shared model loses it.
    Returns None when ``[domain]`` is off.
    """
    if not dcfg.get("enabled"):
        return None
    kinds = dcfg.get("features", "all")
    only = set(dcfg.get("corpora", [])) or None
    scale = float(dcfg.get("scale", 1.0))
    every = kinds == "all"
    kinds = frozenset() if every else frozenset(kinds)

    def item(f: list[str], tag: str):
        extra = [tag + x for x in f if every or feature_kind(x) in kinds]
        if scale == 1.0:
            return f + extra
        d: dict[str, float] = {}
        for x in f:  # a repeated feature counts twice, as in a plain list
            d[x] = d.get(x, 0.0) + 1.0
        for x in extra:
            d[x] = d.get(x, 0.0) + scale
        return d

    def copy(sentence: list[list[str]], corpus: str):
        if only is not None and corpus not in only:
            return sentence
        tag = f"D={corpus}:"
        return [item(f, tag) for f in sentence]

    return copy


def build_resources(shared: Path, cfg: dict, out: Path) -> None:
    """Write clusters.tsv and gazetteer.tsv into ``out`` when the config asks."""
    if cfg.get("clusters", {}).get("enabled"):
        from .clusters import build_clusters

        ccfg = {"ner_train": cfg["data"]["corpora"], **cfg["clusters"]}
        build_clusters(shared, ccfg, out / "clusters.tsv")
    if cfg.get("gazetteers", {}).get("enabled"):
        from .gazetteer import build_gazetteer

        build_gazetteer(cfg["gazetteers"], out / "gazetteer.tsv")


def train(shared: Path, cfg: dict, out: Path) -> dict:
    """Build the resources the config asks for, then fit and evaluate."""
    out.mkdir(parents=True, exist_ok=True)
    write_config(cfg, out)
    for stale in ("clusters.tsv", "gazetteer.tsv"):
        (out / stale).unlink(missing_ok=True)
    t0 = time.time()
    build_resources(shared, cfg, out)
    return fit(shared, cfg, out, resources_seconds=time.time() - t0)


def _toml_key(k: str) -> str:
    return json.dumps(k) if not k.replace("_", "").isalnum() else k


def _toml_value(v) -> str:
    if isinstance(v, dict):
        return "{ " + ", ".join(f"{json.dumps(k)} = {_toml_value(x)}" for k, x in v.items()) + " }"
    if isinstance(v, list):
        return "[" + ", ".join(_toml_value(x) for x in v) + "]"
    return json.dumps(v)


def write_config(cfg: dict, out: Path) -> None:
    """The filled config beside the model; the tagger reads its [features] table."""
    lines = ["# Filled training config of this model (written by kabar.train.ner)."]
    for section, table in cfg.items():
        lines.append(f"\n[{section}]")
        lines.extend(f"{_toml_key(k)} = {_toml_value(v)}" for k, v in table.items())
    (out / "config.toml").write_text("\n".join(lines) + "\n", encoding="utf-8")


def fit(shared: Path, cfg: dict, out: Path, resources_seconds: float = 0.0) -> dict:
    """Train the CRF on the resources already in ``out``; write model and metrics."""
    import pycrfsuite

    feats = Featurizer(load_clusters(out), load_gazetteer(out), **cfg.get("features", {}))
    trainer = pycrfsuite.Trainer(algorithm=cfg["crf"].get("algorithm", "lbfgs"), verbose=False)
    params = {k: v for k, v in cfg["crf"].items() if k != "algorithm"}
    trainer.set_params(params)
    data = training_examples(shared, cfg)
    copy = domain_copier(cfg.get("domain", {}))
    for words, tags, corpus in data:
        xseq = feats.sentence(words)
        trainer.append(copy(xseq, corpus) if copy else xseq, tags)
    print(f"train: {len(data)} sentences, {sum(len(w) for w, _, _ in data)} tokens", file=sys.stderr)
    t1 = time.time()
    trainer.train(str(out / MODEL_FILE))
    t2 = time.time()
    metrics = {
        "train_seconds": round(t2 - t1, 1),
        "resources_seconds": round(resources_seconds, 1),
        "train_sentences": len(data),
        "dev": evaluate_dev(Tagger(out), shared, cfg["data"]["corpora"]),
    }
    with open(out / "metrics.json", "w", encoding="utf-8") as f:
        json.dump(metrics, f, indent=2)
        f.write("\n")
    return metrics


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(prog="python -m kabar.train.ner", description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, required=True, help="the shared/ folder (data/ner, data/news, eval)")
    ap.add_argument("--config", type=Path, default=CONFIG)
    ap.add_argument("--out", type=Path, default=MODEL_DIR)
    args = ap.parse_args(argv)
    cfg = load_config(args.config)
    metrics = train(args.shared, cfg, args.out)
    print(json.dumps(metrics, indent=2))


if __name__ == "__main__":
    main()
