"""Figures: numbers that count something in the story.

One regex, tried at every token that can start a number, finds each amount
(with a currency before it, a minus sign, a range "10-15"); each is then read
in its clause:

* what follows says what it counts: "persen"/"%" (percent), a currency
  (money), a noun from ``figure_people.tsv`` (people, or the noun's own
  category: "pengungsi"), a cue ("10 tewas"), another noun (other); a month
  or a time unit makes it a date, age or duration, which is dropped;
* a cue word from ``figure_cues.tsv`` in the same clause refines a count of
  people ("menewaskan 1.200 orang" -> killed): the cue right after the noun
  first, else the nearest one before, else the first one after;
* a quantifier just before it ("sekitar", "lebih dari") sets ``approx`` and
  the bounds;
* "tujuh dari sepuluh orang" counts "orang", and a count that points back to
  an earlier group of the same size ("dari sepuluh orang", "tujuh orang
  tersebut") takes that group's category.

Dates, times, years, list numbers, phone and law-article numbers are left out.
Claimants stay None: the quotes stage fills them.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import lru_cache

from ..document import Document
from ..figure_words import Lexicon, lexicon
from ..numbers import Amount, parse_amount, parse_digits, to_number

REQUIRES = ("text", "sentences", "tokens")
ASSIGNS = ("figures",)

_AFTER_WORDS = 4  # "5 orang warga desa itu tewas": how far after the count a cue may sit
SPECIFIC = ("killed", "injured", "hostages", "missing", "displaced", "arrested")
_SHORT_SCALE = re.compile(r"\s?([MT])\b")
_SHORT_SCALES = {"M": 10 ** 9, "T": 10 ** 12}
_WORDS = re.compile(r"[\w-]+")
_HAS_DIGIT = re.compile(r"\d").search  # (text, pos, endpos)
_YEAR = re.compile(r"(?:19|20)\d\d")
_LAST_WORD = re.compile(r"([\w.]+)[\s(]*$")
_SCALE_TAIL = re.compile(r"(?:\s*[^\W\d]+)+$")
_DARI = re.compile(r"\s+(?:dari|di\s*antara)\s+$", re.I)  # "tujuh dari sepuluh", "730 di antara 6.700"
# Cues before a count may reach over commas and "dan" ("korban jiwa akibat banjir
# dan longsor mencapai 1.129 orang"), but not over these, nor over another number.
_CLAUSE_WIDE = re.compile(r"[;:!?\"“”()]|\.(?!\d)|\b(?:sedangkan|sementara|tetapi|namun|tapi|lalu|"
                          r"kemudian|sehingga|termasuk)\b", re.I)
_BEFORE_WORDS = 10  # how far before the count a cue may sit
_COORDINATED = re.compile(r"(?:\s+[\w-]+){0,2},?\s+(?:dan|serta)(?:\s+juga)?\s+", re.I)
_OTHERS = ("lainnya", "lain")  # "40 orang lainnya": a further group
# A clause ends at punctuation (not a decimal comma or thousands dot) or a
# conjunction that starts a new predicate.
_CLAUSE = re.compile(r"[;:!?\"“”()]|[,.](?!\d)|\b(?:dan|serta|sedangkan|sementara|tetapi|namun|"
                     r"tapi|lalu|kemudian|sehingga|termasuk)\b", re.I)


@dataclass
class Candidate:
    start: int
    end: int
    amount: Amount
    currency: str | None = None
    unit: str | None = None
    kind: str = "bare"          # bare, percent, money, people, cue, anaphor, thing
    category: str = "other"
    approx: bool = False
    bound: str | None = None
    points_back: bool = False   # "tersebut", "dari N orang": may be a group counted before
    of: "Candidate | None" = None  # "tujuh dari sepuluh orang": the sepuluh
    sentence: tuple[int, int] = (0, 0)


def _sentence_bounds(doc: Document, starts: list[int], pos: int) -> tuple[int, int]:
    i = bisect_right(starts, pos) - 1
    if i < 0:
        return 0, len(doc.text)
    return doc.sentences[i]


def _clause_before(text: str, s0: int, pos: int, clause: re.Pattern = _CLAUSE) -> int:
    start = s0
    for m in clause.finditer(text, s0, pos):
        start = m.end()
    return start


def _clause_after(text: str, pos: int, s1: int, clause: re.Pattern = _CLAUSE) -> int:
    m = clause.search(text, pos, s1)
    return m.start() if m else s1


def _excluded(text: str, m: re.Match, s0: int, lex: Lexicon) -> bool:
    amt = m.group("amt")
    if m.group("cur"):
        return False
    if amt[0] == "0" and len(amt) > 1 and amt[1].isdigit():  # phone and code numbers
        return True
    word = _LAST_WORD.search(text, max(s0, m.start() - 30), m.start())
    if word and word.group(1).rstrip(".").lower() in lex.exclude_before:
        return True
    # a list number: "1. Prabowo ..." at the start of a sentence or after one
    if text.startswith(". ", m.end()) and amt.isdigit() and len(amt) <= 2:
        head = text[s0:m.start()].strip()
        return not head or head[-1] in ".!?:" or text.startswith("http", m.end() + 2)
    return False


# The same amounts recur ("2", "10", "1.000") and reading one is Decimal work: each form is
# read once. An Amount is frozen, so one object serves every figure that states it.
_amount = lru_cache(maxsize=8192)(parse_amount)


def _read(text: str, m: re.Match, s0: int, s1: int, lex: Lexicon) -> Candidate | None:
    amount = _amount(m.group("amt"))
    if amount is None:
        return None
    if m.group("amt2"):
        second = _amount(m.group("amt2"))
        scale = _SCALE_TAIL.search(m.group("amt2"))
        if scale and not _SCALE_TAIL.search(m.group("amt")):  # "Rp1-2 juta": both in juta
            amount = _amount(m.group("amt") + " " + scale.group().strip()) or amount
        if second is None:
            return None
        amount = Amount(None, amount.lo, second.hi, vague=True)
    # "12% -20%": a dash after a number or percent sign is a range dash, not a minus
    prev = text[max(0, m.start() - 3):m.start()].rstrip()[-1:]
    start = m.start()
    if m.group("neg") and (prev.isdigit() or prev == "%"):
        start = m.start("amt")
    elif m.group("neg") and amount.value is not None:
        amount = Amount(-amount.value, -amount.value, -amount.value)
    c = Candidate(start, m.end(), amount, approx=amount.vague or amount.rounded,
                  bound="about" if amount.rounded else None)
    if text.startswith("-an", m.end()) and not m.group("amt2"):  # "11.000-an": round, approximate
        c.end, c.approx, c.bound = m.end() + 3, True, "about"
    if m.group("cur"):
        c.currency, c.kind = lex.currencies[m.group("cur").lower()], "money"
        short = _SHORT_SCALE.match(text, c.end)  # "Rp 2 M", "Rp1,2 T": only after a currency
        if short and amount.value is not None and m.group("amt").replace(".", "").replace(",", "").isdigit():
            n = to_number(parse_digits(m.group("amt")) * _SHORT_SCALES[short.group(1)])
            c.amount, c.end = Amount(n, n, n), short.end()
    if _read_unit(text, c, s1, lex) is None:
        return None
    if c.kind == "money":
        c.unit = c.currency
    elif c.kind in ("bare", "thing") and _YEAR.fullmatch(m.group("amt")):
        return None  # a year, or a span of years
    if m.group("amt2") and not (amount.lo is not None and amount.hi is not None and amount.lo < amount.hi):
        return None  # "0-0", "2015-16": a score or a season, no range
    if c.kind != "money" and c.kind != "percent" and _excluded(text, m, s0, lex):
        return None
    _read_bounds(text, m.start(), c, s0, lex)
    return c


def _read_unit(text: str, c: Candidate, s1: int, lex: Lexicon) -> Candidate | None:
    """What follows the amount says what it counts; None when it is a date, age or duration."""
    a = lex.after.match(text, c.end, s1)
    if a and a.group("pct"):
        c.kind, c.unit, c.end = "percent", "persen", a.end()
    elif a and a.group("cur") and not c.currency:
        c.currency, c.kind, c.end = lex.currencies[a.group("cur").lower()], "money", a.end()
    elif a and a.group("word") and not c.currency:
        low = _base_word(a.group("word").lower(), lex.people)
        if low in lex.exclude_after:
            return None
        if low in lex.people:
            c.kind, c.unit, c.end = "people", low, a.end()
            c.category = lex.people[low]
            more = lex.after.match(text, c.end, s1)  # "5 orang pelaku", "10 orang pengungsi"
            if low == "orang" and more and more.group("word") and more.group("word").lower() in lex.people:
                c.unit, c.end = more.group("word").lower(), more.end()
                c.category = lex.people[c.unit]
        elif low in lex.cue_category:
            c.kind, c.category = "cue", lex.cue_category[low]
        elif low == "lainnya":
            c.kind, c.unit, c.end = "anaphor", low, a.end()
        elif low not in lex.bare and not low.isdigit():
            c.kind, c.unit, c.end = "thing", low, a.end()
    return c


def _base_word(word: str, nouns: dict[str, str]) -> str:
    """'saudara-saudara' -> 'saudara', 'rekannya' -> 'rekan': a plural or possessive counts as its noun."""
    head, _, tail = word.partition("-")
    if head == tail:
        return head
    if word.endswith("nya") and word not in nouns and word[:-3] in nouns:
        return word[:-3]
    return word


def _read_bounds(text: str, start: int, c: Candidate, s0: int, lex: Lexicon) -> None:
    q = lex.quant.search(text, max(s0, start - 40), start)
    bound = lex.quant_bounds[q.group("q").lower()] if q else None
    if bound == "exact":  # "diperkirakan mencapai 100", "sekitar sebanyak": the outer word decides
        outer = lex.quant.search(text, max(s0, q.start() - 40), q.start())
        bound = lex.quant_bounds[outer.group("q").lower()] if outer else bound
    post = lex.post_quant.match(text, c.end) if bound in (None, "exact") else None
    if post:
        bound = lex.quant_bounds[post.group("q").lower()]
    if bound and bound != "exact":
        c.approx, c.bound = True, bound


def _bounds(c: Candidate) -> tuple:
    a = c.amount
    if a.value is None:
        return None, a.lo, a.hi
    v, whole = a.value, isinstance(a.value, int)
    return v, *{
        None: (v, v), "about": (None, None),
        "gt": (v + 1 if whole else v, None), "ge": (v, None),
        "lt": (None, v - 1 if whole else v), "le": (None, v),
    }[c.bound]


def _categorise(text: str, c: Candidate, s0: int, s1: int, lex: Lexicon, starts: list[int]) -> None:
    if c.kind in ("percent", "money"):
        c.category = c.kind
        return
    before0 = _clause_before(text, s0, c.start)
    after1 = _clause_after(text, c.end, s1)
    if c.kind == "bare":
        _bare_category(text, c, before0, lex)
        return
    if c.kind not in ("people", "anaphor"):
        return
    # a cue outranks the noun's own category: "36 pengungsi ... dibunuh" -> killed
    tail = lex.after.match(text, c.end, s1)
    tail_word = tail.group("word").lower() if tail and tail.group("word") else ""
    wide0 = _clause_before(text, s0, c.start, _CLAUSE_WIDE)
    i = bisect_left(starts, c.start) - 1
    # another number in between, or "N orang lainnya" (a further group): earlier cues are not its own
    if (i >= 0 and starts[i] >= wide0) or tail_word in _OTHERS or c.kind == "anaphor":
        wide0 = before0
    j = bisect_right(starts, c.start)
    wide1 = _clause_after(text, c.end, starts[j] if j < len(starts) else s1, _CLAUSE_WIDE)
    cue = _nearest_cue(text, c, wide0, after1, wide1, lex)
    if cue == "arrested" and c.unit in lex.security_nouns and _securing(text, wide0, after1, lex):
        cue = None  # "untuk mengamankan Natal, 1.600 personel dikerahkan": guards, no arrest
    if cue:
        c.category = cue
    elif c.kind == "anaphor":
        c.category = "other"
    if tail_word in lex.anaphora or c.unit in lex.backref_nouns:
        c.points_back = True


def _nearest_cue(text: str, c: Candidate, before0: int, after1: int, wide1: int,
                 lex: Lexicon) -> str | None:
    """The cue right after the count, else the nearest before it, else one a little after it
    (over "dan" too: "1 orang pekerja tertimbun dan tewas")."""
    after = _cue_after(text, c.end, after1, lex)
    if after and len(text[c.end:after.start()].split()) <= 2:
        return lex.cue_category[after.group().lower()]
    before = list(lex.cues.finditer(text, before0, c.start))
    if before and len(text[before[-1].end():c.start].split()) <= _BEFORE_WORDS:
        return lex.cue_category[before[-1].group().lower()]
    after = after or _cue_after(text, c.end, wide1, lex)
    return lex.cue_category[after.group().lower()] if after else None


def _cue_after(text: str, pos: int, end: int, lex: Lexicon) -> re.Match | None:
    """A cue after the count belongs to it only when near and with no other number between,
    and not when it is an active verb with the group as its doer ("5 pria menculik ...")."""
    after = lex.cues.search(text, pos, end)
    gap = text[pos:after.start()] if after else ""
    if after and (len(gap.split()) > _AFTER_WORDS or _HAS_DIGIT(gap)
                  or after.group().lower() in lex.agent_cues):
        return None
    return after


def _securing(text: str, start: int, end: int, lex: Lexicon) -> bool:
    """Whether the cue that made a count "arrested" may mean guarding ("mengamankan")."""
    return any(m.group().lower() in lex.securing_cues for m in lex.cues.finditer(text, start, end))


def _bare_category(text: str, c: Candidate, before0: int, lex: Lexicon) -> None:
    """A number with no noun after it: "dollar AS mencapai 406.000", "korban tewas menjadi 25"."""
    window = text[before0:c.start]
    near = " ".join(window.split()[-4:])
    currencies = list(lex.post_currency.finditer(near))
    # the currency must lead straight to the number: "dollar AS mencapai 406.000", not "Euro U-21"
    if currencies and near[currencies[-1].end():].strip().lower() in lex.linking:
        c.kind, c.category = "money", "money"
        c.currency = c.unit = lex.currencies[currencies[-1].group().lower()]
        return
    cues = list(lex.cues.finditer(near))
    # a bare number takes a cue only when the words name people: "korban tewas mencapai 25",
    # not "poin lawan ditahan di angka 22" nor "ditangkap Densus 88"
    people = any(_base_word(w.lower(), lex.people) in lex.people for w in _WORDS.findall(near))
    if cues and people and isinstance(c.amount.value, int) and c.amount.value > 0:
        c.category = lex.cue_category[cues[-1].group().lower()]


def _coordinate(text: str, cands: list[Candidate], lex: Lexicon) -> None:
    """'menewaskan 3 warga sipil dan 2 polisi': a count joined to the one before by 'dan' shares
    its category, unless a cue of its own stands between them."""
    for p, c in zip(cands, cands[1:]):
        if c.kind != "people" or c.category != "people" or p.category not in SPECIFIC:
            continue
        between = text[p.end:c.start]
        if _COORDINATED.fullmatch(between) and not lex.cues.search(between):
            c.category = p.category


def _break_down(text: str, cands: list[Candidate], lex: Lexicon) -> None:
    """'102 orang tewas, yakni 96 jiwa di Pidie Jaya, 4 jiwa di Pidie': counts after a
    breakdown word, in the same sentence and no larger than the whole, share its category."""
    whole = None
    for c in cands:
        opened = whole and lex.breakdown.search(text, whole.end, c.start)
        if opened and c.sentence == whole.sentence and c.kind == "people" and c.category == "people" \
                and _part_of(c, whole) and not lex.cues.search(text, opened.end(), c.start):
            c.category = whole.category
            continue
        whole = c if c.category in SPECIFIC and c.amount.value is not None else None


def _part_of(c: Candidate, whole: Candidate) -> bool:
    return c.amount.value is not None and c.amount.value < whole.amount.value


def _link_groups(text: str, cands: list[Candidate]) -> None:
    """'tujuh dari sepuluh orang', '730 di antara 6.700 korban': the first counts what the
    second counts, and both point back."""
    for a, b in zip(cands, cands[1:]):
        if a.kind == "bare" and _DARI.fullmatch(text, a.end, b.start) and b.kind in ("people", "anaphor"):
            a.kind, a.unit, a.category, a.of = b.kind, b.unit, b.category, b
            a.points_back = b.points_back = True


def _resolve_back(cands: list[Candidate]) -> None:
    """A group pointed back to takes the category of an earlier count of the same size."""
    seen: dict[object, str] = {}
    for c in cands:
        if c.points_back and c.category == "people":
            ref = c.of.amount.value if c.of else c.amount.value
            if ref in seen:
                c.category = seen[ref]
        if c.category in SPECIFIC and c.amount.value is not None:
            seen[c.amount.value] = c.category
            if c.of:
                seen[c.of.amount.value] = c.category


def _figure(text: str, c: Candidate) -> dict:
    value, lo, hi = _bounds(c)
    fig = {"text": text[c.start:c.end], "span": [c.start, c.end], "value": value, "min": lo,
           "max": hi, "approx": c.approx, "unit": c.unit, "category": c.category,
           "claimant": None, "claimant_text": None}
    if c.category == "money":
        fig["currency"] = c.currency
    return fig


def _matches(doc: Document, lex: Lexicon):
    """Amount matches, tried only where a token can start one (cheaper than scanning all text)."""
    text, last, forms = doc.text, 0, _forms()
    for a, b in doc.tokens:
        if a < last or a == b:
            continue
        w = text[a:b]
        if w.isalpha():  # most tokens are words: only a number word or currency form ("dua", "Rp") starts one
            if w.lower() not in forms:
                continue
            m = lex.candidate.match(text, a)
        elif w[0].isdigit() or w[0] in "-−" or w.lower() in forms:
            m = lex.candidate.match(text, a)
        elif not w.isalpha() and _HAS_DIGIT(w):  # "Rp15", "US$5": look inside it only (isalpha: no digit, cheaply)
            m = lex.candidate.search(text, a, b)
            m = lex.candidate.match(text, m.start()) if m else None
        else:
            continue
        while m:
            last = m.end()
            yield m
            # "8%-8,15%", "2,00%—2,25%": one token may hold a second amount
            m = lex.candidate.search(text, last, b) if last < b and _HAS_DIGIT(text, last, b) else None
            m = lex.candidate.match(text, m.start()) if m else None


@lru_cache(maxsize=1)
def _forms() -> frozenset[str]:
    """Number words and currency forms in one set: one lookup per token, not two."""
    lex = lexicon()
    return lex.starters | lex.pre_forms


def find(doc: Document) -> list[dict]:
    text, lex = doc.text, lexicon()
    starts = [a for a, _ in doc.sentences]
    cands = []
    for m in _matches(doc, lex):
        s0, s1 = _sentence_bounds(doc, starts, m.start())
        c = _read(text, m, s0, max(s1, m.end()), lex)
        if c is not None:
            c.sentence = (s0, max(s1, c.end))
            cands.append(c)
    starts = [c.start for c in cands]
    for c in cands:
        _categorise(text, c, *c.sentence, lex, starts)
    _coordinate(text, cands, lex)
    _break_down(text, cands, lex)
    _link_groups(text, cands)
    _resolve_back(cands)
    return [_figure(text, c) for c in cands]


def run(doc: Document) -> Document:
    doc.figures = find(doc)
    return doc
