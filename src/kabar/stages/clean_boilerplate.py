"""Find boilerplate: whole lines, and fragments inside content lines.

A fragment is a ``Cut``: a raw span and what it is (``junk`` goes to
``doc.boilerplate``; ``codes`` such as "(khr/bac)" and ``names`` such as
"(Galvan Yudistira)" go to ``doc.bylines``). The patterns live in
``lang/id/boilerplate_*.txt``; what needs more than a pattern (where a
related headline or a photo caption ends) is code here and in
``clean_headline``.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from .. import lang
from .clean_headline import headline_end


class Cut(NamedTuple):
    start: int
    end: int
    kind: str  # "junk", "codes" or "names"


# "(khr/bac)", "(faw/dzi)", "(dim/JPC)": newsroom codes of writer and editor.
_CODES = re.compile(r"\(([a-z]{2,6}(?:/[a-zA-Z]{2,6}){1,3})\)")
# "(Galvan Yudistira)" or "(Benediktus Krisna Yogatama, Galvan Yudistira)" closing a Kontan/Tribun story.
_NAME = r"[A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*){0,4}"
_NAMES_AT_END = re.compile(rf"\(({_NAME}(?:, ?{_NAME})*)\)\s*$")
# "(ptr)", "(rah / rah)", "[cob]", "(* / yp)", "(D011)": desk codes closing a story.
_CODES_AT_END = re.compile(r"[(\[]\s*([\w*]{1,10}(?:\s*/\s*[\w*]{1,10}){0,3})\s*[)\]]\s*$")
# A photo caption flattened into the text: "... Kamis (25/12/2025) ANTARA/M Riezko Bima Elko Prasetyo".
_CAPTION = re.compile(r"\(\d{1,2}/\d{1,2}/\d{2,4}\)\.?\s*(?:ANTARA FOTO|ANTARA|Antara)\s*/\s*")
# A credit after a sentence with no date: "... Hari Raya Natal. ANTARA/M Riezko Bima Elko Prasetyo".
# (Written "ANTARA(?<=...)" rather than "(?<=[.!?] )(?:ANTARA FOTO|ANTARA)": a pattern opening with
# a lookbehind is tried at every position, one opening with a literal skips ahead to it.)
_CREDIT_ONLY = re.compile(r"ANTARA(?<=[.!?] ANTARA)(?: FOTO)?\s*/\s*(?!Business Wire)")
_SENTENCE_BREAK = re.compile(r"[.!?][\"”’]?\s+(?=[A-Z\"“])")
# "Pewarta: M. Riezko Bima Elko Prasetyo Editor: Endang Sukarelawati": each name runs to the next label.
_CREDIT = re.compile(r"\b(?:Pewarta|Penulis|Reporter|Editor|Penerjemah|Red|Rep|Fotografer|Penyunting)\s*:\s*"
                     r"([A-Z][\w.'’-]*(?:,? [A-Z][\w.'’-]*){0,5}?)(?=\s+(?:Pewarta|Penulis|Reporter|Editor|"
                     r"Penerjemah|Red|Rep|Fotografer|Penyunting|Copyright)\b|\s*$)")
_PEWARTA = re.compile(r"Pewarta\s*:\s*(.{2,60}?)\s+Editor\s*:")
_OPEN_BRACKET = {"(": ")", "[": "]"}
_LABEL_ONLY = re.compile(r"[(\[]?\s*(?:baca|lihat|simak|tonton)(?:\s+(?:juga|pula))?\s*[:-]?\s*[)\]]?", re.I)
MAX_HEADLINE_LINE = 150
MAX_CAPTION = 260
LOOK_BACK = 600


def _join(name: str) -> re.Pattern:
    """One alternation of a file's patterns; a leading "(?i)" stays local to its own pattern."""
    parts = []
    for p in lang.regexes(name):
        body = p.pattern
        parts.append(f"(?i:{body[4:]})" if body.startswith("(?i)") else f"(?:{body})")
    return re.compile("|".join(parts))


@lru_cache(maxsize=1)
def _line_patterns() -> re.Pattern:
    return _join("boilerplate_lines.txt")


@lru_cache(maxsize=None)
def _triggered(name: str) -> tuple[tuple[str, re.Pattern], ...]:
    """Each pattern of a file with the literal it starts with.

    Searched one by one, and only where the literal occurs: a plain substring
    test is far cheaper than a regex pass, and most articles hold none.
    """
    return tuple((_literal_prefix(p.pattern), p) for p in lang.regexes(name))


def _literal_prefix(pattern: str) -> str:
    m = re.match(r"(?:\\[\[\]().]|[^\\.\[\](){}?*+|^$])*", pattern)
    literal = re.sub(r"\\(.)", r"\1", m.group())
    # a quantifier binds the literal's last character
    return literal[:-1] if pattern[m.end():m.end() + 1] in ("?", "*", "{") else literal


_TRIGGERED_FILES = ("boilerplate_inline.txt", "boilerplate_related.txt")


@lru_cache(maxsize=1)
def _literals() -> tuple[re.Pattern, dict[str, frozenset[str]]]:
    """Every starting literal of both files as one prefix trie, and for each literal the
    literals it starts with ("Baca " holds "Baca")."""
    lits = {lit for name in _TRIGGERED_FILES for lit, _ in _triggered(name) if lit}
    return (re.compile(lang.trie(lits, literal=True)),
            {lit: frozenset(x for x in lits if lit.startswith(x)) for lit in lits})


def _present(raw: str) -> set[str]:
    """The starting literals that occur in ``raw``.

    One pass of a trie instead of a substring test per literal (some sixty). The search
    goes on from the character after each hit, so hits may overlap; a hit is the longest
    literal at its place, and every other literal there is a prefix of it.
    """
    rx, prefixes = _literals()
    found: set[str] = set()
    pos = 0
    while (m := rx.search(raw, pos)) is not None:
        found |= prefixes[m.group()]
        pos = m.start() + 1
    return found


class Scan:
    """One document's raw text and the patterns worth running on it."""

    def __init__(self, raw: str):
        self.raw = raw
        present = _present(raw)
        self.inline = _active("boilerplate_inline.txt", present)
        self.related = _active("boilerplate_related.txt", present)
        self.credits = photographers(raw) if "Pewarta" in raw else []
        self.codes = "/" in raw and "(" in raw
        self.captions = "NTARA" in raw or "ntara" in raw


def _active(name: str, present: set[str]) -> tuple[re.Pattern, ...]:
    return tuple(p for lit, p in _triggered(name) if not lit or lit in present)


def _search_all(patterns, raw: str, a: int, b: int):
    return [m for p in patterns for m in p.finditer(raw, a, b)]


def _related_in(scan: Scan, a: int, b: int):
    """Related-headline labels in raw[a:b], in order."""
    return sorted(_search_all(scan.related, scan.raw, a, b), key=lambda m: m.start())


def is_boilerplate_line(line: str) -> bool:
    return _line_patterns().fullmatch(line) is not None


def is_label_line(line: str) -> bool:
    """A related-headline label with nothing after it: "Baca juga:", "SIMAK JUGA -"."""
    return len(line) < 30 and _LABEL_ONLY.fullmatch(line) is not None


def is_headline_line(line: str) -> bool:
    """A short line that ends no sentence: a headline, not a paragraph."""
    line = line.rstrip()
    return len(line) <= MAX_HEADLINE_LINE and not line.endswith((".", '."', ".”", ":"))


def byline_codes(fragment: str) -> list[str] | None:
    """["khr", "bac"] for "(khr/bac)" or "(rah / rah)"; None when the fragment is no code."""
    m = _CODES.fullmatch(fragment.strip()) or _CODES_AT_END.fullmatch(fragment.strip())
    if m is None:
        return None
    return [c.strip() for c in m.group(1).split("/") if c.strip() not in ("", "*", "end")]


def byline_names(fragment: str) -> list[str]:
    m = re.search(r"\((.*)\)", fragment)
    return [n.strip() for n in m.group(1).split(",") if n.strip()] if m else []


def credit_names(fragment: str) -> list[str]:
    """The people a credit line names: "Pewarta: Budi Editor: Sri" -> ["Budi", "Sri"]."""
    if ":" not in fragment:
        return []
    return [m.group(1).strip() for m in _CREDIT.finditer(fragment)]


def photographers(raw: str) -> list[str]:
    """Names after "Pewarta:", which ANTARA also credits under its photos."""
    return [m.group(1) for m in _PEWARTA.finditer(raw)]


def find_cuts(scan: Scan, a: int, b: int) -> list[Cut]:
    """The boilerplate fragments inside the content line raw[a:b], sorted, not overlapping."""
    raw = scan.raw
    cuts = [Cut(m.start(), m.end(), "junk") for m in _search_all(scan.inline, raw, a, b) if m.end() > m.start()]
    if scan.codes:
        cuts += _code_cuts(raw, a, b)
    if scan.captions:
        cuts += _caption_cuts(raw, a, b, scan.credits)
    cuts += _names_at_end(raw, a, b)
    cuts = _merge(cuts)
    if scan.related:
        cuts = _merge(cuts + _related_cuts(scan, a, b, cuts))
    return cuts


def _names_at_end(raw: str, a: int, b: int) -> list[Cut]:
    """The writer's name or desk code closing the line after a sentence end.

    '... semester.(Galvan Yudistira)', '... ujar Ronaldo. (ptr)', '... katanya. [cob]'.
    """
    i = max(raw.rfind("(", a, b), raw.rfind("[", a, b))
    if i <= a or raw[a:i].rstrip()[-1:] not in (".", "!", "?", '"', "”", "’", ")"):
        return []
    m = _NAMES_AT_END.match(raw, i, b)
    if m:
        return [Cut(m.start(), m.end(), "names")]
    m = _CODES_AT_END.match(raw, i, b)
    if m and not m.group(1).isdigit():
        return [Cut(m.start(), m.end(), "codes")]
    return []


def _code_cuts(raw: str, a: int, b: int) -> list[Cut]:
    """Codes that close a paragraph: at the line's end, or before a capital after a sentence end."""
    out = []
    for m in _CODES.finditer(raw, a, b):
        rest = raw[m.end():b]
        before = raw[a:m.start()].rstrip()
        at_end = not rest.strip()
        closes = rest.lstrip()[:1].isupper() and (not before or before[-1] in ".!?\"”")
        if at_end or closes:
            out.append(Cut(m.start(), m.end(), "codes"))
    return out


def _caption_cuts(raw: str, a: int, b: int, credits) -> list[Cut]:
    out = []
    for m in _CAPTION.finditer(raw, a, b):
        lo = max(a, m.start() - LOOK_BACK)
        start = lo if lo == a else None
        for brk in _SENTENCE_BREAK.finditer(raw, lo, m.start()):
            start = brk.end()
        end = m.end() + _credit_len(raw, m.end(), b, credits)
        if start is None or m.start() - start > MAX_CAPTION:
            # No sure start: cut only the credit, never a paragraph the caption ran into.
            start = raw.rfind(")", m.start(), m.end()) + 1
        out.append(Cut(start, end, "junk"))
    for m in _CREDIT_ONLY.finditer(raw, a, b):
        out.append(Cut(m.start(), m.end() + _credit_len(raw, m.end(), b, credits), "junk"))
    return out


def _credit_len(raw: str, at: int, b: int, credits) -> int:
    """Length of the photographer's name at raw[at:]: a known Pewarta name, else two capitalised words."""
    words = list(re.finditer(r"\S+", raw[at:min(b, at + 80)]))
    squash = [re.sub(r"\W", "", c).lower() for c in credits]
    for k in range(min(6, len(words)), 0, -1):
        if re.sub(r"\W", "", raw[at:at + words[k - 1].end()]).lower() in squash:
            return words[k - 1].end()
    taken = 0
    for w in words[:2]:
        if not w.group()[:1].isupper():
            break
        taken = w.end()
    return taken


def _related_cuts(scan: Scan, a: int, b: int, cuts: list[Cut]) -> list[Cut]:
    """"Baca juga: <headline>" up to where the article's next sentence starts."""
    raw, out = scan.raw, []
    for m in _related_in(scan, a, b):
        if any(c.start <= m.start() < c.end for c in cuts + out):
            continue
        if m.start() > a and raw[m.start() - 1].isalpha():
            continue  # "membaca juga:" is prose
        start, end = m.start(), None
        if raw[start] not in _OPEN_BRACKET and start > a and raw[start - 1] in _OPEN_BRACKET:
            start -= 1  # "(Baca juga: ...)", "[Baca juga: ...]"
        if raw[start] in _OPEN_BRACKET:
            close = raw.find(_OPEN_BRACKET[raw[start]], m.end(), b)
            if close != -1:
                end = close + 1
            elif start < m.start():
                start += 1
            else:
                continue  # "(baca:" that never closes is no related link
        if end is None:
            stop = min([c.start for c in cuts + out if c.start >= m.end()] + [b])
            stop = min([n.start() for n in _related_in(scan, m.end(), stop)] + [stop])
            head = _skip_space(raw, m.end(), stop)
            end = headline_end(raw, head, stop)
            end = m.end() if end is None else end
        out.append(Cut(start, end, "junk"))
    return out


def _skip_space(raw: str, i: int, stop: int) -> int:
    while i < stop and raw[i].isspace():
        i += 1
    return i


def _merge(cuts: list[Cut]) -> list[Cut]:
    out: list[Cut] = []
    for c in sorted(cuts):
        if out and c.start < out[-1].end:
            last = out[-1]
            out[-1] = Cut(last.start, max(last.end, c.end), last.kind)
        else:
            out.append(c)
    return out
