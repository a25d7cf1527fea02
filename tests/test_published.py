"""The fast reading of outlets' written dates agrees with dateparser, which it stands in for."""
import pytest

from kabar import lang
from kabar.published import _dateparser, _written, parse_published


def _forms():
    months = [name for name, _, _ in lang.table("months.tsv", columns=3)]
    weekdays = [name for name, _ in lang.table("weekdays.tsv", columns=2)]
    for i, month in enumerate(months):
        day = 1 + (7 * i) % 31
        for form in (month, month.lower(), month.upper()):
            yield f"{day} {form} 2019"
            yield f"{day}+{form}+2018"
        yield f"Kamis, {day} {month} 2024 08:05"
        yield f"{day} {month} 2024 20:22"
    for i, wd in enumerate(weekdays):
        yield f"{wd}, {10 + i} Feb 2026 17:58"
        yield f"{wd.lower()} {10 + i} Januari 2019 / 20:44 WIB"
        yield f"{wd.upper()},{10 + i} Mei 2025"
    yield from [
        "Selasa, 29 Januari 2019 / 20:44 WIB", "Rabu, 18 Feb 2026 17:15", "11 Jan 2024 20:22",
        "19 Feb 2026/17:58", "19 Feb 2026, 17:58", "19 Feb 2026 17:58WIB", "19 Feb 2026 07.05 WITA",
        "19 Feb 2026 23:59 wit", "19 Feb 2026 0:00", "19  Feb  2026", "Jumat , 19 Feb 2026",
        "01 May 2020 10:00", "3 December 2024", "29 Feb 2024",
        # refused by the fast path: dateparser decides, mostly that they are no date
        "29 Feb 2025", "31 Apr 2025", "0 Feb 2025", "19 Feb 2026 12:60", "19 Feb 2026 25:00",
        "Kamis, 3 January 2024 08:05", "19 Ags 2026", "Jum'at, 19 Feb 2026", "19 Feb 1899",
    ]


@pytest.mark.parametrize("given", list(_forms()))
def test_written_dates_read_as_dateparser_reads_them(given):
    fast = _written(given)
    if fast is not None:
        assert fast == _dateparser(given)


def test_written_dates_mostly_skip_dateparser():
    read = [s for s in _forms() if _written(s) is not None]
    assert len(read) > 100
    assert _written("Selasa, 29 Januari 2019 / 20:44 WIB") == "2019-01-29T20:44"
    assert _written("13+December+2018") == "2018-12-13"
    assert _written("Kamis, 3 January 2024 08:05") is None  # left to dateparser, which refuses it
    assert _written("29 Feb 2025") is None


def test_published_written_forms_end_to_end():
    assert parse_published(" Selasa, 29 Januari 2019 / 20:44 WIB ") == ("2019-01-29T20:44", None)
    assert parse_published("13+December+2018") == ("2018-12-13", None)
    iso, warning = parse_published("31 Apr 2025")
    assert iso is None and "31 Apr 2025" in warning
