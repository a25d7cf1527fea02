"""The events stage: PLOVER triggers, actor/target by word order, negation, claimant, time, place."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from kabar.document import Document
from kabar.events.lexicon import TYPES, lexicon
from kabar.stages import clean, events, sentences

CASES = Path(__file__).parent.parent / "cases" / "events_id.tsv"


def make_doc(text: str, names: dict[str, str], quotes: list[dict] = (), times: list[dict] = ()) -> Document:
    """Clean and split ``text``, then add one entity per name with every whole-word mention."""
    doc = sentences.run(clean.run(Document(text="", raw=text)))
    taken: list[tuple[int, int]] = []
    for n, (name, type_) in enumerate(sorted(names.items(), key=lambda kv: -len(kv[0]))):
        spans = [[m.start(), m.end()] for m in re.finditer(rf"(?<!\w){re.escape(name)}(?!\w)", doc.text)
                 if not any(a < m.end() and m.start() < b for a, b in taken)]
        taken += [tuple(s) for s in spans]
        if spans:
            doc.entities.append({"id": f"e{n + 1}", "name": name, "type": type_, "mentions": spans})
    doc.quotes, doc.times = list(quotes), list(times)
    return events.run(doc)


def named(doc: Document, ev: dict) -> str:
    name = lambda i: doc.entity(i)["name"] if i else "-"  # noqa: E731
    return f"{ev['type']}:{name(ev['actor'])}>{name(ev['target'])}"


def load_cases():
    for line in CASES.read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or not line.strip():
            continue
        text, ents, expected = (line.split("\t") + [""])[:3]
        names = dict(item.rsplit(":", 1) for item in ents.split("|") if item)
        yield pytest.param(text, names, [e for e in expected.split(";") if e], id=text[:40])


@pytest.mark.parametrize("text,names,expected", list(load_cases()))
def test_events_case_table(text, names, expected):
    doc = make_doc(text, names)
    assert [named(doc, ev) for ev in doc.events] == expected


def test_events_every_trigger_type_is_plover():
    assert {t.type for t in lexicon().triggers.values()} == set(TYPES)


def test_events_shape_and_span_is_the_sentence():
    text = "Hujan turun sejak pagi. Rusia menyerang Ukraina di Kota Kharkiv."
    doc = make_doc(text, {"Rusia": "LOC", "Ukraina": "LOC", "Kota Kharkiv": "LOC"})
    (ev,) = doc.events
    assert set(ev) == {"type", "actor", "target", "trigger", "span", "time", "place", "negated", "claimant"}
    a, b = ev["span"]
    assert doc.text[a:b] == "Rusia menyerang Ukraina di Kota Kharkiv."
    assert ev["trigger"] == "menyerang"
    assert doc.entity(ev["place"])["name"] == "Kota Kharkiv"


def test_events_negation():
    doc = make_doc("Indonesia tidak akan mendukung Israel.", {"Indonesia": "LOC", "Israel": "LOC"})
    (ev,) = doc.events
    assert ev["negated"] is True and ev["type"] == "SUPPORT"


def test_events_claimant_from_quote():
    text = 'Menurut Budi Hartono, Kelompok Merah menyerang Desa Sukamaju tadi malam.'
    quote_text = "Kelompok Merah menyerang Desa Sukamaju tadi malam"
    a = text.index(quote_text)
    names = {"Budi Hartono": "PER", "Kelompok Merah": "ORG", "Desa Sukamaju": "LOC"}
    doc = make_doc(text, names)
    speaker = next(e["id"] for e in doc.entities if e["name"] == "Budi Hartono")
    quote = {"text": quote_text, "span": [a, a + len(quote_text)], "speaker": speaker, "direct": False}
    doc = make_doc(text, names, quotes=[quote])
    (ev,) = doc.events
    assert ev["claimant"] == speaker


def test_events_first_person_actor_is_the_speaker():
    text = '"Kami menangkap Joko Susilo," kata Andi Rahman.'
    names = {"Joko Susilo": "PER", "Andi Rahman": "PER"}
    doc = make_doc(text, names)
    speaker = next(e["id"] for e in doc.entities if e["name"] == "Andi Rahman")
    quote = {"text": "Kami menangkap Joko Susilo", "span": [1, 27], "speaker": speaker, "direct": True}
    doc = make_doc(text, names, quotes=[quote])
    assert [named(doc, ev) for ev in doc.events] == ["COERCE:Andi Rahman>Joko Susilo"]


def test_events_time_from_same_sentence():
    text = "Rusia menyerang Ukraina pada 7 Oktober."
    a = text.index("7 Oktober")
    doc = make_doc(text, {"Rusia": "LOC", "Ukraina": "LOC"},
                   times=[{"text": "7 Oktober", "span": [a, a + 9], "value": "2023-10-07"}])
    assert doc.events[0]["time"] == "2023-10-07"


def test_events_none_without_entities():
    doc = make_doc("Rusia menyerang Ukraina.", {})
    assert doc.events == []


def test_events_duplicates_collapse():
    text = "KPK menangkap Andi Wijaya. KPK menangkap Andi Wijaya lagi."
    doc = make_doc(text, {"KPK": "ORG", "Andi Wijaya": "PER"})
    assert len(doc.events) == 1


def test_events_reference_article(reference_text):
    """The reference article: Israel ACCUSE Iran, Hamas ASSAULT Israel, Teheran REJECT Israel,
    Qaani / Quds Force SUPPORT Hamas; nothing from its boilerplate lines."""
    names = {"Esmail Qaani": "PER", "Qaani": "PER", "Muhammad Deif": "PER", "Ali Khamenei": "PER",
             "Pasukan Quds Iran": "ORG", "Brigade Al Qassam": "ORG", "Hamas": "ORG", "Al Arabiya": "ORG",
             "Iran": "LOC", "Israel": "LOC", "Palestina": "LOC", "Jalur Gaza": "LOC", "Gaza": "LOC",
             "Teheran": "LOC", "Timur Tengah": "LOC"}
    doc = make_doc(reference_text, names)
    got = {named(doc, ev) for ev in doc.events}
    assert {"ACCUSE:Israel>Iran", "ASSAULT:Hamas>Israel", "REJECT:Teheran>Israel",
            "SUPPORT:Pasukan Quds Iran>Hamas"} <= got
    lines = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", doc.text)]
    boiler = [span for span in lines if doc.text[span[0]:span[1]].strip() in ("IKLAN", "(khr/bac)")]
    assert not any(a <= ev["span"][0] < b for ev in doc.events for a, b in boiler)


def test_events_time_belongs_to_the_nearer_trigger():
    text = "Iran memuji serangan Hamas pada 7 Oktober."
    a = text.index("7 Oktober")
    doc = make_doc(text, {"Iran": "LOC", "Hamas": "ORG"},
                   times=[{"text": "7 Oktober", "span": [a, a + 9], "value": "2023-10-07"}])
    (ev,) = doc.events
    assert ev["type"] == "SUPPORT" and ev["time"] is None


def test_events_place_before_the_verb():
    doc = make_doc("Di Kota Padang, Polda Sumbar menangkap Andi Wijaya.",
                   {"Kota Padang": "LOC", "Polda Sumbar": "ORG", "Andi Wijaya": "PER"})
    (ev,) = doc.events
    assert doc.entity(ev["place"])["name"] == "Kota Padang"


def test_events_verbal_events_take_no_place_from_their_content():
    doc = make_doc("Israel menuduh Iran memperburuk situasi di Timur Tengah.",
                   {"Israel": "LOC", "Iran": "LOC", "Timur Tengah": "LOC"})
    (ev,) = doc.events
    assert ev["type"] == "ACCUSE" and ev["place"] is None


def test_event_media_names_joined_find_what_each_finds():
    from kabar.events.lexicon import _one_of

    lex = lexicon()
    assert lex.media_re is not None
    text = "www.detik.com melaporkan, kata Kompas.com dan CNN Indonesia. www.X Tempo.co.id okezone.COM x.idn"
    for a in range(len(text)):
        for b in range(a, min(len(text), a + 30) + 1):
            assert (lex.media_re.search(text, a, b) is None) == (not any(p.search(text, a, b) for p in lex.media_names))
    assert _one_of([re.compile("(?s)a.b")]) is None  # a global flag other than (?i) keeps them apart
