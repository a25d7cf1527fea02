"""Build a cleaned text from pieces of the raw one, keeping the offset map.

Every character of the cleaned text remembers the raw index it came from, so
any span can be traced back to what was scraped. Inserted separators (a
newline between restored paragraphs, a space between glued words) map to
the raw index where they were inserted.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import chain

_LINE = re.compile(r"[^\n]+")


class OffsetMap(Sequence):
    """``offsets[i]``: the raw index of clean character i, kept as the pieces it was built
    from (ranges for copied stretches) and spelt out as a list only when first read.

    Most texts are never traced back to their raw form, and a list of one int per
    character cost more than the rest of cleaning's bookkeeping together.
    """

    __slots__ = ("_pieces", "_len", "_list")

    def __init__(self, pieces: list, length: int):
        self._pieces, self._len, self._list = pieces, length, None

    def _spelt(self) -> list[int]:
        if self._list is None:
            self._list = list(chain.from_iterable(self._pieces))
        return self._list

    def __len__(self) -> int:
        return self._len

    def __getitem__(self, i):
        return self._spelt()[i]

    def __iter__(self):
        return iter(self._spelt())

    def __eq__(self, other) -> bool:
        if isinstance(other, OffsetMap):
            other = other._spelt()
        return isinstance(other, (list, tuple)) and self._spelt() == list(other)

    def __repr__(self) -> str:
        return f"OffsetMap({self._spelt()!r})"


class TextBuilder:
    def __init__(self, raw: str):
        self.raw = raw
        self._parts: list[str] = []
        self._pieces: list = []  # per part: a range, or a list, of raw indices
        self._last = -1  # raw index of the last character so far
        self.text_len = 0

    def add(self, start: int, end: int) -> None:
        """Append raw[start:end] unchanged."""
        if end <= start:
            return
        self._parts.append(self.raw[start:end])
        self._pieces.append(range(start, end))
        self._last = end - 1
        self.text_len += end - start

    def add_text(self, text: str, raw_start: int, raw_end: int) -> None:
        """Append replacement text (a repaired word) standing for raw[raw_start:raw_end].

        Characters the raw stretch has at the same place map to themselves; a
        repaired character ("ó" for the mojibake "Ã³") maps to the first raw
        character it replaces.
        """
        if not text:
            return
        self._parts.append(text)
        aligned = _align(text, self.raw, raw_start, raw_end)
        self._pieces.append(aligned)
        self._last = aligned[-1]
        self.text_len += len(text)

    def add_sep(self, sep: str, at: int | None = None) -> None:
        """Append an inserted separator, mapped to the raw index ``at`` (default: after the last char)."""
        if at is None:
            at = self._last + 1
        self._parts.append(sep)
        self._pieces.append([at] * len(sep))
        if sep:
            self._last = at
        self.text_len += len(sep)

    def last_char(self) -> str:
        """The last character appended so far ('' when empty)."""
        for part in reversed(self._parts):
            if part:
                return part[-1]
        return ""

    def build(self) -> tuple[str, OffsetMap]:
        return "".join(self._parts), OffsetMap(self._pieces, self.text_len)


def _align(text: str, raw: str, start: int, end: int) -> list[int]:
    """Raw index for each character of ``text`` replacing raw[start:end], in order."""
    out, pos = [], start
    last = max(start, end - 1)
    for ch in text:
        out.append(min(pos, last))
        if pos < end and raw[pos] == ch:
            pos += 1
        else:
            # mojibake spells one character with the bytes of its UTF-8 form
            pos += len(ch.encode("utf-8")) if ord(ch) > 127 else 1
    return out


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of every non-empty line of ``text``."""
    return [m.span() for m in _LINE.finditer(text)]
