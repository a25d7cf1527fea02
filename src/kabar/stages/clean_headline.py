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
from .clean_glue import keeps_mixed_case

_WORD = re.compile(r"\S+")
_SENT_END = re.compile(r"[.!?][\"”’']?(?:\s|$)")
# a full stop glued to the next sentence: 'Memangkas "Dwell Time".Lebih lanjut'
_GLUED_END = re.compile(r"[.!?][\"”’']?(?=[A-Z\"“]|\d{1,2}\.\s?[A-Z])")
# "ResahSementara", "ASMenurutnya": a capital that starts a word inside another.
_INNER_CAPITAL = re.compile(r"[a-z](?=[A-Z])|[A-Z](?=[A-Z][a-z]{2})")
_DOUBLE_SPACE = re.compile(r"\s{2,}")
# "... dari keluarga 2. Malam Natal, ...": the next item of a numbered list.
_LIST_ITEM = re.compile(r"(?<=\s)\d{1,2}\.\s+(?=[A-Z\"“])")
_OPEN_QUOTE = re.compile(r"(?<=\s)[\"“]")
_CLOSE_QUOTE = re.compile(r"[\"”]")
_EDGE_PUNCT = "\"“”'‘’()[]{},;:"
MAX_HEADLINE = 220
# A headline may go on after its question mark ("Roboh? Ini faktanya") for this many characters.
MAX_AFTER_QUESTION = 80
# A quoted stretch this long is a quotation in the article, not a quoted word of the headline.
MAX_QUOTED_WORDS = 40
TITLE_STARTER_MIN = 300
# Starters so common they open a sentence even before a name ("Selain Misa lansia", "Menurut Susyana").
STRONG_STARTER = 1000


@lru_cache(maxsize=1)
def _starters() -> dict[str, int]:
    return {w: int(n) for w, n in lang.table("clean_starters.tsv", columns=2)}


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
    asks = bool(m) and (text[m.start()] in "?!…" or text.startswith("..", m.start() - 1))
    if asks and not text[m.end():stop].strip():
        return stop  # the headline closes the line, with its own "?" or "..."
    if hard is not None and (hard <= sentence_end or (asks and hard <= m.end())):
        found = None
        if text[hard:hard + 1] in "\"“":
            # Before an opened quotation the article may already have started: 'Menurut dia, "...'
            found = _choose(words, hard, starters_only=True)
        elif hard > start and text[hard - 1].isalpha() and text[hard].isupper():
            # A capital inside a word may be a name of the article's first sentence ("RoCoF").
            found = _choose(words, hard)
        return found if found is not None else hard
    found = _choose(words, sentence_end)
    if found is None and asks:
        if hard is not None and hard - m.end() <= MAX_AFTER_QUESTION and not _SENT_END.search(text, m.end(), hard):
            return hard  # "Patung Liberty roboh? Ini fakta dan maknanya" up to the next label
        return m.start() + 1  # a headline that asks: "..., Kenapa? Sudah dua hari ..."
    return found


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
    glued = _glued_word(text, start, stop)
    if glued is not None:
        ends.append(glued)  # "... Pedagang Tempe ResahSementara, ...", "... Dolar ASMenurutnya"
    for q in _OPEN_QUOTE.finditer(text, start, stop):
        close = _CLOSE_QUOTE.search(text, q.end(), min(len(text), q.end() + MAX_QUOTED_WORDS))
        if close is None:
            ends.append(q.start())
            break
    return min(ends) if ends else None


def _glued_word(text: str, start: int, stop: int) -> int | None:
    """Where the headline's last word runs into the article's first: a capital inside a word.

    Headlines hold few mixed-case names, and those the glue repair keeps are skipped.
    """
    for m in _INNER_CAPITAL.finditer(text, start, stop):
        token_start = text.rfind(" ", start, m.start()) + 1
        token_end = text.find(" ", m.end(), stop)
        token = text[token_start:token_end if token_end != -1 else stop].strip(_EDGE_PUNCT)
        if not keeps_mixed_case(token):
            return m.start() + 1
    return None


def _words(text: str, start: int, end: int) -> list[tuple[int, str, str]]:
    """(position, word without edge punctuation, word as written) of each word."""
    return [(m.start(), m.group().strip(_EDGE_PUNCT), m.group()) for m in _WORD.finditer(text, start, end)]


def _choose(words, sentence_end: int, starters_only: bool = False) -> int | None:
    """The start of the article's next sentence among the words before ``sentence_end``."""
    words = [x for x in words if x[0] < sentence_end and x[1]]
    if len(words) < 3:
        return None
    # Kompas-style headlines capitalise every content word, so only the commonest starters count there.
    title = all(_is_cap(w) or w.isdigit() or w.lower() in lang.words("clean_function_words.txt") for _, w, _ in words[:4])
    need = TITLE_STARTER_MIN if title else 1
    quoted = _after_quotes(words[1][2], _after_quotes(words[0][2], False))
    for i in range(2, len(words)):
        pos, w, raw = words[i]
        inside = quoted or raw[:1] in "\"“"
        quoted = _after_quotes(raw, quoted)
        if (title and w in lang.words("clean_title_words.txt")) or inside or words[i - 1][2].endswith(":"):
            continue
        if _starters().get(w, 0) >= need and _opens_sentence(words, i):
            return pos
    if starters_only:
        return None
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
        return i - 1 if i > 3 and words[i - 1][1] in lang.words("clean_honorifics.txt") else i
    while i > 3 and words[i - 1][1][:1].isupper() and not words[i - 1][2].endswith((",", ":")):
        i -= 1
    return i


def _after_quotes(token: str, quoted: bool) -> bool:
    """Whether a quotation is open after ``token``."""
    for ch in token:
        if ch == "“":
            quoted = True
        elif ch == "”":
            quoted = False
        elif ch == '"':
            quoted = not quoted
    return quoted


def _opens_sentence(words, i: int) -> bool:
    """A starter followed by a lower-case word or a comma ("Hal tersebut", "Kedua, studi"), or a strong one."""
    raw = words[i][2]
    nxt = words[i + 1][1] if i + 1 < len(words) else ""
    return raw.endswith(",") or nxt[:1].islower() or _starters().get(words[i][1], 0) >= STRONG_STARTER


def _after_lower(words, i: int) -> bool:
    """'... 10 tahun terakhir Kunjungan legislator': a capital after a content word in lower case."""
    w, prev, prev_raw = words[i][1], words[i - 1][1], words[i - 1][2]
    return (_is_cap(w) and prev[:1].islower() and prev.lower() not in lang.words("clean_function_words.txt")
            and not prev_raw.endswith((":", ",")))


def _before_lower(words, i: int) -> bool:
    """'... UNESCO Mahyeldi mengatakan': a capitalised word followed by a content word in lower case."""
    if i + 1 >= len(words):
        return False
    w, nxt = words[i][1], words[i + 1][1]
    return _is_cap(w) and nxt[:1].islower() and nxt.lower() not in lang.words("clean_function_words.txt")


def _is_cap(w: str) -> bool:
    """Capitalised like a word, not an acronym: 'Kunjungan', not 'IKN'."""
    return len(w) >= 2 and w[0].isupper() and any(c.islower() for c in w[1:])
