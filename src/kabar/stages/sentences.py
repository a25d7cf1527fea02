"""Sentences and tokens for Indonesian, on spaCy's Indonesian tokenizer.

Tokens and sentences are (start, end) offsets into ``text``. Paragraph
breaks always end a sentence; inside a paragraph a sentence ends at . ! ?
(or a closing quote after one) before a capital, a digit or an opening quote.
"""
from __future__ import annotations

import re
from functools import lru_cache

from ..document import Document

REQUIRES = ("text", "paragraphs")
ASSIGNS = ("sentences", "tokens")

_BOUNDARY = re.compile(r"(?<=[.!?])[\"”’')]*\s+(?=[\"“‘(]?[A-Z0-9])")


@lru_cache(maxsize=1)
def tokenizer():
    import spacy

    return spacy.blank("id").tokenizer


def tokenize(text: str) -> list[tuple[int, int]]:
    return [(t.idx, t.idx + len(t.text)) for t in tokenizer()(text)]


def split_sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    out, a = [], start
    for m in _BOUNDARY.finditer(text, start, end):
        out.append((a, m.start()))
        a = m.end()
    out.append((a, end))
    return [(x, y) for x, y in out if y > x]


def run(doc: Document) -> Document:
    text = doc.text
    paragraphs = doc.paragraphs or ([(0, len(text))] if text else [])
    doc.sentences = [s for a, b in paragraphs for s in split_sentences(text, a, b)]
    doc.tokens = tokenize(text)
    return doc
