"""Times stage: finding Indonesian calendar expressions and resolving them.

Cases live in ``tests/cases/times_id.tsv``: publication date (``-`` for none),
text, and the expected items as ``text=value`` joined by `` | ``.
"""
import re
from pathlib import Path

import pytest

from kabar.document import Document
from kabar.stages import times
from kabar.lang import trie
from kabar.stages.times_resolve import derive_anchor

CASES = Path(__file__).parent.parent / "cases" / "times_id.tsv"


def _cases():
    for n, line in enumerate(CASES.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        published, text, expected = (line.split("\t") + ["", ""])[:3]
        items = []
        for item in filter(None, (x.strip() for x in expected.split(" | "))):
            surface, _, value = item.rpartition("=")
            items.append((surface, None if value == "null" else value))
        yield pytest.param(None if published == "-" else published, text, items, id=f"line{n}")


def _times(text, published=None):
    return times.run(Document(text=text, published=published)).times


@pytest.mark.parametrize("published,text,expected", list(_cases()))
def test_times_case_table(published, text, expected):
    got = _times(text, published)
    assert [(t["text"], t["value"]) for t in got] == expected


@pytest.mark.parametrize("published,text,expected", list(_cases()))
def test_times_spans_index_text(published, text, expected):
    for t in _times(text, published):
        a, b = t["span"]
        assert text[a:b] == t["text"]


def test_times_accept_published_with_clock_time():
    got = _times("Sidang digelar Kamis (12/2) siang.", "2026-02-12T14:44")
    assert got == [{"text": "Kamis (12/2)", "span": [15, 27], "value": "2026-02-12"}]


def test_times_weekday_without_year_picks_matching_year():
    # 14 February 2024 is a Wednesday; 14 February 2023 a Tuesday.
    assert _times("Rabu (14/2)", "2024-01-11")[0]["value"] == "2024-02-14"
    assert _times("Selasa (14/2)", "2024-01-11")[0]["value"] == "2023-02-14"


def test_times_invalid_dates_are_not_times():
    assert _times("pada 31 Februari dan (45/13/2020)", "2020-05-01") == []


def test_times_reference_article(reference_record):
    got = [(t["text"], t["value"]) for t in reference_record["times"]]
    assert got == [("Jumat (17/11)", "2023-11-17"), ("7 Oktober", "2023-10-07"),
                   ("1979", "1979"), ("7 Oktober", "2023-10-07")]


def test_times_trie_matches_whole_words_longest_first():
    rx = re.compile(f"(?:{trie(['Jan', 'Januari', 'Juni', 'Juli', 'hari ini'])})")
    assert [rx.match(w).group() for w in ("Januari", "Jan", "Juni", "Juli", "hari  ini")] == [
        "Januari", "Jan", "Juni", "Juli", "hari  ini"]
    assert rx.match("Jun") is None


def test_times_anchor_prefers_dateline_with_weekday():
    found = [{"d": "31", "month": 12, "y": "2026"},            # a deadline, not the article's date
             {"d": "12", "month": 2, "y": "2026", "wd": 4},  # "Kamis (12/2/2026)"
             {"month": 3, "y": "2027"}]
    assert derive_anchor(found).isoformat() == "2026-02-12"
    assert derive_anchor([{"month": 3, "y": "2027"}]).isoformat() == "2027-03-15"
    assert derive_anchor([{"y": "1979"}]) is None


def test_times_bad_placeholder_names_the_file(monkeypatch):
    from kabar import lang
    from kabar.stages import times_find

    monkeypatch.setattr(lang, "lines", lambda name, lang="id", unique=True: ("(?P<y>{no_such_list})",))
    with pytest.raises(lang.LanguageDataError, match="time_patterns.txt: pattern 1"):
        times_find._sources("time_patterns.txt")


def test_times_weekday_year_read_from_raw_copyright_line():
    # The clean text lost the copyright line; the raw text still names the year.
    raw = "Rapat digelar Rabu (24/12). Copyright © ANTARA 2025"
    doc = Document(text="Rapat digelar Rabu (24/12).", raw=raw)
    assert times.run(doc).times[0]["value"] == "2025-12-24"


_SEARCH_TEXTS = [
    "Jakarta, Kamis (12/2/2026) - Rapat 14-1-2012 dan 2018-04-19, lalu 1-20 Februari 2024; skor 3-1 "
    "Mei, 25 Desember 2025, musim 2015-16, UU Nomor 7 Tahun 2017, 1990-an, 432-144-2019, (7/10), 2009-2014.",
    "12345/6/2020 99/99/9999 1/2 2020-13-45 ٢٠٢٠ 7 Oktober 2023 pukul 10.00 (25/8) 2024%",
    "Juli - Desember 2017, (Juli - 28 September 2017), Maret hingga Mei 2020, April 3, 2019, Feb. 2026, "
    "JANUARIJUNI 2020, akhir Januari, Agustus lalu, Mei mendatang, MeiMei 2021, Sept 2019, Agt 2018.",
]


def test_times_patterns_found_by_trying_each_digit_or_month_name():
    from kabar.stages import times_find

    digit_first, month_first = times_find._digit_first(), times_find._month_first()
    assert len(digit_first) >= 5 and len(month_first) >= 3  # most patterns start with a digit or a month
    for rx, _ in times_find.patterns():
        if rx not in digit_first | month_first:
            assert not re.match(r"\(\?P<\w+>\\d|\\d", rx.pattern)
            continue
        for text in _SEARCH_TEXTS:
            starts = ([m.start() for m in re.finditer(r"\d", text)] if rx in digit_first
                      else times_find._month_starts(text))
            for pos in range(len(text) + 1):
                fast, slow = times_find._search(rx, text, pos, starts), rx.search(text, pos)
                assert (fast and (fast.span(), fast.groupdict())) == (slow and (slow.span(), slow.groupdict()))


def test_copyright_quick_forms_never_miss_a_copyright_year():
    """The quick forms without \\b only skip raw texts where the full patterns find nothing."""
    import random

    from kabar import lang

    rng = random.Random(3)
    pieces = ["©", "(c)", "(C)", "Copyright", "copyright", "xcopyright", "copyrights", "Hak Cipta", "hak  cipta",
              "hakcipta", "ANTARA", " ", "\n", "2025", "1999", "20251", "a", "-", "."]
    raws = ["Copyright © ANTARA 2025", "Hak cipta 2019 dilindungi", "copyrighted 2020", "(c)2024", ""]
    raws += ["".join(rng.choice(pieces) for _ in range(rng.randrange(1, 12))) for _ in range(3000)]
    for raw in raws:
        full = [int(m.group(1)) for rx in lang.regexes("time_copyright.txt", flags=re.I) for m in rx.finditer(raw)]
        assert times._copyright_years(Document(text=raw, raw=raw)) == full, raw


def test_finder_tried_at_digits_and_months_finds_what_a_full_search_finds(monkeypatch):
    """find() tries digit-first patterns only at digits (those without markers only at digits
    that open a number) and month-first ones only at month names; a plain search of every
    pattern over the whole text must find the same times."""
    import random

    from kabar.stages import times_find

    rng = random.Random(11)
    pieces = ["2024", "1999", "12", "3", "25/8", "/", "-", "–", ".", ",", " ", "(", ")", "Senin", "Desember",
              "Jan", "tahun", "lalu", "x", "UU", "Nomor", "1990-an", "2015-16", "I-", "hari ini", "%", "0"]
    texts = ["Senin (25/8/2015) dan 14-1-2012, 2018-04-19; 12024 1/2024 x2024 2009-2014 musim 2015-16"]
    texts += ["".join(rng.choice(pieces) for _ in range(rng.randrange(1, 16))) for _ in range(2000)]
    fast = [times_find.find(t) for t in texts]
    monkeypatch.setattr(times_find, "_digit_first", lambda: frozenset())
    monkeypatch.setattr(times_find, "_month_first", lambda: frozenset())
    assert [times_find.find(t) for t in texts] == fast


def test_patterns_tried_where_their_opening_words_occur():
    """A pattern with literal opening words ("hari ini", "2 tahun lalu") tried only where one
    occurs finds what the regex engine's own search finds, from every offset."""
    from kabar.stages import times_find
    from kabar.stages.times_starts import literal_heads, occurrences

    texts = _SEARCH_TEXTS + ["Hari ini, HARI INI dan hari  ini; sehari yang lalu, 2 tahun lalu, Tahun silam, "
                             "kemarin lusa KEMARIN, besok, Lusa bulan depan, tahunan, bulanlalu, tahun\nini."]
    tried = 0
    for rx, _ in times_find.patterns():
        heads = literal_heads(rx)
        if heads is None:
            continue
        tried += 1
        for text in texts:
            starts = occurrences(text, heads, {})
            for pos in range(len(text) + 1):
                fast, slow = times_find._search(rx, text, pos, starts), rx.search(text, pos)
                assert (fast and (fast.span(), fast.groupdict())) == (slow and (slow.span(), slow.groupdict()))
    assert tried >= 2


def test_literal_heads_read_from_the_pattern():
    from kabar.stages.times_starts import literal_heads

    assert literal_heads(re.compile(r"(?P<u>hari|Bulan)\s+lalu")) == ("Bulan", "hari")
    assert literal_heads(re.compile(r"ke(?:mar|sok)in")) == ("kemarin", "kesokin")
    assert literal_heads(re.compile(r"(?:ab|cde)x")) == ("abx", "cdex")
    assert literal_heads(re.compile(r"(?:a|cde)x?")) is None  # "a" alone: too short a head
    assert literal_heads(re.compile(r"hari\s+ini", re.I)) is None
    assert literal_heads(re.compile(r"\d+ hari")) is None
    assert literal_heads(re.compile(r"(?:hari|\w+)")) is None


def test_digit_offsets_are_every_decimal_digit():
    from kabar.stages.times_starts import digit_offsets

    for text in _SEARCH_TEXTS + ["", "abc", "0", "a1b22c333 9", "٢٠٢٠ dan 2020", "１２ 12"]:
        assert digit_offsets(text) == [m.start() for m in re.finditer(r"\d", text)]
