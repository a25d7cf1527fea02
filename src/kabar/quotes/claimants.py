"""The claimant of every figure: the speaker of the quote or source that carries it.

A figure inside a quote's text takes that quote's speaker; one in a sentence
whose statement is attributed ("Para pejabat Israel mengatakan ...", a claim
verb such as "mengumumkan") takes that speaker; one introduced by a source
("menurut data BPS", "mengutip data Bank Indonesia", "dilansir Saudi
Gazette") takes the source; the rest are the article's own voice (null).
"""
from __future__ import annotations

import re
from functools import lru_cache

from .lexicon import lexicon
from .speakers import EntityIndex
from .text import Sentences, trim
from .via import find_via, via_cues


def _entity_for(text: str, span: tuple[int, int], ents: EntityIndex) -> str | None:
    inside = ents.within(*span)
    if inside:
        return min(inside, key=lambda r: r[0])[2]
    return ents.by_name(text[span[0]:span[1]])


@lru_cache(maxsize=1)
def _sources() -> tuple[tuple[re.Pattern, re.Pattern], ...]:
    """Each source pattern with a quick form that drops its leading \\b. A pattern opening with
    an assertion is tried at every position; the quick form skips ahead to its first letter.
    Where the quick form finds nothing in a sentence, neither can the pattern."""
    return tuple((re.compile(rx.pattern[2:], rx.flags) if rx.pattern.startswith(r"\b") else rx, rx)
                 for rx in lexicon().source_res)


def _source(text: str, sa: int, sb: int, ents: EntityIndex, cues: list):
    for quick, rx in _sources():
        if quick is not rx and quick.search(text, sa, sb) is None:
            continue
        m = rx.search(text, sa, sb)
        if m:
            span = trim(text, m.start("src"), m.end("src"), " ,.;:")
            first = text[span[0]:span[1]].split(" ", 1)[0]
            if span[1] > span[0] and first not in lexicon().stop:  # "data di lapangan" names no source
                return _entity_for(text, span, ents), text[span[0]:span[1]]
    # "kepada X" cites a medium only beside a quote's speaker, never as a figure's source.
    via = find_via(text, sa, sb, cues=[c for c in cues if not c.group().startswith("kepada")])
    if via:
        return _entity_for(text, via, ents), text[via[0]:via[1]]
    return None


def assign(figures: list[dict], claims: list[tuple], text: str, sents: Sentences, ents: EntityIndex,
           cues: list | None = None) -> None:
    """``claims``: (quote span, region, entity, words), for quotes and claim verbs alike.
    ``cues``: ``via_cues(text)`` when the caller has them already (read, never changed)."""
    if cues is None:
        cues = via_cues(text) if figures else []
    sources: dict = {}
    for f in figures:
        a, b = f["span"]
        inside = [c for c in claims if c[0][0] <= a and b <= c[0][1]]
        if not inside:
            inside = [c for c in claims if c[1][0] <= a and b <= c[1][1]]
        if inside:
            best = min(inside, key=lambda c: c[0][1] - c[0][0])
            f["claimant"], f["claimant_text"] = best[2], best[3]
            continue
        sa, sb = sents.at(a)
        if (sa, sb) not in sources:
            sources[(sa, sb)] = _source(text, sa, sb, ents, cues)
        found = sources[(sa, sb)]
        f["claimant"], f["claimant_text"] = found if found else (None, None)
