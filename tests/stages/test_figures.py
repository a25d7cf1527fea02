"""Figures: amounts, categories from clause cues, approx bounds and exclusions (case table in tests/cases)."""
from pathlib import Path

import pytest

import kabar
from kabar.document import Document
from kabar.stages import figures, sentences

CASES = Path(__file__).resolve().parent.parent / "cases" / "figures_id.tsv"
FIELDS = ("text", "span", "value", "min", "max", "approx", "unit", "category", "claimant", "claimant_text")


def _cell(s):
    if s == "-":
        return None
    if s in ("true", "false"):
        return s == "true"
    try:
        return int(s)
    except ValueError:
        try:
            return float(s)
        except ValueError:
            return s


def _rows():
    for line in CASES.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            yield line.split("\t")


def find(text):
    doc = Document(text=text, paragraphs=[(0, len(text))])
    return figures.run(sentences.run(doc)).figures


@pytest.mark.parametrize("row", list(_rows()), ids=lambda r: f"{r[6]}:{r[0][:40]}")
def test_figures_case_table(row):
    sentence, text, value, lo, hi, approx, category, currency = row
    got = find(sentence)
    scored = [f for f in got if f["category"] != "other"]
    if category == "NONE":
        assert scored == [], scored
        return
    match = [f for f in got if f["text"] == text]
    assert match, [f["text"] for f in got]
    f = match[0]
    assert (f["value"], f["min"], f["max"], f["approx"], f["category"]) == \
        (_cell(value), _cell(lo), _cell(hi), _cell(approx), category)
    assert f.get("currency") == _cell(currency)


def test_figures_items_have_kabar1_shape_and_spans():
    text = "Banjir menewaskan 12 orang dan merusak Rp 3 miliar aset. Sekitar 40 persen warga mengungsi."
    got = find(text)
    assert got
    for f in got:
        assert tuple(f)[:len(FIELDS)] == FIELDS
        assert text[f["span"][0]:f["span"][1]] == f["text"]
        assert f["claimant"] is None and f["claimant_text"] is None
        assert ("currency" in f) == (f["category"] == "money")


def test_figures_cue_stays_in_its_clause():
    got = find("Serangan itu menewaskan 1.200 orang dan menyandera sekitar 240 orang.")
    assert [(f["value"], f["category"]) for f in got] == [(1200, "killed"), (240, "hostages")]


def test_figures_counts_of_things_are_other():
    got = find("Sebanyak 158 saham menguat dan 31 alat bukti diajukan.")
    assert [(f["value"], f["category"]) for f in got] == [(158, "other"), (31, "other")]


def test_figures_group_pointed_back_takes_earlier_category():
    got = find("KPK menangkap sepuluh orang. Tujuh dari sepuluh orang dibawa ke Jakarta. "
               "Dua dari tujuh orang tersebut adalah pejabat.")
    assert [(f["value"], f["category"]) for f in got] == [
        (10, "arrested"), (7, "arrested"), (10, "arrested"), (2, "arrested"), (7, "arrested")]


def test_figures_reference_article_gives_exactly_the_gold(reference_text):
    doc = kabar.analyze(reference_text, published="2023-11-17")
    scored = [(f["value"], f["category"], f["approx"]) for f in doc.figures if f["category"] != "other"]
    assert scored == [(1200, "killed", False), (240, "hostages", True), (11000, "killed", True)]
