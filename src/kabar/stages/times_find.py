"""Finding calendar expressions: the patterns of ``lang/id/time_patterns.txt``.

Speed is the point of most choices here (the stage should cost well under a
millisecond per article). Python's regex engine can skip quickly to the
places where a pattern's first character could match only when that first
character is a plain literal or set, so:

- every pattern starts with its first word or digit, and the finder, not
  the pattern, checks that a match does not start inside a word or number;
- patterns run case-sensitively on the original text, month names only in
  their written forms ("Januari", "JANUARI"), so a month pattern is tried
  only at capital letters; common words come lower-case, capitalised or
  upper-case;
- word lists become prefix tries ("j(?:an(?:uari)?|u(?:ni|li))"), not flat
  alternations that are tried branch by branch;
- what stands before a match ("Kamis (12/2)", "akhir Januari",
  "dua tahun lalu", and what makes it no time: "UU Nomor 7 Tahun 2017") is
  read afterwards, from a few characters before it, by the
  ``time_before_*.txt`` patterns.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache

try:  # the regex parser, to tell which patterns start with a digit
    from re import _constants as _c, _parser
except ImportError:  # pragma: no cover - Python before 3.11
    import sre_constants as _c
    import sre_parse as _parser

from .. import lang
from .times_starts import digit_offsets, literal_heads, occurrences

_PLACEHOLDER = re.compile(r"\{([a-z_]+)\}")  # letters only: {4} is a quantifier
# A pattern's empty group "<kind>_need" / "<kind>_opt" / "<kind>_not" asks for time_before_<kind>.txt.
_MARKER = re.compile(r"^(\w+)_(need|opt|not)$")
_BEFORE_REACH = 32   # chars before a match that a before-pattern may use ("Minggu malam waktu setempat (")
_EXCLUDE_REACH = 50  # chars before a match that an exclusion may start ("Copyright © ANTARA ")
_INSIDE = "./,"      # after these (or a letter or digit) a match would start inside a number or word
_UNITS = {"hari": "day", "bulan": "month", "tahun": "year"}


def _cased(words, *, lower: bool = True):
    """The forms a word is written in: lower-case (unless a name), Capitalised, UPPER."""
    for w in words:
        if lower:
            yield w.lower()
        yield w[:1].upper() + w[1:].lower()
        yield w.upper()


@lru_cache(maxsize=1)
def vocab() -> dict:
    months = lang.table("months.tsv", columns=3)
    weekdays = lang.table("weekdays.tsv", columns=2)
    dirs = lang.mapping("time_directions.tsv")
    rel = lang.table("time_relative.tsv", columns=3)
    nums = lang.mapping("time_numbers.tsv")
    return {
        "month_no": {name.lower(): int(no) for name, no, _ in months},
        "weekday_no": {name.lower(): int(no) for name, no in weekdays},
        "dir": {k.lower(): v for k, v in dirs.items()},
        "rel": {row[0].lower(): (row[1], int(row[2])) for row in rel},
        "num": {k.lower(): int(v) for k, v in nums.items()},
        "fill": {
            "month": lang.trie(_cased((n for n, _, kind in months if kind != "en"), lower=False)),
            "month_full": lang.trie(_cased((n for n, _, kind in months if kind == "full"), lower=False)),
            "month_any": lang.trie(_cased((n for n, _, _ in months), lower=False)),
            "weekday": lang.trie(_cased((n for n, _ in weekdays), lower=False)),
            "dir": lang.trie(_cased(dirs)),
            "rel": lang.trie(_cased(row[0] for row in rel)),
            "num": lang.trie(_cased(nums)),
            "not_after": lang.trie(_cased(lang.lines("time_not_after.txt"))),
        },
    }


def _sources(name: str, flags: int = 0) -> list[re.Pattern]:
    """The file's patterns with placeholders filled, compiled; a bad one names its line."""
    fill = vocab()["fill"]
    out = []
    for n, line in enumerate(lang.lines(name, unique=True), 1):
        try:
            out.append(re.compile(_PLACEHOLDER.sub(lambda m: fill[m.group(1)], line), flags))
        except (re.error, KeyError) as exc:
            raise lang.LanguageDataError(f"lang/id/{name}: pattern {n}: {exc}") from None
    return out


@lru_cache(maxsize=1)
def patterns() -> tuple[tuple[re.Pattern, bool], ...]:
    """(pattern, deictic): deictic ones ("hari ini") need a publication date to mean anything."""
    return tuple((rx, "rel" in rx.groupindex or "count_need" in rx.groupindex)
                 for rx in _sources("time_patterns.txt"))


@lru_cache(maxsize=1)
def _digit_first() -> frozenset[re.Pattern]:
    """The patterns every match of which starts with a decimal digit ("25/8/2015", "2024")."""
    return frozenset(rx for rx, _ in patterns() if _starts_with_digit(_parser.parse(rx.pattern, rx.flags)))


def _starts_with_digit(items) -> bool:
    """Whether what the parsed pattern ``items`` matches always starts with a decimal digit;
    False when unsure (an assertion, an optional part or an empty group first)."""
    for op, av in items:
        if op is _c.SUBPATTERN:
            return _starts_with_digit(av[-1])
        if op is _c.LITERAL:
            return chr(av) in "0123456789"
        if op is _c.IN:
            return all((o is _c.CATEGORY and a is _c.CATEGORY_DIGIT) or (o is _c.LITERAL and chr(a) in "0123456789")
                       or (o is _c.RANGE and "0" <= chr(a[0]) <= chr(a[1]) <= "9") for o, a in av)
        if op is _c.BRANCH:
            return all(_starts_with_digit(alt) for alt in av[1])
        if op in (_c.MAX_REPEAT, _c.MIN_REPEAT):
            return av[0] >= 1 and _starts_with_digit(av[2])
        return False
    return False


@lru_cache(maxsize=1)
def _month_first() -> frozenset[re.Pattern]:
    """The patterns every match of which starts with a month name: those opening with groups
    that hold nothing but {month}, {month_full} or {month_any} (all forms of {month_any})."""
    fill, out = vocab()["fill"], set()
    for rx, _ in patterns():
        opening = re.match(r"(?:\(\?P<\w+>)+", rx.pattern)
        if opening is None or _parser.parse(rx.pattern, rx.flags)[0][0] is not _c.SUBPATTERN:
            continue  # no group first, or an alternation around everything
        rest, depth = rx.pattern[opening.end():], opening.group().count("(")
        if any(rest.startswith(fill[k] + ")" * depth) for k in ("month", "month_full", "month_any")):
            out.add(rx)
    return frozenset(out)


def _month_starts(text: str) -> list[int]:
    """Every offset where a month name of {month_any} starts (searched overlapping)."""
    rx, out, pos = _month_any(), [], 0
    while (m := rx.search(text, pos)) is not None:
        out.append(m.start())
        pos = m.start() + 1
    return out


@lru_cache(maxsize=1)
def _month_any() -> re.Pattern:
    return re.compile(vocab()["fill"]["month_any"])


@lru_cache(maxsize=None)
def before(kind: str) -> re.Pattern:
    return _sources(f"time_before_{kind}.txt", re.IGNORECASE)[0]


def find(text: str, *, deictic: bool = True) -> list[tuple[int, int, dict]]:
    """(start, end, fields) of every calendar expression, in text order.

    Patterns are tried in file order; a match overlapping an earlier one is
    dropped. ``deictic=False`` skips "hari ini" and the like.
    """
    taken: list[tuple[int, int]] = []
    found = []
    digit_first, month_first = _digit_first(), _month_first()
    digits = digit_offsets(text)
    # ``_matches`` refuses a match inside a number or word ("2024" in "12024", "3/2024") unless
    # a marker group reads what stands before it: a pattern without markers is tried only at
    # the digits that open a number (a third of them: "2024" is one try, not four).
    opening = [s for s in digits if not (s and (text[s - 1].isalnum() or text[s - 1] in _INSIDE))]
    months = _month_starts(text)
    heads_at: dict[str, list[int]] = {}
    for rx, is_deictic in patterns():
        if is_deictic and not deictic:
            continue
        if rx in digit_first:
            starts = digits if _markers(rx) else opening
        elif rx in month_first:
            starts = months
        else:  # "hari ini", "2 tahun lalu": where their opening words occur ("tahun", "Hari")
            heads = literal_heads(rx)
            starts = None if heads is None else occurrences(text, heads, heads_at)
        for a, b, g, lead in _matches(rx, text, starts):
            if any(a < y and x < b for x, y in taken):
                continue
            f = fields(g)
            if f is None:
                continue
            taken.append((a, b))  # an excluded match still holds its text: "setiap 17 Agustus 2025" is no "2025"
            if not _excluded(text, lead):
                found.extend(_split_range(g, a, b, f))
    found.sort(key=lambda item: item[0])
    return found


def _matches(rx: re.Pattern, text: str, starts: list[int] | None = None):
    """(start, end, groups, lead) of one pattern's acceptable matches, left to right;
    ``lead`` is where the text read starts, which exclusions look before.

    A refused match lets the search go on from its next character, where a
    shorter reading may still fit. ``starts``: where every match of the pattern
    must start (the text's digits, or its month names; see ``_search``).
    """
    markers = _markers(rx)
    pos = 0
    while (m := _search(rx, text, pos, starts)) is not None:
        s = m.start()
        pos = s + 1
        inside = s > 0 and text[s].isalnum() and (text[s - 1].isalnum() or text[s - 1] in _INSIDE)
        if inside and not markers:
            continue
        g = {k: v for k, v in m.groupdict().items() if v is not None}
        a, ok = s, True
        for kind, how in markers:
            a, ok = _read_before(kind, how, text, a, g)
            if not ok:
                break
        if a < s:
            b = m.end()  # "Selasa (25/8)", parentheses and all
        else:
            a, b = m.span("t") if "t" in g else m.span()
        # A span grown over what stands before ("sehari", "ArabiyaJumat") starts where that says.
        if not ok or (inside and a >= s):
            continue
        if "y2" in g:
            g["y_span"], g["y2_span"] = m.span("y"), m.span("y2")
        pos = m.end()
        yield a, b, g, min(a, s)


@lru_cache(maxsize=None)
def _markers(rx: re.Pattern) -> list[tuple[str, str]]:
    """(kind, how) of the pattern's marker groups, read once per pattern, not per text."""
    return [(m.group(1), m.group(2)) for name in rx.groupindex if (m := _MARKER.match(name))]


def _search(rx: re.Pattern, text: str, pos: int, starts: list[int] | None) -> re.Match | None:
    """``rx.search(text, pos)``. When every match of the pattern starts at one of ``starts``
    (a digit, a month name), the same match is the first found by trying the pattern at each
    of them from ``pos`` on: much cheaper, as the regex engine's own search tests every
    character of the text, once per pattern, and an article has a few dozen digits and
    a handful of month names."""
    if starts is None:
        return rx.search(text, pos)
    for i in range(bisect_left(starts, pos), len(starts)):
        m = rx.match(text, starts[i])
        if m is not None:
            return m
    return None


def _read_before(kind: str, how: str, text: str, a: int, g: dict) -> tuple[int, bool]:
    """Read what stands right before ``a`` with time_before_<kind>.txt; its groups join ``g``.

    ``how`` is need, opt or not (what it reads refuses the match). The span
    grows over what was read, or only over its ``t`` group when it has one
    ("akhir Januari" but not "pada Januari"). Returns (new start, acceptable).
    """
    w = before(kind).search(text, max(0, a - _BEFORE_REACH), a)
    if how == "not":
        return a, w is None
    if w is None:
        return a, how == "opt"
    g.update({k: v for k, v in w.groupdict().items() if v is not None and k != "t"})
    if "t" in w.re.groupindex:
        return (w.start("t") if w.group("t") is not None else a), True
    return w.start(), True


def _excluded(text: str, a: int) -> bool:
    return before("exclude").search(text, max(0, a - _EXCLUDE_REACH), a) is not None


def _split_range(g: dict, a: int, b: int, f: dict):
    """A year range ("2009-2014") is two times; a season's "-16" is no year of its own."""
    if "y2" not in g:
        return [(a, b, f)]
    out = [(*g["y_span"], {"y": g["y"]})]
    if len(g["y2"]) == 4:
        out.append((*g["y2_span"], {"y": g["y2"]}))
    return out


def fields(g: dict) -> dict | None:
    """A match's groups as the resolver wants them, or None when it is no real date."""
    v = vocab()
    f: dict = {"d": g.get("d"), "y": g.get("y")}
    if "m" in g:
        f["month"] = int(g["m"])
    elif "mon" in g:
        f["month"] = v["month_no"][g["mon"].lower()]
    if "wd" in g:
        f["wd"] = v["weekday_no"][g["wd"].lower()]
    if "dir" in g:
        f["dir"] = v["dir"][_squeeze(g["dir"])]
    if "rel" in g:
        f["rel"] = v["rel"][_squeeze(g["rel"])]
    if "n" in g:
        n = _squeeze(g["n"])
        f["n"], f["unit"] = (int(n) if n.isdigit() else v["num"][n]), _UNITS[g["unit"].lower()]
    if "near" in g and not (f["y"] or "wd" in g or "day" in g):
        f["near"] = True
    if f.get("month") is not None and not 1 <= f["month"] <= 12:
        return None
    if f["d"] is not None and not _day_exists(int(f["d"]), f["month"]):
        return None
    if "d2" in g and int(g["d2"]) <= int(f["d"]):
        return None  # "3-1 Mei" is a score before a date, no range of days
    return f


def _day_exists(day: int, month: int) -> bool:
    # 2000 was a leap year, so "29 Februari" without a year passes.
    return day >= 1 and day <= (29 if month == 2 else 30 if month in (4, 6, 9, 11) else 31)


def _squeeze(s: str) -> str:
    return " ".join(s.lower().split())
