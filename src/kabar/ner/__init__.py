"""Statistical Indonesian NER (PER, ORG, LOC) on a committed CRF model.

    from kabar.ner import get_tagger
    tags = get_tagger().tag([["Presiden", "Joko", "Widodo", "tiba", "."]])

The model lives in the package (``kabar/models/ner-id/``) and is rebuilt by
``python -m kabar.train.ner --shared ../shared`` (see its MODEL_CARD.md).
"""
from __future__ import annotations

from .tagger import MODEL_DIR, NerModelError, Tagger, get_tagger

__all__ = ["MODEL_DIR", "NerModelError", "Tagger", "get_tagger"]
