"""The entities stage on hand-written Indonesian sentences and the reference article."""
from __future__ import annotations

import re

import pytest

from kabar.document import Document
from kabar.entities.gazetteer import lexicon
from kabar.pipeline import run
from kabar.stages import clean, entities, sentences

# Only the stages entities depend on, so a later stage's change cannot hide this one's.
STAGES = [clean, sentences, entities]


def analyze(text: str) -> Document:
    return run(Document(text="", raw=text, published="2025-01-15"), STAGES)


@pytest.fixture(scope="module")
def reference_record(reference_text):
    return analyze(reference_text).to_dict()


def ents(text: str) -> list[dict]:
    doc = analyze(text)
    for e in doc.entities:
        for a, b in e["mentions"]:
            assert doc.text[a:b].strip() == doc.text[a:b] and doc.text[a:b]
    return [dict(e, forms=sorted({doc.text[a:b] for a, b in e["mentions"]})) for e in doc.entities]


def find(entities, name):
    hits = [e for e in entities if e["name"] == name]
    assert hits, f"no entity {name!r} in {[(e['name'], e['type']) for e in entities]}"
    assert len(hits) == 1, f"{name!r} split into {len(hits)} entities"
    return hits[0]


def test_entities_title_stripped_from_person():
    es = ents("Presiden Prabowo Subianto meresmikan jembatan itu pada Senin. "
              "Menurut Prabowo, jembatan tersebut penting bagi warga.")
    e = find(es, "Prabowo Subianto")
    assert e["type"] == "PER" and e["forms"] == ["Prabowo", "Prabowo Subianto"]
    assert not any("Presiden" in f for x in es for f in x["forms"])


def test_entities_office_after_title_is_not_a_name():
    es = ents("Menteri Dalam Negeri Tito Karnavian meminta kepala daerah bersiap. "
              "Menteri Perindustrian Agus Gumiwang hadir dalam rapat itu.")
    assert find(es, "Tito Karnavian")["type"] == "PER"
    assert find(es, "Agus Gumiwang")["type"] == "PER"
    assert not any(f in ("Negeri", "Dalam Negeri", "Perindustrian") for x in es for f in x["forms"])


def test_entities_lowercase_title_marks_person():
    es = ents("Sidang itu dipimpin hakim tunggal Ratna Sari Dewanti di Kupang.")
    assert find(es, "Ratna Sari Dewanti")["type"] == "PER"


def test_entities_surname_joins_full_name():
    es = ents("Komandan Esmail Qaani mengirim surat. Dalam surat itu, Qaani menyebut dukungan penuh.")
    e = find(es, "Esmail Qaani")
    assert e["forms"] == ["Esmail Qaani", "Qaani"]


def test_entities_parenthesised_acronym_joins_expansion():
    es = ents("Badan Pusat Statistik (BPS) mencatat inflasi naik. Kepala BPS menyebut harga beras naik.")
    e = find(es, "Badan Pusat Statistik")
    assert e["type"] == "ORG" and "BPS" in e["forms"]


def test_entities_known_acronym_joins_expansion():
    es = ents("Kementerian Dalam Negeri menerbitkan surat edaran. Kemendagri meminta daerah patuh.")
    e = find(es, "Kementerian Dalam Negeri")
    assert set(e["forms"]) == {"Kementerian Dalam Negeri", "Kemendagri"}


def test_entities_initials_join_unknown_body():
    es = ents("Tim Kampanye Sejahtera dibentuk kemarin. Juru bicara TKS mengatakan timnya siap bekerja.")
    e = find(es, "Tim Kampanye Sejahtera")
    assert "TKS" in e["forms"]


def test_entities_name_pair_gives_two_people():
    es = ents("Pasangan Prabowo Subianto dan Gibran Rakabuming Raka menang. Pendukung Prabowo-Gibran bersorak.")
    assert "Prabowo" in find(es, "Prabowo Subianto")["forms"]
    assert "Gibran" in find(es, "Gibran Rakabuming Raka")["forms"]
    assert not any("-" in f for x in es for f in x["forms"])


def test_entities_hyphenated_given_name_stays_whole():
    es = ents("Mantan menteri Lee Sang-min divonis bersalah. Lee dihukum tujuh tahun penjara.")
    e = find(es, "Lee Sang-min")
    assert e["type"] == "PER" and "Lee" in e["forms"]


def test_entities_gazetteer_fixes_types():
    es = ents("Pemerintah Indonesia mengecam serangan itu. Hamas dan Hizbullah membantah, "
              "seperti dilansir AFP dan Al Arabiya.")
    assert find(es, "Indonesia")["type"] == "LOC"
    for name in ("Hamas", "Hizbullah", "AFP", "Al Arabiya"):
        assert find(es, name)["type"] == "ORG"


def test_entities_country_short_form_joins():
    es = ents("Amerika Serikat mengirim bantuan. Presiden AS berbicara di Gedung Putih.")
    e = find(es, "Amerika Serikat")
    assert e["type"] == "LOC" and "AS" in e["forms"]


def test_entities_admin_prefix_joins_place():
    es = ents("Banjir melanda Kota Padang pada Selasa. Warga Padang mengungsi ke masjid.")
    e = find(es, "Kota Padang")
    assert e["type"] == "LOC" and "Padang" in e["forms"]


def test_entities_sentence_initial_word_is_no_name():
    es = ents("Dalam laporan itu disebutkan kerugian besar. Sementara itu, warga Bandung menunggu bantuan.")
    assert {e["name"] for e in es} == {"Bandung"}


def test_entities_days_and_months_are_no_names():
    es = ents("Rapat digelar Kamis (12/2) di Jakarta dan berlanjut pada Februari.")
    assert [e["name"] for e in es] == ["Jakarta"]


def test_entities_spans_index_text(reference_record):
    text = reference_record["text"]
    assert reference_record["entities"]
    for e in reference_record["entities"]:
        assert e["type"] in ("PER", "ORG", "LOC")
        assert re.fullmatch(r"e\d+", e["id"])
        for a, b in e["mentions"]:
            assert 0 <= a < b <= len(text)
        assert any(text[a:b] == e["name"] for a, b in e["mentions"])


def _norm(s: str) -> str:
    return " ".join(re.findall(r"\w+", s.lower()))


def test_entities_reference_article_required_gold(reference_record, reference_gold):
    text = reference_record["text"]
    preds = [(e["type"], {_norm(e["name"])} | {_norm(text[a:b]) for a, b in e["mentions"]})
             for e in reference_record["entities"]]
    for g in reference_gold["entities"]:
        if g.get("optional"):
            continue
        names = {_norm(n) for n in g["names"]}
        assert any(t == g["type"] and forms & names for t, forms in preds), g
    qaani = [forms for t, forms in preds if "esmail qaani" in forms]
    assert qaani and "qaani" in qaani[0]


def test_entities_reference_article_nothing_from_boilerplate(reference_record, reference_gold):
    names = {_norm(e["name"]) for e in reference_record["entities"]}
    for line in reference_gold["boilerplate"]:
        for word in re.findall(r"\w+", line):
            assert word.lower() not in names, line


def test_entities_gazetteer_names_types():
    lex = lexicon()
    assert lex.lookup(["Jakarta"], 0, 1)[1] == "LOC"
    assert lex.lookup(["JAKARTA"], 0, 1)[1] == "LOC"
    assert lex.lookup(["as"], 0, 1) is None  # short names keep their case
    assert lex.lookup(["Kemendagri"], 0, 1)[2] == "Kementerian Dalam Negeri"
    assert lex.lookup(["Korea", "Selatan"], 0, 2)[1] == "LOC"


def test_entities_glued_media_name_is_split():
    es = ents("Serangan itu menewaskan dua orang, seperti dilansirAFP, Selasa (14/1).")
    assert find(es, "AFP")["type"] == "ORG"


def test_entities_company_by_last_word():
    es = ents("Saham PT Bukit Asam Tbk (PTBA) naik tipis. PTBA membagikan dividen.")
    e = find(es, "PT Bukit Asam Tbk")
    assert e["type"] == "ORG" and "PTBA" in e["forms"]


def test_entities_dateline_keeps_place_and_agency_apart():
    es = ents("Jakarta (ANTARA) - Harga emas naik pada Rabu.")
    assert find(es, "Jakarta")["type"] == "LOC"
    assert find(es, "ANTARA")["type"] == "ORG"


def test_entities_acronym_of_ordinary_words_is_no_entity():
    es = ents("Partai itu menyiapkan pergantian antarwaktu (PAW) untuk kursinya. "
              "Calon PAW Budi Santoso dinilai paling kuat.")
    assert not any("PAW" in f for e in es for f in e["forms"])
    assert find(es, "Budi Santoso")["type"] == "PER"


def test_entities_person_initials_in_parentheses_join_the_person():
    es = ents("Penyidik menahan Rusdi Masse Mappasessu (RMS) pada Senin. RMS membantah tuduhan itu.")
    e = find(es, "Rusdi Masse Mappasessu")
    assert e["type"] == "PER" and "RMS" in e["forms"]


def test_entities_staff_credits_name_no_one():
    # Straight into the stage: the cleaner usually takes such credits out first.
    text = "Umat memadati gereja pada malam Natal. Sumber: Anadolu Penerjemah: Nabil Ihsan Editor: Aditya Eko Sigit"
    doc = Document(text=text, paragraphs=[(0, len(text))])
    doc = entities.run(sentences.run(doc))
    names = {e["name"] for e in doc.entities}
    assert "Nabil Ihsan" not in names and "Aditya Eko Sigit" not in names
    assert "Anadolu" in names


def test_entities_work_without_the_tagger(monkeypatch):
    monkeypatch.setattr(entities, "tagger", lambda: None)
    es = ents("Presiden Prabowo Subianto bertemu Ketua KPK Setyo Budiyanto di Jakarta. "
              "Prabowo meminta KPK bekerja keras.")
    assert find(es, "Prabowo Subianto")["forms"] == ["Prabowo", "Prabowo Subianto"]
    assert find(es, "Setyo Budiyanto")["type"] == "PER"
    assert find(es, "KPK")["type"] == "ORG"
    assert find(es, "Jakarta")["type"] == "LOC"


def test_entities_bodies_joined_by_dan_stay_apart():
    es = ents("Pasukan dikerahkan ke gedung Majelis Nasional dan Komisi Pemilihan Umum. "
              "Pendakian ke Gunung Tandikat dan Gunung Talang ditutup.")
    for name in ("Majelis Nasional", "Komisi Pemilihan Umum"):
        assert find(es, name)["type"] == "ORG"
    for name in ("Gunung Tandikat", "Gunung Talang"):
        assert find(es, name)["type"] == "LOC"


def test_entities_two_people_sharing_nothing_keep_their_short_forms():
    es = ents("Lee Jae-myung dan Yoon Suk Yeol bersaing ketat. Lee akhirnya menang tipis atas Yoon.")
    assert "Lee" in find(es, "Lee Jae-myung")["forms"]
    assert "Yoon" in find(es, "Yoon Suk Yeol")["forms"]


def test_entities_nickname_cue_joins_the_person():
    es = ents("Dominikus Adi Sutarwijono yang akrab disapa Cak Awi meninggal dunia. "
              "Cak Awi dikenal dekat dengan warga. Polisi menangkap Rachmat alias Rafi kemarin.")
    assert "Cak Awi" in find(es, "Dominikus Adi Sutarwijono")["forms"]
    assert "Rafi" in find(es, "Rachmat")["forms"]


def test_entities_events_and_awards_are_no_entities():
    es = ents("Aipda Agung Ginanjar menjadi kandidat Hoegeng Awards 2026. "
              "Timnas bersiap menghadapi Piala Asia di Doha.")
    names = {e["name"] for e in es}
    assert "Hoegeng Awards" not in names and "Piala Asia" not in names
    assert find(es, "Agung Ginanjar")["type"] == "PER"


def test_entities_titles_inside_names_of_places_and_bodies():
    es = ents("Wakil Rektor Universitas Maritim Raja Ali Haji Dr Suryadi berkantor di Jalan Jenderal Sudirman.")
    assert find(es, "Universitas Maritim Raja Ali Haji")["type"] == "ORG"
    assert find(es, "Suryadi")["type"] == "PER"
    assert find(es, "Jalan Jenderal Sudirman")["type"] == "LOC"


def test_entities_title_followed_only_by_office_words():
    es = ents("Menurut Menteri Dalam Negeri, aturan itu berlaku. Kata Ketua Umum.")
    assert all(e["type"] in ("PER", "ORG", "LOC") for e in es)
    assert not any("Negeri" in f for e in es for f in e["forms"])


@pytest.mark.parametrize("text, expected", [
    # an abbreviated title with its period is still a title
    ("Hal itu disampaikan Ketua MUI KH. Cholil Nafis di Jakarta.",
     {("ORG", "MUI"), ("PER", "Cholil Nafis"), ("LOC", "Jakarta")}),
    # hyphenated names after a place head are the place's one name
    ("Jembatan Soekarno-Hatta di Kota Malang melengkung.",
     {("LOC", "Jembatan Soekarno-Hatta"), ("LOC", "Kota Malang")}),
    # an embassy is a body, though a country's name is inside it
    ("Data Kedutaan Besar Republik Indonesia (KBRI) mencatat kenaikan.",
     {("ORG", "Kedutaan Besar Republik Indonesia")}),
    # units and diseases written with a capital are no names; neither is shouting
    ("Getaran jembatan 2,9 Hertz, kata petugas pemeriksa Tuberkulosis.", set()),
    ("AKAN KAH PERANG TERJADI ? BERITA HARI INI.", set()),
    # English job titles are titles
    ("Ujar Vice President Marketplace Facebook Deborah Liu dalam keterangan.",
     {("ORG", "Facebook"), ("PER", "Deborah Liu")}),
    # media named by a lower-case domain or a brand are organisations; URLs are not names
    ("Ia berkata kepada thejakartapost.com, seperti dilansir detikSulsel, Senin.",
     {("ORG", "thejakartapost.com"), ("ORG", "detikSulsel")}),
    ("Sumber: https://www.cnnindonesia.com/teknologi/2017 dan www.detik.com.", set()),
    # a company's closing word, then a person; a national team is a body
    ("Analis MNC Sekuritas Edwin Sebayang memprediksi IHSG memerah.",
     {("ORG", "MNC Sekuritas"), ("PER", "Edwin Sebayang")}),
    ("Timnas Pantai Gading dan Timnas Kamerun menang.",
     {("ORG", "Timnas Pantai Gading"), ("ORG", "Timnas Kamerun")}),
    # written-out ranks are titles; neighbourhood units, school levels and degrees are no names
    ("Kata Kapolda Inspektur Jenderal Idham Aziz di rumah warga RT 06 RW 04.",
     {("PER", "Idham Aziz")}),
    ("Lulusan SMA dan S1 dicari untuk posisi itu.", set()),
    # "DPRD Surabaya" is "DPRD Kota Surabaya" without the administrative word
    ("Ketua DPRD Kota Surabaya hadir. Menurut DPRD Surabaya, rapat ditunda.",
     {("ORG", "DPRD Kota Surabaya")}),
    ("Direktur Utama Bahana TCW Investment Management Edward Lubis mengatakan hal itu.",
     {("ORG", "Bahana TCW Investment Management"), ("PER", "Edward Lubis")}),
    # suspects named by initials are people, in a list and again later
    ("Pelaku berinisial NMH, SH, dan AB ditangkap. Menurut keterangan SH, polisi memburu pelaku lain.",
     {("PER", "NMH"), ("PER", "SH"), ("PER", "AB")}),
    # posts in a vacancy list are no names
    ("Dibutuhkan PPIC Staff, QC Staff, Blown Film Operator dan Management Trainee di Bekasi.",
     {("LOC", "Bekasi")}),
    # a place head closing a run ends a person's name, it opens no place
    ("Wakil Menteri ESDM Yuliot Tanjung meminta warga di Tanjung Priok waspada.",
     {("ORG", "ESDM"), ("PER", "Yuliot Tanjung"), ("LOC", "Tanjung Priok")}),
])
def test_entities_general_patterns(text, expected):
    assert {(e["type"], e["name"]) for e in ents(text)} == expected
