"""The entities stage's per-document word lists and bisections give what the plain
per-word code they stand for gives, on edge cases and on seeded random texts."""
from __future__ import annotations

import random
import re

import pytest

from kabar.entities.gazetteer import APOSTROPHES, fold, lexicon
from kabar.entities.words import cap_flags, runs
from kabar.stages.entities import _sentence_ranges

WORD = re.compile(r"\w+(?:[’'`]\w+)*|[^\w\s]")


def split(text):
    spans = [m.span() for m in WORD.finditer(text)]
    return spans, [text[a:b] for a, b in spans]


def random_texts(n, seed):
    rnd = random.Random(seed)
    pieces = ["a", "B", "Σ", "σ", "İ", "’", "‘", "`", "'", " ", " ", "ΟΔ", "x", "Jakarta", "DPR", "-", "."]
    return ["".join(rnd.choice(pieces) for _ in range(rnd.randint(0, 16))) for _ in range(n)]


EDGE = [
    "", "Presiden Joko Widodo tiba di Jakarta.", "Joko’s d‘Artagnan `Riau", "ΟΔΟΣ ΟΔΟΣ. ΣΑΣ", "ΟΔΟΣ’Α",
    "İstanbul dan Jakarta", "İ ΟΔΟΣ’ a", "AΣ b", "Σ",
]


@pytest.mark.parametrize("text", EDGE)
def test_prepared_lists_are_the_per_word_forms(text):
    check_prepared(text)


def test_prepared_lists_on_random_texts():
    for text in random_texts(3000, seed=3):
        check_prepared(text)


def check_prepared(text):
    lex = lexicon()
    spans, words = split(text)
    lex.prepare(words, text, spans)
    got_words, norm, low, lower, folds = lex.prepared
    assert got_words is words
    assert norm == [w.translate(APOSTROPHES) for w in words]
    # low: the lowered text's slices where lowering keeps the offsets (the sigma then
    # lowered in its place in the text), else each normal form lowered alone.
    low_text = text.translate(APOSTROPHES).lower()
    if len(low_text) == len(text):
        assert low == [low_text[a:b] for a, b in spans]
    else:
        assert low == [w.lower() for w in norm]
    assert lower == [w.lower() for w in words]
    assert folds == [fold(w) for w in words]
    # without text the same lists, from the words alone
    lex.prepare(words)
    assert list(lex.prepared[1:]) == [norm, [w.lower() for w in norm], lower, folds]


def test_prepared_sigma_is_lowered_in_place_in_the_text():
    lex = lexicon()
    text = "ΟΔΟΣ’Α"  # in the text the sigma is not final (a letter follows the quote)
    spans, words = split(text)
    lex.prepare(words, text, spans)
    assert lex.prepared[2] == [text.translate(APOSTROPHES).lower()]
    assert lex.prepared[4] == [fold(text)]


def test_cap_flags_with_lowered_words_agree():
    lex = lexicon()
    for text in EDGE + random_texts(2000, seed=4):
        _, words = split(text)
        words += ["", "detikcom", "antara"]  # an empty word is no capital
        assert cap_flags(words, lex, [w.lower() for w in words]) == cap_flags(words, lex), text
    assert cap_flags(["", "A", "detikcom", "antara"], lex, ["", "a", "detikcom", "antara"]) == [
        False, True, True, False]


def test_runs_with_lowered_words_agree():
    lex = lexicon()
    text = "Kata Menteri Luar Negeri Retno dan Presiden Joko Widodo DAN Iriana de Gaulle di Jakarta"
    _, words = split(text)
    cap = cap_flags(words, lex)
    lower = [w.lower() for w in words]
    assert list(runs(words, cap, 0, len(words), lex, lower)) == list(runs(words, cap, 0, len(words), lex))
    # "dan", "DAN" (capitalised: a word of its own) and "de" join names; "di" ends them
    assert list(runs(words, cap, 0, len(words), lex, lower)) == [(0, 13), (14, 15)]


def test_sentence_ranges():
    assert _sentence_ranges([(0, 4), (5, 9), (9, 10), (11, 15)], [(0, 10), (10, 16)]) == [(0, 3), (3, 4)]
    assert _sentence_ranges([(0, 4), (5, 9)], [(0, 2), (4, 5), (6, 20)]) == [(0, 1), (1, 2)]


def test_group_folds_forms_alike_with_or_without_the_prepared_lists():
    from kabar.entities.grouping import group
    from kabar.entities.mentions import find_mentions

    lex = lexicon()
    text = ("Presiden Joko Widodo bertemu KOTA BANDUNG dan Kota Bandung. Widodo lalu ke "
            "Badan Pusat Statistik (BPS); BPS dan Jokowi’s tim hadir.")
    spans, words = split(text)

    def grouped(prepared: bool):
        lex.prepare(words, text, spans)
        mentions = find_mentions(text, [(0, len(words))], spans, words, None, lex)
        if not prepared:
            lex.prepared = None  # group folds the words itself
        return [(e.type, sorted(f for f in e.forms), sorted((m.start, m.end) for m in e.mentions))
                for e in group(mentions, words, lex)]

    got = grouped(True)
    assert got == grouped(False)
    assert any(("joko", "widodo") in forms and ("widodo",) in forms for _, forms, _ in got)


def test_starters_hold_every_lower_case_first_word():
    # RunReader skips the four lookups for a word outside starters and first_exact: each
    # lookup's own first test must then say no as well.
    lex = lexicon()
    assert lex.starters == lex.first_folded | lex.first_title | lex.first_org | lex.first_loc | lex.first_stop
    words = ["Presiden", "Kota", "Jakarta", "Zzyzx", "Badan", "DPR"]
    lex.prepare(words)
    for k, w in enumerate(words):
        if w not in lex.first_exact and w.lower() not in lex.starters:
            assert not (lex.lookup(words, k, 6) or lex.title_at(words, k, 6) or lex.head_at(words, k, 6)[0]
                        or lex.stop_at(words, k, 6))
    assert "zzyzx" not in lex.starters and {"presiden", "kota", "jakarta"} <= lex.starters


TEXTS = [
    "Presiden Joko Widodo bertemu Ketua Komisi VII DPR Sugeng di Jakarta, Senin. Wacana itu dibahas.",
    "Menurut Badan Pusat Statistik (BPS), inflasi turun. BPS mencatat Jakarta dan Bandung naik. Kata Budi.",
    "Rachmat alias Rafi ditangkap. Ia bersama Rafi dan Sarjan (SRJ) pergi ke Bogor. Menteri Fadli Zon hadir.",
    "pergantian antarwaktu (PAW) digelar. PAW itu Rabu. Utara Jakarta. III. Kota Bandung. Dia Prabowo.",
    "Jawa Barat VI",  # read as two sentences below: the numeral opens the second
]


@pytest.mark.parametrize("tagged", [False, True])
def test_one_word_runs_kept_per_lexicon_read_as_the_full_reader_does(monkeypatch, tagged):
    from kabar.entities.mentions import RunReader, find_mentions

    lex = lexicon()

    def mentions(text):
        spans, words = split(text)
        lex.prepare(words, text, spans)
        rnd = random.Random(len(text))
        ner = [rnd.choice(["O", "B-PER", "I-PER", "B-ORG", "B-LOC"]) for _ in words] if tagged else None
        sentences = [(0, 2), (2, 3)] if text == "Jawa Barat VI" else [(0, len(words))]
        return find_mentions(text, sentences, spans, words, ner, lex)

    lex.word_runs.clear()
    cold = [mentions(t) for t in TEXTS]  # every one-word run read, then kept
    assert lex.word_runs and any(v is not None for v in lex.word_runs.values())
    warm = [mentions(t) for t in TEXTS]  # now taken from what was kept
    monkeypatch.setattr(RunReader, "read_word", lambda self, i, initial, titled=False:
                        self.read(i, i + 1, initial, titled))
    full = [mentions(t) for t in TEXTS]
    assert cold == warm == full
    # the mention before decides: a numeral joins it, a short form in parentheses follows it
    assert [m.words for m in full[-1]] == [("Jawa", "Barat", "VI")]
    assert ("SRJ",) in [m.words for m in full[2]]


def test_mentions_and_groups_read_a_documents_prepared_words_once():
    # The web app analyses in threads that share the lexicon, so lex.prepared can become
    # another document's between two reads. Here every read after the first sees another
    # document's words: mentions and entities must still be those of a plain run.
    import kabar
    from kabar.document import Document
    from kabar.entities.grouping import group
    from kabar.entities.mentions import find_mentions
    from kabar.stages import entities, sentences

    text = ("Kepala BPBD Jawa Timur, Budi Santoso, mengatakan Gubernur Khofifah tiba di Surabaya. "
            "Budi menambahkan, warga Desa Contoh mengungsi ke Sidoarjo.")
    doc = sentences.run(Document(text=text))
    p = entities._Pending(doc)
    ner = entities._tag([p])[0]
    lex = lexicon()
    want = find_mentions(text, p.ranges, p.spans, p.words, ner, lex, p.cap)
    want_groups = [(e.type, sorted((m.start, m.end) for m in e.mentions))
                   for e in group(list(want), p.words, lex)]
    other = kabar.analyze("Menteri Retno Marsudi bertemu Presiden di Istana Bogor, Rabu.")  # noqa: F841
    stale = lexicon().prepared
    assert stale[0] is not p.words

    class Racing(type(lex)):
        reads = 0

        @property
        def prepared(self):
            Racing.reads += 1
            return p.folds if Racing.reads == 1 else stale

        @prepared.setter
        def prepared(self, value):
            pass

    racing = object.__new__(Racing)
    racing.__dict__.update({k: v for k, v in lex.__dict__.items() if k != "prepared"})
    got = find_mentions(text, p.ranges, p.spans, p.words, ner, racing, p.cap)
    assert [(m.start, m.end, m.type) for m in got] == [(m.start, m.end, m.type) for m in want]
    Racing.reads = 0
    got_groups = [(e.type, sorted((m.start, m.end) for m in e.mentions))
                  for e in group(list(got), p.words, racing)]
    assert got_groups == want_groups
    assert want
