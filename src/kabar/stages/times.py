"""Times: explicit calendar expressions resolved against ``published``.

Candidates come from the ordered patterns in ``lang/id/time_patterns.txt``
(dates before months before bare years, so "10 Desember 2025" is one item
and not also "2025"); text matching ``time_exclude.txt`` (law numbers,
copyright lines, "setiap Senin") holds no times. Each item is
``{"text", "span", "value"}`` with ``value`` an ISO date, month or year
(see ``times_resolve``); a bare weekday ("Kamis") carries no date and is
not reported.
"""
from __future__ import annotations

import re
from functools import lru_cache

from .. import lang
from ..document import Document
from ..published import published_date
from .times_resolve import derive_anchor, make_date, resolve

REQUIRES = ("text", "sentences", "published")
ASSIGNS = ("times",)

_PLACEHOLDER = re.compile(r"\{([a-z_]+)\}")  # not {4}: that is a quantifier


@lru_cache(maxsize=1)
def _vocab() -> dict:
    months = lang.table("months.tsv", columns=3)
    weekdays = lang.table("weekdays.tsv", columns=2)
    return {
        "month_no": {name.lower(): int(no) for name, no, _ in months},
        "weekday_no": {name.lower(): int(no) for name, no in weekdays},
        "dir": {k.lower(): v for k, v in lang.mapping("time_directions.tsv").items()},
        "rel": {row[0].lower(): (row[1], int(row[2])) for row in lang.table("time_relative.tsv", columns=3)},
        "num": {k.lower(): int(v) for k, v in lang.mapping("time_numbers.tsv").items()},
        "fill": {
            "month": lang.alternation((n for n, _, _ in months), boundary=False),
            "month_full": lang.alternation((n for n, _, kind in months if kind == "full"), boundary=False),
            "weekday": lang.alternation((n for n, _ in weekdays), boundary=False),
            "dir": _spaced(lang.mapping("time_directions.tsv")),
            "rel": _spaced(r[0] for r in lang.table("time_relative.tsv", columns=3)),
            "num": _spaced(lang.mapping("time_numbers.tsv")),
            "not_after": lang.alternation(lang.lines("time_not_after.txt"), boundary=False),
        },
    }


def _spaced(phrases) -> str:
    """An alternation of phrases whose spaces match any run of whitespace."""
    body = "|".join(re.escape(p).replace(r"\ ", r"\s+")
                    for p in sorted(set(phrases), key=len, reverse=True))
    return f"(?:{body})"


def _compile(name: str) -> tuple[re.Pattern, ...]:
    fill = _vocab()["fill"]
    out = []
    for n, line in enumerate(lang.lines(name, unique=True), 1):
        source = _PLACEHOLDER.sub(lambda m: fill[m.group(1)], line)
        try:
            out.append(re.compile(source, re.IGNORECASE))
        except re.error as exc:
            raise lang.LanguageDataError(f"lang/id/{name}: pattern {n}: {exc}") from None
    return tuple(out)


@lru_cache(maxsize=1)
def patterns() -> tuple[re.Pattern, ...]:
    return _compile("time_patterns.txt")


@lru_cache(maxsize=1)
def exclusions() -> re.Pattern:
    return re.compile("|".join(f"(?:{p.pattern})" for p in _compile("time_exclude.txt")), re.IGNORECASE)


def _fields(m: re.Match) -> dict:
    """Normalise a match's named groups: month and weekday numbers, direction, count."""
    v = _vocab()
    g = {k: val for k, val in m.groupdict().items() if val is not None}
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
        f["n"], f["unit"] = (int(n) if n.isdigit() else v["num"][n]), {
            "hari": "day", "bulan": "month", "tahun": "year"}[g["unit"].lower()]
    return f


def _squeeze(s: str) -> str:
    return " ".join(s.lower().split())


def _valid(f: dict) -> bool:
    if f.get("month") is not None and not 1 <= f["month"] <= 12:
        return False
    if f.get("d") is not None:
        # 2000 was a leap year, so "29 Februari" without a year passes.
        return make_date(2000, f["month"], int(f["d"])) is not None
    return True


def find(text: str) -> list[tuple[int, int, dict]]:
    """(start, end, fields) of every calendar expression, in text order."""
    blocked = [m.span() for m in exclusions().finditer(text)]
    taken: list[tuple[int, int]] = []
    found = []
    for pattern in patterns():
        for m in pattern.finditer(text):
            a, b = m.span("t") if "t" in pattern.groupindex and m.group("t") is not None else m.span()
            if any(a < y and x < b for x, y in taken) or any(a < y and x < b for x, y in blocked):
                continue
            f = _fields(m)
            if not _valid(f):
                continue
            taken.append((a, b))
            found.extend(_split_range(m, a, b, f))
    found.sort(key=lambda item: item[0])
    return found


def _split_range(m: re.Match, a: int, b: int, f: dict):
    """A year range ("2009-2014") is two times; a season's "-16" is no year of its own."""
    if "y2" not in m.re.groupindex or m.group("y2") is None:
        return [(a, b, f)]
    out = [(m.start("y"), m.end("y"), {"y": m.group("y")})]
    if len(m.group("y2")) == 4:
        out.append((m.start("y2"), m.end("y2"), {"y": m.group("y2")}))
    return out


def run(doc: Document) -> Document:
    text = doc.text
    published = published_date(doc.published)
    found = find(text)
    anchor = published or derive_anchor([f for _, _, f in found])
    times = []
    for a, b, f in found:
        if (f.get("rel") or f.get("n")) and published is None:
            continue  # "hari ini" of an undated article has no value worth a false alarm
        times.append({"text": text[a:b], "span": [a, b], "value": resolve(f, anchor, published)})
    doc.times = times
    return doc
