"""Entities: named PER/ORG/LOC mentions grouped per real-world entity.

Mentions come from capitalised runs cut by titles, gazetteers and head words
(``kabar.entities.mentions``); names the gazetteers do not know are typed by
the statistical tagger (``kabar.ner``) when it is installed, else by simple
rules. Grouping (``kabar.entities.grouping``) joins short forms to the
fullest name, which becomes the entity's ``name``.
"""
from __future__ import annotations

from functools import lru_cache

from ..document import Document
from ..entities.gazetteer import lexicon
from ..entities.grouping import group
from ..entities.mentions import find_mentions
from ..entities.words import cap_flags, units

REQUIRES = ("text", "sentences", "tokens")
ASSIGNS = ("entities",)


@lru_cache(maxsize=1)
def tagger():
    """The statistical tagger, or None where it is not installed (rules type names then)."""
    try:
        from ..ner import get_tagger

        return get_tagger()
    except (ImportError, RuntimeError, OSError):
        return None


def _sentence_ranges(spans, sentences) -> list[tuple[int, int]]:
    # One walk over the units: bisecting per sentence (with key=) measured slower.
    out, k, n = [], 0, len(spans)
    for a, b in sentences:
        while k < n and spans[k][1] <= a:
            k += 1
        first = k
        while k < n and spans[k][0] < b:
            k += 1
        if k > first:
            out.append((first, k))
    return out


class _Pending:
    """One document between tokenising and tagging: its words and the sentences to tag."""

    __slots__ = ("doc", "spans", "words", "folds", "ranges", "cap", "wanted")

    def __init__(self, doc: Document):
        lex = lexicon()
        self.doc, text = doc, doc.text
        self.spans = units(text, doc.tokens, lex)
        self.words = [text[a:b] for a, b in self.spans]
        # kept: the batch's other documents (or another thread's) are prepared in between
        self.folds = lex.prepare(self.words, text, self.spans)
        self.ranges = _sentence_ranges(self.spans, doc.sentences or [(0, len(text))])
        self.cap = cap = cap_flags(self.words, lex, None if "Σ" in text else self.folds[2])
        words = self.words
        # The tagger only types capitalised stretches, so a sentence without a
        # capitalised word past its first (or an unusual first word) is not sent.
        self.wanted = [(a, b) for a, b in self.ranges
                       if any(cap[a + 1:b]) or (cap[a] and not lex.is_common(words[a]))]


def _tag(pending: list[_Pending]) -> list[list[str] | None]:
    """NER tags per document, from one tagger call for all of them (None: no tagger)."""
    tg = tagger()
    if tg is None:
        return [None] * len(pending)
    batch = [p.words[a:b] for p in pending for a, b in p.wanted]
    tags = iter(tg.tag(batch) if batch else [])
    out = []
    for p in pending:
        ner = ["O"] * len(p.words)
        for (a, b), t in zip(p.wanted, tags):
            ner[a:a + min(len(t), b - a)] = t[:b - a]  # a short answer leaves the rest "O"
        out.append(ner if p.ranges else None)
    return out


def _finish(p: _Pending, ner: list[str] | None) -> Document:
    doc, text, lex = p.doc, p.doc.text, lexicon()
    if lex.words_ref is not p.words:  # another document was prepared in between
        lex.prepared = p.folds
    mentions = find_mentions(text, p.ranges, p.spans, p.words, ner, lex, p.cap)
    entities = group(mentions, p.words, lex)
    entities.sort(key=lambda e: min(m.start for m in e.mentions))
    doc.entities = []
    for n, e in enumerate(entities, 1):
        best = e.longest()
        doc.entities.append({
            "id": f"e{n}", "name": text[best.start:best.end], "type": e.type,
            "mentions": [list(s) for s in sorted({(m.start, m.end) for m in e.mentions})],
        })
    return doc


def run(doc: Document) -> Document:
    p = _Pending(doc)
    return _finish(p, _tag([p])[0])


def run_many(docs: list[Document]) -> list[Document]:
    """``run`` over many documents with one tagger call: batched Viterbi is far cheaper."""
    pending = [_Pending(d) for d in docs]
    return [_finish(p, ner) for p, ner in zip(pending, _tag(pending))]
