"""Build a cleaned text from pieces of the raw one, keeping the offset map.

Every character of the cleaned text remembers the raw index it came from, so
any span can be traced back to what was scraped. Inserted separators (a
newline between restored paragraphs, a space between glued words) map to
the raw index where they were inserted.
"""
from __future__ import annotations

import re

_LINE = re.compile(r"[^\n]+")


class TextBuilder:
    def __init__(self, raw: str):
        self.raw = raw
        self._parts: list[str] = []
        self._offsets: list[int] = []
        self.text_len = 0

    def add(self, start: int, end: int) -> None:
        """Append raw[start:end] unchanged."""
        if end <= start:
            return
        self._parts.append(self.raw[start:end])
        self._offsets.extend(range(start, end))
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
        self._offsets.extend(_align(text, self.raw, raw_start, raw_end))
        self.text_len += len(text)

    def add_sep(self, sep: str, at: int | None = None) -> None:
        """Append an inserted separator, mapped to the raw index ``at`` (default: after the last char)."""
        if at is None:
            at = self._offsets[-1] + 1 if self._offsets else 0
        self._parts.append(sep)
        self._offsets.extend([at] * len(sep))
        self.text_len += len(sep)

    def last_char(self) -> str:
        """The last character appended so far ('' when empty)."""
        for part in reversed(self._parts):
            if part:
                return part[-1]
        return ""

    def build(self) -> tuple[str, list[int]]:
        return "".join(self._parts), self._offsets

    def paragraphs(self) -> list[tuple[int, int]]:
        """Spans of the non-empty lines of the text built so far."""
        return paragraph_spans("".join(self._parts))


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
