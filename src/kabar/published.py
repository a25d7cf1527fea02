"""Publication dates in whatever form an outlet wrote them."""
from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

_ISO = re.compile(r"^\s*(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2}))?\S*)?\s*$")


def _fmt(d: dt.datetime, has_time: bool) -> str:
    return d.strftime("%Y-%m-%dT%H:%M") if has_time else d.strftime("%Y-%m-%d")


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
