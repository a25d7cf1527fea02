"""Indonesian numbers: "1.200", "5,95", "1,2 juta", "dua puluh lima ribu", "ratusan".

``AMOUNT`` (built from ``lang/id/number_words.tsv``) finds amounts in text;
``parse_amount`` turns one into an ``Amount``: an exact value, or for a vague
word ("puluhan ribu") no value but a ``lo``..``hi`` range. Decimal arithmetic
keeps "6,62 triliun" exactly 6620000000000.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

from . import lang

# Indonesian digits: dots group thousands, a comma starts decimals. A number
# glued to a dot or comma and more digits that fit neither ("08.30") is no match.
DIGITS = r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?"
# "1.2 juta", "Rp4.4Jt": an English decimal point, read as one only before a scale word
_POINT_DECIMAL = r"\d+\.\d{1,2}"
_POINT_DECIMAL_RE = re.compile(_POINT_DECIMAL)
_DIGITS_RE = re.compile(rf"{_POINT_DECIMAL}(?=\s*[^\W\d])|{DIGITS}")


@dataclass(frozen=True)
class Amount:
    value: int | float | None
    lo: int | float | None
    hi: int | float | None
    vague: bool = False
    rounded: bool = False  # "5 jutaan": a stated value, but a round one


@lru_cache(maxsize=1)
def number_words() -> dict[str, tuple[str, Decimal, Decimal | None]]:
    out = {}
    for word, kind, value, hi in lang.table("number_words.tsv", columns=4):
        out[word] = (kind, Decimal(value), None if hi == "-" else Decimal(hi))
    return out


def _words(*kinds: str) -> list[str]:
    return [w for w, (k, _, _) in number_words().items() if k in kinds]


def scale_words() -> list[str]:
    """Words that multiply the amount before them ("ribu", "juta", "miliar")."""
    return _words("scale")


def number_starters() -> list[str]:
    """Number words that can begin an amount ("dua", "seratus", "puluhan", "setengah")."""
    return _words("unit", "whole", "scale1", "vague", "half")


@lru_cache(maxsize=1)
def amount_pattern() -> str:
    """Regex source for one amount: digits or number words, then any scale words."""
    num_word = lang.alternation(_words("unit", "teen", "tens", "hundreds", "whole", "scale1"), boundary=False)
    scale = lang.alternation(_words("scale"), boundary=False)
    vague = lang.alternation(_words("vague"), boundary=False)
    half = lang.alternation(_words("half"), boundary=False)
    first = lang.alternation(_words("unit", "whole", "scale1"), boundary=False)
    word_seq = rf"{first}(?:\s+(?:{num_word}|{scale}))*"
    return (rf"(?:{_POINT_DECIMAL}(?:\s*(?:{scale})\b)+|(?:{DIGITS})(?:\s*(?:{scale})\b)*(?:\s*{vague}\b)?"
            rf"|\b(?:{word_seq}|{half}(?:\s+{scale})+|{vague}(?:\s+{scale})*)\b)")


def to_number(d: Decimal) -> int | float:
    """An int where the value is whole, else a float ("5,95" -> 5.95)."""
    return int(d) if d == d.to_integral_value() else float(d)


def parse_digits(s: str) -> Decimal:
    """'1.200' -> 1200, '5,95' -> 5.95, '4.228,5' -> 4228.5; '1.2' (before a scale) -> 1.2."""
    if _POINT_DECIMAL_RE.fullmatch(s):
        return Decimal(s)
    return Decimal(s.replace(".", "").replace(",", "."))


def _parse_word_seq(words: list[str]) -> Decimal | None:
    """Compose number words: 'dua ratus lima puluh ribu' -> 250000."""
    table = number_words()
    total, current, last = Decimal(0), Decimal(0), Decimal(0)
    for w in words:
        kind, value, _ = table[w]
        if kind == "unit":
            current += value
            last = value
        elif kind == "whole":
            current += value
            last = Decimal(0)
        elif kind == "teen":
            current += value
            last = Decimal(0)
        elif kind in ("tens", "hundreds"):
            current += last * (value - 1)
            last = Decimal(0)
        elif kind == "scale1":
            total += (current or 0) * value + (0 if current else value)
            current = last = Decimal(0)
        elif kind == "scale":
            total += (current or 1) * value
            current = last = Decimal(0)
        else:
            return None
    return total + current


def parse_amount(s: str) -> Amount | None:
    """The amount an ``amount_pattern()`` match states, or None if it is not one."""
    table = number_words()
    if _POINT_DECIMAL_RE.fullmatch(s):  # "52.38" (after a currency): a decimal point
        n = to_number(Decimal(s))
        return Amount(n, n, n)
    m = _DIGITS_RE.match(s)
    if m:
        value, rounded = parse_digits(m.group()), False
        for w in s[m.end():].split():
            entry = table.get(w.lower())
            if entry and entry[0] == "vague" and entry[1] % 2 == 0 and not rounded:
                # "5 jutaan": a vague word after digits is its round scale (jutaan: lo 2 juta -> x 1 juta)
                value, rounded = value * entry[1] / 2, True
            elif entry and entry[0] == "scale" and not rounded:
                value *= entry[1]
            else:
                return None
        n = to_number(value)
        return Amount(n, n, n, rounded=rounded)
    words = s.lower().split()
    if not words or any(w not in table for w in words):
        return None
    kind, lo, hi = table[words[0]]
    if kind in ("vague", "half"):
        scale = Decimal(1)
        for w in words[1:]:
            if table[w][0] != "scale":
                return None
            scale *= table[w][1]
        if kind == "half":
            n = to_number(lo * scale)
            return Amount(n, n, n)
        return Amount(None, to_number(lo * scale), to_number(hi * scale), vague=True)
    value = _parse_word_seq(words)
    if value is None:
        return None
    n = to_number(value)
    return Amount(n, n, n)
