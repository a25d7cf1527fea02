"""The cleaning stage: boilerplate, bylines, paragraphs, glue, mojibake, offset map."""
import re
from pathlib import Path

import pytest

from kabar.document import Document
from kabar.stages import clean
from kabar.stages.clean_glue import fix_mojibake

CASES = Path(__file__).parent.parent / "cases"


def cleaned(raw: str) -> Document:
    return clean.run(Document(text="", raw=raw))


def rows(name: str) -> list[list[str]]:
    out = []
    for line in (CASES / name).read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            out.append([cell.replace("\\n", "\n") for cell in line.split("\t")])
    return out


def assert_offsets(doc: Document) -> None:
    """Every clean character maps to a raw index; copied characters map to themselves."""
    assert len(doc.offsets) == len(doc.text)
    assert all(0 <= o <= len(doc.raw) for o in doc.offsets)
    assert doc.offsets == sorted(doc.offsets)
    for ch, o in zip(doc.text, doc.offsets):
        if ch not in " \n" and ch.isascii():
            assert doc.raw[o] == ch


def test_clean_boilerplate_lines_removed():
    raw = ("Warga memadati alun-alun kota sejak pagi.\nIKLAN\nSCROLL TO CONTINUE WITH CONTENT\n"
           "ADVERTISEMENT\nGULIR UNTUK MELANJUTKAN KONTEN\nPanitia membagikan air minum.\n"
           "Baca juga: Wali kota resmikan taman baru\n[Gambas:Video 20detik]\nKonten tidak ditemukan")
    doc = cleaned(raw)
    assert doc.text == "Warga memadati alun-alun kota sejak pagi.\nPanitia membagikan air minum."
    assert doc.boilerplate == ["IKLAN", "SCROLL TO CONTINUE WITH CONTENT", "ADVERTISEMENT",
                               "GULIR UNTUK MELANJUTKAN KONTEN", "Baca juga: Wali kota resmikan taman baru",
                               "[Gambas:Video 20detik]", "Konten tidak ditemukan"]


def test_clean_label_inside_a_word_is_prose():
    raw = "Warga yang membaca juga: kaget dengan berita itu."
    assert cleaned(raw).text == raw


def test_clean_content_lines_like_prompts_kept():
    raw = ("Warga berkumpul di alun-alun.\nDilarang keras membuang sampah di sungai, kata wali kota.\n"
           "Hak cipta lagu itu milik band tersebut.\nIkuti terus perkembangan kasus ini.\n"
           "Bagikan:\nIkuti berita terkini dari Contoh.com di Google News")
    doc = cleaned(raw)
    assert doc.text == ("Warga berkumpul di alun-alun.\nDilarang keras membuang sampah di sungai, kata wali kota.\n"
                        "Hak cipta lagu itu milik band tersebut.\nIkuti terus perkembangan kasus ini.")
    assert doc.boilerplate == ["Bagikan:", "Ikuti berita terkini dari Contoh.com di Google News"]


def test_clean_inline_related_headline_removed():
    raw = ("Jakarta (ANTARA) - Hujan deras mengguyur kota sejak pagi. Baca juga: BMKG imbau warga waspada "
           "banjir di Jakarta Menurut petugas, air mulai surut pada sore hari. Baca juga: Pemprov siapkan "
           "pompa air di Jakarta Utara Pewarta: Budi Santoso Editor: Sri Lestari Copyright © ANTARA 2025 "
           "Dilarang keras mengambil konten tanpa izin tertulis dari Kantor Berita ANTARA.")
    doc = cleaned(raw)
    assert doc.text == ("Jakarta (ANTARA) - Hujan deras mengguyur kota sejak pagi.\n"
                        "Menurut petugas, air mulai surut pada sore hari.")
    assert "Baca juga: BMKG imbau warga waspada banjir di Jakarta" in doc.boilerplate
    assert "Baca juga: Pemprov siapkan pompa air di Jakarta Utara" in doc.boilerplate
    assert any(b.startswith("Pewarta: Budi Santoso") for b in doc.boilerplate)


def test_clean_inline_related_headline_keeps_next_sentence_name():
    raw = ("Gubernur meninjau lokasi. Baca juga: Sumbar dukung jalur rempah jadi warisan dunia UNESCO "
           "Mahyeldi mengatakan pihaknya siap membantu.")
    doc = cleaned(raw)
    assert "Mahyeldi mengatakan pihaknya siap membantu." in doc.text
    assert "jalur rempah" not in doc.text


def test_clean_inline_video_and_scroll_prompts_removed():
    raw = ("Hakim membacakan putusan pada Kamis (12/2/2026). SCROLL TO CONTINUE WITH CONTENT  Bulan lalu jaksa "
           "menuntut hukuman 15 tahun. Simak juga Video 'Eks Menteri Dibui 20 Bulan':  [Gambas:Video 20detik]  ")
    doc = cleaned(raw)
    assert doc.text == ("Hakim membacakan putusan pada Kamis (12/2/2026).\n"
                        "Bulan lalu jaksa menuntut hukuman 15 tahun.")
    assert "[Gambas:Video 20detik]" in doc.boilerplate


def test_clean_social_media_embeds_removed():
    raw = ("Foto itu hasil suntingan. REFERENSI: https://example.com/a (function(d, s, id) { var js, "
           "fjs = d.getElementsByTagName(s)[0]; js = d.createElement(s); js.id = id; fjs.parentNode."
           "insertBefore(js, fjs);}(document, 'script', 'facebook-jssdk')); #hoax Beredar foto mobil "
           "baru… Posted by Grup Cek Fakta on\xa0Friday, June 23, 2017 Polisi membantah kabar itu. "
           "Waspada! A post shared by Humas Kota (@humaskota) on Jun 24, 2018 at 1:51am PDT")
    doc = cleaned(raw)
    assert "function" not in doc.text and "Posted by" not in doc.text and "post shared" not in doc.text
    assert "Beredar foto mobil" not in doc.text  # the embedded post went with its loader
    assert "Foto itu hasil suntingan." in doc.text and "Polisi membantah kabar itu." in doc.text


def test_clean_bracketed_related_link_removed():
    raw = ("Kajian teknis belum disempurnakan. (baca: Menteri: Proyek Itu Kecil, Bukan Megaproyek) "
           "Menurut dia, proyek itu tetap penting.")
    doc = cleaned(raw)
    assert doc.text == "Kajian teknis belum disempurnakan.\nMenurut dia, proyek itu tetap penting."
    assert doc.boilerplate == ["(baca: Menteri: Proyek Itu Kecil, Bukan Megaproyek)"]


def test_clean_related_label_alone_takes_next_line():
    raw = "Paragraf pertama selesai.\n\nBaca juga:\n\nKisah Penyanyi Muda dan Sang Suami\n\nParagraf kedua selesai."
    doc = cleaned(raw)
    assert doc.text == "Paragraf pertama selesai.\nParagraf kedua selesai."
    assert doc.boilerplate == ["Baca juga:", "Kisah Penyanyi Muda dan Sang Suami"]


@pytest.mark.parametrize("headline,body", [
    ("Baca juga: Rupiah Keok, Pedagang Tempe Resah", "Sementara, warga mulai terganggu kabut asap."),
    ("Baca juga: Pendaftaran Pilkada Diperpanjang, Kenapa?", "\"Sudah dua hari saya menunggu,\" ujarnya."),
    ("Baca juga: Kastuba ornamen Natal Katedral Jakarta", "Dalam homili itu, uskup berpesan."),
])
def test_clean_related_headline_ends(headline, body):
    glue = "" if "Resah" in headline else " "
    doc = cleaned("Ia hadir di sana. " + headline + glue + body)
    assert doc.text == "Ia hadir di sana.\n" + body
    assert doc.boilerplate == [headline]


def test_clean_syndication_footers_removed():
    raw = ("Pemerintah baru berjanji membangun kembali negeri itu. Artikel ini pertama kali diterbitkan dalam "
           "bahasa Inggris Diadaptasi oleh Sari Dewi Editor: Budi Santoso  Lihat juga Video 'Sidang Vonis Eks "
           "PM':  [Gambas:Video 20detik] ")
    assert cleaned(raw).text == "Pemerintah baru berjanji membangun kembali negeri itu."
    raw = "Gerai baru dibuka tahun depan. Artikel ini telah tayang di Kontan.co.id dengan judul Gerai baru dibuka"
    assert cleaned(raw).text == "Gerai baru dibuka tahun depan."


def test_clean_photo_caption_removed():
    raw = ("Misa berjalan tertib. Panitia mengecek kode registrasi jemaat di Gereja Katedral Jakarta, Kamis "
           "(25/12/2025) ANTARA/Budi Santoso Misa tersebut dipimpin uskup. Pewarta: Budi Santoso Editor: Sri "
           "Lestari")
    doc = cleaned(raw)
    assert doc.text == "Misa berjalan tertib.\nMisa tersebut dipimpin uskup."


def test_clean_bylines_codes_moved():
    doc = cleaned("Israel menuduh Iran memasok senjata.\n(khr/bac)\n[Gambas:Video CNN]")
    assert doc.bylines == ["khr", "bac"]
    assert "(khr/bac)" not in doc.text
    doc = cleaned('Evan butuh istirahat dua hari," sebut Ibnu, Selasa (25/8) pagi. (faw/dzi)')
    assert doc.bylines == ["faw", "dzi"]
    assert doc.text.endswith("pagi.")


def test_clean_bylines_author_name_at_end():
    doc = cleaned("Permintaan kredit valas menurun sampai akhir semester.(Galvan Yudistira)")
    assert doc.text == "Permintaan kredit valas menurun sampai akhir semester."
    assert doc.bylines == ["Galvan Yudistira"]


@pytest.mark.parametrize("raw,codes", [
    ("Skor imbang bertahan hingga laga usai. (rah / rah)", ["rah", "rah"]),
    ("Kapal itu ditenggelamkan pekan lalu.\n(us)", ["us"]),
    ("Ia mengaku belum menerima surat panggilan,\" katanya. [cob]", ["cob"]),
])
def test_clean_bylines_desk_codes_at_end(raw, codes):
    doc = cleaned(raw)
    assert doc.bylines == codes
    assert not doc.text.endswith((")", "]"))


def test_clean_credit_lines_name_bylines():
    doc = cleaned("Jakarta (ANTARA) - Hujan turun sejak pagi. Pewarta: Budi Santoso Editor: Sri Lestari Copyright © "
                  "ANTARA 2025")
    assert doc.text == "Jakarta (ANTARA) - Hujan turun sejak pagi."
    assert doc.bylines == ["Budi Santoso", "Sri Lestari"]
    doc = cleaned("Harga cabai turun di pasar.\nReporter: Fajar Nugroho")
    assert doc.bylines == ["Fajar Nugroho"] and doc.boilerplate == ["Reporter: Fajar Nugroho"]


@pytest.mark.parametrize("raw,text", [
    ("Harga cabai turun di pasar induk.\nPilihan Editor: Harga Beras Naik Lagi\nPedagang mengeluh sepi.",
     "Harga cabai turun di pasar induk.\nPedagang mengeluh sepi."),
    ("Liputan6.com, Jakarta - Harga cabai turun.\nSimak Video Pilihan Berikut Ini:\nDapatkan update berita "
     "pilihan dan breaking news setiap hari dari Kompas.com.", "Liputan6.com, Jakarta - Harga cabai turun."),
    ("REPUBLIKA.CO.ID, JAKARTA -- Harga cabai turun di pasar. Red: Esthi Maharani",
     "REPUBLIKA.CO.ID, JAKARTA -- Harga cabai turun di pasar."),
    ("Harga cabai turun.\nADVERTISEMENT\nSCROLL TO RESUME CONTENT\nPedagang mengeluh.",
     "Harga cabai turun.\nPedagang mengeluh."),
    ("Pasangan calon tidak lolos. (Baca Sebanyak 59 Pasangan Calon Tidak Lolos) Menurut KPU, hal itu wajar.",
     "Pasangan calon tidak lolos.\nMenurut KPU, hal itu wajar."),
    ('Kami menagih janji itu," kata dia. Penulis: Dani Prabowo', 'Kami menagih janji itu," kata dia.'),
    ("Jalan itu dijaga tentara, kata Irwan.\nLaporan Frits Floris - NTT", "Jalan itu dijaga tentara, kata Irwan."),
    ("Mobil itu dipamerkan di Tokyo. (ANTARA/Monalisa) Pada 1977, pabrik itu berdiri.",
     "Mobil itu dipamerkan di Tokyo.\nPada 1977, pabrik itu berdiri."),
])
def test_clean_outlet_prompts_removed(raw, text):
    assert cleaned(raw).text == text


def test_clean_units_in_parentheses_are_no_bylines():
    doc = cleaned("Kecepatan angin mencapai 40 (km/jam) di pesisir selatan.")
    assert doc.text == "Kecepatan angin mencapai 40 (km/jam) di pesisir selatan."
    assert doc.bylines == []


@pytest.mark.parametrize("dateline", ["Jakarta (ANTARA) - ", "REPUBLIKA.CO.ID, VENESIA -- ",
                                      "JAKARTA, KOMPAS.com - ", "TRIBUNNEWS.COM, JAKARTA - "])
def test_clean_datelines_kept(dateline):
    raw = dateline + "Pemerintah menaikkan anggaran pendidikan tahun depan."
    assert cleaned(raw).text == raw


def test_clean_tribun_reporter_line_removed():
    raw = ("Laporan Wartawan Tribunnews.com, Budi SantosoTRIBUNNEWS.COM, JAKARTA - Pemerintah menggelar rapat "
           "di kantor wakil presiden.")
    doc = cleaned(raw)
    assert doc.text.startswith("TRIBUNNEWS.COM, JAKARTA - Pemerintah")


@pytest.mark.parametrize("glued,repaired", rows("clean_glue.tsv"))
def test_clean_glue_repaired(glued, repaired):
    assert cleaned(glued).text == repaired


@pytest.mark.parametrize("sentence", [r[0] for r in rows("clean_mixed_case.tsv")])
def test_clean_mixed_case_names_kept(sentence):
    assert cleaned(sentence).text == sentence


@pytest.mark.parametrize("raw,expected", rows("clean_paragraphs.tsv"))
def test_clean_paragraph_restore(raw, expected):
    assert cleaned(raw).text == expected


def test_clean_carriage_returns_are_line_breaks():
    doc = cleaned("Paragraf pertama.\r\r\rSCROLL TO CONTINUE WITH CONTENT\rParagraf kedua.\r\nParagraf ketiga.")
    assert doc.text == "Paragraf pertama.\nParagraf kedua.\nParagraf ketiga."
    assert doc.paragraphs == [(0, 17), (18, 33), (34, 50)]


def test_clean_mojibake_repaired():
    doc = cleaned("Pelatih JÃ³hann Gudmundsson memuji â€œsemangatâ€\x9d timnya.")
    assert doc.text == "Pelatih Jóhann Gudmundsson memuji “semangat” timnya."
    assert fix_mojibake("Indonesia") == "Indonesia"
    assert_offsets(doc)


def test_clean_whitespace_normalised():
    doc = cleaned("PT  Decathlon\xa0Sports   Indonesia membuka\u200b gerai.")
    assert doc.text == "PT Decathlon Sports Indonesia membuka gerai."
    assert_offsets(doc)


def test_clean_offsets_map_back_to_raw(reference_text):
    doc = cleaned(reference_text)
    assert_offsets(doc)
    i = doc.text.index("Muhammad Deif")
    assert reference_text[doc.offsets[i]:doc.offsets[i] + 13] == "Muhammad Deif"
    for a, b in doc.paragraphs:
        assert "\n" not in doc.text[a:b] and doc.text[a:b].strip()


def test_clean_reference_article(reference_text):
    doc = cleaned(reference_text)
    assert doc.boilerplate == ["IKLAN", "GULIR UNTUK MELANJUTKAN KONTEN", "[Gambas:Video CNN]"]
    assert doc.bylines == ["khr", "bac"]
    assert "Hamas Muhammad Deif" in doc.text
    assert "Al Arabiya Jumat (17/11)" in doc.text
    assert "IKLAN" not in doc.text and "(khr/bac)" not in doc.text


def test_clean_empty_and_blank_input():
    assert cleaned("").text == ""
    doc = cleaned(" \n\r\n ")
    assert doc.text == "" and doc.paragraphs == [] and doc.offsets == []


def test_clean_reference_record(reference_record):
    """Through the whole pipeline: the record the CLI would write."""
    assert reference_record["boilerplate"] == ["IKLAN", "GULIR UNTUK MELANJUTKAN KONTEN", "[Gambas:Video CNN]"]
    assert reference_record["bylines"] == ["khr", "bac"]
    text = reference_record["text"]
    assert "Hamas Muhammad Deif" in text and "Al Arabiya Jumat" in text
    assert not any(junk in text for junk in ("IKLAN", "GULIR", "Gambas", "(khr/bac)"))


def test_clean_trigger_literals_found_in_one_pass_as_by_substring_tests():
    from kabar.stages import clean_boilerplate as cb

    lits = {lit for name in cb._TRIGGERED_FILES for lit, _ in cb._triggered(name) if lit}
    samples = ["Baca juga: Baca Artikel ini telah tayang", "(baca juga) BACA: LIHAT JUGA", "Reporter: Rep Red",
               "Pilihan Editor Sumber: Kompas.com KOMPAS.com", "tanpa apa pun", "$$(ANTARA(Antara) [Gambas:Video]",
               " ".join(sorted(lits)), "".join(sorted(lits, key=len))]
    for raw in samples:
        assert cb._present(raw) == {lit for lit in lits if lit in raw}


@pytest.mark.parametrize("old, new", [
    (r"\r\n|[\r\n\u2028\u2029\x0b\x0c\x85]", "kabar.stages.clean:_LINE_BREAK"),
    (r" {2,}", "kabar.stages.clean_glue:_SPACE_RUN"),
    (r"([.!?]+|:)([\"”’]?)(?=[\"“]?[A-Z][a-z])", "kabar.stages.clean_glue:_RUN_ON"),
    (r"(?<=[.!?] )(?:ANTARA FOTO|ANTARA)\s*/\s*(?!Business Wire)", "kabar.stages.clean_boilerplate:_CREDIT_ONLY"),
    (r"(?<![\w.,/-])(?:19|20)\d\d(?![\w/]|[.,]\d)", "kabar.stages.times:_YEAR"),
])
def test_clean_regexes_rewritten_for_speed_match_as_before(old, new):
    import importlib

    module, name = new.split(":")
    rx, ref = getattr(importlib.import_module(module), name), re.compile(old)
    for text in ["a\r\nb\rc\n\rd\r\r\ne\u2028f\x85", "x  y   z \t  w", "Ya.:Ini ok!?Dia :.Kami .\"Ab ...Ab",
                 "sehat.Hal itu, Indonesia.\"Kita mau (11/1/2024).Lebih 10:30 KPK:Ini rinciannya:Adapun",
                 "Natal. ANTARA/M Riezko. ANTARA FOTO /Budi x ANTARA/Y! ANTARA FOTO/Business Wire. ANTARA FOTOS/a",
                 "2019 x2020 .2021 1999a 2000/ 12020 2020-an 1998, 2001.5 192019 ,2018 (2017)"]:
        assert [(m.span(), m.groups()) for m in rx.finditer(text)] == \
               [(m.span(), m.groups()) for m in ref.finditer(text)]


def test_clean_glued_words_found_by_their_capital():
    from kabar.stages.clean_glue import glue_splits

    text = "Kata HamasMuhammad dan ArabiyaJumat, bukan YouTube atau UnionSpace UnionSpace."
    assert [text[i:i + 6] for i in glue_splits(text)] == ["Muhamm", "Jumat,"]


def test_clean_ascii_text_skips_no_repair():
    from kabar.stages.clean_glue import repairs

    assert repairs("Kata  dia\tpergi.Lalu HamasMuhammad datang") == \
        [(4, 6, " "), (9, 10, " "), (16, 16, "\n"), (26, 26, " ")]
    assert repairs("JÃ³hann\u00a0datang") == [(0, 7, "Jóhann"), (7, 8, " ")]


def test_textmap_offsets_spelt_from_pieces():
    from kabar.textmap import TextBuilder

    raw = "ab JÃ³hann cd"
    out = TextBuilder(raw)
    out.add_sep("\n")           # nothing before: maps to 0
    out.add(0, 2)               # "ab"
    out.add_sep(" ")            # maps after the last copied character
    out.add_text("Jóhann", 3, 10)
    out.add(10, 13)             # " cd"
    text, offsets = out.build()
    assert text == "\nab Jóhann cd"
    assert len(offsets) == len(text)
    assert list(offsets) == [0, 0, 1, 2, 3, 4, 6, 7, 8, 9, 10, 11, 12]
    assert offsets[-1] == 12 and offsets[1:3] == [0, 1]
    assert offsets == list(offsets) and offsets != [0]
    assert text[4:10] == "Jóhann" and raw[offsets[4]:offsets[9] + 1] == "JÃ³hann"
