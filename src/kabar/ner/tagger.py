"""Load the committed CRF model once and tag tokenised sentences with BIO tags."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import numpy as np

from .decode import CrfWeights, Decoder, valid_bio
from .features import Featurizer
from .resources import feature_options, load_clusters, load_gazetteer

MODEL_DIR = Path(__file__).resolve().parent.parent / "models" / "ner-id"
MODEL_FILE = "model.crfsuite"
# Per-word feature caches are bounded so a long-running process cannot grow
# without limit; news vocabulary rarely passes this between clears.
CACHE_LIMIT = 300_000
BRACKETS = frozenset("()[]")


class NerModelError(RuntimeError):
    """The NER model directory is missing or incomplete; the message names the path."""


class Tagger:
    """BIO tagger: ``tag(sentences)`` -> one tag list per token list."""

    def __init__(self, model_dir: Path | str = MODEL_DIR):
        model_dir = Path(model_dir)
        model = model_dir / MODEL_FILE
        if not model.is_file():
            raise NerModelError(f"{model}: NER model file missing (rebuild: make models)")
        self.model_dir = model_dir
        self.featurizer = Featurizer(load_clusters(model_dir), load_gazetteer(model_dir),
                                     **feature_options(model_dir))
        self.decoder = Decoder(self.featurizer, CrfWeights.from_model(model))

    def tag(self, sentences: list[list[str]]) -> list[list[str]]:
        """Valid BIO tags per sentence; brackets are never inside a name (``valid_bio``)."""
        # The decoder keeps its own rows (the featurizer's caches serve training only).
        if self.decoder.size > 4 * CACHE_LIMIT:
            self.decoder.clear()
        return self.decoder.tag(sentences, outside=BRACKETS)

    @staticmethod
    def _repair(words: list[str], tags: list[str]) -> list[str]:
        """``valid_bio`` for one sentence of tag strings."""
        labels = sorted(set(tags) | {"O"} | {"B-" + t[2:] for t in tags if t != "O"})
        ids = np.array([labels.index(t) for t in tags], dtype=np.intp)
        first = np.zeros(len(tags), dtype=bool)
        first[:1] = True
        fixed = valid_bio(labels, ids, np.array([w in BRACKETS for w in words], dtype=bool), first)
        return [labels[k] for k in fixed.tolist()]


@lru_cache(maxsize=None)
def get_tagger(model_dir: str | None = None) -> Tagger:
    """The packaged tagger, loaded once per process (or one from ``model_dir``)."""
    return Tagger(model_dir or MODEL_DIR)
