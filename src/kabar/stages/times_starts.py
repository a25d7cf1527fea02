"""Where a time pattern can start, found with string searches instead of the regex engine.

``times_find._search`` tries a pattern only at given offsets when every match
starts at one of them. The regex engine's own search tests character after
character (~10 ns each, some 2,000 per article, once per pattern); a
``str.find`` for a literal runs several times faster, so these lists are
cheaper to build than the scans they replace:

- ``literal_heads``: the literal words every match of a pattern opens with
  ("hari", "Tahun", "KEMARIN" for "{rel}" and "2 tahun lalu"), read from the
  parsed pattern; their occurrences are where it can start;
- ``digit_offsets``: every decimal digit, from one ``str.find`` per digit
  where the text is ASCII.
"""
from __future__ import annotations

import re
from functools import lru_cache

from ..textscan import char_offsets, find_all

try:  # the regex parser, to read a pattern's opening literals
    from re import _constants as _c, _parser
except ImportError:  # pragma: no cover - Python before 3.11
    import sre_constants as _c
    import sre_parser as _parser

_MAX_HEADS = 64   # more opening literals than this: leave the pattern to the regex engine
_MIN_HEAD = 3     # a one- or two-character opening ("(", "I") the engine skips to as fast
_DIGIT = re.compile(r"\d")


@lru_cache(maxsize=None)
def literal_heads(rx: re.Pattern) -> tuple[str, ...] | None:
    """Literal strings, one of which opens every match of ``rx`` (None: no such short list,
    or one too short to be worth a search of its own)."""
    if rx.flags & re.IGNORECASE:
        return None
    found = _prefixes(_parser.parse(rx.pattern, rx.flags))
    if not found:
        return None
    heads = {p for p, _ in found}
    if min(map(len, heads)) < _MIN_HEAD:
        return None
    return tuple(sorted(heads))


def _prefixes(items) -> set[tuple[str, bool]] | None:
    """(prefix, whole) pairs: every match of ``items`` starts with one of the prefixes; whole
    when the prefix is all that path matches (so what follows may extend it)."""
    out = {("", True)}
    for op, av in items:
        step = _op_prefixes(op, av)
        grown = set()
        for p, whole in out:
            if not whole or step is None:
                grown.add((p, False))
            else:
                grown.update((p + q, w) for q, w in step)
        out = grown
        if len(out) > _MAX_HEADS:
            return None
        if not any(whole for _, whole in out):
            break
    return out


def _op_prefixes(op, av) -> set[tuple[str, bool]] | None:
    if op is _c.LITERAL:
        return {(chr(av), True)}
    if op is _c.SUBPATTERN:
        add_flags = av[1]
        return None if add_flags & re.IGNORECASE else _prefixes(av[-1])
    if op is _c.BRANCH:
        out = set()
        for alt in av[1]:
            sub = _prefixes(alt)
            if sub is None:
                return None
            out |= sub
        return out
    if op is _c.IN and all(o is _c.LITERAL for o, _ in av):
        return {(chr(a), True) for _, a in av}
    return None  # anything else (a repeat, a class, an assertion) ends the literal opening


def occurrences(text: str, heads: tuple[str, ...], cache: dict) -> list[int]:
    """Sorted offsets where any of ``heads`` occurs (overlapping); ``cache`` keeps each head's
    offsets for the other patterns of the same text."""
    out: list[int] = []
    for h in heads:
        found = cache.get(h)
        if found is None:
            found = cache[h] = find_all(text, h)
        out += found
    out.sort()
    return out


def digit_offsets(text: str) -> list[int]:
    """Offsets of the decimal digits (``\\d``) of ``text``, in order."""
    if not text.isascii():  # other scripts' digits are \\d too
        return [m.start() for m in _DIGIT.finditer(text)]
    return char_offsets(text, "0123456789")
