"""Indonesian number parsing: digits with Indonesian separators, number words, scales, vague amounts."""
import re

import pytest

from kabar.numbers import Amount, amount_pattern, parse_amount, parse_digits


@pytest.mark.parametrize("text, value", [
    ("1.200", 1200),
    ("11.000", 11000),
    ("1.000.000", 1000000),
    ("5,95", 5.95),
    ("4.228,5", 4228.5),
    ("0,03", 0.03),
    ("1,2 juta", 1200000),
    ("11 ribu", 11000),
    ("300 ribu", 300000),
    ("6,62 triliun", 6620000000000),
    ("31,7 miliar", 31700000000),
    ("2 milyar", 2000000000),
    ("15 jt", 15000000),
    ("satu", 1),
    ("dua", 2),
    ("sepuluh", 10),
    ("sebelas", 11),
    ("dua belas", 12),
    ("dua puluh", 20),
    ("dua puluh lima", 25),
    ("seratus", 100),
    ("tiga ratus", 300),
    ("seratus dua puluh lima", 125),
    ("seribu", 1000),
    ("seribu dua ratus", 1200),
    ("dua ribu lima ratus", 2500),
    ("dua puluh lima ribu", 25000),
    ("tiga juta", 3000000),
    ("satu juta dua ratus ribu", 1200000),
    ("setengah juta", 500000),
])
def test_numbers_parse_exact_values(text, value):
    amount = parse_amount(text)
    assert amount == Amount(value, value, value)
    assert type(amount.value) is type(value)


@pytest.mark.parametrize("text, lo, hi", [
    ("belasan", 11, 19),
    ("puluhan", 20, 90),
    ("ratusan", 200, 900),
    ("ribuan", 2000, 9000),
    ("jutaan", 2000000, 9000000),
    ("puluhan ribu", 20000, 90000),
    ("ratusan juta", 200000000, 900000000),
])
def test_numbers_parse_vague_amounts_as_ranges(text, lo, hi):
    assert parse_amount(text) == Amount(None, lo, hi, vague=True)


def test_numbers_parse_digits_reads_indonesian_separators():
    assert parse_digits("1.234.567,89") == parse_digits("1234567,89")
    assert float(parse_digits("1.234.567,89")) == 1234567.89


def test_numbers_amount_pattern_finds_whole_amounts():
    pat = re.compile(amount_pattern(), re.I)
    found = [m.group() for m in pat.finditer("naik 1,2 juta lalu dua puluh lima ribu dan ratusan juta warga")]
    assert found == ["1,2 juta", "dua puluh lima ribu", "ratusan juta"]


def test_numbers_amount_pattern_skips_stray_scale_words():
    pat = re.compile(amount_pattern(), re.I)
    assert [m.group() for m in pat.finditer("menunggu belas kasihan dan puluh")] == []


def test_numbers_parse_rejects_non_amounts():
    assert parse_amount("1.200 orang") is None
    assert parse_amount("kemarin") is None


def test_numbers_point_is_decimal_only_before_a_scale():
    assert parse_amount("1.2 juta") == Amount(1200000, 1200000, 1200000)
    assert parse_amount("1.200") == Amount(1200, 1200, 1200)
    pat = re.compile(amount_pattern(), re.I)
    assert pat.search("Rp4.4Jt per bulan").group() == "4.4Jt"


def test_numbers_vague_word_after_digits_is_a_round_scale():
    assert parse_amount("5 jutaan") == Amount(5000000, 5000000, 5000000, rounded=True)
    assert parse_amount("30 ribuan") == Amount(30000, 30000, 30000, rounded=True)
