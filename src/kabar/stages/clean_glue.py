"""Repairs of scraped text, as edits that keep the offset map.

An edit is ``(start, end, replacement)`` on the text it was computed for: an
empty span inserts (a space between glued words, a newline between
run-together paragraphs), a non-empty one replaces (a mojibake word, odd
whitespace) or deletes (invisible characters). No edit crosses a line break.
"""
from __future__ import annotations

import re
from functools import lru_cache

from .. import lang

Edit = tuple[int, int, str]

_ODD_SPACE = "\t\xa0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000"
# Odd whitespace (with any spaces after it) and runs of plain spaces: two cheap passes, merged.
_ODD_SPACES = re.compile(r"[\t\xa0\u2000-\u200a\u202f\u205f\u3000][ \t\xa0\u2000-\u200a\u202f\u205f\u3000]*")
_SPACE_RUN = re.compile(r"  +")  # " {2,}", with the literal prefix the regex engine skips ahead on
_INVISIBLE_CHARS = "\u200b\u200c\u200d\u2060\ufeff\u00ad"
_INVISIBLE = re.compile(r"[\u200b\u200c\u200d\u2060\ufeff\u00ad]+")
# "sehat.Hal itu", "Indonesia.\"Kita mau", "(11/1/2024).Lebih": a sentence end with no space after.
# (Group 1 is "[.!?]+" or ":", written to start with one character class: a pattern
# that starts with an alternation or a repeat is tried at every position of the text.)
_RUN_ON = re.compile(r"([.!?:](?:(?<=[.!?])[.!?]*)?)([\"”’]?)(?=[\"“]?[A-Z][a-z])")
# A lower-to-upper join inside a word: found by its capital (rarer than a lower-case letter,
# so the regex engine stops less often), then grown to the token.
_TRANSITION = re.compile(r"[A-Z](?<=[a-z][A-Z])")
_JOIN = re.compile(r"(?<=[a-z])(?=[A-Z])")
_NOT_BESIDE = set("@#/.=&_") | set("0123456789")
# UTF-8 read as Latin-1 or CP1252 ("JÃ³hann"), as the scorer recognises it.
_MOJIBAKE = re.compile("[\u00c2-\u00f4][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013-\u2122]")
_TOKEN = re.compile(r"\S+")
MIN_HALF = 5
STARTER_MIN = 50
# Glued before a starter this common, the right part begins a new paragraph.
PARAGRAPH_STARTER_MIN = 200
_DOMAIN_TAIL = re.compile(r"(?:com|co|id|net|org|go|ac|or)\b", re.I)


@lru_cache(maxsize=1)
def _keep_prefixes() -> tuple[str, ...]:
    return lang.lines("glue_keep_prefixes.txt")


@lru_cache(maxsize=1)
def _starters() -> dict[str, int]:
    return {w: int(n) for w, n in lang.table("clean_starters.tsv", columns=2)}


def _starter_count(word: str) -> int:
    return _starters().get(word, 0)


@lru_cache(maxsize=1)
def _right_words() -> frozenset[str]:
    """Day and month names: glued after a name they are always a new word ("Al ArabiyaJumat")."""
    names = [row[0] for row in lang.table("weekdays.tsv")] + [row[0] for row in lang.table("months.tsv")]
    return frozenset(n for n in names if len(n) > 3)


@lru_cache(maxsize=1)
def _brand_prefixes() -> frozenset[str]:
    return frozenset(b[:4] for b in lang.lines("glue_brands.txt"))


@lru_cache(maxsize=1)
def _brands() -> re.Pattern:
    names = lang.alternation(lang.lines("glue_brands.txt"), boundary=False)
    return re.compile(rf"{names}(?![A-Za-z])")


def repairs(text: str) -> list[Edit]:
    """All edits for ``text``, sorted and not overlapping."""
    # ASCII text holds no mojibake, no invisible character and no odd space but the tab:
    # one cheap test spares it those scans.
    ascii_only = text.isascii()
    edits = [] if ascii_only else _mojibake(text)
    taken = [(s, e) for s, e, _ in edits]

    def free(i: int) -> bool:
        return not any(s <= i < e for s, e in taken)

    if "  " in text or "\t" in text or (not ascii_only and any(c in text for c in _ODD_SPACE)):
        edits += [(a, b, " ") for a, b in space_runs(text) if free(a)]
    if not ascii_only and any(c in text for c in _INVISIBLE_CHARS):
        edits += [(m.start(), m.end(), "") for m in _INVISIBLE.finditer(text) if free(m.start())]
    edits += [(i, i, "\n") for i in run_on_breaks(text) if free(i)]
    edits += [(i, i, paragraph_or_space(text, i)) for i in glue_splits(text) if free(i)]
    edits.sort()
    return _drop_overlaps(edits)


def space_runs(text: str) -> list[tuple[int, int]]:
    """Spans of whitespace (no newline) that should be one plain space."""
    runs = [m.span() for m in _SPACE_RUN.finditer(text)]
    for m in _ODD_SPACES.finditer(text):
        a = m.start()
        while a > 0 and text[a - 1] == " ":
            a -= 1
        runs.append((a, m.end()))
    merged: list[tuple[int, int]] = []
    for a, b in sorted(runs):
        if merged and a <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(b, merged[-1][1]))
        else:
            merged.append((a, b))
    return [(a, b) for a, b in merged if b - a > 1 or text[a] != " "]


def _drop_overlaps(edits: list[Edit]) -> list[Edit]:
    out: list[Edit] = []
    for e in edits:
        if out and e[0] < out[-1][1]:
            continue
        if out and e[0] == out[-1][0] == out[-1][1] == e[1]:
            continue
        out.append(e)
    return out


def run_on_breaks(text: str) -> list[int]:
    """Where a paragraph starts right after the previous one's full stop."""
    out = []
    for m in _RUN_ON.finditer(text):
        before = text[m.start() - 1] if m.start() else " "
        if not (before.isalnum() or before in ")]%") or (m.group(1) == ":" and not before.islower()):
            continue  # "rinciannya:Adapun" breaks; "10:30" and "KPK:Ini" do not
        word = text[_back(text, m.start(), _in_word_or_dot):m.start()]
        if _is_abbreviation(word) or _DOMAIN_TAIL.match(text, m.end()):
            continue
        quote = m.group(2)
        line_start = text.rfind("\n", 0, m.start()) + 1
        if quote == '"' and text.count('"', line_start, m.start(2)) % 2 == 0:
            out.append(m.start(2))  # the quote opens the next paragraph
        else:
            out.append(m.end())
    return out


def _is_abbreviation(word: str) -> bool:
    """'Jl', 'M', 'H.M', 'No' before a full stop: no sentence ends there."""
    if not word:
        return False  # after ")" or "%"
    last = word.rsplit(".", 1)[-1]
    if "." in word or len(last) <= 1:
        return True
    if last.isdigit() and len(last) <= 2:
        return True  # a list number: "1.Prabowo"
    return last.lower() in lang.words("clean_abbrev.txt") or (last[0].isupper() and len(last) <= 3 and not last.isupper())


def glue_splits(text: str) -> list[int]:
    """Positions inside tokens where two words were glued together."""
    out, seen = [], set()
    for m in _TRANSITION.finditer(text):
        start = _back(text, m.start() - 1, _is_ascii_letter)
        if start in seen:
            continue
        seen.add(start)
        end = _forward(text, m.start(), _is_ascii_letter)
        if _beside_code(text, start, end):
            continue  # part of a URL, handle, hashtag or code: not prose
        token = text[start:end]
        if keeps_mixed_case(token) or text.count(token) > 1:
            continue  # a name written the same way twice ("UnionSpace") is no accident of markup
        out += [start + j.start() for j in _JOIN.finditer(token) if _should_split(token, j.start())]
    if any(p in text for p in _brand_prefixes()):
        out += [m.start() for m in _brands().finditer(text)
                if m.start() and text[m.start() - 1].islower() and _known_before(text, m.start())]
    return sorted(set(out))


def keeps_mixed_case(token: str) -> bool:
    """A known mixed-case name ("YouTube", "detikNews") that is never split."""
    token = token[:-2] if token.endswith(("'s", "’s")) else token
    return token in lang.words("glue_keep.txt") or token.startswith(_keep_prefixes())


def _is_ascii_letter(ch: str) -> bool:
    return ("a" <= ch <= "z") or ("A" <= ch <= "Z")


def _in_word_or_dot(ch: str) -> bool:
    return ch.isalnum() or ch in "._"


def _back(text: str, i: int, ok) -> int:
    """The start of the run of characters satisfying ``ok`` that ends at ``i`` (inclusive)."""
    while i > 0 and ok(text[i - 1]):
        i -= 1
    return i


def _forward(text: str, i: int, ok) -> int:
    while i < len(text) and ok(text[i]):
        i += 1
    return i


def _beside_code(text: str, start: int, end: int) -> bool:
    before = text[start - 1] if start else " "
    after = text[end] if end < len(text) else " "
    if after in "'’" and text[end + 1:end + 2] == "s":
        after = text[end + 2] if end + 2 < len(text) else " "
    return before in _NOT_BESIDE or after in _NOT_BESIDE or before.isalnum() or after.isalnum()


def paragraph_or_space(text: str, i: int) -> str:
    """A newline where the glued right part opens a sentence ("ujarnyaNamun"), else a space."""
    word = text[i:_forward(text, i + 1, str.islower)]
    return "\n" if _starter_count(word) >= PARAGRAPH_STARTER_MIN else " "


def _should_split(token: str, i: int) -> bool:
    left = re.search(r"[A-Za-z]*$", token[:i]).group()
    right = re.match(r"[A-Z][a-z]*|[A-Z]+", token[i:]).group()
    caps_right = right.isupper()
    if len(left) < 3 or (caps_right and len(token[i:]) < 2) or token[i:] in lang.words("glue_keep_suffixes.txt"):
        return False
    rest = re.match(r"[A-Z]+(?![a-z])|[A-Z][a-z]+", token[i:]).group()
    if left[0].islower():
        # "dilansirAFP", "koruptorKPK": a known lower-case word glued to a name or acronym.
        return left.lower() in lang.words("glue_words.txt") and (len(rest) >= 2)
    if rest in _right_words() or _starter_count(rest) >= STARTER_MIN:
        return True  # "ArabiyaJumat", "Dibatasi" + "Sebelumnya": a glued date or sentence start
    if caps_right:
        return len(left) >= MIN_HALF and len(rest) >= 4 and left.lower() in lang.words("glue_words.txt")
    # "HamasMuhammad": two long words of their own. Brand names join short ones
    # ("GrabPay", "TopKarir", "SunTrust") or halves that are no words ("PetroChina").
    return (len(left) >= MIN_HALF and len(rest) >= MIN_HALF
            and left.lower() in lang.words("glue_words.txt") and rest.lower() in lang.words("glue_words.txt"))


def _known_before(text: str, i: int) -> bool:
    word = text[_back(text, i, _is_ascii_letter):i]
    return len(word) >= 3 and word.lower() in lang.words("glue_words.txt")


def _mojibake(text: str) -> list[Edit]:
    out = []
    if not _MOJIBAKE.search(text):
        return out
    for m in _TOKEN.finditer(text):
        if _MOJIBAKE.search(m.group()):
            fixed = fix_mojibake(m.group())
            if fixed != m.group():
                out.append((m.start(), m.end(), fixed))
    return out


def fix_mojibake(word: str) -> str:
    """The word as it was meant ("JÃ³hann" -> "Jóhann"), or unchanged when it is no mojibake."""
    for codec in ("cp1252", "latin-1"):
        try:
            return word.encode(codec).decode("utf-8")
        except UnicodeError:
            continue
    try:
        import ftfy  # a dependency; only reached for words the codecs above cannot undo
    except ImportError:  # pragma: no cover
        return word
    return ftfy.fix_encoding(word)
