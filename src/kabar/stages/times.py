"""Times: explicit calendar expressions resolved against ``published``.

``times_find`` finds them with the ordered patterns of
``lang/id/time_patterns.txt`` (dates before months before bare years, so
"10 Desember 2025" is one item and not also "2025"), leaving out what
``time_before_exclude.txt`` names (law numbers, copyright lines, "setiap
17 Agustus"); ``times_resolve`` gives each its ISO date, month or year. Each
item is ``{"text", "span", "value"}``. A bare weekday ("Kamis") carries no
date and is not reported; "hari ini" and the like are reported only when the
article has a publication date to resolve them against.
"""
from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

from .. import lang
from ..document import Document
from ..published import published_date
from .times_find import find
from .times_resolve import derive_anchor, near, resolve

REQUIRES = ("text", "sentences", "published")
# Years anywhere in the raw article (its copyright line too: "Copyright © ANTARA 2025").
# (The lookbehind comes after "19"/"20", not first: a pattern opening with a lookbehind is
# tried at every position, one opening with a digit skips ahead to the 1s and 2s.)
_YEAR = re.compile(r"(?:19|20)(?<![\w.,/-](?:19|20))\d\d(?![\w/]|[.,]\d)")
ASSIGNS = ("times",)


def run(doc: Document) -> Document:
    text = doc.text
    published = published_date(doc.published)
    found = find(text, deictic=published is not None)
    copyright_years = None if published else _copyright_years(doc)  # read once: the regex scans all raw text
    # Without a publication date the article's own dated mentions say when "Rabu (21/1)" was.
    anchor = published or derive_anchor([f for _, _, f in found], _raw_years(doc, copyright_years))
    # With nothing dated at all, a copyright line still gives the year of publication: year-less
    # dates ("2 Desember") fall in it. It is no day, so bare "(7/10)" stay unconfirmed.
    year_end = None if anchor else _copyright_year_end(doc, copyright_years)
    times = []
    for a, b, f in found:
        value = resolve(f, anchor or year_end, published)
        if f.get("near") and not near(value, anchor):
            continue  # a bare "(7/10)" far from the article's date is a score, a lap, a fraction
        times.append({"text": text[a:b], "span": [a, b], "value": value})
    doc.times = times
    return doc


def _copyright_years(doc: Document) -> list[int]:
    raw = doc.raw or doc.text
    return [int(m.group(1)) for quick, rx in _copyright_res() if quick is None or quick.search(raw)
            for m in rx.finditer(raw)]


@lru_cache(maxsize=1)
def _copyright_res() -> tuple[tuple[re.Pattern | None, re.Pattern], ...]:
    """Each copyright pattern with a quick form that drops its \\b assertions: a pattern opening
    with one ("\\bcopyright") costs the assertion at every character of the raw text, and the
    quick form searches some 30% faster. With fewer assertions it matches wherever the pattern
    does, so where it finds nothing (most articles: 710 of the first 800) neither can the
    pattern. None where a \\b might not be an assertion (an escaped backslash, a class)."""
    out = []
    for rx in lang.regexes("time_copyright.txt", flags=re.I):
        plain = "\\\\" not in rx.pattern and not re.search(r"\[[^\]]*\\b", rx.pattern)
        out.append((re.compile(rx.pattern.replace(r"\b", ""), rx.flags) if plain else None, rx))
    return tuple(out)


def _copyright_year_end(doc: Document, years: list[int] | None = None) -> dt.date | None:
    years = _copyright_years(doc) if years is None else years
    return dt.date(max(years), 12, 31) if years else None


def _raw_years(doc: Document, copyright_years: list[int] | None = None) -> list[int]:
    """Years the raw text names: with no publication date they say when its weekdays were.
    A copyright line's year is the surest ("pada 2030" may be a target), so it alone counts."""
    years = _copyright_years(doc) if copyright_years is None else copyright_years
    return years or [int(y) for y in _YEAR.findall(doc.raw or doc.text)]
