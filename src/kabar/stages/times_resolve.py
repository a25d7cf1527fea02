"""Resolving a found calendar expression to an ISO value against an anchor date.

The anchor is the publication date, or, when the article has none, the
article's own latest fully dated mention. What the text leaves out (the
year of "Jumat (17/11)", the year of "Agustus lalu") is filled from it.
"""
from __future__ import annotations

import datetime as dt

# A bare "(d/m)" is taken for a date only this close to the article's date (days before, after).
NEAR = (60, 30)
# A date the text leaves the year out of is usually recent past news; a future
# reading is taken only when it is much closer ("14 Februari" in a January article).
FUTURE_WEIGHT = 2
# How many years from the article's latest named year a weekday may pin a year-less date to.
WEEKDAY_REACH = 12


def make_date(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def full_year(text: str) -> int:
    """Two-digit years in numeric dates ("25/8/15") are this century's."""
    y = int(text)
    return y + 2000 if y < 100 else y


def explicit_date(f: dict) -> dt.date | None:
    """The date of a mention that gives day, month and year itself."""
    if f.get("d") and f.get("month") and f.get("y"):
        return make_date(full_year(f["y"]), f["month"], int(f["d"]))
    return None


def derive_anchor(found: list[dict], years: list[int] = ()) -> dt.date | None:
    """The article's own date when it has no ``published``.

    Mentions with a weekday ("Kamis (12/2/2026)") are the outlets' datelines,
    so the latest of those wins; else the latest fully dated mention; else a
    weekday with day and month ("Rabu (24/12)") in the year the weekday fits,
    read near ``years`` (the copyright year, else the years the raw article names); else the middle of
    the latest month named with its year ("Februari 2026").
    """
    dated = [(f.get("wd") is not None, d) for f in found if (d := explicit_date(f))]
    if dated:
        with_day = [d for has_wd, d in dated if has_wd]
        return max(with_day or [d for _, d in dated])
    hints = sorted(set(years)) or sorted({full_year(f["y"]) for f in found if f.get("y")})
    pinned = [d for f in found if f.get("wd") and f.get("d") and f.get("month")
              if (d := weekday_date(int(f["d"]), f["month"], f["wd"], hints))]
    if pinned:
        return max(pinned)
    months = [make_date(full_year(f["y"]), f["month"], 15) for f in found
              if f.get("month") and f.get("y") and not f.get("d")]
    return max(months) if months else None


def weekday_date(day: int, month: int, weekday: int, years: list[int]) -> dt.date | None:
    """The date of "Rabu (24/12)" when no year is given: the latest year the article names,
    the one before or after it (a December dateline beside "Februari 2026"), else, as a
    report is seldom older than the years it names, the first later year where the weekday
    fits (it recurs within 11 years), else the latest earlier one."""
    if not years:
        return None
    top = max(years)
    order = [top, top - 1, top + 1, *range(top + 2, top + WEEKDAY_REACH), *range(top - 2, top - WEEKDAY_REACH, -1)]
    for y in order:
        d = make_date(y, month, day)
        if d and d.isoweekday() == weekday:
            return d
    return None


def _cost(candidate: dt.date, anchor: dt.date) -> int:
    delta = (candidate - anchor).days
    return -delta if delta <= 0 else delta * FUTURE_WEIGHT


def _day_month(f: dict, anchor: dt.date | None) -> str | None:
    day, month = int(f["d"]), f["month"]
    if f.get("y"):
        d = make_date(full_year(f["y"]), month, day)
        return d.isoformat() if d else None
    if anchor is None:
        return None
    options = [d for y in (anchor.year - 1, anchor.year, anchor.year + 1)
               if (d := make_date(y, month, day))]
    if f.get("wd"):
        # The weekday settles the year when it fits only one of them, over any direction word
        # (the anchor may be a later mention: "Sabtu 27 Desember mendatang" beside "2 Januari 2026").
        options = [d for d in options if d.isoweekday() == f["wd"]] or options
    direction = f.get("dir")
    if direction == "past":
        options = [d for d in options if d <= anchor] or options
    elif direction == "future":
        options = [d for d in options if d >= anchor] or options
    if not options:
        return None
    return min(options, key=lambda d: _cost(d, anchor)).isoformat()


def _month(f: dict, anchor: dt.date | None) -> str | None:
    month = f["month"]
    if f.get("y"):
        return f"{full_year(f['y']):04d}-{month:02d}"
    if anchor is None:
        return None
    direction, year = f.get("dir"), anchor.year
    if direction == "past":
        year = anchor.year if month < anchor.month else anchor.year - 1
    elif direction == "future":
        year = anchor.year if month >= anchor.month else anchor.year + 1
    elif direction == "prev_year":
        year = anchor.year - 1
    elif direction == "next_year":
        year = anchor.year + 1
    elif direction != "this_year":
        # No word says which: the nearest such month, leaning to the past.
        options = [(y, (y - anchor.year) * 12 + month - anchor.month) for y in (year - 1, year, year + 1)]
        year = min(options, key=lambda o: -o[1] if o[1] <= 0 else o[1] * FUTURE_WEIGHT)[0]
    return f"{year:04d}-{month:02d}"


def near(value: str | None, anchor: dt.date | None) -> bool:
    """Whether an ISO day ``value`` falls within NEAR of the anchor."""
    if not value or anchor is None or len(value) != 10:
        return False
    delta = (dt.date.fromisoformat(value) - anchor).days
    return -NEAR[0] <= delta <= NEAR[1]


def shift(anchor: dt.date, unit: str, offset: int) -> str:
    """The day, month or year ``offset`` units from the anchor, at that granularity."""
    if unit == "day":
        return (anchor + dt.timedelta(days=offset)).isoformat()
    if unit == "month":
        index = anchor.year * 12 + anchor.month - 1 + offset
        return f"{index // 12:04d}-{index % 12 + 1:02d}"
    return f"{anchor.year + offset:04d}"


def resolve(f: dict, anchor: dt.date | None, published: dt.date | None) -> str | None:
    """The ISO value of one found expression (fields as the finder names them), or None."""
    if f.get("d") and f.get("month"):
        return _day_month(f, anchor)
    if f.get("month"):
        return _month(f, anchor)
    if f.get("rel"):
        # Deictic words need the real publication date; a mention in the text is no "today".
        unit, offset = f["rel"]
        return shift(published, unit, offset) if published else None
    if f.get("n"):
        return shift(published, f["unit"], -f["n"]) if published else None
    if f.get("y"):
        return f"{int(f['y']):04d}"
    return None
