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


def run(doc: Document) -> Document:
    text, lex = doc.text, lexicon()
    spans = units(text, doc.tokens, lex)
    words = [text[a:b] for a, b in spans]
    lex.prepare(words, text, spans)
    ranges = _sentence_ranges(spans, doc.sentences or [(0, len(text))])
    cap = cap_flags(words, lex)
    ner = None
    tg = tagger()
    if tg is not None and ranges:
        # The tagger only types capitalised stretches, so a sentence without a
        # capitalised word past its first (or an unusual first word) is not sent.
        wanted = [(a, b) for a, b in ranges
                  if any(cap[a + 1:b]) or (cap[a] and not lex.is_common(words[a]))]
        ner = ["O"] * len(words)
        if wanted:
            tags = tg.tag([words[a:b] for a, b in wanted])
            for (a, b), t in zip(wanted, tags):
                ner[a:a + min(len(t), b - a)] = t[:b - a]  # a short answer leaves the rest "O"
    mentions = find_mentions(text, ranges, spans, words, ner, lex, cap)
    entities = group(mentions, words, lex)
    entities.sort(key=lambda e: min(m.start for m in e.mentions))
    doc.entities = []
    for n, e in enumerate(entities, 1):
        best = e.longest()
        doc.entities.append({
            "id": f"e{n}", "name": text[best.start:best.end], "type": e.type,
            "mentions": sorted({(m.start, m.end) for m in e.mentions}),
        })
        doc.entities[-1]["mentions"] = [list(s) for s in doc.entities[-1]["mentions"]]
    return doc
