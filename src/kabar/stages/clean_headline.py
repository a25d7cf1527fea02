"""Where a related headline ends ("Baca juga: <headline> <next sentence>").

Scrapes that flatten a page onto one line leave the related-link headline
glued to the paragraph that follows it, with no punctuation between. A
headline never ends with a full stop, so the next sentence starts somewhere
between the label and the first sentence end; we look for the word that
starts it. When unsure we end the headline early: leaving a few headline
words in the text costs less than cutting a word of the article.
"""
from __future__ import annotations

import re
from functools import lru_cache

from .. import lang

_WORD = re.compile(r"\S+")
_SENT_END = re.compile(r"[.!?][\"”’']?(?:\s|$)")
# a full stop glued to the next sentence: 'Memangkas "Dwell Time".Lebih lanjut'
_GLUED_END = re.compile(r"[.!?][\"”’']?(?=[A-Z\"“])")
_DOUBLE_SPACE = re.compile(r"\s{2,}")
# "... dari keluarga 2. Malam Natal, ...": the next item of a numbered list.
_LIST_ITEM = re.compile(r"(?<=\s)\d{1,2}\.\s+(?=[A-Z\"“])")
_OPEN_QUOTE = re.compile(r"(?<=\s)[\"“]")
_CLOSE_QUOTE = re.compile(r"[\"”]")
_EDGE_PUNCT = "\"“”'‘’()[]{},;:"
MAX_HEADLINE = 220
# A quoted stretch this long is a quotation in the article, not a quoted word of the headline.
MAX_QUOTED_WORDS = 40
TITLE_STARTER_MIN = 300


@lru_cache(maxsize=1)
def _starters() -> dict[str, int]:
    return {w: int(n) for w, n in lang.table("clean_starters.tsv", columns=2)}


@lru_cache(maxsize=1)
def _title_words() -> frozenset[str]:
    return frozenset(lang.lines("clean_title_words.txt"))


@lru_cache(maxsize=1)
def _honorifics() -> frozenset[str]:
    return frozenset(lang.lines("clean_honorifics.txt"))


@lru_cache(maxsize=1)
def _function_words() -> frozenset[str]:
    return frozenset(lang.lines("clean_function_words.txt"))


def headline_end(text: str, start: int, stop: int) -> int | None:
    """End index of the headline that begins at ``text[start]``; None when no end is found.

    ``stop`` is where the next known boilerplate (or the line) begins: the
    headline runs to it unless a sentence of the article starts before.
    """
    limit = min(stop, start + MAX_HEADLINE, len(text))
    hard = _hard_stop(text, start, limit)
    if hard is None and stop <= limit:
        hard = stop
    m = _SENT_END.search(text, start, limit)
    sentence_end = m.start() if m else limit
    words = _words(text, start, limit)
    if hard is not None and hard <= sentence_end:
        found = _starter_before(words, hard) if text[hard:hard + 1] in "\"“" else None
        return found if found is not None else hard
    return _choose(words, sentence_end)


def _hard_stop(text: str, start: int, stop: int) -> int | None:
    """The earliest sure end: a double space, a glued full stop, an opened quotation; else None."""
    ends = []
    m = _DOUBLE_SPACE.search(text, start, stop)
    if m:
        ends.append(m.start())
    m = _GLUED_END.search(text, start, stop)
    if m:
        ends.append(m.end())
    m = _LIST_ITEM.search(text, start, stop)
    if m:
        ends.append(m.start())
    for q in _OPEN_QUOTE.finditer(text, start, stop):
        close = _CLOSE_QUOTE.search(text, q.end(), min(len(text), q.end() + MAX_QUOTED_WORDS))
        if close is None:
            ends.append(q.start())
            break
    return min(ends) if ends else None


def _words(text: str, start: int, end: int) -> list[tuple[int, str, str]]:
    """(position, word without edge punctuation, word as written) of each word."""
    return [(m.start(), m.group().strip(_EDGE_PUNCT), m.group()) for m in _WORD.finditer(text, start, end)]


def _starter_before(words, end: int) -> int | None:
    for i, (pos, w, _) in enumerate(words):
        if pos >= end:
            break
        if i >= 2 and w not in _title_words() and _starters().get(w, 0) >= TITLE_STARTER_MIN:
            return pos
    return None


def _choose(words, sentence_end: int) -> int | None:
    """The start of the article's next sentence among the words before ``sentence_end``."""
    words = [x for x in words if x[0] < sentence_end and x[1]]
    if len(words) < 3:
        return None
    # Kompas-style headlines capitalise every content word, so only the commonest starters count there.
    title = all(_is_cap(w) or w.isdigit() or w.lower() in _function_words() for _, w, _ in words[:4])
    need = TITLE_STARTER_MIN if title else 1
    for i in range(2, len(words)):
        pos, w, _ = words[i]
        if title and w in _title_words():
            continue
        if _starters().get(w, 0) >= need and not words[i - 1][2].endswith(":"):
            return pos
    for i in range(3, len(words)):
        if _after_lower(words, i):
            return words[i][0]
        if _before_lower(words, i):
            return words[_name_start(words, i, title)][0]
    return None


def _name_start(words, i: int, title: bool) -> int:
    """Back from the last word of a name to its first: "... Jakarta Susyana Suwadie mengatakan".

    In a sentence-case headline the name runs back over capitalised words (an earlier
    start only leaves headline words behind); in a Title Case one only over an honorific.
    """
    if title:
        return i - 1 if i > 3 and words[i - 1][1] in _honorifics() else i
    while i > 3 and words[i - 1][1][:1].isupper() and not words[i - 1][2].endswith((",", ":")):
        i -= 1
    return i


def _after_lower(words, i: int) -> bool:
    """'... 10 tahun terakhir Kunjungan legislator': a capital after a content word in lower case."""
    w, prev, prev_raw = words[i][1], words[i - 1][1], words[i - 1][2]
    return (_is_cap(w) and prev[:1].islower() and prev.lower() not in _function_words()
            and not prev_raw.endswith((":", ",")))


def _before_lower(words, i: int) -> bool:
    """'... UNESCO Mahyeldi mengatakan': a capitalised word followed by a content word in lower case."""
    if i + 1 >= len(words):
        return False
    w, nxt = words[i][1], words[i + 1][1]
    return _is_cap(w) and nxt[:1].islower() and nxt.lower() not in _function_words()


def _is_cap(w: str) -> bool:
    """Capitalised like a word, not an acronym: 'Kunjungan', not 'IKN'."""
    return len(w) >= 2 and w[0].isupper() and any(c.islower() for c in w[1:])
