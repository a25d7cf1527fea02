"""The entities stage's fast scans find exactly what the plain patterns they stand for find.

Each scan replaces a regex that Python's re tried at every position of the text
(see the comments at their definitions); these tests hold them to the plain
pattern's own matches, on hand-made edge cases and on seeded random strings.
"""
from __future__ import annotations

import random
import re

import pytest

from kabar.document import Document
from kabar.entities.gazetteer import lexicon
from kabar.entities.mentions import _SITE, _site_matches
from kabar.entities.words import _suspect_spots, cap_flags
from kabar.pipeline import run
from kabar.stages import clean, entities, sentences

# What unglue() once scanned the whole text with.
SUSPECT = re.compile(r"[a-z][A-Z]|[()\[\]]|\d\.[A-Z]|\w['’](?!\w)")


def random_texts(alphabet, n, longest, seed):
    rnd = random.Random(seed)
    return ["".join(rnd.choice(alphabet) for _ in range(rnd.randint(0, longest))) for _ in range(n)]


@pytest.mark.parametrize("text", [
    "dilansirAFP", "Indonesia)2.Jin", "Kepulauan Riau'", "bA'", "aB(", "1.A", "x1.Bc", "a'b", "(a)",
    "rumah’ baru", "[2.A]", "aBcDe", "’’", "", "a", "9.", ".A",
])
def test_suspect_spots_are_the_alternations_matches(text):
    assert _suspect_spots(text) == [m.start() for m in SUSPECT.finditer(text)]


def test_suspect_spots_on_random_strings():
    # Overlaps decide what finditer reports ("bA'": the quote's match is never seen).
    for text in random_texts("aZb1.(')’ ][x9Ké_-", 20000, 12, seed=1):
        assert _suspect_spots(text) == [m.start() for m in SUSPECT.finditer(text)], text


@pytest.mark.parametrize("text", [
    "kata dia kepada thejakartapost.com, Senin", "Kompas.com", "www.kompas.com", "berita.detik.com",
    "a.com.com", "ab.co.id", "user@mail.com", "http://abc.com/x", "abc.com-an", "abc.comx", "xy.id.",
    "abc.net.tv", "-abc.org", "1abc.tv", "abc..com", "",
])
def test_site_matches_are_site_finditer(text):
    assert [m.span() for m in _site_matches(text)] == [m.span() for m in _SITE.finditer(text)]


def test_site_matches_on_random_strings():
    pieces = ["a", "b", "co", "com", "id", "net", ".", "-", "/", "@", ":", " ", "X", "1", "www", "tv", "org", "_", "é"]
    for text in random_texts(pieces, 20000, 14, seed=2):
        text = "".join(text)
        assert [m.span() for m in _site_matches(text)] == [m.span() for m in _SITE.finditer(text)], text


def test_comma_hint_lets_every_comma_name_through():
    lex = lexicon()
    assert lex.comma_keys, "the gazetteers name bodies with commas inside"
    for name in lex.comma_keys:
        for form in (name, name.upper(), name.title()):
            assert lex.comma_hint.search(f"Kata {form} kemarin.")
            assert lex.comma_names.search(f"Kata {form} kemarin.")
    assert not lex.comma_hint.search("Badan, kata dia, dan Menteri, tidak hadir.")


def analyze(text: str) -> Document:
    return run(Document(text="", raw=text, published="2025-01-15"), [clean, sentences, entities])


def names(text: str) -> list[tuple[str, str, int]]:
    return [(e["name"], e["type"], len(e["mentions"])) for e in analyze(text).entities]


def test_comma_name_found_in_text():
    got = names("Menurut Badan Meteorologi, Klimatologi, dan Geofisika (BMKG), hujan turun. "
                "Kepala BMKG Dwikorita Karnawati hadir.")
    assert ("Badan Meteorologi, Klimatologi, dan Geofisika", "ORG", 3) in got


def test_initials_cue_in_capitals_is_still_a_cue():
    got = names("Polisi menangkap dua pelaku BERINISIAL AB dan CD di Bandung. Menurut AB, ia disuruh.")
    assert ("AB", "PER", 2) in got and ("CD", "PER", 1) in got


def test_lower_case_sites_are_bodies_and_www_is_not():
    got = names("Ia berkata kepada thejakartapost.com, sementara www.kompas.com dan berita.detik.com menulis lain.")
    assert ("thejakartapost.com", "ORG", 1) in got and ("berita.detik.com", "ORG", 1) in got
    assert not any("www" in n for n, _, _ in got)


def test_cap_flags_from_prepared_folds_agree():
    lex = lexicon()
    text = "Ia ke detikcom lalu ke antara, bertemu Joko’s Widodo dan d’Artagnan di Jakarta; ΟΔΟΣ ok."
    spans = [m.span() for m in re.finditer(r"\w+(?:[’']\w+)*|[^\w\s]", text)]
    words = [text[a:b] for a, b in spans]
    lex.prepare(words, text, spans)
    assert cap_flags(words, lex, lex.prepared[2]) == cap_flags(words, lex)
    assert cap_flags(words, lex)[words.index("Joko’s")] and not cap_flags(words, lex)[words.index("antara")]
