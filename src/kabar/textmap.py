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
        """Append replacement text (a repaired word) standing for raw[raw_start:raw_end]."""
        if not text:
            return
        span = max(raw_end - raw_start, 1)
        self._parts.append(text)
        self._offsets.extend(raw_start + min(i * span // len(text), span - 1) for i in range(len(text)))
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


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of every non-empty line of ``text``."""
    return [m.span() for m in _LINE.finditer(text)]
