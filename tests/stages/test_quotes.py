"""The quotes stage on hand-written Indonesian sentences, entities given by hand.

Entities are built here from the names a test lists (every occurrence becomes
a mention), so these tests check the quotes stage alone, whatever the entity
tagger does.
"""
from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest

from kabar.document import Document
from kabar.stages import quotes

CASES = Path(__file__).parent.parent / "cases"


def run(text: str, people=(), orgs=(), figures=()):
    """Run the quotes stage on ``text`` with the named people/orgs as entities."""
    entities = []
    for etype, names in (("PER", people), ("ORG", orgs)):
        for forms in names:
            forms = (forms,) if isinstance(forms, str) else forms
            mentions = sorted({(m.start(), m.end()) for f in forms
                               for m in re.finditer(rf"\b{re.escape(f)}\b", text)})
            # a short form inside a longer one is no separate mention
            mentions = [m for m in mentions if not any(o != m and o[0] <= m[0] and m[1] <= o[1] for o in mentions)]
            entities.append({"id": f"e{len(entities) + 1}", "name": forms[0], "type": etype,
                             "mentions": [list(m) for m in mentions]})
    figs = []
    for f in figures:
        i = text.index(f)
        figs.append({"text": f, "span": [i, i + len(f)], "claimant": None, "claimant_text": None})
    paragraphs, pos = [], 0
    for line in text.split("\n"):
        paragraphs.append((pos, pos + len(line)))
        pos += len(line) + 1
    doc = Document(text=text, paragraphs=paragraphs, entities=entities, figures=figs)
    doc = quotes.run(doc)
    for q in doc.quotes:
        assert text[q["span"][0]:q["span"][1]] == q["text"]
    return doc


def names(doc, q):
    e = doc.entity(q["speaker"])
    return e["name"] if e else q["speaker_text"]


def _cases():
    with open(CASES / "quotes_styles.tsv", encoding="utf-8") as f:
        rows = [r for r in csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE) if r and not r[0].startswith("#")]
    return rows


@pytest.mark.parametrize("sentence,expected,direct,speaker", _cases())
def test_quotes_case_table(sentence, expected, direct, speaker):
    doc = run(sentence, people=[("Budi Santoso", "Budi"), ("Rina Wati", "Rina")])
    got = [q for q in doc.quotes if q["text"] == expected]
    assert got, [q["text"] for q in doc.quotes]
    assert got[0]["direct"] is (direct == "true")
    assert speaker in (got[0]["speaker_text"] or "") or speaker == names(doc, got[0])


def test_quotes_pronoun_clitic_resolves_to_last_speaker():
    text = ('"Kami siap bekerja keras," kata Tito Karnavian.\n'
            '"Semua daerah harus siaga menghadapi banjir," ujarnya.')
    doc = run(text, people=[("Tito Karnavian", "Tito")])
    assert [q["speaker"] for q in doc.quotes] == ["e1", "e1"]
    assert doc.quotes[1]["cue"] == "ujarnya"


def test_quotes_kata_dia_and_dirinya_resolve():
    text = ("Menteri Dalam Negeri Tito Karnavian meninjau lokasi banjir. "
            "Kata dia, bantuan akan tiba dalam dua hari. "
            "Lebih lanjut dirinya mengatakan pemerintah daerah sudah siap.")
    doc = run(text, people=[("Tito Karnavian", "Tito")])
    assert len(doc.quotes) == 2
    assert all(q["speaker"] == "e1" for q in doc.quotes)
    assert doc.quotes[0]["text"] == "bantuan akan tiba dalam dua hari"


def test_quotes_scare_quotes_are_no_quote():
    doc = run("Dalam surat itu, pasukan akan melakukan ‘apa saja’ untuk membantu warga di perbatasan.")
    assert all("apa saja" != q["text"] for q in doc.quotes)


def test_quotes_broken_by_attribution_gives_two_quotes_one_speaker():
    text = '"Kami sudah bekerja sejak pagi," kata Tito Karnavian, "dan kami belum selesai hari ini."'
    doc = run(text, people=[("Tito Karnavian", "Tito")])
    assert [q["text"] for q in doc.quotes] == ["Kami sudah bekerja sejak pagi",
                                               "dan kami belum selesai hari ini"]
    assert {q["speaker"] for q in doc.quotes} == {"e1"}


def test_quotes_running_over_paragraphs_is_one_quote():
    text = ('Budi Santoso berbicara di depan warga.\n'
            '“Kami membangun sekolah di setiap desa tahun ini.\n'
            '“Tahun depan kami membangun puskesmas,” kata Budi Santoso.')
    doc = run(text, people=[("Budi Santoso", "Budi")])
    direct = [q for q in doc.quotes if q["direct"]]
    assert len(direct) == 1
    assert direct[0]["text"].startswith("Kami membangun sekolah")
    assert direct[0]["text"].endswith("membangun puskesmas")
    assert direct[0]["speaker"] == "e1"


def test_quotes_missing_closing_mark_ends_at_paragraph():
    text = ('"Kami tidak akan mundur dari rencana ini, kata Rina Wati.\n'
            'Warga kemudian membubarkan diri.')
    doc = run(text, people=[("Rina Wati", "Rina")])
    assert doc.quotes[0]["text"] == "Kami tidak akan mundur dari rencana ini"
    assert doc.quotes[0]["speaker"] == "e1"


def test_quotes_nested_single_quotes_stay_inside():
    text = "“Dia bilang ‘saya tidak tahu’ waktu ditanya polisi,” kata Budi Santoso."
    doc = run(text, people=[("Budi Santoso", "Budi")])
    assert len(doc.quotes) == 1
    assert "‘saya tidak tahu’" in doc.quotes[0]["text"]


def test_quotes_unattributed_quote_continues_last_speaker():
    text = ('"Kami akan menambah pasukan di perbatasan," kata Rina Wati.\n'
            '"Semua pos jaga akan diperkuat mulai besok pagi."')
    doc = run(text, people=[("Rina Wati", "Rina")])
    assert [q["speaker"] for q in doc.quotes] == ["e1", "e1"]


def test_quotes_via_medium_is_entity():
    text = ('"Kami bersatu melawan penjajahan," kata Esmail Qaani seperti dikutip Al Arabiya, Jumat.\n'
            '"Harga minyak akan naik," ujar Ali Rahman, dilansir kantor berita AFP, Senin.')
    doc = run(text, people=[("Esmail Qaani", "Qaani"), ("Ali Rahman",)], orgs=[("Al Arabiya",), ("AFP",)])
    assert [q["via"] for q in doc.quotes] == ["e3", "e4"]
    assert [q["speaker"] for q in doc.quotes] == ["e1", "e2"]


def test_quotes_appositive_and_title_give_the_person():
    text = ("Francesca Albanese, pelapor khusus PBB, mengatakan serangan itu melanggar hukum internasional. "
            "Menteri Dalam Negeri Tito Karnavian menyatakan pemilu akan berjalan aman.")
    doc = run(text, people=[("Francesca Albanese",), ("Tito Karnavian",)], orgs=[("PBB",)])
    assert [q["speaker"] for q in doc.quotes] == ["e1", "e2"]


def test_quotes_requests_and_promises_are_flagged():
    text = ("Gubernur Rina Wati meminta warga menjauhi bantaran sungai. "
            "Budi Santoso berjanji akan memperbaiki jalan itu bulan depan.")
    doc = run(text, people=[("Rina Wati",), ("Budi Santoso",)])
    assert [q["kind"] for q in doc.quotes] == ["request", "promise"]


def test_quotes_object_noun_is_no_reported_speech():
    text = "Ia menyampaikan ucapan selamat Natal kepada umat Kristiani. Budi tidak menyebutkan jumlahnya."
    assert run(text).quotes == []


def test_quotes_passive_disebutkan_bahwa():
    doc = run("Dalam surat itu disebutkan bahwa pasukan akan membantu warga di perbatasan.")
    assert doc.quotes[0]["text"] == "pasukan akan membantu warga di perbatasan"
    assert doc.quotes[0]["direct"] is False


def test_quotes_figure_claimants():
    text = ("Para pejabat desa mengatakan banjir menewaskan 12 orang. "
            "Data BPS menunjukkan 300 keluarga kehilangan rumah. "
            "Sementara itu, sebanyak 40 orang masih mengungsi.")
    doc = run(text, orgs=[("BPS",)], figures=["12 orang", "300 keluarga", "40 orang"])
    claims = [(f["claimant"], f["claimant_text"]) for f in doc.figures]
    assert claims == [(None, "Para pejabat desa"), ("e1", "BPS"), (None, None)]


def test_quotes_figure_in_direct_quote_takes_speaker():
    text = '"Kami menangkap 15 orang tersangka," kata Budi Santoso.'
    doc = run(text, people=[("Budi Santoso",)], figures=["15 orang"])
    assert doc.figures[0]["claimant"] == "e1"


def test_quotes_reference_article(reference_record):
    rec = reference_record
    text = rec["text"]
    ents = {e["id"]: e for e in rec["entities"]}
    direct = [q for q in rec["quotes"] if q["direct"]]
    assert len(direct) == 2
    for q in direct:
        assert ents[q["speaker"]]["name"] == "Esmail Qaani"
    assert ents[direct[0]["via"]]["name"] == "Al Arabiya"
    khamenei = [q for q in rec["quotes"] if q["text"].startswith("Teheran tidak akan")]
    assert khamenei and ents[khamenei[0]["speaker"]]["name"] == "Ali Khamenei"
    figs = {f["value"]: f for f in rec["figures"]}
    assert figs[1200]["claimant_text"] == figs[240]["claimant_text"] == "Para pejabat Israel"
    assert figs[11000]["claimant"] is None and figs[11000]["claimant_text"] is None
    for q in rec["quotes"]:
        assert text[q["span"][0]:q["span"][1]] == q["text"]


def test_quotes_titles_in_marks_are_no_quote():
    text = ('Budi Santoso mengatakan kementerian meluncurkan kampanye bertajuk “Go Beyond Ordinary” di London. '
            'Perayaan tahun ini mengusung tema "Allah Hadir untuk Menyelamatkan Keluarga" yang menegaskan '
            'bahwa keluarga adalah jantung kehidupan.')
    doc = run(text, people=[("Budi Santoso",)])
    assert not any(q["direct"] for q in doc.quotes)


def test_quotes_dateline_is_no_speaker():
    text = "Jakarta (ANTARA) - Kementerian Agama mengimbau warga terus merawat kerukunan antarumat."
    doc = run(text, orgs=[("Kementerian Agama",)])
    assert doc.quotes[0]["speaker"] == "e1"
    assert doc.quotes[0]["kind"] == "request"


def test_quotes_unclosed_mark_in_long_paragraph_keeps_its_sentence():
    filler = " ".join(["Warga kemudian kembali ke rumah masing-masing setelah rapat selesai."] * 15)
    text = 'Budi Santoso datang. "Kami tidak akan mundur dari rencana ini. ' + filler
    doc = run(text, people=[("Budi Santoso",)])
    assert doc.quotes[0]["text"] == "Kami tidak akan mundur dari rencana ini"


def test_quotes_hal_itu_disampaikan_names_the_earlier_speaker():
    text = ('"Kami akan menambah anggaran untuk sekolah di daerah terpencil," ujarnya. '
            'Hal itu disampaikan Menteri Pendidikan Budi Santoso di Jakarta, Senin. '
            '"Guru honorer juga akan kami perhatikan," katanya.')
    doc = run(text, people=[("Budi Santoso",)])
    assert [q["speaker"] for q in doc.quotes] == ["e1", "e1"]
    assert len(doc.quotes) == 2  # the pointer itself is no quote


def test_quotes_first_pronoun_quote_goes_to_the_protagonist():
    text = ("Budi Santoso dilantik sebagai gubernur baru. Budi Santoso menang dengan suara besar. "
            "Presiden Rina Wati memimpin pengambilan sumpah jabatan. "
            '"Saya akan bekerja untuk semua warga provinsi ini," ujarnya.')
    doc = run(text, people=[("Budi Santoso",), ("Rina Wati",)])
    assert doc.quotes[0]["speaker"] == "e1"


def test_quotes_pledging_loyalty_is_no_promise():
    text = "Para anggota dewan yang berjanji setia kepada negara telah dilantik oleh ketua komisi."
    assert run(text).quotes == []


def test_quotes_title_alone_finds_its_holder():
    text = ('Presiden Budi Santoso menulis pesan di prasasti. '
            '"Saya sudah bertekad melawan korupsi di mana pun," tegas Presiden dalam sambutannya.')
    doc = run(text, people=[("Budi Santoso",)])
    assert doc.quotes[0]["speaker"] == "e1"


def test_quotes_name_before_verb_beyond_an_adjunct():
    text = "KPK dalami aset yang tidak dilaporkan dalam LHKPN Komisi Antikorupsi mengatakan sedang memeriksa aset itu."
    doc = run(text, orgs=[("Komisi Antikorupsi",), ("KPK",)])
    assert doc.quotes[0]["speaker"] == "e1"


def test_quotes_headline_in_marks_inside_a_sentence_is_no_quote():
    text = ('Gambar itu diunggah sebuah situs dalam berita “Mantan Direktur Dituntut Lima Tahun Penjara '
            'karena Korupsi Rumah Murah.” Unggahan itu menyesatkan.')
    assert not any(q["direct"] for q in run(text).quotes)


def test_quotes_question_in_parentheses_opens_a_new_sentence():
    # '"(Jika ...?) Ya' must not glue the quotation onto the reported clause before it.
    text = ('Ia juga berujar bahwa kasus ini merupakan ranah privat partai. '
            '"(Apakah akan dipecat?) Ya, itu langkah terakhir," pungkasnya.')
    doc = run(text)
    assert [q["direct"] for q in doc.quotes] == [False, True]
    assert doc.quotes[0]["text"] == "kasus ini merupakan ranah privat partai"


def test_quotes_glued_lead_teaser_before_dateline_is_another_clause():
    text = ("kasus paling banyak terjadi di Tangerang, karena banyak industri di sana Tangerang (ANTARA) - "
            "Kantor Imigrasi Banten menyebutkan kasus izin tinggal mendominasi pelanggaran tahun ini.")
    doc = run(text, orgs=[("Kantor Imigrasi Banten",)])
    assert [q["text"] for q in doc.quotes] == ["kasus izin tinggal mendominasi pelanggaran tahun ini"]
    assert doc.quotes[0]["speaker"] == "e1"


def test_quotes_delivered_thing_is_no_reported_speech():
    text = ("Rina Wati menyampaikan rasa terima kasihnya atas bantuan yang diberikan pemerintah. "
            "Budi Santoso mengungkapkan kekecewaannya setelah melihat unggahan itu di media sosial. "
            "Budi Santoso menyebut kata kasar saat berkampanye di Riau.")
    assert run(text, people=[("Budi Santoso",), ("Rina Wati",)]).quotes == []


def test_quotes_capitalised_name_part_is_no_predicate():
    # "Tengah" in "Jawa Tengah" is a place name, not the predicate "tengah" (is doing).
    text = "Budi Santoso melaporkan mantan Ketua DPW Jawa Tengah, Rina Wati, ke Polda Jateng."
    assert run(text, people=[("Budi Santoso",), ("Rina Wati",)]).quotes == []


def test_quotes_speaker_after_cue_stops_at_his_next_act():
    text = ('Presiden Budi Santoso berpidato di Istana. '
            '"Selamat Natal dan Tahun Baru untuk kita semua," ungkap Presiden menutup ucapannya. '
            '"Semoga cepat pulih," tutur sulung dari empat bersaudara ini.')
    doc = run(text, people=[("Budi Santoso",)])
    # "menutup" would otherwise make "Presiden menutup ucapannya" an unknown speaker; the
    # ber- word "bersaudara" belongs to the description and does not cut it.
    assert [q["speaker"] for q in doc.quotes] == ["e1", "e1"]


def test_quotes_concessive_report_ends_at_the_main_clause():
    text = ("Kendati Budi Santoso selaku ketua panitia mengatakan bahwa acara itu berjalan sukses, "
            "namun peninjauan ulang dianggap terlalu lama. "
            "Meski Rina Wati menyebut harga beras sudah turun, warga tetap mengeluh.")
    doc = run(text, people=[("Budi Santoso",), ("Rina Wati",)])
    assert [q["text"] for q in doc.quotes] == ["acara itu berjalan sukses", "harga beras sudah turun"]
    assert [q["speaker"] for q in doc.quotes] == ["e1", "e2"]


def test_quotes_delivered_thing_still_names_who_kata_dia_means():
    text = ('Budi Santoso meninjau kampus. Ketua prodi Rina Wati menyampaikan rasa terima kasihnya atas bantuan itu. '
            '"Alat-alat baru ini sangat membantu mahasiswa kami," kata dia. '
            'Rina Wati menyebut ucapan menteri itu bisa saja disalahpahami warga.')
    doc = run(text, people=[("Budi Santoso",), ("Rina Wati",)])
    assert [q["speaker"] for q in doc.quotes] == ["e2", "e2"]
    assert doc.quotes[1]["text"] == "ucapan menteri itu bisa saja disalahpahami warga"


def test_quotes_lead_teaser_repeating_a_quote_is_dropped():
    text = ('“Seluruh personel telah ditempatkan di titik strategis," Pangkalpinang (ANTARA) - Polda Babel '
            'mengerahkan personel untuk Natal. “Seluruh personel telah ditempatkan di titik strategis," '
            'kata Kapolda Budi Santoso di Pangkalpinang, Kamis.')
    doc = run(text, people=[("Budi Santoso",)])
    assert len(doc.quotes) == 1
    assert doc.quotes[0]["speaker"] == "e1"


def test_quotes_figure_source_data_di_and_yang_dicatat():
    text = ("Berdasarkan data di Bursa Efek Indonesia (BEI), investor asing menjual saham senilai Rp 3 triliun. "
            "Aktivitas jual bersih yang dicatat BEI pada hari ini mencapai Rp 697 miliar.")
    doc = run(text, orgs=[("Bursa Efek Indonesia", "BEI")], figures=["Rp 3 triliun", "Rp 697 miliar"])
    assert [f["claimant"] for f in doc.figures] == ["e1", "e1"]


def test_quotes_passive_subject_is_not_whom_ujarnya_means():
    text = ('"Saya hanya ingin uang saya kembali," tutur Rina Wati di Jakarta. '
            'Budi Santoso juga dianggap hanya memberikan janji-janji. '
            '"Nomor rekening sudah diminta, tapi tidak ada transfer," ujarnya.')
    doc = run(text, people=[("Budi Santoso",), ("Rina Wati",)])
    assert [q["speaker"] for q in doc.quotes] == ["e2", "e2"]


def test_quotes_bahwa_clause_after_attribution_is_the_next_statement():
    text = ('"Saya hanya melihat bagian pertama," kata Budi Santoso, sembari menambahkan bahwa '
            'dirinya menyerahkan video itu kepada stafnya. Ia tidak mengatakan bahwa harga akan naik tahun depan.')
    doc = run(text, people=[("Budi Santoso",)])
    assert [(q["direct"], q["speaker"]) for q in doc.quotes] == [(True, "e1"), (False, "e1")]
    assert doc.quotes[1]["text"] == "dirinya menyerahkan video itu kepada stafnya"


def test_quotes_melanjutkan_reports_only_with_comma_or_bahwa():
    text = ("Budi Santoso melanjutkan, dampak yang lebih parah dihadapi rupiah karena ekspor anjlok. "
            "Pemerintah melanjutkan pembangunan jalan tol yang sudah dimulai tahun lalu.")
    doc = run(text, people=[("Budi Santoso",)])
    assert [q["text"] for q in doc.quotes] == ["dampak yang lebih parah dihadapi rupiah karena ekspor anjlok"]


def test_quotes_menurut_hedge_inside_a_noun_phrase_is_no_source():
    text = ("Saat ditanya soal Rina Wati yang menurut informasi sudah diganti dari jabatannya, "
            "Budi Santoso menyebut dalam surat itu belum ada tanda tangan dirinya sebagai sekretaris. "
            '"Kalau memang ada surat itu, tolong disampaikan kepada kami," tuturnya.')
    doc = run(text, people=[("Budi Santoso",), ("Rina Wati",)])
    assert [q["text"] for q in doc.quotes] == [
        "dalam surat itu belum ada tanda tangan dirinya sebagai sekretaris",
        "Kalau memang ada surat itu, tolong disampaikan kepada kami"]
    assert [q["speaker"] for q in doc.quotes] == ["e1", "e1"]


def test_quotes_adjunct_without_comma_and_without_predicate_is_no_content():
    assert run("Budi Santoso mengatakan kepada wartawan di Balai Kota Jakarta.", people=[("Budi Santoso",)]).quotes == []


def test_quotes_trailing_adverb_leaves_the_description():
    text = ('Pebalap muda Budi Santoso tampil baik. "Saya akan berusaha keras musim ini," tutur Budi. '
            '"Tujuan utama saya adalah jam terbang," kata pebalap Monako itu lagi.')
    doc = run(text, people=[("Budi Santoso", "Budi")])
    assert [q["speaker"] for q in doc.quotes] == ["e1", "e1"]


def test_quotes_memandang_with_comma_reports():
    text = "Budi Santoso memandang, penandatanganan kontrak tersebut adalah awal yang baik."
    doc = run(text, people=[("Budi Santoso",)])
    assert doc.quotes[0]["text"] == "penandatanganan kontrak tersebut adalah awal yang baik"


def test_quotes_person_asked_about_is_not_the_subject():
    text = ("Ditanya soal Presiden Rina Wati minta debat dievaluasi, Budi Santoso enggan berkomentar. "
            "Katanya, ia sudah menyampaikan pernyataan terkait itu. "
            '"Saya sudah komentar, saya tidak mau mengulang," tandasnya. '
            'Direktur Budi Santoso datang. "Kami siap," ujarnya.')
    doc = run(text, people=[("Budi Santoso",), ("Rina Wati",)])
    assert [q["speaker"] for q in doc.quotes] == ["e1", "e1", "e1"]
    assert len(doc.quotes) == 3


def test_quote_sentence_boundary_rewritten_for_speed_matches_as_before():
    import re

    from kabar.quotes.text import _BOUNDARY

    ref = re.compile(r"[.!?]+[\"”’')\]]*(?:[\s\u200b-\u200f\ufeff]+(?=[\"“‘(\[\u200e]{0,2}[A-Z0-9])"
                     r"|(?=[\"“‘]?[A-Z][a-z]))")
    for text in ['Ia datang.Arief pergi. "(Jika ...!? Ya." Dia', "Imin.\"Ya ?? 12 .. M. Riezko!!\u200bAb"]:
        assert [m.span() for m in _BOUNDARY.finditer(text)] == [m.span() for m in ref.finditer(text)]


_TRY_TEXTS = [
    'Menurut data BPS, 12 orang. "Ya," katanya. Kata dia, mengatakan bahwa ini. Dikatakannya, semua baik. '
    "Hal itu disampaikan Menteri X. menurutnya ada, kata-kata, mengatakannya. KATA Budi berkata menurut laporan Reuters.",
    "Data Kementerian Kesehatan menunjukkan 5 orang, yang dicatat oleh BNPB. Berdasarkan data dari Polri, "
    "catatan Komnas HAM mencatat; survei Indikator menunjukkan. Mengutip data Bank Indonesia, menurut  Budi.",
]


def test_quote_word_patterns_tried_at_their_heads_find_what_finditer_finds():
    from kabar.quotes.lexicon import heads, lexicon, words

    lex = lexicon()
    for text in _TRY_TEXTS:
        at = heads(text)
        for rx in (lex.menurut_re, lex.verb_re, lex.passive_re, lex.inline_kata_re):
            for a, b in ((0, None), (10, 120), (57, len(text))):
                assert [m.span() for m in words(rx, text, a, b, starts=at)] == [m.span() for m in words(rx, text, a, b)]


def test_quote_sources_quick_form_finds_no_less():
    from kabar.quotes.claimants import _sources

    for quick, rx in _sources():
        for text in _TRY_TEXTS:
            for a in range(0, len(text), 7):
                for b in range(a, len(text) + 1, 11):
                    if rx.search(text, a, b):
                        assert quick.search(text, a, b)


def test_quote_lookup_tables_hold_the_lexicon():
    from kabar.quotes.lexicon import lexicon
    from kabar.quotes.reported import _objects
    from kabar.quotes.speakers import _time_tails, subject_before

    assert {o for _, objects in _objects() for o in objects} == set(lexicon().objects)
    assert _time_tails() == tuple(" " + p for p in lexicon().time_phrases)
    text = "Intelligent Energy baru-baru ini mengatakan"
    assert text[slice(*subject_before(text, 0, text.index(" mengatakan")))] == "Intelligent Energy"


def test_last_word_is_the_last_word_of_a_full_scan():
    """reported._last_word reads back from the last space; it must agree with scanning every word."""
    import random

    from kabar.quotes.reported import _last_word
    from kabar.quotes.text import WORD

    rng = random.Random(7)
    alphabet = "ab1 _-./'’,:()\"“\n\t"
    cases = ["", " ", "kata", "sembari menambahkan", "a -", "x. ,", "  - ", "Ir. H. Joko - ,"]
    cases += ["".join(rng.choice(alphabet) for _ in range(rng.randrange(0, 25))) for _ in range(3000)]
    for text in cases:
        for a in range(len(text) + 1):
            for b in range(a, len(text) + 1):
                full = list(WORD.finditer(text, a, b))
                got = _last_word(text, a, b)
                want = full[-1] if full else None
                assert (got and got.span()) == (want and want.span()), (text, a, b)


def test_mark_offsets_are_every_mark():
    """The marks found with str.find are those a regex class over the whole text finds."""
    import re

    from kabar.quotes.direct import _offsets
    from kabar.quotes.lexicon import DOUBLE_MARKS, SINGLE_MARKS

    texts = ["", "tanpa tanda", 'Ia berkata "ya" lalu \'tidak\'', "“Kami” ‘siap’ „x‟ «y» ″z″ Ma'ruf",
             'glued."Next" and ""double""', "’‚‛‘" * 3]
    for text in texts:
        for chars in (DOUBLE_MARKS, SINGLE_MARKS + "'"):
            assert _offsets(text, chars) == [m.start() for m in re.finditer(f"[{re.escape(chars)}]", text)]
