r"""spaCy's prefix and suffix searches with the same answers, tried where they can match.

spaCy looks for a prefix with ``pattern.search(chunk)``: an alternation of
some 170 branches, all anchored with ``^`` but one (``<a([^>]+)>``, an HTML
link, found anywhere). So the engine walks the whole chunk and tries every
branch at every position, where all but one fail at once on ``^``: 18 µs for
a 14-letter word, milliseconds for a scraped URL, and most of spaCy's time on
a new chunk. Trying the branches at position 0 (``match``), and searching on
only where an unanchored branch finds something, returns the very match
object ``search`` would.

The suffix search is the mirror case: 88 branches, each ending in ``$``, so
a match can only start within the longest branch's width of the end. All
but one (``\.\.+$``) have a bounded width; the search starts that far from
the end, and the unbounded branches alone are looked for before it.
"""
from __future__ import annotations

import re
from collections.abc import Callable

import re._constants as _c
import re._parser as _parser

_UNBOUNDED = 1 << 16  # a branch width this large is a "+" or "*"
_BACKREF = re.compile(r"\\\d|\(\?P=")


def _top_branches(pattern: str) -> list[str]:
    """The pattern's source split at its top-level ``|`` (outside groups, sets and escapes)."""
    out, depth, in_set, start, i = [], 0, False, 0, 0
    while i < len(pattern):
        ch = pattern[i]
        if ch == "\\":
            i += 2
            continue
        if in_set:
            if ch == "]":
                in_set = False
        elif ch == "[":
            in_set = True
            if pattern[i + 1:i + 2] == "^":
                i += 1
            if pattern[i + 1:i + 2] == "]":  # "[]...]" and "[^]...]": a literal "]" first
                i += 1
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif ch == "|" and depth == 0:
            out.append(pattern[start:i])
            start = i + 1
        i += 1
    out.append(pattern[start:])
    return out


def _branches(search: Callable):
    """(compiled pattern, each top-level branch's source, each one parsed) of a bound
    ``search``; None where the pattern is not one alternation we can read safely."""
    compiled = getattr(search, "__self__", None)
    if not isinstance(compiled, re.Pattern) or compiled.flags & re.MULTILINE:
        return None
    try:
        tree = _parser.parse(compiled.pattern, compiled.flags)
    except re.error:
        return None
    if len(tree.data) != 1 or tree.data[0][0] is not _c.BRANCH:
        return None
    sources, branches = _top_branches(compiled.pattern), tree.data[0][1][1]
    if len(branches) != len(sources):  # the split must agree with the parser
        return None
    return compiled, sources, branches


def anchored_first(search: Callable) -> Callable:
    """``search`` (a compiled pattern's bound ``search``), answering the same, faster when
    the pattern's branches are anchored at the start; ``search`` itself where that
    cannot be shown from the pattern."""
    read = _branches(search)
    if read is None:
        return search
    compiled, sources, branches = read
    loose = [src for src, b in zip(sources, branches)
             if not (b.data and b.data[0] == (_c.AT, _c.AT_BEGINNING))]
    if any(_BACKREF.search(src) for src in loose):  # group numbers change apart
        return search
    match = compiled.match
    anywhere = re.compile("|".join(loose), compiled.flags).search if loose else None

    def prefix_search(text: str):
        # at position 0 every branch is tried, as search tries them first; past it
        # only an unanchored branch can match, and only then is search asked
        m = match(text)
        if m is not None or anywhere is None:
            return m
        return search(text) if anywhere(text, 1) else None

    prefix_search.__wrapped__ = search
    return prefix_search


def anchored_last(search: Callable) -> Callable:
    """``search`` for a pattern whose branches all end with ``$``: the same answers,
    searched from where a match can start; ``search`` itself where that cannot be shown."""
    read = _branches(search)
    if read is None:
        return search
    compiled, sources, branches = read
    if not all(b.data and b.data[-1] == (_c.AT, _c.AT_END) for b in branches):
        return search
    widths = [b.getwidth()[1] for b in branches]
    bounded = [w for w in widths if w < _UNBOUNDED]
    loose = [src for src, w in zip(sources, widths) if w >= _UNBOUNDED]
    if not bounded or any(_BACKREF.search(src) for src in loose):
        return search
    reach = max(bounded)
    match, from_ = compiled.match, compiled.search
    anywhere = re.compile("|".join(loose), compiled.flags).search if loose else None

    def suffix_search(text: str):
        # a bounded branch ending at the end starts no earlier than `start`; before
        # it only an unbounded branch can match, and the first place one does is
        # where search would have stopped, trying every branch there in order
        start = len(text) - reach - 1  # one more: "$" also matches before a final newline
        if start <= 0:
            return search(text)
        if anywhere is not None:
            m = anywhere(text)
            if m is not None and m.start() < start:
                return match(text, m.start())
        return from_(text, start)

    suffix_search.__wrapped__ = search
    return suffix_search
