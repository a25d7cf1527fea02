"""The Document and the kabar/1 record it serialises to.

Layers are lists of plain dicts in exactly the kabar/1 shape
(``shared/spec/document-json.md``), so a stage writes what the contract says
and serialising is a copy, not a translation. What only the pipeline needs
(the raw text, the clean-to-raw offset map, sentences, tokens) lives beside
the public fields and never reaches the record.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from collections.abc import Sequence
from typing import Any

SCHEMA = "kabar/1"
LAYERS = ("entities", "quotes", "figures", "times", "events")
# Fields of the record, in the order the spec lists them.
RECORD_FIELDS = ("schema", "id", "url", "source", "title", "published", "language", "text",
                 "boilerplate", "bylines", *LAYERS, "warnings")
# Layers whose items carry their own text beside their span.
SPAN_TEXT_LAYERS = ("quotes", "figures", "times")


class SpanError(ValueError):
    """A span does not index the cleaned text as its own text says."""


@dataclass
class Document:
    text: str
    raw: str = ""
    id: str | None = None
    url: str | None = None
    source: str | None = None
    title: str | None = None
    published: str | None = None
    language: str = "id"
    boilerplate: list[str] = field(default_factory=list)
    bylines: list[str] = field(default_factory=list)
    entities: list[dict] = field(default_factory=list)
    quotes: list[dict] = field(default_factory=list)
    figures: list[dict] = field(default_factory=list)
    times: list[dict] = field(default_factory=list)
    events: list[dict] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    # Pipeline-internal, never serialised.
    offsets: Sequence[int] | None = None      # offsets[i]: raw index of text[i] (a textmap.OffsetMap)
    sentences: list[tuple[int, int]] = field(default_factory=list)
    tokens: list[tuple[int, int]] = field(default_factory=list)
    paragraphs: list[tuple[int, int]] = field(default_factory=list)
    extra: dict[str, Any] = field(default_factory=dict)  # scratch space shared by stages

    def ensure_id(self) -> str:
        """The input's id, else a stable hash of the cleaned text."""
        if not self.id:
            self.id = hashlib.sha1(self.text.encode("utf-8")).hexdigest()[:16]
        return self.id

    def to_dict(self) -> dict:
        self.ensure_id()
        out = {"schema": SCHEMA}
        for name in RECORD_FIELDS[1:]:
            out[name] = getattr(self, name)
        return out

    @classmethod
    def from_dict(cls, record: dict) -> "Document":
        """Rebuild a Document from a kabar/1 record (as stored or exported)."""
        if record.get("schema", SCHEMA) != SCHEMA:
            raise ValueError(f"not a {SCHEMA} record: schema {record.get('schema')!r}")
        kwargs = {name: record[name] for name in RECORD_FIELDS[1:] if name in record}
        return cls(raw=record.get("text", ""), **kwargs)

    def entity(self, entity_id: str | None) -> dict | None:
        for e in self.entities:
            if e.get("id") == entity_id:
                return e
        return None


def check_spans(record: dict) -> None:
    """Raise SpanError unless every span of a kabar/1 record indexes its text."""
    text = record["text"]
    n = len(text)

    def ok(span, what):
        a, b = span
        if not (0 <= a <= b <= n):
            raise SpanError(f"{record.get('id')}: {what} span {span} outside text of length {n}")

    for e in record.get("entities", []):
        for m in e.get("mentions", []):
            ok(m, f"entity {e.get('id')}")
    for layer in SPAN_TEXT_LAYERS:
        for item in record.get(layer, []):
            ok(item["span"], layer)
            a, b = item["span"]
            if text[a:b] != item["text"]:
                raise SpanError(f"{record.get('id')}: {layer} span {item['span']} is "
                                f"{text[a:b]!r}, not {item['text']!r}")
    for ev in record.get("events", []):
        if ev.get("span"):
            ok(ev["span"], "event")
