"""Sentences and tokens for Indonesian, on spaCy's Indonesian tokenizer.

Tokens and sentences are (start, end) offsets into ``text``.

Tokens: spaCy's ``id`` tokenizer, then two repairs driven by language files:
strings that must stay whole (``tokenizer_keep.txt``: "25/8", "COVID-19",
abbreviations from ``tokenizer_abbreviations.txt`` such as "Jl.") are merged,
cutting any spaCy token that crosses their edge ("8)" -> "8", ")"); words
glued by scraping ("ArabiyaJumat") are cut at the lower-to-upper join unless
listed in ``tokenizer_camelcase.txt`` or ``glue_brands.txt``; brackets, semicolons and commas left
glued to words are split off. spaCy and these repairs only ever look inside
one whitespace-delimited chunk, so their result is cached per chunk form.

Sentences: paragraph breaks always end one. Inside a paragraph a sentence
ends at . ! ? (and any closing quotes) before a capital, a digit or an
opening quote, except after a listed abbreviation, an initial ("M."), a
list number ("1.") or inside a quotation that closes later in the paragraph.
A period glued between two words ("punggung.Seperti") also ends one.
"""
from __future__ import annotations

import re
import threading
from bisect import bisect_left
from functools import lru_cache
from itertools import accumulate, compress, count, islice, repeat
from operator import add, is_

from .. import lang
from ..document import Document
from .affix_search import anchored_first, anchored_last

REQUIRES = ("text", "paragraphs")
ASSIGNS = ("sentences", "tokens")

# A candidate end: terminal punctuation, closing quotes/brackets, space, and a
# sentence-like start; or a period glued between a word and a capitalised word.
# Both branches open with the one mark class, factored out: a pattern that opens
# with a character class lets the engine skip to the next mark in C (an
# alternation of two branches was tried at every position: 35 -> 10 µs a text).
_ENDS = (r"[.!?](?:[.!?]*[\"”’')\]]*(\s+)(?=[\"“‘(\[]?[A-Z0-9])"
         # the lookbehind after the mark, so only marks are tried, not every position
         r"|(?<=[a-z]{2}[.!?])(?=[A-Z][a-z]))")
_BOUNDARY = re.compile(
    _ENDS
    # separator rules in fact-check and scraped pages: "=====", "——", "-----"
    + r"|(\s*(?:={3,}|—{2,}|-{4,})\s*)")
# Without a separator in the paragraph the third branch cannot match, and its
# leading \s* tried at every space is most of the scan: the cheaper pattern serves.
_ENDS_ONLY = re.compile(_ENDS)
_SEPARATORS = ("===", "——", "----")  # what opens each separator rule of _BOUNDARY
_LIST_NUMBER = re.compile(r"\s*\d{1,2}\.$")
_CAMEL = re.compile(r"[a-z][A-Z][a-z]{2}")
_WORD_DOT = re.compile(r"\w\.(?![\w])")
_GLUED = re.compile(r"[()\[\];]|,(?!\d)|(?<!\d),|(?<=[A-Z]{2})\.(?=[\s\"”)]|$)")
_URLISH = re.compile(r"://|www\.|@|\.(?:com|id|org|net)\b")
_QUOTE = re.compile(r"[\"“”]")
_SPACE = re.compile(r"(\s+)")
# chunk -> its token offsets, or None where the chunk is one token (most are)
_CHUNKS: dict[str, tuple[tuple[int, int], ...] | None] = {}
_UNSEEN = object()  # what the chunk cache answers for a chunk it does not hold
# Bounded at some 60 MB (about 160 bytes a chunk). Smaller costs more than it
# saves: 7,459 news articles hold 165,000 distinct chunks, and under a 100,000
# cap one chunk in six was tokenised twice, at some 15 µs each.
_MAX_CHUNKS = 400_000
_LOCK = threading.Lock()
# A "quotation" longer than this is taken for mismatched marks and holds no sentence open.
_MAX_QUOTE = 1500


@lru_cache(maxsize=1)
def tokenizer():
    import spacy

    tok = spacy.blank("id").tokenizer
    # Every new chunk becomes a vocabulary entry, and its lexical attributes
    # (shape, like_num, like_url, ...) are computed then, in Python: a fifth of
    # spaCy's cost on new chunks. We read only token offsets, and the tokenizer's
    # rules never look at those attributes.
    tok.vocab.lex_attr_getters = {}
    tok.prefix_search = anchored_first(tok.prefix_search)
    tok.suffix_search = anchored_last(tok.suffix_search)
    return tok


@lru_cache(maxsize=1)
def _keep_patterns() -> tuple[re.Pattern, ...]:
    return lang.regexes("tokenizer_keep.txt")


def _abbreviation_spans(text: str) -> list[tuple[int, int]]:
    """Listed abbreviations ("Jl.", "S.H.") as spans; found from their final period, which is cheap."""
    abbr, out = lang.words("tokenizer_abbreviations.txt"), []
    for m in _WORD_DOT.finditer(text):
        end = m.end()
        start = end - 1
        while start > 0 and (text[start - 1].isalnum() or text[start - 1] == "."):
            start -= 1
        if text[start:end] in abbr:
            out.append((start, end))
    return out


@lru_cache(maxsize=1)
def _any_keep() -> re.Pattern:
    """Whether some keep pattern can match at all: one search, and most chunks have none."""
    return re.compile("|".join(f"(?:{p.pattern})" for p in _keep_patterns()))


def _keep_spans(text: str) -> list[tuple[int, int]]:
    spans = ([m.span() for p in _keep_patterns() for m in p.finditer(text) if m.end() > m.start()]
             if _any_keep().search(text) else [])
    if "." in text:  # every abbreviation ends in one
        spans.extend(_abbreviation_spans(text))
    spans.sort()
    return spans


def _cut_camel(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Cut words glued by scraping ("ArabiyaJumat") at the lower-to-upper join."""
    cuts = [m.start() + 1 for m in _CAMEL.finditer(text)]
    if not cuts:
        return spans
    # outlet brands ("detikSulsel", "kumparanNEWS") are single names too
    keep, out, i = lang.words("tokenizer_camelcase.txt") | lang.words("glue_brands.txt"), [], 0
    for a, b in spans:
        while i < len(cuts) and cuts[i] <= a:
            i += 1
        inside = []
        while i < len(cuts) and cuts[i] < b:
            inside.append(cuts[i])
            i += 1
        word = text[a:b]
        if not inside or word in keep or not word.isalpha():
            out.append((a, b))
            continue
        # only joins with three lower-case letters before them inside this word
        inside = [c for c in inside if c - a >= 3 and text[c - 3:c].islower()]
        prev = a
        for c in inside:
            out.append((prev, c))
            prev = c
        out.append((prev, b))
    return out


def _cut_punct(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Split brackets, semicolons and non-decimal commas that spaCy leaves glued to words
    ("Selasa(", "seminggu),Bandung"), and the sentence period after an acronym ("PMK.")."""
    marks = [m.span() for m in _GLUED.finditer(text)]
    if not marks:
        return spans
    abbr, out, i = lang.words("tokenizer_abbreviations.txt"), [], 0
    for a, b in spans:
        while i < len(marks) and marks[i][0] < a:
            i += 1
        if i == len(marks) or marks[i][0] >= b or b - a == 1:
            out.append((a, b))
            continue
        word = text[a:b]
        inside = []
        while i < len(marks) and marks[i][0] < b:
            inside.append(marks[i])
            i += 1
        if word in abbr or _URLISH.search(word):
            out.append((a, b))
            continue
        prev = a
        for ms, me in inside:
            if ms > prev:
                out.append((prev, ms))
            out.append((ms, me))
            prev = me
        if prev < b:
            out.append((prev, b))
    return out


def _apply_keeps(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Merge tokens inside each keep-match into one; cut tokens crossing its edges."""
    keeps = _keep_spans(text)
    if not keeps:
        return spans
    starts = [s for s, _ in spans]
    out: list[tuple[int, int]] = []
    i = 0
    for ks, ke in keeps:
        j = bisect_left(starts, ks)
        # the token before ks may still reach into the keep
        if j > 0 and spans[j - 1][1] > ks:
            j -= 1
        if j < i:  # overlapping keeps: the earlier one won
            continue
        out.extend(spans[i:j])
        k = j
        while k < len(spans) and spans[k][0] < ke:
            k += 1
        covered = spans[j:k]
        if covered and covered[0][0] < ks:
            out.append((covered[0][0], ks))
        out.append((ks, ke))
        if covered and covered[-1][1] > ke:
            out.append((ke, covered[-1][1]))
        i = k
    out.extend(spans[i:])
    return out


def _spacy_spans(text: str) -> list[tuple[int, int]]:
    """spaCy's tokens, repaired, as offsets; the work is cached per chunk.

    spaCy splits at whitespace first and tokenises each chunk on its own, so
    a chunk ("Jakarta,", "Rp15", "(17/11).") always gives the same tokens. We
    keep them per chunk form and send only chunks not seen before through
    spaCy, joined by single spaces: the same tokens for a fraction of the cost.
    """
    # One text at a time: the web app analyses in threads, spaCy's tokenizer (which
    # adds to its vocabulary) is not meant to be shared unguarded, and a trim must
    # not empty the cache under another text's feet. Uncontended, the lock is free.
    with _LOCK:
        return _spans_locked(text)


def _spans_locked(text: str) -> list[tuple[int, int]]:
    cache = _CHUNKS
    if len(cache) > _MAX_CHUNKS:  # bounded; trimmed before, never while, serving a text
        # drop the older half (dicts keep insertion order): the words of the
        # current story stay, and one overflow does not cost a full relearn
        for old in list(islice(cache, len(cache) - _MAX_CHUNKS // 2)):
            del cache[old]
    # Chunks and their offsets from one split (chunk, space, chunk, ...): C loops,
    # not a match object per chunk. Only the first and last chunk can be empty.
    pieces = _SPACE.split(text)
    ends = list(accumulate(map(len, pieces)))
    chunks, starts = pieces[0::2], [0] + ends[1::2]
    if not chunks[-1]:
        del chunks[-1], starts[-1]
    if chunks and not chunks[0]:
        del chunks[0], starts[0]
    cached = list(map(cache.get, chunks, repeat(_UNSEEN)))
    unseen = list(compress(count(), map(is_, cached, repeat(_UNSEEN))))
    if unseen:
        _learn_chunks(list(dict.fromkeys([chunks[k] for k in unseen])))
        for k in unseen:
            cached[k] = cache[chunks[k]]
    # Most chunks are one whole token (cached as None): their spans are zipped in
    # bulk, and only the others are spliced in one by one.
    pairs = list(zip(starts, map(add, starts, map(len, chunks))))
    split = list(compress(count(), cached))
    if not split:
        return pairs
    out: list[tuple[int, int]] = []
    prev = 0
    for i in split:
        out += pairs[prev:i]
        start = starts[i]
        out += [(start + a, start + b) for a, b in cached[i]]
        prev = i + 1
    out += pairs[prev:]
    return out


@lru_cache(maxsize=1)
def _plain_word():
    """Whether spaCy would surely keep a chunk whole: plain ASCII letters it has no rule for.

    Letters meet no suffix or infix rule of spaCy's ``id`` tokenizer; only
    prefix rules that begin with letters (currency codes: "USD", "Rp") can
    cut them, so any chunk starting like one of those still goes to spaCy.
    Skipping spaCy for the rest matters: a new word is the costly case (the
    prefix regex, a new vocabulary entry), and new words are mostly plain.
    """
    tok = tokenizer()
    search = getattr(tok.prefix_search, "__wrapped__", tok.prefix_search)
    pattern = search.__self__.pattern if search else ""
    # "^USD" can cut a plain word; "^US\$" cannot (a word of letters has no "$")
    heads = sorted({m.group(1) for m in re.finditer(r"\^([A-Za-z]+)(?![A-Za-z]|\\)", pattern)})
    risky = re.compile("|".join(heads)) if heads else None
    rules = tok.rules or {}

    def plain(w: str) -> bool:
        if w.isdigit():  # "2024", "15": no rule cuts a run of ASCII digits
            return w.isascii() and w not in rules
        return (w.isascii() and w.isalpha() and w not in rules
                and not (risky and risky.match(w)))
    return plain


# A plain word wrapped in one opening mark and simple closing punctuation:
# spaCy gives each mark its own token. Doubled quotes, a colon after anything
# but the word ("):" is an emoticon) and one upper-case letter before "." ("E.",
# "McD.": initials; "PMK." splits) are left to spaCy, which treats those
# differently; the test suite compares both on such chunks.
_WRAPPED = re.compile(r"([(\"“‘\['])?([A-Za-z]+)([)\]\"”’']?[,.;:!?]?[\"”’']?)")

_DOUBLED = re.compile(r"[\"”’']{2}")

# A number with "." or "," between its digits, then maybe "%" and one mark: spaCy
# keeps the number whole and splits off each mark (checked on every such chunk
# of the news corpora). Brackets are left to spaCy ("8)" is an emoticon to it).
_NUMBER = re.compile(r"([0-9]+(?:[.,][0-9]+)*)(%?)([,.;:!?]?)")


def _spans_without_spacy(w: str) -> list[tuple[int, int]] | None:
    """The tokens spaCy would give chunk ``w``, where that is certain; else None."""
    plain = _plain_word()
    if plain(w):
        return [(0, len(w))]
    rules = tokenizer().rules or {}
    m = _NUMBER.fullmatch(w)
    if m:
        if any(w[:k] in rules for k in range(1, len(w) + 1)):
            return None
        return [m.span(g) for g in (1, 2, 3) if m.end(g) > m.start(g)]
    m = _WRAPPED.fullmatch(w)
    if not m:
        return None
    core, tail = m.group(2), m.group(3)
    if not plain(core) or _DOUBLED.search(tail) or (":" in tail and tail != ":"):
        return None
    if tail[:1] == "." and core[-1].isupper() and not (len(core) > 1 and core[-2:].isupper()):
        return None  # "E.", "McD.": spaCy keeps an initial's period; "PMK." it splits
    if w in rules or any(core + tail[:k] in rules for k in range(1, len(tail) + 1)):
        return None
    a, b = m.span(2)
    return ([(0, a)] if a else []) + [(a, b)] + [(i, i + 1) for i in range(b, len(w))]


def _cached(w: str, spans: list[tuple[int, int]]) -> tuple[tuple[int, int], ...] | None:
    """What the cache keeps for chunk ``w``: its repaired tokens, None if that is ``w`` whole.

    The repairs only look inside a chunk, so they are cached with it.
    """
    spans = tuple(_apply_keeps(w, _cut_punct(w, _cut_camel(w, spans))))
    return None if spans == ((0, len(w)),) else spans


def _learn_chunks(words: list[str]) -> None:
    from spacy.attrs import IDX, LENGTH

    camel, keep = _CAMEL.search, _any_keep().search
    for w in words:
        spans = _spans_without_spacy(w)
        if spans is None:
            continue
        # No repair can change what the shortcut gives a chunk without a camel join,
        # a keep match or a period: its marks are single tokens already, which is
        # all _cut_punct would make of them, and every abbreviation ends in ".".
        # Most new chunks are such, and the repairs are most of their cost.
        if "." in w or camel(w) or keep(w):
            _CHUNKS[w] = _cached(w, spans)
        else:
            _CHUNKS[w] = None if len(spans) == 1 else tuple(spans)
    words = [w for w in words if w not in _CHUNKS]
    if not words:
        return
    arr = tokenizer()(" ".join(words)).to_array([IDX, LENGTH]).tolist()
    k, base = 0, 0
    for w in words:
        end, spans = base + len(w), []
        while k < len(arr) and arr[k][0] < end:
            spans.append((arr[k][0] - base, arr[k][0] - base + arr[k][1]))
            k += 1
        _CHUNKS[w] = _cached(w, spans)
        base = end + 1


def tokenize(text: str) -> list[tuple[int, int]]:
    return _spacy_spans(text)


def _quote_closes(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Spans (open, close) of double-quoted passages in text[start:end].

    Straight quotes are told apart by the space beside them: one before a
    word opens, one after a word closes. A closing mark with no open quote
    (a stray mark in scraped text) is ignored, and so is an opening mark that
    never closes, so one bad mark cannot swallow the paragraph.
    """
    spans, open_at = [], None
    for m in _QUOTE.finditer(text, start, end):
        i, ch = m.start(), m.group()
        before = text[i - 1] if i > start else " "
        after = text[i + 1] if i + 1 < end else " "
        opening = ch == "“" or (ch == '"' and (before.isspace() or before in "([") and not after.isspace())
        if opening:
            open_at = i
        elif open_at is not None:
            if i - open_at <= _MAX_QUOTE:
                spans.append((open_at, i))
            open_at = None
    return spans


def _blocked(text: str, start: int, stop: int, closers_end: int,
             quotes: list[tuple[int, int]]) -> bool:
    """Whether the candidate end whose punctuation starts at ``stop`` is no sentence end.

    ``closers_end`` is where the closing quotes after the punctuation end: a
    quotation closing there ends with the sentence, one closing later holds it open.
    """
    w0 = stop
    while w0 > start and not text[w0 - 1].isspace():
        w0 -= 1
    if w0 <= stop:
        word = text[w0:stop + 1].lstrip("(\"“")
        if word in lang.words("tokenizer_abbreviations.txt"):
            return True
        if len(word) == 2 and word[0].isupper() and word[0].isalpha():  # an initial: "M."
            return True
        if _LIST_NUMBER.match(text, start, stop + 1):
            return True
    return any(a < stop and b >= closers_end for a, b in quotes if b > stop)


def split_sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    quotes = _quote_closes(text, start, end)
    out, a = [], start
    # str.find, not a regex search: an alternation is tried at every position
    boundary = (_BOUNDARY if any(text.find(sep, start, end) >= 0 for sep in _SEPARATORS)
                else _ENDS_ONLY)
    for m in boundary.finditer(text, start, end):
        if m.group(1) is not None:
            cut, nxt = m.start(1), m.end(1)
        elif boundary is _BOUNDARY and m.group(2) is not None:
            out.append((a, m.start()))
            a = m.end()
            continue
        else:
            cut = nxt = m.end()
        if _blocked(text, a, m.start(), cut, quotes):
            continue
        out.append((a, cut))
        a = nxt
    out.append((a, end))
    return [_strip(text, x, y) for x, y in out if text[x:y].strip()]


def _strip(text: str, a: int, b: int) -> tuple[int, int]:
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    return a, b


def run(doc: Document) -> Document:
    text = doc.text
    paragraphs = doc.paragraphs or ([(0, len(text))] if text else [])
    doc.sentences = [s for a, b in paragraphs for s in split_sentences(text, a, b)]
    doc.tokens = tokenize(text)
    return doc
