"""Publication dates in whatever form an outlet wrote them."""
from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

_ISO = re.compile(r"^\s*(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2}))?\S*)?\s*$")


def _fmt(d: dt.datetime, has_time: bool) -> str:
    return d.strftime("%Y-%m-%dT%H:%M") if has_time else d.strftime("%Y-%m-%d")


# The outlets' own forms: "Kamis, 12 Feb 2026 14:44", "Selasa, 29 Januari 2019 / 20:44 WIB",
# "13+December+2018". Read here as dateparser reads them (it ignores the weekday and keeps the
# clock time of WIB, WITA and WIT): importing dateparser costs a fifth of a second and it takes
# milliseconds a value. Kept narrow (ASCII digits and letters, plain spaces); whatever else
# goes to dateparser. tests/test_published.py checks both agree on every form read here.
_WRITTEN = re.compile(
    r"(?:(?P<wd>[A-Za-z]+)(?: *, *| +))?(?P<d>[0-9]{1,2}) +(?P<mon>[A-Za-z]+) +(?P<y>(?:19|20)[0-9]{2})"
    r"(?:(?: +| */ *|, *)(?P<hh>[0-9]{1,2})[:.](?P<mm>[0-9]{2})(?: *(?:WIB|WITA|WIT|wib|wita|wit))?)?")
_PLUS = re.compile(r"(?P<d>[0-9]{1,2})\+(?P<mon>[A-Za-z]+)\+(?P<y>(?:19|20)[0-9]{2})")
# Month forms of months.tsv that dateparser does not read: left to it, so they stay unread.
_NOT_DATEPARSER = frozenset({"ags", "agus"})


@lru_cache(maxsize=1)
def _names() -> tuple[dict, frozenset]:
    from . import lang

    months = {name.lower(): (int(no), kind) for name, no, kind in lang.table("months.tsv", columns=3)
              if name.lower() not in _NOT_DATEPARSER}
    return months, frozenset(name.lower() for name, _ in lang.table("weekdays.tsv", columns=2))


def _written(s: str) -> str | None:
    """The ISO form of an outlet's written date, or None to leave it to dateparser."""
    m = _WRITTEN.fullmatch(s) or _PLUS.fullmatch(s)
    if m is None:
        return None
    months, weekdays = _names()
    month = months.get(m.group("mon").lower())
    wd = m.groupdict().get("wd")
    if month is None or (wd is not None and (wd.lower() not in weekdays or month[1] == "en")):
        return None  # dateparser reads no Indonesian weekday before an English month
    hh, mm = m.groupdict().get("hh"), m.groupdict().get("mm")
    try:
        when = dt.datetime(int(m.group("y")), month[0], int(m.group("d")), int(hh or 0), int(mm or 0))
    except ValueError:
        return None  # "31 Apr", "25:00": dateparser decides (it refuses them)
    return _fmt(when, bool(re.search(r"\d{1,2}[:.]\d{2}", s)))


@lru_cache(maxsize=4096)
def _parse_text(s: str) -> str | None:
    m = _ISO.match(s)
    if m:
        y, mo, d, hh, mm, _ = m.groups()
        try:
            when = dt.datetime(int(y), int(mo), int(d), int(hh or 0), int(mm or 0))
        except ValueError:
            return None
        return _fmt(when, hh is not None)
    written = _written(s)
    if written is not None:
        return written
    return _dateparser(s)


def _dateparser(s: str) -> str | None:
    import dateparser  # slow to import; most inputs never need it

    when = dateparser.parse(s, languages=["id", "en"],
                            settings={"PREFER_DAY_OF_MONTH": "first", "RETURN_AS_TIMEZONE_AWARE": False,
                                      "REQUIRE_PARTS": ["day", "month", "year"]})
    if when is None:
        return None
    return _fmt(when, bool(re.search(r"\d{1,2}[:.]\d{2}", s)))


def parse_published(value) -> tuple[str | None, str | None]:
    """Return (ISO date or datetime, warning). An unreadable value gives (None, warning)."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None, None
    if isinstance(value, dt.datetime):
        return _fmt(value, bool(value.hour or value.minute)), None
    if isinstance(value, dt.date):
        return value.isoformat(), None
    if not isinstance(value, str):
        return None, f"published {value!r} is not a date; ignored"
    iso = _parse_text(value.strip())
    if iso is None:
        return None, f"published {value.strip()!r} could not be parsed; ignored"
    return iso, None


def published_date(iso: str | None) -> dt.date | None:
    """The date part of a Document's ``published``."""
    if not iso:
        return None
    return dt.date.fromisoformat(iso[:10])
