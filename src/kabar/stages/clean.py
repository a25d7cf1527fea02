"""Cleaning: raw scraped text -> ``text``, ``boilerplate``, ``bylines``, offset map.

Line by line: a line that is boilerplate as a whole goes to
``doc.boilerplate``; from a content line the boilerplate fragments are cut
(``clean_boilerplate``), and what remains is repaired (``clean_glue``:
run-together paragraphs, glued words, mojibake, odd whitespace) while
``TextBuilder`` keeps, for every clean character, the raw index it came
from. ``doc.paragraphs`` are the non-empty lines of the cleaned text.
"""
from __future__ import annotations

import re
from bisect import bisect_left

from ..document import Document
from ..textmap import TextBuilder, paragraph_spans
from .clean_boilerplate import (Cut, Scan, byline_codes, byline_names, credit_names, find_cuts,
                                is_boilerplate_line, is_headline_line, is_label_line)
from .clean_glue import Edit, repairs

REQUIRES = ("raw",)
ASSIGNS = ("text", "offsets", "boilerplate", "bylines", "paragraphs")

# "\r\n" or one break character. Written to start with a character class (not "\r\n|[...]"),
# which lets the regex engine skip ahead to the breaks instead of trying every position.
_LINE_BREAK = re.compile(r"[\r\n\u2028\u2029\x0b\x0c\x85](?:(?<=\r)\n)?")
# What is left of a line once its fragments are cut, when it holds no words.
_ONLY_PUNCT = re.compile(r"[\W_]*")
_SENTENCE_END = ".!?\"”’:;)"


def run(doc: Document) -> Document:
    raw = doc.raw
    out = TextBuilder(raw)
    scan = Scan(raw)
    # Repairs never cross a line break, so one pass over the whole text serves every line.
    edits = repairs(raw)
    after_label = False
    for a, b in _lines(raw):
        a, b = _strip(raw, a, b)
        if a >= b:
            continue
        if after_label and is_headline_line(raw[a:b]):
            doc.boilerplate.append(raw[a:b])  # "Baca juga:" alone, its headline on the next line
        else:
            _clean_line(doc, out, scan, edits, a, b)
        after_label = is_label_line(raw[a:b])
    doc.text, doc.offsets = out.build()
    doc.paragraphs = paragraph_spans(doc.text)
    return doc


def _lines(raw: str):
    start = 0
    for m in _LINE_BREAK.finditer(raw):
        yield start, m.start()
        start = m.end()
    yield start, len(raw)


def _strip(raw: str, a: int, b: int) -> tuple[int, int]:
    while a < b and (raw[a].isspace() or raw[a] in "\u200b\ufeff"):
        a += 1
    while b > a and (raw[b - 1].isspace() or raw[b - 1] in "\u200b\ufeff"):
        b -= 1
    return a, b


def _clean_line(doc: Document, out: TextBuilder, scan: Scan, edits: list[Edit], a: int, b: int) -> None:
    raw = scan.raw
    line = raw[a:b]
    codes = byline_codes(line)
    if codes:
        doc.bylines.extend(codes)
        return
    if is_boilerplate_line(line):
        doc.boilerplate.append(line)
        doc.bylines.extend(credit_names(line))
        return
    cuts = find_cuts(scan, a, b)
    pieces = [p for p in _between(raw, a, b, cuts) if not _ONLY_PUNCT.fullmatch(raw[p[0]:p[1]])]
    if cuts and not pieces:
        _record(doc, raw, [Cut(a, b, cuts[0].kind)] if len(cuts) == 1 and cuts[0].kind == "junk" else cuts)
        return
    _record(doc, raw, cuts)
    for i, (s, e) in enumerate(pieces):
        if out.text_len:
            # A piece after a cut fragment starts a new paragraph when the text before ended a sentence.
            same_line = i > 0 and out.last_char() not in _SENTENCE_END
            out.add_sep(" " if same_line else "\n", s)
        _emit(out, raw, s, e, edits)


def _between(raw: str, a: int, b: int, cuts: list[Cut]) -> list[tuple[int, int]]:
    """The stripped stretches of raw[a:b] outside the cuts."""
    out, pos = [], a
    for c in cuts + [Cut(b, b, "")]:
        s, e = _strip(raw, pos, max(pos, c.start))
        if s < e:
            out.append((s, e))
        pos = max(pos, c.end)
    return out


def _record(doc: Document, raw: str, cuts: list[Cut]) -> None:
    for c in cuts:
        fragment = raw[c.start:c.end].strip()
        if c.kind == "codes":
            doc.bylines.extend(byline_codes(fragment) or [])
        elif c.kind == "names":
            doc.bylines.extend(byline_names(fragment))
        elif fragment:
            doc.boilerplate.append(fragment)
            doc.bylines.extend(credit_names(fragment))


def _emit(out: TextBuilder, raw: str, s: int, e: int, edits: list[Edit]) -> None:
    """Append raw[s:e] with the repairs that fall inside it applied."""
    pos = s
    for i in range(bisect_left(edits, (s,)), len(edits)):
        es, ee, rep = edits[i]
        if ee > e or es >= e:
            break
        if es == ee == s:
            continue  # a space or break inserted where the piece begins is no repair
        out.add(pos, es)
        if es == ee:
            out.add_sep(rep, es)
        else:
            out.add_text(rep, es, ee)
        pos = ee
    out.add(pos, e)
