"""Article text as HTML with every layer's spans marked, everything escaped.

Spans may nest (an entity inside a quote) or even cross, so the text is cut
at every span boundary and each piece is wrapped once with the classes of all
spans covering it. That always yields well-formed HTML, whatever the layers
hold; a span outside the text is ignored rather than trusted.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from html import escape

from markupsafe import Markup


@dataclass(frozen=True)
class Mark:
    start: int
    end: int
    cls: str                  # CSS class: ent ent-PER, quote, figure, time
    title: str = ""           # shown on hover
    href: str | None = None   # entity mentions link to the entity page


def record_marks(record: dict, entity_links: dict[str, str]) -> list[Mark]:
    """The marks of a kabar/1 record: entity mentions, quotes, figures, dates."""
    marks = []
    for e in record.get("entities", []):
        link = entity_links.get(e.get("id"))
        for a, b in e.get("mentions", []):
            marks.append(Mark(a, b, f"ent ent-{e.get('type', '')}", f"{e.get('type')}: {e.get('name')}",
                              f"/entities/{link}" if link else None))
    for q in record.get("quotes", []):
        who = q.get("speaker_text") or "unknown speaker"
        marks.append(Mark(*q["span"], "quote" + (" direct" if q.get("direct") else " reported"), f"quote: {who}"))
    for f in record.get("figures", []):
        marks.append(Mark(*f["span"], "figure", f"{f.get('category')}: {f.get('value')}"))
    for t in record.get("times", []):
        marks.append(Mark(*t["span"], "time", f"date: {t.get('value')}"))
    return marks


def highlight(text: str, marks: list[Mark]) -> Markup:
    """``text`` as escaped HTML with ``marks`` applied; safe to place in a page as is."""
    n = len(text)
    marks = [m for m in marks if 0 <= m.start < m.end <= n]
    cuts = sorted({0, n, *(m.start for m in marks), *(m.end for m in marks)})
    starts: dict[int, list[Mark]] = {}
    for m in marks:
        starts.setdefault(m.start, []).append(m)
    active: list[Mark] = []
    out: list[str] = []
    for a, b in zip(cuts, cuts[1:]):
        active = [m for m in active if m.end > a] + starts.get(a, [])
        out.append(_piece(text[a:b], active))
    return Markup("".join(out))


def _piece(text: str, active: list[Mark]) -> str:
    body = escape(text, quote=False)
    if not active:
        return body
    classes = escape(" ".join(dict.fromkeys(m.cls for m in active)))
    title = escape(" | ".join(dict.fromkeys(m.title for m in active if m.title)))
    href = next((m.href for m in active if m.href), None)
    if href:
        return f'<a class="{classes}" title="{title}" href="{escape(href)}">{body}</a>'
    return f'<span class="{classes}" title="{title}">{body}</span>'


def mark_words(text: str, words: list[str]) -> Markup:
    """A search snippet, escaped, with the query's words in <mark>."""
    if not words:
        return Markup(escape(text, quote=False))
    pattern = re.compile("|".join(rf"\b{re.escape(w)}\w*" for w in words), re.IGNORECASE)
    out, last = [], 0
    for m in pattern.finditer(text):
        out.append(escape(text[last:m.start()], quote=False))
        out.append(f"<mark>{escape(m.group(), quote=False)}</mark>")
        last = m.end()
    out.append(escape(text[last:], quote=False))
    return Markup("".join(out))
