import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kabar.cli import app
from kabar.ingest import READERS, read_inputs
from kabar.ingest.feeds import entry_published, site_host
from kabar.ingest.readers import read_path
from tests.conftest import assert_kabar1

FEEDS = Path(__file__).parent / "fixtures" / "feeds"
runner = CliRunner()


def _items(path):
    return list(read_path(Path(path)))


def test_ingest_feeds_register_their_suffixes():
    for suffix in (".rss", ".atom", ".xml"):
        assert READERS[suffix].__name__ == "read_feed"


def test_ingest_feeds_rss_full_content_becomes_html_input():
    first = _items(FEEDS / "berita.rss")[0]
    assert first.name.endswith("berita.rss#entry-1") and first.error is None
    obj = first.data
    # content:encoded wins over the teaser in <description>
    assert obj["html"].startswith("<p>Jakarta - Menteri Pekerjaan Umum Budi Santoso")
    assert "Ringkasan singkat" not in obj["html"]
    assert obj["id"] == "wartacontoh-1001"
    assert obj["url"] == "https://www.wartacontoh.co.id/nasional/bendungan-cibeureum-diresmikan"
    assert obj["source"] == "wartacontoh.co.id"
    assert obj["title"] == "Bendungan Cibeureum Diresmikan & Mulai Mengairi Sawah"
    assert obj["published"] == "2025-02-03T14:30:00+07:00"


def test_ingest_feeds_plain_summary_becomes_text_and_link_is_id():
    second = _items(FEEDS / "berita.rss")[1].data
    assert "html" not in second
    assert second["text"] == ("Harga cabai rawit di Pasar Induk Kramat Jati turun menjadi Rp 40.000 per "
                              "kilogram pada Selasa, kata pedagang & pengelola pasar.")
    assert second["id"] == second["url"] == "https://www.wartacontoh.co.id/ekonomi/harga-cabai-turun"


def test_ingest_feeds_entry_without_body_is_error_naming_entry():
    items = _items(FEEDS / "berita.rss")
    assert len(items) == 3
    third = items[2]
    assert third.data is None
    assert third.name.endswith("berita.rss#entry-3")
    assert "has no content or summary" in third.error and "tanpa-isi" in third.error


def test_ingest_feeds_atom_html_title_and_updated_date():
    first, second = _items(FEEDS / "berita.atom")
    assert first.data["title"] == "Gubernur Meninjau Banjir di Semarang"
    assert first.data["html"].startswith("<p>Semarang - Gubernur Jawa Tengah")
    assert first.data["published"] == "2025-02-05T07:45:00+07:00"  # published, not updated
    assert first.data["source"] == "kabarrekaan.id"
    assert first.data["id"] == "tag:kabarrekaan.id,2025:2001"
    assert second.data["text"].startswith("Pelabuhan Tanjung Emas kembali dibuka")
    assert second.data["published"] == "2025-02-05T11:20:00+07:00"  # only updated given


def test_ingest_feeds_non_feed_xml_is_one_error():
    (item,) = _items(FEEDS / "bukan-feed.xml")
    assert item.data is None and "not an RSS or Atom feed" in item.error


def test_ingest_feeds_unparseable_file_is_one_error(tmp_path):
    bad = tmp_path / "rusak.rss"
    bad.write_bytes(b"\x00\x01 ini bukan XML")
    (item,) = _items(bad)
    assert item.name == str(bad) and "not an RSS or Atom feed" in item.error


def test_ingest_feeds_damaged_encoding_declaration_is_one_error(tmp_path):
    # feedparser itself raises UnicodeDecodeError on such a declaration; the reader must not.
    bad = tmp_path / "rusak.atom"
    bad.write_bytes((FEEDS / "berita.atom").read_bytes().replace(b'encoding="utf-8"', b'encoding="utf-\x87"'))
    (item,) = _items(bad)
    assert item.name == str(bad) and item.error.startswith("not an RSS or Atom feed (UnicodeDecodeError")


def test_ingest_feeds_file_cut_inside_entry_makes_it_error(tmp_path):
    data = (FEEDS / "berita.rss").read_bytes()
    cut = tmp_path / "terpotong.rss"
    cut.write_bytes(data[:data.index(b"Pembangunan bendungan")])  # inside the first full content
    (item,) = _items(cut)
    assert item.data is None and "ends inside this entry" in item.error  # not its teaser


def test_ingest_feeds_file_cut_between_entries_keeps_them(tmp_path):
    data = (FEEDS / "berita.rss").read_bytes()
    cut = tmp_path / "terpotong.rss"
    cut.write_bytes(data[:data.index(b"<item>\n      <title>Judul Tanpa Isi")])
    assert [i.error for i in _items(cut)] == [None, None]


def test_ingest_feeds_undefined_entity_still_reads_all_entries(tmp_path):
    data = (FEEDS / "berita.rss").read_bytes().replace(b"Harga Cabai Turun", b"Harga&nbsp;Cabai Turun")
    flawed = tmp_path / "entitas.rss"
    flawed.write_bytes(data)
    items = _items(flawed)
    assert [i.error is None for i in items] == [True, True, False]
    assert items[1].data["title"] == "Harga Cabai Turun di Pasar Induk"  # no-break space made plain


def test_ingest_feeds_feed_without_entries_is_one_error(tmp_path):
    empty = tmp_path / "kosong.rss"
    empty.write_text('<rss version="2.0"><channel><title>Kosong</title>'
                     "<link>https://kosong.id/</link></channel></rss>", encoding="utf-8")
    (item,) = _items(empty)
    assert item.error == "feed has no entries"


def test_ingest_feeds_feed_as_xml_suffix_is_read(tmp_path):
    feed = tmp_path / "umpan.xml"
    feed.write_bytes((FEEDS / "berita.rss").read_bytes())
    assert [i.error is None for i in _items(feed)] == [True, True, False]


def test_ingest_feeds_file_naming_a_url_is_never_fetched(tmp_path, monkeypatch):
    import feedparser.http

    def no_network(*args, **kwargs):
        raise AssertionError("feed reader tried to fetch a URL")

    monkeypatch.setattr(feedparser.http, "get", no_network)
    url_only = tmp_path / "alamat.rss"
    url_only.write_text("https://kabarrekaan.id/feed.atom", encoding="utf-8")
    (item,) = _items(url_only)
    assert "not an RSS or Atom feed" in item.error


def test_ingest_feeds_entry_without_link_takes_host_from_feed(tmp_path):
    feed = tmp_path / "tanpa-tautan.rss"
    feed.write_text('<rss version="2.0"><channel><title>T</title><link>https://www.contoh.id/</link>'
                    "<item><title>Judul</title><description>Isi berita singkat.</description></item>"
                    "</channel></rss>", encoding="utf-8")
    (item,) = _items(feed)
    assert item.data["source"] == "contoh.id"
    assert item.data["url"] is None and item.data["id"] is None and item.data["published"] is None


@pytest.mark.parametrize("raw, expected", [
    ("Senin, 03 Feb 2025 14:30:00 +0700", "2025-02-03T14:30:00+07:00"),
    ("Tue, 04 Feb 2025 23:30:00 GMT", "2025-02-04T23:30:00+00:00"),
    ("Tue, 04 Feb 2025 06:05:00 WIB", "2025-02-04T06:05:00"),  # unknown zone: wall clock kept
    ("2025-02-05T07:45:00+07:00", "2025-02-05T07:45:00+07:00"),
    ("kemarin sore", "kemarin sore"),  # left for parse_published to warn about
    ("", None),
])
def test_ingest_feeds_published_keeps_local_time(raw, expected):
    assert entry_published({"published": raw}) == expected


@pytest.mark.parametrize("url, host", [
    ("https://www.cnnindonesia.com/nasional", "cnnindonesia.com"),
    ("https://news.detik.com/", "news.detik.com"),
    ("HTTPS://WWW.Antaranews.com", "antaranews.com"),
    ("bukan url", None),
    (None, None),
])
def test_ingest_feeds_site_host(url, host):
    assert site_host(url) == host


def test_ingest_feeds_cli_extract_end_to_end(tmp_path):
    out = tmp_path / "out.jsonl"
    res = runner.invoke(app, ["extract", str(FEEDS / "berita.rss"), "-o", str(out)])
    assert res.exit_code == 1  # the entry without a body is skipped
    err = res.stderr if hasattr(res, "stderr") else res.output
    assert "berita.rss#entry-3: entry" in err and "2 articles extracted, 1 skipped" in err
    first, second = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    for rec in (first, second):
        assert_kabar1(rec)
        assert rec["source"] == "wartacontoh.co.id"
    assert first["title"] == "Bendungan Cibeureum Diresmikan & Mulai Mengairi Sawah"
    assert first["url"] == "https://www.wartacontoh.co.id/nasional/bendungan-cibeureum-diresmikan"
    assert first["text"].splitlines() == [
        "Jakarta - Menteri Pekerjaan Umum Budi Santoso meresmikan Bendungan Cibeureum di Kabupaten Bogor, "
        "Jawa Barat, pada Senin (3/2) pagi.",
        "\"Bendungan ini akan mengairi sekitar 4.000 hektare sawah milik petani di tiga kecamatan,\" kata "
        "Budi kepada wartawan di lokasi peresmian.",
        "Pembangunan bendungan tersebut menelan biaya Rp 1,2 triliun dan dikerjakan selama tiga tahun.",
    ]
    assert first["published"].startswith("2025-02-03")
    assert second["title"] == "Harga Cabai Turun di Pasar Induk"
    assert second["url"] == "https://www.wartacontoh.co.id/ekonomi/harga-cabai-turun"
    assert second["text"].startswith("Harga cabai rawit di Pasar Induk Kramat Jati")


def test_ingest_feeds_read_inputs_walks_directory_of_feeds():
    names = [i.name for i in read_inputs([str(FEEDS)])]
    assert any(n.endswith("berita.atom#entry-2") for n in names)
    assert any(n.endswith("bukan-feed.xml") for n in names)
