"""HTML extraction: the article's paragraphs, one per line, without the page's furniture."""
import pytest

from kabar.ingest.html import extract_html
from kabar.ingest.readers import InputError, to_document

PARAGRAPHS = [
    "Pemerintah kota meresmikan taman baru di pusat kota pada Senin pagi, disaksikan ratusan warga yang "
    "datang sejak subuh.",
    "Wali kota mengatakan taman itu dibangun dengan anggaran daerah dan akan dibuka untuk umum setiap hari "
    "tanpa dipungut biaya.",
    "“Kami ingin warga punya ruang terbuka yang aman untuk keluarga,” ujar wali kota di lokasi peresmian.",
    "Taman seluas dua hektare itu dilengkapi jalur lari, area bermain anak dan perpustakaan kecil.",
]

PAGE = f"""<!DOCTYPE html>
<html><head><title>Wali kota resmikan taman baru</title>
<meta property="article:published_time" content="2025-10-22T06:59:00+07:00">
<script>var ads = "Baca juga: iklan";</script></head>
<body>
<header><nav><a href="/">Beranda</a> <a href="/politik">Politik</a></nav></header>
<div class="sidebar"><div class="card-1"><h5>Headline</h5><p>Harga beras naik di pasar induk.</p></div></div>
<div class="article">
  <figure><img src="x.jpg"><figcaption>Taman kota (Dok. Pemkot)</figcaption></figure>
  <p>{PARAGRAPHS[0]}</p>
  <p>{PARAGRAPHS[1]}</p>
  <div class="dfp-ad"><ins class="adsbygoogle"></ins>IKLAN</div>
  <p class="related-news"><strong>Baca juga : <a href="/x">Warga keluhkan taman kota yang rusak</a></strong></p>
  <p>{PARAGRAPHS[2]}</p>
  <p>{PARAGRAPHS[3]}</p>
  <div class="share-bar">Bagikan: Facebook Twitter WhatsApp</div>
</div>
<div class="related-articles"><h3><a href="/y">Taman kota lain dibuka bulan depan</a></h3>
<p>Pemkot juga menyiapkan dua taman lain di pinggiran kota.</p></div>
<div class="copyright"><p>Copyright @ 2025 Contoh Media. All Rights Reserved</p></div>
<footer>Redaksi | Pedoman Media Siber</footer>
</body></html>"""


def test_html_article_paragraphs_one_per_line():
    page = extract_html(PAGE)
    assert page.text.splitlines() == PARAGRAPHS


def test_html_furniture_removed():
    text = extract_html(PAGE).text
    for junk in ("Baca juga", "Headline", "Harga beras", "Copyright", "Bagikan", "IKLAN",
                 "Taman kota lain", "pinggiran kota", "Beranda", "Dok. Pemkot", "Pedoman"):
        assert junk not in text


def test_html_metadata():
    page = extract_html(PAGE)
    assert page.title == "Wali kota resmikan taman baru"
    assert page.published.startswith("2025-10-22")


def test_html_input_object_becomes_document():
    doc = to_document({"html": PAGE, "id": "taman"})
    assert doc.text.split("\n") == PARAGRAPHS
    assert doc.published == "2025-10-22"
    assert doc.title == "Wali kota resmikan taman baru"


def test_html_ad_inside_the_article_is_dropped():
    page = f"""<html><body><div class="content">
    <p>{PARAGRAPHS[0]}</p><p>{PARAGRAPHS[1]}</p>
    <div class="iklan-tengah"><p>Promo spesial akhir tahun untuk pembaca setia kami semua.</p></div>
    <p>{PARAGRAPHS[2]}</p><p>{PARAGRAPHS[3]}</p>
    </div><div class="terpopuler"><p>Lima berita paling banyak dibaca hari ini di kanal kota.</p></div>
    </body></html>"""
    assert extract_html(page).text.splitlines() == PARAGRAPHS


@pytest.mark.parametrize("html", ["", "   ", "<html><body><nav>Menu</nav></body></html>"])
def test_html_without_article_is_an_input_error(html):
    with pytest.raises(InputError):
        extract_html(html)
